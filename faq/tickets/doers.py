"""A deed the writer denies doing themselves that another doer did is no deed denied.

"Ich habe keine Bestellung aufgegeben, das hat unser Händler gemacht", "I didn't place the order
myself, our reseller did": the order was placed, by the reseller. A denial whose clause names the
writer (`agent_selves`), followed in the same sentence or the next by a clause that names another
person or party (`person_nouns`, `other_owners`) with a verb that takes the deed up (`pro_verbs`),
states no "no". The contrast form ("nicht von uns, sondern vom Händler") is `negation._other_doer`.

A deed a fact tells of Microsoft or the system ("die Mail ging an einen anderen Kontakt") done
by the writer ("Ich habe die Bestätigung an einen anderen Kontakt weitergeleitet") is the
writer's own, not the fact (`writers_deed`, knowledge/tickets/senders_deeds.yaml).

A denial of who did the deed ("Die Bestellung hat nicht unser Einkauf aufgegeben, sondern der
Händler"), one with an exception ("Niemand außer dem Händler hat bestellt": `exceptives`) or of a
lapse or undoing ("Niemand hat den Junk-Ordner vergessen", "no one doubts the order was placed",
"nobody cancelled it": `lapse_verbs`) denies no deed (`denied_doer`).
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.sentence import Sentence, has_sequence, sequences
from faq.tickets.weights import ticket_file

__all__ = ["denied_doer", "done_by_another", "writers_deed"]


def _another(word: str) -> bool:
    return any(word == p or len(p) >= 4 and p in word for p in folded("person_nouns") | folded("other_owners"))


def _clauses(s: Sentence, start: int) -> list[list[str]]:
    out, words = [], [t.word for t in s.tokens]
    while start < len(s.tokens):
        lo, hi = clause_bounds(s.tokens, s.text, start, start)
        out.append(words[max(lo, start):hi + 1])
        start = hi + 1
    return out


def done_by_another(analysed: list[Sentence], index: int, span: tuple[int, int], value: bool) -> bool:
    """Whether the "no" told at `span` of sentence `index` denies only the writer as its doer."""
    if value:
        return False
    s = analysed[index]
    lo, hi = clause_bounds(s.tokens, s.text, *span)
    if not any(t.word in folded("agent_selves") for t in s.tokens[lo:hi + 1]):
        return False
    later = _clauses(s, hi + 1)
    if index + 1 < len(analysed):
        later += _clauses(analysed[index + 1], 0)[:1]
    return any(has_sequence(words, "pro_verbs") and any(_another(w) for w in words) for words in later[:2])


def writers_deed(s: Sentence, span: tuple[int, int], fact_id: str) -> bool:
    """Whether the cue at `span` tells a deed of the system's that its clause gives the writer
    as doer ("I forwarded the order confirmation to another contact"); a writer who sees or finds
    it (`discovery_verbs` between them and the cue: "I can see it went to ...") is no doer of it."""
    if fact_id not in ((ticket_file("senders_deeds.yaml") or {}).get("facts") or ()):
        return False
    lo, hi = clause_bounds(s.tokens, s.text, *span)
    selves, seeing = folded("first_person_subjects"), folded("discovery_verbs")
    # the writer denied ("bekommen hat es unsere Buchhalterin, nicht ich") is what the cue tells; the
    # writer who sees or finds what the cue tells ("In VLSC I can see it went to a different contact")
    # is the doer of the seeing, not of the deed
    return any(t.word in selves and not (i > 0 and s.tokens[i - 1].neg) and not span[0] <= i <= span[1]
               and not (i < span[0] and any(u.word in seeing for u in s.tokens[i + 1:span[0]]))
               for i, t in enumerate(s.tokens[lo:hi + 1], lo))


def denied_doer(s: Sentence, span: tuple[int, int], value: bool) -> bool:
    """Whether the "no" told at `span` denies only a doer, another one following a contrast ("nicht
    unser Einkauf, sondern der Händler"), or a lapse around the deed ("Nobody forgot the order")."""
    if value:
        return False
    tokens, words = s.tokens, [t.word for t in s.tokens]
    lo, hi = clause_bounds(tokens, s.text, *span)
    if any(t.neg for t in tokens[lo:hi + 1]) and any(w in folded("lapse_verbs") for w in words[lo:hi + 1]):
        return True
    if any(t.neg and any(tuple(words[i:i + len(p)]) == p for p in sequences("exceptives"))
           for i, t in enumerate(tokens[lo:hi + 1], lo)):
        return True  # "Niemand außer unserem Händler hat bestellt", "nobody but our reseller": someone did
    skip = folded("determiners") | folded("third_party_possessives") | folded("agents")
    breaks = folded("contrasts") | folded("corrective_contrasts")
    for n in (i for i in range(lo, hi + 1) if tokens[i].neg):
        j = next((k for k in range(n + 1, len(words)) if words[k] not in skip), len(words))
        if j == len(words) or not _another(words[j]):
            continue
        k = next((m for m in range(j + 1, len(words)) if words[m] in breaks), None)
        if k is not None and k + 1 < len(words) and (words[k + 1] in skip or _another(words[k + 1])):
            return True  # "nicht unser Einkauf ..., sondern der Händler": the deed was done, by another
    return False
