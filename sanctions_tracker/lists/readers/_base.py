"""What every reader shares: findings with locations, IMO checks, the finished snapshot."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import threading
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError
from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.lists.dates import parse_date
from sanctions_tracker.lists.imo import ascii_digits, is_valid_company, is_valid_ship
from sanctions_tracker.lists.model import (
    DateSource,
    DateValue,
    Entry,
    Identifier,
    IdScheme,
    Precision,
    Snapshot,
    SourceFile,
)

if TYPE_CHECKING:
    from pathlib import Path
    from typing import BinaryIO

__all__ = ["Context", "Digest", "not_a_regular_file", "open_regular", "read_bytes", "read_text"]

_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_HASH_BESIDE = 1 << 20  # bytes: below this, starting a thread costs more than it saves
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, where FIFOs are no files anyway


def read_bytes(path: Path) -> tuple[bytes, Digest]:
    """The file's bytes and its SHA-256 (being computed); InputError when it cannot be read.

    Opened without blocking and read only when it is a regular file: a FIFO named like a list
    (or like an OFAC companion found beside one) would otherwise wait for a writer forever.
    """
    try:
        with open_regular(path) as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}): check the path") from None
    return data, Digest(str(path), data)


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, without blocking; InputError unless it is a regular file.

    A FIFO (or a file swapped for one between two reads) would otherwise wait for a writer
    forever. OSError when it cannot be opened at all.
    """
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    if not regular:
        os.close(fd)
        raise not_a_regular_file(path)
    return os.fdopen(fd, "rb")


def not_a_regular_file(path: Path) -> InputError:
    """The error for a folder, FIFO or device given (or found) where a list file must be."""
    return InputError(f"{path}: not a regular file (a folder, a FIFO or a device): name the "
                      "list file itself")


def read_text(path: Path) -> tuple[str, Digest]:
    """The file's text (UTF-8, a byte-order mark dropped) and its SHA-256 (being computed)."""
    data, digest = read_bytes(path)
    try:
        return data.decode("utf-8-sig"), digest
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start}): save the list as UTF-8"
        ) from None


class Digest:
    """The SHA-256 of a file's bytes, computed beside the reader's own work on them.

    hashlib lets go of the interpreter lock while it hashes, so on a machine with a second core
    a list is hashed while it is parsed: 12 ms of the time of reading every reference list (2
    ms for an SDN snapshot of 3.9 MB). Small files are hashed at once.
    """

    def __init__(self, name: str, data: bytes) -> None:
        self._name = name
        self._hash = hashlib.sha256()
        self._thread: threading.Thread | None = None
        if len(data) >= _HASH_BESIDE:
            thread = threading.Thread(target=self._hash.update, args=(data,), daemon=True)
            try:
                thread.start()
            except RuntimeError:  # no thread to be had: hash here
                pass
            else:
                self._thread = thread
                return
        self._hash.update(data)

    def source(self) -> SourceFile:
        """The file's record, once its hash is done."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        return SourceFile(name=self._name, sha256=self._hash.hexdigest())


class Context:
    """Collects the findings and skip count of one read, located in one file at a time."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.findings: list[Finding] = []
        self.skipped = 0

    def report(self, code: str, severity: Severity, message: str, line: int | None,
               file: str | None = None) -> None:
        """Add a finding at ``file:line`` (the context's file unless another is named)."""
        self.findings.append(Finding(code=code, severity=severity, message=message,
                                     location=Location(file or self.file, line)))

    def skip(self, code: str, message: str, line: int | None, file: str | None = None) -> None:
        """Skip a record that cannot be read, with an error finding saying why."""
        self.skipped += 1
        self.report(code, Severity.ERROR, message, line, file)

    def date(self, raw: str, line: int | None, what: str) -> DateValue:
        """Read a date; an unreadable one is kept raw, with a warning."""
        value = parse_date(raw)
        if value.precision is Precision.UNKNOWN:
            self.report("list-date-unreadable", Severity.WARNING,
                        f"{what} {raw!r} is not a date this tool can read: it is kept as "
                        "text with unknown precision", line)
        return value

    def imo(self, raw: str, number: str, *, vessel: bool, line: int | None,
            vessel_label: bool = False) -> Identifier:
        """An IMO identifier of the scheme the row's subject calls for, with its findings.

        ``vessel_label``: the text calls it a vessel number (OFAC's "Vessel Registration
        Identification IMO"); on an entity row that is a company number, reported as info.
        """
        scheme = IdScheme.SHIP_IMO if vessel else IdScheme.COMPANY_IMO
        kind = "ship" if vessel else "company"
        number = ascii_digits(number)
        if len(number) != 7 or not number.isdigit():
            self.report("list-imo-malformed", Severity.ERROR,
                        f"IMO number {number!r} ({raw!r}) is not seven digits: a digit is "
                        "missing or the number was cut", line)
            return Identifier(scheme=scheme, value=number, raw=raw, valid=False)
        own, other = ((is_valid_ship, is_valid_company) if vessel
                      else (is_valid_company, is_valid_ship))
        if own(number):
            if vessel_label and not vessel:
                self.report("list-imo-company-label", Severity.INFO,
                            f"company IMO number {number} on an entity row is labelled as a "
                            f"vessel number ({raw!r}): read as a company number", line)
            return Identifier(scheme=scheme, value=number, raw=raw, valid=True)
        if other(number):
            other_kind = "company" if vessel else "ship"
            self.report("list-imo-other-scheme", Severity.WARNING,
                        f"IMO number {number} fails the {kind} check digit its row calls for "
                        f"but passes the {other_kind} one: check the subject type or the number",
                        line)
        else:
            self.report("list-imo-invalid", Severity.ERROR,
                        f"IMO number {number} fails the {kind} check digit: a digit is wrong",
                        line)
        return Identifier(scheme=scheme, value=number, raw=raw, valid=False)

    def finish(  # noqa: PLR0913 (keyword-only: what the snapshot is)
        self, entries: list[Entry], *, authority: str, list_name: str, fmt: str,
        sources: tuple[Digest, ...], file_date: dt.date | None,
        snapshot_date: dt.date | None, deleted: tuple[str, ...] = (), delta: bool = False,
        datasets: tuple[str, ...] = (), scope: tuple[str, ...] = (),
    ) -> Snapshot:
        """The snapshot: duplicate ids skipped, duplicate ship IMOs reported, the date settled."""
        unique = {entry.id: entry for entry in entries}
        if len(unique) != len(entries):  # a duplicate id: the first entry is kept
            unique = {}
            for entry in entries:
                first = unique.get(entry.id)
                if first is not None:
                    self.skip("list-duplicate-id",
                              f"entry id {entry.id!r} is already used at line {first.line}: "
                              "this entry was skipped", entry.line)
                    continue
                unique[entry.id] = entry
        kept = tuple(unique.values())
        ships: dict[str, Entry] = {}
        for entry in kept:
            for ident in entry.identifiers:
                if ident.scheme is IdScheme.SHIP_IMO and ident.valid:
                    first = ships.setdefault(ident.value, entry)
                    if first is not entry:
                        self.report("list-imo-duplicate", Severity.WARNING,
                                    f"ship IMO {ident.value} is also on entry {first.id} "
                                    f"(line {first.line}): one ship listed twice", entry.line)
        files = tuple(digest.source() for digest in sources)
        date, source = _settle_date(files[0].name, file_date, snapshot_date)
        if source is DateSource.NONE:
            self.report("list-no-snapshot-date", Severity.INFO,
                        "the file states no date: pass --snapshot-date YYYY-MM-DD", None,
                        files[0].name)
        return Snapshot(
            authority=authority, list_name=list_name, format=fmt, snapshot_date=date,
            date_source=source, sources=files, entries=kept,
            findings=tuple(sorted(self.findings, key=Finding.sort_key)),
            read=len(kept), skipped=self.skipped, deleted=deleted, delta=delta,
            datasets=datasets, scope=scope,
        )


def _settle_date(name: str, file_date: dt.date | None,
                 given: dt.date | None) -> tuple[dt.date | None, DateSource]:
    """A given date wins over the file's own, which wins over a date in the file name."""
    if given is not None:
        return given, DateSource.GIVEN
    if file_date is not None:
        return file_date, DateSource.FILE
    match = _DATE_IN_NAME.search(name.rsplit("/", 1)[-1])
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), DateSource.FILE_NAME
        except ValueError:
            pass
    return None, DateSource.NONE
