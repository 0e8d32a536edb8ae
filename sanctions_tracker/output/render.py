"""Turn reports and findings into text: tables via tabulate, finding lines, JSON."""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from sanctions_tracker.findings import (
    count_by_severity,
    counts_summary,
    finding_line_from_fields,
)

from .spreadsheet import csv_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sanctions_tracker.findings import Finding, Location

    from .report import Report, Table

__all__ = [
    "finding_line",
    "findings_document",
    "github_annotation",
    "render_report",
    "report_document",
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


def _is_number_column(table: Table, key: str) -> bool:
    return any(isinstance(r.get(key), int) and not isinstance(r.get(key), bool)
               for r in table.rows)


def _text_rows(table: Table) -> list[list[Any]]:
    return [[_cell(row.get(key), row.get(f"{key}_basis")) for key, _ in table.columns]
            for row in table.rows]


# Our names for tabulate's table formats, and those of them that are Markdown.
_TEXT_FORMATS = {"plain": "plain", "simple": "simple", "github": "github", "markdown": "pipe"}
_MARKDOWN_FORMATS = frozenset({"github", "markdown"})
_MARKDOWN_ESCAPES = (("\\", "\\\\"), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"),
                     ("`", "\\`"), ("|", "\\|"), ("[", "\\["), ("]", "\\]"), ("*", "\\*"),
                     ("_", "\\_"), ("~", "\\~"), ("$", "\\$"))
# GitHub-flavoured Markdown's autolinks, which need no markup at all: a scheme's "://", "www.",
# and an e-mail address (also after mailto: or xmpp:). cmark-gfm looks for the ":" and the
# "www." in the source text, so a character reference in their place (shown the same) never
# starts a link. It finds e-mail addresses in the text once references are decoded, so there a
# word joiner (U+2060, invisible) after the "@" is what keeps the address from being one; it
# stops GitHub's @mentions too.
_AUTOLINKS = re.compile(r":(?=//)|(?i:www)\.|@")
_AUTOLINK_ESCAPES = {":": "&#58;", ".": "&#46;", "@": "@&#8288;"}


def _markdown(text: object) -> str:
    """Text from the data made inert in Markdown: no raw HTML, link, emphasis or line break.

    Markdown renderers pass inline HTML through, so a series title holding ``<script>`` would run
    in whatever page shows the report; ``|`` would split a table cell, and a line break end it;
    ``https://...``, ``www.`` and ``a@b.example`` become links in GitHub without any markup.
    """
    text = " ".join(str(text).splitlines())
    for raw, escaped in _MARKDOWN_ESCAPES:
        text = text.replace(raw, escaped)
    return _AUTOLINKS.sub(lambda m: m[0][:-1] + _AUTOLINK_ESCAPES[m[0][-1]], text)


def _table_text(table: Table, fmt: str) -> str:
    from tabulate import tabulate  # noqa: PLC0415 (check and export never draw tables)

    if not table.rows:
        return "(none)"
    rows, headers = _text_rows(table), [h for _, h in table.columns]
    if fmt in _MARKDOWN_FORMATS:
        rows = [[_markdown(cell) for cell in row] for row in rows]
        headers = [_markdown(h) for h in headers]
    # Thousands separators make numbers text; keep them right-aligned like numbers.
    aligns = ["right" if _is_number_column(table, k) else "left" for k, _ in table.columns]
    return tabulate(rows, headers=headers, tablefmt=_TEXT_FORMATS[fmt], colalign=aligns,
                    disable_numparse=True)


def _summary(report: Report) -> str:
    return f"Checks: {counts_summary(report.counts)}"


def _render_text(report: Report, fmt: str) -> str:
    heading = "### " if fmt == "markdown" else ""
    text = _markdown if fmt in _MARKDOWN_FORMATS else str
    parts = []
    for table in report.tables:
        if table.section == "findings":
            lines = [text(finding_line_from_fields(r["location"], r["severity"], r["code"],
                                                   r["message"]))
                     for r in table.rows]
            body = "\n".join(f"- {x}" if fmt == "markdown" else x for x in lines)
            parts.append(f"{heading}{_summary(report)}" + (f"\n\n{body}" if lines else ""))
            continue
        block = [f"{heading}{text(table.title)}", "", _table_text(table, fmt)]
        if table.rows:
            block += ["", *map(text, table.notes)] if table.notes else []
        parts.append("\n".join(block))
    return "\n\n".join(parts) + "\n"


def _render_html(report: Report) -> str:
    from tabulate import tabulate  # noqa: PLC0415

    body = []
    for table in report.tables:
        body.append(f"<h2>{html.escape(table.title)}</h2>")
        if table.rows:
            body.append(tabulate(_text_rows(table), headers=[h for _, h in table.columns],
                                 tablefmt="html", disable_numparse=True))
        else:
            body.append("<p>(none)</p>")
        body.extend(f"<p>{html.escape(note)}</p>" for note in table.notes if table.rows)
    body.append(f"<p>{html.escape(_summary(report))}</p>")
    return ('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
            "<title>sanctions-tracker report</title></head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _all_keys(table: Table) -> list[str]:
    keys = [k for k, _ in table.columns]
    for row in table.rows:
        keys += [k for k in row if k not in keys]
    return keys


def _render_csv(report: Report) -> str:
    columns = ["section", "table"]
    for table in report.tables:
        columns += [k for k in _all_keys(table) if k not in columns]
    return csv_text(columns, ({"section": table.section, "table": table.key, **row}
                              for table in report.tables for row in table.rows))


def report_document(report: Report) -> dict[str, Any]:
    """The JSON form of a report: every table with its columns and rows of plain values."""
    return {
        "schema_version": 1,
        "checks": report.counts,
        "tables": [
            {
                "section": t.section, "key": t.key, "title": t.title,
                "columns": [{"key": k, "header": h} for k, h in t.columns],
                "rows": list(t.rows), "notes": list(t.notes),
            }
            for t in report.tables
        ],
    }


def render_report(report: Report, fmt: str = "simple") -> str:
    """A report in one of :data:`sanctions_tracker.report.REPORT_FORMATS`."""
    if fmt in _TEXT_FORMATS:
        return _render_text(report, fmt)
    if fmt == "html":
        return _render_html(report)
    if fmt == "csv":
        return _render_csv(report)
    if fmt == "json":
        return json.dumps(report_document(report), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown report format {fmt!r}")


def finding_line(finding: Finding) -> str:
    """``file:line:col: severity[code] message``, the one-line form of a :class:`Finding`.

    :func:`~sanctions_tracker.findings.finding_line_from_fields` is the same line from fields
    that are plain strings (the rows of a report's table of findings).
    """
    return str(finding)


def summary_line(findings: Iterable[Finding]) -> str:
    """``2 errors, 0 warnings, 1 info`` for a list of findings."""
    return counts_summary(count_by_severity(findings))


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


def _names_a_file(file: str) -> bool:
    """Whether a location's file is a file: not ``<sources>``, nor a folder (``data/``)."""
    return not (file.startswith("<") and file.endswith(">")) and not file.endswith(("/", "\\"))


def github_annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the finding's file and line.

    A finding about no file (``<sources>``) or about a folder has no ``file=``: GitHub would
    look for a file of that name. A folder is named in the message instead. Properties and
    message are escaped as GitHub's workflow commands require.
    """
    loc = finding.location
    props, message = [], finding.message
    if _names_a_file(loc.file):
        props.append(f"file={_escape_property(loc.file)}")
        if loc.line is not None:
            props += [f"line={loc.line}", f"col={loc.column or 1}"]
    elif not loc.file.startswith("<"):
        message = f"{loc.file}: {message}"
    props.append(f"title={_escape_property(finding.code)}")
    level = _GITHUB_LEVEL[finding.severity.value]
    return f"::{level} {','.join(props)}::{_escape_data(message)}"
