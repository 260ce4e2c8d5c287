"""A state the writer says they are waiting for has not come about.

"Seit drei Tagen warten wir darauf, dass die Reservierung wirksam wird", "we are still waiting for
the reservation to take effect": the state's cue reads yes, but what one waits for is not yet so.
The wait must be told in present forms (`waiting_verbs`), in the cue's clause before the cue or in
the clause just before one that opens with a word joining what is waited for ("dass", "bis",
"until": `complementizers`, `awaited_links`) when the wait ends that clause ("wir warten (darauf), dass":
`awaited_pointers`), not a thing waited for ("warten auf die Bestätigung, dass ..."); a negation or a past form in either clause
(`past_verbs`, `past_copulas`) leaves the reading as it was ("wir warten nicht mehr", "we waited until
it was effective").
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.sentence import Sentence, has_sequence

__all__ = ["awaited_state"]


def _past_or_denied(s: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi hold a negation or a past form."""
    past = folded("past_verbs") | folded("past_copulas")
    return any(t.neg or t.word in past for t in s.tokens[lo:hi + 1])


def awaited_state(s: Sentence, span: tuple[int, int], value: bool) -> bool:
    """Whether the yes told at `span` of sentence `s` is a state the writer is waiting for."""
    if not value:
        return False
    tokens, text = s.tokens, s.text
    words = [t.word for t in tokens]
    lo, hi = clause_bounds(tokens, text, *span)
    if _past_or_denied(s, lo, hi):
        return False
    joins = folded("complementizers") | folded("awaited_links")
    before = words[lo:span[0]]
    if has_sequence(before, "waiting_verbs") and not joins.intersection(before):
        return True  # "we are waiting for the reservation to take effect", not "... for word that the order is placed"
    if lo == 0 or words[lo] not in joins:
        return False
    p_lo, p_hi = clause_bounds(tokens, text, lo - 1, lo - 1)
    end = p_hi
    while end > p_lo and words[end] in folded("awaited_pointers") | folded("subject_pronouns"):  # "warten wir darauf"
        end -= 1
    ending = words[end]
    # the wait itself ends the clause before ("wir warten darauf, dass ...", "we wait until ..."), not a thing waited
    # for ("wir warten auf die Bestätigung, dass die Bestellung aufgegeben ist")
    return ending in folded("waiting_verbs") and not _past_or_denied(s, p_lo, p_hi)
