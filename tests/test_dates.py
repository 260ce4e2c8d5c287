"""Date parsing and the date arithmetic of the flows (faq.flows.dates)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.errors import InputError
from faq.flows.dates import add_months, date_holds, deadline, format_date, hours_ago, parse_date, parse_iso_date

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


def test_add_months_examples() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 10, 1), 6) == date(2027, 4, 1)
    assert add_months(date(2026, 3, 31), 6) == date(2026, 9, 30)


def test_format_date() -> None:
    assert format_date(date(2027, 2, 28), "de") == "28.02.2027"
    assert format_date(date(2027, 2, 28), "en") == "28 Feb 2027"


# --- properties ---------------------------------------------------------------------


@given(dates, st.integers(min_value=0, max_value=24))
def test_add_months_clamps_to_month_end(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


@given(st.integers(min_value=1990, max_value=2090))
def test_six_months_after_31_august(year: int) -> None:
    expected_day = 29 if calendar.isleap(year + 1) else 28
    assert add_months(date(year, 8, 31), 6) == date(year + 1, 2, expected_day)


@given(dates, dates)
def test_48_hours_edge(day: date, today: date) -> None:
    pending = date_holds("less_than_hours_ago", 48, day, today)
    assert pending == (day >= today - timedelta(days=1))
    assert pending == (hours_ago(day, today) < 48)


@given(dates, dates)
def test_25_hours_edge(day: date, today: date) -> None:
    old = date_holds("more_than_hours_ago", 25, day, today)
    assert old == (day <= today - timedelta(days=2))


@given(dates)
def test_hours_edges_around_today(today: date) -> None:
    assert date_holds("less_than_hours_ago", 48, today + timedelta(days=30), today)  # future
    assert date_holds("less_than_hours_ago", 48, today - timedelta(days=1), today)  # 24 h
    assert not date_holds("less_than_hours_ago", 48, today - timedelta(days=2), today)  # exactly 48 h
    assert not date_holds("more_than_hours_ago", 25, today - timedelta(days=1), today)  # 24 h
    assert date_holds("more_than_hours_ago", 25, today - timedelta(days=2), today)  # 48 h


@given(dates, dates)
def test_month_tests_are_complementary(day: date, today: date) -> None:
    expired = date_holds("more_than_months_ago", 6, day, today)
    valid = date_holds("at_most_months_ago", 6, day, today)
    assert expired != valid
    assert valid == (today <= deadline("at_most_months_ago", 6, day))


@given(dates)
def test_link_valid_through_deadline_inclusive(day: date) -> None:
    last = deadline("more_than_months_ago", 6, day)
    assert date_holds("at_most_months_ago", 6, day, last)
    assert date_holds("more_than_months_ago", 6, day, last + timedelta(days=1))


@given(dates)
def test_deadline_of_hours_is_first_day_condition_changes(day: date) -> None:
    end = deadline("less_than_hours_ago", 48, day)
    assert date_holds("less_than_hours_ago", 48, day, end - timedelta(days=1))
    assert not date_holds("less_than_hours_ago", 48, day, end)
    start = deadline("more_than_hours_ago", 25, day)
    assert not date_holds("more_than_hours_ago", 25, day, start - timedelta(days=1))
    assert date_holds("more_than_hours_ago", 25, day, start)


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


def test_a_month_date_is_shown_as_its_month_and_keeps_the_mark_in_arithmetic():
    from faq.flows.dates import MonthDate

    march = MonthDate(2026, 3, 1)
    assert format_date(march, "de") == "März 2026"
    assert format_date(march, "en") == "March 2026"
    assert format_date(add_months(march, 6), "de") == "September 2026"
    assert march.last_day == date(2026, 3, 31)


@pytest.mark.parametrize(("month", "end"), [((2026, 12), date(2027, 1, 2)), ((2027, 2), date(2027, 3, 2))])
def test_hours_after_a_month_alone_run_out_by_a_real_day(month: tuple[int, int], end: date) -> None:
    from faq.flows.dates import MonthDate

    day = deadline("less_than_hours_ago", 48, MonthDate(month[0], month[1], 1))
    assert day == end and not isinstance(day, MonthDate)
    last = MonthDate(month[0], month[1], 1).last_day
    assert date_holds("less_than_hours_ago", 48, last, end - timedelta(days=1))


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


def test_a_rough_date_and_its_deadline_are_formatted_as_approximate_in_both_languages() -> None:
    from faq.flows.dates import RoughDate, RoughDeadline

    rough = RoughDate.of(date(2026, 8, 10), "vor etwa drei Monaten", date(2026, 7, 20), date(2026, 8, 29))
    due = deadline("at_most_months_ago", 6, rough)
    assert isinstance(due, RoughDeadline)
    assert (due, due.earliest, due.latest) == (date(2027, 2, 10), date(2027, 1, 20), date(2027, 2, 28))
    assert format_date(rough, "de") == "etwa 10.08.2026, „vor etwa drei Monaten“"
    assert format_date(due, "de") == "etwa 10.02.2027 (je nach genauem Tag zwischen 20.01.2027 und 28.02.2027)"
    assert format_date(due, "en") == "around 10 Feb 2027 (depending on the exact day, between 20 Jan 2027 and 28 Feb 2027)"
    assert date_holds("at_most_months_ago", 6, rough, date(2027, 2, 10))  # the rule reads the day it counts to
    assert not date_holds("at_most_months_ago", 6, rough, date(2027, 2, 11))
