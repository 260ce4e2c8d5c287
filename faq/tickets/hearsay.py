"""What another person tells the writer, denied by the writer's own experience, states nothing.

"Der Vertragsadministrator sagt, ich habe jetzt Reservierung verwalten, aber ich sehe sie nicht",
"The agreement admin says I have Manage Reservation now, but I can't see it": the permission is
the admin's word, and the writer's own "I can't see it" contradicts it, so the fact stays open.
A system's showing ("VLSC zeigt", "VLSC says") is no person's saying and keeps its facts. The
words are data: `hearsay_verbs`, `person_nouns`, `attributions`, `contrasts`, `perception_words`,
`focus_particles`, `agent_selves`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.evidence import Evidence
from faq.tickets.sentence import Sentence
from faq.tickets.tokens import Token

__all__ = ["contradicted_hearsay", "told_by_person"]

_REACH = 8  # words between a saying verb (or "laut"/"according to") and the person who says it
_TRAILING = 3  # ... when the saying follows what is said ("..., sagt die Hotline")


@cache
def _persons() -> tuple[str, ...]:
    return tuple(folded("person_nouns"))


def _person(word: str) -> bool:
    return any(word == p or len(p) >= 4 and p in word for p in _persons())


def _said_by_person(tokens: list[Token], at: int) -> str | None:
    """Whether token `at` stands in what a person says: after a hearsay verb with a person before
    it ("der Admin sagt, ...") or in the passive ("mir wurde gesagt", `saying_passives`), or after "laut"/"according to" a person ("laut unserem Admin ...").
    Return "self" when the writer is named between ("ich", "I", "me": what they say the writer
    has), "other" for another thing, None for no person's saying."""
    verbs, attributions, selves = folded("hearsay_verbs"), folded("attributions"), folded("agent_selves")
    for v in range(at - 1, -1, -1):
        word = tokens[v].word
        if word in verbs:
            near = tokens[max(0, v - _REACH):v]
        elif word in attributions or (v + 1 < at and f"{word} {tokens[v + 1].word}" in attributions):
            near = tokens[v + 1:min(at, v + 1 + _REACH)]
        else:
            continue
        unnamed = word in verbs and v > 0 and tokens[v - 1].word in folded("saying_passives")  # "Mir wurde gesagt", "I've been told"
        if not unnamed and not any(_person(t.word) for t in near):
            return None
        return "self" if any(t.word in selves for t in tokens[v + 1:at + 1]) else "other"
    return _said_after(tokens, at)


def told_by_person(tokens: list[Token], at: int) -> bool:
    """Whether token `at` stands in what a person says ("der Händler sagt, ich bin OSM", "laut unserem
    Admin ...", "mir wurde gesagt, ...", "..., says our reseller"): a role the writer holds only by
    another's word is no role read from the ticket, confirmed or not."""
    return _said_by_person(tokens, at) is not None


def _said_after(tokens: list[Token], at: int) -> str | None:
    """Whether a person's saying follows token `at` before any contrast ("Die Reservierung ist nicht
    wirksam, sagt die Hotline", "isn't effective according to our reseller"): "other", else None."""
    verbs, attributions, contrasts = folded("hearsay_verbs"), folded("attributions"), folded("contrasts")
    for v in range(at + 1, len(tokens)):
        word = tokens[v].word
        if word in contrasts:
            return None
        two = v + 1 < len(tokens) and f"{word} {tokens[v + 1].word}" in attributions
        if word in verbs or word in attributions or two:
            start = v + (2 if two else 1)
            if any(_person(t.word) for t in tokens[start:start + _TRAILING]):
                return "other"
    return None


def _own_denial(tokens: list[Token], text: str, after: int, selves: frozenset[str] | None = None,
                only: bool = False) -> bool:
    """Whether a contrast after token `after` stands in a clause that denies what the writer sees
    ("..., aber ich sehe sie nicht", "but the option doesn't show up", or only the writer there:
    "but VLSC shows only me"); with `selves`, one that names the writer ("but I see nothing")."""
    contrasts, seen = folded("contrasts"), folded("perception_words")
    for c in range(after + 1, len(tokens)):
        if tokens[c].word not in contrasts:
            continue
        lo, hi = clause_bounds(tokens, text, c, c)
        if c - 1 > after:  # a contrast inside its clause ("ich sehe sie aber nicht"): the clause before it too
            lo = min(lo, clause_bounds(tokens, text, c - 1, c - 1)[0])
        clause = tokens[max(lo, after + 1):hi + 1]
        if not any(t.word in seen for t in clause):
            continue
        mine = any(t.word in folded("agent_selves") for t in clause)
        if not only and any(t.neg for t in clause) and (selves is None or mine):
            return True
        if mine and any(t.word in folded("focus_particles") for t in clause):
            return True  # "..., but VLSC shows only me as the contact": nobody else is there
    return False


def _own_showing(tokens: list[Token], text: str, after: int) -> bool:
    """Whether a contrast after token `after` opens a clause that tells what is seen, undenied
    ("..., but VLSC shows it as effective", "ich sehe sie aber als wirksam")."""
    contrasts = folded("contrasts")
    seen = folded("perception_words") - folded("place_anaphors") - folded("expletives") - folded("place_adverbs")
    for c in range(after + 1, len(tokens) - 1):  # a closing "yet" is no contrast ("hasn't launched yet")
        if tokens[c].word not in contrasts:
            continue
        lo, hi = clause_bounds(tokens, text, c, c)
        if c - 1 > after:
            lo = min(lo, clause_bounds(tokens, text, c - 1, c - 1)[0])
        clause = tokens[max(lo, after + 1):hi + 1]
        if any(t.word in seen for t in clause) and not any(t.neg for t in clause):
            return True
    return False



def contradicted_hearsay(evidence: dict[str, Evidence], analysed: list[Sentence], offset: int = 0,
                         values: Mapping[str, object] | None = None) -> list[str]:
    """Return the facts whose evidence another person's saying holds and the writer's own
    experience denies, in the same sentence or the next one; a "no" a person says is denied by
    what the writer or a system shows after a contrast ("isn't effective, says our reseller, but
    VLSC shows it as effective")."""
    out: list[str] = []
    for fact_id, ev in evidence.items():
        for k, s in enumerate(analysed):
            start = ev.start - offset - s.offset
            if not 0 <= start < len(s.text):
                continue
            at = next((i for i, t in enumerate(s.tokens) if t.end > start), None)
            said = None if at is None else _said_by_person(s.tokens, at)
            if at is None or said is None:
                break
            if values is not None and values.get(fact_id) is False and (
                    _own_showing(s.tokens, s.text, at)
                    or k + 1 < len(analysed) and _own_showing(analysed[k + 1].tokens, analysed[k + 1].text, -1)):
                out.append(fact_id)
            elif said == "other":  # what a person says of another thing: the writer's own denial, in the same
                # sentence ("..., but I see nothing there") or opening the next ("Im VLSC stehe aber nur ich")
                selves = folded("agent_selves")
                if _own_denial(s.tokens, s.text, at, selves) or k + 1 < len(analysed) \
                        and _own_denial(analysed[k + 1].tokens, analysed[k + 1].text, -1, selves, only=True):
                    out.append(fact_id)
            elif _own_denial(s.tokens, s.text, at) or k + 1 < len(analysed) and _own_denial(analysed[k + 1].tokens, analysed[k + 1].text, -1):
                out.append(fact_id)
            break
    return out
