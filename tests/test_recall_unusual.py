"""Settled causes told in unusual wording (round 27): a negated participle as a label's value
("Spam-Ordner: ungeprüft"), support's numbered questions repeated with their answer after a dash,
a cue tried again past a first reading across clauses, a date fronted before its cue, dialect
forms of a cue's words, anyone else denied as the recipient, "Abrechnungsadmin", a label answered
with a promise to find out (bundled knowledge base, new German and English tickets)."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 26)
KB, MATCHER = load()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- a negated participle denies what the participle states ----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail ist nicht da.\nJunk-Ordner: bisher ungeprüft."),
    ("en", "Still no activation email.\nSpam folder: unchecked so far."),
])
def test_a_negated_participle_denies_the_check(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail ist nicht da. Junk-Ordner geprüft, Ursache unbekannt."),
    ("de", "Die Aktivierungsmail fehlt. Spam-Ordner geprüft, Absender unbedingt freigegeben."),
    ("en", "Still no activation email. Spam folder checked, reason unknown, filters unchanged."),
])
def test_a_word_that_only_begins_as_a_negated_participle_denies_nothing(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is True


# -- support's numbered questions repeated, each answered after a dash ------------------------------


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Zu Ihren Fragen:\n1. Wurde der Junk-Ordner kontrolliert? – Nein, bisher nicht.\n2. OSM-Adresse: folgt.", False),
    ("de", "Zu Ihren Fragen:\n1. Haben Sie die Spam-Ordner geprüft? - Ja, da ist nichts.", True),
    ("en", "Re your questions:\n1. Did you check the spam folder? - Not yet, sorry.\n2. Usage start: will send it.", False),
])
def test_a_numbered_question_answered_after_a_dash_takes_the_answer(lang, text, value):
    result = triage_text(text, KB, MATCHER, TODAY)
    assert result.facts.get("junk_checked") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The activation mail is missing. Your questions:\n1. Have you checked the junk folder?\n2. Who is the OSM?"),
    ("de", "Die Aktivierungsmail fehlt.\n1. Haben Sie den Spam-Ordner geprüft? - Keine Ahnung, das macht unser Dienstleister."),
])
def test_a_numbered_question_without_a_yes_or_no_states_nothing(lang, text):
    assert "junk_checked" not in read("missing-activation-email", text, lang)


# -- the predicate first, its noun after a clause that names it too ---------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Reserviert haben wir am Montag; wirksam ist die Reservierung bis heute nicht."),
    ("en", "No activation mail. We reserved on Monday; effective it is still not, the reservation."),
])
def test_a_cue_is_tried_again_past_a_first_reading_across_clauses(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert facts.get("reservation_effective") is False


def test_a_cue_across_clauses_is_still_no_reading():
    text = "Keine Aktivierungsmail. Die Reservierung haben wir am Montag storniert; wirksam ist nur noch unsere alte Bestellung."
    assert "reservation_effective" not in read("missing-activation-email", text, "de")


# -- a date fronted before its cue --------------------------------------------------------------------


@pytest.mark.parametrize(("flow", "text"), [
    ("licenses-not-visible", "Die Lizenzen fehlen. Seit dem dritten November läuft die Nutzung bei uns."),
    ("missing-activation-email", "Keine Aktivierungsmail. Seit 03.11.2026 läuft die Nutzung schon."),
])
def test_a_date_fronted_before_the_usage_running_is_its_start(flow, text):
    assert read(flow, text, "de").get("usage_start") == date(2026, 11, 3)


def test_an_order_date_beside_a_usage_not_running_is_no_usage_start():
    text = "Die Lizenzen fehlen. Am 20.11. bestellt, die Nutzung läuft aber noch nicht."
    assert "usage_start" not in read("licenses-not-visible", text, "de")


# -- dialect forms of a cue's words ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Servus, die Aktivierungsmail is laut VLSC an unsern Steuerberater gangen und ned an mi.",
    "Grüß Gott, laut VLSC is die Aktivierungsmail an die Buchhaltung gangen, ned an mi. Was mach ma jetzt?",
])
def test_dialect_forms_are_read_as_the_standard_words_of_a_cue(text):
    assert read("missing-activation-email", text, "de").get("sent_to_other_contact") is True


def test_a_dialect_mail_sent_to_the_writer_is_no_other_contact():
    text = "Servus, laut VLSC is die Aktivierungsmail an mi gangen und ned an wen anders."
    assert read("missing-activation-email", text, "de").get("sent_to_other_contact") is not True


# -- the recipient named, anyone else denied; the address as billing admin ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Laut VLSC ging sie an unsere Adresse, nicht an jemand anderen."),
    ("en", "No activation mail. VLSC shows it went to our OSM, not to anyone else."),
])
def test_anyone_else_denied_is_no_other_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Laut VLSC ging sie an unseren früheren OSM, nicht an uns."),
    ("en", "No activation mail. VLSC shows it went to our former OSM, not to anyone here."),
])
def test_the_writers_side_denied_is_still_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("text", "value"), [
    ("Keine Aktivierungsmail.\n1. Adresse Global-/Abrechnungsadmin eines bestehenden Kontos: nein\n2. Domäne verifiziert: nein", False),
    ("Keine Aktivierungsmail. Die OSM-Adresse ist zugleich Abrechnungsadmin unseres bestehenden Kontos.", True),
])
def test_the_address_as_billing_admin_abbreviated(text, value):
    assert read("missing-activation-email", text, "de").get("osm_is_admin") is value


# -- a label answered with a promise to find out -----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Nach der Aktivierung keine Lizenzen.\n1. Add-on: da frag ich nach\n2. Basisabo gleiche Registrierung: nein"),
    ("en", "No licenses after activation.\n1. Add-on: I will ask our buyer\n2. Base subscription same enrollment: no"),
])
def test_a_label_answered_with_a_promise_to_find_out_stays_open(lang, text):
    result = triage_text(text, KB, MATCHER, TODAY)
    assert "is_addon" not in result.facts
    assert result.cause is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Nach der Aktivierung keine Lizenzen.\n1. Add-on: ja, frag gern nach\n2. Basisabo gleiche Registrierung: nein"),
    ("en", "No licenses after activation.\n1. Add-on: yes\n2. Base subscription same enrollment: no"),
])
def test_a_label_answered_yes_still_states_it(lang, text):
    result = triage_text(text, KB, MATCHER, TODAY)
    assert result.facts.get("is_addon") is True
    assert result.cause == "addon-base-mismatch"
