"""Damaged list files end in one clear message (exit 2) or a finding, never a crash."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sanctions_tracker.cli import main
from sanctions_tracker.errors import InputError
from sanctions_tracker.lists import read

from .conftest import LISTS, found

if TYPE_CHECKING:
    from pathlib import Path


def test_a_uk_file_without_a_column_it_reads_is_a_finding(tmp_path: Path) -> None:
    text = (LISTS / "uk_conlist.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[1] = lines[1].replace(",Nationality,", ",Nationalities,")
    damaged = tmp_path / "uk.csv"
    damaged.write_text("".join(lines), encoding="utf-8")
    snapshot = read(damaged, format="uk")
    assert ("uk.csv", "error", "list-malformed-row", 2) in found(snapshot)
    assert "Nationality" in snapshot.findings[0].message


def test_a_csv_row_the_csv_module_cannot_split_is_bad_input(tmp_path: Path) -> None:
    damaged = tmp_path / "odd.csv"
    damaged.write_bytes(b'36,"ABC"\r,"x"\n')
    with pytest.raises(InputError, match="not a readable CSV file"):
        read(damaged)


def test_ftm_nested_without_end_is_bad_input(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "deep.ftm.json"
    deep.write_text('{"id":"x","schema":"Person","properties":' + "[" * 100_000
                    + "]" * 100_000 + "}\n", encoding="utf-8")
    assert main(["lists", "summary", str(deep)]) == 2
    assert "nested too deeply" in capsys.readouterr().err
