"""Reading the product's small YAML folders (`knowledge/ui/`, `knowledge/language/`) fast.

Parsing YAML costs a command like `faqbot ask` more than its answer does, so the parsed
folder is kept as JSON in the cache folder (`faq.cachedir`: $FAQBOT_CACHE_DIR, else the
user's cache directory, private and the user's own; none with $FAQBOT_NO_CACHE), keyed
by the files' names, sizes and times. JSON is data only: nothing read back is executed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from faq.cachedir import digest, private_cache_dir, remove_stale

__all__ = ["read_folder", "stamps"]

_FORMAT = "faqbot-data-1"


def _parse(folder: Path, names: list[str]) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the safe loader, in C when libyaml is there
    return {name: yaml.load((folder / name).read_text(encoding="utf-8"), Loader=loader) for name in names}


def stamps(folder: Path, suffix: str) -> list[tuple[str, int, int]]:
    """Return (name, size, time of change in ns) of each entry of `folder` whose name ends with
    `suffix`, in name order (the files `folder.glob("*" + suffix)` finds); [] for a folder that
    cannot be listed.

    One `os.scandir` and one `stat` a file: the caches' keys stat every file of the product's
    folders at each start, and `Path.glob`, sorting paths and `Path.stat` cost several times more.
    """
    try:
        listing = os.scandir(folder)
    except OSError:
        return []
    with listing:
        found = [(entry.name, entry.stat()) for entry in listing if entry.name.endswith(suffix)]
    return sorted((name, info.st_size, info.st_mtime_ns) for name, info in found)


def read_folder(folder: Path) -> dict[str, Any]:
    """Return `{file name: parsed YAML}` for every `*.yaml` file of `folder`, in name order.

    Raises:
        OSError: A file cannot be read.
        yaml.YAMLError: A file is not valid YAML (only when it is parsed, not from the cache).
    """
    listed = stamps(folder, ".yaml")
    names = [name for name, _, _ in listed]
    cache = private_cache_dir()  # 0700, the user's own and no one else's, or none
    if cache is None:
        return _parse(folder, names)
    place = digest(f"{_FORMAT}\0{folder.resolve()}".encode()).hexdigest()[:12]
    key = digest(place.encode())
    for name, size, mtime_ns in listed:
        key.update(f"\0{name}:{size}:{mtime_ns}".encode())
    target = cache / f"data-{place}-{key.hexdigest()[:32]}.json"
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        if isinstance(data, dict) and list(data) == names:
            return data
    except (OSError, ValueError):
        pass
    data = _parse(folder, names)
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data  # not plain JSON (a date, a number as key): read from YAML each time
    if json.loads(text) != data:
        return data
    import tempfile  # only when the cache is written

    tmp = None
    try:
        remove_stale(cache, ".data-*.tmp")
        for old in cache.glob(f"data-{place}-*.json"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache, prefix=".data-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
        tmp = None
    except OSError:
        pass  # no cache this time; the data itself is fine
    finally:
        if tmp is not None:  # a full disk leaves no temporary file behind
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return data
