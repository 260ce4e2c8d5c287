"""Settled causes told in unusual wording (round 26): the recipient named and the writer's side
denied, a guess that closes only the inference drawn ("..., so that is why, I guess?"), a mail
denied to the writer ("nicht an mich") as the missing-mail problem, an address denied any admin
role (bundled knowledge base, new German and English tickets)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.search.cache import load
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.flowtopic import problem_told
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 26)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- the recipient VLSC shows, then the writer's side denied ------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Als Empfänger führt das VLSC unser Systemhaus, nicht uns."),
    ("de", "Keine Aktivierungsmail bei uns. Empfänger war laut Abonnementansicht die Buchhaltung, nicht ich."),
    ("en", "The activation mail never came. VLSC names our consultancy as the recipient, not us."),
    ("en", "Still no activation mail: it was sent to the purchasing team's shared mailbox, not to anyone in IT."),
])
def test_a_recipient_named_and_the_writers_side_denied_is_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Im VLSC stehen wir als Empfänger, nicht jemand anderes."),
    ("en", "The activation mail is missing. VLSC shows us as the recipient, not someone else."),
])
def test_the_writer_as_recipient_is_no_other_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is False


# -- a guess closing the inference drawn, not the finding -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Laut VLSC ging sie an Frau Brandt, die uns verlassen hat, deshalb kam bei mir nichts an, vermute ich."),
    ("en", "No activation mail here. VLSC shows it went to Tomas, who left the company, so that is why it never reached me, I guess?"),
])
def test_a_guess_after_a_consequence_leaves_the_finding_stated(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Die Domäne ist bei Microsoft verifiziert, vermute ich."),
    ("en", "No activation mail. Our domain is verified with Microsoft, I guess."),
])
def test_a_guess_closing_a_plain_statement_still_leaves_it_open(lang, text):
    assert "domain_verified" not in read("missing-activation-email", text, lang)


# -- the mail denied to the writer tells the missing-mail problem ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im VLSC gesehen: die Aktivierungsmail ging an unseren früheren Einkäufer, nicht an mich."),
    ("en", "Checked VLSC: the activation mail went to our former buyer, not to me."),
])
def test_a_mail_denied_to_the_writer_tells_the_missing_mail_problem(lang, text):
    assert problem_told(text, "missing-activation-email")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Laut VLSC ging die Aktivierungsmail an unseren früheren Einkäufer, nicht an mich. Wie bekommen wir sie zurück?"),
    ("en", "According to VLSC the activation mail went to our former buyer, not to me. How do we get it back?"),
])
def test_such_a_ticket_is_triaged_as_sent_to_another_contact(lang, text):
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert (result.id, result.cause) == ("activation-email-missing", "sent-to-other-contact")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail kam an, aber bei unserem alten Dienstleister statt bei uns. Wie leite ich sie an unsere IT um?"),
    ("en", "The activation mail did arrive, at our old provider, whom we no longer work with. How do I redirect it to our IT?"),
])
def test_a_mail_that_arrived_elsewhere_is_no_missing_mail(lang, text):
    assert not problem_told(text, "missing-activation-email")


# -- the OSM's address denied any admin role -----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. OSM ist lena@brandt-bau.de, die Adresse ist in keinem Konto Admin."),
    ("de", "Aktivierungsmail fehlt. Die hinterlegte Adresse hat in keinem Tenant Adminrechte."),
    ("en", "No activation mail. The OSM is lena@brandt-build.com; the address isn't an admin of any tenant."),
    ("en", "The activation mail is missing. That address has no admin rights on any account."),
])
def test_the_address_denied_an_admin_role_is_no_admin(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is False
