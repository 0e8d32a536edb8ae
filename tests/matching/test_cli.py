"""The done-when checks of the issue, on the real lists, and the commands' edges."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run_cli

from .conftest import BASE, EU, ITEMIZED, LISTS, OFAC, UK, needs_lists

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = needs_lists
DATA = ("--data", str(BASE), "--data", str(ITEMIZED))


def test_lookup_an_imo_names_the_ofac_vessel(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "lookup", "9003550", "--lists", str(OFAC), "--format", "json")
    document = json.loads(out)
    assert code == 0
    assert document["notes"] == ["9003550 is a valid ship IMO number (not a company IMO number)"]
    found = [m for m in document["matches"] if m["list"] == "US-OFAC SDN"]
    assert [(m["entry_id"], m["name"], m["programs"], m["how"]) for m in found] == [
        ("24508", "PATRIOT", ["DPRK4"], "identifier")]


def test_lookup_transmorflot_finds_ofac_and_mg_flot(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "lookup", "Transmorflot", "--lists", str(OFAC), str(EU),
                           "--format", "json")
    matches = {m["list"]: m for m in json.loads(out)["matches"]}
    assert code == 0
    ofac, eu = matches["US-OFAC SDN"], matches["EU CELEX 32014R0269"]
    assert (ofac["entry_id"], ofac["how"], ofac["matched_name"]) == (
        "37049", "legal form removed", "TRANSMORFLOT LLC")
    assert (eu["name"], eu["name_kind"], eu["how"]) == ("MG-Flot LLC", "aka", "exact")
    assert {"name": "TransMorFlot LLC", "kind": "fka"} in eu["names"]  # from the remarks


def test_lookup_text_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "lookup", "Transmorflot", "--lists", str(EU))
    assert code == 0
    assert 'matched alias "TransMorFlot", exact (score 1.00)' in out
    assert "TransMorFlot LLC (fka)" in out


def test_lookup_curated_subjects_carry_their_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "lookup", "Sea Maple", *DATA, "--format", "json")
    assert code == 0
    match = json.loads(out)["matches"][0]
    assert (match["list_name"], match["entry_id"]) == (
        "curated", "itemized-against-lists/subjects/1")
    assert match["evidence"] == ["designated four ships"]


def test_lookup_csv_one_row_per_match(capsys: pytest.CaptureFixture[str]) -> None:
    # Curated data without subjects: the shipped data has a PATRIOT of its own.
    code, out, _ = run_cli(capsys, "lookup", "PATRIOT", "--lists", str(OFAC), "--format", "csv",
                           "--type", "vessel", "--data", str(BASE))
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("query,authority,list,")
    assert len(lines) == 2
    assert ",24508,vessel,PATRIOT," in lines[1]


def test_the_lists_come_from_the_environment(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONS_TRACKER_LISTS", str(OFAC))
    code, out, _ = run_cli(capsys, "lookup", "9003550")
    assert code == 0
    assert "entry 24508" in out


def test_batch_plain_lines_as_json_lines(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("9003550\n\nTransmorflot\nNobody Known At All\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "lookup", "--batch", str(queries), "--lists", str(OFAC),
                             "--format", "json", "--data", str(BASE))
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["query"] for r in results] == ["9003550", "Transmorflot", "Nobody Known At All"]
    assert results[0]["matches"][0]["entry_id"] == "24508"
    assert results[2]["matches"] == []
    assert err == ""  # no progress when standard error is not a terminal


def test_batch_csv_with_type_and_imo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text("Name,type,imo,country\nPatriot,vessel,,\n,vessel,9003550,RU\n",
                       encoding="utf-8")
    code, out, _ = run_cli(capsys, "lookup", "--batch", str(queries), "--lists", str(OFAC),
                           "--format", "csv", "--data", str(BASE))
    rows = out.splitlines()
    assert code == 0
    assert rows[1].startswith("Patriot,US-OFAC,SDN,")
    assert rows[2].startswith("9003550,US-OFAC,SDN,2024-05-03,24508,")


def test_batch_csv_row_without_name_names_the_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text("name,type\nPatriot,vessel\n,entity\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "lookup", "--batch", str(queries))
    assert code == 2
    assert f"{queries}:3: the row has no name" in err


@pytest.mark.parametrize(("argv", "message"), [
    (("lookup",), "give a QUERY or --batch FILE"),
    (("lookup", "x", "--lists", "no/such/folder"), "--lists no/such/folder: no such file"),
    (("lookup", "--batch", "no/such/file"), "no/such/file: cannot read the batch file"),
])
def test_bad_usage_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                          argv: tuple[str, ...], message: str) -> None:
    code, _, err = run_cli(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_a_bad_threshold_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run_cli(capsys, "lookup", "x", "--threshold", "2")
    assert stop.value.code == 2
    assert "is not a score" in capsys.readouterr().err


def test_crossref_identifier_first_then_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "crossref", *DATA, "--lists", str(OFAC), str(UK),
                           "--format", "json")
    subjects = {s["name"]: s for s in json.loads(out)["subjects"]}
    assert code == 0
    assert [m["explanation"] for m in subjects["PATRIOT"]["matches"]] == ["ship IMO 9003550"]
    sea = subjects["SEA MAPLE"]["matches"][0]
    assert (sea["entry_id"], sea["name"]) == ("4243", "EBANO")
    assert {m["list"] for m in subjects["OCEAN STAR"]["wrong_scheme"]} == {
        "US-OFAC SDN", "GB-OFSI Consolidated List"}
    assert [m["entry_id"] for m in subjects["TIFON"]["conflicts"]] == ["4249"]
    assert subjects["TIFON"]["matches"] == []
    person = subjects["Choi Ryong Hae"]["matches"][0]
    assert (person["entry_id"], person["how"]) == ("23213", "transliterated (sounds alike)")
    entity = {m["list"]: m["how"] for m in
              subjects["Transmorflot Limited Liability Company"]["matches"]}
    assert entity == {"US-OFAC SDN": "legal form removed",
                      "GB-OFSI Consolidated List": "legal form removed"}


def test_crossref_text_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "crossref", *DATA, "--lists", str(OFAC))
    assert code == 0
    assert 'conflict: name "TIFON", exact' in out
    code, out, _ = run_cli(capsys, "crossref", *DATA, "--lists", str(OFAC), "--format", "csv")
    assert out.splitlines()[0] == "subject,list,entry,listed,programmes,how"


def test_crossref_of_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "crossref", "--lists", str(OFAC))
    assert code == 0
    assert out.startswith("no subjects to cross-reference: the data has no itemized subjects "
                          "(1 list(s) read)") or "subject" in out.splitlines()[0]


def test_check_against_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", *DATA, "--lists", str(OFAC))
    mine = sorted(line.partition("itemized.yaml")[2] for line in out.splitlines()
                  if any(c in line for c in ("listed-under-other-name", "imo-scheme-mismatch",
                                             "list-identifier-conflict")))
    assert code == 1
    assert mine[0].startswith(":15:30: warning[listed-under-other-name] SEA MAPLE "
                              "(ship IMO 7406784) is listed as 'EBANO' by US-OFAC SDN entry 4243")
    assert mine[1].startswith(":16:54: error[imo-scheme-mismatch] 1790183 is given as "
                              "a ship IMO number, but US-OFAC SDN entry 17068")
    assert mine[2].startswith(":17:9: warning[list-identifier-conflict] TIFON matches "
                              "US-OFAC SDN entry 4249 (TIFON)")
    assert len(mine) == 3


def test_check_without_lists_reports_none_of_these(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "check", *DATA)
    assert "list-identifier-conflict" not in out
    assert "imo-scheme-mismatch" not in out


def test_the_reference_lists_folder_is_read_whole(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "lookup", "IMO 9003550", "--lists", str(LISTS))
    assert code == 0
    assert out.count("entry 24508: vessel PATRIOT") == 3  # three OFAC SDN snapshots


def test_crossref_every_entry_of_a_list(capsys: pytest.CaptureFixture[str]) -> None:
    un = LISTS / "un_consolidated_2026-02-27.xml"
    code, out, _ = run_cli(capsys, "crossref", "--entries", str(un), "--lists", str(OFAC),
                           str(un), "--format", "json")
    document = json.loads(out)
    assert code == 0
    assert document["lists"] == ["US-OFAC SDN 2024-05-03"]  # the entries' own list left out
    by_id = {s["subject"]: s for s in document["subjects"]}
    ryonha = by_id["KPe.016"]["matches"][0]
    assert (ryonha["list"], ryonha["entry_id"], ryonha["how"]) == ("US-OFAC SDN", "9527", "exact")


@pytest.mark.parametrize(("text", "line", "message"), [
    # non-strict reading merged the rows after the quote into one query, silently
    ('name\n"unterminated\nPATRIOT\n', 2, "a quoted field is not closed"),
    ('name,imo\nPATRIOT,1\n"A"B,2\n', 3, "not valid CSV"),
    # past the csv module's field limit: exit 70 with a traceback
    ("name\nPATRIOT\n" + "a" * 140_000 + "\n", 3, "the line is 140,000 characters long"),
    ("a" * 140_000 + "\n", 1, "the line is 140,000 characters long"),
    ("PATRIOT\n" + "a" * 10_001 + "\n", 2, "the line is 10,001 characters long"),
])
def test_a_damaged_batch_csv_is_one_line_naming_the_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int,
        message: str) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text(text, encoding="utf-8")
    code, out, err = run_cli(capsys, "lookup", "--batch", str(queries), "--lists", str(OFAC))
    assert (code, out) == (2, "")
    assert err.startswith(f"sanctions-tracker: error: {queries}:{line}: {message}"), err
    assert err.count("\n") == 1


def test_batch_csv_lines_count_the_lines_of_quoted_fields(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text('name,type\n"PATRIOT\nSHIP",vessel\n,entity\n', encoding="utf-8")
    code, _, err = run_cli(capsys, "lookup", "--batch", str(queries))
    assert code == 2
    assert f"{queries}:4: the row has no name" in err
