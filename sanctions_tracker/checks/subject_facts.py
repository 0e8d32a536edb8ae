"""A subject's own fields against what its evidence states of it.

A subject's evidence names it and may give its country or identifiers. The subject must say
what the evidence says: its name is a name the evidence gives, every name the evidence gives is
its name or an alias (words compared in any order and case, as lists write ``MKRTYCHEV,
Ashot``), and every other field is a value the evidence gives. Where sources differ, the subject
marks the field ``disputed`` (:mod:`.agreement` reports the difference as a warning then); its
own value must still be one of theirs, or none. A field that no evidence states at all is
reported too: a warning when the subject has evidence that leaves the field out (an IMO number
nobody gives), an info finding when the subject has no evidence of its own (its facts rest on
the record's evidence, as before subjects could carry any).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity
from sanctions_tracker.model.records import SUBJECT_FACTS, DesignationAction, stated_text

from .agreement import show_value
from .list_entries import fold_name
from .registry import Stage, rule

if TYPE_CHECKING:
    from collections.abc import Callable

    from sanctions_tracker.findings import Location
    from sanctions_tracker.model.records import Subject

    from .registry import CheckContext

__all__ = ["check_subject_facts"]

Value = int | str | dt.date


@rule("subject-facts", Stage.RECONCILIATION, codes={
    "subject-fact-unsupported": "a subject's name, country or identifier differs from what its "
                                "evidence states",
    "subject-fact-not-recorded": "a subject's evidence states a country or identifier that the "
                                 "subject does not give",
    "subject-fact-unevidenced": "a subject gives a name, country or identifier that none of its "
                                "evidence states",
    "subject-not-evidenced": "a subject has no evidence of its own: its facts rest on the "
                             "record's evidence",
})
def check_subject_facts(context: CheckContext) -> list[Finding]:
    """Each value of a subject is one its evidence states, and each stated one is the subject's."""
    dataset = context.dataset
    findings: list[Finding] = []
    for record in dataset.figure_records():
        if not isinstance(record, DesignationAction):
            continue
        for s_index, subject in enumerate(record.subjects):
            findings += _subject(subject, lambda *parts, r=record.id, s=s_index: dataset.at(
                r, "subjects", s, *parts))
    return findings


def _subject(subject: Subject, at: Callable[..., Location]) -> list[Finding]:
    kind = type(subject).__name__.lower()
    own = {name: getattr(subject, name) for name in SUBJECT_FACTS[kind]
           if getattr(subject, name) is not None}
    if not subject.evidence:
        return [Finding(
            "subject-not-evidenced", Severity.INFO,
            f"{subject.name!r} has no evidence of its own: what it gives "
            f"({', '.join(own)}) rests on the record's evidence; add the sources or list "
            "entries that name it",
            at("name"),
        )]
    disputed = {d.figure for d in subject.disputed}
    stated: dict[str, list[tuple[int, Value]]] = {}
    for e_index, item in enumerate(subject.evidence):
        for name, value in item.stated().items():
            stated.setdefault(name, []).append((e_index, value))
    findings = [f for name, said in stated.items()
                for f in _stated(subject, name, said, disputed=name in disputed, at=at)]
    named = {fold_name(str(v)) for _, v in stated.get("name", ())}
    findings += [Finding(
        "subject-fact-unevidenced", Severity.WARNING,
        f"alias {alias!r} is stated by none of the subject's evidence: add the source or list "
        "entry that gives this name, or leave it out (an alias is matched like the name)",
        at("aliases", index),
    ) for index, alias in enumerate(subject.aliases) if fold_name(alias) not in named]
    for name, value in own.items():
        if name not in stated:
            findings.append(Finding(
                "subject-fact-unevidenced", Severity.WARNING,
                f"{name} {stated_text(value)} is stated by none of the subject's evidence: add the "
                "source or list entry that gives it, or leave it out",
                at(name),
            ))
        elif not any(_same(name, value, v) for _, v in stated[name]):
            findings.append(Finding(
                "subject-fact-unsupported", Severity.ERROR,
                f"{name} {stated_text(value)} is none of the values its evidence states "
                f"({', '.join(sorted({stated_text(v) for _, v in stated[name]}))}): correct it"
                + (" (a disputed field may take any one of them, or none)"
                   if name in disputed else ""),
                at(name),
            ))
    return findings


def _stated(subject: Subject, name: str, said: list[tuple[int, Value]], *, disputed: bool,
            at: Callable[..., Location]) -> list[Finding]:
    """What one field's statements require of the subject."""
    findings: list[Finding] = []
    if name == "name":
        names = {fold_name(n) for n in (subject.name, *subject.aliases)}
        for e_index, value in said:
            if fold_name(str(value)) not in names and not disputed:
                findings.append(Finding(
                    "subject-fact-unsupported", Severity.ERROR,
                    f"the evidence states name {show_value(value)}, which is neither the "
                    f"subject's name {subject.name!r} nor one of its aliases: add it as an "
                    "alias, or mark the name disputed",
                    at("evidence", e_index, "states", name),
                ))
    elif getattr(subject, name) is None and not disputed:
        e_index, value = said[0]
        findings.append(Finding(
            "subject-fact-not-recorded", Severity.WARNING,
            f"the evidence states {name} {show_value(value)}, but the subject gives no {name}: "
            f"add `{name}: {stated_text(value)}`",
            at("evidence", e_index, "states", name),
        ))
    return findings


def _same(name: str, own: Value, stated: Value) -> bool:
    if name == "name":
        return fold_name(str(own)) == fold_name(str(stated))
    return own == stated
