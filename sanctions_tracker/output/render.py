"""Turn reports and findings into text: tables via tabulate, finding lines, JSON."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from sanctions_tracker.findings import (
    count_by_severity,
    counts_summary,
    finding_line_from_fields,
)

from .spreadsheet import csv_text
from .text_width import MIN_WIDTH, column_widths, display_width, hanging_wrap, wrap

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


def _table_text(table: Table, fmt: str, width: int | None = None) -> str:
    from tabulate import tabulate  # noqa: PLC0415 (check and export never draw tables)

    if not table.rows:
        return "(none)"
    rows, headers = _text_rows(table), [h for _, h in table.columns]
    if fmt in _MARKDOWN_FORMATS:
        rows = [[_markdown(cell) for cell in row] for row in rows]
        headers = [_markdown(h) for h in headers]
    # Thousands separators make numbers text; keep them right-aligned like numbers.
    aligns = ["right" if _is_number_column(table, k) else "left" for k, _ in table.columns]
    if width is not None:
        return _fitted_table([[str(c) for c in row] for row in rows], headers, aligns, fmt,
                             width)
    return tabulate(rows, headers=headers, tablefmt=_TEXT_FORMATS[fmt], colalign=aligns,
                    disable_numparse=True)


def _fitted_table(rows: list[list[str]], headers: list[str], aligns: list[str], fmt: str,
                  width: int) -> str:
    """A table of at most ``width`` columns: text columns wrapped, or one record per row.

    Figure columns (right-aligned) are never cut. When a row takes several lines, a rule (a
    blank line in ``plain``) between rows shows where each ends. A table that has to wrap is
    shown as records instead when it cannot be drawn at all, when it has one row (nothing to
    compare across rows), or when the records take fewer lines (a narrow column of many
    sources makes every row tall). Cells are wrapped here, not by tabulate's ``maxcolwidths``:
    that path retypes the cells it wraps despite ``disable_numparse`` (``False`` becomes
    ``True``; ``1,402`` raises ValueError in 0.10.0; python-tabulate issues #280 and #428).
    """
    from tabulate import SEPARATING_LINE, tabulate  # noqa: PLC0415

    limits = column_widths(headers, rows, [a == "right" for a in aligns], width)
    if limits is None or (len(rows) == 1 and any(limits)):
        return _records(rows, headers, width)
    wrapped = [[_wrapped(cell, limit) for cell, limit in zip(row, limits, strict=True)]
               for row in rows]
    body: list[Any] = wrapped
    if any("\n" in cell for row in wrapped for cell in row):
        body = [wrapped[0]]
        for row in wrapped[1:]:
            body += [SEPARATING_LINE, row]
    # tabulate pads each header by two columns.
    table = tabulate(body, headers=[_wrapped(h, None if limit is None else limit - 2)
                                    for h, limit in zip(headers, limits, strict=True)],
                     tablefmt=_TEXT_FORMATS[fmt], colalign=aligns, disable_numparse=True)
    if not any(limits):
        return table
    records = _records(rows, headers, width)
    return records if records.count("\n") < table.count("\n") else table


def _wrapped(text: str, width: int | None) -> str:
    return text if width is None or display_width(text) <= width else "\n".join(wrap(text, width))


def _records(rows: list[list[str]], headers: list[str], width: int) -> str:
    """One block per row, a header beside each value: the layout of a table too wide to draw.

    The headers take at most a third of the width; values wrap in the rest.
    """
    from tabulate import tabulate  # noqa: PLC0415

    label = min(max(map(display_width, headers)), width // 3)
    value = width - label - 2  # tabulate's plain format puts two spaces between columns
    return "\n\n".join(
        tabulate([(_wrapped(h, label), _wrapped(cell, value))
                  for h, cell in zip(headers, row, strict=True)],
                 tablefmt="plain", colalign=("left", "left"), disable_numparse=True)
        for row in rows
    )


def _summary(report: Report) -> str:
    return f"Checks: {counts_summary(report.counts)}"


def _finding_text(row: dict[str, Any], width: int | None) -> str:
    """A finding's line; at a width, its message wraps under it, indented.

    ``file:line:col: severity[code]`` stays whole at the start of the first line, where editors
    and terminals look for it; a line that starts with spaces continues the finding above.
    """
    line = finding_line_from_fields(row["location"], row["severity"], row["code"],
                                    row["message"])
    if width is None or display_width(line) <= width:
        return line
    head = finding_line_from_fields(row["location"], row["severity"], row["code"], "")
    return "\n".join(hanging_wrap(head.rstrip(), row["message"], width, _FINDING_INDENT))


_FINDING_INDENT = "    "


def _render_text(report: Report, fmt: str, width: int | None = None) -> str:
    """The text formats; ``plain`` and ``simple`` fit ``width`` columns when it is given.

    Markdown (``github``, ``markdown``) is never wrapped: a table row must stay on one line,
    and a page that renders it reflows the text itself.
    """
    heading = "### " if fmt == "markdown" else ""
    text = _markdown if fmt in _MARKDOWN_FORMATS else str
    if fmt in _MARKDOWN_FORMATS:
        width = None

    def paragraph(line: str) -> str:
        return line if width is None else "\n".join(wrap(line, width))

    parts = []
    for table in report.tables:
        if table.section == "findings":
            lines = [text(_finding_text(r, width)) for r in table.rows]
            body = "\n".join(f"- {x}" if fmt == "markdown" else x for x in lines)
            parts.append(paragraph(f"{heading}{_summary(report)}")
                         + (f"\n\n{body}" if lines else ""))
            continue
        block = [paragraph(f"{heading}{text(table.title)}"), "", _table_text(table, fmt, width)]
        if table.rows:
            block += ["", *(paragraph(text(n)) for n in table.notes)] if table.notes else []
        parts.append("\n".join(block))
    return "\n\n".join(parts) + "\n"


def _render_html(report: Report) -> str:
    from .html import render_page  # noqa: PLC0415 (Jinja2 only for the page)

    return render_page(report)


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


def render_report(report: Report, fmt: str = "simple", width: int | None = None) -> str:
    """A report in one of :data:`sanctions_tracker.report.REPORT_FORMATS`.

    ``width`` (terminal columns, at least :data:`~.text_width.MIN_WIDTH`) fits the ``plain``
    and ``simple`` formats to it; without it, and in every other format, nothing is wrapped.
    """
    if width is not None and width < MIN_WIDTH:
        raise ValueError(f"a report is at least {MIN_WIDTH} columns wide, not {width}")
    if fmt in _TEXT_FORMATS:
        return _render_text(report, fmt, width)
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
