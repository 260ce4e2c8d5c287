"""Cue nouns that only modify another noun: the first part of a German compound
("andere Registrierungsdaten" are no other enrollments) or an English noun right before a head
noun ("other enrollment data"). The endings and heads are data (`linking_suffixes`, `modifier_heads`)."""

from __future__ import annotations

from functools import cache, lru_cache

from faq.language.lexicon import folded
from faq.tickets.cuefind import WHOLE, word_matches
from faq.tickets.tokens import Token

__all__ = ["modifier_only"]

_PLURALS = ("", "en", "n", "s", "es")  # what may follow a cue noun in its own plural ("Registrierungen", "subscriptions")
_COMPOUND = 9  # letters of the shortest compound with a cue noun as its first part (six letters and a plural's more)


@lru_cache(maxsize=8192)
def _first_part(cue: str, word: str) -> bool:
    """Whether a German word holds a cue noun of a linking-s ending only as its compound's first
    part ("registrierungsdaten" for "registrierung"): it goes on past the noun's plural, to a last
    part that is not the thing itself (`thing_heads`: "Reservierungsauftrag")."""
    if len(cue) >= 6 and cue.endswith(_linking()) and word.startswith(cue) and word[len(cue):] not in _PLURALS:
        return not word[len(cue):].lstrip("s").startswith(_things())  # "Reservierungsauftrag" is the reservation
    for suffix in _linking():  # a first part the cue matches one typo away ("verifiziert": "Verifizierungsanleitung")
        at = word.find(suffix + "s", 4)
        first, rest = word[:at + len(suffix)], word[at + len(suffix) + 1:]
        if at > 0 and len(rest) >= 3 and word_matches(cue, first) and not word_matches(cue, rest) \
                and not rest.startswith(_things()):
            return True
    return False


@cache
def _things() -> tuple[str, ...]:
    return tuple(folded("thing_heads"))


@cache
def _linking() -> tuple[str, ...]:
    return tuple(folded("linking_suffixes"))


def modifier_only(cue: tuple[str, ...], words: list[str], tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether a cue's noun stands in `span` only as a modifier of another noun: the first part of a
    German compound ("andere Registrierungsdaten") or an English noun before a head noun ("other
    enrollment data", nothing between them), where no other word of the cue matches that head.
    `words` are the canonical words, `tokens` the words as written in `text`."""
    inside = range(span[0], span[1] + 1)
    heads = folded("modifier_heads")
    if not any(len(words[i]) >= _COMPOUND or i + 1 < len(tokens) and tokens[i + 1].word in heads for i in inside):
        return False  # no word long enough for a compound, none before a head
    for c in cue:
        if c.startswith(WHOLE):
            continue
        hits = [i for i in inside if word_matches(c, words[i])]
        if not hits:
            continue
        if all(_first_part(c, words[i]) and not any(o != c and word_matches(o, words[i]) for o in cue) for i in hits):
            return True
        if all(i + 1 < len(tokens) and tokens[i + 1].word in heads and not text[tokens[i].end:tokens[i + 1].start].strip()
               and not any(word_matches(o, words[i + 1]) for o in cue) for i in hits):
            return True
    return False
