from __future__ import annotations

import pytest

from sanctions_tracker.matching.normalize import name_forms, phonetic, squash


def test_squash_folds_case_and_spaces_only() -> None:
    assert squash("  MG-Flot\t LLC ") == "mg-flot llc"


@pytest.mark.parametrize(("one", "other"), [
    ("MG-Flot LLC", "ООО МГ-ФЛОТ"),                       # Cyrillic legal form and name  # noqa: RUF001 (Cyrillic on purpose)
    ("MG-Flot LLC", "MG Flot Limited Liability Company"),  # legal form spelled out
    ("TransMorFlot", "ООО Трансморфлот"),  # noqa: RUF001 (Cyrillic on purpose)
])
def test_legal_forms_and_scripts_meet_in_the_bare_form(one: str, other: str) -> None:
    assert name_forms(one).bare == name_forms(other).bare


def test_each_form_keeps_what_the_next_removes() -> None:
    forms = name_forms("ООО МГ-ФЛОТ")  # noqa: RUF001 (Cyrillic on purpose)
    assert forms.normalised == "ооо мг флот"      # still Cyrillic  # noqa: RUF001 (Cyrillic on purpose)
    assert forms.latin == "ooo mg flot"           # transliterated, legal form kept
    assert forms.bare == "mg flot"                # legal form removed
    assert forms.ordered == "flot mg"


def test_hyphens_and_spaces_meet_in_the_compact_form() -> None:
    assert name_forms("KIM Jong-un").compact == name_forms("Kim Jongun").compact


@pytest.mark.parametrize(("one", "other"), [
    ("choe", "choi"), ("ri", "rhee"), ("lee", "yi"), ("pak", "park"), ("jong", "jeong")])
def test_korean_romanisations_share_a_key(one: str, other: str) -> None:
    assert phonetic(one) == phonetic(other)


def test_different_surnames_do_not_share_a_key() -> None:
    assert phonetic("kim") != phonetic("pak")
    assert name_forms("Choe Ryong Hae").sounds != name_forms("Kim Ryong Hae").sounds


def test_a_name_of_legal_form_only_keeps_its_words() -> None:
    assert name_forms("LLC").bare == "llc"
