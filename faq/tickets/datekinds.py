"""A date the ticket ties to another thing, whose kind the writer then denies is the fact's, is none.

"Gekauft laut Rechnung am 01.06.2026 – das Rechnungsdatum ist aber nicht das Kaufdatum", "Bought on
2026-06-01 according to the invoice. The invoice date isn't the purchase date though": the date is
the invoice's, and the writer says that is not the purchase date. The other things are data
(`other_dates`); the fact's own words are its context cues.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from faq.kb.model import Fact
from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.context import context_spans
from faq.tickets.cues import CueLexicon
from faq.tickets.evidence import Evidence
from faq.tickets.mentions import find_dates
from faq.tickets.sentence import Sentence
from faq.tickets.tokens import Token

__all__ = ["kind_denied", "others_dates", "topic_cue"]

_MARKS = ",;:()–—.!?"  # marks that end a clause


def _other(tokens: list[Token]) -> bool:
    others = tuple(folded("other_dates"))
    return any(t.word.startswith(others) for t in tokens)


def _denies_kind(s: Sentence, after: int, fact: Fact, lang: str, lex: CueLexicon) -> bool:
    """Whether a denied clause of `s` after token `after` names another thing's date, or opens by
    pointing back at the date, and holds the fact's own words ("das Rechnungsdatum ist nicht das
    Kaufdatum", "..., das ist aber nicht der Nutzungsbeginn")."""
    spans = context_spans(fact, lang, s.words, lex, [t.word for t in s.tokens])
    for i in range(after + 1, len(s.tokens)):
        if not s.tokens[i].neg:
            continue
        lo, hi = clause_bounds(s.tokens, s.text, i, i)
        while lo - 1 > after and not any(ch in _MARKS for ch in s.text[s.tokens[lo - 1].end:s.tokens[lo].start]):
            lo -= 1  # back over a contrast inside the clause ("das Rechnungsdatum ist aber nicht ...")
        if lo == i and lo - 1 > after:  # "that's the payment date, not the purchase date": with the clause before
            lo = clause_bounds(s.tokens, s.text, lo - 1, lo - 1)[0]
        lo = max(lo, after + 1)
        clause = s.tokens[lo:hi + 1]  # the other thing's date named, or the date pointed back at ("das ist aber nicht ...")
        opening = next((t.word for t in clause if t.word not in folded("contrasts")), "")
        if (_other(clause) or after >= 0 and opening in folded("anaphors")) and any(lo <= a and b <= hi for a, b in spans):
            return True
    return False


def kind_denied(evidence: dict[str, Evidence], facts: list[Fact], analysed: list[Sentence], lang: str,
                lex: CueLexicon) -> list[str]:
    """Return the date facts whose date its sentence ties to another thing ("laut Rechnung") while a
    denied clause after it, or in the next sentence, says that thing's date is not the fact's."""
    out = []
    for fact in facts:
        ev = evidence.get(fact.id)
        if ev is None:
            continue
        for k, s in enumerate(analysed):
            start = ev.start - s.offset
            if not 0 <= start < len(s.text):
                continue
            at = next((i for i, t in enumerate(s.tokens) if t.end > start), len(s.tokens) - 1)
            if _other(s.tokens) and (_denies_kind(s, at, fact, lang, lex)
                                     or k + 1 < len(analysed) and _denies_kind(analysed[k + 1], -1, fact, lang, lex)):
                out.append(fact.id)
            break
    return out


_LINK = 3  # words from "für"/"for" to the party it names ("for our Swiss subsidiary")


@cache
def _openings() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What the words that name another product, another party or person, and another party open with."""
    return tuple(folded("other_products")), tuple(folded("other_parties") | folded("other_people")), \
        tuple(folded("other_parties"))


def _others_clause(tokens: list[Token], text: str, lo: int, hi: int) -> bool:
    """Whether the clause of tokens lo..hi names another product or trial (`other_products`), or
    another party with a thing of theirs ("our partner company reserved their licenses"), or one
    a thing was for ("für unsere Tochterfirma gekauft": `beneficiary_links`)."""
    lo, hi = clause_bounds(tokens, text, lo, hi)
    words = [t.word for t in tokens[lo:hi + 1]]
    products, parties, others = _openings()
    if any(w.startswith(products) for w in words):
        return True
    if any(w.startswith(parties) for w in words) and any(w in folded("party_possessives") for w in words):
        return True
    return any(w.startswith(others) and folded("beneficiary_links").intersection(words[max(0, i - _LINK):i])
               for i, w in enumerate(words))  # "the licence for our Swiss subsidiary was bought in January"


def others_dates(analysed: list[Sentence], today: date) -> set[int]:
    """Return the offsets in the ticket of the dates that are another product's, trial's or party's,
    when the ticket gives a date besides them: those compete for no fact of the case."""
    marked, plain = set(), 0
    for s in analysed:
        tokens, text, offset = s.tokens, s.text, s.offset
        for m in find_dates(text, today):
            lo = next((i for i, t in enumerate(tokens) if t.end > m.start), 0)
            hi = max((i for i, t in enumerate(tokens) if t.start < m.end), default=lo)
            if tokens and _others_clause(tokens, text, lo, max(lo, hi)):
                marked.add(offset + m.start)
            else:
                plain += 1
    return marked if plain else set()


def topic_cue(s: Sentence, c: int, date_at: tuple[int, int], events: list[int]) -> bool:
    """Whether a fact's cue at token `c` is only the topic of another event told in the date's clause:
    a topic preposition (`topic_prepositions`) right before it ("on 20.11. about the reservation",
    "am 18.11. haben wir wegen der Reservierung telefoniert")."""
    between = folded("determiners") | folded("genitive_determiners") | folded("third_person_possessives")
    j = c - 1
    while j >= 0 and c - j <= 3 and s.tokens[j].word in between:
        j -= 1
    if j < 0 or s.tokens[j].word not in folded("topic_prepositions"):
        return False
    lo, hi = clause_bounds(s.tokens, s.text, *date_at)
    return any(lo <= e <= hi for e in events)
