"""The scoring model's weights are learned, reproducibly, from knowledge/search/."""

from pathlib import Path

import yaml

from faq.kb.files import BUNDLED_KB
from faq.search.model import FEATURES, load_negative_topics, load_negatives
from faq.search.train import dump, examples, fit, load_frames, narrative, repartition, train


def test_weights_reproduce_from_the_training_command():
    committed = (BUNDLED_KB / "search" / "weights.yaml").read_text(encoding="utf-8")
    assert dump(train()) == committed


def test_every_weight_has_a_name_and_a_meaning():
    data = yaml.safe_load((BUNDLED_KB / "search" / "weights.yaml").read_text(encoding="utf-8"))
    assert [f["name"] for f in data["features"]] == [name for name, _ in FEATURES]
    assert all(f["meaning"] and isinstance(f["weight"], float) for f in data["features"])


def test_held_out_calibration_is_reported():
    held = yaml.safe_load((BUNDLED_KB / "search" / "weights.yaml").read_text(encoding="utf-8"))["training"]["held_out"]
    assert 0.0 <= held["ece"] < 0.1
    assert sum(row["questions"] for row in held["reliability"]) > 1000


def test_negatives_are_in_both_languages():
    negatives = load_negatives(Path(BUNDLED_KB) / "search")
    for lang in ("de", "en"):
        assert sum(1 for lg, _q in negatives if lg == lang) >= 50


def test_check_flags_a_negative_that_is_also_a_paraphrase(tmp_path):
    import shutil

    from faq.kb.loader import check_knowledge_base

    kb = tmp_path / "kb"
    shutil.copytree(BUNDLED_KB, kb)
    negatives = kb / "search" / "out_of_scope.yaml"
    negatives.write_text(negatives.read_text(encoding="utf-8")
                         + '  - about: "a slip"\n    de:\n      - "Keine Aktivierungsmail bekommen"\n', encoding="utf-8")
    _kb, problems = check_knowledge_base(kb)
    assert len(problems) == 1
    assert problems[0].message.startswith("out-of-scope example 'Keine Aktivierungsmail bekommen' is also a text of "
                                          "entry 'activation-email-missing'")
    assert problems[0].line is not None and problems[0].file.endswith("out_of_scope.yaml")


def test_the_bundled_negatives_are_sound():
    from faq.kb.loader import check_knowledge_base

    assert check_knowledge_base(BUNDLED_KB)[1] == []


def test_an_out_of_scope_topic_takes_questions_about_its_object():
    """The same question goes to an entry without the topic and to no answer with it: the
    topic's examples, not a rule, tell a meeting link from an activation link."""
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base(BUNDLED_KB)
    topics = load_negative_topics(BUNDLED_KB / "search")
    with_topic = Matcher(kb)
    without = Matcher(kb, negatives=[(t, q) for t, _lang, q in topics if "Teams" not in t])
    # Without naming the product: "Teams", a word of the topic's examples only, is evidence of its own.
    for question in ("Der Link zur Besprechung von morgen ist abgelaufen",
                     "our meeting invite link expired, how do I get a fresh one"):
        assert without.match(question).id == "activation-link-expiry"
        assert with_topic.match(question).outcome == "no_match"
    assert with_topic.match("Aktivierungslink abgelaufen").id == "activation-link-expiry"


def test_each_topic_states_its_object_and_has_both_languages():
    topics = load_negative_topics(Path(BUNDLED_KB) / "search")
    names = {t for t, _lang, _q in topics}
    assert all((t, "en", t) in topics for t in names)  # the `about` line is one of its texts
    for name in names:
        assert {lang for t, lang, q in topics if t == name and q != name} == {"de", "en"}


def test_narratives_frame_a_question_in_its_language_with_generic_sentences():
    frames = load_frames(Path(BUNDLED_KB) / "search")
    statement = narrative("Aktivierungslink abgelaufen", "de", 1, frames)
    assert statement.split(". ")[-1] in frames["closers"]["de"]  # a closing question that names nothing
    assert "Aktivierungslink abgelaufen." in statement
    question = narrative("who gets the activation email?", "en", 0, frames)
    assert question.endswith(" who gets the activation email?")
    assert question.removesuffix(" who gets the activation email?") in frames["openers"]["en"]


def test_a_narrative_is_held_out_with_the_text_it_frames():
    from faq.kb.loader import load_knowledge_base

    kb = load_knowledge_base(BUNDLED_KB)
    folder = Path(BUNDLED_KB) / "search"
    found = examples(kb, load_negative_topics(folder), [], 5, load_frames(folder))
    framed = [x for x in found if x.source]
    assert framed and any(not x.entries for x in framed) and any(x.entries for x in framed)
    fold_of = {x.text: x.fold for x in found if not x.source}
    assert all(fold_of[x.source] == x.fold for x in framed)


def test_another_seed_draws_another_partition_that_keeps_a_narrative_with_its_text():
    from faq.kb.loader import load_knowledge_base

    kb = load_knowledge_base(BUNDLED_KB)
    folder = Path(BUNDLED_KB) / "search"
    found = examples(kb, load_negative_topics(folder), [], 5, load_frames(folder))
    assert repartition(found, 5, 0) == found  # seed 0: the committed partition
    one, two = repartition(found, 5, 1), repartition(found, 5, 2)
    assert [x.fold for x in one] != [x.fold for x in found] and [x.fold for x in one] != [x.fold for x in two]
    assert repartition(found, 5, 1) == one  # the same seed, the same partition
    assert {x.fold for x in one} == set(range(5))
    fold_of = {x.text: x.fold for x in one if not x.source}
    assert all(fold_of[x.source] == x.fold for x in one if x.source)


def test_declining_is_learned_from_out_of_scope_rows():
    """Questions that fit a topic's examples best are declined; those that fit an entry best answered."""
    from faq.search.model import ScoringModel

    topic = [name for name, _ in FEATURES].index("out_of_scope_topic")

    def row(fit_value: float, is_topic: bool) -> list[float]:
        x = [0.0] * len(FEATURES)
        x[0], x[topic] = fit_value, float(is_topic)
        return x

    data = []
    for n in range(0, 40, 2):  # in scope: the entry fits best and is right
        data += [(n, row(0.9, False), 1), (n, row(0.3, True), 0)]
        data += [(n + 1, row(0.4, False), 0), (n + 1, row(0.9, True), 0)]  # out of scope
    weights, bias = fit(data, 1.0)
    model = ScoringModel(tuple(weights), bias, 0.6, 0.15)
    assert model.probabilities([row(0.9, False), row(0.3, True)])[0] > 0.6
    assert model.probabilities([row(0.4, False), row(0.9, True)])[0] < 0.2


def test_one_word_questions_are_labelled_by_how_many_entries_share_the_word():
    """A word most entries use names a topic (no single entry is right); a keyword of one entry points to it."""
    from faq.kb.files import BUNDLED_KB
    from faq.kb.loader import load_knowledge_base
    from faq.search.model import load_model, search_dir
    from faq.search.train import topic_words

    kb = load_knowledge_base(BUNDLED_KB)
    labels = {(lang, w): ids for lang, w, ids in topic_words(kb, load_model(search_dir(kb.root), untrained=True))}
    assert labels[("de", "lizenzen")] == ()
    assert labels[("de", "kuendigung")] == ("cancel-subscription",)


def test_a_bare_topic_word_is_not_answered_with_confidence():
    from faq.search.cache import load

    matcher = load(None)[1]
    lone = matcher.match("Lizenzen")
    assert lone.outcome != "answer" and lone.confidence < 0.5
    assert matcher.match("Kündigung").id == "cancel-subscription"


def test_the_committed_weights_name_the_penalty_chosen_and_the_grid_it_was_chosen_from():
    training = yaml.safe_load((BUNDLED_KB / "search" / "weights.yaml").read_text(encoding="utf-8"))["training"]
    grid = {row["l2"]: row for row in training["l2_grid"]}
    best = max(grid.values(), key=lambda row: row["held_out_log_likelihood"])["held_out_log_likelihood"]
    within = [v for v, row in grid.items() if row["held_out_log_likelihood"] >= best - row["paired_standard_error"]]
    assert training["l2"] == max(within)
