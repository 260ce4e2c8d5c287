"""The benchmark's knowledge-base generator makes distinct, valid entries."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not installed

from benchmarks.generate import generate_kb, write_kb
from faq.kb.loader import parse_knowledge_base
from faq.search.matcher import Matcher


@pytest.fixture(scope="module")
def kb():
    return generate_kb(120, seed=3)


def test_size_and_unique_ids(kb):
    assert len(kb.entries) == 120
    assert len({e.id for e in kb.entries}) == 120


def test_real_entries_come_first_and_generated_ones_differ(kb):
    generated = [e for e in kb.entries if "-g" in e.id]
    assert len(generated) == 120 - 18
    texts = [e.question.de for e in generated]
    assert len(set(texts)) == len(texts)
    paraphrases = [p for e in generated for lang in ("de", "en") for p in e.paraphrases[lang]]
    assert len(set(paraphrases)) > 0.95 * len(paraphrases)
    real = {p for e in kb.entries[:18] for lang in ("de", "en") for p in e.paraphrases[lang]}
    assert not real & set(paraphrases)


def test_entries_have_both_languages_and_text(kb):
    for e in kb.entries:
        for lang in ("de", "en"):
            assert e.title.get(lang).strip() and e.question.get(lang).strip()
            assert e.paraphrases[lang] and all(p.strip() for p in e.paraphrases[lang])
            assert e.answer[lang]


def test_same_seed_same_kb():
    a, b = generate_kb(40, seed=9), generate_kb(40, seed=9)
    assert [e.paraphrases for e in a.entries] == [e.paraphrases for e in b.entries]


def test_written_entries_parse(kb, tmp_path):
    small = generate_kb(25, seed=3, base=kb.__class__(kb.entries[:18], kb.flows, kb.vocabulary))
    write_kb(small, tmp_path)
    parsed, _ = parse_knowledge_base(tmp_path)
    assert parsed is not None
    assert {e.id for e in parsed.entries} >= {e.id for e in small.entries[18:]}


def test_matcher_builds_and_finds_a_generated_entry(kb):
    matcher = Matcher(kb)
    entry = kb.entries[-1]
    result = matcher.match(entry.paraphrases["de"][0])
    assert result.candidates
