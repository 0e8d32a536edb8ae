"""The rules ``check`` runs: each a named function of the data that returns findings.

A rule is registered where it is written, with the codes it may emit::

    @rule("counts", Stage.RECONCILIATION, codes={"duplicate-subject": "..."})
    def check_counts(context: CheckContext) -> Iterable[Finding]: ...

Registering adds its codes to :data:`sanctions_tracker.findings.codes.CODES`, so that findings
with them can be created, ``sanctions-tracker codes`` lists them, and the fixture test of
``tests/fixtures/findings/`` asks for a fixture of each. Every module of this package is imported
by :mod:`sanctions_tracker.checks`, so a rule in a new module needs no other edit.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker.findings import Finding
from sanctions_tracker.findings.codes import register_codes
from sanctions_tracker.model.dataset import Dataset

if TYPE_CHECKING:
    # Only for type checkers: totals registers a rule, so it imports this module.
    from .list_entries import ListFile  # noqa: TC004
    from .totals import MeasureTotals  # noqa: TC004

__all__ = ["RULES", "CheckContext", "Rule", "Stage", "rule"]


class Stage(str, enum.Enum):
    """When a rule runs: ``validate`` runs the validation rules, ``check`` all of them."""

    VALIDATION = "validation"
    RECONCILIATION = "reconciliation"


@attrs.define
class CheckContext:
    """What a rule may look at: the dataset, the documents folder, the totals, the lists check.

    The reconciled totals are computed once, by the first rule that asks for them, and kept for
    the :class:`~sanctions_tracker.checks.CheckResult`.
    """

    dataset: Dataset
    documents: Path | None = None
    _totals: tuple[list[Finding], dict[str, MeasureTotals]] | None = None
    #: The dataset screened against official lists, when the caller read some (``check
    #: --lists``): given as a callable, so that checks need not import the lists or matching.
    lists: Callable[[Dataset], Iterable[Finding]] | None = None
    #: Cited-only figures (evidence without a quote) are errors, not info (``--require-quotes``).
    require_quotes: bool = False
    #: (record id, evidence index) of each quote found in its stored original (the documents rule).
    verified: set[tuple[str, int]] = attrs.Factory(set)
    #: The official list file of a given name, read for the list-entries rule (``check
    #: --lists``), or the reason there is none; a callable for the same reason as ``lists``.
    list_files: Callable[[str], ListFile | str] | None = None
    #: (record id, path of the evidence in the record) of each list entry that states what its
    #: evidence says (the list-entries rule).
    listed: set[tuple[str, tuple[str | int, ...]]] = attrs.Factory(set)
    #: The same for each list entry that was read and does not state it (or is missing).
    unlisted: set[tuple[str, tuple[str | int, ...]]] = attrs.Factory(set)

    def reconciled(self) -> tuple[list[Finding], dict[str, MeasureTotals]]:
        """The findings and per-measure totals of the running totals and chains."""
        if self._totals is None:
            from .totals import reconcile_totals  # noqa: PLC0415 (a rule module imports this one)

            self._totals = reconcile_totals(self.dataset)
        return self._totals


@attrs.frozen
class Rule:
    """A named check, the stage it belongs to, and the codes (with meanings) it may emit."""

    name: str
    stage: Stage
    codes: Mapping[str, str]
    run: Callable[[CheckContext], Iterable[Finding]]


#: Every registered rule by name, in registration order.
RULES: dict[str, Rule] = {}


def rule(name: str, stage: Stage, *, codes: Mapping[str, str]
         ) -> Callable[[Callable[[CheckContext], Iterable[Finding]]],
                       Callable[[CheckContext], Iterable[Finding]]]:
    """Register the decorated function as the rule ``name``; its codes become known codes."""
    def register(function: Callable[[CheckContext], Iterable[Finding]]
                 ) -> Callable[[CheckContext], Iterable[Finding]]:
        if name in RULES:
            raise ValueError(f"a rule named {name!r} is already registered")
        register_codes(codes)
        RULES[name] = Rule(name, stage, dict(codes), function)
        return function

    return register
