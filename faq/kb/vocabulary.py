"""The vocabulary of a knowledge base (a part of `faq.kb.model`, on its own so that the
matcher can be rebuilt from a cache without the rest of the model)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Vocabulary"]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words the matcher treats as the same, compound parts and stop words.

    Attributes:
        synonyms: Groups of words or phrases; each counts as the group's first item.
        compounds: Parts German compounds are split into.
        stopwords: Function words per language.
        offtopic: Words naming other products or topics; they count against an answer.
    """

    synonyms: tuple[tuple[str, ...], ...] = ()
    compounds: tuple[str, ...] = ()
    stopwords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    offtopic: tuple[str, ...] = ()
