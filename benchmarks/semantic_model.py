"""train.py's conditional logit in numpy, for any number of features (benchmarks/semantic.py).

It fits and decides exactly as `python -m faq.search.train` and `Matcher.match` do, so that
adding a semantic feature is the only difference the semantic benchmark measures.
"""

from __future__ import annotations

import numpy as np

from faq.search import logit, train
from faq.search.model import ScoringModel, restaged

__all__ = ["Group", "calibration", "decide", "fit", "probabilities"]


Group = tuple[np.ndarray, list[int], bool]
"""A question's rows (bias last), its right rows, and whether "none of them" is right too."""


def _objective(w: np.ndarray, groups: list[Group], l2: float) -> float:
    total = -0.5 * l2 * float(w[:-1] @ w[:-1])
    for x, right, none in groups:
        s = x @ w
        chosen = np.concatenate([s[right], [0.0] if none else []])
        total += float(np.logaddexp.reduce(chosen) - np.logaddexp.reduce(np.concatenate([[0.0], s])))
    return total


def fit(groups: list[Group], l2: float, iterations: int = logit.ITERATIONS) -> np.ndarray:
    """logit.fit for any number of features: weights with the bias last (rows carry a 1.0 last)."""
    d = groups[0][0].shape[1]
    pen = np.full(d, l2)
    pen[-1] = 0.0
    w = np.zeros(d)
    current = _objective(w, groups, l2)
    for _ in range(iterations):
        grad, hess = -pen * w, np.diag(pen)
        for x, right, none in groups:
            s = x @ w
            top = max(0.0, float(s.max()))
            ex = np.exp(s - top)
            p = ex / (np.exp(-top) + ex.sum())
            mean = p @ x
            xr = x[right]
            rtop = max([float(v) for v in s[right]] + ([0.0] if none else []))
            rex = np.exp(s[right] - rtop)
            pr = rex / ((np.exp(-rtop) if none else 0.0) + rex.sum())
            rmean = pr @ xr
            grad = grad + rmean - mean
            hess = hess + (x * p[:, None]).T @ x - np.outer(mean, mean) - ((xr * pr[:, None]).T @ xr - np.outer(rmean, rmean))
        step = grad
        for damping in (0.0, 1e-6, 1e-3, 0.1, 1.0, 10.0, 100.0):
            try:
                trial = np.asarray(np.linalg.solve(hess + damping * np.eye(d), grad), dtype=np.float64)
            except np.linalg.LinAlgError:
                continue
            if float(trial @ grad) > 0.0:
                step = trial
                break
        scale = 1.0
        while True:
            new = w + scale * step
            value = _objective(new, groups, l2)
            if value >= current or scale < 1e-6:
                break
            scale /= 2
        moved = float(np.abs(scale * step).max())
        w, current = new, value
        if moved < 1e-10:
            break
    return w


def probabilities(w: np.ndarray, x: np.ndarray, odds: list[float] | None = None, rival_weight: float = 0.0) -> np.ndarray:
    """ScoringModel.probabilities: softmax over the candidates and "none of them" (score 0); with the
    candidates' `odds` (the sibling stage's rival odds), shared among them anew as a question's are."""
    if not len(x):
        return np.zeros(0)
    s = x @ w
    if odds is not None:
        return np.array(restaged([float(v) for v in s], odds, rival_weight))
    top = max(0.0, float(s.max()))
    ex = np.exp(s - top)
    return ex / (np.exp(-top) + ex.sum())


def decide(probs: np.ndarray, entries: list[int], model: ScoringModel, names_topic: bool) -> tuple[str, int | None, float]:
    """Matcher.match's rule on given probabilities: (outcome, best entry or None, its probability)."""
    keep = [i for i, e in enumerate(entries) if e >= 0]  # an out-of-scope topic's share goes to "no answer"
    probs, entries = probs[keep], [entries[i] for i in keep]
    if not len(probs):
        return "no_match", None, 0.0
    order = sorted(range(len(probs)), key=lambda i: (-round(float(probs[i]), 12), entries[i]))
    ranked = [(float(probs[i]), entries[i]) for i in order]
    p, e = ranked[0]
    if p >= model.answer:
        return "answer", e, p
    mass, offered = 0.0, 0
    for q, _e in ranked[:3]:
        if mass >= model.answer or q < model.offer:
            break
        offered += 1
        mass += q
    if (offered >= 2 and mass >= model.answer) or (len(ranked) >= 2 and names_topic):
        return "clarify", e, p
    return "no_match", None, p


def calibration(pairs: list[tuple[float, int]]) -> float:
    """Expected calibration error over 10 equal bins (as train.calibration)."""
    _table, ece = train.calibration(dict(enumerate(pairs)))
    return ece
