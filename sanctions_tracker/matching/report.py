"""Matches as text, JSON documents and CSV rows: what ``lookup`` and ``crossref`` print."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import Match
    from .lookup import Result
    from .targets import Target

__all__ = ["CSV_FIELDS", "match_document", "match_row", "result_document", "result_text"]

#: Columns of one CSV row per match.
CSV_FIELDS = ("query", "authority", "list", "snapshot_date", "entry_id", "subject", "name",
              "matched_name", "name_kind", "score", "how", "explanation", "programs",
              "listing_date", "identifiers")


def _identifiers(target: Target) -> list[dict[str, Any]]:
    return [{"scheme": i.scheme.value, "value": i.value, "valid": i.valid}
            for i in target.identifiers]


def match_document(match: Match) -> dict[str, Any]:
    """One match as JSON: the target, the name or identifier that matched, how, the score."""
    target = match.target
    document: dict[str, Any] = {
        "list": f"{target.ref.authority} {target.ref.list_name}",
        "authority": target.ref.authority,
        "list_name": target.ref.list_name,
        "snapshot_date": target.ref.snapshot_date,
        "entry_id": target.entry_id,
        "subject": str(target.subject),
        "name": target.caption,
        "matched_name": match.name.text if match.name else None,
        "name_kind": str(match.name.kind) if match.name else None,
        "score": round(match.score, 3),
        "how": match.how.value,
        "explanation": match.explain(),
        "programs": list(target.programs),
        "listing_date": target.listing_date,
        "identifiers": _identifiers(target),
        "names": [{"name": n.text, "kind": str(n.kind)} for n in target.names],
        "location": target.location,
    }
    if target.curated:
        document["evidence"] = list(target.evidence)
    return document


def result_document(result: Result) -> dict[str, Any]:
    """One query's result as JSON: ``{"query": ..., "notes": [...], "matches": [...]}``."""
    return {"query": result.query.text, "notes": list(result.notes),
            "matches": [match_document(m) for m in result.matches]}


def match_row(query: str, match: Match) -> dict[str, str]:
    """One match as a CSV row of :data:`CSV_FIELDS`."""
    document = match_document(match)
    row = {key: "" if document.get(key) is None else str(document[key]) for key in CSV_FIELDS}
    row.update(query=query, list=document["list_name"],
               programs="; ".join(match.target.programs),
               identifiers="; ".join(f"{i['scheme']} {i['value']}"
                                     for i in document["identifiers"]))
    return row


def _target_lines(target: Target) -> list[str]:
    lines = []
    others = [f"{n.text} ({n.kind})" for n in target.names[1:]]
    if others:
        lines.append(f"other names: {'; '.join(others)}")
    ids = [f"{i.scheme.value} {i.value}{'' if i.valid in (None, True) else ' (invalid)'}"
           for i in target.identifiers]
    lines.append(f"programmes: {', '.join(target.programs) or '-'}; listed: "
                 f"{target.listing_date or '-'}; identifiers: {', '.join(ids) or '-'}")
    lines += [f'evidence: "{quote}"' for quote in target.evidence]
    if target.location:
        lines.append(f"at {target.location}")
    return lines


def result_text(result: Result) -> str:
    """One query's result for a reader: what the query is, then each match and why."""
    plural = "" if len(result.matches) == 1 else "es"
    lines = [f"{result.query.text}: {len(result.matches)} match{plural}"]
    lines += [f"  {note}" for note in result.notes]
    for number, match in enumerate(result.matches, 1):
        target, ref = match.target, match.target.ref
        lines.append(f"{number}. {ref.authority} {ref.list_name} {ref.snapshot_date or ''} "
                     f"entry {target.entry_id}: {target.subject} {target.caption}".replace(
                         "  ", " "))
        lines.append(f"   matched {match.explain()} (score {match.score:.2f})")
        lines += [f"   {line}" for line in _target_lines(target)]
    return "\n".join(lines)
