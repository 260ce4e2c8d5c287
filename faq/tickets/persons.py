"""People a ticket names as the OSM: wherever their name comes again, it reads as the OSM.

"Die Aktivierungsmail ging an Herrn Maier, unseren OSM" and "Frau Kurz ist unsere OSM. Laut VLSC
ging die Mail an Frau Kurz" name the OSM as the recipient. Read as just a person, the recipient
would be another contact than the OSM: a false fact and a false cause.
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.cues import CueLexicon, Words
from faq.tickets.sentence import Sentence

__all__ = ["name_osm_people"]

_NAME_WORDS = 2  # a name after a title: a surname, or a first name and a surname
_LINK_WORDS = 2  # articles and possessives between the name and "OSM" ("unseren", "our")


def _declared(s: Sentence, osm: str) -> set[str]:
    """The (folded) surnames this sentence names as the OSM: a title, a capitalised name, then
    ", (unser) OSM", "(OSM)" or "ist (unsere) OSM"."""
    titles, copulas = folded("titles"), folded("copulas")
    links = folded("determiners") | folded("third_party_possessives")
    tokens, names = s.tokens, set()
    for i, title in enumerate(tokens):
        if title.word not in titles:
            continue
        end = i + 1
        while end < min(len(tokens), i + 1 + _NAME_WORDS) and tokens[end].word not in titles \
                and s.words[end] != osm and s.text[tokens[end].start:tokens[end].start + 1].isupper() \
                and (end == i + 1 or not s.text[tokens[end - 1].end:tokens[end].start].strip()):
            end += 1
        if end == i + 1 or end >= len(tokens):
            continue
        gap = s.text[tokens[end - 1].end:tokens[end].start]
        at = end + (tokens[end].word in copulas)
        if at == end and not ("," in gap or "(" in gap):
            continue
        stop = min(len(tokens), at + _LINK_WORDS + 1)
        while at < stop and tokens[at].word in links and s.words[at] != osm:
            at += 1
        if at < len(tokens) and s.words[at] == osm:
            names.add(tokens[end - 1].word)
    return names


def name_osm_people(analysed: list[Sentence], lex: CueLexicon) -> None:
    """Read every mention of a person the ticket names as the OSM (their title and name) as the OSM."""
    osm = lex.word("osm")
    names = set().union(*(_declared(s, osm) for s in analysed)) if analysed else set()
    if not names:
        return
    titles = folded("titles")
    for s in analysed:
        at = {i for i, t in enumerate(s.tokens) if t.word in names}
        for i in sorted(at):  # "Frau Dr. Weber": every title before the name goes with it
            while i > 0 and s.tokens[i - 1].word in titles:
                i -= 1
                at.add(i)
        if at:
            s.words = Words(osm if i in at else w for i, w in enumerate(s.words))
