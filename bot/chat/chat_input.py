"""The chat's input line: long pastes cut with a notice."""

from __future__ import annotations

from textual.widgets import Input

from faq.language.catalogue import count, tr

__all__ = ["PASTE_FACTOR", "ChatInput"]

PASTE_FACTOR = 5
"""The input holds this many times the longest message (the matcher's `Thresholds.max_chars`, the
web chat's limit too): a paste beyond it is cut, with a notice; a message over the limit is not
sent but kept in the input, with a line saying so (`ChatApp`)."""


class ChatInput(Input):
    """The input at the bottom. What is typed stays typed: a number alone (or j/n/w alone
    on a yes/no question), sent with Enter, picks an option; "365 Lizenzen fehlen" or
    "nein, aber …" is sent as written.

    Text beyond `max_length` (a long paste) is cut to fit, with a notice, instead of
    being dropped with only a bell."""

    def replace(self, text: str, start: int, end: int) -> None:
        limit = self.max_length
        if limit:
            value = self.value
            lo, hi = sorted((max(0, start), min(len(value), end)))
            room = max(limit - (len(value) - (hi - lo)), 0)
            if len(text) > room:
                text = text[:room]
                dialogue = getattr(self.app, "dialogue", None)  # in the conversation's language
                lang = "en" if getattr(dialogue, "shown_lang", "de") == "en" else "de"
                self.app.notify(tr(lang, "input_limit", n=count(limit, lang)), severity="warning", timeout=6, markup=False)
        super().replace(text, start, end)
