"""The bundled flows say only what the seed says (issue 16), in German and English.

Each test is a customer's situation, read from a ticket (`triage_text`) or given as
facts (`diagnose`), and what the bundled knowledge base answers to it.
"""

from datetime import date, timedelta

import pytest

from faq.errors import InputError
from faq.flows.engine import NEEDS_INPUT, RESOLVED, UNRESOLVED, diagnose
from faq.flows.values import parse_choice
from faq.kb.loader import load_knowledge_base
from faq.search.matcher import Matcher
from faq.tickets.triage import triage_text

KB = load_knowledge_base()
MATCHER = Matcher(KB)
TODAY = date(2026, 11, 24)
SUBJECTS = {
    "de": ("Vervollständigen Ihres Profils zum Einrichten Ihrer Dienste",
           "Melden Sie sich an, oder registrieren Sie sich, um mit der Verwendung Ihres neuen Abonnements zu beginnen."),
    "en": ("Complete your profile to set up your services", "Sign in or sign up to start using your new subscription."),
}


def flow(flow_id: str):
    found = KB.flow(flow_id)
    assert found is not None
    return found


def triage(text: str):
    return triage_text(text, KB, MATCHER, TODAY)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


# -- 1. only the seed's roles may reserve ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Ich bin globaler Administrator unseres Tenants und möchte im VLSC eine Lizenzreservierung abschließen. Geht das?",
    "Ich bin Vereinbarungsadministrator und möchte eine Lizenzreservierung abschließen. Geht das?",
    "Ich bin Vereinbarungsadministrator unseres EA und möchte im VLSC eine Lizenzreservierung abschließen. Geht das?",
    "Ich bin Administrator und möchte eine Lizenzreservierung im VLSC abschließen.",
    "I'm the global administrator of our tenant and would like to complete a license reservation in VLSC. Can I?",
    "I am the agreement administrator and want to complete a license reservation. Is that possible?",
])
def test_an_admin_role_the_seed_does_not_list_is_not_told_it_can_reserve(text: str) -> None:
    r = triage(text)
    assert r.match.flow == "reservation-permission"
    assert r.cause != "can-reserve" and r.facts.get("role") != "vlsc-admin"
    assert r.next is not None and r.next["fact"] == "role"  # asked for the role in VLSC instead


@pytest.mark.parametrize("answer", ["admin", "Administrator", "globaler Administrator", "Vereinbarungsadministrator",
                                    "global admin", "agreement administrator"])
def test_a_bare_admin_answer_is_no_vlsc_admin(answer: str) -> None:
    role = flow("reservation-permission").fact("role")
    with pytest.raises(InputError):
        parse_choice(role, answer)


@pytest.mark.parametrize(("text", "role"), [
    ("Ich bin VLSC-Administrator und möchte eine Reservierung abschließen.", "vlsc-admin"),
    ("I am a VLSC admin and want to complete a reservation.", "vlsc-admin"),
    ("Ich bin OSM mit der Berechtigung Reservierung verwalten. Kann ich reservieren?", "osm-manage-reservations"),
])
def test_the_listed_roles_can_reserve(text: str, role: str) -> None:
    r = triage(text)
    assert (r.facts.get("role"), r.cause) == (role, "can-reserve")


# -- 2. nothing follows from a different organisation name alone -----------------------------


def test_a_different_organisation_name_alone_asks_for_the_enrollments() -> None:
    renewal = flow("renewal-activation")
    diag = diagnose(renewal, {"same_org_name": False}, TODAY)
    assert diag.status == NEEDS_INPUT and diag.next_fact.id == "multiple_enrollments_same_org"
    diag = diagnose(renewal, {"same_org_name": False, "multiple_enrollments_same_org": False}, TODAY)
    assert diag.cause == UNRESOLVED
    assert "anderen Organisationsnamen" in diag.resolution.text.de
    assert "different organization name" in diag.resolution.text.en
    assert diag.resolution.contact_kind == "support"


@pytest.mark.parametrize("text", [
    "Wir haben unsere Registrierung erneuert und dabei einen anderen Organisationsnamen verwendet. Müssen wir die neue Registrierung aktivieren?",
    "We renewed our enrollment with a different organization name. Do we have to activate the new enrollment?",
])
def test_renewal_ticket_with_another_name_is_not_told_to_activate(text: str) -> None:
    r = triage(text)
    assert r.cause != "activate-each-enrollment"


# -- 3. ordering more is not an activation before ------------------------------------------


@pytest.mark.parametrize("text", [
    "Wir haben zum ersten Mal zusätzliche Lizenzen für einen neuen Dienst bestellt, aber keine Aktivierungsmail bekommen.",
    "Nach unserer Nachbestellung kam keine Aktivierungs-E-Mail.",
    "Zu unserer früheren Bestellung haben wir weitere Lizenzen bestellt, aber keine Aktivierungsmail erhalten.",
    "We ordered additional licenses for a new service for the first time but never got an activation email.",
    "We placed another order on top of a previous order and received no activation email.",
])
def test_more_licenses_ordered_is_no_linked_enrollment(text: str) -> None:
    r = triage(text)
    assert r.match.flow == "missing-activation-email"
    assert "enrollment_linked" not in r.facts and r.cause != "enrollment-already-linked"


@pytest.mark.parametrize("text", [
    "Der Dienst wurde bereits aus einer früheren Bestellung aktiviert. Für die neuen Lizenzen kam keine Aktivierungsmail.",
    "The service was already activated from a previous order. No activation email came for the new licenses.",
])
def test_a_service_activated_before_is_a_linked_enrollment(text: str) -> None:
    r = triage(text)
    assert r.facts.get("enrollment_linked") is True and r.cause == "enrollment-already-linked"


# -- 4. a link problem always has a contact ------------------------------------------------


@pytest.mark.parametrize("purchase", [ago(10), ago(400), "unknown"])
def test_every_outcome_of_a_link_problem_names_support(purchase) -> None:
    from faq.flows.values import UNKNOWN

    expiry = flow("activation-link-expiry")
    diag = diagnose(expiry, {"purchase_date": UNKNOWN if purchase == "unknown" else purchase}, TODAY)
    assert diag.status == RESOLVED
    res = diag.resolution
    assert res.contact_kind == "support"
    assert "Support" in res.contact.de and "support" in res.contact.en.lower()
    assert "Keine Kontaktaufnahme" not in res.contact.de and "No one" not in res.contact.en


# -- 5. 25 hours, not days -------------------------------------------------------------------

NO_OTHER_REASON = {"osm_email": "it@beispiel-ag.de", "domain_verified": False, "osm_is_admin": False,
                   "enrollment_linked": False, "usage_start": ago(30), "order_placed": True,
                   "sent_to_other_contact": False, "junk_checked": True, "reservation_effective": False}


def test_a_reservation_of_yesterday_asks_for_the_hours() -> None:
    mae = flow("missing-activation-email")
    diag = diagnose(mae, {**NO_OTHER_REASON, "reservation_date": ago(1)}, TODAY)
    assert diag.status == NEEDS_INPUT and diag.next_fact.id == "reservation_over_25h"
    assert "25 Stunden" in diag.next_fact.question.de and "25 hours" in diag.next_fact.question.en


def test_a_reservation_not_processed_in_25_hours_names_the_vlsc_support_team() -> None:
    mae = flow("missing-activation-email")
    for facts in ({"reservation_date": ago(1), "reservation_over_25h": True}, {"reservation_date": ago(3)}):
        diag = diagnose(mae, {**NO_OTHER_REASON, **facts}, TODAY)
        assert diag.cause == "reservation-not-processed"
        res = diag.resolution
        assert "Supportteam von VLSC" in res.contact.de and "Supportteam von VLSC" in res.steps["de"][0]
        assert "VLSC support team" in res.contact.en and "VLSC support team" in res.steps["en"][0]


def test_a_young_reservation_gets_no_contradicting_steps() -> None:
    mae = flow("missing-activation-email")
    for facts in ({"reservation_date": ago(0)}, {"reservation_date": ago(1), "reservation_over_25h": False}):
        diag = diagnose(mae, {**NO_OTHER_REASON, **facts}, TODAY)
        assert diag.cause == UNRESOLVED
        res = diag.resolution
        assert "warten Sie" not in res.text.de.lower() and "wait" not in res.text.en.lower()
        assert "Supportteam von VLSC" in res.steps["de"][0] and "25 Stunden" in res.steps["de"][0]
        assert "VLSC support team" in res.steps["en"][0] and "25 hours" in res.steps["en"][0]


@pytest.mark.parametrize("text", [
    "Hallo, wir haben gestern eine Reservierung aufgegeben, sie ist seit mehr als 25 Stunden nicht wirksam und es kam keine Aktivierungsmail.",
    "Hi, we placed a reservation yesterday morning, more than 25 hours ago, and it has not taken effect. No activation email.",
])
def test_ticket_of_a_reservation_over_25_hours(text: str) -> None:
    r = triage(text)
    assert r.facts.get("reservation_over_25h") is True and r.cause == "reservation-not-processed"


# -- 6. the licenses fallback names no cause -----------------------------------------------


def test_ruling_out_the_listed_reasons_proves_no_cause() -> None:
    lnv = flow("licenses-not-visible")
    assert lnv.fallback is None and lnv.cause("incompatible-subscriptions") is None
    diag = diagnose(lnv, {"usage_start": ago(10), "is_addon": False, "right_account": True,
                          "service_in_country": True}, TODAY)
    assert diag.cause == UNRESOLVED and diag.possible == ()
    res = diag.resolution
    assert "Support muss" in res.text.de and "Support has to" in res.text.en
    assert "kompatibel" not in res.title.de + res.text.de and "compatible" not in res.title.en + res.text.en
    assert res.contact_kind == "support"


# -- 7. smaller points -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_both_subject_lines_where_the_mail_is_quoted(lang: str) -> None:
    mae = flow("missing-activation-email")
    junk = mae.cause("junk-folder").resolution.steps[lang][0]
    junk_help = mae.fact("junk_checked").help.get(lang)
    renewal = flow("renewal-activation").cause("activate-each-enrollment").resolution.steps[lang][0]
    for text in (junk, junk_help, renewal):
        assert all(subject in text for subject in SUBJECTS[lang]), text


def test_the_volume_licensing_administrator_is_not_the_agreement_administrator() -> None:
    mae = flow("missing-activation-email")
    for cause_id in ("outlook-com-address", "sent-to-other-contact"):
        res = mae.cause(cause_id).resolution
        assert "Volumenlizenzierungsadministrator" in res.contact.de and res.contact_kind == "vl-admin"
    res = flow("reservation-permission").cause("needs-reservation-permission").resolution
    assert "Vereinbarungsadministrator" in res.contact.de and res.contact_kind == "agreement-admin"


def test_support_helps_you_reassign_the_licenses() -> None:
    res = flow("licenses-not-visible").cause("wrong-account").resolution
    entry = KB.entry("wrong-account-activated")
    assert "damit Sie Ihre Lizenzen dem richtigen Konto neu zuordnen können" in res.text.de + entry.answer["de"][0].text
    assert "so that you can reassign your licenses" in res.text.en + entry.answer["en"][0].text
    for text in (res.text.de, entry.answer["de"][0].text, entry.contact.de):
        assert "Der Support kann" not in text and "ordnet die Lizenzen" not in text
    assert "reassigns" not in entry.contact.en and "helps you reassign" in entry.contact.en


def test_manage_reservation_is_named_alike_in_entry_and_flow() -> None:
    entry = KB.entry("osm-reservations")
    texts = [item for block in entry.answer["en"] for item in (block.text, *block.items)]
    rp = flow("reservation-permission")
    texts += [c.label.en for c in rp.fact("role").choices] + [rp.cause("can-reserve").resolution.text.en]
    assert any('"Manage Reservation"' in t for t in texts)
    assert not any("Manage reservations" in t for t in texts)
