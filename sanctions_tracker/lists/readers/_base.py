"""What every reader shares: findings with locations, IMO checks, the finished snapshot."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError
from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.lists.dates import parse_date
from sanctions_tracker.lists.imo import is_valid_company, is_valid_ship
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

__all__ = ["Context", "read_bytes", "read_text"]

_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def read_bytes(path: Path) -> tuple[bytes, SourceFile]:
    """The file's bytes and its name and SHA-256; InputError when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}): check the path") from None
    return data, SourceFile(name=str(path), sha256=hashlib.sha256(data).hexdigest())


def read_text(path: Path) -> tuple[str, SourceFile]:
    """The file's text (UTF-8, a byte-order mark dropped) and its source record."""
    data, source = read_bytes(path)
    try:
        return data.decode("utf-8-sig"), source
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start}): save the list as UTF-8"
        ) from None


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
        sources: tuple[SourceFile, ...], file_date: dt.date | None,
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
        date, source = _settle_date(sources[0].name, file_date, snapshot_date)
        if source is DateSource.NONE:
            self.report("list-no-snapshot-date", Severity.INFO,
                        "the file states no date: pass --snapshot-date YYYY-MM-DD", None,
                        sources[0].name)
        return Snapshot(
            authority=authority, list_name=list_name, format=fmt, snapshot_date=date,
            date_source=source, sources=sources, entries=kept,
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
