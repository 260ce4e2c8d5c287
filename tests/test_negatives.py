"""The out-of-scope examples as topics: each topic's hit is the first of its best-fitting examples."""

from array import array

import pytest

from faq.search.cache import load
from faq.search.negatives import Negatives
from faq.search.retrieval import Query


def _query(*terms: tuple[int, float]) -> Query:
    return Query(list(terms), sum(w for _k, w in terms), set(), set(), 0.0, 0.0, 0.0, len(terms))


IDF = array("d", [1.0, 2.0, 0.5, 3.0])


@pytest.mark.parametrize("docs, topics", [
    ([[0, 1], [1], [1, 2], [3], [0, 3]], [0, 0, 0, 1, 1]),  # each topic's examples in one run
    ([[0, 1], [3], [1], [0, 3], [1, 2]], [0, 1, 0, 1, 0]),  # the same examples, interleaved
])
def test_each_topic_keeps_its_best_example_grouped_or_not(docs, topics):
    negatives = Negatives(docs, topics, IDF)
    found = negatives.scan(_query((1, 2.0), (3, 3.0)))
    # Topic 0: [1] fits fully (2 * 2 / 2), better than [0, 1] (4 / 3) and [1, 2] (4 / 2.5); topic 1: [3] (9 / 3).
    assert {t: (hit[0], docs[hit[1]], hit[2]) for t, hit in found.items()} == {0: (2.0, [1], 2.0), 1: (3.0, [3], 3.0)}


@pytest.mark.parametrize("topics", [[0, 0, 1], [0, 1, 0]])
def test_of_two_examples_that_fit_alike_the_first_is_the_topics_hit(topics):
    negatives = Negatives([[1], [1], [1]], topics, IDF)
    found = negatives.scan(_query((1, 2.0)))
    assert found[0][1] == 0 and found[1][1] == topics.index(1)


def test_a_topic_that_shares_no_word_with_the_question_has_no_hit():
    negatives = Negatives([[0], [2]], [0, 1], IDF)
    assert set(negatives.scan(_query((0, 1.0)))) == {0}
    assert negatives.fit(_query((3, 3.0))) == 0.0


def test_the_bundled_topics_are_scanned_as_runs_with_the_same_hits():
    matcher = load(None)[1]
    negatives = matcher._negatives
    assert negatives.runs
    interleaved = Negatives(negatives.docs, negatives.topic, matcher._idf)
    interleaved.runs = False
    for question in ("Wie setze ich das Passwort eines Benutzers zurück?", "Teams meeting guests cannot join",
                     "Die Lizenzen für Windows Server Datacenter fehlen im VLSC"):
        q = matcher._query(question)
        assert q is not None and negatives.scan(q) == interleaved.scan(q)
