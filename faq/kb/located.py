"""Values read from YAML that remember their line (no YAML import: cached models load fast)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["LDict", "LList", "LStr", "LTuple"]


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


class LStr(str):
    """A text from YAML that remembers its line; equal to, and hashed like, the plain text.

    The loader hands these to the model for references (ids, `flow`, `entry`,
    `fallback`) so cross-file rules can name the exact line. Pickles with its line.
    """

    line: int

    def __new__(cls, value: str, line: int) -> LStr:
        """Make a text `value` found on `line`."""
        obj = super().__new__(cls, value)
        obj.line = line
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (LStr, (str(self), self.line))


class LTuple(tuple):
    """An immutable sequence of texts from YAML that knows the line of each item.

    Equal to, and hashed like, the plain tuple; used for paraphrases, keywords and
    `related` so duplicates can be reported on their own line. Pickles with its lines.
    """

    line: int
    lines: tuple[int, ...]

    def __new__(cls, items: Iterable[Any], line: int, lines: Iterable[int]) -> LTuple:
        """Make a tuple of `items` that starts on `line`, item i on `lines[i]`."""
        obj = super().__new__(cls, items)
        obj.line = line
        obj.lines = tuple(lines)
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (LTuple, (tuple(self), self.line, self.lines))

    def line_of(self, index: int) -> int:
        """Return the line of item `index`, or the sequence's own line."""
        return self.lines[index] if 0 <= index < len(self.lines) else self.line
