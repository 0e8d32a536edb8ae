"""Findings: problems in the data, as values.

Every stage of the package reports problems as findings; only the CLI turns them into lines and
an exit status. A finding's ``code`` is stable (tests and users' CI scripts may match on it; see
:mod:`.codes`); its message is for people and may improve over time. This is the vocabulary
every other stage uses, so it imports nothing else of the package.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from .codes import CODES

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Finding",
    "Location",
    "Severity",
    "count_by_severity",
    "counts_summary",
    "finding_line_from_fields",
    "has_errors",
    "sort_findings",
]


class Severity(str, enum.Enum):
    """How much a finding matters: errors fail ``check``, warnings fail it only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(order=True)
class Location:
    """Where a finding points: a file, a 1-based line and column, and the JSON path inside it.

    ``path`` is empty and ``line`` None when the finding concerns the file as a whole (it cannot be
    read, or is too large); a finding with a path gets its line when locations are resolved.
    """

    file: str
    line: int | None = None
    column: int | None = None
    path: str = ""

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


@attrs.frozen
class Finding:
    """One problem (or one notable fact) about the data, with a stable code.

    ``related`` names other places involved, for instance the previous measure of a chain whose
    total does not link, or the second source of a disagreement.
    """

    code: str = attrs.field()
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = ()

    @code.validator
    def _known_code(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if value not in CODES:
            raise ValueError(f"unknown finding code {value!r}: register it in codes.CODES")

    def __str__(self) -> str:
        return finding_line_from_fields(str(self.location), self.severity.value, self.code,
                                        self.message)

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """Order by file, position, then code, so output is stable from run to run."""
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, loc.path, self.code, self.message)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Return findings in a stable order: by file, line, column, path and code."""
    return sorted(findings, key=Finding.sort_key)


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding is an error."""
    return any(f.severity is Severity.ERROR for f in findings)


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts per severity name, every severity present (zero when none), in severity order."""
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.severity.value] += 1
    return counts


def finding_line_from_fields(location: str, severity: str, code: str, message: str) -> str:
    """``file:line:col: severity[code] message`` from a finding's fields as plain strings.

    The one-line form every output shares: :class:`Finding` prints itself with it, and tables
    of findings (reports, ``show``), which hold only the fields, print the same line. Control
    characters that come from the data (a line break in a note, an escape sequence) are written
    as escapes: a finding is one line, and a line of its own starting ``::`` would be a command
    to GitHub Actions.
    """
    return f"{_one_line(location)}: {severity}[{code}] {_one_line(message)}"


def _one_line(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else
                   char.encode("unicode_escape").decode("ascii") for char in text)


def counts_summary(counts: dict[str, int]) -> str:
    """``2 errors, 0 warnings, 1 info`` from :func:`count_by_severity` counts."""
    errors, warnings, infos = counts["error"], counts["warning"], counts["info"]
    return (f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info")
