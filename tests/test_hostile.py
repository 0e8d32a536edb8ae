"""Hostile and broken input: each case ends in a clear error, never a crash, a hang or a pass.

Every file in fixtures/hostile is checked in a data folder beside valid files
(fixtures/base and fixtures/friendly). The large cases (a 50 MB file, sparse so that nothing
writes 50 MB; a 1 MB name; a link out of the folder) are made at test time rather than kept in
the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sanctions_tracker import cli

from .conftest import BASE, FIXTURES, friendly_folder, run_cli

HOSTILE = sorted((FIXTURES / "hostile").iterdir())
# Cases whose problem concerns the whole file, with no line to point at.
WHOLE_FILE = {"alias-bomb.yaml"}  # its first line says how many problems were found


def _assert_valid_records_still_reported(capsys: pytest.CaptureFixture[str],
                                         folder: Path) -> None:
    code, out, err = run_cli(capsys, "report", "--data", str(folder), "--format", "json")
    assert code in (0, 1), err
    document = json.loads(out)
    rows = [r for t in document["tables"] for r in t["rows"]]
    assert any(r.get("measure") == "friendly-measure" for r in rows)
    assert any(r.get("action") == "friendly-scripts" for r in rows)


@pytest.mark.parametrize("case", HOSTILE, ids=lambda p: p.name)
def test_hostile_file_gives_a_located_error(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = friendly_folder(tmp_path, case)
    code, out, err = run_cli(capsys, "check", "--data", str(folder))
    assert code in (1, 2)
    assert "Traceback" not in err
    assert "internal error" not in err
    lines = [x for x in out.splitlines() if case.name in x and "error[" in x]
    assert lines, out
    assert all(len(x) < 1_000 for x in out.splitlines())
    # file:line:col: error[code] ... -- the line is there whenever the file could be parsed
    # far enough to have one.
    assert any(x.split(":")[1].isdigit() for x in lines) or case.name in WHOLE_FILE
    _assert_valid_records_still_reported(capsys, folder)


def test_valid_unusual_files_load_and_report_unchanged(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path)
    code, out, _ = run_cli(capsys, "check", "--data", str(folder), "--sources",
                        str(FIXTURES / "documents"))
    assert code == 0
    assert "error[" not in out
    code, out, _ = run_cli(capsys, "export", "--format", "json", "--data", str(folder),
                        "--output", str(tmp_path / "out.json"))
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    (action,) = document["designations"]
    names = [s["name"] for s in action["subjects"]]
    assert names == ["FIRST SHIP", "조선광선은행", "شركة الخليج للشحن", "Иван Петрович Сидоров"]
    assert len(action["subjects"][0]["aliases"]) == 300
    (measure,) = document["measures"]
    assert (measure["total_before"], measure["items_added"], measure["total_after"]) == (
        120, 50, 170)


def test_a_link_out_of_the_data_folder_is_refused(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("kind: sources\nsources: []\n")
    folder = friendly_folder(tmp_path)
    (folder / "escape.yaml").symlink_to(outside)
    code, out, _ = run_cli(capsys, "check", "--data", str(folder))
    assert code == 1
    assert "escape.yaml: error[outside-data-folder]" in out


def test_a_1_mb_name_is_refused_without_echoing_it(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "long-name.yaml"
    case.write_text("kind: export-controls\nseries:\n  - id: long\n    authority: KR\n"
                    f"    title: {'x' * 1_048_576}\n")
    folder = friendly_folder(tmp_path, case)
    code, out, _ = run_cli(capsys, "check", "--data", str(folder))
    assert code == 1
    assert "long-name.yaml:5:12: error[schema] $.series[0].title: text of 1,048,576 characters" \
        in out
    assert all(len(x) < 1_000 for x in out.splitlines())


def _child_peak_kib(
    argv: list[str], tmp_path: Path,
) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run the CLI in a child process; return its result and that child's own peak memory (KiB).

    ``os.wait4`` reports the resources of the one child it reaps; ``RUSAGE_CHILDREN`` would give
    the largest peak of every child this test process has waited for so far. Output goes to
    files, so that a child writing more than a pipe holds cannot block before it exits.
    """
    out, err = tmp_path / "child.out", tmp_path / "child.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen([sys.executable, "-m", "sanctions_tracker", *argv],
                                 stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    result = subprocess.CompletedProcess(child.args, child.returncode,
                                         out.read_text(), err.read_text())
    return result, usage.ru_maxrss // (1024 if sys.platform == "darwin" else 1)  # bytes there


def test_a_50_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path)
    big = folder / "big.yaml"
    with big.open("w") as fh:
        fh.write("kind: sources\nsources:\n")
        fh.truncate(50 * 1024 * 1024)  # sparse: its size is read, never its content
    result, peak_kib = _child_peak_kib(["check", "--data", str(folder)], tmp_path)
    assert result.returncode == 1
    assert "big.yaml: error[file-too-large] the file has 52," in result.stdout
    assert "raise --max-file-size" in result.stdout
    assert peak_kib < 500 * 1024


def test_the_alias_bomb_keeps_memory_flat(tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path, FIXTURES / "hostile" / "alias-bomb.yaml")
    result, peak_kib = _child_peak_kib(["check", "--data", str(folder)], tmp_path)
    assert result.returncode == 1
    assert "error[yaml-alias]" in result.stdout
    assert peak_kib < 500 * 1024


def test_an_unexpected_exception_is_one_line_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No input reaches this path; a deliberately broken command shows what a bug looks like.
    def broken(_args: object) -> int:
        raise RuntimeError("simulated bug")

    monkeypatch.setitem(cli._COMMANDS, "check", broken)
    code, out, err = run_cli(capsys, "check")
    assert code == 70
    assert out == ""
    assert err.count("\n") == 1
    assert "internal error (RuntimeError: simulated bug)" in err
    assert "please report it with the command line: sanctions-tracker check" in err


@pytest.mark.parametrize("option", ["--data", "--sources"])
def test_options_naming_missing_paths_exit_2(option: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "check", option, str(tmp_path / "nope"))
    assert code == 2
    assert err.startswith("sanctions-tracker: error:")
    assert os.fspath(tmp_path / "nope") in err


def test_a_link_out_of_the_sources_folder_is_refused(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    documents = tmp_path / "documents"
    shutil.copytree(FIXTURES / "documents", documents)
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the tool to read")
    (documents / "plain-article.txt").unlink()
    (documents / "plain-article.txt").symlink_to(secret)
    cites_it = FIXTURES / "findings" / "not-itemized.yaml"
    code, out, _ = run_cli(capsys, "check", "--data", str(BASE), "--data", str(cites_it),
                        "--sources", str(documents))
    assert code == 1
    assert "error[outside-data-folder]" in out
    assert "outside the sources folder" in out
    # A source that nothing cites is never opened, so its link is not even looked at.
    code, out, _ = run_cli(capsys, "check", "--data", str(BASE), "--allow-empty",
                        "--sources", str(documents))
    assert "outside-data-folder" not in out
