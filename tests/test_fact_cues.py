"""The flows' yes/no cue phrases (knowledge/flows/*.yaml) on new tickets in German and English:
each case states a fact in words a customer uses, read straight from the text."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- the account the licences were activated for ------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "right"), [
    ("de", "Hallo, nach der Aktivierung sehen wir keine Visio-Lizenzen. Aktiviert haben wir sie im richtigen "
           "Konto, das hat unser Admin zweimal geprüft.", True),
    ("de", "Guten Tag, keine Lizenzen sichtbar. Die Aktivierung lief in unserem produktiven Tenant.", True),
    ("de", "Hallo, Lizenzen fehlen. Die Lizenzen wurden leider nicht im vorgesehenen Konto aktiviert, sondern "
           "im Konto unseres Dienstleisters.", False),
    ("de", "Hallo, Lizenzen fehlen. Unser Praktikant hat sie in einem separaten Konto aktiviert, das er selbst "
           "angelegt hatte.", False),
    ("en", "Hi, no licences after activating Project. We activated them in the right tenant, I checked it "
           "myself.", True),
    ("en", "Hello, licences missing. The activation was done in our production tenant.", True),
    ("en", "Hi, licences missing. Our intern signed in with his own trial, so the licences went there and not "
           "to the account we intended.", False),
    ("en", "Hi, licences missing. We found out they were activated on a separate account our consultant created.",
     False),
])
def test_the_account_activated_is_told_right_or_wrong(lang, text, right):
    assert read("licenses-not-visible", text, lang).get("right_account") is right


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Lizenzen fehlen. Wurden sie überhaupt im richtigen Konto aktiviert?"),
    ("en", "Hi, licences missing. We want to be sure they get activated in the right tenant next time."),
])
def test_an_account_asked_about_or_wished_for_states_nothing(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


# -- the recipient VLSC shows ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "other"), [
    ("de", "Hallo, wo bleibt die Aktivierungsmail? Die Aktivierungsmail ging laut VLSC an Frau Albers, die "
           "inzwischen in Elternzeit ist.", True),
    ("de", "Guten Tag, die Aktivierungs-E-Mail wurde an Herrn Kuhn geschickt, unseren alten Einkäufer.", True),
    ("de", "Hallo, keine Aktivierungsmail. Als Empfänger steht im VLSC ein Kollege aus der Buchhaltung.", True),
    ("de", "Hallo, keine Aktivierungsmail. Das VLSC zeigt unseren OSM als Empfänger.", False),
    ("de", "Hallo, keine Aktivierungsmail. Das VLSC zeigt keinen anderen Kontakt an.", False),
    ("en", "Hi, no activation mail here. VLSC has a colleague from purchasing as the recipient.", True),
    ("en", "Hello, in VLSC the contact at our reseller is shown as the one who received the activation mail.",
     True),
    ("en", "Hi, no activation mail. VLSC shows our OSM as the recipient.", False),
    ("en", "Hi, no activation mail. VLSC shows no other contact.", False),
])
def test_the_recipient_vlsc_shows_is_another_contact_or_not(lang, text, other):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is other



@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Das VLSC zeigt als Empfänger unseren ehemaligen OSM."),
    ("en", "Hi, no activation mail. VLSC shows our former OSM as the recipient."),
])
def test_a_former_osm_shown_as_recipient_is_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True
