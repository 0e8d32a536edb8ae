from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sanctions_tracker
from sanctions_tracker.model.load import load

from .conftest import BASE, FINDINGS


def test_shipped_data_loads_with_its_figures() -> None:
    dataset = load()
    assert dataset.findings == []
    measure = dataset.measures["kr-2024-06-20-export-controls-russia"]
    assert (measure.total_before, measure.items_added, measure.total_after) == (1159, 243, 1402)
    action = dataset.actions["kr-2024-06-20-russia-dprk-transfers"]
    assert action.figures() == {"vessels": 4, "entities": 5, "individuals": 8}
    assert action.itemized == "none"
    assert action.subjects == ()
    assert dataset.measures["kr-2023-02-24-export-controls-russia"].items_added == 741
    assert len(dataset.sources) == 5


def test_lookup_by_id_across_kinds() -> None:
    dataset = load()
    assert dataset.series["kr-export-controls-russia"] is dataset.get("kr-export-controls-russia")
    assert "kr-export-controls-russia" in dataset
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
