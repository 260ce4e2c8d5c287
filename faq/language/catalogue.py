"""The catalogue of interface texts: one key, its German and English text.

The texts live in `knowledge/ui/*.yaml` (one file per face: chat, agent view, command
line, replies, web), are loaded on first use and never from a user's `--kb`: they
belong to the product, not to a knowledge base.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from faq.language.datafiles import read_folder

__all__ = ["UI_DIR", "catalogue", "count", "message", "tr"]

UI_DIR = Path(__file__).resolve().parent.parent.parent / "knowledge" / "ui"
if not UI_DIR.is_dir():  # installed: the knowledge folder is packaged as faq.knowledge
    UI_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "ui"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Return every interface text as `{lang: {key: text}}`, loaded once.

    Raises:
        ValueError: A file is not a mapping of keys to `{de, en}` texts, or a key repeats.
    """
    texts: dict[str, dict[str, str]] = {"de": {}, "en": {}}
    origin: dict[str, str] = {}
    for name, data in read_folder(UI_DIR).items():
        path = UI_DIR / name
        data = data or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of text keys")
        for key, by_lang in data.items():
            if key in origin:
                raise ValueError(f"{path}: text key {key!r} is also in {origin[key]}")
            if not isinstance(by_lang, dict) or not all(isinstance(by_lang.get(lang), str) for lang in texts):
                raise ValueError(f"{path}: text {key!r} needs a German (de) and an English (en) text")
            origin[key] = path.name
            for lang in texts:
                texts[lang][key] = by_lang[lang]
    return texts


def tr(lang: str, key: str, **args: Any) -> str:
    """Return the interface text `key` in `lang` (German if unknown), filled with `args`.

    Values are inserted literally (`str.format`), never parsed as markup.
    """
    table = catalogue()
    text = table.get(lang, table["de"]).get(key) or table["de"].get(key, key)
    return text.format(**args) if args else text


def message(lang: str, key: str, **values: Any) -> str:
    """Return the message `key` about a value: as `tr`, but English when `lang` is neither
    German nor English, and a `raw` value quoted as an excerpt (a 1 MB input never makes
    a 1 MB message)."""
    from faq.language.text import excerpt

    if "raw" in values:
        values["raw"] = excerpt(str(values["raw"]))
    return tr(lang if lang in ("de", "en") else "en", key, **values)


def count(n: int, lang: str) -> str:
    """A whole number as readers of `lang` write it: 2.000 (de), 2,000 (en)."""
    return f"{n:,}".replace(",", "." if lang == "de" else ",")
