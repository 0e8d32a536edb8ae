"""Evidence checks: every figure is backed by a quote, and every quote by its source document.

Two checks with different needs:

* figures against quotes needs only the data: each figure a quote ``states`` must be written in
  that quote, and each figure a record gives must be stated by one of its quotes;
* quotes against documents needs the original files (``--sources DIR``): the file must have the
  recorded SHA-256, and the quote must occur in its normalised text. Without the folder this
  check reports itself as skipped, so a clean run never pretends it was done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .findings import Finding, Location, Severity
from .number_forms import counts_in, direction_of, occurs_in, readings_of
from .records import DesignationAction
from .source_text import Document, normalise_quote, sha256_of

if TYPE_CHECKING:
    from pathlib import Path

    from .dataset import Dataset
    from .records import ExportControlMeasure

__all__ = ["check_documents", "check_figures", "check_references", "cited_sources"]


def _figure_path(record: DesignationAction | ExportControlMeasure, figure: str) -> tuple[str, ...]:
    """Where a figure sits in its record: an action's counts are under ``stated_counts``."""
    return ("stated_counts", figure) if isinstance(record, DesignationAction) else (figure,)


def check_references(dataset: Dataset) -> list[Finding]:
    """Evidence must cite a known source, and a measure a known series."""
    findings: list[Finding] = []
    if not dataset.sources and dataset.figure_records():
        files = sorted({dataset.origins[r.id].file for r in dataset.figure_records()})
        return [Finding(
            "no-sources", Severity.ERROR,
            "no source records were loaded, so no evidence can be traced: pass the folder of "
            "`kind: sources` files too (for the shipped layout, --data data --data seeds)",
            Location(files[0]),
        )]
    for record in dataset.figure_records():
        for index, item in enumerate(record.evidence):
            if item.source not in dataset.sources:
                findings.append(Finding(
                    "unknown-source", Severity.ERROR,
                    f"evidence cites source {item.source!r}, which no source record defines: "
                    "add it to a `kind: sources` file or correct the id",
                    dataset.at(record.id, "evidence", index, "source"),
                ))
    findings.extend(
        Finding(
            "unknown-series", Severity.ERROR,
            f"measure changes series {measure.series!r}, which no series record defines: "
            "add it under `series:` or correct the id",
            dataset.at(measure.id, "series"),
        )
        for measure in dataset.measures.values() if measure.series not in dataset.series
    )
    return findings


#: Figures that say which way the list moved: the quote must not say the opposite.
_SIGNED = {"net_adjustment"}
_DIRECTED = {"items_added": 1, "items_removed": 1}


def _not_written(value: int, quote: str) -> str:
    """Why ``value`` does not count as written in ``quote``: absent, or only as a date etc."""
    readings = readings_of(value, quote)
    if readings:
        kinds = " or ".join(f"a {k.value}" if k.value[0] not in "aeiou" else f"an {k.value}"
                            for k in readings)
        return f"{value:,} is written in it only as {kinds}, which is not a count"
    return f"{value:,} is not written in it (in digits or words)"


def _direction_finding(record: DesignationAction | ExportControlMeasure, figure: str,
                       value: int, quote: str, where: Location) -> Finding | None:
    """A signed figure must agree with the direction its quote gives; ``None`` when it does."""
    said = direction_of(value, quote)
    if figure in _SIGNED:
        wanted = 1 if value > 0 else -1
        if said == 0:
            return Finding(
                "sign-not-stated", Severity.WARNING,
                f"{figure} is {value:+,}, but the quote does not say whether the items were added "
                "or taken away: quote the words that give the direction",
                where,
            )
    elif figure in _DIRECTED:
        wanted = 1 if figure == "items_added" else -1
    else:
        return None
    if said and said != wanted:
        verb = "taken away" if said < 0 else "added"
        fix = (f"write {-value:+,}" if figure in _SIGNED else
               f"record it as {'items_removed' if said < 0 else 'items_added'}")
        return Finding(
            "figure-sign-mismatch", Severity.ERROR,
            f"{figure} is {value:+,} for {record.id}, but the quote says {abs(value):,} items "
            f"were {verb}: {fix}, or correct the quote",
            where,
        )
    return None


def check_figures(dataset: Dataset) -> list[Finding]:
    """Figures a quote states must be written in it as counts, with the direction it gives."""
    findings: list[Finding] = []
    for record in dataset.figure_records():
        findings += _stated_figures(dataset, record)
        findings += _record_figures(dataset, record)
    return findings


def _stated_figures(dataset: Dataset,
                    record: DesignationAction | ExportControlMeasure) -> list[Finding]:
    """Each figure an evidence ``states`` is written in its quote, in the direction it gives."""
    findings: list[Finding] = []
    for index, item in enumerate(record.evidence):
        quote = normalise_quote(item.quote)
        for figure, value in item.states.items():
            where = dataset.at(record.id, "evidence", index, "states", figure)
            if not occurs_in(value, quote):
                findings.append(Finding(
                    "figure-not-in-quote", Severity.ERROR,
                    f"the quote is said to state {figure} = {value:,}, but "
                    f"{_not_written(value, quote)}: correct the figure or the quote",
                    where,
                ))
                continue
            direction = _direction_finding(record, figure, value, quote, where)
            if direction is not None:
                findings.append(direction)
    return findings


def _record_figures(dataset: Dataset,
                    record: DesignationAction | ExportControlMeasure) -> list[Finding]:
    """Each figure of the record is stated by a quote, and only one reading of it is possible."""
    findings: list[Finding] = []
    named = {figure for item in record.evidence for figure in item.states}
    ambiguous: dict[str, int] = {}
    for figure, value in record.figures().items():
        where = dataset.at(record.id, *_figure_path(record, figure))
        quote = _supporting_quote(record, figure, value)
        if quote is None:
            stated = sorted({e.states[figure] for e in record.evidence if figure in e.states})
            said = (f"its evidence states {', '.join(f'{v:,}' for v in stated)}" if stated
                    else "no quote of the record contains that number as a count")
            findings.append(Finding(
                "figure-not-in-evidence", Severity.ERROR,
                f"{figure} is {value:,}, but {said}: correct the figure, or add the quote that "
                "states it",
                where,
            ))
        elif figure not in named and len(counts_in(quote)) > 1:
            ambiguous[figure] = value
        elif figure not in named:  # a stated figure's direction was checked with its states
            direction = _direction_finding(record, figure, value, quote, where)
            if direction is not None:
                findings.append(direction)
    if ambiguous:
        findings.append(_ambiguous(dataset, record, ambiguous))
    return findings


def _ambiguous(dataset: Dataset, record: DesignationAction | ExportControlMeasure,
               figures: dict[str, int]) -> Finding:
    """Figures whose quotes write several numbers: which one is which is not said."""
    first = next(iter(figures))
    states = ", ".join(f"{k}: {v}" for k, v in figures.items())
    return Finding(
        "figure-ambiguous", Severity.ERROR,
        f"{', '.join(f'{k} ({v:,})' for k, v in figures.items())}: the quotes write several "
        "numbers and do not say which figure each one is, so a swapped figure would pass: add "
        f"`states: {{{states}}}` to the evidence",
        dataset.at(record.id, *_figure_path(record, first)),
    )


def _supporting_quote(record: DesignationAction | ExportControlMeasure, figure: str,
                      value: int) -> str | None:
    """The (normalised) quote that supports ``figure = value``, or None.

    A quote whose ``states`` names the figure supports only the value it states (its direction
    is checked with the states); a quote that does not name it supports any value it writes as
    a count.
    """
    for item in record.evidence:
        if figure in item.states:
            if item.states[figure] == value:
                return normalise_quote(item.quote)
        elif occurs_in(value, normalise_quote(item.quote)):
            return normalise_quote(item.quote)
    return None


def cited_sources(dataset: Dataset) -> set[str]:
    """Ids of the sources that some record's evidence cites."""
    return {e.source for r in dataset.figure_records() for e in r.evidence}


def check_documents(dataset: Dataset, documents: Path | None) -> list[Finding]:
    """Compare every quote with the text of its original document, on token boundaries.

    Only sources that some evidence cites need their document: a source record kept for
    reference, cited by nothing, is not looked for.
    """
    if documents is None:
        return [Finding(
            "quotes-not-checked", Severity.INFO,
            "quotes were not compared with the original documents (check skipped): pass "
            "--sources DIR or set SANCTIONS_TRACKER_SOURCES",
            Location("<sources>"),
        )]
    texts: dict[str, Document | None] = {}
    findings: list[Finding] = []
    top = documents.resolve()
    cited = cited_sources(dataset)
    for source_id, source in dataset.sources.items():
        if source_id not in cited:
            continue
        texts[source_id] = None
        problem = _document_problem(dataset, source_id, documents, top)
        if problem is not None:
            findings.append(problem)
            continue
        texts[source_id] = Document((documents / source.file).read_bytes(), source.file)
    for record in dataset.figure_records():
        for index, item in enumerate(record.evidence):
            document = texts.get(item.source)
            if document is None:  # unknown source or unreadable document: reported above
                continue
            if not document.contains(item.quote):
                findings.append(Finding(
                    "quote-not-in-source", Severity.ERROR,
                    f"the quote does not occur in {dataset.sources[item.source].file} as whole "
                    f"words and numbers (compared as {document.kind.value}, after folding "
                    "quotes, dashes and whitespace): copy it exactly from the document, without "
                    "cutting a word or a number",
                    dataset.at(record.id, "evidence", index, "quote"),
                ))
    return findings


def _document_problem(dataset: Dataset, source_id: str, documents: Path,
                      top: Path) -> Finding | None:
    """Why the original of a source cannot be used: outside the folder, missing, or changed."""
    file, sha256 = dataset.sources[source_id].file, dataset.sources[source_id].sha256
    path = documents / file
    here = dataset.at(source_id, "file")
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return Finding("source-file-missing", Severity.ERROR,
                       f"{path} is a loop of symbolic links: replace it with the document", here)
    if path.exists() and top not in real.parents:
        return Finding(
            "outside-data-folder", Severity.ERROR,
            f"{path} links to {real}, outside the sources folder: copy the document into the "
            "folder instead of linking to it",
            here,
        )
    if not path.is_file():
        return Finding(
            "source-file-missing", Severity.ERROR,
            f"the original document {file} is not in {documents} (or is not a regular file)",
            here,
        )
    digest = sha256_of(path)
    if digest != sha256:
        return Finding(
            "source-hash-mismatch", Severity.ERROR,
            f"{path} has SHA-256 {digest}, not the recorded {sha256}: the document changed, or "
            "the record names the wrong file",
            dataset.at(source_id, "sha256"),
        )
    return None
