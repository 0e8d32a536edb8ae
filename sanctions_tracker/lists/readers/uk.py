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
import io
import re
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
# Every column the reader looks up: a file without one of them is not this list's layout.
_REQUIRED = ("Group ID", "Group Type", "Regime", "Alias Quality", "Alias Type",
             "Country", "DOB", "Listed On", "Name Non-Latin Script",
             "National Identification Number", "Nationality", "Non-Latin Script Type",
             "Other Information", "Passport Number", *_NAME_COLUMNS, *_ADDRESS_COLUMNS)


class _Group:
    """What the rows of one Group ID say, gathered before the entry is made."""

    def __init__(self, line: int, subject_text: str) -> None:
        self.line = line
        self.subject_text = subject_text
        self.names: dict[Name, None] = {}
        self.identifiers: dict[Identifier, None] = {}
        self.programs: dict[str, None] = {}
        self.listed: str = ""
        self.nationalities: dict[Country, None] = {}
        self.birth_dates: dict[DateValue, None] = {}
        self.addresses: dict[Address, None] = {}
        self.notes: dict[str, None] = {}


def _split_numbered(text: str) -> list[str]:
    """``(1) Russia (2) Ukraine`` -> ``["Russia", "Ukraine"]``; other text as one item."""
    if "(" not in text:  # most cells: empty, or one value (the split would give it back)
        one = clean(text).strip(" .,;") if text else ""
        return [one] if one else []
    return [p for p in (clean(x).strip(" .,;") for x in _NUMBERED.split(text)) if p]


def _add_row(group: _Group, row: dict[str, str], line: int, ctx: Context) -> None:  # noqa: C901, PLR0912 (per column)
    kind, quality = _KINDS.get(row["Alias Type"], (NameKind.AKA, None))
    quality = _QUALITY.get(row["Alias Quality"], quality)
    full = clean(" ".join([row[c] for c in _NAME_COLUMNS if row[c]]))
    if full:
        group.names[Name(text=full, kind=kind, quality=quality)] = None
    original = clean(row["Name Non-Latin Script"])
    if original:
        script = clean(row["Non-Latin Script Type"]) or None
        if script in _SCRIPT_SPELLING:
            ctx.report("list-script-misspelt", Severity.INFO,
                       f"script {script!r} is misspelt: read as {_SCRIPT_SPELLING[script]!r}",
                       line)
            script = _SCRIPT_SPELLING[script]
        group.names[Name(text=original, kind=kind, quality=quality, script=script)] = None
    if row["Regime"]:
        group.programs[row["Regime"]] = None
    group.listed = group.listed or row["Listed On"].strip()
    for text in _split_numbered(row["Nationality"]):
        place = country(text)
        if place not in group.nationalities and place.code is None:
            ctx.report("list-country-unresolved", Severity.INFO,
                       f"Nationality {text!r} resolves to no country code", line)
        group.nationalities[place] = None
    if row["DOB"].strip():
        for text in _split_numbered(row["DOB"]):
            value = parse_date(text)
            if value not in group.birth_dates:
                group.birth_dates[ctx.date(text, line, "DOB")] = None
    for text in _split_numbered(row["Passport Number"]):
        group.identifiers[Identifier(scheme=IdScheme.PASSPORT, value=text,
                                     raw=row["Passport Number"])] = None
    for text in _split_numbered(row["National Identification Number"]):
        group.identifiers[Identifier(scheme=IdScheme.NATIONAL_ID, value=text,
                                     raw=row["National Identification Number"])] = None
    address = ", ".join([clean(row[c]) for c in _ADDRESS_COLUMNS if row[c].strip()])
    where = clean(row["Country"]) if row["Country"] else ""
    if address or where:
        located: Country | None = country(where) if where else None
        if located is not None and located.code is None and not any(
                a.country == located for a in group.addresses):
            ctx.report("list-country-unresolved", Severity.INFO,
                       f"address country {where!r} resolves to no country code", line)
        full = ", ".join(p for p in (address, where) if p)
        group.addresses[Address(full=full, country=located)] = None
    other = row["Other Information"].strip()
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


def read_uk(path: Path, *, snapshot_date: dt.date | None = None) -> Snapshot:
    """Read the UK OFSI consolidated list CSV, one entry per Group ID."""
    text, source = read_text(path)
    ctx = Context(str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    preamble = next(reader, [])
    header = next(reader, [])
    groups: dict[str, _Group] = {}
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        ctx.skip("list-malformed-row", f"the header (line 2) lacks {', '.join(missing)}: not "
                 "an OFSI consolidated list", 2)
    else:
        width = len(header)
        last = reader.line_num
        for values in reader:
            line, last = last + 1, reader.line_num
            if len(values) != width:
                if any(v.strip() for v in values):
                    ctx.skip("list-malformed-row", f"row has {len(values)} columns, not "
                             f"{width}: row skipped", line)
                continue
            row = dict(zip(header, values, strict=True))
            group_id = row["Group ID"].strip()
            if not group_id:
                ctx.skip("list-malformed-row", "the row has no Group ID: skipped", line)
                continue
            group = groups.get(group_id)
            if group is None:
                group = groups[group_id] = _Group(line, row["Group Type"].strip())
            _add_row(group, row, line, ctx)
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
            id=group_id, subject=subject, names=tuple(group.names),
            identifiers=tuple(group.identifiers), programs=tuple(group.programs),
            listing_date=ctx.date(group.listed, group.line, "Listed On") if group.listed
            else None,
            nationalities=tuple(group.nationalities), birth_dates=tuple(group.birth_dates),
            addresses=tuple(group.addresses), notes=tuple(group.notes), line=group.line,
        ))
    return ctx.finish(entries, authority=AUTHORITY, list_name="Consolidated List", fmt="uk",
                      sources=(source,), file_date=_file_date(preamble),
                      snapshot_date=snapshot_date)
