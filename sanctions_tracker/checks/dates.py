"""Date rules: effective not before announced, announced not after the reporting source."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity

from .registry import Stage, rule

if TYPE_CHECKING:
    from .registry import CheckContext

__all__ = ["check_dates"]


@rule("dates", Stage.RECONCILIATION, codes={
    "effective-before-announced": "the effective date is before the announced date",
    "announced-after-publication": "an announcement is dated after the source that reports it",
    "series-out-of-order": "measures of a series are not listed in date order",
    "series-authority-mismatch": "a measure's authority differs from its series' authority",
})
def check_dates(context: CheckContext) -> list[Finding]:
    """Check the dates of actions and measures, and the order of measures within each series."""
    dataset = context.dataset
    findings: list[Finding] = []
    for record in dataset.figure_records():
        if record.effective is not None and record.effective < record.announced:
            findings.append(Finding(
                "effective-before-announced", Severity.ERROR,
                f"effective {record.effective} is before announced {record.announced}: "
                "a measure cannot take effect before it is announced",
                dataset.at(record.id, "effective"),
            ))
        for index, item in enumerate(record.evidence):
            source = dataset.sources.get(item.source)
            dated = source.dated if source is not None else None
            if dated is not None and record.announced > dated:
                kind = "published" if source is not None and source.published else "updated"
                findings.append(Finding(
                    "announced-after-publication", Severity.ERROR,
                    f"announced {record.announced}, after {item.source} was {kind} "
                    f"({dated}), which reports it: check the date and how it was derived",
                    dataset.at(record.id, "announced"),
                    related=(dataset.at(record.id, "evidence", index, "source"),),
                ))
    for series_id, series in dataset.series.items():
        in_file_order = [m for m in dataset.measures.values() if m.series == series_id]
        for earlier, later in itertools.pairwise(in_file_order):
            if later.announced < earlier.announced and (
                    dataset.origins[later.id].file == dataset.origins[earlier.id].file):
                findings.append(Finding(
                    "series-out-of-order", Severity.WARNING,
                    f"announced {later.announced}, but listed after {earlier.id} of "
                    f"{earlier.announced}: list the measures of a series in date order",
                    dataset.at(later.id, "announced"),
                ))
        findings.extend(
            Finding(
                "series-authority-mismatch", Severity.ERROR,
                f"authority {m.authority}, but series {series_id} belongs to {series.authority}",
                dataset.at(m.id, "authority"),
            )
            for m in in_file_order if m.authority != series.authority
        )
    return findings
