"""The best-fitting document of each owner, from the weights a scan summed per document."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

__all__ = ["Hit", "best_of_runs"]

Hit = tuple[float, int, float]
"""(fit squared times the question's weight, document, weight it matches)."""


def best_of_runs(acc: list[float], norm: Sequence[float], owner: Sequence[int]) -> dict[int, Hit]:
    """Return each owner's best document among those with a summed weight in `acc`.

    Each owner's documents must stand in one run (contiguous): the first of the highest fit wins.
    """
    best: dict[int, Hit] = {}
    row, top, at = -1, 0.0, -1
    for d in compress(range(len(acc)), acc):  # only the documents that share a token, in their order
        m = acc[d]
        score = m * m / norm[d]
        if owner[d] != row:
            if at >= 0:
                best[row] = (top, at, acc[at])
            row, top, at = owner[d], score, d
        elif score > top:
            top, at = score, d
    if at >= 0:
        best[row] = (top, at, acc[at])
    return best
