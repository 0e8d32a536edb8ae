"""``diff``: what changed between two data folders, by record and field."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest

from .conftest import FIXTURES, friendly_folder, replace_once, run_cli

if TYPE_CHECKING:
    from pathlib import Path

THOUSANDS = FIXTURES / "report" / "thousands.yaml"


def _two_sides(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the friendly data and thousands-list; the new one's 2,500 is 2,501."""
    old = friendly_folder(tmp_path / "old", THOUSANDS)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    replace_once(new / "thousands.yaml", "    total_after: 2500", "    total_after: 2501")
    return old, new


def test_diff_names_record_field_and_values(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_sides(tmp_path)
    code, out, _ = run_cli(capsys, "diff", str(old), str(new))
    assert code == 0
    assert "changed  thousands-measure: total_after: 2,500 -> 2,501" in out
    assert out.strip().endswith("0 added, 0 removed, 1 changed")


def test_diff_json_and_added_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_sides(tmp_path)
    (new / "friendly" / "scripts-and-aliases.yaml").unlink()
    code, out, _ = run_cli(capsys, "diff", str(old), str(new), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["removed"] == ["friendly-scripts"]
    assert document["added"] == []
    assert {"record": "thousands-measure", "field": "total_after",
            "old": 2500, "new": 2501} in document["changed"]


def test_diff_of_identical_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = friendly_folder(tmp_path)
    code, out, _ = run_cli(capsys, "diff", str(folder), str(folder))
    assert code == 0
    assert out.startswith("no differences")


def test_diff_of_a_missing_folder_exits_2(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "diff", str(friendly_folder(tmp_path)),
                           str(tmp_path / "missing"))
    assert code == 2
    assert "missing" in err


def test_a_record_whose_file_was_renamed_and_broken_is_unknown_not_removed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The record may be in the renamed file that could not be read: nothing says it was removed.
    old = friendly_folder(tmp_path / "old")
    new = tmp_path / "new"
    shutil.copytree(old, new)
    renamed = new / "friendly" / "designations-2024.yaml"
    (new / "friendly" / "scripts-and-aliases.yaml").rename(renamed)
    renamed.write_text(renamed.read_text(encoding="utf-8") + "  - [unclosed\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "diff", str(old), str(new), "--format", "json")
    document = json.loads(out)
    assert code == 2
    assert (document["removed"], document["added"]) == ([], [])
    assert document["not_compared"] == [{"record": "friendly-scripts", "found_in": "old",
                                         "unreadable_file": str(renamed)}]
    # And the other way round: not "added" either.
    code, out, _ = run_cli(capsys, "diff", str(new), str(old))
    assert code == 2
    assert "added    " not in out
    assert (f"unknown  friendly-scripts: only in the new data; {renamed} could not be read, "
            "so it may be there") in out
    assert "0 added, 0 removed, 0 changed, 1 not compared: INCOMPLETE" in out


def test_a_broken_file_anywhere_on_a_side_keeps_its_absences_unknown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = friendly_folder(tmp_path / "old")
    new = tmp_path / "new"
    shutil.copytree(old, new)
    (new / "friendly" / "scripts-and-aliases.yaml").unlink()
    (new / "nested").mkdir()
    (new / "nested" / "other.yaml").write_text("kind: designations\nactions: [\n")
    code, out, _ = run_cli(capsys, "diff", str(old), str(new), "--format", "json")
    document = json.loads(out)
    assert code == 2
    assert document["removed"] == []
    assert [n["record"] for n in document["not_compared"]] == ["friendly-scripts"]


def test_identifiers_are_shown_as_written_and_counts_grouped() -> None:
    from sanctions_tracker.output.diff import _show

    assert _show(9003550, "subjects[0].imo_number") == "9003550"
    assert _show(273111111, "subjects[1].mmsi") == "273111111"
    assert _show(1402, "total_after") == "1,402"
