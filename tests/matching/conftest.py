"""Targets built by hand for the index tests, and the reference lists read once for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions_tracker.lists import Identifier, IdScheme, Snapshot, read
from sanctions_tracker.matching import ListRef, Target, TargetName
from tests.conftest import REPO

LISTS = REPO.parent / "shared" / "reference-lists"
OFAC = LISTS / "ofac_sdn_2024-05-03.csv"
EU = LISTS / "eu_oj_opensanctions" / "32014R0269.csv"
UK = LISTS / "uk_ofsi_conlist_2025-04-10_RUS_DPRK_ships.csv"
HERE = Path(__file__).parent
ITEMIZED = HERE / "fixtures" / "itemized.yaml"
BASE = REPO / "tests" / "fixtures" / "base"

needs_lists = pytest.mark.skipif(not OFAC.is_file(),
                                 reason=f"the reference lists are not in {LISTS}")

REF = ListRef("TEST", "probe", "2024-01-01", "probe.csv")


def target(entry_id: str, subject: str, *names: str | tuple[str, str],
           ids: tuple[Identifier, ...] = ()) -> Target:
    """A target of the probe list; a name given as (text, kind) has that kind."""
    made = tuple(TargetName(n) if isinstance(n, str) else TargetName(*n) for n in names)
    return Target(REF, entry_id, subject, made, ids, ("PROG",), "2024-01-02")


def ship_imo(value: str) -> Identifier:
    return Identifier(IdScheme.SHIP_IMO, value, value, valid=True)


def company_imo(value: str) -> Identifier:
    return Identifier(IdScheme.COMPANY_IMO, value, value, valid=True)


@pytest.fixture(scope="session")
def ofac() -> Snapshot:
    return read(OFAC)


@pytest.fixture(scope="session")
def eu() -> Snapshot:
    return read(EU)


@pytest.fixture(scope="session")
def uk() -> Snapshot:
    return read(UK)
