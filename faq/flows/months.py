"""Months: their names and spellings (`knowledge/language/months.yaml`), a date known only to its
month ("März 2026", `MonthDate`) and the day an hours condition runs out for one (`MonthDeadline`).

Everything here is pure: the current date is always passed in as `today`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["MONTHS", "MonthDate", "MonthDeadline", "month_name", "month_number", "month_only"]


def _month_table() -> tuple[dict[str, int], dict[str, tuple[str, ...]]]:
    """Month spellings -> number, and each language's month names, from the lexicon."""
    from faq.language.lexicon import words

    table: dict[str, int] = {}
    names: dict[str, tuple[str, ...]] = {}
    for lang in ("de", "en"):
        entries = words("months", lang)
        names[lang] = tuple(entry.split()[0].capitalize() for entry in entries)
        for number, entry in enumerate(entries, 1):
            for spelling in entry.split():
                table.setdefault(spelling, number)
    return table, names


MONTHS, _MONTH_NAME = _month_table()
"""Every spelling of a month (German and English, lower-case) -> its number."""
_MONTH_ABBR_EN = tuple(name[:3] for name in _MONTH_NAME["en"])


def month_number(word: str) -> int | None:
    """The month a word names ("März", "Dec.", "september": German and English), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def month_name(month: int, lang: str = "de", short: bool = False) -> str:
    """The name of month `month` (1-12) in German or English ("März", "March"); `short` gives the
    English three letters ("Mar")."""
    if short:
        return _MONTH_ABBR_EN[month - 1]
    return _MONTH_NAME["en" if lang == "en" else "de"][month - 1]


_MONTH_YEAR = re.compile(r"^([a-zäöü]+)\.?,? (\d{4})$")
_NUMERIC_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$|^(\d{1,2})[./](\d{4})$")
_PAST_MONTH = re.compile(r"^(?:([a-zäöü]+) )?([a-zäöü]+)\.?$")


class MonthDate(date):
    """A date known only to its month ("März 2026"): the month's first day, marked as such.

    Date arithmetic keeps the mark (a deadline six months on is a month too), and
    `format_date` shows the month alone.
    """

    @property
    def last_day(self) -> date:
        """The month's last day, as a plain date."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


class MonthDeadline(date):
    """The day a condition runs out for a date known only to its month, carrying the earliest and
    latest day it may be (counted from the month's first and last day) and the month. It is the safe
    one of them: for the day a wait is over (an hours condition) the latest, for a day something lasts
    through (`ends`: a link valid for six months) the earliest. `format_date` shows it with the other,
    never one day as if it were exact."""

    earliest: date
    latest: date
    month_date: MonthDate
    ends: bool

    def __new__(cls, latest: date, earliest: date, month_date: MonthDate, ends: bool = False) -> MonthDeadline:
        safe = earliest if ends else latest
        self = super().__new__(cls, safe.year, safe.month, safe.day)
        self.earliest, self.latest, self.month_date, self.ends = earliest, latest, month_date, ends
        return self


def month_only(text: str, today: date) -> tuple[int, int] | None:
    """(year, month) of a text naming only a month: "märz 2026", "2026-03", "last march"."""
    from faq.language.lexicon import words

    match = _MONTH_YEAR.match(text)
    if match and match.group(1) in MONTHS:
        return int(match.group(2)), MONTHS[match.group(1)]
    match = _NUMERIC_MONTH.match(text)
    if match:
        year, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        if 1 <= int(month) <= 12 and 1 <= int(year) <= 9999:
            return int(year), int(month)
        return None
    match = _PAST_MONTH.match(text)
    if match and match.group(2) in MONTHS and (match.group(1) is None or match.group(1) in words("past_month")):
        month = MONTHS[match.group(2)]
        # "last march" in March means a year ago; "im März" and "März" include this month.
        strict = match.group(1) is not None and match.group(1) not in words("month_inclusives")
        year = today.year if month < today.month or (month == today.month and not strict) else today.year - 1
        return year, month
    return None
