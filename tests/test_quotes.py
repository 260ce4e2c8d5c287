"""The customer's answers to questions they quote or ask themselves (faq/tickets/quotes.py)."""

import pytest

from faq.tickets.quotes import self_answers


@pytest.mark.parametrize("text", [
    "Hallo, die Domäne ist verifiziert, stimmt's? Keine Aktivierungsmail bisher.",
    "Hi, the domain is verified, right? No activation email so far.",
])
def test_a_statement_after_a_question_answers_nothing(text):
    assert self_answers(text) == []


@pytest.mark.parametrize(("text", "answer"), [
    ("Hallo, Domäne verifiziert? Nein. Aktivierungsmail fehlt.", "Nein."),
    ("Hi, junk folder checked? No, not yet. The mail is missing.", "No, not yet."),
    ("Hallo, weitere Registrierungen? Keine Registrierungen außer dieser.", "Keine Registrierungen außer dieser."),
])
def test_a_short_question_answered_at_once_is_an_answer(text, answer):
    assert [a.text for a in self_answers(text)] == [answer]
