"""The conditional logit's fit and the choice of its ridge penalty by held-out folds."""

from faq.search.logit import choices, choose_l2, dense, fit
from faq.search.model import FEATURES


def _choices(count: int, noise: float) -> list[tuple[int, list[float], int]]:
    """`count` questions of two candidates told apart by `fit` (feature 0); every fourth one's right candidate fits
    worse and every third one has none right, so no weight is infinite; feature 1 is noise of size `noise` that
    tells nothing."""
    import random

    draw = random.Random(7)
    data = []
    for n in range(count):
        better, worse = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
        better[0], worse[0] = 0.8, 0.4
        better[1], worse[1] = draw.uniform(-noise, noise), draw.uniform(-noise, noise)
        right_is_better = n % 4 != 0
        some = n % 3 != 0
        data += [(n, better, int(some and right_is_better)), (n, worse, int(some and not right_is_better))]
    return data


def test_the_ridge_penalty_is_the_smoothest_the_held_out_folds_cannot_tell_from_the_best():
    data = _choices(200, 1.0)
    folds = [n % 5 for n in range(200)]
    crushing = choose_l2(data, folds, 5, (0.01, 1000.0))  # a penalty that flattens the telling weight loses
    assert crushing.l2 == 0.01 and crushing.scores[1000.0] < crushing.scores[0.01] - crushing.errors[1000.0]
    close = choose_l2(data, folds, 5, (0.01, 0.02))  # two the folds cannot tell apart: the larger, steadier one
    assert close.l2 == 0.02
    assert all(len(fits) == 5 for fits in close.fits.values())


def test_a_warm_start_converges_to_the_same_weights():
    data = _choices(100, 0.5)
    cold = fit(data, 0.1)
    warm = fit(data, 0.1, start=[1.0] * (len(FEATURES) + 1))
    assert all(abs(a - b) < 1e-6 for a, b in zip([*cold[0], cold[1]], [*warm[0], warm[1]]))



def test_the_fit_reads_each_candidate_as_its_non_zero_features():
    data = _choices(3, 0.5)
    for xs, right, none in choices(data):
        assert len(right) == 1 or none
        assert all(len(dense(x, len(FEATURES) + 1)) == len(FEATURES) + 1 and dense(x, len(FEATURES) + 1)[-1] == 1.0
                   for x in xs)
