"""FollowTheMoney entity lines, delta files and the delta index."""

from __future__ import annotations

import datetime as dt

from sanctions_tracker.lists import DateSource, IdScheme, NameKind, SubjectType, read

from .conftest import LISTS, entry, found


def test_subjects_with_their_sanctions_addresses_and_documents() -> None:
    snapshot = read(LISTS / "ftm_entities.json")
    assert [(e.id, e.subject) for e in snapshot.entries] == [
        ("ts-vessel-1", SubjectType.VESSEL), ("ts-person-1", SubjectType.INDIVIDUAL),
        ("ts-company-1", SubjectType.ENTITY)]
    vessel = entry(snapshot, "ts-vessel-1")
    assert vessel.programs == ("DPRK4",)
    assert vessel.listing_date is not None
    assert vessel.listing_date.start == "2024-05-01"
    assert {(i.scheme, i.value, i.valid) for i in vessel.identifiers} == {
        (IdScheme.SHIP_IMO, "9003550", True), (IdScheme.MMSI, "445123000", None)}
    person = entry(snapshot, "ts-person-1")
    assert [(n.text, n.kind, n.script) for n in person.names] == [
        ("Ivan Testov", NameKind.PRIMARY, None), ("Иван Тестов", NameKind.AKA, "Cyrillic")]
    assert [a.full for a in person.addresses] == ["Ulitsa 1, Moscow"]
    assert [(i.scheme, i.value) for i in person.identifiers] == [
        (IdScheme.PASSPORT, "751234567")]
    company = entry(snapshot, "ts-company-1")
    assert [(i.scheme, i.valid) for i in company.identifiers] == [(IdScheme.COMPANY_IMO, True)]
    assert (snapshot.snapshot_date, snapshot.date_source) == (dt.date(2024, 5, 3), DateSource.FILE)


def test_bad_lines_and_unresolved_countries_are_findings() -> None:
    snapshot = read(LISTS / "ftm_entities.json")
    assert found(snapshot) == {
        ("ftm_entities.json", "error", "list-malformed-row", 8),
        ("ftm_entities.json", "info", "list-country-unresolved", 3),
        ("ftm_entities.json", "info", "list-not-target", 9),
        # a name that is a string, a schema that is a list, a name that is an object and
        # properties that are a list: each was read without a word (or with no name)
        ("ftm_entities.json", "error", "list-malformed-row", 10),
        ("ftm_entities.json", "error", "list-malformed-row", 11),
        ("ftm_entities.json", "error", "list-malformed-row", 12),
        ("ftm_entities.json", "error", "list-malformed-row", 13),
    }
    assert (snapshot.read, snapshot.skipped) == (3, 5)


def test_an_entity_that_is_not_a_target_is_no_entry() -> None:
    # "target": false marks a related party (an owner, a director from a registry such as
    # ext_ru_egrul), not a sanctioned subject: it was read as a listed entry.
    snapshot = read(LISTS / "ftm_entities.json")
    assert "ts-related-1" not in {e.id for e in snapshot.entries}
    [note] = [f for f in snapshot.findings if f.code == "list-not-target"]
    assert note.message.startswith('1 entity is marked "target": false')


def test_a_delta_file_reads_add_and_mod_and_keeps_del_ids() -> None:
    snapshot = read(LISTS / "20240528014702-abc.entities.delta.json")
    assert [e.id for e in snapshot.entries] == ["ts-person-2", "ts-person-1"]
    assert snapshot.deleted == ("ts-company-1",)
    assert (snapshot.snapshot_date, snapshot.date_source) == (
        dt.date(2024, 5, 28), DateSource.FILE_NAME)


def test_the_delta_index_is_an_empty_snapshot_that_says_so() -> None:
    snapshot = read(LISTS / "delta.json")
    assert snapshot.entries == ()
    assert ("delta.json", "info", "list-delta-index", 1) in found(snapshot)
