"""Reports as data: titled tables of rows that :mod:`sanctions_tracker.render` turns into text.

Cells hold plain values (ints stay ints) so that every output format decides how to print them:
thousands separators in text, plain integers in CSV and JSON. A figure column ``x`` may have a
companion ``x_basis`` (given, derived, carried) saying where the number comes from.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from sanctions_tracker.checks import CheckResult
from sanctions_tracker.checks.citations import (
    LEVELS,
    figure_levels,
    levels_text,
    subject_levels,
)
from sanctions_tracker.checks.totals import LinkStatus, figure_cells
from sanctions_tracker.findings import count_by_severity
from sanctions_tracker.model.dataset import Dataset
from sanctions_tracker.model.records import DATE_FIELDS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sanctions_tracker.checks.totals import Known, MeasureTotals
    from sanctions_tracker.model.records import DesignationAction, ExportControlMeasure

__all__ = ["REPORT_FORMATS", "SECTIONS", "TEXT_FORMATS", "Report", "ReportFilter", "Table",
           "build_report", "filter_notes"]

#: Sections of a report, in reading order; ``--section`` picks some of them.
SECTIONS = ("summary", "timeline", "designations", "findings")
#: Text formats (tabulate's table formats) and the structured ones, for ``--format``.
TEXT_FORMATS = ("plain", "simple", "github", "markdown")
REPORT_FORMATS = (*TEXT_FORMATS, "html", "csv", "json")


@attrs.frozen
class Table:
    """One table of a report: a title, column keys with headers, and rows of plain values."""

    section: str
    key: str
    title: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[dict[str, Any], ...]
    notes: tuple[str, ...] = ()


@attrs.frozen
class Report:
    """The tables of a report, in reading order, and the check summary it must not hide.

    ``scope`` says what the filter kept (empty: everything). ``dataset`` and ``result`` are what
    the report was built from, for a format that shows more than the tables (the HTML page:
    dates, evidence, subjects, the chart); ``crossref`` is the cross-reference of the subjects
    with official lists (``crossref``'s JSON document), when lists were given. A report built by
    hand may leave them out.
    """

    tables: tuple[Table, ...]
    counts: dict[str, int]
    scope: str = ""
    dataset: Dataset | None = attrs.field(default=None, eq=False, repr=False)
    result: CheckResult | None = attrs.field(default=None, eq=False, repr=False)
    crossref: dict[str, Any] | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class ReportFilter:
    """Which records a report covers: authorities (empty: all) and an announcement date range."""

    authorities: frozenset[str] = frozenset()
    since: dt.date | None = None
    until: dt.date | None = None
    sections: tuple[str, ...] = SECTIONS

    def keeps(self, authority: str, announced: dt.date) -> bool:
        """Whether a record of this authority announced on this date is in the report."""
        return (
            (not self.authorities or authority in self.authorities)
            and (self.since is None or announced >= self.since)
            and (self.until is None or announced <= self.until)
        )


def _sources(record: DesignationAction | ExportControlMeasure) -> str:
    return ", ".join(dict.fromkeys(e.source for e in record.evidence))


def _in_chain_order(dataset: Dataset, totals: dict[str, MeasureTotals],
                    series_id: str) -> list[ExportControlMeasure]:
    """The measures of a series in the order reconciliation chained them."""
    return sorted(dataset.measures_of(series_id), key=lambda m: totals[m.id].position)


_TIMELINE_NOTE = (
    "Date: in force (effective) where known, else announced (marked). Totals marked (derived) "
    "come from the measure's other figures, (carried) from the previous measure; neither is in "
    "the data. Adjusted: items reclassified into (positive) or out of (negative) the list. Adds "
    "up: whether total before + change = total after with the figures given. Link: whether the "
    "measure starts where the previous one ended (ok, break, unchecked: a total on one side is "
    "unknown). Evidence: quoted-verified (a quote found in its stored original), quoted (a quote "
    "not compared with an original), cited (no quote)."
)


def _date_cells(record: DesignationAction | ExportControlMeasure) -> dict[str, str | None]:
    """The date a record counts from (in force where known) and each of its dates, as text."""
    dates = record.dates()
    return {
        "date": record.in_force.isoformat() + ("" if record.effective else " (announced)"),
        "date_basis": "effective" if record.effective else "announced",
        **{name: (dates[name].isoformat() if name in dates else None) for name in DATE_FIELDS},
    }


def _adds_up(totals: MeasureTotals) -> str:
    if totals.adds_up is None:
        return "-"
    if totals.adds_up:
        return "yes"
    return "no (disputed)" if totals.accepted else "no"


def _break_notes(measures: Iterable[ExportControlMeasure],
                 totals: dict[str, MeasureTotals]) -> tuple[str, ...]:
    """One line per measure whose figures break, with the arithmetic and what sources say."""
    notes = []
    for m in measures:
        for arithmetic in totals[m.id].breaks:
            text = f"Break at {m.id}: {arithmetic}."
            if m.adjustment_reason and m.net_adjustment is None:
                text += f" Reason sources offer: {m.adjustment_reason}"
            disputes = [d.note for d in m.disputed if d.figure in totals[m.id].accepted]
            if disputes:
                text += f" Marked disputed: {' '.join(disputes)}"
            notes.append(text)
    return tuple(notes)


def _timeline(dataset: Dataset, totals: dict[str, MeasureTotals],
              keep: ReportFilter, verified: frozenset[tuple[str, int]]) -> list[Table]:
    columns = (
        ("date", "Date"), ("measure", "Measure"), ("items_added", "Added"),
        ("items_removed", "Removed"), ("net_adjustment", "Adjusted"),
        ("total_before", "Total before"),
        ("total_after", "Total after"), ("adds_up", "Adds up"), ("link", "Link"),
        ("evidence", "Evidence"), ("sources", "Sources"),
    )
    tables = []
    for series in dataset.series.values():
        measures = [m for m in _in_chain_order(dataset, totals, series.id)
                    if keep.keeps(m.authority, m.announced)]
        rows = [
            {
                "series": series.id, **_date_cells(m), "measure": m.id, "notice": m.notice,
                "items_added": m.items_added, "items_removed": m.items_removed,
                "net_adjustment": m.net_adjustment,
                **figure_cells("total_before", totals[m.id].total_before),
                **figure_cells("total_after", totals[m.id].total_after),
                "adds_up": _adds_up(totals[m.id]), "link": totals[m.id].link.value,
                "evidence": levels_text(figure_levels(m, verified)), "sources": _sources(m),
            }
            for m in measures
        ]
        if rows:
            tables.append(Table(
                "timeline", f"timeline:{series.id}",
                f"Export controls: {series.title} ({series.authority}, {series.id})",
                columns, tuple(rows), (*_break_notes(measures, totals), _TIMELINE_NOTE),
            ))
    return tables


def _actions(dataset: Dataset, keep: ReportFilter,
             verified: frozenset[tuple[str, int]]) -> list[Table]:
    columns = (
        ("announced", "Announced"), ("authority", "Authority"), ("action", "Action"),
        ("vessels", "Vessels"), ("entities", "Entities"), ("individuals", "Individuals"),
        ("itemized", "Itemized"), ("programme", "Programme"), ("evidence", "Evidence"),
        ("sources", "Sources"),
    )
    rows = [
        {
            "announced": a.announced.isoformat(), "authority": a.authority, "action": a.id,
            **dict(a.stated_counts.items()),
            "itemized": "not named" if a.itemized == "none" else (
                f"{len(a.subjects)} named ({a.itemized})"),
            "programme": a.programme,
            "evidence": levels_text(figure_levels(a, verified)), "sources": _sources(a),
        }
        for a in sorted(dataset.actions.values(), key=lambda a: (a.announced, a.id))
        if keep.keeps(a.authority, a.announced)
    ]
    return [Table("designations", "designations", "Designation actions", columns, tuple(rows))]


_SUBJECTS_NOTE = (
    "Round: the announcement date of the designation round. IMO: a vessel's ship number, an "
    "entity's company number. Country: a vessel's flag, an entity's country, an individual's "
    "nationality. Evidence: how the subject's facts are evidenced (cited; listed-verified: an "
    "official list entry read and found in its file, check --lists; listed: not compared)."
)


def _subjects(dataset: Dataset, keep: ReportFilter,
              listed: frozenset[tuple[str, tuple[str | int, ...]]]) -> list[Table]:
    """The subjects the sources name, round by round: who was designated, not only how many."""
    columns = (("round", "Round"), ("type", "Type"), ("name", "Name"), ("imo", "IMO"),
               ("country", "Country"), ("evidence", "Evidence"))
    rows = []
    for a in sorted(dataset.actions.values(), key=lambda a: (a.announced, a.id)):
        if not keep.keeps(a.authority, a.announced):
            continue
        for index, s in enumerate(a.subjects):
            levels = subject_levels(a.id, index, s, listed)
            imo: int | None = getattr(s, "imo_number", None)
            rows.append({
                "round": a.announced.isoformat(), "action_id": a.id,
                "type": type(s).__name__.lower(),
                "name": " ".join(s.name.split()),
                "imo": f"{imo:07d}" if imo is not None else None,
                "country": getattr(s, "flag", None) or getattr(s, "country", None)
                or getattr(s, "nationality", None),
                "evidence": " ".join(sorted(set(levels.values()),
                                            key=LEVELS.index)) or None,
            })
    if not rows:
        return []
    return [Table("designations", "designations:subjects",
                  "Designated subjects named by the sources", columns, tuple(rows),
                  (_SUBJECTS_NOTE,))]


def _first_known(items: Iterable[Known | None]) -> Known | None:
    """The first figure that is known, or None."""
    return next((k for k in items if k is not None), None)


def _series_summary(dataset: Dataset, totals: dict[str, MeasureTotals],
                    keep: ReportFilter) -> Table:
    columns = (
        ("series", "Series"), ("authority", "Authority"), ("updates", "Updates"),
        ("first", "First"), ("last", "Last"), ("items_added", "Items added"),
        ("from_total", "From"), ("to_total", "To"), ("breaks", "Breaks"),
        ("unchecked", "Unchecked links"), ("summary", "Summary"),
    )
    rows = []
    for series in dataset.series.values():
        measures = [m for m in _in_chain_order(dataset, totals, series.id)
                    if keep.keeps(m.authority, m.announced)]
        if not measures:
            continue
        mt = [totals[m.id] for m in measures]
        start = mt[0].total_before
        end = _first_known(t.total_after for t in reversed(mt))
        added = sum(m.items_added or 0 for m in measures)
        links = [t.link for t in mt]
        n = len(measures)
        updates = f"{n} update{'s' if n != 1 else ''}"
        if start and end:
            text = f"grew from {start.value:,} to {end.value:,} items over {updates}"
        elif end:
            text = (f"stood at {end.value:,} items after {updates}; the total before the first "
                    f"({measures[0].in_force}) is not known")
        else:
            text = f"{added:,} items added over {updates}; the totals are not known"
        breaks = links.count(LinkStatus.BREAK) + [t.adds_up for t in mt].count(False)
        if breaks:
            text += (f"; {breaks} update{'s' if breaks != 1 else ''} where the figures do not "
                     "add up (see the timeline)")
        rows.append({
            "series": series.id, "authority": series.authority, "updates": n,
            "first": measures[0].in_force.isoformat(), "last": measures[-1].in_force.isoformat(),
            "items_added": added, **figure_cells("from_total", start),
            **figure_cells("to_total", end),
            "breaks": breaks,
            "unchecked": links.count(LinkStatus.UNCHECKED), "summary": text,
        })
    return Table("summary", "summary:series", "Summary by export-control list", columns,
                 tuple(rows))


def _authority_summary(dataset: Dataset, keep: ReportFilter) -> Table:
    columns = (
        ("authority", "Authority"), ("actions", "Designation actions"),
        ("vessels", "Vessels"), ("entities", "Entities"), ("individuals", "Individuals"),
        ("measures", "Export-control measures"), ("items_added", "Items added"),
    )
    by: dict[str, dict[str, Any]] = {}

    def row(authority: str) -> dict[str, Any]:
        return by.setdefault(authority, {
            "authority": authority, "actions": 0, "vessels": 0, "entities": 0,
            "individuals": 0, "measures": 0, "items_added": 0,
        })

    for a in dataset.actions.values():
        if keep.keeps(a.authority, a.announced):
            r = row(a.authority)
            r["actions"] += 1
            for figure, value in a.figures().items():
                r[figure] += value
    for m in dataset.measures.values():
        if keep.keeps(m.authority, m.announced):
            r = row(m.authority)
            r["measures"] += 1
            r["items_added"] += m.items_added or 0
    return Table("summary", "summary:authority", "Summary by authority (stated counts)", columns,
                 tuple(by[k] for k in sorted(by)))


def _findings(result: CheckResult) -> Table:
    columns = (("location", "Location"), ("severity", "Severity"), ("code", "Code"),
               ("message", "Message"))
    rows = tuple(
        {"location": str(f.location), "file": f.location.file, "line": f.location.line,
         "severity": f.severity.value, "code": f.code, "message": f.message}
        for f in result.findings
    )
    return Table("findings", "findings", "Findings of check", columns, rows)


def _describe(keep: ReportFilter) -> str:
    parts = []
    if keep.authorities:
        parts.append(f"authority {' or '.join(sorted(keep.authorities))}")
    if keep.since is not None:
        parts.append(f"announced on or after {keep.since}")
    if keep.until is not None:
        parts.append(f"announced on or before {keep.until}")
    return ", ".join(parts)


def filter_notes(dataset: Dataset, keep: ReportFilter) -> list[str]:
    """Say which parts of the filter match no record, so that empty tables are never silent.

    One note per requested authority that no action or measure has, naming the authorities
    there are; and, when the filter as a whole leaves nothing, one naming what it asked for
    and the dates the data covers.
    """
    records = dataset.figure_records()
    if not records:
        return []
    present = sorted({r.authority for r in records})
    in_data = ", ".join(present)
    notes = [f"no record has authority {code} (authorities in the data: {in_data})"
             for code in sorted(keep.authorities - set(present))]
    every_authority_missing = bool(keep.authorities) and len(notes) == len(keep.authorities)
    if not every_authority_missing and not any(keep.keeps(r.authority, r.announced)
                                               for r in records):
        dates = sorted(r.announced for r in records)
        notes.append(f"no record matches the filter ({_describe(keep)}): the data has records "
                     f"of {in_data} announced from {dates[0]} to {dates[-1]}")
    return notes


def build_report(dataset: Dataset, result: CheckResult,
                 keep: ReportFilter | None = None) -> Report:
    """The report of a dataset and its check result, limited to what ``keep`` selects.

    The check result supplies reconciled totals (derived values, link status) and the findings,
    so that a report never hides an inconsistency.
    """
    keep = keep or ReportFilter()
    makers = {
        "summary": lambda: [_series_summary(dataset, result.totals, keep),
                            _authority_summary(dataset, keep)],
        "timeline": lambda: _timeline(dataset, result.totals, keep, result.verified),
        "designations": lambda: [*_actions(dataset, keep, result.verified),
                                 *_subjects(dataset, keep, result.listed)],
        "findings": lambda: [_findings(result)],
    }
    tables = [t for section in SECTIONS if section in keep.sections for t in makers[section]()]
    return Report(tuple(tables), count_by_severity(result.findings), _describe(keep),
                  dataset, result)
