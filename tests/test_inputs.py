"""Inputs that crashed, hung or misled: each ends in one clear finding or message, and the rest
of the data is still checked.

Cases that could hang on a regression (a FIFO, a quadratic pattern) run in a child process or a
thread with a generous time limit: reaching the limit fails the test, and nothing here asserts
how fast anything is.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shlex
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

import sanctions_tracker
from sanctions_tracker.cli import main
from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.model.load import load
from sanctions_tracker.output.render import github_annotation
from sanctions_tracker.output.report import ReportFilter, filter_notes
from sanctions_tracker.reading import yaml_reader

from .conftest import (
    BASE,
    DOCUMENTS,
    FRIENDLY,
    GENEROUS_SECONDS,
    REPO,
    friendly_folder,
    replace_once,
    run_child,
    run_cli,
)

DATA = REPO / "data"
SEEDS = REPO / "seeds"
BEYOND_INT_LIMIT = 4_301  # digits; sys.get_int_max_str_digits() is 4,300 by default

MEASURE = """\
kind: export-controls
measures:
  - id: {id}
    series: test-list
    authority: KR
    announced: 2024-01-10
    items_added: {added}
    evidence:
      - source: plain-article
        quote: It also added 50 items to the existing 120
"""


def _codes(dataset: sanctions_tracker.Dataset, name: str) -> list[str]:
    return [f.code for f in dataset.findings if Path(f.location.file).name == name]


# --- 1. numbers too long to convert ---------------------------------------------------------------

def test_a_number_beyond_pythons_int_limit_is_a_located_finding(tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path)
    (folder / "huge.yaml").write_text(MEASURE.format(id="huge", added="9" * BEYOND_INT_LIMIT))
    dataset = load(folder)
    (finding,) = [f for f in dataset.findings if f.location.file.endswith("huge.yaml")]
    assert (finding.code, finding.location.line, finding.location.column) == (
        "number-too-long", 7, 18)
    assert "4,301 characters" in finding.message
    assert len(finding.message) < 200  # the number is not echoed
    assert {"friendly-measure", "friendly-scripts", "test-list"} <= set(dataset.origins)


def test_check_and_diff_report_the_long_number_instead_of_crashing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = friendly_folder(tmp_path)
    (folder / "huge.yaml").write_text(MEASURE.format(id="huge", added="9" * BEYOND_INT_LIMIT))
    code, out, err = run_cli(capsys, "check", "--data", str(folder))
    assert code == 1, err
    assert "huge.yaml:7:18: error[number-too-long]" in out
    code, out, err = run_cli(capsys, "diff", str(BASE), str(folder))
    assert code == 2, err  # the new side has a file it cannot read
    assert "internal error" not in err
    assert "added    friendly-measure" in out


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("9" * BEYOND_INT_LIMIT, "number-too-long"),
        ("-" + "9" * BEYOND_INT_LIMIT, "number-too-long"),
        ("0" + "7" * 5_000, "number-too-long"),  # octal: its message printed the value in decimal
        ("1" * 5_000 + ".5", "number-too-long"),  # a float that would be infinity
        ("1," + "000," * 2_000 + "000", "number-too-long"),
        ("9" * 101, "number-too-long"),
        ("9" * 100, None),  # at the limit: a number, which the schema then judges
        ("1st" + "9" * 5_000, None),  # text, however long
    ],
    ids=["digits", "negative", "octal", "float", "thousands", "101", "100", "text"],
)
def test_long_plain_scalars(text: str, code: str | None) -> None:
    value, problem = yaml_reader._resolve_plain(text)
    assert (problem[0] if problem else None) == code
    if code is None:
        assert value == (int(text) if text.isdigit() else text)


def test_the_strictest_int_limit_python_allows_is_no_crash() -> None:
    # PYTHONINTMAXSTRDIGITS may lower the limit to 640 (the least Python accepts).
    if not hasattr(sys, "set_int_max_str_digits"):
        pytest.skip("this Python (before 3.10.7) has no limit on int conversion")
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        _, problem = yaml_reader._resolve_plain("9" * 641)
        assert problem is not None
        assert problem[0] == "number-too-long"
        assert yaml_reader._resolve_plain("9" * 100)[0] == int("9" * 100)
    finally:
        sys.set_int_max_str_digits(before)


def test_a_long_number_as_a_key_is_a_located_finding(tmp_path: Path) -> None:
    path = tmp_path / "key.yaml"
    # An explicit key (`? ...`): libyaml limits implicit keys to 1,024 characters.
    path.write_text(f"kind: sources\n? {'9' * BEYOND_INT_LIMIT}\n: 1\n")
    data, findings = yaml_reader.read_yaml(path, "key.yaml")
    assert data is None
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [
        ("number-too-long", 2, 3)]


def test_a_long_run_of_underscores_is_refused_in_linear_time() -> None:
    # `[0-9][0-9_]*_[0-9_]*` backtracked quadratically: a million characters took hours.
    text = "1" + "_" * 1_000_000 + "x"
    script = ("import sys; from sanctions_tracker.reading.yaml_reader import _resolve_plain; "
              "print(_resolve_plain(sys.stdin.read())[0][:3])")
    result = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True,
                            text=True, check=False, timeout=GENEROUS_SECONDS)
    assert result.stdout.strip() == "1__", result.stderr
    assert yaml_reader._UNDERSCORES.fullmatch("1_000") is not None
    assert yaml_reader._UNDERSCORES.fullmatch("1_000.5_0") is not None
    assert yaml_reader._UNDERSCORES.fullmatch("1000") is None


# --- 2. symbolic link loops -----------------------------------------------------------------------

def test_a_loop_of_file_links_is_one_finding_per_link(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = friendly_folder(tmp_path)
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "self.yaml").symlink_to("self.yaml")
    dataset = load(folder)
    for name in ("a.yaml", "b.yaml", "self.yaml"):
        assert _codes(dataset, name) == ["unreadable-file"]
    assert "loop of symbolic links" in dataset.findings[0].message
    assert {"friendly-measure", "friendly-scripts"} <= set(dataset.origins)
    code, out, err = run_cli(capsys, "check", "--data", str(folder))
    assert code == 1, err
    assert "a.yaml: error[unreadable-file] cannot read the file: it is a loop" in out


def test_loops_of_folder_links_are_not_followed(tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    (folder / "round").symlink_to("round")
    (folder / "dir.yaml").symlink_to(folder / "sub")
    dataset = load(folder)
    assert dataset.findings == []
    assert {"friendly-measure", "friendly-scripts"} <= set(dataset.origins)


def test_a_folder_that_cannot_be_listed_is_a_finding(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = friendly_folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "hidden-error.yaml").write_text("kind: [unclosed\n")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        # What an unreadable folder does for a user who is not root.
        if Path(path) == folder / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    dataset = load(folder)
    (finding,) = dataset.findings
    assert finding.code == "unreadable-file"
    assert Path(finding.location.file).absolute() == folder / "locked"
    assert finding.location.file.endswith(os.sep)  # named as a folder
    assert "cannot list the folder: Permission denied" in finding.message
    assert {"friendly-measure", "friendly-scripts"} <= set(dataset.origins)


def test_a_file_name_that_is_not_utf8_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = friendly_folder(tmp_path)
    # Python names it with a lone surrogate, which a strict UTF-8 stdout cannot print.
    with open(os.fsencode(folder) + b"/\xff.yaml", "wb") as fh:  # noqa: PTH123
        fh.write(b"kind: [unclosed\n")
    code, out, err = run_cli(capsys, "check", "--data", str(folder))  # capsys encodes strictly
    assert code == 1, err
    assert "\\xff.yaml:2:1: error[yaml-syntax]" in out


def test_a_data_path_that_is_a_loop_is_bad_usage(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(sanctions_tracker.InputError, match="loop of symbolic links"):
        load(tmp_path / "loop")
    code, _, err = run_cli(capsys, "check", "--data", str(tmp_path / "loop"))
    assert code == 2
    assert "loop of symbolic links" in err


# --- 3. FIFOs, sockets and other files that are not regular ---------------------------------------

def test_a_fifo_in_the_data_folder_is_refused_without_a_hang(tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "friendly" / "to-pipe.yaml").symlink_to(folder / "pipe.yaml")
    result = run_child("check", "--data", str(folder))
    assert result.returncode == 1, result.stderr
    lines = [x for x in result.stdout.splitlines() if "error[" in x]
    assert len(lines) == 1  # the FIFO once, under the first name that reaches it
    assert "error[unreadable-file] this is a named pipe (FIFO), not a regular file" in lines[0]
    report = json.loads(run_child("report", "--data", str(folder), "--format", "json").stdout)
    rows = [r for t in report["tables"] for r in t["rows"]]
    assert any(r.get("measure") == "friendly-measure" for r in rows)


def test_a_socket_is_refused_unread(tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(folder / "socket.yaml"))
        dataset = load(folder)
    finally:
        server.close()
    (finding,) = dataset.findings
    assert finding.code == "unreadable-file"
    assert "this is a socket, not a regular file" in finding.message


def test_a_file_swapped_for_a_fifo_after_the_type_check_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    real_stat = Path.stat

    def looks_regular(self: Path, **kwargs: bool) -> os.stat_result:
        result = real_stat(self, **kwargs)
        if self == pipe:  # what a check made just before the file was replaced would see
            return os.stat_result((stat.S_IFREG | 0o644, *result[1:]))
        return result

    monkeypatch.setattr(Path, "stat", looks_regular)
    found: list[list[Finding]] = []
    reader = threading.Thread(
        target=lambda: found.append(yaml_reader.read_yaml(pipe, "pipe.yaml")[1]), daemon=True)
    reader.start()
    reader.join(GENEROUS_SECONDS)
    assert not reader.is_alive()  # a blocking open would wait for a writer forever
    (findings,) = found
    assert [f.code for f in findings] == ["unreadable-file"]
    assert "named pipe" in findings[0].message


def test_locating_a_file_swapped_for_a_fifo_gives_no_location(tmp_path: Path) -> None:
    # Lines are found by reading a file again, after it was loaded: it may be a FIFO by then.
    pipe = tmp_path / "was-a-file.yaml"
    os.mkfifo(pipe)
    found: list[dict[tuple[str | int, ...], tuple[int, int]]] = []
    reader = threading.Thread(target=lambda: found.append(yaml_reader.locate(pipe, [("kind",)])),
                              daemon=True)
    reader.start()
    reader.join(GENEROUS_SECONDS)
    assert not reader.is_alive()
    assert found == [{}]


def test_a_fifo_given_as_data_path_is_bad_usage(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_child("check", "--data", str(tmp_path / "pipe.yaml"))
    assert result.returncode == 2
    assert "pipe.yaml: a named pipe (FIFO), not a folder or a YAML file" in result.stderr


def test_a_dangling_link_says_where_it_points(tmp_path: Path) -> None:
    folder = friendly_folder(tmp_path)
    (folder / "gone.yaml").symlink_to("nowhere.yaml")
    (finding,) = load(folder).findings
    assert finding.code == "unreadable-file"
    assert "symbolic link to nowhere.yaml, which does not exist" in finding.message


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "grows.yaml"
    path.write_text("kind: sources\nsources: []\n" + "#" * 100)
    real_fstat = os.fstat

    def smaller(fd: int) -> os.stat_result:
        result = real_fstat(fd)
        return os.stat_result((*result[:6], 10, *result[7:]))  # st_size as when first looked at

    monkeypatch.setattr(os, "fstat", smaller)
    _, findings = yaml_reader.read_yaml(path, "grows.yaml", yaml_reader.Limits(max_bytes=64))
    assert [f.code for f in findings] == ["file-too-large"]
    assert "grew, while it was read, past the limit of 64" in findings[0].message


# --- 4. diff: a file that cannot be read is not a removal -----------------------------------------

def _two_sides(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the friendly data; sources.yaml holds three records, the others one each."""
    return friendly_folder(tmp_path / "old"), friendly_folder(tmp_path / "new")


def test_diff_calls_records_of_an_unreadable_file_unknown_not_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _two_sides(tmp_path)
    with (new / "sources.yaml").open("a") as fh:
        fh.write("  - [unclosed\n")
    code, out, err = run_cli(capsys, "diff", str(old), str(new))
    assert code == 2
    assert "removed" not in out.replace("0 removed", "")
    assert "unread   new: " in out
    assert "unknown  plain-article: only in the old data; " in out
    assert "INCOMPLETE, 1 file could not be read" in out
    assert "comparison is incomplete" in err
    code, out, _ = run_cli(capsys, "diff", str(old), str(new), "--format", "json")
    assert code == 2
    document = json.loads(out)
    assert document["complete"] is False
    assert document["removed"] == []
    assert [(u["side"], Path(u["file"]).name, u["records"]) for u in document["unreadable"]] == [
        ("new", "sources.yaml", None)]
    assert {n["record"] for n in document["not_compared"]} == {
        "plain-article", "cut-off-wordpress", "chain-notices"}
    # The other way round, the same records are not "added" either.
    code, out, _ = run_cli(capsys, "diff", str(new), str(old), "--format", "json")
    document = json.loads(out)
    assert (code, document["added"], len(document["not_compared"])) == (2, [], 3)


def test_diff_of_a_record_left_out_by_the_schema_names_only_that_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _two_sides(tmp_path)
    replace_once(new / "sources.yaml", "published: 2024-03-01", "published: 2024-13-01")
    (new / "friendly" / "scripts-and-aliases.yaml").unlink()  # a real removal beside it
    code, out, _ = run_cli(capsys, "diff", str(old), str(new), "--format", "json")
    document = json.loads(out)
    assert code == 2
    assert document["removed"] == ["friendly-scripts"]
    assert document["unreadable"][0]["records"] == ["plain-article"]
    assert [n["record"] for n in document["not_compared"]] == ["plain-article"]
    code, out, _ = run_cli(capsys, "diff", str(old), str(new))
    assert "has it, but it could not be loaded" in out


def test_diff_of_readable_folders_is_complete(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_sides(tmp_path)
    code, out, _ = run_cli(capsys, "diff", str(old), str(new), "--format", "json")
    document = json.loads(out)
    assert (code, document["complete"], document["unreadable"]) == (0, True, [])


def test_diff_against_an_empty_folder_lists_additions(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    code, out, _ = run_cli(capsys, "diff", str(tmp_path / "empty"), str(friendly_folder(tmp_path)))
    assert code == 0
    assert "added    friendly-scripts" in out


# --- 5. an empty dataset is an error unless asked for ---------------------------------------------

@pytest.mark.parametrize("command", ["check", "validate", "report"])
def test_an_empty_data_folder_fails(command: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    code, out, _ = run_cli(capsys, command, "--data", str(tmp_path / "empty"))
    assert code == 1
    assert "error[no-data]" in out
    code, out, _ = run_cli(capsys, command, "--data", str(tmp_path / "empty"), "--allow-empty")
    assert code == 0
    assert "no-data" not in out


def test_export_of_an_empty_folder_says_the_data_has_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    _, _, err = run_cli(capsys, "export", "--data", str(tmp_path / "empty"), "--format", "json",
                     "--output", str(tmp_path / "out.json"))
    assert "the data has errors" in err


def test_files_without_records_are_no_data(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("kind: designations\nactions: []\n")
    (tmp_path / "b.yml").write_text("kind: sources\nsources: []\n")
    (finding,) = load(tmp_path).findings
    assert (finding.code, finding.severity) == ("no-data", Severity.ERROR)
    assert finding.location.file.endswith(os.sep)  # the folder, named as a folder
    assert "--allow-empty" in finding.message
    assert load(tmp_path, allow_empty=True).findings == []


def test_no_data_is_per_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    findings = load([BASE, tmp_path / "empty", FRIENDLY, f"{tmp_path / 'empty'}{os.sep}"]).findings
    assert [(f.code, Path(f.location.file).name) for f in findings] == [("no-data", "empty")]


def test_a_folder_of_broken_files_is_not_also_no_data(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("kind: [unclosed\n")
    assert [f.code for f in load(tmp_path).findings] == ["yaml-syntax"]


# --- 6. a report filter that matches nothing says so ----------------------------------------------

def test_report_for_an_absent_authority_names_those_present(
    capsys: pytest.CaptureFixture[str]
) -> None:
    data = ("--data", str(BASE), "--data", str(FRIENDLY))
    code, out, err = run_cli(capsys, "report", *data, "--authority", "ZZ", "--format", "json")
    assert code == 0
    json.loads(out)  # the note goes to stderr; the report stays parseable
    assert err == "note: no record has authority ZZ (authorities in the data: KR)\n"
    code, _, err = run_cli(capsys, "report", *data, "--authority", "ZZ", "--authority", "KR")
    assert code == 0
    assert err == "note: no record has authority ZZ (authorities in the data: KR)\n"


def test_report_for_dates_outside_the_data_says_what_the_data_covers(
    capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "report", "--data", str(BASE), "--data", str(FRIENDLY),
                           "--since", "2030-01-01")
    assert code == 0
    assert err == ("note: no record matches the filter (announced on or after 2030-01-01): "
                   "the data has records of KR announced from 2024-01-10 to 2024-02-29\n")


def test_a_filter_that_matches_gives_no_note() -> None:
    dataset = load([BASE, FRIENDLY])
    assert filter_notes(dataset, ReportFilter(authorities=frozenset({"KR"}))) == []
    assert filter_notes(dataset, ReportFilter()) == []


# --- 7. a file reached twice is loaded once -------------------------------------------------------

@pytest.mark.parametrize(
    "second",
    [
        lambda d: Path(f"{d}{os.sep}"),
        lambda d: d / "." / ".." / d.name,
        lambda d: d / "friendly" / "scripts-and-aliases.yaml",
        lambda d: d / "sub",
    ],
    ids=["trailing-slash", "dot-dot", "file-inside", "subfolder"],
)
def test_overlapping_data_paths_load_each_file_once(tmp_path: Path, second: object) -> None:
    data = friendly_folder(tmp_path)
    (data / "sub").mkdir()
    shutil.move(data / "friendly" / "bom-crlf.yaml", data / "sub" / "bom-crlf.yaml")
    dataset = load([data, second(data)])  # type: ignore[operator]
    assert dataset.findings == []
    assert list(dataset.actions) == ["friendly-scripts"]
    assert list(dataset.measures) == ["friendly-measure"]


def test_links_and_hard_links_to_one_file_load_it_once(tmp_path: Path) -> None:
    data = friendly_folder(tmp_path)
    (data / "again.yaml").symlink_to(data / "friendly" / "scripts-and-aliases.yaml")
    os.link(data / "friendly" / "bom-crlf.yaml", data / "hard.yaml")
    (tmp_path / "alias").symlink_to(data)
    dataset = load([data, tmp_path / "alias"])
    assert dataset.findings == []
    assert len(dataset.files) == 4  # sources, series, and the two friendly files


def test_the_same_folder_twice_on_the_command_line_is_not_a_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = friendly_folder(tmp_path)
    code, out, _ = run_cli(capsys, "check", "--data", str(data), "--data", f"{data}{os.sep}")
    assert code == 0
    assert "duplicate-id" not in out


# --- 8. the library takes any path-like for the documents -----------------------------------------

class _PathLike:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return str(self.path)


def test_check_and_validate_take_str_and_path_like_documents() -> None:
    dataset = load(BASE)
    expected = sanctions_tracker.check(dataset, DOCUMENTS).findings
    assert sanctions_tracker.check(dataset, str(DOCUMENTS)).findings == expected
    assert sanctions_tracker.check(dataset, _PathLike(DOCUMENTS)).findings == expected
    assert sanctions_tracker.validate(dataset, str(DOCUMENTS)) == sanctions_tracker.validate(
        dataset, DOCUMENTS)
    assert not any(f.code == "quotes-not-checked" for f in expected)
    with pytest.raises(sanctions_tracker.InputError, match="does not exist"):
        sanctions_tracker.check(dataset, str(DOCUMENTS / "missing"))


# --- 9. a file given by name must be a YAML file --------------------------------------------------

def test_a_file_that_is_not_yaml_is_refused_by_name(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(sanctions_tracker.InputError, match=r"not a YAML file .*\.yaml or \.yml"):
        load(REPO / "README.md")
    code, out, err = run_cli(capsys, "check", "--data", str(REPO / "README.md"))
    assert (code, out) == (2, "")
    assert "README.md: not a YAML file" in err
    shutil.copy(BASE / "series.yaml", tmp_path / "series.yml")
    assert list(load(tmp_path / "series.yml").series) == ["test-list"]


def test_a_missing_data_folder_says_where_the_tool_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "check", "--data", "data", "--data", "seeds")
    assert code == 2
    assert err == (f"sanctions-tracker: error: --data data: no such file or folder in {tmp_path}: "
                   "pass --data with each folder of YAML data (a data repository keeps them in "
                   "data/ and seeds/)\n")


# --- 11. the pre-commit hook checks the repository it runs in -------------------------------------

def _hook() -> dict[str, object]:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return dict(hook)


@pytest.fixture
def data_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository laid out as the README says, with 1,402 changed to 1,403."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    path = tmp_path / "data" / "kr-export-controls.yaml"
    path.write_text(path.read_text().replace("    total_after: 1402\n", "    total_after: 1403\n"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _hook_argv(user_args: list[str] | None) -> list[str]:
    """The command line pre-commit runs: the entry, then the user's args or else the hook's."""
    hook = _hook()
    assert hook["pass_filenames"] is False
    entry = str(hook["entry"]).split()
    assert entry[0] == "sanctions-tracker"
    default: list[str] = list(hook.get("args", []))  # type: ignore[call-overload]
    return [*entry[1:], *(default if user_args is None else user_args)]


@pytest.mark.parametrize("user_args", [None, [], ["--strict"], ["--format", "github"]])
@pytest.mark.usefixtures("data_repository")
def test_the_hook_checks_the_repository_it_runs_in(
    capsys: pytest.CaptureFixture[str], user_args: list[str] | None
) -> None:
    # pre-commit lets a user's `args:` replace the hook's own: whatever they are, the
    # repository's data/ and seeds/ must still be what is checked.
    argv = _hook_argv(user_args)
    code, out, _ = run_cli(capsys, *argv)
    assert code == 1
    lines = Path("data/kr-export-controls.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text == "    total_after: 1403")
    assert re.search(rf"data/kr-export-controls\.yaml(?::|,line=){line}\b.*total-mismatch",
                     out), out


@pytest.mark.parametrize("missing", ["data", "seeds"])
def test_the_hook_names_the_missing_folder(data_repository: Path, missing: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(data_repository / missing)
    code, out, err = run_cli(capsys, *_hook_argv(["--strict"]))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"--repo-layout: {missing}/ does not exist in {data_repository}" in err


def test_data_given_to_the_hook_replaces_the_repository_layout(
    data_repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(DATA, data_repository / "mine")
    shutil.rmtree(data_repository / "data")
    code, out, _ = run_cli(capsys, *_hook_argv(["--data", "mine", "--data", "seeds"]))
    assert code == 0, out


# --- standard output that cannot be written: one line, exit 2, never 70 ------------------------

_STDOUT_COMMANDS = [
    ["check"], ["report"], ["show", "kr-2024-06-20-export-controls-russia"],
    ["diff", str(DATA), str(DATA)], ["export", "--format", "json", "--output", "-"],
    ["export", "--format", "json", "--output", "/dev/stdout"], ["codes"],
]


def _child_with_stdout(redirect: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """The CLI with its stdout redirected by a shell (``>/dev/full``, ``>&-``)."""
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "sanctions_tracker", *argv])
    return subprocess.run(["/bin/sh", "-c", f"exec {command} {redirect}"], capture_output=False,
                          stderr=subprocess.PIPE, text=True, check=False,
                          timeout=GENEROUS_SECONDS)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", _STDOUT_COMMANDS, ids=" ".join)
def test_a_full_standard_output_is_one_line_and_exit_2(argv: list[str]) -> None:
    result = _child_with_stdout(">/dev/full", *argv)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


@pytest.mark.parametrize("argv", _STDOUT_COMMANDS, ids=" ".join)
def test_a_closed_standard_output_is_one_line_and_exit_2(argv: list[str]) -> None:
    result = _child_with_stdout(">&-", *argv)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("sanctions-tracker: error: ")
    assert "Traceback" not in result.stderr


def test_a_command_that_writes_a_file_needs_no_standard_output(tmp_path: Path) -> None:
    result = _child_with_stdout(">&-", "export", "--format", "json", "--output",
                                str(tmp_path / "out.json"))
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "out.json").read_text())["schema_version"] == 1


def test_a_failed_standard_output_in_process_leaves_sys_stdout_as_it_was(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class _Full(io.StringIO):
        def write(self, _text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    full = _Full()
    monkeypatch.setattr(sys, "stdout", full)
    assert main(["report"]) == 2
    assert sys.stdout is full
    assert capsys.readouterr().err == (
        "sanctions-tracker: error: cannot write to standard output: No space left on device\n")


# --- 12. GitHub annotations -----------------------------------------------------------------------

def test_a_finding_without_a_file_is_annotated_without_one() -> None:
    finding = Finding("quotes-not-checked", Severity.INFO, "quotes were not compared",
                      Location("<sources>"))
    assert github_annotation(finding) == (
        "::notice title=quotes-not-checked::quotes were not compared")


def test_a_finding_about_a_folder_names_it_in_the_message() -> None:
    finding = Finding("no-data", Severity.ERROR, "no records", Location(f"my-data{os.sep}"))
    assert github_annotation(finding) == f"::error title=no-data::my-data{os.sep}: no records"


def test_annotations_escape_properties_and_message() -> None:
    finding = Finding("schema", Severity.ERROR, "100% wrong\r\nsecond line: a, b",
                      Location("odd:name,1%.yaml", 3, 4))
    assert github_annotation(finding) == (
        "::error file=odd%3Aname%2C1%25.yaml,line=3,col=4,title=schema"
        "::100%25 wrong%0D%0Asecond line: a, b")


def test_check_github_annotates_no_pseudo_file(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SANCTIONS_TRACKER_SOURCES", raising=False)
    code, out, _ = run_cli(capsys, "check", "--data", str(BASE), "--data", str(FRIENDLY),
                           "--format", "github")
    assert code == 0
    assert "file=<" not in out
    assert "::notice title=quotes-not-checked::" in out
