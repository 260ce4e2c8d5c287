"""A cue's words never say something together across two clauses or coordinated statements."""

import pytest

from faq.tickets.clauses import spans_clauses
from faq.tickets.tokens import tokenize


def across(text: str, first: str, last: str) -> bool:
    tokens = tokenize(text)
    words = [t.word for t in tokens]
    span = (words.index(first), words.index(last))
    return spans_clauses(tokens, words, text, span, (first, last))


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Ich bin globaler Administrator im Tenant, der OSM ist aber unser Einkäufer", "administrator", "osm"),
    ("Ich bin globaler Administrator, der OSM aber nicht", "administrator", "osm"),
    ("I am the global administrator; the OSM is our buyer", "administrator", "osm"),
])
def test_a_cue_across_two_clauses_says_nothing(text, first, last):
    assert across(text, first, last)


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Unser OSM ist globaler Administrator", "osm", "administrator"),
    ("Den Junk-Ordner haben wir geprüft", "junk", "geprueft"),  # a hyphen inside a word parts no clause
    ("Our OSM is also the global administrator of the tenant", "osm", "administrator"),
])
def test_a_cue_within_one_clause_holds(text, first, last):
    assert not across(text, first, last)


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Spam-Ordner leer, in der Lizenzzusammenfassung steht nichts", "leer", "lizenzzusammenfassung"),
    ("Junk folder empty, and the license summary lists nothing", "empty", "summary"),
])
def test_a_cues_last_word_closing_the_clause_before_says_nothing_with_the_rest(text, first, last):
    tokens = tokenize(text)
    words = [t.word for t in tokens]
    span = (words.index(first), words.index(last))
    assert spans_clauses(tokens, words, text, span, (last, first))


def test_a_subject_named_after_its_clause_keeps_the_cue_whole():
    text = "Ist bei uns seit Jahren verifiziert, die Domäne"
    tokens = tokenize(text)
    words = [t.word for t in tokens]
    span = (words.index("verifiziert"), words.index("domaene"))
    assert not spans_clauses(tokens, words, text, span, ("domaene", "verifiziert"))
