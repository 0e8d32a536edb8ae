"""Country names to ISO codes, through ``countrynames`` (OpenSanctions' country-name table).

``countrynames`` knows thousands of spellings ("DPRK", "Democratic People's Republic of Korea",
"Iran (Islamic Republic of)", "Belarusian") that a table written here would miss; it leaves
Soviet-era names ("Kirghiz SSR", "Byelorussian SSR") and postcodes unresolved, and the readers
report those. Each distinct text is looked up once.

The lookup is countrynames' own exact (not fuzzy) ``to_code``, over its own table and with its
own normaliser, minus one step: ``to_code`` first asks whether the text is already a code with
``text in COUNTRY_NAMES.values()``, a scan of 23,000 values that costs 0.5 ms for every new
spelling (0.12 s of the 245 spellings the reference lists use); here the codes are a set, built
once. ``tests/lists/test_countries.py`` checks that both give the same answer.

Importing countrynames and building its table costs 0.4 s (it transliterates 27,000 names
through ICU), more than reading every reference list. So the answers for the spellings the
official lists use, and countrynames' codes, are precomputed in :mod:`._country_table`, which
is used only while countrynames' data file is the one they were computed from (its SHA-256 is
checked once per process, 2 ms); any other spelling, or other data, goes to countrynames.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from . import _country_table
from .model import Country

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["country", "to_code"]

_UNKNOWN = "?"  # not a value of the precomputed table (codes are letters, or None)


@functools.lru_cache(maxsize=4096)
def country(raw: str) -> Country:
    """The country a text names, with its code, or with ``code`` None when it resolves to none."""
    text = " ".join(raw.split()).strip(" .;,")
    return Country(raw=text, code=to_code(text) if text else None)


def to_code(text: str) -> str | None:
    """``countrynames.to_code(text)`` (not fuzzy), without its scan of every code."""
    if _precomputed():
        name = text.upper().strip()
        known = _country_table.KNOWN.get(name, _UNKNOWN)
        if known != _UNKNOWN:
            return known
        if name in _country_table.CODES:
            return name
    return _lookup()(text)


@functools.cache
def _precomputed() -> bool:
    """Whether the installed countrynames has the data the precomputed answers come from."""
    spec = importlib.util.find_spec("countrynames")
    if spec is None or spec.origin is None:
        return False
    try:
        data = Path(spec.origin).with_name("data.py").read_bytes()
    except OSError:
        return False
    return hashlib.sha256(data).hexdigest() == _country_table.DATA_SHA256


@functools.cache
def _lookup() -> Callable[[str], str | None]:
    """The lookup over countrynames' own table (loaded once), with the codes as a set."""
    import countrynames  # noqa: PLC0415 (0.4 s of data, loaded for a spelling not precomputed)
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
