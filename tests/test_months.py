"""Months: names and spellings from the word lists, a month alone, and a date known only to its month
(faq.flows.months)."""

from __future__ import annotations

from datetime import date

import pytest

from faq.flows.dates import format_date
from faq.flows.deadlines import add_months
from faq.flows.months import MonthDate, MonthDeadline, month_name, month_number, month_only

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(("word", "number"), [
    ("Jänner", 1), ("FEBER", 2), ("marz", 3), ("Mrz.", 3), ("sept", 9), ("Oct.", 10), ("dezämber", 12),
])
def test_every_spelling_of_the_word_list_names_its_month(word: str, number: int) -> None:
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["Mara", "jahr", "mo", "sept1", ""])
def test_a_word_that_is_no_month_names_none(word: str) -> None:
    assert month_number(word) is None


def test_a_month_is_named_in_the_language_asked_for() -> None:
    assert [month_name(3, "de"), month_name(3, "en"), month_name(12, short=True)] == ["März", "March", "Dec"]


@pytest.mark.parametrize(("text", "expected"), [
    ("feber 2027", (2027, 2)), ("2026-07", (2026, 7)), ("7/2026", (2026, 7)),
    ("seit märz", (2026, 3)), ("im november", (2026, 11)), ("last november", (2025, 11)), ("dezember", (2025, 12)),
])
def test_a_text_naming_a_month_alone_gives_its_latest_occurrence_up_to_today(text: str, expected: tuple) -> None:
    assert month_only(text, TODAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("seit november", (2026, 11)), ("since november", (2026, 11)), ("in november", (2026, 11)),
    ("vergangenen november", (2025, 11)), ("past november", (2025, 11)),
])
def test_only_the_words_that_take_in_the_current_month_name_this_one(text: str, expected: tuple) -> None:
    assert month_only(text, TODAY) == expected


@pytest.mark.parametrize("text", ["3. märz 2026", "2026-13", "nächsten märz", "vor drei monaten"])
def test_a_text_with_more_or_other_than_a_month_is_no_month_alone(text: str) -> None:
    assert month_only(text, TODAY) is None


def test_a_month_date_is_shown_as_its_month_and_keeps_the_mark_in_arithmetic():
    march = MonthDate(2026, 3, 1)
    assert format_date(march, "de") == "März 2026"
    assert format_date(march, "en") == "March 2026"
    assert format_date(add_months(march, 6), "de") == "September 2026"
    assert march.last_day == date(2026, 3, 31)
    assert MonthDate(2028, 2, 1).last_day == date(2028, 2, 29)


def test_a_month_deadline_is_its_latest_day_carrying_the_earliest_and_the_month() -> None:
    month = MonthDate(2026, 12, 1)
    due = MonthDeadline(date(2027, 1, 2), date(2026, 12, 3), month)
    assert (due, due.earliest, due.month_date) == (date(2027, 1, 2), date(2026, 12, 3), month)
