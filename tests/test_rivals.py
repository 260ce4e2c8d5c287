"""An entry against its closest rival: the words typical of one sibling entry, not of the other, decide."""

import math

import pytest

from faq.search.cache import load
from faq.search.model import softmax
from faq.search.rivals import entry_rates, rates_of, rival_odds


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
    assert rates_of([[1, 2], [1]], 0.5) == rates[0]


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


def test_the_matcher_rates_every_entry_and_out_of_scope_topic(matcher):
    entry_rates, topic_rates = matcher._rival_rates
    assert len(entry_rates) == len(matcher.ids)
    assert len(topic_rates) == matcher._negatives.count > 0


def test_the_sibling_stage_has_a_learned_weight(matcher):
    assert matcher.model.rival_weight > 0


@pytest.mark.parametrize(("question", "entry"), [
    ("Die Aktivierungsmail ging an jemanden, der das Unternehmen verlassen hat. Kann man sie mir neu schicken?",
     "resend-activation-email"),
    ("The activation mail went to someone who left the company; how do I get it resent to me?",
     "resend-activation-email"),
    ("After the renewal, do I have to activate again?", "renewal-activation"),
    ("Die Lizenzen sind nach der Aktivierung nicht im Admin Center zu sehen.", "licenses-not-visible"),
])
def test_words_typical_of_one_sibling_make_a_question_surer_of_it(matcher, question, entry):
    staged, base = matcher.match(question), matcher.match(question, reader=True)
    assert staged.outcome == "answer" and staged.id == base.id == entry
    assert staged.confidence > base.confidence


def test_the_ticket_reader_scores_without_the_sibling_stage(matcher):
    """The topic rules of the ticket reader were set on the scores without the stage: they stay."""
    text = "Bekommen wir nach der Verlängerung noch eine Aktivierungsmail?"
    rows = matcher.candidate_features(text)
    base = [p for p, (e, _x) in zip(softmax([matcher.model.score(x[:-1]) for _e, x in rows]), rows) if e >= 0]
    assert [p for p, _e in matcher.scores(text, siblings=False)] == pytest.approx(sorted(base, reverse=True))
    assert matcher.scores(text) != matcher.scores(text, siblings=False)
