"""The cache folder every cache of faqbot shares: where it is, and whether it may be used.

A cache folder is created private (0700). One that another user owns, or that others may
write to, is not used (anyone who can write there could plant what faqbot reads back),
with one line on stderr saying so, once per process. Temporary files a crashed or
interrupted writer left behind are removed after a while. `digest` is the hash the caches
key and check their files with.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

try:  # the interpreter's own BLAKE2: `import hashlib` loads OpenSSL, a few ms of every start
    from _blake2 import blake2b as _blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b as _blake2b

__all__ = ["STALE_TMP", "cache_dir", "digest", "private_cache_dir", "remove_stale", "usable_dir"]

STALE_TMP = 600
"""Seconds after which another process's temporary file counts as left over."""
_warned: set[str] = set()


def digest(data: bytes = b"") -> Any:
    """Return a new BLAKE2b hash (32 bytes) of `data`, to `update` with more (hashlib's interface)."""
    return _blake2b(data, digest_size=32)


def cache_dir() -> Path | None:
    """Return the cache folder ($FAQBOT_CACHE_DIR, else the user's cache dir), None when off."""
    if os.environ.get("FAQBOT_NO_CACHE"):
        return None
    configured = os.environ.get("FAQBOT_CACHE_DIR")
    if configured:
        return Path(configured)
    return _user_cache_dir()


def _user_cache_dir() -> Path:
    """Return the user's cache folder for faqbot, as platformdirs names it.

    On Linux that is the XDG rule: $XDG_CACHE_HOME when absolute, else $HOME/.cache, with
    "faqbot" appended; it is taken here without importing platformdirs, which costs every
    `faqbot ask` about a tenth of its start. Elsewhere, and when neither variable holds an
    absolute path, platformdirs decides.
    """
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        for base in (os.environ.get("XDG_CACHE_HOME", ""), os.path.join(os.environ.get("HOME", ""), ".cache")):
            if os.path.isabs(base):
                return Path(base, "faqbot")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("faqbot", appauthor=False))


def usable_dir(folder: Path) -> str:
    """Create `folder` (0700) when missing; return why it must not be used, or "" when it may.

    A folder must be a directory owned by the user and writable by no one else.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.stat(folder)
    except OSError as exc:
        return f"it cannot be created ({exc.strerror or exc})"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return "it belongs to another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "others can write to it"
    return ""


def private_cache_dir() -> Path | None:
    """Return the cache folder when caching is on and the folder may be used, else None
    (after one line on stderr when the folder is refused)."""
    folder = cache_dir()
    if folder is None:
        return None
    why = usable_dir(folder)
    if why:
        if str(folder) not in _warned:
            _warned.add(str(folder))
            print(f"faqbot: the cache folder {folder} is not used: {why}", file=sys.stderr)
        return None
    return folder


def remove_stale(folder: Path, pattern: str) -> None:
    """Remove the files of `folder` matching `pattern` older than `STALE_TMP` seconds."""
    now = time.time()
    for old in folder.glob(pattern):
        try:
            if now - old.lstat().st_mtime > STALE_TMP:
                old.unlink()
        except OSError:
            pass
