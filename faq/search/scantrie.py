"""The scan of a question over every text at once, its common words' work remembered across questions.

A scan sums, for every text (the entries' documents and the out-of-scope examples), the weight of the
question's tokens it holds, and keeps each owner's (entry's or topic's) best-fitting text: the first of
the highest `matched² / weight` (`faq.search.bestfit.Hit`). A text's fit only grows as tokens are
added, so the best texts after a token are the best before it or among the texts that token touches:
the state after some tokens (the sums and each owner's best) is extended by a token's postings alone.

The tokens are added in one fixed order, the most common first (longest postings, then token id), not
in the question's: the sums then do not depend on word order, and questions share their first tokens
("aktivierung", "konto", "lizenz" and "mail" touch 140 to 280 of the bundled 895 texts each; a question's
rarer words touch a few). The states reached through common tokens are remembered in a trie (at most
`_MEMORY` bytes of them, then forgotten at once), so a question pays for the postings of the words that
set it apart, not again for those it shares with the questions before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from faq.search.bestfit import Hit

__all__ = ["Scan", "ScanTrie"]

_MEMORY = 4 << 20
"""Most bytes of remembered sums, counted 8 bytes a text a state (some 580 states of the bundled knowledge base's
895 texts, about a dozen of a knowledge base of 1,000 entries), give or take one question's tokens; then every
state is forgotten at once. The sums are a list of floats (read and written without boxing a new float, as an
array("d") would at every add): a text a state's tokens touch holds its own float, 24 bytes more."""
_KEEP_FROM = 50
"""A state is remembered only after a token that touches at least this many texts (14 tokens of the bundled
knowledge base): a rarer token's few postings cost less to add again than a state costs to copy and keep."""


class _State:
    """The sums after some tokens, each owner's best text, and the remembered states one token further."""

    __slots__ = ("acc", "best", "at", "next")

    def __init__(self, acc: list[float], best: list[float], at: list[int]) -> None:
        self.acc = acc  # summed weight per text
        self.best = best  # per owner slot: the best fit so far (0.0: no text touched)
        self.at = at  # per owner slot: the text of `best` (-1: none)
        self.next: dict[tuple[int, float], _State] = {}


class Scan:
    """A scan's outcome, read where it is asked for: each owner's best text, and the owners of the best texts.

    A question's candidates are a few owners (the best entries and topics): their hits are read from the scan's
    state as they are asked for, not first gathered into a mapping of every owner the question touches."""

    __slots__ = ("_acc", "_best", "_at", "_entries", "_docs")

    def __init__(self, state: _State, entries: int, docs: int) -> None:
        """Read the scan's final `state` (never changed after), `entries` owners of documents, `docs` documents."""
        self._acc, self._best, self._at = state.acc, state.best, state.at
        self._entries, self._docs = entries, docs

    def entry(self, e: int) -> Hit | None:
        """Entry `e`'s first best-fitting document, or None when it shares no token with the question."""
        d = self._at[e]
        return None if d < 0 else (self._best[e], d, self._acc[d])

    def topic(self, t: int) -> Hit | None:
        """Out-of-scope topic `t`'s first best-fitting example (numbered among the examples), or None."""
        o = self._entries + t
        d = self._at[o]
        return None if d < 0 else (self._best[o], d - self._docs, self._acc[d])

    def best_entries(self, k: int) -> list[int]:
        """The `k` entries of the best hits by fit, best first, the lower entry on a tie (`retrieval.best_rows`)."""
        return self._best_of(0, self._entries, k)

    def best_topics(self, k: int) -> list[int]:
        """The `k` topics of the best hits by fit, best first, the lower topic on a tie."""
        return [o - self._entries for o in self._best_of(self._entries, len(self._at), k)]

    def _best_of(self, start: int, end: int, k: int) -> list[int]:
        # A stable sort keeps the lower slot first among equal fits; a slot no text touched has fit 0.0, below every
        # hit's (a positive weight squared over a positive norm), so it comes after them and is left out.
        at = self._at
        return [o for o in sorted(range(start, end), key=self._best.__getitem__, reverse=True)[:k] if at[o] >= 0]

    def entries(self) -> dict[int, Hit]:
        """The hit of every entry that shares a token with the question."""
        acc, best = self._acc, self._best
        return {e: (best[e], d, acc[d]) for e, d in enumerate(self._at[:self._entries]) if d >= 0}

    def topics(self) -> dict[int, Hit]:
        """The hit of every out-of-scope topic that shares a token with the question."""
        acc, best, entries, docs = self._acc, self._best, self._entries, self._docs
        return {t: (best[entries + t], d - docs, acc[d]) for t, d in enumerate(self._at[entries:]) if d >= 0}


class ScanTrie:
    """Every text's postings in one space (entries' documents, then out-of-scope examples) and the trie of
    remembered scan states."""

    def __init__(self, doc_post_start: Sequence[int], doc_post: Sequence[int], doc_norm: Sequence[float],
                 doc_owner: Sequence[int], entries: int, example_postings: Mapping[int, Sequence[int]],
                 example_norm: Sequence[float], example_topic: Sequence[int], topics: int) -> None:
        """Index the texts.

        Args:
            doc_post_start: Where each token's documents start in `doc_post` (one more than tokens).
            doc_post: The documents of each token (ascending), one run per token.
            doc_norm: Each document's weight.
            doc_owner: Each document's entry.
            entries: How many entries there are.
            example_postings: The out-of-scope examples of each token that has any (ascending).
            example_norm: Each example's weight.
            example_topic: Each example's topic.
            topics: How many topics there are.
        """
        docs = len(doc_norm)
        self._docs, self._entries, self._topics = docs, entries, topics
        self._doc_post_start, self._doc_post, self._example_postings = doc_post_start, doc_post, example_postings
        self._postings: dict[int, tuple[int, ...]] = {}  # a token's texts in the one space, worked out on first use
        self._norm = [*doc_norm, *example_norm]
        self._slot = [*doc_owner, *(entries + t for t in example_topic)]
        self._root = self._empty()
        self._count = 0
        self._limit = max(1, _MEMORY // (8 * max(len(self._norm), 1)))  # states remembered at most

    def _empty(self) -> _State:
        slots = self._entries + self._topics
        return _State([0.0] * len(self._norm), [0.0] * slots, [-1] * slots)

    def scan(self, terms: Sequence[tuple[int, float]]) -> tuple[dict[int, Hit], dict[int, Hit]]:
        """The best text of each entry and of each out-of-scope topic that shares a token with the question.

        Args:
            terms: The question's (token id, weight); every weight positive.

        Returns:
            Hits by entry and hits by topic (a topic's text numbered among the examples), each the first
            of its owner's best-fitting texts.
        """
        found = self.scanned(terms)
        return found.entries(), found.topics()

    def scanned(self, terms: Sequence[tuple[int, float]]) -> Scan:
        """`scan(terms)` as a `Scan`, which reads an owner's hit where it is asked for.

        Args:
            terms: The question's (token id, weight); every weight positive.
        """
        order = self._order(terms)
        postings = self._postings
        if self._count >= self._limit:
            self._root, self._count = self._empty(), 0
        state = self._root
        i = 0
        while i < len(order):  # the states remembered
            found = state.next.get(order[i][1:])
            if found is None:
                break
            state = found
            i += 1
        while i < len(order) and -order[i][0] >= _KEEP_FROM:  # common tokens: states to remember
            _count, k, w = order[i]
            step = _State(list(state.acc), list(state.best), list(state.at))
            self._add(step, postings[k], w)
            state.next[(k, w)] = step
            self._count += 1
            state = step
            i += 1
        if i < len(order):  # the rarer tokens: added to a copy, not remembered
            state = _State(list(state.acc), list(state.best), list(state.at))
            for _count, k, w in order[i:]:
                self._add(state, postings[k], w)
        return Scan(state, self._entries, self._docs)

    def ordered(self, terms: Sequence[tuple[int, float]]) -> list[tuple[int, float]]:
        """`terms` in the order the scan adds them (the most common token first): a text's weight summed
        in this order is the scan's, to the last bit."""
        return [(k, w) for _count, k, w in self._order(terms)]

    def _order(self, terms: Sequence[tuple[int, float]]) -> list[tuple[int, int, float]]:
        """(minus the texts it touches, token, weight) of each term, the most common token first, then by id."""
        postings = self._postings
        order: list[tuple[int, int, float]] = []
        for k, w in terms:
            docs = postings.get(k)
            if docs is None:
                starts = self._doc_post_start
                docs = postings[k] = (*(self._doc_post[starts[k]: starts[k + 1]] if k + 1 < len(starts) else ()),
                                      *(self._docs + i for i in self._example_postings.get(k, ())))
            order.append((-len(docs), k, w))
        order.sort()
        return order

    def _add(self, state: _State, docs: Sequence[int], w: float) -> None:
        """Add weight `w` to `docs` and keep each owner's first best text."""
        acc, best, at = state.acc, state.best, state.at
        norm, slot = self._norm, self._slot
        for d in docs:
            m = acc[d] + w
            acc[d] = m
            score = m * m / norm[d]
            o = slot[d]
            top = best[o]
            if score > top or score == top and d < at[o]:
                best[o] = score
                at[o] = d
