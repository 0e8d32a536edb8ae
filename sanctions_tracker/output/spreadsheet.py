"""CSV text that a spreadsheet opens as data: no cell from the data runs as a formula.

Spreadsheets evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some after a tab
or a carriage return), so a title such as ``=HYPERLINK("http://x","y")`` would become a live
link or worse (CSV injection). As OWASP advises, such text gets a leading ``'``, which
spreadsheets show as text and do not evaluate. Numbers are left alone: ``-3`` written from an
int is a number, not a formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["csv_text", "formula_safe"]

# OWASP, "CSV Injection": the characters a formula may start with.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTED_IF = frozenset(',"\r\n')


def formula_safe(value: Any) -> Any:
    """``value``, with ``'`` before text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _field(value: Any) -> str:
    """One RFC 4180 field: quoted when it holds a comma, a quote or a line break of any kind.

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
