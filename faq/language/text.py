"""Cleaning text that comes from users, tickets and files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

__all__ = ["MAX_INPUT_CHARS", "clean", "excerpt", "find_control_chars", "localized"]

MAX_INPUT_CHARS = 10_000
"""Longest question or ticket text kept; the rest is cut off."""

# C0 and C1 controls, DEL, and bidi/zero-width format characters that can spoof a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.)", re.S)


def clean(text: str, limit: int | None = MAX_INPUT_CHARS) -> str:
    """Remove terminal escape sequences and control characters; keep newlines and tabs.

    Args:
        text: Any text a user or a ticket gave.
        limit: Cut the result to this many characters (None for no limit).
    """
    if limit is not None and len(text) > 4 * limit:
        text = text[: 4 * limit]
    text = _ANSI.sub("", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if limit is not None and len(text) > limit:
        text = text[:limit]
    return text


def find_control_chars(text: str) -> list[tuple[int, str]]:
    """Return (line, name) for each control character in `text` other than newline and tab."""
    found = []
    text = text.replace("\r\n", "\n")
    for match in _CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, f"U+{ord(match.group()):04X}"))
    return found


def excerpt(text: str, limit: int = 80) -> str:
    """Return `text` cleaned and cut to `limit` characters, for quoting it in a message."""
    text = clean(str(text), limit=None if len(str(text)) <= limit else 4 * limit)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def localized(table: Mapping[str, Mapping[str, str]], key: str, lang: str, **values: object) -> str:
    """Format message `key` of `table` in `lang` (English when missing); a `raw` value is
    quoted as an excerpt, so a 1 MB input never becomes a 1 MB message."""
    if "raw" in values:
        values["raw"] = excerpt(str(values["raw"]))
    messages = table[key]
    return messages.get(lang, messages["en"]).format(**values)
