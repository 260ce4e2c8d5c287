"""Whether a sentence tells what a text about the subject says, not the writer's case.

"In Ihrer Hilfe steht, dass der Dienst in manchen Ländern nicht gestartet ist", "The FAQ explains that
the service may not be launched in some countries", "Ihr Artikel nennt als Grund eine verifizierte
Domäne": a noun of such a text (`text_sources`: FAQ, help page, article, documentation) next to a verb
by which it says or lists something (`text_verbs`). What the sentence names is the text's rule or
example: it states no fact of the case, and the fact stays open (a false fact is worse than a
question). A sentence with the writer as a subject tells the writer's deed ("ich habe wie in der
Anleitung beschrieben nachgesehen: ..."). A portal showing something ("VLSC zeigt, dass ...") is no such text. The words are data in
`knowledge/language/`.
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.borders import phrase_spans
from faq.tickets.sentence import Sentence

__all__ = ["told_by_text"]

_REACH = 3  # words at most between a text's noun and its verb ("In Ihrer Hilfe steht", "steht in der FAQ")


def told_by_text(s: Sentence) -> bool:
    """Whether a sentence says what a text about the subject says (`text_sources` beside `text_verbs`),
    with no writer as a subject (`first_person_subjects`)."""
    words = [t.word for t in s.tokens]
    sources = phrase_spans(words, "text_sources")
    if not sources:
        return False  # most sentences: no text named
    if not folded("first_person_subjects").isdisjoint(words):
        return False  # the writer's own deed, done as a text says: "ich habe wie in der Anleitung beschrieben nachgesehen"
    verbs = [i for i, w in enumerate(words) if w in folded("text_verbs")]
    return any(0 < v - (end - 1) <= _REACH + 1 or 0 < start - v <= _REACH + 1 for start, end in sources for v in verbs)
