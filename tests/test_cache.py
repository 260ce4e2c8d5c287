"""The cache of the loaded knowledge base and matcher: reused while the files are unchanged."""

import shutil
from pathlib import Path

import pytest

from faq.errors import KnowledgeBaseError
from faq.kb.loader import load_knowledge_base
from faq.search import cache

KB_SOURCE = Path(__file__).parent / "fixtures" / "tickets" / "kb"


@pytest.fixture
def kb_dir(tmp_path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(KB_SOURCE, target)
    return target


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FAQBOT_CACHE_DIR", str(folder))
    monkeypatch.delenv("FAQBOT_NO_CACHE", raising=False)
    return folder


def _pickles(folder: Path) -> list[Path]:
    return sorted(folder.glob("kb-*.pickle"))


def test_second_load_comes_from_the_cache(kb_dir, cache_dir):
    kb, matcher = cache.load(kb_dir)
    files = _pickles(cache_dir)
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    kb2, matcher2 = cache.load(kb_dir)
    assert _pickles(cache_dir) == files and files[0].stat().st_mtime_ns == stamp
    question = "Aktivierungslink abgelaufen"
    assert matcher2.match(question) == matcher.match(question)
    assert kb2 == kb


def test_a_changed_file_replaces_the_cached_copy(kb_dir, cache_dir):
    cache.load(kb_dir)
    before = _pickles(cache_dir)
    vocabulary = kb_dir / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache.load(kb_dir)
    after = _pickles(cache_dir)
    assert len(after) == 1 and after != before


def test_a_corrupt_cache_file_is_rebuilt(kb_dir, cache_dir):
    _, matcher = cache.load(kb_dir)
    (path,) = _pickles(cache_dir)
    path.write_bytes(b"not a pickle")
    _, again = cache.load(kb_dir)
    assert again.match("Aktivierungslink abgelaufen") == matcher.match("Aktivierungslink abgelaufen")
    assert path.read_bytes() != b"not a pickle"


def test_no_cache_writes_nothing(kb_dir, cache_dir, monkeypatch):
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    cache.load(kb_dir)
    assert not cache_dir.exists() or not _pickles(cache_dir)


def test_a_broken_knowledge_base_is_never_cached(kb_dir, cache_dir):
    (kb_dir / "vocabulary.yaml").write_text("synonyms: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        cache.load(kb_dir)
    assert not cache_dir.exists() or not _pickles(cache_dir)


def test_served_knowledge_base_keeps_answers_not_index_texts(kb_dir, cache_dir):
    full = load_knowledge_base(kb_dir)
    served, matcher = cache.load(kb_dir)
    assert [e.id for e in served.entries] == [e.id for e in full.entries]
    for mine, theirs in zip(served.entries, full.entries):
        assert (mine.title, mine.question, mine.answer, mine.contact, mine.flow) == (
            theirs.title, theirs.question, theirs.answer, theirs.contact, theirs.flow)
        assert not mine.paraphrases and not mine.keywords
    assert served.flows == full.flows
    # The matcher was built from the paraphrases: a paraphrase still finds its entry.
    entry = full.entries[0]
    paraphrase = entry.paraphrases["de"][0]
    assert matcher.match(paraphrase).id == entry.id
