"""Words of a question's frame that are no words of its topic.

- A question of manner: "Wie funktioniert die Aktivierung?", "Wie läuft die Verlängerung ab?",
  "How does the activation work?" ask how a thing goes; the same verbs tell a fault elsewhere
  ("der Link funktioniert nicht mehr", "der Link läuft ab"). In a clause opened by a question word
  of manner (knowledge/language/manner_openers.yaml), a verb of manner_verbs.yaml right after it
  or ending the clause is dropped, with a separable prefix ending the clause ("läuft ... ab";
  separable_prefixes.yaml).
- A dismissed lead: "Nicht erneut senden, ich will nur wissen: an wen geht die Mail?" names first
  what the question is not about; a sentence's first fragment opened by a word of
  dismissing_leads.yaml is dropped when it is short (`_LEAD_WORDS`), at least `_LEAD_REST` words
  follow it in the sentence and they do not open with a reason or concession
  (stating_subordinators.yaml: "Nicht erhalten haben wir sie, obwohl ..." tells the problem).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["frame_words", "without_frames"]

_SENTENCE_END = re.compile(r"[.?!]+")
_CLAUSE_BREAK = re.compile(r"[;:,()\[\]\"\u2013\u2014]|\s-\s")
"""What ends a clause within a sentence of folded text: punctuation, a dash between spaces."""
_WORD = re.compile(r"[a-z0-9]+")
_LEAD_REST = 3
"""Fewest words that must follow a dismissed lead in its sentence: else the lead tells the problem."""
_LEAD_WORDS = 5
"""Most words of a dismissed lead: a longer one is a sentence of its own ("Nicht erhalten haben wir ...")."""


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The manner openers, the manner verbs, the separable prefixes, the dismissing leads and the
    stating subordinators, folded."""
    from faq.language.lexicon import folded

    return (folded("manner_openers"), folded("manner_verbs"), folded("separable_prefixes"),
            folded("dismissing_leads"), folded("stating_subordinators"))


@cache
def frame_words() -> frozenset[str]:
    """The words that open a frame (folded): a text without one has nothing to drop."""
    openers, _verbs, _prefixes, leads, _stating = _lists()
    return openers | leads


def without_frames(folded_text: str) -> list[str]:
    """The words of folded text without its frames' words (see the module)."""
    openers, verbs, prefixes, leads, stating = _lists()
    out: list[str] = []
    for sentence in _SENTENCE_END.split(folded_text):
        clauses = [_WORD.findall(c) for c in _CLAUSE_BREAK.split(sentence)]
        clauses = [c for c in clauses if c]
        if (len(clauses) > 1 and clauses[0][0] in leads and len(clauses[0]) <= _LEAD_WORDS
                and clauses[1][0] not in stating and sum(map(len, clauses[1:])) >= _LEAD_REST):
            clauses = clauses[1:]
        for said in clauses:
            out.extend(_without_manner_verb(said, openers, verbs, prefixes))
    return out


def _without_manner_verb(said: list[str], openers: frozenset[str], verbs: frozenset[str],
                         prefixes: frozenset[str]) -> list[str]:
    """A clause's words without the frame verb of its manner question, if it asks one."""
    start = next((i for i, w in enumerate(said) if w in openers), None)
    if start is None or len(said) <= start + 2:
        return said
    last = len(said) - 1
    drop: set[int] = set()
    if said[start + 1] in verbs:
        drop.add(start + 1)
        if said[last] in prefixes:
            drop.add(last)
    elif said[last] in verbs:
        drop.add(last)
    return [w for i, w in enumerate(said) if i not in drop] if drop else said
