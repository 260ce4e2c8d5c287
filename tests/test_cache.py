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


def _caches(folder: Path) -> list[Path]:
    return sorted(folder.glob("kb-*.cache"))


def test_second_load_comes_from_the_cache(kb_dir, cache_dir):
    kb, matcher = cache.load(kb_dir)
    files = _caches(cache_dir)
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    kb2, matcher2 = cache.load(kb_dir)
    assert _caches(cache_dir) == files and files[0].stat().st_mtime_ns == stamp
    question = "Aktivierungslink abgelaufen"
    assert matcher2.match(question) == matcher.match(question)
    assert kb2 == kb


def test_a_changed_file_replaces_the_cached_copy(kb_dir, cache_dir):
    cache.load(kb_dir)
    before = _caches(cache_dir)
    vocabulary = kb_dir / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache.load(kb_dir)
    after = _caches(cache_dir)
    assert len(after) == 1 and after != before


def test_retrained_weights_replace_the_cached_matcher(kb_dir, cache_dir):
    """A knowledge base's own search model (weights retrained) is part of the cache key."""
    bundled = Path(__file__).parent.parent / "knowledge" / "search"
    shutil.copytree(bundled, kb_dir / "search")
    cache.load(kb_dir)
    before = _caches(cache_dir)
    weights = kb_dir / "search" / "weights.yaml"
    weights.write_text(weights.read_text(encoding="utf-8") + "\n# retrained\n", encoding="utf-8")
    cache.load(kb_dir)
    after = _caches(cache_dir)
    assert len(after) == 1 and after != before


def test_a_corrupt_cache_file_is_rebuilt(kb_dir, cache_dir):
    _, matcher = cache.load(kb_dir)
    (path,) = _caches(cache_dir)
    path.write_bytes(b"not a cache")
    _, again = cache.load(kb_dir)
    assert again.match("Aktivierungslink abgelaufen") == matcher.match("Aktivierungslink abgelaufen")
    assert path.read_bytes() != b"not a cache"


def test_no_cache_writes_nothing(kb_dir, cache_dir, monkeypatch):
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    cache.load(kb_dir)
    assert not cache_dir.exists() or not _caches(cache_dir)


def test_a_broken_knowledge_base_is_never_cached(kb_dir, cache_dir):
    (kb_dir / "vocabulary.yaml").write_text("synonyms: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        cache.load(kb_dir)
    assert not cache_dir.exists() or not _caches(cache_dir)


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


# -- a cache that is data, never code (issue 15) ------------------------------------------

import os  # noqa: E402
import pickle  # noqa: E402
import stat  # noqa: E402

from faq import cachedir  # noqa: E402
from faq.kb import codec  # noqa: E402
from faq.kb.model import KnowledgeBase  # noqa: E402
from faq.search.matcher import Matcher  # noqa: E402


class _Planted:
    """A pickle payload that creates a marker file when (and only when) it is unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _hostile(marker: Path) -> dict[str, bytes]:
    body = b'{"kb":{"@":"os.system","command":"touch ' + str(marker).encode() + b'"},"matcher":{}}'
    return {
        "pickle with code": pickle.dumps(_Planted(marker)),
        "pickle of a huge length": b"\x80\x05\x8e" + (2**62).to_bytes(8, "little"),
        "huge header length": cache.MAGIC + (2**62).to_bytes(8, "little") + b"{}",
        "garbage": os.urandom(4096),
        "foreign class by name": cache.MAGIC + len(b"{}").to_bytes(8, "little") + b"{}" + body,
        "empty": b"",
    }


@pytest.mark.parametrize("kind", ["pickle with code", "pickle of a huge length", "huge header length", "garbage",
                                  "foreign class by name", "empty", "a directory"])
def test_a_hostile_cache_file_is_ignored_and_rebuilt_without_running_code(kb_dir, cache_dir, tmp_path, kind):
    marker = tmp_path / "code-ran"
    _, matcher = cache.load(kb_dir)
    (path,) = _caches(cache_dir)
    path.unlink()
    if kind == "a directory":
        path.mkdir()
        (path / "inside").write_text("x")
    else:
        path.write_bytes(_hostile(marker)[kind])
    kb, again = cache.load(kb_dir)
    assert not marker.exists()
    assert isinstance(kb, KnowledgeBase) and isinstance(again, Matcher)
    assert again.match("Aktivierungslink abgelaufen") == matcher.match("Aktivierungslink abgelaufen")
    assert path.is_file() and path.read_bytes().startswith(cache.MAGIC)
    assert cache.decode(path.read_bytes())[0] == kb


def test_every_corruption_of_a_cache_file_is_ignored(kb_dir, cache_dir):
    kb, matcher = cache.load(kb_dir)
    (path,) = _caches(cache_dir)
    good = path.read_bytes()
    rng = __import__("random").Random(15)
    for _ in range(200):
        data = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            data[at] = (data[at] + rng.randrange(1, 256)) % 256  # a byte that changes
        assert bytes(data) != good
        with pytest.raises(ValueError):
            cache.decode(bytes(data))
    for cut in (0, 10, 24, len(good) // 2, len(good) - 1):
        with pytest.raises(ValueError):
            cache.decode(good[:cut])


def test_the_codec_builds_only_the_models_classes():
    with pytest.raises(ValueError):
        codec.decode({"@": "Path", "x": "/"})
    with pytest.raises(ValueError):
        codec.loads(b'{"@": "subprocess.Popen", "args": ["true"]}')
    with pytest.raises(ValueError):
        codec.loads(b'{"@": "Text", "de": "a", "en": "b", "__class__": "x"}')
    assert codec.loads(b'{"@": "Text", "de": "a", "en": "b"}') == codec.CLASSES["Text"]("a", "b")


def test_the_folder_is_created_private(kb_dir, cache_dir):
    cache.load(kb_dir)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


def test_a_folder_others_can_write_to_is_not_used(kb_dir, cache_dir, capsys):
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    cachedir._warned.clear()
    kb, matcher = cache.load(kb_dir)
    cache.load(kb_dir)
    assert not list(cache_dir.iterdir())
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(cache_dir) in err and "others can write to it" in err
    assert matcher.match("Aktivierungslink abgelaufen").id


def test_a_folder_of_another_user_is_not_used(kb_dir, cache_dir, capsys, monkeypatch):
    cache_dir.mkdir(mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_dir).st_uid + 1)
    cachedir._warned.clear()
    cache.load(kb_dir)
    assert not list(cache_dir.iterdir())
    assert "belongs to another user" in capsys.readouterr().err


def test_left_over_temporary_files_are_removed(kb_dir, cache_dir):
    cache_dir.mkdir(mode=0o700)
    old = cache_dir / ".kb-left-over.tmp"
    old.write_bytes(b"x" * 100)
    os.utime(old, (1, 1))
    fresh = cache_dir / ".kb-being-written.tmp"  # another process's, still writing
    fresh.write_bytes(b"x")
    cache.load(kb_dir)
    assert not old.exists() and fresh.exists()


def test_a_failed_write_leaves_no_temporary_file(kb_dir, cache_dir, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full)
    cache.load(kb_dir)
    assert not list(cache_dir.glob(".kb-*.tmp")) and not _caches(cache_dir)


def test_the_old_pickle_is_removed_and_never_read(kb_dir, cache_dir, tmp_path):
    marker = tmp_path / "code-ran"
    cache.load(kb_dir)
    (path,) = _caches(cache_dir)
    old = path.with_suffix(".pickle")
    old.write_bytes(pickle.dumps(_Planted(marker)))
    path.unlink()
    cache.load(kb_dir)
    assert not marker.exists() and not old.exists()


def test_a_fresh_faqbot_ask_uses_no_folder_others_can_write_to(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "shared-cache"
    folder.mkdir()
    folder.chmod(0o777)
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "Aktivierungsmail nicht bekommen"], capture_output=True,
                          text=True, cwd=Path(__file__).resolve().parent.parent,
                          env={"PATH": "/usr/bin:/bin", "FAQBOT_CACHE_DIR": str(folder)})
    assert proc.returncode == 0 and "Aktivierungs" in proc.stdout
    assert proc.stderr.splitlines() == [f"faqbot: the cache folder {folder} is not used: others can write to it"]
    assert not list(folder.iterdir())


def test_a_fresh_faqbot_ask_creates_the_cache_folder_private(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "new" / "cache"
    subprocess.run([sys.executable, "-m", "bot", "ask", "Aktivierungsmail nicht bekommen"], capture_output=True,
                   cwd=Path(__file__).resolve().parent.parent, env={"PATH": "/usr/bin:/bin", "FAQBOT_CACHE_DIR": str(folder)},
                   check=True)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and list(folder.glob("kb-*.cache"))


def test_the_matcher_alone_reads_the_same_cache_and_decides_alike(kb_dir, cache_dir):
    kb, matcher = cache.load(kb_dir)
    alone = cache.load_matcher(kb_dir)
    assert len(_caches(cache_dir)) == 1
    question = "Aktivierungslink abgelaufen"
    assert alone.match(question) == matcher.match(question)


def test_answers_only_leave_the_flows_out_and_decide_alike(kb_dir, cache_dir):
    first = [cache.load(kb_dir, flows=False), cache.load(kb_dir, flows=False)]  # from the files, then the cache
    kb, matcher = cache.load(kb_dir)
    assert kb.flows and kb == cache.for_serving(load_knowledge_base(kb_dir))
    for answers, again in first:
        assert answers.flows == () and answers.entries == kb.entries and answers.config == kb.config
        assert answers.support() == kb.support()
        assert again.match("Aktivierungslink abgelaufen") == matcher.match("Aktivierungslink abgelaufen")
