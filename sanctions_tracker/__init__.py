"""sanctions-tracker: curated sanctions and export-control figures, validated and reconciled.

The library gives the same results as the command line, as values::

    import sanctions_tracker

    dataset = sanctions_tracker.load()          # the shipped data, or load(["data", "seeds"])
    result = sanctions_tracker.check(dataset)   # validation and reconciliation
    for finding in result.findings:
        print(finding.location, finding.code, finding.message)

Names are imported on first use, so that the command line starts without loading what a
command does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0.dev0"

_EXPORTS = {
    "Dataset": "dataset",
    "InputError": "errors", "SanctionsTrackerError": "errors", "UsageError": "errors",
    "WriteError": "errors",
    "Finding": "findings", "Location": "findings", "Severity": "findings",
    "load": "loader",
    "CheckResult": "reconciliation", "check": "reconciliation",
    "reconcile": "reconciliation",
    "DesignationAction": "records", "Dispute": "records", "Entity": "records",
    "Evidence": "records", "ExportControlMeasure": "records", "ExportControlSeries": "records",
    "Individual": "records", "Source": "records", "StatedCounts": "records", "Vessel": "records",
    "render_report": "render",
    "ReportFilter": "report", "build_report": "report",
    "validate": "validation",
    "Limits": "yaml_reader",
}

__all__ = [
    "CheckResult",
    "Dataset",
    "DesignationAction",
    "Dispute",
    "Entity",
    "Evidence",
    "ExportControlMeasure",
    "ExportControlSeries",
    "Finding",
    "Individual",
    "InputError",
    "Limits",
    "Location",
    "ReportFilter",
    "SanctionsTrackerError",
    "Severity",
    "Source",
    "StatedCounts",
    "UsageError",
    "Vessel",
    "WriteError",
    "__version__",
    "build_report",
    "check",
    "load",
    "reconcile",
    "render_report",
    "validate",
]

if TYPE_CHECKING:
    from .dataset import Dataset
    from .errors import InputError, SanctionsTrackerError, UsageError, WriteError
    from .findings import Finding, Location, Severity
    from .loader import load
    from .reconciliation import CheckResult, check, reconcile
    from .records import (
        DesignationAction,
        Dispute,
        Entity,
        Evidence,
        ExportControlMeasure,
        ExportControlSeries,
        Individual,
        Source,
        StatedCounts,
        Vessel,
    )
    from .render import render_report
    from .report import ReportFilter, build_report
    from .validation import validate
    from .yaml_reader import Limits


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sanctions_tracker' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
