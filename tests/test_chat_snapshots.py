"""Snapshots of the chat at 80x24: start screen, an answer, a flow question, a resolution card.

Deterministic: fixture knowledge base, fixed date, no cursor blink. Refresh with
`pytest tests/test_chat_snapshots.py --snapshot-update` after a deliberate change.
"""

from __future__ import annotations

import pytest
from chat_helpers import make_app

from bot.chat.app import ChatInput

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _colours(monkeypatch):
    """The snapshots are taken with colours, whatever the environment says."""
    monkeypatch.delenv("NO_COLOR", raising=False)


async def _still(pilot) -> None:
    pilot.app.query_one(ChatInput).cursor_blink = False
    await pilot.pause()


def _typing(text: str) -> list[str]:
    return [*text, "enter"]


def test_start_screen(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_still)


def test_answer(snap_compare):
    press = _typing("Wie sende ich die Aktivierungsmail erneut")
    assert snap_compare(make_app(), press=press, terminal_size=SIZE, run_before=_still)


def test_flow_question(snap_compare):
    press = ["1", "enter", "1", "enter", *_typing("it@firma.de")]
    assert snap_compare(make_app(), press=press, terminal_size=SIZE, run_before=_still)


def test_resolution_card(snap_compare):
    press = ["1", "enter", "1", "enter", *_typing("m.schulz@outlook.com")]
    assert snap_compare(make_app(), press=press, terminal_size=SIZE, run_before=_still)


def test_small_talk_reply(snap_compare):
    assert snap_compare(make_app(), press=_typing("hallo"), terminal_size=SIZE, run_before=_still)


def test_ambiguous_date_asked_back(snap_compare):
    press = ["1", "enter", "1", "enter", *_typing("it@firma.de"), "j", "enter", *_typing("3/12/2026")]
    assert snap_compare(make_app(), press=press, terminal_size=SIZE, run_before=_still)
