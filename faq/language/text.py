"""Cleaning text that comes from users, tickets and files, and making it safe for an output.

The rule for what never reaches an output: every control character (C0, DEL, C1) but
newline and tab, every format character (Unicode category Cf: bidi controls such as
U+202E and U+061C, zero-width and invisible operators U+200B-U+200F and U+2060-U+206F,
U+180E, the soft hyphen U+00AD, U+FEFF, the tag characters U+E0000-U+E007F), the line and
paragraph separators U+2028/U+2029 (made newlines), lone surrogates, and the invisible
fillers U+034F, U+115F, U+1160, U+17B4, U+17B5, U+3164, U+FFA0. Terminal escape
sequences go with their payload (an OSC 52 clipboard write leaves nothing behind).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

__all__ = ["MAX_INPUT_CHARS", "OUTPUTS", "clean", "excerpt", "find_control_chars", "localized", "safe", "strip_escapes"]

MAX_INPUT_CHARS = 10_000
"""Longest question or ticket text kept; the rest is cut off."""

OUTPUTS = ("terminal", "csv", "html", "json")
"""The outputs `safe` knows."""

_INVISIBLE = (
    r"\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180e"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufeff\uffa0\ufff9-\ufffb"
    r"\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)
# Controls and invisible characters; newline and tab are kept (text), or flattened (`safe`).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f" + _INVISIBLE + r"]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.)", re.S)
_C1_CSI = re.compile(r"\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?")
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})
_FORMULA = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_BLANKS = re.compile(r"[\t\n]+")


def clean(text: str, limit: int | None = MAX_INPUT_CHARS) -> str:
    """Remove terminal escape sequences, control and invisible characters; keep newlines and tabs.

    Remembered for a text of up to 4,096 characters (the last 1,024 such): a ticket's text and
    sentences are cleaned again by each reader.

    Args:
        text: Any text a user or a ticket gave.
        limit: Cut the result to this many characters (None for no limit).
    """
    return _clean(text, limit) if len(text) <= _REMEMBERED else _clean.__wrapped__(text, limit)


_REMEMBERED = 4096


@lru_cache(maxsize=1024)
def _clean(text: str, limit: int | None) -> str:
    if limit is not None and len(text) > 4 * limit:
        text = text[: 4 * limit]
    if not (text.isascii() and text.isprintable()):  # plain ASCII, the common case, has nothing to remove
        if _CONTROL.search(text) is not None or "\u2028" in text or "\u2029" in text:  # else nothing to remove
            text = _CONTROL.sub("", strip_escapes(text.translate(_SEPARATORS)))
        text = unicodedata.normalize("NFC", text)
    if limit is not None and len(text) > limit:
        text = text[:limit]
    return text


def strip_escapes(text: str) -> str:
    """Remove terminal escape sequences (CSI, OSC, DCS and two-character ones, also as C1 characters)."""
    return _C1_CSI.sub("", _ANSI.sub("", text))


def safe(value: object, output: str = "terminal", lines: bool = False) -> str:
    """Return any untrusted value as a string that is safe to write to `output`.

    Every output gets the cleaning of the module's rule (no escape sequence, control or
    invisible character); then:

    - "terminal" and "json": nothing more (JSON quotes the rest itself).
    - "csv": a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return (or their
      full-width forms) gets a leading `'`, as OWASP recommends against formula injection.
    - "html": `& < > " '` become entities.

    Args:
        value: Any value (ids, subjects, file names, messages); `str()` of it is used.
        output: One of `OUTPUTS`.
        lines: Keep newlines and tabs (a text); otherwise they become one space (a field).
    """
    text = value if isinstance(value, str) else str(value)
    formula = output == "csv" and text[:1] in _FORMULA
    text = clean(text, None)
    if not lines and ("\n" in text or "\t" in text):
        text = _BLANKS.sub(" ", text)
    if output == "csv" and (formula or text[:1] in _FORMULA):
        text = "'" + text
    elif output == "html":
        import html

        text = html.escape(text, quote=True)
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
