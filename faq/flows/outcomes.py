"""Whether a date known only within a range decides a flow: the same outcome on every day it may be.

Shared by the ticket reader (a rough span or a year left open settles a cause only when it does not
change the outcome) and the chat (a rough span is confirmed only when it decides as any of its days).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from faq.flows.engine import Diagnosis, diagnose
from faq.flows.roughdates import RoughDate
from faq.flows.values import Value
from faq.kb.model import Flow

__all__ = ["outcome", "rough_decides", "same_outcome", "span_days"]


def outcome(diagnosis: Diagnosis) -> tuple[str | None, str | None, tuple[str, ...]]:
    """A diagnosis's cause, next question and open causes: what a date's exact day may change."""
    nxt = diagnosis.next_fact
    return diagnosis.cause, nxt.id if nxt is not None else None, tuple(diagnosis.possible)


def same_outcome(flow: Flow, facts: Mapping[str, Value], key: str, days: Iterable[date], today: date) -> bool:
    """Whether `flow` with `facts` comes to the same `outcome` whichever of `days` the date fact `key` is."""
    return len({outcome(diagnose(flow, {**facts, key: day}, today)) for day in days}) <= 1


def span_days(rough: RoughDate) -> list[date]:
    """Every day a `RoughDate` may round to, from its earliest to its latest."""
    return [rough.earliest + timedelta(days=n) for n in range((rough.latest - rough.earliest).days + 1)]


def rough_decides(flow: Flow, facts: Mapping[str, Value], key: str, value: Value, today: date) -> bool:
    """Whether `value` for the fact `key` may be taken as it stands: anything but a `RoughDate`, or one
    whose every day (`span_days`) gives the same `outcome` with `facts`."""
    return not isinstance(value, RoughDate) or same_outcome(flow, facts, key, span_days(value), today)
