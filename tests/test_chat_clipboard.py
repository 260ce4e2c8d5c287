"""Copying through the terminal (bot.chat.clipboard): which terminals are known to refuse OSC 52,
and the suggested reply saved as a text file instead."""

from __future__ import annotations

import pytest
from chat_helpers import TODAY

from bot.chat.clipboard import clipboard_blocker, reply_name, save_reply


@pytest.mark.parametrize(("env", "blocker"), [
    ({"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "3"}, ""),
    ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, ""),
    ({"TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"}, "Terminal (macOS)"),
    ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}, "GNOME Terminal (VTE)"),
    ({"TERM": "linux"}, "Linux console"),
    ({"TERM": "screen", "STY": "1234.pts-0.host"}, "GNU screen"),
])
def test_terminals_known_to_refuse_osc52_are_named(env, blocker):
    assert clipboard_blocker(env, lambda: pytest.fail("tmux asked outside tmux")) == blocker


@pytest.mark.parametrize(("option", "blocker"), [("on", ""), ("external", "tmux"), ("off", "tmux"), ("", "tmux")])
def test_inside_tmux_its_set_clipboard_option_decides(option, blocker):
    env = {"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color", "TERM_PROGRAM": "Apple_Terminal"}
    assert clipboard_blocker(env, lambda: option) == blocker


def test_a_saved_reply_is_plain_text_under_a_free_name(tmp_path):
    reply = "Guten Tag Frau Meier,\n\nbitte prüfen Sie den Junk-Ordner.\n"
    (tmp_path / reply_name(TODAY, 1)).write_text("schon da", encoding="utf-8")
    path = save_reply(reply, tmp_path, TODAY)
    assert path.name == reply_name(TODAY, 2) == f"faqbot-antwort-{TODAY.isoformat()}-2.txt"
    assert path.read_text(encoding="utf-8") == reply
    assert (tmp_path / reply_name(TODAY, 1)).read_text(encoding="utf-8") == "schon da"  # never overwritten
