"""An address the ticket calls private is not the OSM's when another one is named as registered.

"Unser OSM: Herr Kurz (kurz@outlook.com ist seine private Adresse, im VLSC steht k.kurz@firma.de)",
"mia@outlook.com is her private mail, VLSC lists m.hart@hart.co.uk": the registered address is the
OSM's; the private one names the person, not the enrollment. A private address alone ("als OSM ist
meine private Adresse eingetragen") stays the OSM's. The words are data (`private_words`,
`registering_words`).
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.sentence import Sentence, token_index

__all__ = ["private_beside_registered"]


def _clause_has(s: Sentence, rel: int, words: frozenset[str] | set[str]) -> bool:
    at = token_index(s.tokens, rel)
    lo, hi = clause_bounds(s.tokens, s.text, at, at)
    return any(t.word in words for t in s.tokens[lo:hi + 1])


def private_beside_registered(stated: list[tuple[Sentence, int, int, str]]) -> set[str]:
    """Return the addresses (lower case) of `stated` (sentence, start, end, address) that their
    clause calls private while another address's clause names it as registered."""
    private, registering = folded("private_words"), folded("registering_words")
    called = {a.lower() for s, rel, _, a in stated if _clause_has(s, rel, private)}
    registered = {a.lower() for s, rel, _, a in stated if a.lower() not in called and _clause_has(s, rel, registering)}
    return called if registered else set()
