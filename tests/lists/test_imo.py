"""IMO numbers: both check-digit schemes, the all-zero number, and rigour as a second opinion."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rigour.ids.imo import IMO

from sanctions_tracker.lists.imo import IMO_IN_TEXT, is_valid_company, is_valid_ship


@pytest.mark.parametrize("number", ["9003550", "8404991", "9085730", "9179842", "8517839"])
def test_ship_numbers_of_real_vessels_pass_the_ship_rule(number: str) -> None:
    assert is_valid_ship(number)
    assert not is_valid_company(number)


@pytest.mark.parametrize("number", ["6016988", "6246853", "5344160"])
def test_company_numbers_of_real_owners_pass_the_company_rule(number: str) -> None:
    assert is_valid_company(number)
    assert not is_valid_ship(number)


@pytest.mark.parametrize("number", ["0000000", "543400", "15411", "90035500", "900355x", ""])
def test_zero_short_long_and_non_digits_are_never_valid(number: str) -> None:
    assert not is_valid_ship(number)
    assert not is_valid_company(number)


def test_a_company_number_can_pass_the_ship_rule_by_chance() -> None:
    assert is_valid_ship("5000110")
    assert is_valid_company("5000110")


@pytest.mark.parametrize(("text", "number"), [
    ("Vessel Registration Identification IMO 9003550", "9003550"),
    ("Vessel Registration Identification IMO 9003550.", "9003550"),
    ("Vessel Registration Identification IMO 9179842 (Russia)", "9179842"),
    ("Vessel Registration Identification IMO  9179842", "9179842"),
    ("alt. Identification Number IMO 5344160", "5344160"),
    ("(IMO number):9179842 (Current believed flag of ship):Russia", "9179842"),
    ("International Maritime Organization (IMO) Number: 1790183.", "1790183"),
    ("IMO number: 5571322.", "5571322"),
    ("Vessel Registration Identification IMO 15411 (Malta)", "15411"),
])
def test_imo_numbers_are_found_in_every_written_form(text: str, number: str) -> None:
    match = IMO_IN_TEXT.search(text)
    assert match is not None
    assert match[1] == number


@pytest.mark.parametrize("text", ["a.k.a. 'KIMO'", "R.F.C. AIMO-123456-7F8", "AKIMOV, Ivan"])
def test_words_containing_imo_are_not_numbers(text: str) -> None:
    assert IMO_IN_TEXT.search(text) is None


@given(st.from_regex(r"[0-9]{7}", fullmatch=True))
def test_both_schemes_agree_with_rigour(number: str) -> None:
    imo = IMO
    assert is_valid_ship(number) == imo.is_valid_vessel(number)
    assert is_valid_company(number) == imo.is_valid_company(number)


@given(st.from_regex(r"[0-9]{7}", fullmatch=True))
def test_other_decimal_digits_give_the_answer_of_their_ascii_twins(number: str) -> None:
    """``\\d`` reads Arabic-Indic digits too: the fast ASCII path must not change any answer."""
    arabic = number.translate({ord("0") + i: 0x0660 + i for i in range(10)})
    assert is_valid_ship(arabic) == is_valid_ship(number)
    assert is_valid_company(arabic) == is_valid_company(number)
