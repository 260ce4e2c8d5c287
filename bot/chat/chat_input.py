"""The chat's inputs: what is pasted or typed loses escape sequences and control characters
before it is held; long pastes are cut with a notice. The chat's own input holds several lines
(a mail pasted keeps its lines); the agent view's answer field is one line."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult, Location

from faq.language.catalogue import count, tr
from faq.language.text import clean

__all__ = ["NEWLINE_KEYS", "PASTE_FACTOR", "ChatInput", "CleanInput", "readable", "readable_lines"]

PASTE_FACTOR = 5
"""The input holds this many times the longest message (the matcher's `Thresholds.max_chars`, the
web chat's limit too): a paste beyond it is cut, with a notice; a message over the limit is not
sent but kept in the input, with a line saying so (`ChatApp`)."""

NEWLINE_KEYS = ("shift+enter", "ctrl+j", "alt+enter")
"""The keys that start a new line in the chat's input (Enter sends). Ctrl+J works in every terminal
(it sends a line feed, Enter a carriage return); Shift+Enter where the terminal tells it from Enter
(the kitty keyboard protocol Textual asks for: kitty, WezTerm, foot, Ghostty, Alacritty, iTerm2 with
CSI u), Alt+Enter where it does so for Alt."""


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
        return _notice_lang(self)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of several lines is kept whole, its lines joined by spaces (Textual's input
        keeps only the first line: a story's question is often on its last)."""
        event.prevent_default()  # not Input's own as well
        event.stop()
        if event.text:
            start, end = sorted(self.selection)
            self.replace(event.text.strip(), start, end)
            self.cursor_position = start + len(readable(event.text.strip()))


def _notice_lang(widget: Input | TextArea) -> str:
    """The language of a notice about the input: the conversation's."""
    dialogue = getattr(widget.app, "dialogue", None)
    return "en" if getattr(dialogue, "shown_lang", "de") == "en" else "de"


def readable(text: str) -> str:
    """Text as one input line holds it: no escape sequence or control character, and line
    breaks and tabs as spaces (the words on either side stay apart; terminals paste a line
    break as CR, which `clean` would drop as a control character)."""
    if text.isascii() and text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean(text, limit=None).replace("\n", " ").replace("\t", " ")


def readable_lines(text: str) -> str:
    """Text as the chat's input holds it: its lines kept (a terminal pastes a line break as CR),
    no escape sequence or control character, a tab as a space."""
    if text.isascii() and text.isprintable():
        return text
    return clean(text.replace("\r\n", "\n").replace("\r", "\n"), limit=None).replace("\t", " ")


class ChatInput(TextArea):
    """The input at the bottom: several lines, Enter sends, a key of `NEWLINE_KEYS` starts a new
    line; a paste keeps its lines. What is typed stays typed: a number alone (or j/n/w alone on a
    yes/no question), sent with Enter, picks an option; "365 Lizenzen fehlen" or "nein, aber …"
    is sent as written.

    Text beyond `max_length` (a long paste) is cut to fit, with a notice.

    Args:
        max_length: The most characters it holds (0: no limit).
        placeholder: The hint shown while it is empty.
        id: The widget's id.
    """

    @dataclass
    class Submitted(Message):
        """Enter was pressed: `value` is the text to send.

        Attributes:
            input: The input it was typed in.
            value: Its text.
        """

        input: ChatInput
        value: str

        @property
        def control(self) -> ChatInput:
            """The input (what `on` selectors such as "#prompt" match)."""
            return self.input

    def __init__(self, max_length: int = 0, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus", show_line_numbers=False, highlight_cursor_line=False,
                         placeholder=placeholder, id=id)
        self.max_length = max_length

    @property
    def value(self) -> str:
        """The text it holds."""
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(text)
        self.move_cursor(self.document.end)

    def action_cursor_up(self, select: bool = False) -> None:
        """Up: to the line above; from the first line, the conversation scrolls (as from a one-line input)."""
        if select or self.selected_text or not self.navigator.is_first_wrapped_line(self.cursor_location):
            super().action_cursor_up(select)
        else:
            self._scroll_log("up")

    def action_cursor_down(self, select: bool = False) -> None:
        """Down: to the line below; from the last line, the conversation scrolls."""
        if select or self.selected_text or not self.navigator.is_last_wrapped_line(self.cursor_location):
            super().action_cursor_down(select)
        else:
            self._scroll_log("down")

    def _scroll_log(self, how: str) -> None:
        scroll = getattr(self.app, "action_scroll_log", None)
        if scroll is not None:
            scroll(how)

    def type_text(self, text: str) -> None:
        """Put `text` in at the cursor, as if typed (a key pressed while a button had the focus)."""
        self._replace_via_keyboard(text, *self.selection)

    async def _on_key(self, event: events.Key) -> None:
        """Enter sends; a key of `NEWLINE_KEYS` starts a new line here, in the order of the keys typed
        (a binding would run later, from the app, after the characters typed behind it)."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.text))
            return
        if event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self._replace_via_keyboard("\n", *self.selection)
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        """A paste keeps its lines, loses its escape codes, and is cut (with a notice) to fit."""
        event.prevent_default()
        event.stop()
        if result := self._replace_via_keyboard(event.text.strip(), *self.selection):
            self.move_cursor(result.end_location)

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        """Put `insert` in, readable; beyond `max_length` it is cut to fit, with a notice."""
        insert = readable_lines(insert)  # before the limit counts it
        if self.max_length:
            lo, hi = sorted((start, end))
            taken = len(self.get_text_range(lo, hi))
            room = max(self.max_length - (len(self.text) - taken), 0)
            if len(insert) > room:
                insert = insert[:room]
                lang = _notice_lang(self)
                self.app.notify(tr(lang, "input_limit", n=count(self.max_length, lang)), severity="warning", timeout=6,
                                markup=False)
        return super()._replace_via_keyboard(insert, start, end)
