"""Exports: FollowTheMoney entities with known property names, JSON, CSV safe in spreadsheets.

How exports are written to disk is tested in test_atomic_write.py.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from sanctions_tracker.cli import main
from sanctions_tracker.output.atomic_write import MANIFEST_NAME
from sanctions_tracker.output.spreadsheet import csv_text, formula_safe

from .conftest import BASE, FINDINGS, FIXTURES, FRIENDLY, run_child

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


def test_ftm_ids_are_the_same_in_every_process(itemized: list[Path], tmp_path: Path) -> None:
    # Ids are what a consumer deduplicates on: two runs, in two processes with different hash
    # seeds (so that nothing may depend on set or dict order of strings), write the same ids.
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run-{seed}.ftm.json"
        argv = ["export", "--format", "ftm", "--output", str(out)]
        for folder in itemized:
            argv += ["--data", str(folder)]
        result = run_child(*argv, env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        runs.append([json.loads(line)["id"] for line in out.read_text().splitlines()])
    assert runs[0] == runs[1]
    assert len(runs[0]) == 6
    assert runs[0][0] == "st-imo-9003550"


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
    assert main(["export", "--format", "csv", "--output", str(out), "--data", str(BASE),
                 "--data", str(FRIENDLY), "--data", str(FIXTURES / "report")]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        MANIFEST_NAME, "designations.csv", "evidence.csv", "measures.csv", "series.csv",
        "sources.csv", "subjects.csv"]
    row = next(r for r in _csv_rows(out, "measures.csv") if r["id"] == "thousands-measure")
    assert (row["total_before"], row["items_added"], row["total_after"]) == ("1500", "1000", "2500")
    assert row["total_before_basis"] == "derived"
    (action,) = _csv_rows(out, "designations.csv")
    assert (action["id"], action["vessels"], action["entities"], action["individuals"]) == (
        "friendly-scripts", "2", "3", "4")
    subjects = _csv_rows(out, "subjects.csv")
    assert [s["name"] for s in subjects] == [
        "FIRST SHIP", "조선광선은행", "شركة الخليج للشحن", "Иван Петрович Сидоров"]


FORMULA = '=HYPERLINK("http://x","y")'
HOSTILE = f"""kind: export-controls
series:
  - id: hostile-list
    authority: KR
    title: '{FORMULA}'
    notes: "@SUM(1+1)"
measures:
  - id: hostile-measure
    series: hostile-list
    authority: KR
    announced: 2024-01-20
    net_adjustment: -10
    adjustment_reason: "\\t=1+1"
    notes: "\\r-2+3"
    evidence:
      - source: chain-notices
        quote: '+10 items were reclassified, {FORMULA}'
"""


def _csv_rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_cells_never_start_a_formula_but_numbers_stay_numbers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "csv"
    assert main(["export", "--format", "csv", "--data", str(BASE), "--data", str(data),
                 "--output", str(out)]) == 0
    (series,) = [r for r in _csv_rows(out, "series.csv") if r["id"] == "hostile-list"]
    assert series["title"] == "'" + FORMULA
    assert series["notes"] == "'@SUM(1+1)"
    (measure,) = _csv_rows(out, "measures.csv")
    assert measure["net_adjustment"] == "-10"  # a number, not a formula
    assert measure["adjustment_reason"] == "'\t'=1+1"
    assert measure["notes"] == "'\r'-2+3"
    (evidence,) = [r for r in _csv_rows(out, "evidence.csv") if r["record"] == "hostile-measure"]
    assert evidence["quote"] == "'+10 items were reclassified, " + FORMULA
    for path in out.glob("*.csv"):
        for row in _csv_rows(out, path.name):
            for value in row.values():
                assert not value.startswith(("=", "+", "@", "\t", "\r")), (path, value)
                assert not value.startswith("-") or value.lstrip("-").isdigit(), (path, value)


@pytest.mark.parametrize(("text", "safe"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\t=1", "'\t'=1"),
    ("\tx", "'\tx"), ("\r=1", "'\r'=1"), ("1=1", "1=1"), ("", ""), (-3, -3), (None, None),
    # Spaces a spreadsheet skips, and the fullwidth and small forms it reads as ASCII.
    (" =1", "' =1"), ("\u00a0=1", "'\u00a0=1"), ("\u3000+1", "'\u3000+1"),
    ("\u2003\u200b@A1", "'\u2003\u200b@A1"), ("\ufeff-1", "'\ufeff-1"),
    ("\uff1d1+1", "'\uff1d1+1"), ("\uff0b1", "'\uff0b1"), ("\uff0d1", "'\uff0d1"),
    ("\uff20A1", "'\uff20A1"), ("\ufe661+1", "'\ufe661+1"), (" x=1", " x=1"),
    # A part that a ;- or tab-separated reading makes a cell (or a row) of its own.
    ("Test list;=1+1", "Test list;'=1+1"), ("a; +1", "a;' +1"), ("a\t@A1", "a\t'@A1"),
    ("a\n-1", "a\n'-1"), ("a\r\n=1", "a\r\n'=1"), ('a;"=1', "a;'\"=1"),
    ("a;\u00a0\uff1d1", "a;'\u00a0\uff1d1"), ("=a;=b", "'=a;'=b"),
    ("RU; BY", "RU; BY"),
    ("items_added=243; total_before=1159", "items_added=243; total_before=1159"),
])
def test_formula_safe(text: object, safe: object) -> None:
    assert formula_safe(text) == safe


@pytest.mark.parametrize("text", ["Test list;=1+1", "a\t=1", "a;b", "a\tb"])
def test_cells_a_spreadsheet_may_split_are_quoted(text: str) -> None:
    line = csv_text(["id", "title"], [{"id": "s", "title": text}]).splitlines()[1]
    assert line.startswith('s,"')
    assert line.endswith('"')
    # Read as a European spreadsheet would (split on ;, quotes only at the start of a field),
    # no field starts a formula.
    for separator in (";", "\t"):
        for field in line.split(separator):
            assert not field.lstrip(' "').startswith(("=", "+", "-", "@")), (separator, field)


def test_numbers_stay_numbers_beside_split_characters() -> None:
    text = csv_text(["a", "b", "c"], [{"a": -3, "b": "x;y", "c": 1402}])
    assert text.splitlines()[1] == '-3,"x;y",1402'


def test_the_export_message_agrees_in_number(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    none_named = FINDINGS / "not-itemized.yaml"
    assert main(["export", "--format", "ftm", "--output", str(tmp_path / "one.ftm"),
                 "--data", str(BASE), "--data", str(none_named)]) == 0
    assert "(1 action without itemized subjects has nothing to export as entities)" in (
        capsys.readouterr().err)
    second = tmp_path / "second"
    second.mkdir()
    (second / "more.yaml").write_text(none_named.read_text(encoding="utf-8").replace(
        "none-named", "second-action"), encoding="utf-8")
    assert main(["export", "--format", "ftm", "--output", str(tmp_path / "two.ftm"),
                 "--data", str(BASE), "--data", str(none_named), "--data", str(second)]) == 0
    assert "(2 actions without itemized subjects have nothing to export as entities)" in (
        capsys.readouterr().err)


