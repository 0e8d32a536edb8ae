"""Damaged list files end in one clear message (exit 2) or a finding, never a crash."""

from __future__ import annotations

import hashlib
import os
import threading
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
    """A field beyond the csv module's limit (131,072 characters) on the second row."""
    row = '{},"NAME",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{}"\r\n'
    damaged = tmp_path / "sdn.csv"
    damaged.write_text(row.format(36, "a.k.a. 'X'") + row.format(37, "x" * 200_000),
                       encoding="utf-8", newline="")
    with pytest.raises(InputError, match=r"sdn\.csv: not a readable CSV file \(field larger"):
        read(damaged)


def test_a_first_line_ending_in_cr_alone_is_a_line(tmp_path: Path) -> None:
    """Detection cuts the first line where the readers do: a CR ends it (it once made the row
    unreadable to the csv module, and the whole file with it)."""
    odd = tmp_path / "sdn.csv"
    odd.write_bytes(b'36,"ABC",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r'
                    b'37,"DEF",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n')
    assert [entry.caption for entry in read(odd).entries] == ["ABC", "DEF"]


@pytest.mark.parametrize("brk", ["\r", "\n", "\r\n"])
def test_a_line_break_inside_the_first_row_is_still_an_ofac_row(tmp_path: Path,
                                                                  brk: str) -> None:
    """Detection counts the columns of the first record, not of its first line."""
    row = '{},"{}",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    odd = tmp_path / "sdn.csv"
    odd.write_text(row.format(36, f"ABC{brk}DEF") + row.format(37, "GHI"), encoding="utf-8",
                   newline="")
    assert [entry.id for entry in read(odd).entries] == ["36", "37"]


def test_ftm_nested_without_end_is_bad_input(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "deep.ftm.json"
    deep.write_text('{"id":"x","schema":"Person","properties":' + "[" * 100_000
                    + "]" * 100_000 + "}\n", encoding="utf-8")
    assert main(["lists", "summary", str(deep)]) == 2
    assert "nested too deeply" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_named_like_an_ofac_companion_is_refused_not_waited_on(tmp_path: Path) -> None:
    """sdn.csv reads add.csv beside it: a FIFO of that name must not block the read forever."""
    for part in ("sdn.csv", "alt.csv", "sdn_comments.csv"):
        (tmp_path / part).write_bytes((LISTS / "ofac_set" / part).read_bytes())
    os.mkfifo(tmp_path / "add.csv")
    with pytest.raises(InputError, match=r"add\.csv: not a regular file"):
        read(tmp_path / "sdn.csv")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_folder_or_fifo_given_as_the_list_is_named_as_such(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "list.csv")
    for path in (tmp_path, tmp_path / "list.csv"):
        with pytest.raises(InputError, match="not a regular file"):
            read(path)
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "missing.csv")


def test_a_wide_row_of_numbers_is_no_ofac_companion(tmp_path: Path) -> None:
    """Only a two-column row is a COMMENTS row: anything else starting with a number is no list."""
    wide = tmp_path / "numbers.csv"
    wide.write_text("1," + ",".join("x" * 3 for _ in range(50_000)) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a list format this tool reads"):
        read(wide)


def test_a_large_file_is_hashed_here_when_no_thread_can_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over 1 MiB, the SHA-256 is computed in a second thread; with none to be had, here."""
    first = (LISTS / "ofac_sdn_2024-05-03.csv").read_text(encoding="utf-8").splitlines()[0]
    rest = first.split(",", 1)[1]
    big = tmp_path / "sdn_2024-05-03.csv"
    big.write_text("".join(f"{n},{rest}\r\n" for n in range(1, 5_000)), encoding="utf-8")
    assert big.stat().st_size > 1 << 20

    def refuse(_thread: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    snapshot = read(big)
    assert snapshot.read == 4_999
    assert snapshot.sha256 == hashlib.sha256(big.read_bytes()).hexdigest()
