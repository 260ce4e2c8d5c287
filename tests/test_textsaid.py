"""What a text about the subject says (faq/tickets/textsaid.py) is no fact of the case: "In Ihrer Hilfe
steht, dass ...", "the FAQ explains that ..." (bundled knowledge base, German and English)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.sentence import Sentence
from faq.tickets.textsaid import told_by_text
from faq.tickets.tokens import tokenize

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


def sentence(text: str) -> Sentence:
    tokens = tokenize(text)
    return Sentence(0, text, tokens, [t.word for t in tokens])


@pytest.mark.parametrize(("flow", "lang", "text", "fact"), [
    ("licenses-not-visible", "de", "Guten Tag, keine Lizenzen sichtbar. Im Hilfeartikel steht, dass Dienste in einigen "
     "Ländern noch nicht gestartet sind. Woran liegt es bei uns?", "service_in_country"),
    ("licenses-not-visible", "en", "Hello, the licences are not there. Your documentation explains that a service may not "
     "be launched in every country. What should we check?", "service_in_country"),
    ("missing-activation-email", "de", "Hallo, die Aktivierungsmail kam nicht. Die Anleitung nennt als Grund, dass die "
     "Mail an einen anderen Kontakt gesendet wurde. Wie sehen wir das?", "sent_to_other_contact"),
    ("missing-activation-email", "en", "Hi, still no activation mail. The user guide says no mail is sent when the "
     "domain is already verified. How do we check that?", "domain_verified"),
])
def test_what_a_text_about_the_subject_says_states_no_fact(flow, lang, text, fact):
    assert fact not in read(flow, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. In der FAQ steht, dass es an einer verifizierten Domäne liegen kann. "
           "Unsere Domäne ist tatsächlich schon verifiziert."),
    ("en", "Hi, the activation email is missing. The FAQ says a verified domain can be the reason. Our domain is "
           "indeed already verified."),
])
def test_the_writers_own_sentence_after_a_text_is_still_read(lang, text):
    assert read("missing-activation-email", text, lang).get("domain_verified") is True


@pytest.mark.parametrize("text", [
    "Das VLSC zeigt, dass die Mail an einen anderen Kontakt ging.",
    "The portal page shows that the mail went to another contact.",
    "Danke für Ihre Hilfe bisher, die Domäne ist verifiziert.",
])
def test_a_portal_showing_the_case_is_no_text_about_the_subject(text):
    assert not told_by_text(sentence(text))


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ich habe wie im Handbuch beschrieben im VLSC nachgesehen: die Aktivierungsmail ging an einen anderen "
           "Kontakt, unsere frühere Buchhaltung."),
    ("en", "Hi, I looked in VLSC as the user guide describes: the activation mail was sent to another contact, our old "
           "accounts team."),
])
def test_the_writers_deed_done_as_a_text_says_is_read(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True
