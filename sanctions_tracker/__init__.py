"""sanctions-tracker: curated sanctions and export-control figures, validated and reconciled.

The library gives the same results as the command line, as values::

    import sanctions_tracker

    dataset = sanctions_tracker.load()          # the shipped data, or load(["my/data"])
    findings = sanctions_tracker.validate(dataset, documents=None)
    for finding in findings:
        print(finding.location, finding.code, finding.message)
"""

from __future__ import annotations

from .dataset import Dataset
from .errors import InputError, SanctionsTrackerError, UsageError, WriteError
from .findings import Finding, Location, Severity
from .loader import load
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
from .reconcile import CheckResult, check, reconcile
from .render import render_report
from .report import ReportFilter, build_report
from .validation import validate
from .yaml_reader import Limits

__version__ = "0.1.0.dev0"

__all__ = [
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
    "SanctionsTrackerError",
    "Severity",
    "Source",
    "StatedCounts",
    "UsageError",
    "Vessel",
    "WriteError",
    "__version__",
    "CheckResult",
    "ReportFilter",
    "build_report",
    "check",
    "reconcile",
    "render_report",
    "load",
    "validate",
]
