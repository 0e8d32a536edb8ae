from __future__ import annotations

from sanctions_tracker.matching import How, NameIndex, Query, lookup

from .conftest import company_imo, ship_imo, target

INDEX = NameIndex.build([
    target("24508", "vessel", "PATRIOT", ids=(ship_imo("9003550"),)),
    target("37049", "entity", "TRANSMORFLOT LLC", ids=(company_imo("6016988"),)),
    target("E1", "entity", "PATRIOT SHIPPING", ids=(company_imo("1790183"),)),
])


def test_an_imo_query_says_which_scheme_it_passes() -> None:
    for text in ("9003550", "IMO 9003550", "imo: 9003550"):
        result = lookup(INDEX, text)
        assert result.notes == ("9003550 is a valid ship IMO number (not a company IMO number)",)
        assert [(m.target.entry_id, m.how) for m in result.matches] == [("24508", How.IDENTIFIER)]


def test_a_company_imo_query_finds_only_company_numbers() -> None:
    result = lookup(INDEX, "6016988")
    assert "valid company IMO number" in result.notes[0]
    assert [m.explain() for m in result.matches] == ["company IMO 6016988"]


def test_a_number_passing_neither_check_digit_says_so_and_is_still_looked_up() -> None:
    result = lookup(INDEX, "9003551")
    assert "passes neither" in result.notes[0]
    assert result.matches == ()


def test_a_number_passing_both_check_digits_says_so() -> None:
    # 1790183 passes the ship rule by chance; the list gives it as a company number.
    result = lookup(INDEX, "1790183")
    assert "both" in result.notes[0]
    assert [m.explain() for m in result.matches] == ["company IMO 1790183"]


def test_an_mmsi_and_an_entry_id() -> None:
    assert "MMSI" in lookup(INDEX, "273456789").notes[0]
    assert [m.how for m in lookup(INDEX, "E1").matches] == [How.ENTRY_ID]


def test_a_name_query_ranks_and_limits() -> None:
    result = lookup(INDEX, "Patriot", limit=1)
    assert [m.target.entry_id for m in result.matches] == ["24508"]


def test_the_type_and_an_imo_beside_the_name() -> None:
    query = Query("Patriot Shipping", subject="entity", imo="9003550")
    assert [m.target.entry_id for m in lookup(INDEX, query).matches] == ["E1"]
    query = Query("Patriot Shipping", imo="9003550")
    assert [m.target.entry_id for m in lookup(INDEX, query).matches][:2] == ["24508", "E1"]


def test_an_imo_written_any_usual_way_is_read_as_the_number() -> None:
    # Each of these was searched as a name (0 matches); full-width digits were even called
    # "a valid ship IMO number" and then looked up as full-width text that no list holds.
    for text in ("IMO-9003550", "IMO No. 9003550", "IMO number: 9003550", "(IMO) 9003550",
                 "IMO#9003550", "\uff19\uff10\uff10\uff13\uff15\uff15\uff10",
                 "IMO \uff19\uff10\uff10\uff13\uff15\uff15\uff10"):
        result = lookup(INDEX, text)
        assert result.notes == ("9003550 is a valid ship IMO number (not a company IMO number)",)
        assert [(m.target.entry_id, m.how) for m in result.matches] == [("24508", How.IDENTIFIER)]


def test_an_imo_beside_the_name_written_with_a_prefix_is_looked_up() -> None:
    result = lookup(INDEX, Query("XYZ", imo="IMO-9003550"))
    assert [m.target.entry_id for m in result.matches] == ["24508"]


def test_an_imo_beside_the_name_that_is_no_imo_says_so() -> None:
    # It was dropped without a word: the row was screened on its name alone.
    for imo in ("IMO 900355", "n/a", "9003550x"):
        result = lookup(INDEX, Query("XYZ", imo=imo))
        assert result.notes == ((f'imo {imo!r} is not an IMO number (seven digits, after "IMO" '
                                 "or not): it was not looked up"),)
        assert result.matches == ()
