from __future__ import annotations

from sanctions_tracker.checks import RULES
from sanctions_tracker.matching.codes import MATCHING_CODES


def test_the_rule_declares_matchings_codes_with_the_same_meanings() -> None:
    assert dict(RULES["lists-crossref"].codes) == MATCHING_CODES
