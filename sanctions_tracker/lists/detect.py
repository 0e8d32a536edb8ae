"""Which list format a file holds, told from its first bytes, never from its name.

A name says little (``sdn.csv``, ``data.csv``, ``entities.ftm.json``); the first line says
much: OFAC rows start with a number and a quoted name, the UK file with ``Last Updated``, the EU
tables with ``celex,recordId``, the UN file with its ``CONSOLIDATED_LIST`` element, FtM lines
with an object holding ``schema`` (or ``op`` for deltas).
"""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError

from .readers._lines import LINE_BREAK

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FORMATS", "OFAC_COMPANIONS", "detect", "first_line"]

FORMATS = ("ofac", "un", "eu", "uk", "ftm")
OFAC_COMPANIONS = ("ofac-add", "ofac-alt", "ofac-comments")
_HEAD = 65536
# The column counts of an OFAC legacy CSV's rows: primary, ADD, ALT, COMMENTS.
_OFAC_KINDS = {12: "ofac", 6: "ofac-add", 5: "ofac-alt", 2: "ofac-comments"}
_FORCE = "name its format with `--list-format`"


def detect(path: Path) -> str:
    """The format of a list file: one of FORMATS, ``ftm-index``, or an OFAC companion kind.

    Raises InputError when the content matches no known format, or cannot be read as one.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}): check the path") from None
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    try:
        kind = _kind(path, text, whole=len(head) < _HEAD)
    except RecursionError:  # json recurses on nested values
        raise InputError(f"{path}: nested too deeply to be an official list") from None
    except OSError as exc:  # the first record read again from the file
        raise InputError(f"{path}: cannot read the file ({exc.strerror}): check the path") from None
    except (csv.Error, ValueError) as exc:  # ValueError: json's 4,300-digit integers
        raise InputError(f"{path}: the first record cannot be read ({_short(exc)}): the file "
                         f"is damaged, or not an official list; if it is one, {_FORCE}") from None
    if kind is None:
        if not text:
            raise InputError(f"{path}: the file is empty (or holds only blank lines)")
        raise InputError(f"{path}: not a list format this tool reads (OFAC CSV, UN XML, EU OJ "
                         f"table, UK OFSI CSV, FtM JSON lines): if it is one, {_FORCE}")
    return kind


def _short(exc: BaseException) -> str:
    return str(exc).split("\n", 1)[0][:120] or type(exc).__name__


def _kind(path: Path, text: str, *, whole: bool) -> str | None:
    """The format ``text`` (the start of the file, leading blanks dropped) says, or None.

    ``whole``: the text is the whole file; otherwise a first line or record that reaches the
    end of it is read again from the file, whole.
    """
    if text.startswith("<"):
        return "un" if "<CONSOLIDATED_LIST" in text else None
    first = first_line(text)
    if text.startswith("{"):
        if not whole and len(first) == len(text):  # the first line goes on past the head
            first = _first_line_of(path)
        return _json_kind(path, first, text)
    if first.startswith("Last Updated,"):
        return "uk"
    if first.startswith("celex,recordId,"):
        return "eu"
    if first[:1].isdigit() or first.startswith('"'):  # an ent_num, maybe quoted
        return _ofac_kind(path, first)
    return None


def first_line(text: str) -> str:
    """The first line as the readers cut it: at CR, LF or CR LF (where io and csv end one)."""
    return LINE_BREAK.split(text, maxsplit=1)[0]


def _first_line_of(path: Path) -> str:
    """The first non-blank line of the file, however long (a big FtM entity on one line)."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        for line in handle:
            if line.strip():
                return line.rstrip("\r\n")
    return ""


def _json_kind(path: Path, first: str, text: str) -> str:
    try:
        record = json.loads(first)
    except ValueError:  # not JSON, or a number beyond the 4,300 digits json reads
        record = None
    if isinstance(record, dict):
        if "op" in record and "entity" in record:
            return "ftm"
        if "schema" in record and "id" in record:
            return "ftm"
    if '"versions"' in text[:200]:
        return "ftm-index"
    raise InputError(f"{path}: JSON, but neither FtM entity lines nor a delta index: if it is "
                     f"one, {_FORCE}")


def _ofac_kind(path: Path, first: str) -> str | None:
    """The OFAC file the columns of the first record make, when its first cell is an ent_num.

    The record is read from the file as the csv module reads it, so a quoted field may hold a
    line break and run past the first 64 KiB. When it does not end (a quote left open, which
    the reader reports as a damaged row), the first line's columns decide.
    """
    try:
        record = _first_record(path)
    except csv.Error:
        record = None
    kind = _ofac_columns(record)
    if kind is None:
        kind = _ofac_columns(next(csv.reader([first]), None))
    return kind


def _ofac_columns(row: list[str] | None) -> str | None:
    if not row or not row[0].strip().isdigit():
        return None
    return _OFAC_KINDS.get(len(row))


def _first_record(path: Path) -> list[str] | None:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        for row in csv.reader(handle):
            if any(cell.strip() for cell in row):
                return row
    return None
