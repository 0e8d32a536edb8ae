"""What counts as a written number in prose, shared by every check that looks for a figure.

One definition serves both the figure checks (is 1,402 written in this quote?) and the document
checks (does this quote start or end inside a number of the original, and does every number in
it read there as it reads in the quote?):

* digits, grouped by thousands with one separator used throughout (``1,402``, ``1'402``, or
  the no-break, thin, narrow no-break and figure spaces), or not grouped (``1402``); a scale
  word multiplies (``1.2 million``);
* English words from zero to the billions (``four``, ``twenty-one``, ``two thousand four
  hundred``), each well-formed run one number: ``four`` is not in ``twenty four``;
* a number is a *count* only when nothing around it makes it something else. Part of a date
  (``Oct. 10``, ``20-Jun-2024``, ``June 20-21``), an ordinal (``12th``), a year (an ungrouped
  ``1800``-``2199``), a time (``10 a.m.``), a percentage, an amount of money, a measure (``4
  years``), a range (``200-300``), a decimal, a code or reference (``A320``, ``Resolution
  2397``, a phone number, a URL), a number grouped irregularly (``1,40,200``, ``1,5``) and a
  number grouped by an ordinary space (``2 243``: phase 2 and 243 items, or 2,243?) are written,
  but they are not counts.

A figure checker that is fooled by ``24`` inside ``243`` accepts wrong figures, which is worse
than refusing a right one: where prose is ambiguous, this module refuses, and the finding says
how the number was read.
"""

from __future__ import annotations

import bisect
import enum
import functools
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
    "role_of",
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
    MEASURE = "measure"
    RANGE = "range"
    DECIMAL = "decimal"
    CODE = "code or reference"
    IRREGULAR = "irregularly grouped number"
    AMBIGUOUS = "number grouped by an ordinary space"
    APPROXIMATE = "bound or estimate"


@attrs.frozen
class WrittenNumber:
    """A number written in ``text[start:end]``, and how it reads.

    ``value`` is None for a decimal that is not a whole number (and for what is no number at
    all); ``sign`` is -1 or +1 when a minus or plus sign is written right before the digits.
    """

    value: int | None
    kind: NumberKind
    start: int
    end: int
    sign: int = 0


# --- words ---------------------------------------------------------------------------------------

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
_BELOW_1000 = rf"(?:(?:a|{_BELOW_100})\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
_SCALED = rf"(?:(?:{_BELOW_1000}|a)\s+(?:billion|million|thousand))"
# One well-formed number in words is one token: "twenty four" is 24, "two thousand four
# hundred" is 2,400 and "fifteen hundred" 1,500; "five and eight" stays two numbers. ASCII
# only, so that case folding cannot turn a long s (U+017F) into an "s".
_WORDS = re.compile(
    rf"(?<![\w-])(?:a\s+dozen|{_SCALED}(?:,?\s+(?:and\s+)?{_SCALED})*"
    rf"(?:,?\s+(?:and\s+)?{_BELOW_1000})?|{_BELOW_1000})(?![\w]|-\w)",
    re.IGNORECASE | re.ASCII,
)


def _words_value(text: str) -> int:
    """The value of a well-formed run of number words (``a hundred and five``)."""
    words = [w for w in re.split(r"[\s,-]+", text.lower()) if w and w != "and"]
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

#: Characters that group thousands unambiguously (the space family after normalisation is
#: the narrow no-break space, U+202F). One number uses one of them throughout.
_GROUP = ",'\u00a0\u2009\u202f\u2007\uff0c"
# A run of digits joined by single separators is one token, well-formed or not: a quote can
# never begin or end inside it, and only a well-formed one can be a count.
_RUN = re.compile(rf"\d+(?:[{_GROUP}.]\d+)*")
_GROUPED = re.compile(rf"[1-9]\d{{0,2}}(?P<sep>[{_GROUP}])\d{{3}}(?:(?P=sep)\d{{3}})*")
_DECIMAL = re.compile(r"(?P<int>\d+|[1-9]\d{0,2}(?P<sep>[,'\u202f])\d{3}(?:(?P=sep)\d{3})*)"
                      r"\.(?P<frac>\d+)")
# Digits grouped by an ordinary space read two ways ("phase 2 243 items"): one ambiguous token.
_SPACED = re.compile(r"(?<![\d.,'])[1-9]\d{0,2}(?: \d{3})+(?![\d]|[.,']\d)")

_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)",
                      re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(
    r"(?:[$€£¥₩₽₹]|\b(?:US|USD|KRW|EUR|GBP|RUB|CHF|JPY|CNY|Rs)\s?\$?\s?)$")
_CURRENCY_AFTER = re.compile(
    r"\s?(?:(?:swiss|us|u\.s\.|hong\s+kong|taiwan|korean|russian|chinese|japanese|euro)\s+)?"
    r"(?:[$€£¥₩₽]|(?:won|dollars?|euros?|pounds?|roubles?|rubles?|yuan|yen|francs?|rupees?"
    r"|usd|eur|krw|gbp|rub|chf|jpy|cny)\b)", re.IGNORECASE)
_MEASURE_AFTER = re.compile(
    r"\s?(?:tons?|tonnes?|kg|kilograms?|km|kilometres?|kilometers?|miles?|metres?|meters?|m"
    r"|barrels?|litres?|liters?|gallons?|hours?|days?|weeks?|months?|years?|minutes?|seconds?"
    r"|times|fold|bpd|mw|gw|kw)\b", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:resolutions?|no|nos|number|art|article|section|sec|decree|order|notice|page|pp?"
    r"|chapter|annex|paragraph|para|law|act|regulations?|rule|case|file|ref|reference|id|code"
    r"|model|type|flight|route|phase|stage|round|level|tier|class|grade|batch|version|vol"
    r"|volume|issue|part|item|unit|room|box|platform|gate|line|lot|series)\.?\s*[#№]?\s*$"
    r"|[#№]\s*$", re.IGNORECASE)

# "more than 1,400", "about 240", "up to 300", "1,400 or more": a bound or an estimate, not
# the exact count a figure is.
_APPROXIMATE_BEFORE = re.compile(
    r"\b(?:more|fewer|less|greater|higher|lower)\s+than\s*$|\b(?:at\s+least|at\s+most|up\s+to"
    r"|about|around|approximately|approx\.?|roughly|nearly|almost|some|over|under|above|below"
    r"|circa|ca\.|c\.|estimated|an\s+estimated|upwards\s+of|close\s+to|as\s+many\s+as"
    r"|no\s+more\s+than|no\s+fewer\s+than|just\s+over|just\s+under|well\s+over|several)\s*$"
    r"|[~≈<>≤≥]\s*$", re.IGNORECASE)
_APPROXIMATE_AFTER = re.compile(r"\s*(?:\+(?!\d)|or\s+(?:more|so|fewer|less)\b|-odd\b|odd\b"
                                r"|plus\b)", re.IGNORECASE)
_MONTH_NAME = (r"(?:january|february|march|april|june|july|august|september|october|november"
               r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
# "may" is a verb: the month is matched only as May or MAY.
_MONTH = rf"(?:(?i:{_MONTH_NAME})|May|MAY)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATES = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"                                  # 2024-06-20
    rf"|\b\d{{1,4}}[/.]\d{{1,2}}[/.]\d{{1,4}}\b"                          # 20/06/2024
    rf"|\b\d{{1,2}}[-/ ]{_MONTH}[-/ ]\d{{2,4}}\b"                         # 20-Jun-2024
    rf"|\b(?:19|20)\d{{2}}[-\u2013/]\d{{2}}\b"                            # 2023-24
    rf"|\b{_MONTH}\s+{_DAY}(?:\s*(?:[-\u2013]|to|and)\s*{_DAY})?(?:,?\s+\d{{4}})?"
    rf"|\b{_DAY}(?:\s*(?:[-\u2013]|to|and)\s*{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\b{_MONTH},?\s+\d{{4}}\b"                                         # June 2024
    r"|\d{4}\s?년(?:\s?\d{1,2}\s?월)?(?:\s?\d{1,2}\s?일)?|\d{1,2}\s?월(?:\s?\d{1,2}\s?일)?"
)
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_TIME = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\b|\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.?m\.?)(?!\w)"
                   r"|\b\d{1,2}\s?o'clock\b", re.IGNORECASE)
_CHAIN = re.compile(r"\d+(?:[-\u2013]\d+){2,}")                  # 02-1234-5678
_RANGE = re.compile(r"\d+\s?[-\u2013]\s?\d+")                     # 200-300
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_YEARS = range(1800, 2200)
_YEAR_DIGITS = 4
_MAX_DIGITS = 30  # a figure has far fewer; int() of a huge digit string is slow


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted ``spans``."""
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    while i >= 0 and spans[i][1] > start:
        if spans[i][0] <= start and end <= spans[i][1]:
            return True
        i -= 1
    return False


@attrs.frozen
class _Context:
    """Spans of ``text`` that make the numbers inside them something other than counts."""

    spans: tuple[tuple[NumberKind, list[tuple[int, int]]], ...]

    @classmethod
    def of(cls, text: str) -> _Context:
        return cls((
            (NumberKind.CODE, _spans(_URL, text)),
            (NumberKind.DATE, _spans(_DATES, text)),
            (NumberKind.TIME, _spans(_TIME, text)),
            (NumberKind.CODE, _spans(_CHAIN, text)),
            (NumberKind.RANGE, _spans(_RANGE, text)),
        ))

    def kind_at(self, start: int, end: int) -> NumberKind | None:
        for kind, spans in self.spans:
            if _inside(spans, start, end):
                return kind
        return None


def _context_kind(text: str, start: int, end: int) -> NumberKind | None:  # noqa: PLR0911 (a rule each)
    """What the characters right around a number make of it."""
    before, after = text[max(0, start - 24):start], text[end:end + 24]
    if before[-1:].isalpha() or (before[-1:] == "-" and before[-2:-1].isalpha()):
        return NumberKind.CODE  # A320, Su-35
    if _ORDINAL.match(after):
        return NumberKind.ORDINAL
    if (after[:1].isascii() and after[:1].isalpha()) or after[:1] in ("_", "/"):
        return NumberKind.CODE  # 5G, 24/7; not 243개
    if before[-1:] in ("/", "#", "@", "=", "&"):
        return NumberKind.CODE
    if _PERCENT.match(after):
        return NumberKind.PERCENT
    if _CURRENCY_BEFORE.search(before.rstrip("+-\u2212")) or _CURRENCY_AFTER.match(after):
        return NumberKind.MONEY
    if _REFERENCE_BEFORE.search(before):
        return NumberKind.CODE
    if _APPROXIMATE_BEFORE.search(before) or _APPROXIMATE_AFTER.match(after):
        return NumberKind.APPROXIMATE
    return None


def _digit_token(text: str, start: int, end: int) -> tuple[NumberKind, int | None]:  # noqa: PLR0911
    """How a run of digits (and separators) reads by its form alone, and its value."""
    token = text[start:end]
    if _GROUPED.fullmatch(token) or token.isdigit():
        digits = re.sub(rf"[{_GROUP}]", "", token)
        if len(digits) > _MAX_DIGITS:
            return NumberKind.IRREGULAR, None
        if len(digits) > 1 and digits[0] == "0":  # 007, 0800
            return NumberKind.CODE, int(digits)
        if len(digits) == _YEAR_DIGITS and token.isdigit() and int(digits) in _YEARS:
            return NumberKind.YEAR, int(digits)
        return NumberKind.COUNT, int(digits)
    decimal = _DECIMAL.fullmatch(token)
    if decimal and len(token) <= _MAX_DIGITS:
        whole = re.sub(rf"[{_GROUP}]", "", decimal.group("int"))
        frac = decimal.group("frac")
        numerator, denominator = int(whole + frac), 10 ** len(frac)
        scale = _SCALE.match(text, end)
        if scale:
            value, rest = divmod(numerator * _SCALES[scale.group(1).lower()], denominator)
            return (NumberKind.COUNT, value) if not rest else (NumberKind.DECIMAL, None)
        return NumberKind.DECIMAL, None
    return NumberKind.IRREGULAR, None


def _sign(text: str, start: int) -> int:
    """A sign written right before the digits (not a hyphen joining two words or numbers)."""
    mark = text[start - 1:start]
    if mark in ("-", "\u2212", "+") and not text[start - 2:start - 1].isalnum():
        return 1 if mark == "+" else -1
    return 0


def _number_runs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, spaced) of every run of digits; ``spaced`` for ordinary-space grouping."""
    spaced = _spans(_SPACED, text)
    runs = [(s, e, True) for s, e in spaced]
    covered = iter(spaced)
    current = next(covered, None)
    for match in _RUN.finditer(text):
        while current is not None and current[1] <= match.start():
            current = next(covered, None)
        if current is not None and current[0] <= match.start() < current[1]:
            continue
        runs.append((match.start(), match.end(), False))
    return sorted(runs)


def written_numbers(text: str) -> tuple[WrittenNumber, ...]:
    """Every number written in ``text`` (digits or words), in order, with how it reads.

    Short texts (quotes) are cached: the checks of one record read its quote for every figure,
    role and direction. A document is read once, and never kept by the cache.
    """
    return _quote_numbers(text) if len(text) <= _CACHED_LENGTH else _numbers_of(text)


_CACHED_LENGTH = 2_000


@functools.lru_cache(maxsize=1024)
def _quote_numbers(text: str) -> tuple[WrittenNumber, ...]:
    return _numbers_of(text)


def _numbers_of(text: str) -> tuple[WrittenNumber, ...]:
    context = _Context.of(text)
    found = []
    for start, end, spaced in _number_runs(text):
        if spaced:
            found.append(WrittenNumber(None, NumberKind.AMBIGUOUS, start, end))
            continue
        kind, value = _digit_token(text, start, end)
        around = context.kind_at(start, end) or _context_kind(text, start, end)
        if around is not None and kind in (NumberKind.COUNT, NumberKind.YEAR):
            kind = around
        elif kind is NumberKind.COUNT and _MEASURE_AFTER.match(text, end):
            kind = NumberKind.MEASURE
        elif kind is NumberKind.COUNT and value is not None and "." not in text[start:end]:
            scale = _SCALE.match(text, end)
            if scale:
                value *= _SCALES[scale.group(1).lower()]
        found.append(WrittenNumber(value, kind, start, end, _sign(text, start)))
    found += (WrittenNumber(_words_value(match.group()), NumberKind.COUNT, match.start(),
                            match.end()) for match in _WORDS.finditer(text))
    return tuple(sorted(found, key=lambda w: w.start))


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
    target = abs(n)
    kinds = []
    for w in written_numbers(text):
        if w.kind is NumberKind.COUNT:
            continue
        digits = re.sub(r"\D", "", text[w.start:w.end])
        if w.value == target or (digits and digits.lstrip("0") == str(target)):
            kinds.append(w.kind)
    return list(dict.fromkeys(kinds))


class TokenSpans:
    """Where a quote may not begin or end in a text: inside a word, a number or a numeric date.

    Kept as sorted spans, not as a set of offsets, so that a large document costs memory in
    proportion to its numbers, not to its length.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [(s, e) for s, e, _ in _number_runs(text)]
        spans += _spans(_NUMERIC_DATE, text) + _spans(_WORDS, text) + _spans(_CHAIN, text)
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def __contains__(self, offset: object) -> bool:
        """Whether a quote may not begin or end at ``offset``."""
        if not isinstance(offset, int) or offset <= 0 or offset >= len(self.text):
            return False
        text = self.text
        left, right = text[offset - 1], text[offset]
        if (left.isalnum() and right.isalnum()) or (
                left == "-" and right.isalnum() and text[offset - 2:offset - 1].isalnum()) or (
                right == "-" and left.isalnum() and text[offset + 1:offset + 2].isalnum()):
            return True
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0 and offset - self.starts[i] <= self.longest:
            start, end = self.spans[i]
            if start < offset < end:
                return True
            i -= 1
        return False


def cut_inside_token(text: str) -> TokenSpans:
    """Offsets of ``text`` where a quote may not begin or end (``offset in result``).

    That is inside a word (between two letters or digits, or at a hyphen joining two words:
    ``twenty-|one``), inside a written number (``1,|402``, ``1 |402``, ``1.|5``, ``twenty
    |four``, ``1,40,|200``) and inside a numeric date or a phone number (``2024-|06-20``).
    """
    return TokenSpans(text)


_DOWN = re.compile(
    r"\b(?:cut|cuts|cutting|reduc\w*|remov\w*|delet\w*|drop\w*|fewer|less|lower\w*|decreas\w*"
    r"|declin\w*|fell|fall\w*|minus|shr[iau]nk\w*|eliminat\w*|exclud\w*|delist\w*|lift\w*"
    r"|merg\w*|consolidat\w*|struck|strik\w*|withdr[ae]w\w*|down|out|off|no\s+longer"
    r"|taken\s+off|scrapp\w*|revok\w*|rescind\w*|unlist\w*|freed|fre(?:e|es|eing)\s+from"
    r"|exempt\w*|releas\w*|remov\w*)\b", re.IGNORECASE)
_UP = re.compile(
    r"\b(?:add|adds|added|adding|addition\w*|increas\w*|more|rais\w*|expand\w*|plus|grew|grow\w*"
    r"|rose|rise|rising|extra|new|includ\w*|up|gain\w*|design\w*|impos\w*|reinstat\w*"
    r"|restor\w*|re-?list\w*|put\s+back)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|n't|neither|nor|without|fail\w*\s+to)\b|n't\b",
                       re.IGNORECASE)
# Punctuation and conjunctions end a clause; "before" and "after" do not ("total before 766").
_CLAUSE = re.compile(r"[.;:!?,(){}\[\]]|\s(?:and|but|while|whereas)\s", re.IGNORECASE)


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before and after ``text[start:end]``."""
    bounds = [m.span() for m in _CLAUSE.finditer(text)]
    left = max((e for s, e in bounds if e <= start), default=0)
    right = min((s for s, e in bounds if s >= end), default=len(text))
    return text[left:start], text[end:right]


def direction_of(n: int, text: str) -> int:
    """Whether ``text`` says ``n`` items were added (+1), taken away (-1), or does not say (0).

    A sign written before the number decides; otherwise the nearest direction word before the
    number in its clause (``cut 30``, ``added 5``), or else the first one after it (``30 items
    were taken off``). A quote that writes the number twice in different directions says
    nothing.
    """
    said = set()
    for w in written_numbers(text):
        if w.value != abs(n) or w.kind is not NumberKind.COUNT:
            continue
        if w.sign:
            said.add(w.sign)
            continue
        before, after = _clause(text, w.start, w.end)
        if _NEGATION.search(before):
            said.add(0)  # "did not add 3 items": no direction can be read
            continue
        cues = [(m.end(), -1) for m in _DOWN.finditer(before)]
        cues += [(m.end(), 1) for m in _UP.finditer(before)]
        if cues:
            said.add(max(cues)[1])
            continue
        later = [(m.start(), -1) for m in _DOWN.finditer(after)]
        later += [(m.start(), 1) for m in _UP.finditer(after)]
        if later:
            said.add(min(later)[1])
    return said.pop() if len(said) == 1 else 0


# --- what a number is said to be ----------------------------------------------------------------

_I = re.IGNORECASE
_SUBJECT_NOUNS = (
    ("vessels", re.compile(r"(?:ships?|vessels?|tankers?|boats?|carriers?|freighters?)\b", _I)),
    ("entities", re.compile(r"(?:entit(?:y|ies)|compan(?:y|ies)|firms?|organi[sz]ations?"
                            r"|institutions?|banks?|businesses|groups?|corporations?)\b", _I)),
    ("individuals", re.compile(r"(?:individuals?|people|persons?|officials?|nationals?"
                               r"|executives?|men|women)\b", _I)),
)
_ROLE_BEFORE = (
    ("total_before", re.compile(r"\b(?:existing|previous(?:ly)?|from|had|before)\b", _I)),
    ("total_after", re.compile(r"\b(?:total(?:ing|ling|s|led|ed)?|to|now|reach\w*|leaving"
                               r"|has|have|holds|contains|counts|comprises|numbers"
                               r"|stood\s+at|stands\s+at|bringing\b.*\bto)\b", _I)),
    ("added", re.compile(r"\b(?:add(?:s|ed|ing)?|designat\w*|includ\w*|grew\s+by"
                         r"|expand\w*\s+by|increas\w*\s+by)\b", _I)),
    ("removed", re.compile(r"\b(?:remov\w*|delist\w*|drop\w*|cut|lift\w*|fell\s+by"
                           r"|reduc\w*\s+by)\b", _I)),
)
_ROLE_AFTER = (
    ("added", re.compile(r"^\W*(?:\w+\s+){0,3}?(?:additional|more|new|were\s+added"
                         r"|was\s+added|added)\b", re.IGNORECASE)),
    ("removed", re.compile(r"^\W*(?:\w+\s+){0,3}?(?:were\s+removed|was\s+removed|removed"
                           r"|taken\s+off|delisted)\b", _I)),
)
_WORD_WINDOW = re.compile(r"(?:\S+\s+){0,4}\S*$")


def role_of(n: int, text: str) -> str | None:
    """What the words around ``n`` say it is, when they say it clearly, else None.

    For a count of subjects, the noun after it (``five entities``: ``entities``); for an update
    of a list, the nearest cue before it in its clause (``the existing 1,159``: ``total_before``;
    ``totaling 1,402``: ``total_after``; ``added 243``: ``added``), or else one after it
    (``243 additional items``, ``40 items were added``). A number written twice in two roles
    has none.
    """
    roles = set()
    for w in written_numbers(text):
        if w.value != abs(n) or w.kind is not NumberKind.COUNT:
            continue
        before, after = _clause(text, w.start, w.end)
        if _NEGATION.search(before):
            roles.add("negated")  # "did not add 3 items": whatever it is, it did not happen
            continue
        noun = next((name for name, pattern in _SUBJECT_NOUNS
                     if re.match(rf"[\s-]*(?:[^\W\d]+[\s-]+){{0,2}}?{pattern.pattern}",
                                 after, re.IGNORECASE)), None)
        if noun is not None:
            roles.add(noun)
            continue
        window = _WORD_WINDOW.search(before)
        near = window.group() if window else ""
        cues = [(m.end(), name) for name, pattern in _ROLE_BEFORE for m in pattern.finditer(near)]
        if cues:
            roles.add(max(cues)[1])
            continue
        later = next((name for name, pattern in _ROLE_AFTER if pattern.match(after)), None)
        if later is not None:
            roles.add(later)
    return roles.pop() if len(roles) == 1 else None
