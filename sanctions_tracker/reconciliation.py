"""Reconciliation: every rule that relates figures, records and sources to each other.

Schema and evidence validation (:mod:`sanctions_tracker.validation`) say whether each record is
well-formed and quoted; reconciliation says whether the figures fit together: running totals,
chains of list updates, stated against itemized counts, sources that disagree, and dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .agreement import check_agreement
from .counts import check_counts
from .dataset import resolve_locations
from .dates import check_dates
from .findings import Finding, has_errors, sort_findings
from .totals import MeasureTotals, reconcile_totals
from .validation import validation_findings

if TYPE_CHECKING:
    import os

    from .dataset import Dataset

__all__ = ["CheckResult", "check", "reconcile"]


@attrs.frozen
class CheckResult:
    """Findings of validation and reconciliation, and each measure's reconciled totals."""

    findings: tuple[Finding, ...]
    totals: dict[str, MeasureTotals]

    @property
    def passed(self) -> bool:
        """True when no finding is an error."""
        return not has_errors(self.findings)


def reconcile(dataset: Dataset) -> tuple[list[Finding], dict[str, MeasureTotals]]:
    """Reconciliation findings (unlocated) and per-measure totals of a loaded dataset."""
    findings, totals = reconcile_totals(dataset)
    findings += check_counts(dataset)
    findings += check_agreement(dataset)
    findings += check_dates(dataset)
    return findings, totals


def check(dataset: Dataset, documents: str | os.PathLike[str] | None = None) -> CheckResult:
    """Validate and reconcile: everything ``sanctions-tracker check`` reports, as values.

    ``documents`` is the folder of original documents (a str or any path-like), as for
    :func:`~sanctions_tracker.validation.validate`.
    """
    findings, totals = reconcile(dataset)
    findings = [*validation_findings(dataset, documents), *findings]
    return CheckResult(tuple(sort_findings(resolve_locations(findings, dataset.files))), totals)
