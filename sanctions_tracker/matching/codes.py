"""The finding codes of checking curated subjects against official lists.

Registered here, so that matching can make its findings wherever it is used, and declared with
the same meanings by the ``lists-crossref`` rule of :mod:`sanctions_tracker.checks`, which runs
it (a code registered twice must mean the same: a test holds the two to it).
"""

from __future__ import annotations

__all__ = ["MATCHING_CODES"]

MATCHING_CODES: dict[str, str] = {
    "listed-under-other-name": "an itemized vessel's IMO number is on an official list under a "
                               "name that does not match the curated name",
    "imo-scheme-mismatch": "an IMO number given for a ship is a company (registered owner) IMO "
                           "number on an official list, or the reverse",
    "list-identifier-conflict": "a curated subject matches an official list entry by name, but "
                                "their identifiers of one scheme differ",
}
