"""Rules for the product's language files: word lists (`language/*.yaml`) and interface texts (`ui/*.yaml`).

They are checked with file and line like the knowledge base, by `faqbot check`, when
the checked folder has them (the bundled `knowledge/` does):

- a word list maps language codes (de, en) to lists of non-empty texts, each once;
- the month list (`months.yaml`) holds the twelve months of each language in order, each entry
  its spellings apart by spaces, letters only (dates in text are found with them), each spelling
  naming one month;
- an interface text is a key (lower-case letters, digits, '_'), unique across the
  files, with a German and an English text that use the same `{placeholders}`.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

from faq.errors import Problem
from faq.kb.files import YAML_SUFFIXES, shown_path
from faq.kb.model import LANGS
from faq.kb.reader import FieldReader, kind_of
from faq.kb.yamlsource import LDict, LTuple, read_yaml

__all__ = ["KEY_RE", "check_text_files", "check_ui_file", "check_word_list"]

KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
"""Keys of interface texts: lower-case letters, digits and '_', starting with a letter."""


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))
    except OSError:
        return []


def _mapping(path: Path, what: str) -> tuple[LDict | None, FieldReader, list[Problem]]:
    shown = shown_path(path)
    data, _, problems = read_yaml(path, shown)
    reader = FieldReader(shown)
    if data is not None and not isinstance(data, LDict):
        reader.problem(getattr(data, "line", 1), f"the file must hold {what}, not {kind_of(data)}")
        data = None
    return data, reader, problems


def check_word_list(path: Path) -> list[Problem]:
    """Return the problems of one word list: `{de: [...], en: [...]}`."""
    data, reader, problems = _mapping(path, "a mapping of language codes to word lists")
    if data is None:
        return problems + reader.problems
    reader.fields(data, LANGS, "a word list")
    for lang in LANGS:
        if lang not in data:
            continue
        items = reader.strings(data, lang, required=True, where=f"'{lang}'")
        first: dict[str, int] = {}
        for i, word in enumerate(items):
            if word in first:
                reader.problem(items.line_of(i), f"'{word}' is listed twice in '{lang}' (first on line {first[word]}; expected each word once)", "duplicate-word")
            first.setdefault(word, items.line_of(i))
        if path.stem == "months":
            _check_months(reader, items, lang)
    if not any(lang in data for lang in LANGS):
        reader.problem(data.line, f"no word list (expected a list for {' and '.join(LANGS)})", "missing-language")
    return problems + reader.problems


def _check_months(reader: FieldReader, items: LTuple, lang: str) -> None:
    """Note what keeps `items` from being the months of `lang`: twelve entries, letters only, each
    spelling naming one month."""
    if len(items) != 12:
        reader.problem(items.line, f"'{lang}' lists {len(items)} months (expected 12, January to December)", "wrong-count")
    month_of: dict[str, int] = {}
    for i, entry in enumerate(items):
        for spelling in entry.split():
            if not spelling.isalpha():
                reader.problem(items.line_of(i), f"'{spelling}' in '{lang}' is no month's spelling (expected letters only)", "wrong-kind")
            elif month_of.setdefault(spelling.lower(), i) != i:
                reader.problem(items.line_of(i), f"'{spelling}' in '{lang}' names two months (expected each spelling once)", "duplicate-word")


def _placeholders(text: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def check_ui_file(path: Path, seen: dict[str, str]) -> list[Problem]:
    """Return the problems of one file of interface texts.

    Args:
        path: The file.
        seen: Keys of the files checked before, with where they are ("ui/chat.yaml:12");
            this file's keys are added.
    """
    data, reader, problems = _mapping(path, "a mapping of text keys")
    if data is None:
        return problems + reader.problems
    for key in data:
        line = data.line_of(key)
        if not KEY_RE.match(str(key)):
            reader.problem(line, f"text key '{key}' is not valid (expected lower-case letters, digits and '_')", "invalid-key")
        if key in seen:
            reader.problem(line, f"text key '{key}' is also in {seen[key]} (expected each key in one file)", "duplicate-key")
        else:
            seen[key] = f"{reader.file}:{line}"
        text = reader.text(data, key)
        if text is None:
            continue
        node = data[key]
        names = {lang: _placeholders(text.get(lang)) for lang in LANGS}
        for lang, found in names.items():
            if found is None:
                reader.problem(node.line_of(lang), f"'{key}.{lang}' has an unmatched '{{' or '}}' (expected {{name}} placeholders; write '{{{{' for a brace)", "unmatched-brace")
        if None not in names.values() and names["de"] != names["en"]:
            reader.problem(line, f"'{key}' uses {sorted(names['de'] or ())} in German but {sorted(names['en'] or ())} in English (expected the same placeholders)", "placeholders-differ")
    return problems + reader.problems


def check_text_files(root: Path) -> list[Problem]:
    """Return the problems of `root/language/*.yaml` and `root/ui/*.yaml` (none when absent)."""
    problems: list[Problem] = []
    for path in _files(root / "language"):
        problems.extend(check_word_list(path))
    seen: dict[str, str] = {}
    for path in _files(root / "ui"):
        problems.extend(check_ui_file(path, seen))
    return problems
