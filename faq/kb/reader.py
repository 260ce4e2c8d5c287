"""Reading the typed fields of one knowledge base file, collecting precise problems.

Every problem names the file (as the user would type it) and a 1-based line, says
what is wrong and what was expected. The readers of each kind of file
(`entry_file`, `flow_file`, `vocabulary_file`, `config_file`) build on this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from faq.errors import Problem
from faq.kb.model import LANGS, Location, Text
from faq.kb.yamlsource import LDict, LList, LStr, LTuple

__all__ = ["FACT_RE", "ID_RE", "FieldReader", "is_text", "kind_of", "own_id", "pattern_words"]

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids of entries, flows, causes and choices: lower-case words joined by '-'."""
FACT_RE = re.compile(r"^[a-z][a-z0-9_]*$")
"""Ids of facts: lower-case letters, digits and '_'."""


def kind_of(value: Any) -> str:
    """Name the YAML kind of `value` as a problem says it ("a mapping", "a list", ...)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    return "a text"


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return " (quote it, e.g. \"yes\", to make it a text)"
    return ""


def is_text(value: Any) -> bool:
    """Return True for scalars that read as a text: strings, numbers and dates, not yes/no or null."""
    return value is not None and not isinstance(value, (dict, list, bool))


class FieldReader:
    """Collects problems while reading the values of one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str, rule: str | None = None) -> None:
        """Note a problem at `line`; `rule` names the rule broken (see `faq.errors.Problem`)."""
        self.problems.append(Problem(self.file, line, message, rule))

    def fields(self, node: LDict, known: Iterable[str], what: str) -> None:
        """Report keys of `node` that are not in `known`."""
        known = tuple(known)
        for key in node:
            if key not in known:
                self.problem(node.line_of(key), f"unknown field '{key}' in {what} (expected one of {', '.join(known)})", "unknown-field")

    def mapping(self, parent: LDict, key: str, expected: str, required: bool = True) -> LDict | None:
        """Return `parent[key]` when it is a mapping; else note why not and return None."""
        value = parent.get(key)
        if value is None:
            if key in parent:
                self.problem(parent.line_of(key), f"'{key}' is empty (expected {expected})", "empty-value")
            elif required:
                self.problem(parent.line, f"missing '{key}' (expected {expected})", "missing-field")
            return None
        if not isinstance(value, LDict):
            self.problem(parent.line_of(key), f"'{key}' must be a mapping, not {kind_of(value)} (expected {expected})", "wrong-kind")
            return None
        return value

    def string(self, parent: LDict, key: str, required: bool = True, where: str = "") -> str | None:
        """Return `parent[key]` as a non-empty text with its line (`LStr`); else note why not and return None."""
        name = where or f"'{key}'"
        value = parent.get(key)
        if value is None:
            if key in parent:
                self.problem(parent.line_of(key), f"{name} is empty (expected a text)", "empty-value")
            elif required:
                self.problem(parent.line, f"missing {name} (expected a text)", "missing-field")
            return None
        if not is_text(value):
            self.problem(parent.line_of(key), f"{name} must be a text, not {kind_of(value)}{_quote_hint(value)}", "wrong-kind")
            return None
        text = str(value).strip()
        if not text:
            self.problem(parent.line_of(key), f"{name} is empty (expected a text)", "empty-value")
            return None
        return LStr(text, parent.line_of(key))

    def text(self, parent: LDict, key: str, required: bool = True, where: str = "") -> Text | None:
        """A {de, en} pair of texts."""
        name = where or key
        node = self.mapping(parent, key, "a 'de:' and an 'en:' text", required)
        if node is None:
            return None
        values = {}
        for lang in LANGS:
            if lang not in node:
                self.problem(node.line, f"'{name}' has no '{lang}' text (expected both de and en)", "missing-language")
                continue
            value = self.string(node, lang, where=f"'{name}.{lang}'")
            if value is not None:
                values[lang] = value
        self.languages(node, name)
        if len(values) != len(LANGS):
            return None
        return Text(**values)

    def languages(self, node: LDict, name: str) -> None:
        """Note the keys of `node` that are not a language code (de, en)."""
        for other in node:
            if other not in LANGS:
                self.problem(node.line_of(other), f"'{name}' has unknown language '{other}' (expected de and en)", "unknown-language")

    def strings(self, parent: LDict, key: str, required: bool = False, where: str = "") -> LTuple:
        """Return `parent[key]` as texts with their lines (`LTuple`); bad items are noted and left out."""
        name = where or f"'{key}'"
        value = parent.get(key)
        if value is None:
            if key in parent:
                self.problem(parent.line_of(key), f"{name} is empty (expected a list of texts)", "empty-value")
            elif required:
                self.problem(parent.line, f"missing {name} (expected a list of texts)", "missing-field")
            return LTuple((), parent.line_of(key), ())
        if not isinstance(value, LList):
            self.problem(parent.line_of(key), f"{name} must be a list of texts, not {kind_of(value)}", "wrong-kind")
            return LTuple((), parent.line_of(key), ())
        items, lines = [], []
        for i, item in enumerate(value):
            if not is_text(item):
                self.problem(value.line_of(i), f"item {i + 1} of {name} must be a text, not {kind_of(item)}{_quote_hint(item)}", "wrong-kind")
            elif not str(item).strip():
                self.problem(value.line_of(i), f"item {i + 1} of {name} is empty (expected a text)", "empty-value")
            else:
                items.append(str(item).strip())
                lines.append(value.line_of(i))
        if required and not value:
            self.problem(parent.line_of(key), f"{name} is empty (expected at least one text)", "empty-value")
        return LTuple(items, parent.line_of(key), lines)

    def localized_strings(self, parent: LDict, key: str, required: bool = False, where: str = "") -> dict[str, LTuple]:
        """Return `parent[key]` as `{de: texts, en: texts}`; missing lists are empty."""
        name = where or key
        node = self.mapping(parent, key, "a 'de:' and an 'en:' list of texts", required)
        if node is None:
            return {lang: LTuple((), parent.line_of(key), ()) for lang in LANGS}
        out: dict[str, LTuple] = {}
        for lang in LANGS:
            if lang not in node and required:
                self.problem(node.line, f"'{name}' has no '{lang}' list (expected both de and en)", "missing-language")
            out[lang] = self.strings(node, lang, required=required and lang in node, where=f"'{name}.{lang}'")
        self.languages(node, name)
        return out

    def ident(self, parent: LDict, key: str, pattern: re.Pattern[str], what: str) -> str | None:
        """Return `parent[key]` when it is a text matching `pattern`; else note why not and return None."""
        value = self.string(parent, key)
        if value is not None and not pattern.match(value):
            self.problem(parent.line_of(key), f"{what} '{value}' is not valid (expected {pattern_words(pattern)})", "invalid-id")
            return None
        return value

    def location(self, node: LDict) -> Location:
        """Return where `node` is: this file and its line."""
        return Location(self.file, node.line)


def pattern_words(pattern: re.Pattern[str]) -> str:
    """Say in words what `pattern` (ID_RE or FACT_RE) expects."""
    if pattern is ID_RE:
        return "lower-case letters and digits joined by '-'"
    return "lower-case letters, digits and '_', starting with a letter"


def own_id(reader: FieldReader, data: LDict, stem: str, what: str) -> str | None:
    """Read the file's `id`, which must be valid and equal the file name."""
    value = reader.ident(data, "id", ID_RE, f"{what} id")
    if value is not None and value != stem:
        reader.problem(data.line_of("id"), f"id '{value}' differs from the file name (expected '{stem}')")
    return value
