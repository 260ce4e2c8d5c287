"""Alternations written as one tree of their common beginnings (faq/language/alternation.py)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.language.alternation import factored

_WORDS = st.lists(st.text(alphabet="abkl.+ ", min_size=1, max_size=5), max_size=6)


@given(_WORDS, st.text(alphabet="abkl.+ x", max_size=30))
def test_a_tree_of_words_is_found_where_one_of_the_words_stands(words: list[str], text: str) -> None:
    """Found at exactly the places one of the words begins, whichever begins another or shares its start."""
    pattern = re.compile(factored(words))
    assert {m.start() for m in re.finditer(f"(?={pattern.pattern})", text)} == \
        {i for i in range(len(text) + 1) for w in words if text.startswith(w, i)}


@pytest.mark.parametrize("text,found", [("kein lizenzschluessel", True), ("die lieferung", True),
                                        ("lizen und liefer", False), ("li", False), ("", False)])
def test_words_sharing_their_start_are_each_found(text: str, found: bool) -> None:
    pattern = re.compile(factored(["lizenz", "lizenzen", "lieferung", "lizenzschluessel"]))
    assert (pattern.search(text) is not None) == found


def test_a_longer_item_is_put_in_as_a_pattern_between_characters() -> None:
    """A phrase in parts keeps its gap: "sehen ... nicht" within a sentence, not across its end."""
    gap = r"[^.!?]{0,20}?"
    pattern = re.compile(factored([("s", "e", "h", "e", "n", gap, "n", "i", "c", "h", "t"), tuple("senden")]))
    assert pattern.search("wir sehen die lizenzen nicht") is not None
    assert pattern.search("wir sehen sie. nicht da") is None


def test_no_words_give_a_pattern_found_nowhere() -> None:
    assert re.search(factored([]), "anything") is None


@given(_WORDS, st.text(alphabet="abkl.+ x", max_size=8))
def test_a_whole_tree_matches_exactly_the_words(words: list[str], text: str) -> None:
    """With `whole`, a word that begins another is kept: the pattern matches each word in full, no other text."""
    assert (re.fullmatch(factored(words, whole=True), text) is not None) == (text in words)
