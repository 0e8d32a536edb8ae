"""Stated counts of a designation action against the subjects it itemizes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .findings import Finding, Severity
from .records import Entity, Individual, Vessel

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["check_counts"]

_TYPE_OF_FIGURE = {"vessels": Vessel, "entities": Entity, "individuals": Individual}


def _plural(n: int, figure: str) -> str:
    singular = {"vessels": "vessel", "entities": "entity", "individuals": "individual"}[figure]
    return f"{n:,} {singular if n == 1 else figure}"


def check_counts(dataset: Dataset) -> list[Finding]:
    """``complete`` must match the stated counts, ``partial`` may fall short, ``none`` is noted."""
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
        named = {figure: sum(type(s) is cls for s in action.subjects)
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
