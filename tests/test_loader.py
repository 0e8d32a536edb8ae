from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import sanctions_tracker
from sanctions_tracker.model.load import load

from .conftest import BASE, DOCUMENTS, FINDINGS, FRIENDLY

if TYPE_CHECKING:
    from sanctions_tracker.model.dataset import Dataset


def test_shipped_data_loads_without_findings(shipped_dataset: Dataset) -> None:
    assert shipped_dataset.findings == []
    assert shipped_dataset.measures
    assert shipped_dataset.actions
    assert shipped_dataset.sources


def test_fixture_data_loads_with_its_figures() -> None:
    dataset = load([BASE, FRIENDLY])
    assert dataset.findings == []
    measure = dataset.measures["friendly-measure"]
    assert (measure.total_before, measure.items_added, measure.total_after) == (120, 50, 170)
    action = dataset.actions["friendly-scripts"]
    assert action.figures() == {"vessels": 2, "entities": 3, "individuals": 4}
    assert action.itemized == "partial"
    assert [type(s).__name__ for s in action.subjects] == [
        "Vessel", "Entity", "Entity", "Individual"]
    assert len(dataset.sources) == 3


def test_lookup_by_id_across_kinds() -> None:
    dataset = load([BASE, FRIENDLY])
    assert dataset.series["test-list"] is dataset.get("test-list")
    assert dataset.measures["friendly-measure"] is dataset.get("friendly-measure")
    assert "test-list" in dataset
    with pytest.raises(KeyError):
        dataset.get("nothing-here")


def test_valid_records_of_a_broken_file_still_load(tmp_path: Path) -> None:
    (tmp_path / "mixed.yaml").write_text(
        "kind: export-controls\n"
        "measures:\n"
        "  - id: good-one\n    series: test-list\n    authority: KR\n    announced: 2024-01-01\n"
        "    items_added: 50\n    evidence: [{source: plain-article, quote: added 50 items}]\n"
        "  - id: bad-one\n    series: test-list\n    authority: KR\n    announced: 2024-13-01\n"
        "    evidence: [{source: plain-article, quote: added 50 items}]\n"
    )
    dataset = load([BASE, tmp_path])
    assert list(dataset.measures) == ["good-one"]
    assert [(f.code, f.location.path) for f in dataset.findings] == [
        ("schema", "$.measures[1].announced")
    ]


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(sanctions_tracker.InputError, match="no such file or folder"):
        load([tmp_path / "missing"])


def test_a_dangling_link_is_an_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    dataset = load([tmp_path])
    assert [(f.code, str(Path(f.location.file).absolute())) for f in dataset.findings] == [
        ("unreadable-file", str(tmp_path / "gone.yaml"))
    ]


def test_a_link_out_of_the_data_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("kind: sources\nsources: []\n")
    data = tmp_path / "data"
    data.mkdir()
    (data / "innocent.yaml").symlink_to(secret)
    dataset = load([data])
    assert [f.code for f in dataset.findings] == ["outside-data-folder"]
    assert dataset.files == {}


def test_hidden_files_and_other_suffixes_are_ignored(tmp_path: Path) -> None:
    shutil.copy(BASE / "series.yaml", tmp_path / "series.yml")
    (tmp_path / ".draft.yaml").write_text("not: [valid")
    (tmp_path / "notes.txt").write_text("not: [valid")
    dataset = load([tmp_path])
    assert dataset.findings == []
    assert list(dataset.series) == ["test-list"]


def test_duplicate_id_points_at_both_records() -> None:
    dataset = load([BASE, FINDINGS / "duplicate-id.yaml"])
    (finding,) = dataset.findings
    assert finding.code == "duplicate-id"
    assert str(Path(finding.related[0].file).absolute()) == str(BASE / "series.yaml")


def test_load_takes_one_path_or_several() -> None:
    one = load(BASE / "series.yaml")
    assert list(one.series) == ["test-list"]
    assert list(load(str(BASE)).sources) == ["plain-article", "cut-off-wordpress", "chain-notices"]
    assert set(load([BASE / "series.yaml", str(BASE / "sources.yaml")]).origins) == {
        "test-list", "plain-article", "cut-off-wordpress", "chain-notices"}


def _located(tmp_path: Path, name: str, text: str) -> list[tuple[str, int | None, int | None, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    found = sanctions_tracker.check(load([BASE, tmp_path]), DOCUMENTS).findings  # check locates
    return [(f.code, f.location.line, f.location.column, f.message) for f in found
            if f.location.file.endswith(name)]


_ACTION = ("kind: designations\nactions:\n  - id: broken\n    authority: KR\n"
           "    announced: 2024-01-01\n    itemized: partial\n"
           "    evidence: [{source: plain-article, quote: two ships}]\n")


def test_a_decimal_where_a_whole_number_belongs_is_a_located_invalid_value(tmp_path) -> None:
    # JSON Schema counts 1.0 as an integer; the converter takes an int and nothing else.
    found = _located(tmp_path, "decimal.yaml", _ACTION + (
        "    stated_counts: {vessels: 1.0, entities: 1e3}\n"
        "    subjects: [{type: vessel, name: A SHIP, mmsi: 273000000.0}]\n"))
    assert found == [
        ("invalid-value", 8, 30, ("$.stated_counts.vessels: expected a whole number, found the "
                                  "decimal number 1.0; write 1, not 1.0")),
        ("invalid-value", 8, 45, ("$.stated_counts.entities: expected a whole number, found "
                                  "the decimal number 1000.0; write 1000, not 1000.0")),
        ("invalid-value", 9, 51, ("$.subjects[0].mmsi: expected a whole number, found the "
                                  "decimal number 273000000.0; write 273000000, not 273000000.0")),
    ]


def test_a_subject_with_a_wrong_or_no_type_is_a_located_schema_error(tmp_path) -> None:
    found = _located(tmp_path, "types.yaml", _ACTION + (
        "    stated_counts: {vessels: 2}\n"
        "    subjects:\n      - {type: ship, name: A SHIP}\n      - {name: NO TYPE}\n"))
    assert found == [
        ("schema", 10, 16, ("$.actions[0].subjects[0].type: 'ship' is not one of 'vessel', "
                            "'entity', 'individual'")),
        ("schema", 10, 16, "$.actions[0].subjects[0].type: 'ship' must be 'individual'"),
        ("schema", 11, 9, "$.actions[0].subjects[1]: missing required field 'type': add it"),
        ("schema", 11, 9, "$.actions[0].subjects[1]: missing required field 'type': add it"),
    ]
