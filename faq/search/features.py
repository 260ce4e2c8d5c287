"""The features of a question's candidates (see `faq.search.model.FEATURES`).

A candidate is an entry (index `e >= 0`) or a topic of the out-of-scope examples
(`-1 - t`, see `faq.search.negatives`): both are described the same way, so that the
learned weights weigh "this entry" against "something the FAQ does not answer".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Union

from faq.language.focus import Focus
from faq.search.bestfit import Hit
from faq.search.quantities import NOT, agreement, aspects, negation_agreement
from faq.search.retrieval import _MEMO, _SCAN_UP_TO, Query, best_rows
from faq.search.rivals import EntryRates, entry_rates, rates_of, rival_odds

if TYPE_CHECKING:
    from array import array

    from faq.search.model import ScoringModel
    from faq.search.negatives import Negatives
    from faq.search.scantrie import Scan, ScanTrie

__all__ = ["Features"]


class _HitMaps:
    """The hits of a huge knowledge base's scans, read by owner as a `Scan` reads them: the best entries' documents
    (`Retrieval._top`) and the out-of-scope topics' examples (`Negatives.scan`)."""

    __slots__ = ("_entries", "_topics")

    def __init__(self, entries: dict[int, Hit], topics: dict[int, Hit]) -> None:
        self._entries, self._topics = entries, topics

    def entry(self, e: int) -> Hit | None:
        """Entry `e`'s best document, if it is among the best entries."""
        return self._entries.get(e)

    def topic(self, t: int) -> Hit | None:
        """Topic `t`'s best example, or None."""
        return self._topics.get(t)

    def best_topics(self, k: int) -> list[int]:
        """The `k` topics of the best hits, best first."""
        return best_rows(self._topics, k)


Hits = Union["Scan", _HitMaps]
"""The hits of a query's scan, read by owner (`entry`, `topic`, `best_topics`)."""
Scanned = tuple[tuple[int, ...], Hits]
"""The best entries of a query and the hits of its scan (`Features._scanned`)."""

_TOKEN_SETS = 4096
"""Most entries whose token sets are remembered (then forgotten at once): candidates recur."""
_SCORED = 2048
"""Most texts whose scores are remembered (then forgotten at once): a ticket's sentences recur."""
_SCANNED = 32
"""Most queries whose best entries and hits are remembered (then forgotten at once): a ticket's focus
sentence is matched again within the ticket, a few matches later; the hits of a scanned knowledge
base hold every entry it shares a word with (1,000 entries: some 130 kB a query)."""


class Features:
    """Describes candidates (a mixin of `Matcher`: the attributes are the matcher's)."""

    ids: list[str]
    model: ScoringModel
    _doc_start: array
    _doc_toks: array
    _doc_norm: array
    _ent_start: array
    _ent_toks: array
    _negatives: Negatives
    _candidates: int
    _topic_candidates: int
    _focus_min: int
    _entry_quantity_sets: list[frozenset[tuple[int, str]]]
    aspect_classes: dict[str, int]
    entry_aspects: list[tuple[float, float]]
    _entry_docs: array
    _contrasted: frozenset[str]
    _quantity_pairs: Callable[[str], set[tuple[int, str]]]
    unknown_idf: float
    abbreviations: frozenset[str]
    contrasts: tuple[str, ...]
    _states_problem: Callable[[str], bool]
    focus: Callable[[str, Callable[[str], int]], Focus]
    _only_thanks: Callable[[str, list[str]], bool]
    _surface: Callable[[str], list[str]]
    _count_known: Callable[[list[str]], int]
    _query_words: Callable[[list[str]], Query | None]
    _top: Callable[[Query, int], tuple[list[int], dict[int, Hit]]]
    _best_doc: Callable[[int, Query], Hit | None]
    _expand: Callable[[str], tuple[str, ...]]
    _tid: dict[str, int]
    _df: array
    _known: dict[str, tuple[str, ...]]  # `_known_of` of surface words
    _scan_trie: ScanTrie

    @cached_property
    def _entry_token_sets(self) -> dict[int, set[int]]:
        """Entry token sets worked out so far (at most _TOKEN_SETS, then forgotten at once)."""
        return {}

    @cached_property
    def _rival_rates(self) -> tuple[list[EntryRates], list[EntryRates]]:
        """The entries' and the out-of-scope topics' word rates for the sibling stage (`faq.search.rivals`),
        worked out on first use: scores without the stage (the ticket reader's) never need them."""
        prior = self.model.settings["rival_odds_prior"]
        topic_texts: list[list[Sequence[int]]] = [[] for _ in range(self._negatives.count)]
        for text, topic in zip(self._negatives.docs, self._negatives.topic):
            topic_texts[topic].append(text)
        return (entry_rates(self._doc_start, self._doc_toks, self._entry_docs, prior),
                [rates_of(texts, prior) for texts in topic_texts])

    @cached_property
    def _scored_texts(self) -> dict[tuple[str, bool], tuple[tuple[float, int], ...]]:
        """`scored` results so far (at most _SCORED, then forgotten at once)."""
        return {}

    def scored(self, text: str, siblings: bool = True) -> tuple[tuple[float, int], ...]:
        """(probability, entry index) of the question's candidate entries, best first (the out-of-scope
        topics' share goes with "none of them"), remembered: a ticket's sentences are matched again.
        With `siblings` the sibling stage (`rival_odds`) adds to the scores."""
        memo = self._scored_texts
        found = memo.get((text, siblings))
        if found is None:
            if len(memo) >= _SCORED:
                memo.clear()
            rows = self.candidate_features(text, siblings)
            probs = [(p, e) for p, (e, _x) in zip(self.model.probabilities([x for _e, x in rows], siblings), rows)
                     if e >= 0]
            probs.sort(key=lambda x: (-x[0], x[1]))
            found = memo[(text, siblings)] = tuple(probs)
        return found

    @cached_property
    def _scanned_queries(self) -> dict[tuple[tuple[tuple[int, float], ...], float], Scanned]:
        """`_scanned` results so far (at most _SCANNED, then forgotten at once)."""
        return {}

    def _scanned(self, q: Query) -> Scanned:
        """The best entries of a query (`_top`) and the hits of the entries and the out-of-scope topics, remembered
        by its terms and weight: a ticket's focus sentence is matched again alone (not to be changed)."""
        key = (tuple(q.terms), q.total)
        memo = self._scanned_queries
        found = memo.get(key)
        if found is None:
            if len(memo) >= _SCANNED:
                memo.clear()
            if len(self.ids) <= _SCAN_UP_TO:  # the entries and the out-of-scope topics in one scan
                scan = self._scan_trie.scanned(q.terms)
                found = memo[key] = (tuple(scan.best_entries(self._candidates)), scan)
            else:
                ranked, hits = self._top(q, self._candidates)
                found = memo[key] = (tuple(ranked), _HitMaps(hits, self._negatives.scan(q)))
        return found

    def _known_of(self, word: str) -> tuple[str, ...]:
        """The tokens of a surface word (`_expand`) that the entries use, remembered (a text repeats its words)."""
        found = self._known.get(word)
        if found is None:
            if len(self._known) >= _MEMO:
                self._known.clear()
            tid, df = self._tid, self._df
            found = self._known[word] = tuple(t for t in self._expand(word) if (k := tid.get(t)) is not None and df[k] > 0)
        return found

    def _tokens(self, row: int) -> set[int]:
        """The tokens of an entry (its texts and keywords) or of an out-of-scope topic."""
        if row < 0:
            return self._negatives.tokens[-1 - row]
        sets = self._entry_token_sets
        found = sets.get(row)
        if found is None:
            if len(sets) >= _TOKEN_SETS:
                sets.clear()
            found = sets[row] = set(self._ent_toks[self._ent_start[row]: self._ent_start[row + 1]])
        return found

    def _doc(self, row: int, d: int) -> tuple[tuple[int, ...] | array, float]:
        """The tokens and weight of document `d` of a candidate."""
        if row < 0:
            return self._negatives.docs[d], self._negatives.norm[d]
        return self._doc_toks[self._doc_start[d]: self._doc_start[d + 1]], self._doc_norm[d]

    @cached_property
    def _doc_pair_sets(self) -> dict[int, set[tuple[int, int]]]:
        """Documents' pairs of neighbouring tokens worked out so far (at most _TOKEN_SETS, then forgotten at once)."""
        return {}

    def _doc_pairs(self, row: int, d: int) -> set[tuple[int, int]]:
        """The pairs of neighbouring tokens of document `d` of a candidate (`word_order`), remembered."""
        key = d if row >= 0 else -1 - d
        sets = self._doc_pair_sets
        found = sets.get(key)
        if found is None:
            if len(sets) >= _TOKEN_SETS:
                sets.clear()
            seq, _norm = self._doc(row, d)
            found = sets[key] = set(zip(seq, seq[1:]))
        return found

    def _hit(self, row: int, q: Query, found: Hits) -> Hit | None:
        """The best document of a candidate for `q`, from the scans done (`found`)."""
        if row < 0:
            return found.topic(-1 - row)
        hit = found.entry(row)
        if hit is not None or len(self.ids) <= _SCAN_UP_TO:
            return hit
        return self._best_doc(row, q)

    def _features(self, row: int, q: Query, hit: Hit | None, mine: set[int]) -> tuple[list[float], float]:
        """The features of one candidate but those that compare it with others (see FEATURES), and the weight
        of the question's terms among its tokens `mine` (`_tokens`)."""
        total = q.total
        repaired = q.repaired
        covered = typo = 0.0
        for k, w in q.terms:
            if k in mine:
                covered += w
                if k in repaired:
                    typo += w
        qcov = dcov = order = matched = 0.0
        if hit is not None:
            _score, d, m = hit
            norm = self._negatives.norm[d] if row < 0 else self._doc_norm[d]
            qcov, dcov, matched = m / total, m / norm, m
            if q.pairs:
                order = len(q.pairs & self._doc_pairs(row, d)) / len(q.pairs)
        fit = math.sqrt(qcov * dcov)
        return [fit, qcov, dcov, covered / total, order, typo / total, q.unknown / total,
                q.offtopic / total, q.foreign / total, 0.0, 0.0, 1.0 / max(q.content, 1),
                fit * min(1.0, matched / self.unknown_idf)], covered

    def candidate_features(self, text: str, siblings: bool = True) -> list[tuple[int, list[float]]]:
        """Return (candidate, features) of the question's candidates, best fit first: the values of FEATURES,
        then the sibling stage's `rival_odds` (faq.search.model.RIVAL_ODDS; 0.0 without `siblings`, which
        scores that do not add the stage never read).

        The candidates are the entries that fit the focus best, those that fit the whole
        text best, and the out-of-scope topics that fit the focus or the whole text best
        (negative numbers, `-1 - topic`). The features describe the question's focus; the whole text adds the
        `text_*` and `context_fit` features (context supports, it never decides alone).
        """
        said: dict[str, list[str]] = {}  # each sentence's surface words, worked out once

        def surface(sentence: str) -> list[str]:
            found = said.get(sentence)
            if found is None:
                found = said[sentence] = self._surface(sentence)
            return found

        view = self.focus(text, lambda s: self._count_known(surface(s)))
        q = self._query_words([w for i in view.indices for w in surface(view.sentences[i])])
        # Context is what the text tells around its focus; a sentence that only thanks tells nothing.
        told = [i for i, s in enumerate(view.sentences)
                if view.holds(i) or not self._only_thanks(s, surface(s))]
        whole = q if len(told) == len(view.indices) else self._query_words(
            [w for i in told for w in surface(view.sentences[i])])
        if q is None:
            q = whole
        if q is None or whole is None:
            return []
        ranked, found = self._scanned(q)
        entries = list(ranked)
        if whole is q:
            whole_found = found
        else:
            more, whole_found = self._scanned(whole)
            entries += [e for e in more if e not in entries]
        if not entries:
            return []
        negatives = self._negatives
        best_topics = found.best_topics(self._topic_candidates)
        closest = found.topic(best_topics[0]) if best_topics else None
        oos = math.sqrt(closest[0] / q.total) if closest is not None else 0.0
        if whole is not q:  # a story's topic may be told around a thin question, as its entry may
            best_topics += [t for t in whole_found.best_topics(self._topic_candidates) if t not in best_topics]
        candidates = entries + [-1 - t for t in best_topics]
        hit_of = self._hit
        mines = [self._tokens(r) for r in candidates]
        rows: list[tuple[int, list[float]]] = []
        covers: list[float] = []  # the weight of the focus's terms among each candidate's tokens
        for r, mine in zip(candidates, mines):
            x, covered = self._features(r, q, hit_of(r, q, found), mine)
            rows.append((r, x))
            covers.append(covered)
        context = None
        context_found: Hits = _HitMaps({}, {})
        if whole is not q:
            context = self._query_words([w for i in told if not view.holds(i)
                                         for w in surface(view.sentences[i])])
            if context is not None:
                if len(self.ids) <= _SCAN_UP_TO:  # the entries' hits are a scan's: a query's best entries cost nothing more
                    _ranked, context_found = self._scanned(context)
                else:
                    context_found = _HitMaps({}, negatives.scan(context))
        focused = view.text
        counted = self._quantity_pairs(focused)
        # What the rows' quantity features read of the question, once: most questions count and deny nothing.
        counts = any(kind != NOT and token in self._contrasted for kind, token in counted)
        denies = any(kind == NOT for kind, _token in counted)
        no_quantity = (0.0, 0.0)
        entry_quantities = self._entry_quantity_sets
        known = sum(w for _k, w in whole.terms) or 1.0
        length = math.log(whole.content)
        best_fit = _top_two([x[0] for _r, x in rows])
        alone = whole is q
        for (r, x), mine, covered in zip(rows, mines, covers):
            telling = x.pop()
            fit = x[0]
            x[9] = oos
            lead = x[10] = fit - _best_other(best_fit, fit)
            if alone:  # the whole text is the focus: its terms, its hits
                whole_cover, text_fit = covered, fit
            else:
                whole_cover = sum(w for t, w in whole.terms if t in mine)
                hit = hit_of(r, whole, whole_found)
                text_fit = math.sqrt(hit[0] / whole.total) if hit is not None else 0.0
            if context is None:
                context_fit = 0.0
            else:
                hit = hit_of(r, context, context_found)
                context_fit = math.sqrt(hit[0] / context.total) if hit is not None else 0.0
            if r >= 0:
                quantity = agreement(counted, entry_quantities[r], self._contrasted) if counts else no_quantity
                negation = negation_agreement(counted, entry_quantities[r]) if denies else 0.0
            else:
                quantity, negation = no_quantity, 0.0
            x += (whole_cover / known, text_fit, length, max(0.0, oos - fit), context_fit, 1.0 if r < 0 else 0.0,
                  0.0 if alone else 1.0, 0.0 if alone else fit, 0.0 if alone else lead, telling, *quantity, negation)
        # How far each candidate is ahead in the whole story and in its context: in a long text every fit is
        # low, so what singles an entry out there is its distance to the others.
        if context is None:
            for _r, x in rows:
                x.extend((0.0, 0.0))
        else:
            best_text, best_context = _top_two([x[13] for _r, x in rows]), _top_two([x[16] for _r, x in rows])
            for _r, x in rows:
                x.append(x[13] - _best_other(best_text, x[13]))
                x.append(x[16] - _best_other(best_context, x[16]))
        done, ahead = aspects(focused, self.aspect_classes)  # as its quantities: an earlier incident is context
        for r, x in rows:
            own = self.entry_aspects[r] if r >= 0 else (0.0, 0.0)
            x.extend((own[0] if done else 0.0, own[1] if ahead else 0.0))
        # Each candidate against its closest rival (the best other candidate by fit, an entry or an out-of-scope
        # topic): which of the two do the question's words belong to? Siblings share their words; how often
        # each uses them tells them apart.
        if not siblings or len(rows) < 2 or q.content < self._focus_min:  # a word or two name a topic: no sibling is told
            for _r, x in rows:
                x.append(0.0)
        else:
            fits = sorted([(-x[0], r) for r, x in rows])  # by fit, the lower row on a tie
            first, second = fits[0][1], fits[1][1]
            entry_rates, topic_rates = self._rival_rates

            def rates(row: int) -> EntryRates:
                return entry_rates[row] if row >= 0 else topic_rates[-1 - row]

            for r, x in rows:
                x.append(rival_odds(q.terms, rates(r), rates(second if r == first else first), q.total))
        rows.sort(key=lambda row: (-row[1][0], row[0] < 0))
        return rows


def _top_two(values: list[float]) -> tuple[float, float]:
    """The largest value and the second largest (0.0 for a missing one)."""
    first = second = None
    for v in values:
        if first is None or v > first:
            first, second = v, first
        elif second is None or v > second:
            second = v
    return (0.0 if first is None else first), (0.0 if second is None else second)


def _best_other(top: tuple[float, float], mine: float) -> float:
    """The best value among the other candidates, given the top two of all (`_top_two`)."""
    return top[1] if mine == top[0] else top[0]
