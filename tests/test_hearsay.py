"""What another person tells the writer, denied by what the writer sees, states nothing (new
tickets, German and English, bundled knowledge base); what a system shows still does."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.search.matcher import Matcher
from faq.tickets.triage import triage_text

KB = load_knowledge_base()
MATCHER = Matcher(KB)


def triage(text: str):
    return triage_text(text, KB, MATCHER, date(2026, 11, 24))


@pytest.mark.parametrize("text", [
    "Moin, unsere Kollegin aus dem Einkauf meint, ich hätte als OSM inzwischen die Berechtigung Reservierung verwalten. "
    "In meinem VLSC finde ich davon aber nichts. Kann ich Lizenzen reservieren?",
    "Laut unserem Vertragsadministrator bin ich jetzt OSM mit Reservierung verwalten, die Reservierungsfunktion sehe ich "
    "aber nicht. Was fehlt?",
    "Hi, our reseller told me I'm now an OSM with the Manage Reservation permission, but the reservation option doesn't "
    "show up for me. Can I reserve seats?",
    "According to our agreement admin I have Manage Reservation as OSM. I can't find it anywhere in VLSC though. What now?",
])
def test_a_person_saying_the_writer_has_a_permission_they_cannot_see_states_no_role(text):
    r = triage(text)
    assert r.id == "osm-reservations"
    assert r.facts.get("role") != "osm-manage-reservations" and r.cause != "can-reserve"


@pytest.mark.parametrize("text", [
    "Im VLSC steht, dass ich als OSM die Berechtigung Reservierung verwalten habe. Kann ich Onlinedienste reservieren?",
    "VLSC shows that I have the Manage Reservation permission as OSM. Can I reserve online services?",
])
def test_what_the_system_shows_is_no_hearsay(text):
    r = triage(text)
    assert r.facts.get("role") == "osm-manage-reservations" and r.cause == "can-reserve"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Laut unserem Händler ist die Bestellung längst platziert, in der Lizenzzusammenfassung "
    "sehe ich aber nichts.",
    "Hi, no activation email. Our reseller says the order is placed, but I see nothing in the license summary.",
])
def test_a_persons_word_on_the_order_that_the_writer_cannot_see_states_nothing(text):
    r = triage(text)
    assert "order_placed" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Laut unserem Händler ist die Bestellung platziert, die Lizenzen sehe ich auch in der "
    "Lizenzzusammenfassung.",
    "Hi, no activation email. Our reseller says the order is placed, and I can see the licenses in the license summary.",
])
def test_a_persons_word_the_writer_sees_confirmed_keeps_the_fact(text):
    assert triage(text).facts.get("order_placed") is True


@pytest.mark.parametrize("text", [
    "Hallo, der Händler sagt, die Mail sei an einen anderen Kontakt gegangen. Im VLSC werde aber nur ich als Kontakt "
    "angezeigt. Keine Aktivierungsmail bisher.",
    "Hello, our reseller says the mail went to another contact, but VLSC shows only me as the contact. No activation "
    "mail so far.",
])
def test_a_person_saying_the_mail_went_elsewhere_when_only_the_writer_is_shown_settles_nothing(text):
    r = triage(text)
    assert "sent_to_other_contact" not in r.facts
    assert r.cause is None


def test_the_mail_gone_to_another_contact_stated_by_the_writer_still_settles():
    r = triage("Hallo, keine Aktivierungsmail. Im VLSC sehe ich, dass die Mail an einen anderen Kontakt gegangen ist.")
    assert r.facts.get("sent_to_other_contact") is True
    assert r.cause == "sent-to-other-contact"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Die Reservierung vom 20.11.2026 ist nicht wirksam, schreibt unser Händler. "
    "Im VLSC steht sie aber als wirksam.",
    "Hallo, keine Aktivierungsmail. Am 20.11.2026 reserviert. Die Reservierung ist noch nicht wirksam, sagt die "
    "Hotline – ich sehe sie im VLSC aber als wirksam.",
    "Hi, no activation email. The reservation we placed on 2026-11-20 isn't effective according to our reseller, "
    "but VLSC shows it as effective.",
])
def test_a_no_a_person_says_that_the_writer_sees_otherwise_settles_nothing(text):
    r = triage(text)
    assert "reservation_effective" not in r.facts
    assert r.cause is None


def test_a_no_told_after_a_person_without_a_contrary_showing_still_settles():
    r = triage("Hallo, keine Aktivierungsmail. Die Reservierung vom 20.11.2026 ist noch nicht wirksam, das sehe ich "
               "auch im VLSC.")
    assert r.facts.get("reservation_effective") is False
    assert r.cause == "reservation-not-processed"


@pytest.mark.parametrize("text", [
    "Hallo, unser Händler hat angedeutet, der Dienst sei in unserem Land nicht verfügbar, die Liste von Microsoft zeigt "
    "ihn aber als verfügbar. Nach der Aktivierung fehlen die Lizenzen.",
    "Hi, our reseller suggested the service is not available in our country, but Microsoft's list shows it as available. "
    "The licences are missing after activation.",
])
def test_a_hint_a_person_gives_that_a_system_shows_otherwise_states_nothing(text):
    r = triage(text)
    assert r.facts.get("service_in_country") is not False
    assert r.cause != "country-not-launched"


@pytest.mark.parametrize("text", [
    "Hallo, mir wurde mitgeteilt, ich sei als OSM jetzt mit der Berechtigung Reservierung verwalten eingetragen. Im VLSC "
    "sehe ich davon aber nichts. Kann ich reservieren?",
    "Hello, I'm listed as OSM. I was told I now hold the Manage Reservation permission, but I can't find it in VLSC. "
    "May I reserve?",
])
def test_an_unnamed_persons_saying_in_the_passive_that_the_writer_cannot_see_states_no_role(text):
    r = triage(text)
    assert r.facts.get("role") != "osm-manage-reservations" and r.cause != "can-reserve"


@pytest.mark.parametrize("text", [
    "Hallo, unsere IT sagt, ich bin VLSC-Administrator. Darf ich damit Onlinedienste reservieren?",
    "Guten Tag, laut unserer Lizenzabteilung bin ich Online-Administrator. Kann ich Lizenzen reservieren?",
    "Hi, my manager says I am the OLA for our enrollment. Am I allowed to reserve seats?",
    "Hello, I was told I'm a VLSC administrator. Can I make reservations?",
])
def test_a_role_the_writer_holds_only_by_a_persons_word_is_not_read(text):
    r = triage(text)
    assert r.id == "osm-reservations" and "role" not in r.facts and r.cause is None


@pytest.mark.parametrize(("text", "role"), [
    ("Hallo, ich bin VLSC-Administrator. Darf ich Onlinedienste reservieren?", "vlsc-admin"),
    ("Hi, I am the OLA for our enrollment. Am I allowed to reserve seats?", "ola"),
])
def test_a_role_the_writer_states_is_read(text, role):
    assert triage(text).facts.get("role") == role
