"""One record, with every figure, where it comes from, and whether it reconciles."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from sanctions_tracker.checks.citations import evidence_level, figure_levels, subject_levels
from sanctions_tracker.errors import UsageError
from sanctions_tracker.findings import finding_line_from_fields
from sanctions_tracker.model.converter import converter
from sanctions_tracker.model.records import (
    IDENTIFIER_FIELDS,
    DesignationAction,
    ExportControlMeasure,
    ExportControlSeries,
    Source,
)
from sanctions_tracker.reading.yaml_reader import locate

if TYPE_CHECKING:
    from sanctions_tracker.checks import CheckResult
    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import Evidence

__all__ = ["describe_record", "render_record"]

_KIND = {DesignationAction: "designation action", ExportControlMeasure: "export-control measure",
         ExportControlSeries: "export-control series", Source: "source"}


def _plain(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _evidence(dataset: Dataset, item: Evidence, level: str) -> dict[str, Any]:
    source = dataset.sources.get(item.source)
    return {
        "source": item.source,
        "publisher": source.publisher if source else None,
        "title": source.title if source else None,
        "url": source.url if source else None,
        "published": source.published.isoformat() if source and source.published else None,
        "updated": source.updated.isoformat() if source and source.updated else None,
        "quote": item.quote,
        "entry": item.entry,
        "file": source.file if source else None,
        "states": {k: _plain(v) for k, v in item.stated().items()},
        "level": level,
    }


def _figures(record: DesignationAction | ExportControlMeasure,
             result: CheckResult) -> list[dict[str, Any]]:
    rows = []
    stated_by = {name: [e.source for e in record.evidence if name in e.states]
                 for name in record.figures()}
    levels = figure_levels(record, result.verified)
    for name, value in record.figures().items():
        rows.append({"figure": name, "value": value, "basis": "given",
                     "evidence": levels[name], "stated_by": stated_by[name]})
    totals = result.totals.get(record.id)
    if totals is not None:
        for name in ("total_before", "total_after"):
            known = getattr(totals, name)
            if known is not None and known.provenance.value != "given":
                rows.append({"figure": name, "value": known.value,
                             "basis": known.provenance.value, "how": known.how})
    return rows


def describe_record(dataset: Dataset, result: CheckResult, record_id: str) -> dict[str, Any]:
    """Everything known about one record, as plain values; UsageError if the id is unknown."""
    try:
        record = dataset.get(record_id)
    except KeyError:
        close = difflib.get_close_matches(record_id, list(dataset.origins), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"no record has the id {record_id!r}{hint}") from None
    origin = dataset.origins[record_id]
    findings = [f for f in result.findings
                if f.location.file == origin.file and f.location.path.startswith(
                    dataset.at(record_id).path)]
    described: dict[str, Any] = {
        "id": record_id,
        "kind": _KIND[type(record)],
        "file": origin.file,
        "line": locate(dataset.files[origin.file], [origin.path]).get(origin.path, (None,))[0],
        "fields": converter.unstructure(record),
        "findings": [{"location": str(f.location), "severity": f.severity.value,
                      "code": f.code, "message": f.message} for f in findings],
    }
    if isinstance(record, (DesignationAction, ExportControlMeasure)):
        described["figures"] = _figures(record, result)
        described["evidence"] = [
            _evidence(dataset, e, evidence_level(e, verified=(record_id, i) in result.verified,
                                                 listed=False))
            for i, e in enumerate(record.evidence)]
        totals = result.totals.get(record_id)
        if totals is not None:
            described["link"] = totals.link.value
    if isinstance(record, DesignationAction):
        described["subject_evidence"] = [
            {"name": s.name, "levels": subject_levels(record_id, i, s, result.listed),
             "evidence": [{**_evidence(dataset, e, evidence_level(
                 e, verified=False,
                 listed=(record_id, ("subjects", i, "evidence", j)) in result.listed)),
                 "mismatch": (record_id, ("subjects", i, "evidence", j)) in result.unlisted}
                 for j, e in enumerate(s.evidence)]}
            for i, s in enumerate(record.subjects)]
    if isinstance(record, Source):
        described["cited_by"] = [
            r.id for r in dataset.figure_records()
            if any(e.source == record_id for e in r.evidence)
        ]
    if isinstance(record, ExportControlSeries):
        described["measures"] = [m.id for m in dataset.measures_of(record_id)]
    described["status"] = (
        "errors" if any(f["severity"] == "error" for f in described["findings"]) else
        "warnings" if any(f["severity"] == "warning" for f in described["findings"]) else "ok"
    )
    return described


def _field_text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v:,}" if isinstance(v, int) and k not in IDENTIFIER_FIELDS
                         else f"{k} {v}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(f"{v['figure']}: {v['note']}" if isinstance(v, dict) and "figure" in v
                         else str(v) for v in value) or "(none)"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


#: Aliases a subject's row lists; the JSON form lists every one (a fixture has 300).
_SHOWN_ALIASES = 3
_SUBJECT_HEADERS = ("type", "name", "identifiers", "country", "born", "aliases", "evidence")


def _one_line(text: str) -> str:
    """A name as one line: the schema lets a name hold line breaks, a table row cannot."""
    return " ".join(text.split())


def _subject_row(subject: dict[str, Any], evidence: dict[str, Any] | None) -> list[str]:
    """One subject's cells; ``country`` holds whichever of flag, country, nationality it has."""
    identifiers = [f"{label} {subject[key]}" for key, label in
                   (("imo_number", "IMO"), ("mmsi", "MMSI"), ("call_sign", "call sign"))
                   if subject.get(key) is not None]
    aliases = [_one_line(a) for a in subject.get("aliases", [])]
    listed = "; ".join(aliases[:_SHOWN_ALIASES])
    if len(aliases) > _SHOWN_ALIASES:
        listed += f"; (+{len(aliases) - _SHOWN_ALIASES:,} more)"
    country = subject.get("flag") or subject.get("country") or subject.get("nationality")
    return [subject["type"], _one_line(subject["name"]), ", ".join(identifiers) or "-",
            country or "-", subject.get("birth_date") or "-", listed or "-",
            _subject_evidence_text(evidence)]


def _subject_evidence_text(evidence: dict[str, Any] | None) -> str:
    """Who names the subject and where its identifiers come from, in one cell."""
    if not evidence or not evidence["evidence"]:
        return "-"
    parts = []
    cited = [e["source"] for e in evidence["evidence"] if e["entry"] is None]
    if cited:
        parts.append(f"cited by {len(cited)}")
    parts += [f"{e['file'] or e['source']} entry {e['entry']} ("
              + ("verified" if e["level"] == "listed-verified" else
                 "does not match: see the findings" if e["mismatch"] else "not compared") + ")"
              for e in evidence["evidence"] if e["entry"] is not None]
    return "; ".join(parts)


def _subject_lines(subjects: list[dict[str, Any]],
                   evidence: list[dict[str, Any]]) -> list[str]:
    """The subjects of an action as a table, not as the dicts of its JSON form."""
    rows = [_subject_row(s, evidence[i] if i < len(evidence) else None)
            for i, s in enumerate(subjects)]
    table = tabulate(rows, headers=_SUBJECT_HEADERS, tablefmt="simple", disable_numparse=True)
    lines = ["", f"Subjects ({len(subjects):,} named):"]
    lines += [f"  {line}".rstrip() for line in table.splitlines()]
    lines.append("  country: a vessel's flag, an entity's country, an individual's nationality; "
                 "IMO: a vessel's ship number, an entity's company number")
    lines.append("  evidence: how many sources name the subject, and the official list entries "
                 "its identifiers come from (verified: read from the list file, check --lists)")
    if any(len(s.get("aliases", [])) > _SHOWN_ALIASES for s in subjects):
        lines.append(f"  aliases: the first {_SHOWN_ALIASES} of each; --format json lists all")
    return lines


def _evidence_lines(index: int, e: dict[str, Any]) -> list[str]:
    date = (f"published {e['published']}" if e["published"] else
            f"updated {e['updated']}" if e["updated"] else "undated")
    title = e["title"] or "?"
    lines = ["", f"Evidence {index}: {e['publisher'] or e['source']}, \"{title}\" ({date})"]
    if e["url"]:
        lines.append(f"  {e['url']}")
    lines.append(f"  \u201c{e['quote']}\u201d" if e["quote"] is not None else
                 "  (cited, no quote: not verified against a stored original)")
    if e["states"]:
        lines.append("  states: " + _field_text(e["states"]))
    return lines


def render_record(described: dict[str, Any]) -> str:
    """The text form of :func:`describe_record`."""
    where = described["file"] + (f":{described['line']}" if described["line"] else "")
    lines = [f"{described['id']}  ({described['kind']}, {where})", ""]
    subjects = described["fields"].get("subjects") or []
    left_out = ("id", "evidence", "subjects") if subjects else ("id", "evidence")
    fields = {k: v for k, v in described["fields"].items() if k not in left_out}
    width = max((len(k) for k in fields), default=0)
    lines += [f"  {key.ljust(width)}  {_field_text(value)}" for key, value in fields.items()]
    if subjects:
        lines += _subject_lines(subjects, described.get("subject_evidence", []))
    if described.get("figures"):
        lines += ["", "Figures:"]
        for f in described["figures"]:
            origin = (f"stated by {', '.join(f['stated_by'])}" if f.get("stated_by")
                      else f.get("how") or "stated by no quote")
            level = f" [{f['evidence']}]" if f.get("evidence") else ""
            lines.append(f"  {f['figure']:<14} {f['value']:>10,}  {f['basis']:<8} {origin}{level}")
    if "link" in described:
        lines.append(f"  link to the previous measure: {described['link']}")
    for index, e in enumerate(described.get("evidence", []), 1):
        lines += _evidence_lines(index, e)
    for key in ("cited_by", "measures"):
        if key in described:
            label = key.replace("_", " ").capitalize()
            lines += ["", f"{label}: {', '.join(described[key]) or '(none)'}"]
    lines += ["", f"Status: {described['status']}"]
    lines += ["  " + finding_line_from_fields(f["location"], f["severity"], f["code"],
                                              f["message"])
              for f in described["findings"]]
    return "\n".join(lines) + "\n"
