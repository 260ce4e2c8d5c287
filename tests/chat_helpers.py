"""Shared helpers of the chat tests: the fixture knowledge base, a fixed date, screen text."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from faq.kb.loader import load_knowledge_base
from faq.search.matcher import Matcher

KB_DIR = Path(__file__).parent / "chat_kb"
TODAY = date(2026, 11, 24)


@lru_cache(maxsize=1)
def kb_and_matcher():
    """The small, stable knowledge base of the chat tests and its matcher."""
    kb = load_knowledge_base(KB_DIR)
    return kb, Matcher(kb)


def make_dialogue():
    """A Dialogue on the fixture knowledge base that keeps the events it sends in `.events`."""
    from bot.chat.dialogue import Dialogue

    kb, matcher = kb_and_matcher()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.events = events  # type: ignore[attr-defined]
    return d


def make_app(**kwargs):
    """A ChatApp on the fixture knowledge base, with a fixed date and no store."""
    from bot.chat.app import ChatApp

    kb, matcher = kb_and_matcher()
    kwargs.setdefault("today", TODAY)
    return ChatApp(kb, matcher, **kwargs)


def screen_text(app) -> str:
    """The visible screen as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def text_when(pilot, done, tries: int = 40) -> str:
    """The screen text once `done(text)` holds (a loaded machine repaints late), else the last look."""
    for _ in range(tries):
        text = screen_text(pilot.app)
        if done(text):
            return text
        await pilot.pause(0.05)
    return screen_text(pilot.app)


async def settle(pilot, refreshes: int = 3) -> None:
    """Let new messages mount and the view scroll to them (over a few refreshes)."""
    for _ in range(refreshes):
        await pilot.pause()


async def type_line(pilot, text: str, refreshes: int = 3) -> None:
    """Type `text` into the focused input, send it with Enter and let the answer settle."""
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot, refreshes)
