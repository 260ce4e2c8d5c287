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
  ("Der Link geht nicht mehr. Das war am 01.03.2026."): the day may be another event's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from faq.kb.model import Flow
from faq.language.normalize import fold
from faq.tickets.context import context_positions
from faq.tickets.cues import lexicon_for
from faq.tickets.evidence import QUOTED, Evidence
from faq.tickets.quotes import points_below
from faq.tickets.tokens import sentences, tokenize
from faq.tickets.tokens import misspelt_negations

__all__ = ["UNCUED", "adopted", "weak_facts"]

UNCUED = "named by no cue"  # the note `faq.tickets.facts` leaves on a date fact read without its cue

_WORD = re.compile(r"[^\W\d_]+")


def _repaired(sentence: str) -> bool:
    slips = misspelt_negations()
    return any(fold(w) in slips for w in _WORD.findall(sentence))


def weak_facts(evidence: Mapping[str, Evidence], adopted: frozenset[str] = frozenset(),
               notes: Iterable[str] = ()) -> frozenset[str]:
    """Return the facts whose evidence is no plain statement of the customer's own (a misspelt
    negation in its sentence, quoted text the customer did not point at by the fact: `adopted`,
    or a date read without its cue: a note of the reader ending in `UNCUED`)."""
    uncued = {n.split(":")[0] for n in notes if n.endswith(UNCUED)}
    return frozenset(fact for fact, ev in evidence.items()
                     if ev.source == QUOTED and fact not in adopted or fact in uncued or _repaired(ev.sentence or ev.quote))


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
