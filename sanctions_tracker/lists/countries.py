"""Country names to ISO codes, through ``countrynames`` (OpenSanctions' country-name table).

``countrynames`` knows thousands of spellings ("DPRK", "Democratic People's Republic of Korea",
"Iran (Islamic Republic of)", "Belarusian") that a table written here would miss; it leaves
Soviet-era names ("Kirghiz SSR", "Byelorussian SSR") and postcodes unresolved, and the readers
report those. Its data loads on first use (about 0.3 s, once per process), so it is imported
lazily and each distinct text is looked up once.

The lookup is countrynames' own exact (not fuzzy) ``to_code``, over its own table and with its
own normaliser, minus one step: ``to_code`` first asks whether the text is already a code with
``text in COUNTRY_NAMES.values()``, a scan of 23,000 values that costs 0.5 ms for every new
spelling (0.12 s of the 245 spellings the reference lists use); here the codes are a set, built
once. ``tests/lists/test_countries.py`` checks that both give the same answer.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .model import Country

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["country", "to_code"]


@functools.lru_cache(maxsize=4096)
def country(raw: str) -> Country:
    """The country a text names, with its code, or with ``code`` None when it resolves to none."""
    text = " ".join(raw.split()).strip(" .;,")
    return Country(raw=text, code=to_code(text) if text else None)


def to_code(text: str) -> str | None:
    """``countrynames.to_code(text)`` (not fuzzy), without its scan of every code."""
    return _lookup()(text)


@functools.cache
def _lookup() -> Callable[[str], str | None]:
    """The lookup over countrynames' own table (loaded once), with the codes as a set."""
    import countrynames  # noqa: PLC0415 (0.3 s of data, loaded when a list names a country)
    from countrynames.util import normalize_name  # noqa: PLC0415

    countrynames.to_code("")  # loads the table into countrynames.COUNTRY_NAMES
    table: dict[str, str] = getattr(countrynames, "COUNTRY_NAMES", {})
    if not table:  # a countrynames that keeps its table elsewhere: ask it, slower
        return countrynames.to_code
    codes = frozenset(table.values())

    def lookup(text: str) -> str | None:
        name = text.upper().strip()
        if name in codes:
            return name
        norm = normalize_name(name)
        code = table.get(norm) if norm is not None else None
        return None if code == "FAIL" else code

    return lookup
