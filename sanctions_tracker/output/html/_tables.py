"""Tables of the page as values: cells made of parts (text, a link, a note), rows with anchors."""

from __future__ import annotations

import re
from typing import Any

import attrs

__all__ = ["Cell", "Part", "Row", "TableView", "anchor", "number", "plain_cell"]


@attrs.frozen
class Part:
    """A run of a cell's text: plain, or a link to ``href``; ``css`` marks a note (a basis)."""

    text: str
    href: str | None = None
    css: str = ""
    title: str | None = None


@attrs.frozen
class Cell:
    """One table cell. ``sort`` is the key the page's script sorts by (a number's digits)."""

    parts: tuple[Part, ...]
    sort: str | None = None
    numeric: bool = False
    css: str = ""

    @property
    def text(self) -> str:
        """The cell as a reader sees it, scripts or not."""
        return "".join(p.text for p in self.parts)


@attrs.frozen
class Row:
    """A table row; ``id`` is the anchor that links elsewhere in the page point at."""

    cells: tuple[Cell, ...]
    id: str | None = None
    css: str = ""


@attrs.frozen
class TableView:
    """A table of the page: headers (text, numeric?) and rows, with notes under it."""

    id: str
    caption: str
    headers: tuple[tuple[str, bool], ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def anchor(kind: str, *names: str | int) -> str:
    """An element id: ``m-kr-2024-06-20-export-controls-russia``.

    Record ids are slugs already (the schema's pattern); anything else is replaced, so that an
    id is always one token that a URL fragment and ``getElementById`` both take as it is. Parts
    after the first are joined by ``--``, which no record id contains (the schema puts a letter
    or digit between separators): evidence 0 of record ``x`` (``ev-x--0``) is never the
    evidence of a record named ``x-0`` (``ev-x-0``).
    """
    first, *rest = (_UNSAFE.sub("_", str(n)) for n in names)
    return "-".join([kind, "--".join([first, *rest])]) if names else kind


def number(value: int, basis: str | None = None, *, href: str | None = None,
           title: str | None = None) -> Cell:
    """A figure: thousands separators, a link to its evidence, and its basis when not given."""
    parts = [Part(f"{value:,}", href, "", title)]
    if basis not in (None, "given"):
        parts.append(Part(f" ({basis})", None, f"basis basis-{basis}"))
    return Cell(tuple(parts), str(value), numeric=True)


def plain_cell(value: Any, basis: str | None = None) -> Cell:
    """A report cell as text: ``-`` for nothing, yes/no, numbers with separators."""
    if value is None:
        return Cell((Part("-"),))
    if isinstance(value, bool):
        return Cell((Part("yes" if value else "no"),))
    if isinstance(value, int):
        return number(value, basis)
    return Cell((Part(str(value)),))
