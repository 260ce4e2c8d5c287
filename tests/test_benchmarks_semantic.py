"""The semantic benchmark refits and decides exactly as the matcher does, and never scores a
held-out paraphrase against itself (the encoders themselves are not needed here)."""

import random
import sys
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")  # the benchmark's extra; the default install has no numpy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not installed

from benchmarks.semantic import Semantic, decide, fit, load_data, probabilities, read_set  # noqa: E402
from faq.kb.files import BUNDLED_KB  # noqa: E402
from faq.kb.loader import load_knowledge_base  # noqa: E402
from faq.language.text import clean  # noqa: E402
from faq.search import logit  # noqa: E402
from faq.search.matcher import Matcher  # noqa: E402
from faq.search.model import FEATURES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TOPIC = [name for name, _ in FEATURES].index("out_of_scope_topic")


def test_numpy_fit_equals_the_training_commands_fit():
    rng = random.Random(5)
    rows: list[logit.Row] = []
    for n in range(120):
        k = rng.randint(1, 5)
        right = rng.randrange(k + 1)  # k: none of them is right
        for i in range(k + rng.randint(0, 2)):  # rows after the k-th stand for out-of-scope topics
            x = [rng.random() for _ in FEATURES]
            x[0] += 0.8 * (i == right < k)
            x[TOPIC] = float(i >= k)
            rows.append((n, x, int(i == right < k)))
    weights, bias = logit.fit(rows, 1.0)
    d = len(FEATURES) + 1
    groups = [(np.array([logit.dense(x, d) for x in xs]), right, none) for xs, right, none in logit.choices(rows)]
    got = fit(groups, 1.0)
    assert np.allclose(got, [*weights, bias], atol=1e-8)


def test_decisions_equal_the_matchers_on_tuning_questions():
    matcher = Matcher(load_knowledge_base(BUNDLED_KB))
    w = np.array([*matcher.model.weights, matcher.model.bias])
    outcomes = set()
    for text, _ids, _long in read_set(ROOT / "benchmarks" / "sets" / "questions_tune.yaml"):
        query = clean(text)
        cand = matcher.candidate_features(query)
        x = np.array([f[:len(FEATURES)] + [1.0] for _e, f in cand]).reshape(len(cand), len(FEATURES) + 1)
        odds = [f[len(FEATURES)] for _e, f in cand]
        topic = len(cand) >= 2 and matcher._names_a_topic(query)
        probs = probabilities(w, x, odds, matcher.model.rival_weight)
        outcome, entry, _p = decide(probs, [e for e, _f in cand], matcher.model, topic)
        shipped = matcher.match(query)
        assert (outcome, None if entry is None else matcher.ids[entry]) == (shipped.outcome, shipped.id), text
        outcomes.add(outcome)
    assert outcomes == {"answer", "clarify", "no_match"}


def test_a_held_out_paraphrase_is_not_among_its_cosine_targets():
    d = load_data()
    rng = np.random.default_rng(0)
    texts = {t for _e, t, _p in d.docs} | {q for _t, _l, q in d.negatives}
    vec = {t: v / np.linalg.norm(v) for t, v in zip(sorted(texts), rng.normal(size=(len(texts), 16)))}
    sem = Semantic(d, vec)
    entry, paraphrase, _p = next(doc for doc in d.docs if doc[2])
    assert sem.entry_cosines(paraphrase)[entry] == pytest.approx(1.0)
    assert sem.entry_cosines(paraphrase, {paraphrase})[entry] < 0.99
    negative = d.negatives[0][2]
    assert sem.oos_cosine(negative) == pytest.approx(1.0)
    assert sem.oos_cosine(negative, {negative}) < 0.99
