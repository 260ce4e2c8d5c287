"""Misspelt negations: a word one slip away from a negation ("nciht", "kien", "nevr").

A slip that drops a negation's letter or swaps two of its letters (never its first) leaves a
word that reads as no negation at all, and the statement turns round ("Die Domäne ist nciht
verifiziert"). Such a word is read as the negation it misspells; as a repaired word it is a
weak reading (`faq.tickets.settling`). Words that are real words (`negation_lookalikes`) or
words of any list are never taken for a slip.
"""

from __future__ import annotations

from functools import cache

from faq.language.lexicon import lexicon, words
from faq.language.normalize import fold

__all__ = ["misspelt_negations"]

_SHORTEST = 3  # a negation this long or longer is repaired from a swap ("nto")
_SHORTEST_DROP = 5  # ... from a dropped letter ("ncht"); shorter ones leave real words ("ken")


def _slips(word: str) -> set[str]:
    out = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    if len(word) >= _SHORTEST_DROP:
        out |= {word[:i] + word[i + 1:] for i in range(1, len(word))}
    return out


@cache
def misspelt_negations() -> dict[str, str]:
    """Return each misspelt negation (folded) with the negation it stands for."""
    negations = {fold(w) for w in words("negations")}
    known = {fold(w) for lists in lexicon().values() for items in lists.values() for w in items if " " not in w}
    out: dict[str, str] = {}
    for negation in sorted(negations):
        if len(negation) < _SHORTEST:
            continue
        for slip in sorted(_slips(negation) - negations - known):
            out.setdefault(slip, negation)
    return out
