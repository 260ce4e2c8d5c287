r"""Finding listed phrases in a text as whole words, case-insensitively, without compiling their pattern.

`Phrases(phrases)` finds what `re.compile(r"(?<!\w)(?:p1|p2|...)(?!\w)", re.IGNORECASE)` finds, the phrases
the longest first and the whitespace between their words as `\s+` (`faq.language.focus._phrase_pattern`
writes that pattern). A text is read as tokens, lower-cased: runs of word characters, single other characters
and a mark for each run of whitespace; a phrase matches where its tokens are the text's. That is the pattern's
match wherever lower-casing a character keeps it one character of its kind (word character, whitespace or
other) and makes it equal to exactly the phrases' characters the pattern takes it for (asked of the regular
expression engine once per character): every ASCII character and the letters of German and English text.
A text holding any other character is left to the compiled pattern, built then.

Compiling the pattern of a long list (the generic asks: some 150 phrases) costs a process some 60 M
instructions, and searching it a sentence some 40 k; the tokens cost a sentence a few k, once for every list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate

__all__ = ["Phrases"]

_SPACE = "\x01"
"""The token of a run of whitespace (a text holding it is left to the pattern)."""
_PAD = {c: f" {chr(c)} " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_" or chr(c).isspace())}
"""Each character that is neither a word character nor whitespace, set apart as a token of its own (the ASCII
ones; others are added as texts bring them)."""
_KINDS: dict[str, int] = {}  # non-ASCII characters seen, by kind (`_kind`)
_ASCII = "".join(map(chr, range(128)))
_ASCII_BYTES = bytes(range(128))


def _kind(ch: str) -> int:
    """0 for a word character, 1 for whitespace, 2 for any other (as `\\w` and `\\s` tell them)."""
    return 0 if ch.isalnum() or ch == "_" else 1 if ch.isspace() else 2


@lru_cache(maxsize=2048)
def _reading(text: str) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """The lower-cased tokens of `text` and its non-ASCII characters, or None when lower-casing changes
    its length or it holds the whitespace token (remembered: a text is read for each list)."""
    low = text.lower()
    if len(low) != len(text) or _SPACE in low:
        return None
    others: frozenset[str] = frozenset()
    if not text.isascii():
        others = frozenset(text.encode().translate(None, _ASCII_BYTES).decode())
        for ch in {*others, *(ch.lower() for ch in others)}:  # (lower-casing keeps the length: one character)
            if ch not in _KINDS:
                _KINDS[ch] = kind = _kind(ch)
                if kind == 2:
                    _PAD[ord(ch)] = f" {ch} "
    toks: list[str] = []
    for chunk in low.split():  # most are one word
        if chunk.isalnum():
            toks.append(chunk)
        else:
            toks += chunk.translate(_PAD).split()
        toks.append(_SPACE)
    return tuple(toks[:-1]), others


@lru_cache(maxsize=1024)
def _letter(ch: str) -> re.Pattern[str]:
    """One character as a case-insensitive pattern."""
    return re.compile(re.escape(ch), re.IGNORECASE)


class Phrases:
    """A phrase list, found as its compiled pattern finds it (see the module's docstring)."""

    def __init__(self, phrases: Sequence[str], pattern: Callable[[], re.Pattern[str]]) -> None:
        """Read the phrases.

        Args:
            phrases: The phrases, in the pattern's order (the longest first).
            pattern: Builds the compiled pattern, for a text the tokens cannot read.
        """
        self._pattern_of = pattern
        self._pattern: re.Pattern[str] | None = None
        alphabet = {ch for p in phrases for ch in p if not ch.isspace()}
        self._alphabet = "".join(sorted(alphabet))
        # Only phrases of lower-case characters are read as tokens, each of which the pattern takes for no ASCII
        # character but its own lower case.
        readings = [_reading(p) for p in phrases]
        self._readable = all(r is not None and r[0] and p == p.lower() for p, r in zip(phrases, readings)) and all(
            ch.isascii() or _letter(ch).search(_ASCII) is None for ch in alphabet)
        self._plain: dict[str, bool] = {}  # non-ASCII characters checked so far
        by_first: dict[str, list[tuple[tuple[str, ...], bool, bool]]] = {}
        for r in readings:
            if r is not None and r[0]:
                toks = r[0]  # with whether it begins or ends with a sign (then no word character may touch it)
                by_first.setdefault(toks[0], []).append((toks, _kind(toks[0][0]) == 2, _kind(toks[-1][-1]) == 2))
        self._by_first = {first: tuple(found) for first, found in by_first.items()}
        self._firsts = frozenset(self._by_first)

    def _compiled(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = self._pattern_of()
        return self._pattern

    def _is_plain(self, ch: str) -> bool:
        """Whether the tokens read `ch` as the pattern does (see the module's docstring), remembered."""
        found = self._plain.get(ch)
        if found is None:
            low = ch.lower()
            found = self._plain[ch] = (len(low) == 1 and ch != "\u03a3" and _kind(low) == _kind(ch)  # final sigma
                                       and set(_letter(ch).findall(self._alphabet)) == {low} & set(self._alphabet))
        return found

    def _read(self, text: str) -> tuple[str, ...] | None:
        """The lower-cased tokens of `text`, or None when the pattern must read it."""
        if not self._readable:
            return None
        read = _reading(text)
        if read is None or read[1] and not all(self._is_plain(ch) for ch in read[1]):
            return None
        return read[0]

    def _at(self, toks: tuple[str, ...], j: int) -> int:
        """How many tokens a phrase matches from token `j` on (the first phrase in order that does), or 0."""
        for phrase, opens, closes in self._by_first[toks[j]]:
            n = len(phrase)
            if toks[j: j + n] != phrase:
                continue
            if opens and j and _kind(toks[j - 1][-1]) == 0:
                continue  # a phrase that begins with a sign: no word character before it
            if closes and j + n < len(toks) and _kind(toks[j + n][0]) == 0:
                continue  # one that ends with a sign: none after it
            return n
        return 0

    def _starts(self, toks: tuple[str, ...]) -> list[int]:
        """The tokens a phrase may begin at (those that begin one), in order."""
        found: list[int] = []
        for first in self._firsts.intersection(toks):
            j = toks.index(first)
            while True:
                found.append(j)
                try:
                    j = toks.index(first, j + 1)
                except ValueError:
                    break
        found.sort()
        return found

    def search(self, text: str) -> bool:
        """Whether a phrase occurs in `text` (`pattern.search(text)`)."""
        toks = self._read(text)
        if toks is None:
            return self._compiled().search(text) is not None
        return not self._firsts.isdisjoint(toks) and any(self._at(toks, j) for j in self._starts(toks))

    def sub(self, text: str, by: str = " ") -> str:
        """`text` with every phrase replaced by `by` (`pattern.sub(by, text)`)."""
        toks = self._read(text)
        if toks is None:
            return self._compiled().sub(by, text)
        if self._firsts.isdisjoint(toks):
            return text
        out: list[str] = []
        start = after = 0  # what was copied up to; the token after the last phrase
        spans: list[int] = []
        for j in self._starts(toks):
            n = self._at(toks, j) if j >= after else 0
            if n:
                spans = spans or _spans(text, toks)
                out += (text[start: spans[j]], by)
                start = spans[j + n - 1] + len(toks[j + n - 1])
                after = j + n
        if not out:
            return text
        out.append(text[start:])
        return "".join(out)

    def match_end(self, text: str) -> int | None:
        """Where a phrase that `text` begins with ends (`pattern.match(text).end()`), or None."""
        toks = self._read(text)
        if toks is None:
            found = self._compiled().match(text)
            return None if found is None else found.end()
        if not toks or toks[0] not in self._firsts or text[:1].isspace():
            return None
        n = self._at(toks, 0)
        return _spans(text, toks[:n])[-1] + len(toks[n - 1]) if n else None


def _spans(text: str, toks: tuple[str, ...]) -> list[int]:
    """Where each token of `text` begins in it (a whitespace token: where its run begins)."""
    if sum(map(len, toks)) == len(text):  # every run of whitespace one character, none at either end
        return [0, *accumulate(map(len, toks[:-1]))]
    starts: list[int] = []
    at = len(text) - len(text.lstrip())
    for t in toks:
        if t == _SPACE:
            starts.append(at)
            while text[at].isspace():
                at += 1
        else:
            starts.append(at)
            at += len(t)
    return starts
