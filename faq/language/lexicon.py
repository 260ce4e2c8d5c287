"""Language knowledge as data: named word lists per language from `knowledge/language/`.

Each file `knowledge/language/<name>.yaml` holds one list per language code:

    de: [nicht, kein, keine]
    en: [not, no, never]

Entries are lower-case words or phrases. The lists belong to the product (they describe
German and English, not one knowledge base) and are loaded once, on first use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from faq.language.datafiles import read_folder

__all__ = ["LANGUAGE_DIR", "folded", "lexicon", "words"]

LANGUAGE_DIR = Path(__file__).resolve().parent.parent.parent / "knowledge" / "language"
if not LANGUAGE_DIR.is_dir():  # installed: the knowledge folder is packaged as faq.knowledge
    LANGUAGE_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "language"


@cache
def lexicon() -> dict[str, dict[str, tuple[str, ...]]]:
    """Return every word list as `{name: {lang: words}}`, loaded once.

    Raises:
        ValueError: A file is not a mapping of language codes to lists of strings.
    """
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, data in read_folder(LANGUAGE_DIR).items():
        data = data or {}
        if not isinstance(data, dict):
            raise ValueError(f"{LANGUAGE_DIR / name}: expected a mapping of language codes to word lists")
        out[name.removesuffix(".yaml")] = {str(lang): _words(items, name, lang) for lang, items in data.items()}
    return out


def _words(items: object, name: str, lang: object) -> tuple[str, ...]:
    """Return `items` stripped, when it is a list of strings.

    Raises:
        ValueError: It is not.
    """
    if isinstance(items, list):
        try:
            return tuple(map(str.strip, items))  # str.strip takes nothing but a string: checked in the same pass
        except TypeError:
            pass
    raise ValueError(f"{LANGUAGE_DIR / name}: '{lang}' must be a list of words")


def words(name: str, lang: str | None = None) -> tuple[str, ...]:
    """Return the word list `name` in `lang`, or in every language when `lang` is None.

    Raises:
        KeyError: No file `knowledge/language/<name>.yaml` exists.
    """
    lists = lexicon()[name]
    if lang is not None:
        return lists.get(lang, ())
    return tuple(w for items in lists.values() for w in items)


@cache
def folded(name: str) -> frozenset[str]:
    """Return the word list `name` in every language, folded as the text it is compared with."""
    from faq.language.normalize import fold  # lazily: normalize reads this module's lists

    return frozenset(fold(w) for w in words(name))
