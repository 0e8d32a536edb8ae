"""Curated subjects against official lists: names, IMO schemes and identifiers that disagree.

The screening itself belongs to :mod:`sanctions_tracker.matching`, which reads and indexes the
lists; checks may not import it (it comes later in the flow), so the caller hands it in as
``CheckContext.lists`` (``check --lists DIR``). Without lists this rule reports nothing: a
check run without them has nothing to compare, and says so in no finding of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .registry import Stage, rule

if TYPE_CHECKING:
    from sanctions_tracker.findings import Finding

    from .registry import CheckContext

__all__ = ["LISTS_CROSSREF_CODES", "check_against_lists"]

#: The codes of screening against the lists; ``sanctions_tracker.matching.codes`` uses them too.
LISTS_CROSSREF_CODES: dict[str, str] = {
    "listed-under-other-name": "an itemized vessel's IMO number is on an official list under a "
                               "name that does not match the curated name",
    "imo-scheme-mismatch": "an IMO number given for a ship is a company (registered owner) IMO "
                           "number on an official list, or the reverse",
    "list-identifier-conflict": "a curated subject matches an official list entry by name, but "
                                "their identifiers of one scheme differ",
}


@rule("lists-crossref", Stage.RECONCILIATION, codes=LISTS_CROSSREF_CODES)
def check_against_lists(context: CheckContext) -> list[Finding]:
    """The findings of screening the curated subjects against the lists given to ``check``."""
    if context.lists is None:
        return []
    return list(context.lists(context.dataset))
