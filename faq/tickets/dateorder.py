"""Which way a ticket writes its slashed dates: day first (10/06/2026 is 10 June) or month first (6 October).

A slashed date whose two numbers could each be the month reads two ways. It is read one way only where
the ticket makes its writer's convention certain: it names the format ("UK format", "MM/DD/YYYY", "im
amerikanischen Format"; knowledge/language/day_first_formats.yaml, month_first_formats.yaml), not
denied nor hedged ("not UK format", "I think US format"), or another slashed date of it reads one way only (04/22/2026: month first).
Both ways named or written, or neither: the date stays open, never guessed. The ticket's language alone
decides nothing: British and American English write dates in opposite orders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from faq.errors import InputError
from faq.flows.dates import parse_date
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.hedges import hedged
from faq.tickets.tokens import Token, tokenize

__all__ = ["DAY_FIRST", "MONTH_FIRST", "SLASHED", "date_order", "read_slashed"]

DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"

SLASHED = re.compile(r"(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])")  # 15/12/2026, 15-12-2026


def _two_way(first: int, second: int) -> bool:
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def read_slashed(raw: str, today: date, order: str | None = None) -> date:
    """Read DD/MM/YYYY, or MM/DD/YYYY when only that can be a date (01/15/2026); one with two readings
    ("12/01/2026": 12 January or 1 December) is read by the ticket's `order` (`date_order`), and is no
    date without one, as in the chat.

    Raises:
        InputError: The date has two readings and no order decides, or it cannot exist.
    """
    first, second, year = (int(p) for p in raw.replace("-", "/").split("/"))
    if _two_way(first, second):
        if order is None:
            raise InputError(f"'{raw}' has two readings (day/month or month/day)")
        if order == MONTH_FIRST:
            first, second = second, first
    elif second > 12 >= first:
        first, second = second, first
    return parse_date(f"{first}.{second}.{year}", today)


def date_order(texts: Iterable[str]) -> str | None:
    """The order of day and month a ticket's texts make certain for its two-way slashed dates (see the
    module), or None: when no two-way date stands in them, or nothing or both orders are told."""
    texts = list(texts)
    found = [(int(m.group(1)), int(m.group(3))) for text in texts if "/" in text or "-" in text for m in SLASHED.finditer(text)]
    if not any(_two_way(first, second) for first, second in found):
        return None  # most tickets: nothing to decide
    orders = {DAY_FIRST if first > 12 else MONTH_FIRST for first, second in found if (first > 12) != (second > 12)}
    for text in texts:
        tokens = tokenize(text)
        for order, named in ((DAY_FIRST, _names("day_first_formats")), (MONTH_FIRST, _names("month_first_formats"))):
            if any(_named_at(tokens, text, i, name) for i in range(len(tokens)) for name in named.get(tokens[i].word, ())):
                orders.add(order)
    return next(iter(orders)) if len(orders) == 1 else None


@cache
def _names(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The format names of a word list as sequences of words as written (a word in capitals stays so),
    by their first word folded."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for entry in lexicon_words(name):
        sequence = tuple(entry.split())
        out.setdefault(fold(sequence[0]), []).append(sequence)
    return {k: tuple(v) for k, v in out.items()}


def _named_at(tokens: list[Token], text: str, at: int, name: tuple[str, ...]) -> bool:
    """Whether the format's name stands at token `at`: each word folded as the token's, a word in capitals
    in capitals there ("US format", not "gave us format errors"), no negation before it in its sentence ("not in
    UK format", "not sure if that was US format": unsure, a false date is worse than an open one), not hedged."""
    if at + len(name) > len(tokens):
        return False
    for word, token in zip(name, tokens[at:at + len(name)]):
        if fold(word) != token.word or len(word) > 1 and word.isupper() and not text[token.start:token.end].isupper():
            return False
    return not any(t.neg for t in tokens[:at]) and not hedged(tokens, text, at, at + len(name) - 1)
