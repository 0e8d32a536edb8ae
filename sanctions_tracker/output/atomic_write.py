"""Write outputs without destroying anything the command did not write.

A regular file is replaced atomically: the text goes to a temporary file beside the real target,
which is given the target's mode, synced, and moved into place with :func:`os.replace` (atomic
on one file system); then the folder is synced. A reader sees the old complete file or the new
one, and an interruption leaves no temporary file behind. A link is followed to the file it
names, which is replaced while the link stays a link. Devices, FIFOs, sockets and open file
descriptors (``/dev/stdout``) are written in place, as a stream: replacing them with a regular
file would break them.

A CSV export is a folder of files. It writes only its own files, each replaced atomically, and
refuses a folder that holds anything else: the manifest :data:`MANIFEST_NAME`, written with
every export, lists the files and the SHA-256 of the content the tool wrote, so that a file the
user added or edited is never overwritten. The manifest is only evidence, never authority: a
name it lists that the exporter does not produce (a forged manifest naming the user's file)
means the folder is not ours, and nothing in it is touched.

A read-only file (no write bit for anyone) is never replaced, even by root, whom ``os.access``
would let write anything; a path that goes through a file as if it were a folder (``t.json/``)
is refused as the kernel would refuse it (ENOTDIR); a FIFO with no reader is refused at once
instead of blocking until one comes.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from sanctions_tracker.errors import WriteError

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

__all__ = ["MANIFEST_NAME", "write_files_atomic", "write_text_atomic"]

#: The file in a CSV export folder that proves which files an earlier export wrote.
MANIFEST_NAME = ".sanctions-tracker-export.json"
_MANIFEST_FORMAT = "sanctions-tracker csv export"
_MANIFEST_MAX_BYTES = 1 << 20
_MAX_LINKS = 40  # as the kernel's limit on links followed in one lookup
# fsync on a folder: some file systems cannot, and say so with one of these.
_NO_FOLDER_SYNC = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})
# The folder of a process's open file descriptors once links are resolved (/dev/stdout,
# /dev/fd/N, /proc/self/fd/N and /proc/thread-self/fd/N all lead here).
_DESCRIPTORS = re.compile(r"/proc/(?P<pid>[0-9]+)(?:/task/[0-9]+)?/fd")
# A terminal opened to be written into must not become this process's controlling terminal.
_STREAM_FLAGS = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_DIGITS = re.compile(r"[0-9]+")
_SHA256 = re.compile(r"[0-9a-f]{64}")
# tempfile.mkstemp's names: our prefix, eight random characters, our suffix.
_LEFTOVER = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


def _shown(path: str | os.PathLike[str]) -> str:
    """A path for a one-line message: quoted when it holds control characters (a newline)."""
    text = os.fspath(path)
    return text if text.isprintable() else repr(text)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _umask() -> int:
    """The process's umask, read without changing it where Linux allows (threads may be running).

    Elsewhere it is set and restored at once, which is racy only against other threads creating
    files in the same instant; the CLI has none.
    """
    with contextlib.suppress(OSError, ValueError, IndexError), \
            Path("/proc/self/status").open(encoding="ascii", errors="replace") as fh:
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@attrs.frozen
class _Target:
    """Where a write lands once links are followed: a real path, or an open file descriptor."""

    real: Path
    status: os.stat_result | None  # None: nothing there yet
    descriptor: int | None = None


def _descriptor(path: Path, shown: str) -> int | None:
    """The file descriptor that ``path`` names, if it is one of this process's (``/dev/stdout``)."""
    match = _DESCRIPTORS.fullmatch(str(path.parent))
    if match is None or not _DIGITS.fullmatch(path.name):
        return None
    # /proc/self names this process as /proc counts pids, which os.getpid() may not.
    if match["pid"] != Path(os.path.realpath("/proc/self")).name:
        raise WriteError(f"{shown} is a file descriptor of another process: name a file")
    return int(path.name)


def _check_link_owner(link: Path, status: os.stat_result, folder: Path, shown: str) -> None:
    """Follow a link only where the kernel would (fs.protected_symlinks).

    A link in a shared sticky folder (``/tmp``) that another user owns may have been planted to
    make this write replace a file of ours; links are resolved here, not by ``open``, so the
    kernel's own protection would not apply.
    """
    if not hasattr(os, "geteuid"):
        return  # Windows: no sticky folders
    folder_status = folder.stat()
    shared = folder_status.st_mode & stat.S_ISVTX and folder_status.st_mode & stat.S_IWOTH
    if shared and status.st_uid not in (os.geteuid(), folder_status.st_uid):
        raise WriteError(f"{shown}: {_shown(link)} is a link owned by another user in the shared "
                         f"folder {_shown(folder)}; it is not followed: name the real file")


def _resolve(path: Path) -> _Target:
    """Follow the links of ``path`` to what a write would change, without changing anything."""
    shown = _shown(path)
    current = path.absolute()
    followed = 0
    while True:
        # realpath, not Path.resolve: it never raises on a loop, on any Python version (the
        # lstat below reports it).
        folder = Path(os.path.realpath(current.parent))
        current = folder / current.name
        descriptor = _descriptor(current, shown)
        if descriptor is not None:
            return _Target(current, None, descriptor)
        try:
            status = os.lstat(current)
        except (FileNotFoundError, NotADirectoryError):
            if followed:
                raise WriteError(f"{shown} is a link to {_shown(current)}, which does not exist: "
                                 "create that file first, or name another path") from None
            return _Target(current, None)
        except OSError as exc:
            raise WriteError(f"{shown}: cannot be written ({_reason(exc)})") from None
        if not stat.S_ISLNK(status.st_mode):
            return _Target(current, status)
        followed += 1
        if followed > _MAX_LINKS:
            raise WriteError(f"{shown}: too many levels of links (a loop?): name the real file")
        _check_link_owner(current, status, folder, shown)
        current = folder / current.readlink()


def _check_folder_parts(path: str | os.PathLike[str], shown: str) -> None:
    """Refuse a path that treats a file as a folder (``t.json/``, ``t.json/.``, ``t.json/../x``).

    Links are resolved here rather than by the kernel, and :func:`os.path.realpath` drops ``.``
    and ``..`` without asking whether what comes before them is a folder; the kernel would say
    ENOTDIR (or ENOENT), so this asks it about the folder part of the path as written.
    """
    text = os.fspath(path)
    folder = os.path.dirname(text)  # noqa: PTH120 (Path drops the trailing / this is about)
    if not folder or folder == text:
        return
    try:
        status = os.stat(folder)  # noqa: PTH116 (the path as written, "t.json" of "t.json/")
    except FileNotFoundError:
        return  # a missing folder is refused with its own message once the path is resolved
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise WriteError(f"{shown}: a part of the path before the last is a file, not a "
                             "folder: name a file (without a trailing /)") from None
        raise WriteError(f"{shown}: cannot be written ({_reason(exc)})") from None
    if not stat.S_ISDIR(status.st_mode):
        raise WriteError(f"{shown}: {_shown(folder)} is a {_kind(status)}, not a folder: name a "
                         "file (without a trailing /)")


def _check_parent(real: Path) -> None:
    if not real.parent.is_dir():
        problem = "is not a folder" if real.parent.exists() else "does not exist"
        raise WriteError(f"{_shown(real.parent)}: the folder to write into {problem}")


def _kind(status: os.stat_result) -> str:
    mode = status.st_mode
    kinds = ((stat.S_ISDIR, "folder"), (stat.S_ISREG, "file"), (stat.S_ISFIFO, "FIFO"),
             (stat.S_ISCHR, "device"), (stat.S_ISBLK, "block device"),
             (stat.S_ISSOCK, "socket"))
    return next((name for test, name in kinds if test(mode)), "special file")


def _sync_folder(folder: Path, shown: str) -> None:
    """Make a replace durable: a new folder entry is on disk only once the folder is synced."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except PermissionError:
        return  # a folder one may write but not read (mode 0300) cannot be opened to sync it
    except OSError as exc:
        raise WriteError(f"{shown}: written, but its folder could not be synced "
                         f"({_reason(exc)}): the write may not survive a crash") from None
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _NO_FOLDER_SYNC:
            raise WriteError(f"{shown}: written, but its folder could not be synced "
                             f"({_reason(exc)}): the write may not survive a crash") from None
    finally:
        os.close(fd)


def _set_mode_and_owner(fd: int, tmp: str, mode: int, existing: os.stat_result | None) -> None:
    if not hasattr(os, "fchmod"):  # Windows before Python 3.13: only the read-only bit exists
        Path(tmp).chmod(mode)
        return
    os.fchmod(fd, mode)
    if existing is not None and hasattr(os, "fchown") and (
            (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid())):
        with contextlib.suppress(PermissionError):
            os.fchown(fd, existing.st_uid, existing.st_gid)


def _replace(real: Path, chunks: Iterable[bytes], existing: os.stat_result | None,
             shown: str) -> None:
    """Replace (or create) the regular file ``real`` atomically, then sync its folder.

    A new file gets the mode any new file would (0o666 less the umask); a replaced file keeps its
    permissions, and its owner where the process may set it (root replacing a user's file).
    """
    mode = stat.S_IMODE(existing.st_mode) & 0o777 if existing else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name[:200]}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise WriteError(f"{shown}: cannot write in {_shown(real.parent)} ({_reason(exc)}); "
                         "nothing was written") from None
    replaced = False
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            _set_mode_and_owner(fh.fileno(), tmp, mode, existing)
            os.fsync(fh.fileno())
        os.replace(tmp, real)
        replaced = True
    except OSError as exc:
        message = f"{shown}: writing failed ({_reason(exc)}); nothing was replaced"
        raise WriteError(message) from None
    finally:
        if not replaced:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _sync_folder(real.parent, shown)


def _stream(fd: int, chunks: Iterable[bytes], shown: str, *, in_place: bool) -> None:
    """Write into an open descriptor; with ``in_place``, refuse one that is a regular file.

    A path checked to be a FIFO or a device may have become a regular file before it was opened;
    writing into that in place would leave a mix of old and new text.
    """
    fh = os.fdopen(fd, "wb")
    try:
        if in_place and stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise WriteError(f"{shown} became a regular file while it was opened: "
                             "nothing was written; try again")
        for chunk in chunks:
            fh.write(chunk)
        fh.close()  # inside the try: a failure to flush or close is a WriteError too
    except BrokenPipeError:
        raise  # the reader went away: the CLI treats it as `| head` does
    except OSError as exc:
        raise WriteError(f"{shown}: writing failed ({_reason(exc)}); "
                         "the output is incomplete") from None
    finally:
        # After a failed write the buffer still holds what could not be written: closing
        # flushes it again, and that second OSError must not replace the WriteError.
        with contextlib.suppress(OSError):
            fh.close()


def _stream_to_socket(real: Path, chunks: Iterable[bytes], shown: str) -> None:
    import socket  # noqa: PLC0415 (rarely needed)

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(os.fspath(real))
            for chunk in chunks:
                sock.sendall(chunk)
            sock.shutdown(socket.SHUT_WR)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise WriteError(f"{shown}: writing to the socket failed ({_reason(exc)})") from None


def write_text_atomic(path: str | os.PathLike[str], chunks: Iterable[str], *,
                      keep: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write text (UTF-8) to ``path``: replace a file atomically, or stream into a device.

    A link is written through to its target; a link to nothing, a folder, a block device (a
    disk), a read-only file, one of the files in ``keep`` (the command's inputs) and a missing
    folder are refused with :class:`WriteError`, having written nothing.
    """
    shown = _shown(path)
    data = (chunk.encode("utf-8") for chunk in chunks)
    _check_folder_parts(path, shown)
    target = _resolve(Path(path))
    if target.descriptor is not None:
        try:
            fd = os.dup(target.descriptor)
        except OSError as exc:
            raise WriteError(f"{shown}: not an open file descriptor ({_reason(exc)})") from None
        _stream(fd, data, shown, in_place=False)
    elif target.status is None:
        if os.fspath(path).endswith(("/", os.sep)):
            raise WriteError(f"{shown} names a folder, which does not exist: name a file to write")
        _check_parent(target.real)
        _replace(target.real, data, None, shown)
    elif stat.S_ISREG(target.status.st_mode):
        _check_replaceable(target.real, target.status, keep, shown)
        _replace(target.real, data, target.status, shown)
    else:
        _write_in_place(target.real, target.status, data, shown)


def _check_replaceable(real: Path, status: os.stat_result,
                       keep: Iterable[str | os.PathLike[str]], shown: str) -> None:
    for path in keep:
        with contextlib.suppress(OSError):
            other = Path(path).stat()
            if (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino):
                same = "" if _shown(path) == shown else f"the same file as {_shown(path)}, "
                raise WriteError(f"{shown} is {same}an input of this command: write the output "
                                 "to another file")
    _check_writable(real, status, shown)


def _check_writable(real: Path, status: os.stat_result, shown: str) -> None:
    """Refuse to replace a file that nobody may write (mode 0444), or that this user may not.

    The mode bits come first: ``os.access`` says root may write anything, and replacing goes
    through the folder, so without them a read-only file would be silently replaced by root.
    """
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteError(f"{shown} is read-only (mode {stat.S_IMODE(status.st_mode):04o}): make "
                         "it writable or name another file (nothing was written)")
    if not os.access(real, os.W_OK):
        raise WriteError(f"{shown} is read-only for this user: make it writable or name another "
                         "file (nothing was written)")


def _write_in_place(real: Path, status: os.stat_result, data: Iterable[bytes],
                    shown: str) -> None:
    """Stream into what is not a regular file: a FIFO, a device or a socket."""
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise WriteError(f"{shown} is a folder: name a file to write")
    if stat.S_ISBLK(mode):
        raise WriteError(f"{shown} is a block device (a disk): refusing to write over it")
    if stat.S_ISSOCK(mode):
        _stream_to_socket(real, data, shown)
        return
    try:
        # O_NONBLOCK: opening a FIFO for writing otherwise waits, forever, for a reader.
        fd = os.open(real, _STREAM_FLAGS | os.O_NONBLOCK)  # never creates a file
    except OSError as exc:
        if exc.errno == errno.ENXIO and stat.S_ISFIFO(mode):
            raise WriteError(f"{shown}: no process is reading the FIFO: start the reader "
                             "first (nothing was written)") from None
        raise WriteError(f"{shown}: cannot open the {_kind(status)} for writing "
                         f"({_reason(exc)})") from None
    try:
        os.set_blocking(fd, True)  # a full pipe must make the write wait, not fail with EAGAIN
    except OSError as exc:
        os.close(fd)
        raise WriteError(f"{shown}: cannot write into the {_kind(status)} "
                         f"({_reason(exc)})") from None
    _stream(fd, data, shown, in_place=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_manifest(folder: Path, names: Collection[str], shown: str) -> dict[str, set[str]] | None:
    """The files an earlier export wrote here and the SHA-256 of each; None without a manifest.

    A manifest that lists a name outside ``names`` (the files the exporter can produce) is not
    one this tool wrote: anybody can write a manifest, so it may name only what is ours anyway.
    """
    path = folder / MANIFEST_NAME
    refused = (f"{_shown(path)} is not a manifest sanctions-tracker wrote: name a new or empty "
               "folder (nothing was written)")
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(f"{shown}: cannot read {MANIFEST_NAME} ({_reason(exc)})") from None
    if not stat.S_ISREG(status.st_mode) or status.st_size > _MANIFEST_MAX_BYTES:
        raise WriteError(refused)
    try:
        document: Any = json.loads(path.read_bytes())
    except (OSError, ValueError):
        raise WriteError(refused) from None
    if not isinstance(document, dict) or document.get("format") != _MANIFEST_FORMAT:
        raise WriteError(refused)
    files = document.get("files")
    if not isinstance(files, dict) or not all(
            isinstance(v, list) and all(isinstance(d, str) and _SHA256.fullmatch(d) for d in v)
            for v in files.values()):
        raise WriteError(refused)
    foreign = sorted(set(files) - set(names))
    if foreign:
        raise WriteError(f"{_shown(path)} lists {_shown(foreign[0])}, which no sanctions-tracker "
                         "export writes: the folder is not an export's; name a new or empty "
                         "folder (nothing was written)")
    _check_writable(path, status, _shown(path))
    return {str(name): set(digests) for name, digests in files.items()}


def _owned_files(folder: Path, names: Collection[str], shown: str) -> dict[str, str]:
    """The files in ``folder`` (name -> SHA-256), after proving that an earlier export wrote each.

    Refuses a folder holding anything else (WriteError), before anything is written.
    """
    try:
        entries = sorted(entry.name for entry in folder.iterdir())
    except OSError as exc:
        raise WriteError(f"{shown}: cannot list the folder ({_reason(exc)})") from None
    if not entries:
        return {}
    manifest = _read_manifest(folder, names, shown)
    if manifest is None:
        raise WriteError(f"{shown} is not empty and no earlier CSV export wrote it (it has no "
                         f"{MANIFEST_NAME}): name a new or empty folder (nothing was written)")
    owned = {}
    for entry in entries:
        if entry == MANIFEST_NAME:
            continue
        path = folder / entry
        leftover = _LEFTOVER.fullmatch(entry)
        if leftover and (leftover["name"] in manifest or leftover["name"] == MANIFEST_NAME):
            raise WriteError(f"{_shown(path)} is a temporary file left by an interrupted export: "
                             "remove it and export again (nothing was written)")
        try:
            status = path.lstat()
            regular = stat.S_ISREG(status.st_mode)
            digest = _sha256(path) if regular and entry in manifest and entry in names else ""
        except OSError as exc:
            raise WriteError(f"{_shown(path)}: cannot read it ({_reason(exc)})") from None
        if not digest:
            raise WriteError(f"{_shown(path)} was not written by an earlier export: move it "
                             "away or name another folder (nothing was written)")
        if digest not in manifest[entry]:
            raise WriteError(f"{_shown(path)} has changed since sanctions-tracker wrote it: move "
                             "it away or name another folder (nothing was written)")
        _check_writable(path, status, _shown(path))
        owned[entry] = digest
    return owned


def _write_manifest(folder: Path, files: Mapping[str, Iterable[str]], shown: str) -> None:
    from sanctions_tracker import __version__  # noqa: PLC0415 (the package imports this module's callers)

    document = {
        "format": _MANIFEST_FORMAT,
        "generator": f"sanctions-tracker {__version__}",
        "note": "the files this tool wrote here, by SHA-256; a later export replaces only these",
        "files": {name: sorted(digests) for name, digests in sorted(files.items())},
    }
    path = folder / MANIFEST_NAME
    existing = path.lstat() if path.is_file() and not path.is_symlink() else None
    _replace(path, [json.dumps(document, indent=2).encode("utf-8") + b"\n"], existing, shown)


def _prepare_folder(folder: str | os.PathLike[str], names: Collection[str],
                    shown: str) -> tuple[Path, dict[str, str]]:
    """The real folder to write into, created if missing, and the files an earlier export left."""
    _check_folder_parts(folder, shown)
    target = _resolve(Path(folder))
    if target.descriptor is not None:
        raise WriteError(f"{shown} is a file descriptor: a CSV export is a folder of files and "
                         "cannot be streamed; name a folder")
    real, status = target.real, target.status
    if status is not None and stat.S_ISDIR(status.st_mode):
        return real, _owned_files(real, names, shown)
    if status is not None:
        raise WriteError(f"{shown} is a {_kind(status)}: a CSV export is a folder of files and "
                         "cannot be streamed; name a folder")
    _check_parent(real)
    try:
        real.mkdir()  # the umask applies, as to any new folder
    except OSError as exc:
        raise WriteError(f"{shown}: cannot create the folder ({_reason(exc)})") from None
    _sync_folder(real.parent, shown)
    return real, {}


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise WriteError(f"{_shown(path)}: cannot remove this file of an earlier export "
                         f"({_reason(exc)})") from None


def write_files_atomic(folder: str | os.PathLike[str], files: Mapping[str, str], *,
                       names: Collection[str]) -> None:
    """Write text files (name -> UTF-8 text) into ``folder``, each replaced atomically.

    ``names`` are all the files this kind of export can ever write (``files`` holds some or all
    of them): only those are replaced or removed, whatever the folder's manifest claims. The
    folder is created (0o777 less the umask) if it does not exist; an existing one must be empty
    or hold only such files, written by an earlier export and changed by nobody since, else
    nothing is written (:class:`WriteError`). Files of an earlier export that this one does not
    write are removed; nothing else in the folder is touched.
    """
    shown = _shown(folder)
    for name in {*files, *names}:
        if name in ("", ".", "..", MANIFEST_NAME) or "/" in name or os.sep in name:
            raise ValueError(f"not a plain file name: {name!r}")
    if not files.keys() <= set(names):
        raise ValueError(f"files not among the names: {sorted(files.keys() - set(names))}")
    real, previous = _prepare_folder(folder, names, shown)
    encoded = {name: text.encode("utf-8") for name, text in files.items()}
    final = {name: {hashlib.sha256(data).hexdigest()} for name, data in encoded.items()}
    # While files are replaced one by one the manifest accepts the old and the new content of
    # each, so that an export interrupted half-way can simply be run again.
    interim = {name: final.get(name, set()) | ({previous[name]} if name in previous else set())
               for name in {*previous, *final}}
    _write_manifest(real, interim, shown)
    for name, data in encoded.items():
        path = real / name
        _replace(path, [data], path.lstat() if name in previous else None, _shown(path))
    for name in sorted(previous.keys() - final.keys()):
        _remove(real / name)
    if interim != final:
        _write_manifest(real, final, shown)
    _sync_folder(real, shown)
