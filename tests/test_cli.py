"""The command line: exit statuses, the lines it prints, and the shipped data end to end."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from sanctions_tracker.cli import main

from .conftest import (
    BASE,
    DOCUMENTS,
    FINDINGS,
    FIXTURES,
    friendly_folder,
    replace_once,
    run_child,
)

# friendly-measure (tests/fixtures/friendly/bom-crlf.yaml): 120 + 50 = 170.
MEASURE_FILE = "bom-crlf.yaml"


def _data_with_total_171(tmp_path: Path) -> tuple[Path, int]:
    """The friendly data with friendly-measure's 170 total changed to 171, and that line."""
    data = friendly_folder(tmp_path)
    line = replace_once(data / "friendly" / MEASURE_FILE, "    total_after: 170",
                        "    total_after: 171")
    return data, line


def test_validate_shipped_data_against_the_originals(
    capsys: pytest.CaptureFixture[str], seed_documents: Path
) -> None:
    assert main(["validate", "--sources", str(seed_documents)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 errors, ")


def test_validate_without_originals_says_the_quote_check_was_skipped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SANCTIONS_TRACKER_SOURCES", raising=False)
    assert main(["validate"]) == 0
    assert "info[quotes-not-checked]" in capsys.readouterr().out


def test_a_changed_figure_fails_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, line = _data_with_total_171(tmp_path)
    assert main(["validate", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert (f"{MEASURE_FILE}:{line}:18: error[figure-not-in-evidence] total_after is 171, but "
            "its evidence states 170") in out


def test_a_changed_quote_fails_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = friendly_folder(tmp_path)
    line = replace_once(data / "friendly" / "scripts-and-aliases.yaml",
                        "two ships, three entities", "two ships, six entities")
    code = main(["validate", "--data", str(data), "--sources", str(DOCUMENTS)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"scripts-and-aliases.yaml:{line}:16: error[quote-not-in-source]" in out
    # entities 3 is no longer in the quote
    assert f"scripts-and-aliases.yaml:{line + 1}:40: error[figure-not-in-quote]" in out


def test_report_prints_the_measure_and_the_action(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Wide enough for one line per row (tests/test_render_width.py tests the fitting).
    assert main(["report", "--data", str(friendly_folder(tmp_path)), "--width", "250"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "friendly-measure" in line)
    # date (announced, as no effective date is given), measure, added, removed, adjusted,
    # before, after
    assert row.split()[1:8] == ["(announced)", "friendly-measure", "50", "-", "-", "120", "170"]
    action = next(line for line in out.splitlines() if "friendly-scripts" in line)
    assert action.split()[3:6] == ["2", "3", "4"]


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
    assert main(["validate", "--data", str(BASE)]) == 1
    assert "sources.yaml: error[file-too-large]" in capsys.readouterr().out
    monkeypatch.setenv("SANCTIONS_TRACKER_MAX_FILE_SIZE", "lots")
    assert main(["validate"]) == 2
    assert "SANCTIONS_TRACKER_MAX_FILE_SIZE" in capsys.readouterr().err


def test_module_entry_point_prints_what_main_prints(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # From another folder: the shipped data is found beside the package, not in the cwd.
    result = run_child("report", "--format", "github", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    monkeypatch.chdir(tmp_path)  # the same folder, for the same file names
    assert main(["report", "--format", "github"]) == 0
    assert result.stdout == capsys.readouterr().out
    assert "| Announced " in result.stdout


def test_check_shipped_data_passes(
    capsys: pytest.CaptureFixture[str], seed_documents: Path
) -> None:
    assert main(["check", "--sources", str(seed_documents)]) == 0
    out = capsys.readouterr().out
    assert "error[" not in out
    assert out.splitlines()[-1].startswith("0 errors, ")


def test_check_names_the_arithmetic_of_a_wrong_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, line = _data_with_total_171(tmp_path)
    assert main(["check", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert (f"{MEASURE_FILE}:{line}:18: error[total-mismatch] "
            "120 + 50 = 170, but total_after is 171") in out


def test_check_json_is_one_object_with_status_counts_and_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, line = _data_with_total_171(tmp_path)
    assert main(["check", "--data", str(data), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["status"] == "fail"
    # info: the unchecked quotes, and the four friendly subjects with no evidence of their own
    assert document["counts"] == {"error": 2, "warning": 1, "info": 5}
    mismatch = next(f for f in document["findings"] if f["code"] == "total-mismatch")
    assert mismatch["severity"] == "error"
    assert mismatch["file"].endswith(MEASURE_FILE)
    assert (mismatch["line"], mismatch["column"]) == (line, 18)
    assert mismatch["path"] == "$.measures[0].total_after"


def test_check_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, line = _data_with_total_171(tmp_path)
    assert main(["check", "--data", str(data), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    error = next(x for x in lines if "title=total-mismatch" in x)
    assert error.startswith("::error file=")
    assert f"{MEASURE_FILE},line={line},col=18," in error
    assert error.endswith("120 + 50 = 170, but total_after is 171 (a difference of 1)"
                          ": correct one of the figures, or record the removal or adjustment "
                          "that explains it")
    assert any(x.startswith("::warning ") for x in lines)  # partly-itemized


def test_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", "--data", str(BASE), "--data", str(FINDINGS / "partly-itemized.yaml"),
            "--sources", str(DOCUMENTS)]
    assert main(argv) == 0
    assert main([*argv, "--strict"]) == 1
    assert "--strict" in capsys.readouterr().out


def test_an_output_never_replaces_a_list_file_it_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lists = tmp_path / "lists"
    shutil.copytree(FIXTURES / "lists" / "ofac_set", lists)
    before = {p.name: p.read_bytes() for p in lists.iterdir()}
    for name in ("sdn.csv", "alt.csv"):  # the list, and a companion read with it
        code = main(["report", "--format", "html", "--lists", str(lists),
                     "--output", str(lists / name)])
        assert code == 2
        assert "is an input of this command" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in lists.iterdir()} == before


@pytest.mark.parametrize("command", [["report", "--format", "html"], ["export", "--format",
                                                                         "json"]])
def test_an_output_never_replaces_a_file_of_the_tool(
        command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    import sanctions_tracker

    package = Path(sanctions_tracker.__file__).resolve().parent
    target = next(package.rglob("*.html.j2"))
    before = target.read_bytes()
    assert main([*command, "--output", str(target)]) == 2
    assert "is an input of this command" in capsys.readouterr().err
    assert target.read_bytes() == before
