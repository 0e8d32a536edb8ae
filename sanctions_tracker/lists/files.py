"""Which files of the paths a user names are official lists.

OFAC companion files (ADD, ALT, COMMENTS) go with their primary file, which reads them; one that
no primary beside it reads is passed over with a note.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError

from .detect import detect
from .readers._base import not_a_regular_file
from .readers.ofac import companions

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

__all__ = ["LIST_SUFFIXES", "list_files"]

#: The endings of the files a folder of official lists is searched for.
LIST_SUFFIXES = frozenset({".csv", ".xml", ".json", ".jsonl"})


def list_files(paths: Sequence[Path], *,
               passed_over: Callable[[InputError], None] | None = None) -> list[Path]:
    """The list files named, and those found in folders, in a stable order.

    A file named is taken as a list (its reader says if it is not one); a file in a folder that
    is not a list is passed over, and ``passed_over`` hears why, unless it is a companion an
    OFAC primary beside it reads. A path that does not exist, or is no regular file, is an
    InputError naming it.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += _in_folder(path, passed_over)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise not_a_regular_file(path)
        else:
            raise InputError(f"{path}: no such file or folder: check the path")
    return files


def _in_folder(folder: Path, passed_over: Callable[[InputError], None] | None) -> list[Path]:
    """The lists in a folder and its subfolders; companions go with their primary."""
    kinds: dict[Path, str | InputError] = {}
    for found in sorted(p for p in folder.rglob("*") if p.is_file()):
        if found.suffix.lower() in LIST_SUFFIXES:
            try:
                kinds[found] = detect(found)
            except InputError as exc:
                kinds[found] = exc
    claimed = _claimed([found for found, kind in kinds.items() if kind == "ofac"])
    files: list[Path] = []
    for found, kind in kinds.items():
        if isinstance(kind, str) and not kind.startswith("ofac-"):
            files.append(found)
        elif found in claimed or passed_over is None:
            continue  # read with its primary (even an empty one: the primary says so)
        elif isinstance(kind, InputError):
            passed_over(kind)
        else:
            passed_over(InputError(
                f"{found}: an OFAC companion file ({kind[5:].upper()}) that no OFAC primary "
                "file beside it (sdn.csv or *_prim.csv) reads"))
    return files


def _claimed(primaries: list[Path]) -> set[Path]:
    """The companion files these OFAC primaries read, each folder listed once."""
    listed: dict[Path, dict[str, Path]] = {}
    claimed: set[Path] = set()
    for primary in primaries:
        present = listed.get(primary.parent)
        if present is None:
            present = listed[primary.parent] = {p.name.lower(): p
                                                for p in primary.parent.iterdir()}
        claimed.update(companions(primary, present).values())
    return claimed
