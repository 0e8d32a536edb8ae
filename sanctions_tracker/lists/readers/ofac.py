r"""OFAC legacy CSV sets: SDN (``sdn.csv``) and consolidated non-SDN (``cons_prim.csv``).

A set is a primary file and up to three companions beside it, joined on ``ent_num``: addresses
(``add.csv``/``cons_add.csv``), alternate names (``alt.csv``/``cons_alt.csv``) and the overflow of
Remarks (``sdn_comments.csv``/``cons_comments.csv``). The files have no header, write null as
``-0- `` (with a trailing space), join programmes as ``A] [B``, end with a ``\x1a`` line, and cut
Remarks at exactly 1,000 characters, continuing them mid-word in the COMMENTS file. Structured
facts (a.k.a., DOB, nationality, passports, IMO and MMSI numbers) are read out of Remarks.
"""

from __future__ import annotations

import csv
import functools
import re
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Severity
from sanctions_tracker.lists.countries import country
from sanctions_tracker.lists.imo import IMO_IN_TEXT, ascii_digits
from sanctions_tracker.lists.model import (
    Address,
    Country,
    DateValue,
    Entry,
    Identifier,
    IdScheme,
    Name,
    NameKind,
    SubjectType,
)

from ._base import Context, Digest, read_text
from ._lines import csv_lines

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator
    from pathlib import Path

    from sanctions_tracker.lists.model import Snapshot

__all__ = ["companions", "read_ofac"]

AUTHORITY = "US-OFAC"
REMARKS_LIMIT = 1000
NULL = "-0- "
_COLUMNS = 12
# Keyed by the exact cell first (the common case costs one lookup), then by the cleaned text.
_SUBJECTS = {
    "individual": SubjectType.INDIVIDUAL,
    "vessel": SubjectType.VESSEL,
    "aircraft": SubjectType.AIRCRAFT,
    "": SubjectType.ENTITY,
    "-0- ": SubjectType.ENTITY,
}
_ALT_KINDS = {"aka": NameKind.AKA, "fka": NameKind.FKA, "nka": NameKind.NKA}
_REMARK_NAME_KINDS = {"a.k.a.": NameKind.AKA, "f.k.a.": NameKind.FKA, "n.k.a.": NameKind.NKA}
_COUNTRY_IN_PARENS = re.compile(r"\(([^()]*)\)")
# The first word of a Remarks piece that holds a fact this reader reads, and which fact (IMO
# numbers are looked for in every other piece); "National" is one only before "ID No. ".
_FACT_HEADS = {"a.k.a.": "name", "f.k.a.": "name", "n.k.a.": "name", "DOB": "DOB",
               "DOB:": "DOB", "alt.": "alt", "Alt.": "alt", "nationality": "nationality",
               "citizen": "nationality", "Passport": "Passport", "National": "National",
               "MMSI": "MMSI"}
_FACT_HEADS_AFTER_ALT = {k: v for k, v in _FACT_HEADS.items() if v != "alt"}
_VESSEL_COLUMNS = ("Vessel type", "Tonnage", "GRT", "Vessel flag", "Vessel owner")


def _null(value: str) -> str:
    """The value, or "" for OFAC's null ``-0-`` (written with a trailing space)."""
    value = value.strip()
    return "" if value == "-0-" else value


def companions(primary: Path, present: dict[str, Path] | None = None) -> dict[str, Path]:
    """The companion files present beside a primary file: ``add``, ``alt``, ``comments``.

    ``present``: the files of the primary's folder by lower-case name, when the caller has
    listed it already (a folder scan asks this of every primary in the folder).
    """
    stem = primary.stem.lower()
    if stem == "sdn":
        names = {"add": "add", "alt": "alt", "comments": "sdn_comments"}
    elif stem.endswith("_prim"):
        prefix = stem[: -len("prim")]
        names = {k: prefix + k for k in ("add", "alt", "comments")}
    else:
        return {}
    found: dict[str, Path] = {}
    if present is None:
        present = {p.name.lower(): p for p in primary.parent.iterdir()}
    for key, name in names.items():
        path = present.get(name + primary.suffix.lower())
        if path is not None:
            found[key] = path
    return found


def _rows(path: Path, ctx: Context, sources: list[Digest]) -> Iterator[tuple[int, list[str]]]:
    r"""Rows with their first line, the ``\x1a`` end-of-file line dropped.

    The file is read (and its source recorded) at the call; its rows are made as they are
    taken, so that no list of every row is held.
    """
    text, source = read_text(path)
    sources.append(source)
    return _numbered(text, ctx, str(path))


def _numbered(text: str, ctx: Context, file: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(csv_lines(text))
    last = 0
    for row in reader:
        line, last = last + 1, reader.line_num
        if (row and row[0].isdecimal()) or _has_ent_num(row, line, ctx, file):
            yield line, row


def _has_ent_num(row: list[str], line: int, ctx: Context, file: str) -> bool:
    r"""Whether a row whose first cell is not plainly digits has an ent_num after all.

    Blank rows (empty, or only spaces) and the ``\x1a`` end-of-file line are dropped quietly,
    others with a finding. An ent_num is decimal digits (``²`` is a digit, not a number).
    """
    if row == ["\x1a"] or not any(cell.strip() for cell in row):
        return False
    if row[0].strip().isdecimal():
        return True
    ctx.skip("list-malformed-row", f"ent_num {row[0][:20]!r} is not a number: row skipped",
             line, file)
    return False


def _ent_num(cell: str) -> str:
    """The ent_num of a cell, in ASCII digits (a key that companions and snapshots share)."""
    cell = cell.strip()
    return cell if cell.isascii() else ascii_digits(cell)


class _Companions:
    """Addresses, alternate names and Remarks overflow, by ent_num, with where each came from.

    The values (what entries take) and the rows they came from (for :meth:`orphans`) are kept
    apart, so that an entry takes its names or addresses as they are, without a copy; each
    file's rows are two lists (ent_nums and lines), not a tuple a row.
    """

    def __init__(self, files: dict[str, Path], ctx: Context, sources: list[Digest]) -> None:
        self.addresses: dict[str, tuple[Address, ...]] = {}
        self.names: dict[str, list[Name]] = {}
        self.comments: dict[str, list[str]] = {}
        self.rows: list[tuple[str, list[str], list[int]]] = []  # file, ent_nums, lines
        if "add" in files:
            self._addresses(files["add"], ctx, sources)
        if "alt" in files:
            self._names(files["alt"], ctx, sources)
        if "comments" in files:
            self._comments(files["comments"], ctx, sources)

    def _read(self, path: Path, ctx: Context, sources: list[Digest],
              ) -> tuple[str, Iterator[tuple[int, list[str]]], list[str], list[int]]:
        """The file's name and rows, and the lists its rows' ent_nums and lines go into."""
        ent_nums: list[str] = []
        lines: list[int] = []
        file = str(path)
        self.rows.append((file, ent_nums, lines))
        return file, _rows(path, ctx, sources), ent_nums, lines

    def _addresses(self, path: Path, ctx: Context, sources: list[Digest]) -> None:
        file, rows, ent_nums, lines = self._read(path, ctx, sources)
        found: dict[str, list[Address]] = {}
        for line, row in rows:
            if len(row) != 6:  # ent_num, add_num, address, city, country, remarks
                ctx.skip("list-malformed-row", f"an ADD row has {len(row)} columns, not 6: "
                         "row skipped", line, file)
                continue
            ent_num, _, street, city, where, _ = row
            ent_num = ent_num.strip()
            if not ent_num.isascii():  # digits of another script: as _ent_num reads them
                ent_num = _ent_num(ent_num)
            # _null inline (a third of the rows have no street): the cells of a full address
            street = "" if street == NULL else _null(street)
            city = "" if city == NULL else _null(city)
            where = "" if where == NULL else _null(where)
            place: Country | None = None
            if where:
                place = country(where)
                if place.code is None:
                    ctx.report("list-country-unresolved", Severity.INFO,
                               f"country {where!r} resolves to no country code", line, file)
            full = (f"{street}, {city}, {where}" if street and city and where
                    else ", ".join([part for part in (street, city, where) if part]))
            found.setdefault(ent_num, []).append(Address(full, place))
            ent_nums.append(ent_num)
            lines.append(line)
        self.addresses = {k: tuple(v) for k, v in found.items()}

    def _names(self, path: Path, ctx: Context, sources: list[Digest]) -> None:
        file, rows, ent_nums, lines = self._read(path, ctx, sources)
        names = self.names
        for line, row in rows:
            if len(row) != 5:  # ent_num, alt_num, type, name, remarks
                ctx.skip("list-malformed-row", f"an ALT row has {len(row)} columns, not 5: "
                         "row skipped", line, file)
                continue
            ent_num, _, kind_text, text, quality = row
            ent_num = ent_num.strip()
            if not ent_num.isascii():  # digits of another script: as _ent_num reads them
                ent_num = _ent_num(ent_num)
            kind = _ALT_KINDS.get(kind_text) or _ALT_KINDS.get(
                _null(kind_text).lower().replace(".", ""), NameKind.AKA)
            names.setdefault(ent_num, []).append(Name(
                _null(text), kind, None if quality == NULL else (_null(quality).lower() or None)))
            ent_nums.append(ent_num)
            lines.append(line)

    def _comments(self, path: Path, ctx: Context, sources: list[Digest]) -> None:
        file, rows, ent_nums, lines = self._read(path, ctx, sources)
        for line, row in rows:
            if len(row) < 2:
                ctx.skip("list-malformed-row", "a COMMENTS row needs ent_num and text: "
                         "row skipped", line, file)
                continue
            ent_num = _ent_num(row[0])
            self.comments.setdefault(ent_num, []).append(row[1])
            ent_nums.append(ent_num)
            lines.append(line)

    def orphans(self, known: set[str], ctx: Context) -> None:
        """Report companion rows whose ent_num is not in the primary file."""
        for file, ent_nums, lines in self.rows:
            if known.issuperset(ent_nums):  # the common case, answered without a Python step
                continue
            for ent_num, line in zip(ent_nums, lines, strict=True):
                if ent_num not in known:
                    ctx.report("list-orphan-row", Severity.WARNING,
                               f"ent_num {ent_num} is not in the primary file: row ignored",
                               line, file)


def _parse_remarks(text: str, vessel: bool, line: int,  # noqa: C901, FBT001, PLR0913, PLR0917 (one per fact)
                   ctx: Context, names: list[Name], identifiers: list[Identifier],
                   birth_dates: list[DateValue], nationalities: list[Country]) -> None:
    """Add the names, identifiers, birth dates and nationalities Remarks state to the lists.

    A piece states a fact by its first word (or the word after ``alt.``), looked up once: an
    SDN snapshot has 61,000 pieces, two thirds of them facts this reader does not read.
    """
    for piece in text.rstrip(".").split("; "):
        head, space, rest = piece.partition(" ")
        fact = _FACT_HEADS.get(head) if space else None
        if fact == "alt":  # "alt. DOB 1970", "Alt. DOB: 10 October 1969"
            head, _, rest = rest.partition(" ")
            head = head.rstrip(":")
            fact = _FACT_HEADS_AFTER_ALT.get(head)
        if fact is None:
            if "IMO" in piece:
                _imo(piece, line, ctx, identifiers, vessel=vessel)
        elif fact == "DOB":
            birth_dates.append(ctx.date(rest, line, "DOB"))
        elif fact == "nationality":
            place = country(rest)
            nationalities.append(place)
            if place.code is None:
                ctx.report("list-country-unresolved", Severity.INFO,
                           f"{head} {rest!r} resolves to no country code", line)
        elif fact == "name":
            names.append(Name(rest.strip().strip(".").strip("'"), _REMARK_NAME_KINDS[head],
                              "weak"))
        elif fact == "Passport":
            identifiers.append(_document(IdScheme.PASSPORT, rest, piece))
        elif fact == "National" and rest.startswith("ID No. "):
            identifiers.append(_document(IdScheme.NATIONAL_ID, rest[7:], piece))
        elif fact == "MMSI":
            identifiers.append(Identifier(IdScheme.MMSI, rest.strip(" ."), piece))
        elif "IMO" in piece:
            _imo(piece, line, ctx, identifiers, vessel=vessel)


def _imo(piece: str, line: int, ctx: Context, identifiers: list[Identifier], *,
         vessel: bool) -> None:
    match = IMO_IN_TEXT.search(piece)
    if match:
        identifiers.append(ctx.imo(
            piece, match[1], vessel=vessel, line=line,
            vessel_label=piece.startswith(("Vessel Registration", "alt. Vessel")),
        ))


def _document(scheme: IdScheme, rest: str, piece: str) -> Identifier:
    """A passport or national id: the number, then the issuing country in parentheses.

    ``Passport 7512345 (Russia) expires 01 Jan 2030``: the dates after the country are kept in
    the raw text only.
    """
    match = _COUNTRY_IN_PARENS.search(rest)
    number = rest[: match.start()].strip() if match else rest.strip()
    number = number.split(" issued ", 1)[0].split(" expires ", 1)[0].strip(" .")
    return Identifier(scheme=scheme, value=number, raw=piece,
                      country=match[1].strip() if match else None)


def _list_name(primary: Path) -> str:
    return "Consolidated (non-SDN)" if "cons" in primary.name.lower() else "SDN"


@functools.lru_cache(maxsize=4096)
def _programs(text: str) -> tuple[str, ...]:
    """``A] [B`` -> ``("A", "B")``; lists repeat a few hundred programme texts."""
    text = "" if text == NULL else text.strip("[] ")
    return tuple(p.strip() for p in text.split("] [")) if text else ()


def read_ofac(primary: Path, *, snapshot_date: dt.date | None = None) -> Snapshot:  # noqa: C901, PLR0912, PLR0915 (twelve columns, one frame: a call per row costs 5%)
    """Read an OFAC legacy CSV set (the primary file and the companions found beside it)."""
    ctx = Context(str(primary))
    file = str(primary)
    text, source = read_text(primary)
    sources = [source]
    extra = _Companions(companions(primary), ctx, sources)
    alt_names, comments, addresses = extra.names, extra.comments, extra.addresses
    entries: list[Entry] = []
    append = entries.append
    subjects, vessel_type = _SUBJECTS, SubjectType.VESSEL
    # The rows of _numbered, without a generator between the reader and this loop (2% of it).
    reader = csv.reader(csv_lines(text))
    del text  # its lines hold it now (a list of 1,000,000 entries: 250 MB less at the peak)
    last = 0
    for row in reader:
        line, last = last + 1, reader.line_num
        if len(row) != _COLUMNS or not row[0].isdecimal():
            if not _has_ent_num(row, line, ctx, file):
                continue
            if len(row) != _COLUMNS:
                ctx.skip("list-malformed-row", f"row has {len(row)} columns, not {_COLUMNS}: "
                         "row skipped", line)
                continue
        (ent_num, name, type_text, program, title, call_sign, vessel_type_text, tonnage, grt,
         flag, owner, remarks_raw) = row
        subject = subjects.get(type_text) or subjects.get(_null(type_text).lower())
        if subject is None:
            ctx.skip("list-unknown-subject", f"SDN_Type {_null(type_text)!r} is not "
                     "individual, vessel, aircraft or -0- (entity): row skipped", line)
            continue
        ent_num = ent_num.strip()
        if not ent_num.isascii():  # digits of another script: as _ent_num reads them
            ent_num = _ent_num(ent_num)
        names = [Name(name.strip())]
        more = alt_names.get(ent_num)
        if more:
            names += more
        remarks = "" if remarks_raw == NULL else remarks_raw.strip()
        continued = comments.get(ent_num)
        if continued:
            remarks += "".join(continued)
        elif len(remarks_raw) == REMARKS_LIMIT:
            ctx.report("list-remarks-truncated", Severity.WARNING,
                       f"Remarks of ent_num {ent_num} stop at exactly {REMARKS_LIMIT:,} "
                       f"characters ({remarks[-30:]!r}) and no COMMENTS file continues them: "
                       "facts after the cut are missing", line)
        identifiers: list[Identifier] = []
        if call_sign != NULL and call_sign.strip():
            call_sign = call_sign.strip()
            identifiers.append(Identifier(IdScheme.CALL_SIGN, call_sign, call_sign))
        notes: tuple[str, ...] = () if title == NULL else (f"Title: {_null(title)}",)
        if (vessel_type_text != NULL or tonnage != NULL or grt != NULL or flag != NULL
                or owner != NULL):
            vessel = (vessel_type_text, tonnage, grt, flag, owner)
            notes += tuple(f"{label}: {_null(value)}"
                           for label, value in zip(_VESSEL_COLUMNS, vessel, strict=True)
                           if _null(value))
        if remarks:
            notes += (remarks,)
            birth_dates: list[DateValue] = []
            nationalities: list[Country] = []
            _parse_remarks(remarks, subject is vessel_type, line, ctx, names, identifiers,
                           birth_dates, nationalities)
            append(Entry(ent_num, subject, tuple(names), tuple(identifiers), _programs(program),
                         None, tuple(nationalities), tuple(birth_dates),
                         addresses.get(ent_num, ()), notes, line))
        else:
            append(Entry(ent_num, subject, tuple(names), tuple(identifiers), _programs(program),
                         None, (), (), addresses.get(ent_num, ()), notes, line))
    if extra.rows:
        extra.orphans({entry.id for entry in entries}, ctx)
    return ctx.finish(entries, authority=AUTHORITY, list_name=_list_name(primary), fmt="ofac",
                      sources=tuple(sources), file_date=None, snapshot_date=snapshot_date)
