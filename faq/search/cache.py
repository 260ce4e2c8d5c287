"""A cache of the loaded knowledge base and its matcher, keyed by the files' content."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from pathlib import Path

from faq.kb.files import BUNDLED_KB, kb_files
from faq.kb.model import KnowledgeBase
from faq.search.matcher import Matcher

__all__ = ["cache_dir", "load", "for_serving"]

_FORMAT = b"faqbot-cache-3"


def cache_dir() -> Path | None:
    """Return the cache folder ($FAQBOT_CACHE_DIR, else the user's cache dir), None when off."""
    if os.environ.get("FAQBOT_NO_CACHE"):
        return None
    configured = os.environ.get("FAQBOT_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("faqbot", appauthor=False))


def _key(root: Path) -> str:
    digest = hashlib.sha256(_FORMAT)
    code = Path(__file__).resolve().parent
    for path in sorted(code.glob("*.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    digest.update(str(root.resolve()).encode())
    for path in kb_files(root):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:40]


def for_serving(kb: KnowledgeBase) -> KnowledgeBase:
    """Return `kb` without the entries' paraphrases and keywords.

    Only the matcher's index reads them, and it holds what they say; on a large knowledge
    base they are half of its memory.
    """
    entries = tuple(replace(e, paraphrases={}, keywords={}) for e in kb.entries)
    return replace(kb, entries=entries)


def load(kb_dir: str | Path | None = None) -> tuple[KnowledgeBase, Matcher]:
    """Load a knowledge base (validated) and its matcher, from the cache when it is fresh.

    The knowledge base comes as served (`for_serving`): answers, titles, flows and
    vocabulary, without the paraphrases and keywords the matcher was built from.

    Raises:
        KnowledgeBaseError: when the knowledge base has problems (never cached).
    """
    root = Path(kb_dir) if kb_dir else BUNDLED_KB
    folder = cache_dir()
    path = None
    if folder is not None and root.is_dir():
        try:
            place = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
            path = folder / f"kb-{place}-{_key(root)}.pickle"
            with path.open("rb") as fh:
                kb, matcher = pickle.load(fh)
            if isinstance(kb, KnowledgeBase) and isinstance(matcher, Matcher):
                return kb, matcher
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError, ImportError):
            pass
    from faq.kb.loader import load_knowledge_base

    kb = load_knowledge_base(root)
    matcher = Matcher(kb)
    kb = for_serving(kb)
    if path is not None:
        _store(path, (kb, matcher))
    return kb, matcher


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        place = path.name.split("-")[1]
        for old in path.parent.glob(f"kb-{place}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
