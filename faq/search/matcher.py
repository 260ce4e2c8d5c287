"""Matching a question to FAQ entries: an idf-weighted paraphrase index with abstention."""

from __future__ import annotations

import heapq
import math
import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from faq.kb.model import LANGS, Entry, KnowledgeBase
from faq.language.normalize import Normalizer, extract_bucketed, fold, length_buckets, words

__all__ = ["Candidate", "MatchResult", "Matcher", "Thresholds"]

Outcome = Literal["answer", "clarify", "no_match"]


@dataclass(frozen=True)
class Candidate:
    """An entry and how well it fits the question (0..1)."""

    id: str
    confidence: float


@dataclass(frozen=True)
class MatchResult:
    """The matcher's verdict on one question.

    Attributes:
        query: The question as asked (cleaned).
        outcome: "answer", "clarify" (several entries are close) or "no_match".
        id: The best entry, None on no_match.
        flow: The flow the best entry starts, or None.
        confidence: 0..1.
        lang: "de" or "en", the language detected.
        candidates: The best entries, best first.
    """

    query: str
    outcome: Outcome
    id: str | None
    flow: str | None
    confidence: float
    lang: str
    candidates: tuple[Candidate, ...]

    def to_json(self) -> dict:
        """Return the object CONTRACT §3 fixes for `faqbot ask --json`."""
        return {
            "query": self.query,
            "outcome": self.outcome,
            "id": self.id,
            "flow": self.flow,
            "confidence": self.confidence,
            "lang": self.lang,
            "candidates": [{"id": c.id, "confidence": c.confidence} for c in self.candidates],
        }


@dataclass(frozen=True)
class Thresholds:
    """Where the matcher answers, asks back or abstains.

    Attributes:
        answer: Lowest score that may be answered.
        max_chars: A longer text is not a question: it gets no_match.
        clarify_gap: Entries closer than this to the best are offered as well.
        fuzzy_cutoff: rapidfuzz ratio from which a misspelt word counts as a known one.
    """

    answer: float = 0.34
    clarify_gap: float = 0.06
    fuzzy_cutoff: float = 82.0
    max_chars: int = 2000


def _documents(entry: Entry) -> Iterator[tuple[str, str]]:
    """Yield (language, text) of each document of an entry: question, title, paraphrases."""
    for lang in LANGS:
        yield lang, entry.question.get(lang)
        yield lang, entry.title.get(lang)
        for paraphrase in entry.paraphrases.get(lang, ()):
            yield lang, paraphrase


def _pairs(tokens: list[str]) -> set[tuple[str, str]]:
    """Ordered pairs of neighbouring tokens: they tell "mehrere Registrierungen, ein Konto"
    from "eine Registrierung, mehrere Konten"."""
    return {(a, b) for a, b in zip(tokens, tokens[1:]) if a != b}


_TOP = 3
"""How many entries `match()` needs exactly (the candidates it reports)."""
_EPS = 1e-9
_MAX_EXACT = 200
"""At most this many entries are scored exactly for one question, the most promising by
their upper bound first. It never binds on a knowledge base of a few hundred entries, so
answers there are exact; on 100,000 it keeps the time per question bounded."""
_ADDRESS = re.compile(r"\b[\w.+-]+@((?:[\w-]+\.)+[A-Za-z]{2,})\b")
_MONTH = (r"(?:jan(?:uar|uary)?|feb(?:ruar|ruary)?|m(?:ä|ae|a)rz|march|mar|apr(?:il)?|mai|may|jun[ie]?|jul[iy]?|"
          r"aug(?:ust)?|sep(?:tember)?|o[kc]t(?:ober)?|nov(?:ember)?|de[zc](?:ember)?)")
_DATE = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})?|\d{1,2}\.?\s*" + _MONTH + r"\.?(?:\s+\d{4})?|"
    + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|" + _MONTH + r"\s+\d{4})\b",
    re.IGNORECASE,
)
"""A date says when, not what about: it is no evidence for or against an entry."""
_PREFILTER = 5 * _MAX_EXACT
_UNKNOWN_GROWTH = 0.75
"""Unknown words weigh n ** 0.75 together, not n: see `_query_tokens`."""
_VECTOR_FROM = 20_000
"""From this many entries, matched weights are summed with numpy when it is installed."""


def _numpy() -> Any:
    """Return numpy, imported on first use by a huge knowledge base, or None without it."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy
"""Margin for float bounds: an entry is skipped only when its bound is clearly below."""


def _bound(covered: float, total: float, least_norm: float) -> float:
    """The highest final score an entry can reach when at most `covered` weight of the
    question's `total` is among its tokens and its shortest document weighs `least_norm`.

    A document score is (qcov ** 0.6) * (dcov ** 0.4) * pair factor, with the matched
    weight at most `covered` and the pair factor at most 1.
    """
    if covered <= 0.0:
        return 0.0
    qcov = covered / total
    dcov = covered / least_norm if least_norm > covered else 1.0
    return 0.65 * (qcov ** 0.6) * (dcov ** 0.4) + 0.35 * qcov


class Matcher:
    """Finds the FAQ entry a question is about.

    Build one per knowledge base with `Matcher(kb)`; it is picklable, so a cache can
    keep it. `match()` is pure.

    The index is kept in flat arrays so it stays small and pickles fast at 100,000
    entries: every document (question, title, paraphrase) as a run of token ids, the
    documents of an entry contiguous, and for each token the entries that use it
    (`entry postings`). `match()` needs only the best three entries: it gathers entries
    from the postings of the question's rarest tokens first and stops taking in new ones
    once the tokens left are too common to lift an unseen entry into the top three
    (a max-score bound), then scores exactly only the entries whose bound can still
    reach the third best.
    """

    def __init__(self, kb: KnowledgeBase, thresholds: Thresholds | None = None) -> None:
        self.thresholds = thresholds or Thresholds()
        self.ids = [e.id for e in kb.entries]
        self.flows = [e.flow for e in kb.entries]
        self.normalizer = Normalizer(kb.vocabulary)
        normalizer = self.normalizer
        parts = normalizer.parts
        intern = sys.intern  # one string object per word, however many structures hold it
        lang_words: dict[str, dict[str, int]] = {lang: defaultdict(int) for lang in LANGS}
        for e in kb.entries:
            for lang, text in _documents(e):
                counts = lang_words[lang]
                for w in words(fold(text)):
                    w = intern(w)
                    if len(w) >= 4:
                        parts.add(w)
                    counts[w] += 1
        de_words, en_words = lang_words["de"], lang_words["en"]
        # The share of a word's uses that are English; 0.0 and 1.0 are shared objects.
        self._english_share = {
            w: 1.0 if not de_words.get(w) else 0.0 if not en_words.get(w) else en_words[w] / (de_words[w] + en_words[w])
            for w in {**de_words, **en_words}
        }
        del lang_words, de_words, en_words
        # `expand` is pure once `parts` is complete: remember it per surface word. The
        # words of the texts are kept (`surface_map`) so that a question's known words
        # skip the compound splitter.
        surface_map: dict[str, tuple[str, ...]] = {}
        expand = normalizer.expand
        tid: dict[str, int] = {}  # token -> id, in the order of first use
        df = array("i")  # token id -> entries that use it

        def ids_of(text: str, keep: bool) -> list[int]:
            out: list[int] = []
            for w in normalizer.surface(text):
                toks = surface_map.get(w)
                if toks is None:
                    toks = tuple(intern(t) for t in expand(w))
                    if keep:
                        surface_map[intern(w)] = toks
                for t in toks:
                    k = tid.get(t)
                    if k is None:
                        k = tid[t] = len(df)
                        df.append(0)
                    out.append(k)
            return out

        # Documents (each question, title, paraphrase) as runs of token ids, an entry's
        # documents contiguous; an entry's tokens are those of its documents and keywords.
        doc_start = array("i", [0])
        doc_toks = array("i")
        entry_docs = array("i", [0])
        ent_start = array("i", [0])
        ent_toks = array("i")
        keyword_memo: dict[str, list[int]] = {}
        for e in kb.entries:
            mine: set[int] = set()
            for _lang, text in _documents(e):
                ids = ids_of(text, True)
                if ids:
                    doc_toks.extend(ids)
                    doc_start.append(len(doc_toks))
                    mine.update(ids)
            entry_docs.append(len(doc_start) - 1)
            for lang in LANGS:
                for kw in e.keywords.get(lang, ()):
                    ids = keyword_memo.get(kw)
                    if ids is None:
                        ids = keyword_memo[kw] = ids_of(kw, False)
                    mine.update(ids)
            ordered = sorted(mine)
            ent_toks.extend(ordered)
            ent_start.append(len(ent_toks))
            for k in ordered:
                df[k] += 1
        del keyword_memo
        n = max(len(kb.entries), 1)
        self._tid = tid
        self._idf = idf = array("d", (math.log(1 + n / c) for c in df))  # the weight of token k
        # A word the knowledge base never uses weighs like a word specific to one entry
        # and a bit more: a question resting on unknown words is likely out of scope.
        self.unknown_idf = 1.25 * math.log(1 + n)
        self.offtopic_weight = 3 * self.unknown_idf
        doc_norm = array("d", bytes(8 * (len(doc_start) - 1)))
        for d in range(len(doc_start) - 1):
            doc_norm[d] = sum(idf[k] for k in set(doc_toks[doc_start[d] : doc_start[d + 1]]))
        least_norm = array("d", (min(doc_norm[entry_docs[i] : entry_docs[i + 1]], default=math.inf)
                                 for i in range(len(kb.entries))))
        self._doc_start = doc_start
        self._doc_toks = doc_toks
        self._doc_norm = doc_norm
        self._entry_docs = entry_docs
        self._least_norm = least_norm
        self._ent_start = ent_start
        self._ent_toks = ent_toks
        # The entries of token k: `_post[_post_start[k] : _post_start[k + 1]]`, filled by
        # a counting sort over the entries' tokens.
        post_start = array("i", [0])
        for c in df:
            post_start.append(post_start[-1] + c)
        fill = array("i", post_start)
        post = array("i", bytes(4 * len(ent_toks)))
        for i in range(len(kb.entries)):
            for k in ent_toks[ent_start[i] : ent_start[i + 1]]:
                post[fill[k]] = i
                fill[k] += 1
        self._post_start = post_start
        self._post = post
        self.surface_map = surface_map
        self._offtopic_heads: dict[str, list[str]] = defaultdict(list)
        for w in normalizer.offtopic:
            if len(w) >= 6 and " " not in w:
                self._offtopic_heads[w[:6]].append(w)
        self._offtopic_heads = dict(self._offtopic_heads)
        self._address_word = "adresse" if "adresse" in surface_map else "address"
        # A misspelt word is compared only with known words of its first letter and of a
        # length that can reach the cutoff: typos rarely hit the first letter, while real
        # words that differ there are often near ("ausgewiesen", "zugewiesen").
        by_initial: dict[str, list[str]] = defaultdict(list)
        for w in surface_map:
            if len(w) >= 4 and " " not in w:
                by_initial[w[0]].append(w)
        self._fuzzy_lists = {c: (ws, length_buckets(ws)) for c, ws in by_initial.items()}

    def knows(self, token: str) -> bool:
        """Return whether `token` (a matching token) occurs in the knowledge base."""
        return token in self._tid

    def _postings(self, k: int) -> array:
        return self._post[self._post_start[k] : self._post_start[k + 1]]

    # -- query side ---------------------------------------------------------------

    def _query_tokens(self, text: str) -> tuple[dict[str, float], list[str]]:
        """Map the question to weighted tokens (unknown words get a penalty weight) and
        return them with the known tokens in order."""
        known: dict[str, float] = {}
        order: list[str] = []
        offtopic = self.normalizer.offtopic
        surface_map = self.surface_map
        tid, idf = self._tid, self._idf
        unknown = 0
        text = _DATE.sub(" ", _ADDRESS.sub(self._address_words, text))
        for word in self.normalizer.surface(text):
            if word in offtopic or word.replace(" ", "") in offtopic:
                known["!" + word] = self.offtopic_weight
                continue
            toks = surface_map.get(word)
            if toks is None:
                toks = self.normalizer.expand(word)
                if any(t in offtopic for t in toks) or self._offtopic_head(word):  # "Wiederherstellungsformular"
                    known["!" + word] = self.offtopic_weight
                    continue
            factor = 1.0
            if not all(t in tid for t in toks):
                fixed = self._fuzzy(word)
                if fixed is not None:
                    toks, factor = list(fixed[0]), fixed[1]
            for t in toks:
                k = tid.get(t)
                if k is None:
                    if len(t) <= 2:
                        continue
                    if "?" + t not in known:
                        unknown += 1
                        # The n-th unknown word weighs less than the one before: a long question
                        # brings context words of its own; a short one of unknown words is out of scope.
                        damp = (unknown ** _UNKNOWN_GROWTH - (unknown - 1) ** _UNKNOWN_GROWTH)
                        known["?" + t] = self.unknown_idf * damp * (0.3 if t.isdigit() else 1.0)
                else:
                    known[t] = max(known.get(t, 0.0), idf[k] * factor)
                    order.append(t)
        return known, order

    def _offtopic_head(self, word: str) -> bool:
        """Whether an unknown compound starts with an off-topic word ("Passwortrücksetzung")."""
        heads = self._offtopic_heads
        return any(word.startswith(h) and len(word) - len(h) >= 4 for h in heads.get(word[:6], ()))

    def _address_words(self, found: re.Match[str]) -> str:
        """An e-mail address says "an address", and its domain only where the knowledge
        base speaks of that domain (outlook.com): its other words are no evidence."""
        domain = " ".join(words(fold(found.group(1))))
        known = [w for w in self.normalizer.surface(domain) if w in self.surface_map]
        if len(known) > 1 or any(" " in w for w in known):
            return f" {self._address_word} {domain} "
        return f" {self._address_word} "

    def _fuzzy(self, word: str) -> tuple[tuple[str, ...], float] | None:
        if len(word) < 5 or word.isdigit():
            return None
        keys, buckets = self._fuzzy_lists.get(word[0], ([], {}))
        best = extract_bucketed(word, buckets, self.thresholds.fuzzy_cutoff)
        if best is None:
            return None
        return self.surface_map[keys[best[1]]], 0.6 + 0.4 * (best[0] / 100.0)

    def detect_language(self, text: str) -> str:
        """Return "de" or "en" by which language's words of the knowledge base the text uses."""
        folded = fold(text)
        if any(ch in text.lower() for ch in "äöüß"):
            return "de"
        de = en = 0.0
        for w in words(folded):
            share = self._english_share.get(w)
            if share is not None:
                en += share
                de += 1.0 - share
        return "en" if en > de else "de"

    # -- scoring ------------------------------------------------------------------

    def _entry_score(
        self, entry: int, terms: list[tuple[int, float]], total: float, pairs: set[tuple[int, int]], theta: float = 0.0
    ) -> float | None:
        """The score of one entry (None when no document shares a token with the question):
        the best document's coverage score, blended with the entry's coverage.

        With `theta` > 0, documents that cannot lift the entry to `theta` are skipped; a
        result below `theta - _EPS` then only says the entry stays below it.
        """
        mine = set(self._ent_toks[self._ent_start[entry] : self._ent_start[entry + 1]])
        terms = [(k, w) for k, w in terms if k in mine]  # only these can match a document
        if not terms:
            return None
        covered = sum(w for _k, w in terms)
        if covered <= 0.0:
            return None
        cov = 0.35 * (covered / total)
        need = (theta - _EPS - cov) / 0.65  # the document score the entry needs to reach theta
        doc_toks = self._doc_toks
        doc_start = self._doc_start
        doc_norm = self._doc_norm
        qmax = (covered / total) ** 0.6
        best = 0.0
        for d in range(self._entry_docs[entry], self._entry_docs[entry + 1]):
            norm = doc_norm[d]
            if norm > covered:  # a document matches at most `covered`
                bound = qmax * ((covered / norm) ** 0.4)
                if bound <= best or bound < need:
                    continue
            seq = doc_toks[doc_start[d] : doc_start[d + 1]]
            matched = 0.0
            hit = False
            for k, w in terms:
                if k in seq:
                    matched += w
                    hit = True
            if not hit:
                continue
            score = ((matched / total) ** 0.6) * ((matched / norm) ** 0.4)
            if score <= best or score < need:
                continue  # the pair factor is at most 1: it cannot help
            if pairs:
                seen = {(a, b) for a, b in zip(seq, seq[1:]) if a != b}
                score *= 0.7 + 0.3 * len(pairs & seen) / len(pairs)
            if score > best:
                best = score
        if best <= 0.0:
            return None if theta <= 0.0 else -1.0
        return 0.65 * best + cov

    def _prepare(self, text: str) -> tuple[list[tuple[int, float]], float, set[tuple[int, int]]] | None:
        query, order = self._query_tokens(text)
        total = sum(query.values())
        if not total:
            return None
        tid = self._tid
        terms = [(tid[t], w) for t, w in query.items() if t in tid]
        pairs = {(tid[a], tid[b]) for a, b in _pairs(order)}
        return terms, total, pairs

    def scores(self, text: str) -> list[tuple[float, int]]:
        """Return (score, entry index) for every entry with a score, best first."""
        prepared = self._prepare(text)
        if prepared is None:
            return []
        terms, total, pairs = prepared
        seen: set[int] = set()
        for k, _w in terms:
            seen.update(self._postings(k))
        out = []
        for entry in seen:
            score = self._entry_score(entry, terms, total, pairs)
            if score is not None:
                out.append((score, entry))
        out.sort(key=lambda x: (-x[0], x[1]))
        return out

    def _best(self, text: str, k: int = _TOP) -> list[tuple[float, int]]:
        """Return the first `k` items of `scores(text)`, visiting only entries that can
        still reach them."""
        prepared = self._prepare(text)
        if prepared is None:
            return []
        terms, total, pairs = prepared
        if len(self.ids) > _VECTOR_FROM:
            vector = _numpy()
            if vector is not None:
                return self._best_vector(vector, terms, total, pairs, k)
        # Rarest (heaviest) tokens first; `rest[i]` is the weight of tokens i.. onwards.
        ranked_terms = sorted(terms, key=lambda kw: -kw[1])
        rest = [0.0] * (len(ranked_terms) + 1)
        for i in range(len(ranked_terms) - 1, -1, -1):
            rest[i] = rest[i + 1] + ranked_terms[i][1]
        postings = self._postings
        least_norm = self._least_norm
        acc: dict[int, float] = {}
        exact: dict[int, float | None] = {}
        top: list[float] = []  # the k best exact scores (a min-heap)
        theta = 0.0

        def score(entry: int) -> None:
            nonlocal theta
            value = exact[entry] = self._entry_score(entry, terms, total, pairs, theta)
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
                # Raise theta from the most promising entries so far before going on.
                for e in heapq.nlargest(k, acc, key=acc.__getitem__):
                    if e not in exact:
                        score(e)
        remaining = rest[i]
        pending: Iterable[tuple[float, int]] = ((c, e) for e, c in acc.items() if e not in exact)
        if len(acc) > _PREFILTER:
            # Huge candidate sets: bound only those with the most matched weight.
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
        out = [(s, e) for e, s in exact.items() if s is not None]
        out.sort(key=lambda x: (-x[0], x[1]))
        return out[:k]

    def _best_vector(self, np: Any, terms: list[tuple[int, float]], total: float,
                     pairs: set[tuple[int, int]], k: int) -> list[tuple[float, int]]:
        """`_best` for a huge knowledge base: matched weights are summed with numpy, and
        only the entries with the most matched weight are bounded and scored."""
        acc = np.zeros(len(self.ids), dtype=np.float64)
        for key, w in terms:
            acc[np.frombuffer(self._postings(key), dtype=np.int32)] += w
        hits = np.flatnonzero(acc)
        if len(hits) > _PREFILTER:
            hits = hits[np.argpartition(acc[hits], -_PREFILTER)[-_PREFILTER:]]
        least_norm = self._least_norm
        heap = [(-_bound(float(acc[e]), total, least_norm[e]), int(e)) for e in hits]
        heapq.heapify(heap)
        top: list[float] = []
        scored: list[tuple[float, int]] = []
        theta = 0.0
        while heap and len(scored) < _MAX_EXACT:
            neg, e = heapq.heappop(heap)
            if len(top) == k and -neg < theta - _EPS:
                break
            value = self._entry_score(e, terms, total, pairs, theta)
            if value is None:
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

    def match(self, text: str, lang: str | None = None) -> MatchResult:
        """Match one question.

        Args:
            text: The question in the user's words.
            lang: Force the language reported ("de"/"en"); None detects it.
        """
        from faq.language.text import clean

        query = clean(text)
        detected = lang or self.detect_language(query)
        th = self.thresholds
        ranked = self._best(query) if len(query) <= th.max_chars else []
        cands = tuple(Candidate(self.ids[i], round(min(s, 1.0), 3)) for s, i in ranked[:3])
        if not ranked or ranked[0][0] < th.answer:
            return MatchResult(query, "no_match", None, None, cands[0].confidence if cands else 0.0, detected, cands)
        best, idx = ranked[0]
        close = [c for c in cands[1:] if c.confidence >= best - th.clarify_gap]
        outcome: Outcome = "clarify" if close else "answer"
        shown = cands[: 1 + len(close)] if close else cands
        return MatchResult(query, outcome, self.ids[idx], self.flows[idx], round(min(best, 1.0), 3), detected, shown if close else cands)

    # -- state, for a cache that holds data, never code ---------------------------

    _ARRAYS = {"_idf": "d", "_doc_start": "i", "_doc_toks": "i", "_doc_norm": "d", "_entry_docs": "i",
               "_least_norm": "d", "_ent_start": "i", "_ent_toks": "i", "_post_start": "i", "_post": "i"}
    _PLAIN = {"ids": list, "flows": list, "_english_share": dict, "_tid": dict, "surface_map": dict,
              "_offtopic_heads": dict, "_address_word": str, "unknown_idf": float, "offtopic_weight": float}

    def to_state(self) -> dict[str, Any]:
        """Return the matcher as plain data (dict, list, str, int, float, bool, None, array)."""
        vocab = self.normalizer.vocabulary
        state: dict[str, Any] = {name: getattr(self, name) for name in self._ARRAYS}
        state.update({name: getattr(self, name) for name in self._PLAIN})
        state["surface_map"] = {w: list(t) for w, t in self.surface_map.items()}
        state["thresholds"] = {f: getattr(self.thresholds, f) for f in Thresholds.__dataclass_fields__}
        state["vocabulary"] = {"synonyms": [list(g) for g in vocab.synonyms], "compounds": list(vocab.compounds),
                               "stopwords": {k: list(v) for k, v in vocab.stopwords.items()},
                               "offtopic": list(vocab.offtopic)}
        state["normalizer"] = self.normalizer.to_state()
        state["fuzzy"] = {c: ws for c, (ws, _buckets) in self._fuzzy_lists.items()}
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Matcher:
        """Return the matcher `to_state` described.

        Raises:
            ValueError: The state is not one `to_state` makes (a missing part, a wrong type).
        """
        from faq.kb.model import Vocabulary

        def part(name: str, kind: type) -> Any:
            value = state.get(name)
            if not isinstance(value, kind) or (kind is float and isinstance(value, bool)):
                raise ValueError(f"matcher state: '{name}' is not a {kind.__name__}")
            return value

        self = cls.__new__(cls)
        for name, code in cls._ARRAYS.items():
            value = part(name, array)
            if value.typecode != code:
                raise ValueError(f"matcher state: '{name}' has type code {value.typecode!r}")
            setattr(self, name, value)
        for name, kind in cls._PLAIN.items():
            setattr(self, name, part(name, kind))
        self.surface_map = {w: tuple(t) for w, t in self.surface_map.items()}
        try:
            self.thresholds = Thresholds(**part("thresholds", dict))
            v = part("vocabulary", dict)
            vocab = Vocabulary(tuple(tuple(g) for g in v["synonyms"]), tuple(v["compounds"]),
                               {k: tuple(w) for k, w in v["stopwords"].items()}, tuple(v["offtopic"]))
        except (TypeError, KeyError, AttributeError) as exc:
            raise ValueError(f"matcher state: {exc}") from None
        self.normalizer = Normalizer.from_state(vocab, part("normalizer", dict))
        self._fuzzy_lists = {c: (ws, length_buckets(ws)) for c, ws in part("fuzzy", dict).items()}
        return self
