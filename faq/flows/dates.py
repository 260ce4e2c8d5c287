"""Dates as users write them, read (`parse_date`) and shown (`format_date`).

Everything here is pure: the current date is always passed in as `today`. The kinds of
dates known only roughly are in `faq.flows.months` (a month alone) and `faq.flows.roughdates`
(a span told roughly), the date arithmetic of the flows in `faq.flows.deadlines`; their names
are given here too, so a caller imports dates from one place.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from dateutil.relativedelta import relativedelta

from faq.errors import InputError
from faq.flows.deadlines import Timing, add_months, date_holds, deadline, format_timing, hours_ago, timing
from faq.flows.months import MONTHS, MonthDate, MonthDeadline, month_name, month_number, month_only
from faq.flows.roughdates import RoughDate, RoughDeadline, plain
from faq.language.catalogue import message, tr

__all__ = [
    "DATE_FORMATS_HINT",
    "RELATIVE_DAYS",
    "WORDS_OF_DATES",
    "AmbiguousDate",
    "MonthDate",
    "MonthDeadline",
    "RoughDate",
    "RoughDeadline",
    "Timing",
    "add_months",
    "counted_hours",
    "date_holds",
    "deadline",
    "format_date",
    "format_date_long",
    "format_timing",
    "hours_ago",
    "month_number",
    "parse_date",
    "parse_iso_date",
    "timing",
]

DATE_FORMATS_HINT = {lang: tr(lang, "date_formats_hint") for lang in ("de", "en")}
"""How dates may be written, per language (the texts are in knowledge/ui/values.yaml)."""


def _relative_days() -> dict[str, int]:
    """Spellings of a day counted from today -> its offset in days, from the lexicon."""
    from faq.language.lexicon import words

    table: dict[str, int] = {}
    for entry in words("relative_days"):
        offset, spellings = entry.split(" ", 1)
        for spelling in spellings.split(","):
            table.setdefault(spelling.strip(), int(offset))
    return table


def _numbered(name: str) -> dict[str, str]:
    """A lexicon list whose entries open with their value ("3 drei", "weeks woche wochen") -> word: value."""
    from faq.language.lexicon import words

    return {word: entry.split()[0] for entry in words(name) for word in entry.split()[1:]}


_RELATIVE_DAYS = _relative_days()
RELATIVE_DAYS: Mapping[str, int] = MappingProxyType(_RELATIVE_DAYS)
"""Spellings of a day counted from today ("gestern", "heute Morgen", "last night") -> its offset in days."""
_NUMBER_WORDS = {word: int(value) for word, value in _numbered("counted_numbers").items()}
_UNITS = {word: value[0] for word, value in _numbered("time_units").items()}  # "d", "w", "m" or "h"

WORDS_OF_DATES = {"day": tuple(_RELATIVE_DAYS), "number": tuple(_NUMBER_WORDS), "unit": tuple(_UNITS),
                  "month": tuple(MONTHS)}
"""The words dates are written with, by kind: days counted from today ("gestern"), numbers and units of
relative dates ("drei", "Wochen") and month spellings ("Jänner", "Dec"); for readers that find dates in text."""

_NUM = r"(\d{1,4}|[a-zäöüß]+)"
_UNIT = r"([a-z]+)"
_AGO_DE = re.compile(rf"^vor {_NUM} {_UNIT}$")
_AHEAD_DE = re.compile(rf"^in {_NUM} {_UNIT}$")
_AGO_EN = re.compile(rf"^{_NUM} {_UNIT} ago$")
_AHEAD_EN = re.compile(rf"^in {_NUM} {_UNIT}$")

_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\.? ?([a-zäöü]+)\.?,? (\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-zäöü]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$")


def _msg(key: str, lang: str, **values: object) -> str:
    return message(lang, f"date_{key}", **values)


class AmbiguousDate(InputError):
    """A numeric date that names two different days (3/12/2026: 3 December or 12 March).

    Attributes:
        readings: The two dates, day-first reading first.
    """

    def __init__(self, reason: str, readings: tuple[date, ...], **context: Any) -> None:
        super().__init__(reason, **context)
        self.readings = readings

    def within(self, **context: str | None) -> AmbiguousDate:
        """The same error with more context, still carrying both readings."""
        merged = {k: getattr(self, k) or v for k, v in context.items()}
        return AmbiguousDate(self.reason, self.readings, **merged)


def _build(raw: str, year: int, month: int, day: int, lang: str) -> date:
    """Return the date, or raise InputError naming why it cannot exist (never moved)."""
    if not 1 <= year <= 9999:
        raise InputError(_msg("range", lang, raw=raw))
    if not 1 <= month <= 12:
        raise InputError(_msg("month", lang, raw=raw, month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = month_name(month, lang)
        raise InputError(_msg("day", lang, raw=raw, month_name=name, year=year, days=days))
    return date(year, month, day)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _shift(today: date, amount: int, unit: str, raw: str, lang: str) -> date:
    """Today moved by `amount` units ("d", "w", "m" or "h"). Hours count in whole days towards today
    ("vor 30 Stunden": yesterday): a date's hours are counted in whole days (`hours_ago`), so a span
    read that way never claims more hours than were told."""
    try:
        if unit == "h":
            return today + timedelta(days=int(amount / 24))
        if unit == "d":
            return today + timedelta(days=amount)
        if unit == "w":
            return today + timedelta(weeks=amount)
        return today + relativedelta(months=amount)
    except (OverflowError, ValueError):
        raise InputError(_msg("range", lang, raw=raw)) from None


_UNIT_HOURS = {"h": 1, "d": 24, "w": 7 * 24, "m": 730}  # a month as its mean length, 30.4 days


def counted_hours(words: list[str]) -> int | None:
    """The hours of the first span of time counted in `words` (folded words, "etwa", "30", "stunden"):
    a number, in digits or a word, right before a unit of time (`time_units`); None without one."""
    for number, unit in zip(words, words[1:]):
        amount, kind = _number(number), _UNITS.get(unit)
        if amount is not None and kind is not None:
            return amount * _UNIT_HOURS[kind]
    return None


def _relative(text: str, today: date, raw: str, lang: str) -> date | None:
    if text in _RELATIVE_DAYS:
        return _shift(today, _RELATIVE_DAYS[text], "d", raw, lang)
    for pattern, sign in ((_AGO_DE, -1), (_AGO_EN, -1), (_AHEAD_DE, 1), (_AHEAD_EN, 1)):
        match = pattern.match(text)
        if match:
            amount = _number(match.group(1))
            unit = _UNITS.get(match.group(2))
            if amount is None or unit is None:
                return None
            return _shift(today, sign * amount, unit, raw, lang)
    return None


_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def parse_date(raw: str, today: date, lang: str = "en", months: bool = False) -> date:
    """Read a date as a user writes it, in German or English.

    Accepts TT.MM.JJJJ, D.M.JJJJ, TT.MM.JJ (20JJ), JJJJ-MM-TT, D/M/YYYY or M/D/YYYY
    (when only one reading exists; 3/12/2026 raises `AmbiguousDate`),
    "1. Dezember 2026", "December 1, 2026", "1 Dec 2026", and relative words:
    heute, gestern, vorgestern, morgen, übermorgen, today, yesterday, tomorrow,
    "vor 3 Tagen", "3 days ago", "vor 2 Wochen", "in 5 Tagen".

    Args:
        raw: The text given.
        today: The date relative words count from.
        lang: Language of the error message ("de" or "en").
        months: Accept a month alone ("März 2026", "2026-03", "last march") as a
            `MonthDate`; otherwise such a text asks for the day.

    Returns:
        The date.

    Raises:
        AmbiguousDate: A numeric date with two readings; it carries both.
        InputError: The text is no date, or names a date that does not exist
            (31.02.2026); such a date is never moved to a valid one.
    """
    text = " ".join(str(raw).strip().lower().split())
    text = _ORDINAL.sub(r"\1", text)  # "1st December", "December 2nd"
    hint = DATE_FORMATS_HINT.get(lang, DATE_FORMATS_HINT["en"])
    if not text:
        raise InputError(_msg("empty", lang, hint=hint))
    relative = _relative(text, today, raw, lang)
    if relative is not None:
        return relative
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _build(raw, year, month, day, lang)
    match = _SLASHED.match(text)
    if match:
        return _slashed(raw, int(match.group(1)), int(match.group(2)), int(match.group(3)), lang)
    match = _DOTTED.match(text)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        year_text = match.group(3)
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _build(raw, year, month, day, lang)
    match = _DAY_MONTH_YEAR.match(text)
    if match and match.group(2) in MONTHS:
        return _build(raw, int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)), lang)
    match = _MONTH_DAY_YEAR.match(text)
    if match and match.group(1) in MONTHS:
        return _build(raw, int(match.group(3)), MONTHS[match.group(1)], int(match.group(2)), lang)
    only = month_only(text, today)
    if only is not None:
        if months:
            return MonthDate(only[0], only[1], 1)
        raise InputError(_msg("month_only", lang, raw=raw, year=only[0], month=only[1]))
    raise InputError(_msg("unreadable", lang, raw=raw, hint=hint))


def _slashed(raw: str, first: int, second: int, year: int, lang: str) -> date:
    """Read D/M/YYYY or M/D/YYYY: the reading that exists, or both offered when both do."""
    if first > 12 or second > 12 or first == second:
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _build(raw, year, month, day, lang)
    readings = (_build(raw, year, second, first, lang), _build(raw, year, first, second, lang))
    shown = [format_date_long(d, lang) for d in readings]
    raise AmbiguousDate(_msg("ambiguous", lang, raw=raw, first=shown[0], second=shown[1]), readings)

def parse_iso_date(raw: str, lang: str = "en") -> date:
    """Read a strict JJJJ-MM-TT date (for `--today`).

    Raises:
        InputError: Not of that form, or a date that does not exist.
    """
    text = str(raw).strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        raise InputError(_msg("iso", lang, raw=raw))
    year, month, day = (int(g) for g in match.groups())
    return _build(raw, year, month, day, lang)

def format_date(day: date, lang: str = "de") -> str:
    """Format a date for a user: "28.02.2027" in German, "28 Feb 2027" in English;
    a `MonthDate` as its month: "März 2026", "March 2026"; a `MonthDeadline` as its latest
    day with the earliest: "02.01.2027 (spätestens – je nach Tag im Dezember 2026 schon ab 03.12.2026)"; a
    `RoughDeadline` as its safe day with the other end: "04.02.2027 (sicher – je nach genauem Tag auch bis 19.03.2027)"."""
    if isinstance(day, RoughDate):
        return tr(lang, "date_rough", day=format_date(plain(day), lang), words=day.words)
    if isinstance(day, RoughDeadline):
        return tr(lang, "date_rough_deadline" if day.ends else "date_rough_wait", day=format_date(plain(day), lang),
                  earliest=format_date(day.earliest, lang), latest=format_date(day.latest, lang))
    if isinstance(day, MonthDeadline):
        return tr(lang, "date_month_end" if day.ends else "date_month_deadline", latest=format_date(day.latest, lang),
                  earliest=format_date(day.earliest, lang), month=format_date(day.month_date, lang))
    if isinstance(day, MonthDate):
        return f"{month_name(day.month, lang)} {day.year}"
    if lang == "en":
        return f"{day.day} {month_name(day.month, short=True)} {day.year}"
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_date_long(day: date, lang: str = "de") -> str:
    """Format a date with its month's name: "12. März 2026", "12 March 2026"."""
    if isinstance(day, (MonthDate, RoughDate, RoughDeadline)):
        return format_date(day, lang)
    if lang == "en":
        return f"{day.day} {month_name(day.month, 'en')} {day.year}"
    return f"{day.day}. {month_name(day.month, 'de')} {day.year}"

