"""Where a fact's context cues stand in a sentence, and which words name another event
(bundled knowledge base, new sentences in German and English)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.context import context_positions, event_positions
from faq.tickets.cues import lexicon_for
from faq.tickets.facts import extract_facts
from faq.tickets.tokens import tokenize

KB = load_knowledge_base()
LEX = lexicon_for(KB.vocabulary)
USAGE = next(f for f in KB.flow("missing-activation-email").facts if f.id == "usage_start")


def words(text: str) -> list[str]:
    return LEX.words(tokenize(text))


@pytest.mark.parametrize(("lang", "text", "at"), [
    ("de", "Laut Händler ist der Nutzungsbeginn der 3. Februar.", 4),
    ("de", "Bei uns beginnt die Nutzung am 3. Februar.", 2),
])
def test_a_usage_start_cue_is_found_where_it_stands(lang, text, at):
    assert context_positions(USAGE, lang, words(text), LEX) == [at]


def test_a_sentence_without_the_cue_has_no_context():
    assert context_positions(USAGE, "en", words("The order was placed on 3 February."), LEX) == []


def test_an_order_and_its_placing_name_an_event_a_date_may_belong_to():
    assert event_positions(None, words("The order was placed on 3 February."), LEX) == [1, 3]
    assert event_positions(None, words("Die Bestellung wurde am 3. Februar aufgegeben."), LEX) == [1, 6]


def test_a_word_of_the_facts_own_context_names_no_other_event():
    assert event_positions(USAGE, words("Die Bestellung beginnt am 3. Februar."), LEX) == []


# -- the OSM named only as where the mail did not go --------------------------------------------


def osm_facts(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), date(2026, 11, 26), lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, laut VLSC ging die Aktivierungsmail an tom.weiss@outlook.com statt an unseren OSM."),
    ("de", "Hallo, die Aktivierungsmail wurde an tom.weiss@outlook.com geschickt und nicht an unseren OSM."),
    ("en", "Hi, VLSC shows the activation email was sent to tom.weiss@outlook.com, not to our OSM."),
    ("en", "Hi, the activation mail went to tom.weiss@outlook.com instead of the OSM."),
])
def test_an_address_the_mail_went_to_instead_of_the_osm_is_not_the_osms(lang, text):
    facts = osm_facts(text, lang)
    assert "osm_email" not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Aktivierungsmail kommt nicht an, OSM-Adresse ist tom.weiss@outlook.com."),
    ("en", "Activation mail not arriving, OSM address is tom.weiss@outlook.com."),
])
def test_a_negation_in_the_clause_before_leaves_the_osm_named(lang, text):
    facts = osm_facts(text, lang)
    assert facts.get("osm_email") == "tom.weiss@outlook.com"
