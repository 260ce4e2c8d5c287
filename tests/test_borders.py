"""Clause borders (faq/tickets/borders.py): where a negation, a hedge or a cue stops reading."""

import pytest

from faq.tickets.borders import breaks_clause, clause_bounds, denies_a_noun, opened_by, phrases
from faq.tickets.tokens import tokenize


def clause_of(text: str, word: str, breaks: str = "clause_breaks") -> str:
    tokens = tokenize(text)
    at = next(i for i, t in enumerate(tokens) if t.word == word)
    lo, hi = clause_bounds(tokens, text, at, at, breaks)
    return " ".join(t.word for t in tokens[lo:hi + 1])


def test_a_comma_and_a_clause_word_end_the_clause():
    text = "Die Domäne ist nicht verifiziert, aber den Junk-Ordner haben wir geprüft."
    assert clause_of(text, "verifiziert") == "die domaene ist nicht verifiziert"
    assert clause_of(text, "geprueft") == "aber den junk ordner haben wir geprueft"


def test_a_spaced_dash_ends_a_clause_a_dash_in_a_word_does_not():
    assert breaks_clause(" - ") and not breaks_clause("-")
    assert clause_of("Junk-Ordner durchsucht - nichts gefunden", "durchsucht") == "junk ordner durchsucht"


def test_aber_inside_a_clause_after_verb_and_subject_opens_none():
    text = "Im VLSC bin ich aber nur normaler Benutzer"
    assert clause_of(text, "benutzer") == "im vlsc bin ich aber nur normaler benutzer"


def test_aber_after_verb_and_an_article_with_its_noun_opens_none():
    text = "Vielleicht ist die Mail aber an jemand anderen gegangen"
    assert clause_of(text, "gegangen") == "vielleicht ist die mail aber an jemand anderen gegangen"
    assert clause_of("Die Mail kam nicht, aber die Domäne ist neu", "neu") == "aber die domaene ist neu"


def test_a_hedge_alone_in_the_first_clause_opens_the_sentence():
    text = "Perhaps, the mail went to someone else."
    tokens = tokenize(text)
    assert opened_by(tokens, text, 5, "hedges")
    text = "Perhaps, but the mail went to someone else."
    assert not opened_by(tokenize(text), text, 6, "hedges")
    text = "Perhaps the mail, as I said, went to someone else."
    assert not opened_by(tokenize(text), text, 8, "hedges")


def test_with_contrasts_only_a_contrast_or_semicolon_breaks():
    text = "We checked the junk folder, the domain is verified but the mail never came"
    assert clause_of(text, "junk", "contrasts") == "we checked the junk folder the domain is verified"


def test_a_long_sentence_gives_the_same_borders_as_a_short_walk():
    clauses = ["die Mail kam nicht an", "der Junk-Ordner ist leer", "die Domäne ist neu"] * 6
    text = ", ".join(clauses) + "."
    tokens = tokenize(text)
    assert len(tokens) > 40  # the borders are found once and looked up
    at = next(i for i, t in enumerate(tokens) if t.word == "leer")
    lo, hi = clause_bounds(tokens, text, at, at)
    assert " ".join(t.word for t in tokens[lo:hi + 1]) == "der junk ordner ist leer"


def test_phrases_are_grouped_by_their_first_word():
    table = phrases("beliefs")
    assert table and all(all(p[0] == first for p in ps) for first, ps in table.items())


@pytest.mark.parametrize(("text", "denies"), [
    ("our old trial tenant, not the real one", True),
    ("unser alter Einkäufer, nicht unser OSM", True),
    ("the new one is not", False),
    ("die neue nicht, wir prüfen das", False),
])
def test_a_negation_before_a_noun_of_its_own_denies_a_thing(text, denies):
    tokens = tokenize(text)
    assert denies_a_noun(tokens, 0, len(tokens)) is denies


def test_yet_or_though_with_no_punctuation_before_them_is_an_adverb_of_the_clause():
    text = "The tenant is not linked yet as far as we can tell"
    assert clause_of(text, "linked", "contrasts") == "the tenant is not linked yet as far as we can tell"
    text = "The order was placed, yet no activation mail has come"
    assert clause_of(text, "placed", "contrasts") == "the order was placed"


def test_aber_after_verb_preposition_and_pronoun_opens_no_clause():
    text = "Reservierung verwalten ist bei uns aber nicht freigeschaltet"
    assert clause_of(text, "freigeschaltet") == "reservierung verwalten ist bei uns aber nicht freigeschaltet"


@pytest.mark.parametrize(("text", "last"), [
    ("Die Berechtigung ist bei uns jedoch nicht gesetzt", "gesetzt"),
    ("Das Recht wurde mir aber nie erteilt", "erteilt"),
])
def test_a_contrast_after_the_writer_as_object_stays_in_the_clause(text, last):
    assert clause_of(text, last) == text.lower()


def test_a_contrast_after_a_noun_or_a_comma_opens_a_clause():
    assert clause_of("Ich bin OSM aber mir fehlt die Berechtigung", "fehlt") == "aber mir fehlt die berechtigung"
    assert clause_of("Das gilt bei mir, aber nicht bei den Kollegen", "kollegen") == "aber nicht bei den kollegen"
