"""The library's ``check`` and ``reconcile``: what the CLI prints, and the totals of a chain."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

import sanctions_tracker
from sanctions_tracker.checks.totals import LinkStatus, Provenance
from sanctions_tracker.output.render import findings_document

from .conftest import BASE, DOCUMENTS, FINDINGS, FRIENDLY, run_cli

if TYPE_CHECKING:
    from sanctions_tracker.checks import CheckResult

# An error (chain-break's two notices), a warning (the partly itemized action) and an info (the
# action that names nobody), each at its own line.
CHECKED = [BASE, FINDINGS / "chain-break.yaml", FRIENDLY / "scripts-and-aliases.yaml",
           FINDINGS / "not-itemized.yaml"]


def test_library_check_gives_the_same_findings_as_the_cli(
        capsys: pytest.CaptureFixture[str]) -> None:
    argv = [arg for path in CHECKED for arg in ("--data", str(path))]
    code, out, _ = run_cli(capsys, "check", *argv, "--sources", str(DOCUMENTS), "--format",
                           "json")
    result = sanctions_tracker.check(sanctions_tracker.load(CHECKED), DOCUMENTS)
    assert code == 1
    assert json.loads(out) == findings_document(result.findings, failed=True)
    assert {f.severity.value for f in result.findings} == {"error", "warning", "info"}


def test_library_check_of_the_shipped_data_is_what_the_cli_prints(
        shipped_result: CheckResult, capsys: pytest.CaptureFixture[str]) -> None:
    # Both read SANCTIONS_TRACKER_SOURCES, if it is set, for the documents.
    code, out, _ = run_cli(capsys, "check", "--format", "json")
    assert (code, shipped_result.passed) == (0, True)
    assert json.loads(out) == findings_document(shipped_result.findings, failed=False)


def test_totals_of_a_chain_whose_first_total_is_unknown() -> None:
    dataset = sanctions_tracker.load([BASE, FINDINGS / "chain-unchecked.yaml"])
    totals = sanctions_tracker.check(dataset, DOCUMENTS).totals
    first = totals["increment-only"]
    assert first.link is LinkStatus.START
    assert first.total_after is None  # 50 added, totals not reported: nothing to derive
    assert totals["next-increment"].link is LinkStatus.UNCHECKED
    given = sanctions_tracker.check(sanctions_tracker.load([BASE, FRIENDLY / "bom-crlf.yaml"]),
                                    DOCUMENTS).totals["friendly-measure"]
    assert given.total_after is not None
    assert (given.total_after.value, given.total_after.provenance) == (170, Provenance.GIVEN)


def test_reconcile_alone_returns_unlocated_findings() -> None:
    dataset = sanctions_tracker.load([BASE, FINDINGS / "chain-unchecked.yaml",
                                      FINDINGS / "not-itemized.yaml"])
    findings, totals = sanctions_tracker.reconcile(dataset)
    assert {f.code for f in findings} == {"not-itemized", "chain-unchecked"}
    assert all(f.location.line is None for f in findings)
    assert set(totals) == {"increment-only", "next-increment"}
