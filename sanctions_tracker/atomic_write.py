"""Write outputs so that an interruption never leaves a half-written file or folder behind.

Everything is written to a temporary name beside the target and moved into place with
:func:`os.replace`, which is atomic on one file system: a reader sees the old complete file or
the new complete one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import WriteError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["write_files_atomic", "write_text_atomic"]


def write_text_atomic(path: Path, chunks: Iterable[str]) -> None:
    """Write text to ``path`` through a temporary file; replace ``path`` only when complete."""
    if path.is_dir():
        raise WriteError(f"{path} is a folder: name a file to write")
    parent = path.parent if str(path.parent) else Path()
    if not parent.is_dir():
        raise WriteError(f"{parent}: the folder to write into does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise WriteError(f"{path}: writing failed ({exc.strerror}); nothing was replaced") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_files_atomic(folder: Path, files: dict[str, str]) -> None:
    """Write a folder of files: build it under a temporary name, then move it into place.

    An existing folder is replaced only once the new one is complete; it is moved aside first
    and removed after the swap.
    """
    parent = folder.parent if str(folder.parent) else Path()
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"{folder} is a file: name a folder to write the CSV files into")
    if not parent.is_dir():
        raise WriteError(f"{parent}: the folder to write into does not exist")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise WriteError(f"{folder}: cannot write here ({exc.strerror})") from None
    old = None
    try:
        for name, text in files.items():
            (tmp / name).write_text(text, encoding="utf-8", newline="")
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=parent))
            os.replace(folder, old / folder.name)
        os.replace(tmp, folder)
    except OSError as exc:
        if old is not None and not folder.exists():
            os.replace(old / folder.name, folder)  # put the previous output back
        message = f"{folder}: writing failed ({exc.strerror}); nothing was replaced"
        raise WriteError(message) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
