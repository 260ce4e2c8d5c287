"""A subject pronoun read as the one person or thing the sentence before names (faq/tickets/
pronouns.py): new tickets in German and English, bundled knowledge base."""

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
    ("de", "Hallo, die Reservierung für 15 Lizenzen haben wir am 20.11.2026 aufgegeben. Sie ist immer noch nicht wirksam."),
    ("en", "Hi, we placed the reservation for 15 seats on 20 Nov 2026. It still hasn't taken effect."),
])
def test_it_after_the_reservation_is_the_reservation(lang, text):
    facts = read(text, lang)
    assert facts.get("reservation_effective") is False and facts.get("reservation_date") == date(2026, 11, 20)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, als OSM ist bei uns jana.k@mohnfeld.de eingetragen. Sie ist zugleich Abrechnungsadministratorin unseres Tenants."),
    ("de", "Hallo, unser OSM ist Herr Brandt. Er ist auch globaler Administrator im bestehenden Konto. Keine Aktivierungsmail."),
    ("en", "Hello, our Online Services Manager is jana.k@mohnfeld.de. She is also the global admin of our existing tenant."),
])
def test_a_person_pronoun_after_the_osm_is_the_osm(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben Lizenzen unter derselben Registrierung nachgekauft. Sie ist seit 2023 mit unserem Konto verknüpft."),
    ("en", "Hi, we bought more seats on the same enrollment. It has been tied to our tenant since 2023."),
])
def test_it_after_the_enrollment_is_the_enrollment(lang, text):
    assert read(text, lang).get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text"), [
    # two things or people named before: the pronoun may mean either
    ("de", "Hallo, unser OSM ist it@hafen.de, unser Admin ist Frau Roth. Sie ist globale Administratorin."),
    ("en", "Hi, our OSM is it@harbor.com and our admin is Priya. She is a global admin of the tenant."),
    ("en", "Hi, we have an enrollment and an order from March. It is linked to our tenant."),
    # plural "sie" (no singular verb), and the IT department
    ("de", "Hallo, die Registrierungen sind angelegt. Sie sind mit unserem Konto verknüpft."),
    ("en", "Hello, our reservation is from last week. IT is not sure whether anything took effect."),
])
def test_a_pronoun_that_points_nowhere_sure_states_nothing(lang, text):
    facts = read(text, lang)
    assert "osm_is_admin" not in facts and "reservation_effective" not in facts and "enrollment_linked" not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM ist bei uns Frau Lenz eingetragen, sie ist auch Abrechnungsadministratorin im Tenant."),
    ("en", "Hi, we entered our CFO as the OSM; she's the billing administrator of our tenant."),
])
def test_a_person_pronoun_after_the_osm_in_its_own_sentence_is_the_osm(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser OSM und unser Admin sind verschiedene Leute; er ist globaler Administrator."),
    ("en", "Hi, our OSM and our admin are two people; he is the global admin of the tenant."),
])
def test_a_person_pronoun_after_two_people_states_nothing(lang, text):
    assert "osm_is_admin" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Wir warten seit Tagen auf die Aktivierungsmail. Im VLSC sehe ich jetzt, dass sie an Frau Brandt ging, "
           "unsere frühere Assistentin.", "sent_to_other_contact", True),
    ("en", "We placed a reservation on Monday. The portal says that it is not effective yet.",
     "reservation_effective", False),
])
def test_a_pronoun_opening_a_that_clause_closed_by_a_singular_verb_is_its_subject(lang, text, fact, value):
    assert read(text, lang).get(fact) is value



@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Reservierung: am Montag angelegt\nStand: immer noch nicht wirksam\nAktivierungsmail: fehlt", False),
    ("en", "Reservation: created on Monday\nStatus: in effect since Tuesday\nActivation mail: missing", True),
])
def test_a_status_label_tells_of_the_thing_the_label_above_names(lang, text, value):
    assert read(text, lang).get("reservation_effective") is value


def test_a_status_label_alone_tells_of_nothing():
    assert read("Aktivierungsmail: fehlt\nStatus: nicht verarbeitet", "de").get("reservation_effective") is None


def test_a_pronoun_points_at_a_compound_by_its_head():
    text = "Die Lizenzreservierung haben wir vorgestern angelegt. Im VLSC steht, dass sie noch immer nicht verarbeitet ist."
    assert read(text, "de").get("reservation_effective") is False


@pytest.mark.parametrize("text", [
    "Hallo, die Registrierung ist nicht neu – unter der wurde 2024 schon ein Dienst aktiviert. Keine Aktivierungsmail.",
    "Hallo, wir haben Lizenzen nachgekauft. Die Registrierung gibt es schon lange. Über die haben wir 2025 schon Dienste aktiviert.",
])
def test_a_demonstrative_a_preposition_governs_is_the_thing_named_before(text):
    assert read(text, "de").get("enrollment_linked") is True


@pytest.mark.parametrize("text", [
    # two things named before: "die" may mean either
    "Hallo, die Registrierung und die Bestellung sind nicht neu – über die haben wir 2025 schon Dienste aktiviert.",
    # a noun follows: an article, not a pronoun
    "Hallo, die Registrierung haben wir im Mai erhalten – über die Reservierung haben wir 2025 schon Dienste aktiviert.",
])
def test_a_governed_demonstrative_that_points_nowhere_sure_states_nothing(text):
    assert "enrollment_linked" not in read(text, "de")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unsere Registrierung wurde letztes Jahr in unserem Konto aktiviert, daher ist sie verknüpft. Keine Aktivierungsmail."),
    ("en", "Hi, our enrollment was already activated against our online account last year, so it is linked. No activation email."),
])
def test_a_pronoun_in_a_later_clause_carries_the_sentences_subject_on(lang, text):
    assert read(text, lang).get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text"), [
    # the sentence opens with the order, not the enrollment: "it" is the order
    ("en", "Hi, our order was placed in March against our online account, so it is linked. No activation email."),
    # the sentence opens with two things as its subject: "it" may mean either
    ("en", "Hi, our license and our enrollment were bought in 2024, so it is linked. No activation email."),
])
def test_a_later_clause_pronoun_without_the_subject_named_first_states_nothing(lang, text):
    assert "enrollment_linked" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, no activation email. The domain is verified, it is in our tenant."),
    ("de", "Hallo, keine Aktivierungsmail. Die Domäne ist verifiziert, sie ist in unserem Tenant."),
])
def test_a_later_clause_pronoun_without_a_consequence_word_leaves_the_first_clause_standing(lang, text):
    assert read(text, lang).get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM ist t.weiss@lindenhof.de eingetragen. Diese Person ist auch Abrechnungsadministratorin im bestehenden Tenant."),
    ("en", "Hi, our OSM is t.weiss@lindenhof.com. This person is also the global admin of our current tenant."),
])
def test_a_demonstrative_with_person_after_the_osm_is_the_osm(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Reservierung für 12 Plätze ging am 20.11.2026 raus, wirksam geworden ist sie aber bis heute nicht."),
    ("de", "Guten Tag, wir haben die Reservierung am 20.11.2026 erstellt, wirksam ist sie noch immer nicht."),
    ("en", "Hi, we created the reservation on 20 Nov 2026, and effective it is still not."),  # English inverts so too
])
def test_a_thing_pronoun_in_a_later_clause_of_its_sentence_is_the_one_thing_named_before(lang, text):
    facts = read(text, lang)
    assert facts.get("reservation_effective") is False and facts.get("reservation_date") == date(2026, 11, 20)


@pytest.mark.parametrize(("lang", "text"), [
    # two things named before the pronoun's clause: which one is not effective is unsure
    ("de", "Hallo, Reservierung und Bestellung gingen am 20.11.2026 raus, wirksam ist sie aber nicht."),
])
def test_a_thing_pronoun_after_two_things_in_earlier_clauses_states_nothing(lang, text):
    assert "reservation_effective" not in read(text, lang)
