"""A sentence whose subject is another company of the group or another tenant tells that side's case
when the writer then turns to their own (faq/tickets/sides.py); without that turn, or after it, the
facts are the case's."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str, flow: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "theirs"), [
    ("de", "Unsere Schwestergesellschaft hat ihre Reservierung am 02.11.2026 aufgegeben. Ich frage aber wegen "
           "unserer eigenen: keine Aktivierungsmail.", "missing-activation-email", "reservation_date", date(2026, 11, 2)),
    ("de", "Unser anderer Mandant hat das Problem, dass der Dienst im Land nicht angeboten wird. Ich melde mich "
           "aber wegen des Hauptmandanten, dort fehlen die Lizenzen.", "licenses-not-visible", "service_in_country", False),
    ("en", "Our subsidiary placed no order at all, so they got no mail. But ours was placed, and I still have no "
           "activation email.", "missing-activation-email", "order_placed", False),
    ("en", "Our second tenant has the licences on the wrong account. I'm writing about our own tenant though: "
           "licences not visible.", "licenses-not-visible", "right_account", False),
])
def test_another_sides_fact_is_not_the_cases(lang, text, flow, fact, theirs):
    assert read(text, lang, flow).get(fact) != theirs


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Unsere Tochterfirma hat am 02.11.2026 eine Reservierung aufgegeben. Die Aktivierungsmail für sie fehlt.",
     "missing-activation-email", "reservation_date", date(2026, 11, 2)),
    ("en", "Our subsidiary's licences are missing. The service is not available in the country of their account.",
     "licenses-not-visible", "service_in_country", False),
    ("de", "Unsere Tochterfirma hat keine Probleme. Bei uns aber ist der Junk-Ordner noch nicht geprüft.",
     "missing-activation-email", "junk_checked", False),
])
def test_a_side_written_for_or_the_writers_own_turn_still_states(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) == value


@pytest.mark.parametrize(("lang", "text", "fact", "theirs"), [
    ("de", "Unsere Schwesterfirma hat die Domäne schon verifiziert. Wir als Holding haben eine eigene Domäne, "
           "und die Aktivierungsmail fehlt.", "domain_verified", True),
    ("de", "Unsere Konzerntochter hat über ihre Registrierung bereits Dienste aktiviert, die ist verknüpft. "
           "Wir haben aber eine neue Registrierung und warten auf die Mail.", "enrollment_linked", True),
    ("en", "Our affiliate has its domain verified in its tenant already. We have our own domain and no activation "
           "mail arrived.", "domain_verified", True),
    ("en", "Our sister company activated services under its enrollment last year. We however signed a new "
           "enrollment and see no activation email.", "enrollment_linked", True),
])
def test_a_writer_who_then_claims_their_own_or_contrasts_as_we_turns_from_the_other_side(lang, text, fact, theirs):
    assert read(text, lang, "missing-activation-email").get(fact) != theirs


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Unsere Tochterfirma hat die Aktivierungsmail nicht bekommen. Wir haben im Spam-Ordner noch nicht "
           "nachgesehen.", "junk_checked", False),
    ("en", "Our subsidiary is missing its activation email. We have not checked the junk folder yet.", "junk_checked", False),
])
def test_a_writer_who_goes_on_for_the_other_side_still_states(lang, text, fact, value):
    assert read(text, lang, "missing-activation-email").get(fact) == value


@pytest.mark.parametrize(("lang", "text", "fact", "theirs"), [
    ("de", "Im Tenant unserer Niederlassung in Graz lief alles automatisch, dort ist die Domäne verifiziert. Aber für "
           "unsere neue Registrierung in Linz kommt keine Aktivierungsmail.", "domain_verified", True),
    ("en", "For our branch office tenant in Leeds the licences just appeared, the OSM there was a global admin. But for "
           "the new head-office enrollment no activation email came.", "osm_is_admin", True),
])
def test_a_branchs_tenant_the_writer_contrasts_with_another_setting_is_not_the_case(lang, text, fact, theirs):
    assert read(text, lang, "missing-activation-email").get(fact) != theirs


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "In unserem bestehenden Tenant ist die Domäne schon verifiziert. Aber im Postfach des OSM kam keine Mail an.",
     "domain_verified", True),
    ("en", "In our existing tenant the domain is already verified. But in the OSM's mailbox no mail arrived.",
     "domain_verified", True),
])
def test_the_cases_own_tenant_before_a_contrast_still_states(lang, text, fact, value):
    assert read(text, lang, "missing-activation-email").get(fact) == value


@pytest.mark.parametrize(("lang", "text", "fact", "theirs"), [
    ("de", "Unser Entwicklungs-Tenant hat die Domäne längst verifiziert. Für den Produktivtenant kam aber keine "
           "Aktivierungsmail an.", "domain_verified", True),
    ("en", "Our staging tenant has the OSM as a global admin. But for the live tenant no activation email ever came.",
     "osm_is_admin", True),
])
def test_a_test_or_dev_tenants_fact_is_not_the_cases_when_the_writer_turns_to_another_setting(lang, text, fact, theirs):
    assert read(text, lang, "missing-activation-email").get(fact) != theirs


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Unsere Tochter hat am 10.11.2026 reserviert, die Reservierung ist noch nicht wirksam. "
           "Wir selbst haben noch nichts reserviert."),
    ("en", "No activation email. Our subsidiary reserved on 10 November 2026 and the reservation is not effective yet. "
           "We ourselves have not reserved anything."),
])
def test_the_writer_as_we_ourselves_turns_from_a_group_companys_case(lang, text):
    facts = read(text, lang, "missing-activation-email")
    assert "reservation_date" not in facts and "reservation_effective" not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Lizenzen sichtbar. Die Muttergesellschaft hat im falschen Konto aktiviert, bei uns ist alles in Ordnung."),
    ("de", "Keine Lizenzen sichtbar. Die Mutter hat im falschen Konto aktiviert. Bei uns lief die Aktivierung normal."),
    ("en", "No licences visible. Our parent company activated on the wrong account, at our end everything is fine."),
])
def test_a_group_companys_wrong_account_before_the_writers_own_clause_is_theirs(lang, text):
    assert read(text, lang, "licenses-not-visible").get("right_account") is None
