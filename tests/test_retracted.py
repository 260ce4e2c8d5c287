"""A yes or no that a later sentence takes back stays open (faq/tickets/retracted.py); one that a
later sentence only adds to stays (bundled knowledge base, new tickets in German and English)."""

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
    ("de", "Die Domäne ist in unserem Tenant verifiziert. Die Aktivierungsmail fehlt. Korrektur: Das stimmt nicht, "
           "verifiziert ist nur die Domäne unserer alten Firma.", "domain_verified"),
    ("de", "Im Junk-Ordner hat noch niemand nachgesehen. Nachtrag: Doch, Herr Wolf hat gestern nachgesehen.", "junk_checked"),
    ("en", "Our domain is verified in Microsoft 365. No activation mail. Update: that was wrong, the verified domain "
           "belongs to an old tenant.", "domain_verified"),
])
def test_a_statement_taken_back_later_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Den Junk-Ordner haben wir geprüft. Doch auch dort war nichts. Die Aktivierungsmail fehlt.", "junk_checked", True),
    ("en", "The domain is verified in our tenant. The activation email is missing, that is the problem.",
     "domain_verified", True),
])
def test_a_later_sentence_that_takes_nothing_back_keeps_the_fact(lang, text, fact, value):
    assert read(text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("en", "No activation mail so far. Nobody has checked the spam folder. EDIT: turns out my colleague did check it "
           "this morning.", "junk_checked"),
    ("de", "Den Spam-Ordner hat bisher keiner geprüft. Nachtrag: Frau Lenz hat ihn heute früh geprüft.", "junk_checked"),
])
def test_an_addition_that_says_the_opposite_leaves_the_fact_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("en", "I checked the spam folder, nothing. EDIT: also checked the quarantine.", "junk_checked", True),
    ("de", "Den Spam-Ordner habe ich noch nicht geprüft. Nachtrag: Die Domäne ist nicht verifiziert.", "junk_checked", False),
])
def test_an_addition_that_agrees_or_tells_another_thing_keeps_the_fact(lang, text, fact, value):
    assert read(text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "No activation mail. The OSM is a global admin of our tenant. Update: that was wrong, sorry."),
    ("de", "Keine Aktivierungsmail. Der OSM ist globaler Administrator unseres Tenants. Korrektur: stimmt nicht."),
])
def test_a_short_taking_back_right_after_a_statement_takes_it_back(lang, text):
    assert read(text, lang).get("osm_is_admin") is None


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Keine Aktivierungsmail. Der Nutzungsbeginn ist laut Händler der 01.12.2026, das muss ich aber noch prüfen.",
     "usage_start"),
    ("en", "No activation email. The OSM is a global admin of our tenant, but I still have to verify that.", "osm_is_admin"),
])
def test_a_statement_its_sentence_leaves_to_check_stays_open(lang, text, fact):
    assert fact not in read(text, lang)


def test_a_check_still_to_do_of_another_thing_keeps_the_fact():
    facts = read("Der Junk-Ordner ist geprüft. Ob die Domäne verifiziert ist? Das muss ich noch prüfen.", "de")
    assert facts.get("junk_checked") is True and "domain_verified" not in facts


def test_a_check_not_yet_done_is_no_plan_to_check_the_statement():
    facts = read("Activation email missing for our EMS order (usage start 2026-10-20). Nobody has checked the spam "
                 "folder yet - I only noticed today that this might matter.", "en")
    assert facts.get("usage_start") is not None and facts.get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Laut unserem Partner ist der OSM globaler Administrator im bestehenden Tenant, das kann ich selbst aber nicht "
           "bestätigen. Die Mail fehlt.", "osm_is_admin"),
    ("en", "Our reseller says the reservation took effect on Monday, though I can't check that myself. No activation mail.",
     "reservation_effective"),
])
def test_a_statement_the_writer_says_they_cannot_confirm_stays_open(lang, text, fact):
    assert fact not in read(text, lang)


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Den Junk-Ordner hat niemand geprüft, das kann ich mit Sicherheit sagen.", "junk_checked", False),
    ("en", "The domain is verified in our tenant; whether the OSM is an admin I can't say.", "domain_verified", True),
])
def test_a_statement_the_writer_vouches_for_or_a_doubt_of_another_thing_keeps_the_fact(lang, text, fact, value):
    assert read(text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Als OSM ist ein globaler Administrator unseres Tenants eingetragen, das konnte "
           "ich selbst aber nicht überprüfen."),
    ("en", "The activation mail is missing. The OSM is a global admin in our existing tenant, but I couldn't confirm "
           "that myself."),
])
def test_a_statement_the_writer_could_not_confirm_stays_open(lang, text):
    assert read(text, lang).get("osm_is_admin") is None
