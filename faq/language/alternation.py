"""Regex alternations of many words written as one tree of their common beginnings.

The regex engine tries every alternative of an alternation at every character of a text;
written as a tree ("lizenz|lizenzen|lieferung" as "li(?:zenz|eferung)") it follows one branch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["factored"]


def factored(alternatives: Iterable[Sequence[str]], whole: bool = False) -> str:
    """A pattern found exactly where one of `alternatives` begins, written as their tree of common
    beginnings. Each alternative is a sequence of items: a character, matched as it is, or a longer
    item, a pattern put in as it is (a gap between a phrase's parts). An alternative that begins with
    another is left out, as wherever it stands the other does; none gives a pattern found nowhere.
    With `whole` the pattern matches each alternative in full: one that begins with another is kept,
    as an optional ending ("jan(?:uary?)?"), the longer tried first."""
    tree: dict[str, Any] = {}
    for alternative in sorted({tuple(a) for a in alternatives}):
        node = tree
        for item in alternative:
            if "" in node and not whole:
                break  # a shorter alternative begins this one
            node = node.setdefault(item, {})
        else:
            if not whole:
                node.clear()
            node[""] = {}
    return _written(tree) if tree else "(?!)"


def _written(node: dict[str, Any]) -> str:
    """The pattern of a tree's node: its branches, each item escaped if it is a character, optional
    where an alternative also ends at the node."""
    branches = [(item if len(item) > 1 else re.escape(item)) + _written(child) for item, child in node.items() if item]
    if not branches:
        return ""
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
    return body + "?"
