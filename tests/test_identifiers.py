from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sanctions_tracker.model.identifiers import imo_check_digit, is_valid_imo


def test_known_ship_numbers() -> None:
    # PATRIOT, NEPTUN, BELLA, BOGATYR, LADY R: IMO numbers from public sanctions lists.
    for number in (9003550, 8404991, 8808264, 9085730, 9161003):
        assert is_valid_imo(number)
    assert not is_valid_imo(9003551)
    assert not is_valid_imo(900355)


@given(st.integers(min_value=100_000, max_value=999_999), st.integers(min_value=1, max_value=9))
def test_exactly_one_check_digit_is_valid(first_six: int, delta: int) -> None:
    digit = imo_check_digit(str(first_six))
    assert is_valid_imo(first_six * 10 + digit)
    assert not is_valid_imo(first_six * 10 + (digit + delta) % 10)
