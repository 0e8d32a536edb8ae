"""How a figure can be written in prose: 1402, 1,402, 1 402, or "four" and "twenty-one"."""

from __future__ import annotations

import functools
import re

__all__ = ["number_pattern", "number_words", "occurs_in"]

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORDS_UP_TO = 999


def number_words(n: int) -> list[str]:
    """English words for 0 to 999 (``twenty-one``, ``a hundred and five``); [] beyond that."""
    if n < 0 or n > _WORDS_UP_TO:
        return []
    if n < 20:
        words = [_ONES[n]]
        if n == 12:
            words.append("a dozen")
        return words
    if n < 100:
        tens, ones = divmod(n, 10)
        if ones == 0:
            return [_TENS[tens]]
        return [f"{_TENS[tens]}-{_ONES[ones]}", f"{_TENS[tens]} {_ONES[ones]}"]
    hundreds, rest = divmod(n, 100)
    heads = [f"{_ONES[hundreds]} hundred"] + (["a hundred"] if hundreds == 1 else [])
    if rest == 0:
        return heads
    return [f"{head}{joint}{tail}" for head in heads for joint in (" and ", " ")
            for tail in number_words(rest)]


@functools.lru_cache(maxsize=4096)
def number_pattern(n: int) -> re.Pattern[str]:
    """A pattern matching ``n`` as a whole number in prose, in digits or in words."""
    digits = str(abs(n))
    groups = f"{abs(n):,}"
    forms = {digits, groups, groups.replace(",", " "), groups.replace(",", "\u202f")}
    digit_part = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # Not part of a longer number: no digit, and no separator followed by a digit, either side.
    alternatives = [rf"(?<![\d])(?<![\d][.,])(?:{digit_part})(?![\d]|[.,]\d)"]
    words = number_words(abs(n))
    if words:
        word_part = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]")
                             for w in words)
        # "one" is not found inside "twenty-one", nor "twenty" inside it.
        alternatives.append(rf"(?<![\w-])(?:{word_part})(?![\w]|-\w)")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def occurs_in(n: int, text: str) -> bool:
    """Whether the figure ``n`` is written somewhere in ``text``."""
    return number_pattern(n).search(text) is not None
