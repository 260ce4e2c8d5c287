"""A sentence read without the remarks inserted into its clauses.

"Die Domäne ist, wie uns der Partner bestätigte, bereits verifiziert", "Der Dienst ist – so teilte
uns der Händler mit – in Moldawien noch nicht gestartet", "the domain, which is our OSM's, was
verified last year": the clause around the remark tells its fact, the remark splits it; so does a German relative clause
on the noun before it ("Der Empfänger, der im VLSC angezeigt wird, ist nicht ..."). The
remark's characters are blanked, so every offset stays that of the original text. Its openers are
data in `knowledge/language/insert_openers.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import folded
from faq.language.normalize import fold
from faq.tickets.sentence import has_sequence
from faq.tickets.tokens import negations, tokenize

__all__ = ["without_inserts"]

_DASHED = re.compile(r"\s[–—-]\s([^–—.!?;]{3,120}?)\s[–—-]\s")  # " – ... – "
_DOUBTS = ("hedges", "beliefs", "hopes", "doubt_words", "conditionals")
_COMMA = re.compile(r",\s*([^\W\d_]+)\b([^,.!?;:–—]{2,120}?),")  # ", wie ... ,"


@cache
def _openers() -> frozenset[str]:
    return folded("insert_openers")


def _blank(m: re.Match[str]) -> str:
    """The remark blanked, unless it doubts what the clause tells ("wie der Partner behauptet",
    "as far as I know", "so hoffe ich"): then the clause stays split and its reading unsure."""
    words = [t.word for t in tokenize(m.group(0))]
    if any(has_sequence(words, name) for name in _DOUBTS) or any(t in negations() for t in words):
        return m.group(0)
    return " " * len(m.group(0))


def without_inserts(text: str) -> str | None:
    """The sentence with its inserted remarks blanked out, or None when it has none. A remark
    between commas counts only when its first word opens one (`insert_openers`) and words stand
    on both sides of it; one that doubts, denies, asks or sets a condition stays."""
    out = _DASHED.sub(_blank, text)
    at = 0
    while (m := _COMMA.search(out, at)) is not None:
        if not (fold(m.group(1)) in _openers() or _relative(out, m)):
            at = m.start() + 1  # "Hallo, der Empfänger, der ... angezeigt wird, ist ...": its closing comma may open one
            continue
        out, at = out[:m.start()] + _blank(m) + out[m.end():], m.end()
    return None if out == text else out


def _relative(text: str, m: re.Match[str]) -> bool:
    """Whether the remark is a German relative clause on the noun before it: a relative pronoun
    after a capitalised word, its finite verb last ("Der Empfänger, der im VLSC angezeigt wird, ist
    nicht ..."); ", die Mail ging an ...," opens a clause of its own."""
    before = text[:m.start()].split()
    words = m.group(2).split()
    return bool(before and words) and before[-1][:1].isupper() and fold(m.group(1)) in folded("relative_pronouns") \
        and fold(words[-1]) in folded("finite_verbs")
