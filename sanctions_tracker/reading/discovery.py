"""Find the YAML files of a data folder: each once, in a stable order, never outside it.

What a path given by the user must be (a folder, or a .yaml/.yml file) is decided here, before
any file is read, so that a wrong path is bad usage and not a finding.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker.errors import InputError
from sanctions_tracker.findings import Finding, Location, Severity

from .yaml_reader import file_type, printable

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["SUFFIXES", "Candidate", "check_root", "display_name", "folder_name", "identity",
           "walk", "yaml_files"]

#: The endings of the files a data folder's YAML is read from.
SUFFIXES = (".yaml", ".yml")


def display_name(path: Path) -> str:
    """The name users see for a file: relative to the working directory when it is below it."""
    try:
        name = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return printable(str(path))
    return printable(str(path) if name.startswith("..") else name)


def folder_name(path: Path) -> str:
    """The name users see for a folder: with a trailing separator, so it reads as a folder."""
    return f"{display_name(path)}{os.sep}"


@attrs.frozen
class Candidate:
    """A YAML file found below a root: its path, a refusal, and its identity on disk.

    ``key`` (device and inode) is None when the file cannot be looked at; such a file is read
    anyway, so that reading says why it fails, and is never taken for another.
    """

    path: Path
    refusal: Finding | None = None
    key: tuple[int, int] | None = None


def identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of ``path``: two names of one file have the same identity."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def check_root(root: Path) -> bool:
    """Whether ``root`` is a folder (else a YAML file); InputError if it is neither.

    A path given explicitly is the user's choice, so a wrong one is bad usage (exit 2), not a
    finding: a folder that does not exist, a loop of links, a FIFO or a device, or a file whose
    name does not end in .yaml or .yml (``load("README.md")`` would otherwise parse Markdown).
    """
    try:
        mode = root.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{root}: a loop of symbolic links, not a file or folder") from None
        if exc.errno == errno.ENOENT:
            raise InputError(f"{root}: no such file or folder") from None
        raise InputError(f"{root}: cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        return True
    if not stat.S_ISREG(mode):
        raise InputError(f"{root}: {file_type(mode)}, not a folder or a YAML file")
    if not root.name.endswith(SUFFIXES):
        raise InputError(f"{root}: not a YAML file (the name must end in .yaml or .yml): "
                         "pass the folder that holds the data, or its YAML files")
    return False


def _is_within(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([folder, path]) == folder
    except ValueError:  # on another drive (Windows)
        return False


def walk(root: Path) -> Iterator[Candidate]:
    """The YAML files below the folder ``root``, in a stable order."""
    top = os.path.realpath(root)
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted.append):
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            if not name.endswith(SUFFIXES) or name.startswith("."):
                continue
            path = Path(dirpath) / name
            # realpath, not Path.resolve: on a loop of links, resolve raises RuntimeError up to
            # Python 3.12 and returns quietly from 3.13, while realpath always returns; the
            # loop itself is reported when the file is read.
            real = os.path.realpath(path)
            if not _is_within(real, top):
                yield Candidate(path, Finding(
                    "outside-data-folder", Severity.ERROR,
                    f"this file links to {printable(real)}, outside the data folder "
                    f"{printable(str(root))}: "
                    "copy the file into the folder instead of linking to it",
                    Location(display_name(path)),
                ))
            else:
                yield Candidate(path, key=identity(path))
    for exc in unlisted:  # a folder below the root that cannot be listed: its files are unseen
        folder = Path(exc.filename) if exc.filename else root
        yield Candidate(folder, Finding(
            "unreadable-file", Severity.ERROR,
            f"cannot list the folder: {exc.strerror or exc}: the files in it were not checked",
            Location(folder_name(folder)),
        ))


def yaml_files(root: Path) -> Iterator[tuple[Path, Finding | None]]:
    """The YAML files below ``root`` (or ``root`` itself), each with a finding if it is refused.

    A file reached through a symbolic link that leads outside ``root`` is refused: a data
    repository must not be able to make the tool read arbitrary files of the machine.
    InputError if ``root`` is neither a folder nor a YAML file.
    """
    if not check_root(root):
        yield root, None
        return
    for candidate in walk(root):
        yield candidate.path, candidate.refusal
