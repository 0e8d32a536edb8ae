"""UK OFSI consolidated CSV: preamble, groups of rows, script misspellings, unknown days."""

from __future__ import annotations

import datetime as dt

from sanctions_tracker.lists import DateSource, IdScheme, NameKind, Precision, SubjectType, read

from .conftest import LISTS, entry, found

UK = LISTS / "uk_conlist.csv"


def test_groups_become_entries_and_the_preamble_dates_the_snapshot() -> None:
    snapshot = read(UK)
    assert [e.id for e in snapshot.entries] == ["14001", "16001", "13001", "14002"]
    assert (snapshot.read, snapshot.skipped) == (4, 1)
    assert (snapshot.snapshot_date, snapshot.date_source) == (dt.date(2025, 4, 10), DateSource.FILE)
    assert found(snapshot) == {
        ("uk_conlist.csv", "info", "list-script-misspelt", 3),
        ("uk_conlist.csv", "info", "list-script-misspelt", 6),
        ("uk_conlist.csv", "info", "list-country-unresolved", 7),
        ("uk_conlist.csv", "warning", "list-date-unreadable", 8),
        ("uk_conlist.csv", "error", "list-unknown-subject", 9),
    }


def test_a_groups_rows_are_gathered_even_when_not_contiguous() -> None:
    testov = entry(read(UK), "14001")
    assert testov.line == 3
    assert [(n.text, n.kind, n.quality, n.script) for n in testov.names] == [
        ("Ivan Ivanovich TESTOV", NameKind.PRIMARY, None, None),
        ("Иван Иванович ТЕСТОВ", NameKind.PRIMARY, None, "Cyrillic"),  # noqa: RUF001 (Cyrillic on purpose)
        ("Ivan TESTOFF", NameKind.AKA, "good", None),
        ("Иван ТЕСТОФФ", NameKind.AKA, "good", "Cyrillic"),
    ]
    assert [(d.precision, d.start) for d in testov.birth_dates] == [(Precision.YEAR, "1965")]
    assert [c.code for c in testov.nationalities] == ["RU", "UA"]
    assert testov.programs == ("Russia",)


def test_imo_numbers_in_other_information_by_group_type() -> None:
    snapshot = read(UK)
    ship = entry(snapshot, "16001")
    assert ship.subject is SubjectType.VESSEL
    assert ship.names[0].text == "OCEAN TEST"
    assert [(i.scheme, i.value, i.valid) for i in ship.identifiers] == [
        (IdScheme.SHIP_IMO, "9179842", True)]
    company = entry(snapshot, "13001")
    assert [(i.scheme, i.value, i.valid) for i in company.identifiers] == [
        (IdScheme.COMPANY_IMO, "6016988", True)]
    assert company.listing_date is not None
    assert company.listing_date.start == "2018-02-01"
