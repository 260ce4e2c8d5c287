"""The matcher's scoring model: stated features, learned weights, calibrated decisions.

The model is a conditional logit (a multinomial logistic regression over choices) on the
features in `FEATURES`: each candidate of a question gets the score `bias + w . x`,
"none of them" the score 0, and a softmax over these gives each candidate's probability.
The candidates are the entries that fit the question (its focus or its whole text) best and
the topics of `out_of_scope.yaml` that fit it best the same way, described by the same
features (a topic's row is marked by `out_of_scope_topic`): what the FAQ does not answer
competes with the entries on the same terms, and a topic's probability goes to "no answer". Each topic states its
object (`about`), which is one of its texts.

Its weights are learned by `python -m faq.search.train` from `knowledge/search/`: the
entries' paraphrases are the positives (each scored by an index that does not hold it),
`out_of_scope.yaml` the negatives, `labelled.yaml` earlier rounds' user questions, and
`narratives.yaml` frames some of them as stories (context around the question). Every
hand-set number (thresholds, settings of the fit) is in `knowledge/search/model.yaml`
with its meaning; the learned weights are in `knowledge/search/weights.yaml`.

A question's scores add a *sibling stage* (`RIVAL_ODDS`, `faq.search.rivals`): how much more typical
its words are of each candidate than of its closest rival, times a weight learned after the others
(`rival_odds` in weights.yaml). The ticket reader scores without it.

The best entry's probability is the confidence: an estimate of the probability that the
answer is right (held-out reliability in weights.yaml, on the fresh sets in
`benchmarks/quality.py`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from operator import mul
from pathlib import Path
from typing import Any

__all__ = ["FEATURES", "RIVAL_ODDS", "ScoringModel", "restaged", "softmax", "load_model", "load_negative_topics", "load_negatives", "search_dir", "sigmoid"]

FEATURES: tuple[tuple[str, str], ...] = (
    ("fit", "geometric mean of question_cover and paraphrase_cover: the retrieval score"),
    ("question_cover", "share of the question's idf weight found in the entry's best-fitting text"),
    ("paraphrase_cover", "share of that text's idf weight the question matches"),
    ("entry_cover", "share of the question's idf weight among all words of the entry (texts and keywords)"),
    ("word_order", "share of the question's neighbouring known-word pairs the best text has in the same order"),
    ("typo_share", "share of the question's idf weight matched only after repairing a typo"),
    ("unknown_share", "share of the question's idf weight in words the knowledge base does not use"),
    ("offtopic_share", "share of the question's idf weight in words of the vocabulary's off-topic list"),
    ("foreign_share", "share of the question's idf weight in words only out-of-scope examples use (other objects)"),
    ("out_of_scope", "fit of the closest example in out_of_scope.yaml (same formula as fit)"),
    ("lead", "this candidate's fit minus the best other candidate's fit (negative when behind)"),
    ("vague", "1 / number of the question's content words: one-word questions are vague"),
    ("text_cover", "share of the whole text's known-word weight (focus and context) among the entry's words"),
    ("text_fit", "fit of the entry to the whole text (focus and context)"),
    ("length", "natural log of the number of content words of the whole text"),
    ("out_of_scope_ahead", "how much better the closest out-of-scope example fits than this entry (0 when it does not)"),
    ("context_fit", "fit of the entry to the sentences outside the focus (0 for a question of one part)"),
    ("out_of_scope_topic", "1 for a candidate that is a topic of out_of_scope.yaml (its share goes to no answer), 0 for an entry"),
    ("narrative", "1 when the text has context beside its focus (a narrative), else 0"),
    ("narrative_fit", "fit of the focus when the text is a narrative, else 0: how much the problem sentence decides "
                      "in a story"),
    ("narrative_lead", "lead when the text is a narrative, else 0"),
    ("telling_fit", "fit times the idf weight the question matches in that text, counted in words of a single entry "
                    "(at most 1): a common word alone ('Lizenzen') fits fully yet tells little"),
    ("quantity_agree", "share of the focus's counted nouns ('zwei Registrierungen', 'ein Konto') the entry's texts count "
                       "the same way (faq.search.quantities)"),
    ("quantity_clash", "share of the focus's counted nouns the entry's texts count only the other way (one vs more)"),
    ("negation_agree", "share of what the focus denies ('keine einzige Lizenz') that the entry's texts deny too"),
    ("text_lead", "in a narrative, text_fit minus the best other candidate's text_fit (else 0): the story singles it out"),
    ("context_lead", "in a narrative, context_fit minus the best other candidate's context_fit (else 0)"),
    ("done_agree", "when the focus tells what already happened ('wurden ... aktiviert'; aspect_done.yaml), the "
                   "share of the entry's texts that do too (else 0)"),
    ("ahead_agree", "when the focus asks ahead ('bevor', 'nächste Woche'; aspect_ahead.yaml), the share of the entry's "
                    "texts that do too (else 0)"),
)
"""The features, in the order of the weight vector: (name, one-line meaning)."""

RIVAL_ODDS = ("idf-weighted mean log-odds of the focus's words for this candidate against its closest rival (the best "
              "other candidate by fit, an entry or an out-of-scope topic): how much more often this candidate's texts "
              "use them (faq.search.rivals). The sibling stage: added, times its own learned weight, to a question's "
              "scores to share the candidates' probability among them anew (that of none stays; `ask`, the chat), "
              "not to the ticket reader's")
"""The meaning of the sibling stage's one feature, which follows the FEATURES in a candidate's row."""


def sigmoid(z: float) -> float:
    """The logistic function, safe for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def search_dir(kb_root: str | Path | None) -> Path:
    """Return the `search/` folder of a knowledge base, or the bundled one when it has none."""
    if kb_root:
        own = Path(kb_root) / "search"
        if (own / "model.yaml").is_file():
            return own
    from faq.kb.files import BUNDLED_KB

    return BUNDLED_KB / "search"


@dataclass(frozen=True)
class ScoringModel:
    """Weights, thresholds and settings of the scoring model (plain data).

    Attributes:
        weights: One weight per feature of `FEATURES`, in order.
        bias: The intercept.
        answer: Answer a question (`ask`, the chat) when the confidence (probability the best entry is right)
            is at least this.
        offer: In a clarify, offer entries whose probability is at least this; ask back
            only when the offered entries together reach `answer`.
        settings: The other hand-set numbers of model.yaml (`candidates`, `out_of_scope_candidates`, `fuzzy_cutoff`,
            `focus_min_words`, `folds`; the ridge penalty is chosen in training).
        rival_weight: The sibling stage's weight of `rival_odds` (`RIVAL_ODDS`), learned after the others.
        reader_answer: The ticket reader's `answer` threshold (model.yaml `reader_answer`: its topic rules were
            set on it); `answer` when the knowledge base states none.
    """

    weights: tuple[float, ...]
    bias: float
    answer: float
    offer: float
    settings: dict[str, float] = field(default_factory=dict)
    rival_weight: float = 0.0
    reader_answer: float | None = None

    def answer_for(self, reader: bool) -> float:
        """The answer threshold of a question (`answer`) or, for the ticket `reader`, `reader_answer`."""
        return self.reader_answer if reader and self.reader_answer is not None else self.answer

    def score(self, x: list[float]) -> float:
        """The candidate's score: bias + weights . features."""
        return self.bias + sum(map(mul, self.weights, x))

    def probabilities(self, rows: list[list[float]], siblings: bool = False) -> list[float]:
        """The probability that each candidate is the right entry (a softmax over the
        candidates and "none of them", whose score is 0); what is left is that none is.

        With `siblings`, the sibling stage shares the candidates' probability among them anew by their scores
        plus `rival_weight` times the value that follows the features (`RIVAL_ODDS`): it tells which candidate,
        never how likely none is (`restaged`)."""
        scores = [self.score(x) for x in rows]
        if not siblings:
            return softmax(scores)
        n = len(self.weights)
        return restaged(scores, [x[n] for x in rows], self.rival_weight)

    def to_state(self) -> dict[str, Any]:
        """Return the model as plain data."""
        return {"weights": list(self.weights), "bias": self.bias, "answer": self.answer, "offer": self.offer,
                "settings": dict(self.settings), "rival_weight": self.rival_weight,
                "reader_answer": self.reader_answer}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> ScoringModel:
        """Rebuild a model from `to_state()`."""
        return cls(tuple(float(w) for w in state["weights"]), float(state["bias"]), float(state["answer"]),
                   float(state["offer"]), {str(k): float(v) for k, v in state["settings"].items()},
                   float(state["rival_weight"]),
                   None if state.get("reader_answer") is None else float(state["reader_answer"]))


def restaged(scores: list[float], odds: list[float], weight: float) -> list[float]:
    """The candidates' probabilities (`softmax` of `scores`) shared among them anew in proportion to
    exp(score + weight * odds): the share of "none of them" stays."""
    base = softmax(scores)
    staged = softmax([s + weight * o for s, o in zip(scores, odds)])
    total = sum(staged)
    mass = sum(base)
    return [p * mass / total for p in staged] if total else base


def softmax(scores: list[float]) -> list[float]:
    """The probability of each score's choice against them all and "none of them", whose score is 0."""
    top = max([0.0, *scores])
    exps = [math.exp(v - top) for v in scores]
    total = math.exp(-top) + sum(exps)
    return [v / total for v in exps]


def _read(path: Path) -> Any:
    import yaml

    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_model(folder: Path, untrained: bool = False) -> ScoringModel:
    """Load model.yaml and, unless `untrained`, the learned weights.yaml of `folder`.

    Without weights (or with `untrained`) every weight is 0: the trainer's starting point.

    Raises:
        ValueError: a file is malformed or its features differ from `FEATURES`.
    """
    spec = _read(folder / "model.yaml") or {}
    try:
        settings = {str(k): float(v["value"]) for k, v in spec["settings"].items()}
        thresholds = spec["thresholds"]
        answer, offer = float(thresholds["answer"]["value"]), float(thresholds["offer"]["value"])
        reader = float(thresholds["reader_answer"]["value"]) if "reader_answer" in thresholds else None
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{folder / 'model.yaml'}: malformed ({exc})") from None
    weights = (0.0,) * len(FEATURES)
    bias = rival = 0.0
    path = folder / "weights.yaml"
    if not untrained and path.is_file():
        data = _read(path) or {}
        try:
            learned = {str(f["name"]): float(f["weight"]) for f in data["features"]}
            bias = float(data["bias"])
            rival = float(data["rival_odds"]["weight"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: malformed ({exc})") from None
        if set(learned) != {name for name, _ in FEATURES}:
            raise ValueError(f"{path}: its features differ from the model's; run python -m faq.search.train")
        weights = tuple(learned[name] for name, _ in FEATURES)
    return ScoringModel(weights, bias, answer, offer, settings, rival, reader)


def load_negative_topics(folder: Path) -> list[tuple[str, str, str]]:
    """Return (topic, language, text) of every example in `folder`/out_of_scope.yaml, each
    topic's `about` line (English) first: the object the topic is about is one of its texts."""
    path = folder / "out_of_scope.yaml"
    if not path.is_file():
        return []
    data = _read(path) or {}
    out: list[tuple[str, str, str]] = []
    for n, group in enumerate(data.get("topics", [])):
        about = str(group.get("about") or f"topic {n + 1}")
        if group.get("about"):
            out.append((about, "en", about))
        for lang in ("de", "en"):
            for q in group.get(lang, []) or []:
                out.append((about, lang, str(q)))
    return out


def load_negatives(folder: Path) -> list[tuple[str, str]]:
    """Return (language, question) of every example in `folder`/out_of_scope.yaml."""
    path = folder / "out_of_scope.yaml"
    if not path.is_file():
        return []
    data = _read(path) or {}
    out: list[tuple[str, str]] = []
    for group in data.get("topics", []):
        for lang in ("de", "en"):
            for q in group.get(lang, []) or []:
                out.append((lang, str(q)))
    return out
