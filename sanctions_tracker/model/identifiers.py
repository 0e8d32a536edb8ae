"""Checks on single identifiers (IMO numbers) that JSON Schema cannot express."""

from __future__ import annotations

__all__ = ["imo_check_digit", "is_valid_imo"]


def imo_check_digit(first_six: str) -> int:
    """Return the IMO ship number check digit for its first six digits.

    The digits are weighted 7, 6, 5, 4, 3, 2 and the last digit of the sum is the check digit
    (IMO Resolution A.1078(28)); IMO 9003550: 9*7 + 0*6 + 0*5 + 3*4 + 5*3 + 5*2 = 100, digit 0.
    """
    return sum(int(d) * w for d, w in zip(first_six, range(7, 1, -1), strict=True)) % 10


def is_valid_imo(number: int) -> bool:
    """Whether ``number`` is a seven-digit IMO ship number with a correct check digit."""
    text = str(number)
    return len(text) == 7 and imo_check_digit(text[:6]) == int(text[6])
