"""The report as one self-contained web page: ``report --format html``.

Part of the output stage: it imports what :mod:`sanctions_tracker.output` may import (findings,
model, checks) and the report itself, and nothing after it (the cross-reference with official
lists arrives as ``crossref``'s JSON document, on the report). :mod:`.page` turns a report into a
view model, :mod:`.chart` lays out the step chart of each export-control list, and the Jinja2
templates in ``templates/`` write the HTML, with autoescaping on: every text from the data is
text in the page, never markup.

The page needs no network: its style sheet, script and charts are inline, and a
Content-Security-Policy allows only those (by their hashes), so that nothing else can run or load
even if a future template forgot to escape.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from typing import TYPE_CHECKING

from .page import build_page

if TYPE_CHECKING:
    import jinja2

    from sanctions_tracker.output.report import Report

    from .chart import Chart

__all__ = ["content_security_policy", "render_chart", "render_page"]


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2  # noqa: PLC0415 (only the HTML format needs it)

    return jinja2.Environment(
        loader=jinja2.PackageLoader("sanctions_tracker.output.html", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True,
    )


def _asset(name: str) -> str:
    loader = _environment().loader
    assert loader is not None
    return loader.get_source(_environment(), name)[0]


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def content_security_policy(style: str, script: str) -> str:
    """A policy that lets the page run its own style and script and load nothing at all."""
    return (f"default-src 'none'; style-src '{_sha256(style)}'; "
            f"script-src '{_sha256(script)}'; img-src data:; base-uri 'none'; "
            "form-action 'none'")


def render_page(report: Report, title: str = "sanctions-tracker report") -> str:
    """The report as one HTML5 document: summary, charts, timelines, rounds, findings, evidence."""
    from markupsafe import Markup  # noqa: PLC0415 (Jinja2's own dependency)

    from sanctions_tracker import __version__  # noqa: PLC0415

    style, script = _asset("page.css"), _asset("page.js")
    return _environment().get_template("page.html.j2").render(
        page=build_page(report, title), version=__version__,
        style=Markup(style), script=Markup(script),  # noqa: S704 (our own files, not data)
        csp=content_security_policy(style, script),
    )


def render_chart(chart: Chart, chart_id: str, title: str) -> str:
    """One chart's SVG element, as the page draws it (for tests and for embedding)."""
    module = _environment().get_template("macros.html.j2").module
    return str(module.chart(chart, chart_id, title))  # type: ignore[attr-defined]
