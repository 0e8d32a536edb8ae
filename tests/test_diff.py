from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sanctions_tracker.cli import main

from .conftest import REPO


def _changed_copy(tmp_path: Path) -> Path:
    new = tmp_path / "new"
    shutil.copytree(REPO / "data", new)
    path = new / "kr-export-controls.yaml"
    path.write_text(path.read_text().replace("    total_after: 1402\n", "    total_after: 1403\n"))
    return new


def test_diff_names_record_field_and_values(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(REPO / "data"), str(_changed_copy(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "changed  kr-2024-06-20-export-controls-russia: total_after: 1,402 -> 1,403" in out
    assert out.strip().endswith("0 added, 0 removed, 1 changed")


def test_diff_json_and_added_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = _changed_copy(tmp_path)
    (new / "kr-designations.yaml").unlink()
    assert main(["diff", str(REPO / "data"), str(new), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["removed"] == ["kr-2024-06-20-russia-dprk-transfers"]
    assert document["added"] == []
    assert {"record": "kr-2024-06-20-export-controls-russia", "field": "total_after",
            "old": 1402, "new": 1403} in document["changed"]


def test_diff_of_identical_folders(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(REPO / "data"), str(REPO / "data")]) == 0
    assert capsys.readouterr().out.startswith("no differences")


def test_diff_of_a_missing_folder_exits_2(tmp_path: Path) -> None:
    assert main(["diff", str(REPO / "data"), str(tmp_path / "missing")]) == 2
