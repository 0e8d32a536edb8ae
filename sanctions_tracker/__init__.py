"""sanctions-tracker: curated sanctions and export-control figures, validated and reconciled.

The library gives the same results as the command line, as values::

    import sanctions_tracker

    dataset = sanctions_tracker.load()          # the shipped data, or load(["data", "seeds"])
    result = sanctions_tracker.check(dataset)   # validation and reconciliation
    for finding in result.findings:
        print(finding.location, finding.code, finding.message)

Names are imported on first use, so that the command line starts without loading what a
command does not need. The package is laid out as the data flows, one stage a folder, each
importing only from the stages before it::

    findings/   Finding, Location, Severity, codes, JSON paths     (everyone's vocabulary)
    reading/    the YAML reader and its limits, finding data files  (bytes -> plain data)
    schema/     the JSON Schemas, their messages, shipped resources (plain data -> verdict)
    model/      records, the cattrs converter, Dataset, load()      (plain data -> records)
    checks/     the RULES registry and every rule, check()          (records -> findings)
    output/     reports, render, show, export, diff, atomic writes  (findings -> text, files)
    lists/      readers of the official lists, their diff and export
    cli.py      options, printing and exit statuses
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0.dev0"

#: Each public name and the module it lives in; imported on first use.
_EXPORTS = {
    "InputError": "errors", "SanctionsTrackerError": "errors", "UsageError": "errors",
    "WriteError": "errors",
    "Finding": "findings", "Location": "findings", "Severity": "findings",
    "Limits": "reading.yaml_reader",
    "Dataset": "model.dataset", "load": "model.load",
    "DesignationAction": "model.records", "Dispute": "model.records", "Entity": "model.records",
    "Evidence": "model.records", "ExportControlMeasure": "model.records",
    "ExportControlSeries": "model.records", "Individual": "model.records",
    "Source": "model.records", "StatedCounts": "model.records", "Vessel": "model.records",
    "CheckResult": "checks", "RULES": "checks", "Rule": "checks", "check": "checks",
    "reconcile": "checks", "validate": "checks",
    "Known": "checks.totals", "LinkStatus": "checks.totals", "MeasureTotals": "checks.totals",
    "Provenance": "checks.totals",
    "Report": "output.report", "ReportFilter": "output.report", "Table": "output.report",
    "build_report": "output.report", "render_report": "output.render",
    "Change": "output.diff", "DataDiff": "output.diff", "diff_datasets": "output.diff",
}

#: The same names as _EXPORTS (a test keeps them equal), written out for type checkers.
__all__ = [
    "RULES",
    "Change",
    "CheckResult",
    "DataDiff",
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
    "Known",
    "Limits",
    "LinkStatus",
    "Location",
    "MeasureTotals",
    "Provenance",
    "Report",
    "ReportFilter",
    "Rule",
    "SanctionsTrackerError",
    "Severity",
    "Source",
    "StatedCounts",
    "Table",
    "UsageError",
    "Vessel",
    "WriteError",
    "__version__",
    "build_report",
    "check",
    "diff_datasets",
    "load",
    "reconcile",
    "render_report",
    "validate",
]

if TYPE_CHECKING:
    from .checks import RULES, CheckResult, Rule, check, reconcile, validate
    from .checks.totals import Known, LinkStatus, MeasureTotals, Provenance
    from .errors import InputError, SanctionsTrackerError, UsageError, WriteError
    from .findings import Finding, Location, Severity
    from .model.dataset import Dataset
    from .model.load import load
    from .model.records import (
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
    from .output.diff import Change, DataDiff, diff_datasets
    from .output.render import render_report
    from .output.report import Report, ReportFilter, Table, build_report
    from .reading.yaml_reader import Limits


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sanctions_tracker' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*__all__, "lists"]
