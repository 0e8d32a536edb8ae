"""EU Official Journal annex tables, in the tabular layout OpenSanctions publishes.

One CSV per regulation (``celex``), one row per listed subject, with the annex it is in. Traps
handled: ``recordId`` restarts in every annex (the entry id is ``annex/recordId``) and is empty on
some rows (the id is then ``annex/name``, with an info finding); ``imoNumber`` holds ship numbers
on Vessel rows and company numbers on Company rows (the row's schema decides the check digit);
the same ship listed twice; ``d.m.yyyy`` and ``9 August 2025`` dates; several birth dates joined
with ``or``; aliases joined with ``;``.
"""

from __future__ import annotations

import csv
import io
import operator
import re
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Severity
from sanctions_tracker.lists.countries import country
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
from ._text import clean, script_of

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from sanctions_tracker.lists.model import Snapshot

__all__ = ["read_eu"]

AUTHORITY = "EU"
_SUBJECTS = {
    "Person": SubjectType.INDIVIDUAL,
    "Vessel": SubjectType.VESSEL,
    "Airplane": SubjectType.AIRCRAFT,
    "LegalEntity": SubjectType.ENTITY,
    "Company": SubjectType.ENTITY,
    "Organization": SubjectType.ENTITY,
    "Asset": SubjectType.ENTITY,
}
# The kind and quality of the names of the alias, weakAlias and previousName columns.
_NAME_KINDS = ((NameKind.AKA, None), (NameKind.AKA, "weak"), (NameKind.FKA, None))
_ID_COLUMNS = (("passportNumber", IdScheme.PASSPORT), ("idNumber", IdScheme.NATIONAL_ID),
               *((c, IdScheme.OTHER) for c in ("registrationNumber", "taxNumber", "innCode",
                                               "ogrnCode", "kppCode", "okpoCode", "leiCode",
                                               "swiftBic")))
_OR = re.compile(r"\s*(?:\(or\s+([^)]*)\)|\bor\b|;)\s*")
_NATIONALITY_SPLIT = re.compile(r"\s*(?:[,;]|\band/or\b|\band\b)\s*")
# Every column the reader looks up, in the order :func:`_entry` unpacks them.
_REQUIRED = ("celex", "recordId", "programKey", "annex", "measure", "startDate", "schema", "name",
             "alias", "weakAlias", "previousName", "nationality", "country", "birthDate",
             "position", "imoNumber", "mmsi", "address", "reason", "notes")


def _split(text: str) -> list[str]:
    return [part for part in (clean(p) for p in text.split(";")) if part]


def _birth_dates(text: str, line: int, ctx: Context) -> tuple[DateValue, ...]:
    """Each date of ``6.7.1993 or 6.7.1991`` / ``10.2.1983 (or 10.3.1983)``; others kept raw."""
    parts = [p for p in _OR.split(text) if p and p.strip()]
    return tuple(ctx.date(p.strip(), line, "birthDate") for p in parts)


def _entry(values: list[str], columns: _Columns, line: int,  # noqa: C901, PLR0912 (per column)
           ctx: Context) -> Entry | None:
    (_, record, program, annex, measure, start, schema, name, alias, weak, previous,
     nationality, where, born, position, imo, mmsi, address, reason, note) = columns.used(values)
    subject = _SUBJECTS.get(schema)
    if subject is None:
        ctx.skip("list-unknown-subject", f"schema {schema!r} is not a subject this tool "
                 "reads (Person, Vessel, Airplane, LegalEntity, Company, Organization, Asset): "
                 "row skipped", line)
        return None
    name = clean(name)
    if not name:
        ctx.skip("list-malformed-row", "the row has no name: skipped", line)
        return None
    record = record.strip()
    if record:
        entry_id = f"{annex}/{record}"
    else:
        entry_id = f"{annex}/{name}"
        ctx.report("list-missing-id", Severity.INFO,
                   f"the row has no recordId: its entry id is {entry_id!r}", line)
    names = [Name(name, NameKind.PRIMARY, None, script_of(name))]
    for text, (kind, quality) in zip((alias, weak, previous), _NAME_KINDS, strict=True):
        if text:
            names += [Name(a, kind, quality, script_of(a)) for a in _split(text)]
    identifiers: list[Identifier] = []
    number = imo.strip()
    if number:
        identifiers.append(ctx.imo(number, number, vessel=subject is SubjectType.VESSEL,
                                   line=line))
    number = mmsi.strip()
    if number:
        identifiers.append(Identifier(IdScheme.MMSI, number, mmsi))
    for column, scheme, index in columns.ids:
        raw = values[index]
        if raw:
            label = f"{column}: {raw}" if scheme is IdScheme.OTHER else raw
            identifiers += [Identifier(scheme, p, label) for p in _split(raw)]
    nationalities: list[Country] = []
    for column, value in (("nationality", nationality), ("country", where)):
        if not value:
            continue
        for text in _NATIONALITY_SPLIT.split(value):
            if text.strip():
                place = country(text)
                if place.code is None:
                    ctx.report("list-country-unresolved", Severity.INFO,
                               f"{column} {text!r} resolves to no country code", line)
                nationalities.append(place)
    start = start.strip()
    notes = [f"Annex {annex}: {measure}"]
    if schema == "Asset":
        notes.append("EU schema: Asset")
    notes += [clean(text) for text in (position, reason, note) if text]
    return Entry(
        entry_id, subject, tuple(names), tuple(identifiers),
        (program,) if program else (),
        ctx.date(start, line, "startDate") if start else None,
        tuple(nationalities),
        _birth_dates(born, line, ctx) if born else (),
        tuple(Address(a) for a in _split(address)) if address else (),
        tuple(notes), line,
    )


class _Columns:
    """Where the columns this reader uses are in a file's header (the last of a repeated one)."""

    def __init__(self, header: list[str]) -> None:
        at = {column: index for index, column in enumerate(header)}
        self.celex = at["celex"]
        self.used = operator.itemgetter(*(at[column] for column in _REQUIRED))
        self.ids = [(column, scheme, at[column]) for column, scheme in _ID_COLUMNS
                    if column in at]


def read_eu(path: Path, *, snapshot_date: dt.date | None = None) -> Snapshot:
    """Read one EU OJ table (one regulation's annexes)."""
    text, source = read_text(path)
    ctx = Context(str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    missing = [c for c in _REQUIRED if c not in header]
    entries: list[Entry] = []
    celex = ""
    if missing:
        ctx.skip("list-malformed-row", f"the header lacks {', '.join(missing)}: not an EU OJ "
                 "table", 1)
    else:
        last = reader.line_num
        width = len(header)
        columns = _Columns(header)
        for values in reader:
            line, last = last + 1, reader.line_num
            if len(values) != width:
                if values:
                    ctx.skip("list-malformed-row", f"row has {len(values)} columns, not "
                             f"{width}: row skipped", line)
                continue
            celex = celex or values[columns.celex]
            entry = _entry(values, columns, line, ctx)
            if entry is not None:
                entries.append(entry)
    return ctx.finish(entries, authority=AUTHORITY, list_name=f"CELEX {celex}".strip(),
                      fmt="eu", sources=(source,), file_date=None, snapshot_date=snapshot_date)
