"""Sentences that tell another side's case: another company of the group, or another tenant.

"Unsere Tochterfirma hat ihre Reservierung vor einer Woche angelegt, und die ist bis heute nicht
wirksam. Ich frage aber für unsere eigene Registrierung: ...", "Unser zweiter Mandant hat das
Problem, dass der Dienst dort nicht verfügbar ist. Ich schreibe aber wegen des deutschen Mandanten":
a sentence whose subject (its words before the first finite verb) names another company of the
group (`group_companies`) or another tenant (a tenant noun, `tenant_nouns`, after a word of another,
a count, a branch or an environment, `other_instances`, `quantity_many`, `tenant_qualifiers`, or with
one of the last in its compound or right after it: "for our US branch tenant", "unser Dev-Tenant")
tells that side's case, when the writer then turns to their own: a contrast with a word of their own
or the writer as subject (`contrasts`, `own_markers`, `first_person_subjects`), "bei uns"
(`own_settings`), a contrast that opens another setting or a setting that holds one ("But for our EU
enrollment ...", "Für den Haupttenant kam aber ..."; `scope_prepositions`), a later clause of the
sentence that names the writer's own setting though no contrast opens it ("Die Muttergesellschaft hat
im falschen Konto aktiviert, bei uns ist alles im richtigen Konto": its first clause is theirs), or the writer opening a
sentence that claims something of their own ("Wir als Mutter haben eine eigene Registrierung",
`own_claims`). What its first part (up to a contrast) tells, a yes/no fact or a date, is no fact of
the case.
Without such a turn the writer may write for that side: its facts are the case's.
"""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.sentence import Sentence, has_sequence

__all__ = ["other_sides"]

_SUBJECT = 6  # words at most before the first finite verb that make a sentence's subject
_COUNT_GAP = 2  # words between a count or "other" and the tenant noun ("unser zweiter (brasilianischer) Mandant")


@cache
def _lists() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """The finite verbs, the group companies' and tenants' word beginnings and parts, the words of another or a count."""
    return folded("finite_verbs"), tuple(folded("group_companies")), tuple(folded("tenant_nouns")), \
        folded("other_instances") | folded("quantity_many") | folded("tenant_qualifiers")


@cache
def _named() -> re.Pattern[str]:
    """What a sentence's lower-case text holds when it may name a group company or a tenant."""
    _, companies, tenants, _ = _lists()
    return re.compile("|".join(re.escape(w) for w in (*companies, *tenants)))


def _other_subject(s: Sentence) -> bool:
    """Whether the sentence's subject names another company of the group or another tenant."""
    if not _named().search(s.text[:s.tokens[min(len(s.tokens), _SUBJECT) - 1].end].lower()):
        return False  # most sentences: no such word among their first ones, found without their tokens
    verbs, companies, tenants, marks = _lists()
    words = []
    for t in s.tokens[:_SUBJECT]:
        if t.word in verbs:
            break
        words.append(t.word)
    if any(w.startswith(companies) for w in words):
        return True
    kinds = tuple(folded("tenant_qualifiers"))  # inflected, compounded, or after it: "Entwicklungs-Tenant", "Tenant der Niederlassung"
    return any(any(p in w for p in tenants) and (marks.intersection(words[max(0, i - _COUNT_GAP - 1):i]) or any(k in w for k in kinds)
                                                 or any(x.startswith(kinds) for x in words[max(0, i - _COUNT_GAP - 1):i + _COUNT_GAP + 2]))
               for i, w in enumerate(words))


def _turns_to_own(s: Sentence, start: int) -> bool:
    """Whether the words of `s` from token `start` turn to the writer's own case: a contrast with a
    word of their own or the writer as subject ("Ich frage aber für unsere eigene ...", "..., but ours
    is", "Wir haben aber eine neue Registrierung"), "bei uns", or the writer as the subject of a clause
    that claims something of their own ("Wir als Mutter haben eine eigene Registrierung", "we have our own
    enrollment")."""
    words = [t.word for t in s.tokens[start:]]
    if has_sequence(words, "own_settings"):
        return True
    mine = folded("own_markers") | folded("first_person_subjects")
    if not folded("contrasts").isdisjoint(words) and not mine.isdisjoint(words):
        return True
    contrasts, scopes = folded("contrasts"), folded("scope_prepositions")
    if len(words) > 1 and (words[0] in contrasts and words[1] in scopes or words[0] in scopes and not contrasts.isdisjoint(words)):
        return True  # a contrast that opens another setting: "But for our EU enrollment ...", "Für den Haupttenant kam aber ..."
    return bool(words) and words[0] in folded("first_person_subjects") and not folded("own_claims").isdisjoint(words)


def other_sides(analysed: list[Sentence]) -> dict[int, int]:
    """Return, for each sentence that tells another side's case, the index after the last token of
    its first part (up to a contrast): what stands there is that side's."""
    out: dict[int, int] = {}
    for index, s in enumerate(analysed):
        if not s.tokens or not _other_subject(s):
            continue
        _, hi = clause_bounds(s.tokens, s.text, 0, 0, "contrasts")
        _, first = clause_bounds(s.tokens, s.text, 0, 0)
        if _turns_to_own(s, hi + 1) or any(_turns_to_own(later, 0) for later in analysed[index + 1:]):
            out[index] = hi + 1
        elif first < hi and has_sequence([t.word for t in s.tokens[first + 1:hi + 1]], "own_settings"):
            out[index] = first + 1  # no contrast, a clause of the writer's own: "..., bei uns ist alles im richtigen Konto"
    return out
