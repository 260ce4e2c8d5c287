"""Who wrote a ticket: the name under its closing ("Viele Grüße\\nP. Kaiser", "Thanks, Dana").

A closing may carry more words ("Gruß aus Kiel", "Danke und Gruß"), the name a title
("Dr. Ingrid Vossberg") or a signing mark before it ("i. A. Melanie Roth"). Without a
closing, a name alone opens the message's last short block ("...?\\n\\nMatt") or
follows a dash at its very end ("... look into it? - Marco").
"""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.tokens import fold_word

__all__ = ["sender_name"]

_PIECES = re.compile(r"(?=\s)(?:(?:(?<=[^\W\d_]{2}[.!?])|(?<=\d{4}[.!?]))\s+|\n)")  # a year ends a sentence too
_NAME_WORD = re.compile(r"^(?:[A-ZÄÖÜ]\.|[A-ZÄÖÜ][\w'’-]*\.?)$")
_MAX_NAME_WORDS = 4
_MAX_CLOSING = 60  # characters of a line that can hold a closing (and a name after it)
_LAST_PIECES = 12  # lines looked at from the end of the customer's text
_LAST_BLOCK = 3  # lines of a last block that opens with a bare name (name, role, company)
_DASH_NAME = re.compile(r"(?:^|\s)[-–—]\s*([^\W\d_][^\n]{0,40})$")
_NAME_END = re.compile(r"[|,/(]")  # what ends a name written after a closing
_FIRST_WORD = re.compile(r"[^\W_]+")
_BLOCKS = re.compile(r"\n\s*\n")
_SENTENCE_MARK = re.compile(r"[.?!:]$")


@cache
def _closings() -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in lexicon_words("closings")}, key=len, reverse=True))


@cache
def _not_names() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("salutations"))


@cache
def _titles() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("titles"))


@cache
def _marks() -> tuple[str, ...]:
    """Signing marks written before a name ("i. A.", "ppa."): the closings that hold a full stop."""
    return tuple(c for c in _closings() if "." in c)


def _name(candidate: str) -> str:
    candidate = _NAME_END.split(candidate, maxsplit=1)[0].strip().rstrip(".!")
    folded = fold(candidate)
    for mark in _marks():  # "i. A. Melanie Roth": the mark is no part of the name
        if folded.startswith(mark + " ") or folded.startswith(mark.replace(" ", "") + " "):
            candidate = candidate.split(None, len(mark.replace(" ", "").split()) if folded.startswith(mark.replace(" ", "") + " ")
                                        else len(mark.split()))[-1]
            break
    words = candidate.split()
    titles = 0
    while titles < len(words) - 1 and fold(words[titles]) in _titles():
        titles += 1  # "Dr. Ingrid Vossberg": a title is kept, but it is no name
    own = words[titles:]
    if not own or len(own) > _MAX_NAME_WORDS or any(ch.isdigit() or ch == "@" for ch in candidate):
        return ""
    if not all(_NAME_WORD.match(w) for w in own):
        return ""
    if any(fold(w.rstrip(".")) in _not_names() or fold(w) in _closings() for w in own):
        return ""
    return candidate if any(len(w.rstrip(".")) > 1 for w in own) else ""


@cache
def _first_words() -> frozenset[str]:
    return frozenset(c.split()[0] for c in _closings() if c)


def _after_closing(piece: str) -> str | None:
    """Return what follows a closing at the start of `piece` ("" when nothing does), else None."""
    first = _FIRST_WORD.match(piece)
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
        # "Gruß aus Kiel\nBirte Jansen": what follows the closing on its line may be no name.
        name = _name(rest) if rest else ""
        if not name and i + 1 < len(pieces) and (not rest or rest[:1].islower()):
            below = pieces[i + 1]
            if fold(below) in _titles() and i + 2 < len(pieces):
                below += " " + pieces[i + 2]  # "Dr." was split off as if it ended a sentence
            name = _name(below)
        return name
    return _bare_name(own)


def _bare_name(own: str) -> str:
    """A name without a closing: alone atop the last short block, or after a dash at the very end."""
    blocks = [b.strip() for b in _BLOCKS.split(own.strip()) if b.strip()]
    if len(blocks) >= 2:
        lines = blocks[-1].split("\n")
        before = blocks[-2].rstrip()
        if len(lines) <= _LAST_BLOCK and before[-1:] in ".?!:)" and not _SENTENCE_MARK.search(lines[0].strip()):
            name = _name(lines[0]) if "," not in lines[0] else ""
            if name:
                return name
    dash = _DASH_NAME.search(own.strip())
    return _name(dash.group(1)) if dash and not dash.group(1).rstrip().endswith((".", "?", "!")) else ""
