"""Tests of faq.language.phrases: listed phrases found as their compiled pattern finds them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from faq.language.phrases import Phrases


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The phrases as one alternative each, the longest first (what `focus._phrase_pattern` finds)."""
    alternatives = (r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _phrases(phrases: tuple[str, ...]) -> Phrases:
    return Phrases(sorted(phrases, key=len, reverse=True), lambda: _pattern(phrases))


def _same(phrases: tuple[str, ...], text: str) -> None:
    pattern, found = _pattern(phrases), _phrases(phrases)
    assert found.search(text) == (pattern.search(text) is not None)
    assert found.sub(text) == pattern.sub(" ", text)
    start = pattern.match(text)
    assert found.match_end(text) == (None if start is None else start.end())


_WORDS = ["wie", "geht", "'s", "weiter", "WIE", "Geht", "x-mal", "ÜBER", "über", "nun", "a"]
_SIGNS = [" ", "  ", "\n", "\t", ",", "?", "-", "'", "(", ")", "…", "–"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5),
       st.lists(st.sampled_from(_WORDS + _SIGNS), max_size=14).map("".join))
def test_phrases_of_words_and_signs_are_found_where_the_pattern_finds_them(phrases, text):
    _same(tuple(p.lower() for p in phrases), text)


_ODD = list("aisıſkK-.' äßẞÄ–\x00\x01_") + ["İ", "Σ", "σ", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_ODD), min_size=1, max_size=5), min_size=1, max_size=5),
       st.text(alphabet=st.sampled_from([*_ODD, "A", "S", "\n", ",", "x"]), max_size=30))
def test_letters_that_lower_case_reads_apart_from_the_pattern_are_left_to_it(phrases, text):
    listed = tuple(p.lower() for p in phrases)
    if all(p.split() for p in listed):
        _same(listed, text)


def test_a_generic_ask_is_blanked_and_a_word_that_only_begins_like_it_kept():
    asks = _phrases(("was nun", "was tun", "wie geht's weiter"))
    assert asks.sub("Die Mail fehlt. WAS  NUN? Was tunlichst vermeiden, wie geht's weiter") == \
        "Die Mail fehlt.  ? Was tunlichst vermeiden,  "
    assert asks.match_end("Was nun, und jetzt?") == 7
    assert asks.match_end(" was nun") is None
    assert not asks.search("Wie geht es weiter mit der Mail?")


def test_a_text_read_as_tokens_never_compiles_the_pattern():
    built: list[int] = []

    def pattern() -> re.Pattern[str]:
        built.append(1)
        return _pattern(("übrigens", "by the way"))

    asides = Phrases(["übrigens", "by the way"], pattern)
    assert asides.search("Übrigens: die Lizenz ist da.") and asides.search("By the  way, it works")
    assert not asides.search("Die Mail kam nie – was nun?")
    assert built == []
    assert asides.search("Ünrelated ſ") is False and built == [1]  # a long s: the pattern decides
