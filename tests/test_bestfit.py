"""The best-fitting document of each owner from a scan's summed weights."""

from faq.search.bestfit import best_of_runs


def test_each_owner_keeps_its_best_document_and_the_first_of_a_tie():
    acc = [1.0, 2.0, 0.0, 2.0, 3.0, 3.0]
    norm = [1.0, 4.0, 1.0, 4.0, 9.0, 9.0]
    owner = [0, 0, 1, 1, 2, 2]
    assert best_of_runs(acc, norm, owner) == {0: (1.0, 0, 1.0), 1: (1.0, 3, 2.0), 2: (1.0, 4, 3.0)}


def test_documents_without_a_shared_token_are_no_hits():
    assert best_of_runs([0.0, 0.0], [1.0, 1.0], [0, 1]) == {}
    assert best_of_runs([0.0, 2.0], [1.0, 2.0], [0, 1]) == {1: (2.0, 1, 2.0)}
