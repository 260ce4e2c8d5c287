"""What in a ticket states nothing about the customer's case.

The customer's own words state facts. Quoted replies and forwarded support text are
read apart (`faq.tickets.readers.quoted_text`) and only their statements count, never
their questions; an example ("eine Adresse wie name@outlook.com", "such as",
"z. B.") states nothing anywhere. The markers are data in
`knowledge/language/example_markers.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.tokens import Token, tokenize
from faq.tickets.weights import weights

__all__ = ["Answer", "answer_polarity", "answers", "is_example", "is_question", "points_below"]

_QUOTED = re.compile(r"^[ \t]*>[ \t>]*")
_LIST_MARK = re.compile(r"^\s*(?:\d+[.)]|[-•*])\s+")
_ANSWER_OPENING = 3  # words at the start of an answer that may carry its "no"


@dataclass(frozen=True)
class Answer:
    """The customer's answer written under a quoted question ("answering inline").

    Attributes:
        question: The quoted question, without its "> " marks and list number.
        text: The answer as written.
        start: Offset of the answer in the text searched.
    """

    question: str
    text: str
    start: int


def answers(text: str) -> list[Answer]:
    """Return each answer the customer wrote right under a quoted question.

    A quoted block ("> ..." lines) whose last sentence asks, followed by lines of the
    customer's own (up to a blank line or the next quote), is a question and its answer.
    """
    out: list[Answer] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        if not _QUOTED.match(lines[i]):
            i += 1
            continue
        block = []
        while i < len(lines) and (_QUOTED.match(lines[i]) or not lines[i].strip()):
            if lines[i].strip():
                block.append(_QUOTED.sub("", lines[i]))
            i += 1
        question = _LIST_MARK.sub("", block[-1]).strip() if block else ""
        start = i
        while i < len(lines) and lines[i].strip() and not _QUOTED.match(lines[i]):
            i += 1
        answer = "\n".join(lines[start:i]).strip()
        if question.endswith("?") and answer:
            lead = len(lines[start]) - len(lines[start].lstrip())
            out.append(Answer(question, answer, offsets[start] + lead))
    return out


@cache
def _affirmations() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(w).split()) for w in lexicon_words("affirmations"))


def answer_polarity(tokens: list[Token]) -> bool | None:
    """Whether an answer says yes (True) or no (False) at its start, or neither (None)."""
    words = [t.word for t in tokens[:_ANSWER_OPENING]]
    if any(tuple(words[:n]) in _affirmations() for n in (1, 2)):
        return True  # "Yes, nothing there": the yes comes first
    if any(t.neg for t in tokens[:_ANSWER_OPENING]):
        return False
    return None


@cache
def _markers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(m).split()) for m in lexicon_words("example_markers"))


def is_example(tokens: list[Token], index: int) -> bool:
    """Whether the word at `index` is introduced as an example by a marker just before it."""
    words = [t.word for t in tokens]
    for marker in _markers():
        n = len(marker)
        for start in range(max(0, index - weights().example_reach - n), index - n + 1):
            if tuple(words[start:start + n]) == marker:
                return True
    return False


def is_question(sentence: str) -> bool:
    """Whether a sentence asks (ends with a question mark)."""
    return sentence.rstrip().rstrip("\"'»«“”)").endswith("?")


@cache
def _pointers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w).split()) for w in lexicon_words("pointers"))


def points_below(text: str) -> bool:
    """Whether the customer's words point at a quoted or forwarded mail ("see below", "siehe unten")."""
    words = [t.word for t in tokenize(text)]
    return any(tuple(words[i:i + len(p)]) == p for p in _pointers() for i in range(len(words) - len(p) + 1))
