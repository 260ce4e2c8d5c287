"""Finding a cue's words in a sentence: typos and compounds after the quick check on the whole
sentence, and the clause that holds all of a cue's words."""

import pytest

from faq.tickets.cuefind import ADJACENT, Cue, Words, find_cue, mark_alternatives, word_matches
from faq.tickets.tokens import tokenize


@pytest.mark.parametrize(("cue", "sentence"), [
    ("verifiziert", "die domaene ist verifiziet"),   # a letter left out of the second half
    ("verifiziert", "die domaene ist verfiziert"),   # and of the first
    ("reservierung", "die resevierung ist wirksam"),  # a letter left out of the first half
    ("junk", "im junkordner nachgesehen"),
    ("=osm", "unser osms sind"),
])
def test_the_sentence_check_keeps_every_match_of_a_word(cue, sentence):
    words = Words(sentence.split())
    assert words.hits(cue) == [i for i, w in enumerate(words) if word_matches(cue, w)] != []


def test_a_cue_is_found_in_the_later_clause_that_holds_all_its_words():
    words = ["addon", "neu", "registrierung", "while", "basis", "liegt", "alt", "registrierung"]
    assert find_cue(("basis", "alt", "registrierung"), words) == (4, 7)


def _adjacent(*words: str) -> Cue:
    cue = Cue(words)
    cue.mode = ADJACENT
    return cue


def _marked(text: str) -> Words:
    tokens = tokenize(text)
    return mark_alternatives(Words(t.word for t in tokens), tokens, text)


@pytest.mark.parametrize("text", ["Lizenz/Abonnement aktiv: ja", "Lizenz / Abonnement aktiv: ja", "licence/subscription active: yes"])
def test_an_in_order_cue_passes_over_an_alternative_a_slash_joins(text):
    cue = _adjacent("lizenz", "aktiv") if "aktiv:" in text and "Lizenz" in text else _adjacent("licence", "active")
    assert find_cue(cue, _marked(text), 1, frozenset()) is not None


@pytest.mark.parametrize("text", ["Lizenz Abonnement aktiv: ja", "Lizenz, Abonnement aktiv: ja"])
def test_an_in_order_cue_does_not_pass_over_a_word_no_slash_joins(text):
    assert find_cue(_adjacent("lizenz", "aktiv"), _marked(text), 1, frozenset()) is None


def test_short_answers_a_slash_joins_are_no_alternatives():
    assert find_cue(_adjacent("geprueft", "nein"), _marked("geprüft ja/nein"), 1, frozenset()) is None
