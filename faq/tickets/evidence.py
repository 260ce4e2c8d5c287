"""Where a fact read from a ticket came from: its words, their offsets, whose words they are;
and which of them to show a customer ("Sie schrieben: „…“"): `stated_clause`."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold

__all__ = ["ANSWER", "OWN", "QUOTED", "SUBJECT", "Evidence", "stated_clause"]

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


_CLAUSE_PUNCT = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def stated_clause(sentence: str, quote: str) -> str:
    """The words of `sentence` to quote back for `quote` (a cue's words as written): the clause
    or clauses they stand in, from the start of the clause of their first word to the end of the
    clause of their last, so that a negation or a hedge before or after the cue's words within its
    clause comes along ("den Spam-Ordner geprüft habe ich nicht", never "Spam-Ordner geprüft").

    Clauses end at punctuation and at the conjunctions of knowledge/language/clause_breaks.yaml
    (the conjunction opening the clause is left out); `quote` itself when it is not in `sentence`.
    """
    at = sentence.find(quote)
    tokens = list(re.finditer(r"\w+", quote))
    if at < 0 or not tokens:
        return quote
    first = at + tokens[0].start()
    end = at + len(quote)
    breaks = set(lexicon_words("clause_breaks"))
    # A colon inside the quote ends a label ("Spam-Ordner: nichts drin"), not the clause.
    starts = [0] + [m.end() for m in _CLAUSE_PUNCT.finditer(sentence) if not (m.group() == ":" and at <= m.start() < end)]
    starts += [m.start() for m in re.finditer(r"\w+", sentence) if fold(m.group()) in breaks]
    stops = [m.start() for m in _CLAUSE_PUNCT.finditer(sentence)]
    stops += [m.start() for m in re.finditer(r"\w+", sentence) if fold(m.group()) in breaks]
    begin = max(c for c in starts if c <= first)
    stop = min((c for c in stops if c >= end), default=len(sentence))
    clause = sentence[begin:stop].strip(" ,;:.!?-\u2013\u2014")
    head = re.match(r"(\w+)\s+", clause)
    if head is not None and fold(head.group(1)) in breaks:  # "und die Domäne ist verifiziert"
        clause = clause[head.end():]
    return clause if len(clause.split()) >= 2 else quote
