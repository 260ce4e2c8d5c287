"""Matching a question to FAQ entries: a paraphrase index scored by a learned model.

A question is reduced to its focus (`faq.language.focus`), weighed word by word (idf),
and the entries whose texts fit it best are retrieved (`fit`, below). Each of them is
described by the features of `faq.search.model.FEATURES` and scored by the learned
logistic model; its probability of being right decides between answer, clarify and
no_match, with thresholds stated in `knowledge/search/model.yaml`.

Fit of a text (paraphrase, question or title) to the question: the geometric mean of the
share of the question's weight it holds and the share of its own weight the question
holds. An entry's fit is that of its best-fitting text. Word weights are idf over the
entries, log(1 + entries / entries using the word); a word no entry uses weighs like a
word of one entry.
"""

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

from faq.kb.model import LANGS, Entry, KnowledgeBase, Vocabulary
from faq.language.focus import Focus, focus
from faq.language.normalize import Normalizer, extract_bucketed, fold, length_buckets, words
from faq.search.model import ScoringModel, load_model, load_negatives, search_dir

__all__ = ["Candidate", "MatchResult", "Matcher", "Thresholds"]

Outcome = Literal["answer", "clarify", "no_match"]


@dataclass(frozen=True)
class Candidate:
    """An entry and the probability that it is the one asked about (0..1)."""

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
        confidence: 0..1, the estimated probability that `id` is the right entry.
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
    """Limits of the input (the decision thresholds are the model's, in knowledge/search/).

    Attributes:
        max_chars: A longer text is not a question: it gets no_match.
    """

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


_EPS = 1e-9
"""Margin for float bounds: an entry is skipped only when its bound is clearly below."""
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
class _Query:
    """A question as the index sees it."""

    terms: list[tuple[int, float]]  # (token id, weight) of the tokens the index knows
    total: float  # the weight of every word, known or not
    pairs: set[tuple[int, int]]
    repaired: set[int]  # token ids matched only after typo repair
    unknown: float  # weight of words no entry or example uses
    offtopic: float  # weight of off-topic words
    foreign: float  # weight of words only out-of-scope examples use
    content: int  # content words


class _Negatives:
    """The out-of-scope examples as documents of token ids, with postings per token."""

    def __init__(self, docs: list[list[int]], idf: array) -> None:
        self.norm = [sum(idf[k] for k in set(d)) for d in docs]
        self.post: dict[int, list[int]] = defaultdict(list)
        for i, d in enumerate(docs):
            for k in set(d):
                self.post[k].append(i)
        self.post = dict(self.post)

    def fit(self, query: _Query) -> float:
        """The fit of the closest example to the question."""
        acc: dict[int, float] = defaultdict(float)
        for k, w in query.terms:
            for d in self.post.get(k, ()):
                acc[d] += w
        best = 0.0
        for d, m in acc.items():
            best = max(best, (m / query.total) * (m / self.norm[d]))
        return math.sqrt(best)


class Matcher:
    """Finds the FAQ entry a question is about.

    Build one per knowledge base with `Matcher(kb)`; `to_state()` and `from_state()` turn
    it into plain data and back, so a cache can keep it. `match()` is pure.

    The index is kept in flat arrays so it stays small at 100,000 entries: every document
    (question, title, paraphrase) as a run of token ids, the documents of an entry
    contiguous, and for each token the entries that use it (`entry postings`). Retrieval
    needs only the best few entries: it gathers entries from the postings of the
    question's rarest tokens first and stops taking in new ones once the tokens left are
    too common to lift an unseen entry among them (a max-score bound), then computes the
    fit only of entries whose bound can still reach the last of them.
    """

    def __init__(self, kb: KnowledgeBase, thresholds: Thresholds | None = None, model: ScoringModel | None = None,
                 negatives: list[tuple[str, str]] | None = None) -> None:
        """Index `kb`.

        Args:
            kb: The knowledge base.
            thresholds: Input limits.
            model: The scoring model; by default the one in the knowledge base's `search/`
                folder (or the bundled one).
            negatives: (language, question) examples of out-of-scope questions; by default
                `search/out_of_scope.yaml`.
        """
        folder = search_dir(kb.root)
        self.thresholds = thresholds or Thresholds()
        self.model = model or load_model(folder)
        if negatives is None:
            negatives = load_negatives(folder)
        from faq.language.lexicon import words as lexicon_words

        self.abbreviations = frozenset(lexicon_words("abbreviations"))
        self.problem_cues = tuple(sorted({" ".join(words(fold(c.replace("'", "")))) for c in lexicon_words("problem_cues")}))
        self.ids = [e.id for e in kb.entries]
        self.flows = [e.flow for e in kb.entries]
        self.vocabulary = kb.vocabulary
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
        negative_docs = [ids_of(text, False) for _lang, text in negatives]
        self._tid = tid
        self._df = df
        self.surface_map = surface_map
        self._doc_start = doc_start
        self._doc_toks = doc_toks
        self._entry_docs = entry_docs
        self._ent_start = ent_start
        self._ent_toks = ent_toks
        self._negative_docs = [array("i", d) for d in negative_docs if d]
        self._derive()

    # -- plain data for a cache ---------------------------------------------------

    _STATE = ("ids", "flows", "_english_share", "_tid", "_df", "surface_map", "_doc_start", "_doc_toks",
              "_entry_docs", "_ent_start", "_ent_toks", "_negative_docs")

    def to_state(self) -> dict[str, Any]:
        """Return the matcher as plain data (dict, list, str, int, float, bool, None, array)."""
        state: dict[str, Any] = {name.lstrip("_"): getattr(self, name) for name in self._STATE}
        state["surface_map"] = {w: list(t) for w, t in self.surface_map.items()}
        state["vocabulary"] = {
            "synonyms": [list(g) for g in self.vocabulary.synonyms],
            "compounds": list(self.vocabulary.compounds),
            "stopwords": {lang: list(ws) for lang, ws in self.vocabulary.stopwords.items()},
            "offtopic": list(self.vocabulary.offtopic),
        }
        state["parts"] = sorted(self.normalizer.parts)
        state["abbreviations"] = sorted(self.abbreviations)
        state["problem_cues"] = list(self.problem_cues)
        state["max_chars"] = self.thresholds.max_chars
        state["model"] = self.model.to_state()
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Matcher:
        """Rebuild a matcher from `to_state()`.

        Raises:
            KeyError, TypeError, ValueError: the state is not one `to_state()` made.
        """
        self = cls.__new__(cls)
        for name in cls._STATE:
            setattr(self, name, state[name.lstrip("_")])
        self.surface_map = {w: tuple(t) for w, t in state["surface_map"].items()}
        v = state["vocabulary"]
        self.vocabulary = Vocabulary(tuple(tuple(g) for g in v["synonyms"]), tuple(v["compounds"]),
                                     {lang: tuple(ws) for lang, ws in v["stopwords"].items()}, tuple(v["offtopic"]))
        self.normalizer = Normalizer(self.vocabulary)
        self.normalizer.parts |= set(state["parts"])
        self.abbreviations = frozenset(state["abbreviations"])
        self.problem_cues = tuple(state["problem_cues"])
        self.thresholds = Thresholds(int(state["max_chars"]))
        self.model = ScoringModel.from_state(state["model"])
        self._derive()
        return self

    def _derive(self) -> None:
        """Compute what follows from the stored index: weights, postings, typo lists."""
        n = max(len(self.ids), 1)
        df = self._df
        # A token no entry uses (a word of the out-of-scope examples) weighs like one of a single entry.
        self._idf = idf = array("d", (math.log(1 + n / max(c, 1)) for c in df))
        self.unknown_idf = math.log(1 + n)
        doc_start, doc_toks, entry_docs = self._doc_start, self._doc_toks, self._entry_docs
        self._doc_norm = doc_norm = array("d", (sum(idf[k] for k in set(doc_toks[doc_start[d]: doc_start[d + 1]]))
                                                 for d in range(len(doc_start) - 1)))
        self._least_norm = array("d", (min(doc_norm[entry_docs[i]: entry_docs[i + 1]], default=math.inf)
                                       for i in range(len(self.ids))))
        # The entries of token k: `_post[_post_start[k] : _post_start[k + 1]]` (a counting sort).
        post_start = array("i", [0])
        for c in df:
            post_start.append(post_start[-1] + c)
        fill = array("i", post_start)
        ent_start, ent_toks = self._ent_start, self._ent_toks
        post = array("i", bytes(4 * len(ent_toks)))
        for i in range(len(self.ids)):
            for k in ent_toks[ent_start[i]: ent_start[i + 1]]:
                post[fill[k]] = i
                fill[k] += 1
        self._post_start = post_start
        self._post = post
        doc_post: dict[int, array] = {}
        doc_entry = array("i", bytes(4 * (len(doc_start) - 1)))
        if len(self.ids) <= _SCAN_UP_TO:
            for i in range(len(self.ids)):
                for d in range(entry_docs[i], entry_docs[i + 1]):
                    doc_entry[d] = i
                    for k in set(doc_toks[doc_start[d]: doc_start[d + 1]]):
                        doc_post.setdefault(k, array("i")).append(d)
        self._doc_post = doc_post
        self._doc_entry = doc_entry
        self._negatives = _Negatives([list(d) for d in self._negative_docs], idf)
        offtopic_heads: dict[str, list[str]] = defaultdict(list)
        for w in self.normalizer.offtopic:
            if len(w) >= 6 and " " not in w:
                offtopic_heads[w[:6]].append(w)
        self._offtopic_heads = dict(offtopic_heads)
        self._address_word = "adresse" if "adresse" in self.surface_map else "address"
        # A misspelt word is compared only with known words of its first letter and of a
        # length that can reach the cutoff: typos rarely hit the first letter, while real
        # words that differ there are often near ("ausgewiesen", "zugewiesen").
        by_initial: dict[str, list[str]] = defaultdict(list)
        for w in self.surface_map:
            if len(w) >= 4 and " " not in w:
                by_initial[w[0]].append(w)
        self._fuzzy_lists = {c: (ws, length_buckets(ws)) for c, ws in by_initial.items()}
        self._fuzzy_cutoff = self.model.settings["fuzzy_cutoff"]
        self._candidates = int(self.model.settings["candidates"])
        self._focus_min = int(self.model.settings["focus_min_words"])

    def knows(self, token: str) -> bool:
        """Return whether `token` (a matching token) occurs in the knowledge base's entries."""
        k = self._tid.get(token)
        return k is not None and self._df[k] > 0

    def _postings(self, k: int) -> array:
        return self._post[self._post_start[k]: self._post_start[k + 1]]

    # -- query side ---------------------------------------------------------------

    def focus(self, text: str) -> Focus:
        """Return the focus of `text`: the sentence that asks, with what it needs (see faq.language.focus)."""
        return focus(text, self._known_words, self._focus_min, self.abbreviations, self._states_problem)

    def _states_problem(self, sentence: str) -> bool:
        """Whether a word of `sentence` starts with a problem cue (knowledge/language/problem_cues.yaml)."""
        folded = " " + " ".join(words(fold(sentence.replace("'", ""))))
        return any(" " + cue in folded for cue in self.problem_cues)

    def _known_words(self, sentence: str) -> int:
        """The words of `sentence` that the knowledge base's entries use (its content words here)."""
        return sum(1 for t in self.normalizer.tokens(sentence) if self.knows(t))

    def _query(self, text: str) -> _Query | None:
        """Weigh the question's words; None when it has none."""
        weights: dict[str, float] = {}
        order: list[str] = []
        repaired: set[str] = set()
        foreign: set[str] = set()
        offtopic = self.normalizer.offtopic
        surface_map = self.surface_map
        tid, idf = self._tid, self._idf
        unknown_idf = self.unknown_idf
        unknown = off = 0.0
        content = 0
        text = _DATE.sub(" ", _ADDRESS.sub(self._address_words, text))
        for word in self.normalizer.surface(text):
            content += 1
            if word in offtopic or word.replace(" ", "") in offtopic:
                if "!" + word not in weights:
                    weights["!" + word] = unknown_idf
                    off += unknown_idf
                continue
            toks = surface_map.get(word)
            if toks is None:
                toks = tuple(self.normalizer.expand(word))
                if any(t in offtopic for t in toks) or self._offtopic_head(word):  # "Wiederherstellungsformular"
                    if "!" + word not in weights:
                        weights["!" + word] = unknown_idf
                        off += unknown_idf
                    continue
            fixed = False
            if not all(t in tid for t in toks):
                repair = self._fuzzy(word)
                if repair is not None:
                    toks, fixed = repair, True
            for t in toks:
                k = tid.get(t)
                if k is None:
                    if len(t) <= 2 or t.isdigit():
                        continue  # a number the knowledge base never uses says nothing about the topic
                    if "?" + t not in weights:
                        weights["?" + t] = unknown_idf
                        unknown += unknown_idf
                else:
                    weights[t] = idf[k]
                    if not self._df[k]:
                        foreign.add(t)
                    order.append(t)
                    if fixed:
                        repaired.add(t)
        total = sum(weights.values())
        if not total:
            return None
        terms = [(tid[t], w) for t, w in weights.items() if t in tid]
        pairs = {(tid[a], tid[b]) for a, b in _pairs(order)}
        return _Query(terms, total, pairs, {tid[t] for t in repaired}, unknown, off,
                      sum(weights[t] for t in foreign), content)

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

    def _fuzzy(self, word: str) -> tuple[str, ...] | None:
        if len(word) < 5 or word.isdigit():
            return None
        keys, buckets = self._fuzzy_lists.get(word[0], ([], {}))
        best = extract_bucketed(word, buckets, self._fuzzy_cutoff)
        if best is None:
            return None
        return self.surface_map[keys[best[1]]]

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

    # -- retrieval ----------------------------------------------------------------

    def _entry_fit(self, entry: int, q: _Query, theta: float = 0.0) -> float | None:
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

    def _scan(self, q: _Query) -> dict[int, tuple[float, int, float]]:
        """Match the question against every document through the document postings.

        Returns:
            For each entry with a matching document: (fit squared times the question's
            weight, best document, weight it matches); the best document is the first of
            the highest fit.
        """
        acc: dict[int, float] = defaultdict(float)
        post = self._doc_post
        for k, w in q.terms:
            for d in post.get(k, ()):
                acc[d] += w
        norm, owner = self._doc_norm, self._doc_entry
        best: dict[int, tuple[float, int, float]] = {}
        for d, m in acc.items():
            score = m * m / norm[d]
            e = owner[d]
            cur = best.get(e)
            if cur is None or score > cur[0] or (score == cur[0] and d < cur[1]):
                best[e] = (score, d, m)
        return best

    def _best_doc(self, entry: int, q: _Query) -> tuple[float, int, float] | None:
        """`_scan(q)[entry]` for one entry (the path of a huge knowledge base)."""
        mine = set(self._ent_toks[self._ent_start[entry]: self._ent_start[entry + 1]])
        terms = [(k, w) for k, w in q.terms if k in mine]
        doc_toks, doc_start, doc_norm = self._doc_toks, self._doc_start, self._doc_norm
        found = None
        for d in range(self._entry_docs[entry], self._entry_docs[entry + 1]):
            seq = doc_toks[doc_start[d]: doc_start[d + 1]]
            m = sum(w for k, w in terms if k in seq)
            if m > 0.0 and (found is None or m * m / doc_norm[d] > found[0]):
                found = (m * m / doc_norm[d], d, m)
        return found

    def _top(self, q: _Query, k: int) -> tuple[list[int], dict[int, tuple[float, int, float]]]:
        """The `k` best-fitting entries, best first, and their best documents."""
        if len(self.ids) <= _SCAN_UP_TO:
            found = self._scan(q)
            ranked = sorted(found, key=lambda e: (-found[e][0], e))[:k]
            return ranked, found
        ranked = [e for _fit, e in self._best(q, k)]
        found = {}
        for e in ranked:
            doc = self._best_doc(e, q)
            if doc is not None:
                found[e] = doc
        return ranked, found

    def _features(self, entry: int, q: _Query, doc: tuple[float, int, float] | None) -> list[float]:
        """The features of one candidate but those that compare it with others (see FEATURES)."""
        total = q.total
        mine = set(self._ent_toks[self._ent_start[entry]: self._ent_start[entry + 1]])
        covered = typo = 0.0
        for k, w in q.terms:
            if k in mine:
                covered += w
                if k in q.repaired:
                    typo += w
        qcov = dcov = order = 0.0
        if doc is not None:
            _score, d, m = doc
            qcov, dcov = m / total, m / self._doc_norm[d]
            if q.pairs:
                seq = self._doc_toks[self._doc_start[d]: self._doc_start[d + 1]]
                order = len(q.pairs & set(zip(seq, seq[1:]))) / len(q.pairs)
        return [math.sqrt(qcov * dcov), qcov, dcov, covered / total, order, typo / total, q.unknown / total,
                q.offtopic / total, q.foreign / total, 0.0, 0.0, 1.0 / max(q.content, 1)]

    def _best(self, q: _Query, k: int) -> list[tuple[float, int]]:
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

    def _best_vector(self, np: Any, q: _Query, k: int) -> list[tuple[float, int]]:
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

    # -- the model ----------------------------------------------------------------

    def candidate_features(self, text: str) -> list[tuple[int, list[float]]]:
        """Return (entry index, features) of the question's candidates, best fit first.

        The features describe the question's focus; the whole text adds candidates of its
        own and the `text_*` features (context supports, it never decides alone).
        """
        view = self.focus(text)
        q = self._query(view.text)
        whole = q if view.is_whole else self._query(text)
        if q is None:
            q = whole
        if q is None or whole is None:
            return []
        k = self._candidates
        entries, found = self._top(q, k)
        if whole is q:
            whole_found = found
        else:
            more, whole_found = self._top(whole, k)
            entries += [e for e in more if e not in entries]
        if not entries:
            return []
        rows = []
        for e in entries:
            doc = found.get(e)
            if doc is None and len(self.ids) > _SCAN_UP_TO:
                doc = self._best_doc(e, q)
            rows.append((e, self._features(e, q, doc)))
        oos = self._negatives.fit(q)
        known = sum(w for _k, w in whole.terms) or 1.0
        length = math.log(whole.content)
        for n, (e, x) in enumerate(rows):
            others = [r[1][0] for m, r in enumerate(rows) if m != n]
            mine = set(self._ent_toks[self._ent_start[e]: self._ent_start[e + 1]])
            x[9] = oos
            x[10] = x[0] - max(others, default=0.0)
            x.append(sum(w for t, w in whole.terms if t in mine) / known)
            if whole is q:
                x.append(x[0])
            else:
                doc = whole_found.get(e) if len(self.ids) <= _SCAN_UP_TO else self._best_doc(e, whole)
                x.append(math.sqrt(doc[0] / whole.total) if doc is not None else 0.0)
            x.append(length)
        rows.sort(key=lambda r: -r[1][0])
        return rows

    def scores(self, text: str) -> list[tuple[float, int]]:
        """Return (probability, entry index) of the question's candidates, best first.

        A candidate's probability is the model's, shared out when the candidates'
        probabilities sum to more than 1.
        """
        rows = self.candidate_features(text)
        probs = [(self.model.probability(x), e) for e, x in rows]
        mass = sum(p for p, _e in probs)
        if mass > 1.0:
            probs = [(p / mass, e) for p, e in probs]
        probs.sort(key=lambda x: (-x[0], x[1]))
        return probs

    def match(self, text: str, lang: str | None = None) -> MatchResult:
        """Match one question.

        Answers when the best entry's probability reaches the model's `answer` threshold;
        asks back when it does not but the entries of at least `offer` probability together
        do; else no_match.

        Args:
            text: The question in the user's words.
            lang: Force the language reported ("de"/"en"); None detects it.
        """
        from faq.language.text import clean

        query = clean(text)
        detected = lang or self.detect_language(query)
        ranked = self.scores(query) if len(query) <= self.thresholds.max_chars else []
        cands = tuple(Candidate(self.ids[i], round(p, 3)) for p, i in ranked[:3])
        model = self.model
        if ranked and ranked[0][0] >= model.answer:
            p, i = ranked[0]
            return MatchResult(query, "answer", self.ids[i], self.flows[i], round(p, 3), detected, cands)
        offered = [c for c in cands if c.confidence >= model.offer]
        if len(offered) >= 2 and sum(p for p, _i in ranked[: len(offered)]) >= model.answer:
            p, i = ranked[0]
            return MatchResult(query, "clarify", self.ids[i], self.flows[i], round(p, 3), detected, tuple(offered))
        return MatchResult(query, "no_match", None, None, cands[0].confidence if cands else 0.0, detected, cands)
