from __future__ import annotations

import datetime as dt

import sanctions_tracker
from sanctions_tracker.output.report import ReportFilter, build_report


def _tables(keep: ReportFilter | None = None) -> dict[str, sanctions_tracker.output.report.Table]:
    dataset = sanctions_tracker.load()
    report = build_report(dataset, sanctions_tracker.check(dataset), keep)
    return {t.key: t for t in report.tables}


def test_series_summary_says_what_is_known() -> None:
    (row,) = _tables()["summary:series"].rows
    assert row["updates"] == 2
    assert row["items_added"] == 741 + 243
    assert row["to_total"] == 1402
    assert row["from_total"] is None
    assert row["unchecked"] == 1
    assert "the total before the first (2023-02-24) is not known" in row["summary"]


def test_authority_summary_adds_stated_counts() -> None:
    (row,) = _tables()["summary:authority"].rows
    assert (row["authority"], row["actions"], row["vessels"], row["entities"],
            row["individuals"], row["measures"]) == ("KR", 1, 4, 5, 8, 2)


def test_date_filter_keeps_only_the_range() -> None:
    tables = _tables(ReportFilter(since=dt.date(2024, 1, 1)))
    rows = tables["timeline:kr-export-controls-russia"].rows
    assert [r["measure"] for r in rows] == ["kr-2024-06-20-export-controls-russia"]
    tables = _tables(ReportFilter(until=dt.date(2023, 12, 31)))
    assert tables["designations"].rows == ()


def test_authority_filter_and_sections() -> None:
    tables = _tables(ReportFilter(authorities=frozenset({"US"}),
                                  sections=("timeline", "designations")))
    assert set(tables) == {"designations"}
    assert tables["designations"].rows == ()
    assert "findings" not in tables
