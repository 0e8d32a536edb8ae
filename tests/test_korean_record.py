"""The shipped Korean record (issue 13's done-when), checked against the seeds and real lists.

The record must stay complete and evidenced: these tests read the shipped data as a user does.
"""

from __future__ import annotations

import pytest

import sanctions_tracker
from sanctions_tracker.checks.citations import figure_levels
from sanctions_tracker.matching import list_file_finder
from sanctions_tracker.output.report import ReportFilter, build_report

from .conftest import REPO, SEED_DOCUMENTS, run_cli

LISTS = REPO.parent / "shared" / "reference-lists"
pytestmark = pytest.mark.skipif(
    not (LISTS.is_dir() and SEED_DOCUMENTS.is_dir()),
    reason="the seed documents and reference lists (../shared) are not beside the checkout")


@pytest.fixture(scope="module")
def shipped() -> tuple[sanctions_tracker.Dataset, sanctions_tracker.CheckResult]:
    dataset = sanctions_tracker.load([REPO / "data", REPO / "seeds"])
    result = sanctions_tracker.check(dataset, SEED_DOCUMENTS,
                                     list_files=list_file_finder([LISTS]))
    return dataset, result


def test_the_record_checks_clean_with_every_list_entry_verified(shipped) -> None:
    dataset, result = shipped
    assert [f for f in result.findings if f.severity.value == "error"] == []
    entries = [(r.id, path) for r, path, e in dataset.all_evidence() if e.entry is not None]
    assert len(entries) >= 15
    assert set(entries) == set(result.listed)


def test_every_figure_is_evidenced(shipped) -> None:
    dataset, result = shipped
    for record in dataset.figure_records():
        levels = figure_levels(record, result.verified)
        assert "-" not in levels.values(), record.id
        assert set(levels.values()) <= {"quoted-verified", "cited"}, record.id


def test_the_list_runs_from_its_first_version_to_the_latest(shipped) -> None:
    dataset, result = shipped
    measures = sorted(dataset.measures_of("kr-export-controls-russia"),
                      key=lambda m: result.totals[m.id].position)
    totals = [result.totals[m.id] for m in measures]
    assert totals[0].total_before is not None
    assert totals[0].total_before.value == 0
    assert [t.total_after.value if t.total_after else None for t in totals] == [
        57, 798, 1159, 1402]
    assert [m.in_force.isoformat() for m in measures] == [
        "2022-03-26", "2023-04-28", "2024-02-24", "2024-09-09"]
    # 798 + 682 is not 1,159: reported with its arithmetic and accepted as disputed.
    breaks = [f for f in result.findings if f.code == "disputed-total"]
    assert len(breaks) == 1
    assert "798 + 682 = 1,480" in breaks[0].message


def test_the_report_shows_the_chain_and_every_round(shipped) -> None:
    dataset, result = shipped
    report = build_report(dataset, result, ReportFilter())
    (timeline,) = [t for t in report.tables if t.key == "timeline:kr-export-controls-russia"]
    assert any("798 + 682 = 1,480" in note for note in timeline.notes)
    (rounds,) = [t for t in report.tables if t.key == "designations"]
    assert [r["announced"] for r in rounds.rows] == [
        "2023-09-21", "2024-04-02", "2024-05-24", "2024-06-20", "2024-12-17"]
    for action in dataset.actions.values():
        assert action.subjects, action.id
    (subjects,) = [t for t in report.tables if t.key == "designations:subjects"]
    assert len(subjects.rows) == sum(len(a.subjects) for a in dataset.actions.values())
    lady_r = next(r for r in subjects.rows if r["name"] == "LADY R")
    assert (lady_r["round"], lady_r["imo"], lady_r["evidence"]) == (
        "2024-04-02", "9161003", "listed-verified cited")


def test_crossref_finds_koreas_ships_on_other_lists(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "crossref", "--lists", str(LISTS), "--format", "json")
    assert code == 0
    import json

    found = {(s["name"], m["list"], m["how"]) for s in json.loads(out)["subjects"]
             for m in s["matches"]}
    for ship, imo in (("LADY R", "9161003"), ("PATRIOT", "9003550")):
        assert any(name == ship and how == "identifier" for name, _, how in found), (ship, imo)
    assert ("LADY R", "EU CELEX 32014R0833", "identifier") in found
