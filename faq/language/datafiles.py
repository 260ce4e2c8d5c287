"""Reading the product's small YAML folders (`knowledge/ui/`, `knowledge/language/`) fast.

Parsing YAML costs a command like `faqbot ask` more than its answer does, so the parsed
folder is kept as JSON in the cache folder ($FAQBOT_CACHE_DIR, else the user's cache
directory; none with $FAQBOT_NO_CACHE), keyed by the files' names, sizes and times.
JSON is data only: nothing read back is executed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["read_folder"]

_FORMAT = "faqbot-data-1"


def _cache_dir() -> Path | None:
    if os.environ.get("FAQBOT_NO_CACHE"):
        return None
    configured = os.environ.get("FAQBOT_CACHE_DIR")
    if configured:
        return Path(configured)
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - a dependency
        return None
    return Path(user_cache_dir("faqbot", appauthor=False))


def _parse(paths: list[Path]) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the safe loader, in C when libyaml is there
    return {path.name: yaml.load(path.read_text(encoding="utf-8"), Loader=loader) for path in paths}


def read_folder(folder: Path) -> dict[str, Any]:
    """Return `{file name: parsed YAML}` for every `*.yaml` file of `folder`, in name order.

    Raises:
        OSError: A file cannot be read.
        yaml.YAMLError: A file is not valid YAML (only when it is parsed, not from the cache).
    """
    paths = sorted(folder.glob("*.yaml"))
    cache = _cache_dir()
    if cache is None:
        return _parse(paths)
    place = hashlib.sha256(f"{_FORMAT}\0{folder.resolve()}".encode()).hexdigest()[:12]
    digest = hashlib.sha256(place.encode())
    for path in paths:
        stat = path.stat()
        digest.update(f"\0{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    target = cache / f"data-{place}-{digest.hexdigest()[:32]}.json"
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        if isinstance(data, dict) and list(data) == [p.name for p in paths]:
            return data
    except (OSError, ValueError):
        pass
    data = _parse(paths)
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data  # not plain JSON (a date, a number as key): read from YAML each time
    if json.loads(text) != data:
        return data
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob(f"data-{place}-*.json"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache, prefix=".data-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError:
        pass  # no cache this time; the data itself is fine
    return data
