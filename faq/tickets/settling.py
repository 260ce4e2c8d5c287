"""Which facts read from a ticket may settle a cause.

A cause tells the customer why their problem occurs, so each fact that decides it must be
read from a plain statement in the customer's own words. A fact read through a weaker path
is shown (and the reply asks to confirm it) but settles nothing:

* a statement whose negation was repaired from a slip ("Den Spam-Ordner habe ich nciht
  geprüft", `faq.tickets.tokens.misspelt_negations`): the writer may have meant another word, and the statement
  read turns round with it;
* a statement of a quoted or forwarded mail the customer points at ("siehe unten"): another
  person's words, perhaps outdated, that the customer does not repeat as their own; unless
  the customer points at that very fact ("Kaufdatum siehe unten": `adopted`);
* the only date of a ticket that names no date fact, taken for the flow's one date fact
  ("Der Link geht nicht mehr. Das war am 01.03.2026."): the day may be another event's;
* a time told only vaguely ("irgendwann im Dezember", "sometime in December": `vague_times`); a span
  counted from today told roughly ("vor etwa 30 Stunden", "about three weeks ago": `approximators`) is
  read firm when every day it may round to gives the same outcome (`spans_firm`);
* a date that names no year ("am 1. Dezember", "Anfang Oktober") when the year would change the
  outcome (`years_weak`): a year earlier or later, on the side of today the sentence tells, says otherwise;
  where the ticket says the year is not known ("ein Jahr steht nicht dabei": `year_untold`), on either side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from functools import cache

from faq.flows.dates import MonthDate, RoughDate, counted_hours, month_number
from faq.flows.outcomes import same_outcome
from faq.flows.values import Value, future_allowed
from faq.kb.model import Flow
from faq.language.lexicon import folded
from faq.language.normalize import fold
from faq.tickets.context import context_positions
from faq.tickets.cues import lexicon_for
from faq.tickets.datetense import said_past, tense
from faq.tickets.evidence import QUOTED, Evidence
from faq.tickets.mentions import since_span
from faq.tickets.quotes import points_below
from faq.tickets.tokens import misspelt_negations, sentences, tokenize
from faq.tickets.weights import ticket_file, weights

__all__ = ["UNCUED", "YEARLESS", "adopted", "rough_dates", "spans_firm", "weak_facts", "year_untold", "years_weak"]

UNCUED = "named by no cue"  # the note `faq.tickets.facts` leaves on a date fact read without its cue
YEARLESS = "written without its year"  # ... on a date fact whose date names no year ("am 1. Dezember")

_WORD = re.compile(r"[^\W\d_]+")


_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _repaired(ev: Evidence) -> bool:
    """Whether the clause of the evidence's words holds a misspelt negation (not a spoken form)."""
    slips, plain = misspelt_negations(), _plain_slips()
    sentence = ev.sentence or ev.quote
    at = sentence.find(ev.quote)
    clause = sentence
    if at >= 0:
        lo = max((m.end() for m in _CLAUSE.finditer(sentence, 0, at)), default=0)
        hi = next((m.start() for m in _CLAUSE.finditer(sentence, at + len(ev.quote))), len(sentence))
        clause = sentence[lo:hi]
    return any((w := fold(word)) in slips and w not in plain for word in _WORD.findall(clause))


@cache
def _plain_slips() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in (ticket_file("plain_slips.yaml") or {}).get("words") or ())


_VAGUE_REACH = 2  # words before a fact's words that may make it vague ("irgendwann im Dezember")


def _vague_words(ev: Evidence) -> list[str] | None:
    """The words of vagueness (`vague_times`) in the evidence's words or the few before them ("irgendwann
    im Dezember", "sometime in December", "ungefähr am 01.12.", "spätestens am 27.11."); None when the
    words tell no time, or tell it as one of two ("im April oder Mai": `alternatives` right after)."""
    told = _WORD.findall(ev.quote)
    if not any(c.isdigit() for c in ev.quote) and not any(month_number(w) or fold(w) in folded("time_words") for w in told):
        return []  # no date: "about" before a yes or no tells no time
    sentence = ev.sentence or ev.quote
    at = max(sentence.find(ev.quote), 0)
    after = _WORD.findall(sentence[at + len(ev.quote):])[:1]  # "im April oder Mai": either
    if any(fold(w) in folded("alternatives") for w in after):
        return None
    return [w for w in (fold(w) for w in _WORD.findall(sentence[:at])[-_VAGUE_REACH:] + told) if w in folded("vague_times")]


def _vague(ev: Evidence) -> bool:
    """Whether the evidence's words tell a time only vaguely (`_vague_words`)."""
    found = _vague_words(ev)
    return found is None or bool(found)


def _rough_span(ev: Evidence) -> int | None:
    """The hours of a span counted from today told roughly and only so ("vor etwa 30 Stunden", "about
    three weeks ago": each word of vagueness an `approximators` one), else None."""
    found = _vague_words(ev)
    if not found or not set(found) <= folded("approximators"):
        return None
    return counted_hours(re.findall(r"\w+", ev.quote.lower()))


def _reach(hours: int) -> range:
    """The days back or ahead a span of `hours` told roughly may round to: up to `span_spread` of it
    longer or shorter."""
    spread = weights().span_spread
    return range(int(hours * (1 - spread) / 24), int(hours * (1 + spread) / 24) + 1)


def _rough_days(facts: Mapping[str, Value], evidence: Mapping[str, Evidence],
                today: date) -> Iterator[tuple[str, Evidence, date, list[date]]]:
    """Each date fact told as a rough span back or ahead of today (`_rough_span`): its id, evidence and
    date, and the days the span may round to (`_reach`), in order."""
    for key, ev in evidence.items():
        value = facts.get(key)
        if not isinstance(value, date) or isinstance(value, MonthDate) or (hours := _rough_span(ev)) is None:
            continue
        sign = 1 if value > today else -1
        yield key, ev, value, sorted(today + timedelta(days=sign * n) for n in _reach(hours))


def rough_dates(facts: Mapping[str, Value], evidence: Mapping[str, Evidence], today: date) -> dict[str, Value]:
    """Return `facts` with each date told as a rough span (`_rough_span`: "vor etwa zwei Monaten") made a
    `RoughDate`: the same day, carrying the customer's words and the days it may round to, so that a
    reply shows it, and what is computed from it, as approximate; a span that rounds to one day only
    stays its plain date."""
    out = dict(facts)
    for key, ev, value, days in _rough_days(facts, evidence, today):
        if days[0] != days[-1]:  # "vor etwa 10 Stunden": today, whatever it rounds to
            out[key] = RoughDate.of(value, _told(ev), days[0], days[-1])
    return out


def _told(ev: Evidence) -> str:
    """The customer's words of a rough span, with the word before them that makes it rough ("about
    two months ago", where the evidence quotes "two months ago")."""
    sentence = ev.sentence or ev.quote
    at = sentence.find(ev.quote)
    if at < 0:
        return ev.quote
    before = list(_WORD.finditer(sentence[:at]))[-_VAGUE_REACH:]
    first = next((m.start() for m in before if fold(m.group()) in folded("approximators")), at)
    return sentence[first:at + len(ev.quote)]


def spans_firm(flow: Flow, facts: Mapping[str, Value], evidence: Mapping[str, Evidence], today: date) -> frozenset[str]:
    """Return the date facts told as a rough span back or ahead of today ("Nutzungsbeginn vor etwa 30
    Stunden", `_rough_span`) whose outcome is the same on every day the span may round to, up to
    `span_spread` of it longer or shorter (22 to 37 hours: today or yesterday, both under 48 hours).
    Their vagueness does not keep them from settling a cause; "vor etwa 40 Stunden" (one or two days)
    stays weak where 48 hours decide. Nor does a span a state has lasted ("seit drei Tagen", `_since_days`)
    where every day it may have begun decides the same."""
    told = {key: days for key, _ev, _day, days in _rough_days(facts, evidence, today)}
    for key, days in _since_days(facts, evidence):
        told[key] = sorted({*told.get(key, ()), *days})
    return frozenset(key for key, days in told.items() if same_outcome(flow, facts, key, days, today))


def _since_days(facts: Mapping[str, Value], evidence: Mapping[str, Evidence]) -> Iterator[tuple[str, list[date]]]:
    """Each date fact read from a span a state has lasted (`_since`): its id and the days it may have begun,
    the date read and up to `since_reach` days before it (the wait may have begun after what is waited on)."""
    for key, ev in evidence.items():
        value = facts.get(key)
        if isinstance(value, date) and not isinstance(value, MonthDate) and since_span(ev.quote):
            yield key, [value - timedelta(days=n) for n in range(weights().since_reach, -1, -1)]


def weak_facts(evidence: Mapping[str, Evidence], adopted: frozenset[str] = frozenset(),
               notes: Iterable[str] = (), firm: frozenset[str] = frozenset()) -> frozenset[str]:
    """Return the facts whose evidence is no plain statement of the customer's own (a misspelt
    negation in its sentence, quoted text the customer did not point at by the fact: `adopted`,
    or a date read without its cue: a note of the reader ending in `UNCUED`, or a time told only vaguely,
    or a span a state has lasted, unless in `firm`: a rough span whose outcome its reach does not change, `spans_firm`)."""
    uncued = {n.split(":")[0] for n in notes if n.endswith(UNCUED)}
    return frozenset(fact for fact, ev in evidence.items()
                     if ev.source == QUOTED and fact not in adopted or fact in uncued or _repaired(ev)
                     or fact not in firm and (_vague(ev) or since_span(ev.quote)))


def adopted(body: str, flow: Flow, lang: str, vocabulary: object | None = None) -> frozenset[str]:
    """Return the facts the customer's own words point at in a quoted mail by naming them
    ("Kaufdatum siehe unten", "usage start: see the forwarded mail")."""
    lex = lexicon_for(vocabulary)
    out = set()
    for _, sentence in sentences(body):
        if not points_below(sentence):
            continue
        words = lex.words(tokenize(sentence))
        out |= {f.id for f in flow.facts if f.cues.context and context_positions(f, lang, words, lex)}
    return frozenset(out)


def _in_year(day: date, year: int) -> date | None:
    """`day` (or the month of a `MonthDate`) in another year; None for a day that year lacks (29 Feb)."""
    if isinstance(day, MonthDate):
        return MonthDate(year, day.month, 1)
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def year_untold(text: str) -> bool:
    """Whether a sentence of `text` says a date's year is not given or not known: a year noun
    (`year_nouns`) with a negation or lack word (`negations`, `lack_words`) right before it or after it
    in its sentence ("Ein Jahr steht da nicht dabei", "ohne Jahreszahl", "the year is missing"), not
    one after a preposition ("seit einem Jahr nicht") nor one of a span of time ("a year ago":
    `year_span_tails`)."""
    nouns = folded("year_nouns")
    if not any(n in text.lower() for n in nouns):
        return False  # most tickets: no year noun at all
    denying = folded("negations") | folded("lack_words")
    leads = folded("prepositions") - denying
    for _, sentence in sentences(text):
        words = [t.word for t in tokenize(sentence)]
        for i, word in enumerate(words):
            if word not in nouns or leads & set(words[max(0, i - 2):i]) \
                    or i + 1 < len(words) and words[i + 1] in folded("year_span_tails"):
                continue
            if denying & set(words[max(0, i - 2):i]) or denying & set(words[i + 1:]):
                return True
    return False


def years_weak(flow: Flow, facts: Mapping[str, Value], evidence: Mapping[str, Evidence], notes: Iterable[str],
               today: date, untold: bool = False) -> frozenset[str]:
    """Return the date facts written without a year (a note ending in `YEARLESS`) whose outcome another
    year would change: "Nutzungsbeginn ist am 1. Dezember" on 27 November is this year's start ahead or
    last year's long past; "gekauft Anfang Oktober" a link still valid or long expired. The years tried are
    the one before and the one after, on the side of today the sentence tells ("gekauft", "started": past;
    "beginnt", "starts": ahead; `faq.tickets.datetense.tense`) and the fact allows (a purchase lies past); a
    month by its first and last day. "Gekauft am 5. Januar", months ago, is expired whatever the year.
    With `untold` (the ticket says the year is not known: `year_untold`) the tense tells no side."""
    told = {n.split(":")[0] for n in notes if n.endswith(YEARLESS)}
    out = set()
    for key in told:
        value, ev = facts.get(key), evidence.get(key)
        if not isinstance(value, date) or ev is None:
            continue
        sentence = ev.sentence.lower()
        at = max(sentence.find(ev.quote.lower()), 0)
        bygone = not future_allowed(flow, key)  # a purchase lies past: a month's days count up to today
        past = bygone or not untold and said_past(sentence, at, at + len(ev.quote))
        ahead = not past and not untold and tense(sentence, at, at + len(ev.quote)) is False
        days = []
        for year in (value.year - 1, value.year, value.year + 1):
            other = _in_year(value, year)
            if other is None or other != value and (past and other > today or ahead and _last(other) < today):
                continue
            days += [other, min(_last(other), today) if bygone else _last(other)] if isinstance(other, MonthDate) else [other]
        if not same_outcome(flow, facts, key, days, today):
            out.add(key)
    return frozenset(out)


def _last(day: date) -> date:
    """The last day a date may be: a `MonthDate`'s last, else the day itself."""
    return day.last_day if isinstance(day, MonthDate) else day

