"""Reading the value of a fact from what a user or a ticket gives.

Pure functions: the current date is passed in. Every bad value raises
`InputError` with one line that names the value and what was expected.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Final

from faq.errors import InputError
from faq.flows.dates import AmbiguousDate, MonthDate, format_date, format_date_long, parse_date
from faq.kb.model import Fact, Flow
from faq.language.addresses import address_problem, domain_of
from faq.language.catalogue import message, tr
from faq.language.lexicon import words

__all__ = [
    "UNKNOWN",
    "Unknown",
    "Value",
    "check_not_future",
    "display_value",
    "email_problem",
    "future_allowed",
    "parse_flow_value",
    "domain_of",
    "is_unknown_word",
    "json_value",
    "parse_choice",
    "parse_email",
    "parse_value",
    "parse_yesno",
]


class Unknown:
    """The answer "don't know" (a singleton: use `UNKNOWN`)."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __reduce__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = Unknown()

Value = bool | date | str | Unknown
"""A fact's value: bool (yes/no), date, str (e-mail address or choice id), or UNKNOWN."""


@cache
def _typed(name: str) -> frozenset[str]:
    """The typed answers of `knowledge/language/<name>.yaml` in every language, as `_norm` gives them."""
    return frozenset(map(_norm, words(name)))


def _msg(key: str, lang: str, **values: object) -> str:
    return message(lang, f"value_{key}", **values)


def _norm(raw: str) -> str:
    text = " ".join(str(raw).strip().lower().split())
    return text.rstrip(".!") or text


def is_unknown_word(raw: str) -> bool:
    """Return whether the text means "don't know" (unbekannt, weiß nicht, ?, unknown, ...)."""
    return _norm(raw) in _typed("typed_unknowns")


def parse_yesno(raw: str, fact_id: str = "value", lang: str = "en") -> bool | Unknown:
    """Read ja/nein/yes/no/j/n/y/true/false, or "don't know", case-insensitively.

    Raises:
        InputError: Any other text.
    """
    text = _norm(raw)
    if text in _typed("typed_yes"):
        return True
    if text in _typed("typed_no"):
        return False
    if text in _typed("typed_unknowns"):
        return UNKNOWN
    raise InputError(_msg("yesno", lang, raw=raw, fact=fact_id))


def parse_email(raw: str, fact_id: str = "value", lang: str = "en") -> str:
    """Check an e-mail address: a local part, one @, a dotted domain, no spaces.

    Returns:
        The address, trimmed, as given (domains compare case-insensitively elsewhere).

    Raises:
        InputError: The address is malformed; the message says why.
    """
    text = str(raw).strip()
    problem = email_problem(text, lang)
    if problem is not None:
        raise InputError(_msg("email", lang, raw=raw, fact=fact_id, why=problem))
    return text


def email_problem(raw: str, lang: str = "en") -> str | None:
    """Say what keeps `raw` from being an e-mail address ("nach dem @ fehlt eine Domäne
    mit Punkt (wie firma.de)"), or None when it is one. For checking as it is typed."""
    why = address_problem(str(raw).strip())
    if why is None:
        return None
    return _msg(f"email_{why}", lang)


def _choice_key(text: str) -> str:
    return re.sub(r"[\s_\-()\"'„“»«.]+", " ", text.lower()).strip()


def parse_choice(fact: Fact, raw: str, lang: str = "en") -> str | Unknown:
    """Read the answer to a choice fact: its id, label (de or en) or an alias.

    Raises:
        InputError: No choice matches; the message lists the choice ids.
    """
    key = _choice_key(str(raw))
    if is_unknown_word(raw):
        return UNKNOWN
    for choice in fact.choices:
        names = (choice.id, choice.label.de, choice.label.en, *choice.aliases)
        if key and key in {_choice_key(n) for n in names}:
            return choice.id
    choices = ", ".join(c.id for c in fact.choices)
    raise InputError(_msg("choice", lang, raw=raw, fact=fact.id, choices=choices))


def parse_value(fact: Fact, raw: str, today: date, lang: str = "en", months: bool = False) -> Value:
    """Read the value of `fact` from text, by the fact's type.

    Args:
        fact: The fact answered.
        raw: The text given ("ja", "31.08.2026", "it@firma.de", "ola", "weiß nicht").
        today: The date relative dates count from.
        lang: Language of error messages.
        months: Accept a month alone for a date ("März 2026") as a `MonthDate`.

    Returns:
        True/False, a date, the address, the choice id, or UNKNOWN for "don't know".

    Raises:
        AmbiguousDate: A numeric date with two readings (it carries both).
        InputError: The text is not a valid value for this fact.
    """
    try:
        if fact.type == "yesno":
            return parse_yesno(raw, fact.id, lang)
        if is_unknown_word(raw):
            return UNKNOWN
        if fact.type == "date":
            return parse_date(raw, today, lang, months=months)
        if fact.type == "email":
            return parse_email(raw, fact.id, lang)
        if fact.type == "choice":
            return parse_choice(fact, raw, lang)
    except AmbiguousDate as exc:
        raise exc.within(fact=fact.id, value=str(raw)) from None
    except InputError as exc:
        # The fact's name leads, so a command line user sees which --fact was wrong;
        # the chat shows only `reason`, since a customer never sees fact names.
        raise exc.within(fact=fact.id, value=str(raw)) from None
    raise InputError(f"fact '{fact.id}' has an unknown type '{fact.type}' (expected yesno, date, email or choice)")


def future_allowed(flow: Flow, fact_id: str) -> bool:
    """Whether a date fact may lie in the future: only when a condition of the flow asks
    whether it is "less than N hours ago", which a future date (a usage start) is.
    A purchase or reservation date that tests only how long ago it was must be past."""
    return any(
        cond.fact == fact_id and cond.op == "less_than_hours_ago"
        for cause in flow.causes
        for alt in cause.when
        for cond in alt
    )


def check_not_future(raw: str, value: Value, today: date, lang: str = "en") -> None:
    """Refuse a date after `today` (for a month, one that starts after it).

    Raises:
        InputError: The date lies in the future; the message names it and today.
    """
    if isinstance(value, date) and value > today:
        raise InputError(_msg("future", lang, raw=raw, shown=format_date_long(value, lang),
                              today=format_date(today, lang)))


def parse_flow_value(flow: Flow, fact: Fact, raw: str, today: date, lang: str = "en") -> Value:
    """Read a value typed for a fact of `flow`, refusing a date in the future where the flow
    measures only how long ago it was (a purchase or a reservation date).

    Raises:
        InputError: A bad value, or a date after `today` for such a fact.
    """
    value = parse_value(fact, raw, today, lang)
    if not future_allowed(flow, fact.id):
        check_not_future(raw, value, today, lang)
    return value


def json_value(value: Value) -> bool | str:
    """Return a value as the JSON output gives it: true/false, "unknown", "JJJJ-MM-TT", text."""
    if isinstance(value, Unknown):
        return "unknown"
    if isinstance(value, bool):
        return value
    if isinstance(value, MonthDate):  # known only to its month: "JJJJ-MM", no day made up
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def display_value(fact: Fact | None, value: Value, lang: str = "de") -> str:
    """Return a value as a user reads it: ja/nein, weiß nicht, 28.02.2027, the choice label."""
    if isinstance(value, Unknown):
        return tr(lang, "value_unknown")
    if isinstance(value, bool):
        return tr(lang, "value_yes" if value else "value_no")
    if isinstance(value, date):
        return format_date(value, lang)
    if fact is not None and fact.type == "choice":
        for choice in fact.choices:
            if choice.id == value:
                return choice.label.get(lang)
    return str(value)
