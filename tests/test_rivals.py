"""An entry against its closest rival: the words typical of one sibling entry, not of the other, decide."""

import math

import pytest

from faq.search.cache import load
from faq.search.rivals import entry_rates, rival_odds


@pytest.fixture(scope="module")
def matcher():
    return load(None)[1]


def test_rates_are_smoothed_shares_of_an_entrys_texts():
    # Entry 0: texts [1, 2] and [1]; entry 1: text [3, 3] (a token counts once per text).
    rates = entry_rates([0, 2, 3, 5], [1, 2, 1, 3, 3], [0, 2, 3], prior=0.5)
    used, absent = rates[0]
    assert used[1] == pytest.approx(math.log(2.5 / 3)) and used[2] == pytest.approx(math.log(1.5 / 3))
    assert absent == pytest.approx(math.log(0.5 / 3))
    assert rates[1][0] == {3: pytest.approx(math.log(1.5 / 2))}


def test_words_typical_of_the_entry_give_positive_odds_and_the_rival_negative():
    rates = entry_rates([0, 2, 4, 6, 8], [1, 2, 1, 2, 1, 3, 1, 3], [0, 2, 4], prior=0.5)
    terms = [(1, 1.0), (2, 2.0)]  # token 1 both entries use in every text; token 2 only entry 0
    assert rival_odds(terms, rates[0], rates[1]) > 0 > rival_odds(terms, rates[1], rates[0])
    assert rival_odds(terms, rates[0], rates[1]) == pytest.approx(-rival_odds(terms, rates[1], rates[0]))


def test_tokens_neither_entry_uses_count_only_in_the_whole_weight():
    rates = entry_rates([0, 1, 2], [1, 2], [0, 1, 2], prior=0.5)
    alone = rival_odds([(1, 1.0)], rates[0], rates[1])
    assert rival_odds([(1, 1.0), (9, 3.0)], rates[0], rates[1]) == pytest.approx(alone)
    assert rival_odds([(1, 1.0), (9, 3.0)], rates[0], rates[1], weight=4.0) == pytest.approx(alone / 4)
    assert rival_odds([(9, 1.0)], rates[0], rates[1]) == 0.0


def test_the_matcher_rates_every_entry(matcher):
    assert len(matcher._entry_rates) == len(matcher.ids)


@pytest.mark.parametrize(("question", "entry"), [
    ("Unsere Tochterfirma hat eine eigene Registrierung unterschrieben. Darf die mit in unser vorhandenes Konto?",
     "multiple-enrollments-one-account"),
    ("A subsidiary signed an enrollment of its own; may it join the online account we already have?",
     "multiple-enrollments-one-account"),
    ("Die Lizenzen einer Registrierung sollen auf zwei getrennte Konten verteilt werden, geht das?",
     "split-enrollment-accounts"),
])
def test_sibling_entries_are_told_apart_by_their_typical_words(matcher, question, entry):
    result = matcher.match(question)
    assert result.outcome == "answer" and result.id == entry
