"""Exports: FollowTheMoney entities with known property names, JSON, CSV, atomic writes."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

import sanctions_tracker
from sanctions_tracker.atomic_write import write_files_atomic, write_text_atomic
from sanctions_tracker.cli import main
from sanctions_tracker.errors import WriteError

from .conftest import BASE, FINDINGS

# The FollowTheMoney schemata and properties this exporter relies on (followthemoney's
# schema/*.yaml: Thing gives name, alias, country, topics, sourceUrl, summary to every entity).
FTM_PROPERTIES = {
    "Vessel": {"name", "alias", "topics", "imoNumber", "flag", "mmsi", "callSign"},
    "Organization": {"name", "alias", "topics", "country"},
    "Person": {"name", "alias", "topics", "nationality", "birthDate"},
    "Sanction": {"entity", "authority", "country", "listingDate", "startDate", "program",
                 "reason", "sourceUrl", "summary"},
}

ITEMIZED = """kind: designations
actions:
  - id: all-named
    authority: KR
    announced: 2024-02-29
    programme: test programme
    stated_counts: {vessels: 1, entities: 1, individuals: 1}
    itemized: complete
    subjects:
      - {type: vessel, name: FIRST SHIP, imo_number: 9003550, flag: KP, mmsi: 445123456,
         call_sign: HMAB, aliases: [ПЕРВЫЙ]}
      - {type: entity, name: 조선 무역회사, country: KP}
      - {type: individual, name: Test Person, nationality: RU, birth_date: 1970-01-02}
    evidence:
      - source: plain-article
        quote: it had designated two ships, three entities and 4 individuals
"""


@pytest.fixture
def itemized(tmp_path: Path) -> list[Path]:
    (tmp_path / "itemized.yaml").write_text(ITEMIZED, encoding="utf-8")
    return [BASE, tmp_path]


def test_ftm_lines_parse_and_use_only_known_properties(itemized: list[Path],
                                                       tmp_path: Path) -> None:
    out = tmp_path / "entities.ftm.json"
    argv = ["export", "--format", "ftm", "--output", str(out)]
    for folder in itemized:
        argv += ["--data", str(folder)]
    assert main(argv) == 0
    entities = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e["schema"] for e in entities] == [
        "Vessel", "Sanction", "Organization", "Sanction", "Person", "Sanction"]
    for entity in entities:
        assert set(entity) == {"id", "schema", "properties"}
        assert set(entity["properties"]) <= FTM_PROPERTIES[entity["schema"]]
        assert all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                   for v in entity["properties"].values())
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for sanction in (e for e in entities if e["schema"] == "Sanction"):
        assert sanction["properties"]["entity"][0] in ids
    vessel = entities[0]
    assert vessel["id"] == "st-imo-9003550"
    assert vessel["properties"]["flag"] == ["kp"]


def test_ftm_ids_are_stable(itemized: list[Path]) -> None:
    from sanctions_tracker.export import export_ftm

    first = [e["id"] for e in export_ftm(sanctions_tracker.load(itemized))]
    second = [e["id"] for e in export_ftm(sanctions_tracker.load(itemized))]
    assert first == second


def test_json_export_has_everything_with_derived_values(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    assert main(["export", "--format", "json", "--output", str(out), "--data", str(BASE),
                 "--data", str(FINDINGS / "derived-value.yaml")]) == 0
    document = json.loads(out.read_text())
    assert document["schema_version"] == 1
    (measure,) = document["measures"]
    assert measure["reconciled"]["total_before"] == {"value": 160, "basis": "derived",
                                                     "how": "200 - 40"}
    assert document["check"]["status"] == "pass"


def test_csv_export_is_a_folder_of_flat_files(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert main(["export", "--format", "csv", "--output", str(out)]) == 0
    assert sorted(os.listdir(out)) == ["designations.csv", "evidence.csv", "measures.csv",
                                       "series.csv", "sources.csv", "subjects.csv"]
    with (out / "measures.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    row = next(r for r in rows if r["id"] == "kr-2024-06-20-export-controls-russia")
    assert (row["total_before"], row["items_added"], row["total_after"]) == ("1159", "243", "1402")
    with (out / "designations.csv").open(newline="", encoding="utf-8") as fh:
        (action,) = list(csv.DictReader(fh))
    assert (action["vessels"], action["entities"], action["individuals"]) == ("4", "5", "8")


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old complete content")

    def chunks():  # noqa: ANN202
        yield "new partial"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, chunks())
    assert target.read_text() == "old complete content"
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_folder_is_replaced_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "csv"
    write_files_atomic(target, {"a.csv": "1\n"})
    write_files_atomic(target, {"b.csv": "2\n"})
    assert os.listdir(target) == ["b.csv"]
    assert sorted(os.listdir(tmp_path)) == ["csv"]


def test_writes_refuse_impossible_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        write_text_atomic(tmp_path / "no" / "such" / "file.json", ["x"])
    assert main(["export", "--format", "json", "--output", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_writing_through_a_link_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "out.json"
    link.symlink_to(precious)
    write_text_atomic(link, ["{}"])
    assert precious.read_text() == "keep me"
    assert not link.is_symlink()
    assert link.read_text() == "{}"
