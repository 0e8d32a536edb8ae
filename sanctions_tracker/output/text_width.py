"""Fitting text to a width in terminal columns: tables, paragraphs and finding lines.

Widths are display widths, counted as tabulate counts them (wcwidth, which
``tabulate[widechars]`` installs: a Hangul syllable or a Han character takes two columns). A
table fits by wrapping its text columns to the widths :func:`column_widths` gives, and tabulate
lays out the cells of several lines; figures are never wrapped inside or cut, so a table whose
figure columns and headers alone are wider than the width is laid out as records instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "column_widths", "display_width", "hanging_wrap",
           "wrap"]

#: The width of text reports when standard output is not a terminal and ``COLUMNS`` is unset:
#: the classic terminal width, and ``shutil.get_terminal_size``'s own fallback, so that
#: ``report | less`` (where the shell does not export ``COLUMNS``) fits any ordinary terminal.
DEFAULT_WIDTH = 80
#: The narrowest width a report is laid out for: a record's label (a third of the width) beside
#: its value, which still has room for any figure the data can hold (25 columns).
MIN_WIDTH = 40

# tabulate pads every header by two columns (its MIN_PADDING), and separates columns by two
# spaces in the simple and plain formats.
_HEADER_PADDING = 2
_GAP = 2
# A word of a text column longer than this may be broken inside (an id, a URL): the table stays
# a table. Shorter words, and every word of a header or a figure cell, are kept whole.
_WORD_CAP = 10
# A wrapped text column is never narrower than this (or than its widest cell, if narrower).
_TEXT_FLOOR = 8
# Where a line may break, as textwrap breaks it: at white space, and after a hyphen that joins
# two words of letters ("export-controls", not "2023-02-24").
_HYPHENS = re.compile(r"(?<=[^\W\d_]{2}-)(?=[^\W\d_])")
_BREAKS = re.compile(rf"\s+|{_HYPHENS.pattern}")
_SPACES = re.compile(r"\s+")
# A word that is a number or a date (digits and punctuation, no letter): never cut.
_NUMBER = re.compile(r"[^\w]*\d[\d\W_]*")


def display_width(text: str) -> int:
    """The width of the widest line of ``text`` in terminal columns."""
    return max((_line_width(line) for line in text.splitlines()), default=0)


def _line_width(line: str) -> int:
    import wcwidth  # noqa: PLC0415 (26 ms to import: only a report fitted to a width needs it)

    width = wcwidth.wcswidth(line)
    if width >= 0:
        return width
    # A control character makes wcswidth give up; count the others.
    return sum(max(wcwidth.wcwidth(char), 0) for char in line)


def _longest(texts: Sequence[str], breaks: re.Pattern[str]) -> int:
    """The widest unbreakable piece of any of the texts."""
    return max((_line_width(word) for text in texts for word in breaks.split(text)), default=0)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]],
                  figures: Sequence[bool], width: int) -> list[int | None] | None:
    """The widest each column may be for a table of these cells to fit ``width`` columns.

    ``None`` for a column means it keeps its natural width (all ``None``: the table fits as it
    is). Nothing that holds a number is ever cut: a figure column (``figures[i]``) wraps only
    between whole tokens (``1,500`` / ``(derived)``), and a text column is never narrower than
    its widest number or date, nor than the longest word of its header; other words longer
    than ``_WORD_CAP`` (ids, URLs) may be cut. When that cannot fit, the answer is ``None``:
    the table cannot be drawn in that width. Spare width raises the narrowest wrapped columns
    first, so that a short id stays whole and long prose takes the wrapping.
    """
    columns = [[row[i] for row in rows] for i in range(len(headers))]
    natural = [max(display_width(h) + _HEADER_PADDING, *map(display_width, cells))
               for h, cells in zip(headers, columns, strict=True)]
    available = width - _GAP * (len(headers) - 1)
    if sum(natural) <= available:
        return [None] * len(headers)
    least = []
    for header, cells, figure, full in zip(headers, columns, figures, natural, strict=True):
        header_word = _longest([header], _BREAKS) + _HEADER_PADDING
        if figure:
            least.append(max(header_word, _longest(cells, _SPACES)))
        else:
            numbers = max((_line_width(w) for cell in cells for w in _BREAKS.split(cell)
                           if _NUMBER.fullmatch(w)), default=0)
            words = min(_longest(cells, _BREAKS), _WORD_CAP)
            least.append(min(max(header_word, numbers, words, _TEXT_FLOOR), full))
    if sum(least) > available:
        return None
    # The highest level every wrapped column can be raised to (none above its natural width).
    def raised(level: int) -> list[int]:
        return [min(full, max(low, level)) for full, low in zip(natural, least, strict=True)]

    level = 0
    while sum(raised(level + 1)) <= available and level < max(natural):
        level += 1
    given = raised(level)
    for i in sorted(range(len(given)), key=given.__getitem__):  # what is left, narrowest first
        if sum(given) < available and given[i] < natural[i]:
            given[i] += 1
    return [None if g >= full else g for g, full in zip(given, natural, strict=True)]


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of at most ``width`` columns (see :func:`hanging_wrap`); later ones start ``indent``.

    Each line of ``text`` is a paragraph of its own. A word wider than the line is cut, so that
    no line is wider than ``width`` unless ``indent`` alone is.
    """
    return [line for paragraph in text.splitlines() or [""]
            for line in hanging_wrap("", paragraph, width, indent)]


def hanging_wrap(head: str, text: str, width: int, indent: str) -> list[str]:
    """``head`` followed by ``text``, wrapped at ``width`` with ``indent`` on following lines.

    Lines break at spaces and after a hyphen between words, as textwrap breaks them; a word
    wider than a line is cut. ``head`` (``file:line:col: severity[code]``, which editors and
    terminals recognise only whole) is broken only when it is wider than ``width`` itself (a
    long path): first before its severity, then, if the location alone is too wide, wherever
    it must be cut, so that no line is ever wider than ``width``.
    """
    lines: list[str] = []
    line = head
    if _line_width(head) > width:
        location, separator, label = head.rpartition(": ")
        parts = [location + ":", indent + label] if separator else [head]
        for part in parts:
            rest = part
            while _line_width(rest) > width:
                piece = _fitting_prefix(rest, width)
                lines.append(piece)
                rest = indent + rest[len(piece):]
            lines.append(rest)
        line = lines.pop()
    for separator, word in _chunks(text):
        if line.strip():
            if _line_width(line + separator + word) <= width:
                line += separator + word
                continue
            lines.append(line)
            line = indent
        rest = word
        while rest and _line_width(line + rest) > width:
            piece = _fitting_prefix(rest, width - _line_width(line))
            lines.append(line + piece)
            line, rest = indent, rest[len(piece):]
        line += rest
    return [*lines, line] if line.strip() or not lines else lines


def _chunks(text: str) -> list[tuple[str, str]]:
    """The words of ``text`` split where a line may break, each with what joins it to the last.

    A run of white space joins as one space (the first word too, which follows a line's head
    if it has one); a piece after a hyphen joins with nothing.
    """
    chunks = []
    for word in text.split():
        first, *rest = _HYPHENS.split(word)
        chunks += [(" ", first), *(("", piece) for piece in rest)]
    return chunks


def _fitting_prefix(word: str, room: int) -> str:
    """The start of a word too wide for its line that fits ``room`` columns.

    It ends after the last hyphen, slash, underscore or dot that fits, so that an id is cut
    between its parts (``kr-2023-02-`` / ``24-export-``) rather than inside a number, and is
    never empty, so that a line without room still moves on.
    """
    import wcwidth  # noqa: PLC0415

    end, used = 0, 0
    for char in word:  # one character at a time: a cut of a long word stays linear
        used += max(wcwidth.wcwidth(char), 0)
        if end and used > room:
            break
        end += 1
    cut = max(word.rfind(mark, 0, end) for mark in "-/_.") + 1
    return word[:cut or end]
