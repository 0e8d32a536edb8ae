"""The real official lists in ../shared/reference-lists: counts verified by hand, no crash."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from rigour.ids.imo import IMO

from sanctions_tracker.findings import Severity
from sanctions_tracker.lists import IdScheme, NameKind, SubjectType, read
from sanctions_tracker.lists.detect import detect
from sanctions_tracker.lists.imo import is_valid_ship

from .conftest import REFERENCE, needs_reference

if TYPE_CHECKING:
    from sanctions_tracker.lists import Snapshot

pytestmark = needs_reference

_CACHE: dict[str, Snapshot] = {}


def snapshot(name: str) -> Snapshot:
    """Each real file is read once per test run."""
    if name not in _CACHE:
        _CACHE[name] = read(REFERENCE / name)
    return _CACHE[name]


def codes(snap: Snapshot) -> Counter[str]:
    return Counter(f.code for f in snap.findings)


def imo_numbers(snap: Snapshot, scheme: IdScheme) -> list[tuple[str, bool | None]]:
    return [(i.value, i.valid) for e in snap.entries for i in e.identifiers if i.scheme is scheme]


def test_every_file_reads_without_an_exception() -> None:
    files = sorted(p for p in REFERENCE.rglob("*") if p.is_file() and p.suffix != ".md")
    primaries = [p for p in files if not detect(p).startswith("ofac-")]
    assert len(primaries) == 14
    for path in primaries:
        snap = read(path)
        assert snap.read or snap.deleted or snap.findings, path  # nothing read says why
        assert snap.skipped == 0, path


def test_ofac_sdn_2024_05_03_vessels_and_imo_numbers() -> None:
    snap = snapshot("ofac_sdn_2024-05-03.csv")
    assert snap.read == 14965
    assert snap.snapshot_date == dt.date(2024, 5, 3)
    vessels = [e for e in snap.entries if e.subject is SubjectType.VESSEL]
    assert len(vessels) == 851
    with_ship_imo = [e for e in vessels
                     if any(i.scheme is IdScheme.SHIP_IMO for i in e.identifiers)]
    assert len(with_ship_imo) == 844
    assert all(valid for _, valid in imo_numbers(snap, IdScheme.SHIP_IMO))
    programmes = Counter(p for e in vessels for p in e.programs)
    assert (programmes["RUSSIA-EO14024"], programmes["DPRK4"]) == (223, 65)
    by_name = {e.caption: e for e in snap.entries}
    for name, number in [("PATRIOT", "9003550"), ("NEPTUN", "8404991"), ("BELLA", "8808264"),
                         ("BOGATYR", "9085730"), ("LADY R", "9161003"), ("ANGARA", "9179842"),
                         ("MAIA-1", "9358010"), ("MARIA", "8517839")]:
        assert (IdScheme.SHIP_IMO, number) in {
            (i.scheme, i.value) for i in by_name[name].identifiers}
    for name, number in [("TRANSMORFLOT LLC", "6016988"), ("M LEASING LLC", "6246853"),
                         ("IBEX SHIPPING INC", "5344160")]:
        assert [(i.scheme, i.value, i.valid) for i in by_name[name].identifiers
                if "imo" in i.scheme.value] == [(IdScheme.COMPANY_IMO, number, True)]


def test_ofac_sdn_2024_05_03_findings() -> None:
    snap = snapshot("ofac_sdn_2024-05-03.csv")
    assert codes(snap) == Counter({
        "list-remarks-truncated": 18, "list-imo-company-label": 9,
        "list-country-unresolved": 3, "list-imo-malformed": 1})
    precisions = Counter(d.precision.value for e in snap.entries for d in e.birth_dates)
    assert precisions["unknown"] == 0
    malformed = [f for f in snap.findings if f.code == "list-imo-malformed"]
    assert [(f.severity, f.location.line) for f in malformed] == [(Severity.ERROR, 5286)]
    assert "'543400'" in malformed[0].message
    company = imo_numbers(snap, IdScheme.COMPANY_IMO)
    # 138 valid company numbers; 15 of them (about 10%) also pass the ship rule by chance
    assert (len(company), sum(bool(v) for _, v in company)) == (139, 138)
    assert sum(is_valid_ship(n) for n, v in company if v) == 15


def test_ofac_sdn_2024_04_26() -> None:
    snap = snapshot("ofac_sdn_2024-04-26.csv")
    assert snap.read == 14668
    assert sum(e.subject is SubjectType.VESSEL for e in snap.entries) == 835


def test_ofac_2021_set_joins_companions_and_comments() -> None:
    snap = snapshot("ofac_sdn_bench_2021/sdn.csv")
    assert (snap.read, len(snap.sources)) == (8976, 4)
    vessels = [e for e in snap.entries if e.subject is SubjectType.VESSEL]
    assert len(vessels) == 406
    assert sum(any(i.scheme is IdScheme.SHIP_IMO for i in e.identifiers) for e in vessels) == 400
    # all five 1,000-character Remarks are continued by the COMMENTS file: nothing is cut
    assert codes(snap)["list-remarks-truncated"] == 0
    assert codes(snap)["list-imo-malformed"] == 2  # 15411 and 543400
    alt_names = sum(n.kind is not NameKind.PRIMARY and n.quality != "weak"
                    for e in snap.entries for n in e.names)
    assert alt_names == 11910
    assert sum(len(e.addresses) for e in snap.entries) == 13837


def test_ofac_consolidated() -> None:
    snap = snapshot("ofac_cons_2025/cons_prim.csv")
    assert (snap.read, snap.list_name, len(snap.sources)) == (442, "Consolidated (non-SDN)", 4)
    assert codes(snap)["list-remarks-truncated"] == 0


def test_un_consolidated() -> None:
    snap = snapshot("un_consolidated_2026-02-27.xml")
    subjects = Counter(e.subject for e in snap.entries)
    assert (subjects[SubjectType.INDIVIDUAL], subjects[SubjectType.ENTITY]) == (730, 273)
    assert snap.snapshot_date == dt.date(2026, 2, 27)
    assert codes(snap)["list-id-whitespace"] == 12
    assert codes(snap)["list-date-offset"] == 10
    original = sum(sum(n.kind is NameKind.PRIMARY for n in e.names) - 1 for e in snap.entries)
    assert original == 378
    programmes = Counter(p for e in snap.entries for p in e.programs)
    assert (programmes["Al-Qaida"], programmes["DPRK"], programmes["Iran"]) == (341, 155, 121)


def test_eu_833_vessels_ids_and_the_ship_listed_twice() -> None:
    snap = snapshot("eu_oj_opensanctions/32014R0833.csv")
    assert snap.read == 1746
    ships = imo_numbers(snap, IdScheme.SHIP_IMO)
    assert (len(ships), all(v for _, v in ships)) == (633, True)
    assert codes(snap)["list-missing-id"] == 140
    duplicate = [f for f in snap.findings if f.code == "list-imo-duplicate"]
    assert len(duplicate) == 1
    assert "9333670" in duplicate[0].message


def test_eu_269_company_numbers_in_the_imo_column() -> None:
    snap = snapshot("eu_oj_opensanctions/32014R0269.csv")
    subjects = Counter(e.subject for e in snap.entries)
    assert (subjects[SubjectType.INDIVIDUAL], subjects[SubjectType.ENTITY]) == (1984, 818)
    company = imo_numbers(snap, IdScheme.COMPANY_IMO)
    assert (len(company), all(v for _, v in company)) == (58, True)
    assert imo_numbers(snap, IdScheme.SHIP_IMO) == []


def test_uk_groups_ships_and_scripts() -> None:
    snap = snapshot("uk_ofsi_conlist_2025-04-10_RUS_DPRK_ships.csv")
    assert snap.read == 2420
    assert snap.snapshot_date == dt.date(2025, 4, 10)
    subjects = Counter(e.subject for e in snap.entries)
    assert subjects[SubjectType.VESSEL] == 15
    ships = imo_numbers(snap, IdScheme.SHIP_IMO)
    assert (len(ships), all(v for _, v in ships)) == (15, True)
    assert codes(snap)["list-script-misspelt"] == 3


@pytest.mark.parametrize(("name", "subjects"), [
    # 17 subjects, of which 3 companies from ext_ru_egrul are "target": false (related
    # parties, not sanctioned): 14 entries
    ("opensanctions_ftm/zala_entities.ftm.json", 14),
    ("opensanctions_ftm/t1_entities.ftm.json", 6),
])
def test_opensanctions_exports(name: str, subjects: int) -> None:
    assert snapshot(name).read == subjects


def test_zala_related_companies_are_not_targets() -> None:
    snap = snapshot("opensanctions_ftm/zala_entities.ftm.json")
    [note] = [f for f in snap.findings if f.code == "list-not-target"]
    assert note.message.startswith('3 entities are marked "target": false')
    assert snap.skipped == 0


def test_imo_checks_agree_with_rigour_on_every_real_number() -> None:
    imo = IMO
    names = ["ofac_sdn_2024-05-03.csv", "ofac_sdn_bench_2021/sdn.csv",
             "eu_oj_opensanctions/32014R0833.csv", "eu_oj_opensanctions/32014R0269.csv",
             "uk_ofsi_conlist_2025-04-10_RUS_DPRK_ships.csv", "un_consolidated_2026-02-27.xml"]
    checked = 0
    for name in names:
        for number, valid in imo_numbers(snapshot(name), IdScheme.SHIP_IMO):
            if len(number) == 7:
                assert valid == imo.is_valid_vessel(number), number
                checked += 1
        for number, valid in imo_numbers(snapshot(name), IdScheme.COMPANY_IMO):
            if len(number) == 7:
                assert valid == imo.is_valid_company(number), number
                checked += 1
    assert checked == 2198
