"""Pastes as the terminal sends them: escape sequences inside a bracketed paste are dropped
before Textual's parser sees them.

Textual's parser (8.x) reads an escape sequence inside a bracketed paste as key presses: a
paste copied from a coloured terminal ("\\x1b[31mFEHLER\\x1b[0m Die Mail …") reached the
input as "^[31mFEHLER^[0m Die Mail …", with characters after each sequence lost. The terminal
chat's driver reads its input through `PasteParser`, which drops CSI, OSC and two-character
escape sequences between the bracketed-paste markers (what is left of control characters the
input's `readable` removes). Keys typed outside a paste pass unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from textual._xterm_parser import XTermParser
from textual.message import Message

from faq.language.text import strip_escapes

__all__ = ["PasteFilter", "PasteParser", "install"]

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
_PARTIAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?)?\Z")
"""An escape sequence cut off at the end of a chunk: kept for the next one."""


@dataclass
class PasteFilter:
    """Drops escape sequences inside bracketed pastes from a stream of terminal input.

    Attributes:
        in_paste: Between the paste's start and end markers.
        carry: The end of the last chunk, inside a paste, that may begin a sequence.
    """

    in_paste: bool = False
    carry: str = ""

    def feed(self, data: str) -> str:
        """Return `data` with the escape sequences inside pastes dropped (the markers stay)."""
        data, self.carry = self.carry + data, ""
        out: list[str] = []
        at = 0
        while at < len(data):
            if not self.in_paste:
                start = data.find(PASTE_START, at)
                if start < 0:
                    out.append(data[at:])
                    break
                out.append(data[at:start + len(PASTE_START)])
                at = start + len(PASTE_START)
                self.in_paste = True
                continue
            end = data.find(PASTE_END, at)
            body = data[at:] if end < 0 else data[at:end]
            if end < 0:
                partial = _PARTIAL.search(body)
                if partial is not None:  # perhaps the end marker or a sequence, cut off
                    self.carry, body = body[partial.start():], body[:partial.start()]
            out.append(strip_escapes(body))
            if end < 0:
                break
            out.append(PASTE_END)
            at = end + len(PASTE_END)
            self.in_paste = False
        return "".join(out)


class PasteParser(XTermParser):
    """Textual's terminal parser, fed through a `PasteFilter`."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._paste_filter = PasteFilter()

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input: what was kept back goes first
            kept, self._paste_filter.carry = self._paste_filter.carry, ""
            return [*(super().feed(kept) if kept else ()), *super().feed("")]
        filtered = self._paste_filter.feed(data)
        return super().feed(filtered) if filtered else ()  # "" would be read as the end of input


def install() -> None:
    """Make Textual's terminal drivers read input through `PasteParser` (once per process)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # pragma: no cover - Windows: its driver reads no escape sequences for pastes
        return
    linux_driver.XTermParser = PasteParser  # type: ignore[misc]
