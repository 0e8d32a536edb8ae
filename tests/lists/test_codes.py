"""Every finding code of the list readers is registered and triggered by a committed fixture."""

from __future__ import annotations

from sanctions_tracker.findings.codes import CODES
from sanctions_tracker.lists import read
from sanctions_tracker.lists.codes import LIST_CODES

from .conftest import LISTS

PRIMARIES = ["ofac_set/sdn.csv", "ofac_sdn_2024-05-03.csv", "ofac_cons/cons_prim.csv",
             "un_consolidated.xml", "eu_32014R0833.csv", "uk_conlist.csv", "ftm_entities.json",
             "20240528014702-abc.entities.delta.json", "delta.json"]


def test_every_list_code_is_registered() -> None:
    assert set(LIST_CODES) <= set(CODES)
    assert all(code.startswith("list-") for code in LIST_CODES)


def test_every_list_code_has_a_fixture_that_triggers_it() -> None:
    triggered = {f.code for name in PRIMARIES for f in read(LISTS / name).findings}
    assert triggered == set(LIST_CODES)
