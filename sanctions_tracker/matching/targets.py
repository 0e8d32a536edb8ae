"""What can be matched: list entries and curated subjects, in one shape.

A :class:`Target` is one subject as one list (or the curated data) carries it: where it is
listed, under which names (each with its kind: primary, alias, former name), its identifiers,
programmes, listing date and, for curated subjects, the evidence quotes. Former names that a
list gives only in its remarks (the EU's ``MG-Flot LLC (previously known as TransMorFlot LLC)``)
are read from there, so that the former name can match and say it is one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker.lists.model import Identifier, IdScheme, NameKind, SubjectType

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sanctions_tracker.lists.model import Entry, Snapshot
    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import DesignationAction, Subject

__all__ = ["CURATED", "ListRef", "Target", "TargetName", "all_targets", "curated_targets",
           "list_targets",
           "ship_or_company_imo"]

#: The list name of curated subjects.
CURATED = "curated"

# Plain strings for the enums' values: a str enum prints as ``NameKind.AKA`` on Python 3.11,
# and ``.value`` costs an enum descriptor call per name (0.7 s over the reference lists).
_KIND = {kind: kind.value for kind in NameKind}
_SUBJECT = {subject: subject.value for subject in SubjectType}

_FORMER = re.compile(r"\((?:previously|formerly) known as ([^)]{2,120})\)", re.IGNORECASE)


@attrs.frozen
class ListRef:
    """Where a target is listed: authority, list, snapshot date (ISO) and file."""

    authority: str
    list_name: str
    snapshot_date: str | None
    source: str


@attrs.frozen
class TargetName:
    """One name of a target and its kind (``primary``, ``aka``, ``fka``, ``nka``)."""

    text: str
    kind: str = NameKind.PRIMARY.value


@attrs.frozen
class Target:
    """One subject as one list carries it; ``location`` is ``file:line`` when known."""

    ref: ListRef
    entry_id: str
    subject: str
    names: tuple[TargetName, ...]
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    listing_date: str | None = None
    evidence: tuple[str, ...] = ()
    location: str | None = None

    @property
    def caption(self) -> str:
        """The primary name (the first name when none is marked primary)."""
        for name in self.names:
            if name.kind == NameKind.PRIMARY.value:
                return name.text
        return self.names[0].text if self.names else self.entry_id

    @property
    def curated(self) -> bool:
        """Whether this is a subject of the curated data rather than of an official list."""
        return self.ref.list_name == CURATED


def list_targets(snapshot: Snapshot) -> list[Target]:
    """The entries of one snapshot as targets (former names in remarks added as ``fka``)."""
    date = snapshot.snapshot_date.isoformat() if snapshot.snapshot_date else None
    ref = ListRef(snapshot.authority, snapshot.list_name, date, snapshot.source_file)
    return [_entry_target(ref, entry, snapshot.source_file) for entry in snapshot.entries]


def _entry_target(ref: ListRef, entry: Entry, source: str) -> Target:
    names = [TargetName(n.text, _KIND[n.kind]) for n in entry.names]
    known = {n.text.casefold() for n in entry.names}
    for note in entry.notes:
        for found in _FORMER.finditer(note):
            # Only the entry's own former name: "X (previously known as Y)" where X is a name
            # of this entry (a person's remarks name their company's former name too).
            before = note[:found.start()].rstrip().casefold()
            former = found.group(1).strip()
            if former.casefold() not in known and any(before.endswith(n) for n in known):
                known.add(former.casefold())
                names.append(TargetName(former, _KIND[NameKind.FKA]))
    listed = entry.listing_date.start if entry.listing_date else None
    return Target(
        ref=ref, entry_id=entry.id, subject=_SUBJECT[entry.subject], names=tuple(names),
        identifiers=entry.identifiers, programs=entry.programs, listing_date=listed,
        location=f"{source}:{entry.line}" if entry.line else source,
    )


def ship_or_company_imo(number: str) -> tuple[Identifier, ...]:
    """The IMO identifiers seven digits can be: ship, company, both (10% pass both), neither.

    Uses rigour's two check digits (:mod:`rigour.ids`), a second implementation beside the list
    readers' own; a number that passes neither is returned as an invalid ship number.
    """
    from rigour.ids import IMO  # noqa: PLC0415 (120 ms; only for identifier queries)

    found = []
    if IMO.is_valid_vessel(number):
        found.append(Identifier(IdScheme.SHIP_IMO, number, number, valid=True))
    if IMO.is_valid_company(number):
        found.append(Identifier(IdScheme.COMPANY_IMO, number, number, valid=True))
    return tuple(found) or (Identifier(IdScheme.SHIP_IMO, number, number, valid=False),)


def curated_targets(dataset: Dataset) -> list[Target]:
    """Every itemized subject of the curated designation actions, as targets.

    The entry id is ``ACTION/subjects/N``; the location is the subject's JSON path in its file
    (the CLI resolves it to a line).
    """
    targets: list[Target] = []
    for action in dataset.actions.values():
        origin = dataset.origins.get(action.id)
        for number, subject in enumerate(action.subjects):
            targets.append(_subject_target(action, number, subject,
                                           origin.file if origin else None))
    return targets


def _subject_target(action: DesignationAction, number: int, subject: Subject,
                    file: str | None) -> Target:
    from sanctions_tracker.model.records import Entity, Vessel  # noqa: PLC0415 (types only here)

    names = (TargetName(subject.name), *(TargetName(a, NameKind.AKA.value)
                                         for a in subject.aliases))
    identifiers: tuple[Identifier, ...] = ()
    if isinstance(subject, Vessel):
        kind = SubjectType.VESSEL
        if subject.imo_number is not None:
            text = f"{subject.imo_number:07d}"
            identifiers += (Identifier(IdScheme.SHIP_IMO, text, str(subject.imo_number),
                                       valid=ship_or_company_imo(text)[0].scheme
                                       is IdScheme.SHIP_IMO),)
        if subject.mmsi is not None:
            identifiers += (Identifier(IdScheme.MMSI, str(subject.mmsi), str(subject.mmsi)),)
        if subject.call_sign:
            identifiers += (Identifier(IdScheme.CALL_SIGN, subject.call_sign.upper(),
                                       subject.call_sign),)
    elif isinstance(subject, Entity):
        kind = SubjectType.ENTITY
        if subject.imo_number is not None:  # the company (registered owner) number
            text = f"{subject.imo_number:07d}"
            identifiers += (Identifier(IdScheme.COMPANY_IMO, text, str(subject.imo_number),
                                       valid=True),)
    else:
        kind = SubjectType.INDIVIDUAL
    listed = (action.effective or action.announced).isoformat()
    return Target(
        ref=ListRef(action.authority, CURATED, action.announced.isoformat(), file or ""),
        entry_id=f"{action.id}/subjects/{number}", subject=kind.value, names=names,
        identifiers=identifiers, programs=(action.programme,) if action.programme else (),
        listing_date=listed,
        evidence=tuple(e.quote if e.quote is not None else f"cited from {e.source} (no quote)"
                       for e in action.evidence),
        location=file,
    )


def all_targets(snapshots: Iterable[Snapshot], dataset: Dataset | None) -> list[Target]:
    """Curated subjects first, then every entry of every snapshot."""
    targets = curated_targets(dataset) if dataset is not None else []
    for snapshot in snapshots:
        targets += list_targets(snapshot)
    return targets
