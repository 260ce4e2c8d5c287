"""Dates in a question's text: a date says when, not what about, so the matcher reads past it."""

from __future__ import annotations

import re
from functools import cache

__all__ = ["DIGIT", "MONTH_NAMES", "dates", "may_hold_date"]

_MONTH = (r"(?:jan(?:uar|uary)?|feb(?:ruar|ruary)?|m(?:ä|ae|a)rz|march|mar|apr(?:il)?|mai|may|jun[ie]?|jul[iy]?|"
          r"aug(?:ust)?|sep(?:tember)?|o[kc]t(?:ober)?|nov(?:ember)?|de[zc](?:ember)?)")
_DATE = (
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})?|\d{1,2}\.?\s*" + _MONTH + r"\.?(?:\s+\d{4})?|"
    + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|" + _MONTH + r"\s+\d{4})\b"
)
"""A date says when, not what about: it is no evidence for or against an entry. Compiled on first use
(`dates`): most questions have no digit, and compiling it costs a start about a ms."""
DIGIT = re.compile(r"\d")  # every date `_DATE` finds has one
MONTH_NAMES = frozenset(("jan", "januar", "january", "feb", "februar", "february", "märz", "maerz", "marz", "march",
                         "mar", "apr", "april", "mai", "may", "jun", "juni", "june", "jul", "juli", "july", "aug",
                         "august", "sep", "september", "okt", "oct", "oktober", "october", "nov", "november", "dez",
                         "dec", "dezember", "december"))
"""Every month name `_MONTH` finds, lower-cased (tests/test_datewords.py holds them to it)."""
_MONTH_STARTS = frozenset(name[:3] for name in MONTH_NAMES)
_NUMERIC_DATE = re.compile(r"\d[-./]\d")  # what a date of numbers alone holds
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_READ_AS_ASCII = ("ſ", "ı")
"""Letters `_DATE` (ignoring case) reads as an ASCII letter ("s", "i") that str.lower() keeps."""


def may_hold_date(text: str) -> bool:
    """False only when `_DATE` finds nothing in `text`: it holds no digit, separator, digit (a date of numbers) and
    no run of letters that is a month's name (every month `_DATE` finds is one: no letter next to it). Far
    cheaper than the search, which tries every month name at the start of every word."""
    if not DIGIT.search(text):
        return False
    if _NUMERIC_DATE.search(text):
        return True
    low = text.lower()
    if not any(start in low for start in _MONTH_STARTS):
        return any(ch in low for ch in _READ_AS_ASCII)
    return any(run in MONTH_NAMES for run in _LETTER_RUN.findall(low)) or any(ch in low for ch in _READ_AS_ASCII)


@cache
def dates() -> re.Pattern[str]:
    """The compiled `_DATE`."""
    return re.compile(_DATE, re.IGNORECASE)
