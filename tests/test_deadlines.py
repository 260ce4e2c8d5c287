"""The date arithmetic of the flows: conditions, their deadlines (faq.flows.deadlines)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.flows.deadlines import add_months, date_holds, deadline, hours_ago
from faq.flows.months import MonthDate, MonthDeadline

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


def test_add_months_examples() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 10, 1), 6) == date(2027, 4, 1)
    assert add_months(date(2026, 3, 31), 6) == date(2026, 9, 30)


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


@pytest.mark.parametrize(("month", "end"), [((2026, 12), date(2027, 1, 2)), ((2027, 2), date(2027, 3, 2))])
def test_hours_after_a_month_alone_run_out_by_a_real_day(month: tuple[int, int], end: date) -> None:
    day = deadline("less_than_hours_ago", 48, MonthDate(month[0], month[1], 1))
    assert day == end and not isinstance(day, MonthDate)
    last = MonthDate(month[0], month[1], 1).last_day
    assert date_holds("less_than_hours_ago", 48, last, end - timedelta(days=1))




@pytest.mark.parametrize(("op", "month", "safe", "other"), [
    ("at_most_months_ago", MonthDate(2026, 8, 1), date(2027, 2, 1), date(2027, 2, 28)),
    ("more_than_months_ago", MonthDate(2026, 3, 1), date(2026, 9, 1), date(2026, 9, 30)),
])
def test_a_month_alone_lasts_through_its_earliest_possible_end(op: str, month: MonthDate, safe: date, other: date) -> None:
    due = deadline(op, 6, month)
    assert isinstance(due, MonthDeadline) and due.ends
    assert (due, due.earliest, due.latest, due.month_date) == (safe, safe, other, month)
    assert date_holds("at_most_months_ago", 6, month.last_day, other)  # bought on the month's last day: valid through
    assert not date_holds("at_most_months_ago", 6, month, safe + timedelta(days=1))  # on its first: over the day after


def test_the_end_of_a_month_alone_is_shown_as_its_safe_day_with_the_other() -> None:
    from faq.flows.dates import format_date

    due = deadline("at_most_months_ago", 6, MonthDate(2026, 8, 1))
    assert format_date(due, "de") == "01.02.2027 (sicher – je nach Tag im August 2026 auch bis 28.02.2027)"
    assert format_date(due, "en") == "1 Feb 2027 (for certain – depending on the day in August 2026, up to 28 Feb 2027)"
