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
Python, and the weights are written to `knowledge/search/weights.yaml`. The penalty is chosen
from model.yaml's `l2_grid` by the same folds (`choose_l2`: each penalty fitted without each
fold, scored by that fold's held-out log-likelihood); the chosen penalty's fold fits give
held-out confidences: their reliability table and expected calibration error are written
beside the weights, with the grid's scores.

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
from faq.search.logit import TOPIC, Row, choose_l2, fit
from faq.search.matcher import Matcher
from faq.search.model import FEATURES, RIVAL_ODDS, ScoringModel, load_model, load_negative_topics, restaged, search_dir

__all__ = ["Example", "calibration", "dump", "examples", "fit", "l2_grid", "load_frames", "load_labelled", "main",
           "rival_log_likelihoods", "training_grid",
           "narrative", "repartition", "rows", "topic_words", "train"]

BINS = 10
"""Bins of the reliability table (equal width over 0..1)."""


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


def _by_question(data: list[Row]) -> dict[int, list[tuple[list[float], int]]]:
    by_q: dict[int, list[tuple[list[float], int]]] = {}
    for n, x, y in data:
        by_q.setdefault(n, []).append((x, y))
    return by_q


def _confidences(data: list[Row], model: ScoringModel) -> dict[int, tuple[float, int]]:
    """(confidence, whether the best candidate is right) per question, as `Matcher.scores` computes them
    for a question (the sibling stage included; the rows hold `rival_odds` after the features)."""
    out = {}
    for n, rows in _by_question(data).items():
        probs = model.probabilities([x for x, _y in rows], siblings=True)
        entries = [i for i, (x, _y) in enumerate(rows) if not x[TOPIC]]
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


def rival_log_likelihoods(data: list[Row], models: dict[int, ScoringModel], fold_of: list[int],
                          grid: tuple[float, ...]) -> dict[float, float]:
    """The held-out log-likelihood of each sibling-stage weight of `grid`, per question.

    Each question is scored by the model fitted without its fold (`models`), its rows holding `rival_odds`
    after the features; the right choice is its entry, or declining (by "none of them" or an out-of-scope
    topic) when no candidate is (as `faq.search.logit.choices`).
    """
    out = dict.fromkeys(grid, 0.0)
    groups = _by_question(data)
    for n, rows in groups.items():
        model = models[fold_of[n]]
        base = [model.score(x) for x, _y in rows]
        odds = [x[len(model.weights)] for x, _y in rows]
        right = [i for i, (_x, y) in enumerate(rows) if y]
        declined = not right
        if declined:
            right = [i for i, (x, _y) in enumerate(rows) if x[TOPIC]]
        for v in grid:
            probs = restaged(base, odds, v)
            p = sum(probs[i] for i in right) + ((1.0 - sum(probs)) if declined else 0.0)
            out[v] += math.log(max(p, 1e-300))
    return {v: total / max(len(groups), 1) for v, total in out.items()}


def l2_grid(folder: Path) -> tuple[float, ...]:
    """The ridge penalties the training tries (model.yaml's `training: l2_grid`), ascending."""
    return training_grid(folder, "l2_grid")


def training_grid(folder: Path, name: str) -> tuple[float, ...]:
    """The values of model.yaml's `training: <name>` grid (`l2_grid`, `rival_grid`), ascending, each at least 0."""
    import yaml

    spec = yaml.safe_load((folder / "model.yaml").read_text(encoding="utf-8")) or {}
    try:
        values = tuple(sorted({float(v) for v in spec["training"][name]["values"]}))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{folder / 'model.yaml'}: malformed training {name} ({exc})") from None
    if not values or min(values) < 0:
        raise ValueError(f"{folder / 'model.yaml'}: the {name} needs values of at least 0")
    return values


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
    full = rows(kb, negatives, model, labelled)
    data = [(n, x[: len(FEATURES)], y) for n, x, y in full]  # the sibling stage's rival_odds apart
    penalties = choose_l2(data, [x.fold for x in labelled], folds, l2_grid(folder))
    l2, fold_fits = penalties.l2, penalties.fits[penalties.l2]
    weights, bias = fit(data, l2, start=[sum(ws) / folds for ws in zip(*fold_fits)])
    # The sibling stage's weight: the grid's best held-out log-likelihood, on the chosen penalty's fold fits.
    parts = {f: replace(model, weights=tuple(fitted[:-1]), bias=fitted[-1]) for f, fitted in enumerate(fold_fits)}
    grid = training_grid(folder, "rival_grid")
    rival_scores = rival_log_likelihoods(full, parts, [x.fold for x in labelled], grid)
    rival = max(grid, key=lambda v: (rival_scores[v], -v))
    # Held-out confidences: the chosen penalty's fits without each fold's questions score that fold.
    held_out: dict[int, tuple[float, int]] = {}
    for f, part in parts.items():
        held_out.update(_confidences([r for r in full if labelled[r[0]].fold == f], replace(part, rival_weight=rival)))
    table, ece = calibration(held_out)
    final = replace(model, weights=tuple(weights), bias=bias, rival_weight=rival)
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
        "rival_odds": {"meaning": RIVAL_ODDS, "weight": rival,
                       "held_out_log_likelihood": [{"weight": v, "per_question": round(s, 5)}
                                                   for v, s in rival_scores.items()]},
        "training": {
            "positives": len(pos), "negatives": len(neg), "rows": len(data), "folds": folds, "l2": l2,
            "l2_grid": [{"l2": value, "held_out_log_likelihood": round(score, 4),
                         "paired_standard_error": round(penalties.errors[value], 4)}
                        for value, score in penalties.scores.items()],
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
