"""What in a ticket states nothing about the customer's case.

The customer's own words state facts. Quoted replies and forwarded support text are
read apart (`faq.tickets.readers.quoted_text`) and only their statements count, never
their questions; an example ("eine Adresse wie name@outlook.com", "such as",
"z. B.") states nothing anywhere. The markers are data in
`knowledge/language/example_markers.yaml`.
"""

from __future__ import annotations

from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.tokens import Token
from faq.tickets.weights import weights

__all__ = ["is_example", "is_question"]


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
