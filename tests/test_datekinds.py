"""A date tied to another thing, whose kind the writer then denies is the fact's, is none (new
tickets, German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.search.matcher import Matcher
from faq.tickets.triage import triage_text

KB = load_knowledge_base()
MATCHER = Matcher(KB)


def triage(text: str):
    return triage_text(text, KB, MATCHER, date(2026, 11, 24))


@pytest.mark.parametrize("text", [
    "Hallo, läuft unser Aktivierungslink bald ab? Erworben haben wir die Lizenzen laut Rechnung am 03.07.2026, "
    "wobei das Rechnungsdatum nicht unbedingt das Kaufdatum ist.",
    "Ist der Aktivierungslink noch gültig? Laut Rechnung gekauft am 03.07.2026. Das Rechnungsdatum ist allerdings nicht "
    "das Kaufdatum.",
    "Is our activation link still valid? The invoice says we purchased on 2026-07-03 - but the invoice date is not the "
    "purchase date.",
])
def test_an_invoice_date_denied_to_be_the_purchase_date_in_the_next_clause_is_none(text):
    r = triage(text)
    assert r.id == "activation-link-expiry"
    assert "purchase_date" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Ist der Aktivierungslink noch gültig? Kaufdatum laut Bestellung: 03.07.2026. Das ist nicht das Rechnungsdatum.",
    "Is our activation link still valid? We purchased on 2026-07-03; that's not the invoice date.",
])
def test_a_purchase_date_said_not_to_be_the_invoice_date_stays(text):
    assert triage(text).facts.get("purchase_date") == date(2026, 7, 3)


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Laut Rechnung 01.12.2026, das ist aber nicht der Nutzungsbeginn.",
    "Hi, the activation mail is missing. The invoice says 2026-12-01, but that is not the usage start date.",
])
def test_a_date_pointed_back_at_and_denied_to_be_the_usage_start_is_none(text):
    r = triage(text)
    assert "usage_start" not in r.facts and r.cause != "usage-start-pending"


@pytest.mark.parametrize("text", [
    "Ist der Aktivierungslink abgelaufen? Überwiesen haben wir am 02.03.2026 – das ist das Zahlungsdatum, nicht das Kaufdatum.",
    "Has the activation link expired? The payment went out on 2026-03-02; that's the payment date, not the purchase date.",
])
def test_a_date_called_another_things_and_not_the_purchase_date_is_none(text):
    r = triage(text)
    assert "purchase_date" not in r.facts and r.cause is None
