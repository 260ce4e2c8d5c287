"""Settled causes told in unusual wording (round 27): a negated participle as a label's value
("Spam-Ordner: ungeprüft") (bundled knowledge base, new German and English tickets)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 26)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- a negated participle denies what the participle states ----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail ist nicht da.\nJunk-Ordner: bisher ungeprüft."),
    ("en", "Still no activation email.\nSpam folder: unchecked so far."),
])
def test_a_negated_participle_denies_the_check(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail ist nicht da. Junk-Ordner geprüft, Ursache unbekannt."),
    ("de", "Die Aktivierungsmail fehlt. Spam-Ordner geprüft, Absender unbedingt freigegeben."),
    ("en", "Still no activation email. Spam folder checked, reason unknown, filters unchanged."),
])
def test_a_word_that_only_begins_as_a_negated_participle_denies_nothing(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is True
