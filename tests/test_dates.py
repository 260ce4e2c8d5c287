"""Dates as users write them, read and shown (faq.flows.dates)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.errors import InputError
from faq.flows.dates import deadline, format_date, parse_date, parse_iso_date

TODAY = date(2026, 11, 24)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("24.11.2026", date(2026, 11, 24)),
        ("1.2.2026", date(2026, 2, 1)),
        ("01.12.26", date(2026, 12, 1)),
        ("2026-12-01", date(2026, 12, 1)),
        ("2026-1-5", date(2026, 1, 5)),
        ("heute", TODAY),
        ("heut", TODAY),  # spoken form (knowledge/language/relative_days.yaml)
        ("Heute", TODAY),
        ("gestern", TODAY - timedelta(days=1)),
        ("vorgestern", TODAY - timedelta(days=2)),
        ("morgen", TODAY + timedelta(days=1)),
        ("today", TODAY),
        ("yesterday", TODAY - timedelta(days=1)),
        ("tomorrow", TODAY + timedelta(days=1)),
        ("vor 3 Tagen", TODAY - timedelta(days=3)),
        ("vor einem Tag", TODAY - timedelta(days=1)),
        ("vor 2 Wochen", TODAY - timedelta(days=14)),
        ("3 days ago", TODAY - timedelta(days=3)),
        ("a day ago", TODAY - timedelta(days=1)),
        ("2 weeks ago", TODAY - timedelta(days=14)),
        ("in 5 Tagen", TODAY + timedelta(days=5)),
        ("vor elf Monaten", date(2025, 12, 24)),  # counted_numbers: up to twelve, a year of months
        ("twelve months ago", date(2025, 11, 24)),
        ("1. Dezember 2026", date(2026, 12, 1)),
        ("1 Dezember 2026", date(2026, 12, 1)),
        ("3. März 2026", date(2026, 3, 3)),
        ("3. Maerz 2026", date(2026, 3, 3)),
        ("1. Dez. 2026", date(2026, 12, 1)),
        ("December 1, 2026", date(2026, 12, 1)),
        ("Dec 1 2026", date(2026, 12, 1)),
        ("1 Dec 2026", date(2026, 12, 1)),
        ("1st December 2026".replace("st", ""), date(2026, 12, 1)),
        ("  29.02.2028 ", date(2028, 2, 29)),
    ],
)
def test_parse_date_accepts(raw: str, expected: date) -> None:
    assert parse_date(raw, TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "days"),
    [("vor 20 Stunden", 0), ("vor 36 Stunden", 1), ("vor 48 Stunden", 2), ("70 hours ago", 2), ("a hour ago", 0),
     ("in 30 Stunden", 1)],
)
def test_hours_count_in_whole_days_towards_today(raw: str, days: int) -> None:
    # a date's hours are counted in whole days: 36 hours ago is yesterday (24 hours), never the day
    # before (48 hours), which would claim more time passed than was told
    sign = 1 if raw.startswith("in ") else -1
    assert parse_date(raw, TODAY) == TODAY + timedelta(days=sign * days)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("31.02.2026", ["31.02.2026", "February 2026 has 28 days"]),
        ("30.02.2027", ["30.02.2027", "28 days"]),
        ("29.02.2027", ["29.02.2027", "28 days"]),
        ("2026-00-10", ["2026-00-10", "no month 0"]),
        ("2026-13-01", ["no month 13"]),
        ("31.04.2026", ["April 2026 has 30 days"]),
        ("32.01.2026", ["31 days"]),
        ("kein Datum", ["kein Datum", "DD.MM.YYYY"]),
        ("", ["no date given"]),
        ("31. Februar 2026", ["February 2026 has 28 days"]),
        ("February 30, 2026", ["28 days"]),
        ("vor drei Jahrhunderten", ["is not a date"]),
    ],
)
def test_parse_date_rejects_with_clear_message(raw: str, words: list[str]) -> None:
    with pytest.raises(InputError) as err:
        parse_date(raw, TODAY)
    message = str(err.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_parse_date_german_message() -> None:
    with pytest.raises(InputError, match="Februar 2026 hat 28 Tage"):
        parse_date("31.02.2026", TODAY, lang="de")


def test_parse_iso_date_is_strict() -> None:
    assert parse_iso_date("2026-11-24") == TODAY
    for bad in ("24.11.2026", "2026-11-31", "heute", "2026-1-1"):
        with pytest.raises(InputError):
            parse_iso_date(bad)


def test_format_date() -> None:
    assert format_date(date(2027, 2, 28), "de") == "28.02.2027"
    assert format_date(date(2027, 2, 28), "en") == "28 Feb 2027"


# --- properties ---------------------------------------------------------------------


@given(dates)
def test_formats_round_trip(day: date) -> None:
    de_months = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                 "Oktober", "November", "Dezember")
    en_months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December")
    for raw in (
        day.strftime("%d.%m.%Y"),
        day.isoformat(),
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day}. {de_months[day.month - 1]} {day.year}",
        f"{en_months[day.month - 1]} {day.day}, {day.year}",
        format_date(day, "en"),
        format_date(day, "de"),
    ):
        assert parse_date(raw, TODAY) == day, raw


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_two_digit_year(day: date) -> None:
    assert parse_date(day.strftime("%d.%m.%y"), TODAY) == day


@given(st.integers(1990, 2090), st.integers(1, 12), st.integers(29, 40))
def test_impossible_days_are_rejected_never_moved(year: int, month: int, day: int) -> None:
    last = calendar.monthrange(year, month)[1]
    raw = f"{day:02d}.{month:02d}.{year}"
    if day <= last:
        assert parse_date(raw, TODAY) == date(year, month, day)
    else:
        with pytest.raises(InputError, match=raw):
            parse_date(raw, TODAY)


@given(st.integers(0, 3000), dates)
def test_relative_days(n: int, today: date) -> None:
    assert parse_date(f"vor {n} Tagen", today) == today - timedelta(days=n)
    assert parse_date(f"{n} days ago", today) == today - timedelta(days=n)


@pytest.mark.parametrize(
    "raw, expected",
    [("1st December 2026", date(2026, 12, 1)), ("December 2nd, 2026", date(2026, 12, 2)),
     ("3rd Dec 2026", date(2026, 12, 3)), ("21st March 2026", date(2026, 3, 21))],
)
def test_english_ordinals(raw, expected):
    assert parse_date(raw, TODAY) == expected


def test_ordinal_of_an_impossible_day_is_rejected():
    with pytest.raises(InputError, match="28"):
        parse_date("31st Feb 2026", TODAY)


# -- numeric dates with two readings, months alone -------------------------------------------


def test_a_slashed_date_with_two_readings_offers_both():
    from faq.flows.dates import AmbiguousDate

    with pytest.raises(AmbiguousDate) as info:
        parse_date("3/12/2026", TODAY, "en")
    assert info.value.readings == (date(2026, 12, 3), date(2026, 3, 12))
    assert "3 December 2026" in str(info.value) and "12 March 2026" in str(info.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("13/3/2026", date(2026, 3, 13)), ("3/13/2026", date(2026, 3, 13)), ("5/5/2026", date(2026, 5, 5))],
)
def test_a_slashed_date_with_one_possible_reading_is_read(raw, expected):
    assert parse_date(raw, TODAY) == expected


def test_dotted_dates_stay_day_first():
    assert parse_date("3.12.2026", TODAY) == date(2026, 12, 3)


@pytest.mark.parametrize(
    ("raw", "year", "month"),
    [
        ("März 2026", 2026, 3),
        ("march 2026", 2026, 3),
        ("2026-03", 2026, 3),
        ("03/2026", 2026, 3),
        ("last march", 2026, 3),
        ("letzten März", 2026, 3),
        ("im November", 2026, 11),
        ("letzten November", 2025, 11),
        ("Dezember", 2025, 12),
    ],
)
def test_a_month_alone_is_a_month_date_when_asked_for(raw, year, month):
    from faq.flows.dates import MonthDate

    value = parse_date(raw, TODAY, "de", months=True)
    assert isinstance(value, MonthDate)
    assert (value.year, value.month) == (year, month)


def test_a_month_alone_asks_for_the_day_otherwise():
    with pytest.raises(InputError, match="nennt nur den Monat"):
        parse_date("März 2026", TODAY, "de")


@pytest.mark.parametrize(("lang", "shown"), [
    ("de", "02.01.2027 (spätestens – je nach Tag im Dezember 2026 schon ab 03.12.2026)"),
    ("en", "2 Jan 2027 (at the latest – depending on the day in December 2026, from 3 Dec 2026)"),
])
def test_hours_after_a_month_alone_are_shown_as_their_window(lang: str, shown: str) -> None:
    from faq.flows.dates import MonthDate

    day = deadline("less_than_hours_ago", 48, MonthDate(2026, 12, 1))
    assert (day.earliest, day) == (date(2026, 12, 3), date(2027, 1, 2))
    assert format_date(day, lang) == shown


@pytest.mark.parametrize(("text", "offset"), [
    ("heute Morgen", 0), ("heute Nachmittag", 0), ("this morning", 0), ("earlier today", 0),
    ("gestern Abend", -1), ("yesterday afternoon", -1), ("last night", -1),
])
def test_a_part_of_a_day_is_that_day_counted_from_the_date_passed_in(text, offset):
    today = date(2026, 3, 1)
    assert parse_date(text, today) == today + timedelta(days=offset)
