"""Reading a flow's answer in the chat: a month alone where it settles the result, never a
future date for a fact that only measures age, a yes or no that opens a longer reply ("nein,
noch nicht"), "don't know" however it is typed, and how a picked date is echoed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from bot.chat.items import Option
from faq.errors import FaqError, InputError
from faq.kb.model import Fact, Flow, KnowledgeBase
from faq.language.catalogue import tr

__all__ = ["fact_options", "future_message", "read_answer", "reply_word", "shown_value", "stated_facts"]

UNKNOWN_SIMILARITY = 85
"""How close (rapidfuzz ratio, 0-100) a whole reply must come to a "don't know" phrase of
the word lists to mean it ("weis nich", "weiss nich")."""
UNKNOWN_MIN_CHARS = 8
"""Shorter phrases ("k a", "tbd") must be typed exactly: a typo of them is anything."""
_OPENING = re.compile(r"^\W*(\w+(?:\s+\w+)?)\s*[,;.!:\u2013\u2014-]")  # "Nein, …", "no - …", "noch nicht, …"


@cache
def _sequences(name: str) -> tuple[tuple[str, ...], ...]:
    from faq.language.lexicon import words
    from faq.language.normalize import fold

    return tuple(tuple(fold(w).split()) for w in words(name))


def _has(words: list[str], name: str) -> bool:
    return any(tuple(words[i:i + len(p)]) == p for p in _sequences(name) for i in range(len(words)) if p)


def _without(said: list[str], seq: tuple[str, ...]) -> list[str]:
    """`said` with every occurrence of the word sequence `seq` taken out."""
    out: list[str] = []
    i = 0
    while i < len(said):
        if seq and tuple(said[i:i + len(seq)]) == seq:
            i += len(seq)
        else:
            out.append(said[i])
            i += 1
    return out


def reply_word(text: str) -> str | None:
    """What a free reply answers to a yes/no question: "ja", "nein", "unbekannt", or None.

    "Weiß ich nicht genau" and a typo of a "don't know" phrase ("weis nich") say unknown; a
    yes or no word alone or opening the reply before a comma or dash ("Nein, noch nicht",
    "yes, we did") says yes or no, unless the rest sets something against it or hedges
    ("ja, aber nur teilweise", "no, maybe"): then the question stays open (None).
    """
    from rapidfuzz import fuzz

    from faq.language.normalize import fold, words

    folded = fold(text)
    said = words(folded)
    if not said:
        return None
    joined = " ".join(said)
    if _has(said, "unknowns") or any(
            len(p) >= UNKNOWN_MIN_CHARS and fuzz.ratio(joined, p) >= UNKNOWN_SIMILARITY
            for p in (" ".join(s) for s in _sequences("unknowns"))):
        return "unbekannt"
    opening = _OPENING.match(folded)
    head = tuple(words(opening.group(1))) if opening is not None else tuple(said)
    answer = next((a for name, a in (("denials", "nein"), ("affirmations", "ja")) if head in _sequences(name)), None)
    rest = said[len(head):]
    for seq in _sequences("denials") + _sequences("affirmations"):  # "no, not yet": the rest repeats it
        rest = _without(rest, seq)
    if answer is None or any(_has(rest, name) for name in ("contrasts", "hedges", "beliefs")):
        return None
    return answer


def read_answer(flow: Flow, facts: Mapping[str, Any], fact: Fact, text: str, today: date, lang: str) -> Any:
    """Read the answer to `fact` given the facts known so far.

    A month alone ("März 2026") is taken only when every day of it (up to today, for a
    past-only fact) leads to the same next question or cause; else the day is asked for.

    Raises:
        AmbiguousDate: A numeric date with two readings.
        InputError: Not a value of the fact, a future date where none can be, or a month
            whose days lead to different results (the message says why).
    """
    from faq.flows.dates import AmbiguousDate, MonthDate, format_date
    from faq.flows.engine import diagnose
    from faq.flows.values import check_not_future, future_allowed, parse_value

    try:
        value = parse_value(fact, text, today, lang, months=True)
    except AmbiguousDate:
        raise
    except InputError:
        word = reply_word(text)  # "nein, noch nicht", "weis nich"
        if word is None or (word != "unbekannt" and fact.type != "yesno"):
            raise
        return parse_value(fact, word, today, lang)
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


def stated_facts(text: str, flow: Flow, kb: KnowledgeBase, today: date, lang: str) -> dict[str, tuple[Any, str]]:
    """The facts of `flow` the user stated in `text` (the triage's reader), each with its words."""
    from faq.tickets.triage import facts_stated

    try:
        read = facts_stated(text, flow, kb, today, lang)
    except FaqError:
        return {}
    return {k: (v, read.evidence[k].quote if k in read.evidence else text) for k, v in read.facts.items()}


def fact_options(fact: Fact, can_go_back: bool) -> tuple[Option, ...]:
    """The options a flow's question offers: its answers, "don't know", then back and restart."""
    tail = (Option("action", "back"), Option("action", "restart")) if can_go_back else ()
    if fact.type == "yesno":
        return (Option("value", "ja", "yes"), Option("value", "nein", "no"), Option("value", "unbekannt", "unknown")) + tail
    if fact.type == "choice":
        return tuple(Option("value", c.id) for c in fact.choices) + (Option("value", "unbekannt"),) + tail
    return (Option("value", "unbekannt"),) + tail


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

