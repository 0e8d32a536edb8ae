"""Evidence from official list entries: a subject's identifiers, checked by reading the entry.

A ship's IMO number or a company's IMO number seldom appears in reporting; the official lists
carry it. Evidence ``{source: <list file>, entry: <id>, states: {imo_number: ...}}`` names the
entry, and the source record pins the list file by SHA-256. ``check --lists DIR`` finds the file
among the given paths, reads it with the official-list readers and compares every stated value
with the entry (names on their words, in any order and case; identifiers exactly). Checks may
not import the readers: the caller hands in :attr:`CheckContext.list_files`, which returns a
:class:`ListFile` (or the reason there is none).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.model.records import DesignationAction, stated_text

from .registry import Stage, rule

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from sanctions_tracker.model.records import Evidence, Subject

    from .registry import CheckContext

__all__ = ["ListFile", "check_list_entries", "fold_name"]

_SUBJECT_TYPE = {"Vessel": "vessel", "Entity": "entity", "Individual": "individual"}
#: The entry fact each stated field of a subject is compared with (see lists/facts.py).
_FACT_OF = {
    "vessel": {"name": "name", "imo_number": "ship_imo", "mmsi": "mmsi",
               "call_sign": "call_sign", "flag": "flag"},
    "entity": {"name": "name", "imo_number": "company_imo", "country": "country"},
    "individual": {"name": "name", "nationality": "nationality", "birth_date": "birth_date"},
}
#: A subject's own identifiers that tell it from another subject of its kind: an entry that
#: gives another value is another subject, whatever the evidence says it states.
_IDENTITY = {"vessel": ("imo_number", "mmsi"), "entity": ("imo_number",), "individual": ()}


@attrs.frozen
class ListFile:
    """An official list file as read for this rule: where, its SHA-256, and its entries' facts."""

    path: str
    sha256: str
    #: entry id -> fact name -> the values the entry gives (``lists.facts.entry_facts``).
    entries: Mapping[str, Mapping[str, tuple[str, ...]]]
    #: Other files the list was read together with (OFAC's ADD, ALT and COMMENTS files): the
    #: source record pins one file, so entries read with these cannot be verified.
    companions: tuple[str, ...] = ()


def fold_name(name: str) -> tuple[str, ...]:
    """A name's words, case-folded, compatibility-normalised and sorted.

    Lists write ``MKRTYCHEV, Ashot`` where reporting writes ``Ashot Mkrtychev``: the same
    words in another order and case are the same name; other spellings are not. A word is a
    run of letters, digits and combining marks (the vowel signs of Thai or Devanagari are part
    of the word: นิม is not มีน). A name with no such run is compared as it is written, so that
    two names of punctuation alone are not the same name.
    """
    text = "".join(c for c in unicodedata.normalize("NFKC", name).casefold()
                   if unicodedata.category(c) != "Cf")  # zero-width and direction marks
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if unicodedata.category(char)[0] in "LNM":
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return tuple(sorted(words)) if words else ("\x00" + " ".join(text.split()),)


def _holds(fact: str, value: int | str | dt.date, given: tuple[str, ...]) -> bool:
    if fact == "name":
        return fold_name(str(value)) in {fold_name(g) for g in given}
    if fact == "call_sign":
        return str(value).upper() in {g.upper() for g in given}
    return stated_text(value) in given


@rule("list-entries", Stage.RECONCILIATION, codes={
    "list-entries-not-checked": "evidence names official list entries, but no lists were given "
                                "to compare them with (check --lists)",
    "entry-without-list-file": "evidence names a list entry of a source that records no list "
                               "file (file and sha256)",
    "entry-required": "a subject's evidence cites a source with a stored file without naming "
                      "the entry of the list that states it",
    "list-file-not-found": "a source's list file is not among the lists given to check",
    "list-file-changed": "a list file's SHA-256 differs from its source record",
    "list-file-not-pinned": "a list file was read together with files its source record does "
                            "not pin (OFAC's ADD, ALT and COMMENTS files)",
    "list-entry-not-found": "the list file has no entry of the id the evidence names",
    "list-entry-mismatch": "the list entry does not state what the evidence says it states",
})
def check_list_entries(context: CheckContext) -> list[Finding]:
    """Every value evidenced by a list entry must be in that entry of that exact file."""
    dataset = context.dataset
    findings: list[Finding] = []
    files: dict[str, ListFile | str] = {}
    reported: set[str] = set()
    unchecked = 0
    for record, path, item in dataset.all_evidence():
        source = dataset.sources.get(item.source)
        if source is None or not isinstance(record, DesignationAction) or path[0] != "subjects":
            continue  # unknown sources: references.py; record evidence: schema has no entry
        at = functools.partial(dataset.at, record.id, *path)
        problem = _source_problem(item, source.file, source.sha256, at)
        if problem is not None or item.entry is None or source.file is None:
            findings.extend([problem] if problem else [])
            continue
        if context.list_files is None:
            unchecked += 1
            continue
        if source.file not in files:
            files[source.file] = context.list_files(source.file)
        found = files[source.file]
        if isinstance(found, str) or found.sha256 != source.sha256 or found.companions:
            if source.id not in reported:
                reported.add(source.id)
                findings.append(_file_problem(source.id, source.file, source.sha256, found,
                                              at("source")))
            continue
        problems = _compare(record.subjects[int(path[1])], item, found, at)
        findings.extend(problems)
        (context.unlisted if problems else context.listed).add((record.id, path))
    if unchecked:
        findings.append(Finding(
            "list-entries-not-checked", Severity.INFO,
            f"{unchecked} item{'s' if unchecked != 1 else ''} of evidence name official list "
            "entries that were not compared with their files: pass --lists DIR (the folder of "
            "the list files)",
            Location("<lists>"),
        ))
    return findings


def _source_problem(item: Evidence, file: str | None, sha256: str | None,
                    at: Callable[..., Location]) -> Finding | None:
    """What is wrong with the source of a subject's evidence, whatever the list file holds."""
    if item.entry is None:
        if file is None:
            return None
        return Finding(
            "entry-required", Severity.ERROR,
            f"{item.source} has a stored file ({file}): name the entry of the list that states "
            "this (entry: <id>), or cite a source without a file",
            at("source"),
        )
    if file is None or sha256 is None:
        return Finding(
            "entry-without-list-file", Severity.ERROR,
            f"entry {item.entry!r} is of source {item.source}, which records no list file: "
            "give the source its `file` (the list file's name) and `sha256`",
            at("entry"),
        )
    return None


def _file_problem(source_id: str, file: str, sha256: str | None, found: ListFile | str,
                  at: Location) -> Finding:
    if isinstance(found, str):
        return Finding("list-file-not-found", Severity.ERROR,
                       f"the list file {file} of source {source_id} cannot be used: {found}", at)
    if found.sha256 == sha256:
        return Finding(
            "list-file-not-pinned", Severity.ERROR,
            f"{found.path} is read together with {', '.join(found.companions)}, which change its "
            f"entries, but source {source_id} pins only {file}: evidence from a list made of "
            "several files cannot be verified; cite a list read from one file",
            at,
        )
    return Finding(
        "list-file-changed", Severity.ERROR,
        f"{found.path} has SHA-256 {found.sha256}, not {sha256} as source {source_id} records: "
        "these are other bytes than the entries were read from; pass the recorded file, or "
        "check the entries against this one and update the hash",
        at,
    )


def _compare(subject: Subject, item: Evidence, found: ListFile,
             at: Callable[..., Location]) -> list[Finding]:
    entry = found.entries.get(item.entry or "")
    if entry is None:
        return [Finding(
            "list-entry-not-found", Severity.ERROR,
            f"{found.path} has no entry {item.entry!r}: correct the entry id (as "
            "`sanctions-tracker lists export --format json` shows it)",
            at("entry"),
        )]
    kind = _SUBJECT_TYPE[type(subject).__name__]
    findings: list[Finding] = []
    listed_as = entry.get("subject", ("?",))[0]
    if listed_as != kind:
        findings.append(Finding(
            "list-entry-mismatch", Severity.ERROR,
            f"entry {item.entry} of {found.path} lists {listed_as} "
            f"{'; '.join(entry.get('name', ())[:1])!r}, not {'an' if kind[0] in 'aei' else 'a'} "
            f"{kind}: this evidence belongs to another subject",
            at("entry"),
        ))
        return findings
    names = {fold_name(n) for n in (subject.name, *subject.aliases)}
    if not names & {fold_name(n) for n in entry.get("name", ())}:
        return [Finding(
            "list-entry-mismatch", Severity.ERROR,
            f"entry {item.entry} of {found.path} lists "
            f"{'; '.join(entry.get('name', ())[:3])!r}, none of which is the subject's name or "
            f"an alias ({subject.name!r}): it is another subject's entry",
            at("entry"),
        )]
    for field in _IDENTITY[kind]:
        own = getattr(subject, field)
        given = entry.get(_FACT_OF[kind][field], ())
        if own is not None and given and str(own) not in given:
            findings.append(Finding(
                "list-entry-mismatch", Severity.ERROR,
                f"entry {item.entry} of {found.path} is another {kind}: it gives {field} "
                f"{', '.join(given)}, this subject has {own}",
                at("entry"),
            ))
            return findings
    for name, value in item.stated().items():
        fact = _FACT_OF[kind].get(name)
        given = entry.get(fact, ()) if fact else ()
        if fact is not None and _holds(fact, value, given):
            continue
        findings.append(Finding(
            "list-entry-mismatch", Severity.ERROR,
            f"entry {item.entry} of {found.path} does not state {name} {stated_text(value)}"
            + (f" (it gives {', '.join(given)})" if given else f" (it gives no {name})")
            + ": correct the value, or name the entry that states it",
            at("states", name),
        ))
    return findings

