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
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError

from .readers._base import open_regular
from .readers._lines import LINE_BREAK, first_filled_row

if TYPE_CHECKING:
    from pathlib import Path
    from typing import BinaryIO

__all__ = ["FORMATS", "OFAC_COMPANIONS", "detect"]

FORMATS = ("ofac", "un", "eu", "uk", "ftm")
OFAC_COMPANIONS = ("ofac-add", "ofac-alt", "ofac-comments")
_HEAD = 65536
# How far past the head a first OFAC record (a name of 70,000 characters) or a first FtM line
# (a big entity) is read: a file whose first record runs on past this is no list.
_MORE_CSV = 1 << 20
_MORE_JSON = 16 << 20
_FTM_KEYS = ('"schema"', '"id"', '"op"', '"entity"')
# The column counts of an OFAC legacy CSV's rows: primary, ADD, ALT, COMMENTS.
_OFAC_KINDS = {12: "ofac", 6: "ofac-add", 5: "ofac-alt", 2: "ofac-comments"}
_FORCE = "name its format with `--list-format`"


def detect(path: Path) -> str:
    """The format of a list file: one of FORMATS, ``ftm-index``, or an OFAC companion kind.

    Raises InputError when the content matches no known format, or cannot be read as one.
    """
    try:
        with open_regular(path) as handle:
            start = _Start(handle)
            kind = _kind(start)
    except RecursionError:  # json recurses on nested values
        raise InputError(f"{path}: nested too deeply to be an official list") from None
    except (csv.Error, ValueError) as exc:  # ValueError: json's 4,300-digit integers
        raise InputError(f"{path}: the first record cannot be read ({_short(exc)}): the file "
                         f"is damaged, or not an official list; if it is one, {_FORCE}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}): check the path") from None
    if kind is None:
        if not start.text:
            raise InputError(f"{path}: the file is empty (or holds only blank lines)")
        raise InputError(f"{path}: not a list format this tool reads (OFAC CSV, UN XML, EU OJ "
                         f"table, UK OFSI CSV, FtM JSON lines): if it is one, {_FORCE}")
    if kind == "json":
        raise InputError(f"{path}: JSON, but neither FtM entity lines nor a delta index: if it "
                         f"is one, {_FORCE}")
    return kind


def _short(exc: BaseException) -> str:
    return str(exc).split("\n", 1)[0][:120] or type(exc).__name__


class _Start:
    """The start of the file as text (leading blanks dropped), read further only on demand.

    ``whole``: the text holds the whole file (no more to read).
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        head = handle.read(_HEAD)
        self.whole = len(head) < _HEAD
        self.text = head.decode("utf-8-sig", errors="replace").lstrip()

    def more(self, limit: int) -> str:
        """The text with up to ``limit`` further bytes of the file (once)."""
        if not self.whole:
            self._handle.seek(0)
            data = self._handle.read(_HEAD + limit)
            self.whole = True
            self.text = data.decode("utf-8-sig", errors="replace").lstrip()
        return self.text


def _kind(start: _Start) -> str | None:
    """The kind the file's start says (``json`` for JSON of no known kind), or None."""
    text = start.text
    if text.startswith("<"):
        return "un" if "<CONSOLIDATED_LIST" in text else None
    if text.startswith("{"):
        return _json_kind(start)
    cells = _first_cells(text)
    if cells[:1] == ["Last Updated"]:
        return "uk"
    if cells[:2] == ["celex", "recordId"]:
        return "eu"
    return _ofac_kind(start) if cells and cells[0].isdecimal() else None  # an ent_num


def _first_line(text: str) -> str:
    """The first line as the readers cut it: at CR, LF or CR LF (where io and csv end one)."""
    return LINE_BREAK.split(text, maxsplit=1)[0]


def _first_cells(text: str) -> list[str]:
    """The stripped cells of the first line with one that is not blank (as the readers skip)."""
    while text:
        line, *rest = LINE_BREAK.split(text, maxsplit=1)
        cells = [cell.strip() for cell in next(csv.reader([line]), [])]
        if any(cells):
            return cells
        text = rest[0] if rest else ""
    return []


def _json_kind(start: _Start) -> str:
    """``ftm`` or ``ftm-index``, or ``json`` for JSON of neither kind.

    The first line is read past the head only when the head already holds a key an FtM entity
    or delta line has (in any key order): a big JSON file of another kind is not read. An
    index is an object whose ``versions`` is an object.
    """
    first = _first_line(start.text)
    if len(first) == len(start.text) and not start.whole and any(
            key in first for key in _FTM_KEYS):
        first = _first_line(start.more(_MORE_JSON))
    record = _json(first)
    if isinstance(record, dict):
        if "op" in record and "entity" in record:
            return "ftm"
        if "schema" in record and "id" in record:
            return "ftm"
    if '"versions"' in start.text[:200]:
        index = _json(start.text if start.whole else start.more(_MORE_JSON))
        if isinstance(index, dict) and isinstance(index.get("versions"), dict):
            return "ftm-index"
    return "json"


def _json(text: str) -> object:
    """The JSON value of ``text``, or None when it is none (or a 4,300-digit integer)."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def _ofac_kind(start: _Start) -> str | None:
    """The OFAC file the first rows' columns make, read as the csv module reads them.

    A quoted field may hold a line break, so the first record may run past the head: it is then
    read again with more of the file. A well-formed first record decides; one damaged by a
    stray quote runs on into the next rows with any count of columns (and so may its first
    line), so then the records after it decide, or failing them its first line; the reader
    reports the damaged row.
    """
    text = start.text
    record = _strict_record(text)
    if not start.whole and (record is _CUT or _first_line(text) == text):  # may go on past it
        text = start.more(_MORE_CSV)
        record = _strict_record(text)
    if isinstance(record, list):  # a well-formed first record says it all
        candidates = [record]
    else:  # the rows after the damaged one, then its own first line
        candidates = [*_records(text)[1:], next(csv.reader([_first_line(text)]), [])]
    for row in candidates:
        if row and row[0].strip().isdecimal() and len(row) in _OFAC_KINDS:
            return _OFAC_KINDS[len(row)]
    return None


_CUT: list[str] = []  # a first record that runs to the end of the text read


def _strict_record(text: str) -> list[str] | None:
    """The first non-blank record when it is well formed, ``_CUT`` if it runs to the end, or None.

    Well formed: every quote closed where the csv module's strict mode wants it. None: a row a
    stray quote damaged.
    """
    try:
        return first_filled_row(csv.reader(io.StringIO(text, newline=""), strict=True)) or None
    except csv.Error as exc:
        return _CUT if "unexpected end of data" in str(exc) else None


def _records(text: str) -> list[list[str]]:
    """Up to three non-blank records of ``text`` (fewer when a record runs to its end)."""
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            if any(cell.strip() for cell in row):
                rows.append(row)
                if len(rows) == 3:  # the first and two more
                    break
    except csv.Error:  # a field over the csv module's limit: no record here
        pass
    return rows
