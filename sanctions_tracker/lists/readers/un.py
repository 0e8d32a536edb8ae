"""UN Security Council Consolidated List XML (``sc-sanctions.xsd``).

Traps handled: REFERENCE_NUMBERs with a trailing space (the id is the trimmed number, with an
info finding), empty ``<ALIAS_NAME/>`` elements (no name), ``LISTED_ON`` with a UTC offset
(``2015-07-01-04:00``: the offset is set aside, never read as a time), birth dates given as a
year, an approximate year, a range of years or a free-text note, names in original script.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError
from sanctions_tracker.findings import Severity
from sanctions_tracker.lists.countries import country
from sanctions_tracker.lists.dates import has_offset
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
    Precision,
    SubjectType,
)

from ._base import Context, read_bytes
from ._text import clean, script_of

if TYPE_CHECKING:
    from pathlib import Path

    from sanctions_tracker.lists.model import Snapshot

__all__ = ["read_un"]

AUTHORITY = "UN-SC"
_START = re.compile(rb"<(INDIVIDUAL|ENTITY)>")
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_QUALITY = {"Good": "good", "Low": "low"}
_ADDRESS_PARTS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE")


def _lines(data: bytes) -> list[int]:
    """The line of each ``<INDIVIDUAL>``/``<ENTITY>`` start tag, in document order.

    Lines end at CR LF, CR or LF (a file saved with CR line ends is still the list).
    """
    lines: list[int] = []
    line, pos = 1, 0
    # One byte ends each line unless lone CRs and LFs are mixed (then CR LF counts once).
    crs = data.count(b"\r")
    mixed = 0 < crs != data.count(b"\r\n") and b"\n" in data
    end = b"\r" if crs and not mixed and b"\n" not in data else b"\n"
    for match in _START.finditer(data):
        at = match.start()
        line += data.count(end, pos, at)
        if mixed:
            line += data.count(b"\r", pos, at) - data.count(b"\r\n", pos, at)
        pos = at
        lines.append(line)
    return lines


def _text(element: ET.Element, tag: str) -> str:
    text = element.findtext(tag)
    return clean(text) if text else ""


def _countries(record: ET.Element, tag: str, line: int, ctx: Context) -> tuple[Country, ...]:
    found: list[Country] = []
    for holder in record.findall(tag):
        for value in holder.findall("VALUE"):
            if value.text and value.text.strip():
                place = country(value.text)
                if place.code is None:
                    ctx.report("list-country-unresolved", Severity.INFO,
                               f"nationality {place.raw!r} resolves to no country code", line)
                found.append(place)
    return tuple(found)


def _birth_dates(record: ET.Element, line: int, ctx: Context) -> tuple[DateValue, ...]:
    dates: list[DateValue] = []
    for item in record.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        kind = _text(item, "TYPE_OF_DATE")
        date, year, note = _text(item, "DATE"), _text(item, "YEAR"), _text(item, "NOTE")
        first, last = _text(item, "FROM_YEAR"), _text(item, "TO_YEAR")
        if first and last:
            dates.append(DateValue(raw=f"{first} to {last}", precision=Precision.RANGE,
                                   start=first, end=last))
        elif date or year:
            value = ctx.date(date or year, line, "date of birth")
            if kind == "APPROXIMATELY" and value.start is not None:
                value = DateValue(raw=f"approximately {value.raw}", precision=Precision.CIRCA,
                                  start=value.start)
            dates.append(value)
        elif note:
            dates.append(ctx.date(note, line, "date of birth"))
    return tuple(dates)


def _documents(record: ET.Element) -> list[Identifier]:
    found: list[Identifier] = []
    for doc in record.findall("INDIVIDUAL_DOCUMENT"):
        number = _text(doc, "NUMBER")
        if not number:
            continue
        kind = _text(doc, "TYPE_OF_DOCUMENT").lower()
        scheme = (IdScheme.PASSPORT if "pass" in kind
                  else IdScheme.NATIONAL_ID if "national" in kind else IdScheme.OTHER)
        issuer = _text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE") or None
        found.append(Identifier(scheme=scheme, value=number, raw=number, country=issuer))
    return found


def _addresses(record: ET.Element, tag: str, line: int, ctx: Context) -> tuple[Address, ...]:
    found: list[Address] = []
    for item in record.findall(tag):
        parts = [p for p in (_text(item, t) for t in _ADDRESS_PARTS) if p]
        where = _text(item, "COUNTRY")
        place = country(where) if where else None
        if place is not None and place.code is None:
            ctx.report("list-country-unresolved", Severity.INFO,
                       f"address country {where!r} resolves to no country code", line)
        if where:
            parts.append(where)
        if parts:
            found.append(Address(full=", ".join(parts), country=place))
    return tuple(found)


def _entry(record: ET.Element, line: int, ctx: Context) -> Entry | None:
    individual = record.tag == "INDIVIDUAL"
    raw_ref = record.findtext("REFERENCE_NUMBER") or ""
    ref = raw_ref.strip()
    if not ref:
        ctx.skip("list-malformed-row", "the record has no REFERENCE_NUMBER: skipped", line)
        return None
    if raw_ref != ref:
        ctx.report("list-id-whitespace", Severity.INFO,
                   f"REFERENCE_NUMBER {raw_ref!r} has surrounding spaces: read as {ref!r}",
                   line)
    primary = " ".join(p for p in (_text(record, t) for t in _NAME_PARTS) if p)
    names = [Name(text=primary)] if primary else []
    original = _text(record, "NAME_ORIGINAL_SCRIPT")
    if original:
        names.append(Name(text=original, script=script_of(original)))
    for alias in record.findall("INDIVIDUAL_ALIAS" if individual else "ENTITY_ALIAS"):
        text = _text(alias, "ALIAS_NAME")
        if not text:
            continue  # the list writes an empty alias element for "no alias"
        quality = _text(alias, "QUALITY")
        kind = NameKind.FKA if quality == "f.k.a." else NameKind.AKA
        names.append(Name(text=text, kind=kind, quality=_QUALITY.get(quality),
                          script=script_of(text)))
    if not names:
        ctx.skip("list-malformed-row", f"record {ref} has no name: skipped", line)
        return None
    listed_raw = _text(record, "LISTED_ON")
    listing = None
    if listed_raw:
        listing = ctx.date(listed_raw, line, "LISTED_ON")
        if has_offset(listed_raw):
            ctx.report("list-date-offset", Severity.INFO,
                       f"LISTED_ON {listed_raw!r} carries a UTC offset: read as the date "
                       f"{listing.start}, not as a time", line)
    comments = _text(record, "COMMENTS1")
    identifiers = _documents(record) if individual else []
    if comments and "IMO" in comments:
        identifiers.extend(ctx.imo(m[0], m[1], vessel=False, line=line)
                           for m in IMO_IN_TEXT.finditer(comments))
    return Entry(
        id=ref,
        subject=SubjectType.INDIVIDUAL if individual else SubjectType.ENTITY,
        names=tuple(names),
        identifiers=tuple(identifiers),
        programs=tuple(p for p in (_text(record, "UN_LIST_TYPE"),) if p),
        listing_date=listing,
        nationalities=_countries(record, "NATIONALITY", line, ctx) if individual else (),
        birth_dates=_birth_dates(record, line, ctx) if individual else (),
        addresses=_addresses(record, "INDIVIDUAL_ADDRESS" if individual else "ENTITY_ADDRESS",
                             line, ctx),
        notes=(comments,) if comments else (),
        line=line,
    )


def read_un(path: Path, *, snapshot_date: dt.date | None = None) -> Snapshot:
    """Read the UN consolidated list XML."""
    data, source = read_bytes(path)
    try:
        root = ET.fromstring(data)  # noqa: S314 (expat >= 2.4.1 limits entity expansion; no DTD fetch)
    except ET.ParseError as exc:
        raise InputError(f"{path}:{exc.position[0]}: not well-formed XML ({exc}): the file is "
                         "damaged or not the UN list") from None
    ctx = Context(str(path))
    lines = _lines(data)
    records = [r for group in root for r in group if r.tag in {"INDIVIDUAL", "ENTITY"}]
    entries: list[Entry] = []
    for index, record in enumerate(records):
        line = lines[index] if index < len(lines) else 1
        entry = _entry(record, line, ctx)
        if entry is not None:
            entries.append(entry)
    generated = root.get("dateGenerated", "")
    file_date = None
    if generated[:10]:
        try:
            file_date = dt.date.fromisoformat(generated[:10])
        except ValueError:
            file_date = None
    return ctx.finish(entries, authority=AUTHORITY, list_name="Consolidated List", fmt="un",
                      sources=(source,), file_date=file_date, snapshot_date=snapshot_date)
