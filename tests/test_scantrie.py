"""The scan over every text at once, with the states of common tokens remembered across questions."""

import random

import pytest

from faq.search import scantrie
from faq.search.bestfit import best_of_runs
from faq.search.cache import load
from faq.search.retrieval import best_rows
from faq.search.scantrie import ScanTrie

# Four tokens; token 0 is in most texts. Documents 0-2 belong to entry 0, 3-4 to entry 1; examples 0-1 to topic 0.
DOCS = [[0, 1], [0], [0, 2], [0, 3], [1, 3]]
EXAMPLES = [[0, 2], [3]]
IDF = [0.5, 2.0, 1.5, 3.0]


def _postings(texts: list[list[int]]) -> dict[int, list[int]]:
    post: dict[int, list[int]] = {}
    for d, text in enumerate(texts):
        for k in text:
            post.setdefault(k, []).append(d)
    return post


def _flat(postings: list[list[int]]) -> tuple[list[int], list[int]]:
    """Postings as one run per token and where each starts."""
    starts = [0]
    for docs in postings:
        starts.append(starts[-1] + len(docs))
    return starts, [d for docs in postings for d in docs]


def _trie() -> ScanTrie:
    post = _postings(DOCS)
    return ScanTrie(*_flat([post.get(k, []) for k in range(len(IDF))]), [sum(IDF[k] for k in d) for d in DOCS],
                    [0, 0, 0, 1, 1], 2, _postings(EXAMPLES), [sum(IDF[k] for k in d) for d in EXAMPLES], [0, 0], 1)


def _plain(texts: list[list[int]], owners: list[int], terms: list[tuple[int, float]]) -> dict:
    """Each owner's first best text, the sums taken in the scan's order."""
    acc = [0.0] * len(texts)
    for k, w in _trie().ordered(terms):
        for d, text in enumerate(texts):
            if k in text:
                acc[d] += w
    return best_of_runs(acc, [sum(IDF[k] for k in d) for d in texts], owners)


def test_each_entry_and_topic_gets_its_first_best_fitting_text():
    entries, topics = _trie().scan([(1, 2.0), (0, 0.5)])
    # entry 0: [0, 1] holds all 2.5 of its weight 2.5 (2.5 * 2.5 / 2.5), better than [0] (0.25 / 0.5);
    # entry 1: [0, 3] matches 0.5 of 3.5, [1, 3] 2.0 of 5.0 (0.8): the second; topic 0: [0, 2] 0.5 of 2.0.
    assert entries == {0: (2.5, 0, 2.5), 1: (0.8, 4, 2.0)}
    assert topics == {0: (0.125, 0, 0.5)}


def test_texts_that_share_no_word_with_the_question_are_no_hits():
    entries, topics = _trie().scan([(2, 1.5)])
    assert set(entries) == {0} and set(topics) == {0}
    assert _trie().scan([]) == ({}, {})


def test_the_word_order_of_a_question_changes_no_hit():
    terms = [(3, 3.0), (1, 2.0), (0, 0.5), (2, 1.5)]
    assert _trie().scan(terms) == _trie().scan(terms[::-1])


def test_remembered_states_give_what_a_fresh_scan_gives(monkeypatch):
    monkeypatch.setattr(scantrie, "_KEEP_FROM", 1)  # every token's state remembered
    trie = _trie()
    rng = random.Random(7)
    for _ in range(200):
        terms = [(k, IDF[k]) for k in rng.sample(range(len(IDF)), rng.randint(1, len(IDF)))]
        assert trie.scan(terms) == _trie().scan(terms)
        assert trie.scan(terms)[0] == _plain(DOCS, [0, 0, 0, 1, 1], terms)
        assert trie.scan(terms)[1] == _plain(EXAMPLES, [0, 0], terms)


def test_a_scan_read_by_owner_gives_the_hits_and_the_best_owners_of_the_whole_scan(monkeypatch):
    """A question's candidates read their own hits (`Scan.entry`, `Scan.topic`) and the best owners, ties to the
    lower one, as the mappings of every hit give them (`retrieval.best_rows`); owners no text touched are none."""
    monkeypatch.setattr(scantrie, "_KEEP_FROM", 2)
    trie = _trie()
    rng = random.Random(11)
    for _ in range(200):
        terms = [(k, IDF[k]) for k in rng.sample(range(len(IDF)), rng.randint(1, len(IDF)))]
        found = trie.scanned(terms)
        entries, topics = trie.scan(terms)
        assert {e: found.entry(e) for e in range(2) if found.entry(e) is not None} == entries
        assert {t: found.topic(t) for t in range(1) if found.topic(t) is not None} == topics
        for k in (1, 2, 3):
            assert found.best_entries(k) == best_rows(entries, k)
            assert found.best_topics(k) == best_rows(topics, k)


def test_owners_that_fit_alike_are_ranked_the_lower_first():
    # Entries 0 and 1 fit alike (one text each of weight 2.0 holding the token): entry 0 ranks first, then 1;
    # entry 2's only text lacks it: no hit, never ranked.
    trie = ScanTrie(*_flat([[], [0, 1]]), [2.0, 2.0, 2.0], [0, 1, 2], 3, {}, [], [], 0)
    found = trie.scanned([(1, 2.0)])
    assert found.best_entries(3) == [0, 1] and found.entry(2) is None and found.best_topics(3) == []


def test_remembered_states_are_forgotten_at_once_when_there_are_too_many(monkeypatch):
    monkeypatch.setattr(scantrie, "_KEEP_FROM", 1)
    monkeypatch.setattr(scantrie, "_MEMORY", 3 * 8 * (len(DOCS) + len(EXAMPLES)))  # three states' sums
    trie = _trie()
    for terms in ([(0, 0.5), (1, 2.0)], [(0, 0.5), (2, 1.5)], [(3, 3.0)], [(1, 2.0), (2, 1.5)]):
        trie.scan(terms)
        assert trie._count <= 3 + len(terms)
    assert trie.scan([(0, 0.5), (1, 2.0)]) == _trie().scan([(0, 0.5), (1, 2.0)])


def test_of_two_texts_that_fit_alike_the_first_is_the_hit():
    trie = ScanTrie(*_flat([[], [0, 1, 2]]), [2.0, 2.0, 2.0], [0, 1, 1], 2, {1: [0, 1]}, [2.0, 2.0], [0, 0], 1)
    entries, topics = trie.scan([(1, 2.0)])
    assert entries == {0: (2.0, 0, 2.0), 1: (2.0, 1, 2.0)} and topics == {0: (2.0, 0, 2.0)}


@pytest.mark.parametrize("questions", [
    ("Die Mail zur Aktivierung ist nie angekommen, was nun?", "Aktivierungsmail nicht angekommen",
     "Unsere Mail zur Aktivierung ist wohl im Spam gelandet"),
    ("Where do I see the licenses of our renewal?", "licenses of the renewal missing in the admin center"),
])
def test_questions_that_share_common_words_get_the_hits_of_a_fresh_scan(questions):
    matcher = load(None)[1]
    negatives = matcher._negatives
    args = (matcher._doc_post_start, matcher._doc_post, matcher._doc_norm, matcher._doc_entry, len(matcher.ids),
            negatives.post, negatives.norm, negatives.topic, negatives.count)
    trie = ScanTrie(*args)
    for question in questions:  # asked one after another: each later one starts from states the earlier left
        q = matcher._query(question)
        assert q is not None
        entries, topics = trie.scan(q.terms)
        assert entries and (entries, topics) == ScanTrie(*args).scan(q.terms)
        assert entries == matcher._scan(q)
        plain = negatives.scan(q)  # its sums in the question's word order: the same to the last bit or two
        assert {t: hit[0] for t, hit in topics.items()} == pytest.approx({t: hit[0] for t, hit in plain.items()})
