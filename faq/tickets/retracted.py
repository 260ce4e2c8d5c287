"""A yes or no that a later sentence takes back ("Den Spam-Ordner hat keiner geprüft. Nachtrag:
Doch, Frau Kern hat ihn geprüft", "The domain is verified. Update: that was wrong ..."): the later
sentence opens with a word of taking back (knowledge/language/retractions.yaml, or a contradicting
"Doch," of contradiction_particles.yaml) and names a word of
the statement again, or follows it at once and is short ("... EDIT: that was wrong."), so the fact
is no longer sure and stays open. So does an addition opened by a
word of editing (addenda.yaml: "EDIT: my colleague did check it", "Nachtrag: Herr Kern hat doch
nachgesehen") whose clause names a word of the statement again (or one of its stem) and says the
opposite: no negation after a "no", a negation after a "yes"."""

from __future__ import annotations

from collections.abc import Mapping

from faq.flows.values import Value
from faq.language.lexicon import folded
from faq.language.normalize import fold
from faq.tickets.answers import to_find_out
from faq.tickets.borders import clause_bounds
from faq.tickets.evidence import Evidence
from faq.tickets.sentence import Sentence, has_sequence
from faq.tickets.tokens import tokenize

__all__ = ["left_to_check", "retracted"]

_OPENING = 4  # words at a sentence's start that may take back what was told before
_SHORTEST = 5  # letters of a word that counts as named again (not "die", "ist")


def retracted(found: Mapping[str, Value | None], evidence: Mapping[str, Evidence], analysed: list[Sentence]) -> list[str]:
    """The ids of the yes/no facts in `found` that a later sentence of `analysed` takes back."""
    particles = folded("contradiction_particles")
    backs = [s for s in analysed if has_sequence([t.word for t in s.tokens[:_OPENING]], "retractions")
             or any(t.word in particles and s.text[t.end:t.end + 1] == "," for t in s.tokens[:_OPENING])]
    added = [s for s in analysed if has_sequence([t.word for t in s.tokens[:_OPENING]], "addenda")]
    if not backs and not added:
        return []  # most tickets
    out = []
    for fact_id, value in found.items():
        ev = evidence.get(fact_id)
        if not isinstance(value, bool) or ev is None:
            continue
        said = {fold(t.word) for t in tokenize(ev.quote) if len(t.word) >= _SHORTEST}
        following = next((s for s in analysed if s.offset >= ev.end), None)  # "... EDIT: that was wrong."
        if any(s.offset >= ev.end and (said & {t.word for t in s.tokens} or s is following and _bare(s)) for s in backs) \
                or any(s.offset >= ev.end and _turned_round(s, said, value) for s in added):
            out.append(fact_id)
    return out


_BARE = 6  # words at most of a taking back that names nothing ("Update: that was wrong, scratch that")


def _bare(s: Sentence) -> bool:
    """Whether a taking-back sentence is short and names no thing of its own: it takes back the
    sentence right before it."""
    return len(s.tokens) <= _BARE


def _turned_round(s: Sentence, said: set[str], value: bool) -> bool:
    """Whether an addition names a word of `said` again, or one of the same stem ("check" for
    "checked"), in a clause that says the opposite of `value`."""
    stems = {w[:_SHORTEST] for w in said}
    for i, t in enumerate(s.tokens):
        if len(t.word) < _SHORTEST or t.word[:_SHORTEST] not in stems:
            continue
        lo, hi = clause_bounds(s.tokens, s.text, i, i)
        if any(u.neg for u in s.tokens[lo:hi + 1]) == value:
            return True
    return False


def left_to_check(found: Mapping[str, Value | None], evidence: Mapping[str, Evidence], analysed: list[Sentence]) -> list[str]:
    """The ids of the facts in `found` whose statement a later clause of its sentence leaves still to
    be checked, pointing back at it ("Nutzungsbeginn ist der 01.12.2026, das muss ich aber noch
    prüfen", "..., but I need to double-check that") or says the writer cannot confirm it ("..., but I can't
    verify that"); not a next sentence, which may point at
    something else ("Die Domäne? Das muss ich noch prüfen")."""
    anaphors = folded("check_pointers")
    out = []
    for fact_id, value in found.items():
        ev = evidence.get(fact_id)
        if value is None or ev is None:
            continue
        at = next((k for k, s in enumerate(analysed) if s.offset <= ev.start < s.offset + len(s.text)), None)
        if at is None:
            continue
        s = analysed[at]
        if anaphors.isdisjoint(t.word for t in s.tokens):
            continue  # no word of the sentence points back: nothing after the statement can (most sentences)
        first = next((i for i, t in enumerate(s.tokens) if s.offset + t.start >= ev.start), None)
        if first is None:
            continue
        whole = ev.end >= s.offset + len(s.text.rstrip()) - 1  # a date's evidence is its whole sentence
        hi = clause_bounds(s.tokens, s.text, first, first)[1]
        later = [i for i, t in enumerate(s.tokens) if i > hi and (whole or s.offset + t.start >= ev.end)]
        words = [s.tokens[i].word for i in later]  # the rest of the sentence: "das muss ich | aber noch prüfen"
        if (to_find_out(words, planned=True) or _unconfirmed(words, any(s.tokens[i].neg for i in later))) \
                and not anaphors.isdisjoint(words):
            out.append(fact_id)
    return out


def _unconfirmed(words: list[str], negated: bool) -> bool:
    """Whether words after a statement say the writer cannot confirm it: a word of ability, present or
    past, a verb of confirming and a negation ("das kann ich aber nicht überprüfen", "but I can't verify
    that", "selbst prüfen konnte ich es nicht")."""
    able = folded("ability_modals") | folded("past_ability_modals")
    return negated and not able.isdisjoint(words) and not folded("confirming_verbs").isdisjoint(words) \
        and folded("conditionals").isdisjoint(words)  # "ob das Basisabo ... läuft, kann ich nicht sagen" asks its own
