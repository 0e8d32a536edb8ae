"""Every report format parses with the standard parser for it and carries the same figures."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

import sanctions_tracker
from sanctions_tracker.render import github_annotation, render_report
from sanctions_tracker.report import REPORT_FORMATS, build_report

MEASURE = "kr-2024-06-20-export-controls-russia"


@pytest.fixture(scope="module")
def report() -> sanctions_tracker.report.Report:
    dataset = sanctions_tracker.load()
    return build_report(dataset, sanctions_tracker.check(dataset))


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th", "h2"):
            self._in = tag
            if tag == "h2":
                self.headings.append("")
            else:
                self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None
            if tag != "h2":
                self.rows[-1][-1] = self.rows[-1][-1].strip()

    def handle_data(self, data: str) -> None:
        if self._in == "h2":
            self.headings[-1] += data
        elif self._in:
            self.rows[-1][-1] += data


def test_csv_has_plain_integers(report) -> None:  # noqa: ANN001
    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv"))))
    row = next(r for r in rows if r["measure"] == MEASURE)
    assert (row["total_before"], row["items_added"], row["total_after"]) == ("1159", "243", "1402")
    assert row["total_after_basis"] == "given"
    action = next(r for r in rows if r["section"] == "designations")
    assert (action["vessels"], action["entities"], action["individuals"]) == ("4", "5", "8")
    assert {r["section"] for r in rows} == {"summary", "timeline", "designations", "findings"}


def test_json_has_plain_integers_and_a_schema_version(report) -> None:  # noqa: ANN001
    document = json.loads(render_report(report, "json"))
    assert document["schema_version"] == 1
    assert document["checks"] == {"error": 0, "warning": 0, "info": 3}
    timeline = next(t for t in document["tables"] if t["section"] == "timeline")
    row = next(r for r in timeline["rows"] if r["measure"] == MEASURE)
    assert (row["total_before"], row["items_added"], row["total_after"]) == (1159, 243, 1402)


def test_html_is_a_document_with_tables(report) -> None:  # noqa: ANN001
    text = render_report(report, "html")
    assert text.startswith("<!DOCTYPE html>")
    parser = _Cells()
    parser.feed(text)
    assert "Designation actions" in parser.headings
    row = next(r for r in parser.rows if MEASURE in r)
    assert row[2:6] == ["243", "-", "1,159", "1,402"]
    action = next(r for r in parser.rows if "kr-2024-06-20-russia-dprk-transfers" in r)
    assert action[3:6] == ["4", "5", "8"]


@pytest.mark.parametrize("fmt", ["plain", "simple", "github", "markdown"])
def test_text_formats_use_thousands_separators(report, fmt: str) -> None:  # noqa: ANN001
    text = render_report(report, fmt)
    row = next(line for line in text.splitlines() if MEASURE in line)
    cells = [c for c in row.replace("|", " ").split() if c]
    assert cells[2:6] == ["243", "-", "1,159", "1,402"]
    assert "Checks: 0 errors, 0 warnings, 3 info" in text


def test_every_format_is_covered() -> None:
    assert set(REPORT_FORMATS) == {"plain", "simple", "github", "markdown", "html", "csv", "json"}


def test_derived_totals_are_marked_in_text_and_in_basis_columns() -> None:
    from .conftest import BASE, FINDINGS

    dataset = sanctions_tracker.load([BASE, FINDINGS / "derived-value.yaml"])
    report = build_report(dataset, sanctions_tracker.check(dataset))
    assert "160 (derived)" in render_report(report, "simple")
    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv"))))
    row = next(r for r in rows if r["section"] == "timeline")
    assert (row["total_before"], row["total_before_basis"]) == ("160", "derived")


def test_github_annotation_escapes() -> None:
    finding = sanctions_tracker.Finding(
        "schema", sanctions_tracker.Severity.WARNING, "50% off\nnext line",
        sanctions_tracker.Location("a,b:c.yaml", 3, 4),
    )
    assert github_annotation(finding) == (
        "::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=schema::50%25 off%0Anext line"
    )
