"""IMO numbers: the ship scheme and the company (registered owner) scheme.

Both are seven digits with a check digit, computed differently; which scheme applies is decided
by the row's subject (a vessel carries a ship number, anything else a company number), never by
the label around the number, because OFAC entity rows carry company numbers under "Vessel
Registration Identification IMO" and about 10% of company numbers pass the ship rule by chance.

Written here rather than taken from ``rigour.ids.IMO`` (which knows both schemes and is used in
the tests as a second opinion on every number of the real lists): importing ``rigour.ids``
costs 120 ms, 70% of reading all the reference lists with the bare stdlib; a call costs 3.4 us
against 0.7 us here; and rigour left-pads five- and six-digit values with zeros, where this
module reports them (``543400`` on an OFAC entity is a truncated number, not ``0543400``).
"""

from __future__ import annotations

import re

from .model import Identifier, IdScheme

__all__ = ["IMO_IN_TEXT", "imo_identifier", "is_valid_company", "is_valid_ship"]

_SEVEN = re.compile(r"\d{7}")
_SHIP_WEIGHTS = (7, 6, 5, 4, 3, 2)
_COMPANY_WEIGHTS = (8, 6, 4, 2, 9, 7)

# Every written form of the reference lists: the IMO label, "(IMO) Number", "(IMO number):",
# "IMO number:", then the number up to the first non-digit.
IMO_IN_TEXT = re.compile(r"\bIMO\)?(?:\s*[Nn]umber\)?)?\s*[:#]?\s*(\d[\d ]*\d|\d)(?!\d)")


def is_valid_ship(number: str) -> bool:
    """Whether seven digits pass the ship check digit (weights 7..2, sum mod 10); never 0000000."""
    if not _SEVEN.fullmatch(number) or number == "0000000":
        return False
    total = sum(int(d) * w for d, w in zip(number, _SHIP_WEIGHTS, strict=False))
    return total % 10 == int(number[6])


def is_valid_company(number: str) -> bool:
    """Whether seven digits pass the company check digit ((11 - sum mod 11) mod 10)."""
    if not _SEVEN.fullmatch(number) or number == "0000000":
        return False
    total = sum(int(d) * w for d, w in zip(number, _COMPANY_WEIGHTS, strict=False))
    return (11 - total % 11) % 10 == int(number[6])


def imo_identifier(raw: str, number: str, *, vessel: bool) -> Identifier:
    """An IMO identifier of the scheme the subject calls for, with ``valid`` set by its check."""
    scheme = IdScheme.SHIP_IMO if vessel else IdScheme.COMPANY_IMO
    valid = is_valid_ship(number) if vessel else is_valid_company(number)
    return Identifier(scheme=scheme, value=number, raw=raw, valid=valid)
