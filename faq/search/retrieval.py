"""Retrieval: a question's words weighed, and the entries whose texts fit it best.

Word weights are idf over the entries, log(1 + entries / entries using the word); a word
no entry uses weighs like a word of one entry.

Fit of a text (paraphrase, question or title) to the question: the geometric mean of the
share of the question's weight it holds and the share of its own weight the question
holds. An entry's fit is that of its best-fitting text.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from faq.language.addresses import domain_of, find_addresses
from faq.language.normalize import Normalizer, extract_bucketed, fold, length_buckets, words
from faq.search.datewords import DIGIT, without_dates
from faq.search.scantrie import ScanTrie

if TYPE_CHECKING:
    from faq.search.negatives import Negatives

__all__ = ["Query", "Retrieval", "best_rows"]

def best_rows(hits: dict[int, tuple[float, int, float]], k: int) -> list[int]:
    """The `k` rows (entries or out-of-scope topics) of the best hits by fit, best first, the lower row on a tie."""
    return [row for _fit, row in sorted([(-hit[0], row) for row, hit in hits.items()])[:k]]


_MEMO = 4096
"""Most question words whose expansion and typo repair are remembered (then forgotten at once)."""
_SAID = 1024
"""Most texts whose surface words are remembered (then forgotten at once)."""
_EPS = 1e-9
"""Margin for float bounds: an entry is skipped only when its bound is clearly below."""
_MAX_EXACT = 200
"""At most this many entries are scored exactly for one question, the most promising by
their upper bound first. It never binds on a knowledge base of a few hundred entries, so
answers there are exact; on 100,000 it keeps the time per question bounded."""
_PREFILTER = 5 * _MAX_EXACT
_SCAN_UP_TO = 5_000
"""Up to this many entries, a question is matched against every document through the
document postings (fast on a small knowledge base); beyond, `_best` bounds the work."""
_VECTOR_FROM = 20_000
"""From this many entries, matched weights are summed with numpy when it is installed."""


def _numpy() -> Any:
    """Return numpy, imported on first use by a huge knowledge base, or None without it."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def _bound(covered: float, total: float, least_norm: float) -> float:
    """The highest fit an entry can reach when at most `covered` weight of the question's
    `total` is among its tokens and its shortest document weighs `least_norm`."""
    if covered <= 0.0:
        return 0.0
    dcov = covered / least_norm if least_norm > covered else 1.0
    return math.sqrt((covered / total) * dcov)


@dataclass(frozen=True)
class Query:
    """A question as the index sees it."""

    terms: list[tuple[int, float]]  # (token id, weight) of the tokens the index knows
    total: float  # the weight of every word, known or not
    pairs: set[tuple[int, int]]
    repaired: set[int]  # token ids matched only after typo repair
    unknown: float  # weight of words no entry or example uses
    offtopic: float  # weight of off-topic words
    foreign: float  # weight of words only out-of-scope examples use
    content: int  # content words


class Retrieval:
    """Retrieval over the flat index a `Matcher` builds (a mixin: the attributes are the matcher's).

    The index is kept in flat arrays so it stays small at 100,000 entries: every document
    (question, title, paraphrase) as a run of token ids, the documents of an entry
    contiguous, and for each token the entries that use it (`entry postings`). On a small
    knowledge base every document is matched through document postings (`_scan`); on a
    huge one `_best` gathers entries from the postings of the question's rarest tokens
    first and stops taking in new ones once the tokens left are too common to lift an
    unseen entry among the best (a max-score bound).
    """

    ids: list[str]
    _doc_start: array
    _doc_toks: array
    _doc_norm: array
    _doc_post_start: array
    _doc_post: array
    _doc_entry: array
    _entry_docs: array
    _ent_start: array
    _ent_toks: array
    _least_norm: array
    _post_start: array
    _post: array
    _tid: dict[str, int]
    _idf: array
    _df: array
    unknown_idf: float
    normalizer: Normalizer
    month_names: frozenset[str]  # every spelling of every month, lower-case (months.yaml)
    surface_map: dict[str, tuple[str, ...]]
    _offtopic_heads: dict[str, list[str]]
    _address_word: str
    _fuzzy_by_initial: dict[str, tuple[list[str], dict[int, tuple[array, list[str]]]]] | None
    _fuzzy_cutoff: float
    _memo: dict[str, tuple[str, ...]]
    _fuzzy_memo: dict[str, tuple[str, ...] | None]
    _readings: dict[str, tuple[str | None, tuple[tuple[str, int | None], ...], bool]]
    _said: dict[str, list[str]]
    _plain: dict[str, list[str]]  # `Normalizer.surface` of texts, remembered for `known_tokens`
    _known_of: Callable[[str], tuple[str, ...]]
    _negatives: Negatives

    def _surface(self, text: str) -> list[str]:
        """The question's surface words (dates dropped, addresses reduced; see `Normalizer.surface`),
        remembered: a ticket's sentences are matched alone and within the whole text (not to be changed)."""
        said = self._said.get(text)
        if said is None:
            if len(self._said) >= _SAID:
                self._said.clear()
            said = self._said[text] = self._surface_of(text)
        return said

    def _surface_of(self, text: str) -> list[str]:
        addresses = find_addresses(text)
        if not addresses and not DIGIT.search(text):  # `Normalizer.surface` itself: `known_tokens` may have it
            plain = self._plain.get(text)
            return plain if plain is not None else self.normalizer.surface(text)
        for start, end, address in reversed(addresses):
            text = text[:start] + self._address_words(domain_of(address)) + text[end:]
        return self.normalizer.surface(without_dates(text, self.month_names))

    def _expand(self, word: str) -> tuple[str, ...]:
        """`Normalizer.expand` of a question's word, remembered (a long text repeats its words)."""
        toks = self.surface_map.get(word) or self._memo.get(word)
        if toks is None:
            if len(self._memo) >= _MEMO:
                self._memo.clear()
            toks = self._memo[word] = tuple(self.normalizer.expand(word))
        return toks

    def known_tokens(self, text: str) -> set[str]:
        """The distinct tokens of `text` that the entries use, its words as written (no typo repair)."""
        said = self._plain.get(text)
        if said is None:
            if len(self._plain) >= _SAID:
                self._plain.clear()
            said = self._plain[text] = self.normalizer.surface(text)
        return {t for w in said for t in self._known_of(w)}

    def _query(self, text: str) -> Query | None:
        """Weigh the question's words; None when it has none."""
        return self._query_words(self._surface(text))

    def _query_words(self, surface: list[str]) -> Query | None:
        """Weigh the question's surface words; None when it has none."""
        weights: dict[str, float] = {}
        order: list[int] = []  # the known tokens' ids, in the question's order
        repaired: set[int] = set()
        foreign: set[str] = set()
        readings = self._readings
        tid, idf, df = self._tid, self._idf, self._df
        unknown_idf = self.unknown_idf
        unknown = off = 0.0
        content = 0
        for word in surface:
            content += 1
            reading = readings.get(word)
            if reading is None:
                if len(readings) >= _MEMO:
                    readings.clear()
                reading = readings[word] = self._reading(word)
            offtopic, toks, fixed = reading
            if offtopic is not None:
                if offtopic not in weights:
                    weights[offtopic] = unknown_idf
                    off += unknown_idf
                continue
            for t, k in toks:
                if k is None:
                    if t not in weights:  # t is "?" and the unknown token
                        weights[t] = unknown_idf
                        unknown += unknown_idf
                else:
                    weights[t] = idf[k]
                    if not df[k]:
                        foreign.add(t)
                    order.append(k)
                    if fixed:
                        repaired.add(k)
        total = sum(weights.values())
        if not total:
            return None
        terms = [(tid[t], w) for t, w in weights.items() if t in tid]
        # Ordered pairs of neighbouring tokens: they tell "mehrere Registrierungen, ein Konto" from "eine
        # Registrierung, mehrere Konten".
        pairs = {(a, b) for a, b in zip(order, order[1:]) if a != b}
        return Query(terms, total, pairs, repaired, unknown, off,
                      sum(weights[t] for t in foreign), content)

    def _reading(self, word: str) -> tuple[str | None, tuple[tuple[str, int | None], ...], bool]:
        """How `_query_words` reads a surface word: its off-topic key (else None), its tokens with
        their ids (an unknown one as "?" and the token, without id; a short or numeric one left
        out) and whether they are a typo's repair."""
        offtopic = self.normalizer.offtopic
        tid = self._tid
        toks = self.surface_map.get(word)
        known = toks is not None
        if toks is None:
            toks = self._expand(word)
        if word in offtopic or word.replace(" ", "") in offtopic or not known and (
                any(t in offtopic for t in toks) or self._offtopic_head(word)):
            # An off-topic word ("Wiederherstellungsformular") is evidence against every entry; an
            # out-of-scope example that uses it can still match it.
            return next((t for t in self._expand(word) if t in tid and not self._df[tid[t]]), "!" + word), (), False
        fixed = False
        if not all(t in tid for t in toks):
            repair = self._fuzzy(word)
            if repair is not None:
                toks, fixed = repair, True
        read: list[tuple[str, int | None]] = []
        for t in toks:
            k = tid.get(t)
            if k is not None:
                read.append((t, k))
            elif not (len(t) <= 2 or t.isdigit()):  # a number the knowledge base never uses says nothing about the topic
                read.append(("?" + t, None))
        return None, tuple(read), fixed

    def _offtopic_head(self, word: str) -> bool:
        """Whether an unknown compound starts with an off-topic word ("Passwortrücksetzung")."""
        heads = self._offtopic_heads
        return any(word.startswith(h) and len(word) - len(h) >= 4 for h in heads.get(word[:6], ()))

    def _address_words(self, domain_name: str) -> str:
        """An e-mail address says "an address", and its domain only where the knowledge
        base speaks of that domain (outlook.com): its other words are no evidence."""
        domain = " ".join(words(fold(domain_name)))
        known = [w for w in self.normalizer.surface(domain) if w in self.surface_map]
        if len(known) > 1 or any(" " in w for w in known):
            return f" {self._address_word} {domain} "
        return f" {self._address_word} "

    def repair(self, word: str) -> tuple[str, ...]:
        """The knowledge base's words a typo of `word` stands for (empty: none, or `word` too short)."""
        return self._fuzzy(word) or ()

    def _fuzzy(self, word: str) -> tuple[str, ...] | None:
        if len(word) < 5 or word.isdigit():
            return None
        if word in self._fuzzy_memo:
            return self._fuzzy_memo[word]
        if len(self._fuzzy_memo) >= _MEMO:
            self._fuzzy_memo.clear()
        found = self._fuzzy_memo[word] = self._fuzzy_find(word)
        return found

    def _fuzzy_lists(self) -> dict[str, tuple[list[str], dict[int, tuple[array, list[str]]]]]:
        """The known words by first letter, bucketed by length; built on the first misspelt word.

        A misspelt word is compared only with known words of its first letter and of a length
        that can reach the cutoff: typos rarely hit the first letter, while real words that
        differ there are often near ("ausgewiesen", "zugewiesen").
        """
        if self._fuzzy_by_initial is None:
            by_initial: dict[str, list[str]] = defaultdict(list)
            for w in self.surface_map:
                if len(w) >= 4 and " " not in w:
                    by_initial[w[0]].append(w)
            self._fuzzy_by_initial = {c: (ws, length_buckets(ws)) for c, ws in by_initial.items()}
        return self._fuzzy_by_initial

    def _fuzzy_find(self, word: str) -> tuple[str, ...] | None:
        keys, buckets = self._fuzzy_lists().get(word[0], ([], {}))
        best = extract_bucketed(word, buckets, self._fuzzy_cutoff)
        if best is None:
            return None
        return self.surface_map[keys[best[1]]]

    def _postings(self, k: int) -> array:
        return self._post[self._post_start[k]: self._post_start[k + 1]]

    def _entry_fit(self, entry: int, q: Query, theta: float = 0.0) -> float | None:
        """The fit of one entry (None when none of its documents shares a token with the question).

        With `theta` > 0, documents that cannot reach `theta` are skipped; a result below
        `theta - _EPS` then only says the entry stays below it.
        """
        mine = set(self._ent_toks[self._ent_start[entry]: self._ent_start[entry + 1]])
        terms = [(k, w) for k, w in q.terms if k in mine]
        covered = sum(w for _k, w in terms)
        if covered <= 0.0:
            return None
        total = q.total
        best = 0.0
        doc_toks, doc_start, doc_norm = self._doc_toks, self._doc_start, self._doc_norm
        for d in range(self._entry_docs[entry], self._entry_docs[entry + 1]):
            norm = doc_norm[d]
            bound = (covered / total) * min(1.0, covered / norm)
            if bound <= best or bound < theta * theta - _EPS:
                continue
            seq = doc_toks[doc_start[d]: doc_start[d + 1]]
            matched = sum(w for k, w in terms if k in seq)
            score = (matched / total) * (matched / norm)
            if score > best:
                best = score
        if best <= 0.0:
            return None if theta <= 0.0 else -1.0
        return math.sqrt(best)

    def _scan(self, q: Query) -> dict[int, tuple[float, int, float]]:
        """Match the question against every document through the document postings (`_scan_trie`).

        Returns:
            For each entry with a matching document: (fit squared times the question's
            weight, best document, weight it matches); the best document is the first of
            the highest fit.
        """
        return self._scan_trie.scan(q.terms)[0]

    @cached_property
    def _scan_trie(self) -> ScanTrie:
        """The scan over the documents and the out-of-scope examples at once, built on first use."""
        negatives = self._negatives
        return ScanTrie(self._doc_post_start, self._doc_post, self._doc_norm, self._doc_entry, len(self.ids),
                        negatives.post, negatives.norm, negatives.topic, negatives.count)

    def _best_doc(self, entry: int, q: Query) -> tuple[float, int, float] | None:
        """`_scan(q)[entry]` for one entry (the path of a huge knowledge base)."""
        mine = set(self._ent_toks[self._ent_start[entry]: self._ent_start[entry + 1]])
        terms = [(k, w) for k, w in q.terms if k in mine]
        if len(self.ids) <= _SCAN_UP_TO:  # summed in the scan's order, as `_scan` sums them
            terms = self._scan_trie.ordered(terms)
        doc_toks, doc_start, doc_norm = self._doc_toks, self._doc_start, self._doc_norm
        found = None
        for d in range(self._entry_docs[entry], self._entry_docs[entry + 1]):
            seq = doc_toks[doc_start[d]: doc_start[d + 1]]
            m = sum(w for k, w in terms if k in seq)
            if m > 0.0 and (found is None or m * m / doc_norm[d] > found[0]):
                found = (m * m / doc_norm[d], d, m)
        return found

    def _top(self, q: Query, k: int) -> tuple[list[int], dict[int, tuple[float, int, float]]]:
        """The `k` best-fitting entries, best first, and their best documents."""
        if len(self.ids) <= _SCAN_UP_TO:
            found = self._scan(q)
            ranked = best_rows(found, k)
            return ranked, found
        ranked = [e for _fit, e in self._best(q, k)]
        found = {}
        for e in ranked:
            doc = self._best_doc(e, q)
            if doc is not None:
                found[e] = doc
        return ranked, found

    def _best(self, q: Query, k: int) -> list[tuple[float, int]]:
        """Return (fit, entry) of the `k` best-fitting entries, best first, visiting only
        entries that can still reach them."""
        terms, total = q.terms, q.total
        if len(self.ids) > _VECTOR_FROM:
            vector = _numpy()
            if vector is not None:
                return self._best_vector(vector, q, k)
        ranked_terms = sorted(terms, key=lambda kw: -kw[1])  # rarest (heaviest) first
        rest = [0.0] * (len(ranked_terms) + 1)  # rest[i]: the weight of tokens i.. onwards
        for i in range(len(ranked_terms) - 1, -1, -1):
            rest[i] = rest[i + 1] + ranked_terms[i][1]
        postings = self._postings
        least_norm = self._least_norm
        acc: dict[int, float] = {}
        exact: dict[int, float | None] = {}
        top: list[float] = []  # the k best exact fits (a min-heap)
        theta = 0.0

        def score(entry: int) -> None:
            nonlocal theta
            value = exact[entry] = self._entry_fit(entry, q, theta)
            if value is not None and value >= theta - _EPS:
                if len(top) < k:
                    heapq.heappush(top, value)
                elif value > top[0]:
                    heapq.heapreplace(top, value)
                if len(top) == k:
                    theta = top[0]

        i = 0
        while i < len(ranked_terms):
            if len(top) == k and _bound(rest[i], total, 0.0) < theta - _EPS:
                break  # an entry not seen yet holds only tokens from i on: it cannot reach the top
            key, w = ranked_terms[i]
            for e in postings(key):
                acc[e] = acc.get(e, 0.0) + w
            i += 1
            if i < len(ranked_terms):
                for e in heapq.nlargest(k, acc, key=acc.__getitem__):
                    if e not in exact:
                        score(e)
        remaining = rest[i]
        pending: Iterable[tuple[float, int]] = ((c, e) for e, c in acc.items() if e not in exact)
        if len(acc) > _PREFILTER:
            pending = heapq.nlargest(_PREFILTER, pending)
        heap = [(-_bound(c + remaining, total, least_norm[e]), e) for c, e in pending]
        heapq.heapify(heap)
        while heap:
            neg, e = heapq.heappop(heap)
            if len(top) == k and -neg < theta - _EPS:
                break
            if len(exact) >= _MAX_EXACT:
                break  # on a huge knowledge base: the best candidates by bound, not all of them
            score(e)
        out = [(s, e) for e, s in exact.items() if s is not None and s > 0.0]
        out.sort(key=lambda x: (-x[0], x[1]))
        return out[:k]

    def _best_vector(self, np: Any, q: Query, k: int) -> list[tuple[float, int]]:
        """`_best` for a huge knowledge base: matched weights are summed with numpy, and
        only the entries with the most matched weight are bounded and scored."""
        acc = np.zeros(len(self.ids), dtype=np.float64)
        for key, w in q.terms:
            acc[np.frombuffer(self._postings(key), dtype=np.int32)] += w
        hits = np.flatnonzero(acc)
        if len(hits) > _PREFILTER:
            hits = hits[np.argpartition(acc[hits], -_PREFILTER)[-_PREFILTER:]]
        least_norm = self._least_norm
        heap = [(-_bound(float(acc[e]), q.total, least_norm[e]), int(e)) for e in hits]
        heapq.heapify(heap)
        top: list[float] = []
        scored: list[tuple[float, int]] = []
        theta = 0.0
        while heap and len(scored) < _MAX_EXACT:
            neg, e = heapq.heappop(heap)
            if len(top) == k and -neg < theta - _EPS:
                break
            value = self._entry_fit(e, q, theta)
            if value is None or value <= 0.0:
                continue
            scored.append((value, e))
            if len(top) < k:
                heapq.heappush(top, value)
            elif value > top[0]:
                heapq.heapreplace(top, value)
            if len(top) == k:
                theta = top[0]
        scored.sort(key=lambda x: (-x[0], x[1]))
        return scored[:k]
