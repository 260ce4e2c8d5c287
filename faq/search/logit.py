"""The matcher's conditional logit and its fit (`python -m faq.search.train` prepares the rows).

Each question chooses among its candidates (an entry or an out-of-scope topic, one row of
`faq.search.model.FEATURES` each) and "none of them" (score 0). `fit` maximises the ridge-penalised
log-likelihood of the right choices by damped Newton steps in plain Python; `choose_l2` picks the
penalty by held-out folds. Features that are zero (about half of them) are skipped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from faq.search.model import FEATURES

__all__ = ["ITERATIONS", "TOPIC", "Group", "Penalties", "Row", "choices", "choose_l2", "dense", "fit", "likelihood"]

ITERATIONS = 50
"""Most Newton steps; the fit stops earlier once no weight moves by 1e-10."""

Row = tuple[int, list[float], int]
"""(question number, features, label) of one candidate of one question."""


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b (a symmetric positive definite) by Gaussian elimination."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        x[c] = (m[c][n] - sum(m[c][k] * x[k] for k in range(c + 1, n))) / m[c][c]
    return x


TOPIC = [name for name, _ in FEATURES].index("out_of_scope_topic")
"""The index of the feature that marks an out-of-scope topic's row."""

Sparse = tuple[tuple[int, ...], tuple[float, ...]]
"""A candidate's features (with a 1.0 for the bias) as the indices and values of those not zero: about half
of them are (a narrative's features in a short question, typo and quantity shares), so the fit skips them."""

Group = tuple[list[Sparse], list[int], bool]
"""A question's candidates, the right ones, and whether "none of them" is right too."""


def _sparse(x: list[float]) -> Sparse:
    """The features `x` as the indices and values of those not zero."""
    kept = [(i, v) for i, v in enumerate(x) if v]
    return tuple(i for i, _v in kept), tuple(v for _i, v in kept)


def choices(data: list[Row]) -> list[Group]:
    """Each question as a choice: its right candidates are the rows of its entry; when none
    is among them, declining is right, by "none of them" or by an out-of-scope topic."""
    by_q: dict[int, list[tuple[list[float], int]]] = {}
    for n, x, y in data:
        by_q.setdefault(n, []).append((x + [1.0], y))
    out = []
    for n in sorted(by_q):
        rows = by_q[n]
        right = [i for i, (_x, y) in enumerate(rows) if y]
        if not right:
            right = [i for i, (x, _y) in enumerate(rows) if x[TOPIC]]
        out.append(([_sparse(x) for x, _y in rows], right, not any(y for _x, y in rows)))
    return out


def dense(x: Sparse, d: int) -> list[float]:
    """The features `x` as a list of `d` values (zeros included)."""
    out = [0.0] * d
    for i, v in zip(*x):
        out[i] = v
    return out


def _score(w: list[float], x: Sparse) -> float:
    return sum(w[i] * v for i, v in zip(*x))


def _moments(ps: list[float], xs: list[Sparse], second: list[list[float]], sign: float) -> list[float]:
    """Add `sign` times the second moment (lower triangle) of the features under weights `ps` to `second`;
    return their mean."""
    mean = [0.0] * len(second)
    for p, (idx, val) in zip(ps, xs):
        p *= sign
        for a, i in enumerate(idx):
            pi = p * val[a]
            mean[i] += pi
            row = second[i]
            for b in range(a + 1):
                row[idx[b]] += pi * val[b]
    if sign != 1.0:
        mean = [v * sign for v in mean]
    return mean


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def likelihood(w: list[float], groups: list[Group]) -> float:
    """The log-likelihood of the right choices (unpenalised)."""
    total = 0.0
    for xs, right, none in groups:
        scores = [_score(w, x) for x in xs]
        chosen = [scores[i] for i in right] + ([0.0] if none else [])
        total += _logsumexp(chosen) - _logsumexp([0.0, *scores])
    return total


def _objective(w: list[float], groups: list[Group], l2: float) -> float:
    """The penalised log-likelihood of the right choices."""
    return likelihood(w, groups) - 0.5 * l2 * sum(v * v for v in w[:-1])


def fit(data: list[Row], l2: float, start: list[float] | None = None) -> tuple[list[float], float]:
    """Fit the conditional logit by Newton's method, ridge-penalised (bias unpenalised).

    Each question chooses among its candidates and "none of them" (score 0); the fit
    maximises the log-probability that the choice is a right one (declining is right for a
    question none of whose candidates is). A step that does not raise the likelihood is
    halved. Returns (weights, bias).

    Args:
        data: The rows.
        l2: The ridge penalty.
        start: Weights and bias to start from (a fit of similar data converges in fewer steps); else zeros.
    """
    return _fit(choices(data), l2, start)


def _fit(groups: list[Group], l2: float, start: list[float] | None = None) -> tuple[list[float], float]:
    d = len(FEATURES) + 1
    w = list(start) if start else [0.0] * d  # bias last
    current = _objective(w, groups, l2)
    for _ in range(ITERATIONS):
        grad = [-l2 * w[j] if j < d - 1 else 0.0 for j in range(d)]
        hess = [[(l2 if i == j and i < d - 1 else 0.0) for j in range(d)] for i in range(d)]
        for xs, right, none in groups:
            scores = [_score(w, x) for x in xs]
            top = max([0.0, *scores])
            exps = [math.exp(v - top) for v in scores]
            z = math.exp(-top) + sum(exps)
            mean = _moments([v / z for v in exps], xs, hess, 1.0)
            rtop = max([scores[i] for i in right] + ([0.0] if none else []))
            rexps = [math.exp(scores[i] - rtop) for i in right]
            zr = (math.exp(-rtop) if none else 0.0) + sum(rexps)
            rmean = _moments([v / zr for v in rexps], [xs[i] for i in right], hess, -1.0)
            # the Hessian of the negative log-likelihood: covariance of all candidates minus that of the right ones
            used = [i for i in range(d) if mean[i] or rmean[i]]
            for a, i in enumerate(used):
                grad[i] += rmean[i] - mean[i]
                row, mi, ri = hess[i], mean[i], rmean[i]
                for j in used[: a + 1]:
                    row[j] += ri * rmean[j] - mi * mean[j]
        for i in range(d):
            for j in range(i + 1, d):
                hess[i][j] = hess[j][i]
        step = grad  # where the likelihood is not concave, damp the Newton step (Levenberg-Marquardt)
        for damping in (0.0, 1e-6, 1e-3, 0.1, 1.0, 10.0, 100.0):
            try:
                trial_step = _solve([[v + (damping if i == j else 0.0) for j, v in enumerate(row)]
                                     for i, row in enumerate(hess)], grad)
            except ZeroDivisionError:
                continue
            if sum(a * b for a, b in zip(trial_step, grad)) > 0.0:
                step = trial_step
                break
        scale = 1.0
        while True:
            trial = [a + scale * b for a, b in zip(w, step)]
            value = _objective(trial, groups, l2)
            if value >= current or scale < 1e-6:
                break
            scale /= 2
        moved = max(abs(scale * s) for s in step)
        w, current = trial, value
        if moved < 1e-10:
            break
    return w[:-1], w[-1]


@dataclass(frozen=True)
class Penalties:
    """The ridge penalties tried and the one chosen (`choose_l2`).

    Attributes:
        l2: The chosen penalty.
        scores: Each penalty's mean held-out log-likelihood per question (folds fitted without the question).
        errors: The standard error of its shortfall from the best penalty's, paired over the questions.
        fits: Each penalty's weights (bias last) fitted without each fold, by fold.
    """

    l2: float
    scores: dict[float, float]
    errors: dict[float, float]
    fits: dict[float, list[list[float]]]


def choose_l2(data: list[Row], fold_of: list[int], folds: int, grid: tuple[float, ...]) -> Penalties:
    """Choose the ridge penalty by held-out folds: the largest of `grid` whose held-out log-likelihood falls short
    of the best one's by at most one standard error of that shortfall (paired over the questions): the smoothest
    weights the folds cannot tell from the best, as a larger penalty moves the weights less when the data move.

    Args:
        data: The rows (question number, features, label).
        fold_of: Each question's fold, by question number.
        folds: The number of folds.
        grid: The penalties to try.
    """
    groups = choices(data)
    numbers = sorted({n for n, _x, _y in data})
    by_fold = [[g for n, g in zip(numbers, groups) if fold_of[n] == f] for f in range(folds)]
    values: dict[float, list[float]] = {}
    fits: dict[float, list[list[float]]] = {}
    starts: list[list[float] | None] = [None] * folds
    for l2 in sorted(grid, reverse=True):  # the largest penalty converges fastest; each fit starts the next's
        values[l2], fits[l2] = [], []
        for f in range(folds):
            w, b = _fit([g for k, part in enumerate(by_fold) if k != f for g in part], l2, starts[f])
            fitted = [*w, b]
            starts[f] = fitted
            fits[l2].append(fitted)
            values[l2].extend(likelihood(fitted, [g]) for g in by_fold[f])
    count = max(len(values[grid[0]]), 1)
    scores = {v: sum(values[v]) / count for v in sorted(grid)}
    best = max(scores, key=lambda v: scores[v])
    errors = {}
    for v in scores:
        shortfall = [a - b for a, b in zip(values[v], values[best])]
        mean = sum(shortfall) / count
        errors[v] = math.sqrt(sum((x - mean) ** 2 for x in shortfall) / max(count - 1, 1) / count)
    chosen = max(v for v in scores if scores[v] >= scores[best] - errors[v])
    return Penalties(chosen, scores, errors, fits)
