"""Every report format parses with the standard parser for it and carries the same figures."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest

import sanctions_tracker
from sanctions_tracker.output.render import github_annotation, render_report
from sanctions_tracker.output.report import REPORT_FORMATS, Report, build_report

from .conftest import BASE

if TYPE_CHECKING:
    from pathlib import Path

MEASURE = "kr-2024-06-20-export-controls-russia"


@pytest.fixture(scope="module")
def report() -> sanctions_tracker.output.report.Report:
    dataset = sanctions_tracker.load()
    return build_report(dataset, sanctions_tracker.check(dataset))


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:  # noqa: ARG002 (HTMLParser's signature)
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


def test_csv_has_plain_integers(report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv"))))
    row = next(r for r in rows if r["measure"] == MEASURE)
    assert (row["total_before"], row["items_added"], row["total_after"]) == ("1159", "243", "1402")
    assert row["total_after_basis"] == "given"
    action = next(r for r in rows if r["section"] == "designations")
    assert (action["vessels"], action["entities"], action["individuals"]) == ("4", "5", "8")
    assert {r["section"] for r in rows} == {"summary", "timeline", "designations", "findings"}


def test_json_has_plain_integers_and_a_schema_version(report) -> None:
    document = json.loads(render_report(report, "json"))
    assert document["schema_version"] == 1
    assert document["checks"] == {"error": 0, "warning": 0, "info": 3}
    timeline = next(t for t in document["tables"] if t["section"] == "timeline")
    row = next(r for r in timeline["rows"] if r["measure"] == MEASURE)
    assert (row["total_before"], row["items_added"], row["total_after"]) == (1159, 243, 1402)


def test_html_is_a_document_with_tables(report) -> None:
    text = render_report(report, "html")
    assert text.startswith("<!DOCTYPE html>")
    parser = _Cells()
    parser.feed(text)
    assert "Designation actions" in parser.headings
    row = next(r for r in parser.rows if MEASURE in r)
    assert row[2:7] == ["243", "-", "-", "1,159", "1,402"]
    action = next(r for r in parser.rows if "kr-2024-06-20-russia-dprk-transfers" in r)
    assert action[3:6] == ["4", "5", "8"]


@pytest.mark.parametrize("fmt", ["plain", "simple", "github", "markdown"])
def test_text_formats_use_thousands_separators(report, fmt: str) -> None:
    text = render_report(report, fmt)
    row = next(line for line in text.splitlines() if MEASURE in line)
    cells = [c for c in row.replace("|", " ").split() if c]
    assert cells[2:7] == ["243", "-", "-", "1,159", "1,402"]
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


HOSTILE_TITLE = "<script>alert(1)</script> [x](javascript:alert(1))"
HOSTILE_PROGRAMME = '=HYPERLINK("http://x","y") <img src=x onerror=alert(1)> | `code`'
HOSTILE = f"""kind: export-controls
series:
  - id: hostile-list
    authority: KR
    title: '{HOSTILE_TITLE}'
measures:
  - id: hostile-measure
    series: hostile-list
    authority: KR
    announced: 2024-01-20
    items_added: 10
    evidence:
      - source: chain-notices
        quote: 10 items were added
---
kind: designations
actions:
  - id: hostile-action
    authority: KR
    announced: 2024-02-29
    programme: '{HOSTILE_PROGRAMME}'
    stated_counts: {{vessels: 1, entities: 0, individuals: 0}}
    itemized: none
    evidence:
      - source: plain-article
        quote: it had designated one ship
"""


@pytest.fixture
def hostile_report(tmp_path: Path) -> Report:
    series, actions = HOSTILE.split("---\n")
    (tmp_path / "series.yaml").write_text(series, encoding="utf-8")
    (tmp_path / "actions.yaml").write_text(actions, encoding="utf-8")
    dataset = sanctions_tracker.load([BASE, tmp_path])
    assert not dataset.findings
    return build_report(dataset, sanctions_tracker.check(dataset))


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.mark.parametrize("fmt", ["markdown", "github"])
def test_markdown_passes_no_html_link_or_cell_break_from_the_data(
        hostile_report: Report, fmt: str) -> None:
    text = render_report(hostile_report, fmt)
    assert "<" not in text  # no tag at all: the data's are escaped, and the report has none
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "](javascript" not in text
    assert "`code`" not in text
    lines = text.splitlines()
    header = next(line for line in lines if "Programme" in line)
    row = next(line for line in lines if "hostile-action" in line)
    assert len(_UNESCAPED_PIPE.findall(row)) == len(_UNESCAPED_PIPE.findall(header))


def test_html_escapes_text_from_the_data(hostile_report: Report) -> None:
    text = render_report(hostile_report, "html")
    tags: list[str] = []

    class _Tags(_Cells):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            tags.append(tag)
            super().handle_starttag(tag, attrs)

    parser = _Tags()
    parser.feed(text)
    assert "script" not in tags
    assert "img" not in tags
    assert any(HOSTILE_TITLE in heading for heading in parser.headings)
    row = next(r for r in parser.rows if "hostile-action" in r)
    assert HOSTILE_PROGRAMME in row


def test_report_csv_cells_never_start_a_formula(hostile_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_report(hostile_report, "csv"))))
    action = next(r for r in rows if r.get("action") == "hostile-action")
    assert action["programme"] == "'" + HOSTILE_PROGRAMME
    assert action["vessels"] == "1"
