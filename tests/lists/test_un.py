"""UN consolidated XML: trailing spaces, empty aliases, offsets, birth-date forms, scripts."""

from __future__ import annotations

import datetime as dt

from sanctions_tracker.lists import DateSource, IdScheme, NameKind, Precision, SubjectType, read

from .conftest import LISTS, entry, found

UN = LISTS / "un_consolidated.xml"


def test_records_findings_and_date() -> None:
    snapshot = read(UN)
    assert [e.id for e in snapshot.entries] == ["QDi.001", "KPi.001", "KPe.001"]
    assert (snapshot.read, snapshot.skipped) == (3, 1)
    assert (snapshot.snapshot_date, snapshot.date_source) == (dt.date(2026, 2, 27), DateSource.FILE)
    assert found(snapshot) == {
        ("un_consolidated.xml", "info", "list-id-whitespace", 4),
        ("un_consolidated.xml", "info", "list-date-offset", 4),
        ("un_consolidated.xml", "info", "list-country-unresolved", 4),
        ("un_consolidated.xml", "warning", "list-date-unreadable", 4),
        ("un_consolidated.xml", "warning", "list-imo-other-scheme", 73),
        ("un_consolidated.xml", "error", "list-malformed-row", 91),
    }


def test_names_aliases_and_original_script() -> None:
    ali = entry(read(UN), "QDi.001")
    assert ali.subject is SubjectType.INDIVIDUAL
    assert [(n.text, n.kind, n.quality, n.script) for n in ali.names] == [
        ("ALI HASSAN", NameKind.PRIMARY, None, None),
        ("علي حسن", NameKind.PRIMARY, None, "Arabic"),
        ("Abu Ali", NameKind.AKA, "good", None),
        ("Ali the Elder", NameKind.FKA, None, None),
    ]


def test_listed_on_with_an_offset_is_the_date_not_a_time() -> None:
    listing = entry(read(UN), "QDi.001").listing_date
    assert listing is not None
    assert (listing.start, listing.precision) == ("2015-07-01", Precision.EXACT)


def test_birth_dates_of_every_type() -> None:
    dates = entry(read(UN), "QDi.001").birth_dates
    assert [(d.precision, d.start, d.end) for d in dates] == [
        (Precision.EXACT, "1971-05-03", None), (Precision.CIRCA, "1970", None),
        (Precision.RANGE, "1965", "1968"), (Precision.UNKNOWN, None, None)]


def test_documents_and_company_imo_numbers_in_comments() -> None:
    snapshot = read(UN)
    documents = [(i.scheme, i.value, i.country) for i in entry(snapshot, "QDi.001").identifiers]
    assert documents == [(IdScheme.PASSPORT, "A1234567", "Iraq"),
                         (IdScheme.NATIONAL_ID, "99887766", None)]
    company = entry(snapshot, "KPe.001")
    assert [(i.scheme, i.value, i.valid) for i in company.identifiers] == [
        (IdScheme.COMPANY_IMO, "1790183", True), (IdScheme.COMPANY_IMO, "5434359", False)]
    assert [a.country.code for a in company.addresses if a.country] == ["KP"]
