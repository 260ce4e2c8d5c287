"""Where knowledge base files are: cheap to import (no YAML), for the cache's fast path."""

from __future__ import annotations

from pathlib import Path

__all__ = ["BUNDLED_KB", "YAML_SUFFIXES", "kb_files", "seed_file", "shown_path"]

YAML_SUFFIXES = (".yaml", ".yml")


def _bundled() -> Path:
    package = Path(__file__).resolve().parent.parent
    source_tree = package.parent / "knowledge"
    return source_tree if (source_tree / "entries").is_dir() else package / "knowledge"


BUNDLED_KB = _bundled()


def kb_files(root: Path) -> list[Path]:
    """Return the YAML files of a knowledge base folder, in a stable order.

    Hidden files (editor backups, `.#x.yaml`) are skipped. A folder that cannot be
    listed gives no files; `parse_knowledge_base` reports it.
    """
    files = [path for path in (root / "vocabulary.yaml", root / "config.yaml") if path.exists()]
    for sub in ("entries", "flows"):
        folder = root / sub
        try:
            names = sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))
        except OSError:
            continue
        files.extend(names)
    return files


def shown_path(path: Path | str) -> str:
    """Return `path` as the user would type it: relative to the current folder when under it."""
    path = Path(path)
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except (ValueError, OSError):
            return str(path)
    return str(path)


def seed_file(root: Path) -> Path:
    """Return where a knowledge base keeps the seed text that its flows' sources quote."""
    return root / "source" / "seed.txt"
