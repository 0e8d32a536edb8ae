"""Exports for other tools: FollowTheMoney entities, one JSON document, CSV files.

All three are built as values here; :mod:`sanctions_tracker.atomic_write` puts them on disk.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sanctions_tracker import __version__
from sanctions_tracker.checks.totals import figure_cells
from sanctions_tracker.model.converter import converter
from sanctions_tracker.model.records import Entity, Individual, Subject, Vessel

from .render import findings_document
from .spreadsheet import csv_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sanctions_tracker.checks import CheckResult
    from sanctions_tracker.checks.totals import Known
    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import DesignationAction

__all__ = ["CSV_FILES", "EXPORT_SCHEMA_VERSION", "export_csv", "export_ftm", "export_json"]

EXPORT_SCHEMA_VERSION = 1
#: Every file a CSV export writes: the only names it may ever replace or remove in a folder.
CSV_FILES = ("sources.csv", "designations.csv", "subjects.csv", "series.csv", "measures.csv",
             "evidence.csv")
_FTM_SCHEMA = {Vessel: "Vessel", Entity: "Organization", Individual: "Person"}


def _stable_id(*parts: str) -> str:
    """An id that depends only on the data, so that re-exports update rather than duplicate."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return f"st-{digest.hexdigest()[:20]}"


def _subject_id(subject: Subject) -> str:
    if isinstance(subject, Vessel) and subject.imo_number is not None:
        return f"st-imo-{subject.imo_number}"
    return _stable_id(_FTM_SCHEMA[type(subject)], subject.name,
                      json.dumps(converter.unstructure(subject), sort_keys=True))


def _subject_properties(subject: Subject) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {"name": [subject.name], "topics": ["sanction"]}
    if subject.aliases:
        props["alias"] = list(subject.aliases)
    extra: dict[str, object]
    if isinstance(subject, Vessel):
        extra = {"imoNumber": subject.imo_number, "flag": subject.flag, "mmsi": subject.mmsi,
                 "callSign": subject.call_sign}
    elif isinstance(subject, Entity):
        extra = {"country": subject.country}
    else:
        extra = {"nationality": subject.nationality, "birthDate": subject.birth_date}
    for name, value in extra.items():
        if value is not None:
            text = str(value)
            props[name] = [text.lower() if name in ("flag", "country", "nationality") else text]
    return props


def _sanction(dataset: Dataset, action: DesignationAction, subject_id: str) -> dict[str, Any]:
    urls = [dataset.sources[e.source].url for e in action.evidence
            if e.source in dataset.sources and dataset.sources[e.source].url]
    props: dict[str, list[str]] = {
        "entity": [subject_id],
        "authority": [action.authority],
        "country": [action.authority.lower()],
        "listingDate": [action.announced.isoformat()],
    }
    if action.effective:
        props["startDate"] = [action.effective.isoformat()]
    if action.programme:
        props["program"] = [action.programme]
    if action.reason:
        props["reason"] = [action.reason]
    if urls:
        props["sourceUrl"] = list(dict.fromkeys(u for u in urls if u))
    props["summary"] = [f"sanctions-tracker action {action.id}"]
    return {"id": _stable_id("Sanction", action.id, subject_id), "schema": "Sanction",
            "properties": props}


def export_ftm(dataset: Dataset) -> Iterator[dict[str, Any]]:
    """FollowTheMoney entities: each itemized subject, and a Sanction linking it to its action.

    Actions whose subjects are not itemized have nothing to link a Sanction to and export
    nothing; :func:`sanctions_tracker.export.export_json` keeps their stated counts.
    """
    seen: set[str] = set()  # an id is written once: a subject listed twice is one entity
    for action in dataset.actions.values():
        for subject in action.subjects:
            subject_id = _subject_id(subject)
            if subject_id not in seen:
                seen.add(subject_id)
                yield {"id": subject_id, "schema": _FTM_SCHEMA[type(subject)],
                       "properties": _subject_properties(subject)}
            sanction = _sanction(dataset, action, subject_id)
            if sanction["id"] not in seen:
                seen.add(sanction["id"])
                yield sanction


def _known(known: Known | None) -> dict[str, Any] | None:
    if known is None:
        return None
    return {"value": known.value, "basis": known.provenance.value, "how": known.how or None}


def export_json(dataset: Dataset, result: CheckResult) -> dict[str, Any]:
    """The whole dataset, the reconciled totals and the findings, in one document."""
    measures = []
    for measure in dataset.measures.values():
        t = result.totals.get(measure.id)
        measures.append({
            **converter.unstructure(measure),
            "reconciled": None if t is None else {
                "total_before": _known(t.total_before), "net_change": _known(t.net_change),
                "total_after": _known(t.total_after), "link": t.link.value,
            },
        })
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generator": f"sanctions-tracker {__version__}",
        "sources": [converter.unstructure(s) for s in dataset.sources.values()],
        "designations": [converter.unstructure(a) for a in dataset.actions.values()],
        "series": [converter.unstructure(s) for s in dataset.series.values()],
        "measures": measures,
        "check": findings_document(result.findings, failed=not result.passed),
    }


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def export_csv(dataset: Dataset, result: CheckResult) -> dict[str, str]:
    """One CSV file per record kind (file name -> text), flat columns for spreadsheets.

    Text that a spreadsheet would run as a formula (``=HYPERLINK(...)`` in a note) starts with
    ``'``; numbers stay numbers.
    """
    files: dict[str, str] = {}
    files["sources.csv"] = csv_text(
        ["id", "publisher", "title", "url", "published", "updated", "file", "sha256", "notes"],
        [{k: _flat(v) for k, v in converter.unstructure(s).items()}
         for s in dataset.sources.values()])
    files["designations.csv"] = csv_text(
        ["id", "authority", "announced", "effective", "programme", "reason", "target_countries",
         "vessels", "entities", "individuals", "itemized", "subjects_named", "date_derivation",
         "notes"],
        [{"id": a.id, "authority": a.authority, "announced": a.announced,
          "effective": a.effective, "programme": a.programme, "reason": a.reason,
          "target_countries": _flat(a.target_countries), **dict(a.stated_counts.items()),
          "itemized": a.itemized, "subjects_named": len(a.subjects),
          "date_derivation": a.date_derivation, "notes": a.notes}
         for a in dataset.actions.values()])
    files["subjects.csv"] = csv_text(
        ["action", "type", "name", "imo_number", "flag", "mmsi", "call_sign", "country",
         "nationality", "birth_date", "aliases"],
        [{"action": a.id, **{k: _flat(v) for k, v in converter.unstructure(s, Subject).items()}}
         for a in dataset.actions.values() for s in a.subjects])
    files["series.csv"] = csv_text(
        ["id", "authority", "title", "target_countries", "notes"],
        [{k: _flat(v) for k, v in converter.unstructure(s).items()}
         for s in dataset.series.values()])
    rows = []
    for m in dataset.measures.values():
        t = result.totals.get(m.id)
        row = {k: _flat(v) for k, v in converter.unstructure(m).items()
               if k not in ("evidence", "disputed")}
        if t is not None:
            row.update(figure_cells("total_before", t.total_before))
            row.update(figure_cells("total_after", t.total_after))
            row["link"] = t.link.value
        rows.append(row)
    files["measures.csv"] = csv_text(
        ["id", "series", "authority", "announced", "effective", "items_added", "items_removed",
         "net_adjustment", "adjustment_reason", "total_before", "total_before_basis",
         "total_after", "total_after_basis", "link", "date_derivation", "notes"], rows)
    files["evidence.csv"] = csv_text(
        ["record", "source", "quote", "states"],
        [{"record": r.id, "source": e.source, "quote": e.quote,
          "states": "; ".join(f"{k}={v}" for k, v in e.states.items())}
         for r in dataset.figure_records() for e in r.evidence])
    if set(files) != set(CSV_FILES):  # a new file must be declared, or re-exports refuse it
        raise AssertionError(f"CSV_FILES is out of date: {sorted(files)}")
    return files
