"""Writes that never destroy: folders of files the export owns, streams, links, modes, syncs."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import select
import shutil
import stat
import threading
import tty
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sanctions_tracker.cli import main
from sanctions_tracker.errors import WriteError
from sanctions_tracker.output.atomic_write import (
    MANIFEST_NAME,
    write_files_atomic,
    write_text_atomic,
)

from .conftest import BASE, FINDINGS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    Umask = Callable[[int], int]

CSV_NAMES = ["designations.csv", "evidence.csv", "measures.csv", "series.csv", "sources.csv",
             "subjects.csv"]
# The files the write_files_atomic tests below may write.
NAMES = ("a.csv", "b.csv")
# A safety bound for threads that read a FIFO, not a measurement: nothing asserts on time.
BOUND = 60


def _export(*argv: str) -> int:
    return main(["export", "--data", str(BASE), "--data", str(FINDINGS / "derived-value.yaml"),
                 *argv])


def _names(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


def _leftovers(*folders: Path) -> list[str]:
    return [name for folder in folders for name in _names(folder) if name.endswith(".tmp")]


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("sanctions-tracker: error: "), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def umask() -> Iterator[Umask]:
    """Set the umask for one test, and restore it."""
    previous = os.umask(0o022)
    yield os.umask
    os.umask(previous)


# --- a CSV export writes its own files and nothing else ---------------------------------------


def test_a_folder_with_a_foreign_file_is_refused_and_the_file_survives(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert _export("--format", "csv", "--output", str(out)) == 2
    assert "no earlier CSV export wrote it" in _one_line_error(capsys)
    assert _names(out) == ["notes.txt"]
    assert (out / "notes.txt").read_text() == "mine"


def test_the_data_folder_is_never_replaced_by_an_export(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    assert main(["export", "--format", "csv", "--data", str(data), "--output", str(data)]) == 2
    assert str(data) in _one_line_error(capsys)
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_a_users_file_with_an_export_name_is_not_overwritten(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "sources.csv").write_text("my own spreadsheet\n")
    assert _export("--format", "csv", "--output", str(out)) == 2
    _one_line_error(capsys)
    assert (out / "sources.csv").read_text() == "my own spreadsheet\n"
    assert _names(out) == ["sources.csv"]


def test_a_file_edited_since_the_export_is_not_overwritten(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _export("--format", "csv", "--output", str(out)) == 0
    assert _names(out) == sorted([MANIFEST_NAME, *CSV_NAMES])
    edited = (out / "designations.csv").read_text() + "my note,,,\n"
    (out / "designations.csv").write_text(edited)
    capsys.readouterr()
    assert _export("--format", "csv", "--output", str(out)) == 2
    assert "designations.csv has changed" in _one_line_error(capsys)
    assert (out / "designations.csv").read_text() == edited


def test_an_export_folder_is_exported_into_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _export("--format", "csv", "--output", str(out)) == 0
    first = {name: (out / name).read_bytes() for name in CSV_NAMES}
    assert _export("--format", "csv", "--output", str(out)) == 0
    assert {name: (out / name).read_bytes() for name in CSV_NAMES} == first
    assert _names(out) == sorted([MANIFEST_NAME, *CSV_NAMES])


def test_only_files_of_the_earlier_export_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_files_atomic(out, {"a.csv": "1\n", "b.csv": "2\n"}, names=NAMES)
    write_files_atomic(out, {"b.csv": "3\n"}, names=NAMES)
    assert _names(out) == [MANIFEST_NAME, "b.csv"]
    assert (out / "b.csv").read_text() == "3\n"
    (out / "mine.txt").write_text("keep")
    with pytest.raises(WriteError, match=r"mine\.txt was not written by an earlier export"):
        write_files_atomic(out, {"b.csv": "4\n"}, names=NAMES)
    assert (out / "b.csv").read_text() == "3\n"
    assert (out / "mine.txt").read_text() == "keep"


def test_a_link_named_like_an_export_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_files_atomic(out, {"a.csv": "1\n"}, names=NAMES)
    precious = tmp_path / "precious.txt"
    precious.write_text("1\n")
    (out / "a.csv").unlink()
    (out / "a.csv").symlink_to(precious)
    with pytest.raises(WriteError, match="was not written by an earlier export"):
        write_files_atomic(out, {"a.csv": "2\n"}, names=NAMES)
    assert precious.read_text() == "1\n"


@pytest.mark.parametrize("manifest", [
    '{"files": {"a.csv": []}}', "[]", "not json", "",
    '{"format": "sanctions-tracker csv export", "files": {"a.csv": ["not a digest"]}}',
])
def test_a_forged_or_broken_manifest_proves_nothing(tmp_path: Path, manifest: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_text(manifest)
    (out / "a.csv").write_text("mine\n")
    with pytest.raises(WriteError, match="not a manifest sanctions-tracker wrote"):
        write_files_atomic(out, {"a.csv": "2\n"}, names=NAMES)
    assert (out / "a.csv").read_text() == "mine\n"


def test_a_forged_manifest_naming_a_users_file_deletes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forged = tmp_path / "forged"
    forged.mkdir()
    (forged / "notes.txt").write_text("mine\n")
    digest = hashlib.sha256(b"mine\n").hexdigest()
    (forged / MANIFEST_NAME).write_text(json.dumps(
        {"format": "sanctions-tracker csv export", "files": {"notes.txt": [digest]}}))
    assert _export("--format", "csv", "--output", str(forged)) == 2
    assert "lists notes.txt, which no sanctions-tracker export writes" in _one_line_error(capsys)
    assert _names(forged) == sorted([MANIFEST_NAME, "notes.txt"])
    assert (forged / "notes.txt").read_text() == "mine\n"


@pytest.mark.parametrize("listed", ["notes.txt", "..", MANIFEST_NAME, "c.csv"])
def test_a_manifest_may_name_only_files_the_exporter_writes(tmp_path: Path, listed: str) -> None:
    out = tmp_path / "out"
    write_files_atomic(out, {"a.csv": "1\n"}, names=NAMES)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["files"][listed] = [hashlib.sha256(b"x").hexdigest()]
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    before = {name: (out / name).read_bytes() for name in _names(out)}
    with pytest.raises(WriteError, match="which no sanctions-tracker export writes"):
        write_files_atomic(out, {"b.csv": "2\n"}, names=NAMES)
    assert {name: (out / name).read_bytes() for name in _names(out)} == before


def test_files_outside_the_names_are_a_bug_of_the_caller(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not among the names"):
        write_files_atomic(tmp_path / "out", {"c.csv": "1\n"}, names=NAMES)
    assert not (tmp_path / "out").exists()


def test_a_temporary_file_left_by_a_killed_export_is_named(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_files_atomic(out, {"a.csv": "1\n"}, names=NAMES)
    (out / ".a.csv.k3j4h2x_.tmp").write_text("1")  # as a power cut would leave it
    with pytest.raises(WriteError, match="left by an interrupted export"):
        write_files_atomic(out, {"a.csv": "2\n"}, names=NAMES)
    assert (out / "a.csv").read_text() == "1\n"


def test_an_interrupted_folder_export_leaves_no_temporary_file_and_can_run_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write_files_atomic(out, {"a.csv": "old a\n", "b.csv": "old b\n"}, names=NAMES)
    real_replace = os.replace
    calls: list[str] = []

    def replace_then_fail(src: str, dst: str) -> None:
        calls.append(Path(dst).name)
        if Path(dst).name == "b.csv":
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    with pytest.raises(WriteError, match=r"b\.csv: writing failed"):
        write_files_atomic(out, {"a.csv": "new a\n", "b.csv": "new b\n"}, names=NAMES)
    monkeypatch.undo()
    assert calls == [MANIFEST_NAME, "a.csv", "b.csv"]
    assert _leftovers(out) == []
    assert (out / "a.csv").read_text() == "new a\n"
    assert (out / "b.csv").read_text() == "old b\n"
    write_files_atomic(out, {"a.csv": "new a\n", "b.csv": "new b\n"}, names=NAMES)
    assert (out / "b.csv").read_text() == "new b\n"
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert all(len(digests) == 1 for digests in manifest["files"].values())


def test_a_link_to_a_folder_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    assert _export("--format", "csv", "--output", str(link)) == 0
    assert link.is_symlink()
    assert _names(real) == sorted([MANIFEST_NAME, *CSV_NAMES])


@pytest.mark.parametrize("target", ["-", "file", "fifo", "missing-parent/out"])
def test_csv_is_refused_where_a_folder_cannot_be(tmp_path: Path, target: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / target
    if target == "file":
        path.write_text("keep")
    elif target == "fifo":
        os.mkfifo(path)
    assert _export("--format", "csv", "--output", "-" if target == "-" else str(path)) == 2
    _one_line_error(capsys)
    assert capsys.readouterr().out == ""
    if target == "file":
        assert path.read_text() == "keep"
    if target == "fifo":
        assert stat.S_ISFIFO(path.lstat().st_mode)


# --- one file: streams, links, refusals -------------------------------------------------------


def test_dash_is_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _export("--format", "json", "--output", "-") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["schema_version"] == 1
    assert "to standard output" in captured.err
    assert _names(tmp_path) == []
    assert _export("--format", "json", "--output", "./-") == 0  # a file named -, on purpose
    assert json.loads((tmp_path / "-").read_text())["schema_version"] == 1


def test_a_fifo_is_streamed_into_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    # A second name for the FIFO: if the export replaced out.json, the reader can still be let go.
    keep = tmp_path / "same-fifo"
    os.link(fifo, keep)
    received: list[bytes] = []

    def read() -> None:
        with keep.open("rb") as fh:
            received.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    # A reader is there before the export opens the FIFO, whenever the thread gets to its open.
    hold = os.open(keep, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert _export("--format", "json", "--output", str(fifo)) == 0
    finally:
        reader.join(BOUND)
        if reader.is_alive():  # nothing opened the FIFO: open it once so the reader returns
            os.close(os.open(keep, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(BOUND)
        os.close(hold)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received
    assert json.loads(received[0])["schema_version"] == 1
    assert _leftovers(tmp_path) == []


def test_a_fifo_without_a_reader_is_refused_without_waiting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    codes: list[int] = []
    writer = threading.Thread(
        target=lambda: codes.append(_export("--format", "json", "--output", str(fifo))),
        daemon=True)
    writer.start()
    writer.join(BOUND)
    if writer.is_alive():  # the export waits for a reader: be one, so the thread can end
        with fifo.open("rb") as fh:
            fh.read()
        writer.join(BOUND)
    assert codes == [2]
    assert "no process is reading the FIFO" in _one_line_error(capsys)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_a_terminal_is_written_in_place(tmp_path: Path) -> None:
    controller, terminal = os.openpty()
    try:
        tty.setraw(terminal)  # no \r added to line ends
        link = tmp_path / "tty"
        link.symlink_to(os.ttyname(terminal))
        write_text_atomic(link, ["hello\n"])
        assert link.is_symlink()
        assert stat.S_ISCHR(link.stat().st_mode)
        ready, _, _ = select.select([controller], [], [], BOUND)
        assert ready
        assert os.read(controller, 100) == b"hello\n"
    finally:
        os.close(controller)
        os.close(terminal)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_a_link_to_an_open_descriptor_is_written_into_it(tmp_path: Path) -> None:
    """As /dev/stdout is: the descriptor's pipe or file gets the text, no file is replaced."""
    read_end, write_end = os.pipe()
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    appending = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        stdout = tmp_path / "stdout"
        stdout.symlink_to(f"/proc/self/fd/{write_end}")
        write_text_atomic(stdout, ["to the pipe\n"])
        assert stdout.is_symlink()
        assert os.read(read_end, 100) == b"to the pipe\n"
        log_link = tmp_path / "log-descriptor"
        log_link.symlink_to(f"/proc/self/fd/{appending}")
        write_text_atomic(log_link, ["appended\n"])
        assert log.read_text() == "earlier line\nappended\n"
        assert log_link.is_symlink()
    finally:
        for fd in (read_end, write_end, appending):
            os.close(fd)
    assert _leftovers(tmp_path) == []


def test_a_link_is_written_through_to_its_target(tmp_path: Path, umask: Umask) -> None:
    umask(0o077)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "export.json"
    target.write_text("old")
    target.chmod(0o640)
    middle = tmp_path / "middle.json"
    middle.symlink_to(target)
    link = tmp_path / "out.json"
    link.symlink_to(middle)  # a chain of two links
    assert _export("--format", "json", "--output", str(link)) == 0
    assert link.is_symlink()
    assert middle.is_symlink()
    assert link.readlink() == middle
    assert json.loads(target.read_text())["schema_version"] == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its mode
    assert _leftovers(tmp_path, elsewhere) == []


@pytest.mark.parametrize("case", ["dangling link", "link loop", "folder", "missing parent",
                                  "trailing slash"])
def test_impossible_targets_are_refused_in_one_line(tmp_path: Path, case: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    if case == "dangling link":
        out.symlink_to(tmp_path / "nowhere.json")
    elif case == "link loop":
        out.symlink_to(tmp_path / "loop.json")
        (tmp_path / "loop.json").symlink_to(out)
    elif case == "folder":
        out.mkdir()
    elif case == "missing parent":
        out = tmp_path / "no" / "such" / "out.json"
    before = _names(tmp_path)
    argument = str(out) + ("/" if case == "trailing slash" else "")
    assert _export("--format", "json", "--output", argument) == 2
    _one_line_error(capsys)
    assert _names(tmp_path) == before
    if case == "dangling link":
        assert out.is_symlink()
        assert not (tmp_path / "nowhere.json").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_an_unwritable_place_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # /proc takes no new files, whoever asks (root too).
    assert _export("--format", "ftm", "--output", "/proc/sanctions-tracker-out.json") == 2
    assert "cannot write" in _one_line_error(capsys)


def test_a_read_only_file_is_not_replaced(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep")
    out.chmod(0o444)
    # No os.access stub: as root (CI containers) it says yes to anything, and the mode must win.
    assert _export("--format", "json", "--output", str(out)) == 2
    assert "read-only (mode 0444)" in _one_line_error(capsys)
    assert out.read_text() == "keep"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_file_this_user_may_not_write_is_not_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep")  # writable by its owner, another user as far as os.access says
    monkeypatch.setattr(os, "access", lambda *_, **__: False)
    assert _export("--format", "json", "--output", str(out)) == 2
    assert "read-only for this user" in _one_line_error(capsys)
    assert out.read_text() == "keep"


def test_a_read_only_file_of_an_earlier_csv_export_is_not_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _export("--format", "csv", "--output", str(out)) == 0
    (out / "series.csv").chmod(0o444)
    before = {name: (out / name).read_bytes() for name in _names(out)}
    capsys.readouterr()
    assert _export("--format", "csv", "--data", str(FINDINGS / "chain-break.yaml"),
                   "--output", str(out)) == 2
    assert "series.csv is read-only" in _one_line_error(capsys)
    assert {name: (out / name).read_bytes() for name in _names(out)} == before


@pytest.mark.parametrize("written", ["t.json/", "t.json/.", "t.json/../x.json", "t.json/x.json",
                                     "link/", "link/../x.json"])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_file_used_as_a_folder_is_refused(tmp_path: Path, written: str, fmt: str,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.json").write_text("keep")
    (tmp_path / "link").symlink_to("t.json")
    assert _export("--format", fmt, "--output", written) == 2
    assert "not a folder" in _one_line_error(capsys)
    assert (tmp_path / "t.json").read_text() == "keep"
    assert _names(tmp_path) == ["link", "t.json"]


def test_a_folder_path_written_with_a_trailing_slash_is_still_a_csv_folder(
        tmp_path: Path) -> None:
    assert _export("--format", "csv", "--output", f"{tmp_path / 'out'}/") == 0
    assert _export("--format", "csv", "--output", f"{tmp_path / 'out'}/.") == 0
    assert _names(tmp_path / "out") == sorted([MANIFEST_NAME, *CSV_NAMES])


def test_an_input_file_is_never_the_output(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    series = data / "series.yaml"
    before = series.read_bytes()
    assert main(["export", "--format", "json", "--data", str(data),
                 "--output", str(series)]) == 2
    assert "an input of this command" in _one_line_error(capsys)
    assert series.read_bytes() == before


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a link another owner")
def test_a_planted_link_in_a_shared_folder_is_not_followed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    planted = shared / "out.json"
    planted.symlink_to(victim)
    os.lchown(planted, 12345, 12345)
    with pytest.raises(WriteError, match="owned by another user"):
        write_text_atomic(planted, ["{}"])
    assert victim.read_text() == "keep"


# --- modes, syncs and leftovers -----------------------------------------------------------------


@pytest.mark.parametrize(("mask", "file_mode", "folder_mode"),
                         [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700), (0o002, 0o664, 0o775)])
def test_modes_follow_the_umask(tmp_path: Path, umask: Umask, mask: int, file_mode: int,
                                folder_mode: int) -> None:
    umask(mask)
    single = tmp_path / "single.json"
    assert _export("--format", "json", "--output", str(single)) == 0
    assert stat.S_IMODE(single.stat().st_mode) == file_mode
    folder = tmp_path / "csv"
    assert _export("--format", "csv", "--output", str(folder)) == 0
    assert stat.S_IMODE(folder.stat().st_mode) == folder_mode
    for name in [MANIFEST_NAME, *CSV_NAMES]:
        assert stat.S_IMODE((folder / name).stat().st_mode) == file_mode, name


def test_the_file_is_synced_before_and_its_folder_after_the_replace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_text_atomic(tmp_path / "out.json", ["{}"])
    assert events == ["fsync file", "replace", "fsync folder"]


@pytest.mark.parametrize(("code", "refused"), [(errno.EINVAL, False), (errno.EIO, True)])
def test_a_folder_that_cannot_be_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        code: int, *, refused: bool) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(code, os.strerror(code))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    if refused:
        with pytest.raises(WriteError, match="could not be synced"):
            write_text_atomic(tmp_path / "out.json", ["{}"])
    else:
        write_text_atomic(tmp_path / "out.json", ["{}"])
    assert (tmp_path / "out.json").read_text() == "{}"


def test_a_failed_replace_leaves_the_old_file_and_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    out.write_text("old complete content")

    def fail(*_: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert _export("--format", "json", "--output", str(out)) == 2
    assert "nothing was replaced" in _one_line_error(capsys)
    assert out.read_text() == "old complete content"
    assert _names(tmp_path) == ["out.json"]


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old complete content")

    def chunks() -> Iterator[str]:
        yield "new partial"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, chunks())
    assert target.read_text() == "old complete content"
    assert _names(tmp_path) == ["out.json"]


def test_a_successful_write_leaves_only_the_output(tmp_path: Path) -> None:
    assert _export("--format", "ftm", "--output", str(tmp_path / "out.ftm.json")) == 0
    assert _export("--format", "csv", "--output", str(tmp_path / "csv")) == 0
    assert _names(tmp_path) == ["csv", "out.ftm.json"]
    assert _leftovers(tmp_path / "csv") == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_device_is_one_write_error_not_a_second_error_on_close(
        capsys: pytest.CaptureFixture[str]) -> None:
    # The failed flush left its bytes in the buffer; closing flushed them again and that bare
    # OSError replaced the WriteError (exit 70 with a traceback).
    with pytest.raises(WriteError, match="writing failed"):
        write_text_atomic("/dev/full", ["x" * 100_000])
    assert _export("--format", "json", "--output", "/dev/full") == 2
    assert "writing failed" in _one_line_error(capsys)
