"""JSON paths of findings: ``$.measures[1].total_after``, as text and as parts.

A finding points into a record by path; its line and column are looked up only when it is
reported (:func:`sanctions_tracker.reading.yaml_reader.locate`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["PathKey", "format_path", "parse_path"]

#: A path as parts: keys and list indexes from the top of a file.
PathKey = tuple["str | int", ...]


def format_path(parts: Iterable[str | int]) -> str:
    """Render path parts as a JSON path: ``$.actions[0].stated_counts``."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out.append(f".{part}")
        else:
            out.append(f"[{part!r}]")
    return "".join(out)


_PART = re.compile(
    r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]"
)


def parse_path(text: str) -> PathKey:
    """The parts of a path written by :func:`format_path`."""
    parts: list[str | int] = []
    for match in _PART.finditer(text, 1):
        name, index, quoted = match.groups()
        if name is not None:
            parts.append(name)
        elif index is not None:
            parts.append(int(index))
        else:
            parts.append(quoted[1:-1])
    return tuple(parts)
