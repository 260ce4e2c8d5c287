"""Which facts read from a ticket may settle a cause.

A cause tells the customer why their problem occurs, so each fact that decides it must be
read from a plain statement. A fact read through a weaker path is shown (and the reply asks
to confirm it) but settles nothing: today, a statement whose negation was repaired from a
slip ("Den Spam-Ordner habe ich nciht geprüft", `faq.tickets.typos`): the writer may have
meant another word, and the statement read turns round with it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from faq.language.normalize import fold
from faq.tickets.evidence import Evidence
from faq.tickets.typos import misspelt_negations

__all__ = ["weak_facts"]

_WORD = re.compile(r"[^\W\d_]+")


def _repaired(sentence: str) -> bool:
    slips = misspelt_negations()
    return any(fold(w) in slips for w in _WORD.findall(sentence))


def weak_facts(evidence: Mapping[str, Evidence]) -> frozenset[str]:
    """Return the facts whose evidence is no plain statement (a misspelt negation in its sentence)."""
    return frozenset(fact for fact, ev in evidence.items() if _repaired(ev.sentence or ev.quote))
