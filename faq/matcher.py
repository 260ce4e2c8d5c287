"""Matching a question to FAQ entries: an idf-weighted paraphrase index with abstention."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from .model import LANGS, KnowledgeBase
from .normalize import Normalizer, fold, words

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

    answer: float = 0.36
    clarify_gap: float = 0.06
    fuzzy_cutoff: float = 82.0
    max_chars: int = 2000


@dataclass(frozen=True)
class _Doc:
    entry: int
    weights: dict[str, float]
    norm: float
    pairs: frozenset[tuple[str, str]]


def _pairs(tokens: list[str]) -> set[tuple[str, str]]:
    """Ordered pairs of neighbouring tokens: they tell "mehrere Registrierungen, ein Konto"
    from "eine Registrierung, mehrere Konten"."""
    return {(a, b) for a, b in zip(tokens, tokens[1:]) if a != b}


class Matcher:
    """Finds the FAQ entry a question is about.

    Build one per knowledge base with `Matcher(kb)`; it is picklable, so a cache can
    keep it. `match()` is pure.
    """

    def __init__(self, kb: KnowledgeBase, thresholds: Thresholds | None = None) -> None:
        self.thresholds = thresholds or Thresholds()
        self.ids = [e.id for e in kb.entries]
        self.flows = [e.flow for e in kb.entries]
        texts: list[list[tuple[str, str]]] = []  # per entry: (lang, text)
        for e in kb.entries:
            items: list[tuple[str, str]] = []
            for lang in LANGS:
                items.append((lang, e.question.get(lang)))
                items.append((lang, e.title.get(lang)))
                items.extend((lang, p) for p in e.paraphrases.get(lang, ()))
            texts.append(items)
        self.normalizer = Normalizer(kb.vocabulary)
        parts = self.normalizer.parts
        lang_words: dict[str, dict[str, int]] = {lang: defaultdict(int) for lang in LANGS}
        for items in texts:
            for lang, text in items:
                for w in words(fold(text)):
                    if len(w) >= 4:
                        parts.add(w)
                    lang_words[lang][w] += 1
        self._lang_words = {lang: dict(c) for lang, c in lang_words.items()}
        # Documents: each question, title, paraphrase; and the keywords of each entry.
        raw_docs: list[tuple[int, list[str]]] = []
        for i, items in enumerate(texts):
            for _lang, text in items:
                toks = self.normalizer.tokens(text)
                if toks:
                    raw_docs.append((i, toks))
        keyword_tokens: list[set[str]] = [set() for _ in kb.entries]
        for i, e in enumerate(kb.entries):
            for lang in LANGS:
                for kw in e.keywords.get(lang, ()):
                    keyword_tokens[i].update(self.normalizer.tokens(kw))
        entry_tokens: list[set[str]] = [set(k) for k in keyword_tokens]
        for i, toks in raw_docs:
            entry_tokens[i].update(toks)
        df: dict[str, int] = defaultdict(int)
        for toks in entry_tokens:
            for t in toks:
                df[t] += 1
        n = max(len(kb.entries), 1)
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}
        # A word the knowledge base never uses weighs like a word specific to one entry
        # and a bit more: a question resting on unknown words is likely out of scope.
        self.unknown_idf = 1.25 * math.log(1 + n)
        self.offtopic_weight = 3 * self.unknown_idf
        self.entry_tokens = entry_tokens
        self.docs: list[_Doc] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, toks in raw_docs:
            weights = {t: self.idf[t] for t in set(toks)}
            doc_id = len(self.docs)
            self.docs.append(_Doc(i, weights, sum(weights.values()), frozenset(_pairs(toks))))
            for t in weights:
                self.postings[t].append(doc_id)
        self.postings = dict(self.postings)
        self.surface_map: dict[str, tuple[str, ...]] = {}
        for items in texts:
            for _lang, text in items:
                for w in self.normalizer.surface(text):
                    self.surface_map.setdefault(w, tuple(self.normalizer.expand(w)))
        self._surface_keys = [w for w in self.surface_map if len(w) >= 4 and " " not in w]

    # -- query side ---------------------------------------------------------------

    def _query_tokens(self, text: str) -> tuple[dict[str, float], list[str]]:
        """Map the question to weighted tokens (unknown words get a penalty weight) and
        return them with the known tokens in order."""
        known: dict[str, float] = {}
        order: list[str] = []
        offtopic = self.normalizer.offtopic
        for word in self.normalizer.surface(text):
            if word in offtopic or word.replace(" ", "") in offtopic:
                known["!" + word] = self.offtopic_weight
                continue
            toks = self.normalizer.expand(word)
            factor = 1.0
            if not all(t in self.idf for t in toks):
                fixed = self._fuzzy(word)
                if fixed is not None:
                    toks, factor = list(fixed[0]), fixed[1]
            for t in toks:
                weight = self.idf.get(t)
                if weight is None:
                    if len(t) <= 2 and not t.isdigit():
                        continue
                    known.setdefault("?" + t, self.unknown_idf * (0.3 if t.isdigit() else 1.0))
                else:
                    known[t] = max(known.get(t, 0.0), weight * factor)
                    order.append(t)
        return known, order

    def _fuzzy(self, word: str) -> tuple[tuple[str, ...], float] | None:
        if len(word) < 5 or word.isdigit():
            return None
        best = process.extractOne(word, self._surface_keys, scorer=fuzz.ratio, score_cutoff=self.thresholds.fuzzy_cutoff)
        if best is None:
            return None
        return self.surface_map[best[0]], 0.6 + 0.4 * (best[1] / 100.0)

    def detect_language(self, text: str) -> str:
        """Return "de" or "en" by which language's words of the knowledge base the text uses."""
        folded = fold(text)
        if any(ch in text.lower() for ch in "äöüß"):
            return "de"
        score = {lang: 0.0 for lang in LANGS}
        for w in words(folded):
            de = self._lang_words["de"].get(w, 0)
            en = self._lang_words["en"].get(w, 0)
            if de + en:
                score["de"] += de / (de + en)
                score["en"] += en / (de + en)
        return "en" if score["en"] > score["de"] else "de"

    # -- scoring ------------------------------------------------------------------

    def scores(self, text: str) -> list[tuple[float, int]]:
        """Return (score, entry index) for every entry with a score, best first."""
        query, order = self._query_tokens(text)
        total = sum(query.values())
        if not total:
            return []
        pairs = _pairs(order)
        best_doc: dict[int, float] = {}
        seen: set[int] = set()
        for t in query:
            for d in self.postings.get(t, ()):
                if d in seen:
                    continue
                seen.add(d)
                doc = self.docs[d]
                matched = sum(min(w, doc.weights[tok]) for tok, w in query.items() if tok in doc.weights)
                qcov = matched / total
                dcov = matched / doc.norm
                score = (qcov ** 0.6) * (dcov ** 0.4)
                if pairs:
                    score *= 0.7 + 0.3 * len(pairs & doc.pairs) / len(pairs)
                if score > best_doc.get(doc.entry, 0.0):
                    best_doc[doc.entry] = score
        out = []
        for entry, doc_score in best_doc.items():
            covered = sum(w for t, w in query.items() if t in self.entry_tokens[entry])
            out.append((0.65 * doc_score + 0.35 * (covered / total), entry))
        out.sort(key=lambda x: (-x[0], x[1]))
        return out

    def match(self, text: str, lang: str | None = None) -> MatchResult:
        """Match one question.

        Args:
            text: The question in the user's words.
            lang: Force the language reported ("de"/"en"); None detects it.
        """
        from .text import clean

        query = clean(text)
        detected = lang or self.detect_language(query)
        th = self.thresholds
        ranked = self.scores(query) if len(query) <= th.max_chars else []
        cands = tuple(Candidate(self.ids[i], round(min(s, 1.0), 3)) for s, i in ranked[:3])
        if not ranked or ranked[0][0] < th.answer:
            return MatchResult(query, "no_match", None, None, cands[0].confidence if cands else 0.0, detected, cands)
        best, idx = ranked[0]
        close = [c for c in cands[1:] if c.confidence >= best - th.clarify_gap]
        outcome: Outcome = "clarify" if close else "answer"
        shown = cands[: 1 + len(close)] if close else cands
        return MatchResult(query, outcome, self.ids[idx], self.flows[idx], round(min(best, 1.0), 3), detected, shown if close else cands)
