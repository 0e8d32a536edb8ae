"""Stated counts of a designation action against the subjects it itemizes."""

from __future__ import annotations

import unicodedata
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


def _folded(name: str) -> str:
    """A name as a reader compares it: its letters, digits and marks, in order.

    Compatibility forms and case are folded; spaces, punctuation and invisible characters
    (a zero-width space, U+200B, inside ``PATRIOT``) do not tell two names apart, so ``PATRIOT.``
    and ``P.A.T.R.I.O.T`` are the same ship as ``PATRIOT``. A name of nothing but
    punctuation is compared as written.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    kept = "".join(c for c in text if unicodedata.category(c)[0] in "LNM")
    return kept or " ".join(text.split())


def _identifiers(subject: Subject) -> dict[str, object]:
    """The fields that tell two subjects of one name apart, where given."""
    if isinstance(subject, Vessel):
        fields: dict[str, object] = {"imo_number": subject.imo_number, "mmsi": subject.mmsi,
                                     "call_sign": subject.call_sign, "flag": subject.flag}
    elif isinstance(subject, Entity):
        fields = {"country": subject.country}
    else:
        fields = {"birth_date": subject.birth_date, "nationality": subject.nationality}
    return {k: v for k, v in fields.items() if v is not None}


def subject_key(subject: Subject) -> tuple[object, ...]:
    """The type and folded name of a subject: two subjects with different keys are different."""
    return (type(subject).__name__, _folded(subject.name))


def _same_subject(a: Subject, b: Subject) -> bool:
    """Whether two subjects cannot be told apart.

    Two vessels with IMO numbers are one if the numbers are; otherwise two subjects of one type
    are one if their folded names are and no field that both give differs (``FIRST SHIP`` with
    and without its IMO number are one ship; two people of one name need birth dates apart).
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, Vessel) and isinstance(b, Vessel):
        if a.imo_number and b.imo_number:
            return a.imo_number == b.imo_number
        # One MMSI or one call sign is one ship at a time, whatever the names say.
        if (a.mmsi and a.mmsi == b.mmsi) or (a.call_sign and a.call_sign == b.call_sign):
            return True
    if _folded(a.name) != _folded(b.name):
        return False
    ids_a, ids_b = _identifiers(a), _identifiers(b)
    return all(ids_a[k] == ids_b[k] for k in ids_a.keys() & ids_b.keys())


def _distinct_subjects(subjects: tuple[Subject, ...]) -> tuple[list[Subject],
                                                                list[tuple[int, int]]]:
    """The subjects with repeats left out, and (index, index of first) of each repeat."""
    candidates: dict[object, list[int]] = {}
    distinct: list[Subject] = []
    repeats: list[tuple[int, int]] = []
    for index, subject in enumerate(subjects):
        keys = [subject_key(subject)]
        if isinstance(subject, Vessel):
            keys += [(scheme, value) for scheme, value in (
                ("imo", subject.imo_number), ("mmsi", subject.mmsi),
                ("call_sign", subject.call_sign)) if value]
        earlier = sorted({i for key in keys for i in candidates.get(key, ())})
        first = next((i for i in earlier if _same_subject(subjects[i], subject)), None)
        if first is not None:
            repeats.append((index, first))
            continue
        for key in keys:
            candidates.setdefault(key, []).append(index)
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
