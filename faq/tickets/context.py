"""Where a fact's context cues stand in a sentence ("Nutzungsbeginn", "ich bin") and which
words name another event a date may belong to (`knowledge/language/date_events.yaml`)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from faq.kb.model import Fact
from faq.language.lexicon import folded as _folded
from faq.tickets.cuefind import Words, find_cue, word_matches
from faq.tickets.cues import CueLexicon, phrases
from faq.tickets.weights import weights

if TYPE_CHECKING:
    from faq.tickets.sentence import Sentence

__all__ = ["context_positions", "context_spans", "denied_context", "event_positions", "own_event_positions"]


def _context_cues(fact: Fact, lang: str, lex: CueLexicon) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The context cues of a fact as (all words, content words), built once per lexicon."""
    key = (id(fact.cues.context), lang)
    hit = lex._contexts.get(key)
    if hit is not None and hit[0] is fact.cues.context:
        return hit[1]
    out = tuple((lex.cue(p, drop_function_words=False), lex.cue(p)) for p in phrases(fact.cues.context, lang))
    lex._contexts[key] = (fact.cues.context, out)
    return out


def context_positions(fact: Fact, lang: str, words: list[str], lex: CueLexicon) -> list[int]:
    """Token positions where a context cue of the fact stands.

    A cue of one word matches where it stands; one of several words matches its
    content words close together in any order ("beginn der nutzung" in "beginnt die
    Nutzung am ..."), at the first of them.
    """
    return sorted({lo for lo, _ in context_spans(fact, lang, words, lex)})


def context_spans(fact: Fact, lang: str, words: list[str], lex: CueLexicon,
                  raw: list[str] | None = None) -> list[tuple[int, int]]:
    """Token spans (first, last word) of the context cues of the fact (`context_positions`).
    With the sentence's `raw` (folded, not canonical) words, a cue's nouns (`Cue.nouns`) must
    stand in its span as written: "bestellt" is no "Bestellung" there."""
    out = []
    searched = words if isinstance(words, Words) else None
    for whole, content in _context_cues(fact, lang, lex):
        if not whole or searched is not None and not searched.holds(content):
            continue  # a content word stands nowhere in the sentence: neither way finds the cue
        last = len(words) - len(whole)
        starts = searched.hits(whole[0]) if searched is not None else range(last + 1)
        spans = [(i, i + len(whole) - 1) for i in starts
                 if i <= last and all(word_matches(c, words[i + k]) for k, c in enumerate(whole))]
        if len(content) >= 2:
            span = find_cue(content, words, slack=weights().cue_near, skippable=lex.stop)
            if span is not None:
                spans.append(span)
        nouns = getattr(whole, "nouns", ())
        if raw is not None and nouns:
            spans = [(lo, hi) for lo, hi in spans
                     if all(any(raw[j] in (n, n + "s", n + "en") for j in range(lo, hi + 1)) for n in nouns)]
        out.extend(spans)
    return sorted(set(out))


def event_positions(fact: Fact | None, words: list[str], lex: CueLexicon) -> list[int]:
    """Positions of words naming another event a date may belong to (`date_events`), not a
    word of the fact's own context cues (any word of an event without a fact)."""
    events = _folded("date_events")
    starts = _event_starts()
    out = []
    for i, word in enumerate(words):
        if word.startswith(starts) and any(word.startswith(e) and len(word) - len(e) <= 3 for e in events) \
                and not (fact is not None and any(word_matches(w, word) for w in _context_words(fact, lex))):
            out.append(i)
    return out


def own_event_positions(fact: Fact, words: list[str], lex: CueLexicon) -> list[int]:
    """Positions of event words (`date_events`) that are words of the fact's own context cues: the
    deed that dates the fact ("Reservation effective, placed 2 November": placing dates the reservation)."""
    events, starts, own = _folded("date_events"), _event_starts(), _context_words(fact, lex)
    return [i for i, word in enumerate(words)
            if word.startswith(starts) and any(word.startswith(e) and len(word) - len(e) <= 3 for e in events)
            and any(word_matches(w, word) for w in own)]


@cache
def _event_starts() -> tuple[str, ...]:
    return tuple(_folded("date_events"))


def _context_words(fact: Fact, lex: CueLexicon) -> tuple[str, ...]:
    """The words of a fact's context cues (worked out once per fact)."""
    context = fact.cues.context
    return lex.derive("context_words", context, "",
                      lambda: tuple(w for phrases in context.values() for p in phrases for w in lex.cue(p)))


def denied_context(s: Sentence, at: int, lex: CueLexicon) -> bool:
    """Whether the context word at token `at` of a sentence is named as where something is not: a
    negation or an otherness word before it in its phrase, only function words between ("an
    max@x.de statt an unseren OSM", "sent to max@x.com, not to our OSM", "instead of the OSM")."""
    words, tokens = s.words, s.tokens
    j = at - 1
    while j >= 0 and words[j] in lex.stop and not _PUNCTUATION.search(s.text[tokens[j].end:tokens[j + 1].start]):
        j -= 1
    return j >= 0 and not _PUNCTUATION.search(s.text[tokens[j].end:tokens[j + 1].start]) \
        and (words[j] == lex.word("nicht") or words[j].startswith(_otherness(lex)))


_PUNCTUATION = re.compile(r"[,;:.!?()\n–—-]")


def _otherness(lex: CueLexicon) -> tuple[str, ...]:
    return lex.derive("otherness", _otherness, "", lambda: tuple({*_folded("otherness"), *(lex.word(w) for w in _folded("otherness"))}))
