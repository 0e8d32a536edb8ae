"""FtM, JSON and CSV exports: valid FollowTheMoney, and ids stable across snapshots."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sys
from typing import TYPE_CHECKING, Any

import pytest

from sanctions_tracker.cli import main
from sanctions_tracker.lists import diff, read
from sanctions_tracker.lists.export import entity_id, export_csv, export_ftm, export_json

from .conftest import LISTS, REFERENCE, entry, needs_reference

if TYPE_CHECKING:
    from pathlib import Path

FIXTURES = ["ofac_set/sdn.csv", "un_consolidated.xml", "eu_32014R0833.csv", "uk_conlist.csv",
            "ftm_entities.json"]


def entities(path: Path, **kwargs: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in export_ftm(read(path, **kwargs))]


@pytest.mark.skipif(sys.version_info < (3, 11),
                    reason="followthemoney, which validates the export, needs Python 3.11+")
@pytest.mark.parametrize("name", FIXTURES)
def test_every_value_is_valid_followthemoney(name: str) -> None:
    from followthemoney import model

    exported = entities(LISTS / name)
    assert exported
    for entity in exported:
        proxy = model.get_proxy(entity, cleaned=False)
        for prop, values in entity["properties"].items():
            kind = proxy.schema.properties[prop].type
            assert [kind.clean(v) is not None for v in values] == [True] * len(values), (
                entity["id"], prop, values)


def test_subjects_and_one_sanction_per_programme() -> None:
    exported = {e["id"]: e for e in entities(LISTS / "ofac_set" / "sdn.csv")}
    company = exported["us-ofac-sdn-101"]
    assert company["schema"] == "Organization"
    assert company["properties"]["imoNumber"] == ["6016988", "5344160"]
    assert company["properties"]["previousName"] == ["SEVERNAYA ZVEZDA OOO"]
    sanctions = [e for e in exported.values() if e["schema"] == "Sanction"
                 and e["properties"]["entity"] == ["us-ofac-sdn-101"]]
    assert sorted(s["properties"]["program"][0] for s in sanctions) == [
        "RUSSIA-EO14024", "UKRAINE-EO13662"]
    assert all(s["properties"]["authority"] == ["US-OFAC"] for s in sanctions)
    assert exported["us-ofac-sdn-102"]["schema"] == "Vessel"
    assert exported["us-ofac-sdn-107"]["schema"] == "Person"
    assert exported["us-ofac-sdn-109"]["schema"] == "Airplane"


def test_a_number_failing_its_check_digit_is_not_exported_as_an_imo_number() -> None:
    exported = {e["id"]: e for e in entities(LISTS / "ofac_set" / "sdn.csv")}
    broken = exported["us-ofac-sdn-104"]["properties"]
    assert "imoNumber" not in broken
    assert "ship-imo 9003551 (fails its check digit)" in broken["notes"]


def test_listing_dates_go_on_the_sanction() -> None:
    exported = entities(LISTS / "un_consolidated.xml")
    sanction = next(e for e in exported if e["schema"] == "Sanction"
                    and e["properties"]["recordId"] == ["QDi.001"])
    assert sanction["properties"]["listingDate"] == ["2015-07-01"]
    assert sanction["properties"]["program"] == ["Al-Qaida"]


def test_ids_do_not_depend_on_the_snapshot_date_or_the_file_name(tmp_path: Path) -> None:
    copy = tmp_path / "sdn_2030-01-01.csv"
    shutil.copy(LISTS / "uk_conlist.csv", copy)
    first = entities(LISTS / "uk_conlist.csv")
    second = entities(copy, snapshot_date=dt.date(2030, 1, 1))
    assert first == second


def test_ids_that_are_not_id_safe_are_hashed_stably() -> None:
    snapshot = read(LISTS / "eu_32014R0833.csv")
    derived = entity_id(snapshot, entry(snapshot, "XIV/NO RECORD ID JSC"))
    assert derived.startswith("eu-celex-32014r0833-")
    assert derived == entity_id(read(LISTS / "eu_32014R0833.csv"),
                                entry(snapshot, "XIV/NO RECORD ID JSC"))
    assert entity_id(snapshot, entry(snapshot, "III/1")) != entity_id(
        snapshot, entry(snapshot, "XLII/1"))


def test_ftm_sources_keep_their_own_ids() -> None:
    ids = {e["id"] for e in entities(LISTS / "ftm_entities.json") if e["schema"] != "Sanction"}
    assert ids == {"ts-vessel-1", "ts-person-1", "ts-company-1"}


def test_json_and_csv() -> None:
    snapshot = read(LISTS / "uk_conlist.csv")
    document = json.loads(export_json(snapshot))
    assert [e["id"] for e in document["entries"]] == ["14001", "16001", "13001", "14002"]
    assert document["snapshot_date"] == "2025-04-10"
    assert document["findings"][-1]["code"] == "list-unknown-subject"
    rows = list(csv.DictReader(io.StringIO(export_csv(snapshot))))
    assert [(r["id"], r["ship_imo"], r["company_imo"]) for r in rows] == [
        ("14001", "", ""), ("16001", "9179842", ""), ("13001", "", "6016988"), ("14002", "", "")]


def test_cli_export_writes_the_file_whole(capsys, tmp_path: Path) -> None:
    target = tmp_path / "out.ftm.json"
    status = main(["lists", "export", str(LISTS / "ofac_cons" / "cons_prim.csv"),
                   "--format", "ftm", "--output", str(target)])
    assert status == 0
    assert [json.loads(line)["schema"] for line in target.read_text().splitlines()] == [
        "Organization", "Sanction", "Sanction"]
    assert "wrote 1 entries" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["out.ftm.json"]


def test_cli_export_to_an_unwritable_place_exits_2(capsys, tmp_path: Path) -> None:
    status = main(["lists", "export", str(LISTS / "uk_conlist.csv"), "--format", "csv",
                   "--output", str(tmp_path / "missing" / "out.csv")])
    assert status == 2
    assert "the folder to write into does not exist" in capsys.readouterr().err


def test_cli_export_never_writes_over_its_input(capsys, tmp_path: Path) -> None:
    source = tmp_path / "uk.csv"
    source.write_bytes((LISTS / "uk_conlist.csv").read_bytes())
    status = main(["lists", "export", str(source), "--format", "json", "--output", str(source)])
    assert status == 2
    assert source.read_bytes() == (LISTS / "uk_conlist.csv").read_bytes()
    assert capsys.readouterr().err.startswith("sanctions-tracker: error:")



@pytest.mark.parametrize("companion", ["alt.csv", "add.csv", "sdn_comments.csv"])
def test_cli_export_never_writes_over_a_companion_file_it_read(capsys, tmp_path: Path,
                                                               companion: str) -> None:
    # Only the primary was an input: the OFAC alt/add/comments files read with it were
    # replaced by the export.
    folder = tmp_path / "set"
    shutil.copytree(LISTS / "ofac_set", folder)
    before = (folder / companion).read_bytes()
    status = main(["lists", "export", str(folder / "sdn.csv"), "--format", "json",
                   "--output", str(folder / companion)])
    assert status == 2
    assert (folder / companion).read_bytes() == before
    assert "is an input of this command" in capsys.readouterr().err

@needs_reference
def test_exports_of_two_real_snapshots_differ_only_by_the_added_and_removed_entries() -> None:
    old = read(REFERENCE / "ofac_sdn_2024-04-26.csv")
    new = read(REFERENCE / "ofac_sdn_2024-05-03.csv")
    before, after = set(export_ftm(old)), set(export_ftm(new))
    changes = diff(old, new)
    moved = {json.loads(line)["id"] for line in before ^ after}
    subjects = {e for e in moved if "-sanction-" not in e}
    assert subjects == {entity_id(old, e) for e in changes.removed} | {
        entity_id(new, e) for e in changes.added}
    assert len(subjects) == 313
