"""``read(path)``: detect the format of a list file and run its reader."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError, UsageError

from .detect import FORMATS, detect
from .gc_pause import paused_gc
from .readers._base import not_a_regular_file
from .readers.eu import read_eu
from .readers.ftm import read_ftm
from .readers.ofac import read_ofac
from .readers.uk import read_uk
from .readers.un import read_un

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from .model import Snapshot

__all__ = ["read"]

_READERS: dict[str, Callable[..., Snapshot]] = {
    "ofac": read_ofac, "un": read_un, "eu": read_eu, "uk": read_uk, "ftm": read_ftm,
}


def read(path: str | Path, *, format: str | None = None,  # noqa: A002 (the CLI's name)
         snapshot_date: dt.date | None = None) -> Snapshot:
    """Read one official list file into a snapshot; ``format`` forces a reader.

    OFAC companions (ADD, ALT, COMMENTS) are read with their primary file, found beside it.
    Raises InputError when the file cannot be read at all; problems in rows are findings.

    The garbage collector is paused while the file is read (see :func:`.gc_pause.paused_gc`).
    """
    with paused_gc():
        try:
            return _read(Path(path), format or None, snapshot_date)
        except csv.Error as exc:  # a row the csv module cannot split: the file is damaged
            raise InputError(f"{path}: not a readable CSV file ({exc}): the file is damaged, "
                             "or not an official list") from None
        except RecursionError:  # json and ElementTree recurse on nested values
            raise InputError(f"{path}: nested too deeply to be an official list") from None


def _read(path: Path, kind: str | None, snapshot_date: dt.date | None) -> Snapshot:
    if not path.is_file():
        if path.exists():
            raise not_a_regular_file(path)
        raise InputError(f"{path}: no such file: check the path")
    kind = kind or detect(path)
    if kind == "ftm-index":
        return read_ftm(path, snapshot_date=snapshot_date, index=True)
    reader = _READERS.get(kind)
    if reader is None:
        if kind.startswith("ofac-"):
            raise InputError(f"{path}: an OFAC companion file ({kind[5:].upper()}): read the "
                             "primary file beside it (sdn.csv or cons_prim.csv)")
        raise UsageError(f"unknown format {kind!r}: use one of {', '.join(FORMATS)}")
    return reader(path, snapshot_date=snapshot_date)
