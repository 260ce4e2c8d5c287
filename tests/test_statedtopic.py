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


@pytest.mark.parametrize(("text", "cause"), [
    # numbered answers the matcher reads as another entry: the two facts name the missing mail
    ("Guten Tag,\n\nzu Ihren Fragen:\n1. Der OSM ist lager@holzbau-krieger.de\n2. Unter Lizenzzusammenfassung ist "
     "nichts aufgeführt, keine Bestellung und keine Reservierung.\n\nGruß\nO. Krieger", "no-order"),
    ("Hello,\n\nregarding your points:\n1. The OSM is procurement@fabrikam-foods.com\n2. License Summary lists "
     "nothing, neither an order nor a reservation.\n\nBest\nDana", "no-order"),
    # one fact, and the forwarded mail below tells the problem
    ("Kurze Rückmeldung: unter Aktivierte Onlinedienste ist als Empfänger unser ehemaliger Dienstleister "
     "eingetragen, nicht ich.\n\nGruß\nTim\n\n---------- Weitergeleitete Nachricht ----------\nVon: Tim Berg\n"
     "An: Support\nBetreff: Mail fehlt\n\nGuten Tag, die Aktivierungsmail ist bei uns nie angekommen.",
     "sent-to-other-contact"),
])
def test_an_answered_reply_whose_topic_reads_nothing_takes_the_flow_its_facts_name(text, cause):
    result = triage(text)
    assert result.match.id == "activation-email-missing"
    assert result.cause == cause


@pytest.mark.parametrize("text", [
    # one address beside a success: no diagnosis of the missing mail
    "Hallo,\n\ndanke, das hat geholfen:\n1. Die Aktivierung hat geklappt.\n2. Unser OSM war dabei max@outlook.com.\n\nGruß",
    "Hi,\n\n1. The licences are assigned now, all good.\n2. Our OSM is ops@outlook.com.\n\nThanks",
])
def test_a_single_fact_beside_another_topic_moves_nothing(text):
    result = triage(text)
    assert result.match.id != "activation-email-missing"
    assert result.cause is None
