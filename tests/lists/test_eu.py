"""EU OJ tables: ids per annex, missing ids, both IMO schemes in one column, dates, aliases."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from sanctions_tracker.lists import IdScheme, NameKind, Precision, SubjectType, read
from sanctions_tracker.lists.readers._text import clean
from sanctions_tracker.lists.readers.eu import _split

from .conftest import LISTS, entry, found

EU = LISTS / "eu_32014R0833.csv"


def test_record_ids_restart_in_every_annex_and_missing_ones_are_derived() -> None:
    snapshot = read(EU)
    assert [e.id for e in snapshot.entries] == [
        "III/1", "XLII/1", "XLII/2", "XLII/3", "XIV/NO RECORD ID JSC", "I.ENTITIES/4",
        "I.ENTITIES/5", "I.PERSONS/1", "I.PERSONS/2", "I.PERSONS/3"]
    assert (snapshot.read, snapshot.skipped) == (10, 1)


def test_every_trap_is_a_located_finding() -> None:
    assert found(read(EU)) == {
        ("eu_32014R0833.csv", "info", "list-missing-id", 6),
        ("eu_32014R0833.csv", "warning", "list-imo-other-scheme", 9),
        ("eu_32014R0833.csv", "info", "list-country-unresolved", 10),
        ("eu_32014R0833.csv", "warning", "list-date-unreadable", 12),
        ("eu_32014R0833.csv", "error", "list-unknown-subject", 13),
        ("eu_32014R0833.csv", "warning", "list-imo-duplicate", 5),
        ("eu_32014R0833.csv", "info", "list-no-snapshot-date", None),
    }


def test_the_schema_decides_the_imo_scheme() -> None:
    snapshot = read(EU)
    vessel = entry(snapshot, "XLII/1")
    assert vessel.subject is SubjectType.VESSEL
    assert [(i.scheme, i.value, i.valid) for i in vessel.identifiers] == [
        (IdScheme.SHIP_IMO, "9179842", True)]
    company = entry(snapshot, "I.ENTITIES/4")
    assert [(i.scheme, i.valid) for i in company.identifiers] == [(IdScheme.COMPANY_IMO, True)]


def test_both_date_forms_and_or_joined_birth_dates() -> None:
    snapshot = read(EU)
    assert entry(snapshot, "III/1").listing_date.start == "2014-07-31"
    assert entry(snapshot, "XLII/3").listing_date.start == "2025-08-09"
    assert [d.start for d in entry(snapshot, "I.PERSONS/1").birth_dates] == [
        "1993-07-06", "1991-07-06"]
    assert [d.start for d in entry(snapshot, "I.PERSONS/2").birth_dates] == [
        "1983-02-10", "1983-03-10"]
    unknown = entry(snapshot, "I.PERSONS/3")
    assert unknown.listing_date is not None
    assert unknown.listing_date.precision is Precision.UNKNOWN
    assert unknown.listing_date.raw == "21.13.2014"


def test_aliases_split_on_semicolons_spaces_collapsed_newlines_kept_as_one_note() -> None:
    snapshot = read(EU)
    bank = entry(snapshot, "III/1")
    assert [(n.text, n.kind, n.script) for n in bank.names] == [
        ("TEST BANK", NameKind.PRIMARY, None), ("Тест Банк", NameKind.AKA, "Cyrillic"),
        ("“Test Bank” PJSC", NameKind.AKA, None)]
    assert entry(snapshot, "XLII/2").names[0].text == "Twice Listed"  # no-break space
    assert "line one line two" in entry(snapshot, "XIV/NO RECORD ID JSC").notes
    assert [c.code for c in bank.nationalities] == ["RU"]


@given(st.lists(st.sampled_from(["a", "Й", " ", "  ", ";", "; ", "\u00a0", "\n", "\t", "\u2028"]))
       .map("".join))
@example("A; B")
@example(" ;\u00a0; a ;b\n")
def test_a_cell_splits_into_the_parts_each_cleaned_alone_would_give(text: str) -> None:
    assert _split(text) == [clean(p) for p in text.split(";") if clean(p)]
