"""What a ticket is about: its FAQ entry, from the whole text and its sentences' focus.

The whole text, each of the most relevant sentences (by the words the knowledge base
knows, ties broken by their text, not their place) and each pair of neighbours (in a
fixed order) compete, and the most confident wins: swapping two sentences changes the
verdict only through which sentences are neighbours. A sentence's focus is what it
asks or states, without a short framing clause ("Ist es normal, dass ..."), see `focus`.
"""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.search.matcher import Matcher, MatchResult
from faq.tickets.mentions import find_emails
from faq.tickets.tokens import sentences
from faq.tickets.weights import weights

__all__ = ["focus", "match_topic", "topic_units"]

_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
_PARTS = re.compile(r"\s[-–—]\s|:\s")  # a spaced dash or a colon joins two statements in one sentence


@cache
def _problem() -> re.Pattern[str]:
    """A sentence that states a problem: a question mark or a problem word (knowledge/language/problem_words.yaml)."""
    alts = []
    for w in sorted(set(lexicon_words("problem_words"))):
        w = fold(w) if "*" not in w and "'" not in w else w
        alts.append(re.escape(w).replace(r"\*", r"\w*"))
    return re.compile(r"\?|\b(?:" + "|".join(alts) + r")(?!\w)")


@cache
def _contrast() -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in lexicon_words("contrasts"))
    return re.compile(rf",?\s+(?:{alts})\s+", re.I)


@cache
def _frame() -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in lexicon_words("complementizers"))
    return re.compile(rf"^(?P<frame>[^,.;:!?]*),?\s+(?:{alts})\s+(?P<focus>.+)$", re.I | re.S)


def focus(sentence: str) -> str:
    """Return what a sentence is about: the clause a short framing clause introduces.

    "Ist es normal, dass die Aktivierungsmail noch nicht da ist?" is about "die
    Aktivierungsmail noch nicht da ist?"; a sentence without such a frame is its own
    focus. (The one function to replace with the shared question focus.)
    """
    m = _frame().match(sentence.strip())
    if m and len(m.group("frame").split()) <= weights().frame_words and len(m.group("focus").split()) >= 2:
        return m.group("focus")
    return sentence


def _match_text(text: str) -> str:
    """Drop what only confuses the matcher: addresses and links."""
    for start, end, _ in reversed(find_emails(text)):
        text = text[:start] + " " + text[end:]
    return _URL.sub(" ", text)


def known_tokens(text: str, matcher: Matcher) -> int:
    """Count the distinct words of `text` that the knowledge base knows as they are (no typo fixing)."""
    return len({t for t in matcher.normalizer.tokens(text) if matcher.knows(t)})


def topic_units(body: str, subject: str = "") -> list[str]:
    """Return the units a ticket's topic is read from: the subject, then each sentence's focus."""
    units = [u for u in (_match_text(focus(s)).strip() for _, s in sentences(body)) if u]
    if subject:
        units.insert(0, _match_text(subject).strip())
    return units[: weights().scan_units]


def match_topic(body: str, matcher: Matcher, subject: str = "") -> MatchResult:
    """Match a ticket to its FAQ entry: the best of the whole text and its sentences.

    A ticket is longer than a question. Its sentences (the subject counts as one)
    that hold no word the knowledge base knows are left out; the rest is matched as
    a whole and, unless that is a confident answer, each of the most relevant
    sentences, the clauses after "aber"/"but" and neighbouring pairs too: the most confident verdict wins (the whole text on a tie). A sentence of few
    known words cannot decide a ticket the whole text matches, nor one it does not.
    The language is detected once, on the whole text.
    """
    w = weights()
    units = topic_units(body, subject)
    known = [known_tokens(u, matcher) for u in units]
    kept = [u for u, k in zip(units, known) if k] or units
    whole = "\n".join(kept) if len(units) > 1 else _match_text(focus(body))
    lang = matcher.detect_language("\n".join(units) or body)
    best = matcher.match(whole, lang)
    # "Wir haben bestellt, aber die Mail ist nicht da": what follows "aber"/"but" is
    # usually the problem itself, so it competes as a unit of its own; so do the parts
    # of a sentence joined by a dash or a colon ("Frage: Die Mail fehlt - ist das normal?").
    clauses = sorted({c.strip() for u in kept for c in _contrast().split(u)[1:] if c.strip()}
                     | {c.strip() for u in kept for c in _PARTS.split(u) if c.strip() and c.strip() != u.strip()})
    if len(kept) + len(clauses) <= 1 or (best.outcome == "answer" and best.confidence >= w.sure):
        return _as_ticket(best, whole, lang)
    scored = sorted({(k, u) for u, k in zip(units, known) if k >= w.min_known and len(u) >= 8},
                    key=lambda x: (-x[0], x[1]))
    # A problem is often told in two sentences ("The link gives an error. Can it be
    # reactivated?"): neighbours compete as one unit too, each pair in a fixed order.
    pairs = sorted({" ".join(sorted(pair)) for pair in zip(kept, kept[1:])})[: w.scan_units]
    extra = [(known_tokens(c, matcher), c) for c in [*clauses, *pairs]]
    relevant = sorted({*scored[: w.max_units], *((k, c) for k, c in extra if k >= w.min_known)},
                      key=lambda x: (-x[0], x[1]))
    best_weight = best.confidence
    whole_matched = best.outcome != "no_match"
    for known_words, unit in relevant:
        if best.outcome == "no_match" and known_words < w.full_unit:
            continue  # a ticket that matches nothing as a whole is not decided by "How do we fix this?"
        if whole_matched and known_words < w.override_unit and unit not in clauses:
            continue  # nor is one the whole text answers ("Müssen wir jetzt wieder aktivieren?")
        result = matcher.match(unit, lang)
        # A sentence that states the problem says what the ticket is about; one that
        # only gives context ("Als OSM ist x eingetragen") counts for less, and so does
        # one of two or three words, which fits some entry perfectly by chance.
        weight = result.confidence * (1.0 if _problem().search(fold(unit)) else w.context_weight)
        weight *= min(1.0, known_words / w.full_unit)
        if result.outcome != "no_match" and (best.outcome == "no_match" or weight > best_weight):
            best, best_weight = result, weight
    return _as_ticket(best, whole, lang)


def _as_ticket(result: MatchResult, whole: str, lang: str) -> MatchResult:
    if result.query == whole and result.lang == lang:
        return result
    return MatchResult(whole[:500], result.outcome, result.id, result.flow, result.confidence, lang, result.candidates)
