"""Dates in a question's text: a date says when, not what about, so the matcher reads past it.

The month names a date may be written with are language knowledge (`knowledge/language/months.yaml`):
they are read where the lists are loaded (the matcher's index) and passed in; everything here is pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from faq.language.alternation import factored

__all__ = ["DIGIT", "date_pattern", "may_hold_date", "month_names", "month_pattern", "without_dates"]

DIGIT = re.compile(r"\d")  # every date `date_pattern` finds has one
_NUMERIC_DATE = re.compile(r"\d[-./]\d")  # what a date of numbers alone holds
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_READ_AS_ASCII = ("ſ", "ı")
"""Letters the pattern (ignoring case) reads as an ASCII letter ("s", "i") that str.lower() keeps."""


def month_names(entries: Iterable[str]) -> frozenset[str]:
    """Every spelling of every month, lower-case, from the entries of `months.yaml` (a month's spellings
    apart by spaces: "märz maerz mär mrz")."""
    return frozenset(name.lower() for entry in entries for name in entry.split())


def month_pattern(names: Iterable[str]) -> str:
    """A regular expression matching exactly `names`, as a tree of their shared beginnings
    ("jan(?:uary?)?", `faq.language.alternation.factored`): a search tries each letter once, not every
    name, and the longer name first."""
    return factored(names, whole=True)


@cache
def date_pattern(months: frozenset[str]) -> re.Pattern[str]:
    """The dates written with `months` ("3.4.2025", "2024-11-05", "1. März 2026", "Sep 3rd, 2025", "Dec 12",
    "Oktober 2025"), compiled on first use: most questions have no digit, and compiling it costs a start
    about a ms. A date says when, not what about: it is no evidence for or against an entry."""
    month = f"(?:{month_pattern(months)})"
    return re.compile(
        r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})?|\d{1,2}\.?\s*" + month
        + r"\.?(?:\s+\d{4})?|" + month + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|" + month + r"\s+\d{4})\b",
        re.IGNORECASE)


@cache
def _starts(months: frozenset[str]) -> frozenset[str]:
    return frozenset(name[:3] for name in months)


def may_hold_date(text: str, months: frozenset[str]) -> bool:
    """False only when `date_pattern(months)` finds nothing in `text`: it holds no digit, separator, digit (a
    date of numbers) and no run of letters that is a month's name (every month the pattern finds is one: no
    letter next to it). Far cheaper than the search, which tries the month names at the start of every word."""
    if not DIGIT.search(text):
        return False
    if _NUMERIC_DATE.search(text):
        return True
    low = text.lower()
    if not any(start in low for start in _starts(months)):
        return any(ch in low for ch in _READ_AS_ASCII)
    return any(run in months for run in _LETTER_RUN.findall(low)) or any(ch in low for ch in _READ_AS_ASCII)


def without_dates(text: str, months: frozenset[str]) -> str:
    """`text` with each date written with `months` replaced by a space."""
    return date_pattern(months).sub(" ", text) if may_hold_date(text, months) else text
