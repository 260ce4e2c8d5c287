"""Cues read over more than one place: "the same enrollment" pointing back, paired cues (bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.facts import extract_facts

KB = load_knowledge_base()
TODAY = date(2026, 11, 24)


def facts(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(text, KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Über die Registrierung 3301xxxx haben wir 2025 Exchange Online aktiviert. Nun haben wir über dieselbe "
           "Registrierung Project Plan 3 gekauft."),
    ("en", "We activated Exchange Online from enrollment 3301xxxx in 2025. Now we bought Project Plan 3 on the same "
           "enrollment."),
])
def test_the_same_enrollment_takes_the_activation_named_before(lang, text):
    assert facts("missing-activation-email", text, lang).get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Über die Registrierung 3301xxxx haben wir 2025 Exchange Online aktiviert. Nun haben wir Project Plan 3 "
           "nicht über dieselbe Registrierung gekauft, sondern über eine neue."),
    ("en", "We activated Exchange Online from enrollment 3301xxxx in 2025. Project Plan 3 was not bought on the same "
           "enrollment but on a new one."),
])
def test_not_the_same_enrollment_is_no_earlier_activation(lang, text):
    assert facts("missing-activation-email", text, lang).get("enrollment_linked") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Das Basisabonnement steht auf der neuen Registrierung, das Add-on dagegen auf der alten Registrierung."),
    ("en", "The base subscription is on the new enrollment, the add-on however on the old enrollment."),
])
def test_a_paired_cue_needs_both_halves(lang, text):
    assert facts("licenses-not-visible", text, lang).get("base_same_enrollment") is False
    assert "base_same_enrollment" not in facts("licenses-not-visible", text.split(",")[0] + ".", lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Reservierung am Montag im VLSC angelegt, ist bis heute nicht durch (Status offen). Keine Mail."),
    ("en", "Hello, reservation placed in VLSC on Monday, is still not through (status open). No email."),
])
def test_a_reservation_going_on_into_a_clause_without_its_own_subject_is_not_effective(lang, text):
    assert facts("missing-activation-email", text, lang).get("reservation_effective") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Reservierung haben wir am Montag angelegt, die Aktivierungsmail ist noch nicht durch."),
    ("en", "Hello, we placed the reservation on Monday, the activation email is still not through."),
])
def test_a_clause_with_a_subject_of_its_own_says_nothing_of_the_reservation(lang, text):
    assert "reservation_effective" not in facts("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, für die Zusatzbestellung kam keine Aktivierungsmail. Ist diese Lizenzierungs-ID schon mit einem Konto "
           "verknüpft? Ja, die ID ist seit dem Frühjahr mit unserem Onlinekonto verknüpft."),
])
def test_a_compound_named_again_by_its_last_part_is_the_compound(lang, text):
    assert facts("missing-activation-email", text, lang).get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Das Add-on fehlt. Das Basisabo läuft unter Registrierung 4411xxxx, das Add-on unter Registrierung 5820xxxx.", False),
    ("en", "The add-on is missing. The base is on enrollment 6120****, the add-on on enrollment 7342****.", False),
    ("en", "The add-on is missing. The base is on enrollment 6120xxxx, the add-on on enrollment 6120xxxx.", None),
])
def test_masked_numbers_compare_by_the_digits_they_show(lang, text, value):
    assert facts("licenses-not-visible", text, lang).get("base_same_enrollment") is value


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Keine Aktivierungsmail.\n- Reservierung: am 03.11.2026 angelegt, ist wirksam\n- Junk: geprüft", True),
    ("de", "Keine Aktivierungsmail.\n- Reservierung: am 03.11.2026 angelegt, ist noch nicht wirksam\n- Junk: geprüft", False),
    ("en", "No activation mail.\n- Reservation: placed on 3 November 2026, is effective\n- Junk: checked", True),
])
def test_a_label_heads_what_its_line_says(lang, text, value):
    assert facts("missing-activation-email", text, lang).get("reservation_effective") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Add-on-Lizenzen fehlen. Unser Basisabo steht auf einer anderen, eigenen Registrierung, nicht auf der des Add-ons."),
    ("de", "Die Add-on-Lizenzen fehlen. Das Basisabo läuft über eine andere, ältere Registrierung als das Add-on."),
])
def test_a_second_adjective_keeps_the_qualifier_with_its_noun(lang, text):
    assert facts("licenses-not-visible", text, lang).get("base_same_enrollment") is False


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "Hi, the licences we miss are an add-on (Visio). Base enrollment 5xxxx214, add-on enrollment 5xxxx873.", False),
    ("de", "Hallo, die fehlenden Lizenzen sind ein Add-on. Basis Registrierung 61xxx02, Add-on Registrierung 74xxx02.", False),
    ("en", "Hi, the licences we miss are an add-on (Visio). Base enrollment 5xxxx214, add-on enrollment 5xxxx214.", None),
])
def test_numbers_masked_in_the_middle_are_compared_by_the_digits_shown(lang, text, value):
    assert facts("licenses-not-visible", text, lang).get("base_same_enrollment") is value
