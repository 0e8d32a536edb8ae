"""What counts as a written number in prose, shared by every check that looks for a figure.

One definition serves both the figure checks (is 1,402 written in this quote?) and the document
checks (does this quote start or end inside a number of the original?):

* digits, grouped by thousands with one separator used throughout (``1,402``, ``1 402``, and the
  no-break, thin and narrow no-break spaces), or not grouped (``1402``); a scale word multiplies
  (``1.2 million``);
* English words from zero to 999 (``four``, ``twenty-one``, ``a hundred and five``);
* a number that is part of a date (``Oct. 10``, ``2024-06-20``, ``20/06/2024``), an ordinal
  (``12th``), a year (an ungrouped ``1800``-``2199``), a time, a percentage, an amount of money,
  a decimal or a code glued to letters (``A320``, ``5G``) is written, but it is not a *count*:
  a figure is found only where it is written as a count.

A figure checker that is fooled by ``24`` inside ``243`` accepts wrong figures, which is worse
than refusing a right one: where prose is ambiguous (``2000 troops`` reads as a year), this
module refuses, and the finding says how the number was read.
"""

from __future__ import annotations

import bisect
import enum
import re

import attrs

__all__ = [
    "NumberKind",
    "WrittenNumber",
    "counts_in",
    "cut_inside_token",
    "direction_of",
    "number_words",
    "occurs_in",
    "readings_of",
    "written_numbers",
]


class NumberKind(str, enum.Enum):
    """How a written number reads: only a ``count`` can state a figure."""

    COUNT = "count"
    DATE = "date"
    YEAR = "year"
    ORDINAL = "ordinal"
    TIME = "time"
    PERCENT = "percentage"
    MONEY = "amount of money"
    DECIMAL = "decimal"
    CODE = "code"


@attrs.frozen
class WrittenNumber:
    """A number written in digits, where it stands, and how it reads.

    ``value`` is None for a decimal that is not a whole number; ``sign`` is -1 or +1 when a
    minus or plus sign is written right before the digits, else 0.
    """

    value: int | None
    kind: NumberKind
    start: int
    end: int
    sign: int = 0


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


_WORD_VALUES = {word: value for value, word in enumerate(_ONES)} | {
    word: 10 * index for index, word in enumerate(_TENS) if word}
_WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_BELOW_100 = (rf"(?:(?:{'|'.join(_TENS[2:])})(?:[-\s]+(?:{_UNIT}))?"
              rf"|{'|'.join(reversed(_ONES[10:]))}|{_UNIT}|zero)")
_HUNDREDS = rf"(?:(?:a|{_UNIT})\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?)"
# One well-formed number in words is one token: "twenty four" is 24, and "four" is not in it;
# "five and eight" stays two numbers.
_WORDS = re.compile(
    rf"(?<![\w-])(?:a\s+dozen|(?:{_HUNDREDS}|{_BELOW_100}|a)\s+(?:thousand|million|billion)"
    rf"|{_HUNDREDS}|{_BELOW_100})(?![\w]|-\w)",
    re.IGNORECASE,
)
_WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}


def _words_value(text: str) -> int | None:
    """The value of a run of number words (``a hundred and five``), or None if it is no number."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words == ["a", "dozen"]:
        return 12
    total = current = 0
    for word in words:
        if word == "a":
            current += 1
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _WORD_SCALES[word]
            current = 0
    return total + current


# --- digits ------------------------------------------------------------------------------------

#: Characters that group thousands; one number uses one of them throughout.
_GROUP = ",\u00a0\u2009\u202f\u2007 "
_DIGITS = re.compile(
    rf"(?P<num>[1-9]\d{{0,2}}(?P<sep>[{_GROUP}])\d{{3}}(?:(?P=sep)\d{{3}})*(?!\d)|\d+)"
    r"(?P<frac>\.\d+)?"
)
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₩₽]|\b(?:US|USD|KRW|EUR|GBP|RUB)\s?\$?\s?)$")
_CURRENCY_AFTER = re.compile(r"\s?(?:won|dollars?|euros?|pounds?|roubles?|rubles?|yuan)\b",
                             re.IGNORECASE)

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
# Month names are matched with their capital (``may`` is a verb); the rest ignores case.
_DATES = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"                         # 2024-06-20
    rf"|\b\d{{1,4}}[/.]\d{{1,2}}[/.]\d{{1,4}}\b"                 # 20/06/2024, 20.6.2024
    rf"|\b(?:19|20)\d{{2}}[-\u2013/](?:\d{{2}})\b"               # 2023-24, 2023/24
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"  # Oct. 10, June 20, 2024
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"  # 20 June 2024
    rf"|\b{_MONTH},?\s+\d{{4}}\b"                                # June 2024
    r"|\d{4}\s?년(?:\s?\d{1,2}\s?월)?(?:\s?\d{1,2}\s?일)?|\d{1,2}\s?월(?:\s?\d{1,2}\s?일)?"
)
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_YEARS = range(1800, 2200)
_YEAR_DIGITS = 4
_MAX_DIGITS = 30  # a figure has far fewer; int() of a huge digit string is slow


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _kind(text: str, match: re.Match[str], dates: list[tuple[int, int]],
          times: list[tuple[int, int]]) -> tuple[NumberKind, int]:
    """How the digits of ``match`` read, and the scale they are multiplied by."""
    start, end = match.span()
    before, after = text[max(0, start - 8):start], text[end:end + 24]
    kind = _context_kind(before, after)
    if kind is None and _inside(dates, start, end):
        kind = NumberKind.DATE
    elif kind is None and _inside(times, start, end):
        kind = NumberKind.TIME
    if kind is not None:
        return kind, 1
    scale = _SCALE.match(after)
    if scale:
        return NumberKind.COUNT, _SCALES[scale.group(1).lower()]
    return _form_kind(match), 1


def _context_kind(before: str, after: str) -> NumberKind | None:
    """What the characters around a number make of it: a code, an ordinal, a percentage, money."""
    if before[-1:].isalpha() or (before[-1:] == "-" and before[-2:-1].isalpha()):
        return NumberKind.CODE  # A320, Su-35
    if _ORDINAL.match(after):
        return NumberKind.ORDINAL
    if (after[:1].isascii() and after[:1].isalpha()) or after[:1] == "_":  # 5G; not 243개
        return NumberKind.CODE
    if _PERCENT.match(after):
        return NumberKind.PERCENT
    if _CURRENCY_BEFORE.search(before.rstrip("+-\u2212")) or _CURRENCY_AFTER.match(after):
        return NumberKind.MONEY
    return None


def _form_kind(match: re.Match[str]) -> NumberKind:
    """What the digits themselves make of a number: a decimal, a code, a year, or a count."""
    digits = match.group("num")
    if match.group("frac"):
        return NumberKind.DECIMAL
    if len(digits) > 1 and digits[0] == "0":  # 007, 0800
        return NumberKind.CODE
    if len(digits) == _YEAR_DIGITS and int(digits) in _YEARS:
        return NumberKind.YEAR
    return NumberKind.COUNT


def _value(match: re.Match[str], scale: int) -> int | None:
    digits = re.sub(rf"[{_GROUP}]", "", match.group("num"))
    frac = match.group("frac") or ""
    if len(digits) + len(frac) > _MAX_DIGITS:
        return None
    numerator = int(digits + frac[1:])
    denominator = 10 ** max(len(frac) - 1, 0)
    value, rest = divmod(numerator * scale, denominator)
    return None if rest else value


def _sign(text: str, start: int) -> int:
    """A sign written right before the digits (not a hyphen joining two words or numbers)."""
    mark = text[start - 1:start]
    if mark in ("-", "\u2212", "+") and not text[start - 2:start - 1].isalnum():
        return 1 if mark == "+" else -1
    return 0


def written_numbers(text: str) -> list[WrittenNumber]:
    """Every number written in ``text`` (digits or words), in order, with how it reads."""
    dates = _spans(_DATES, text)
    times = _spans(_TIME, text)
    found = []
    for match in _DIGITS.finditer(text):
        kind, scale = _kind(text, match, dates, times)
        value = _value(match, scale)
        if value is None and kind is NumberKind.COUNT:
            kind = NumberKind.DECIMAL
        found.append(WrittenNumber(value, kind, match.start(), match.end(),
                                   _sign(text, match.start())))
    found += (WrittenNumber(_words_value(match.group()), NumberKind.COUNT, match.start(),
                            match.end()) for match in _WORDS.finditer(text))
    return sorted(found, key=lambda w: w.start)


def occurs_in(n: int, text: str) -> bool:
    """Whether the figure ``n`` is written as a count in ``text``, in digits or in words."""
    target = abs(n)
    return any(w.value == target and w.kind is NumberKind.COUNT for w in written_numbers(text))


def counts_in(text: str) -> list[int]:
    """The distinct values written as counts in ``text``, in order of appearance."""
    return list(dict.fromkeys(w.value for w in written_numbers(text)
                              if w.kind is NumberKind.COUNT and w.value is not None))


def readings_of(n: int, text: str) -> list[NumberKind]:
    """How ``n`` is written in ``text`` when not as a count (``[year]``), for messages."""
    return list(dict.fromkeys(w.kind for w in written_numbers(text)
                              if w.value == abs(n) and w.kind is not NumberKind.COUNT))


def cut_inside_token(text: str) -> frozenset[int]:
    """Offsets of ``text`` where a quote may not begin or end.

    That is inside a word (between two letters or digits, or at a hyphen joining two words:
    ``twenty-|one``), inside a written number (``1,|402``, ``1 |402``, ``1.|5``, ``twenty
    |four``) and inside a numeric date (``2024-|06-20``).
    """
    cuts = set()
    for i in range(1, len(text)):
        left, right = text[i - 1], text[i]
        if (left.isalnum() and right.isalnum()) or (
                left == "-" and right.isalnum() and text[i - 2:i - 1].isalnum()) or (
                right == "-" and left.isalnum() and text[i + 1:i + 2].isalnum()):
            cuts.add(i)
    for pattern in (_DIGITS, _NUMERIC_DATE, _WORDS):
        for match in pattern.finditer(text):
            cuts.update(range(match.start() + 1, match.end()))
    return frozenset(cuts)


_DOWN = re.compile(
    r"\b(?:cut|cuts|cutting|reduc\w*|remov\w*|delet\w*|drop\w*|fewer|less|lower\w*|decreas\w*"
    r"|minus|shr[iau]nk\w*|eliminat\w*|exclud\w*|delist\w*|lift\w*|merg\w*|consolidat\w*"
    r"|struck|strik\w*|withdr[ae]w\w*|down|out)\b", re.IGNORECASE)
_UP = re.compile(
    r"\b(?:add|adds|added|adding|addition\w*|increas\w*|more|rais\w*|expand\w*|plus|grew|grow\w*"
    r"|rose|extra|new|includ\w*|up)\b", re.IGNORECASE)


def direction_of(n: int, text: str) -> int:
    """Whether ``text`` says ``n`` items were added (+1), taken away (-1), or does not say (0).

    A sign written before the number decides; otherwise words of one direction only (``cut``,
    ``removed``; ``added``, ``more``) do. Words of both directions, or none, say nothing.
    """
    for w in written_numbers(text):
        if w.value == abs(n) and w.kind is NumberKind.COUNT and w.sign:
            return w.sign
    down, up = bool(_DOWN.search(text)), bool(_UP.search(text))
    return 0 if down == up else (-1 if down else 1)
