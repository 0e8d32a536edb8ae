"""Running totals of export-control measures and the chains that link them.

A measure says ``total_before + items_added - items_removed + net_adjustment = total_after``.
Reporting often gives only some of these, so each total is known *given* (in the data),
*derived* (from the measure's own other figures) or *carried* (the previous measure's total
after, along the chain of its series). Derived and carried values are reported, never written
back into the data.
"""

from __future__ import annotations

import enum
import itertools
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker.findings import Finding, Severity

from .registry import Stage, rule

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import ExportControlMeasure

    from .registry import CheckContext

__all__ = [
    "Known",
    "LinkStatus",
    "MeasureTotals",
    "Provenance",
    "check_totals",
    "figure_cells",
    "reconcile_totals",
]


class Provenance(str, enum.Enum):
    """Where a figure comes from."""

    GIVEN = "given"
    DERIVED = "derived"
    CARRIED = "carried"


class LinkStatus(str, enum.Enum):
    """How a measure links to the previous measure of its series."""

    START = "start"  # first measure of its series: nothing to link to
    OK = "ok"
    BREAK = "break"
    UNCHECKED = "unchecked"  # a total on one side of the link is unknown


@attrs.frozen
class Known:
    """A figure with its provenance and, unless given, how it was obtained (``1,402 - 243``)."""

    value: int
    provenance: Provenance
    how: str = ""


@attrs.frozen
class MeasureTotals:
    """The totals of one measure after reconciliation, and the status of its link."""

    measure_id: str
    total_before: Known | None
    net_change: Known | None
    total_after: Known | None
    link: LinkStatus
    #: Place of the measure in its series' chain (0 first); reports list measures in this order.
    position: int = 0
    #: Figures whose ``disputed`` note accepted a total that does not close (``disputed-total``).
    accepted: tuple[str, ...] = ()
    #: Whether total before + change = total after with the figures given (None: one unknown).
    adds_up: bool | None = None
    #: The arithmetic of each break of this measure (its own total, its link), as reports say it.
    breaks: tuple[str, ...] = ()


def figure_cells(name: str, known: Known | None) -> dict[str, int | str | None]:
    """A figure and where it comes from, as flat cells: ``total_before``, ``total_before_basis``."""
    if known is None:
        return {name: None, f"{name}_basis": None}
    return {name: known.value, f"{name}_basis": known.provenance.value}


#: The figures of a running total: a dispute on any of them accepts a total that does not close.
_TOTAL_FIGURES = frozenset(("items_added", "items_removed", "net_adjustment", "total_before",
                            "total_after"))


def _n(value: int) -> str:
    return f"{value:,}"


def _net_change(m: ExportControlMeasure) -> tuple[int, str] | None:
    """The measure's net change and its arithmetic (``+ 243 - 10``), or None if unknown.

    The change is known when any of added, removed or adjustment is given; the others then count
    as zero. With none of them given, the change is unknown (reporting gave only totals).
    """
    parts = (m.items_added, m.items_removed, m.net_adjustment)
    if all(p is None for p in parts):
        return None
    added, removed, adjustment = (p or 0 for p in parts)
    terms = []
    if m.items_added is not None:
        terms.append(f"+ {_n(added)}")
    if removed:
        terms.append(f"- {_n(removed)} removed")
    if adjustment:
        terms.append(f"{'+' if adjustment > 0 else '-'} {_n(abs(adjustment))} adjusted")
    return added - removed + adjustment, " ".join(terms)


class _Reconciler:
    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.findings: list[Finding] = []
        self.totals: dict[str, MeasureTotals] = {}
        self.accepted: dict[str, list[str]] = {}
        self.breaks: dict[str, list[str]] = {}
        self.adds_up: dict[str, bool] = {}

    def _break(self, m: ExportControlMeasure, code: str, message: str, *, field: str,  # noqa: PLR0913
               involved: frozenset[str], related: tuple[tuple[str, str], ...] = ()) -> None:
        """A total that does not close: an error, or a warning when a dispute accepts it.

        A dispute on one of the measure's figures says the sources give figures that do not add
        up and that this is kept on purpose; the reason a source offers (``adjustment_reason``)
        is repeated in the message either way, so the break is read together with it.
        """
        reason = f"; the reason sources offer: {m.adjustment_reason}" if (
            m.adjustment_reason and m.net_adjustment is None) else ""
        self.breaks.setdefault(m.id, []).append(message.split(": correct", 1)[0].split(
            "; record the", 1)[0])
        # Only a dispute on a figure the measure gives, and that the break goes through, accepts
        # it: a note on items_removed cannot excuse a chain that breaks at total_before.
        given = m.figures()
        disputes = [d for d in m.disputed if d.figure in involved and d.figure in given]
        if disputes:
            self.accepted.setdefault(m.id, []).extend(d.figure for d in disputes)
            notes = "; ".join(f"{d.figure}: {d.note}" for d in disputes)
            self._finding("disputed-total", Severity.WARNING,
                          f"{message.split(': correct', 1)[0].split('; record the', 1)[0]}"
                          f"{reason} (marked disputed, {notes})",
                          at=(m.id, field), related=related)
            return
        self._finding(code, Severity.ERROR, f"{message}{reason}", at=(m.id, field),
                      related=related)

    def _finding(self, code: str, severity: Severity, message: str, *, at: tuple[str, str],
                 related: tuple[tuple[str, str], ...] = ()) -> None:
        """Record a finding at ``at`` = (measure id, field), with related (id, field) places."""
        self.findings.append(Finding(
            code, severity, message, self.dataset.at(*at),
            related=tuple(self.dataset.at(rid, rfield) for rid, rfield in related),
        ))

    def own_totals(self, m: ExportControlMeasure) -> tuple[Known | None, Known | None,
                                                             Known | None]:
        """Check the measure's own running total, deriving the one missing figure if possible."""
        before, change, after = _own_totals(m)
        if before and change and after and Provenance.DERIVED not in {
                before.provenance, change.provenance, after.provenance}:
            self.adds_up[m.id] = before.value + change.value == after.value
        if before and change and after and before.value + change.value != after.value:
            expected = before.value + change.value
            self._break(
                m, "total-mismatch",
                f"{_n(before.value)} {change.how} = {_n(expected)}, but total_after is "
                f"{_n(after.value)} (a difference of {_n(after.value - expected)}): correct "
                "one of the figures, or record the removal or adjustment that explains it",
                field="total_after", involved=_TOTAL_FIGURES,
            )
        for name, known in (("total_before", before), ("total_after", after)):
            if known is not None and known.provenance is Provenance.DERIVED:
                if known.value < 0:
                    self._negative(m, name, known)
                else:
                    self._finding(
                        "derived-value", Severity.INFO,
                        f"{name} is not given; derived as {known.how} = {_n(known.value)}",
                        at=(m.id, "id"),
                    )
        return before, change, after

    def _negative(self, m: ExportControlMeasure, name: str, known: Known) -> None:
        self._finding(
            "negative-total", Severity.ERROR,
            f"{name} would be {known.how} = {_n(known.value)}, below zero: one of the figures "
            "is wrong, or a measure that added items is missing from the series",
            at=(m.id, "id"),
        )

    def chain(self, series_id: str) -> None:
        """Link the measures of one series in date order, carrying totals across gaps.

        A link is checked when the previous measure's total after and this measure's total
        before are both known; otherwise it is reported as unchecked, and the previous total (if
        known) is carried forward so that the chain goes on.
        """
        previous: ExportControlMeasure | None = None
        level: Known | None = None  # the list's size after the previous measure
        for position, m in enumerate(self.order(series_id)):
            before, change, after = self.own_totals(m)
            if previous is None:
                link = LinkStatus.START
            elif level is not None and before is not None:
                link = self._link(previous, level, m, (before, change, after))
            else:
                link = LinkStatus.UNCHECKED
                self._unchecked(previous, m, level, before)
                if level is not None:  # carry the known total into this measure
                    before = Known(level.value, Provenance.CARRIED, f"total after {previous.id}")
                    if change is not None:
                        after = Known(level.value + change.value, Provenance.CARRIED,
                                      f"{_n(level.value)} {change.how}")
                        if after.value < 0:
                            self._negative(m, "total_after", after)
                    elif after is not None:
                        change = Known(after.value - level.value, Provenance.DERIVED,
                                       f"{_n(after.value)} - {_n(level.value)}")
            self.removal(m, before)
            self.totals[m.id] = self.measure_totals(m, (before, change, after), link, position)
            previous, level = m, after

    def measure_totals(self, m: ExportControlMeasure,
                       own: tuple[Known | None, Known | None, Known | None],
                       link: LinkStatus, position: int) -> MeasureTotals:
        """The reconciled totals of ``m`` with what reconciliation found about them."""
        return MeasureTotals(m.id, *own, link, position, tuple(self.accepted.get(m.id, ())),
                             self.adds_up.get(m.id), tuple(self.breaks.get(m.id, ())))

    def removal(self, m: ExportControlMeasure, before: Known | None) -> None:
        """A measure cannot take away more items than the list held, unless it added them."""
        if m.items_removed is None or before is None or m.items_removed <= before.value:
            return
        self._finding(
            "removal-exceeds-total", Severity.WARNING,
            f"removes {_n(m.items_removed)} items, but the list held {_n(before.value)} before "
            f"({before.provenance.value}): unless the items removed include items this measure "
            "added, a figure is wrong",
            at=(m.id, "items_removed"),
        )

    def order(self, series_id: str) -> list[ExportControlMeasure]:
        """The measures of a series in chain order: by date, and ties by what the data says.

        Measures announced (and in force) on the same day are ordered by their totals: the order
        in which the fewest links break, if only one order does. If the data cannot tell, they
        are taken by id and an ``ambiguous-order`` warning says so; file order never decides.
        """
        ordered: list[ExportControlMeasure] = []
        level: int | None = None
        for _, group in itertools.groupby(self.dataset.measures_of(series_id), key=_date_key):
            tied = list(group)
            if len(tied) > 1:
                tied = self._order_tie(tied, level)
            ordered += tied
            level = _simulate(tied, level)[1]
        return ordered

    def _order_tie(self, tied: list[ExportControlMeasure],
                   level: int | None) -> list[ExportControlMeasure]:
        orders = list(itertools.permutations(tied)) if len(tied) <= _MAX_TIE else [tuple(tied)]
        breaks = [_simulate(order, level)[0] for order in orders]
        best = [order for order, n in zip(orders, breaks, strict=True) if n == min(breaks)]
        if len(best) == 1:
            return list(best[0])
        chosen = list(best[0])  # permutations keep the id order of measures_of: by id
        names = ", ".join(m.id for m in chosen)
        self._finding(
            "ambiguous-order", Severity.WARNING,
            f"{len(tied)} measures share the date {_date_key(chosen[0])[0]} and nothing in the "
            f"data orders them; taken in the order {names} (by id): give each its effective date, "
            "or its totals before and after, so that the chain can be checked",
            at=(chosen[1].id, "announced"), related=((chosen[0].id, "announced"),),
        )
        return chosen

    def _unchecked(self, prev: ExportControlMeasure, m: ExportControlMeasure,
                   level: Known | None, before: Known | None) -> None:
        unknown = [f"the total after {prev.id}"] if level is None else []
        if before is None:
            unknown.append("this measure's total before")
        self._finding(
            "chain-unchecked", Severity.INFO,
            f"the link from {prev.id} ({prev.announced}) to this measure rests on nothing: "
            f"{' and '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not known",
            at=(m.id, "id"), related=((prev.id, "id"),),
        )

    def _link(self, prev: ExportControlMeasure, level: Known, m: ExportControlMeasure,
              own: tuple[Known, Known | None, Known | None]) -> LinkStatus:
        """Compare the previous total after with this measure's (given or derived) total before."""
        before, change, after = own
        if before.value == level.value:
            return LinkStatus.OK
        gap = before.value - level.value
        if before.provenance is Provenance.GIVEN:
            detail = (f"{prev.id} left the list at {_n(level.value)}, but this measure starts "
                      f"from total_before {_n(before.value)}")
            field = "total_before"
        else:
            # A derived total before came from this measure's change and total after.
            assert change is not None
            assert after is not None
            detail = (f"{prev.id} left the list at {_n(level.value)}, and "
                      f"{_n(level.value)} {change.how} = {_n(level.value + change.value)}, "
                      f"not the {_n(after.value)} given as total_after")
            field = "total_after"
        self._break(
            m, "chain-break",
            f"chain break of {_n(abs(gap))} item{'s' if abs(gap) != 1 else ''}: {detail}"
             "; record the removal or reclassification that explains it (a measure with "
            "items_removed or net_adjustment and its own evidence), or correct a figure",
            field=field, involved=(frozenset({"total_before"}) if field == "total_before"
                                   else _TOTAL_FIGURES - {"total_before"}),
            related=((prev.id, "total_after" if level.provenance is
                      Provenance.GIVEN else "id"),),
        )
        return LinkStatus.BREAK


_MAX_TIE = 6  # 720 orders at most; more measures on one day are taken by id and reported


def _date_key(m: ExportControlMeasure) -> tuple[dt.date, dt.date]:
    return (m.in_force, m.announced)


def _own_totals(m: ExportControlMeasure) -> tuple[Known | None, Known | None, Known | None]:
    """The measure's totals from its own figures: given, or derived when one is missing."""
    net = _net_change(m)
    before = Known(m.total_before, Provenance.GIVEN) if m.total_before is not None else None
    after = Known(m.total_after, Provenance.GIVEN) if m.total_after is not None else None
    change = Known(net[0], Provenance.GIVEN, net[1]) if net is not None else None
    if before and change and not after:
        after = Known(before.value + change.value, Provenance.DERIVED,
                      f"{_n(before.value)} {change.how}")
    elif change and after and not before:
        before = Known(after.value - change.value, Provenance.DERIVED,
                       f"{_n(after.value)} {_invert(change.how)}")
    elif before and after and not change:
        change = Known(after.value - before.value, Provenance.DERIVED,
                       f"{_n(after.value)} - {_n(before.value)}")
    return before, change, after


def _simulate(order: Iterable[ExportControlMeasure], level: int | None) -> tuple[int, int | None]:
    """Breaks along ``order`` starting from ``level``, and the level it ends at."""
    breaks = 0
    for m in order:
        before, change, after = _own_totals(m)
        if level is not None and before is not None and before.value != level:
            breaks += 1
        if after is not None:
            level = after.value
        elif level is not None and change is not None:
            level += change.value
        else:
            level = None
    return breaks, level


def _invert(how: str) -> str:
    """Turn ``+ 243 - 10 removed`` into ``- 243 + 10 removed`` (solving for total_before)."""
    swap = {"+": "-", "-": "+"}
    return " ".join(swap.get(token, token) for token in how.split(" "))


def reconcile_totals(dataset: Dataset) -> tuple[list[Finding], dict[str, MeasureTotals]]:
    """Check running totals and chains of every series; return findings and per-measure totals."""
    reconciler = _Reconciler(dataset)
    for series_id in dataset.series:
        reconciler.chain(series_id)
    orphans = [m for m in dataset.measures.values() if m.id not in reconciler.totals]
    for m in orphans:  # a measure of an unknown series: still check its own arithmetic
        before, change, after = reconciler.own_totals(m)
        reconciler.removal(m, before)
        reconciler.totals[m.id] = reconciler.measure_totals(m, (before, change, after),
                                                            LinkStatus.START, 0)
    return reconciler.findings, reconciler.totals


@rule("totals", Stage.RECONCILIATION, codes={
    "total-mismatch": "total before plus the change does not give the total after",
    "negative-total": "a derived total is below zero",
    "derived-value": "a total not given was derived from the measure's other figures",
    "chain-break": "a measure does not start where the previous measure of its series ended",
    "chain-unchecked": "a link of a chain rests on an unknown total",
    "ambiguous-order": "measures of a series share a date and nothing in the data orders them",
    "removal-exceeds-total": "a measure removes more items than the list held before it",
    "disputed-total": "a running total or chain link does not close, and the measure marks a "
                      "figure disputed: the sources' figures are kept as they give them",
})
def check_totals(context: CheckContext) -> list[Finding]:
    """Running totals of every measure, and the chains of every series."""
    return context.reconciled()[0]
