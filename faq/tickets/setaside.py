"""Sentences a ticket's writer sets aside as another matter, and turns to the case at hand.

A long mail tells more than its problem: a colleague's issue "das klärt er selbst", another
product's "which has its own case", another site's "aber das betrifft mich nicht"
(knowledge/language/set_aside.yaml). What is set aside is context: the ticket's topic is read
without it (`faq.tickets.topic`). A clause that points back ("..., das läuft als eigenes Ticket",
knowledge/language/aside_pointers.yaml) or opens with the words that set aside ("..., unrelated to
this") sets aside its sentence up to it; one with a subject of its own ("Die Mail fehlt, das
Druckerproblem hat damit nichts zu tun") only itself. A sentence set in an earlier period (`bygone`)
tells an earlier incident; beside one that turns from it to the present ("Diesmal frage ich nur: ...",
knowledge/language/present_turns.yaml), it is context too. A sentence that tells only a success of an
earlier period or occasion (`success_of_then`: "Letztes Jahr lief bei der Verlängerung alles glatt") tells
no setting of the case at hand.
"""

from __future__ import annotations

import re

from faq.language.lexicon import folded
from faq.language.success import only_success
from faq.tickets.sentence import has_sequence, sequences
from faq.tickets.tokens import may_hold_sequence, tokenize

__all__ = ["bygone", "set_aside", "success_of_then", "turns_to_present", "without_set_aside"]

_CLAUSE = re.compile(r"\s*[,;:]\s+|\s+[-–—]\s+")  # what parts a sentence's clauses


_HELD: dict[tuple[str, str], bool] = {}
_KEPT = 4096  # units' answers remembered (then forgotten at once): a ticket's sentences are asked about again


def _holds(unit: str, name: str) -> bool:
    """Whether `unit` holds a word sequence of the list `name` (most units are ruled out untokenized),
    remembered: a topic's units and a ticket's sentences are mostly the same texts."""
    found = _HELD.get((unit, name))
    if found is None:
        if len(_HELD) >= _KEPT:
            _HELD.clear()
        found = _HELD[(unit, name)] = may_hold_sequence(unit, name) and has_sequence([t.word for t in tokenize(unit)], name)
    return found


def bygone(unit: str) -> bool:
    """Whether a unit tells of a period before the case's (knowledge/language/bygone_periods.yaml)."""
    return _holds(unit, "bygone_periods")


def success_of_then(unit: str) -> bool:
    """Whether a unit tells only a success (`faq.language.success.only_success`) and sets it in an earlier
    period or at an earlier occasion (knowledge/language/bygone_periods.yaml, earlier_occasions.yaml):
    "Letztes Jahr lief bei der Verlängerung alles glatt", "last time the mail came the same day"."""
    return (bygone(unit) or _holds(unit, "earlier_occasions")) and only_success(unit)


def set_aside(unit: str) -> bool:
    """Whether the writer sets something in `unit` aside as another matter ("..., das läuft als eigenes
    Ticket"), a filler inside the words that say so or not ("das betrifft uns hier nicht";
    knowledge/language/aside_fillers.yaml). Remembered as `_holds` is."""
    found = _ASIDE.get(unit)
    if found is None:
        if len(_ASIDE) >= _KEPT:
            _ASIDE.clear()
        found = _ASIDE[unit] = _set_aside(unit)
    return found


_ASIDE: dict[str, bool] = {}


def _set_aside(unit: str) -> bool:
    """`set_aside`, worked out."""
    if not may_hold_sequence(unit, "set_aside"):
        return False  # most sentences: none of the words that set aside, known without tokenizing
    words = [t.word for t in tokenize(unit)]
    fillers = folded("aside_fillers")
    return has_sequence(words, "set_aside") or has_sequence([w for w in words if w not in fillers], "set_aside")


def turns_to_present(unit: str) -> bool:
    """Whether `unit` turns from an earlier incident to the case at hand ("Diesmal frage ich nur")."""
    return _holds(unit, "present_turns")


def _points_back(clause: str) -> bool:
    """Whether a clause that sets aside refers to what its sentence told before it: it opens, after
    a contrast or coordinator, with a pointer not followed by a German noun, or with the setting aside."""
    skip = folded("contrasts") | folded("coordinators")
    raw = clause.split()
    tokens = [t.word for t in tokenize(clause)]
    while tokens and tokens[0] in skip:
        tokens, raw = tokens[1:], raw[1:]
    if not tokens:
        return False
    if any(tuple(tokens[:len(p)]) == p for p in sequences("set_aside")):
        return True  # "..., unrelated to this", "..., separate matter"
    return tokens[0] in folded("aside_pointers") and not (len(raw) > 1 and raw[1][:1].isupper())


def _kept(unit: str) -> str:
    """What is left of a unit without what it sets aside (empty when all of it is)."""
    clauses = _CLAUSE.split(unit)
    kept: list[str] = []
    for clause in clauses:
        if not set_aside(clause):
            kept.append(clause)
        elif _points_back(clause):
            kept = []  # the sentence up to here is the other matter
    return ", ".join(c for c in kept if c.strip())


def without_set_aside(units: list[str]) -> list[str]:
    """`units` without what the writer sets aside, or all of them when nothing else is left."""
    out = [u if not set_aside(u) else _kept(u) for u in units]
    return [u for u in out if u.strip()] or units
