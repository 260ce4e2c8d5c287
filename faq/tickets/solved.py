"""Whether a state a sentence tells is a problem since solved, or told beside an earlier success.

A ticket tells what worked besides its problem: an earlier activation that went fine, a problem
solved last year. What such a part of the ticket tells is of then, no fact of the case now:
- a problem told as solved: a word of solving (`solved_words`) after the cue in its part of the
  sentence ("Das falsche Konto hatten wir letztes Jahr schon, der Support hat es gelöst", "the
  licences were on the wrong account; support fixed it"), or opening the next sentence that points
  back ("Das wurde damals behoben.", "That was fixed in 2025.");
- a success of an earlier period or occasion: a word of success (`success_words`, `problem_free`)
  and an earlier period (`bygone_periods`, `earlier_occasions`, a year before today's) in the cue's
  part of the sentence ("Letztes Mal war der OSM globaler Admin, alles ging glatt"), unless the fact
  is one a deed of then set up and that still holds (knowledge/tickets/lasting_facts.yaml: "2024
  haben wir über diese Registrierung problemlos aktiviert" tells the enrollment linked).
A word of solving or success denied, asked, hoped or conditional ("ist nicht gelöst", "wurde das
behoben?", "hoffentlich klappt es") tells nothing. The fact then stays open: a false fact is worse
than a question.
"""

from __future__ import annotations

from functools import cache

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds, phrase_spans, phrases
from faq.tickets.sentence import Sentence
from faq.tickets.tokens import Token
from faq.tickets.weights import ticket_file

__all__ = ["solved_or_then"]

_POINTING = 6  # words at the next part's start where it points back at the one before and tells it solved
# ("Das wurde damals gelöst", "support fixed it")


def _told(tokens: list[Token], text: str, found: tuple[int, int]) -> bool:
    """Whether the words of solving or success at `found` are told as done: their clause holds no
    negation outside them ("hat nicht geklappt"; "no issues" is one), no condition, hope or plan,
    and no question mark ends it."""
    lo, hi = clause_bounds(tokens, text, found[0], found[1] - 1)
    if "?" in text[tokens[hi].end:tokens[hi + 1].start if hi + 1 < len(tokens) else len(text)]:
        return False
    barred = folded("conditionals") | folded("hopes") | folded("intentions") | folded("future_verbs")
    return not any((t.neg and not found[0] <= i < found[1]) or t.word in barred for i, t in enumerate(tokens[lo:hi + 1], lo))


@cache
def _firsts() -> frozenset[str]:
    """The first words of the words of solving and success."""
    return frozenset(w for name in ("solved_words", "success_words", "problem_free") for w in phrases(name))


_SEEN: dict[int, tuple[list[Token], bool]] = {}  # a sentence's tokens -> whether it holds such a word (asked once per cue)
_KEPT = 512


def _near(s: Sentence) -> bool:
    """Whether the sentence holds a word of solving or success, remembered for its tokens."""
    hit = _SEEN.get(id(s.tokens))
    if hit is None or hit[0] is not s.tokens:
        if len(_SEEN) > _KEPT:
            _SEEN.clear()
        words = [t.word for t in s.tokens] if not _firsts().isdisjoint(t.word for t in s.tokens) else []
        hit = _SEEN[id(s.tokens)] = (s.tokens, any(phrase_spans(words, name) for name in ("solved_words", "success_words", "problem_free")))
    return hit[1]


@cache
def _lasting() -> frozenset[str]:
    return frozenset((ticket_file("lasting_facts.yaml") or {}).get("facts", ()))


def _earlier(words: list[str], year: int) -> bool:
    """Whether `words` place what they tell at an earlier period or occasion, or a year before `year`."""
    return bool(phrase_spans(words, "bygone_periods") or phrase_spans(words, "earlier_occasions")) \
        or any(len(w) == 4 and w.isdigit() and 1990 < int(w) < year for w in words)


def _points_back_solved(tokens: list[Token], text: str, start: int) -> bool:
    """Whether the words from token `start` open by pointing back and tell that solved ("Das wurde
    damals behoben", "...; that was fixed")."""
    if start >= len(tokens):
        return False
    words = [t.word for t in tokens]
    _, hi = clause_bounds(tokens, text, start, start, "contrasts")
    opening = words[start:min(hi + 1, start + _POINTING)]
    pointers = folded("anaphors") | folded("thing_pronouns")
    return any(pointers.intersection(opening) and _told(tokens, text, (start + a, start + b))
               for a, b in phrase_spans(opening, "solved_words"))


def _pointer_between(tokens: list[Token], text: str, lo: int, hi: int) -> bool:
    """Whether a word pointing back stands among tokens lo..hi-1, not an article of a noun after it
    ("das wurde aber behoben"; not "das Problem mit dem Spam wurde behoben")."""
    pointers = folded("anaphors") | folded("thing_pronouns")
    return any(tokens[i].word in pointers and not (i + 1 < len(tokens) and text[tokens[i + 1].start].isupper())
               for i in range(lo, hi))


def solved_or_then(analysed: list[Sentence], index: int, span: tuple[int, int], fact_id: str, year: int) -> bool:
    """Whether the cue sentence `index` tells at `span` is a problem told as solved, or a state told
    beside a success of an earlier period (see the module's description)."""
    s = analysed[index]
    if not _near(s) and (index + 1 == len(analysed) or not _near(analysed[index + 1])):
        return False  # most cues: no word of solving or success near them
    tokens, text = s.tokens, s.text
    words = [t.word for t in tokens]
    lo, hi = clause_bounds(tokens, text, *span, "contrasts")
    part = words[lo:hi + 1]
    after = span[1] + 1
    if any(_told(tokens, text, (a + after, b + after)) for a, b in phrase_spans(words[after:hi + 1], "solved_words")):
        return True  # "..., der Support hat es gelöst"
    if any(_told(tokens, text, (a + after, b + after)) and _pointer_between(tokens, text, after, a + after)
           for a, b in phrase_spans(words[after:], "solved_words")):
        return True  # "..., das wurde aber schnell behoben"
    if _points_back_solved(tokens, text, hi + 1) \
            or index + 1 < len(analysed) and _points_back_solved(analysed[index + 1].tokens, analysed[index + 1].text, 0):
        return True  # "...; das wurde gelöst", "... Das wurde damals behoben."
    if fact_id in _lasting() or not _earlier(part, year):
        return False
    return any(_told(tokens, text, (f[0] + lo, f[1] + lo)) for name in ("success_words", "problem_free") for f in phrase_spans(part, name))
