"""References between records: evidence cites a known source, a measure a known series."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Location, Severity

from .registry import Stage, rule

if TYPE_CHECKING:
    from .registry import CheckContext

__all__ = ["check_references"]


@rule("references", Stage.VALIDATION, codes={
    "no-sources": "records cite evidence but no source records were loaded",
    "unknown-source": "evidence cites a source id that no source record defines",
    "unknown-series": "a measure names a series that no series record defines",
})
def check_references(context: CheckContext) -> list[Finding]:
    """Evidence must cite a known source, and a measure a known series."""
    dataset = context.dataset
    findings: list[Finding] = []
    if not dataset.sources and dataset.figure_records():
        files = sorted({dataset.origins[r.id].file for r in dataset.figure_records()})
        return [Finding(
            "no-sources", Severity.ERROR,
            "no source records were loaded, so no evidence can be traced: pass the folder of "
            "`kind: sources` files too (for the shipped layout, --data data --data seeds)",
            Location(files[0]),
        )]
    for record, path, item in dataset.all_evidence():
        if item.source not in dataset.sources:
            findings.append(Finding(
                "unknown-source", Severity.ERROR,
                f"evidence cites source {item.source!r}, which no source record defines: "
                "add it to a `kind: sources` file or correct the id",
                dataset.at(record.id, *path, "source"),
            ))
    findings.extend(
        Finding(
            "unknown-series", Severity.ERROR,
            f"measure changes series {measure.series!r}, which no series record defines: "
            "add it under `series:` or correct the id",
            dataset.at(measure.id, "series"),
        )
        for measure in dataset.measures.values() if measure.series not in dataset.series
    )
    return findings
