"""Checks: every rule that relates figures, records and sources, run from one registry.

Stage four of the flow (read -> validate -> structure -> **check** -> output). It may import
``findings``, ``reading`` (to locate findings), ``schema`` and ``model``; nothing here imports
``output`` or the command line.

Validation rules say whether each record is well-formed and quoted (references, figures against
quotes, quotes against documents); reconciliation rules say whether the figures fit together
(running totals and chains, stated against itemized counts, sources that disagree, dates). Each
rule is registered in its own module (:mod:`.registry`); every module of this package is
imported here, so that a rule in a new module is run with no other edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker.findings import Finding, has_errors, sort_findings
from sanctions_tracker.model.dataset import resolve_locations

from .documents import SOURCES_ENV, as_folder, documents_folder
from .list_entries import ListFile
from .registry import RULES, CheckContext, Rule, Stage
from .totals import MeasureTotals

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable

    from sanctions_tracker.model.dataset import Dataset

__all__ = [
    "RULES",
    "SOURCES_ENV",
    "CheckContext",
    "CheckResult",
    "ListFile",
    "Rule",
    "Stage",
    "check",
    "documents_folder",
    "reconcile",
    "run_rules",
    "validate",
]

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")


@attrs.frozen
class CheckResult:
    """Findings of validation and reconciliation, and each measure's reconciled totals."""

    findings: tuple[Finding, ...]
    totals: dict[str, MeasureTotals]
    #: (record id, evidence index) of each quote compared with, and found in, its original.
    verified: frozenset[tuple[str, int]] = frozenset()
    #: (record id, path of the evidence) of each list entry found to state what it is cited for.
    listed: frozenset[tuple[str, tuple[str | int, ...]]] = frozenset()
    #: (record id, path of the evidence) of each list entry read that does not state it.
    unlisted: frozenset[tuple[str, tuple[str | int, ...]]] = frozenset()

    @property
    def passed(self) -> bool:
        """True when no finding is an error."""
        return not has_errors(self.findings)


def run_rules(context: CheckContext, stages: frozenset[Stage]) -> list[Finding]:
    """The findings of every registered rule of ``stages`` (unlocated, unsorted)."""
    return [finding for rule in RULES.values() if rule.stage in stages
            for finding in rule.run(context)]


def _located(dataset: Dataset, findings: list[Finding]) -> list[Finding]:
    return sort_findings(resolve_locations([*dataset.findings, *findings], dataset.files))


def validate(dataset: Dataset, documents: str | os.PathLike[str] | None = None) -> list[Finding]:
    """What loading found and every validation rule, located and in a stable order.

    ``documents`` is the folder of original documents (a str or any path-like); without it,
    quotes are not compared with them and a ``quotes-not-checked`` info finding says so.
    InputError if it is given but is not a folder.
    """
    context = CheckContext(dataset, as_folder(documents))
    return _located(dataset, run_rules(context, frozenset({Stage.VALIDATION})))


def reconcile(dataset: Dataset) -> tuple[list[Finding], dict[str, MeasureTotals]]:
    """Reconciliation findings (unlocated) and per-measure totals of a loaded dataset."""
    context = CheckContext(dataset)
    findings = run_rules(context, frozenset({Stage.RECONCILIATION}))
    return findings, context.reconciled()[1]


def check(dataset: Dataset, documents: str | os.PathLike[str] | None = None, *,
          lists: Callable[[Dataset], Iterable[Finding]] | None = None,
          list_files: Callable[[str], ListFile | str] | None = None,
          require_quotes: bool = False) -> CheckResult:
    """Validate and reconcile: everything ``sanctions-tracker check`` reports, as values.

    ``documents`` is the folder of original documents (a str or any path-like), as for
    :func:`validate`; ``lists`` screens the dataset against official lists (the CLI passes
    :func:`sanctions_tracker.matching.crosscheck` over the lists' index); ``require_quotes``
    makes each cited-only figure (evidence without a quote) an error instead of an info finding.
    ``list_files`` gives the official list file of a source's ``file`` name as a
    :class:`~.list_entries.ListFile` (or why there is none), to check evidence that names list
    entries (the CLI reads the files of ``--lists``).
    """
    context = CheckContext(dataset, as_folder(documents), lists=lists, list_files=list_files,
                           require_quotes=require_quotes)
    findings = run_rules(context, frozenset(Stage))
    return CheckResult(tuple(_located(dataset, findings)), context.reconciled()[1],
                       frozenset(context.verified), frozenset(context.listed),
                       frozenset(context.unlisted))
