"""Snapshots as FollowTheMoney entities, one JSON document, or CSV rows.

FtM: each entry becomes a ``Vessel``, ``Organization``, ``Person`` or ``Airplane`` with one
``Sanction`` per programme (authority, programme, listing date, the list it comes from). Ids are
derived from the list and the entry's own stable id only, never from the snapshot's date or file
name, so that exporting two snapshots of a list gives the same id to the same subject and an
OpenSanctions-style delta between them holds only real changes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from typing import TYPE_CHECKING, Any

from .model import IdScheme, NameKind, Precision, SubjectType
from .report import entry_document, finding_document

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .model import Entry, Snapshot

__all__ = ["EXPORT_FORMATS", "entity_id", "export_csv", "export_ftm", "export_json"]

EXPORT_FORMATS = ("ftm", "json", "csv")
_SCHEMA = {SubjectType.VESSEL: "Vessel", SubjectType.ENTITY: "Organization",
           SubjectType.INDIVIDUAL: "Person", SubjectType.AIRCRAFT: "Airplane"}
_SAFE_ID = re.compile(r"[A-Za-z0-9.-]{1,64}")
_SLUG = re.compile(r"[^a-z0-9]+")
# Identifier scheme -> FtM property, by schema; registrationNumber (on every subject schema)
# takes what the schema has no property for.
_ID_PROPERTIES: dict[IdScheme, dict[str, str]] = {
    IdScheme.SHIP_IMO: {"Vessel": "imoNumber"},
    IdScheme.COMPANY_IMO: {"Organization": "imoNumber"},
    IdScheme.MMSI: {"Vessel": "mmsi"},
    IdScheme.CALL_SIGN: {"Vessel": "callSign"},
    IdScheme.PASSPORT: {"Person": "passportNumber"},
    IdScheme.NATIONAL_ID: {"Person": "idNumber", "Organization": "idNumber"},
}
_DATED = {Precision.EXACT, Precision.MONTH, Precision.YEAR, Precision.CIRCA}


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def entity_id(snapshot: Snapshot, entry: Entry) -> str:
    """The FtM id of an entry: the list's slug and the entry id (hashed when not id-safe).

    FtM exports keep their own ids. Nothing here depends on the snapshot's date or file.
    """
    if snapshot.format == "ftm":
        return entry.id
    prefix = _slug(f"{snapshot.authority} {snapshot.list_name}")
    if _SAFE_ID.fullmatch(entry.id):
        return f"{prefix}-{entry.id}"
    digest = hashlib.sha1(entry.id.encode(), usedforsecurity=False).hexdigest()[:20]
    return f"{prefix}-{digest}"


def _properties(entry: Entry, schema: str) -> dict[str, list[str]]:  # noqa: C901, PLR0912 (per field)
    props: dict[str, list[str]] = {}

    def add(prop: str, value: str | None) -> None:
        if value and value not in props.setdefault(prop, []):
            props[prop].append(value)

    for name in entry.names:
        if name.kind is NameKind.FKA:
            add("previousName", name.text)
        elif name.kind is NameKind.AKA:
            add("weakAlias" if name.quality in {"weak", "low"} else "alias", name.text)
        else:
            add("name", name.text)
    for ident in entry.identifiers:
        if ident.valid is False:
            add("notes", f"{ident.scheme.value} {ident.value} (fails its check digit)")
            continue
        add(_ID_PROPERTIES.get(ident.scheme, {}).get(schema, "registrationNumber"), ident.value)
    for place in entry.nationalities:
        add("nationality" if schema == "Person" else "country",
            place.code.lower() if place.code else None)
    if schema == "Person":
        for date in entry.birth_dates:
            if date.precision in _DATED:
                add("birthDate", date.start)
            elif date.precision is Precision.RANGE:
                add("birthDate", date.start)
                add("birthDate", date.end)
    for address in entry.addresses:
        add("address", address.full)
    for note in entry.notes:
        add("notes", note)
    for program in entry.programs:
        add("program", program)
    return {k: v for k, v in props.items() if v}


def _entities(snapshot: Snapshot) -> Iterator[dict[str, Any]]:
    listing = None
    for entry in snapshot.entries:
        schema = _SCHEMA[entry.subject]
        subject_id = entity_id(snapshot, entry)
        yield {"id": subject_id, "schema": schema, "properties": _properties(entry, schema)}
        listing = entry.listing_date
        for program in entry.programs:
            props: dict[str, list[str]] = {
                "entity": [subject_id], "authority": [snapshot.authority],
                "program": [program], "recordId": [entry.id],
                "summary": [f"{snapshot.authority} {snapshot.list_name}"],
            }
            if listing is not None and listing.start and listing.precision in _DATED:
                props["listingDate"] = [listing.start]
            sanction_id = hashlib.sha1(f"{subject_id}\0{program}".encode(),
                                       usedforsecurity=False).hexdigest()[:24]
            yield {"id": f"{subject_id}-sanction-{sanction_id}", "schema": "Sanction",
                   "properties": props}


def export_ftm(snapshot: Snapshot) -> Iterator[str]:
    """FtM entity JSON lines: the subjects and their sanctions, in entry order."""
    for entity in _entities(snapshot):
        yield json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n"


def export_json(snapshot: Snapshot) -> str:
    """One JSON document: what the snapshot is, every entry, and the findings."""
    document = {
        "authority": snapshot.authority, "list": snapshot.list_name,
        "format": snapshot.format,
        "snapshot_date": snapshot.snapshot_date.isoformat() if snapshot.snapshot_date else None,
        "date_source": snapshot.date_source.value,
        "sources": [{"file": s.name, "sha256": s.sha256} for s in snapshot.sources],
        "read": snapshot.read, "skipped": snapshot.skipped, "deleted": list(snapshot.deleted),
        "entries": [entry_document(e) for e in snapshot.entries],
        "findings": [finding_document(f) for f in snapshot.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_csv(snapshot: Snapshot) -> str:
    """One row per entry; several values in one cell are joined with ``; ``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "subject", "name", "aliases", "programmes", "listing_date",
                     "ship_imo", "company_imo", "other_identifiers", "nationalities",
                     "birth_dates", "addresses"])
    for e in snapshot.entries:
        by_scheme: dict[IdScheme, list[str]] = {}
        for ident in e.identifiers:
            by_scheme.setdefault(ident.scheme, []).append(ident.value)
        others = [f"{i.scheme.value}: {i.value}" for i in e.identifiers
                  if i.scheme not in {IdScheme.SHIP_IMO, IdScheme.COMPANY_IMO}]
        writer.writerow([
            e.id, e.subject.value, e.caption,
            "; ".join(n.text for n in e.names if n.text != e.caption),
            "; ".join(e.programs), e.listing_date.raw if e.listing_date else "",
            "; ".join(by_scheme.get(IdScheme.SHIP_IMO, ())),
            "; ".join(by_scheme.get(IdScheme.COMPANY_IMO, ())), "; ".join(others),
            "; ".join(c.code or c.raw for c in e.nationalities),
            "; ".join(d.raw for d in e.birth_dates), "; ".join(a.full for a in e.addresses),
        ])
    return buffer.getvalue()
