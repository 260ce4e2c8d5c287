"""A fact's "no" that the same text takes back by telling what the fact also covers
("Wir haben nichts bestellt, nur reserviert": order_placed covers reservations), and a
"yes" it takes back by denying a part the fact also covers ("Junk geprüft, Mailfilter noch
nicht"), and a "yes" that holds only with another fact the text leaves open ("mehrere
Registrierungen", the same organisation name unsure). The rules are data in
`knowledge/tickets/presupposed.yaml`, `partial.yaml` and `conditioned.yaml`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from faq.flows.values import Value
from faq.language.lexicon import folded
from faq.language.normalize import fold
from faq.tickets.borders import clause_bounds
from faq.tickets.evidence import Evidence
from faq.tickets.tokens import Token, tokenize
from faq.tickets.weights import ticket_file

__all__ = ["partial_yeses", "taken_back_denials", "unsettled_conditions"]


@cache
def _rules() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    data = ticket_file("presupposed.yaml") or {}
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for fact, rule in data.items():
        if not isinstance(rule, dict):
            continue  # a rule of another shape says nothing
        words = rule.get("words") or {}
        folded = tuple(fold(str(w)) for ws in (words.values() if isinstance(words, dict) else ()) for w in ws or ())
        out[str(fact)] = (tuple(str(f) for f in rule.get("facts") or ()), folded)
    return out


@cache
def _replacing() -> frozenset[str]:
    """Words by which a clause puts what it names in the place of what was denied."""
    return folded("focus_particles") | folded("corrective_contrasts") | folded("contrasts")


def taken_back_denials(found: Mapping[str, Value | None], evidence: Mapping[str, Evidence]) -> set[str]:
    """Return the facts read as "no" that the text takes back: another fact that presupposes them
    is known, or the sentence that denies them puts what they also cover in the place of what it
    denies ("nur", "sondern", "instead"), in a clause of its own with no negation."""
    out = set()
    for fact, (facts, words) in _rules().items():
        if found.get(fact) is not False:
            continue
        if any(found.get(f) is not None for f in facts):
            out.add(fact)
            continue
        ev = evidence.get(fact)
        if ev is None:
            continue
        tokens, text = tokenize(ev.sentence), ev.sentence
        lo = text.find(ev.quote)
        hi = lo + len(ev.quote)
        for i, t in enumerate(tokens):
            if not t.word.startswith(words) or lo <= t.start < hi or _coordinated(tokens, text, i):
                continue
            c_lo, c_hi = clause_bounds(tokens, text, i, i)
            clause = tokens[c_lo:c_hi + 1]
            if not any(c.neg for c in clause) and any(c.word in _replacing() for c in clause) \
                    and (hi <= tokens[c_lo].start or tokens[c_hi].end <= lo):
                out.add(fact)  # "nichts bestellt, nur reserviert", "didn't order, we made a reservation instead"
                break
    return out


_DENIED_NOUN = 4  # words from a negation to the noun it denies ("keine neue Bestellung", "not placed any order"), particles not counted


def _coordinated(tokens: list[Token], text: str, i: int) -> bool:
    """Whether the word at `i` is joined by a coordinator to a noun phrase a negation opens ("no
    order or reservation", "weder eine Bestellung noch eine Reservierung"): the denial covers it too."""
    joins, determiners = folded("coordinators") | folded("negative_coordinators"), folded("determiners")
    j = i - 1
    while j >= 0 and tokens[j].word in determiners:
        j -= 1
    if j < 1 or tokens[j].word not in joins:
        return False
    particles, counted = folded("particles"), 0
    for k in range(j - 1, -1, -1):
        if any(ch in ",;:.!?()" for ch in text[tokens[k].end:tokens[k + 1].start]):
            return False
        if tokens[k].neg:
            return True
        counted += tokens[k].word not in particles  # "haven't actually placed an order or ...": a particle adds no distance
        if counted >= _DENIED_NOUN:
            return False
    return False


@cache
def _parts() -> dict[str, tuple[str, ...]]:
    data = ticket_file("partial.yaml") or {}
    return {str(fact): tuple(fold(str(w)) for ws in parts.values() for w in ws or ())
            for fact, parts in data.items() if isinstance(parts, dict)}


def partial_yeses(found: Mapping[str, Value | None], sentences: list[tuple[list[Token], str]]) -> set[str]:
    """Return the facts read as "yes" that the text takes back in part: a part of the sentence up to a
    comma names a part the fact also covers beside a negation ("die Quarantäne des Mailfilters aber
    noch nicht", "filters: not looked at")."""
    out = set()
    for fact, parts in _parts().items():
        if found.get(fact) is not True:
            continue
        for tokens, text in sentences:
            for i, t in enumerate(tokens):
                if any(t.word.startswith(p.split()[0]) for p in parts) and any(tokens[j].neg for j in _segment(tokens, text, i)):
                    out.add(fact)
    return out


_SEGMENT_MARKS = frozenset(",;()–—")


def _segment(tokens: list[Token], text: str, i: int) -> range:
    """The tokens around `i` up to a comma, semicolon, bracket or dash (a colon joins a label to its answer)."""
    def marked(k: int) -> bool:  # between token k-1 and token k
        return any(ch in _SEGMENT_MARKS for ch in text[tokens[k - 1].end:tokens[k].start])
    lo = i
    while lo > 0 and not marked(lo):
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and not marked(hi + 1):
        hi += 1
    return range(lo, hi + 1)


@cache
def _conditions() -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    data = ticket_file("conditioned.yaml") or {}

    def beginnings(words: object) -> tuple[str, ...]:
        return tuple(fold(str(w)) for ws in (words.values() if isinstance(words, dict) else ()) for w in ws or ())
    return {str(fact): (str(rule["with"]), beginnings(rule.get("names")), beginnings(rule.get("words")))
            for fact, rule in data.items() if isinstance(rule, dict) and rule.get("with")}


def unsettled_conditions(found: Mapping[str, Value | None], evidence: Mapping[str, Evidence],
                         sentences: Iterable[list[Token]]) -> set[str]:
    """Return the facts read as "yes" that hold only with another fact (`conditioned.yaml`) whose subject
    the text names (`sentences`: its sentences' tokens) without settling it, unless the sentence of the
    "yes" names the sameness itself ("several enrollments with the same name")."""
    out = set()
    for fact, (needed, names, words) in _conditions().items():
        if found.get(fact) is not True or found.get(needed) is not None \
                or not any(t.word.startswith(names) for tokens in sentences for t in tokens):
            continue
        ev = evidence.get(fact)
        if ev is None or not any(t.word.startswith(words) for t in tokenize(ev.sentence)):
            out.add(fact)
    return out
