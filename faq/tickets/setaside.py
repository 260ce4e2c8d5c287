"""Sentences a ticket's writer sets aside as another matter, and turns to the case at hand.

A long mail tells more than its problem: a colleague's issue "das klärt er selbst", another
product's "which has its own case", another site's "aber das betrifft mich nicht"
(knowledge/language/set_aside.yaml). Such a sentence is context: the ticket's topic is read
without it (`faq.tickets.topic`). A sentence set in an earlier period (`bygone`) tells an
earlier incident; beside one that turns from it to the present ("Diesmal frage ich nur: ...",
knowledge/language/present_turns.yaml), it is context too.
"""

from __future__ import annotations

from faq.tickets.sentence import has_sequence
from faq.tickets.tokens import tokenize

__all__ = ["bygone", "set_aside", "turns_to_present", "without_set_aside"]


def bygone(unit: str) -> bool:
    """Whether a unit tells of a period before the case's (knowledge/language/bygone_periods.yaml)."""
    return has_sequence([t.word for t in tokenize(unit)], "bygone_periods")


def set_aside(unit: str) -> bool:
    """Whether the writer sets `unit` aside as another matter ("..., das läuft als eigenes Ticket")."""
    return has_sequence([t.word for t in tokenize(unit)], "set_aside")


def turns_to_present(unit: str) -> bool:
    """Whether `unit` turns from an earlier incident to the case at hand ("Diesmal frage ich nur")."""
    return has_sequence([t.word for t in tokenize(unit)], "present_turns")


def without_set_aside(units: list[str]) -> list[str]:
    """`units` without those set aside, or all of them when every one is (nothing else to read)."""
    kept = [u for u in units if not set_aside(u)]
    return kept or units
