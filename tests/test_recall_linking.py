"""The enrollment linked to an online account, in any word for the link (knowledge/language/
verbs_of_linking.yaml): a verb, a participle or its noun, stated, denied or only asked or wished
(new tickets in German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 26)
KB = load_knowledge_base()


def read(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unsere Registrierung ist seit Jahren mit dem Tenant verbunden. Für die Nachbestellung kam keine Aktivierungsmail."),
    ("de", "Hallo,\nAnbindung der Lizenzierungs-ID an unser Onlinekonto: besteht seit 2024.\nAktivierungsmail: keine."),
    ("de", "Die Registrierung wurde damals an unser Microsoft-Konto gekoppelt. Jetzt fehlt die Aktivierungsmail."),
    ("en", "Hi, the enrollment has been associated with our Microsoft 365 tenant since 2023. No activation mail for the new seats."),
    ("en", "Hello, our enrollment is hooked up to the online account already. Still no activation email."),
    ("en", "Enrollment linked to our online account: yes. Activation email: none."),
])
def test_an_enrollment_linked_in_other_words_is_linked(lang, text):
    assert read(text, lang).get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Registrierung war noch nie mit einem Konto verbunden. Die Aktivierungsmail fehlt."),
    ("de", "Verknüpfung der Registrierung mit einem Konto: nein. Keine Aktivierungsmail."),
    ("en", "Hi, our enrollment was never linked to any account. The activation email is missing."),
    ("en", "Hello, the enrollment is not tied to a tenant yet and no activation email came."),
])
def test_an_enrollment_never_linked_is_not_linked(lang, text):
    assert read(text, lang).get("enrollment_linked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ist die Registrierung mit unserem Konto verknüpft? Die Aktivierungsmail fehlt."),
    ("de", "Wir möchten die Registrierung mit unserem bestehenden Konto verknüpfen, aber die Aktivierungsmail kam nicht."),
    ("en", "Hi, how do I link the enrollment to our tenant? No activation mail came."),
    ("en", "We would like to connect the enrollment to our existing account, but the activation email never arrived."),
])
def test_a_link_asked_about_or_wished_states_nothing(lang, text):
    assert "enrollment_linked" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ich habe mich im VLSC mit meinem Konto angemeldet und die Registrierung geöffnet. Keine Aktivierungsmail."),
    ("en", "Hi, we connected to VLSC with our account, the enrollment number is 12345678. No activation mail."),
])
def test_signing_in_with_an_account_is_no_link_of_the_enrollment(lang, text):
    assert "enrollment_linked" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, es ist eine Nachbestellung, die Erstbestellung wurde 2024 in unserem Tenant aktiviert. Keine neue Aktivierungsmail."),
    ("de", "Guten Tag, die Registrierung ist seit 2023 in unserem Tenant eingerichtet. Für die Zusatzlizenzen kam keine Mail."),
    ("en", "Hi, the initial order was activated back in 2024 in our tenant. No activation mail for the add-on seats."),
    ("en", "Hello, the enrollment was set up in our tenant two years ago; no new activation email this time."),
])
def test_an_earlier_activation_or_setup_of_the_enrollment_is_a_link(lang, text):
    assert read(text, lang).get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, für unsere erste Bestellung fehlt die Aktivierungsmail."),
    ("en", "Hi, the activation email for our first order never arrived."),
    ("en", "Hi, we want to set up the enrollment in our tenant, but no activation mail came."),
])
def test_the_first_orders_missing_mail_states_no_link(lang, text):
    assert "enrollment_linked" not in read(text, lang)
