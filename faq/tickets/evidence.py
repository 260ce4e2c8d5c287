"""Where a fact read from a ticket came from: its words, their offsets, whose words they are."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

__all__ = ["ANSWER", "OWN", "QUOTED", "SUBJECT", "Evidence"]

OWN = "own"  # the customer's own words
ANSWER = "answer"  # the customer's own answer to a quoted question (the question gives the context)
QUOTED = "quoted"  # a quoted or forwarded mail the ticket carries
SUBJECT = "subject"  # the ticket's subject line


@dataclass(frozen=True)
class Evidence:
    """The words a fact was read from.

    Attributes:
        quote: The words that state the fact (the cue, address or date as written).
        sentence: The whole sentence they stand in.
        start: Offset of `quote` in the text it was read from.
        end: Offset after `quote`.
        source: OWN, ANSWER, QUOTED or SUBJECT.
    """

    quote: str
    sentence: str
    start: int
    end: int
    source: str = OWN

    def __str__(self) -> str:
        return self.sentence or self.quote

    @property
    def own(self) -> bool:
        """Whether these are the customer's own words (not quoted or forwarded text)."""
        return self.source != QUOTED

    def moved(self, offset: int, source: str | None = None) -> Evidence:
        """Return the same evidence with offsets shifted by `offset` (and another source)."""
        return replace(self, start=self.start + offset, end=self.end + offset, source=source or self.source)

    def to_json(self) -> dict[str, Any]:
        """Return the evidence as the `evidence` field of `faqbot triage --json` holds it."""
        return {"quote": self.quote, "start": self.start, "end": self.end, "own": self.own,
                "source": self.source, "sentence": self.sentence}
