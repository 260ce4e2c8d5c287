"""The topic of a declined reply from the facts it states (faq/tickets/statedtopic.py), on new tickets."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.statedtopic import replies
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 26)
KB, MATCHER = load()


def triage(text: str):
    return triage_text(text, KB, MATCHER, TODAY)


@pytest.mark.parametrize(("text", "cause"), [
    ("Guten Tag,\n\nwie gewünscht:\n1. OSM-Adresse: empfang.meyer@outlook.com\n2. Vertragsnummer suche ich noch raus\n\nGruß\nA. Meyer",
     "outlook-com-address"),
    ("Hello,\n\nthe details you asked for:\n1. OSM address: licensing@tailspin-toys.com\n2. Agreement number: will follow\n\nBest\nLee",
     None),
])
def test_a_reply_that_only_states_one_flows_facts_gets_that_flow(text, cause):
    result = triage(text)
    assert result.match.id == "activation-email-missing"
    assert result.cause == cause


@pytest.mark.parametrize("text", [
    # a fact two flows ask names neither
    "Guten Tag,\n\nanbei die Angaben:\n1. Nutzungsbeginn: 01.10.2026\n2. Vertragsnummer folgt\n\nGruß",
    # the customer asks something else: the fact is an aside
    "Hallo,\n\n1. Wie ändere ich die Rechnungsadresse im Azure-Portal?\n2. Unsere Domäne ist verifiziert.\n\nGruß",
    # no reply: a statement of its own
    "Wir möchten unsere Rechnungsanschrift ändern. Unsere Domäne ist verifiziert.",
])
def test_a_fact_that_names_no_one_flow_or_an_aside_leaves_the_ticket_declined(text):
    result = triage(text)
    assert result.match.id != "activation-email-missing"
    assert result.cause is None


def test_a_reply_is_a_quote_an_inline_answer_or_two_numbered_answers():
    assert replies("zu 1) ja\nzu 2) nein", "", ())
    assert replies("Siehe unten.", "Von: Support\nIhre Anfrage", ())
    assert not replies("1. Die Mail fehlt.", "", ())
