"""The model: frozen records, captions, and what equality compares."""

from __future__ import annotations

import attrs
import pytest

from sanctions_tracker.lists import Entry, Name, NameKind, SubjectType
from sanctions_tracker.lists.countries import country


def test_records_are_frozen() -> None:
    entry = Entry(id="1", subject=SubjectType.VESSEL, names=(Name(text="PATRIOT"),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.id = "2"  # type: ignore[misc]


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
