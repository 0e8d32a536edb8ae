"""Every finding code the tool can report, with what it means.

Codes are stable: users match on them in scripts, and a finding with a code not registered here
is refused when it is created, so a typo cannot ship. Reading and loading register their codes
below; each rule of :mod:`sanctions_tracker.checks` and the list readers register theirs with
:func:`register_codes`, next to the code that emits them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CODES", "register_codes"]

CODES: dict[str, str] = {
    # reading files
    "unreadable-file": "the file could not be read from disk",
    "outside-data-folder": "a link in the data or sources folder points outside it",
    "file-too-large": "the file is larger than the size limit",
    "not-utf8": "the file is not UTF-8 text (for instance UTF-16, or invalid bytes)",
    "nul-byte": "the file contains a NUL byte",
    "yaml-syntax": "the file is not well-formed YAML",
    "empty-file": "the file holds no YAML document",
    "multiple-documents": "the file holds more than one YAML document",
    "too-deep": "the file nests deeper than the depth limit",
    "too-many-problems": "reading stopped after many problems in one file",
    "duplicate-key": "a mapping has the same key twice",
    "non-string-key": "a mapping key is a number, boolean, null or collection",
    "yaml-anchor": "an anchor (&name) was used",
    "yaml-alias": "an alias (*name) was used",
    "yaml-tag": "a tag (!name, !!python/...) was used",
    "ambiguous-value": "a plain value that YAML 1.1 and 1.2 read differently (01402, 1,159, yes)",
    "number-too-long": "a plain number is longer than any figure (more than 100 characters)",
    # structure
    "not-a-mapping": "the top of the file is a list or a single value, not a mapping",
    "unknown-kind": "the file's `kind:` is missing or unknown",
    "schema": "a value does not match the JSON Schema of its file",
    "invalid-value": "a value passes the schema but is invalid (an IMO check digit)",
    "duplicate-id": "two records share an id",
    "no-data": "a --data folder or file holds no records (nothing was checked)",
}


def register_codes(codes: Mapping[str, str]) -> None:
    """Make ``codes`` (code -> meaning) known; a code registered twice must mean the same."""
    for code, meaning in codes.items():
        known = CODES.setdefault(code, meaning)
        if known != meaning:
            raise ValueError(f"finding code {code!r} is already registered as {known!r}")
