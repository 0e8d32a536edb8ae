"""Evidence without a quote: cited figures are reported as what they are, never as verified.

A source with no stored original (no ``file``/``sha256``) may be cited by URL, publisher and date;
its evidence lists the figures it states and has no quote. Each such figure is an info finding
(``cited-not-verified``), or an error when quotes are required (``check --require-quotes``). A
source whose original is stored must be quoted: citing it without a quote is an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity

from .number_forms import occurs_in
from .registry import Stage, rule
from .source_text import normalise_quote

if TYPE_CHECKING:
    from sanctions_tracker.model.records import (
        DesignationAction,
        Evidence,
        ExportControlMeasure,
        Subject,
    )

    from .registry import CheckContext

__all__ = ["LEVELS", "check_citations", "evidence_level", "figure_levels", "levels_text",
           "subject_levels", "supporting_evidence"]


@rule("citations", Stage.VALIDATION, codes={
    "cited-not-verified": "a figure is cited from a source without a quote: not verified against "
                          "a stored original (an error with --require-quotes)",
    "quote-required": "evidence cites a source whose original is stored without quoting it",
})
def check_citations(context: CheckContext) -> list[Finding]:
    """Each cited-only figure is reported; a source with a stored original must be quoted."""
    dataset = context.dataset
    severity = Severity.ERROR if context.require_quotes else Severity.INFO
    findings: list[Finding] = []
    for record in dataset.figure_records():
        for index, item in enumerate(record.evidence):
            source = dataset.sources.get(item.source)
            if item.quote is not None or source is None:  # unknown source: references.py
                continue
            if source.file is not None:
                findings.append(Finding(
                    "quote-required", Severity.ERROR,
                    f"{item.source} has a stored original ({source.file}): quote the clause that "
                    "states the figures, so that it can be checked against the document",
                    dataset.at(record.id, "evidence", index, "source"),
                ))
                continue
            if context.require_quotes:  # dates order chains: strict evidence covers them too
                findings += [Finding(
                    "cited-not-verified", Severity.ERROR,
                    f"{name} {value} is cited, not verified against a stored original "
                    f"({item.source}, {source.url}): --require-quotes needs a quote from a "
                    "stored document",
                    dataset.at(record.id, "evidence", index, "states", name),
                ) for name, value in item.dates.items()]
            for figure, value in item.states.items():
                findings.append(Finding(
                    "cited-not-verified", severity,
                    f"{figure} = {value:,} is cited, not verified against a stored original "
                    f"({item.source}, {source.url})"
                    + (": --require-quotes needs a quote from a stored document"
                       if context.require_quotes else ""),
                    dataset.at(record.id, "evidence", index, "states", figure),
                ))
    return findings


#: How well each figure is evidenced, best first; a subject's facts may also rest on an official
#: list entry (``listed-verified``: read and found in the list file; ``listed``: not compared).
LEVELS = ("quoted-verified", "listed-verified", "quoted", "listed", "cited")


def evidence_level(item: Evidence, *, verified: bool, listed: bool) -> str:
    """The level of one item of evidence: a quote, a list entry, or a citation.

    ``verified``: the quote was found in its stored original; ``listed``: the list entry was
    read from its file and states what the evidence says.
    """
    if item.quote is not None:
        return "quoted-verified" if verified else "quoted"
    if item.entry is not None:
        return "listed-verified" if listed else "listed"
    return "cited"


def subject_levels(record_id: str, s_index: int, subject: Subject,
                   listed: frozenset[tuple[str, tuple[str | int, ...]]]) -> dict[str, str]:
    """The evidence level of each fact a subject's evidence states (name, identifiers, ...)."""
    found: dict[str, set[str]] = {}
    for index, item in enumerate(subject.evidence):
        level = evidence_level(item, verified=False, listed=(
            record_id, ("subjects", s_index, "evidence", index)) in listed)
        for name in item.stated():
            found.setdefault(name, set()).add(level)
    return {name: next(level for level in LEVELS if level in levels)
            for name, levels in found.items()}


def figure_levels(record: DesignationAction | ExportControlMeasure,
                  verified: frozenset[tuple[str, int]]) -> dict[str, str]:
    """The evidence level of each figure of ``record``: the best of the evidence supporting it.

    ``quoted-verified``: a quote found in its stored original (``verified``, from
    :attr:`CheckResult.verified`); ``quoted``: a quote whose original is not stored or was not
    compared; ``cited``: evidence with no quote. Evidence supports a figure when it states that
    value, or (when no evidence states the figure) when its quote writes the number as a count.
    A figure that nothing supports has no level (``-``): figures.py reports it.
    """
    levels: dict[str, str] = {}
    for figure, value in record.figures().items():
        support = supporting_evidence(record, figure, value)
        found = {("quoted-verified" if (record.id, i) in verified else "quoted")
                 if record.evidence[i].quote is not None else "cited" for i in support}
        levels[figure] = next((level for level in LEVELS if level in found), "-")
    return levels


def supporting_evidence(record: DesignationAction | ExportControlMeasure, figure: str,
                        value: int) -> list[int]:
    """Indexes of the evidence that supports ``figure = value``.

    The evidence that states it, or, when none states the figure, the quotes that write the
    number as a count: the rule of the evidence levels and of the page's figure links.
    """
    stated = [i for i, e in enumerate(record.evidence) if figure in e.states]
    if stated:
        return [i for i in stated if record.evidence[i].states[figure] == value]
    return [i for i, e in enumerate(record.evidence) if e.quote is not None
            and occurs_in(value, normalise_quote(e.quote))]


def levels_text(levels: dict[str, str]) -> str:
    """One cell: the level when every figure has the same, else each figure's level."""
    if not levels:
        return "-"
    if len(set(levels.values())) == 1:
        return next(iter(levels.values()))
    return ", ".join(f"{figure} {level}" for figure, level in levels.items())
