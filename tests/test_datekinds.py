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


def triage_on(text: str, today: date):
    return triage_text(text, KB, MATCHER, today)


@pytest.mark.parametrize("text", [
    "Hi, the activation e-mail for our Office 365 order never arrived. Our Azure subscription started on 24.11.2026, "
    "the usage start of the 365 order was 01.10.2026. Junk folder checked.",
    "Hallo, unser Probeabo startete am 01.09.2026, der Nutzungsbeginn der gekauften Lizenzen ist der 01.10.2026. "
    "Die Aktivierungsmail fehlt, Spam geprüft.",
])
def test_another_products_or_trials_start_is_not_the_usage_start(text):
    assert triage_on(text, date(2026, 11, 26)).facts.get("usage_start") == date(2026, 10, 1)


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Unsere Testversion haben wir am 10.11.2026 reserviert, die echte Reservierung "
    "haben wir am 20.11.2026 abgeschlossen. Sie ist noch nicht wirksam.",
    "Hi, our partner company reserved their licenses on 10.11.2026. We reserved ours on 20.11.2026 and the "
    "reservation is still not effective. No activation e-mail.",
])
def test_a_trials_or_another_partys_reservation_date_is_not_ours(text):
    assert triage_on(text, date(2026, 11, 26)).facts.get("reservation_date") == date(2026, 11, 20)


def test_our_own_only_usage_start_still_reads():
    # a ticket naming no other product or party keeps its date
    r = triage_on("Hallo, die Aktivierungsmail fehlt, Spam geprüft. Unsere Lizenzen starten am 01.12.2026.",
                  date(2026, 11, 26))
    assert r.facts.get("usage_start") == date(2026, 12, 1) and r.cause == "usage-start-pending"


def test_a_subsidiarys_reservation_with_ihre_is_not_ours():
    r = triage_on("Hallo, unsere Tochterfirma hat ihre Lizenzen am 01.11.2026 reserviert. Unsere Reservierung haben wir "
                  "am 25.11.2026 gemacht, sie ist noch nicht wirksam. Die Aktivierungsmail fehlt.", date(2026, 11, 26))
    assert r.facts.get("reservation_date") == date(2026, 11, 25) and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi, I spoke with the reseller on 20.11.2026 about the reservation. We reserved on 24.11.2026 and it is still "
    "not effective; no activation e-mail.",
    "Hallo, am 18.11.2026 haben wir wegen der Reservierung mit dem Händler telefoniert. Reserviert haben wir am "
    "24.11.2026, die Reservierung ist noch nicht wirksam.",
])
def test_a_calls_date_about_the_reservation_is_not_the_reservation_date(text):
    assert triage_on(text, date(2026, 11, 26)).facts.get("reservation_date") == date(2026, 11, 24)


@pytest.mark.parametrize("text", [
    "Hallo, ich schreibe wegen des Nutzungsbeginns am 01.12.2026, die Aktivierungsmail kam nicht. Spam geprüft.",
    "Hi, I am writing about the usage start on 01.12.2026: the activation mail never arrived. Junk checked.",
])
def test_a_usage_start_written_about_keeps_its_date(text):
    r = triage_on(text, date(2026, 11, 26))
    assert r.facts.get("usage_start") == date(2026, 12, 1) and r.cause == "usage-start-pending"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail bisher. Die Bestellung wurde am 23.11.2026 aufgegeben, der Nutzungszeitraum "
    "begann bereits im Oktober.",
    "Guten Tag, die Aktivierungs-E-Mail fehlt. Bestellung am 23.11.2026 getätigt, die Lizenzen laufen seit Oktober.",
    # the order's date ends at the clause, so the next clause's usage start is not read from it
    "Hi, no activation email. We placed the order on 23 November 2026; usage started in October.",
    "Hi, still no activation mail. Our reseller placed the order on 23 November 2026, the licence term started in "
    "October.",
])
def test_the_day_an_order_was_placed_is_no_usage_start(text):
    r = triage(text)
    assert r.facts.get("usage_start") != date(2026, 11, 23)
    assert r.cause != "usage-start-pending"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Die Reservierung wurde am 22.11.2026 aufgegeben und ist noch nicht wirksam.",
    "Hi, no activation email. The reservation was placed on 22 November 2026 and is not effective yet.",
])
def test_the_day_a_reservation_was_placed_is_its_date(text):
    r = triage(text)
    assert r.facts.get("reservation_date") == date(2026, 11, 22)
    assert r.cause == "reservation-not-processed"


@pytest.mark.parametrize("text", [
    "Hallo, die Lizenz für unsere Tochterfirma wurde im Januar 2026 gekauft, unsere am 12.10.2026. Ist unser "
    "Aktivierungslink noch gültig?",
    "Hi, the licence for our Polish subsidiary was bought in January 2026; ours on 12 October 2026. Is our activation "
    "link still valid?",
])
def test_the_purchase_date_of_a_thing_for_another_party_is_not_ours(text):
    r = triage(text)
    assert r.cause != "activation-link-expired"


@pytest.mark.parametrize("text", [
    "Hi, no activation email. The order starts on 23 November 2026, per our reseller.",
    "Hallo, keine Aktivierungsmail. Die Bestellung beginnt am 23.11.2026, sagt unser Händler.",
])
def test_an_order_start_date_is_the_usage_start(text):
    r = triage(text)
    assert r.facts.get("usage_start") == date(2026, 11, 23)
    assert r.cause == "usage-start-pending"
