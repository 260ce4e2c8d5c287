"""Reading a flow's answer in the chat: a month alone where it settles the result, never a
future date for a fact that only measures age, and how a picked date is echoed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from faq.errors import InputError
from faq.kb.model import Fact, Flow
from faq.language.catalogue import tr

__all__ = ["future_message", "read_answer", "shown_value"]


def read_answer(flow: Flow, facts: Mapping[str, Any], fact: Fact, text: str, today: date, lang: str) -> Any:
    """Read the answer to `fact` given the facts known so far.

    A month alone ("März 2026") is taken only when every day of it (up to today, for a
    past-only fact) leads to the same next question or cause; else the day is asked for.

    Raises:
        AmbiguousDate: A numeric date with two readings.
        InputError: Not a value of the fact, a future date where none can be, or a month
            whose days lead to different results (the message says why).
    """
    from faq.flows.dates import MonthDate, format_date
    from faq.flows.engine import diagnose
    from faq.flows.values import check_not_future, future_allowed, parse_value

    value = parse_value(fact, text, today, lang, months=True)
    if not isinstance(value, date):
        return value
    past_only = not future_allowed(flow, fact.id)
    if past_only:
        check_not_future(text, value, today, lang)
    if isinstance(value, MonthDate):
        last = min(value.last_day, today) if past_only else value.last_day
        ends = [diagnose(flow, {**facts, fact.id: day}, today) for day in (date(value.year, value.month, 1), last)]
        outcome = [(d.cause, d.next_fact.id if d.next_fact else None, d.possible) for d in ends]
        if outcome[0] != outcome[1]:
            example = format_date(date(value.year, value.month, 15), lang)
            raise InputError(tr(lang, "month_needs_day", month=format_date(value, lang), example=example))
    return value


def shown_value(fact: Fact | None, target: str, lang: str) -> str | None:
    """How a picked reading of a date is echoed: "12. März 2026", not "2026-03-12"."""
    if fact is None or fact.type != "date":
        return None
    from faq.flows.dates import format_date_long

    try:
        return format_date_long(date.fromisoformat(target), lang)
    except ValueError:
        return None


def future_message(raw: str, day: date, today: date, lang: str) -> str:
    """The message refusing a date in the future."""
    from faq.flows.values import check_not_future

    try:
        check_not_future(raw, day, today, lang)
    except InputError as exc:
        return exc.reason
    return ""

