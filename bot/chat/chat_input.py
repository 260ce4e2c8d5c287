"""The chat's input lines: what is pasted or typed loses escape sequences and control
characters before it is held; long pastes are cut with a notice."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from faq.language.catalogue import count, tr
from faq.language.text import clean

__all__ = ["PASTE_FACTOR", "ChatInput", "CleanInput", "readable"]

PASTE_FACTOR = 5
"""The input holds this many times the longest message (the matcher's `Thresholds.max_chars`, the
web chat's limit too): a paste beyond it is cut, with a notice; a message over the limit is not
sent but kept in the input, with a line saying so (`ChatApp`)."""


class CleanInput(Input):
    """An input that holds only what a person reads: a paste from a terminal keeps its words,
    not its colour codes ("\\x1b[31m") or control characters, which would show as garbage and
    be read as part of the words."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Put `text` in, readable; beyond `max_length` (a long paste) it is cut to fit, with a
        notice, instead of being dropped whole with only a bell (Textual's `Input`)."""
        text = readable(text)  # before the limit counts it
        limit = self.max_length
        if limit:
            value = self.value
            lo, hi = sorted((max(0, start), min(len(value), end)))
            room = max(limit - (len(value) - (hi - lo)), 0)
            if len(text) > room:
                text = text[:room]
                lang = self.notice_lang()
                self.app.notify(tr(lang, "input_limit", n=count(limit, lang)), severity="warning", timeout=6, markup=False)
        Input.replace(self, text, start, end)

    def notice_lang(self) -> str:
        """The language of the notice about a cut paste: the conversation's."""
        dialogue = getattr(self.app, "dialogue", None)
        return "en" if getattr(dialogue, "shown_lang", "de") == "en" else "de"

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of several lines is kept whole, its lines joined by spaces (Textual's input
        keeps only the first line: a story's question is often on its last)."""
        event.prevent_default()  # not Input's own as well
        event.stop()
        if event.text:
            start, end = sorted(self.selection)
            self.replace(event.text.strip(), start, end)
            self.cursor_position = start + len(readable(event.text.strip()))


def readable(text: str) -> str:
    """Text as one input line holds it: no escape sequence or control character, and line
    breaks and tabs as spaces (the words on either side stay apart; terminals paste a line
    break as CR, which `clean` would drop as a control character)."""
    if text.isascii() and text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean(text, limit=None).replace("\n", " ").replace("\t", " ")


class ChatInput(CleanInput):
    """The input at the bottom. What is typed stays typed: a number alone (or j/n/w alone
    on a yes/no question), sent with Enter, picks an option; "365 Lizenzen fehlen" or
    "nein, aber …" is sent as written.

    Text beyond `max_length` (a long paste) is cut to fit, with a notice (`CleanInput`)."""
