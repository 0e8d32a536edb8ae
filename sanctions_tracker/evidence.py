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
from .number_forms import occurs_in
from .records import DesignationAction
from .source_text import normalise_document, normalise_quote, sha256_of

if TYPE_CHECKING:
    from pathlib import Path

    from .dataset import Dataset
    from .records import ExportControlMeasure

__all__ = ["check_documents", "check_figures", "check_references"]


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


def check_figures(dataset: Dataset) -> list[Finding]:
    """Figures a quote states must be written in it; figures a record gives must be stated."""
    findings: list[Finding] = []
    for record in dataset.figure_records():
        for index, item in enumerate(record.evidence):
            for figure, value in item.states.items():
                if not occurs_in(value, item.quote):
                    findings.append(Finding(
                        "figure-not-in-quote", Severity.ERROR,
                        f"the quote is said to state {figure} = {value:,}, but {value:,} is not "
                        "written in it (in digits or words): correct the figure or the quote",
                        dataset.at(record.id, "evidence", index, "states", figure),
                    ))
        for figure, value in record.figures().items():
            if _is_supported(record, figure, value):
                continue
            stated = sorted({e.states[figure] for e in record.evidence if figure in e.states})
            said = (f"its evidence states {', '.join(f'{v:,}' for v in stated)}" if stated
                    else "no quote of the record contains that number")
            findings.append(Finding(
                "figure-not-in-evidence", Severity.ERROR,
                f"{figure} is {value:,}, but {said}: correct the figure, or add the quote that "
                "states it",
                dataset.at(record.id, *_figure_path(record, figure)),
            ))
    return findings


def _is_supported(record: DesignationAction | ExportControlMeasure, figure: str,
                  value: int) -> bool:
    for item in record.evidence:
        if figure in item.states:
            if item.states[figure] == value:
                return True
        elif occurs_in(value, item.quote):
            return True
    return False


def check_documents(dataset: Dataset, documents: Path | None) -> list[Finding]:
    """Compare every quote with the normalised text of its original document."""
    records = dataset.figure_records()
    if documents is None:
        return [Finding(
            "quotes-not-checked", Severity.INFO,
            "quotes were not compared with the original documents (check skipped): pass "
            "--sources DIR or set SANCTIONS_TRACKER_SOURCES",
            Location("<sources>"),
        )]
    texts: dict[str, str | None] = {}
    findings: list[Finding] = []
    top = documents.resolve()
    for source_id, source in dataset.sources.items():
        path = documents / source.file
        here = dataset.at(source_id, "file")
        if path.exists() and top not in path.resolve().parents:
            findings.append(Finding(
                "outside-data-folder", Severity.ERROR,
                f"{path} links to {path.resolve()}, outside the sources folder: copy the "
                "document into the folder instead of linking to it",
                here,
            ))
            texts[source_id] = None
            continue
        if not path.is_file():
            findings.append(Finding(
                "source-file-missing", Severity.ERROR,
                f"the original document {source.file} is not in {documents}",
                here,
            ))
            texts[source_id] = None
            continue
        digest = sha256_of(path)
        if digest != source.sha256:
            findings.append(Finding(
                "source-hash-mismatch", Severity.ERROR,
                f"{path} has SHA-256 {digest}, not the recorded {source.sha256}: the document "
                "changed, or the record names the wrong file",
                dataset.at(source_id, "sha256"),
            ))
            texts[source_id] = None
            continue
        texts[source_id] = normalise_document(path.read_bytes())
    for record in records:
        for index, item in enumerate(record.evidence):
            text = texts.get(item.source)
            if text is None:  # unknown source or unreadable document: reported above
                continue
            if normalise_quote(item.quote) not in text:
                findings.append(Finding(
                    "quote-not-in-source", Severity.ERROR,
                    f"the quote does not occur in {dataset.sources[item.source].file} "
                    "(compared after folding HTML, entities, quotes and whitespace): copy it "
                    "exactly from the document",
                    dataset.at(record.id, "evidence", index, "quote"),
                ))
    return findings
