"""What a sentence says without stating it (faq/tickets/withheld.py), on new tickets in German and English."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.cues import lexicon_for
from faq.tickets.facts import extract_facts
from faq.tickets.sentence import Sentence
from faq.tickets.tokens import tokenize
from faq.tickets.withheld import avoided, unknown_at

KB = load_knowledge_base()
TODAY = date(2026, 11, 24)


def sentence(text: str) -> Sentence:
    tokens = tokenize(text)
    return Sentence(0, text, tokens, lexicon_for(KB.vocabulary).words(tokens))


def at(s: Sentence, word: str) -> int:
    return next(i for i, t in enumerate(s.tokens) if t.word == word)


@pytest.mark.parametrize(("text", "word"), [
    ("Wir haben versucht, nicht im Testmandanten zu aktivieren.", "testmandanten"),
    ("We tried hard not to activate them in the demo tenant.", "demo"),
])
def test_a_denied_infinitive_after_trying_is_avoided(text, word):
    s = sentence(text)
    assert avoided(s, (at(s, word), at(s, word)))


@pytest.mark.parametrize(("text", "word"), [
    ("Die Lizenzen sind nicht im Testmandanten gelandet.", "testmandanten"),
    ("The licenses went there and not to the tenant we intended.", "tenant"),
])
def test_a_plain_denial_is_not_avoided(text, word):
    s = sentence(text)
    assert not avoided(s, (at(s, word), at(s, word)))


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Den Nutzungsbeginn kennen wir nicht, die Rechnung kam am 20.11.2026.", "nutzungsbeginn", True),
    ("The usage start is unknown to me, the invoice came on 20 November 2026.", "usage", True),
    ("Der Nutzungsbeginn ist der 01.12.2026, das weiß ich sicher.", "nutzungsbeginn", False),
])
def test_a_fact_the_writer_does_not_know_is_unknown_in_its_clause(text, word, expected):
    s = sentence(text)
    assert unknown_at(s, at(s, word)) is expected


def junk_checked(text: str, lang: str) -> bool | None:
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    return facts.get("junk_checked")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail für unser Intune-Abo ist nicht gekommen. Im Spam ist sie auch nicht."),
    ("de", "Guten Tag, keine Aktivierungsmail für Teams. Im Junk-Ordner liegt auch nichts von Microsoft."),
    ("de", "Servus, die Mail zur Aktivierung fehlt. Im Spam-Ordner liegt sie nicht, im Posteingang auch nicht."),
    ("en", "Hi, the activation mail for our Intune order never came. It isn't in spam either."),
    ("en", "Hello, no activation mail for Teams. There is nothing in the junk folder either."),
])
def test_the_junk_folder_named_first_and_denied_at_the_end_is_checked(lang, text):
    assert junk_checked(text, lang) is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail für Visio fehlt. Spam nicht geprüft, das macht morgen die IT."),
    ("de", "Guten Tag, keine Aktivierungsmail. Im Spam habe ich nicht nachgesehen."),
    ("en", "Hi, the activation mail for Visio is missing. We haven't checked spam, IT will do it tomorrow."),
])
def test_a_negation_before_the_verb_of_checking_leaves_it_unchecked(lang, text):
    assert junk_checked(text, lang) is False


def effective(text: str, lang: str) -> bool | None:
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    return facts.get("reservation_effective")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail für Intune fehlt. Die Reservierung ist durch, seit vorgestern schon."),
    ("de", "Guten Tag, keine Aktivierungsmail. Reservierung letzte Woche abgeschlossen, ist durch."),
    ("en", "Hi, the activation mail for Intune is missing. The reservation is through, since the day before yesterday."),
    ("en", "Hello, no activation mail for Teams. Our reservation from last week finally went through."),
])
def test_a_reservation_that_is_through_has_taken_effect(lang, text):
    assert effective(text, lang) is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Die Reservierung ist durch den Onlineadministrator angelegt worden."),
    ("en", "Hi, the activation mail is missing. The reservation went through our reseller's portal."),
    ("de", "Guten Tag, keine Aktivierungsmail. Reservierung gemacht, die Bestellung ist durch."),
])
def test_through_as_a_preposition_or_of_another_subject_says_nothing_of_the_reservation(lang, text):
    assert effective(text, lang) is None


@pytest.mark.parametrize(("lang", "text", "checked"), [
    # "weder"/"nicht" before an article and the folder: the checking is denied, not the mail's place
    ("de", "Die Mail ist nicht da. Ich habe weder den Junk-Ordner noch die Regeln in Outlook kontrolliert.", False),
    ("de", "Aktivierungsmail fehlt, dabei habe ich nicht den Spamordner durchgesehen.", False),
    ("en", "No activation mail yet. I have looked through neither the spam folder nor our transport rules.", False),
    # before a preposition it still places the mail: not in the folder, so it was checked
    ("de", "Die Mail ist weder im Junk-Ordner noch im Posteingang, beides habe ich durchgesehen.", True),
    ("en", "It is not in the junk folder, I checked.", True),
])
def test_a_negation_before_a_checked_folder_denies_the_checking(lang, text, checked):
    read = extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary)
    assert read.facts.get("junk_checked") is checked


def test_a_weak_cue_with_only_small_words_beside_it_is_an_item_of_its_own():
    text = "Servus, Lizenzen sind keine da. Kein Zusatzabo, richtiger Tenant is es a, Nutzungsbeginn war im Juli."
    facts = extract_facts(clean_body(text), KB.flow("licenses-not-visible"), TODAY, "de", KB.vocabulary).facts
    assert facts.get("right_account") is True


def test_a_weak_cue_beside_a_verb_only_names_a_place():
    text = "Hi, the licences are missing. Please move them to the right tenant."
    facts = extract_facts(clean_body(text), KB.flow("licenses-not-visible"), TODAY, "en", KB.vocabulary).facts
    assert "right_account" not in facts


def right_account(text: str, lang: str) -> bool | None:
    facts = dict(extract_facts(clean_body(text), KB.flow("licenses-not-visible"), TODAY, lang, KB.vocabulary).facts)
    return facts.get("right_account")


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, die Lizenzen sind im richtigen Konto gelandet, trotzdem sehen wir keine.", True),
    ("en", "Hi, the licences landed in the correct tenant but nobody sees them.", True),
    ("de", "Hallo, die Lizenzen sind nicht im richtigen Konto gelandet.", False),
])
def test_a_right_account_where_the_licences_arrived_is_stated(lang, text, value):
    assert right_account(text, lang) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, nothing arrived in the right tenant."),
    ("de", "Hallo, die Lizenzen sollen im richtigen Konto landen."),
    ("de", "Hallo, im richtigen Konto sehen wir keine Lizenzen."),
])
def test_a_right_account_only_named_as_a_place_states_nothing(lang, text):
    assert right_account(text, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir warten jetzt schon zwei Tage, dass die Reservierung endlich wirksam wird. Die Aktivierungsmail "
           "fehlt auch."),
])
def test_a_reservation_waited_for_is_not_stated_effective(lang, text):
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    assert "reservation_effective" not in facts


@pytest.mark.parametrize(("lang", "text", "fact"), [
    # an expectation, or a wait told in the past, may be a belief or over: the state is neither stated nor denied
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Wir erwarten, dass die Reservierung bis Freitag greift.",
     "reservation_effective"),
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Ich erwarte eigentlich, dass die Domäne verifiziert ist.",
     "domain_verified"),
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Letzte Woche warteten wir darauf, dass die Reservierung wirksam wird.",
     "reservation_effective"),
    ("en", "Hello, the activation mail is missing. We are expecting the reservation to become effective soon.",
     "reservation_effective"),
])
def test_a_state_expected_is_neither_stated_nor_denied(lang, text, fact):
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    assert fact not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir warten auf die Aktivierungsmail, die Reservierung ist wirksam."),
    ("en", "Hi, we are waiting for the activation mail, but the reservation is effective."),
])
def test_a_fact_beside_a_wait_for_something_else_is_still_stated(lang, text):
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    assert facts.get("reservation_effective") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail bisher. Wir wünschen uns, dass die Domäne vor der Aktivierung verifiziert ist."),
    ("de", "Hallo, keine Aktivierungsmail bisher. Für den Fall, dass unsere Domäne verifiziert ist: was dann?"),
    ("en", "Hello, no activation mail so far. In the event that our domain is verified, what happens next?"),
])
def test_a_clause_framed_by_a_wish_or_a_condition_states_nothing(lang, text):
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    assert "domain_verified" not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail bisher. Wir möchten Ihnen mitteilen, dass die Domäne verifiziert ist."),
    ("en", "Hello, no activation mail so far. We want to let you know that our domain is verified."),
])
def test_a_polite_frame_before_the_clause_still_states_it(lang, text):
    facts = dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)
    assert facts.get("domain_verified") is True
