"""The HTML report page, read with the standard HTML parser: structure, links, figures, escaping.

The page of ``tests/fixtures/html`` has every shape a chart can take (a chain break, derived and
carried totals, a single update, an unknown total, a measure that does not add up, a list with
no update) and names that are hostile markup; the shipped data's page is checked for what any
valid shipped data keeps true (valid, self-contained, small).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest

import sanctions_tracker
from sanctions_tracker.output.render import render_report, report_document
from sanctions_tracker.output.report import Report, ReportFilter, Table, build_report

from .conftest import FIXTURES, run_cli

if TYPE_CHECKING:
    from sanctions_tracker.checks import CheckResult
    from sanctions_tracker.model.dataset import Dataset

HTML_FIXTURES = FIXTURES / "html"
LISTS = FIXTURES / "lists" / "ofac_sdn_2024-05-03.csv"
HOSTILE_NAME = "<script>alert('name')</script> Trading <b>LLC</b>"
HOSTILE_SOURCE = "<script>alert('source')</script> List grows"
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
SVG_LEAVES = frozenset({"line", "circle", "rect", "path"})


class Page(HTMLParser):
    """What a test needs of a page: tags, ids, links, headings, rows and the text of each."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.errors: list[str] = []
        self.stack: list[str] = []
        self.tags: Counter[str] = Counter()
        self.ids: Counter[str] = Counter()
        self.elements: dict[str, dict[str, str | None]] = {}
        self.hrefs: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.raw: dict[str, str] = {"script": "", "style": ""}
        self.text_of: dict[str, str] = {}  # id -> the text inside that element
        self._open_ids: list[tuple[int, str]] = []
        self._heading: list[str] | None = None
        self.all_text: list[str] = []
        self.feed(text)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append(f"<{tag}> repeats an attribute: {names}")
        values = dict(attrs)
        self.tags[tag] += 1
        if tag in ("td", "th", "dt", "dd", "li", "p", "tr", "text"):
            for _, element in self._open_ids:  # cells read apart, as a browser shows them
                self.text_of[element] = self.text_of.get(element, "") + " "
        if values.get("id"):
            self.ids[str(values["id"])] += 1
            self.elements[str(values["id"])] = values
        if "href" in values:
            self.hrefs.append(str(values["href"]))
        if tag in VOID:
            return
        self.stack.append(tag)
        if values.get("id"):
            self._open_ids.append((len(self.stack), str(values["id"])))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SVG_LEAVES and tag not in VOID:
            self.errors.append(f"<{tag}/> is not an element that may close itself")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), "".join(self._heading).strip()))
            self._heading = None
        while self._open_ids and self._open_ids[-1][0] == len(self.stack):
            _, element = self._open_ids.pop()
            self.text_of.setdefault(element, "")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] in self.raw:
            self.raw[self.stack[-1]] += data
            return
        self.all_text.append(data)
        if self._heading is not None:
            self._heading.append(data)
        for _, element in self._open_ids:
            self.text_of[element] = self.text_of.get(element, "") + data

    @property
    def text(self) -> str:
        return "".join(self.all_text)

    def row(self, element: str) -> str:
        """The text of an element, spaces collapsed."""
        return " ".join(self.text_of[element].split())


def structure_problems(page: Page) -> list[str]:
    """What makes the page not a well-formed, outlined, self-contained HTML5 document."""
    problems = list(page.errors)
    if page.doctype.lower() != "doctype html":
        problems.append(f"doctype is {page.doctype!r}")
    if page.stack:
        problems.append(f"left open: {page.stack}")
    problems += [f"id {i!r} used {n} times" for i, n in page.ids.items() if n > 1]
    if [level for level, _ in page.headings[:1]] != [1] or page.tags["h1"] != 1:
        problems.append("the page does not start with its one h1")
    for (before, _), (level, text) in zip(page.headings, page.headings[1:], strict=False):
        if level > before + 1:
            problems.append(f"heading h{level} {text!r} skips a level after h{before}")
    problems += [f"empty heading h{level}" for level, text in page.headings if not text]
    return problems


def dead_links(page: Page) -> list[str]:
    return [href for href in page.hrefs if href.startswith("#") and href[1:] not in page.ids]


@pytest.fixture(scope="module")
def fixture_dataset() -> Dataset:
    return sanctions_tracker.load([HTML_FIXTURES])


@pytest.fixture(scope="module")
def fixture_report(fixture_dataset: Dataset) -> Report:
    return build_report(fixture_dataset, sanctions_tracker.check(fixture_dataset))


@pytest.fixture(scope="module")
def page_text(fixture_report: Report) -> str:
    return render_report(fixture_report, "html")


@pytest.fixture(scope="module")
def page(page_text: str) -> Page:
    return Page(page_text)


@pytest.fixture(scope="module")
def shipped_page(shipped_dataset: Dataset, shipped_result: CheckResult) -> str:
    return render_report(build_report(shipped_dataset, shipped_result), "html")


def test_the_shipped_page_is_small_valid_and_needs_no_network(shipped_page: str) -> None:
    assert len(shipped_page.encode("utf-8")) < 300_000
    page = Page(shipped_page)
    assert structure_problems(page) == []
    assert dead_links(page) == []
    assert re.search(r'<html lang="en">', shipped_page)
    assert page.headings[0] == (1, "sanctions-tracker report")
    # Nothing is loaded: no src attribute at all, the one <link> is the empty data: icon, and
    # the only addresses outside the page are links to sources.
    assert " src=" not in shipped_page
    assert re.findall(r"<link [^>]*>", shipped_page) == ['<link rel="icon" href="data:,">']
    assert all(h.startswith(("#", "https://", "http://", "data:")) for h in page.hrefs)
    external = re.findall(r'<a class="external" href="(https?://[^"]+)"', shipped_page)
    assert len(external) == len([h for h in page.hrefs if h.startswith("http")])
    assert page.tags["svg"] >= 1  # Korea's list is drawn


def test_the_fixture_page_is_valid_and_every_link_in_it_resolves(page: Page) -> None:
    assert structure_problems(page) == []
    assert dead_links(page) == []
    assert [h for _, h in page.headings if h.startswith("The chart's figures")] == [
        f"The chart's figures ({s})" for s in ("growth-list", "single-list", "unknown-list",
                                              "mismatch-list")]


def test_the_page_runs_only_its_own_script_and_style(page: Page, page_text: str) -> None:
    assert page.tags["script"] == 1
    assert page.tags["style"] == 1

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_text)
    assert found is not None
    policy = html.unescape(found[1])
    assert f"script-src 'sha256-{digest(page.raw['script'])}'" in policy
    assert f"style-src 'sha256-{digest(page.raw['style'])}'" in policy
    assert "default-src 'none'" in policy


def test_hostile_names_are_text(page: Page) -> None:
    assert HOSTILE_NAME in page.text
    assert HOSTILE_SOURCE in page.text
    assert page.tags["b"] == 0  # the <b> of the name is text too
    assert HOSTILE_NAME in page.row("s-round-itemized--1")
    assert "alert(" not in page.raw["script"]


def test_the_summary_gives_lists_totals_rounds_subjects_and_findings(
        page: Page, fixture_report: Report) -> None:
    summary = page.row("summary")
    assert "Lists tracked 4" in summary
    assert "Latest total: growth-list 1,402 (carried)" in summary
    assert "Latest total: unknown-list not known" in summary
    assert "Designation rounds 2" in summary
    assert "Subjects designated 20 5 vessels, 6 entities, 9 individuals; 3 named" in summary
    counts = fixture_report.counts
    assert (f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
            in summary)


def test_a_chain_break_is_drawn_and_flagged_with_its_finding(page: Page) -> None:
    row = page.row("m-growth-break")
    assert "477 (derived)" in row
    assert "1,159" in row
    assert "break" in row
    assert page.elements["m-growth-break"]["class"] == "row-break"
    gap_text = "798 + 682 = 1,480 ≠ 1,159"
    assert gap_text in page.row("chart-growth-list")
    assert f"given; break: {gap_text}" in page.row("chart-growth-list-table")


def test_every_figure_links_to_the_evidence_that_states_it(page: Page, page_text: str) -> None:
    text = page_text
    links = re.findall(r'<a href="#(ev-[^"]+)" title="([a-z_]+) = ([0-9,]+): the evidence', text)
    assert len(links) >= 20
    for target, figure, value in links:
        assert f"{figure.replace('_', ' ')} {value}" in page.row(target), (target, figure)
    # A derived or carried figure links to the evidence of its record, whose figures made it.
    assert re.search(r'<a href="#ev-growth-carried" title="total_after carried: [^"]+">1,402</a>',
                     text)
    evidence = page.row("ev-growth-second--0")
    assert "items added 741, total after 798" in evidence
    assert "https://example.org/wire/2023" in evidence


def test_findings_link_to_the_record_they_concern(page: Page, page_text: str,
                                                  fixture_report: Report) -> None:
    findings = next(t for t in fixture_report.tables if t.key == "findings")
    rows = [(f"f-{n}", r) for n, r in enumerate(findings.rows, 1)]
    chain = next(anchor for anchor, r in rows if r["code"] == "chain-break")
    assert page.row(chain).startswith("tests/fixtures/html/growth.yaml:")
    link = re.search(rf'<tr id="{chain}" [^>]*><td><a href="#([^"]+)"', page_text)
    assert link is not None
    assert link[1] == "m-growth-break"
    # And back: the row's break links to that finding.
    assert re.search(rf'<a href="#{chain}" class="flag-break"', page_text)
    subject = next(anchor for anchor, r in rows if r["code"] == "not-itemized")
    assert "round-unnamed" in page.row("a-round-unnamed")
    assert page.row(subject)


def test_the_chart_table_has_the_chart_figures(page: Page) -> None:
    table = page.row("chart-growth-list-table")
    for figure in ("57", "798", "1,159", "1,402 (carried)", "1,159 (carried)", "+ 243"):
        assert figure in table
    for point in ("growth-first", "growth-second", "growth-break", "growth-carried"):
        assert point in table
    assert "total not known" in page.row("chart-unknown-list-table")
    assert "100 + 10 = 110 ≠ 120" in page.row("chart-mismatch-list-table")


def test_dates_other_than_announced_get_their_own_column(page: Page) -> None:
    # Announced and in force, each once, before the measure, whichever the report's own date
    # column is; a list whose measures have only one date has no second column.
    headers = page.row("timeline-growth-list").split(" Measure ")[0]
    assert "Announced" in headers
    dates = page.row("m-growth-break").split(" growth-break ")[0].split()
    assert sorted(dates) == ["2023-12-26", "2024-02-24"]
    single = page.row("timeline-single-list").split(" Measure ")[0].split()
    assert len([h for h in single if h in ("Date", "Announced")]) == 1


def test_a_series_with_no_update_has_no_chart(page: Page) -> None:
    assert "empty-list" not in page.ids
    assert not [i for i in page.ids if "empty-list" in i]


def test_sections_leave_out_what_they_leave_out_and_no_link_dangles(
        fixture_dataset: Dataset) -> None:
    result = sanctions_tracker.check(fixture_dataset)
    report = build_report(fixture_dataset, result, ReportFilter(sections=("timeline",)))
    page = Page(render_report(report, "html"))
    assert structure_problems(page) == []
    assert dead_links(page) == []
    assert "findings" not in page.ids
    assert "Findings" not in page.row("timeline-growth-list")
    assert "break" in page.row("m-growth-break")  # still flagged, without a link
    filtered = build_report(fixture_dataset, result, ReportFilter(since=dt.date(2024, 1, 1)))
    page = Page(render_report(filtered, "html"))
    assert dead_links(page) == []
    assert "m-growth-first" not in page.ids
    assert "Records announced on or after 2024-01-01." in page.text


def test_a_report_built_by_hand_is_still_a_page_of_its_tables() -> None:
    table = Table("summary", "summary:custom", "A <custom> table", (("n", "Number"),),
                  ({"n": 1234},))
    page = Page(render_report(Report((table,), {"error": 0, "warning": 0, "info": 0}), "html"))
    assert structure_problems(page) == []
    assert "A <custom> table" in page.text
    assert "1,234" in page.text


def test_other_formats_do_not_change_with_what_the_page_needs(fixture_report: Report) -> None:
    bare = attrs.evolve(fixture_report, dataset=None, result=None, crossref={"x": 1})
    assert report_document(bare) == report_document(fixture_report)
    assert set(report_document(fixture_report)) == {"schema_version", "checks", "tables"}
    for fmt in ("csv", "json", "markdown"):
        assert render_report(bare, fmt) == render_report(fixture_report, fmt)


def test_report_writes_the_page_to_a_file_and_shows_other_lists(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    code, out, err = run_cli(capsys, "report", "--data", str(HTML_FIXTURES), "--format", "html",
                             "--lists", str(LISTS), "--output", str(output))
    assert code == 1  # the fixtures hold a chain break and a total that does not add up
    assert out == ""
    assert f"wrote the html report to {output}" in err
    page = Page(output.read_text(encoding="utf-8"))
    assert dead_links(page) == []
    crossref = page.row("crossref-table")
    assert "FIRST SHIP (vessel) US-OFAC SDN 2024-05-03 102 PATRIOT" in crossref
    assert "ship IMO 9003550" in crossref
    assert re.search(r'<td><a href="#s-round-itemized--0">FIRST SHIP \(vessel\)</a>',
                     output.read_text(encoding="utf-8"))


def test_report_never_writes_over_its_own_input(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(HTML_FIXTURES, data)
    before = (data / "growth.yaml").read_bytes()
    code, _, err = run_cli(capsys, "report", "--data", str(data), "--format", "html",
                           "--output", str(data / "growth.yaml"))
    assert code == 2
    assert "growth.yaml" in err
    assert (data / "growth.yaml").read_bytes() == before


def test_a_text_report_goes_to_the_file_too(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    output = tmp_path / "report.json"
    code, out, _ = run_cli(capsys, "report", "--data", str(HTML_FIXTURES), "--format", "json",
                           "--output", str(output))
    assert (code, out) == (1, "")
    assert json.loads(output.read_text(encoding="utf-8"))["schema_version"] == 1


def test_records_whose_ids_differ_by_a_suffix_keep_their_own_anchors(tmp_path: Path) -> None:
    # `x` with evidence 0 and `x-0` with evidence 0: the element ids must not meet.
    (tmp_path / "sources.yaml").write_text(
        "kind: sources\nsources:\n  - {id: wire, publisher: W, title: T, "
        "url: https://example.org/w, published: 2024-01-01}\n", encoding="utf-8")
    (tmp_path / "actions.yaml").write_text("kind: designations\nactions:\n" + "".join(
        f"  - id: {name}\n    authority: KR\n    announced: 2024-01-0{day}\n"
        "    stated_counts: {vessels: 1}\n    itemized: none\n"
        "    evidence: [{source: wire, states: {vessels: 1}}]\n"
        for day, name in ((1, "x"), (2, "x-0"))), encoding="utf-8")
    dataset = sanctions_tracker.load([tmp_path])
    page = Page(render_report(build_report(dataset, sanctions_tracker.check(dataset)), "html"))
    assert structure_problems(page) == []
    assert dead_links(page) == []
