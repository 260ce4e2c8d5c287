"""Labels of the options a dialogue offers, in plain text: shared by the terminal and the web."""

from __future__ import annotations

from typing import Any

from bot.chat.items import Option, UserMessage
from faq.kb.model import KnowledgeBase
from faq.language.catalogue import tr

__all__ = ["WAIT_MARK", "option_label", "user_text"]

WAIT_MARK = "◷"
"""The mark before "Wie es weitergeht: Warten bis …": a clock face every common font has (DejaVu,
a terminal's); the hourglass emoji (U+23F3) is a box where no emoji font is installed (Debian's Chromium)."""


def option_label(option: Option, kb: KnowledgeBase, lang: str, fact: Any = None) -> str:
    """Return the plain-text label of an option (`fact`: the question a value answers)."""
    if option.kind == "entry":
        entry = kb.entry(option.target)
        return entry.title.get(lang) if entry is not None else option.target
    if option.kind == "flow":
        return tr(lang, "start_flow")
    if option.kind == "none":
        return tr(lang, "none")
    if option.kind == "value":
        named = {"ja": "yes", "nein": "no", "unbekannt": "unknown"}.get(option.target)
        if named:
            return tr(lang, named)
        for choice in getattr(fact, "choices", ()):
            if choice.id == option.target:
                return choice.label.get(lang)
        if getattr(fact, "type", "") == "date":  # a reading of an ambiguous date
            from datetime import date

            from faq.flows.dates import format_date_long

            try:
                return format_date_long(date.fromisoformat(option.target), lang)
            except ValueError:
                pass
        return option.target
    if option.kind == "action":
        return tr(lang, option.target)
    return option.target


def user_text(item: UserMessage, kb: KnowledgeBase, lang: str) -> str:
    """What the user said, as shown in `lang`: a picked answer by its label ("Ja"/"Yes",
    "Weiß nicht"/"Don't know", a date in words), typed text as typed."""
    if not item.pick:
        return item.text
    flow = kb.flow(item.flow)
    fact = flow.fact(item.fact) if flow is not None else None
    return option_label(Option("value", item.pick), kb, lang, fact)
