"""Sentences that tell another side's case: another company of the group, or another tenant.

"Unsere Tochterfirma hat ihre Reservierung vor einer Woche angelegt, und die ist bis heute nicht
wirksam. Ich frage aber für unsere eigene Registrierung: ...", "Unser zweiter Mandant hat das
Problem, dass der Dienst dort nicht verfügbar ist. Ich schreibe aber wegen des deutschen Mandanten":
a sentence whose subject (its words before the first finite verb) names another company of the
group (`group_companies`) or another tenant (a tenant noun, `tenant_nouns`, after a word of another
or a count, `other_instances`, `quantity_many`) tells that side's case, when the writer then turns to
their own (a contrast with a word of their own, `contrasts` and `own_markers`, or `own_settings`: "bei
uns"). What its first part (up to a contrast) tells, a yes/no fact or a date, is no fact of the case.
Without such a turn the writer may write for that side: its facts are the case's.
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.sentence import Sentence, has_sequence

__all__ = ["other_sides"]

_SUBJECT = 6  # words at most before the first finite verb that make a sentence's subject
_COUNT_GAP = 2  # words between a count or "other" and the tenant noun ("unser zweiter (brasilianischer) Mandant")


def _other_subject(s: Sentence) -> bool:
    """Whether the sentence's subject names another company of the group or another tenant."""
    words = [t.word for t in s.tokens[:_SUBJECT]]
    verbs = folded("finite_verbs")
    words = words[:next((i for i, w in enumerate(words) if w in verbs), len(words))]
    if any(w.startswith(tuple(folded("group_companies"))) for w in words):
        return True
    tenants, marks = tuple(folded("tenant_nouns")), folded("other_instances") | folded("quantity_many")
    return any(any(p in w for p in tenants) and marks.intersection(words[max(0, i - _COUNT_GAP - 1):i]) for i, w in enumerate(words))


def _turns_to_own(s: Sentence, start: int) -> bool:
    """Whether the words of `s` from token `start` turn to the writer's own case: a contrast with a
    word of their own ("Ich frage aber für unsere eigene ...", "..., but ours is"), or "bei uns"."""
    words = [t.word for t in s.tokens[start:]]
    if has_sequence(words, "own_settings"):
        return True
    return not folded("contrasts").isdisjoint(words) and not folded("own_markers").isdisjoint(words)


def other_sides(analysed: list[Sentence]) -> dict[int, int]:
    """Return, for each sentence that tells another side's case, the index after the last token of
    its first part (up to a contrast): what stands there is that side's."""
    out: dict[int, int] = {}
    for index, s in enumerate(analysed):
        if not s.tokens or not _other_subject(s):
            continue
        _, hi = clause_bounds(s.tokens, s.text, 0, 0, "contrasts")
        if _turns_to_own(s, hi + 1) or any(_turns_to_own(later, 0) for later in analysed[index + 1:]):
            out[index] = hi + 1
    return out
