"""The chat's key bindings: footer entries in both languages (the log is `bot.chat.chat_log`)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from faq.language.catalogue import tr

__all__ = ["chat_bindings"]


def chat_bindings() -> list[BindingType]:
    """Footer bindings in both languages; `check_action` shows those of the current one.

    The footer fits 80 columns: quit, help, language and commands always; back, end and
    save only while they apply. Restart (Ctrl+R), copy (Ctrl+K), the agent view (F3) and
    scrolling work without a footer entry; F1 and the command palette name them.
    """
    out: list[BindingType] = []
    for lang in ("de", "en"):
        t = lambda key, lang=lang: tr(lang, key)  # noqa: E731
        out += [
            Binding("ctrl+q", f"quit_chat('{lang}')", t("k_quit"), priority=True),
            Binding("f1", f"help('{lang}')", t("k_help")),
            Binding("f2,ctrl+l", f"switch_lang('{lang}')", t("k_lang"), priority=True),
            Binding("ctrl+b", f"undo('{lang}')", t("k_back"), priority=True),
            Binding("ctrl+r", f"restart('{lang}')", t("k_restart"), show=False, priority=True),
            Binding("escape", f"cancel('{lang}')", t("k_cancel")),
            Binding("ctrl+s", f"save('{lang}')", t("k_save"), priority=True),
            Binding("ctrl+k", f"copy('{lang}')", t("k_copy"), show=False, priority=True),
            Binding("ctrl+p", f"palette('{lang}')", t("k_palette"), priority=True),
            # For support agents: not in the customer's footer; F1 help and the palette name it.
            Binding("f3", f"agent('{lang}')", t("k_agent"), show=False),
        ]
    # Scrolling the conversation works from the input: the input itself has no use for these.
    out += [
        Binding("pageup", "scroll_log('page_up')", show=False, priority=True),
        Binding("pagedown", "scroll_log('page_down')", show=False, priority=True),
        Binding("ctrl+home", "scroll_log('home')", show=False, priority=True),
        Binding("ctrl+end", "scroll_log('end')", show=False, priority=True),
        Binding("up,ctrl+up", "scroll_log('up')", show=False),
        Binding("down,ctrl+down", "scroll_log('down')", show=False),
        Binding("ctrl+p", "command_palette", show=False),  # replaces Textual's English "palette" entry
    ]
    return out

