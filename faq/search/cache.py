"""A cache of the loaded knowledge base and its matcher, keyed by its files (name, size, time of change).

The cache holds data, never code. One file per knowledge-base folder:

    MAGIC                       b"FAQBOT-CACHE\\0v6\\n" (16 bytes)
    header length               8 bytes, little-endian
    header                      JSON: {"json": length of the matcher's JSON, "kb": length of the knowledge
                                base's JSON without its flows, "flows": length of the flows' JSON,
                                "arrays": [[type code, bytes], ...]}
    checksum                    BLAKE2b (32 bytes) of header and body
    body                        the matcher's JSON state, the knowledge base's JSON, the flows' JSON, then
                                each array's raw bytes

The knowledge base goes through `faq.kb.codec` (a whitelist of its own classes), the
matcher through `Matcher.to_state()`; an array at the top of the matcher's state is
stored as raw bytes and named in the JSON as `{"@array": n}`. A file that is unreadable,
too large, of another format, fails its checksum or does not decode is ignored; the
knowledge base is then loaded from its files and the cache replaced atomically. A command
that needs only the matcher (`faqbot ask --json`) reads it without decoding the knowledge
base (`load_matcher`); one that shows answers only (`faqbot ask`) without decoding the flows,
two thirds of the knowledge base (`load(flows=False)`).

The folder is created private (0700). A folder another user owns, or others may write
to, is not used, with one line on stderr saying so.
"""

from __future__ import annotations

import json
import os
import stat
from array import array
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from faq.cachedir import cache_dir, digest, private_cache_dir, remove_stale, usable_dir
from faq.kb.files import BUNDLED_KB, kb_files, seed_file
from faq.language.datafiles import stamps
from faq.language.lexicon import LANGUAGE_DIR
from faq.search.matcher import Matcher
from faq.search.model import search_dir

if TYPE_CHECKING:
    from faq.kb.model import KnowledgeBase

__all__ = ["MAGIC", "MAX_BYTES", "cache_dir", "decode", "encode", "for_serving", "load", "load_matcher", "usable_dir"]

MAGIC = b"FAQBOT-CACHE\0v6\n"
MAX_BYTES = 1 << 30
"""A larger cache file is ignored (and rebuilt)."""
_MAX_HEADER = 1 << 20
_TYPECODES = frozenset("bBhHiIlLqQfd")


def _key(root: Path) -> str:
    # Name, size and time of change of the code and the data: reading every file would cost each start.
    key = digest(MAGIC)
    code = Path(__file__).resolve().parent
    kb_code = [_stamp(code.parent / "kb" / name) for name in ("codec.py", "vocabulary.py")]
    for name, size, mtime_ns in [*stamps(code, ".py"), *kb_code, *stamps(code.parent / "language", ".py")]:
        key.update(f"{name}:{size}:{mtime_ns}".encode())
    key.update(str(root.resolve()).encode())
    # The knowledge base, the model's data (its own search/ or the bundled one) and the word lists.
    seed = seed_file(root)
    files = [_stamp(path, str(path)) for path in [*kb_files(root), *([seed] if seed.is_file() else [])]]
    for folder in (search_dir(root), LANGUAGE_DIR):
        files += [(f"{folder}{os.sep}{name}", size, mtime_ns) for name, size, mtime_ns in stamps(folder, ".yaml")]
    for name, size, mtime_ns in files:
        key.update(f"{name}:{size}:{mtime_ns}\0".encode())
    return str(key.hexdigest()[:40])


def _stamp(path: Path, name: str | None = None) -> tuple[str, int, int]:
    """(`name`, else the file's name; its size; its time of change in ns), as `stamps` gives them."""
    info = path.stat()
    return name or path.name, info.st_size, info.st_mtime_ns


def for_serving(kb: KnowledgeBase) -> KnowledgeBase:
    """Return `kb` without the entries' paraphrases and keywords.

    Only the matcher's index reads them, and it holds what they say; on a large knowledge
    base they are half of its memory.
    """
    entries = tuple(replace(e, paraphrases={}, keywords={}) for e in kb.entries)
    return replace(kb, entries=entries)


# -- the file format ---------------------------------------------------------------------


def encode(kb: KnowledgeBase, matcher: Matcher) -> bytes:
    """Return the cache file's bytes for a knowledge base and its matcher."""
    from faq.kb import codec

    state = matcher.to_state()
    blobs: list[bytes] = []
    arrays: list[list[Any]] = []
    for name, value in state.items():
        if isinstance(value, array):
            state[name] = {"@array": len(blobs)}
            blobs.append(value.tobytes())
            arrays.append([value.typecode, len(blobs[-1])])
    text, kb_text, flows_text = (
        json.dumps(part, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode("utf-8")
        for part in (state, codec.encode(replace(kb, flows=())), codec.encode(kb.flows)))
    body = b"".join([text, kb_text, flows_text, *blobs])
    header = json.dumps({"json": len(text), "kb": len(kb_text), "flows": len(flows_text), "arrays": arrays},
                        separators=(",", ":")).encode()
    checksum = digest(header + body).digest()
    return MAGIC + len(header).to_bytes(8, "little") + header + checksum + body


def decode(data: bytes) -> tuple[KnowledgeBase, Matcher]:
    """Return the knowledge base and matcher of a cache file's bytes.

    Raises:
        ValueError: The bytes are not a whole, intact cache file of this version.
    """
    kb, matcher = _decode(data, True, True)
    return cast("KnowledgeBase", kb), matcher  # `_decode` checked it with the knowledge base read


def _decode(data: bytes, with_kb: bool, with_flows: bool) -> tuple[KnowledgeBase | None, Matcher]:
    """`decode`, the knowledge base only `with_kb` (else None: its JSON is checked, not read), its
    flows only `with_flows` (else none)."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 8:
        raise ValueError("not a faqbot cache file of this version")
    start = len(MAGIC) + 8
    size = int.from_bytes(data[len(MAGIC) : start], "little")
    if size > min(_MAX_HEADER, len(data) - start - 32):
        raise ValueError("header length out of range")
    raw_header = data[start : start + size]
    body = memoryview(data)[start + size + 32 :]
    checksum = digest(raw_header)
    checksum.update(body)
    if checksum.digest() != data[start + size : start + size + 32]:
        raise ValueError("checksum mismatch")
    header = json.loads(raw_header)
    if not isinstance(header, dict) or not isinstance(header.get("arrays"), list):
        raise ValueError("broken header")
    arrays = header["arrays"]
    text_len, kb_len, flows_len = (n if isinstance(n, int) else -1 for n in (header.get(k) for k in ("json", "kb", "flows")))
    if min(text_len, kb_len, flows_len) < 0 or not all(
        isinstance(a, list) and len(a) == 2 and a[0] in _TYPECODES and isinstance(a[1], int) and a[1] >= 0 for a in arrays
    ):
        raise ValueError("broken header")
    if text_len + kb_len + flows_len + sum(a[1] for a in arrays) != len(body):
        raise ValueError("lengths do not add up")
    state = json.loads(bytes(body[:text_len]))  # the matcher's state is plain data
    if not isinstance(state, dict):
        raise ValueError("broken body")
    kb = None
    if with_kb:
        from faq.kb import codec
        from faq.kb.model import KnowledgeBase

        kb = codec.loads(bytes(body[text_len : text_len + kb_len]))
        if not isinstance(kb, KnowledgeBase) or kb.flows:
            raise ValueError("no knowledge base")
        if with_flows:
            from faq.kb.model import Flow

            flows = codec.loads(bytes(body[text_len + kb_len : text_len + kb_len + flows_len]))
            if not isinstance(flows, tuple) or not all(isinstance(flow, Flow) for flow in flows):
                raise ValueError("no flows")
            kb = replace(kb, flows=flows)
    blobs: list[array] = []
    offset = text_len + kb_len + flows_len
    for code, nbytes in arrays:
        values = array(code)
        if nbytes % values.itemsize:
            raise ValueError("array length is not a whole number of items")
        values.frombytes(body[offset : offset + nbytes])
        blobs.append(values)
        offset += nbytes
    for name, value in state.items():
        if isinstance(value, dict) and set(value) == {"@array"}:
            index = value["@array"]
            if not isinstance(index, int) or not 0 <= index < len(blobs):
                raise ValueError("array index out of range")
            state[name] = blobs[index]
    return kb, Matcher.from_state(state)


def _read(path: Path, with_kb: bool = True, with_flows: bool = True) -> tuple[KnowledgeBase | None, Matcher] | None:
    """Return the cached pair (the knowledge base only `with_kb`, its flows only `with_flows`), or None
    for a missing, unreadable, oversized or foreign file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            data = fh.read(MAX_BYTES + 1)
        return _decode(data, with_kb, with_flows)
    except Exception:  # any damage at all: the cache is only ever a shortcut
        return None


# -- loading and storing -------------------------------------------------------------------


def load(kb_dir: str | Path | None = None, flows: bool = True) -> tuple[KnowledgeBase, Matcher]:
    """Load a knowledge base (validated) and its matcher, from the cache when it is fresh.

    The knowledge base comes as served (`for_serving`): answers, titles, flows and
    vocabulary, without the paraphrases and keywords the matcher was built from; without
    its flows too (`flows=()`) unless `flows`, for a command that shows answers only.

    Raises:
        KnowledgeBaseError: when the knowledge base has problems (never cached).
    """
    kb, matcher = _load(kb_dir, True, flows)
    return cast("KnowledgeBase", kb), matcher


def load_matcher(kb_dir: str | Path | None = None) -> Matcher:
    """Load only the matcher of a knowledge base, as `load` does (for commands that never
    show an answer's text: the cached knowledge base is not decoded).

    Raises:
        KnowledgeBaseError: when the knowledge base has problems (never cached).
    """
    return _load(kb_dir, False, False)[1]


def _load(kb_dir: str | Path | None, with_kb: bool, with_flows: bool) -> tuple[KnowledgeBase | None, Matcher]:
    root = Path(kb_dir) if kb_dir else BUNDLED_KB
    folder = private_cache_dir() if root.is_dir() else None
    path = None
    if folder is not None:
        try:
            place = digest(str(root.resolve()).encode()).hexdigest()[:12]
            path = folder / f"kb-{place}-{_key(root)}.cache"
        except OSError:
            path = None
        if path is not None and (cached := _read(path, with_kb, with_flows)) is not None:
            return cached
    from faq.kb.loader import load_knowledge_base

    kb = load_knowledge_base(root)
    matcher = Matcher(kb)
    kb = for_serving(kb)
    if path is not None:
        _store(path, kb, matcher)
    return (kb if with_flows else replace(kb, flows=())) if with_kb else None, matcher


def _clear(path: Path) -> None:
    """Remove what stands at `path` (an older file, or a folder planted there)."""
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _store(path: Path, kb: KnowledgeBase, matcher: Matcher) -> None:
    """Write the cache file atomically; remove older caches of the folder and left-over
    temporary files. Never fails: without a cache, the next run loads the files again."""
    folder = path.parent
    place = path.name.split("-")[1]
    tmp = None
    try:
        remove_stale(folder, ".kb-*.tmp")
        for old in folder.glob(f"kb-{place}-*"):
            if old != path:
                _clear(old)
        if path.is_dir() and not path.is_symlink():
            _clear(path)
        import tempfile

        data = encode(kb, matcher)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".kb-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
    except (OSError, TypeError, ValueError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
