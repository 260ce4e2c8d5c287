"""A date written without a year, its year named right after it ("der 1.2. letztes Jahr", "1 March
next year"): read in that year, not as the occurrence nearest to today. The words are data in
knowledge/language/relative_years.yaml."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.mentions import DateMention

__all__ = ["yeared"]

_YEAR = re.compile(r"\d{4}|'\d\d")  # a date that names its year itself
_WORD = re.compile(r"\w+")
_AFTER = 40  # characters after a date where the words naming its year may stand


@cache
def _relative_years() -> tuple[tuple[tuple[str, ...], int], ...]:
    """Each phrase of relative_years.yaml (folded words) with its years from today's, longest first."""
    out = []
    for entry in lexicon_words("relative_years"):
        shift, _, words = entry.partition(" ")
        out.append((tuple(fold(words).split()), int(shift)))
    return tuple(sorted(out, key=lambda o: -len(o[0])))


def _shift(after: str) -> int | None:
    """The years from today's that the words opening `after` name, else None; not those opening a
    sentence of their own ("am 1.2. Letztes Jahr war es ...": a capital after the date's dot)."""
    if after.lstrip(" ,(")[:1].isupper():
        return None
    words = tuple(_WORD.findall(fold(after)))
    return next((shift for phrase, shift in _relative_years() if words[:len(phrase)] == phrase), None)


def yeared(text: str, mentions: list[DateMention], today: date) -> list[DateMention]:
    """The dates of `text`, each without a year of its own but with one named right after it read in
    that year (a day that year lacks, 29 Feb, is none)."""
    out = []
    for m in mentions:
        if m.value is None or m.relative or _YEAR.search(m.raw):
            out.append(m)
            continue
        shift = _shift(text[m.end:m.end + _AFTER])
        if shift is not None:
            try:
                m = replace(m, value=m.value.replace(year=today.year + shift))
            except ValueError:
                m = replace(m, value=None, error=f"'{m.raw}' is not a date in that year")
        out.append(m)
    return out
