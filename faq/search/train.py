"""Learn the scoring model's weights from the knowledge base: `python -m faq.search.train`.

Positives are the entries' paraphrases, negatives the questions of
`knowledge/search/out_of_scope.yaml`; `knowledge/search/labelled.yaml` adds user questions
of earlier rounds, in scope or not, and every third paraphrase and negative (`narrative_every`) is also framed
as a story with the generic sentences of `knowledge/search/narratives.yaml`. All are split
into folds (a story in the fold of the text it frames); each is scored by a matcher built
without its fold, so every training row shows how a wording the index has never seen looks
to it. Each candidate of a question (an entry or an out-of-scope topic) is one row. The
right choice is the question's entry; when none of its candidates is, declining is right,
through "none of them" or an out-of-scope topic. A conditional logit with a ridge penalty
(settings in `knowledge/search/model.yaml`) is fitted by damped Newton steps in plain
Python, and the weights are written to `knowledge/search/weights.yaml`. The same rows,
refitted fold by fold, give held-out confidences: their reliability table and expected
calibration error are written beside the weights.

    python -m faq.search.train                 # writes knowledge/search/weights.yaml
    python -m faq.search.train --out FILE      # writes elsewhere (the tests compare)
    python -m faq.search.train --seed 3 --out FILE   # another fold partition (to measure spread)
"""

from __future__ import annotations

import argparse
import math
import sys
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from faq.kb.files import BUNDLED_KB
from faq.kb.loader import load_knowledge_base
from faq.kb.model import LANGS, KnowledgeBase
from faq.search.matcher import Matcher
from faq.search.model import FEATURES, ScoringModel, load_model, load_negative_topics, search_dir

__all__ = ["Example", "calibration", "dump", "examples", "fit", "load_frames", "load_labelled", "main", "narrative",
           "repartition", "rows", "topic_words", "train"]

BINS = 10
"""Bins of the reliability table (equal width over 0..1)."""
ITERATIONS = 50
"""Most Newton steps; the fit stops earlier once no weight moves by 1e-10."""


@dataclass(frozen=True)
class Example:
    """One labelled question: its text, its right entries (none when out of scope), its fold,
    and whether it is a paraphrase (held out of the index with its fold)."""

    text: str
    entries: tuple[str, ...]
    fold: int
    paraphrase: bool = False
    source: str = ""  # the paraphrase or negative a narrative was framed around ("" when none)
    lang: str = ""


def topic_words(kb: KnowledgeBase, model: ScoringModel) -> list[tuple[str, str, tuple[str, ...]]]:
    """Return (language, word, right entries) of the one-word questions the entries' own words make.

    A word of the entries' texts that stands for one token used by at least the share
    `topic_word_share` (model.yaml) of the entries ("Lizenzen", "account") names a topic many entries share and asks nothing: no
    single entry is right (no entries). A one-word keyword of an entry that no other entry
    uses ("Kündigung") points to that entry alone.
    """
    matcher = Matcher(kb, model=model, negatives=[])
    least = model.settings["topic_word_share"] * len(kb.entries)
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for e in kb.entries:
        for lang in LANGS:
            own = e.keywords.get(lang, ())
            texts = (*own, e.question.get(lang), e.title.get(lang), *e.paraphrases.get(lang, ()))
            for n, text in enumerate(texts):
                said = matcher._surface(text)
                for w in said:
                    toks = matcher._expand(w)
                    k = matcher._tid.get(toks[0]) if len(toks) == 1 and " " not in w else None
                    if k is None:
                        continue
                    if matcher._df[k] >= least:
                        found[(lang, w)] = ()
                    elif matcher._df[k] == 1 and n < len(own) and len(said) == 1 and len(w) >= 4 and not w.isdigit():
                        found[(lang, w)] = (e.id,)
    return [(lang, w, ids) for (lang, w), ids in sorted(found.items())]


def examples(kb: KnowledgeBase, negatives: list[tuple[str, str, str]], labelled: list[tuple[str, tuple[str, ...]]],
             folds: int, frames: dict[str, dict[str, list[str]]] | None = None,
             bare: list[tuple[str, str, tuple[str, ...]]] | None = None, every: int = 3) -> list[Example]:
    """Every paraphrase (positive), negative and labelled question, each given a fold in turn;
    with `frames` (narratives.yaml), every `every`-th paraphrase and negative (model.yaml's `narrative_every`) also
    as a narrative in its fold (`narrative`), and each closing question alone as a negative;
    and each of `bare` (`topic_words`) as a one-word question."""
    out: list[Example] = []
    for e in kb.entries:
        for lang in LANGS:
            for p in e.paraphrases.get(lang, ()):
                out.append(Example(p, (e.id,), len(out) % folds, True, lang=lang))
    for _topic, said_in, q in negatives:
        out.append(Example(q, (), len(out) % folds, lang=said_in))
    if frames:
        for n, x in enumerate(list(out)):
            if n % every == 0:
                out.append(replace(x, text=narrative(x.text, x.lang, n // every, frames), paraphrase=False,
                                   source=x.text))
        # A closing question alone ("How should I go about it?") names nothing: no entry answers it.
        for lang in LANGS:
            for closer in frames["closers"][lang]:
                out.append(Example(closer, (), len(out) % folds, lang=lang))
    for said_in, word, ids in bare or ():
        out.append(Example(word, ids, len(out) % folds, lang=said_in))
    for q, ids in labelled:
        out.append(Example(q, ids, len(out) % folds))
    return out


def repartition(labelled: list[Example], folds: int, seed: int) -> list[Example]:
    """Return `labelled` with folds drawn anew from `seed` (seed 0 keeps them).

    A question's fold is a hash of the seed and the text it stands for (a narrative's
    source), so a story stays in the fold of the text it frames and a partition is the
    same on every machine. Training under other seeds shows how much the weights, and the
    sets' figures, move with the partition alone.
    """
    if not seed:
        return labelled
    return [replace(x, fold=zlib.crc32(f"{seed}\x1f{x.source or x.text}".encode()) % folds) for x in labelled]


def narrative(text: str, lang: str, n: int, frames: dict[str, dict[str, list[str]]]) -> str:
    """Frame `text` (in `lang`) as the `n`-th narrative: an opener, the text, and every other
    time the text as a statement followed by a closing question that names nothing."""
    openers, closers = frames["openers"][lang], frames["closers"][lang]
    body = text.strip().rstrip("?!. ")
    body = body[:1].upper() + body[1:]
    if n % 2 and not text.strip().endswith("?"):
        return f"{openers[(n // 2) % len(openers)]} {body}. {closers[(n // 2) % len(closers)]}"
    return f"{openers[(n // 2) % len(openers)]} {text.strip()}"


def load_frames(folder: Path) -> dict[str, dict[str, list[str]]]:
    """Return the openers and closers of `folder`/narratives.yaml (empty without it)."""
    import yaml

    path = folder / "narratives.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {part: {lang: [str(s) for s in data[part][lang]] for lang in LANGS} for part in ("openers", "closers")}


def load_labelled(folder: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Return (question, right entry ids) of `folder`/labelled.yaml; no ids: out of scope."""
    import yaml

    path = folder / "labelled.yaml"
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for item in data.get("questions", []):
        expect = item.get("expect")
        ids = () if expect is None else tuple(expect) if isinstance(expect, list) else (str(expect),)
        out.append((str(item["q"]), ids))
    return out


def _without(kb: KnowledgeBase, held: set[str]) -> KnowledgeBase:
    entries = tuple(replace(e, paraphrases={lang: tuple(p for p in ps if p not in held)
                                            for lang, ps in e.paraphrases.items()}) for e in kb.entries)
    return replace(kb, entries=entries)


Row = tuple[int, list[float], int]
"""(question number, features, label) of one candidate of one question."""


def rows(kb: KnowledgeBase, negatives: list[tuple[str, str, str]], model: ScoringModel,
         labelled: list[Example]) -> list[Row]:
    """Score each example with a matcher built without its fold; one row per candidate."""
    out: list[Row] = []
    folds = int(model.settings["folds"])
    for f in range(folds):
        held = [x for x in labelled if x.fold == f]
        held_texts = {x.text for x in held if x.paraphrase} | {x.source for x in held if x.source}
        held_negatives = {x.text for x in held if not x.entries} | {x.source for x in held if x.source}
        matcher = Matcher(_without(kb, held_texts), model=model,
                          negatives=[(topic, q) for topic, _lang, q in negatives if q not in held_negatives])
        for n, x in enumerate(labelled):
            if x.fold != f:
                continue
            for entry, features in matcher.candidate_features(x.text):
                out.append((n, features, int(entry >= 0 and matcher.ids[entry] in x.entries)))
    out.sort(key=lambda r: r[0])
    return out


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


_TOPIC = [name for name, _ in FEATURES].index("out_of_scope_topic")
"""The index of the feature that marks an out-of-scope topic's row."""

Group = tuple[list[list[float]], list[int], bool]
"""A question's candidates (features with a 1.0 for the bias), the right ones, and
whether "none of them" is right too."""


def _groups(data: list[Row]) -> list[Group]:
    """Each question as a choice: its right candidates are the rows of its entry; when none
    is among them, declining is right, by "none of them" or by an out-of-scope topic."""
    by_q: dict[int, list[tuple[list[float], int]]] = {}
    for n, x, y in data:
        by_q.setdefault(n, []).append((x + [1.0], y))
    out = []
    for n in sorted(by_q):
        rows = by_q[n]
        right = [i for i, (_x, y) in enumerate(rows) if y]
        if right:
            out.append(([x for x, _y in rows], right, False))
        else:
            out.append(([x for x, _y in rows], [i for i, (x, _y) in enumerate(rows) if x[_TOPIC]], True))
    return out


def _moments(ps: list[float], xs: list[list[float]], d: int) -> tuple[list[float], list[list[float]]]:
    """The mean and the second moment (lower triangle) of the features under weights `ps`."""
    mean = [sum(p * x[j] for p, x in zip(ps, xs)) for j in range(d)]
    second = [[0.0] * d for _ in range(d)]
    for p, x in zip(ps, xs):
        for i in range(d):
            pi = p * x[i]
            if pi:
                row = second[i]
                for j in range(i + 1):
                    row[j] += pi * x[j]
    return mean, second


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _objective(w: list[float], groups: list[Group], l2: float) -> float:
    """The penalised log-likelihood of the right choices."""
    total = -0.5 * l2 * sum(v * v for v in w[:-1])
    for xs, right, none in groups:
        scores = [sum(a * b for a, b in zip(w, x)) for x in xs]
        chosen = [scores[i] for i in right] + ([0.0] if none else [])
        total += _logsumexp(chosen) - _logsumexp([0.0, *scores])
    return total


def fit(data: list[Row], l2: float) -> tuple[list[float], float]:
    """Fit the conditional logit by Newton's method, ridge-penalised (bias unpenalised).

    Each question chooses among its candidates and "none of them" (score 0); the fit
    maximises the log-probability that the choice is a right one (declining is right for a
    question none of whose candidates is). A step that does not raise the likelihood is
    halved. Returns (weights, bias).
    """
    d = len(FEATURES) + 1
    w = [0.0] * d  # bias last
    groups = _groups(data)
    current = _objective(w, groups, l2)
    for _ in range(ITERATIONS):
        grad = [-l2 * w[j] if j < d - 1 else 0.0 for j in range(d)]
        hess = [[(l2 if i == j and i < d - 1 else 0.0) for j in range(d)] for i in range(d)]
        for xs, right, none in groups:
            scores = [sum(a * b for a, b in zip(w, x)) for x in xs]
            top = max([0.0, *scores])
            exps = [math.exp(v - top) for v in scores]
            z = math.exp(-top) + sum(exps)
            mean, second = _moments([v / z for v in exps], xs, d)
            rtop = max([scores[i] for i in right] + ([0.0] if none else []))
            rexps = [math.exp(scores[i] - rtop) for i in right]
            zr = (math.exp(-rtop) if none else 0.0) + sum(rexps)
            rmean, rsecond = _moments([v / zr for v in rexps], [xs[i] for i in right], d)
            for i in range(d):
                grad[i] += rmean[i] - mean[i]
                row, a, b = hess[i], second[i], rsecond[i]
                for j in range(i + 1):
                    row[j] += a[j] - mean[i] * mean[j] - (b[j] - rmean[i] * rmean[j])
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


def _confidences(data: list[Row], model: ScoringModel) -> dict[int, tuple[float, int]]:
    """(confidence, whether the best candidate is right) per question, as `Matcher.scores` computes them."""
    by_q: dict[int, list[tuple[list[float], int]]] = {}
    for n, x, y in data:
        by_q.setdefault(n, []).append((x, y))
    out = {}
    for n, rows in by_q.items():
        probs = model.probabilities([x for x, _y in rows])
        entries = [i for i, (x, _y) in enumerate(rows) if not x[_TOPIC]]
        if not entries:
            out[n] = (0.0, 0)
            continue
        best = max(entries, key=lambda i: probs[i])
        out[n] = (probs[best], rows[best][1])
    return out


def calibration(held_out: dict[int, tuple[float, int]]) -> tuple[list[dict], float]:
    """Return the reliability table (one row per non-empty bin) and the expected calibration error."""
    bins: list[list[tuple[float, int]]] = [[] for _ in range(BINS)]
    for conf, right in held_out.values():
        bins[min(int(conf * BINS), BINS - 1)].append((conf, right))
    table = []
    ece = 0.0
    total = max(len(held_out), 1)
    for b, items in enumerate(bins):
        if not items:
            continue
        mean = sum(c for c, _r in items) / len(items)
        share = sum(r for _c, r in items) / len(items)
        ece += len(items) / total * abs(mean - share)
        table.append({"bin": f"{b / BINS:.1f}-{(b + 1) / BINS:.1f}", "questions": len(items),
                      "mean_confidence": round(mean, 3), "right": round(share, 3)})
    return table, round(ece, 4)


def train(kb_dir: Path | None = None, seed: int = 0) -> dict:
    """Learn the weights of the knowledge base at `kb_dir` (bundled by default); return weights.yaml's content.

    `seed` draws another partition into folds (0: the committed one, see `repartition`)."""
    kb = load_knowledge_base(kb_dir or BUNDLED_KB)
    folder = search_dir(kb.root)
    model = load_model(folder, untrained=True)
    negatives = load_negative_topics(folder)
    folds = int(model.settings["folds"])
    labelled = examples(kb, negatives, load_labelled(folder), folds, load_frames(folder),
                        topic_words(kb, model), int(model.settings["narrative_every"]))
    labelled = repartition(labelled, folds, seed)
    data = rows(kb, negatives, model, labelled)
    l2 = model.settings["l2"]
    weights, bias = fit(data, l2)
    # Held-out confidences: refit without each fold's questions, score that fold.
    held_out: dict[int, tuple[float, int]] = {}
    for f in range(folds):
        inside = [r for r in data if labelled[r[0]].fold != f]
        w, b = fit(inside, l2)
        part = replace(model, weights=tuple(w), bias=b)
        held_out.update(_confidences([r for r in data if labelled[r[0]].fold == f], part))
    table, ece = calibration(held_out)
    final = replace(model, weights=tuple(weights), bias=bias)
    pos = [n for n, x in enumerate(labelled) if x.entries]
    neg = [n for n, x in enumerate(labelled) if not x.entries]

    def decided(n: int) -> tuple[bool, bool]:
        conf, right = held_out.get(n, (0.0, 0))
        return conf >= final.answer, bool(right)

    answered_right = sum(1 for n in pos if decided(n) == (True, True))
    wrong = sum(1 for n in pos if decided(n) == (True, False))
    top1 = sum(1 for n in pos if held_out.get(n, (0.0, 0))[1])
    abstained = sum(1 for n in neg if not decided(n)[0])
    return {
        "features": [{"name": name, "meaning": meaning, "weight": round(w, 6)}
                     for (name, meaning), w in zip(FEATURES, weights)],
        "bias": round(bias, 6),
        "training": {
            "positives": len(pos), "negatives": len(neg), "rows": len(data), "folds": folds, "l2": l2,
            "held_out": {
                "top1": round(top1 / max(len(pos), 1), 4),
                "answered_right": round(answered_right / max(len(pos), 1), 4),
                "wrong_answers": round(wrong / max(len(pos), 1), 4),
                "abstention": round(abstained / max(len(neg), 1), 4),
                "ece": ece,
                "reliability": table,
            },
        },
    }


_HEADER = """\
# LEARNED by `python -m faq.search.train` from the paraphrases (positives) and
# out_of_scope.yaml (negatives), cross-validated by held-out folds. Do not edit by hand:
# change the data or model.yaml and retrain. `held_out` figures score each question with
# weights fitted without its fold (thresholds from model.yaml).
"""


def dump(result: dict) -> str:
    """Render `train()`'s result as weights.yaml."""
    import yaml

    return _HEADER + yaml.safe_dump(result, sort_keys=False, allow_unicode=True, width=120)


def main(argv: list[str] | None = None) -> int:
    """Train and write the weights; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m faq.search.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=Path, default=None, help="knowledge base folder (default: bundled)")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: <kb>/search/weights.yaml)")
    parser.add_argument("--seed", type=int, default=0,
                        help="another partition into folds, to measure the spread (default 0: the committed weights)")
    args = parser.parse_args(argv)
    result = train(args.kb, args.seed)
    out = args.out or search_dir(args.kb or BUNDLED_KB) / "weights.yaml"
    out.write_text(dump(result), encoding="utf-8")
    held = result["training"]["held_out"]
    print(f"wrote {out}: {result['training']['rows']} rows, held-out top1 {held['top1']}, "
          f"abstention {held['abstention']}, ECE {held['ece']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
