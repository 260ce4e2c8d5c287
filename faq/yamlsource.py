"""YAML reading that keeps line numbers, with the safe loader only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .text import find_control_chars

__all__ = ["LDict", "LList", "read_yaml"]

try:  # libyaml is much faster; both are safe loaders
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

_SCALARS = yaml.SafeLoader(b"")
MAX_FILE_BYTES = 2_000_000


class LDict(dict):
    """A mapping from YAML that knows its own line and the line of each key."""

    line: int
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Return the line of `key`, or the mapping's own line."""
        return self.lines.get(key, self.line)


class LList(list):
    """A sequence from YAML that knows its own line and the line of each item."""

    line: int
    lines: list[int]

    def line_of(self, index: int) -> int:
        """Return the line of item `index`, or the sequence's own line."""
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


def _convert(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line = node.start_mark.line + 1
        out.lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node)
            if isinstance(key, (dict, list)):
                raise _ShapeError(key_node.start_mark.line + 1, "a mapping key must be a plain word")
            key = str(key)
            if key in out:
                raise _ShapeError(key_node.start_mark.line + 1, f"key '{key}' appears twice in one mapping")
            out[key] = _convert(value_node)
            out.lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_convert(item) for item in node.value)
        seq.line = node.start_mark.line + 1
        seq.lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    return _SCALARS.construct_object(node, deep=True)


class _ShapeError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(path: Path, shown: str) -> tuple[Any, bytes, list[Problem]]:
    """Read one YAML file.

    Args:
        path: The file to read.
        shown: The name to use for the file in messages.

    Returns:
        The data (LDict/LList/scalars, or None when unreadable), the raw bytes,
        and the problems found.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, b"", [Problem(shown, None, f"cannot read the file ({exc.strerror or exc})")]
    if len(raw) > MAX_FILE_BYTES:
        return None, raw, [Problem(shown, None, f"file is too large ({len(raw):,} bytes; at most {MAX_FILE_BYTES:,} expected)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, raw, [Problem(shown, line, "invalid UTF-8 (expected UTF-8 text)")]
    problems = [
        Problem(shown, line, f"control character {name} in the text (remove it)")
        for line, name in find_control_chars(text)
    ]
    for number, line_text in enumerate(text.splitlines(), 1):
        stripped = line_text.lstrip(" ")
        if stripped.startswith("\t"):
            problems.append(Problem(shown, number, "tab used for indentation (indent with spaces)"))
    if problems:
        return None, raw, problems
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "syntax error"
        return None, raw, [Problem(shown, line, f"YAML syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, raw, [Problem(shown, None, f"YAML error: {exc}")]
    if node is None:
        return None, raw, [Problem(shown, 1, "the file is empty (expected a mapping)")]
    try:
        return _convert(node), raw, []
    except _ShapeError as exc:
        return None, raw, [Problem(shown, exc.line, exc.message)]
    except yaml.YAMLError as exc:
        return None, raw, [Problem(shown, None, f"YAML error: {exc}")]
