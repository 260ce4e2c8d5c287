"""Finding a cue's words in a sentence's words: word by word, in any order, close together.

A cue word matches a text word that begins with it, is one typo away (long words), or
contains it as a compound part ("spamordner"); a cue word marked `WHOLE` only itself and its
inflections. Words that carry no meaning in a cue (`knowledge/language/cue_function_words.yaml`)
may be left out or stand between. A cue with its own negation is found in order, and a cue
that keeps its function words around a German verb bracket (`find_bracket`). The marker
constants say how a cue phrase of the knowledge base is written (paired, ordered, weak ...).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from rapidfuzz.distance import Levenshtein

from faq.language.lexicon import folded as _folded
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.tokens import Token, negations
from faq.tickets.weights import weights

__all__ = ["ADJACENT", "GOES_ON", "NUMBERED", "ORDERED", "PAIRED", "THEN", "WEAK", "WHOLE", "WITH_FUNCTION_WORDS", "Cue", "Words", "absent", "mark_alternatives",
           "cue_mode", "find_bracket", "find_cue", "function_words", "kind_only", "without", "word_matches"]


@cache
def function_words() -> frozenset[str]:
    """Return the words that carry no meaning in a cue phrase (every language)."""
    return frozenset(fold(w) for w in lexicon_words("cue_function_words"))


PAIRED = " + "  # joins the two halves of a paired cue phrase (`CueLexicon.pairs`)
NUMBERED = "#"  # ends both halves of a paired cue that compares the numbers they name ("base enrollment #")
THEN = " > "  # joins the halves of a paired cue whose second half must follow the first ("empfänger > verlassen")
# ... and stand in the first half's clause or in the next one, which goes on without a subject of its
# own (opens with a finite verb): "Reservierung vor drei Tagen gemacht, ist immer noch nicht durch"
GOES_ON = " >> "
WEAK = "~"  # opens a weak cue: its words in order, side by side, and any other cue of the fact outranks it
ORDERED = "^"  # opens a cue whose words stand in order, side by side ("only one enrollment", not "enrollment ... the old one")
WHOLE = "="  # marks a cue word that matches only itself and its inflections (whole_word_cues)


@lru_cache(maxsize=8192)
def word_matches(cue: str, word: str) -> bool:
    """Whether a text word is the cue word: its beginning, one typo away, or a compound part."""
    if cue.startswith(WHOLE):
        return word.startswith(cue[1:]) and len(word) - len(cue) + 1 <= 3
    if word.startswith(cue):
        return len(cue) >= 3 or len(word) <= len(cue) + 1
    if len(cue) >= 6 and len(word) >= len(cue) - 1:
        if Levenshtein.distance(cue, word[: len(cue)], score_cutoff=1) <= 1:
            return True
        if Levenshtein.distance(cue, word, score_cutoff=1) <= 1:
            return True
    if len(cue) >= 5 and cue in word:  # compounds: "spamordner" / "junkordner"
        return True
    return False


_PLAIN_CUE, _NEGATED, WITH_FUNCTION_WORDS, ADJACENT = 0, 1, 2, 3  # how a cue is found (`Cue.mode`)


class Cue(tuple):
    """A cue's canonical words, knowing how they are found (`mode`), decided once."""

    mode: int = -1
    stop: frozenset[str] = frozenset()
    nothing: bool = False  # written with a word for nothing found: needs one in the sentence (nothing_words)
    nouns: tuple[str, ...] = ()  # nouns that must stand as written, not a verb read as them (noun_cue_words)
    numbered: bool = False  # a paired half whose number is compared with the other half's (NUMBERED)
    after: bool = False  # a paired cue's second half that must stand after the first (THEN)
    goes_on: bool = False  # ... in the first half's clause or one going on from it (GOES_ON)
    pair_words: tuple[str, ...] = ()  # a paired cue's first half: the words of both halves
    weak: bool = False  # a generic cue ("richtiger Tenant", "correct tenant"): found side by side, ranked last (WEAK)


def cue_mode(cue: tuple[str, ...], skippable: frozenset[str]) -> int:
    """Return how a cue is found: with its own negation, with its function words, or plain."""
    if any(w in negations() for w in cue):
        return _NEGATED
    if any(w in skippable for w in cue):
        return WITH_FUNCTION_WORDS
    return _PLAIN_CUE


def find_cue(cue: tuple[str, ...], words: list[str], slack: int | None = None, skippable: frozenset[str] | None = None) -> tuple[int, int] | None:
    """Find all words of a cue close together; return the token span (first, last).

    The words may come in any order ("Junk-Ordner geprüft" / "geprüft im Junk-Ordner"),
    except in a cue that carries a negation ("nicht im Spam"): there the order counts,
    as "im Spam nicht nachgesehen" says the opposite, and only function words may
    stand between its words.
    """
    if not cue:
        return None
    if skippable is None:
        skippable = function_words()
    if slack is None:
        slack = weights().cue_slack
    mode = cue.mode if isinstance(cue, Cue) and (skippable is cue.stop or cue.mode == ADJACENT) else cue_mode(cue, skippable)
    if mode == ADJACENT:  # "the correct tenant", not "right after activation the tenant ..."
        found = _find_in_order(cue, words, 1, skippable)
        back = None if found or len(cue) != 2 or not getattr(cue, "weak", False) else _find_in_order(cue[::-1], words, 2, skippable)
        # or the other way round, as a label or across a copula: "Konto: richtig", "the tenant is correct"
        return found or (back if back and (back[1] == back[0] + 1 or any(words[i] in _folded("copulas") for i in range(back[0] + 1, back[1])))
                         else None)
    if mode == _NEGATED:
        # "don't have a junk folder" is not "not in the junk folder": no verb between the words; a portal or particle may
        skippable = skippable | ((_folded("portal_names") | _folded("modal_particles")) - frozenset(cue))
        found = _find_in_order(cue, words, slack, skippable, skippable - _folded("finite_verbs"))
        return None if found is None or _modifies(words, found[1]) else found
    if mode == WITH_FUNCTION_WORDS:
        # A cue of one content word keeps its function words ("we ordered"): they count
        # only in their order and close by, else "we" matches any sentence.
        return _find_in_order(cue, words, min(slack, weights().cue_near), None)
    positions: list[list[int]] = []
    for c in cue:
        hits = words.hits(c) if isinstance(words, Words) else [i for i, w in enumerate(words) if word_matches(c, w)]
        if not hits:
            return None
        positions.append(hits)
    best: tuple[int, int] | None = None
    sides = any(len(hits) > 1 for hits in positions[1:])
    for anchor in positions[0]:
        for lo, hi in _spans(anchor, positions[1:], sides):
            width = sum(1 for w in words[lo:hi + 1] if w not in skippable and not w.isdigit())  # nor function words, nor numbers
            if width <= len(cue) + slack and (best is None or hi - lo < best[1] - best[0]):
                best = (lo, hi)
    return best


def _spans(anchor: int, others: list[list[int]], sides: bool) -> list[tuple[int, int]]:
    """Spans of a cue's words around its first word: their nearest occurrences, and those on one side
    of it ("add-on under the new enrollment, while the base is on the old enrollment": the second)."""
    near = [anchor, *(min(hits, key=lambda i: abs(i - anchor)) for hits in others)]
    out = [(lo := min(near), hi := max(near))]
    if sides and lo < anchor < hi:
        right = [[i for i in hits if i > anchor] for hits in others]
        left = [[i for i in hits if i < anchor] for hits in others]
        for side in (right, left):
            if all(side):
                picks = [min(hits, key=lambda i: abs(i - anchor)) for hits in side]
                out.append((min(anchor, *picks), max(anchor, *picks)))
    return out


def find_bracket(cue: tuple[str, ...], words: list[str], tokens: list[Token], text: str) -> tuple[int, int] | None:
    """Find a cue that keeps its function words ("haben bestellt") around a German verb
    bracket: its words in order, the last one closing its clause ("Wir haben über unseren
    Partner Microsoft 365 bestellt, ..."), no finite verb between them."""
    if not (isinstance(cue, Cue) and cue.mode == WITH_FUNCTION_WORDS) or len(cue) < 2 or cue[0] not in _folded("finite_verbs"):
        return None  # only a cue opened by its auxiliary forms a bracket

    def closes(i: int) -> bool:  # the word at i ends its clause
        after = text[tokens[i].end:].lstrip(" \t\"'»«“”)")
        return not after or after[0] in ",;.!?\n" or i + 1 < len(tokens) and tokens[i + 1].word in _folded("clause_breaks")

    found = _find_in_order(cue, words, weights().cue_slack, None)
    if found is not None:
        lo, hi = found
        # a word that is also a preposition is one inside a bracket ("haben am 2. November bestellt")
        verbs = _folded("finite_verbs") - _folded("prepositions")
        if not any(words[i] in verbs or tokens[i].word in verbs for i in range(lo + 1, hi)) \
                and not any(ch in ",;:()–—" for ch in text[tokens[lo].end:tokens[hi].start]) and closes(hi):
            return found
    if len(cue) == 2:  # participle + auxiliary: ending a subordinate clause ("..., obwohl wir bestellt haben")
        for i in range(len(words) - 1):  # or opening a main clause ("Bestellt haben wir am 2. November")
            opens = i == 0 or any(ch in ",;:.!?\n" for ch in text[tokens[i - 1].end:tokens[i].start])
            if word_matches(cue[1], words[i]) and word_matches(cue[0], words[i + 1]) and (closes(i + 1) or opens):
                return i, i + 1
    return None


def _modifies(words: list[str], last: int) -> bool:
    """Whether the word at `last` only modifies the noun after it ("no order number", "keine
    Bestellbestätigung" is one word): then a negated cue ending there denies that noun."""
    return last + 1 < len(words) and words[last + 1] in _folded("compound_heads") \
        and words[last] not in _folded("prepositions")  # "nicht durch (Status ...)": no compound


def _compound_tail(cue: str, word: str) -> bool:
    """Whether a word holds a cue word only as its compound's last part: denied, it names one kind
    ("keine Nachbestellung", no follow-up order), not the thing ("keine Bestellung")."""
    return not word.startswith(cue) and word.find(cue) > 0


def kind_only(cue: tuple[str, ...], words: list[str], span: tuple[int, int]) -> bool:
    """Whether a cue's word stands in `span` only as the last part of a compound ("Nachbestellung"
    for "Bestellung"): denied, such a word denies that kind, not the thing ("keine Nachbestellung")."""
    inside = range(span[0], span[1] + 1)
    for c in cue:
        c = c.lstrip(WHOLE)
        hits = [i for i in inside if word_matches(c, words[i])]
        if hits and all(_compound_tail(c, words[i]) for i in hits):
            return True
    return False


def _find_in_order(cue: tuple[str, ...], words: list[str], slack: int,
                   skippable: frozenset[str] | None, after_negation: frozenset[str] | None = None) -> tuple[int, int] | None:
    """Find a cue's words in their order, at most `slack` words apart; only `skippable`
    words (any word when None) may stand between them, and only `after_negation` right
    after a negation of the cue."""
    starts = words.hits(cue[0]) if isinstance(words, Words) else [i for i, w in enumerate(words) if word_matches(cue[0], w)]
    neg = negations()
    alternatives = words.alternatives if isinstance(words, Words) else frozenset()
    for start in starts:
        pos, ok, numbers = start, True, 0
        for k, c in enumerate(cue[1:]):
            nxt = None
            between = after_negation if after_negation is not None and cue[k] in neg else skippable
            i = pos + 1
            while i < min(len(words), pos + 2 + slack + numbers):
                if word_matches(c, words[i]) and not (cue[k] in neg and _compound_tail(c, words[i])):
                    nxt = i
                    break
                if words[i].isdigit() or i == pos + 1 and i in alternatives:
                    # a date's or a number's digits stand anywhere ("Reservierung vom 20.11. ... nicht verarbeitet"),
                    # and so does a word a slash joins to the cue word before it ("Bestellung/Reservierung sichtbar")
                    numbers += 1
                elif between is not None and words[i] not in between:
                    break
                i += 1
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok and pos - start + 1 - numbers <= len(cue) + slack:
            return start, pos
    return None


def without(cue: tuple[str, ...], dropped: frozenset[str], stop: frozenset[str]) -> tuple[str, ...]:
    """Return a cue without some of its words, found as a cue of its own."""
    out = Cue(w for w in cue if w not in dropped)
    out.mode, out.stop = cue_mode(out, stop), stop
    return out


class Words(list):
    """The canonical words of a sentence, remembering where each cue word matches."""

    @property
    def joined(self) -> str:
        """The words joined by spaces (built once: the words do not change once searched)."""
        joined = self.__dict__.get("_joined")
        if joined is None:
            joined = self.__dict__["_joined"] = " ".join(self)
        return joined

    @property
    def alternatives(self) -> frozenset[int]:
        """The positions of the words a slash joins to the word before them (`mark_alternatives`)."""
        marked: frozenset[int] = self.__dict__.get("_alternatives", frozenset())
        return marked

    @property
    def memo(self) -> dict[str, list[int]]:
        """The positions found so far for each cue word (`hits` fills it)."""
        memo: dict[str, list[int]] = self.__dict__.setdefault("_memo", {})
        return memo

    def holds(self, cue: Iterable[str]) -> bool:
        """Whether every word of `cue` matches a word of the sentence (`hits`, remembered)."""
        memo = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        for c in cue:
            at = memo.get(c)
            if not (at if at is not None else self.hits(c)):
                return False
        return True

    def hits(self, cue_word: str) -> list[int]:
        """Return the positions of the words that `cue_word` matches."""
        memo = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        found = memo.get(cue_word)
        if found is None:
            joined = self.__dict__.get("_joined")
            if joined is None:
                joined = self.__dict__["_joined"] = " ".join(self)
            one, two = _held_parts(cue_word)
            if one not in joined and two not in joined:  # `absent`
                found = memo[cue_word] = []
            else:  # only a word that holds what `absent` looks for can match: the others are not asked
                found = memo[cue_word] = [i for i, w in enumerate(self) if (one in w or two in w) and word_matches(cue_word, w)]
        return found


def mark_alternatives(words: Words, tokens: list[Token], text: str) -> Words:
    """Mark in `words` (of `tokens` in `text`) each word a slash joins to the word before it as that
    word's alternative ("Bestellung/Reservierung sichtbar: ja", "order/reservation visible"): a cue
    whose words stand in order may pass over it. Short words are answers offered, not alternatives
    ("ja/nein")."""
    words.__dict__["_alternatives"] = frozenset(
        i for i in range(1, len(tokens)) if text[tokens[i - 1].end:tokens[i].start].strip() == "/"
        and tokens[i - 1].word.isalpha() and tokens[i].word.isalpha() and min(len(tokens[i - 1].word), len(tokens[i].word)) >= _ALTERNATIVE)
    return words


_ALTERNATIVE = 5  # letters at least of each word a slash joins as alternatives ("order/reservation", not "ja/nein")


def absent(cue: str, joined: str) -> bool:
    """Whether no word of a sentence (`joined` by spaces) can match `cue` (`word_matches`): a
    match holds the cue whole, or, one typo away, one of its halves (`_held_parts`)."""
    one, two = _held_parts(cue)
    return one not in joined and two not in joined


@lru_cache(maxsize=8192)
def _held_parts(cue: str) -> tuple[str, str]:
    """The two parts a word that can match `cue` holds one of (`absent`; twice the same for a short cue)."""
    if cue.startswith(WHOLE):
        return cue[1:], cue[1:]
    if len(cue) >= 6:
        half = len(cue) // 2
        return cue[:half], cue[half:]
    return cue, cue
