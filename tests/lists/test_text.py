"""The text helpers give what their plain definitions give, on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from sanctions_tracker.lists.readers._text import clean, script_of


def _script_by_every_character(text: str) -> str | None:
    for char in text:
        if char.isalpha() and ord(char) > 0x24F:
            return unicodedata.name(char, "").split(" ", 1)[0].capitalize() or None
    return None


@given(st.text())
@example(" a")
@example("a ")
@example("a  b")
@example("a\u00a0b")
@example("a\tb\nc")
@example("\u3000x\u2028y")
@example("a\u200bb")
def test_clean_is_splitting_on_whitespace_and_joining_with_one_space(text: str) -> None:
    assert clean(text) == " ".join(text.split())


@given(st.text())
@example("Sergey")
@example("Ärger Россия")
@example("\u2460 x")
@example("\u0283\u0444")
@example("\u4e2d\u56fd")
def test_script_of_is_the_script_of_the_first_letter_beyond_latin(text: str) -> None:
    assert script_of(text) == _script_by_every_character(text)
