"""One sentence analysed for the fact reader (faq/tickets/sentence.py): a bracket that describes the
OSM right before it is read with it, any other bracket keeps a cue apart (new tickets in German and
English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

KB = load_knowledge_base()


def read(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), date(2026, 11, 26), lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Servus, unser OSM (die Chefin selbst, Abrechnungsadministratorin im Tenant) hat keine Aktivierungsmail.", True),
    ("de", "Hallo, die OSM-Adresse (kein globaler Admin, nur ein Funktionspostfach) hat nichts bekommen.", False),
    ("en", "Hi, our OSM (also the global admin of our existing tenant) never got an activation email.", True),
    ("en", "Hello, our Online Services Manager (not a global admin anywhere) received no activation mail.", False),
])
def test_a_bracket_after_the_osm_says_who_the_osm_is(lang, text, value):
    assert read(text, lang).get("osm_is_admin") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail: nicht im Posteingang und nicht im Junk-Ordner (alles geprüft)."),
    ("en", "Hi, no activation mail: not in the inbox and not in the junk folder (checked all)."),
])
def test_a_bracket_after_anything_else_is_a_comment_of_its_own(lang, text):
    assert read(text, lang).get("junk_checked") is True
