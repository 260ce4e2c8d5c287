"""Which words of a fact's evidence are shown to a customer (faq.tickets.evidence.stated_clause)."""

import pytest

from faq.tickets.evidence import stated_clause


@pytest.mark.parametrize(("sentence", "quote", "shown"), [
    ("Wir warten seit Wochen, und den Spam-Ordner geprüft habe ich nicht, weil keine Zeit",
     "Spam-Ordner geprüft", "den Spam-Ordner geprüft habe ich nicht"),  # the negation after the cue
    ("Die Mail kam nicht an, den Spam-Ordner habe ich geprüft", "Spam-Ordner habe ich geprüft",
     "den Spam-Ordner habe ich geprüft"),  # another clause's "nicht" stays out
    ("Den Spam-Ordner, den habe ich nicht geprüft", "Spam-Ordner, den habe ich nicht geprüft",
     "Den Spam-Ordner, den habe ich nicht geprüft"),  # a cue across a comma keeps its first word
    ("Spam-Ordner: nichts drin, aber der Filter", "Spam-Ordner: nichts", "Spam-Ordner: nichts drin"),
    ("We waited for weeks and I have not checked the junk folder yet", "checked the junk folder",
     "I have not checked the junk folder yet"),
    ("Kein Treffer", "nicht da", "nicht da"),  # not in the sentence: the quote itself
])
def test_the_clause_shown_holds_the_cue_and_its_negation(sentence, quote, shown):
    assert stated_clause(sentence, quote) == shown
