"""YAML reading that keeps line numbers, with the safe loader only.

`read_yaml` never raises for bad input: every way a file can be wrong (unreadable,
too large, not UTF-8, control characters, tabs, YAML syntax, duplicate keys,
aliases, tags, nesting) becomes a `Problem` naming the file and a 1-based line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from faq.errors import Problem
from faq.kb.located import LDict, LList, LStr, LTuple
from faq.language.text import find_control_chars

__all__ = ["LDict", "LList", "LStr", "LTuple", "MAX_DEPTH", "MAX_FILE_BYTES", "line_of", "read_yaml"]

try:  # libyaml is much faster; both are safe loaders
    _Loader: Any = yaml.CSafeLoader
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader
    _Parser = yaml.SafeLoader

_SCALARS = yaml.SafeLoader("")
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
MAX_FILE_BYTES = 2_000_000
"""Largest knowledge base file accepted, in bytes."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted."""
_MAX_REPEATS = 5  # problems of one kind shown per file before they are summed up

# Hints for the YAML errors people make most, keyed by the start of libyaml's message.
_HINTS = {
    "mapping values are not allowed": "a text that contains ': ' must be quoted, e.g. \"...\"",
    "could not find expected ':'": "each line of a mapping is 'key: value'; check indentation and quotes",
    "did not find expected key": "check the indentation of this line against the lines above",
    "did not find expected '-' indicator": "check the indentation of this list item",
    "found character that cannot start any token": "quote texts that start with a special character",
    "found undefined alias": "'*' starts an alias; quote texts that start with '*'",
    "found unexpected end of stream": "a quote or bracket is not closed",
    "found unknown escape character": "inside \"...\" write \\\\ for a backslash, or use '...'",
    "expected a single document": "a file holds one document; remove the '---' separator",
    "exceeded maximum nesting depth": f"nest at most {MAX_DEPTH} levels",
}


def line_of(value: Any, default: int | None) -> int | None:
    """Return the line a loaded value carries (LStr, LDict, LList, LTuple), else `default`."""
    return getattr(value, "line", default)


def _tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


class _Alias(Exception):
    """A node was reached twice: the file uses an alias (`*name`)."""


class _Converter:
    """Turns a composed node tree into LDict/LList/scalars, collecting problems."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append((node.start_mark.line + 1, message))

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        if id(node) in self.seen:
            raise _Alias
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node, f"nested more than {MAX_DEPTH} levels deep (expected a flatter structure)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem(node, f"tag '{_tag(node.tag)}' is not supported (expected a plain list without a tag)")
            seq = LList(self.convert(item, depth + 1) for item in node.value)
            seq.line = node.start_mark.line + 1
            seq.lines = [item.start_mark.line + 1 for item in node.value]
            return seq
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> LDict:
        if node.tag != _TAG + "map":
            self.problem(node, f"tag '{_tag(node.tag)}' is not supported (expected a plain mapping without a tag)")
        out = LDict()
        out.line = node.start_mark.line + 1
        out.lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "a mapping key must be a plain word (expected 'key: value')")
                continue
            if key_node.tag not in _SCALAR_TAGS:
                self.problem(key_node, f"tag '{_tag(key_node.tag)}' is not supported on a key (expected a plain word)")
                continue
            key = str(key_node.value)  # as written: 'yes:' stays "yes", not True
            line = key_node.start_mark.line + 1
            if key in out:
                self.problem(key_node, f"key '{key}' appears twice in one mapping (first on line {out.lines[key]})")
                self.convert(value_node, depth + 1)  # still look inside for aliases
                continue
            out[key] = self.convert(value_node, depth + 1)
            out.lines[key] = line
        return out

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self.problem(node, f"tag '{_tag(tag)}' is not supported (expected a plain value; quote texts that start with '!')")
            return str(node.value)
        try:
            return _SCALARS.yaml_constructors[tag](_SCALARS, node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            self.problem(node, f"value {node.value!r} is not a valid {tag[len(_TAG):]}")
            return str(node.value)


def _alias_lines(text: str) -> list[int]:
    """Return the lines of every alias (`*name`) in a YAML text that parses."""
    try:
        return [event.start_mark.line + 1 for event in yaml.parse(text, Loader=_Parser) if isinstance(event, yaml.AliasEvent)]
    except yaml.YAMLError:  # pragma: no cover - compose already succeeded
        return []


def _capped(shown: str, found: list[tuple[int, str]], what: str) -> list[Problem]:
    problems = [Problem(shown, line, message) for line, message in found[:_MAX_REPEATS]]
    if len(found) > _MAX_REPEATS:
        rest = found[_MAX_REPEATS:]
        problems.append(Problem(shown, rest[0][0], f"{len(rest)} more {what} from this line on (not listed one by one)"))
    return problems


_VALUE_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s\"'#][^:#]*:\s+)?(?P<value>[\"'].*)$")


def _unclosed_quote(text: str, last: int) -> int | None:
    """Return the first line up to `last` whose value opens a quote it does not close."""
    for number, line_text in enumerate(text.splitlines()[:last], 1):
        match = _VALUE_START.match(line_text)
        if match is None:
            continue
        value = match.group("value")
        quote, body = value[0], value[1:]
        if quote == '"':
            body = re.sub(r"\\.", "", body)
            closed = '"' in body
        else:
            closed = "'" in body.replace("''", "")
        if not closed:
            return number
    return None


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    opened = _unclosed_quote(text, line)
    if opened is not None:
        return Problem(shown, opened, "YAML syntax error: a quote opened on this line is not closed (expected the closing quote on the same line)")
    problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
    what = problem or context or "syntax error"
    if problem and context:
        if problem.startswith("but "):
            what = f"{context}, {problem}"
        elif exc.context_mark is not None and exc.context_mark.line + 1 != line:
            what = f"{problem} ({context} on line {exc.context_mark.line + 1})"
        else:
            what = f"{problem} ({context})"
    hint = next((h for start, h in _HINTS.items() if problem.startswith(start) or context.startswith(start)), None)
    message = f"YAML syntax error: {what}"
    if hint:
        message += f"; {hint}"
    return Problem(shown, line, " ".join(message.split()))


def read_yaml(path: Path, shown: str) -> tuple[Any, bytes, list[Problem]]:
    """Read one YAML file.

    Args:
        path: The file to read.
        shown: The name to use for the file in messages.

    Returns:
        The data (LDict/LList/scalars, or None when the file cannot be used at all),
        the raw bytes, and the problems found. Every problem has a line; problems
        about the whole file are on line 1.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, b"", [Problem(shown, 1, f"cannot read the file: {reason} (expected a readable YAML file)")]
    if len(raw) > MAX_FILE_BYTES:
        return None, raw, [Problem(shown, 1, f"file is too large (more than {MAX_FILE_BYTES:,} bytes; expected a small YAML file)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        return None, raw, [Problem(shown, line, f"invalid UTF-8 (byte 0x{byte:02X}; expected the file saved as UTF-8)")]
    if text.startswith("\ufeff"):  # a byte order mark some editors write
        text = text[1:]
    controls = [(line, f"control character {name} in the text (expected printable text; remove it)") for line, name in find_control_chars(text)]
    tabs = []
    for number, line_text in enumerate(text.splitlines(), 1):
        if line_text.lstrip(" ").startswith("\t"):
            tabs.append((number, "tab used for indentation (expected spaces)"))
    problems = _capped(shown, controls, "control characters") + _capped(shown, tabs, "lines indented with tabs")
    if problems:
        return None, raw, problems
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, raw, [_syntax_problem(shown, exc, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml errors carry marks
        return None, raw, [Problem(shown, 1, "YAML error: " + " ".join(str(exc).split()))]
    except RecursionError:  # pragma: no cover - libyaml limits nesting itself
        return None, raw, [Problem(shown, 1, f"nested too deeply (expected at most {MAX_DEPTH} levels)")]
    if node is None:
        return None, raw, [Problem(shown, 1, "the file is empty (expected a mapping of fields)")]
    converter = _Converter()
    try:
        data = converter.convert(node)
    except _Alias:
        lines = _alias_lines(text) or [1]
        found = [(line, "aliases ('*name') are not supported (expected each value written out)") for line in lines]
        return None, raw, _capped(shown, found, "aliases")
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops far earlier
        return None, raw, [Problem(shown, 1, f"nested too deeply (expected at most {MAX_DEPTH} levels)")]
    if converter.problems:
        return None, raw, [Problem(shown, line, message) for line, message in converter.problems]
    return data, raw, []
