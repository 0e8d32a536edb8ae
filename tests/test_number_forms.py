from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_tracker.checks.number_forms import number_words, occurs_in


@pytest.mark.parametrize(
    ("n", "text"),
    [(1402, "totaling 1,402 items"), (1402, "1402 items"), (4, "four ships"), (8, "Eight"),
     (21, "twenty-one people"), (105, "a hundred and five"), (12_000, "sent 12,000 troops")],
)
def test_figure_is_found(n: int, text: str) -> None:
    assert occurs_in(n, text)


@pytest.mark.parametrize(
    ("n", "text"),
    [(1403, "totaling 1,402 items"), (402, "totaling 1,402 items"), (159, "the existing 1,159"),
     (1, "twenty-one"), (20, "twenty-one"), (40, "40.5 percent"), (4, "fourteen"),
     (12_000, "about 12,000 troops"), (1_400, "more than 1,400 items")],
)
def test_figure_is_not_found_inside_another(n: int, text: str) -> None:
    assert not occurs_in(n, text)


def test_words_stop_at_999() -> None:
    assert number_words(1000) == []
    assert "nine hundred and ninety-nine" in number_words(999)


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_and_without_separators(n: int) -> None:
    is_year = 1800 <= n < 2200  # written without separators, it reads as a year
    assert occurs_in(n, f"x {n} y") is not is_year
    for separator in (",", "'", "\u00a0", "\u2009", "\u202f"):
        assert occurs_in(n, f"x {n:,} y".replace(",", separator))
    # An ordinary space reads two ways ("phase 2 243 items"): neither is a count.
    assert occurs_in(n, f"x {n:,} y".replace(",", " ")) is (n < 1000 and not is_year)
    assert not occurs_in(n, f"x {n}0 y")
    assert not occurs_in(n, f"x 1{n:,} y")
