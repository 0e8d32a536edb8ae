"""Turn reports and findings into text: tables via tabulate, finding lines, JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from .findings import count_by_severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .findings import Finding, Location
    from .report import Report, Table

__all__ = [
    "finding_line",
    "findings_document",
    "github_annotation",
    "render_report_text",
    "summary_line",
]


def _cell(value: Any, basis: str | None = None) -> Any:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}" if basis in (None, "given") else f"{value:,} ({basis})"
    return value


def _table_text(table: Table, tablefmt: str) -> str:
    headers = [header for _, header in table.columns]
    rows = [[_cell(row.get(key), row.get(f"{key}_basis")) for key, _ in table.columns]
            for row in table.rows]
    if not rows:
        return f"{table.title}\n(none)"
    # Thousands separators make numbers text; keep them right-aligned like numbers.
    aligns = ["right" if any(isinstance(r.get(k), int) and not isinstance(r.get(k), bool)
                             for r in table.rows) else "left" for k, _ in table.columns]
    body = tabulate(rows, headers=headers, tablefmt=tablefmt, colalign=aligns,
                    disable_numparse=True)
    lines = [table.title, body, *table.notes]
    return "\n".join(lines)


def render_report_text(report: Report, tablefmt: str = "simple") -> str:
    """A report as text tables in one of tabulate's formats, sections separated by blank lines."""
    return "\n\n".join(_table_text(t, tablefmt) for t in report.tables) + "\n"


def finding_line(finding: Finding) -> str:
    """``file:line:col: severity[code] message``, the one-line form of a finding."""
    return f"{finding.location}: {finding.severity.value}[{finding.code}] {finding.message}"


def summary_line(findings: Iterable[Finding]) -> str:
    """``2 errors, 0 warnings, 1 info`` for a list of findings."""
    counts = count_by_severity(findings)
    errors, warnings, infos = counts["error"], counts["warning"], counts["info"]
    return (f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info")


def _location_dict(location: Location) -> dict[str, Any]:
    return {"file": location.file, "line": location.line, "column": location.column,
            "path": location.path or None}


def findings_document(findings: Sequence[Finding], *, failed: bool) -> dict[str, Any]:
    """The JSON object of ``check --format json``: status, counts per severity, findings."""
    return {
        "status": "fail" if failed else "pass",
        "counts": count_by_severity(findings),
        "findings": [
            {
                "code": f.code, "severity": f.severity.value, "message": f.message,
                **_location_dict(f.location),
                "related": [_location_dict(r) for r in f.related],
            }
            for f in findings
        ],
    }


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the finding's file and line."""
    loc = finding.location
    props = [f"file={_escape_property(loc.file)}"]
    if loc.line is not None:
        props += [f"line={loc.line}", f"col={loc.column or 1}"]
    props.append(f"title={_escape_property(finding.code)}")
    level = _GITHUB_LEVEL[finding.severity.value]
    return f"::{level} {','.join(props)}::{_escape_data(finding.message)}"
