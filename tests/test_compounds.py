"""A cue noun that only modifies another noun states nothing of itself (new tickets, German and
English, bundled knowledge base): "andere Registrierungsdaten" are no other enrollments."""

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
    "Guten Tag, nach der Verlängerung unseres EA kamen andere Registrierungsunterlagen als letztes Jahr. "
    "Der Organisationsname blieb gleich. Müssen wir die neue Registrierung aktivieren?",
    "Wir haben verlängert, die weiteren Registrierungsdetails schickt der Händler noch. Organisationsname wie bisher. "
    "Ist eine Aktivierung der neuen Registrierung nötig?",
    "Hello, after renewing our EA we received other enrollment paperwork than last year. The organization name is "
    "unchanged. Do we have to activate the new enrollment?",
    "We renewed, and the further enrollment details will follow from the reseller. Same organization name as before. "
    "Must the new enrollment be activated?",
])
def test_a_compound_with_enrollment_as_its_first_part_is_no_several_enrollments(text):
    r = triage(text)
    assert r.id == "renewal-activation"
    assert "multiple_enrollments_same_org" not in r.facts and r.cause != "activate-each-enrollment"


@pytest.mark.parametrize("text", [
    "Nach der Verlängerung: Wir haben unter dem EA weitere Registrierungen, alle mit dem gleichen Organisationsnamen. "
    "Müssen wir aktivieren?",
    "After the renewal: we have further enrollments under the EA, all with the same organization name. Do we need to activate?",
])
def test_several_enrollments_written_as_nouns_of_their_own_still_count(text):
    r = triage(text)
    assert r.facts.get("multiple_enrollments_same_org") is True and r.cause == "activate-each-enrollment"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail kommt nicht. Eine Verifizierungsanleitung für unsere Domäne habe ich bisher nicht gefunden.",
    "Hello, the activation email doesn't come. So far I haven't found a domain verification guide anywhere.",
])
def test_a_guide_to_verifying_the_domain_says_nothing_of_the_domain(text):
    r = triage(text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Guten Tag, keine Aktivierungsmail. Unser Reservierungsauftrag vom 19.11.2026 ist bis heute nicht verarbeitet.",
    "Hi, no activation email. Our reservation from 2026-11-19 still hasn't been processed.",
])
def test_a_reservation_order_is_the_reservation(text):
    r = triage(text)
    assert r.facts.get("reservation_effective") is False and r.cause == "reservation-not-processed"


def test_a_compound_with_a_number_as_its_head_names_the_enrollment():
    r = triage("Lizenzen nach der Aktivierung nicht sichtbar. Das Add-on haben wir auf einer anderen Registrierungsnr "
               "bestellt als unser Basisabo.")
    assert r.facts.get("base_same_enrollment") is False
