"""OFAC legacy CSV sets: every trap of the format, on a fixture written for it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sanctions_tracker.lists import DateSource, IdScheme, NameKind, Precision, SubjectType, read

from .conftest import LISTS, entry, found

if TYPE_CHECKING:
    from pathlib import Path

SET = LISTS / "ofac_set" / "sdn.csv"


def test_the_set_reads_entries_and_counts_the_skipped_rows() -> None:
    snapshot = read(SET)
    assert (snapshot.authority, snapshot.list_name, snapshot.format) == ("US-OFAC", "SDN", "ofac")
    assert [e.id for e in snapshot.entries] == [
        "101", "102", "103", "104", "105", "106", "107", "108", "109", "113"]
    assert (snapshot.read, snapshot.skipped) == (10, 3)
    assert [s.name.rsplit("/", 1)[-1] for s in snapshot.sources] == [
        "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"]
    assert all(len(s.sha256) == 64 for s in snapshot.sources)


def test_every_trap_is_a_located_finding() -> None:
    assert found(read(SET)) == {
        ("add.csv", "info", "list-country-unresolved", 2),
        ("sdn.csv", "info", "list-imo-company-label", 1),
        ("sdn.csv", "error", "list-imo-invalid", 4),
        ("sdn.csv", "error", "list-imo-malformed", 5),
        ("sdn.csv", "error", "list-imo-malformed", 6),
        ("sdn.csv", "error", "list-imo-invalid", 6),
        ("sdn.csv", "warning", "list-date-unreadable", 9),
        ("sdn.csv", "error", "list-unknown-subject", 10),
        ("sdn.csv", "error", "list-malformed-row", 12),
        ("add.csv", "warning", "list-orphan-row", 3),
        ("sdn.csv", "error", "list-duplicate-id", 11),
        ("sdn.csv", "info", "list-no-snapshot-date", None),
    }


def test_null_programmes_and_subject_types() -> None:
    snapshot = read(SET)
    first = entry(snapshot, "101")
    assert first.subject is SubjectType.ENTITY  # SDN_Type "-0- "
    assert first.programs == ("RUSSIA-EO14024", "UKRAINE-EO13662")
    assert entry(snapshot, "102").subject is SubjectType.VESSEL
    assert entry(snapshot, "109").subject is SubjectType.AIRCRAFT
    assert entry(snapshot, "107").subject is SubjectType.INDIVIDUAL
    assert not any("-0-" in note for e in snapshot.entries for note in e.notes)


def test_the_row_type_decides_the_imo_scheme_not_the_label() -> None:
    snapshot = read(SET)
    company = [i for i in entry(snapshot, "101").identifiers if "imo" in i.scheme.value]
    assert [(i.scheme, i.value, i.valid) for i in company] == [
        (IdScheme.COMPANY_IMO, "6016988", True), (IdScheme.COMPANY_IMO, "5344160", True)]
    ships = [(i.scheme, i.value, i.valid) for i in entry(snapshot, "103").identifiers]
    assert ships == [(IdScheme.SHIP_IMO, "9179842", True)]  # two spaces, " (Russia)"
    lucky = entry(snapshot, "113").identifiers
    assert [(i.scheme, i.valid) for i in lucky] == [(IdScheme.COMPANY_IMO, True)]


def test_vessel_columns_call_sign_and_mmsi() -> None:
    patriot = entry(read(SET), "102")
    schemes = {(i.scheme, i.value) for i in patriot.identifiers}
    assert schemes == {(IdScheme.SHIP_IMO, "9003550"), (IdScheme.CALL_SIGN, "HMYZ7"),
                       (IdScheme.MMSI, "445123000")}
    assert "Vessel flag: Korea, North" in patriot.notes


def test_birth_dates_names_and_documents_from_remarks_and_alt() -> None:
    ivanov = entry(read(SET), "107")
    assert [(d.precision, d.start, d.end) for d in ivanov.birth_dates] == [
        (Precision.CIRCA, "1970", None), (Precision.RANGE, "1962", "1964"),
        (Precision.EXACT, "1969-10-10", None), (Precision.EXACT, "1969-10-10", None)]
    assert ivanov.birth_dates[-1].raw == "10 October 1969"
    assert [(n.text, n.kind, n.quality) for n in ivanov.names] == [
        ("IVANOV, Ivan Ivanovich", NameKind.PRIMARY, None),
        ("IVANOV, Vanya", NameKind.AKA, "strong"),
        ("VANYA", NameKind.AKA, "weak")]
    assert [(c.raw, c.code) for c in ivanov.nationalities] == [
        ("Russia", "RU"), ("Ukrainian SSR", "UA")]
    passport = [i for i in ivanov.identifiers if i.scheme is IdScheme.PASSPORT]
    assert [(i.value, i.country) for i in passport] == [("7512345", "Russia")]
    assert [a.full for a in ivanov.addresses] == ["Tashkent, Uzbek SSR"]


def test_fka_from_alt_and_address_from_add() -> None:
    first = entry(read(SET), "101")
    assert ("SEVERNAYA ZVEZDA OOO", NameKind.FKA) in [(n.text, n.kind) for n in first.names]
    assert [(a.full, a.country.code if a.country else None) for a in first.addresses] == [
        ("Ulitsa Lenina 1, Moscow 101000, Russia", "RU")]


def test_remarks_cut_at_1000_are_joined_with_their_comments_mid_word() -> None:
    long = entry(read(SET), "108")
    assert long.notes[-1].endswith("NUMBER ONE LIMITED; DOB 02 Feb 1962; nationality Belarus")
    assert [d.start for d in long.birth_dates] == ["1960-01-01", "1962-02-02"]
    assert [c.code for c in long.nationalities] == ["RU", "BY"]


def test_without_a_comments_file_the_cut_is_reported_and_the_date_comes_from_the_name() -> None:
    snapshot = read(LISTS / "ofac_sdn_2024-05-03.csv")
    assert found(snapshot) == {
        ("ofac_sdn_2024-05-03.csv", "warning", "list-remarks-truncated", 1)}
    assert (snapshot.snapshot_date, snapshot.date_source) == (
        dt.date(2024, 5, 3), DateSource.FILE_NAME)
    given = read(LISTS / "ofac_sdn_2024-05-03.csv", snapshot_date=dt.date(2024, 5, 4))
    assert (given.snapshot_date, given.date_source) == (dt.date(2024, 5, 4), DateSource.GIVEN)


def test_the_consolidated_list_and_its_prefixed_companions() -> None:
    snapshot = read(LISTS / "ofac_cons" / "cons_prim.csv")
    assert snapshot.list_name == "Consolidated (non-SDN)"
    only = entry(snapshot, "9001")
    assert only.programs == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    assert [n.text for n in only.names] == ["CONS ENTITY JSC", "KONS JSC"]


_ARABIC = {ord("0") + i: 0x0660 + i for i in range(10)}  # Arabic-Indic digits


def test_numbers_in_other_digits_are_read_as_ascii(tmp_path: Path) -> None:
    """An IMO number or a birth year in Arabic-Indic digits is the same number, written ASCII:
    the same ship listed twice is seen, and dates stay ISO."""
    patriot = (LISTS / "ofac_sdn_2024-05-03.csv").read_text(encoding="utf-8").splitlines()[1]
    assert "IMO 9003550" in patriot
    twin = patriot.replace("102,", "900,", 1).replace("9003550", "9003550".translate(_ARABIC))
    person = ('901,"SOMEONE","individual","DPRK4",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
              f'"DOB {"1970".translate(_ARABIC)}; alt. DOB {"1962".translate(_ARABIC)} to 1964."')
    path = tmp_path / "sdn_2024-05-03.csv"
    path.write_text(f"{patriot}\r\n{twin}\r\n{person}\r\n", encoding="utf-8")
    snapshot = read(path)
    (imo,) = [i for i in entry(snapshot, "900").identifiers if i.scheme is IdScheme.SHIP_IMO]
    assert (imo.value, imo.valid) == ("9003550", True)
    assert ("sdn_2024-05-03.csv", "warning", "list-imo-duplicate", 2) in found(snapshot)
    born = entry(snapshot, "901").birth_dates
    assert [(d.precision, d.start, d.end) for d in born] == [
        (Precision.YEAR, "1970", None), (Precision.RANGE, "1962", "1964")]
