"""A state the writer is waiting for has not come about (faq/tickets/awaited.py)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Hallo, keine Aktivierungsmail. Wir warten immer noch darauf, dass unsere Reservierung wirksam wird.",
     "reservation_effective"),
    ("de", "Hallo, keine Aktivierungsmail. Ich warte, bis die Domäne verifiziert ist.", "domain_verified"),
    ("de", "Hallo, keine Aktivierungsmail. Seit Montag warten wir darauf, dass die Reservierung greift.", "reservation_effective"),
    ("en", "Hi, no activation mail. We're still waiting for our reservation to become effective.", "reservation_effective"),
])
def test_a_state_waited_for_is_not_yet_so(lang, text, fact):
    assert read(text, lang).get(fact) is False


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    # a wait that is over or denied keeps the reading; a thing waited for that reports the state leaves it
    # open (faq.tickets.withheld.awaited), it does not make it a no
    ("de", "Hallo, keine Aktivierungsmail. Wir warten auf die Bestätigung, dass die Bestellung aufgegeben ist.",
     "order_placed", None),
    ("de", "Hallo, keine Aktivierungsmail. Wir warten auf die Mail, die Reservierung ist aber wirksam.",
     "reservation_effective", True),
    ("en", "Hi, no activation mail. We waited until the reservation was effective, still nothing.", "reservation_effective", None),
])
def test_a_wait_that_tells_no_pending_state_is_not_read_as_no(lang, text, fact, value):
    assert read(text, lang).get(fact) is value
