"""Which files of the paths a user names are official lists.

OFAC companion files (ADD, ALT, COMMENTS) go with their primary file, which reads them; one that
no primary beside it reads is passed over with a note.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError

from .detect import detect
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
    is not a list is passed over, and ``passed_over`` hears why. A path that does not exist is
    an InputError naming it.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if found.suffix.lower() not in LIST_SUFFIXES:
                    continue
                try:
                    kind = detect(found)
                except InputError as exc:
                    if passed_over is not None:
                        passed_over(exc)
                    continue
                if not kind.startswith("ofac-"):
                    files.append(found)
                elif passed_over is not None and not _has_primary(found):
                    passed_over(InputError(
                        f"{found}: an OFAC companion file ({kind[5:].upper()}) that no primary "
                        "file beside it (sdn.csv or *_prim.csv) reads"))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder: check the path")
    return files


def _has_primary(companion: Path) -> bool:
    """Whether an OFAC primary file beside ``companion`` reads it (ADD, ALT or COMMENTS)."""
    return any(companion in companions(primary).values()
               for primary in companion.parent.iterdir() if primary.is_file())
