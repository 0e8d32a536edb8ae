"""The report page as a view model: what each section of the HTML page shows, as plain values.

The tables come from the :class:`~sanctions_tracker.output.report.Report` (so the page shows the
records the report's filter and sections keep, as every other format does); what a table cell
cannot carry comes from the dataset and check result the report was built from: dates, evidence
quotes and URLs, itemized subjects, the record each finding concerns, and the chart's points.
A report built by hand, without them, still gives a page of its tables.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import attrs

from sanctions_tracker.checks.citations import supporting_evidence
from sanctions_tracker.findings.paths import parse_path
from sanctions_tracker.model.records import DesignationAction, Entity, Vessel

from ._tables import Cell, Part, Row, TableView, anchor, number, plain_cell
from .chart import Chart, ChartPoint, layout_chart

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sanctions_tracker.checks import CheckResult
    from sanctions_tracker.findings import Finding, Location
    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import Evidence, ExportControlMeasure, Subject
    from sanctions_tracker.output.report import Report, Table

__all__ = ["EvidenceItem", "EvidenceRecord", "Fact", "Page", "SeriesView", "SourceView",
           "SubjectsView", "build_page"]

#: Figures of measures and actions, which link to the evidence that states them.
_FIGURES = frozenset({"items_added", "items_removed", "net_adjustment", "total_before",
                      "total_after", "vessels", "entities", "individuals"})
#: Dates a measure or action may carry, in the order they happen. The records gain
#: ``promulgated`` and ``expected`` with the Korean data (issue 13): each is read from the row,
#: else from the record, by name, so that the page shows whichever dates the data has.
_DATES = (("announced", "Announced"), ("promulgated", "Promulgated"),
          ("effective", "In force"), ("expected", "Expected"))
#: Columns of the report that are dates (the timeline's ``date`` is in force, else announced).
_DATE_COLUMNS = ("date", "announced")
_SAFE_URL = re.compile(r"https?://\S+\Z")


@attrs.frozen
class Fact:
    """A figure of the summary at the top: a label, the figure, a detail, where to read more."""

    label: str
    value: str
    detail: str = ""
    href: str | None = None


@attrs.frozen
class SeriesView:
    """One export-control list: its chart, the chart's figures as a table, and its timeline."""

    id: str
    title: str
    chart_id: str
    chart: Chart | None
    chart_table: TableView
    timeline: TableView


@attrs.frozen
class SubjectsView:
    """The itemized subjects of one designation action."""

    id: str
    caption: str
    table: TableView


@attrs.frozen
class EvidenceItem:
    """One quote or citation: what it says, the figures it states, and its source."""

    id: str
    source_id: str
    source_href: str | None
    source_label: str
    quote: str | None
    url: str | None
    states: str
    level: str


@attrs.frozen
class EvidenceRecord:
    """The evidence of one record, linked from the record's row and from each of its figures."""

    id: str
    record_id: str
    kind: str
    row_href: str | None
    items: tuple[EvidenceItem, ...]


@attrs.frozen
class SourceView:
    """A document that evidence quotes or cites."""

    id: str
    source_id: str
    publisher: str
    title: str
    date: str
    url: str | None
    file: str | None


@attrs.frozen
class Page:
    """Every section of the page; a section the report leaves out is empty."""

    title: str
    scope: str
    counts: dict[str, int]
    facts: tuple[Fact, ...]
    summary: tuple[TableView, ...]
    series: tuple[SeriesView, ...]
    designations: TableView | None
    subjects: tuple[SubjectsView, ...]
    crossref: TableView | None
    crossref_lists: tuple[str, ...]
    findings: TableView | None
    evidence: tuple[EvidenceRecord, ...]
    sources: tuple[SourceView, ...]
    other: tuple[TableView, ...]
    notes: tuple[str, ...] = ()

    @property
    def contents(self) -> list[tuple[str, str]]:
        """(anchor, heading) of each section the page has, for its table of contents."""
        sections = [("summary", "Summary"), ("export-controls", "Export controls"),
                    ("designations", "Designation rounds"), ("crossref", "Other lists"),
                    ("findings", "Findings"), ("evidence", "Evidence and sources")]
        present = {"summary": True, "export-controls": bool(self.series),
                   "designations": self.designations is not None,
                   "crossref": self.crossref is not None, "findings": self.findings is not None,
                   "evidence": bool(self.evidence or self.sources)}
        return [(key, text) for key, text in sections if present[key]]


def _row_date(row: dict[str, Any], record: object, name: str) -> dt.date | None:
    """A date of a report row (ISO text) or, when the row lacks it, of its record."""
    text = row.get(name)
    if isinstance(text, str):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    value = getattr(record, name, None)
    return value if isinstance(value, dt.date) else None


class _Builder:
    """Builds a :class:`Page` from a report and what it was built from."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.dataset: Dataset | None = report.dataset
        self.result: CheckResult | None = report.result
        self.rows: dict[str, str] = {}  # record id -> anchor of its row in the page
        self.shown: list[str] = []  # records whose rows the page shows, in page order
        #: (anchor of a record's row, finding code) -> anchor of the first such finding's row.
        self.finding_rows: dict[tuple[str, str], str] = {}
        #: Anchor of a record's row -> (severity, anchor) of each finding about the record.
        self.findings_of: dict[str, list[tuple[str, str]]] = {}
        self.with_findings = any(t.key == "findings" for t in report.tables)
        for table in report.tables:
            for key, kind in (("measure", "m"), ("action", "a")):
                if table.section in ("timeline", "designations"):
                    for row in table.rows:
                        if key in row:
                            self.rows[str(row[key])] = anchor(kind, row[key])
                            self.shown.append(str(row[key]))
        for record_id in self.shown:
            action = self.dataset.actions.get(record_id) if self.dataset else None
            for index in range(len(action.subjects) if action else 0):
                self.rows[f"{record_id}/subjects/{index}"] = anchor("s", record_id, index)

    # -- cells ------------------------------------------------------------------------------

    def _figure(self, record_id: str, key: str, row: dict[str, Any]) -> Cell:
        value, basis = row.get(key), row.get(f"{key}_basis")
        if not isinstance(value, int) or isinstance(value, bool):
            return plain_cell(value, basis)
        record = self._record(record_id)
        if record is None:
            return number(value, basis)
        if basis in (None, "given"):
            support = supporting_evidence(record, key, value) if key in record.figures() else []
            if support:
                return number(value, basis, href=f"#{anchor('ev', record_id, support[0])}",
                              title=f"{key} = {value:,}: the evidence that states it")
            return number(value, basis, title=f"{key}: no evidence states {value:,}")
        how = self._how(record_id, key)
        return number(value, basis, href=f"#{anchor('ev', record_id)}",
                      title=f"{key} {basis}" + (f": {how}" if how else ""))

    def _how(self, record_id: str, key: str) -> str:
        totals = self.result.totals.get(record_id) if self.result else None
        known = getattr(totals, key, None) if totals is not None else None
        return str(known.how) if known is not None else ""

    def _record(self, record_id: str) -> DesignationAction | ExportControlMeasure | None:
        if self.dataset is None:
            return None
        return self.dataset.measures.get(record_id) or self.dataset.actions.get(record_id)

    def _sources(self, text: str) -> Cell:
        names = [n for n in text.split(", ") if n]
        parts: list[Part] = []
        for name in names:
            if parts:
                parts.append(Part(", "))
            known = self.dataset is not None and name in self.dataset.sources
            parts.append(Part(name, f"#{anchor('src', name)}" if known else None))
        return Cell(tuple(parts) or (Part("-"),))

    def _record_link(self, record_id: str) -> Cell:
        known = self._record(record_id) is not None
        return Cell((Part(record_id, f"#{anchor('ev', record_id)}" if known else None, "",
                          "the evidence of this record" if known else None),))

    # -- sections ---------------------------------------------------------------------------

    def generic(self, table: Table, table_id: str) -> TableView:
        """A table of the report as it is (the summaries, and any table the page does not know)."""
        rows = []
        for row in table.rows:
            cells = []
            for key, _ in table.columns:
                if key == "series" and f"timeline:{row[key]}" in self._tables:
                    cells.append(Cell((Part(str(row[key]), f"#{anchor('series', row[key])}"),)))
                else:
                    cells.append(plain_cell(row.get(key), row.get(f"{key}_basis")))
            rows.append(Row(tuple(cells)))
        return TableView(table_id, table.title, self._headers(table), tuple(rows), table.notes)

    def _headers(self, table: Table) -> tuple[tuple[str, bool], ...]:
        return tuple((header, any(isinstance(r.get(key), int) and not isinstance(r.get(key), bool)
                                  for r in table.rows))
                     for key, header in table.columns)

    @property
    def _tables(self) -> set[str]:
        return {t.key for t in self.report.tables}

    def _dates(self, table: Table, records: list[object]) -> list[tuple[str, str]]:
        """The date columns the table lacks that at least one of its records has a value for."""
        columns = {key for key, _ in table.columns}
        pairs = list(zip(table.rows, records, strict=True))

        def news(name: str) -> bool:  # a date some row has and its date column does not show
            return any((day := _row_date(row, record, name)) is not None and not str(
                row.get("date") or "").startswith(day.isoformat()) for row, record in pairs)

        return [(name, header) for name, header in _DATES
                if name not in columns and news(name)]

    def _with_dates(self, table: Table, records: list[object]) -> tuple[
            list[tuple[str, str]], tuple[tuple[str, bool], ...]]:
        dates = self._dates(table, records)
        headers = list(self._headers(table))
        at = next((i + 1 for i, (key, _) in enumerate(table.columns) if key in _DATE_COLUMNS),
                  0)
        headers[at:at] = [(header, False) for _, header in dates]
        if self.with_findings:
            headers.append(("Findings", False))
        return dates, tuple(headers)

    def _row(self, table: Table, row: dict[str, Any], record_id: str,
             dates: list[tuple[str, str]]) -> tuple[Cell, ...]:
        record = self._record(record_id)
        cells: list[Cell] = []
        for key, _ in table.columns:
            if key in _FIGURES:
                cells.append(self._figure(record_id, key, row))
            elif key in ("measure", "action"):
                cells.append(self._record_link(record_id))
            elif key == "sources":
                cells.append(self._sources(str(row.get(key) or "")))
            elif key == "link" and row.get(key) == "break":
                finding = self._finding_of(record_id, "chain-break")
                cells.append(Cell((Part("break", finding, "flag-break",
                                        "the chain-break finding" if finding else None),)))
            elif key == "itemized" and isinstance(record, DesignationAction) and record.subjects:
                cells.append(Cell((Part(str(row[key]), f"#{anchor('subjects', record_id)}"),)))
            elif key in _DATE_COLUMNS:
                cells.append(Cell((Part(str(row.get(key) or "-")),), css="date"))
                cells += [Cell((Part(str(d) if (d := _row_date(row, record, name)) else "-"),),
                               css="date") for name, _ in dates]
            else:
                cells.append(plain_cell(row.get(key), row.get(f"{key}_basis")))
        if self.with_findings:
            cells.append(self._findings_cell(self.rows.get(record_id, "")))
        return tuple(cells)

    def _findings_cell(self, target: str) -> Cell:
        """The findings about a record: a count per severity, each linking to the first one."""
        found = self.findings_of.get(target, [])
        parts: list[Part] = []
        for severity in ("error", "warning", "info"):
            rows = [row for sev, row in found if sev == severity]
            if rows:
                if parts:
                    parts.append(Part(", "))
                parts.append(Part(_count(len(rows), severity), f"#{rows[0]}",
                                  f"severity severity-{severity}",
                                  "the first of them in the findings"))
        rank = next((str(i) for i, sev in enumerate(("error", "warning", "info"))
                     if any(s == sev for s, _ in found)), "3")
        return Cell(tuple(parts) or (Part("-"),), rank)

    def series(self, table: Table) -> SeriesView:
        """A series' chart, its text alternative and its timeline table."""
        series_id = str(table.rows[0]["series"]) if table.rows else table.key.split(":", 1)[1]
        measures = [self._record(str(r["measure"])) for r in table.rows]
        dates, headers = self._with_dates(table, list(measures))
        rows = []
        for row in table.rows:
            record_id = str(row["measure"])
            css = "row-break" if row.get("link") == "break" else ""
            rows.append(Row(self._row(table, row, record_id, dates), anchor("m", record_id), css))
        points = [self._point(row) for row in table.rows]
        title = table.title.removeprefix("Export controls: ")
        chart_id = anchor("chart", series_id)
        timeline = TableView(anchor("timeline", series_id), f"Timeline of {series_id}", headers,
                             tuple(rows), table.notes)
        chart = layout_chart(points, title)
        return SeriesView(anchor("series", series_id), title, chart_id, chart,
                          self._chart_table(chart_id, series_id, points, chart),
                          timeline)

    def _point(self, row: dict[str, Any]) -> ChartPoint:
        record_id = str(row["measure"])
        record = self._record(record_id)
        effective = _row_date(row, record, "effective")
        announced = _row_date(row, record, "announced") or dt.date.fromisoformat(
            str(row["date"]).split(" ", 1)[0])
        totals = self.result.totals.get(record_id) if self.result else None
        change, change_text = None, ""
        if totals is not None and totals.net_change is not None:
            change = totals.net_change.value
            given = totals.net_change.provenance.value == "given"
            change_text = totals.net_change.how if given else _signed(change)
        elif any(row.get(k) is not None for k in ("items_added", "items_removed",
                                                  "net_adjustment")):
            change = ((row.get("items_added") or 0) - (row.get("items_removed") or 0)
                      + (row.get("net_adjustment") or 0))
            change_text = _signed(change)
        return ChartPoint(
            anchor=anchor("m", record_id), label=record_id,
            date=effective or announced, date_kind="in force" if effective else "announced",
            before=row.get("total_before"), before_basis=row.get("total_before_basis"),
            change=change, change_text=change_text,
            after=row.get("total_after"), after_basis=row.get("total_after_basis"),
        )

    def _chart_table(self, chart_id: str, series_id: str, points: Sequence[ChartPoint],
                     chart: Chart | None) -> TableView:
        """The chart's figures as a table: what a reader without the picture needs."""
        breaks: dict[str, list[str]] = {}
        for gap in chart.gaps if chart else ():
            breaks.setdefault(gap.anchor, []).append(f"break: {gap.text}")
        rows = []
        for p in points:
            line = "total not known" if p.after is None else p.after_basis or "given"
            rows.append(Row((
                Cell((Part(p.label, f"#{p.anchor}"),)),
                Cell((Part(f"{p.date} ({p.date_kind})"),), p.date.isoformat(), css="date"),
                plain_cell(p.before, p.before_basis),
                Cell((Part(p.change_text or "-"),), None if p.change is None else str(p.change),
                     numeric=True),
                plain_cell(p.after, p.after_basis),
                Cell((Part("; ".join([line, *breaks.get(p.anchor, ())])),)),
            ), css="row-break" if p.anchor in breaks else ""))
        headers = (("Measure", False), ("Date", False), ("Total before", True),
                   ("Change", True), ("Total after", True), ("Line", False))
        return TableView(f"{chart_id}-table", f"The chart's figures ({series_id})", headers,
                         tuple(rows))

    def designations(self, table: Table) -> TableView:
        """The designation rounds, each figure linked to its evidence."""
        actions = [self._record(str(r["action"])) for r in table.rows]
        dates, headers = self._with_dates(table, list(actions))
        rows = []
        for row in table.rows:
            record_id = str(row["action"])
            rows.append(Row(self._row(table, row, record_id, dates), anchor("a", record_id)))
        return TableView("designations-table", table.title, headers, tuple(rows), table.notes)

    def subjects(self) -> list[SubjectsView]:
        """The itemized subjects of every action shown."""
        views = []
        for record_id in self.shown:
            action = self.dataset.actions.get(record_id) if self.dataset else None
            if action is None or not action.subjects:
                continue
            rows = [Row(_subject_cells(index + 1, s), anchor("s", record_id, index))
                    for index, s in enumerate(action.subjects)]
            headers = (("#", True), ("Type", False), ("Name", False), ("Identifiers", False),
                       ("Country", False), ("Born", False), ("Aliases", False))
            caption = (f"Subjects of {record_id}: {len(action.subjects)} named "
                       f"({action.itemized})")
            views.append(SubjectsView(anchor("subjects", record_id), caption,
                                      TableView(anchor("subjects-table", record_id), caption,
                                                headers, tuple(rows))))
        return views

    def crossref(self, document: dict[str, Any]) -> TableView:
        """The curated subjects against the official lists (``crossref``'s JSON document)."""
        rows = []
        for subject in document.get("subjects", ()):
            entry = str(subject.get("subject", ""))
            target = self.rows.get(entry)
            label = Cell((Part(f"{subject.get('name', '')} ({subject.get('type', '')})",
                               f"#{target}" if target else None),))
            found = [("", m) for m in subject.get("matches", ())]
            found += [("conflict: ", m) for m in subject.get("conflicts", ())]
            found += [("other IMO scheme: ", m) for m in subject.get("wrong_scheme", ())]
            if not found:
                rows.append(Row((label, *(Cell((Part("-"),)) for _ in range(4)),
                                 Cell((Part("carried by no list read"),)))))
            for kind, match in found:
                rows.append(Row((
                    label,
                    Cell((Part(" ".join(str(match.get(k) or "") for k in
                                        ("list", "snapshot_date")).strip()),)),
                    Cell((Part(f"{match.get('entry_id', '')} {match.get('name', '')}"),)),
                    Cell((Part(str(match.get("listing_date") or "-")),)),
                    Cell((Part(", ".join(match.get("programs") or ()) or "-"),)),
                    Cell((Part(kind + str(match.get("explanation", ""))),)),
                ), css="row-conflict" if kind else ""))
        headers = (("Subject", False), ("List", False), ("Entry", False), ("Listed", False),
                   ("Programmes", False), ("How it matched", False))
        return TableView("crossref-table", "Itemized subjects on other lists", headers,
                         tuple(rows))

    def findings(self, table: Table) -> TableView:
        """The findings of check, each linked to the record it concerns when the page shows it."""
        findings: Sequence[Finding | None] = (
            self.result.findings if self.result is not None
            and len(self.result.findings) == len(table.rows) else [None] * len(table.rows))
        rows = []
        for index, (row, finding) in enumerate(zip(table.rows, findings, strict=True), 1):
            target = self._concerns(finding.location) if finding is not None else None
            if finding is not None and target is not None:
                self.finding_rows.setdefault((target, finding.code), f"f-{index}")
                self.findings_of.setdefault(target, []).append((finding.severity.value,
                                                                f"f-{index}"))
            severity = str(row["severity"])
            rows.append(Row((
                Cell((Part(str(row["location"]), f"#{target}" if target else None, "",
                           "the record this finding concerns" if target else None),)),
                Cell((Part(severity, None, f"severity severity-{severity}"),),
                     str(("error", "warning", "info").index(severity))
                     if severity in ("error", "warning", "info") else severity),
                plain_cell(row["code"]), plain_cell(row["message"]),
            ), f"f-{index}", f"finding-{severity}"))
        return TableView("findings-table", table.title, self._headers(table), tuple(rows))

    def _concerns(self, location: Location) -> str | None:
        """The anchor of the row of the record (or subject) a location points into."""
        if self.dataset is None or not location.path:
            return None
        path = parse_path(location.path)
        for record_id, origin in self.dataset.origins.items():
            if origin.file == location.file and path[:len(origin.path)] == origin.path:
                rest = path[len(origin.path):]
                if len(rest) >= 2 and rest[0] == "subjects":
                    subject = self.rows.get(f"{record_id}/subjects/{rest[1]}")
                    if subject:
                        return subject
                if record_id in self.rows:
                    return self.rows[record_id]
                if record_id in self.dataset.sources:
                    return anchor("src", record_id)
                return None
        return None

    def _finding_of(self, record_id: str, code: str) -> str | None:
        """A link to the first finding of ``code`` about the record, when the page shows it."""
        row = self.finding_rows.get((self.rows.get(record_id, ""), code))
        return f"#{row}" if row else None

    def evidence(self) -> tuple[list[EvidenceRecord], list[SourceView]]:
        """The evidence of every record the page shows, and every source of the data."""
        if self.dataset is None:
            return [], []
        verified = self.result.verified if self.result else frozenset()
        records = []
        for record_id in self.shown:
            record = self._record(record_id)
            if record is None:
                continue
            kind = "measure" if record_id in self.dataset.measures else "designation action"
            items = tuple(self._evidence_item(record_id, i, e, verified)
                          for i, e in enumerate(record.evidence))
            records.append(EvidenceRecord(anchor("ev", record_id), record_id, kind,
                                          f"#{self.rows[record_id]}", items))
        sources = [SourceView(anchor("src", s.id), s.id, s.publisher, s.title,
                              str(s.dated) if s.dated else "no date",
                              s.url if s.url and _SAFE_URL.match(s.url) else None, s.file)
                   for s in self.dataset.sources.values()]
        return records, sources

    def _evidence_item(self, record_id: str, index: int, item: Evidence,
                       verified: frozenset[tuple[str, int]]) -> EvidenceItem:
        assert self.dataset is not None
        source = self.dataset.sources.get(item.source)
        label = (f"{source.publisher}, “{source.title}”"
                 + (f", {source.dated}" if source.dated else "")) if source else item.source
        url = source.url if source and source.url and _SAFE_URL.match(source.url) else None
        level = ("quoted-verified" if (record_id, index) in verified else "quoted") if (
            item.quote is not None) else "cited"
        stated: dict[str, object] = {**item.states, **getattr(item, "dates", {}),
                                     **getattr(item, "facts", {})}
        states = ", ".join(f"{k.replace('_', ' ')} {v:,}" if isinstance(v, int)
                           else f"{k.replace('_', ' ')} {v}" for k, v in stated.items())
        return EvidenceItem(anchor("ev", record_id, index), item.source,
                            f"#{anchor('src', item.source)}" if source else None, label,
                            item.quote, url, states, level)

    def facts(self) -> list[Fact]:
        """The figures at the top: lists, latest totals, rounds, subjects, findings."""
        facts: list[Fact] = []
        tables = {t.key: t for t in self.report.tables}
        summary = tables.get("summary:series")
        if summary is not None:
            facts.append(Fact("Lists tracked", f"{len(summary.rows):,}",
                              ", ".join(str(r["series"]) for r in summary.rows),
                              "#export-controls" if any(k.startswith("timeline:") for k in tables)
                              else None))
            for r in summary.rows:
                total = r.get("to_total")
                basis = r.get("to_total_basis")
                value = "not known" if total is None else f"{total:,}" + (
                    f" ({basis})" if basis not in (None, "given") else "")
                href = (f"#{anchor('series', r['series'])}"
                        if f"timeline:{r['series']}" in tables else None)
                facts.append(Fact(f"Latest total: {r['series']}", value,
                                  f"after {r['updates']} update{'s' if r['updates'] != 1 else ''}"
                                  f", last {r['last']}", href))
        authorities = tables.get("summary:authority")
        if authorities is not None:
            rounds = sum(int(r["actions"]) for r in authorities.rows)
            counts = {k: sum(int(r[k]) for r in authorities.rows)
                      for k in ("vessels", "entities", "individuals")}
            named = sum(len(a.subjects) for a in self.dataset.actions.values()
                        if a.id in self.rows) if self.dataset else None
            facts.append(Fact("Designation rounds", f"{rounds:,}", "", "#designations"
                              if "designations" in tables else None))
            facts.append(Fact(
                "Subjects designated", f"{sum(counts.values()):,}",
                f"{counts['vessels']:,} vessels, {counts['entities']:,} entities, "
                f"{counts['individuals']:,} individuals"
                + (f"; {named:,} named in the sources" if named is not None else ""),
                "#designations" if "designations" in tables else None))
        counts = self.report.counts
        facts.append(Fact(
            "Findings", f"{sum(counts.values()):,}",
            ", ".join(_count(counts.get(k, 0), k) for k in ("error", "warning", "info")),
            "#findings" if "findings" in tables else None))
        return facts


def _count(value: int, severity: str) -> str:
    return f"{value:,} {severity}{'s' if severity != 'info' and value != 1 else ''}"


def _signed(value: int) -> str:
    return f"+ {value:,}" if value >= 0 else f"- {-value:,}"


def _subject_cells(number: int, subject: Subject) -> tuple[Cell, ...]:
    identifiers: list[str] = []
    country: str | None
    born = "-"
    if isinstance(subject, Vessel):
        kind, country = "vessel", subject.flag
        if subject.imo_number is not None:
            identifiers.append(f"IMO {subject.imo_number}")
        if subject.mmsi is not None:
            identifiers.append(f"MMSI {subject.mmsi}")
        if subject.call_sign:
            identifiers.append(f"call sign {subject.call_sign}")
    elif isinstance(subject, Entity):
        kind, country = "entity", subject.country
        company = getattr(subject, "imo_number", None)  # a company IMO number (issue 13)
        if company is not None:
            identifiers.append(f"company IMO {company}")
    else:
        kind, country = "individual", subject.nationality
        born = str(subject.birth_date) if subject.birth_date else "-"
    return (
        number_cell(number), Cell((Part(kind),)), Cell((Part(subject.name),)),
        Cell((Part(", ".join(identifiers) or "-"),)), Cell((Part(country or "-"),)),
        Cell((Part(born),)), Cell((Part("; ".join(subject.aliases) or "-"),)),
    )


def number_cell(value: int) -> Cell:
    """A plain count (no evidence of its own)."""
    return Cell((Part(f"{value:,}"),), str(value), numeric=True)


def build_page(report: Report, title: str = "sanctions-tracker report") -> Page:
    """The page of a report: its sections as values, every in-page link pointing at an anchor.

    The findings are built first: a timeline row marks a break with a link to its
    ``chain-break`` finding, which the page has only when it has the findings section.
    """
    builder = _Builder(report)
    tables = {t.key: t for t in report.tables}
    findings = builder.findings(tables["findings"]) if "findings" in tables else None
    summary, series, other = [], [], []
    designations = None
    for table in report.tables:
        if table.key.startswith("summary:"):
            summary.append(builder.generic(table, anchor("table", table.key.replace(":", "-"))))
        elif table.key.startswith("timeline:"):
            series.append(builder.series(table))
        elif table.key == "designations":
            designations = builder.designations(table)
        elif table.key not in ("findings", "designations:subjects"):
            # The page shows each round's subjects with the round (builder.subjects).
            other.append(builder.generic(table, anchor("table", table.key.replace(":", "-"))))
    evidence, sources = builder.evidence()
    return Page(
        title=title, scope=report.scope, counts=dict(report.counts), facts=tuple(builder.facts()),
        summary=tuple(summary), series=tuple(series), designations=designations,
        subjects=tuple(builder.subjects()),
        crossref=builder.crossref(report.crossref) if report.crossref is not None else None,
        crossref_lists=tuple(report.crossref.get("lists", ())) if report.crossref else (),
        findings=findings, evidence=tuple(evidence), sources=tuple(sources), other=tuple(other),
    )
