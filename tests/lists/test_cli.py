"""The ``lists summary`` and ``lists diff`` commands, run through the main CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run_cli

from .conftest import LISTS, REFERENCE, needs_reference

if TYPE_CHECKING:
    from pathlib import Path

OLD = str(LISTS / "diff" / "sdn_2024-01-01.csv")
NEW = str(LISTS / "diff" / "sdn_2024-01-08.csv")
CLEAN = str(LISTS / "ofac_cons" / "cons_prim.csv")


def test_summary_text_exits_1_on_errors_and_prints_located_findings(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "summary", str(LISTS / "ofac_set" / "sdn.csv"))
    assert status == 1
    assert "US-OFAC SDN (ofac), snapshot undated (none)" in out
    assert "entries: 10 read, 3 skipped" in out
    assert "vessels with a ship IMO number: 4 of 4 (2 passing the check digit)" in out
    assert "sdn.csv:4:1: error[list-imo-invalid] IMO number 9003551" in out
    assert "Totals" not in out


def test_summary_of_several_files_ends_with_totals_by_list(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "summary", OLD, NEW, CLEAN)
    assert status == 0
    assert out.endswith(
        "Totals by authority and list:\n"
        "  US-OFAC Consolidated (non-SDN): 1 entries in 1 file (vessel 0, entity 1, "
        "individual 0, aircraft 0)\n"
        "  US-OFAC SDN: 9 entries in 2 files (vessel 2, entity 5, individual 2, aircraft 0)\n")


def test_summary_of_a_clean_file_exits_0(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "summary", CLEAN)
    assert status == 0
    assert "findings: 0 errors, 0 warnings, 1 info" in out


def test_summary_json(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "summary", "--format", "json",
                         "--snapshot-date", "2025-12-19", CLEAN)
    assert status == 0
    document = json.loads(out)
    assert document["status"] == "ok"
    (snap,) = document["snapshots"]
    assert (snap["authority"], snap["list"], snap["snapshot_date"], snap["date_source"]) == (
        "US-OFAC", "Consolidated (non-SDN)", "2025-12-19", "given")
    assert snap["subjects"] == {"vessel": 0, "entity": 1, "individual": 0, "aircraft": 0}
    assert snap["programmes"] == [
        {"programme": "RUSSIA-EO14024", "subject": "entity", "entries": 1},
        {"programme": "UKRAINE-EO13662", "subject": "entity", "entries": 1}]
    assert snap["findings"] == []


def test_summary_csv_carries_counts_and_findings_go_to_stderr(capsys) -> None:
    status, out, err = run_cli(capsys, "lists", "summary", "--format", "csv",
                               str(LISTS / "uk_conlist.csv"))
    assert status == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["programme"], r["subject"], r["entries"]) for r in rows} == {
        ("Russia", "individual", "2"), ("Russia", "vessel", "1"),
        ("Democratic People's Republic of Korea", "entity", "1")}
    assert "uk_conlist.csv:9:1: error[list-unknown-subject]" in err


def test_summary_of_a_folder_reads_primaries_and_passes_over_other_files(
        capsys, tmp_path: Path) -> None:
    shutil.copytree(LISTS / "ofac_set", tmp_path / "set")
    shutil.copy(LISTS / "not_a_list.txt", tmp_path / "notes.csv")
    (tmp_path / "README.md").write_text("not read")
    status, out, err = run_cli(capsys, "lists", "summary", "--format", "json", str(tmp_path))
    assert status == 1
    files = [s["file"].rsplit("/", 1)[-1] for s in json.loads(out)["snapshots"]]
    assert files == ["sdn.csv"]
    assert "note: passed over" in err
    assert "notes.csv" in err


def test_list_format_forces_a_reader(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "summary", "--list-format", "eu",
                             str(LISTS / "uk_conlist.csv"))
    assert status == 1
    assert "the header lacks celex, recordId" in out


@pytest.mark.parametrize("argv", [
    ("summary", "missing.csv"),
    ("summary", str(LISTS / "not_a_list.txt")),
    ("diff", OLD, "missing.csv"),
    ("diff", OLD, str(LISTS / "uk_conlist.csv")),
    ("diff", OLD, str(LISTS / "diff")),
    ("diff", str(LISTS / "ftm_entities.json"),
     str(LISTS / "20240528014702-abc.entities.delta.json")),
])
def test_unreadable_input_or_unrelated_lists_exit_2_with_one_line(
        capsys, argv: tuple[str, ...]) -> None:
    status, out, err = run_cli(capsys, "lists", *argv)
    assert status == 2
    assert out == ""
    assert err.startswith("sanctions-tracker: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_diff_text_exits_0_with_differences(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "diff", OLD, NEW)
    assert status == 0
    assert "2 added, 1 removed, 1 changed" in out
    assert "  + 5  vessel  [RUSSIA-EO14024]  ARRIVES" in out
    assert "      names: - primary: OLD NAME SHIPPING" in out


def test_diff_json_has_top_level_arrays_of_items_with_ids(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "diff", "--format", "json", OLD, NEW)
    assert status == 0
    document = json.loads(out)
    assert [e["id"] for e in document["added"]] == ["5", "6"]
    assert [e["id"] for e in document["removed"]] == ["3"]
    assert [c["id"] for c in document["changed"]] == ["2"]
    assert document["changed"][0]["fields"][1] == {
        "field": "programs", "removed": [], "added": ["RUSSIA-EO14024"]}
    assert document["added"][0]["subject"] == "vessel"
    assert document["counts"] == {"added": 2, "removed": 1, "changed": 1}


def test_diff_csv(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "diff", "--format", "csv", OLD, NEW)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["change"], r["id"], r["field"]) for r in rows] == [
        ("added", "5", ""), ("added", "6", ""), ("removed", "3", ""),
        ("changed", "2", "names"), ("changed", "2", "programs")]


def test_a_file_with_row_findings_is_still_compared_and_the_findings_shown(
        capsys, tmp_path: Path) -> None:
    broken = tmp_path / "sdn.csv"
    broken.write_bytes(LISTS.joinpath("diff", "sdn_2024-01-08.csv").read_bytes()
                       .replace(b"9179842", b"9179843"))
    status, out, _ = run_cli(capsys, "lists", "diff", NEW, str(broken))
    assert status == 0
    assert "0 added, 0 removed, 1 changed" in out
    assert "sdn.csv:4:1: error[list-imo-invalid] IMO number 9179843" in out


@needs_reference
def test_diff_of_the_real_sdn_snapshots(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "diff", "--format", "json",
                         str(REFERENCE / "ofac_sdn_2024-04-26.csv"),
                         str(REFERENCE / "ofac_sdn_2024-05-03.csv"))
    assert status == 0
    document = json.loads(out)
    assert (len(document["added"]), len(document["removed"]), len(document["changed"])) == (
        305, 8, 0)
    assert all("id" in item for item in document["added"] + document["removed"])


@needs_reference
def test_summary_of_every_reference_list_exits_0_or_1(capsys) -> None:
    status, out, _ = run_cli(capsys, "lists", "summary", "--format", "json", str(REFERENCE))
    assert status == 1  # OFAC's '543400' is an error
    document = json.loads(out)
    assert len(document["snapshots"]) == 14
    totals = {(t["authority"], t["list"]): t for t in document["totals"]}
    assert totals["US-OFAC", "SDN"]["files"] == 3
    assert totals["UN-SC", "Consolidated List"]["individual"] == 730


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_a_renamed_list_compared_with_another_is_warned_about(tmp_path: Path, capsys,
                                                              fmt: str) -> None:
    """The consolidated list renamed sdn.csv reads as 'SDN': the ids it shares give it away."""
    renamed = tmp_path / "sdn.csv"
    shutil.copy(CLEAN, renamed)
    status, out, err = run_cli(capsys, "lists", "diff", OLD, str(renamed), "--format", fmt)
    assert status == 0
    shown = err if fmt == "csv" else out
    assert "warning[list-diff-few-shared-ids]" in shown or (
        fmt == "json" and "list-diff-few-shared-ids" in shown)
    assert "(0%)" in shown


def test_two_versions_of_one_list_are_not_warned_about(capsys) -> None:
    status, out, err = run_cli(capsys, "lists", "diff", OLD, NEW)
    assert status == 0
    assert "list-diff-few-shared-ids" not in out + err
