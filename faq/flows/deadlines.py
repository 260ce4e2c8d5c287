"""The date arithmetic of the diagnostic flows: a date condition ("less_than_hours_ago: 48",
"at_most_months_ago: 6") evaluated, the day its answer changes (`deadline`), and where a date
stands to today (`Timing`).

Everything here is pure: the current date is always passed in as `today`. Dates are calendar
dates (no time of day), so "hours ago" counts whole days of 24 hours each.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from faq.flows.months import MonthDate, MonthDeadline
from faq.flows.roughdates import RoughDate, RoughDeadline, plain
from faq.language.catalogue import tr

__all__ = ["Timing", "add_months", "date_holds", "deadline", "format_timing", "hours_ago", "timing"]


_MONTH_TESTS = ("more_than_months_ago", "at_most_months_ago")
"""The conditions whose deadline is the last day something holds; the others' is the day a wait is over."""


def add_months(day: date, months: int) -> date:
    """Return `day` plus calendar months, clamped to the month's end (31 Aug + 6 = 28/29 Feb)
    and to the calendar's ends (9999-12-31 + 6 months = date.max)."""
    try:
        return (plain(day) if isinstance(day, RoughDate) else day) + relativedelta(months=months)
    except (OverflowError, ValueError):
        return date.max if months > 0 else date.min


def hours_ago(day: date, today: date) -> int:
    """Return how many hours `day` lies before `today` (negative for a future date)."""
    return (today - day).days * 24


@dataclass(frozen=True)
class Timing:
    """Where a date stands to today, for an hours condition's text: "future", "today",
    "recent" (within `hours` before today), "past" (longer ago), or "either" (a date known only to
    its month, which may be the future or recent). `format_timing` says it in words."""

    kind: str
    hours: int


def timing(amount: int, day: date, today: date) -> Timing:
    """Where `day` stands to `today` for a condition of `amount` hours (see `Timing`)."""
    if isinstance(day, MonthDate):
        return Timing("either", amount)
    if day > today:
        return Timing("future", amount)
    if day == today:
        return Timing("today", amount)
    return Timing("recent" if hours_ago(day, today) < amount else "past", amount)


def format_timing(value: Timing, lang: str = "de") -> str:
    """A `Timing` as a text says it: "liegt in der Zukunft", "was less than 48 hours ago"."""
    return tr(lang, f"date_timing_{value.kind}", hours=value.hours)


def date_holds(op: str, amount: int, day: date, today: date) -> bool:
    """Evaluate a date condition of a flow.

    Args:
        op: "less_than_hours_ago", "more_than_hours_ago", "more_than_months_ago"
            or "at_most_months_ago".
        amount: The hours or months of the condition.
        day: The fact's date.
        today: The current date.

    Returns:
        Whether the condition holds. "less_than_hours_ago" holds for future dates too;
        "more_than_months_ago: 6" holds once today is after `day` + 6 months.

    Raises:
        ValueError: An unknown operator.
    """
    if op == "less_than_hours_ago":
        return hours_ago(day, today) < amount
    if op == "more_than_hours_ago":
        return hours_ago(day, today) > amount
    if op == "more_than_months_ago":
        return today > add_months(day, amount)
    if op == "at_most_months_ago":
        return today <= add_months(day, amount)
    raise ValueError(f"unknown date condition '{op}'")


def deadline(op: str, amount: int, day: date) -> date:
    """Return the date a date condition is about: where its answer changes.

    For the month tests it is the last day still within the months (the link is
    valid through it); for "less_than_hours_ago" the first day no longer within
    the hours (the day the wait is over); for "more_than_hours_ago" the first day
    beyond the hours. For a `MonthDate` the hours count from the month's last day.
    """
    if isinstance(day, RoughDate):  # told roughly: the day it counts to, between those it may round to
        return RoughDeadline.of(deadline(op, amount, plain(day)), deadline(op, amount, day.earliest),
                                deadline(op, amount, day.latest), ends=op in _MONTH_TESTS)
    if op in _MONTH_TESTS:
        if isinstance(day, MonthDate):  # lasts through a day between those counted from the month's first and last
            return MonthDeadline(add_months(day.last_day, amount), add_months(plain(day), amount), day, ends=True)
        return add_months(day, amount)
    if isinstance(day, MonthDate):
        # Known only to its month, the day may be its first or its last: the hours run out
        # between two real days, and the answer names both.
        first, last = date(day.year, day.month, 1), day.last_day
        return MonthDeadline(deadline(op, amount, last), deadline(op, amount, first), day)
    if op == "less_than_hours_ago":
        return day + timedelta(days=math.ceil(amount / 24))
    if op == "more_than_hours_ago":
        return day + timedelta(days=amount // 24 + 1)
    raise ValueError(f"unknown date condition '{op}'")
