"""The command line: exit statuses, the lines it prints, and the shipped data end to end."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sanctions_tracker.cli import main

from .conftest import REPO

DATA = REPO / "data"
SEEDS = REPO / "seeds"


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _data_with_total_1403(tmp_path: Path) -> tuple[Path, int]:
    """A copy of the shipped data whose 1,402 total is 1,403, and that figure's line."""
    data = _copy_data(tmp_path)
    line = _replace(data / "kr-export-controls.yaml", "    total_after: 1402\n",
                    "    total_after: 1403\n")
    return data, line


def _replace(path: Path, old: str, new: str) -> int:
    """Replace text once and return the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_validate_shipped_data_against_the_originals(
    capsys: pytest.CaptureFixture[str], seed_documents: Path
) -> None:
    assert main(["validate", "--sources", str(seed_documents)]) == 0
    assert capsys.readouterr().out.strip() == "0 errors, 0 warnings, 0 info"


def test_validate_without_originals_says_the_quote_check_was_skipped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SANCTIONS_TRACKER_SOURCES", raising=False)
    assert main(["validate"]) == 0
    assert "info[quotes-not-checked]" in capsys.readouterr().out


def test_a_changed_figure_fails_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, line = _data_with_total_1403(tmp_path)
    assert main(["validate", "--data", str(data), "--data", str(SEEDS)]) == 1
    out = capsys.readouterr().out
    assert f"kr-export-controls.yaml:{line}:18: error[figure-not-in-evidence]" in out
    assert "1,403" in out


def test_a_changed_quote_fails_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_documents: Path
) -> None:
    data = _copy_data(tmp_path)
    line = _replace(data / "kr-designations.yaml", "four ships, five entities",
                    "four ships, six entities")
    code = main(["validate", "--data", str(data), "--data", str(SEEDS),
                 "--sources", str(seed_documents)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"kr-designations.yaml:{line}:16: error[quote-not-in-source]" in out
    assert f"kr-designations.yaml:{line + 1}:" in out  # entities 5 no longer in the quote


def test_report_prints_the_measure_and_the_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "kr-2024-06-20-export-controls-russia" in line)
    assert row.split()[2:6] == ["243", "-", "-", "1,159"]  # added, removed, adjusted, before
    assert "1,402" in row
    action = next(line for line in out.splitlines() if "kr-2024-06-20-russia-dprk" in line)
    assert action.split()[3:6] == ["4", "5", "8"]


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--data", "/nonexistent/folder"],
        ["validate", "--sources", "/nonexistent/folder"],
        ["report", "--max-depth", "0"],
        ["report", "--format", "docx"],
        [],
    ],
)
def test_bad_usage_and_unreadable_input_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        sys.exit(main(argv))
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip()


def test_limits_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SANCTIONS_TRACKER_MAX_FILE_SIZE", "100")
    assert main(["validate", "--data", str(DATA)]) == 1
    assert "error[file-too-large]" in capsys.readouterr().out
    monkeypatch.setenv("SANCTIONS_TRACKER_MAX_FILE_SIZE", "lots")
    assert main(["validate"]) == 2
    assert "SANCTIONS_TRACKER_MAX_FILE_SIZE" in capsys.readouterr().err


def test_module_entry_point_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sanctions_tracker", "report", "--format", "github"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "| 2024-06-20 " in result.stdout


def test_check_shipped_data_passes(
    capsys: pytest.CaptureFixture[str], seed_documents: Path
) -> None:
    assert main(["check", "--sources", str(seed_documents)]) == 0
    out = capsys.readouterr().out
    assert "info[chain-unchecked]" in out
    assert out.strip().endswith("0 errors, 0 warnings, 2 info")


def test_check_names_the_arithmetic_of_a_wrong_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, line = _data_with_total_1403(tmp_path)
    assert main(["check", "--data", str(data), "--data", str(SEEDS)]) == 1
    out = capsys.readouterr().out
    assert (f"kr-export-controls.yaml:{line}:18: error[total-mismatch] "
            "1,159 + 243 = 1,402, but total_after is 1,403") in out


def test_check_json_is_one_object_with_status_counts_and_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = _data_with_total_1403(tmp_path)
    assert main(["check", "--data", str(data), "--data", str(SEEDS), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["status"] == "fail"
    assert document["counts"]["error"] == 2
    mismatch = next(f for f in document["findings"] if f["code"] == "total-mismatch")
    assert mismatch["severity"] == "error"
    assert mismatch["file"].endswith("kr-export-controls.yaml")
    assert isinstance(mismatch["line"], int)
    assert mismatch["path"] == "$.measures[1].total_after"


def test_check_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = _data_with_total_1403(tmp_path)
    assert main(["check", "--data", str(data), "--data", str(SEEDS), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    error = next(x for x in lines if "title=total-mismatch" in x)
    assert error.startswith("::error file=")
    assert ",line=" in error
    assert error.endswith("1,159 + 243 = 1,402, but total_after is 1,403 (a difference of 1)"
                          ": correct one of the figures, or record the removal or adjustment "
                          "that explains it")
    assert any(x.startswith("::notice ") for x in lines)


def test_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    from .conftest import BASE, DOCUMENTS, FINDINGS

    argv = ["check", "--data", str(BASE), "--data", str(FINDINGS / "partly-itemized.yaml"),
            "--sources", str(DOCUMENTS)]
    assert main(argv) == 0
    assert main([*argv, "--strict"]) == 1
    assert "--strict" in capsys.readouterr().out
