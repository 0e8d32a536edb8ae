"""Paths of the list fixtures and of the real reference lists, and helpers to query findings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sanctions_tracker.lists import Snapshot

LISTS = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference-lists"

needs_reference = pytest.mark.skipif(
    not REFERENCE.is_dir(),
    reason=f"the real official lists are not at {REFERENCE} (CI checks out ../shared beside "
           "the repository)",
)


def found(snapshot: Snapshot) -> set[tuple[str, str, str, int | None]]:
    """(file name, severity, code, line) of every finding of a snapshot."""
    return {(Path(f.location.file).name, f.severity.value, f.code, f.location.line)
            for f in snapshot.findings}


def entry(snapshot: Snapshot, entry_id: str):
    """The entry with this id (fails the test when it is absent)."""
    matches = [e for e in snapshot.entries if e.id == entry_id]
    assert matches, f"no entry {entry_id!r}"
    return matches[0]
