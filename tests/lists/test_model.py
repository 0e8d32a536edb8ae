"""The model: which records are frozen, captions, and what equality compares."""

from __future__ import annotations

import attrs
import pytest

from sanctions_tracker.lists import Entry, Name, NameKind, SubjectType
from sanctions_tracker.lists.countries import country
from sanctions_tracker.lists.dates import parse_date
from sanctions_tracker.lists.model import Address, Identifier, IdScheme


def test_records_shared_through_caches_are_frozen() -> None:
    """A date or country is one object for every entry that states it: it cannot change."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        country("Russia").code = "XX"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parse_date("1 May 2024").start = "1999"  # type: ignore[misc]


def test_per_row_records_are_slotted_and_compare_and_hash_by_value() -> None:
    """Entries, names, identifiers and addresses are not frozen (speed), but act as values."""
    def make() -> Entry:
        return Entry(id="1", subject=SubjectType.VESSEL, names=(Name(text="PATRIOT"),),
                     identifiers=(Identifier(IdScheme.SHIP_IMO, "9003550", "IMO 9003550"),),
                     addresses=(Address("Moscow", country("Russia")),))
    first, second = make(), make()
    assert first == second
    assert first is not second
    assert len({first, second}) == 1
    assert len({*first.names, *second.names}) == 1
    assert not hasattr(first, "__dict__")  # slotted: a misspelt field cannot be added


def test_the_caption_is_the_primary_name_else_the_first_else_the_id() -> None:
    aka = Name(text="ALIAS", kind=NameKind.AKA)
    assert Entry(id="1", subject=SubjectType.ENTITY,
                 names=(aka, Name(text="MAIN"))).caption == "MAIN"
    assert Entry(id="1", subject=SubjectType.ENTITY, names=(aka,)).caption == "ALIAS"
    assert Entry(id="7", subject=SubjectType.ENTITY, names=()).caption == "7"


def test_the_line_an_entry_starts_on_is_not_compared() -> None:
    names = (Name(text="X"),)
    assert Entry(id="1", subject=SubjectType.ENTITY, names=names, line=3) == Entry(
        id="1", subject=SubjectType.ENTITY, names=names, line=30)


@pytest.mark.parametrize(("raw", "code"), [
    ("Russia", "RU"), ("Korea, North", "KP"), ("Iran (Islamic Republic of)", "IR"),
    ("USSR", "SUHH"), (" Belarus. ", "BY"),
    ("Kirghiz SSR", None), ("Byelorussian SSR", None), ("London EC3N 1DY", None),
    ("115088", None),
])
def test_countries_resolve_through_countrynames_and_ssr_names_do_not(raw: str,
                                                                     code: str | None) -> None:
    place = country(raw)
    assert place.code == code
    assert place.raw == raw.strip(" .")
