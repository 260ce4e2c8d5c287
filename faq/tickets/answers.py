"""A label's value that is a short clause denying the label ("Berechtigung: wurde mir nicht zugewiesen").

"Berechtigung Reservierung verwalten: wurde mir nicht zugewiesen", "Manage Reservation permission:
was never assigned to me" answer the label no, as "nein" would: a negation of the clause's verb
(`clause_denials`). Not so a value that opens with a yes ("geprüft: ja, nichts gefunden"), tells a
finding ("geprüft: keine Mail gefunden"), or sets something against the denial ("nicht geprüft,
aber der Filter schon").
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.tokens import Token

__all__ = ["denied_clause"]

_SHORT = 6  # words at most of a value read as a denied clause


def denied_clause(value: list[Token], affirmations: tuple[tuple[str, ...], ...], contrasted: bool) -> bool:
    """Whether a label's value (its tokens) is a short clause a negation denies (see the module);
    `affirmations` are the yes answers' word sequences, `contrasted` whether a contrast word stands in it."""
    words = [t.word for t in value]
    if not value or len(value) > _SHORT or contrasted or any(words[:len(p)] == list(p) for p in affirmations):
        return False
    return not set(words).isdisjoint(folded("clause_denials"))
