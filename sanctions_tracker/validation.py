"""Validation: everything that can be said of the data without reconciling figures.

That is what loading found (syntax, schema, duplicate ids), references between records, and
the evidence checks. Reconciliation of figures is :mod:`sanctions_tracker.reconciliation`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .dataset import resolve_locations
from .errors import InputError
from .evidence import check_documents, check_figures, check_references
from .findings import sort_findings

if TYPE_CHECKING:
    from .dataset import Dataset
    from .findings import Finding

__all__ = ["SOURCES_ENV", "as_folder", "documents_folder", "validate", "validation_findings"]

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


def validation_findings(dataset: Dataset,
                        documents: str | os.PathLike[str] | None = None) -> list[Finding]:
    """Validation findings with JSON paths only; :func:`validate` adds lines and sorts them."""
    return [
        *dataset.findings,
        *check_references(dataset),
        *check_figures(dataset),
        *check_documents(dataset, as_folder(documents)),
    ]


def validate(dataset: Dataset, documents: str | os.PathLike[str] | None = None) -> list[Finding]:
    """All validation findings of ``dataset``, located and in a stable order.

    ``documents`` is the folder of original documents (a str or any path-like); without it,
    quotes are not compared with them and a ``quotes-not-checked`` info finding says so.
    InputError if it is given but is not a folder.
    """
    return sort_findings(resolve_locations(validation_findings(dataset, documents),
                                           dataset.files))
