"""Stated counts of a designation action against the subjects it itemizes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity
from sanctions_tracker.model.records import Entity, Individual, Subject, Vessel

from .registry import Stage, rule

if TYPE_CHECKING:
    from .registry import CheckContext

__all__ = ["check_counts", "subject_key"]

_TYPE_OF_FIGURE = {"vessels": Vessel, "entities": Entity, "individuals": Individual}


def _plural(n: int, figure: str) -> str:
    singular = {"vessels": "vessel", "entities": "entity", "individuals": "individual"}[figure]
    return f"{n:,} {singular if n == 1 else figure}"


def _singular(subject: Subject) -> str:
    return {Vessel: "vessel", Entity: "entity", Individual: "individual"}[type(subject)]


def subject_key(subject: Subject) -> tuple[object, ...]:
    """What makes two itemized subjects the same one.

    A vessel is its IMO number when it has one; otherwise, and for entities, the name (case and
    spacing folded) with the flag or country; a person the name with birth date and nationality,
    since two people may share a name.
    """
    name = " ".join(subject.name.casefold().split())
    if isinstance(subject, Vessel):
        return ("vessel", subject.imo_number) if subject.imo_number else (
            "vessel", name, subject.flag)
    if isinstance(subject, Entity):
        return ("entity", name, subject.country)
    return ("individual", name, subject.birth_date, subject.nationality)


def _distinct_subjects(subjects: tuple[Subject, ...]) -> tuple[list[Subject],
                                                                list[tuple[int, int]]]:
    """The subjects with repeats left out, and (index, index of first) of each repeat."""
    first: dict[tuple[object, ...], int] = {}
    distinct: list[Subject] = []
    repeats: list[tuple[int, int]] = []
    for index, subject in enumerate(subjects):
        key = subject_key(subject)
        if key in first:
            repeats.append((index, first[key]))
        else:
            first[key] = index
            distinct.append(subject)
    return distinct, repeats


@rule("counts", Stage.RECONCILIATION, codes={
    "itemized-count-mismatch": "itemized subjects do not match the stated count",
    "duplicate-subject": "a designation action lists the same subject twice",
    "partly-itemized": "fewer subjects are named than the stated count",
    "not-itemized": "the sources name none of the subjects",
})
def check_counts(context: CheckContext) -> list[Finding]:
    """``complete`` must match the stated counts, ``partial`` may fall short, ``none`` is noted."""
    dataset = context.dataset
    findings: list[Finding] = []
    for action in dataset.actions.values():
        stated = action.figures()
        if action.itemized == "none":
            what = ", ".join(_plural(v, k) for k, v in stated.items())
            findings.append(Finding(
                "not-itemized", Severity.INFO,
                f"the sources name none of the subjects ({what}): the counts cannot be checked "
                "against a list", dataset.at(action.id, "itemized"),
            ))
            continue
        distinct, repeats = _distinct_subjects(action.subjects)
        findings.extend(
            Finding(
                "duplicate-subject", Severity.ERROR,
                f"subject {index + 1} ({action.subjects[index].name}) is the same "
                f"{_singular(action.subjects[index])} as subject {first + 1}: list each subject "
                "once (a repeated subject does not count twice)",
                dataset.at(action.id, "subjects", index),
                related=(dataset.at(action.id, "subjects", first),),
            )
            for index, first in repeats
        )
        named = {figure: sum(type(s) is cls for s in distinct)
                 for figure, cls in _TYPE_OF_FIGURE.items()}
        short = []
        for figure, count in named.items():
            expected = stated.get(figure)
            where = dataset.at(action.id, "stated_counts", figure) if expected is not None else (
                dataset.at(action.id, "subjects"))
            if expected is None:
                if count:
                    findings.append(Finding(
                        "itemized-count-mismatch", Severity.ERROR,
                        f"{_plural(count, figure)} itemized, but no count of {figure} is stated: "
                        f"add stated_counts.{figure}", where,
                    ))
            elif count > expected or (count < expected and action.itemized == "complete"):
                findings.append(Finding(
                    "itemized-count-mismatch", Severity.ERROR,
                    f"{_plural(expected, figure)} stated, but {count:,} itemized"
                    + (" (itemized: complete)" if count < expected else "")
                    + ": correct the count or the list of subjects", where,
                ))
            elif count < expected:
                short.append(f"{count:,} of {_plural(expected, figure)}")
        if short:
            findings.append(Finding(
                "partly-itemized", Severity.WARNING,
                f"only {', '.join(short)} are named", dataset.at(action.id, "itemized"),
            ))
    return findings
