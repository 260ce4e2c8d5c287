"""A date written without a year, its year named right after it ("der 1.2. letztes Jahr", "1 March
next year"): read in that year, not as the occurrence nearest to today; one that names no year
anywhere is told apart (`year_unnamed`). The words are data in knowledge/language/relative_years.yaml."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.mentions import DateMention

__all__ = ["year_unnamed", "yeared"]

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


def year_unnamed(text: str, mention: DateMention, others: list[DateMention]) -> bool:
    """Whether a date of `text` names no year at all ("am 1. Dezember", "Anfang Oktober"): neither its
    own words nor words right after it ("letztes Jahr", "zweitausendsechsundzwanzig": year_numerals.yaml),
    nor another date of its sentence (`others`) that pins it, a relative word of the same day ("also
    gestern", "yesterday (25 Nov)") or a date of the same year written with it ("10/06/2026, so 10 June"),
    nor a weekday of its sentence that the date falls on ("Mittwoch, also der 18. November").
    A relative word ("gestern", "vor 3 Tagen") counts from today and needs none."""
    if mention.value is None or mention.relative or _YEAR.search(mention.raw):
        return False
    after = text[mention.end:mention.end + _AFTER]
    if _shift(after) is not None or any(w.startswith(_year_numerals()) for w in _WORD.findall(fold(after))[:1]):
        return False
    if any(_weekdays().get(w) == mention.value.weekday() for w in _WORD.findall(fold(text))):
        return False  # "Mittwoch, also der 18. November": the weekday fits one year only
    return not any(o is not mention and (o.relative and o.value == mention.value
                                         or any(int(y) == mention.value.year for y in re.findall(r"\d{4}", o.raw)))
                   for o in others)


@cache
def _weekdays() -> dict[str, int]:
    """Each folded spelling of a weekday (weekdays.yaml) -> its number (0 = Monday)."""
    return {fold(w): n for lang in ("de", "en") for n, entry in enumerate(lexicon_words("weekdays", lang)) for w in entry.split()}


@cache
def _year_numerals() -> tuple[str, ...]:
    """The folded first words of a year written in words (year_numerals.yaml)."""
    return tuple(w.split()[0] for w in (fold(e) for e in lexicon_words("year_numerals")) if w)
