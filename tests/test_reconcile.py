from __future__ import annotations

import sanctions_tracker
from sanctions_tracker.checks.totals import LinkStatus, Provenance


def test_library_check_gives_the_same_findings_as_the_cli() -> None:
    result = sanctions_tracker.check(sanctions_tracker.load())
    assert result.passed
    assert [f.code for f in result.findings] == [
        "quotes-not-checked", "not-itemized", "chain-unchecked"
    ]


def test_totals_of_the_shipped_series() -> None:
    totals = sanctions_tracker.check(sanctions_tracker.load()).totals
    first = totals["kr-2023-02-24-export-controls-russia"]
    assert first.link is LinkStatus.START
    assert first.total_after is None  # 741 added, totals not reported: nothing to derive
    second = totals["kr-2024-06-20-export-controls-russia"]
    assert second.link is LinkStatus.UNCHECKED
    assert second.total_after is not None
    assert (second.total_after.value, second.total_after.provenance) == (1402, Provenance.GIVEN)


def test_reconcile_alone_returns_unlocated_findings() -> None:
    findings, totals = sanctions_tracker.reconcile(sanctions_tracker.load())
    assert {f.code for f in findings} == {"not-itemized", "chain-unchecked"}
    assert all(f.location.line is None for f in findings)
    assert set(totals) == {"kr-2023-02-24-export-controls-russia",
                           "kr-2024-06-20-export-controls-russia"}
