from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sanctions_tracker.lists import Identifier, IdScheme
from sanctions_tracker.matching import How, NameIndex
from sanctions_tracker.matching.normalize import name_forms

from .conftest import company_imo, ship_imo, target

TARGETS = [
    target("1", "entity", "MG-Flot LLC", ("TransMorFlot", "aka"), ("ООО Трансморфлот", "aka"),  # noqa: RUF001 (Cyrillic on purpose)
           ("TransMorFlot LLC", "fka"), ids=(company_imo("6016988"),)),
    target("2", "vessel", "PATRIOT", ids=(ship_imo("9003550"),)),
    target("3", "individual", "CHOE, Ryong Hae"),
    target("4", "individual", "KIM Jong Un"),
    target("5", "entity", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION"),
    target("6", "vessel", "TIFON", ids=(ship_imo("7206512"),)),
]
INDEX = NameIndex.build(TARGETS)


def best(query: str, **options: object) -> tuple[str, How, str]:
    match = INDEX.search(query, **options)[0]  # type: ignore[arg-type]
    assert match.name is not None
    return match.target.entry_id, match.how, match.name.text


@pytest.mark.parametrize(("query", "entry", "how", "name"), [
    ("patriot", "2", How.EXACT, "PATRIOT"),
    ("Patriot.", "2", How.NORMALISED, "PATRIOT"),
    ("OOO Transmorflot", "1", How.TRANSLITERATED, "ООО Трансморфлот"),  # noqa: RUF001 (Cyrillic on purpose)
    ("MG Flot Limited Liability Company", "1", How.LEGAL_FORM, "MG-Flot LLC"),
    ("Ryong Hae Choe", "3", How.REORDERED, "CHOE, Ryong Hae"),
    ("Choi Ryong Hae", "3", How.ROMANISATION, "CHOE, Ryong Hae"),
    ("Kim Jong-un", "4", How.NORMALISED, "KIM Jong Un"),
    ("Korea Ryonha Machinery Joint Venture Corporaton", "5", How.FUZZY,
     "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION"),
])
def test_each_rule_says_how_it_matched(query: str, entry: str, how: How, name: str) -> None:
    assert best(query) == (entry, how, name)


def test_an_alias_match_says_it_is_an_alias() -> None:
    match = INDEX.search("Transmorflot")[0]
    assert match.explain() == 'alias "TransMorFlot", exact'
    assert match.target.caption == "MG-Flot LLC"


def test_a_former_name_says_it_is_one() -> None:
    index = NameIndex.build([TARGETS[0].__class__(
        TARGETS[0].ref, "1", "entity", (TARGETS[0].names[0], TARGETS[0].names[3]))])
    assert index.search("TransMorFlot LLC")[0].explain() == 'former name "TransMorFlot LLC", exact'


def test_one_match_per_target_the_best() -> None:
    matches = INDEX.search("TransMorFlot LLC")
    assert [m.target.entry_id for m in matches] == ["1"]
    assert matches[0].how is How.EXACT


def test_a_one_letter_typo_is_found_by_blocking() -> None:
    match = INDEX.search("Patrist")[0]
    assert (match.target.entry_id, match.how) == ("2", How.FUZZY)
    assert 0.85 <= match.score < 0.9


def test_a_vowel_typo_sounds_alike() -> None:
    assert best("Patriat") == ("2", How.ROMANISATION, "PATRIOT")


def test_names_that_only_sound_alike_are_not_a_rule_match() -> None:
    # metaphone keys both TFN; the letters are too far apart for "sounds alike".
    assert INDEX.search("Devon") == []


def test_the_threshold_and_the_type_filter() -> None:
    assert INDEX.search("Patrist", threshold=0.95) == []
    assert INDEX.search("Patriot", subject="entity") == []
    assert INDEX.search("Patriot", subject="vessel")[0].target.entry_id == "2"


def test_an_unrelated_name_matches_nothing() -> None:
    assert INDEX.search("Zebra Holdings") == []


def test_a_ship_imo_never_matches_a_company_imo() -> None:
    assert [m.target.entry_id for m in INDEX.by_identifier(ship_imo("9003550"))] == ["2"]
    assert INDEX.by_identifier(company_imo("9003550")) == []
    assert INDEX.by_identifier(ship_imo("6016988")) == []
    assert INDEX.by_identifier(company_imo("6016988"))[0].explain() == "company IMO 6016988"


def test_entry_ids_are_found() -> None:
    assert [m.target.entry_id for m in INDEX.by_entry_id("3")] == ["3"]
    assert INDEX.by_entry_id("99") == []


def test_mmsi_is_its_own_scheme() -> None:
    mmsi = Identifier(IdScheme.MMSI, "273456789", "273456789")
    index = NameIndex.build([target("7", "vessel", "X", ids=(mmsi,))])
    assert len(index.by_identifier(mmsi)) == 1
    assert index.name_count == 1


def test_punctuation_alone_matches_nothing() -> None:
    index = NameIndex.build([target("9", "entity", "-"), *TARGETS])
    assert index.search("--") == []
    assert index.search("") == []


@given(st.text(min_size=1, max_size=40))
@example("ООО")  # noqa: RUF001 (a legal form alone, in Cyrillic)
@example("Jong-un")
def test_every_name_finds_itself_first(name: str) -> None:
    index = NameIndex.build([target("self", "entity", name), *TARGETS])
    matches = index.search(name)
    if name_forms(name).compact:
        assert matches
        assert matches[0].score == 1.0
        assert "self" in {m.target.entry_id for m in matches if m.score == 1.0}
    else:
        assert matches == []
