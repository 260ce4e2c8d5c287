"""The command palette's entries, in the language of the conversation (as the footer): every
topic, every diagnosis, the chat's own commands and Textual's (theme, keys, quit) renamed."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen

from bot.chat.items import Option
from faq.language.catalogue import tr

__all__ = ["chat_commands", "general_commands"]


def chat_commands(app: Any, screen: Screen) -> Iterator[SystemCommand]:
    """The palette over the chat (topics, diagnoses, commands); over the agent view only
    the general commands, in the agent view's language."""
    if getattr(screen, "is_agent_view", False):  # chat topics make no sense over the agent view
        yield from general_commands(app, screen, getattr(screen, "lang", app.lang))
        return
    lang = app.dialogue.shown_lang
    for entry in app.kb.entries:
        yield SystemCommand(
            f"{tr(lang, 'topic')}: {entry.title.get(lang)}",
            entry.question.get(lang),
            functools.partial(app.pick, Option("entry", entry.id)),
        )
    for flow in app.kb.flows:
        yield SystemCommand(
            f"{tr(lang, 'diagnosis')}: {flow.title.get(lang)}",
            flow.title.get(lang),
            functools.partial(app.pick, Option("flow", flow.id)),
        )
    yield SystemCommand(tr(lang, "switch_lang"), tr(lang, "switch_lang_help"), app.action_switch_lang)
    yield SystemCommand(tr(lang, "agent_command"), tr(lang, "agent_command_help"), app.action_agent)
    yield SystemCommand(tr(lang, "cmd_help"), tr(lang, "cmd_help_help"), app.action_help)
    yield from general_commands(app, screen, lang)


def general_commands(app: Any, screen: Screen, lang: str) -> Iterator[SystemCommand]:
    """Textual's own commands (theme, keys, quit), named in the interface language."""
    yield SystemCommand(tr(lang, "cmd_theme"), tr(lang, "cmd_theme_help"), app.action_change_theme)
    # The keys in the interface's words (Textual's own key panel speaks English).
    if getattr(screen, "is_agent_view", False):
        keys = functools.partial(app.notify, tr(lang, "agent_help"), title=tr(lang, "cmd_keys"), timeout=12,
                                 markup=False)
    else:
        keys = functools.partial(app.show_note, "general_help")
    yield SystemCommand(tr(lang, "cmd_keys"), tr(lang, "cmd_keys_help"), keys)
    yield SystemCommand(tr(lang, "cmd_quit"), tr(lang, "cmd_quit_help"), app.action_quit_chat)
