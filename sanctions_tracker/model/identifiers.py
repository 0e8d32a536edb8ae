"""Checks on single identifiers (IMO numbers) that JSON Schema cannot express."""

from __future__ import annotations

__all__ = ["company_imo_check_digit", "imo_check_digit", "is_valid_company_imo", "is_valid_imo"]


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


def company_imo_check_digit(first_six: str) -> int:
    """Return the check digit of an IMO company (registered owner) number.

    Company numbers use other weights than ship numbers (8, 6, 4, 2, 9, 7) and the digit is
    (11 - sum mod 11) mod 10, so a company number is no ship number and the reverse, except by
    chance; IMO 6016988: 6*8 + 0*6 + 1*4 + 6*2 + 9*9 + 8*7 = 201, (11 - 3) mod 10 = 8.
    """
    total = sum(int(d) * w for d, w in zip(first_six, (8, 6, 4, 2, 9, 7), strict=True))
    return (11 - total % 11) % 10


def is_valid_company_imo(number: int) -> bool:
    """Whether ``number`` is a seven-digit IMO company number with a correct check digit."""
    text = str(number)
    return len(text) == 7 and company_imo_check_digit(text[:6]) == int(text[6])
