"""Shared test set-up: no test writes into the user's real data folder."""

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Point saved conversations and web summaries at a fresh folder for every test."""
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path_factory.mktemp("faqbot-data")))


@pytest.fixture(autouse=True)
def _terminal_that_copies(monkeypatch):
    """Run as in a terminal that lets OSC 52 through to the clipboard (not in tmux or screen, not
    a terminal known to refuse it), whatever terminal runs the tests (`bot.chat.clipboard`)."""
    for name in ("TMUX", "STY", "TERM_PROGRAM", "VTE_VERSION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
