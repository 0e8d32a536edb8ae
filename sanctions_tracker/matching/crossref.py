"""Curated subjects against the official lists: who else lists each, and where they disagree.

For each curated subject the lists are searched by identifier first (ship IMO, company IMO,
MMSI: each only against its own scheme), then by name where no identifier decides: a list
entry found by name whose identifier of a scheme the subject also has differs is not the same
subject, and is reported as a conflict instead. :func:`crosscheck` turns what disagrees into
findings on the curated side (``file:line:col``) naming the list entry.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

import attrs
from tabulate import tabulate

from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.lists.model import Identifier, IdScheme, SubjectType

from .index import DEFAULT_THRESHOLD, SCHEME_LABELS, How, Match, NameIndex
from .report import match_document
from .targets import Target, curated_targets, list_targets

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sanctions_tracker.lists.model import Snapshot
    from sanctions_tracker.model.dataset import Dataset

__all__ = ["Crossref", "SubjectCrossref", "crosscheck", "crossref", "crossref_csv",
           "crossref_document", "crossref_text", "lists_index"]

_DECIDING = (IdScheme.SHIP_IMO, IdScheme.COMPANY_IMO, IdScheme.MMSI)
_OTHER_IMO = {IdScheme.SHIP_IMO: IdScheme.COMPANY_IMO, IdScheme.COMPANY_IMO: IdScheme.SHIP_IMO}


@attrs.frozen
class SubjectCrossref:
    """One curated subject, the list entries that carry it, and those that contradict it.

    ``wrong_scheme``: entries carrying the subject's IMO number under the other IMO scheme.
    """

    subject: Target
    matches: tuple[Match, ...]
    conflicts: tuple[Match, ...] = ()
    wrong_scheme: tuple[Match, ...] = ()


@attrs.frozen
class Crossref:
    """Every curated subject's cross-reference, in data order."""

    subjects: tuple[SubjectCrossref, ...]
    lists: tuple[str, ...]


def lists_index(snapshots: Sequence[Snapshot]) -> NameIndex:
    """An index of the lists' entries alone (curated subjects are what is looked up)."""
    return NameIndex.build([t for s in snapshots for t in list_targets(s)])


def _ids(target: Target, scheme: IdScheme) -> set[str]:
    return {i.value for i in target.identifiers if i.scheme is scheme}


def cross_subject(subject: Target, index: NameIndex, threshold: float) -> SubjectCrossref:
    """The list entries that carry one curated subject, by identifier then by name."""
    found: dict[int, Match] = {}
    wrong: list[Match] = []
    for identifier in subject.identifiers:
        if identifier.scheme not in _DECIDING:
            continue
        for match in index.by_identifier(identifier):
            found.setdefault(id(match.target), match)
        other = _OTHER_IMO.get(identifier.scheme)
        if other is not None:
            wrong += index.by_identifier(Identifier(other, identifier.value, identifier.raw))
    conflicts: dict[int, Match] = {}
    for name in subject.names:
        for match in index.search(name.text, threshold=threshold, subject=subject.subject):
            key = id(match.target)
            if key in found or key in conflicts:
                continue
            differs = [s for s in _DECIDING if _ids(subject, s) and _ids(match.target, s)
                       and not _ids(subject, s) & _ids(match.target, s)]
            (conflicts if differs else found)[key] = match
    order = sorted(found.values(), key=lambda m: (m.how is not How.IDENTIFIER, -m.score))
    return SubjectCrossref(subject, tuple(order), tuple(conflicts.values()), tuple(wrong))


def crossref(dataset: Dataset | None, snapshots: Sequence[Snapshot], *,
             threshold: float = DEFAULT_THRESHOLD, index: NameIndex | None = None,
             entries: Snapshot | None = None) -> Crossref:
    """For each curated subject (or each entry of ``entries``), the lists that carry it.

    With ``entries``, the subjects are that list's entries and the other snapshots are
    searched ("which of the UN's DPRK entries are on the OFAC list, and since when").
    """
    others = [s for s in snapshots if entries is None or s.sources != entries.sources]
    index = index or lists_index(others)
    names = tuple(f"{s.authority} {s.list_name} {s.snapshot_date or ''}".strip()
                  for s in others)
    subjects = list_targets(entries) if entries is not None else (
        curated_targets(dataset) if dataset is not None else [])
    return Crossref(tuple(cross_subject(t, index, threshold) for t in subjects), names)


def _label(target: Target) -> str:
    return f"{target.entry_id} ({target.subject}) {target.caption}"


def crossref_document(report: Crossref) -> dict[str, Any]:
    """The cross-reference as JSON: ``{"lists": [...], "subjects": [...]}``."""
    return {
        "lists": list(report.lists),
        "subjects": [{
            "subject": s.subject.entry_id, "type": str(s.subject.subject),
            "name": s.subject.caption,
            "identifiers": [{"scheme": i.scheme.value, "value": i.value}
                            for i in s.subject.identifiers],
            "matches": [match_document(m) for m in s.matches],
            "conflicts": [match_document(m) for m in s.conflicts],
            "wrong_scheme": [match_document(m) for m in s.wrong_scheme],
        } for s in report.subjects],
    }


_COLUMNS = ("subject", "list", "entry", "listed", "programmes", "how")


def _rows(report: Crossref) -> list[list[str]]:
    rows = []
    for s in report.subjects:
        if not s.matches:
            rows.append([_label(s.subject), "-", "-", "-", "-", "carried by no list read"])
        for kind, matches in (("", s.matches), ("conflict: ", s.conflicts),
                              ("other IMO scheme: ", s.wrong_scheme)):
            for m in matches:
                ref = m.target.ref
                rows.append([
                    _label(s.subject), f"{ref.authority} {ref.list_name} {ref.snapshot_date or ''}"
                    .strip(), f"{m.target.entry_id} {m.target.caption}",
                    m.target.listing_date or "-", ", ".join(m.target.programs) or "-",
                    kind + m.explain()])
    return rows


def crossref_text(report: Crossref) -> str:
    """The cross-reference as a table (tabulate), one row per subject and list entry."""
    if not report.subjects:
        return (f"no subjects to cross-reference: the data has no itemized subjects "
                f"({len(report.lists)} list(s) read)")
    return tabulate(_rows(report), headers=_COLUMNS, tablefmt="simple")


def crossref_csv(report: Crossref, stream: TextIO) -> None:
    """The cross-reference as CSV, the columns of the text table."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(_COLUMNS)
    writer.writerows(_rows(report))


def crosscheck(dataset: Dataset, index: NameIndex, *,
               threshold: float = DEFAULT_THRESHOLD) -> list[Finding]:
    """Findings where the curated subjects disagree with the lists (locations unresolved)."""
    findings: list[Finding] = []
    for target in curated_targets(dataset):
        action_id, _, number = target.entry_id.rpartition("/subjects/")
        findings += _subject_findings(dataset, action_id, int(number), target,
                                      cross_subject(target, index, threshold))
    # Several snapshots of one list (two weeks of the SDN list) say the same thing once.
    unique: dict[tuple[str, str, str], Finding] = {}
    for finding in findings:
        unique.setdefault((finding.code, str(finding.location), finding.message), finding)
    return list(unique.values())


def _entry(match: Match) -> str:
    ref = match.target.ref
    return (f"{ref.authority} {ref.list_name} entry {match.target.entry_id} "
            f"({match.target.caption})")


def _related(match: Match) -> tuple[Location, ...]:
    location = match.target.location or match.target.ref.source
    file, _, line = location.rpartition(":")
    if file and line.isdigit():
        return (Location(file, int(line)),)
    return (Location(location),)


def _subject_findings(dataset: Dataset, action_id: str, number: int, target: Target,
                      cross: SubjectCrossref) -> list[Finding]:
    findings: list[Finding] = []
    where = ("subjects", number)
    names = {n.text for n in target.names}
    for match in cross.matches:
        if match.how is not How.IDENTIFIER or match.identifier is None:
            continue
        index = NameIndex.build([match.target])
        if not any(index.search(n) for n in names):
            findings.append(Finding(
                "listed-under-other-name", Severity.WARNING,
                f"{target.caption} ({match.explain()}) is listed as {match.target.caption!r} "
                f"by {_entry(match)}: check the name, or add the list's name as an alias",
                dataset.at(action_id, *where, "name"), related=_related(match)))
    ours = "ship" if target.subject == SubjectType.VESSEL.value else "company"
    findings += [Finding(
        "imo-scheme-mismatch", Severity.ERROR,
        f"{match.identifier.value if match.identifier else ''} is given as a {ours} IMO "
        f"number, but {_entry(match)} carries it as a "
        f"{SCHEME_LABELS[match.identifier.scheme] if match.identifier else ''} number: a "
        "ship's IMO number and its owner's company number differ; give the "
        f"{'ship' if ours == 'ship' else 'company'}'s",
        dataset.at(action_id, *where, "imo_number"), related=_related(match))
        for match in cross.wrong_scheme]
    if any(m.how is How.IDENTIFIER for m in cross.matches):
        # The subject's own identifier is on a list: an entry of a like name with other
        # identifiers is a namesake (another ship called MARIA), not a doubt about this one.
        return findings
    for match in cross.conflicts:
        theirs = ", ".join(f"{i.scheme.value} {i.value}" for i in match.target.identifiers
                           if i.scheme in _DECIDING)
        ours = ", ".join(f"{i.scheme.value} {i.value}" for i in target.identifiers
                         if i.scheme in _DECIDING)
        findings.append(Finding(
            "list-identifier-conflict", Severity.WARNING,
            f"{target.caption} matches {_entry(match)} by name ({match.explain()}), but the "
            f"identifiers differ: {ours} here, {theirs} there; check which subject is meant",
            dataset.at(action_id, *where), related=_related(match)))
    return findings
