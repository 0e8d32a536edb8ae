"""FollowTheMoney JSON lines: OpenSanctions entity exports and delta files.

Subjects are the entities of schema Person, Vessel, Airplane and the organisation schemata;
``Sanction`` entities give their programmes and listing dates, ``Address`` entities their
addresses, ``Passport``/``Identification`` their documents. A delta file holds
``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}`` lines: ADD and MOD entities are read as entries,
DEL ids are kept in ``Snapshot.deleted``. The delta index (``delta.json``) lists versions only.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sanctions_tracker.errors import InputError
from sanctions_tracker.findings import Severity
from sanctions_tracker.lists.countries import country
from sanctions_tracker.lists.model import (
    Address,
    Country,
    Entry,
    Identifier,
    IdScheme,
    Name,
    NameKind,
    SubjectType,
)

from ._base import Context, read_text
from ._lines import LINE_BREAK
from ._text import script_of

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sanctions_tracker.lists.model import DateValue, Snapshot

__all__ = ["SUBJECT_SCHEMATA", "read_ftm"]

AUTHORITY = "OpenSanctions"
LIST_NAME = "FollowTheMoney entities"
SUBJECT_SCHEMATA = {
    "Person": SubjectType.INDIVIDUAL,
    "Vessel": SubjectType.VESSEL,
    "Airplane": SubjectType.AIRCRAFT,
    "Organization": SubjectType.ENTITY,
    "Company": SubjectType.ENTITY,
    "LegalEntity": SubjectType.ENTITY,
    "PublicBody": SubjectType.ENTITY,
}
_NAMES = (("name", NameKind.PRIMARY, None), ("alias", NameKind.AKA, None),
          ("weakAlias", NameKind.AKA, "weak"), ("previousName", NameKind.FKA, None))
_IDS = (("mmsi", IdScheme.MMSI), ("callSign", IdScheme.CALL_SIGN),
        ("passportNumber", IdScheme.PASSPORT), ("idNumber", IdScheme.NATIONAL_ID),
        ("registrationNumber", IdScheme.OTHER), ("innCode", IdScheme.OTHER),
        ("ogrnCode", IdScheme.OTHER), ("taxNumber", IdScheme.OTHER))
_DOCUMENTS = {"Passport": IdScheme.PASSPORT, "Identification": IdScheme.NATIONAL_ID}

Props = dict[str, list[str]]


def _damage(record: dict[str, Any]) -> str | None:
    """What makes an entity unreadable, if anything (FtM: every value is a list of strings).

    A value of another shape was dropped, or written as Python's repr of a dict, without a
    word: an entity whose ``name`` was a bare string was read with no name.
    """
    schema = record.get("schema")
    if not isinstance(schema, str):
        return f'schema is a {_kind(schema)}, not a schema name such as "Person"'
    props = record.get("properties", {})
    if not isinstance(props, dict):
        return f"properties is a {_kind(props)}, not an object"
    for key, values in props.items():
        if not isinstance(values, list):
            return f"property {key!r} is a {_kind(values)}, not a list of strings"
        wrong = next((v for v in values if not isinstance(v, str)), None)
        if wrong is not None:
            return f"property {key!r} holds a {_kind(wrong)}, not only strings"
    return None


def _props(record: dict[str, Any]) -> Props:
    props: Props = record.get("properties", {})
    return props


def _datasets(record: dict[str, Any]) -> set[str]:
    names = record.get("datasets")
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else set()


def _report_not_targets(ctx: Context, lines: list[int]) -> None:
    if lines:
        many = f"{len(lines):,} entities are" if len(lines) > 1 else "1 entity is"
        ctx.report("list-not-target", Severity.INFO,
                   f'{many} marked "target": false (related parties, not sanctioned): not '
                   "read as entries", lines[0])


def _kind(value: object) -> str:
    kinds = {dict: "JSON object", list: "list", str: "string", bool: "true/false",
             type(None): "null", int: "number", float: "number"}
    return kinds.get(type(value), type(value).__name__)


class _Related:
    """Sanctions, addresses and documents by the id of the subject they belong to."""

    def __init__(self) -> None:
        self.sanctions: dict[str, list[Props]] = {}
        self.addresses: dict[str, str] = {}
        self.documents: dict[str, list[tuple[IdScheme, Props]]] = {}

    def add(self, schema: str, entity_id: str, props: Props) -> None:
        if schema == "Sanction":
            for subject in props.get("entity", ()):
                self.sanctions.setdefault(subject, []).append(props)
        elif schema == "Address":
            full = props.get("full") or props.get("street") or []
            if full:
                self.addresses[entity_id] = full[0]
        elif schema in _DOCUMENTS:
            for holder in props.get("holder", ()):
                self.documents.setdefault(holder, []).append((_DOCUMENTS[schema], props))


def _entry(entity_id: str, subject: SubjectType, props: Props, related: _Related,  # noqa: PLR0913, PLR0917
           line: int, ctx: Context) -> Entry:
    names = [Name(text=text, kind=kind, quality=quality, script=script_of(text))
             for prop, kind, quality in _NAMES for text in props.get(prop, ())]
    identifiers: list[Identifier] = []
    for number in props.get("imoNumber", ()):
        digits = number.upper().removeprefix("IMO").strip()
        identifiers.append(ctx.imo(number, digits, vessel=subject is SubjectType.VESSEL,
                                   line=line))
    identifiers.extend(Identifier(scheme=scheme, value=v, raw=v)
                       for prop, scheme in _IDS for v in props.get(prop, ()))
    for scheme, doc in related.documents.get(entity_id, ()):
        identifiers.extend(Identifier(scheme=scheme, value=n, raw=n,
                                      country=next(iter(doc.get("country", ())), None))
                           for n in doc.get("number", ()))
    programs: dict[str, None] = {}
    listed: list[str] = []
    for sanction in related.sanctions.get(entity_id, ()):
        for program in sanction.get("program", ()) or sanction.get("authority", ()):
            programs[program] = None
        listed.extend(sanction.get("listingDate", ()) or sanction.get("startDate", ()))
    listing: DateValue | None = None
    if listed:
        listing = ctx.date(min(listed), line, "listingDate")
    nationalities: list[Country] = []
    for code in (*props.get("nationality", ()), *props.get("country", ())):
        place = country(code)
        if place.code is None:
            ctx.report("list-country-unresolved", Severity.INFO,
                       f"country {code!r} resolves to no country code", line)
        if place not in nationalities:
            nationalities.append(place)
    addresses = [Address(full=a) for a in props.get("address", ())]
    addresses.extend(Address(full=related.addresses[a]) for a in props.get("addressEntity", ())
                     if a in related.addresses)
    return Entry(
        id=entity_id, subject=subject, names=tuple(names), identifiers=tuple(identifiers),
        programs=tuple(programs), listing_date=listing, nationalities=tuple(nationalities),
        birth_dates=tuple(ctx.date(d, line, "birthDate") for d in props.get("birthDate", ())),
        addresses=tuple(addresses), notes=tuple(props.get("notes", ())), line=line,
    )


def _index(path: Path, text: str, ctx: Context) -> int:
    try:
        versions = json.loads(text).get("versions", {})
    except (ValueError, AttributeError):  # ValueError: not JSON, or a 4,300-digit integer
        versions = None
    if not isinstance(versions, dict):
        raise InputError(
            f"{path}: not a JSON delta index (an object of versions): if it is a list, name its "
            "format with `--list-format`")
    ctx.report("list-delta-index", Severity.INFO,
               f"an index of {len(versions)} delta versions, not a list of entities: read "
               "the *.entities.delta.json files it names", 1)
    return len(versions)


class _Lines:
    """The entity records of the lines, unwrapped from delta operations; DEL ids kept aside."""

    def __init__(self) -> None:
        self.deleted: list[str] = []
        self.delta = False

    def entities(self, text: str, ctx: Context) -> Iterator[tuple[int, dict[str, Any]]]:
        # Lines end at CR, LF or CR LF only: JSON strings may hold U+2028 or U+0085 as they
        # are, where str.splitlines would cut them.
        for number, raw in enumerate(LINE_BREAK.split(text), start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError as exc:  # not JSON, or an integer beyond json's 4,300 digits
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                ctx.skip("list-malformed-row", f"not a JSON object ({reason}): line skipped",
                         number)
                continue
            except RecursionError:  # json recurses on nested values
                ctx.skip("list-malformed-row", "nested too deeply to be an entity: line "
                         "skipped", number)
                continue
            if isinstance(record, dict) and "op" in record:
                self.delta = True
                op = record.get("op")
                record = record.get("entity")
                if op == "DEL":
                    if isinstance(record, dict) and isinstance(record.get("id"), str):
                        self.deleted.append(record["id"])
                    continue
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                ctx.skip("list-malformed-row", "a line without an entity id: skipped", number)
                continue
            yield number, record


def read_ftm(path: Path, *, snapshot_date: dt.date | None = None,
             index: bool = False) -> Snapshot:
    """Read FtM entity lines or a delta file (``index``: a delta version index)."""
    text, source = read_text(path)
    ctx = Context(str(path))
    if index:
        _index(path, text, ctx)
        return ctx.finish([], authority=AUTHORITY, list_name=LIST_NAME, fmt="ftm",
                          sources=(source,), file_date=None, snapshot_date=snapshot_date)
    related = _Related()
    subjects: list[tuple[int, str, SubjectType, Props]] = []
    changed: list[str] = []
    not_targets: list[int] = []
    datasets: set[str] = set()
    scope: set[str] | None = None  # the datasets named by every subject so far
    lines = _Lines()
    for number, record in lines.entities(text, ctx):
        damage = _damage(record)
        if damage is not None:
            ctx.skip("list-malformed-row", f"entity {record['id']!r}: {damage}: skipped", number)
            continue
        schema, entity_id, props = record["schema"], record["id"], _props(record)
        stamp = record.get("last_change") or record.get("last_seen")
        if isinstance(stamp, str):
            changed.append(stamp[:10])
        subject = SUBJECT_SCHEMATA.get(schema)
        if subject is not None and record.get("target") is False:
            not_targets.append(number)  # a related party (owner, director), not listed
        elif subject is not None:
            subjects.append((number, entity_id, subject, props))
            datasets.update(_datasets(record))
            scope = _datasets(record) if scope is None else scope & _datasets(record)
        else:
            related.add(schema, entity_id, props)
    _report_not_targets(ctx, not_targets)
    entries = [_entry(entity_id, subject, props, related, number, ctx)
               for number, entity_id, subject, props in subjects]
    file_date = None
    if changed:
        try:
            file_date = dt.date.fromisoformat(max(changed))
        except ValueError:
            file_date = None
    return ctx.finish(entries, authority=AUTHORITY, list_name=LIST_NAME, fmt="ftm",
                      sources=(source,), file_date=file_date, snapshot_date=snapshot_date,
                      deleted=tuple(lines.deleted), delta=lines.delta,
                      datasets=tuple(sorted(datasets)),
                      scope=tuple(sorted(scope or ())))
