"""Official sanctions lists: read the US, UN, EU, UK and FtM lists into typed snapshots.

Owns the reading of official list files (one reader per format in ``readers/``), the typed
model of their entries, the comparison of two snapshots and their exports. Imports from the
rest of the package only ``findings`` (with the code registry), ``errors``, ``reading`` and
``output`` (atomic writes).
"""

from __future__ import annotations

from sanctions_tracker.findings.codes import register_codes

from .codes import LIST_CODES

register_codes(LIST_CODES)  # before any module below can create a Finding

from ._read import read  # noqa: E402 (after the codes are registered)
from .diff import EntryChange, FieldChange, ListDiff, diff  # noqa: E402
from .model import (  # noqa: E402
    Address,
    Country,
    DateSource,
    DateValue,
    Entry,
    Identifier,
    IdScheme,
    Name,
    NameKind,
    Precision,
    Snapshot,
    SourceFile,
    SubjectType,
)

__all__ = [
    "Address",
    "Country",
    "DateSource",
    "DateValue",
    "Entry",
    "EntryChange",
    "FieldChange",
    "IdScheme",
    "Identifier",
    "ListDiff",
    "Name",
    "NameKind",
    "Precision",
    "Snapshot",
    "SourceFile",
    "SubjectType",
    "diff",
    "read",
]
