"""Clause borders inside a sentence: punctuation, a spaced dash, or a word that opens a clause.

A negation, a hedge or a cue is read within its clause; `clause_bounds` finds the clause(s)
around a span of tokens. The word lists are data in `knowledge/language/` (clause_breaks,
contrasts, midfield_particles, subject_pronouns, articles, finite_verbs).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from faq.language.lexicon import folded as _folded
from faq.tickets.tokens import Token

__all__ = ["breaks_clause", "clause_bounds", "denies_a_noun", "opened_by", "phrase_spans", "phrases", "without_phrases"]

_CLAUSE_PUNCT = frozenset(",;:()–—|")  # a pipe parts the items of a list written in one line


@cache
def phrases(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of a word list, by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in _folded(name):
        words = tuple(p.split())
        if words:
            out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def phrase_spans(words: list[str], name: str) -> list[tuple[int, int]]:
    """Where the phrases of the word list `name` stand in `words`, as (first, after last)."""
    table = phrases(name)
    if table.keys().isdisjoint(words):
        return []  # most sentences: no first word of the list
    return [(i, i + len(p)) for i, w in enumerate(words) for p in table.get(w, ()) if tuple(words[i:i + len(p)]) == p]


def without_phrases(words: list[str], name: str) -> list[str]:
    """The words with every phrase of the word list `name` blanked ("" in their place)."""
    table, out = phrases(name), list(words)
    for i, word in enumerate(words):
        for phrase in table.get(word, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                out[i:i + len(phrase)] = [""] * len(phrase)
    return out


def breaks_clause(gap: str) -> bool:
    """Whether the text between two words ends a clause: punctuation, or a spaced dash
    ("durchsucht - nichts"; a dash inside a word, "Junk-Ordner", does not)."""
    return not _CLAUSE_PUNCT.isdisjoint(gap) or (gap.strip() == "-" and gap != "-")


def opened_by(tokens: list[Token], text: str, at: int, name: str) -> bool:
    """Whether the sentence's first clause is a phrase of the word list `name` alone and reaches the
    token at `at`, no contrast between them ("Perhaps, the mail went to someone else", "Eventuell,
    so mein Kollege, ging die Mail ...": the hedge is the whole sentence's)."""
    table = phrases(name)
    if not tokens or tokens[0].word not in table:
        return False  # most sentences
    _, hi = clause_bounds(tokens, text, 0, 0)
    return hi < at and tuple(t.word for t in tokens[:hi + 1]) in table[tokens[0].word] \
        and _folded("contrasts").isdisjoint(t.word for t in tokens[hi + 1:at])


_LONG = 8  # tokens from which a sentence's clause borders are found once (`clause_bounds`): it is asked again and again
_KEPT = 64  # sentences whose borders are kept
_BORDERS: dict[tuple[int, str], tuple[list[Token], str, list[int]]] = {}


def clause_bounds(tokens: list[Token], text: str, lo: int, hi: int, breaks: str = "clause_breaks") -> tuple[int, int]:
    """Return the token range of the clause(s) around tokens lo..hi.

    `breaks` names the word list that starts a new clause; punctuation always does
    unless `breaks` is "contrasts" (then only a contrast word or a semicolon does).
    """
    words = _folded(breaks)
    punct_breaks = breaks != "contrasts"

    def border(i: int) -> bool:  # between token i-1 and token i
        gap = text[tokens[i - 1].end:tokens[i].start]
        if punct_breaks and breaks_clause(gap):
            return True
        return ";" in gap or tokens[i].word in words and not _in_midfield(tokens, i) and not _closes(tokens, text, i) \
            and not (tokens[i].word in _folded("adverb_contrasts") and not gap.strip())

    if len(tokens) > _LONG:  # a sentence asked about word by word: its borders are found once
        key = (id(tokens), breaks)
        hit = _BORDERS.get(key)
        if hit is None or hit[0] is not tokens or hit[1] != text:
            if len(_BORDERS) > _KEPT:
                _BORDERS.clear()
            hit = _BORDERS[key] = (tokens, text, [i for i in range(1, len(tokens)) if border(i)])
        at = bisect_right(hit[2], lo)
        after = bisect_right(hit[2], hi)
        return (hit[2][at - 1] if at else 0), (hit[2][after] - 1 if after < len(hit[2]) else len(tokens) - 1)
    start = lo
    while start > 0 and not border(start):
        start -= 1
    end = hi
    while end < len(tokens) - 1 and not border(end + 1):
        end += 1
    return start, end


def _in_midfield(tokens: list[Token], i: int) -> bool:
    """Whether the word at `i` stands inside a clause, after its finite verb and subject, a pronoun
    or an article with its noun ("bin ich aber nur normaler Benutzer", "vielleicht ist die Mail aber
    an jemand anderen gegangen"), or a preposition with its pronoun ("ist bei mir aber nicht gesetzt"):
    then "aber" begins no clause."""
    if i < 2 or tokens[i].word not in _folded("midfield_particles"):
        return False
    verbs = _folded("finite_verbs")
    objects = _folded("object_pronouns")
    return tokens[i - 1].word in _folded("subject_pronouns") and tokens[i - 2].word in verbs \
        or i >= 3 and tokens[i - 2].word in _folded("articles") and tokens[i - 3].word in verbs \
        or tokens[i - 1].word in objects and tokens[i - 2].word in verbs \
        or i >= 3 and tokens[i - 1].word in objects and tokens[i - 2].word in _folded("prepositions") \
        and tokens[i - 3].word in verbs  # "wurde mir aber nie erteilt", "ist bei mir aber nicht gesetzt"


def _closes(tokens: list[Token], text: str, i: int) -> bool:
    """Whether the word at `i` ends its clause ("not verified yet, I think", "it isn't though"):
    an adverb then, not a word that opens a clause."""
    return i == len(tokens) - 1 or breaks_clause(text[tokens[i].end:tokens[i + 1].start])


def denies_a_noun(tokens: list[Token], lo: int, hi: int) -> bool:
    """Whether the first negation of tokens lo..hi stands before a noun phrase of its own (an article or a
    possessive: "our old trial tenant, not the real one", "our old manager, not our OSM"): it denies
    another thing to be the one named, it does not deny a predicate ("the new one is not")."""
    neg = next((k for k in range(lo, min(hi, len(tokens))) if tokens[k].neg), None)
    return neg is not None and neg + 1 < len(tokens) \
        and tokens[neg + 1].word in _folded("determiners") - _folded("subject_pronouns")
