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

from .conftest import BASE, DOCUMENTS, FIXTURES, FRIENDLY

if TYPE_CHECKING:
    from pathlib import Path

# tests/fixtures: thousands-measure adds 1,000 to a derived 1,500 for 2,500 (report/), and
# friendly-scripts names 2 vessels, 3 entities and 4 individuals (friendly/).
MEASURE = "thousands-measure"
ACTION = "friendly-scripts"


@pytest.fixture(scope="module")
def report() -> Report:
    dataset = sanctions_tracker.load([BASE, FRIENDLY, FIXTURES / "report"])
    return build_report(dataset, sanctions_tracker.check(dataset, DOCUMENTS))


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:  # noqa: ARG002 (HTMLParser's signature)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th", "h2", "h3"):
            self._in = tag
            if tag in ("h2", "h3"):
                self.headings.append("")
            else:
                self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None
            if tag not in ("h2", "h3"):
                self.rows[-1][-1] = self.rows[-1][-1].strip()

    def handle_data(self, data: str) -> None:
        if self._in in ("h2", "h3"):
            self.headings[-1] += data
        elif self._in:
            self.rows[-1][-1] += data


def test_csv_has_plain_integers(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv"))))
    row = next(r for r in rows if r["measure"] == MEASURE)
    assert (row["total_before"], row["items_added"], row["total_after"]) == ("1500", "1000", "2500")
    assert (row["total_before_basis"], row["total_after_basis"]) == ("derived", "given")
    action = next(r for r in rows if r["section"] == "designations")
    assert (action["action"], action["vessels"], action["entities"], action["individuals"]) == (
        ACTION, "2", "3", "4")
    assert {r["section"] for r in rows} == {"summary", "timeline", "designations", "findings"}


def test_json_has_plain_integers_and_a_schema_version(report: Report) -> None:
    document = json.loads(render_report(report, "json"))
    assert document["schema_version"] == 1
    # info: the unchecked quotes, a derived total, and four subjects without evidence of their own
    assert document["checks"] == {"error": 0, "warning": 1, "info": 6}
    timeline = next(t for t in document["tables"] if t["key"] == "timeline:thousands-list")
    assert [r["measure"] for r in timeline["rows"]] == ["increment-first", MEASURE]
    row = timeline["rows"][1]
    assert (row["total_before"], row["items_added"], row["total_after"]) == (1500, 1000, 2500)


def test_html_is_a_document_with_tables(report: Report) -> None:
    text = render_report(report, "html")
    assert text.startswith("<!DOCTYPE html>")
    parser = _Cells()
    parser.feed(text)
    assert "Designation actions" in parser.headings
    row = next(r for r in parser.rows if r[1:2] == [MEASURE])  # the timeline's row
    assert row[2:7] == ["1,000", "-", "-", "1,500 (derived)", "2,500"]
    action = next(r for r in parser.rows if ACTION in r)
    assert action[3:6] == ["2", "3", "4"]


@pytest.mark.parametrize("fmt", ["plain", "simple", "github", "markdown"])
def test_text_formats_use_thousands_separators(report: Report, fmt: str) -> None:
    text = render_report(report, fmt)
    row = next(line for line in text.splitlines() if MEASURE in line)
    cells = [c for c in row.replace("|", " ").split() if c]
    # The date is in force where known, else announced: "2024-01-10 (announced)".
    assert cells[1:3] == ["(announced)", MEASURE]
    assert cells[3:9] == ["1,000", "-", "-", "1,500", "(derived)", "2,500"]
    assert "Checks: 0 errors, 1 warning, 6 info" in text


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_every_offered_format_renders_the_data(report: Report, fmt: str) -> None:
    # --format offers REPORT_FORMATS: each must render, and carry the records and a figure.
    text = render_report(report, fmt)
    assert MEASURE in text
    assert ACTION in text
    assert ("2500" if fmt in ("csv", "json") else "2,500") in text


def test_an_unknown_format_is_refused(report: Report) -> None:
    with pytest.raises(ValueError, match="unknown report format 'docx'"):
        render_report(report, "docx")


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
    assert "\\[x\\](javascript" in text  # the brackets escaped: no link
    assert re.search(r"(?<!\\)[\[\]]", text.split("Checks:")[0]) is None
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
    assert tags.count("script") == 1  # the page's own (sorting, filtering), not the data's
    assert "alert" not in text.rsplit("<script>", 1)[1]
    assert "img" not in tags
    assert any(HOSTILE_TITLE in heading for heading in parser.headings)
    row = next(r for r in parser.rows if "hostile-action" in r)
    assert HOSTILE_PROGRAMME in row


def test_report_csv_cells_never_start_a_formula(hostile_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_report(hostile_report, "csv"))))
    action = next(r for r in rows if r.get("action") == "hostile-action")
    assert action["programme"] == "'" + HOSTILE_PROGRAMME
    assert action["vessels"] == "1"


LINKS_AND_EMPHASIS = [
    ("www.evil.example/login", "www&#46;evil.example/login"),
    ("WWW.evil.example", "WWW&#46;evil.example"),
    ("https://evil.example/x", "https&#58;//evil.example/x"),
    ("ftp://evil.example", "ftp&#58;//evil.example"),
    ("mail a@evil.example", "mail a@&#8288;evil.example"),
    ("*bold*", "\\*bold\\*"),
    ("__strong__", "\\_\\_strong\\_\\_"),
    ("~~gone~~", "\\~\\~gone\\~\\~"),
    ("$x^2$", "\\$x^2\\$"),
    ("![img](http://evil.example/i.png)", "!\\[img\\](http&#58;//evil.example/i.png)"),
    ("https&#58;//evil.example", "https&amp;#58;//evil.example"),  # a reference stays text
]


@pytest.fixture
def linking_report(tmp_path: Path) -> Report:
    titles = " ".join(raw for raw, _ in LINKS_AND_EMPHASIS)
    series, actions = HOSTILE.split("---\n")
    series = series.replace(HOSTILE_TITLE.replace("'", "''"), titles.replace("'", "''"))
    (tmp_path / "series.yaml").write_text(series, encoding="utf-8")
    (tmp_path / "actions.yaml").write_text(
        actions.replace(HOSTILE_PROGRAMME, titles), encoding="utf-8")
    dataset = sanctions_tracker.load([BASE, tmp_path])
    assert not dataset.findings
    return build_report(dataset, sanctions_tracker.check(dataset))


@pytest.mark.parametrize("fmt", ["markdown", "github"])
def test_markdown_makes_no_autolink_or_emphasis_from_the_data(linking_report: Report,
                                                              fmt: str) -> None:
    text = render_report(linking_report, fmt)
    heading = next(line for line in text.splitlines() if "evil" in line)
    row = next(line for line in text.splitlines() if "hostile-action" in line)
    for line in (heading, row):
        for raw, escaped in LINKS_AND_EMPHASIS:
            assert escaped in line, (raw, line)
        # What GitHub would turn into a link or emphasis, left anywhere in the line.
        assert re.search(r"(?i)www\.|://|@(?!&#8288;)", line) is None, line
        assert re.search(r"(?<!\\)[*_~$\[\]]", line) is None, line
