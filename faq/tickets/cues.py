"""A knowledge base's cue phrases as canonical words: synonyms, paired and grouped cues.

`CueLexicon` turns a fact's cue phrases into the canonical words `faq.tickets.cuefind` finds
in a sentence (synonyms of the knowledge base and `knowledge/language/`, "gone through" read
as checking), pairs and groups them once per table; `lexicon_for` keeps one per knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, cast

from faq.language.lexicon import folded as _folded
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.cuefind import (
    ADJACENT,
    GOES_ON,
    NUMBERED,
    ORDERED,
    PAIRED,
    THEN,
    WEAK,
    WHOLE,
    Cue,
    Words,
    cue_mode,
    function_words,
)
from faq.tickets.tokens import Token, negations, tokenize, with_zu

T = TypeVar("T")

__all__ = ["CueLexicon", "lexicon_for", "phrases"]


def _builtin_synonyms() -> tuple[tuple[str, ...], ...]:
    # A country's name is read as "Land" ("nicht in Liechtenstein angeboten").
    return (with_zu(lexicon_words("verbs_of_checking")), lexicon_words("verbs_of_managing"), lexicon_words("verbs_of_linking"),
            lexicon_words("other_people"), lexicon_words("effect_words"), lexicon_words("colloquial_negations"), lexicon_words("cue_negations"),
            ("land", "country", *lexicon_words("countries")),
            ("lizenz", *lexicon_words("licence_units")),  # "seats" are licences
            lexicon_words("organisation_names"),  # "Orgname" is the organisation name
            *(tuple(line.split()) for line in (*lexicon_words("dialect_words"), *lexicon_words("abbreviated_words"))))  # "gangen", "Kaufdat."


class CueLexicon:
    """Canonical words of one knowledge base's vocabulary (synonyms) for cue matching."""

    def __init__(self, synonyms: Iterable[Iterable[str]] = (), stopwords: Iterable[str] = ()) -> None:
        synonyms = tuple(tuple(g) for g in synonyms)
        self.canon: dict[str, str] = {}
        self.phrasal: dict[tuple[str, str], str] = {}  # "gone through" is checking, "gone" alone is not
        for k, group in enumerate((*_builtin_synonyms(), *synonyms)):
            forms = [" ".join(t.word for t in tokenize(g)) for g in group]
            forms = [f for f in forms if f]
            if not forms:
                continue
            head = forms[0]
            for form in forms:
                if " " not in form and "-" not in form:
                    self.canon.setdefault(form, head)
                elif k == 0 and form.count(" ") == 1:
                    first, second = form.split()
                    self.phrasal.setdefault((first, second), head)
        self._phrasal_first = frozenset(first for first, _ in self.phrasal)
        self.spans: dict[str, tuple[tuple[str, ...], ...]] = {}  # "online services manager": osm
        for group in synonyms:
            spelled = [[t.word for t in tokenize(g)] for g in group]
            if spelled and spelled[0]:
                self.spans[self.canon.get(spelled[0][0], spelled[0][0])] = tuple(
                    tuple(self.canon.get(w, w) for w in f) for f in spelled if len(f) > 1)
        self.whole = frozenset(fold(w) for w in lexicon_words("whole_word_cues"))
        persons = {fold(w) for w in lexicon_words("negation_persons")}
        for form, head in list(self.canon.items()):  # "identischem", "richtigen": the group's word
            if len(form) >= 5 and form not in self.whole and form not in persons:
                for ending in _folded("inflection_endings"):
                    self.canon.setdefault(form + ending, head)
        self.nothing = frozenset(fold(w) for w in lexicon_words("nothing_words"))
        self.nouns = frozenset(fold(w) for w in lexicon_words("noun_cue_words"))
        for form in self.whole | persons:
            self.canon.pop(form, None)
        neg = negations()
        self.stop = frozenset(function_words() | {fold(w) for w in stopwords if fold(w) not in neg})
        self._cache: dict[str, tuple[str, ...]] = {}
        self._tables: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], tuple[tuple[str, ...], ...]]] = {}
        self._contexts: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], Any]] = {}
        self._pairs: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], Any]] = {}
        self._groups: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], Any]] = {}
        self.derived: dict[tuple[str, int, str], tuple[object, Any]] = {}  # other modules' per-table work

    def derive(self, kind: str, owner: object, lang: str, build: Callable[[], T]) -> T:
        """Return `build()` for a table or fact `owner` of the knowledge base, worked out once
        per kind, owner and language (the owner is kept, so its id is never reused)."""
        key = (kind, id(owner), lang)
        hit = self.derived.get(key)
        if hit is not None and hit[0] is owner:
            return cast(T, hit[1])
        value = build()
        self.derived[key] = (owner, value)
        return value

    def word(self, word: str) -> str:
        """Return the canonical form of a folded word."""
        return self.canon.get(word, word)

    def words(self, tokens: list[Token]) -> Words:
        """Return the canonical forms of a sentence's words ("gone through": checking)."""
        out, firsts = Words([self.canon.get(t.word, t.word) for t in tokens]), self._phrasal_first
        for i in range(len(tokens) - 1):  # a word no phrasal form opens is looked up alone
            if tokens[i].word in firsts and (head := self.phrasal.get((tokens[i].word, tokens[i + 1].word))) is not None:
                out[i] = head
        return out

    def cues(self, table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[tuple[str, ...], ...]:
        """Return the cues of a fact's phrase table, the ticket's language first (cached per table)."""
        hit = self._tables.get((id(table), lang))
        if hit is not None and hit[0] is table:
            return hit[1]
        out = tuple(self.cue(p) for p in phrases(table, lang) if PAIRED not in p and THEN not in p and GOES_ON not in p)
        self._tables[(id(table), lang)] = (table, out)
        return out

    def cue_groups(self, table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
        """Return the cues of a phrase table (`cues`) grouped by their first word, each with its
        place in the table: a sentence without that word skips the whole group."""
        hit = self._groups.get((id(table), lang))
        if hit is not None and hit[0] is table:
            return hit[1]
        groups: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for index, cue in enumerate(self.cues(table, lang)):
            if cue:
                groups.setdefault(cue[0], []).append((index, cue))
        out = tuple((first, tuple(group)) for first, group in groups.items())
        self._groups[(id(table), lang)] = (table, out)
        return out

    def pairs(self, table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
        """Return the paired cues of a fact's phrase table ("basis alte registrierung + add-on neue
        registrierung"): two cues a sentence must both state, on words of their own; halves
        joined by `THEN` come in that order (`numbered_pairs` has those ending in `NUMBERED`)."""
        hit = self._pairs.get((id(table), lang))
        if hit is not None and hit[0] is table:
            return hit[1][0]
        return self._paired(table, lang)[0]

    def pair_groups(self, table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[tuple[str, tuple[tuple[int, tuple[Cue, Cue]], ...]], ...]:
        """Return the paired cues of `pairs` grouped by their first word, each with its place."""
        hit = self._pairs.get((id(table), lang))
        if hit is not None and hit[0] is table:
            return hit[1][2]
        return self._paired(table, lang)[2]

    def numbered_pairs(self, table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
        """Return the paired cues of a phrase table whose halves end in `NUMBERED` (`pairs` has the others)."""
        return self._paired(table, lang)[1]

    def _paired(self, table: Mapping[str, tuple[str, ...]], lang: str) -> Any:
        hit = self._pairs.get((id(table), lang))
        if hit is not None and hit[0] is table:
            return hit[1]
        out = []
        for p in phrases(table, lang):
            joiner = next((j for j in (PAIRED, GOES_ON, THEN) if j in p), None)
            if joiner is not None:
                first, second = p.split(joiner, 1)
                one, two = _own(self.cue(first)), _own(self.cue(second))  # halves carry marks of their pair
                one.numbered = two.numbered = NUMBERED in first and NUMBERED in second
                two.after = joiner in (THEN, GOES_ON)
                two.goes_on = joiner == GOES_ON
                one.pair_words = tuple(dict.fromkeys((*one, *two)))
                out.append((one, two))
        plain = tuple(p for p in out if not p[0].numbered)
        groups: dict[str, list[tuple[int, tuple[Cue, Cue]]]] = {}
        for index, pair in enumerate(plain):
            groups.setdefault(pair[0].pair_words[0], []).append((index, pair))
        split = (plain, tuple(p for p in out if p[0].numbered), tuple((w, tuple(g)) for w, g in groups.items()))
        self._pairs[(id(table), lang)] = (table, split)
        return split

    def cue(self, phrase: str, drop_function_words: bool = True) -> tuple[str, ...]:
        """Return the canonical content words of a cue phrase."""
        key = f"{int(drop_function_words)}{phrase}"
        cached = self._cache.get(key)
        if cached is None:
            tokens = tokenize(phrase.lstrip(WEAK + ORDERED))
            canon = self.words(tokens)
            words = [WHOLE + t.word if t.word in self.whole else canon[i] for i, t in enumerate(tokens)]
            kept = [w for w in words if not (drop_function_words and w in self.stop)]
            cue = Cue(kept if len(kept) >= 2 else words)  # never a lone generic word
            cue.mode, cue.stop = cue_mode(cue, self.stop), self.stop
            cue.nothing = any(t.word in self.nothing for t in tokens)
            cue.nouns = tuple(t.word for t in tokens if t.word in self.nouns)
            if phrase.startswith((WEAK, ORDERED)):
                cue.weak, cue.mode = phrase.startswith(WEAK), ADJACENT
            self._cache[key] = cached = cue
        return cached


_LEXICONS: dict[int, tuple[object, CueLexicon]] = {}


def lexicon_for(vocabulary: object | None) -> CueLexicon:
    """Return the cue lexicon of a knowledge base's `Vocabulary` (built once, then kept)."""
    hit = _LEXICONS.get(id(vocabulary))
    if hit is not None and hit[0] is vocabulary:
        return hit[1]
    synonyms = getattr(vocabulary, "synonyms", ())
    stop = [w for ws in getattr(vocabulary, "stopwords", {}).values() for w in ws]
    lex = CueLexicon(synonyms, stop)
    _LEXICONS[id(vocabulary)] = (vocabulary, lex)
    return lex


def _own(cue: tuple[str, ...]) -> Cue:
    """A copy of a cached cue, to be marked for one pair (`CueLexicon.pairs`)."""
    out = Cue(cue)
    for name in ("mode", "stop", "nothing", "nouns", "weak"):
        setattr(out, name, getattr(cue, name, getattr(Cue, name)))
    return out


_PHRASES: dict[tuple[int, str], tuple[Mapping[str, tuple[str, ...]], tuple[str, ...]]] = {}


def phrases(table: Mapping[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    """Cue phrases of the ticket's language first, then of the other language (cached per table)."""
    hit = _PHRASES.get((id(table), lang))
    if hit is not None and hit[0] is table:
        return hit[1]
    out = (*table.get(lang, ()), *(p for key, ps in table.items() if key != lang for p in ps))
    if len(_PHRASES) < 65536:
        _PHRASES[(id(table), lang)] = (table, out)
    return out
