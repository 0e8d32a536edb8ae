"""Which list format a file holds, told from its first bytes, never from its name.

A name says little (``sdn.csv``, ``data.csv``, ``entities.ftm.json``); the first line says
much: OFAC rows start with a number and a quoted name, the UK file with ``Last Updated``, the EU
tables with ``celex,recordId``, the UN file with its ``CONSOLIDATED_LIST`` element, FtM lines
with an object holding ``schema`` (or ``op`` for deltas).
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FORMATS", "OFAC_COMPANIONS", "detect"]

FORMATS = ("ofac", "un", "eu", "uk", "ftm")
OFAC_COMPANIONS = ("ofac-add", "ofac-alt", "ofac-comments")
_HEAD = 65536
_OFAC_ROW = re.compile(r"\d+,")
_LINE_BREAK = re.compile(r"\r\n?|\n")  # where io (and so csv) ends a line


def detect(path: Path) -> str:
    """The format of a list file: one of FORMATS, ``ftm-index``, or an OFAC companion kind.

    Raises InputError when the content matches no known format.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}): check the path") from None
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("<"):
        if "<CONSOLIDATED_LIST" in text:
            return "un"
    elif text.startswith("{"):
        return _json_kind(path, text)
    else:
        first = _first_line(text)
        if first.startswith("Last Updated,"):
            return "uk"
        if first.startswith("celex,recordId,"):
            return "eu"
        if _OFAC_ROW.match(first):
            kind = _ofac_kind(text)
            if kind is not None:
                return kind
    raise InputError(
        f"{path}: not a list format this tool reads (OFAC CSV, UN XML, EU OJ table, UK OFSI "
        "CSV, FtM JSON lines): if it is one, name its format (`lists ... --format`)"
    )


def _first_line(text: str) -> str:
    """The first line as the readers cut it: a file saved with CR line ends is still a list."""
    return _LINE_BREAK.split(text, maxsplit=1)[0]


def _json_kind(path: Path, text: str) -> str:
    try:
        record = json.loads(_first_line(text))
    except json.JSONDecodeError:
        record = None
    if isinstance(record, dict):
        if "op" in record and "entity" in record:
            return "ftm"
        if "schema" in record and "id" in record:
            return "ftm"
    if '"versions"' in text[:200]:
        return "ftm-index"
    raise InputError(f"{path}: JSON, but neither FtM entity lines nor a delta index: pass "
                     "--format if it is one")


def _ofac_kind(text: str) -> str | None:
    """The OFAC file the columns of the first record make (a quoted field may hold a break)."""
    row = next(csv.reader(io.StringIO(text, newline="")), [])
    columns = len(row)
    if columns == 12:
        return "ofac"
    if columns == 6:
        return "ofac-add"
    if columns == 5:
        return "ofac-alt"
    if columns == 2:  # ent_num and the rest of its Remarks
        return "ofac-comments"
    return None
