"""A denial taken back by what the fact also covers, and one that covers it too (faq/tickets/presupposed.py)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def order(text: str, lang: str) -> object:
    facts = extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts
    return facts.get("order_placed")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail da. Weder eine Bestellung noch eine Reservierung ist bisher erfolgt."),
    ("de", "Die Mail fehlt, es gibt noch keine Bestellung oder Reservierung für diesen Vertrag."),
    ("en", "No activation mail, and the reseller says no order or reservation exists yet for our agreement."),
    ("en", "No activation mail yet. We have not placed any order or reservation so far, finance is still deciding."),
    ("de", "Die Aktivierungsmail fehlt. Wir haben noch keine einzige Bestellung oder Reservierung aufgegeben."),
])
def test_a_denial_that_covers_the_reservation_too_holds(lang, text):
    assert order(text, lang) is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Eine Bestellung gibt es nicht, wir haben stattdessen nur eine Reservierung angelegt."),
    ("en", "There is no order, we only submitted a reservation yesterday."),
])
def test_a_denial_taken_back_by_a_reservation_stays_open(lang, text):
    assert order(text, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, we have not really placed an order or a reservation so far, the agreement is only signed. When does the mail come?"),
    ("de", "Hallo, wir haben eigentlich bisher noch gar keine Bestellung oder Reservierung aufgegeben. Kommt die Mail trotzdem?"),
])
def test_a_particle_between_the_negation_and_a_coordinated_reservation_keeps_the_denial(lang, text):
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    assert facts.get("order_placed") is False


def renewal(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("renewal-activation"), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unter unserem EA laufen mehrere Registrierungen, eine haben wir gerade erneuert. Ob der "
           "Organisationsname dabei gleich geblieben ist, kann ich nicht sagen. Kommt eine Aktivierungsmail?"),
    ("en", "Hello, there are several enrollments under our agreement and we renewed one last week. Whether the new "
           "one carries our old organization name I honestly don't know. Will an activation mail come?"),
])
def test_several_enrollments_with_the_name_left_open_do_not_share_it(lang, text):
    assert "multiple_enrollments_same_org" not in renewal(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unter unserem EA laufen mehrere Registrierungen, eine haben wir gerade erneuert. Kommt eine Aktivierungsmail?"),
    ("en", "Hello, we hold several enrollments with the same organization name under our EA and renewed one. "
           "I can't tell if the renewal form kept that organization name. Will an activation mail come?"),
])
def test_several_enrollments_stand_when_the_name_is_not_in_doubt_or_shared_in_their_sentence(lang, text):
    assert renewal(text, lang).get("multiple_enrollments_same_org") is True
