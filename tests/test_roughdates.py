"""Dates read from a span told roughly and the deadlines counted from them (faq.flows.roughdates)."""

from __future__ import annotations

from datetime import date

from faq.flows.dates import format_date
from faq.flows.deadlines import date_holds, deadline
from faq.flows.roughdates import RoughDate, RoughDeadline, plain


def test_a_rough_date_is_the_day_it_counts_to_carrying_the_words_and_the_days_it_may_round_to() -> None:
    rough = RoughDate.of(date(2026, 5, 4), "about three weeks ago", date(2026, 4, 30), date(2026, 5, 8))
    assert rough == date(2026, 5, 4)
    assert (rough.words, rough.earliest, rough.latest) == ("about three weeks ago", date(2026, 4, 30), date(2026, 5, 8))
    assert type(plain(rough)) is date and plain(rough) == rough


def test_a_rough_date_and_the_day_it_lasts_through_are_shown_as_approximate_the_deadline_as_its_safe_day() -> None:
    rough = RoughDate.of(date(2026, 8, 10), "vor etwa drei Monaten", date(2026, 7, 20), date(2026, 8, 29))
    due = deadline("at_most_months_ago", 6, rough)
    assert isinstance(due, RoughDeadline)
    assert (due, due.earliest, due.latest) == (date(2027, 2, 10), date(2027, 1, 20), date(2027, 2, 28))
    assert format_date(rough, "de") == "etwa 10.08.2026, „vor etwa drei Monaten“"
    assert format_date(due, "de") == "20.01.2027 (sicher – je nach genauem Tag auch bis 28.02.2027)"
    assert format_date(due, "en") == "20 Jan 2027 (for certain – depending on the exact day, up to 28 Feb 2027)"
    assert date_holds("at_most_months_ago", 6, rough, date(2027, 2, 10))  # the rule reads the day it counts to
    assert not date_holds("at_most_months_ago", 6, rough, date(2027, 2, 11))


def test_the_day_a_wait_is_over_is_shown_as_its_latest_day_with_the_earliest() -> None:
    rough = RoughDate.of(date(2026, 11, 25), "vor etwa 30 Stunden", date(2026, 11, 24), date(2026, 11, 26))
    due = deadline("less_than_hours_ago", 48, rough)
    assert isinstance(due, RoughDeadline) and not due.ends
    assert (due.earliest, due.latest) == (date(2026, 11, 26), date(2026, 11, 28))
    assert format_date(due, "de") == "28.11.2026 (spätestens – je nach genauem Tag schon ab 26.11.2026)"
    assert format_date(due, "en") == "28 Nov 2026 (at the latest – depending on the exact day, from 26 Nov 2026)"
    assert deadline("at_most_months_ago", 6, rough).ends
