"""UK OFSI Consolidated List CSV (the format of ``ConList.csv``).

Traps handled: a preamble line (``Last Updated,dd/mm/yyyy``, the snapshot date) before the
header; one row per name variant, grouped by ``Group ID``, and a group's rows are not contiguous
(the whole file is read before entries are made); ``00/00/yyyy`` for an unknown day and month;
``Cryillic``/``Cyrilic`` in the script column; IMO numbers inside Other Information as
``(IMO number):9999999``; nationalities numbered ``(1) Russia (2) Ukraine``.
"""

from __future__ import annotations

import csv
import datetime as dt
import operator
import re
from itertools import starmap
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Severity
from sanctions_tracker.lists.countries import country
from sanctions_tracker.lists.dates import parse_date
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
from ._lines import csv_lines, first_filled_row
from ._text import clean

if TYPE_CHECKING:
    from pathlib import Path

    from sanctions_tracker.lists.model import Snapshot

__all__ = ["read_uk"]

AUTHORITY = "GB-OFSI"
_SUBJECTS = {"Individual": SubjectType.INDIVIDUAL, "Entity": SubjectType.ENTITY,
             "Ship": SubjectType.VESSEL}
_KINDS = {"Primary name": (NameKind.PRIMARY, None),
          "Primary name variation": (NameKind.AKA, "variation"),
          "AKA": (NameKind.AKA, None), "FKA": (NameKind.FKA, None)}
_QUALITY = {"Good quality": "good", "Low quality": "low"}
_SCRIPT_SPELLING = {"Cryillic": "Cyrillic", "Cyrilic": "Cyrillic"}
_NUMBERED = re.compile(r"\(\d+\)")
_NAME_COLUMNS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
_ADDRESS_COLUMNS = ("Address 1", "Address 2", "Address 3", "Address 4", "Address 5",
                    "Address 6", "Post/Zip Code")
# The cells of a row's name, and those of its other facts, in the order they are unpacked.
_NAME_CELLS = (*_NAME_COLUMNS, "Name Non-Latin Script", "Non-Latin Script Type", "Alias Type",
               "Alias Quality")
_FACT_CELLS = ("Regime", "Listed On", "Nationality", "DOB", "Passport Number",
               "National Identification Number", *_ADDRESS_COLUMNS, "Country", "Other Information")
# Every column the reader looks up: a file without one of them is not this list's layout.
_REQUIRED = ("Group ID", "Group Type", "Regime", "Alias Quality", "Alias Type",
             "Country", "DOB", "Listed On", "Name Non-Latin Script",
             "National Identification Number", "Nationality", "Non-Latin Script Type",
             "Other Information", "Passport Number", *_NAME_COLUMNS, *_ADDRESS_COLUMNS)


# A name as its fields (text, kind, quality, script): a group's names are told apart as tuples,
# hashed and compared in C, and made into :class:`Name` records once, when the entry is made
# (1% of the instructions of reading the UK list, against a Name made and hashed per row).
_NameKey = tuple[str, NameKind, "str | None", "str | None"]


class _Group:
    """What the rows of one Group ID say, gathered before the entry is made."""

    __slots__ = ("addresses", "birth_dates", "facts", "identifiers", "line", "listed", "names",
                 "nationalities", "notes", "programs", "subject_text")

    def __init__(self, line: int, subject_text: str) -> None:
        self.line = line
        self.subject_text = subject_text
        self.names: dict[_NameKey, None] = {}
        self.identifiers: dict[Identifier, None] = {}
        self.programs: dict[str, None] = {}
        self.listed: str = ""
        self.nationalities: dict[Country, None] = {}
        self.birth_dates: dict[DateValue, None] = {}
        self.addresses: dict[Address, None] = {}
        self.notes: dict[str, None] = {}
        self.facts: set[tuple[str, ...]] = set()  # the cells of the facts already added


def _split_numbered(text: str) -> list[str]:
    """``(1) Russia (2) Ukraine`` -> ``["Russia", "Ukraine"]``; other text as one item."""
    if "(" not in text:  # most cells: one value (the split would give it back)
        one = clean(text).strip(" .,;")
        return [one] if one else []
    return [p for p in (clean(x).strip(" .,;") for x in _NUMBERED.split(text)) if p]


def _add_names(group: _Group, cells: tuple[str, ...], line: int, ctx: Context) -> None:
    """The name (and its original-script form) of one row: each row is one name variant."""
    (first, second, third, fourth, fifth, sixth, original, script_text, alias_type,
     alias_quality) = cells
    kind, quality = _KINDS.get(alias_type, (NameKind.AKA, None))
    if alias_quality:
        quality = _QUALITY.get(alias_quality, quality)
    # Empty name cells leave doubled spaces, which clean() collapses.
    full = clean(f"{first} {second} {third} {fourth} {fifth} {sixth}")
    if full:
        group.names[full, kind, quality, None] = None
    if not original:
        return
    original = clean(original)
    if original:
        script = (clean(script_text) or None) if script_text else None
        if script in _SCRIPT_SPELLING:
            ctx.report("list-script-misspelt", Severity.INFO,
                       f"script {script!r} is misspelt: read as {_SCRIPT_SPELLING[script]!r}",
                       line)
            script = _SCRIPT_SPELLING[script]
        group.names[original, kind, quality, script] = None


def _add_facts(group: _Group, cells: tuple[str, ...], line: int, ctx: Context) -> None:  # noqa: C901, PLR0912 (per column)
    """What one row says besides its name; adding the same cells twice changes nothing.

    Most of these cells are empty (passport and national id numbers on more than nine rows in
    ten): each is tested before any call is made for it.
    """
    regime, listed, nationality, dob, passport, national_id, *address_cells, where, other = cells
    if regime:
        group.programs[regime] = None
    group.listed = group.listed or listed.strip()
    if nationality:
        for text in _split_numbered(nationality):
            place = country(text)
            if place not in group.nationalities and place.code is None:
                ctx.report("list-country-unresolved", Severity.INFO,
                           f"Nationality {text!r} resolves to no country code", line)
            group.nationalities[place] = None
    if dob and not dob.isspace():
        for text in _split_numbered(dob):
            value = parse_date(text)
            if value not in group.birth_dates:
                group.birth_dates[ctx.date(text, line, "DOB")] = None
    if passport:
        for text in _split_numbered(passport):
            group.identifiers[Identifier(scheme=IdScheme.PASSPORT, value=text,
                                         raw=passport)] = None
    if national_id:
        for text in _split_numbered(national_id):
            group.identifiers[Identifier(scheme=IdScheme.NATIONAL_ID, value=text,
                                         raw=national_id)] = None
    address = ", ".join([clean(cell) for cell in filter(None, address_cells)
                         if not cell.isspace()])
    where = clean(where) if where else ""
    if address or where:
        located: Country | None = country(where) if where else None
        if located is not None and located.code is None and not any(
                a.country == located for a in group.addresses):
            ctx.report("list-country-unresolved", Severity.INFO,
                       f"address country {where!r} resolves to no country code", line)
        full = f"{address}, {where}" if address and where else address or where
        group.addresses[Address(full=full, country=located)] = None
    other = other.strip()
    if other and other not in group.notes:
        group.notes[other] = None
        if "IMO" in other:
            vessel = group.subject_text == "Ship"
            for match in IMO_IN_TEXT.finditer(other):
                ident = ctx.imo(match[0], match[1], vessel=vessel, line=line)
                group.identifiers[ident] = None


def _file_date(preamble: list[str]) -> dt.date | None:
    if len(preamble) > 1 and preamble[0].strip() == "Last Updated":
        value = parse_date(preamble[1].strip())
        if value.start is not None and len(value.start) == 10:
            return dt.date.fromisoformat(value.start)
    return None


def read_uk(path: Path, *, snapshot_date: dt.date | None = None) -> Snapshot:  # noqa: C901 (rows, then groups)
    """Read the UK OFSI consolidated list CSV, one entry per Group ID."""
    text, source = read_text(path)
    ctx = Context(str(path))
    reader = csv.reader(csv_lines(text))
    preamble = first_filled_row(reader)
    after_preamble = reader.line_num + 1
    header = [column.strip() for column in first_filled_row(reader)]
    groups: dict[str, _Group] = {}
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        line = reader.line_num if header else after_preamble
        ctx.skip("list-malformed-row", f"the header (line {line}) lacks "
                 f"{', '.join(missing)}: not an OFSI consolidated list", line)
    else:
        width = len(header)
        at = {column: index for index, column in enumerate(header)}  # the last of a repeat
        group_of, type_of = at["Group ID"], at["Group Type"]
        names_of = operator.itemgetter(*(at[column] for column in _NAME_CELLS))
        facts_of = operator.itemgetter(*(at[column] for column in _FACT_CELLS))
        last = reader.line_num
        for values in reader:
            line, last = last + 1, reader.line_num
            if len(values) != width:
                if any(v.strip() for v in values):
                    ctx.skip("list-malformed-row", f"row has {len(values)} columns, not "
                             f"{width}: row skipped", line)
                continue
            group_id = values[group_of].strip()
            if not group_id:
                ctx.skip("list-malformed-row", "the row has no Group ID: skipped", line)
                continue
            group = groups.get(group_id)
            if group is None:
                group = groups[group_id] = _Group(line, values[type_of].strip())
            _add_names(group, names_of(values), line, ctx)
            facts = facts_of(values)
            if facts not in group.facts:  # most name variants repeat their group's facts
                group.facts.add(facts)
                _add_facts(group, facts, line, ctx)
    entries: list[Entry] = []
    for group_id, group in groups.items():
        subject = _SUBJECTS.get(group.subject_text)
        if subject is None:
            ctx.skip("list-unknown-subject", f"Group Type {group.subject_text!r} of group "
                     f"{group_id} is not Individual, Entity or Ship: skipped", group.line)
            continue
        if not group.names:
            ctx.skip("list-malformed-row", f"group {group_id} has no name: skipped", group.line)
            continue
        entries.append(Entry(
            id=group_id, subject=subject, names=tuple(starmap(Name, group.names)),
            identifiers=tuple(group.identifiers), programs=tuple(group.programs),
            listing_date=ctx.date(group.listed, group.line, "Listed On") if group.listed
            else None,
            nationalities=tuple(group.nationalities), birth_dates=tuple(group.birth_dates),
            addresses=tuple(group.addresses), notes=tuple(group.notes), line=group.line,
        ))
    return ctx.finish(entries, authority=AUTHORITY, list_name="Consolidated List", fmt="uk",
                      sources=(source,), file_date=_file_date(preamble),
                      snapshot_date=snapshot_date)
