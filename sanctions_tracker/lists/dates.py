"""Dates as official lists write them, read without guessing.

Every form the reference lists use is read into a :class:`DateValue` that keeps the raw text and
the precision: ``d.m.yyyy`` and ``9 August 2025`` (EU), ``dd/mm/yyyy`` with ``00`` for an unknown
day or month (UK), ``yyyy-mm-dd`` with a UTC offset (UN ``LISTED_ON``: the offset is set aside,
where ``datetime.fromisoformat`` would read ``-04:00`` as a time of day), ``10 Oct 1969``,
``circa 1970`` and ``1962 to 1964`` (OFAC). Anything else has precision ``unknown``.
"""

from __future__ import annotations

import functools
import re

from .model import DateValue, Precision

__all__ = ["has_offset", "parse_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?")
_NUMERIC = re.compile(r"(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})\.?")
_MONTH_YEAR_NUMERIC = re.compile(r"(\d{1,2})/(\d{4})")
_YEAR = re.compile(r"(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WORDS = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(\d{4})")
_CIRCA = re.compile(r"(?:circa|c\.|approximately|approx\.)\s*(.+)", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"(\d{4})\s*[-\u2013]\s*(\d{4})")
_RANGE = re.compile(r"(.+?)\s+(?:to|-|\u2013)\s+(.+)")


# The days of each month (February in a leap year) and the two digits of 0..31: a date is
# checked and written without making a datetime.date (0.5 us -> 0.3 us a date, and each of the
# 10,000 distinct dates of the reference lists is read once).
_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_TWO_DIGITS = tuple(f"{n:02d}" for n in range(32))


def _iso(year: int, month: int, day: int) -> tuple[str, Precision] | None:
    """The ISO prefix and precision of a numeric date; ``00`` day or month means unknown.

    None for a day the month does not have, or a whole date outside years 1-9999 (what
    ``datetime.date`` refuses; a year or a month alone may be 0000).
    """
    text = str(year) if year > 999 else f"{year:04d}"
    if month == 0:
        return (text, Precision.YEAR) if day == 0 else None
    if not 0 < month <= 12:
        return None
    if day == 0:
        return f"{text}-{_TWO_DIGITS[month]}", Precision.MONTH
    if not 0 < day <= _MONTH_DAYS[month] or not 0 < year <= 9999 or (
            day == 29 and month == 2 and not _leap(year)):
        return None
    return f"{text}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}", Precision.EXACT


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _single(text: str) -> tuple[str, Precision] | None:
    words = _in_words(text.split(" "))
    if words is not None:
        return words or None
    return _by_pattern(text)


def _by_pattern(text: str) -> tuple[str, Precision] | None:  # noqa: PLR0911 (one per form)
    """Every single-date form, one pattern after another (what :func:`_in_words` must match)."""
    match = _ISO.fullmatch(text)
    if match:
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    match = _NUMERIC.fullmatch(text)
    if match:
        return _iso(int(match[3]), int(match[2]), int(match[1]))
    match = _YEAR.fullmatch(text)
    if match:
        return _ascii(match[1]), Precision.YEAR
    match = _ISO_MONTH.fullmatch(text)
    if match:
        return _iso(int(match[1]), int(match[2]), 0)
    match = _MONTH_YEAR_NUMERIC.fullmatch(text)
    if match:
        return _iso(int(match[2]), int(match[1]), 0)
    match = _WORDS.fullmatch(text)
    if match:
        month = _MONTHS.get(match[2].lower())
        if month is None:
            return None
        return _iso(int(match[3]), month, int(match[1] or 0))
    return None


def _ascii(year: str) -> str:
    r"""A year in ASCII digits (``\d`` matches Arabic-Indic digits too; ISO dates never do)."""
    return year if year.isascii() else f"{int(year):04d}"


def _in_words(parts: list[str]) -> tuple[str, Precision] | tuple[()] | None:
    """``10 Oct 1969``, ``Oct 1969``, ``1969``, ``17.3.2014``, ``22/08/1990`` (split into words).

    The shapes of nearly every date of the lists, read by splitting, where :func:`_by_pattern`
    tries up to six patterns (2.5 us a date; this 0.6 us): each distinct date of a list is read
    once, and that was a sixth of the time of reading an SDN snapshot. Gives what the patterns
    give, ``()`` where they match but read no date (a month name that is not one, 31.2.2014),
    and None for every other shape.
    """
    year = parts[-1]
    if len(parts) == 1 and len(year) > 4:
        return _numeric(year)
    if len(parts) > 3 or len(year) != 4 or not year.isdecimal():
        return None
    if len(parts) == 1:
        return _ascii(year), Precision.YEAR
    month_name = parts[-2]
    if not (month_name.isascii() and month_name.isalpha()):
        return None
    day = parts[0] if len(parts) == 3 else "0"
    if len(day) > 2 or not day.isdecimal():
        return None
    month = _MONTHS.get(month_name.lower())
    return () if month is None else (_iso(int(year), month, int(day)) or ())


def _numeric(word: str) -> tuple[str, Precision] | tuple[()] | None:
    """``17.3.2014`` (EU) or ``22/08/1990`` (UK), split at its separator as _NUMERIC reads it."""
    parts = word.split("." if "." in word else "/")
    if len(parts) != 3:
        return None
    day, month, year = parts
    if (0 < len(day) <= 2 and 0 < len(month) <= 2 and len(year) == 4
            and day.isdecimal() and month.isdecimal() and year.isdecimal()):
        return _iso(int(year), int(month), int(day)) or ()
    return None


@functools.lru_cache(maxsize=65536)
def parse_date(raw: str) -> DateValue:
    """Read one date; precision ``unknown`` (and no ISO value) when the text is not a date.

    Cached: lists repeat the same dates thousands of times (listing dates above all).
    """
    words = raw.split()
    single = _in_words(words) if words else None
    if single:  # the common case, with no other call (3.8 us -> 2.6 us a date)
        return DateValue(raw, single[1], single[0])
    text = " ".join(words)
    single = _by_pattern(text)  # what _single gives once _in_words has had its say
    if single is not None:
        return DateValue(raw=raw, precision=single[1], start=single[0])
    match = _CIRCA.fullmatch(text)
    if match:
        inner = _single(match[1])
        if inner is not None:
            return DateValue(raw=raw, precision=Precision.CIRCA, start=inner[0])
        text = match[1]  # "circa 1979-1982": a range, which already says it is approximate
    span = _range(text)
    if span is not None:
        return DateValue(raw=raw, precision=Precision.RANGE, start=span[0], end=span[1])
    return DateValue(raw=raw, precision=Precision.UNKNOWN)


def _range(text: str) -> tuple[str, str] | None:
    """``1962 to 1964``, ``01 Jan 1960 to 31 Dec 1962``, ``1979-1982``, first before last."""
    match = _YEAR_SPAN.fullmatch(text) or _RANGE.fullmatch(text)
    if match:
        first, last = _single(match[1]), _single(match[2])
        if first is not None and last is not None and first[0] <= last[0]:
            return first[0], last[0]
    return None


def has_offset(raw: str) -> bool:
    """Whether an ISO date carries a UTC offset (UN ``2015-07-01-04:00``)."""
    match = _ISO.fullmatch(raw.strip())
    return bool(match and match[4])
