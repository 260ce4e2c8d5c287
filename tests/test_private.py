"""An address the ticket calls private is not the OSM's when another one is named as registered
(new tickets, German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.search.matcher import Matcher
from faq.tickets.triage import triage_text

KB = load_knowledge_base()
MATCHER = Matcher(KB)


def triage(text: str):
    return triage_text(text, KB, MATCHER, date(2026, 11, 24))


@pytest.mark.parametrize(("text", "registered"), [
    ("Guten Tag, die Aktivierungsmail ist nicht da. OSM bei uns ist Frau Lenz; lenz@outlook.com ist nur ihre private "
     "Adresse, eingetragen ist a.lenz@lenz-bau.de.", "a.lenz@lenz-bau.de"),
    ("Hi, still no activation email. The OSM is Mia Hart - mia.hart@outlook.com is her personal mail, VLSC lists "
     "m.hart@hart-design.co.uk.", "m.hart@hart-design.co.uk"),
])
def test_a_private_address_beside_the_registered_one_is_not_the_osms(text, registered):
    r = triage(text)
    assert r.facts.get("osm_email") == registered and r.cause != "outlook-com-address"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Als OSM ist bei uns j.wolf@outlook.com eingetragen, das ist leider meine private Adresse.",
    "Hello, no activation email. Our OSM is listed as j.wolf@outlook.com, which is my personal address, sadly.",
])
def test_a_private_address_that_is_the_registered_one_stays_the_osms(text):
    r = triage(text)
    assert r.facts.get("osm_email") == "j.wolf@outlook.com" and r.cause == "outlook-com-address"
