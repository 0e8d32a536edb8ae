"""``csv_lines`` gives the lines, rows and line numbers StringIO gives, on any text."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from hypothesis import example, given
from hypothesis import strategies as st

from sanctions_tracker.lists.readers._lines import csv_lines

if TYPE_CHECKING:
    from collections.abc import Iterable

# Line breaks of both kinds (those io ends a line at, and those only splitlines does), quotes
# and commas, so that quoted fields span lines and the fallback is taken.
_CSV_TEXT = st.lists(st.sampled_from(
    ["a", "Й", " ", ",", '"', "\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85",
     "\u2028", "\u2029"])).map("".join)


def _rows_and_line_numbers(lines: Iterable[str]) -> list[tuple[list[str], int]]:
    reader = csv.reader(lines)
    return [(row, reader.line_num) for row in reader]


@given(_CSV_TEXT)
@example("")
@example("a,b\r\nc,d")
@example('a,"b\r\nc"\rd\n')
@example("a\fb\nc\n")
@example("a,b\n\u2028\n")
@example("a\nb\x85")
def test_lines_rows_and_line_numbers_are_those_of_stringio(text: str) -> None:
    assert list(csv_lines(text)) == list(io.StringIO(text, newline=""))
    assert (_rows_and_line_numbers(csv_lines(text))
            == _rows_and_line_numbers(io.StringIO(text, newline="")))


def test_plain_line_breaks_are_cut_without_stringio() -> None:
    assert csv_lines('a,"b\r\nc"\rd\n') == ['a,"b\r\n', 'c"\r', "d\n"]


def test_a_line_break_io_does_not_know_sends_the_text_through_stringio() -> None:
    assert isinstance(csv_lines("a\fb\nc\n"), io.StringIO)
    assert isinstance(csv_lines("a\u2028b"), io.StringIO)
