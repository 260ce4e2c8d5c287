"""The out-of-scope examples as topics that compete with the entries.

Each topic of `knowledge/search/out_of_scope.yaml` (its `about` line and its questions)
is indexed like an entry: its examples are documents of token ids. A question's best
topics become rows of the scoring model beside its candidate entries, with the same
features, so a question that fits "Teams meetings and guest invitations" better than any
entry is drawn to "no answer" by the same weights that draw it to an entry (Rasa's
out_of_scope intent).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from itertools import compress
from typing import TYPE_CHECKING

from faq.search.bestfit import Hit, best_of_runs

if TYPE_CHECKING:
    from array import array

    from faq.search.retrieval import Query

__all__ = ["Negatives"]

class Negatives:
    """The out-of-scope examples grouped by topic, with postings per token."""

    def __init__(self, docs: Sequence[Sequence[int]], topics: Sequence[int], idf: array) -> None:
        """Index `docs` (token ids), the example `i` belonging to topic `topics[i]`."""
        self.docs = [tuple(d) for d in docs]
        self.topic = list(topics)
        self.norm = [sum(idf[k] for k in set(d)) for d in docs]
        self.count = max(self.topic, default=-1) + 1
        self.tokens: list[set[int]] = [set() for _ in range(self.count)]
        post: dict[int, list[int]] = defaultdict(list)
        for i, d in enumerate(self.docs):
            self.tokens[self.topic[i]].update(d)
            for k in set(d):
                post[k].append(i)
        self.post = dict(post)
        # Whether each topic's examples are one run (out_of_scope.yaml lists them so; topics are numbered as they
        # first occur): `scan` then keeps a topic's best as it passes (`best_of_runs`), as `Retrieval._scan` does an entry's.
        self.runs = self.topic == sorted(self.topic)

    def scan(self, query: Query) -> dict[int, Hit]:
        """The best-fitting example of each topic that shares a token with the question."""
        acc = [0.0] * len(self.docs)
        post = self.post
        for k, w in query.terms:  # every weight is positive: a matched example's sum is never 0
            for d in post.get(k, ()):
                acc[d] += w
        norm, topic = self.norm, self.topic
        if self.runs:
            return best_of_runs(acc, norm, topic)
        best: dict[int, Hit] = {}
        for d in compress(range(len(acc)), acc):  # only the examples that share a token, in their order
            m = acc[d]
            score = m * m / norm[d]
            t = topic[d]
            held = best.get(t)
            if held is None or score > held[0]:
                best[t] = (score, d, m)
        return best

    def fit(self, query: Query) -> float:
        """The fit of the closest example to the question."""
        found = self.scan(query)
        return math.sqrt(max(h[0] for h in found.values()) / query.total) if found else 0.0
