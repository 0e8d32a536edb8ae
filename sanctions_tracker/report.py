"""Reports as data: titled tables of rows that :mod:`sanctions_tracker.render` turns into text.

Cells hold plain values (ints stay ints) so that every output format decides how to print them:
thousands separators in text, plain integers in CSV and JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .dataset import Dataset
    from .records import DesignationAction, ExportControlMeasure
    from .totals import Known, MeasureTotals

__all__ = ["Report", "Table", "build_report"]


@attrs.frozen
class Table:
    """One section of a report: a title, column keys with headers, and rows of plain values."""

    key: str
    title: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[dict[str, Any], ...]
    notes: tuple[str, ...] = ()


@attrs.frozen
class Report:
    """The sections of a report, in reading order."""

    tables: tuple[Table, ...]


def _sources(record: DesignationAction | ExportControlMeasure) -> str:
    return ", ".join(dict.fromkeys(e.source for e in record.evidence))


def _figure(name: str, known: Known | None) -> dict[str, Any]:
    """A figure cell and its basis cell: ``total_before`` and ``total_before_basis``."""
    if known is None:
        return {name: None, f"{name}_basis": None}
    return {name: known.value, f"{name}_basis": known.provenance.value}


def _timeline(dataset: Dataset, totals: dict[str, MeasureTotals]) -> list[Table]:
    columns = (
        ("announced", "Announced"), ("measure", "Measure"), ("items_added", "Added"),
        ("items_removed", "Removed"), ("total_before", "Total before"),
        ("total_after", "Total after"), ("link", "Link"), ("sources", "Sources"),
    )
    tables = []
    for series in dataset.series.values():
        rows = []
        for m in dataset.measures_of(series.id):
            t = totals[m.id]
            rows.append({
                "announced": m.announced.isoformat(), "measure": m.id,
                "items_added": m.items_added, "items_removed": m.items_removed,
                **_figure("total_before", t.total_before), **_figure("total_after", t.total_after),
                "link": t.link.value, "sources": _sources(m),
            })
        tables.append(Table(
            key=f"timeline:{series.id}",
            title=f"Export controls: {series.title} ({series.authority}, {series.id})",
            columns=columns, rows=tuple(rows),
            notes=("Totals marked (derived) come from the measure's other figures, (carried) "
                   "from the previous measure; neither is in the data. Link: whether the measure "
                   "starts where the previous one ended (ok, break, unchecked).",),
        ))
    return tables


def _actions(dataset: Dataset) -> Table:
    columns = (
        ("announced", "Announced"), ("authority", "Authority"), ("action", "Action"),
        ("vessels", "Vessels"), ("entities", "Entities"), ("individuals", "Individuals"),
        ("itemized", "Itemized"), ("programme", "Programme"), ("sources", "Sources"),
    )
    rows = [
        {
            "announced": action.announced.isoformat(), "authority": action.authority,
            "action": action.id, **dict(action.stated_counts.items()),
            "itemized": "not named" if action.itemized == "none" else (
                f"{len(action.subjects)} named ({action.itemized})"),
            "programme": action.programme, "sources": _sources(action),
        }
        for action in sorted(dataset.actions.values(), key=lambda a: (a.announced, a.id))
    ]
    return Table(key="designations", title="Designation actions", columns=columns,
                 rows=tuple(rows))


def build_report(dataset: Dataset, totals: dict[str, MeasureTotals]) -> Report:
    """The report of a dataset: export-control timelines per series, then designation actions.

    ``totals`` are the reconciled totals (:func:`sanctions_tracker.check`), so that the report
    shows derived values and the status of each link of a chain.
    """
    return Report(tables=(*_timeline(dataset, totals), _actions(dataset)))
