"""Country names to ISO codes, through ``countrynames`` (OpenSanctions' country-name table).

``countrynames`` knows thousands of spellings ("DPRK", "Democratic People's Republic of Korea",
"Iran (Islamic Republic of)", "Belarusian") that a table written here would miss; it leaves
Soviet-era names ("Kirghiz SSR", "Byelorussian SSR") and postcodes unresolved, and the readers
report those. Its data loads on first use (about 0.3 s, once per process), so it is imported
lazily and each distinct text is looked up once.
"""

from __future__ import annotations

import functools

from .model import Country

__all__ = ["country"]


@functools.lru_cache(maxsize=4096)
def country(raw: str) -> Country:
    """The country a text names, with its code, or with ``code`` None when it resolves to none."""
    import countrynames  # noqa: PLC0415 (0.3 s of data, loaded when a list names a country)

    text = " ".join(raw.split()).strip(" .;,")
    return Country(raw=text, code=countrynames.to_code(text) if text else None)
