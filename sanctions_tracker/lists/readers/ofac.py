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
import io
import re
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Severity
from sanctions_tracker.lists.countries import country
from sanctions_tracker.lists.imo import IMO_IN_TEXT
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

from ._base import Context, read_text

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator
    from pathlib import Path

    from sanctions_tracker.lists.model import Snapshot, SourceFile

__all__ = ["companions", "read_ofac"]

AUTHORITY = "US-OFAC"
REMARKS_LIMIT = 1000
NULL = "-0- "
_NULL_VESSEL = [NULL] * 5
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
# Remarks pieces that hold a fact this reader reads (IMO numbers are looked for in every piece).
_FACTS = ("a.k.a. ", "f.k.a. ", "n.k.a. ", "DOB ", "DOB: ", "alt. ", "Alt. ", "nationality ",
          "citizen ", "Passport ", "National ID No. ", "MMSI ")
_VESSEL_COLUMNS = ("Vessel type", "Tonnage", "GRT", "Vessel flag", "Vessel owner")


def _null(value: str) -> str:
    """The value, or "" for OFAC's null ``-0-`` (written with a trailing space)."""
    value = value.strip()
    return "" if value == "-0-" else value


def companions(primary: Path) -> dict[str, Path]:
    """The companion files present beside a primary file: ``add``, ``alt``, ``comments``."""
    stem = primary.stem.lower()
    if stem == "sdn":
        names = {"add": "add", "alt": "alt", "comments": "sdn_comments"}
    elif stem.endswith("_prim"):
        prefix = stem[: -len("prim")]
        names = {k: prefix + k for k in ("add", "alt", "comments")}
    else:
        return {}
    found: dict[str, Path] = {}
    present = {p.name.lower(): p for p in primary.parent.iterdir()}
    for key, name in names.items():
        path = present.get(name + primary.suffix.lower())
        if path is not None:
            found[key] = path
    return found


def _rows(path: Path, ctx: Context, sources: list[SourceFile]) -> Iterator[tuple[int, list[str]]]:
    r"""Rows with their first line, the ``\x1a`` end-of-file line dropped.

    The file is read (and its source recorded) at the call; its rows are made as they are
    taken, so that no list of every row is held.
    """
    text, source = read_text(path)
    sources.append(source)
    return _numbered(text, ctx, str(path))


def _numbered(text: str, ctx: Context, file: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    last = 0
    for row in reader:
        line, last = last + 1, reader.line_num
        if row and row[0].isdigit():  # nearly every row: one test
            yield line, row
            continue
        if not row or row == ["\x1a"]:
            continue
        if not row[0].strip().isdigit():
            ctx.skip("list-malformed-row", f"ent_num {row[0][:20]!r} is not a number: row "
                     "skipped", line, file)
            continue
        yield line, row


class _Companions:
    """Addresses, alternate names and Remarks overflow, by ent_num, with where each came from."""

    def __init__(self, files: dict[str, Path], ctx: Context, sources: list[SourceFile]) -> None:
        self.addresses: dict[str, list[tuple[int, str, Address]]] = {}
        self.names: dict[str, list[tuple[int, str, Name]]] = {}
        self.comments: dict[str, list[tuple[int, str, str]]] = {}
        if "add" in files:
            self._addresses(files["add"], ctx, sources)
        if "alt" in files:
            self._names(files["alt"], ctx, sources)
        if "comments" in files:
            file = str(files["comments"])
            for line, row in _rows(files["comments"], ctx, sources):
                if len(row) < 2:
                    ctx.skip("list-malformed-row", "a COMMENTS row needs ent_num and text: "
                             "row skipped", line, file)
                    continue
                self.comments.setdefault(row[0].strip(), []).append((line, file, row[1]))

    def _addresses(self, path: Path, ctx: Context, sources: list[SourceFile]) -> None:
        file = str(path)
        for line, row in _rows(path, ctx, sources):
            if len(row) != 6:
                ctx.skip("list-malformed-row", f"an ADD row has {len(row)} columns, not 6: "
                         "row skipped", line, file)
                continue
            where = _null(row[4])
            parts = [p for p in (_null(row[2]), _null(row[3]), where) if p]
            place: Country | None = None
            if where:
                place = country(where)
                if place.code is None:
                    ctx.report("list-country-unresolved", Severity.INFO,
                               f"country {where!r} resolves to no country code", line, file)
            address = Address(", ".join(parts), place)
            self.addresses.setdefault(row[0].strip(), []).append((line, file, address))

    def _names(self, path: Path, ctx: Context, sources: list[SourceFile]) -> None:
        file = str(path)
        for line, row in _rows(path, ctx, sources):
            if len(row) != 5:
                ctx.skip("list-malformed-row", f"an ALT row has {len(row)} columns, not 5: "
                         "row skipped", line, file)
                continue
            kind = _ALT_KINDS.get(row[2]) or _ALT_KINDS.get(
                _null(row[2]).lower().replace(".", ""), NameKind.AKA)
            quality = None if row[4] == NULL else (_null(row[4]).lower() or None)
            name = Name(_null(row[3]), kind, quality)
            self.names.setdefault(row[0].strip(), []).append((line, file, name))

    def orphans(self, known: set[str], ctx: Context) -> None:
        """Report companion rows whose ent_num is not in the primary file."""
        located: list[tuple[str, list[tuple[int, str]]]] = [
            (k, [(line, file) for line, file, _ in v]) for group in (self.addresses, self.names)
            for k, v in group.items()]
        located += [(k, [(line, file) for line, file, _ in v]) for k, v in self.comments.items()]
        for ent_num, rows in located:
            if ent_num in known:
                continue
            for line, file in rows:
                ctx.report("list-orphan-row", Severity.WARNING,
                           f"ent_num {ent_num} is not in the primary file: row ignored",
                           line, file)


def _parse_remarks(text: str, vessel: bool, line: int,  # noqa: C901, FBT001, PLR0913, PLR0917 (one per fact)
                   ctx: Context, names: list[Name], identifiers: list[Identifier],
                   birth_dates: list[DateValue], nationalities: list[Country]) -> None:
    """Add the names, identifiers, birth dates and nationalities Remarks state to the lists."""
    for piece in text.rstrip(".").split("; "):
        if not piece.startswith(_FACTS):
            if "IMO" in piece:
                _imo(piece, line, ctx, identifiers, vessel=vessel)
            continue
        head, _, rest = piece.partition(" ")
        if head in {"alt.", "Alt."}:
            head, _, rest = rest.partition(" ")
        head = head.rstrip(":")  # "Alt. DOB: 10 October 1969"
        kind = _REMARK_NAME_KINDS.get(head)
        if kind is not None:
            names.append(Name(rest.strip().strip(".").strip("'"), kind, "weak"))
        elif head == "DOB":
            birth_dates.append(ctx.date(rest, line, "DOB"))
        elif head in {"nationality", "citizen"}:
            place = country(rest)
            nationalities.append(place)
            if place.code is None:
                ctx.report("list-country-unresolved", Severity.INFO,
                           f"{head} {rest!r} resolves to no country code", line)
        elif head == "Passport":
            identifiers.append(_document(IdScheme.PASSPORT, rest, piece))
        elif head == "National" and rest.startswith("ID No. "):
            identifiers.append(_document(IdScheme.NATIONAL_ID, rest[7:], piece))
        elif head == "MMSI":
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


def read_ofac(primary: Path, *, snapshot_date: dt.date | None = None) -> Snapshot:  # noqa: C901 (twelve columns)
    """Read an OFAC legacy CSV set (the primary file and the companions found beside it)."""
    ctx = Context(str(primary))
    files = companions(primary)
    sources: list[SourceFile] = []
    rows = _rows(primary, ctx, sources)
    extra = _Companions(files, ctx, sources)
    alt_names, comments, addresses = extra.names, extra.comments, extra.addresses
    entries: list[Entry] = []
    append = entries.append
    known: set[str] = set()
    subjects, vessel_type = _SUBJECTS, SubjectType.VESSEL
    for line, row in rows:
        if len(row) != _COLUMNS:
            ctx.skip("list-malformed-row", f"row has {len(row)} columns, not {_COLUMNS}: "
                     "row skipped", line)
            continue
        ent_num, name, type_text, program, title, call_sign = row[:6]
        subject = subjects.get(type_text) or subjects.get(_null(type_text).lower())
        if subject is None:
            ctx.skip("list-unknown-subject", f"SDN_Type {_null(type_text)!r} is not "
                     "individual, vessel, aircraft or -0- (entity): row skipped", line)
            continue
        ent_num = ent_num.strip()
        known.add(ent_num)
        names = [Name(name.strip())]
        more = alt_names.get(ent_num)
        if more:
            names += [n for _, _, n in more]
        remarks_raw = row[11]
        remarks = "" if remarks_raw == NULL else remarks_raw.strip()
        continued = comments.get(ent_num)
        if continued:
            remarks += "".join(text for _, _, text in continued)
        elif len(remarks_raw) == REMARKS_LIMIT:
            ctx.report("list-remarks-truncated", Severity.WARNING,
                       f"Remarks of ent_num {ent_num} stop at exactly {REMARKS_LIMIT:,} "
                       f"characters ({remarks[-30:]!r}) and no COMMENTS file continues them: "
                       "facts after the cut are missing", line)
        identifiers: list[Identifier] = []
        if call_sign != NULL and call_sign.strip():
            call_sign = call_sign.strip()
            identifiers.append(Identifier(IdScheme.CALL_SIGN, call_sign, call_sign))
        notes: list[str] = []
        if title != NULL:
            notes.append(f"Title: {_null(title)}")
        if row[6:11] != _NULL_VESSEL:
            notes.extend(f"{label}: {_null(value)}"
                         for label, value in zip(_VESSEL_COLUMNS, row[6:11], strict=True)
                         if _null(value))
        birth_dates: list[DateValue] = []
        nationalities: list[Country] = []
        if remarks:
            notes.append(remarks)
            _parse_remarks(remarks, subject is vessel_type, line, ctx, names, identifiers,
                           birth_dates, nationalities)
        located = addresses.get(ent_num)
        append(Entry(
            ent_num, subject, tuple(names), tuple(identifiers), _programs(program), None,
            tuple(nationalities), tuple(birth_dates),
            tuple(a for _, _, a in located) if located else (), tuple(notes), line,
        ))
    extra.orphans(known, ctx)
    return ctx.finish(entries, authority=AUTHORITY, list_name=_list_name(primary), fmt="ofac",
                      sources=tuple(sources), file_date=None, snapshot_date=snapshot_date)
