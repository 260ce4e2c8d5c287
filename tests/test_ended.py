"""A state told of a thing the same sentence says no longer exists states nothing
(faq/tickets/ended.py; new tickets, German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.triage import TriageResult, triage_text

KB, MATCHER = load()


def triage(text: str) -> TriageResult:
    return triage_text(text, KB, MATCHER, date(2026, 11, 24))


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Die Domäne war in unserem alten Testmandanten verifiziert, den haben wir gelöscht.",
    "Guten Tag, unsere Domain war in einem Test-Tenant bestätigt, der inzwischen aufgelöst ist. Die Aktivierungsmail fehlt.",
    "Hi, our domain was verified in our old test tenant, which I deleted. No activation email.",
    "Hello, no activation mail arrived. The domain had been verified in a trial tenant that was decommissioned in May.",
])
def test_a_verification_in_a_tenant_since_deleted_settles_nothing(text):
    r = triage(text)
    assert "domain_verified" not in r.facts
    assert r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Die Domäne ist in unserem Tenant verifiziert, die alte Testdomain haben wir gelöscht.",
    "Hi, no activation email. Our domain is verified in our tenant; we deleted an old test user last week.",
])
def test_something_else_deleted_leaves_the_verification_standing(text):
    r = triage(text)
    assert r.facts.get("domain_verified") is True
    assert r.cause == "domain-verified"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Die Verifizierung der Domäne ist fehlgeschlagen.",
    "Hallo, die Aktivierungsmail fehlt. Wir haben versucht, die Domain zu verifizieren, das hat aber nicht geklappt.",
    "Hi, no activation email. Domain verification is still pending in our tenant.",
    "Hi, no activation email. We tried to verify the domain but it failed.",
])
def test_a_verification_tried_or_under_way_settles_nothing(text):
    r = triage(text)
    assert r.facts.get("domain_verified") is not True
    assert r.cause is None


@pytest.mark.parametrize(("text", "fact"), [
    ("No activation email. Our enrollment was linked to a trial tenant, but support unlinked it last week.",
     "enrollment_linked"),
    ("No activation mail. The domain was verified in our demo tenant until we removed it.", "domain_verified"),
    ("Keine Aktivierungsmail. Die OSM-Adresse war mal globaler Admin in unserem Tenant.", "osm_is_admin"),
    ("No activation mail. The OSM address was once a global admin in our tenant.", "osm_is_admin"),
])
def test_a_state_undone_or_of_once_stays_open(text, fact):
    r = triage(text)
    assert fact not in r.facts
    assert r.cause is None
