"""A yes or no that a later sentence takes back ("Den Spam-Ordner hat keiner geprüft. Nachtrag:
Doch, Frau Kern hat ihn geprüft", "The domain is verified. Update: that was wrong ..."): the later
sentence opens with a word of taking back (knowledge/language/retractions.yaml, or a contradicting
"Doch," of contradiction_particles.yaml) and names a word of
the statement again, so the fact is no longer sure and stays open."""

from __future__ import annotations

from collections.abc import Mapping

from faq.flows.values import Value
from faq.language.lexicon import folded
from faq.language.normalize import fold
from faq.tickets.evidence import Evidence
from faq.tickets.sentence import Sentence, has_sequence
from faq.tickets.tokens import tokenize

__all__ = ["retracted"]

_OPENING = 4  # words at a sentence's start that may take back what was told before
_SHORTEST = 5  # letters of a word that counts as named again (not "die", "ist")


def retracted(found: Mapping[str, Value | None], evidence: Mapping[str, Evidence], analysed: list[Sentence]) -> list[str]:
    """The ids of the yes/no facts in `found` that a later sentence of `analysed` takes back."""
    particles = folded("contradiction_particles")
    backs = [s for s in analysed if has_sequence([t.word for t in s.tokens[:_OPENING]], "retractions")
             or any(t.word in particles and s.text[t.end:t.end + 1] == "," for t in s.tokens[:_OPENING])]
    if not backs:
        return []  # most tickets
    out = []
    for fact_id, value in found.items():
        ev = evidence.get(fact_id)
        if not isinstance(value, bool) or ev is None:
            continue
        said = {fold(t.word) for t in tokenize(ev.quote) if len(t.word) >= _SHORTEST}
        if any(s.offset >= ev.end and said & {t.word for t in s.tokens} for s in backs):
            out.append(fact_id)
    return out
