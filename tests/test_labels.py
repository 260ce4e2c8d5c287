"""Label-and-value lines (faq/tickets/labels.py): a label's value answers the cue that ends the label, a sample
or a bracket left open answers nothing, and a label goes on past an abbreviation's full stop."""

import pytest

from faq.tickets.labels import NO_ANSWER, label_value
from faq.tickets.tokens import tokenize


@pytest.mark.parametrize(("text", "expected"), [
    ("Reservierung verwalten: z. B. ja", None), ("Manage Reservation: e.g. yes", None),
    ("Basis unter gleicher Registrierung: na, läuft über die Mutter", False), ("Junk checked: nah", False),
    ("Junk-Ordner geprüft: na klar", NO_ANSWER),
])
def test_a_labels_sample_value_answers_nothing_and_a_spoken_no_denies(text, expected):
    tokens = tokenize(text)
    last = max(i for i, t in enumerate(tokens) if t.end <= text.index(":"))
    assert label_value(tokens, text, last) is expected


@pytest.mark.parametrize(("text", "word"), [
    ("Rolle: Onlineadministrator (Reservierungsrecht: nein)", "onlineadministrator"),
    ("Role: OSM (manage permission: no)", "osm"),
])
def test_a_label_does_not_go_on_into_a_bracket_it_leaves_open(text, word):
    # the colon inside the bracket answers the bracket's own label, not the word before it
    tokens = tokenize(text)
    assert label_value(tokens, text, [t.word for t in tokens].index(word)) is NO_ANSWER


@pytest.mark.parametrize(("text", "expected"), [
    ("Domain geprüft (bei Microsoft): nein", False),
    ("Domain verified (for our tenant): yes", True),
])
def test_a_label_goes_on_over_a_bracket_it_closes(text, expected):
    tokens = tokenize(text)
    assert label_value(tokens, text, 1) is expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Basis unter gleicher Reg.-Nr. wie das Add-on: nein", "nr", False),
    ("Gleiche Kto.-Nr. wie beim Basisabo: ja", "nr", True),
    ("Same agreement ref. as our base subscription: no", "ref", False),
    ("Gleiche Registrierung. Add-on: ja", "registrierung", NO_ANSWER),
    ("Same enrollment. Add-on: no", "enrollment", NO_ANSWER),
])
def test_a_label_goes_on_past_an_abbreviations_period_but_not_past_a_sentences(text, word, expected):
    # "Reg.-Nr. wie das Add-on: nein" answers the cue that ends at "Nr" by its no; a sentence's full stop ends the label
    tokens = tokenize(text)
    assert label_value(tokens, text, [t.word for t in tokens].index(word)) is expected
