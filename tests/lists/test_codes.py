"""Every finding code of the list readers is registered and triggered by a committed fixture."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from sanctions_tracker.findings.codes import CODES
from sanctions_tracker.lists import diff, read
from sanctions_tracker.lists.codes import LIST_CODES

from .conftest import LISTS

if TYPE_CHECKING:
    from pathlib import Path

PRIMARIES = ["ofac_set/sdn.csv", "ofac_sdn_2024-05-03.csv", "ofac_cons/cons_prim.csv",
             "un_consolidated.xml", "eu_32014R0833.csv", "uk_conlist.csv", "ftm_entities.json",
             "20240528014702-abc.entities.delta.json", "delta.json"]


def test_every_list_code_is_registered() -> None:
    assert set(LIST_CODES) <= set(CODES)
    assert all(code.startswith("list-") for code in LIST_CODES)


def test_every_list_code_has_a_fixture_that_triggers_it(tmp_path: Path) -> None:
    triggered = {f.code for name in PRIMARIES for f in read(LISTS / name).findings}
    renamed = tmp_path / "sdn.csv"  # the consolidated list under the SDN's name
    shutil.copy(LISTS / "ofac_cons" / "cons_prim.csv", renamed)
    compared = diff(read(LISTS / "diff" / "sdn_2024-01-01.csv"), read(renamed))
    assert [(f.code, f.location.file, f.location.line) for f in compared.findings] == [
        ("list-diff-few-shared-ids", str(renamed), None)]
    triggered |= {f.code for f in compared.findings}
    assert triggered == set(LIST_CODES)
