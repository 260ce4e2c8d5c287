"""Finding a cue's words in a sentence: typos and compounds after the quick check on the whole
sentence, and the clause that holds all of a cue's words."""

import pytest

from faq.tickets.cuefind import Words, find_cue, word_matches


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
