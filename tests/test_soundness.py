"""The checks cannot be fooled: every case of the "Trust" review, and the rules behind them.

Each test writes a small data folder and original document of its own, runs ``check`` as a
user would, and asserts that a wrong figure is refused with the finding that says why.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sanctions_tracker.checks.number_forms import NumberKind, occurs_in, written_numbers
from sanctions_tracker.checks.source_text import Document
from sanctions_tracker.cli import main

if TYPE_CHECKING:
    from pathlib import Path

SERIES = """\
kind: export-controls
series:
  - id: the-list
    authority: KR
    title: A list
measures:
"""


def _project(tmp_path: Path, document: str, measures: str, *, name: str = "doc.txt") -> Path:
    """A data folder with one source (the document) and the given measures of one series."""
    raw = document.encode("utf-8")
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "docs" / name).write_bytes(raw)
    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.yaml").write_text(textwrap.dedent(f"""\
        kind: sources
        sources:
          - id: doc
            publisher: Test
            title: Test
            published: 2024-12-31
            file: {name}
            sha256: "{hashlib.sha256(raw).hexdigest()}"
        """), encoding="utf-8")
    (data / "list.yaml").write_text(SERIES + textwrap.indent(textwrap.dedent(measures), "  "),
                                    encoding="utf-8")
    return tmp_path


def _measure(figures: str, quote: str, states: str = "", *, mid: str = "m1",
             announced: str = "2024-06-20") -> str:
    states_line = f"\n      states: {{{states}}}" if states else ""
    return f"""\
- id: {mid}
  series: the-list
  authority: KR
  announced: {announced}
  {figures}
  evidence:
    - source: doc
      quote: {json.dumps(quote, ensure_ascii=False)}{states_line}
"""


def _check(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["check", "--data", str(root / "data"), "--sources", str(root / "docs"),
                 "--format", "text", *extra])
    return code, capsys.readouterr().out


def _codes(out: str) -> set[str]:
    return {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "[" in line
            and line.split(": ")[1].split("[")[0] in ("error", "warning")}


ARTICLE = ("Seoul will designate 243 additional items to the existing 1,159 under export "
           "controls, totaling 1,402 items. About 12,000 troops were sent on Oct. 10.")


# --- class 1: the evidence check matches whole tokens, and only counts ---------------------------

@pytest.mark.parametrize(("figures", "quote"), [
    ("items_added: 43", "43 additional items to the existing 1,159"),
    ("items_added: 24", "designate 24"),
    ("total_after: 402", "402 items"),
    ("items_added: 2000", "2,000 troops"),
    ("items_added: 1", "totaling 1"),
])
def test_a_quote_cut_inside_a_number_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                figures: str, quote: str) -> None:
    root = _project(tmp_path, ARTICLE, _measure(figures, quote))
    code, out = _check(root, capsys)
    assert code == 1
    assert "error[quote-not-in-source]" in out
    assert "data/list.yaml:14:" in out  # the quote's line


@pytest.mark.parametrize(("document", "figures", "quote"), [
    ("It was announced on Oct. 10 items later.", "items_added: 10", "10 items"),
    ("A fine of $243 additional items.", "items_added: 243", "243 additional items"),
    ("A rise of 40% more items.", "items_added: 40", "of 40"),
    ("It added twenty four items.", "items_added: 4", "four items"),
    ("It added twenty-one items.", "items_added: 1", "one items"),
    ("The list moved by -3 items.", "items_added: 3", "3 items"),
    ("It added 12 million items.", "items_added: 12", "It added 12"),
    ("Dated 20 June 2024, 741 items.", "items_added: 20", "20"),
])
def test_a_quote_that_cuts_off_what_a_number_is_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str, figures: str,
        quote: str) -> None:
    root = _project(tmp_path, document, _measure(figures, quote))
    code, out = _check(root, capsys)
    assert code == 1
    assert "error[quote-not-in-source]" in out


def test_a_quote_cut_inside_a_word_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, ARTICLE, _measure("items_added: 243", "eoul will designate 243"))
    assert "quote-not-in-source" in _check(root, capsys)[1]


def test_a_whole_quote_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, ARTICLE, _measure(
        "items_added: 243\n  total_before: 1159\n  total_after: 1402",
        "designate 243 additional items to the existing 1,159 under export controls, "
        "totaling 1,402 items", "items_added: 243, total_before: 1159, total_after: 1402"))
    code, out = _check(root, capsys)
    assert code == 0, out


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f"])
def test_space_grouped_numbers_are_one_number(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              space: str) -> None:
    document = f"The list, totaling 1{space}402 items, and 1{space}159{space}000 in value."
    wrong = _project(tmp_path / "a", document, _measure("total_after: 402", "402 items"))
    assert _codes(_check(wrong, capsys)[1]) == {"quote-not-in-source"}
    wrong = _project(tmp_path / "b", document, _measure(
        "total_after: 1159", f"1{space}159", "total_after: 1159"))
    assert "quote-not-in-source" in _codes(_check(wrong, capsys)[1])
    right = _project(tmp_path / "c", document, _measure(
        "total_after: 1402", f"totaling 1{space}402 items", "total_after: 1402"))
    code, out = _check(right, capsys)
    assert code == 0, out


@pytest.mark.parametrize(("figure", "quote", "reading"), [
    (10, "on Oct. 10", "date"),
    (20, "on 2024-06-20", "date"),
    (2024, "on 2024-06-20", "date"),
    (12, "the 12th round", "ordinal"),
    (2023, "in 2023", "year"),
    (40, "40 percent", "percentage"),
])
def test_dates_ordinals_and_years_are_not_counts(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 figure: int, quote: str, reading: str) -> None:
    root = _project(tmp_path, f"Reported {quote} by the ministry.",
                    _measure(f"items_added: {figure}", quote, f"items_added: {figure}"))
    code, out = _check(root, capsys)
    assert code == 1
    assert "error[figure-not-in-quote]" in out
    assert f"only as a {reading}" in out or f"only as an {reading}" in out


def test_figures_of_a_quote_with_several_numbers_must_be_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Swapped figures, both written in the quote: without `states`, nothing says which is which.
    root = _project(tmp_path, ARTICLE, _measure(
        "items_added: 1159\n  total_before: 243",
        "designate 243 additional items to the existing 1,159"))
    code, out = _check(root, capsys)
    assert code == 1
    assert "error[figure-ambiguous]" in out
    assert "states: {items_added: 1159, total_before: 243}" in out


def test_a_cut_that_the_quote_calls_an_addition_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = "The ministry cut 3 items from the list of 100, which stood at 97."
    measure = _measure("net_adjustment: 3\n  adjustment_reason: merged\n  total_before: 100\n"
                       "  total_after: 103", "cut 3 items from the list of 100",
                       "net_adjustment: 3, total_before: 100")
    root = _project(tmp_path, document, measure)
    code, out = _check(root, capsys)
    assert code == 1
    assert "error[figure-sign-mismatch]" in out
    assert "write -3" in out


def test_the_timeline_shows_adjustments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = "The ministry cut 3 items from the list of 100, which stood at 97."
    root = _project(tmp_path, document, _measure(
        "net_adjustment: -3\n  adjustment_reason: merged\n  total_before: 100\n  total_after: 97",
        "cut 3 items from the list of 100, which stood at 97",
        "net_adjustment: -3, total_before: 100, total_after: 97"))
    main(["report", "--data", str(root / "data"), "--format", "csv", "--section", "timeline"])
    out = capsys.readouterr().out
    header, row = out.splitlines()[:2]
    assert "net_adjustment" in header.split(",")
    assert dict(zip(header.split(","), row.split(","), strict=True))["net_adjustment"] == "-3"


def test_plain_text_is_not_stripped_as_markup(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    document = "Officials said fewer than <100 items were added in May> and then 7 more."
    verbatim = _project(tmp_path / "a", document, _measure(
        "items_added: 7", "fewer than <100 items were added in May> and then 7 more",
        "items_added: 7"))
    code, out = _check(verbatim, capsys)
    assert code == 0, out
    stitched = _project(tmp_path / "b", document, _measure(
        "items_added: 7", "fewer than and then 7 more", "items_added: 7"))
    assert "quote-not-in-source" in _check(stitched, capsys)[1]


def test_numbers_of_any_length_are_read_without_error() -> None:
    text = "1." + "9" * 5000 + " and " + "7" * 5000 + " items, 12 items"
    assert occurs_in(12, text)
    assert Document(text.encode(), "doc.txt").contains("12 items")


def test_markup_never_lets_a_quote_bridge_removed_text() -> None:
    page = Document(b"<html><p>The list grew by 50</p><script>x</script><p>items in May."
                    b"</p><!-- 9 --></html>", "page.html")
    assert page.contains("The list grew by 50")
    assert not page.contains("The list grew by 50 items")
    assert not page.contains("50 x items")
    inline = Document(b"<p>Seoul <a href='x'>adding</a> 741 items</p>", "page.html")
    assert inline.contains("Seoul adding 741 items")


# --- class 2: arithmetic -----------------------------------------------------------------------

def test_a_carried_total_below_zero_is_an_error(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    document = "The list held 10 items. Later 20 items were removed."
    measures = (_measure("total_after: 10", "The list held 10 items", mid="m1",
                         announced="2024-01-01")
                + _measure("items_removed: 20", "20 items were removed", mid="m2"))
    code, out = _check(_project(tmp_path, document, measures), capsys)
    assert code == 1
    assert "error[negative-total]" in out
    assert "= -10, below zero" in out


def test_measures_of_one_day_are_ordered_by_their_totals(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = "The list went from 100 to 150 items, and then from 150 to 160 items."
    # Listed in the file in the reverse order, with ids that sort in the reverse order too.
    measures = (_measure("total_before: 150\n  total_after: 160", "from 150 to 160 items",
                         "total_before: 150, total_after: 160", mid="a-second")
                + _measure("total_before: 100\n  total_after: 150", "from 100 to 150 items",
                           "total_before: 100, total_after: 150", mid="b-first"))
    root = _project(tmp_path, document, measures)
    code, out = _check(root, capsys)
    assert code == 0, out
    assert "chain-break" not in out
    main(["report", "--data", str(root / "data"), "--format", "json", "--section", "timeline"])
    rows = json.loads(capsys.readouterr().out)["tables"][0]["rows"]
    assert [r["measure"] for r in rows] == ["b-first", "a-second"]


def test_a_repeated_subject_does_not_count_twice(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    document = "The ministry designated 2 vessels."
    root = _project(tmp_path, document, "")
    (root / "data" / "list.yaml").unlink()
    (root / "data" / "actions.yaml").write_text(textwrap.dedent("""\
        kind: designations
        actions:
          - id: twice
            authority: KR
            announced: 2024-06-20
            stated_counts: {vessels: 2}
            itemized: complete
            subjects:
              - {type: vessel, name: PATRIOT, imo_number: 9003550}
              - {type: vessel, name: PATRIOT, imo_number: 9003550}
            evidence:
              - source: doc
                quote: designated 2 vessels
        """), encoding="utf-8")
    code, out = _check(root, capsys)
    assert code == 1
    assert "actions.yaml:10:" in out
    assert "error[duplicate-subject]" in out
    assert "error[itemized-count-mismatch]" in out
    out_file = tmp_path / "out.ftm.json"
    main(["export", "--data", str(root / "data"), "--format", "ftm", "--output", str(out_file)])
    ids = [json.loads(line)["id"] for line in out_file.read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 2


# --- properties ------------------------------------------------------------------------------

_WORDS = st.sampled_from(["items", "list", "added", "the", "to", "ships", "of", "and"])
_NUMBERS = st.integers(min_value=0, max_value=10**7).map(lambda n: f"{n:,}")


# Two numbers side by side ("5 100") read as one space-grouped number, so words separate them.
@given(st.lists(st.tuples(_NUMBERS, _WORDS), min_size=1, max_size=6), st.data())
@example([("243", "items")], None)
def test_a_quote_is_found_exactly_when_it_lies_on_token_boundaries(
        pairs: list[tuple[str, str]], data: st.DataObject | None) -> None:
    tokens = [token for pair in pairs for token in pair]
    text = " ".join(tokens)
    starts, ends, offset = set(), set(), 0
    for token in tokens:
        starts.add(offset)
        ends.add(offset + len(token))
        offset += len(token) + 1
    if data is None:
        start, end = 1, len(text)
    else:
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if quote != quote.strip() or not quote:
        return  # whitespace at either end is folded away; nothing to decide
    # The oracle: an occurrence of the quote that starts and ends where a token does.
    expected = any(text.startswith(quote, s) and s + len(quote) in ends for s in starts)
    assert Document(text.encode(), "doc.txt").contains(quote) is expected


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=6),
       st.integers(min_value=0, max_value=10**9),
       st.sampled_from([",", " ", "\u00a0", "\u2009", "\u202f"]))
def test_a_figure_absent_from_the_quote_is_never_found(numbers: list[int], figure: int,
                                                       separator: str) -> None:
    quote = " and ".join(f"{n:,}".replace(",", separator) + " items" for n in numbers)
    assert occurs_in(figure, quote) is (figure in numbers)
    counts = [w.value for w in written_numbers(quote) if w.kind is NumberKind.COUNT]
    assert counts == numbers
