"""A state told of a thing the same sentence says no longer exists, or as only tried, states nothing.

"Die Verifizierung der Domäne ist fehlgeschlagen", "domain verification is still pending", "we
tried to verify the domain but it failed": a word of an attempt or of a state under way in the
cue's clause (`unfinished_words`) leaves the state open.

"Die Domäne war in unserem alten Testmandanten verifiziert, den haben wir gelöscht", "our domain
was verified in our old test tenant, which we deleted": the verification went with the tenant.
The ending must be told in the cue's own clause or in one that points back at it (a relative
or a thing's pronoun, "dort"/"there", or "it" right after the ending: "but we unlinked it"), so a later clause about something else ("..., die alte
Testdomain haben wir entfernt" with no pointer) does not end it. Words: `ended_words`,
`relative_pronouns`, `thing_pronouns`, `resumptive_pronouns`, `place_anaphors`.
"""

from __future__ import annotations

from faq.flows.dates import month_number
from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.sentence import Sentence, has_sequence

__all__ = ["ended_state"]

_OPENING = 2  # words of a clause in which its pointer back stands ("den haben wir gelöscht", "which we deleted")


def _names_a_thing(s: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi hold a noun of their own (a capital word not a month's name): "die alte
    Testdomain haben wir gelöscht" opens with an article, not a pointer back."""
    return any(s.text[t.start].isupper() and len(t.word) > 1 and month_number(t.word) is None for t in s.tokens[lo:hi + 1])


def ended_state(s: Sentence, span: tuple[int, int], value: bool) -> bool:
    """Whether the yes told at `span` of sentence `s` is a state the sentence ends or leaves unreached
    ("..., den haben wir gelöscht", "... fehlgeschlagen"): an ending or unfinished word in the cue's
    clause or in a later clause that points back."""
    if not value:
        return False
    tokens, text = s.tokens, s.text
    lo, hi = clause_bounds(tokens, text, *span)
    words = [t.word for t in tokens]
    if has_sequence(words[lo:hi + 1], "ended_words") or has_sequence(words[lo:hi + 1], "unfinished_words"):
        return True
    pointers = folded("relative_pronouns") | folded("thing_pronouns") | folded("resumptive_pronouns") \
        | folded("place_anaphors")
    start = hi + 1
    while start < len(tokens):
        c_lo, c_hi = clause_bounds(tokens, text, start, start)
        clause = words[max(c_lo, start):c_hi + 1]
        ended_it = any(w in folded("thing_pronouns") and clause[k - 1] in folded("ended_words") for k, w in enumerate(clause[1:], 1))
        if (ended_it or any(w in pointers for w in clause[:_OPENING]) and not _names_a_thing(s, max(c_lo, start) + 1, c_hi)) \
                and (has_sequence(clause, "ended_words") or has_sequence(clause, "unfinished_words")):
            return True  # "..., den haben wir gelöscht", "... but it failed", "but we unlinked it"
        start = c_hi + 1
    return False
