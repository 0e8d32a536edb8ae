"""CSV text that a spreadsheet opens as data: no cell from the data runs as a formula.

Spreadsheets evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some after a tab
or a carriage return), so a title such as ``=HYPERLINK("http://x","y")`` would become a live
link or worse (CSV injection). As OWASP advises, such text gets a leading ``'``, which
spreadsheets show as text and do not evaluate. Numbers are left alone: ``-3`` written from an
int is a number, not a formula.

Spreadsheets skip leading spaces (any Unicode space, and invisible ones such as U+200B) and read
the fullwidth forms (U+FF1D, U+FF0B, U+FF0D, U+FF20) as ASCII, so those are looked through.
And a spreadsheet set up for a European locale splits a CSV file on ``;`` (or on tabs),
honouring quotes only at the start of what it takes for a field, and ends a row at any line
break: there ``Test list;=1+1`` is two cells, the second a formula. So a cell holding ``;``, a
tab or a line break is quoted, and each part that begins after one of them and would start a
formula gets the ``'`` too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["csv_text", "formula_safe"]

# OWASP, "CSV Injection": the characters a formula may start with, in their ASCII, fullwidth and
# small forms; and the control characters some spreadsheets skip before one.
_FORMULA = "=+\\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b"
_CONTROL_STARTS = ("\t", "\r")
# What a spreadsheet may skip before the formula: \s is every Unicode space (NBSP, U+2003, U+3000
# ...); the rest are invisible.
_SPACE = "\\s\u180e\u200b-\u200d\u2060\ufeff"
_STARTS_FORMULA = re.compile(f"[{_SPACE}]*[{_FORMULA}]")
# A place inside a cell where a ;- or tab-separated reading starts a new cell or row; a quote
# there may open a quoted field, so it is looked through as well. A line break is not looked
# through: the part after it gets its own mark.
_PART_STARTS_FORMULA = re.compile(
    f'(?<=[;\t\r\n])(?=(?:[^\\S\r\n]|[\u180e\u200b-\u200d\u2060\ufeff"])*[{_FORMULA}])')
_QUOTED_IF = frozenset(',"\r\n;\t')


def formula_safe(value: Any) -> Any:
    """``value``, with ``'`` before text, or a part of it, that a spreadsheet would run."""
    if not isinstance(value, str):
        return value
    safe = _PART_STARTS_FORMULA.sub("'", value)
    if value.startswith(_CONTROL_STARTS) or _STARTS_FORMULA.match(value):
        return "'" + safe
    return safe


def _field(value: Any) -> str:
    """One RFC 4180 field: quoted when it holds a comma, a quote, a line break, ``;`` or a tab.

    Not the csv module's writer: before Python 3.13 it leaves a lone carriage return unquoted
    when rows end in a line feed, and every reader then splits the row there.
    """
    if value is None:
        return ""
    text = str(formula_safe(value))
    if _QUOTED_IF.intersection(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV document: a header, then one line per row with every text cell made formula-safe.

    A row with a key that is not a column is a bug in the caller (ValueError), not a cell to drop.
    """
    lines = [",".join(_field(c) for c in columns)]
    known = set(columns)
    for row in rows:
        extra = row.keys() - known
        if extra:
            raise ValueError(f"row has keys that are not columns: {sorted(extra)}")
        lines.append(",".join(_field(row.get(c)) for c in columns))
    return "\n".join(lines) + "\n"
