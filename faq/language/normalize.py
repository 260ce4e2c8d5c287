"""German-aware normalisation of questions and knowledge base texts into tokens."""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from faq.kb.vocabulary import Vocabulary
from faq.language.frames import frame_words, without_frames
from faq.language.text import clean

__all__ = ["Normalizer", "clear_language", "extract_bucketed", "length_buckets", "fold", "stem", "words"]

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
_SURFACE_WORD = re.compile(r"[a-z0-9_]+")  # a joined phrase ("online_services_manager") is one
_EMAIL_SPELLINGS = re.compile(r"e(?<!\we)[\s-]?mail")  # r"\be[\s-]?mail", begun with its letter: found at once
_LINKS = ("s", "es", "n", "en", "e")
_INSEPARABLE = ("ver", "ent", "zer", "emp", "miss")
"""Verb prefixes that change a word's meaning ("verlassen" is no kind of "lassen")."""
_NOUN_SUFFIXES = ("keit", "heit", "schaft")
"""Endings that make a noun of a word ("moeglichkeit"); they are no compound part."""
MAX_TOKENS = 200
"""Longest question, in words, that is matched; longer text is cut."""
MAX_COMPOUND_CHARS = 80
"""Longest word the compound splitter tries; longer words are taken as they are."""


def fold(text: str) -> str:
    """Lower-case, spell umlauts as ae/oe/ue/ss, drop other accents, unify e-mail spellings.

    Remembered: a ticket's words and sentences are folded again and again (most texts, few long ones).
    """
    if len(text) <= _SHORT_TEXT:
        return _fold_short(text)
    return _fold_long(text) if len(text) <= _LONG_TEXT else _fold(text)


_SHORT_TEXT = 256
_LONG_TEXT = 10_000


def _fold(text: str) -> str:
    text = clean(text).lower()
    if not text.isascii():  # ASCII has no umlauts or accents
        text = text.translate(_FOLD)
        if not text.isascii():
            text = unicodedata.normalize("NFKD", text)
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _EMAIL_SPELLINGS.sub("mail", text) if "mail" in text else text


_fold_short = lru_cache(maxsize=4096)(_fold)
_fold_long = lru_cache(maxsize=64)(_fold)


def words(text: str) -> list[str]:
    """Split folded text into words of letters and digits (a fresh list; remembered for a short text:
    a ticket's sentences are split into words again and again)."""
    return list(_words(text)) if len(text) <= _SHORT_TEXT else _split_words(text)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_split_words(text))


_WORD_BYTES = b" " * 48 + bytes(range(48, 58)) + b" " * 39 + bytes(range(97, 123)) + b" " * 133
"""Each byte of an ASCII text: itself for a-z and 0-9, else a space."""


def _split_words(text: str) -> list[str]:
    """`_WORD.findall(text)`; an ASCII text (most folded text) as bytes, each byte not of a word a space."""
    if text.isascii():
        return text.encode("ascii").translate(_WORD_BYTES).decode("ascii").split()
    return _WORD.findall(text)


@cache
def _language_markers() -> dict[str, frozenset[str]]:
    from faq.language.lexicon import words as lexicon_words

    return {lang: frozenset(lexicon_words("language_markers", lang)) for lang in ("de", "en")}


def clear_language(text: str, guess: str | None = None) -> str | None:
    """Return "de" or "en" when `text` is clearly written in that language, else None.

    The evidence is the words of one language only (`knowledge/language/language_markers.yaml`)
    and, for German, words with an umlaut or ß. Two such words more of one language decide;
    with at least three words, one more word (or, for English, none either way) lets `guess`
    (a detector's verdict on the whole text) decide. One or two words of names and nouns
    ("VLSC", "OSM Lizenzen") decide nothing: the caller keeps the language it had; nor do the
    words of an e-mail address ("it-admin@contoso.com" is no English).

    Args:
        text: What the user wrote.
        guess: Another detector's "de" or "en" for the text (the matcher's), if any.
    """
    from faq.language.addresses import ADDRESS_RUN

    markers = _language_markers()
    german = english = count = 0
    for raw in re.findall(r"[^\W\d_]+", ADDRESS_RUN.sub(" ", clean(text)).lower()):
        word = fold(raw)
        count += 1
        if word in markers["de"] or any(ch in raw for ch in "äöüß"):
            german += 1
        elif word in markers["en"]:
            english += 1
    lead = german - english
    if abs(lead) >= 2:
        return "de" if lead > 0 else "en"
    if count >= 3 and (guess == "en" and lead <= 0 or guess == "de" and lead >= 1):
        return guess
    return None


def extract_bucketed(word: str, buckets: dict[int, tuple[array, list[str]]], cutoff: float) -> tuple[float, int] | None:
    """`process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)` over
    choices split by length: return (score, index in choices) of the first best choice.

    fuzz.ratio is at most 100 * (1 - |a - b| / (a + b)), so lengths that cannot reach the
    cutoff are skipped; on a large vocabulary that is most of them.
    """
    fuzz, process = _rapidfuzz()
    size = len(word)
    best: tuple[float, int] | None = None
    for length, (pos, ws) in buckets.items():
        if 100.0 * (1.0 - abs(length - size) / (length + size)) < cutoff - 1e-6:
            continue
        found = process.extractOne(word, ws, scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is not None:
            index = pos[found[2]]
            if best is None or found[1] > best[0] or (found[1] == best[0] and index < best[1]):
                best = (found[1], index)
    return best


@cache
def _rapidfuzz() -> tuple[Any, Any]:
    """rapidfuzz's fuzz and process, imported on the first misspelt word (most questions need no typo repair),
    then found at once (an import statement of a package's modules runs importlib's Python at every call)."""
    from rapidfuzz import fuzz, process

    return fuzz, process


def length_buckets(choices: list[str]) -> dict[int, tuple[array, list[str]]]:
    """Group `choices` by length for `extract_bucketed`, keeping their order in each group."""
    buckets: dict[int, tuple[array, list[str]]] = {}
    for k, w in enumerate(choices):
        pos, ws = buckets.setdefault(len(w), (array("i"), []))
        pos.append(k)
        ws.append(w)
    return buckets


def stem(word: str) -> str:
    """Strip common German and English inflection endings (a light, symmetric stemmer)."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, keep in (("ungen", "ung"), ("ungs", "ung"), ("heiten", "heit"), ("keiten", "keit")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + keep
    for suffix in ("ern", "en", "er", "es", "em", "e", "n", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _phrase_index(phrases: dict[str, str]) -> dict[str, tuple[tuple[list[str], str], ...]]:
    """The synonym phrases by their first word, each as (its words, its canonical form joined
    by "_"), the longest first: `Normalizer.surface` takes the leftmost, then longest, phrase."""
    index: dict[str, list[tuple[list[str], str]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        said = phrase.split(" ")
        index.setdefault(said[0], []).append((said, phrases[phrase].replace(" ", "_")))
    return {first: tuple(found) for first, found in index.items()}


@dataclass
class Normalizer:
    """Turns text into matching tokens with one knowledge base's vocabulary.

    Attributes:
        vocabulary: Synonyms, compound parts and stop words.
        parts: Extra words compounds may be split into (filled from the knowledge base).
    """

    vocabulary: Vocabulary
    parts: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._canon: dict[str, str] = {}
        phrases: dict[str, str] = {}
        for group in self.vocabulary.synonyms:
            canonical = " ".join(words(fold(group[0])))
            for form in group:
                folded = " ".join(words(fold(form)))
                if not folded:
                    continue
                if " " in folded:
                    phrases.setdefault(folded, canonical)
                else:
                    self._canon.setdefault(folded, canonical)
                    self._canon.setdefault(stem(folded), canonical)
        self._stop = {w for ws in self.vocabulary.stopwords.values() for w in (fold(x) for x in ws)}
        self.offtopic = {" ".join(words(fold(w))) for w in self.vocabulary.offtopic}
        for phrase in [w for w in self.offtopic if " " in w]:
            phrases.setdefault(phrase, phrase)
        self.offtopic |= {stem(w) for w in self.offtopic}
        self._phrases = phrases
        self._by_first = _phrase_index(phrases)
        self.parts |= {fold(p) for p in self.vocabulary.compounds}
        self.parts |= {w for w in self._canon if " " not in w and len(w) >= 4}

    def to_state(self) -> dict[str, Any]:
        """Return what `__post_init__` derived from the vocabulary, as plain data."""
        return {"canon": dict(self._canon), "stop": sorted(self._stop), "offtopic": sorted(self.offtopic),
                "phrases": dict(self._phrases), "parts": sorted(self.parts)}

    @classmethod
    def from_state(cls, vocabulary: Vocabulary, state: dict[str, Any]) -> Normalizer:
        """Return the normalizer `to_state` described, without deriving it again.

        Raises:
            ValueError: The state is not one `to_state` makes.
        """
        try:
            canon, phrases = dict(state["canon"]), dict(state["phrases"])
            stop, offtopic, parts = set(state["stop"]), set(state["offtopic"]), set(state["parts"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"normalizer state: {exc}") from None
        if not all(isinstance(v, str) for part in (canon, phrases) for kv in part.items() for v in kv):
            raise ValueError("normalizer state: words must be strings")
        self = cls.__new__(cls)
        self.vocabulary, self.parts = vocabulary, parts
        if not all(p and " ".join(words(p)) == p for p in phrases):
            raise ValueError("normalizer state: a phrase must be folded words")
        self._canon, self._stop, self.offtopic, self._phrases = canon, stop, offtopic, phrases
        self._by_first = _phrase_index(phrases)
        return self

    def is_stopword(self, word: str) -> bool:
        """Return whether `word` (folded) is a function word of either language."""
        return word in self._stop

    def canonical(self, word: str) -> str:
        """Return the canonical, stemmed form of one folded word."""
        canon = self._canon.get(word) or self._canon.get(stem(word))
        if canon is not None:
            return canon if " " in canon else stem(canon)
        return stem(word)

    def split(self, word: str) -> list[str] | None:
        """Split a compound into known parts, or return None when it is not one."""
        if len(word) < 7 or len(word) > MAX_COMPOUND_CHARS:  # longer: no compound, and splitting is quadratic
            return None
        for suffix in _NOUN_SUFFIXES:
            if word.endswith(suffix) and word[: -len(suffix)] in self.parts:
                return [word[: -len(suffix)]]
        return self._split(word, 0) or self._split_known_tail(word) or self._split_fuzzy_tail(word)

    def _split_known_tail(self, word: str) -> list[str] | None:
        """Split off an unknown modifier from a known last part ("testkonto" -> test, konto)."""
        for start in range(3, len(word) - 3):
            tail = word[start:]
            if tail in self.parts and len(tail) >= 4:
                head = word[:start]
                if head in _INSEPARABLE:
                    continue
                if head.endswith("s") and len(head) > 4:
                    head = head[:-1]
                return [head, tail]
        return None

    def _split_fuzzy_tail(self, word: str) -> list[str] | None:
        """Split a compound whose last part is misspelt ("aktivierungsmial")."""
        if getattr(self, "_part_buckets", None) is None:
            self._part_list = sorted(self.parts)
            self._part_buckets = length_buckets(self._part_list)
        for end in range(len(word) - 4, 3, -1):
            head = word[:end]
            if head not in self.parts:
                continue
            for link in ("", *_LINKS):
                rest = word[end:]
                if link and not rest.startswith(link):
                    continue
                tail = rest[len(link):]
                if len(tail) < 4 or tail in _NOUN_SUFFIXES:
                    continue
                best = extract_bucketed(tail, self._part_buckets, 74)
                if best is not None:
                    return [head, self._part_list[best[1]]]
        return None

    def _split(self, word: str, depth: int) -> list[str] | None:
        if depth > 3:
            return None
        for end in range(len(word) - 3, 3, -1):
            head = word[:end]
            if head not in self.parts:
                continue
            rest = word[end:]
            for link in ("", *_LINKS):
                if link and not rest.startswith(link):
                    continue
                tail = rest[len(link):]
                if len(tail) < 4:
                    continue
                if tail in self.parts or stem(tail) in self.parts:
                    return [head, tail]
                deeper = self._split(tail, depth + 1)
                if deeper:
                    return [head, *deeper]
        return None

    def surface(self, text: str) -> list[str]:
        """Fold `text`, join synonym phrases, and return its words without stop words and without the words of
        its question frames (`faq.language.frames`: "Wie funktioniert ...?", "Nicht X, ...")."""
        folded_text = fold(text)
        said = words(folded_text)
        if not frame_words().isdisjoint(said):  # the frames' words are no topic words
            said = without_frames(folded_text)
        by_first = self._by_first
        phrased = False  # whether a synonym phrase was joined
        if by_first and any(w in by_first for w in said):
            joined = []  # each synonym phrase, leftmost and longest first, as one word joined by "_"
            i = 0
            while i < len(said):
                for phrase, canonical in by_first.get(said[i], ()):
                    if said[i + 1:i + len(phrase)] == phrase[1:]:
                        joined.append(canonical)
                        phrased = True
                        i += len(phrase)
                        break
                else:
                    joined.append(said[i])
                    i += 1
            said = joined
        if not phrased:  # words of letters and digits: what the pattern below would find in them again
            stop = self._stop
            return [w for w in said[:MAX_TOKENS] if w not in stop]
        folded = " ".join(said)
        out = []
        for raw in _SURFACE_WORD.findall(folded)[:MAX_TOKENS]:
            if "_" in raw:
                out.append(raw.replace("_", " "))
            elif raw not in self._stop:
                out.append(raw)
        return out

    def expand(self, word: str) -> list[str]:
        """Return the matching tokens of one surface word (compounds give several)."""
        if " " in word:
            return [word]
        if word in self._canon or stem(word) in self._canon:
            return [self.canonical(word)]
        parts = self.split(word)
        if parts:
            return [self.canonical(p) for p in parts if p not in self._stop]
        return [self.canonical(word)]

    def tokens(self, text: str) -> list[str]:
        """Return the matching tokens of `text`, in order, with repeats."""
        out: list[str] = []
        for word in self.surface(text):
            out.extend(self.expand(word))
        return out
