"""The chat's input line: long pastes cut with a notice."""

from __future__ import annotations

from textual.widgets import Input

from faq.language.catalogue import tr

__all__ = ["PROMPT_MAX_CHARS", "ChatInput"]

PROMPT_MAX_CHARS = 2000
"""Longest line the chat takes: the matcher treats longer text as no question (Thresholds.max_chars)."""


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
                lang = "en" if getattr(self.app, "lang", "de") == "en" else "de"
                size = f"{limit:,}" if lang == "en" else f"{limit:,}".replace(",", ".")
                self.app.notify(tr(lang, "input_limit", n=size), severity="warning", timeout=6, markup=False)
        super().replace(text, start, end)
