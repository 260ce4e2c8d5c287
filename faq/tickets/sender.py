"""Who wrote a ticket: the name under its closing ("Viele Grüße\\nP. Kaiser", "Thanks, Dana")."""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.tokens import fold_word

__all__ = ["sender_name"]

_PIECES = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+|\n")
_NAME_WORD = re.compile(r"^(?:[A-ZÄÖÜ]\.|[A-ZÄÖÜ][\w'’-]*\.?)$")
_MAX_NAME_WORDS = 4
_MAX_CLOSING = 60  # characters of a line that can hold a closing (and a name after it)
_LAST_PIECES = 12  # lines looked at from the end of the customer's text


@cache
def _closings() -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in lexicon_words("closings")}, key=len, reverse=True))


@cache
def _not_names() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("salutations"))


def _name(candidate: str) -> str:
    candidate = re.split(r"[|,/(]", candidate, maxsplit=1)[0].strip().rstrip(".!")
    words = candidate.split()
    if not words or len(words) > _MAX_NAME_WORDS or any(ch.isdigit() or ch == "@" for ch in candidate):
        return ""
    if not all(_NAME_WORD.match(w) for w in words):
        return ""
    if any(fold(w.rstrip(".")) in _not_names() for w in words):
        return ""
    return candidate if any(len(w.rstrip(".")) > 1 for w in words) else ""


@cache
def _first_words() -> frozenset[str]:
    return frozenset(c.split()[0] for c in _closings() if c)


def _after_closing(piece: str) -> str | None:
    """Return what follows a closing at the start of `piece` ("" when nothing does), else None."""
    first = re.match(r"[^\W_]+", piece)
    if first is None or fold_word(first.group()) not in _first_words():
        return None
    folded = fold(piece)
    for closing in _closings():
        if folded.startswith(closing) and (len(folded) == len(closing) or not folded[len(closing)].isalnum()):
            words = len(closing.split())
            rest = piece.split(None, words)
            return rest[words].lstrip(" ,:-–") if len(rest) > words else ""
    return None


def sender_name(text: str) -> str:
    """Return the sender's name written under the ticket's closing, or "" when none is clear.

    Only the customer's own part counts: quoted lines ("> ...") are left out.
    """
    own = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))
    pieces = [p.strip() for p in _PIECES.split(own) if p.strip()]
    for i in range(len(pieces) - 1, max(len(pieces) - _LAST_PIECES, 0) - 1, -1):
        if len(pieces[i]) > _MAX_CLOSING:
            continue
        rest = _after_closing(pieces[i])
        if rest is None:
            continue
        if rest:
            return _name(rest)
        return _name(pieces[i + 1]) if i + 1 < len(pieces) else ""
    return ""
