"""Cues read over more than one place: "the same enrollment" pointing back at the sentence
before, and paired cues whose two halves a sentence states apart ("Basisabo über die alte
Registrierung, das Add-on über die neue Registrierung")."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from faq.kb.model import Fact
from faq.language.lexicon import folded
from faq.tickets.cues import CueLexicon, Words, without, word_matches
from faq.tickets.sentence import Sentence

__all__ = ["Said", "othered", "paired", "same_as_before"]

# How a sentence states a cue: its span and state, or None (faq.tickets.facts._said).
Said = Callable[[tuple[str, ...], Sentence, CueLexicon], "tuple[tuple[int, int], bool] | None"]


def paired(fact: Fact, lang: str, s: Sentence, lex: CueLexicon,
           said_in: Said) -> list[tuple[tuple[int, int], bool, tuple[int, int]]]:
    """Return (rank, value, span) of each paired cue of a yes/no fact that a sentence states:
    both halves stated, on words of their own, each qualifier right before its noun."""
    out = []
    for stated, table in ((True, fact.cues.yes), (False, fact.cues.no)):
        for first, second in lex.pairs(table, lang):
            if not all(s.words.hits(c) for c in (*first, *second)):
                continue  # a word of the pair is not in the sentence: no need to look closer
            one = said_in(first, s, lex)
            two = said_in(second, _without_span(s, one[0]), lex) if one is not None else None
            if one is None or two is None or not (one[1] and two[1]) \
                    or getattr(second, "after", False) and two[0][0] <= one[0][1]:
                continue
            value = stated
            if getattr(first, "numbered", False):
                # "base under enrollment 5893021, the add-on under enrollment 6120774": the numbers
                # each half names decide; the same number says the opposite, none says nothing.
                numbers = _number_after(s, one[0]), _number_after(s, two[0])
                if None in numbers:
                    continue
                value = stated if numbers[0] != numbers[1] else not stated
            elif not qualified(first, s.words, one[0], lex) or not qualified(second, s.words, two[0], lex):
                continue
            span = (min(one[0][0], two[0][0]), max(one[0][1], two[0][1]))
            out.append(((len(first) + len(second), span[0] - span[1]), value, span))
    return out


_NUMBER_REACH = 2  # words after a half's last word where the number it names may stand ("enrollment no. 123")
_NUMBER_DIGITS = 4  # digits at least in a number that names something (not "E3", not "2 seats")


def _number_after(s: Sentence, span: tuple[int, int]) -> str | None:
    """Return the number written right after the last word of a cue's span, else None.
    Addresses and domain names are blanked to zeros (faq.tickets.facts): they name no number."""
    for t in s.tokens[span[1] + 1:span[1] + 1 + _NUMBER_REACH]:
        if t.word.isdigit() and len(t.word) >= _NUMBER_DIGITS and t.word.strip("0"):
            return t.word
    return None


def qualified(cue: tuple[str, ...], words: list[str], span: tuple[int, int], lex: CueLexicon) -> bool:
    """Whether the last two words of a paired cue's half (a qualifier and its noun: "alte
    Registrierung") stand together in `span`, in order, only function words between: "von der
    alten auf die neue Registrierung" qualifies no "alte Registrierung"."""
    if len(cue) < 2:
        return True
    for i in range(span[0], span[1] + 1):
        if word_matches(cue[-2], words[i]):
            j = i + 1
            while j <= span[1] and not word_matches(cue[-1], words[j]) \
                    and (words[j] in lex.stop or words[j] in folded("subject_pronouns")):
                j += 1  # "ging sie an": a pronoun between a verb and its particle
            if j <= span[1] and word_matches(cue[-1], words[j]):
                return True
    return False


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
                named = said_in(pointer, later, lex)
                if named is None or said_in(cue, later, lex) is not None:
                    continue  # no "the same enrollment" here, or the whole cue is in this sentence
                for earlier in analysed[:j]:
                    said = said_in(rest, earlier, lex)
                    if said is not None and (said[1] or named[1]):
                        value = said[1] and named[1]  # a denial in either sentence turns it round
                        return (stated if value else not stated), earlier, said[0]
    return None


def othered(cue: tuple[str, ...], words: list[str], span: tuple[int, int], lex: CueLexicon) -> bool:
    """Whether a word of a cue found at `span` is qualified as another one ("über eine *andere*
    Registrierung aktiviert") while the cue names no otherness of its own."""
    other = tuple(folded("otherness"))
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
