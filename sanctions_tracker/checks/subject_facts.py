"""A subject's own fields against what its evidence states of it.

A subject's evidence names it and may give its country or identifiers. The subject must say
what the evidence says: the name as its name or one of its aliases (words compared in any order
and case, as lists write ``MKRTYCHEV, Ashot``), every other field exactly. Where sources differ,
the subject marks the field ``disputed`` (:mod:`.agreement` reports the difference) and its own
value may be any one of theirs, or none.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity
from sanctions_tracker.model.records import DesignationAction

from .agreement import show_value
from .list_entries import fold_name
from .registry import Stage, rule

if TYPE_CHECKING:
    from sanctions_tracker.model.records import Subject

    from .registry import CheckContext

__all__ = ["check_subject_facts"]


@rule("subject-facts", Stage.RECONCILIATION, codes={
    "subject-fact-unsupported": "a subject's name, country or identifier differs from what its "
                                "evidence states",
    "subject-fact-not-recorded": "a subject's evidence states a country or identifier that the "
                                 "subject does not give",
})
def check_subject_facts(context: CheckContext) -> list[Finding]:
    """Each value a subject's evidence states is the subject's own (or disputed)."""
    dataset = context.dataset
    findings: list[Finding] = []
    for record in dataset.figure_records():
        if not isinstance(record, DesignationAction):
            continue
        for s_index, subject in enumerate(record.subjects):
            disputed = {d.figure for d in subject.disputed}
            for e_index, item in enumerate(subject.evidence):
                for name, value in item.stated().items():
                    problem = _problem(subject, name, value, disputed)
                    if problem is None:
                        continue
                    code, message = problem
                    findings.append(Finding(
                        code, Severity.ERROR if code == "subject-fact-unsupported"
                        else Severity.WARNING,
                        f"{item.source} states {name} {show_value(value)}{message}",
                        dataset.at(record.id, "subjects", s_index, "evidence", e_index,
                                   "states", name),
                    ))
    return findings


def _problem(subject: Subject, name: str, value: int | str | dt.date,
             disputed: set[str]) -> tuple[str, str] | None:
    if name == "name":
        names = {fold_name(n) for n in (subject.name, *subject.aliases)}
        if fold_name(str(value)) in names or name in disputed:
            return None
        return ("subject-fact-unsupported",
                (f", which is neither the subject's name {subject.name!r} nor one of its "
                "aliases: add it as an alias, or mark the name disputed"))
    own = getattr(subject, name)
    if own is None:
        if name in disputed:
            return None
        return ("subject-fact-not-recorded",
                f", but the subject gives no {name}: add `{name}: {_plain(value)}`")
    if own == value or name in disputed:
        return None
    return ("subject-fact-unsupported",
            (f", but the subject gives {show_value(own)}: correct one, or mark {name} disputed "
            "when sources differ"))


def _plain(value: int | str | dt.date) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
