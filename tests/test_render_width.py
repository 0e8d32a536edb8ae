"""Text reports fit a width: every line, at 80 and 120 columns, with no figure lost or cut.

Widths are counted as a terminal shows them (wcwidth: Hangul and Han take two columns). The
tables are generated as well as shipped, so that the fitting holds for columns and rows the
report does not have yet.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs
import pytest
import wcwidth
from hypothesis import example, given
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker.output.render import render_report
from sanctions_tracker.output.report import Report, Table, build_report
from sanctions_tracker.output.text_width import (
    DEFAULT_WIDTH,
    MIN_WIDTH,
    column_widths,
    hanging_wrap,
    wrap,
)

from .conftest import BASE, FIXTURES, FRIENDLY, run_cli

if TYPE_CHECKING:
    from sanctions_tracker.checks import CheckResult
    from sanctions_tracker.model.dataset import Dataset

FITTED = ("simple", "plain")
WIDTHS = (80, 120)
# A figure as the text formats print it: thousands separators, a sign.
FIGURE = re.compile(r"-?\d[\d,]*")


def widest(text: str) -> int:
    return max(wcwidth.wcswidth(line) for line in text.splitlines())


def figures_of(report: Report) -> Counter[str]:
    """Every figure of the report's tables, as text formats print it."""
    return Counter(f"{value:,}" for table in report.tables if table.section != "findings"
                   for row in table.rows for key, _ in table.columns
                   if isinstance(value := row.get(key), int) and not isinstance(value, bool))


def assert_fits(text: str, width: int) -> None:
    too_wide = [line for line in text.splitlines() if wcwidth.wcswidth(line) > width]
    assert too_wide == [], f"{len(too_wide)} lines wider than {width}"


def assert_no_figure_lost(report: Report, text: str) -> None:
    found = Counter(FIGURE.findall(text))
    assert figures_of(report) - found == Counter(), "figures missing or cut"


def _characters(text: str) -> Counter[str]:
    return Counter("".join(text.split()))


def assert_no_text_lost(report: Report, text: str) -> None:
    """Every character of the titles, headers, cells and notes is in the output.

    (Findings print as lines, not as a table: their cells are there, not their headers.)
    """
    parts = [f"{table.title}{''.join(table.notes)}{''.join(h for _, h in table.columns)}"
             for table in report.tables if table.section != "findings"]
    parts += [value for table in report.tables for row in table.rows
              for key, _ in table.columns if isinstance(value := row.get(key), str)]
    assert _characters(text) >= _characters("".join(parts))


@pytest.fixture(scope="module")
def fixture_report() -> Report:
    # Hangul and Han names (friendly/), figures in the thousands, derived totals (report/).
    dataset = sanctions_tracker.load([BASE, FRIENDLY, FIXTURES / "report"])
    return build_report(dataset, sanctions_tracker.check(dataset))


@pytest.fixture
def shipped_report(shipped_dataset: Dataset, shipped_result: CheckResult) -> Report:
    return build_report(shipped_dataset, shipped_result)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("fmt", FITTED)
def test_the_shipped_report_fits(shipped_report: Report, fixture_report: Report, fmt: str,
                                 width: int) -> None:
    for report in (shipped_report, fixture_report):
        text = render_report(report, fmt, width)
        assert_fits(text, width)
        assert_no_figure_lost(report, text)


def _stretched(report: Report) -> Report:
    """The report with ids four times as long and a dozen sources to every record."""
    def stretch(key: str, value: Any) -> Any:
        if key == "sources":
            return ", ".join(f"{value}-{letter}-publication-of-the-ministry"
                             for letter in "abcdefghijkl")
        if isinstance(value, str) and key in ("series", "measure", "action"):
            return "-".join([value] * 4)
        return value

    return attrs.evolve(report, tables=tuple(
        attrs.evolve(table, rows=tuple({k: stretch(k, v) for k, v in row.items()}
                                       for row in table.rows))
        for table in report.tables))


@pytest.mark.parametrize("width", [MIN_WIDTH, *WIDTHS])
def test_long_ids_and_many_sources_fit(shipped_report: Report, fixture_report: Report,
                                       width: int) -> None:
    for report in map(_stretched, (shipped_report, fixture_report)):
        text = render_report(report, "simple", width)
        assert_fits(text, width)
        assert_no_figure_lost(report, text)
        assert_no_text_lost(report, text)  # the twelfth source, say


def test_markdown_is_never_wrapped(shipped_report: Report) -> None:
    for fmt in ("github", "markdown"):
        text = render_report(shipped_report, fmt, 80)
        assert text == render_report(shipped_report, fmt)
        rows = [line for line in text.splitlines() if line.startswith("|")]
        assert rows, fmt
        assert all(line.endswith("|") for line in rows)  # one table row, one line
        assert widest(text) > 80


def test_without_a_width_nothing_is_wrapped(shipped_report: Report) -> None:
    text = render_report(shipped_report, "simple")
    assert widest(text) > 120
    assert all(line.startswith(("<", "data/")) for line in
               text.split("Checks: ", 1)[1].splitlines()[2:])  # one line per finding


def test_a_width_below_the_minimum_is_refused(shipped_report: Report) -> None:
    with pytest.raises(ValueError, match="at least 40 columns"):
        render_report(shipped_report, "simple", MIN_WIDTH - 1)


# Generated tables: a random number of columns, each of figures or of text; words long and
# short, in Latin, Hangul and Han letters, joined by spaces and hyphens. No digit in the text,
# so that every number in the output is one of the figures.
_LETTERS = st.characters(codec="utf-8", categories=("Lu", "Ll", "Lo"),
                         exclude_characters="\u00aa\u00ba") | st.sampled_from("한국어漢字")
_WORD = st.text(_LETTERS, min_size=1, max_size=60).filter(
    lambda w: wcwidth.wcswidth(w) == sum(wcwidth.wcwidth(c) for c in w) > 0)
_TEXT = st.lists(st.tuples(_WORD, st.sampled_from(" -")), min_size=1, max_size=8).map(
    lambda parts: "".join(w + s for w, s in parts).strip(" -") or "x")
_FIGURE = st.one_of(st.none(), st.integers(-(10**9), 10**12))
_BASIS = st.sampled_from([None, "given", "derived", "carried"])


@st.composite
def tables(draw: st.DrawFn) -> Table:
    kinds = draw(st.lists(st.booleans(), min_size=1, max_size=12))
    headers = draw(st.lists(_TEXT.filter(lambda t: wcwidth.wcswidth(t) <= 40),
                            min_size=len(kinds), max_size=len(kinds)))
    keys = [f"c{i}" for i in range(len(kinds))]
    rows = []
    for _ in range(draw(st.integers(1, 5))):
        row: dict[str, Any] = {}
        for key, figure in zip(keys, kinds, strict=True):
            if figure:
                row[key] = draw(_FIGURE)
                row[f"{key}_basis"] = draw(_BASIS)
            else:
                row[key] = draw(_TEXT)
        rows.append(row)
    if not any(kinds):  # a figure column in every table, so there is something to lose
        keys.append("figure")
        headers.append("Figure")
        for row in rows:
            row["figure"] = draw(st.integers(0, 10**6))
    columns = tuple(zip(keys, headers, strict=True))
    return Table("timeline", "generated", draw(_TEXT), columns, tuple(rows), (draw(_TEXT),))


_FINDING = st.fixed_dictionaries({
    "location": st.sampled_from(["<sources>", "data/a.yaml:12:3", "data/하나.yaml:7:15"]),
    "severity": st.sampled_from(["error", "warning", "info"]), "code": st.just("some-code"),
    "message": _TEXT,
})


def _report(table: Table, findings: list[dict[str, Any]]) -> Report:
    counts = {"error": 0, "warning": 0, "info": len(findings)}
    return Report((table, Table("findings", "findings", "Findings of check",
                                (("message", "Message"),), tuple(findings))), counts)


@given(tables(), st.lists(_FINDING, max_size=3), st.sampled_from(WIDTHS),
       st.sampled_from(FITTED))
@example(  # tabulate's maxcolwidths would turn "False" into "True" and fail on "1,402"
    Table("timeline", "t", "T", (("a", "A"), ("b", "B")),
          ({"a": "False", "b": "x " * 70}, {"a": "1,402", "b": 5})),
    [], 80, "simple")
def test_any_table_fits_and_keeps_every_figure_and_letter(
        table: Table, findings: list[dict[str, Any]], width: int, fmt: str) -> None:
    report = _report(table, findings)
    text = render_report(report, fmt, width)
    assert_fits(text, width)
    assert Counter(FIGURE.findall(text)) >= figures_of(report)
    assert_no_text_lost(report, text)  # findings included: their table's column is messages
    assert _characters(text) >= _characters("".join(f["location"] for f in findings))


@given(tables().filter(lambda t: len(t.columns) > 1), st.sampled_from(WIDTHS))
def test_figures_are_never_wrapped_inside(table: Table, width: int) -> None:
    """A figure cell keeps its figure on one line, whole, however the table is laid out."""
    text = render_report(_report(table, []), "simple", width)
    lines = text.splitlines()
    for row in table.rows:
        for key, _ in table.columns:
            value = row[key]
            if isinstance(value, int):
                assert any(re.search(rf"(?<![\d,-]){re.escape(f'{value:,}')}(?![\d,])", line)
                           for line in lines)


def test_a_table_too_wide_to_draw_becomes_records() -> None:
    headers = [f"Column header {c}" for c in "abcdefghij"]
    rows = [[f"{n:,}" for n in range(i * 10**6, i * 10**6 + 10)] for i in range(1, 4)]
    assert column_widths(headers, rows, [True] * 10, 80) is None
    keys = [(f"k{i}", h) for i, h in enumerate(headers)]
    table = Table("timeline", "wide", "Wide", tuple(keys),
                  tuple({k: int(v.replace(",", "")) for (k, _), v in zip(keys, row, strict=True)}
                        for row in rows))
    text = render_report(_report(table, []), "simple", 80)
    assert_fits(text, 80)
    assert "Column header a  1,000,000" in text  # one line per header and value
    assert text.count("Column header j") == 3  # one block per row


def test_a_date_or_number_in_text_is_never_cut() -> None:
    # Two figure columns of 17 (a header word and tabulate's padding), two gaps of 2: 38.
    headers = ["Summary", "Totalafteritems", "Totalbeforeitems"[:15]]
    rows = [["the total before the first (2023-02-24) is not known", "1", "2"],
            ["grew", "3", "4"]]
    assert column_widths(headers, rows, [False, True, True], 50) == [12, None, None]
    assert column_widths(headers, rows, [False, True, True], 49) is None  # not 11
    table = _table(headers, [[r[0], int(r[1]), int(r[2])] for r in rows])
    text = render_report(_report(table, []), "simple", 50)
    assert "(2023-02-24)" in text


def test_a_table_that_fits_is_left_as_it_is() -> None:
    assert column_widths(["A", "B"], [["x", "1"], ["y", "2"]], [False, True], 80) == [None] * 2


def _table(headers: list[str], rows: list[list[Any]]) -> Table:
    keys = [(f"k{i}", h) for i, h in enumerate(headers)]
    return Table("timeline", "t", "T", tuple(keys),
                 tuple(dict(zip((k for k, _ in keys), row, strict=True)) for row in rows))


@pytest.mark.parametrize(("fmt", "rule"), [("simple", r"[- ]+"), ("plain", "")])
def test_rows_that_wrap_are_ruled_apart(fmt: str, rule: str) -> None:
    headers = ["Measure", *"ABCDEF"]
    rows = [["kr-2023-02-24-export-controls-russia " * 3, *range(10_000, 10_006)],
            ["한국어 " * 30, *range(-6, 0)]]
    text = render_report(_report(_table(headers, rows), []), fmt, 80)
    assert_fits(text, 80)
    lines = text.removeprefix("T\n\n").split("\n\nChecks:")[0].splitlines()  # the table
    assert lines[0].startswith("Measure")  # a table, not records
    # Each row's figures on the first line of the row.
    assert any(line.startswith("kr-2023") and line.endswith("10,005") for line in lines)
    assert any(line.startswith("한국어") and line.endswith("-1") for line in lines)
    rules = [i for i, line in enumerate(lines) if re.fullmatch(rule, line)]
    assert len(rules) == (2 if fmt == "simple" else 1)  # under the headers; between the rows
    assert all("1,000" not in line for line in lines[rules[-1]:])


def test_one_row_that_must_wrap_is_shown_as_a_record() -> None:
    table = _table(["Summary", "Total after"], [["grew from 0 to 1,402 items " * 6, 1402]])
    text = render_report(_report(table, []), "simple", 80)
    assert "\nTotal after  1,402\n" in text
    assert "\nSummary      grew from 0 to 1,402 items grew" in text


def test_rows_made_tall_by_a_narrow_column_are_shown_as_records() -> None:
    """The timeline of many sources at 120 columns: a ribbon of sources makes rows tall."""
    headers = ["Announced", "Measure", "Added", "Removed", "Adjusted", "Total before",
               "Total after", "Link", "Evidence", "Sources"]
    sources = ", ".join(f"newspaper-2024-06-2{i}-export-controls-tightened" for i in range(5))
    rows = [["2024-06-20", "kr-2024-06-20-export-controls-russia", 243, None, None, 1159, 1402,
             "ok", "quoted", sources]] * 3
    text = render_report(_report(_table(headers, rows), []), "simple", 120)
    assert_fits(text, 120)
    assert text.count("\nTotal before  1,159\n") == 3


def test_wrap_counts_wide_characters_and_cuts_ids_between_parts() -> None:
    assert wrap("한국어 " * 4, 14) == ["한국어 한국어", "한국어 한국어"]
    lines = wrap("한국어한국어 " * 6, 13)
    assert all(wcwidth.wcswidth(line) <= 13 for line in lines)
    assert "".join(lines).replace(" ", "") == "한국어한국어" * 6
    assert wrap("kr-2023-02-24-export-controls-russia", 12) == [
        "kr-2023-02-", "24-export-", "controls-", "russia"]


def test_a_finding_keeps_its_location_and_code_whole() -> None:
    head = "data/kr-export-controls.yaml:24:9: info[chain-unchecked]"
    lines = hanging_wrap(head, "the link from a to b rests on nothing " * 3, 80, "    ")
    assert lines[0].startswith(head + " the link")
    assert all(line.startswith("    ") for line in lines[1:])
    assert all(len(line) <= 80 for line in lines)
    # Wider than the line: the head breaks before its severity, so no line is wider.
    narrow = hanging_wrap(head, "a message", 40, "    ")
    assert narrow == ["data/kr-export-controls.yaml:24:9:", "    info[chain-unchecked] a message"]
    # A location wider than the line on its own is cut where it must be.
    long_path = "a-very-long-folder-name/" * 3 + "kr-export-controls.yaml:24:9: info[x]"
    assert all(len(line) <= 40 for line in hanging_wrap(long_path, "a message", 40, "    "))


# The command line: --width, COLUMNS, a terminal, and the default when output is not one.

def _widest_report_line(capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    """The widest line of a report, every line counted (finding heads too)."""
    code, out, _ = run_cli(capsys, "report", *argv)
    assert code == 0
    return max(wcwidth.wcswidth(line) for line in out.splitlines())


@pytest.fixture
def no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.mark.usefixtures("no_columns")
def test_report_fits_the_width_it_is_given(capsys: pytest.CaptureFixture[str]) -> None:
    for width in (MIN_WIDTH, *WIDTHS):
        for fmt in FITTED:
            assert _widest_report_line(capsys, "--width", str(width), "--format", fmt) <= width


@pytest.mark.usefixtures("no_columns")
def test_report_not_to_a_terminal_is_80_wide(capsys: pytest.CaptureFixture[str]) -> None:
    assert DEFAULT_WIDTH == 80
    assert 70 < _widest_report_line(capsys) <= 80  # the notes fill the lines


def test_report_follows_columns(capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    assert 100 < _widest_report_line(capsys) <= 120
    monkeypatch.setenv("COLUMNS", "10")  # narrower than any layout: the narrowest
    assert _widest_report_line(capsys, "--section", "timeline") <= MIN_WIDTH
    # --width wins over COLUMNS.
    assert _widest_report_line(capsys, "--width", "90") <= 90


@pytest.mark.usefixtures("no_columns")
def test_report_to_a_terminal_fits_the_terminal(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size",
                        lambda *_: os.terminal_size((100, 30)))
    assert 80 < _widest_report_line(capsys) <= 100


@pytest.mark.parametrize("value", ["39", "0", "-80", "wide", "8.5"])
def test_a_bad_width_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                            value: str) -> None:
    with pytest.raises(SystemExit) as exited:
        run_cli(capsys, "report", "--width", value)
    assert exited.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("sanctions-tracker report: error: argument --width: ")
    assert "Traceback" not in error


@pytest.mark.usefixtures("no_columns")
def test_check_keeps_one_line_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check")
    assert code == 0
    findings = out.splitlines()[:-1]
    assert findings
    assert all(re.match(r"\S+: (error|warning|info)\[", line) for line in findings)
    assert widest(out) > 80
