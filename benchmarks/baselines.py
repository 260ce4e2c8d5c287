"""The plain searches a support team would compare the assistant with.

- BM25 (rank-bm25's BM25Okapi) over each entry's question and answer, both languages.
- rapidfuzz WRatio of the whole question against each entry's question, both languages.

Both rank every entry; neither knows when to keep quiet, so each gets an abstention
threshold on its own score: below it, the baseline says "no match". `fit_threshold`
picks the threshold that gets most questions of a labelled set right (the dev set in
benchmarks/run.py), which is the fairest threshold it could have.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from faq.kb.model import LANGS, KnowledgeBase
from faq.language.normalize import fold, words

__all__ = ["BM25Search", "FuzzySearch", "GermanBM25Search", "fit_threshold"]


def _answer_text(entry, lang: str) -> str:
    parts = []
    for block in entry.answer.get(lang, ()):
        parts.append(block.text)
        parts.extend(block.items)
    return " ".join(parts)


def tokenize(text: str) -> list[str]:
    """Lower-case, umlauts folded, split into words: what a plain search does."""
    return words(fold(text))


class BM25Search:
    """BM25 over question + answer of each entry (German and English in one document)."""

    name = "BM25 (question + answer)"
    langs: tuple[str, ...] = LANGS

    def __init__(self, kb: KnowledgeBase) -> None:
        from rank_bm25 import BM25Okapi

        self.ids = [e.id for e in kb.entries]
        corpus = []
        for e in kb.entries:
            text = " ".join(e.question.get(lang) + " " + _answer_text(e, lang) for lang in self.langs)
            corpus.append(tokenize(text))
        self.bm25 = BM25Okapi(corpus)

    def best(self, question: str) -> tuple[str | None, float]:
        """Return the best entry's id and its score."""
        toks = tokenize(question)
        if not toks:
            return None, 0.0
        scores = self.bm25.get_scores(toks)
        i = int(scores.argmax())
        return self.ids[i], float(scores[i])


class GermanBM25Search(BM25Search):
    """BM25 over the German question + answer only: the FAQ as a team has it today."""

    name = "BM25 (German FAQ only)"
    langs = ("de",)


class FuzzySearch:
    """rapidfuzz WRatio of the question against every entry's question (de and en)."""

    name = "rapidfuzz WRatio (questions)"

    def __init__(self, kb: KnowledgeBase) -> None:
        from rapidfuzz import utils

        self.choices: list[str] = []
        self.owner: list[str] = []
        for e in kb.entries:
            for lang in LANGS:
                self.choices.append(utils.default_process(e.question.get(lang)))
                self.owner.append(e.id)

    def best(self, question: str) -> tuple[str | None, float]:
        from rapidfuzz import fuzz, process, utils

        found = process.extractOne(utils.default_process(question), self.choices, scorer=fuzz.WRatio, processor=None)
        if found is None:
            return None, 0.0
        return self.owner[found[2]], float(found[1])


def _ok(expect, got: str | None) -> bool:
    if expect is None:
        return got is None
    return got in (set(expect) if isinstance(expect, list) else {expect})


def fit_threshold(best: Callable[[str], tuple[str | None, float]], labelled: Sequence[tuple[str, object]]) -> float:
    """The abstention threshold that gets most of `labelled` (question, expect) right."""
    scored = [(q, expect, *best(q)) for q, expect in labelled]
    candidates = sorted({s for *_, s in scored} | {0.0, float("inf")})
    best_t, best_n = 0.0, -1
    for t in candidates:
        n = sum(_ok(expect, got if s >= t else None) for _q, expect, got, s in scored)
        if n > best_n:
            best_t, best_n = t, n
    return best_t
