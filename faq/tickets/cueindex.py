"""The cues a whole text can hold, worked out once per text rather than once per sentence.

A cue word `absent` from all of a text's sentences joined is absent from each of them, so a
cue holding it is skipped in every sentence without a look (`Words.holds` would say no).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from faq.kb.model import Fact
from faq.tickets.cuefind import Cue, Words, absent
from faq.tickets.cues import CueLexicon

__all__ = ["TextCues", "cues_of"]

Group = tuple[str, tuple[tuple[int, tuple[str, ...]], ...]]
PairGroup = tuple[str, tuple[tuple[int, tuple[Cue, Cue]], ...]]
G = TypeVar("G", Group, PairGroup)


class TextCues:
    """The cues of a text's sentences: each phrase table's cue groups cut to those the text may hold."""

    def __init__(self, lex: CueLexicon, sentences: Iterable[Words]) -> None:
        """Join the canonical words of the text's `sentences` (as each sentence joins them)."""
        self.lex = lex
        self.joined = "\n".join(words.joined for words in sentences)
        self._held: dict[str, bool] = {}
        self._groups: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], tuple[Group, ...]]] = {}
        self._pair_groups: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], tuple[PairGroup, ...]]] = {}
        self._firsts: dict[tuple[int, str], tuple[Fact, tuple[str, ...]]] = {}

    def may_hold(self, cue_word: str) -> bool:
        """Whether some sentence of the text may match `cue_word` (False: none does)."""
        held = self._held.get(cue_word)
        if held is None:
            held = self._held[cue_word] = not absent(cue_word, self.joined)
        return held

    def cue_groups(self, table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[Group, ...]:
        """`CueLexicon.cue_groups` of a phrase table without the groups whose first word no
        sentence of the text holds, in their order."""
        hit = self._groups.get((id(table), lang))
        if hit is not None and hit[0] is table:
            return hit[1]
        return self._cut(self._groups, self.lex.cue_groups, table, lang)

    def pair_groups(self, table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[PairGroup, ...]:
        """`CueLexicon.pair_groups` of a phrase table without the groups whose first word no
        sentence of the text holds, in their order."""
        hit = self._pair_groups.get((id(table), lang))
        if hit is not None and hit[0] is table:
            return hit[1]
        return self._cut(self._pair_groups, self.lex.pair_groups, table, lang)

    def _cut(self, memo: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], tuple[G, ...]]],
             grouped: Callable[[Mapping[str, tuple[str, ...]], str], tuple[G, ...]],
             table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[G, ...]:
        """The held groups (`_held_groups`) of `grouped(table, lang)`, remembered in `memo` (the
        callers look there first: they run for every sentence and fact)."""
        groups = self._held_groups(grouped(table, lang))
        memo[(id(table), lang)] = (table, groups)
        return groups

    def silent(self, fact: Fact, lang: str) -> bool:
        """Whether no sentence of the text may hold a cue or paired cue of a yes/no fact."""
        return not self.first_words(fact, lang)

    def first_words(self, fact: Fact, lang: str) -> tuple[str, ...]:
        """The first words of the groups of a yes/no fact's cues and paired cues that the text may hold
        (`cue_groups`, `pair_groups`): a sentence that holds none of them states no cue of the fact."""
        hit = self._firsts.get((id(fact), lang))
        if hit is not None and hit[0] is fact:
            return hit[1]
        held, joined = self._held, self.joined  # `may_hold` of each, written out: a fact has dozens of first words
        kept = []
        for first in _first_words(self.lex, fact, lang):
            may = held.get(first)
            if may is None:
                may = held[first] = not absent(first, joined)
            if may:
                kept.append(first)
        firsts = tuple(kept)
        self._firsts[(id(fact), lang)] = (fact, firsts)
        return firsts

    def _held_groups(self, groups: tuple[G, ...]) -> tuple[G, ...]:
        """The groups whose first word (`may_hold`) some sentence may hold, in their order."""
        held, joined = self._held, self.joined
        out = []
        for group in groups:
            first = group[0]
            may = held.get(first)
            if may is None:
                may = held[first] = not absent(first, joined)
            if may:
                out.append(group)
        return tuple(out)


def _first_words(lex: CueLexicon, fact: Fact, lang: str) -> tuple[str, ...]:
    """The first words of the groups of a yes/no fact's cues and paired cues ("yes" cues, "no" cues,
    "yes" pairs, "no" pairs), each once, in that order (worked out once per fact and language)."""
    def build() -> tuple[str, ...]:
        cues = fact.cues
        return tuple(dict.fromkeys(first for groups in (lex.cue_groups(cues.yes, lang), lex.cue_groups(cues.no, lang),
                                                        lex.pair_groups(cues.yes, lang), lex.pair_groups(cues.no, lang))
                                   for first, _ in groups))
    return lex.derive("first_words", fact, lang, build)


_TEXTS: dict[tuple[int, str], tuple[CueLexicon, TextCues]] = {}
_KEPT = 256  # texts whose cues are remembered (then forgotten at once): a text recurs (a template, a re-sent ticket)


def cues_of(lex: CueLexicon, sentences: Iterable[Words]) -> TextCues:
    """`TextCues` of the sentences, one for each text: what it works out depends on their joined words only."""
    cues = TextCues(lex, sentences)
    hit = _TEXTS.get((id(lex), cues.joined))
    if hit is not None and hit[0] is lex:
        return hit[1]
    if len(_TEXTS) >= _KEPT:
        _TEXTS.clear()
    _TEXTS[(id(lex), cues.joined)] = (lex, cues)
    return cues
