"""The country lookup gives countrynames' own answer for every spelling it is asked about.

The precomputed answers are countrynames' own, and are used only for the data they come from.
"""

from __future__ import annotations

import subprocess
import sys

import countrynames
import pytest
from countrynames.data import DATA

from sanctions_tracker.lists import _country_table, countries
from sanctions_tracker.lists.countries import to_code

from .conftest import REFERENCE, needs_reference

# Codes, names with punctuation and accents, non-Latin script, what countrynames marks FAIL,
# Soviet-era names and postcodes it leaves unresolved, and texts that are nothing at all.
SPELLINGS = [
    "RU", "ru", " gb ", "FAIL", "SUHH", "XK", "Russia", "RUSSIA", "Korea, North",
    "Democratic People\u2019s Republic of Korea", "Iran (Islamic Republic of)", "Türkiye",
    "Cote d Ivoire", "Côte d'Ivoire", "Россия", "الإمارات", "中国", "undetermined", "N/A",
    "Kirghiz SSR", "Byelorussian SSR", "London EC3N 1DY", "115088", "", " ", "...",
    "possibly Palestinian;arrested 23 Apr 2002", "Germany. Russia", "Belarussian",
]


@pytest.mark.parametrize("text", SPELLINGS)
def test_the_lookup_agrees_with_countrynames(text: str) -> None:
    assert to_code(text) == countrynames.to_code(text)


def test_the_lookup_agrees_with_countrynames_on_the_names_it_knows() -> None:
    # Every code and every tenth name (all 27,000 take 8 s through countrynames' own scan).
    names = [name for code, spellings in DATA.items() for name in (code, *spellings[::10])]
    differ = [n for n in names if to_code(n) != countrynames.to_code(n)]
    assert len(names) > 2_000
    assert differ == []


def test_the_answers_are_codes_and_unresolved_names_are_none() -> None:
    assert (to_code("Korea, North"), to_code("ru"), to_code("Kirghiz SSR")) == ("KP", "RU", None)


def test_the_precomputed_answers_are_countrynames_answers() -> None:
    if not countries._precomputed():
        pytest.skip("countrynames' data is not the one the table was made from (so it is not "
                    "used): run python -m tests.lists.make_country_table")
    countrynames.to_code("")
    assert set(_country_table.CODES) == set(countrynames.COUNTRY_NAMES.values())
    differ = {text: code for text, code in _country_table.KNOWN.items()
              if countrynames.to_code(text) != code}
    assert len(_country_table.KNOWN) > 200
    assert differ == {}


def test_other_countrynames_data_is_not_answered_from_the_table(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(_country_table.KNOWN, "RUSSIA", "XX")  # a wrong answer, if it were used
    countries._precomputed.cache_clear()
    try:
        assert to_code("Russia") == "XX"  # the table is used for this data...
        monkeypatch.setattr(_country_table, "DATA_SHA256", "0" * 64)
        countries._precomputed.cache_clear()
        assert to_code("Russia") == "RU"  # ...and not for any other
    finally:
        monkeypatch.undo()
        countries._precomputed.cache_clear()


@needs_reference
def test_reading_every_reference_list_does_not_load_countrynames() -> None:
    code = ("import sys\nfrom pathlib import Path\nfrom sanctions_tracker.lists import read\n"
            "from sanctions_tracker.lists.files import list_files\n"
            f"for path in list_files([Path({str(REFERENCE)!r})]):\n    read(path)\n"
            "print('countrynames' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
