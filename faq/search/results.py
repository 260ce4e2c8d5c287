"""What the matcher returns: its verdict on a question, the candidates, and the input limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Candidate", "MatchResult", "Outcome", "Thresholds"]

Outcome = Literal["answer", "clarify", "no_match"]


@dataclass(frozen=True)
class Candidate:
    """An entry and the probability that it is the one asked about (0..1)."""

    id: str
    confidence: float


@dataclass(frozen=True)
class MatchResult:
    """The matcher's verdict on one question.

    Attributes:
        query: The question as asked (cleaned).
        outcome: "answer", "clarify" (several entries are close) or "no_match".
        id: The best entry, None on no_match.
        flow: The flow the best entry starts, or None.
        confidence: 0..1, the estimated probability that `id` is the right entry.
        lang: "de" or "en", the language detected.
        candidates: The best entries, best first.
    """

    query: str
    outcome: Outcome
    id: str | None
    flow: str | None
    confidence: float
    lang: str
    candidates: tuple[Candidate, ...]

    def to_json(self) -> dict:
        """Return the object CONTRACT §3 fixes for `faqbot ask --json`."""
        return {
            "query": self.query,
            "outcome": self.outcome,
            "id": self.id,
            "flow": self.flow,
            "confidence": self.confidence,
            "lang": self.lang,
            "candidates": [{"id": c.id, "confidence": c.confidence} for c in self.candidates],
        }


@dataclass(frozen=True)
class Thresholds:
    """Limits of the input (the decision thresholds are the model's, in knowledge/search/).

    Attributes:
        max_chars: A longer text is not a question: it gets no_match.
    """

    max_chars: int = 2000
