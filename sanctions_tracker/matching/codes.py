"""The finding codes of checking curated subjects against official lists.

They are the codes of the ``lists-crossref`` rule of :mod:`sanctions_tracker.checks`, which runs
matching's findings; matching registers them too, so that it can make its findings wherever it
is used. One definition: matching may import checks (it reads the list files checks compare).
"""

from __future__ import annotations

from sanctions_tracker.checks.lists_crossref import LISTS_CROSSREF_CODES

__all__ = ["MATCHING_CODES"]

MATCHING_CODES: dict[str, str] = LISTS_CROSSREF_CODES
