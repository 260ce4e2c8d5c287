"""A remark inserted into a clause does not split what the clause tells (faq/tickets/inserts.py)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.inserts import without_inserts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str, flow: str = "missing-activation-email") -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


def test_the_remark_is_blanked_and_offsets_stay():
    text = "Die Domäne ist, wie der Partner sagt, verifiziert."
    out = without_inserts(text)
    assert out is not None and len(out) == len(text) and "Partner" not in out and out.endswith("verifiziert.")


def test_a_sentence_without_a_remark_has_none():
    assert without_inserts("Die Domäne ist verifiziert, die Mail kam trotzdem nicht.") is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Keine Aktivierungsmail. Die Domäne unserer OSM-Adresse ist, wie unser Dienstleister bestätigte und ich "
           "im Portal nachgesehen habe, längst für unser Konto überprüft.", "missing-activation-email",
     "domain_verified", True),
    ("de", "Lizenzen fehlen. Der Dienst ist – das schrieb uns der Händler – in Belarus noch nicht gestartet.",
     "licenses-not-visible", "service_in_country", False),
    ("en", "No activation email. Our OSM address is, as IT confirmed this morning, a billing admin of our existing "
           "tenant.", "missing-activation-email", "osm_is_admin", True),
])
def test_a_clause_split_by_a_remark_tells_its_fact(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Die Domäne ist – so hoffe ich zumindest – bereits verifiziert."),
    ("en", "No activation email. The domain is, as our partner claims, verified."),
    ("en", "No activation email. The domain is – as far as I know – verified."),
])
def test_a_remark_that_doubts_keeps_the_fact_open(lang, text):
    assert read(text, lang).get("domain_verified") is None


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Hallo, der Empfänger, der im VLSC beim Dienst angezeigt wird, ist nicht dieselbe Person wie unser OSM.",
     "sent_to_other_contact", True),
    ("Guten Tag, die Domäne, die wir für den OSM nutzen, ist bereits verifiziert.", "domain_verified", True),
])
def test_a_relative_clause_on_the_noun_before_it_is_read_as_a_remark(text, fact, value):
    assert read(text, "de").get(fact) is value


def test_a_clause_of_its_own_after_a_comma_is_no_relative_clause():
    text = "Ich habe nachgesehen, die Mail ging an Herrn Maier, der seit März nicht mehr bei uns ist."
    assert without_inserts(text) is None


def test_a_remark_whose_opening_comma_closes_a_greeting_is_still_blanked():
    text = "Guten Morgen, die Domäne, die wir im VLSC angegeben haben, ist verifiziert."
    out = without_inserts(text)
    assert out is not None and len(out) == len(text)
    assert out.split() == ["Guten", "Morgen,", "die", "Domäne", "ist", "verifiziert."]
