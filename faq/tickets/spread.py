"""Cues read over more than one place: "the same enrollment" pointing back at the sentence
before, and paired cues whose two halves a sentence states apart ("Basisabo über die alte
Registrierung, das Add-on über die neue Registrierung")."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache

from faq.kb.model import Fact
from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.cuefind import Cue, Words, without, word_matches
from faq.tickets.cueindex import TextCues
from faq.tickets.cues import CueLexicon
from faq.tickets.negation import polarity
from faq.tickets.sentence import Sentence

__all__ = ["Said", "numbered", "othered", "paired", "same_as_before"]

# How a sentence states a cue: its span and state, or None (faq.tickets.facts._said).
Said = Callable[[tuple[str, ...], Sentence, CueLexicon], "tuple[tuple[int, int], bool] | None"]


def paired(fact: Fact, lang: str, s: Sentence, lex: CueLexicon,
           said_in: Said, text: TextCues | None = None) -> list[tuple[tuple[int, int], bool, tuple[int, int]]]:
    """Return (rank, value, span) of each paired cue of a yes/no fact that a sentence states:
    both halves stated, on words of their own, each qualifier right before its noun (`text`,
    the cues of the sentence's whole text, spares looking for those it lacks)."""
    out: list[tuple[int, int, tuple[tuple[int, int], bool, tuple[int, int]]]] = []
    words, cues = s.words, text or lex
    memo = words.memo  # the words' hits so far: a look there spares a call
    for side, (stated, table) in enumerate(((True, fact.cues.yes), (False, fact.cues.no))):
        for word, group in cues.pair_groups(table, lang):  # pairs by first word: one look for all of them
            at = memo.get(word)
            if not (at if at is not None else words.hits(word)):
                continue
            out.extend((side, index, said) for index, pair in group if (said := _pair_said(pair, stated, s, lex, said_in)))
    return [said for _, _, said in sorted(out, key=lambda o: o[:2])]


def _pair_said(pair: tuple[Cue, Cue], stated: bool, s: Sentence, lex: CueLexicon,
               said_in: Said) -> tuple[tuple[int, int], bool, tuple[int, int]] | None:
    """(rank, value, span) of one paired cue that a sentence states, else None (`paired`)."""
    first, second = pair
    if not s.words.holds(first.pair_words[1:]):
        return None  # a word of the pair is not in the sentence: no need to look closer
    one = said_in(first, s, lex)
    two = said_in(second, _without_span(s, one[0]), lex) if one is not None else None
    if one is None or two is None or not two[1] or second.after and two[0][0] <= one[0][1]:
        return None
    if second.goes_on:  # the second half's own negation is the first's too ("Reservierung ... nicht durch")
        if not _goes_on(s, one[0], two[0]):
            return None
    elif not one[1]:
        return None
    if not all(_elliptic(half, first.pair_words, s, span, lex) if half[-1].startswith(_qualifiers())
               else qualified(half, s.words, span, lex, True) for half, span in ((first, one[0]), (second, two[0]))):
        return None
    span = (min(one[0][0], two[0][0]), max(one[0][1], two[0][1]))
    return (len(first) + len(second), span[0] - span[1]), stated, span


def _goes_on(s: Sentence, one: tuple[int, int], two: tuple[int, int]) -> bool:
    """Whether span `two` stands in the clause of span `one`, or in the clause right after it that
    opens with a finite verb: its subject left out, it goes on about the first's ("Reservierung
    gestern gemacht, ist noch nicht durch"; not "..., die Mail ist noch nicht durch"); a label's
    clause is the first clause after its colon."""
    lo, hi = clause_bounds(s.tokens, s.text, one[0], one[1])
    if hi + 1 < len(s.tokens) and s.text[s.tokens[hi].end:s.tokens[hi + 1].start].strip() == ":":
        hi = clause_bounds(s.tokens, s.text, hi + 1, hi + 1)[1]  # a label heads what its line says of it:
        # "Reservierung: am 02.09. angelegt, ist wirksam"
    if two[1] <= hi:
        return True
    n_lo, n_hi = clause_bounds(s.tokens, s.text, two[0], two[1])
    return n_lo == hi + 1 and s.tokens[n_lo].word in folded("finite_verbs")


_NUMBER_REACH = 2  # words after a half's noun where the number it names may stand ("enrollment no. 123")
_NUMBER_DIGITS = 4  # digits at least in a number that names something (not "E3", not "2 seats")
_SEGMENT = frozenset(",;.!?\n")  # what ends the stretch in which a half's words name its number
_DIGITS = re.compile(rf"\d[\dx*]{{{_NUMBER_DIGITS - 1},}}")  # a number, maybe masked in part ("6xxxx123")


def numbered(fact: Fact, lang: str, analysed: list[Sentence],
             lex: CueLexicon) -> tuple[bool, Sentence, tuple[int, int]] | None:
    """Read a paired cue whose halves end in numbers (`cues.NUMBERED`) over the whole text: "das
    Basisabo läuft unter Registrierung 5893021. Das Add-on: Registrierung 6120774." A number after
    a half's noun belongs to the half whose other words stand nearest before it in its clause; each
    half must so state one number, not negated, hedged or asked. Different numbers give the cue's
    value, the same number the opposite. Returns (value, sentence, span)."""
    def build() -> tuple[tuple[bool, tuple[str, ...], tuple[str, ...]], ...]:
        return tuple((stated, first, second) for stated, table in ((True, fact.cues.yes), (False, fact.cues.no))
                     for first, second in lex.numbered_pairs(table, lang))

    for stated, first, second in lex.derive("numbered", fact, lang, build):
        one, two = _numbers((first, second), analysed)
        if len({n for n, _, _ in one}) != 1 or len({n for n, _, _ in two}) != 1:
            continue  # a half with no number, or with two, decides nothing
        differ = _differ(one[0][0], two[0][0])
        if differ is None:
            continue  # masked numbers whose shown digits agree: maybe the same, maybe not
        return (stated if differ else not stated), one[0][1], one[0][2]
    return None


def _differ(one: str, two: str) -> bool | None:
    """Whether two numbers differ; a masked one ("8765xxxx", "6xxxx123") by the digits it shows: of
    the same length, where both show one; else by the digits they show first. None when those agree."""
    if not any(c in _MASKS for c in one + two):
        return one != two
    if len(one) == len(two):
        return True if any(a != b for a, b in zip(one, two) if a.isdigit() and b.isdigit()) else None
    shown_one, shown_two = one.rstrip(_MASKS), two.rstrip(_MASKS)
    shown = min(len(shown_one), len(shown_two))
    return True if shown_one[:shown] != shown_two[:shown] and shown_one.isdigit() and shown_two.isdigit() else None


def _number(word: str) -> bool:
    """Whether a word is a number that names something: its digits, or digits with some masked
    ("8765xxxx", "6xxxx123"), at least `_NUMBER_DIGITS` of them shown, not all zeros."""
    digits = "".join(c for c in word if c.isdigit())
    return bool(word) and word[0].isdigit() and all(c.isdigit() or c in _MASKS for c in word) \
        and len(digits) >= _NUMBER_DIGITS and bool(digits.strip("0"))


_MASKS = "x*"  # characters that hide a number's last digits


def _numbers(halves: tuple[tuple[str, ...], ...],
             analysed: list[Sentence]) -> list[list[tuple[str, Sentence, tuple[int, int]]]]:
    """For each half of a numbered cue, the numbers it names: a half's noun (its last word)
    followed by a number, the half's other words the nearest of both halves' before the noun in
    the same clause ("base under enrollment 1, the add-on under enrollment 2"), the whole stated."""
    out: list[list[tuple[str, Sentence, tuple[int, int]]]] = [[] for _ in halves]
    for s in analysed:
        if _DIGITS.search(s.text) is None:
            continue
        for i in range(len(s.tokens)):
            number = next((n for n in s.tokens[i + 1:i + 1 + _NUMBER_REACH]
                           if n.word[:1].isdigit() and _number(n.word)), None)
            if number is None or not any(word_matches(h[-1], s.words[i]) for h in halves):
                continue  # addresses and domain names are blanked to zeros: they name no number
            lo = i
            while lo > 0 and not _SEGMENT & set(s.text[s.tokens[lo - 1].end:s.tokens[lo].start]):
                lo -= 1
            for j in range(i - 1, lo - 1, -1):  # the nearest word of a half before the noun decides
                owners = [k for k, h in enumerate(halves) if word_matches(h[-1], s.words[i])
                          and any(word_matches(c, s.words[j]) for c in h[:-1])]
                if len(owners) == 1:
                    span = (j, s.tokens.index(number))
                    if polarity(s.tokens, s.text, span, halves[owners[0]], s.words) is True:
                        out[owners[0]].append((number.word, s, span))
                    break
    return out


def qualified(cue: tuple[str, ...], words: list[str], span: tuple[int, int], lex: CueLexicon, moved: bool = False) -> bool:
    """Whether the last two words of a paired cue's half (a qualifier and its noun: "alte
    Registrierung") stand together in `span`, in order, only function words between: "von der
    alten auf die neue Registrierung" qualifies no "alte Registrierung". With `moved`, nor does a
    source preposition before them (a half "moved from the old enrollment to the new one" left)."""
    if len(cue) < 2:
        return True
    for i in range(span[0], span[1] + 1):
        if word_matches(cue[-2], words[i]) and not (moved and _from(words, i, lex)):
            j = i + 1
            while j <= span[1] and not word_matches(cue[-1], words[j]) \
                    and (words[j] in lex.stop or words[j] in folded("subject_pronouns")):
                j += 1  # "ging sie an": a pronoun between a verb and its particle
            if j < span[1] and j == i + 1 and _attribute(words[i], words[j]):
                j += 1  # "eine andere, ältere Registrierung": a second adjective of the noun
            if j <= span[1] and word_matches(cue[-1], words[j]):
                return True
    return False


@cache
def _endings() -> tuple[str, ...]:
    """The inflection endings, longest first."""
    return tuple(sorted(folded("inflection_endings"), key=len, reverse=True))


def _attribute(qualifier: str, word: str) -> bool:
    """Whether `word`, right after a qualifier, is an adjective of the same noun: inflected as the
    qualifier is ("andere ältere", "anderen neuen")."""
    ending = next((e for e in _endings() if qualifier.endswith(e)), None)
    return ending is not None and word.endswith(ending) and len(word) > len(ending) + 2


@cache
def _qualifiers() -> tuple[str, ...]:
    return tuple(folded("qualifiers"))


def _elliptic(cue: tuple[str, ...], pair: tuple[str, ...], s: Sentence, span: tuple[int, int], lex: CueLexicon) -> bool:
    """Whether a paired half that ends in a qualifier stands for its noun left out: the qualifier in
    `span` with no noun after it ("das Add-on unter der neuen bestellt", "die Basis auf der alten."):
    not a word written with a capital (a German noun: "das alte Basisabo") nor one of the pair's
    ("the old base plan"), and not after a source preposition."""
    tokens = s.tokens
    for i in range(span[0], span[1] + 1):
        if word_matches(cue[-1], s.words[i]) and not _from(s.words, i, lex):
            if i + 1 >= len(tokens) or any(ch in ",.;:!?)" for ch in s.text[tokens[i].end:tokens[i + 1].start]):
                return True
            if not s.text[tokens[i + 1].start].isupper() and not any(word_matches(w, s.words[i + 1]) for w in pair):
                return True
    return False


def _from(words: list[str], i: int, lex: CueLexicon) -> bool:
    """Whether a source preposition ("von", "from") stands before word i, only function words between."""
    j = i - 1
    while j >= 0 and words[j] in lex.stop and words[j] not in folded("source_prepositions"):
        j -= 1
    return j >= 0 and words[j] in folded("source_prepositions")


def _without_span(s: Sentence, span: tuple[int, int]) -> Sentence:
    """The sentence with the words of `span` blanked (a paired cue's second half is found apart)."""
    words = Words(w if not span[0] <= i <= span[1] else "" for i, w in enumerate(s.words))
    return Sentence(s.offset, s.text, s.tokens, words)


def same_as_before(fact: Fact, lang: str, analysed: list[Sentence], lex: CueLexicon,
                   said_in: Said) -> tuple[bool, Sentence, tuple[int, int]] | None:
    """Read a cue that names "the same" thing over two sentences: "Im März haben wir über die
    Registrierung 7123 Exchange aktiviert. ... unter derselben Registrierung bestellt" states
    "unter derselben Registrierung aktiviert". The earlier sentence states the cue's other
    words, the later one "the same" and the thing; each must be stated (a denial turns the
    value round, a hedge or a question leaves it open). Returns (value, earlier sentence, span)."""
    for stated, table in ((True, fact.cues.yes), (False, fact.cues.no)):
        for cue, pointer, rest in _pointing(table, lang, lex):
            for j, later in enumerate(analysed):
                if not later.words.holds(pointer):
                    continue  # no word of "the same" thing here: nothing to look at closer
                named = said_in(pointer, later, lex)
                if named is None or said_in(cue, later, lex) is not None:
                    continue  # no "the same enrollment" here, or the whole cue is in this sentence
                for earlier in analysed[:j]:
                    said = said_in(rest, earlier, lex) if earlier.words.holds(rest) else None
                    if said is not None and (said[1] or named[1]):
                        value = said[1] and named[1]  # a denial in either sentence turns it round
                        return (stated if value else not stated), earlier, said[0]
    return None


def othered(cue: tuple[str, ...], words: list[str], span: tuple[int, int], lex: CueLexicon) -> bool:
    """Whether a word of a cue found at `span` is qualified as another one ("über eine *andere*
    Registrierung aktiviert", "statt im richtigen Konto") while the cue names no otherness of its
    own; an otherness word counts in its canonical form too ("statt" is the vocabulary's "falsch")."""
    other = lex.derive("otherness", othered, "", lambda: tuple({*folded("otherness"), *(lex.word(w) for w in folded("otherness"))}))
    if any(c.lstrip("=").startswith(other) for c in cue):
        return False
    for i in range(span[0], span[1] + 1):
        if not any(word_matches(c, words[i]) for c in cue):
            continue
        j = i - 1
        while j >= 0 and words[j] in lex.stop:
            j -= 1
        if j >= 0 and words[j].startswith(other):
            return True
    return False


def _pointing(table: Mapping[str, tuple[str, ...]], lang: str,
              lex: CueLexicon) -> tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
    """The cues of a phrase table with one "the same" word before their thing, each as (cue,
    "the same" and the thing, the cue without "the same"); worked out once per table."""
    def build() -> tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
        same = frozenset(lex.word(w) for w in folded("sameness"))
        out = []
        for cue in lex.cues(table, lang):
            at = [k for k, w in enumerate(cue) if w in same]
            if len(at) != 1 or at[0] + 1 >= len(cue):
                continue
            pointer = without(cue, frozenset(c for k, c in enumerate(cue) if k not in (at[0], at[0] + 1)), lex.stop)
            rest = without(cue, frozenset({cue[at[0]]}), lex.stop)
            out.append((cue, pointer, rest))
        return tuple(out)

    return lex.derive("same", table, lang, build)
