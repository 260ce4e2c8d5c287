"""The chat's key bindings: footer entries in both languages (the log: test_chat_log.py)."""

from __future__ import annotations

from bot.chat.layout import chat_bindings


def test_every_key_is_bound_in_both_languages():
    described = [b for b in chat_bindings() if getattr(b, "description", "")]
    actions = {b.action.split("(")[0] for b in described}
    for action in actions:
        langs = {b.action for b in described if b.action.startswith(action + "(")}
        assert {f"{action}('de')", f"{action}('en')"} <= langs

