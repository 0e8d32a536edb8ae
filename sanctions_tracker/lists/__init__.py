"""Official sanctions lists: read the US, UN, EU, UK and FtM lists into typed snapshots.

Owns the reading of official list files (one reader per format in ``readers/``), the typed
model of their entries, and the comparison of two snapshots. Imports from the rest of the
package only findings, errors and the code registry.
"""

from __future__ import annotations

from sanctions_tracker.codes import CODES

from .codes import LIST_CODES

CODES.update(LIST_CODES)  # before any module below can create a Finding

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
