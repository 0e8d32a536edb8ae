"""Quotes against their original documents, found in the sources folder and verified by hash.

The file must be in the folder (not linked from outside it), have the recorded SHA-256, and the
quote must occur in its text on whole words and numbers (:class:`.source_text.Document`). Without
the folder this check reports itself as skipped, so a clean run never pretends it was done.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError
from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.findings.codes import CODES

from .registry import Stage, rule
from .source_text import MAX_DOCUMENT_BYTES, Document, sha256_of

if TYPE_CHECKING:
    from sanctions_tracker.model.dataset import Dataset

    from .registry import CheckContext

__all__ = ["SOURCES_ENV", "as_folder", "check_documents", "cited_sources", "documents_folder"]

#: Environment variable naming the folder of original documents, when --sources is not given.
SOURCES_ENV = "SANCTIONS_TRACKER_SOURCES"


def as_folder(documents: str | os.PathLike[str] | None) -> Path | None:
    """The folder of original documents as a Path (None stays None); InputError if it is none.

    The library takes any path-like, as :func:`~sanctions_tracker.loader.load` does.
    """
    if documents is None:
        return None
    folder = Path(documents)
    if not folder.is_dir():
        raise InputError(f"{folder}: the sources folder does not exist or is not a folder")
    return folder


def documents_folder(option: str | os.PathLike[str] | None) -> Path | None:
    """The folder of original documents: the option, else the environment, else None."""
    return as_folder(option if option is not None else os.environ.get(SOURCES_ENV) or None)


def cited_sources(dataset: Dataset) -> set[str]:
    """Ids of the sources that some record's evidence quotes (only a quote needs the document)."""
    return {e.source for r in dataset.figure_records() for e in r.evidence if e.quote is not None}


@rule("documents", Stage.VALIDATION, codes={
    "quotes-not-checked": "quotes were not compared with the original documents",
    "source-file-missing": "the original document of a source is not in the sources folder",
    "source-hash-mismatch": "the original document's SHA-256 differs from the source record",
    "quote-not-in-source": "a quote does not occur in its original document",
    "quoted-original-not-available": "a quote's source has no stored original to compare it with",
    "outside-data-folder": CODES["outside-data-folder"],
    "file-too-large": CODES["file-too-large"],
})
def check_documents(context: CheckContext) -> list[Finding]:
    """Compare every quote with the text of its original document, on token boundaries.

    Only sources that some evidence cites need their document: a source record kept for
    reference, cited by nothing, is not looked for.
    """
    dataset, documents = context.dataset, context.documents
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
        if source_id not in cited or source.file is None:
            continue
        texts[source_id] = None
        problem = _document_problem(dataset, source_id, documents, top)
        if problem is not None:
            findings.append(problem)
            continue
        texts[source_id] = Document((documents / source.file).read_bytes(), source.file)
    for record in dataset.figure_records():
        for index, item in enumerate(record.evidence):
            origin = dataset.sources.get(item.source)
            if item.quote is not None and origin is not None and origin.file is None:
                findings.append(Finding(
                    "quoted-original-not-available", Severity.INFO,
                    f"quoted, original not available: {item.source} has no stored file, so the "
                    "quote was not compared with the document",
                    dataset.at(record.id, "evidence", index, "quote"),
                ))
                continue
            document = texts.get(item.source)
            if document is None or item.quote is None:  # unknown source or unreadable
                continue  # document (reported above), or cited evidence (citations.py)
            if document.contains(item.quote):
                context.verified.add((record.id, index))
            else:
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
    assert file is not None  # sources without a stored original are not looked for
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
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        return Finding(
            "file-too-large", Severity.ERROR,
            f"{path} has {size:,} bytes, more than the {MAX_DOCUMENT_BYTES:,} an original "
            "document may have: keep the article itself, not a dump of its site",
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
