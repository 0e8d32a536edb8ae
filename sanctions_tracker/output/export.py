"""Exports for other tools: FollowTheMoney entities, one JSON document, CSV files.

All three are built as values here; :mod:`sanctions_tracker.atomic_write` puts them on disk.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sanctions_tracker import __version__
from sanctions_tracker.checks.citations import (
    evidence_level,
    figure_levels,
    levels_text,
    subject_levels,
)
from sanctions_tracker.checks.totals import figure_cells
from sanctions_tracker.model.converter import converter
from sanctions_tracker.model.records import (
    DesignationAction,
    Entity,
    Individual,
    Subject,
    Vessel,
    stated_text,
)

from .render import findings_document
from .spreadsheet import csv_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sanctions_tracker.checks import CheckResult
    from sanctions_tracker.checks.totals import Known
    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import Evidence, ExportControlMeasure

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


#: What a subject says about its sources, not about who it is: left out of its id.
_NOT_IDENTITY = ("evidence", "disputed", "notes")


def _identity(subject: Subject) -> dict[str, Any]:
    return {k: v for k, v in converter.unstructure(subject).items() if k not in _NOT_IDENTITY}


def _subject_id(subject: Subject) -> str:
    if isinstance(subject, Vessel) and subject.imo_number is not None:
        return f"st-imo-{subject.imo_number}"
    if isinstance(subject, Entity) and subject.imo_number is not None:
        return f"st-company-imo-{subject.imo_number}"
    return _stable_id(_FTM_SCHEMA[type(subject)], subject.name,
                      json.dumps(_identity(subject), sort_keys=True))


def _subject_properties(subject: Subject) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {"name": [subject.name], "topics": ["sanction"]}
    if subject.aliases:
        props["alias"] = list(subject.aliases)
    extra: dict[str, object]
    if isinstance(subject, Vessel):
        extra = {"imoNumber": subject.imo_number, "flag": subject.flag, "mmsi": subject.mmsi,
                 "callSign": subject.call_sign}
    elif isinstance(subject, Entity):
        extra = {"country": subject.country, "imoNumber": subject.imo_number}
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
            "evidence_levels": figure_levels(measure, result.verified),
            "reconciled": None if t is None else {
                "total_before": _known(t.total_before), "net_change": _known(t.net_change),
                "total_after": _known(t.total_after), "link": t.link.value,
                "adds_up": t.adds_up, "breaks": list(t.breaks),
            },
        })
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generator": f"sanctions-tracker {__version__}",
        "sources": [converter.unstructure(s) for s in dataset.sources.values()],
        "designations": [
            {**converter.unstructure(a), "evidence_levels": figure_levels(a, result.verified),
             "subject_evidence_levels": [subject_levels(a.id, i, s, result.listed)
                                         for i, s in enumerate(a.subjects)]}
            for a in dataset.actions.values()],
        "series": [converter.unstructure(s) for s in dataset.series.values()],
        "measures": measures,
        "check": findings_document(result.findings, failed=not result.passed),
    }


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def _evidence_rows(dataset: Dataset) -> Iterator[tuple[DesignationAction | ExportControlMeasure,
                                                       tuple[str | int, ...], Evidence,
                                                       str | None]]:
    """Every evidence item with its record, its path, and the name of its subject, if any."""
    for record, path, item in dataset.all_evidence():
        subject = (record.subjects[int(path[1])].name
                   if path[0] == "subjects" and isinstance(record, DesignationAction) else None)
        yield record, path, item, subject


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
        ["id", "authority", "announced", "promulgated", "effective", "expected", "programme",
         "reason", "target_countries", "vessels", "entities", "individuals", "itemized",
         "subjects_named", "evidence", "date_derivation", "notes"],
        [{"id": a.id, "authority": a.authority, "announced": a.announced,
          "promulgated": a.promulgated, "effective": a.effective, "expected": a.expected,
          "programme": a.programme, "reason": a.reason,
          "target_countries": _flat(a.target_countries), **dict(a.stated_counts.items()),
          "itemized": a.itemized, "subjects_named": len(a.subjects),
          "evidence": levels_text(figure_levels(a, result.verified)),
          "date_derivation": a.date_derivation, "notes": a.notes}
         for a in dataset.actions.values()])
    files["subjects.csv"] = csv_text(
        ["action", "type", "name", "imo_number", "imo_scheme", "flag", "mmsi", "call_sign",
         "country", "nationality", "birth_date", "aliases", "evidence", "notes"],
        [{"action": a.id, **{k: _flat(v) for k, v in _identity(s).items()},
          "imo_scheme": (None if getattr(s, "imo_number", None) is None else
                         "company" if isinstance(s, Entity) else "ship"),
          "evidence": levels_text(subject_levels(a.id, i, s, result.listed)),
          "notes": s.notes}
         for a in dataset.actions.values() for i, s in enumerate(a.subjects)])
    files["series.csv"] = csv_text(
        ["id", "authority", "title", "target_countries", "notes"],
        [{k: _flat(v) for k, v in converter.unstructure(s).items()}
         for s in dataset.series.values()])
    rows = []
    for m in dataset.measures.values():
        t = result.totals.get(m.id)
        row = {k: _flat(v) for k, v in converter.unstructure(m).items()
               if k not in ("evidence", "disputed")}
        row["evidence"] = levels_text(figure_levels(m, result.verified))
        if t is not None:
            row.update(figure_cells("total_before", t.total_before))
            row.update(figure_cells("total_after", t.total_after))
            row["adds_up"] = t.adds_up
            row["link"] = t.link.value
        rows.append(row)
    files["measures.csv"] = csv_text(
        ["id", "series", "authority", "announced", "promulgated", "effective", "expected",
         "notice", "items_added", "items_removed", "net_adjustment", "adjustment_reason",
         "total_before", "total_before_basis", "total_after", "total_after_basis", "adds_up",
         "link", "evidence", "date_derivation", "notes"], rows)
    files["evidence.csv"] = csv_text(
        ["record", "subject", "source", "entry", "quote", "states", "level"],
        [{"record": r.id, "subject": s_name, "source": e.source, "entry": e.entry,
          "quote": e.quote,
          "states": "; ".join(f"{k}={stated_text(v)}" for k, v in e.stated().items()),
          "level": evidence_level(
              e, verified=len(path) == 2 and (r.id, path[1]) in result.verified,
              listed=(r.id, path) in result.listed)}
         for r, path, e, s_name in _evidence_rows(dataset)])
    if set(files) != set(CSV_FILES):  # a new file must be declared, or re-exports refuse it
        raise AssertionError(f"CSV_FILES is out of date: {sorted(files)}")
    return files
