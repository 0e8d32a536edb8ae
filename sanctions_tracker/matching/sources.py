"""Where targets come from: list files (``--lists`` or the environment) and the curated data.

Both are read and indexed once per run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError, UsageError
from sanctions_tracker.lists import read
from sanctions_tracker.lists.files import list_files

from .index import NameIndex
from .targets import all_targets

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sanctions_tracker.lists.model import Snapshot
    from sanctions_tracker.model.dataset import Dataset

__all__ = ["LISTS_ENV", "build_index", "list_paths", "read_lists"]

#: Environment variable naming a default folder (or file) of official lists for ``--lists``.
LISTS_ENV = "SANCTIONS_TRACKER_LISTS"

def list_paths(option: Sequence[Path] | None) -> list[Path]:
    """The ``--lists`` paths, else the environment's, else none (the curated data alone)."""
    if option:
        return list(option)
    named = os.environ.get(LISTS_ENV)
    return [Path(p) for p in named.split(os.pathsep) if p] if named else []


def _files(paths: Sequence[Path]) -> list[Path]:
    """The list files of the ``--lists`` paths; a path that does not exist is bad usage."""
    try:
        return list_files(paths)
    except InputError as exc:
        where = str(exc).removesuffix(": check the path")
        raise UsageError(f"--lists {where}: name a list file or a folder of them") from None


def read_lists(paths: Sequence[Path]) -> list[Snapshot]:
    """Every list of ``paths``, read (InputError names a file that cannot be read)."""
    return [read(path) for path in _files(paths)]


def build_index(snapshots: Sequence[Snapshot], dataset: Dataset | None) -> NameIndex:
    """One index of the curated subjects and every entry of ``snapshots``."""
    return NameIndex.build(all_targets(snapshots, dataset))
