"""Running totals and chains: property tests on generated series, and the documented cases."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker.checks.totals import LinkStatus, Provenance, reconcile_totals
from sanctions_tracker.model.dataset import Dataset, Origin
from sanctions_tracker.model.records import Evidence, ExportControlMeasure, ExportControlSeries

from .conftest import BASE, DOCUMENTS, FINDINGS

SERIES = ExportControlSeries(id="s", authority="KR", title="t")
EVIDENCE = (Evidence(source="x", quote="q"),)


def _dataset(measures: list[ExportControlMeasure]) -> Dataset:
    dataset = Dataset()
    dataset.add(SERIES, Origin("mem.yaml", ("series", 0)))
    for index, m in enumerate(measures):
        dataset.add(m, Origin("mem.yaml", ("measures", index)))
    return dataset


def _measure(i: int, before: int | None, added: int | None, removed: int | None,
             after: int | None) -> ExportControlMeasure:
    return ExportControlMeasure(
        id=f"m{i}", series="s", authority="KR", announced=dt.date(2024, 1, 1) + dt.timedelta(i),
        evidence=EVIDENCE, total_before=before, items_added=added, items_removed=removed,
        total_after=after,
    )


steps = st.lists(
    st.tuples(st.integers(0, 5_000), st.integers(0, 300)),  # (added, removed) per measure
    min_size=1, max_size=8,
)


def _consistent_chain(start: int,
                      changes: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    rows, level = [], start
    for added, wanted in changes:
        removed = min(wanted, level + added)
        rows.append((level, added, removed, level + added - removed))
        level = level + added - removed
    return rows


@settings(max_examples=150, deadline=None)
@given(start=st.integers(0, 100_000), changes=steps, hide=st.lists(st.sampled_from(
    ["none", "before", "after", "change"]), min_size=8, max_size=8))
def test_a_consistent_chain_has_no_error_whatever_is_left_out(
    start: int, changes: list[tuple[int, int]], hide: list[str]
) -> None:
    measures = []
    for i, (before, added, removed, after) in enumerate(_consistent_chain(start, changes)):
        gone = hide[i]
        measures.append(_measure(
            i,
            None if gone == "before" else before,
            None if gone == "change" else added,
            None if gone == "change" else removed,
            None if gone == "after" else after,
        ))
    findings, totals = reconcile_totals(_dataset(measures))
    assert [f for f in findings if f.severity.value == "error"] == []
    assert all(totals[m.id].link is not LinkStatus.BREAK for m in measures)
    # Every total is known: one missing figure per measure is always derivable or carried.
    assert all(totals[m.id].total_after is not None for m in measures)
    expected_after = _consistent_chain(start, changes)[-1][3]
    last = totals[measures[-1].id].total_after
    assert last is not None
    assert last.value == expected_after


@settings(max_examples=150, deadline=None)
@given(start=st.integers(0, 100_000), changes=steps, data=st.data(),
       delta=st.integers(-50, 50).filter(bool))
def test_a_perturbed_increment_is_exactly_one_total_mismatch(
    start: int, changes: list[tuple[int, int]], data: st.DataObject, delta: int
) -> None:
    rows = _consistent_chain(start, changes)
    k = data.draw(st.integers(0, len(rows) - 1))
    before, added, removed, after = rows[k]
    if added + delta < 0:
        delta = -delta
    measures = [_measure(i, *row) for i, row in enumerate(rows)]
    measures[k] = _measure(k, before, added + delta, removed, after)
    findings, _ = reconcile_totals(_dataset(measures))
    errors = [f for f in findings if f.severity.value == "error"]
    assert [(f.code, f.location.path) for f in errors] == [
        ("total-mismatch", f"$.measures[{k}].total_after")
    ]
    assert f"but total_after is {after:,}" in errors[0].message


@settings(max_examples=100, deadline=None)
@given(start=st.integers(0, 100_000), changes=steps.filter(lambda c: len(c) >= 2),
       data=st.data(), delta=st.integers(1, 50))
def test_a_shifted_measure_is_exactly_one_chain_break(
    start: int, changes: list[tuple[int, int]], data: st.DataObject, delta: int
) -> None:
    rows = _consistent_chain(start, changes)
    k = data.draw(st.integers(1, len(rows) - 1))
    measures = [_measure(i, *row) for i, row in enumerate(rows)]
    before, added, removed, after = rows[k]
    # The whole measure moves up by delta: its own sum holds, its link does not.
    measures[k] = _measure(k, before + delta, added, removed, after + delta)
    findings, totals = reconcile_totals(_dataset(measures))
    errors = [f for f in findings if f.severity.value == "error"]
    codes = [(f.code, f.location.path) for f in errors]
    assert ("chain-break", f"$.measures[{k}].total_before") in codes
    assert f"chain break of {delta:,} item" in errors[0].message
    assert totals[f"m{k}"].link is LinkStatus.BREAK


def test_derived_and_given_are_told_apart() -> None:
    findings, totals = reconcile_totals(_dataset([_measure(0, None, 243, None, 1402)]))
    t = totals["m0"]
    assert t.total_before is not None
    assert (t.total_before.value, t.total_before.provenance) == (1159, Provenance.DERIVED)
    assert t.total_before.how == "1,402 - 243"
    assert t.total_after is not None
    assert t.total_after.provenance is Provenance.GIVEN
    assert [f.code for f in findings] == ["derived-value"]


def _check_with(tmp_path: Path, extra: str | None) -> list[tuple[str, str]]:
    shutil.copy(FINDINGS / "chain-break.yaml", tmp_path / "chain.yaml")
    if extra:
        (tmp_path / "extra.yaml").write_text(extra)
    dataset = sanctions_tracker.load([BASE, tmp_path])
    result = sanctions_tracker.check(dataset, DOCUMENTS)
    return [(f.severity.value, f.code) for f in result.findings if f.severity.value != "info"]


RECLASSIFICATION = """kind: export-controls
measures:
  - id: reclassified-out
    series: test-list
    authority: KR
    announced: 2024-01-20
    date_derivation: The date of the correction notice in the test notices.
    net_adjustment: -10
    adjustment_reason: Items moved to another list, per the correction notice.
    evidence:
      - source: chain-notices
        quote: 10 items were reclassified out of the list after the first notice
"""

REMOVAL = """kind: export-controls
measures:
  - id: removed-ten
    series: test-list
    authority: KR
    announced: 2024-01-20
    date_derivation: The date of the correction notice in the test notices.
    items_removed: 10
    evidence:
      - source: chain-notices
        quote: 10 items were reclassified out of the list after the first notice
"""


def test_the_documented_break_and_its_resolutions(tmp_path: Path) -> None:
    assert _check_with(tmp_path, None) == [("error", "chain-break")]
    assert _check_with(tmp_path, RECLASSIFICATION) == []
    assert _check_with(tmp_path, REMOVAL) == []
