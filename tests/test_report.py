"""Reports as values: the series and authority summaries, and the filters."""

from __future__ import annotations

import datetime as dt

import sanctions_tracker
from sanctions_tracker.output.report import ReportFilter, Table, build_report

from .conftest import BASE, DOCUMENTS, FIXTURES, FRIENDLY

# test-list: friendly-measure, 120 + 50 = 170 (2024-01-10). thousands-list: increment-first,
# 40 added (2024-01-20), then thousands-measure, 1,000 added for 2,500 (2024-03-01), its link
# unchecked. friendly-scripts: 2 vessels, 3 entities, 4 individuals (2024-02-29).
DATA = [BASE, FRIENDLY, FIXTURES / "report"]


def _tables(keep: ReportFilter | None = None) -> dict[str, Table]:
    dataset = sanctions_tracker.load(DATA)
    report = build_report(dataset, sanctions_tracker.check(dataset, DOCUMENTS), keep)
    return {t.key: t for t in report.tables}


def test_series_summary_says_what_is_known() -> None:
    rows = {r["series"]: r for r in _tables()["summary:series"].rows}
    row = rows["thousands-list"]
    assert row["updates"] == 2
    assert row["items_added"] == 40 + 1_000
    assert row["to_total"] == 2_500
    assert row["from_total"] is None
    assert row["unchecked"] == 1
    assert "the total before the first (2024-01-20) is not known" in row["summary"]
    assert rows["test-list"]["summary"] == "grew from 120 to 170 items over 1 update"


def test_authority_summary_adds_stated_counts() -> None:
    (row,) = _tables()["summary:authority"].rows
    assert (row["authority"], row["actions"], row["vessels"], row["entities"],
            row["individuals"], row["measures"], row["items_added"]) == (
        "KR", 1, 2, 3, 4, 3, 50 + 40 + 1_000)


def test_date_filter_keeps_only_the_range() -> None:
    tables = _tables(ReportFilter(since=dt.date(2024, 2, 1)))
    rows = tables["timeline:thousands-list"].rows
    assert [r["measure"] for r in rows] == ["thousands-measure"]
    assert "timeline:test-list" not in tables
    tables = _tables(ReportFilter(until=dt.date(2024, 2, 28)))
    assert tables["designations"].rows == ()


def test_authority_filter_and_sections() -> None:
    tables = _tables(ReportFilter(authorities=frozenset({"US"}),
                                  sections=("timeline", "designations")))
    assert set(tables) == {"designations"}
    assert tables["designations"].rows == ()
    assert "findings" not in tables
