"""faq.language.lexicon: the word lists, read and checked once."""

import pytest

from faq.language import lexicon as lexicon_module
from faq.language.lexicon import lexicon, words


@pytest.fixture
def folder_of(monkeypatch):
    def use(data):
        monkeypatch.setattr(lexicon_module, "read_folder", lambda _folder: data)
        lexicon.cache_clear()

    yield use
    lexicon.cache_clear()


def test_lists_are_read_by_name_and_language_with_their_words_stripped(folder_of):
    folder_of({"greetings.yaml": {"de": [" hallo ", "moin"], "en": ["hi"]}, "empty.yaml": None})
    assert lexicon() == {"greetings": {"de": ("hallo", "moin"), "en": ("hi",)}, "empty": {}}
    assert words("greetings", "de") == ("hallo", "moin")
    assert words("greetings") == ("hallo", "moin", "hi")


@pytest.mark.parametrize("data", [{"de": ["ok", 3]}, {"de": "hallo"}, {"en": [None]}, ["hallo"]])
def test_a_list_that_is_not_words_is_refused_naming_its_file(folder_of, data):
    folder_of({"greetings.yaml": data})
    with pytest.raises(ValueError, match="greetings.yaml"):
        lexicon()


def test_the_bundled_lists_are_words():
    assert all(isinstance(w, str) and w == w.strip() for lists in lexicon().values() for ws in lists.values() for w in ws)
