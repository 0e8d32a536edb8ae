"""Where targets come from: list files (``--lists`` or the environment) and the curated data.

Both are read and indexed once per run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sanctions_tracker.checks.list_entries import ListFile
from sanctions_tracker.errors import InputError, UsageError
from sanctions_tracker.lists import read
from sanctions_tracker.lists.facts import entry_facts
from sanctions_tracker.lists.files import list_files

from .index import NameIndex
from .targets import all_targets

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sanctions_tracker.lists.model import Snapshot
    from sanctions_tracker.model.dataset import Dataset

__all__ = ["LISTS_ENV", "build_index", "list_file_finder", "list_paths", "read_lists"]

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


def list_file_finder(paths: Sequence[Path], snapshots: Sequence[Snapshot] = ()
                     ) -> Callable[[str], ListFile | str]:
    """The list file a source record names, found under ``paths``, as ``check`` compares it.

    A source's ``file`` is a path relative to a folder of ``paths`` (or the name of a file
    given directly); a name that climbs out of the folder is not found. Files among
    ``snapshots`` (already read for screening) are not read again. The function returns the
    reason instead of a :class:`ListFile` when the file is missing or cannot be read.
    """
    read_already = {Path(s.sources[0].name).resolve(): s for s in snapshots if s.sources}

    def find(name: str) -> ListFile | str:
        outside = None
        for base in paths:
            folder = base if base.is_dir() else base.parent
            try:
                candidate = (folder / name).resolve()
                top = folder.resolve()
            except (OSError, RuntimeError):  # a loop of links (RuntimeError before 3.13)
                return f"{folder / name} is a loop of symbolic links"
            if not candidate.is_relative_to(top):
                outside = f"{folder / name} leads out of {folder} (to {candidate})"
                continue
            if not candidate.is_file():
                continue
            if not base.is_dir() and candidate != base.resolve():
                continue
            try:
                snapshot = read_already.get(candidate) or read(candidate)
            except InputError as exc:
                return str(exc)
            digest = next((s.sha256 for s in snapshot.sources
                           if Path(s.name).resolve() == candidate), None)
            if digest is None:  # pragma: no cover (a reader names the file it was given)
                return f"{candidate} was not among the files its list was read from"
            companions = tuple(Path(s.name).name for s in snapshot.sources
                               if Path(s.name).resolve() != candidate)
            return ListFile(str(candidate), digest,
                            {entry.id: entry_facts(entry) for entry in snapshot.entries},
                            companions)
        return outside or f"there is no file {name} under {', '.join(map(str, paths))}"

    return find
