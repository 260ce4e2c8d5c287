"""Whether a fact's words are the complement of a denied verb of showing or saying.

"VLSC zeigt nicht an, dass die Mail an einen anderen Kontakt ging", "VLSC doesn't show
that the mail went to another contact": the denial belongs to the showing, and what it
would have shown is neither stated nor denied. The verbs are data in
`knowledge/language/report_verbs.yaml`.
"""

from __future__ import annotations

from functools import cache

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.tokens import Token

__all__ = ["report_denied"]

_NEAR = 3  # words between a report verb and the negation that denies it


@cache
def _verbs() -> frozenset[str]:
    return frozenset(folded("report_verbs"))


def report_denied(tokens: list[Token], text: str, lo: int) -> bool:
    """Whether the clause of token `lo` is what a denied report verb before it would say: the
    verb's own clause, denied before the verb (no complementizer: "doesn't show the mail went
    ..."), or the clause right after it opened by "dass"/"that"."""
    verbs = _verbs()
    if not any(t.word in verbs for t in tokens[:lo]):
        return False
    c_lo, _ = clause_bounds(tokens, text, lo, lo)
    complementizers = folded("complementizers")
    for r in range(lo - 1, -1, -1):
        if tokens[r].word not in verbs:
            continue
        r_lo, r_hi = clause_bounds(tokens, text, r, r)
        if r_lo <= lo <= r_hi:  # a denial before the verb: "nobody said the domain ..." ("Ehrlich gesagt hat
            return any(tokens[j].neg for j in range(max(r_lo, r - _NEAR), r))  # niemand ..." says nothing)
        if r_hi + 1 == c_lo and tokens[c_lo].word in complementizers:
            return any(tokens[j].neg for j in range(max(r_lo, r - _NEAR), min(r_hi, r + _NEAR) + 1))
        return False  # the nearest report verb before the cue says something else
    return False
