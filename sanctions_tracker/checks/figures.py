"""Figures against their quotes: each figure is written in a quote, as a count, in its direction.

This needs only the data. A figure an evidence ``states`` must be written in that quote; a
figure a record gives must be stated by one of its quotes; when a quote writes several numbers
its evidence must say which figure each one is; and a signed figure must agree with the
direction its quote gives. What counts as a written number is :mod:`.number_forms`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity
from sanctions_tracker.model.records import DesignationAction

from .number_forms import counts_in, direction_of, occurs_in, readings_of, role_of
from .registry import Stage, rule
from .source_text import normalise_quote

if TYPE_CHECKING:
    from sanctions_tracker.findings import Location
    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import ExportControlMeasure

    from .registry import CheckContext

__all__ = ["check_figures"]


def _figure_path(record: DesignationAction | ExportControlMeasure, figure: str) -> tuple[str, ...]:
    """Where a figure sits in its record: an action's counts are under ``stated_counts``."""
    return ("stated_counts", figure) if isinstance(record, DesignationAction) else (figure,)


#: Figures that say which way the list moved: the quote must not say the opposite.
_SIGNED = {"net_adjustment"}
_DIRECTED = {"items_added": 1, "items_removed": 1}


def _not_written(value: int, quote: str) -> str:
    """Why ``value`` does not count as written in ``quote``: absent, or only as a date etc."""
    readings = readings_of(value, quote)
    if readings:
        kinds = " or ".join(f"a {k.value}" if k.value[0] not in "aeiou" else f"an {k.value}"
                            for k in readings)
        return f"{value:,} is written in it only as {kinds}, which is not a count"
    return f"{value:,} is not written in it (in digits or words)"


def _direction_finding(record: DesignationAction | ExportControlMeasure, figure: str,
                       value: int, quote: str, where: Location) -> Finding | None:
    """A signed figure must agree with the direction its quote gives; ``None`` when it does."""
    said = direction_of(value, quote)
    if figure in _SIGNED:
        wanted = 1 if value > 0 else -1
        if said == 0:
            return Finding(
                "sign-not-stated", Severity.WARNING,
                f"{figure} is {value:+,}, but the quote does not say whether the items were added "
                "or taken away: quote the words that give the direction",
                where,
            )
    elif figure in _DIRECTED:
        wanted = 1 if figure == "items_added" else -1
    else:
        return None
    if said and said != wanted:
        verb = "taken away" if said < 0 else "added"
        fix = (f"write {-value:+,}" if figure in _SIGNED else
               f"record it as {'items_removed' if said < 0 else 'items_added'}")
        return Finding(
            "figure-sign-mismatch", Severity.ERROR,
            f"{figure} is {value:+,} for {record.id}, but the quote says {abs(value):,} items "
            f"were {verb}: {fix}, or correct the quote",
            where,
        )
    return None


#: What the words around a number may call it, for each figure.
_ROLES = {
    "vessels": {"vessels"}, "entities": {"entities"}, "individuals": {"individuals"},
    "items_added": {"added"}, "items_removed": {"removed"}, "net_adjustment": {"added", "removed"},
    "total_before": {"total_before"}, "total_after": {"total_after"},
}
_SUBJECT_ROLES = {"vessels", "entities", "individuals"}


def _role_finding(figure: str, value: int, quote: str, where: Location) -> Finding | None:
    """A figure whose quote calls its number something else is refused: the figures were swapped.

    ``the existing 1,159`` stated as items_added, ``five entities`` stated as vessels.
    """
    role = role_of(value, quote)
    if role is None or role in _ROLES[figure]:
        return None
    if role != "negated" and (role in _SUBJECT_ROLES) is not (figure in _SUBJECT_ROLES):
        return None  # a noun of subjects says nothing about a list's totals, nor the reverse
    said = {"added": "items added", "removed": "items removed", "total_before": "the total "
            "before", "total_after": "the total after",
            "negated": "something that did not happen"}.get(role, role)
    return Finding(
        "figure-role-mismatch", Severity.ERROR,
        f"{figure} is {value:,}, but the quote writes {value:,} as {said}: the figures may be "
        "swapped; give each the number the quote says it is",
        where,
    )


@rule("figures", Stage.VALIDATION, codes={
    "figure-not-in-quote": "a figure the evidence states is not written in its quote",
    "figure-not-in-evidence": "a figure of a record is stated by none of its quotes",
    "figure-ambiguous": "a quote writes several numbers and does not say which one a figure is",
    "figure-sign-mismatch": "a figure's sign or direction contradicts what its quote says",
    "sign-not-stated": "a signed figure's quote does not say whether items were added or removed",
    "figure-role-mismatch": "the quote calls a figure's number something else (figures swapped)",
})
def check_figures(context: CheckContext) -> list[Finding]:
    """Figures a quote states must be written in it as counts, with the direction it gives."""
    dataset = context.dataset
    findings: list[Finding] = []
    for record in dataset.figure_records():
        findings += _stated_figures(dataset, record)
        findings += _record_figures(dataset, record)
    return findings


def _stated_figures(dataset: Dataset,
                    record: DesignationAction | ExportControlMeasure) -> list[Finding]:
    """Each figure an evidence ``states`` is written in its quote, in the direction it gives."""
    findings: list[Finding] = []
    for index, item in enumerate(record.evidence):
        if item.quote is None:  # cited: no quote to read the numbers from
            continue
        quote = normalise_quote(item.quote)
        for figure, value in item.states.items():
            where = dataset.at(record.id, "evidence", index, "states", figure)
            if not occurs_in(value, quote):
                findings.append(Finding(
                    "figure-not-in-quote", Severity.ERROR,
                    f"the quote is said to state {figure} = {value:,}, but "
                    f"{_not_written(value, quote)}: correct the figure or the quote",
                    where,
                ))
                continue
            problem = (_role_finding(figure, value, quote, where)
                       or _direction_finding(record, figure, value, quote, where))
            if problem is not None:
                findings.append(problem)
    return findings


def _record_figures(dataset: Dataset,
                    record: DesignationAction | ExportControlMeasure) -> list[Finding]:
    """Each figure of the record is stated by a quote, and only one reading of it is possible."""
    findings: list[Finding] = []
    named = {figure for item in record.evidence for figure in item.states}
    ambiguous: dict[str, int] = {}
    for figure, value in record.figures().items():
        where = dataset.at(record.id, *_figure_path(record, figure))
        quote = _supporting_quote(record, figure, value)
        if quote is None:
            stated = sorted({e.states[figure] for e in record.evidence if figure in e.states})
            said = (f"its evidence states {', '.join(f'{v:,}' for v in stated)}" if stated
                    else "no quote of the record contains that number as a count")
            findings.append(Finding(
                "figure-not-in-evidence", Severity.ERROR,
                f"{figure} is {value:,}, but {said}: correct the figure, or add the quote that "
                "states it",
                where,
            ))
        elif figure not in named and len(counts_in(quote)) > 1:
            ambiguous[figure] = value
        elif figure not in named:  # a stated figure's role was checked with its states
            problem = (_role_finding(figure, value, quote, where)
                       or _direction_finding(record, figure, value, quote, where))
            if problem is not None:
                findings.append(problem)
    if ambiguous:
        findings.append(_ambiguous(dataset, record, ambiguous))
    return findings


def _ambiguous(dataset: Dataset, record: DesignationAction | ExportControlMeasure,
               figures: dict[str, int]) -> Finding:
    """Figures whose quotes write several numbers: which one is which is not said."""
    first = next(iter(figures))
    states = ", ".join(f"{k}: {v}" for k, v in figures.items())
    return Finding(
        "figure-ambiguous", Severity.ERROR,
        f"{', '.join(f'{k} ({v:,})' for k, v in figures.items())}: the quotes write several "
        "numbers and do not say which figure each one is, so a swapped figure would pass: add "
        f"`states: {{{states}}}` to the evidence",
        dataset.at(record.id, *_figure_path(record, first)),
    )


def _supporting_quote(record: DesignationAction | ExportControlMeasure, figure: str,
                      value: int) -> str | None:
    """The (normalised) quote that supports ``figure = value``, or None.

    When some evidence names the figure in its ``states``, only what is stated counts: another
    quote that happens to write the number (``1,403 companies``) cannot outvote a quote that
    says ``total_after: 1402``. Otherwise a quote supports any value it writes as a count.
    Cited evidence (no quote) supports exactly what it states, and is returned as ``""``.
    """
    stated = [item for item in record.evidence if figure in item.states]
    if stated:
        return next((normalise_quote(item.quote or "") for item in stated
                     if item.states[figure] == value), None)
    return next((normalise_quote(item.quote) for item in record.evidence
                 if item.quote is not None and occurs_in(value, normalise_quote(item.quote))),
                None)
