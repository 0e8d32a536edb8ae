"""Dates as the lists write them: precision kept, nothing guessed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_tracker.lists.dates import _by_pattern, _iso, _single, has_offset, parse_date
from sanctions_tracker.lists.model import DateValue, Precision


@pytest.mark.parametrize(("raw", "precision", "start", "end"), [
    ("17.3.2014", Precision.EXACT, "2014-03-17", None),
    ("9.9. 2015", Precision.EXACT, "2015-09-09", None),
    ("9 August 2025", Precision.EXACT, "2025-08-09", None),
    ("10 Oct 1969", Precision.EXACT, "1969-10-10", None),
    ("Nov. 1973", Precision.MONTH, "1973-11", None),
    ("22/08/1990", Precision.EXACT, "1990-08-22", None),
    ("00/00/1965", Precision.YEAR, "1965", None),
    ("00/05/1965", Precision.MONTH, "1965-05", None),
    ("05/1965", Precision.MONTH, "1965-05", None),
    ("1966-03", Precision.MONTH, "1966-03", None),
    ("1970", Precision.YEAR, "1970", None),
    ("2015-07-01", Precision.EXACT, "2015-07-01", None),
    ("2015-07-01-04:00", Precision.EXACT, "2015-07-01", None),
    ("circa 1970", Precision.CIRCA, "1970", None),
    ("1962 to 1964", Precision.RANGE, "1962", "1964"),
    ("01 Jan 1960 to 31 Dec 1962", Precision.RANGE, "1960-01-01", "1962-12-31"),
    ("circa 1979-1982", Precision.RANGE, "1979", "1982"),
    ("1962 \u2013 1964", Precision.RANGE, "1962", "1964"),
])
def test_each_written_form_keeps_its_precision(raw: str, precision: Precision, start: str,
                                               end: str | None) -> None:
    value = parse_date(raw)
    assert (value.raw, value.precision, value.start, value.end) == (raw, precision, start, end)


@pytest.mark.parametrize("raw", ["31/02/1970", "21.13.2014", "N/D", "30-35 years old",
                                 "24/06/1402 (Hijri Calendar)", "1964 to 1962", "someday",
                                 "10 Brumaire 1799"])
def test_what_is_not_a_date_is_kept_raw_with_unknown_precision(raw: str) -> None:
    value = parse_date(raw)
    assert (value.precision, value.start, value.end, value.raw) == (
        Precision.UNKNOWN, None, None, raw)


def test_a_utc_offset_is_seen_and_not_read_as_a_time() -> None:
    assert has_offset("2015-07-01-04:00")
    assert has_offset("2015-07-01Z")
    assert not has_offset("2015-07-01")
    # the trap: the standard library reads the offset as a time of day
    assert dt.datetime.fromisoformat("2015-07-01-04:00").hour == 4


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_every_eu_and_uk_date_reads_back_exactly(day: dt.date) -> None:
    eu = parse_date(f"{day.day}.{day.month}.{day.year}")
    uk = parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}")
    assert eu.start == uk.start == day.isoformat()
    assert eu.precision is uk.precision is Precision.EXACT


_WORD = st.sampled_from(["1", "01", "00", "31", "29", "Feb", "feb", "FEB", "Sept", "Jan.", "Jan,",
                         "May", "Mai", "Oktober", "1970", "2024", "197", "19700", "١٩٧٠", "٣",
                         "İ", "K", "to", "1.2.1970", "12/1970", "1970-01", "-", "", "17.3.2014",
                         "00/00/1965", "31.2.2014", "1.13.2014", "1.2/1970", "17.3.2014.",
                         "\u0661.\u0662.\u0661\u0669\u0667\u0660", "1..1970", "001.2.1970",
                         "22/08/1990", "1/2/3/1970"])


@given(st.lists(_WORD, min_size=1, max_size=4).map(" ".join))
def test_dates_read_by_splitting_are_what_the_patterns_read(text: str) -> None:
    """The fast path for ``10 Oct 1969`` / ``Oct 1969`` / ``1969`` never answers otherwise."""
    assert _single(text) == _by_pattern(text)


@given(st.lists(st.sampled_from(["circa", "c.", "approximately", "about", "to", "-", "Jan", "1",
                                 "1970", "1971", "May", "  ", "\u00a0"]),
                min_size=1, max_size=5).map(" ".join))
def test_whole_dates_read_as_the_patterns_alone_read_them(raw: str) -> None:
    """parse_date's shortcut for the common shapes changes no answer (``circa 1970`` above all)."""
    text = " ".join(raw.split())
    expected = parse_date.__wrapped__(raw)
    single = _by_pattern(text)
    if single is not None:
        assert (expected.precision, expected.start) == (single[1], single[0])
    else:
        assert expected.precision in {Precision.CIRCA, Precision.RANGE, Precision.UNKNOWN}


def test_circa_with_a_year_is_not_taken_for_a_month_name() -> None:
    assert parse_date("circa 1970") == DateValue("circa 1970", Precision.CIRCA, "1970")
    assert parse_date("Xyz 1970").precision is Precision.UNKNOWN


def _iso_by_datetime(year: int, month: int, day: int) -> tuple[str, Precision] | None:
    """What _iso gave when it made a datetime.date: the rule its table of month lengths keeps."""
    if month == 0:
        return (f"{year:04d}", Precision.YEAR) if day == 0 else None
    if not 0 < month <= 12:
        return None
    if day == 0:
        return f"{year:04d}-{month:02d}", Precision.MONTH
    try:
        return dt.date(year, month, day).isoformat(), Precision.EXACT
    except ValueError:
        return None


@given(st.integers(0, 9999), st.integers(-3, 99), st.integers(-3, 99))
def test_a_numeric_date_is_checked_as_datetime_would(year: int, month: int, day: int) -> None:
    assert _iso(year, month, day) == _iso_by_datetime(year, month, day)


@pytest.mark.parametrize(("year", "valid"), [(1900, False), (2000, True), (2023, False),
                                             (2024, True), (4, True), (0, False)])
def test_29_february_only_in_a_leap_year(year: int, valid: bool) -> None:  # noqa: FBT001
    assert (_iso(year, 2, 29) is not None) is valid
