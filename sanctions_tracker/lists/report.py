"""Summaries and differences of list snapshots as plain data, text, JSON and CSV.

The library returns strings; only the CLI prints them. JSON documents are built from plain
dicts (``summary_document``, ``diff_document``) so that their shape is visible in one place.
"""

from __future__ import annotations

import csv
import enum
import io
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from sanctions_tracker.findings import Severity

from .model import IdScheme, SubjectType

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sanctions_tracker.findings import Finding

    from .diff import ListDiff
    from .model import Entry, Snapshot

__all__ = [
    "diff_csv",
    "diff_document",
    "diff_text",
    "entry_document",
    "finding_document",
    "has_errors",
    "severity_counts",
    "summary_csv",
    "summary_document",
    "summary_text",
    "totals",
]

_SCHEMES = tuple(IdScheme)


def _plain(_instance: object, _attribute: object, value: object) -> object:
    """Enums as their values, for JSON."""
    if isinstance(value, enum.Enum):
        return value.value
    return value


def entry_document(entry: Entry) -> dict[str, Any]:
    """An entry as a JSON-ready dict (every field, enums as their values)."""
    return attrs.asdict(entry, value_serializer=_plain)


def finding_document(finding: Finding) -> dict[str, Any]:
    """A finding as a JSON-ready dict."""
    loc = finding.location
    return {"file": loc.file, "line": loc.line, "severity": finding.severity.value,
            "code": finding.code, "message": finding.message}


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present."""
    counts = Counter(f.severity.value for f in findings)
    return {s.value: counts[s.value] for s in Severity}


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding is an error (the exit status of ``lists summary``)."""
    return any(f.severity is Severity.ERROR for f in findings)


def _counts_line(counts: dict[str, int]) -> str:
    errors, warnings = counts["error"], counts["warning"]
    return (f"{errors:,} error{'s' if errors != 1 else ''}, "
            f"{warnings:,} warning{'s' if warnings != 1 else ''}, {counts['info']:,} info")


def _identifier_coverage(snapshot: Snapshot) -> dict[str, int]:
    """How many entries carry at least one identifier of each scheme."""
    counts: Counter[str] = Counter()
    for entry in snapshot.entries:
        counts.update({i.scheme.value for i in entry.identifiers})
    return {s.value: counts[s.value] for s in _SCHEMES}


def summary_document(snapshot: Snapshot) -> dict[str, Any]:
    """Counts by programme and subject type, identifier coverage, dates and findings."""
    subjects = Counter(e.subject.value for e in snapshot.entries)
    by_programme: Counter[tuple[str, str]] = Counter(
        (p, e.subject.value) for e in snapshot.entries for p in (e.programs or ("-",)))
    vessels = [e for e in snapshot.entries if e.subject is SubjectType.VESSEL]
    with_ship_imo = [e for e in vessels
                     if any(i.scheme is IdScheme.SHIP_IMO for i in e.identifiers)]
    dated = sorted(e.listing_date.start for e in snapshot.entries
                   if e.listing_date is not None and e.listing_date.start)
    return {
        "file": snapshot.source_file,
        "sha256": snapshot.sha256,
        "sources": [{"file": s.name, "sha256": s.sha256} for s in snapshot.sources],
        "authority": snapshot.authority,
        "list": snapshot.list_name,
        "format": snapshot.format,
        "snapshot_date": snapshot.snapshot_date.isoformat() if snapshot.snapshot_date else None,
        "date_source": snapshot.date_source.value,
        "read": snapshot.read,
        "skipped": snapshot.skipped,
        "deleted": len(snapshot.deleted),
        "subjects": {s.value: subjects[s.value] for s in SubjectType},
        "programmes": [{"programme": p, "subject": s, "entries": n}
                       for (p, s), n in sorted(by_programme.items())],
        "identifiers": _identifier_coverage(snapshot),
        "vessels_with_ship_imo": len(with_ship_imo),
        "vessels_with_valid_ship_imo": sum(
            all(i.valid for i in e.identifiers if i.scheme is IdScheme.SHIP_IMO)
            for e in with_ship_imo),
        "listing_dates": {"first": dated[0] if dated else None,
                          "last": dated[-1] if dated else None, "entries": len(dated)},
        "counts": severity_counts(snapshot.findings),
        "findings": [finding_document(f) for f in snapshot.findings],
    }


def totals(snapshots: Iterable[Snapshot]) -> list[dict[str, Any]]:
    """Entries by authority and list, and by subject type, over all the snapshots given."""
    table: dict[tuple[str, str], Counter[str]] = {}
    for snapshot in snapshots:
        counts = table.setdefault((snapshot.authority, snapshot.list_name), Counter())
        counts["files"] += 1
        counts["entries"] += snapshot.read
        counts.update(e.subject.value for e in snapshot.entries)
    return [{"authority": authority, "list": name, "files": c["files"], "entries": c["entries"],
             **{s.value: c[s.value] for s in SubjectType}}
            for (authority, name), c in sorted(table.items())]


def summary_text(snapshots: Iterable[Snapshot]) -> str:
    """One block per snapshot (what it is, its counts, its findings), then totals by list."""
    snapshots = list(snapshots)
    out: list[str] = []
    for snapshot in snapshots:
        doc = summary_document(snapshot)
        date = doc["snapshot_date"] or "undated"
        out.append(f"{doc['file']}: {doc['authority']} {doc['list']} ({doc['format']}), "
                   f"snapshot {date} ({doc['date_source']})")
        out.append(f"  entries: {doc['read']:,} read, {doc['skipped']:,} skipped"
                   + (f", {doc['deleted']:,} deleted" if doc["deleted"] else ""))
        out.append("  subjects: " + ", ".join(f"{k} {v:,}" for k, v in doc["subjects"].items()))
        programmes: Counter[str] = Counter()
        for row in doc["programmes"]:
            programmes[row["programme"]] += row["entries"]
        top = ", ".join(f"{p} {n:,}" for p, n in programmes.most_common(8))
        more = len(programmes) - 8
        out.append(f"  programmes ({len(programmes)}): {top}"
                   + (f", and {more} more" if more > 0 else ""))
        ids = ", ".join(f"{k} {v:,}" for k, v in doc["identifiers"].items() if v)
        out.append(f"  entries with identifiers: {ids or 'none'}")
        vessels = doc["subjects"]["vessel"]
        if vessels:
            out.append(f"  vessels with a ship IMO number: {doc['vessels_with_ship_imo']:,} of "
                       f"{vessels:,} ({doc['vessels_with_valid_ship_imo']:,} passing the check "
                       "digit)")
        dates = doc["listing_dates"]
        out.append(f"  listing dates: {dates['first']} to {dates['last']} "
                   f"({dates['entries']:,} entries dated)" if dates["entries"]
                   else "  listing dates: none given")
        out.append(f"  findings: {_counts_line(doc['counts'])}")
        out.extend(f"    {f}" for f in snapshot.findings)
    if len(snapshots) > 1:
        out.extend(["", "Totals by authority and list:"])
        for row in totals(snapshots):
            subjects = ", ".join(f"{s.value} {row[s.value]:,}" for s in SubjectType)
            out.append(f"  {row['authority']} {row['list']}: {row['entries']:,} entries in "
                       f"{row['files']} file{'s' if row['files'] != 1 else ''} ({subjects})")
    return "\n".join(out) + "\n"


def summary_csv(snapshots: Iterable[Snapshot]) -> str:
    """One row per file, programme and subject type, with the number of entries."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "authority", "list", "snapshot_date", "programme", "subject",
                     "entries"])
    for snapshot in snapshots:
        doc = summary_document(snapshot)
        for row in doc["programmes"]:
            writer.writerow([doc["file"], doc["authority"], doc["list"],
                             doc["snapshot_date"] or "", row["programme"], row["subject"],
                             row["entries"]])
    return buffer.getvalue()


def _side(snapshot: Snapshot) -> dict[str, Any]:
    return {"file": snapshot.source_file, "sha256": snapshot.sha256,
            "authority": snapshot.authority, "list": snapshot.list_name,
            "snapshot_date": snapshot.snapshot_date.isoformat() if snapshot.snapshot_date
            else None, "entries": snapshot.read}


def diff_document(result: ListDiff) -> dict[str, Any]:
    """The JSON form: top-level ``added``, ``removed`` and ``changed``, items with an ``id``."""
    return {
        "old": _side(result.old),
        "new": _side(result.new),
        "counts": {"added": len(result.added), "removed": len(result.removed),
                   "changed": len(result.changed)},
        "by_programme": [{"programme": p, "subject": s, **counts}
                         for (p, s), counts in result.by_programme().items()],
        "added": [entry_document(e) for e in result.added],
        "removed": [entry_document(e) for e in result.removed],
        "changed": [{"id": c.id, "caption": c.new.caption, "subject": c.new.subject.value,
                     "programs": list(c.new.programs),
                     "fields": [{"field": f.field, "removed": list(f.removed),
                                 "added": list(f.added)} for f in c.fields]}
                    for c in result.changed],
        "findings": [finding_document(f) for f in result.all_findings],
    }


def _line(mark: str, entry: Entry) -> str:
    programmes = ", ".join(entry.programs) or "-"
    return f"  {mark} {entry.id}  {entry.subject.value}  [{programmes}]  {entry.caption}"


def diff_text(result: ListDiff) -> str:
    """Counts, the table by programme and subject type, the entries, then the findings."""
    old, new = result.old, result.new
    out = [
        f"{old.source_file} -> {new.source_file}",
        (f"{old.authority} {old.list_name}: "
         f"{old.snapshot_date or 'undated'} -> {new.snapshot_date or 'undated'}"),
        (f"{len(result.added):,} added, {len(result.removed):,} removed, "
         f"{len(result.changed):,} changed"),
    ]
    table = result.by_programme()
    if table:
        out.append("")
        width = max(len(p) for p, _ in table)
        out.append(f"  {'programme':<{width}}  {'subject':<10}  {'added':>7}  {'removed':>7}  "
                   f"{'changed':>7}")
        for (programme, subject), counts in table.items():
            out.append(f"  {programme:<{width}}  {subject:<10}  {counts['added']:>7,}  "
                       f"{counts['removed']:>7,}  {counts['changed']:>7,}")
    for title, mark, entries in (("Added", "+", result.added), ("Removed", "-", result.removed)):
        if entries:
            out.extend(["", f"{title}:"])
            out.extend(_line(mark, e) for e in entries)
    if result.changed:
        out.extend(["", "Changed:"])
        for change in result.changed:
            out.append(_line("~", change.new))
            for field in change.fields:
                out.extend(f"      {field.field}: - {v}" for v in field.removed)
                out.extend(f"      {field.field}: + {v}" for v in field.added)
    findings = result.all_findings
    if findings:
        out.extend(["", f"Findings: {_counts_line(severity_counts(findings))}"])
        out.extend(f"  {f}" for f in findings)
    return "\n".join(out) + "\n"


def diff_csv(result: ListDiff) -> str:
    """One row per added or removed entry, and one per changed field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["change", "id", "subject", "programmes", "name", "field", "removed",
                     "added"])
    for kind, entries in (("added", result.added), ("removed", result.removed)):
        for e in entries:
            writer.writerow([kind, e.id, e.subject.value, "; ".join(e.programs), e.caption,
                             "", "", ""])
    for c in result.changed:
        for f in c.fields:
            writer.writerow(["changed", c.id, c.new.subject.value, "; ".join(c.new.programs),
                             c.new.caption, f.field, "; ".join(f.removed), "; ".join(f.added)])
    return buffer.getvalue()
