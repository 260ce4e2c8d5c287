"""Commands typed with a slash ("/hilfe", "/neu", "/back"), as people type them in other chats.

A message that is a slash and one word is never a question for the matcher (which would
answer "/help" with "no answer, contact support"): the word names a command in either
language, else the chat says which commands there are. The words are interface texts,
`slash_<action>` in `knowledge/ui/chat.yaml`: space-separated, the first one is shown.
"""

from __future__ import annotations

import re
from typing import Any

from faq.language.catalogue import tr

__all__ = ["CHAT_ACTIONS", "DIALOGUE_ACTIONS", "run_command", "slash_action", "slash_list", "slash_word"]

DIALOGUE_ACTIONS = ("back", "restart", "cancel")
"""The commands every face offers: what the dialogue itself does (the web chat's set)."""

CHAT_ACTIONS = ("help", *DIALOGUE_ACTIONS, "english", "deutsch", "save", "copy", "palette", "agent", "quit")
"""The commands of the terminal chat, in the order its help lists them."""

_SLASH = re.compile(r"/(\w[\w-]*)?[.!?]?")


def slash_word(text: str) -> str | None:
    """Return the word of a slash command ("/Hilfe" → "hilfe"; "/" alone → ""), or None when
    `text` is not one (a question, "/ab und zu", an address with a slash)."""
    match = _SLASH.fullmatch(text.strip())
    if match is None:
        return None
    return (match.group(1) or "").casefold()


def slash_action(word: str, actions: tuple[str, ...] = CHAT_ACTIONS) -> str | None:
    """Return the action among `actions` that `word` names in German or English, else None."""
    for action in actions:
        names = {name.lstrip("/").casefold() for lang in ("de", "en") for name in tr(lang, f"slash_{action}").split()}
        if word in names:
            return action
    return None


def slash_list(lang: str, actions: tuple[str, ...] = CHAT_ACTIONS) -> str:
    """Return the commands of `actions` as shown to the user: "/hilfe, /neu, …" in `lang`."""
    return ", ".join(tr(lang, f"slash_{action}").split()[0] for action in actions)


def run_command(app: Any, text: str) -> bool:
    """Do in the terminal chat `app` what a typed slash command names ("/hilfe", "/speichern")
    as its key does; return whether `text` was one (an unknown one gets the list of commands)."""
    word = slash_word(text)
    if word is None:
        return False
    action = slash_action(word)
    keys = {"help": app.action_help, "save": app.action_save, "copy": app.action_copy,
            "palette": app.action_palette, "agent": app.action_agent, "quit": app.action_quit_chat}
    if action in ("english", "deutsch"):
        if app.dialogue.shown_lang != action[:2]:
            app.action_switch_lang()
    elif action in keys:
        keys[action]()
    else:  # the diagnosis's own ("/zurück", "/neu"), or the list of commands
        app._guard(lambda: app.dialogue.command(text, word))
    return True
