"""The scoring model's weights are learned, reproducibly, from knowledge/search/."""

from pathlib import Path

import yaml

from faq.kb.files import BUNDLED_KB
from faq.search.model import FEATURES, load_negatives
from faq.search.train import dump, train


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
