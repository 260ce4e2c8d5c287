"""One sentence of a ticket, analysed once for the fact reader, and what the sentences
around it change: a refutation after it, a back pointer to the address it names."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from faq.language.lexicon import folded as folded_words
from faq.tickets.cues import CueLexicon, Words, phrases, word_matches
from faq.tickets.evidence import Evidence
from faq.tickets.mentions import ADDRESS
from faq.tickets.negation import clause_bounds
from faq.tickets.quotes import is_question
from faq.tickets.tokens import Token

if TYPE_CHECKING:
    from faq.kb.model import Fact

__all__ = ["OPENING", "Sentence", "date_distance", "has_sequence", "refer_back", "refuted", "retold_after", "sequence_end", "sequences", "token_index"]


class Sentence:
    """One sentence of the text, analysed once."""

    __slots__ = ("offset", "text", "tokens", "words", "question", "refuted", "_depth")

    def __init__(self, offset: int, text: str, tokens: list[Token], words: Words) -> None:
        self.offset = offset
        self.text = text
        self.tokens = tokens
        self.words = words
        self.question = is_question(text)
        self.refuted = False  # the next sentence refutes this one ("Das stimmt aber nicht.")
        self._depth: list[int] | None = None

    def bracketed(self, span: tuple[int, int], cue: tuple[str, ...]) -> bool:
        """Whether some words of a cue found at `span` stand inside brackets and others outside."""
        if "(" not in self.text and "[" not in self.text:
            return False
        if self._depth is None:
            depth, level, pos = [], 0, 0
            for t in self.tokens:
                between = self.text[pos:t.start]
                level = max(0, level + between.count("(") + between.count("[") - between.count(")") - between.count("]"))
                depth.append(level)
                pos = t.end
            self._depth = depth
        levels = {self._depth[i] for i in range(span[0], span[1] + 1) if any(word_matches(c, self.words[i]) for c in cue)}
        return len(levels) > 1
    def evidence(self, start: int, end: int, source: str) -> Evidence:
        """Return the evidence of the words at start..end (offsets in the sentence)."""
        return Evidence(self.text[start:end], self.text.strip(), self.offset + start, self.offset + end, source)

    def span_evidence(self, span: tuple[int, int], source: str) -> Evidence:
        """Return the evidence of the tokens span[0]..span[1]."""
        return self.evidence(self.tokens[span[0]].start, self.tokens[span[1]].end, source)


def token_index(tokens: list[Token], offset: int) -> int:
    for i, t in enumerate(tokens):
        if t.end > offset:
            return i
    return max(len(tokens) - 1, 0)


@cache
def sequences(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in folded_words(name))


@cache
def _by_first_word(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sequences(name):
        if p:
            out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def has_sequence(words: list[str], name: str) -> bool:
    """Whether `words` hold one of the word sequences of the list `name`."""
    table = _by_first_word(name)
    return any(tuple(words[i:i + len(p)]) == p for i, w in enumerate(words) for p in table.get(w, ()))


def sequence_end(words: list[str], name: str) -> int:
    """The position after the last word sequence of the list `name` in `words`, 0 when none."""
    table = _by_first_word(name)
    return max((i + len(p) for i, w in enumerate(words) for p in table.get(w, ()) if tuple(words[i:i + len(p)]) == p),
               default=0)


def refuted(s: Sentence, at: int) -> bool:
    """Whether what the clause at token `at` says is refuted after it: in the same sentence
    ("..., das stimmt aber nicht") or by the next one."""
    if s.refuted:
        return True
    if not has_sequence([t.word for t in s.tokens], "refutations"):
        return False
    end = clause_bounds(s.tokens, s.text, at, at)[1]
    return has_sequence([t.word for t in s.tokens[end + 1:]], "refutations")


OPENING = 3  # words at a sentence's start where a back pointer ("Genau dieses Konto") stands


def refer_back(analysed: list[Sentence], lex: CueLexicon) -> None:
    """Read "dieses Konto", "that mailbox" opening a sentence right after one that names an
    e-mail address as that address ("... ist admin@x.de hinterlegt. Genau dieses Konto ist
    der globale Administrator": the address is the admin)."""
    pointers, nouns = sequences("back_pointers"), folded_words("address_nouns")
    address = lex.word("osm")  # the cues name the OSM in both languages
    for before, s in zip(analysed, analysed[1:]):
        if not ADDRESS.search(before.text):
            continue
        words = [t.word for t in s.tokens[:OPENING + 1]]
        for p in pointers:
            for i in range(OPENING - len(p) + 1):
                at = i + len(p)
                if tuple(words[i:at]) == p and at < len(words) and words[at] in nouns:
                    s.words[at] = address


def date_distance(s: Sentence, c: int, idx: int, end_idx: int) -> int:
    """Words between a cue at token `c` and a date at tokens idx..end_idx; a cue after the
    date counts one more, a clause border (punctuation, "und", "but" ...) between them five more."""
    lo, hi = (c, idx) if c < idx else (end_idx, c)
    dist = hi - lo + (0 if c < idx else 1)
    if any(ch in ",;:()" for ch in s.text[s.tokens[lo].end:s.tokens[hi].start]) \
            or any(t.word in folded_words("clause_breaks") for t in s.tokens[lo + 1:hi]):
        dist += 5  # "placed on 20 Nov and usage begins 1 Dec": "usage" is the next clause's
    return dist


def retold_after(fact: Fact, s: Sentence, at: tuple[list[int], list[int], list[tuple[int, int]]], corrected: int,
                 lang: str, lex: CueLexicon) -> bool:
    """Whether the words after a correction (from token `corrected`) tell its date anew as another
    event's: an event word (`at`: all of them, those not of the fact's cues, the fact's cue spans)
    outside the fact's cues after the correction and its predicates ("scratch that, 1 Nov is our order date"; not
    "scratch that, it started on 2 Oct")."""
    happened, others, spans = at
    heads = tuple({cue[-1] for cue in (lex.cue(p) for p in phrases(fact.cues.context, lang)) if cue})
    return any(e >= corrected and (e in others or not any(lo <= e <= hi for lo, hi in spans if lo >= corrected)
                                   and not s.words[e].startswith(heads)) for e in happened)
