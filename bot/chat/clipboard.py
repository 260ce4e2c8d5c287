"""Copying through the terminal: what keeps OSC 52 from the clipboard, and the reply as a file.

Textual copies by writing an OSC 52 sequence (`App.copy_to_clipboard`): the terminal puts the
text on the system clipboard, if it allows programs to (kitty, WezTerm, iTerm2, Alacritty, foot,
Ghostty, Windows Terminal and others do). Nothing comes back to say whether it did. Some are known
not to: macOS's Terminal, the VTE terminals (GNOME Terminal, Tilix), the Linux console, GNU screen,
and tmux unless its `set-clipboard` option is `on`. There the faces say copying cannot work and
offer a file instead, rather than claim a copy that never arrives.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

__all__ = ["clipboard_blocker", "reply_name", "save_reply", "tmux_set_clipboard"]


def tmux_set_clipboard() -> str:
    """tmux's `set-clipboard` option ("on", "external", "off"; "" when tmux cannot be asked)."""
    try:
        done = subprocess.run(["tmux", "show-options", "-gv", "set-clipboard"], capture_output=True, text=True,
                              timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def clipboard_blocker(env: Mapping[str, str], tmux_option: Callable[[], str] | None = None) -> str:
    """The name of the terminal (or multiplexer) known to keep OSC 52 from the clipboard, as the
    environment `env` shows it; "" when none is known to (copying should work).

    Args:
        env: The environment (`os.environ`).
        tmux_option: Asks tmux for its `set-clipboard` option, only inside tmux (default: `tmux_set_clipboard`).
    """
    if env.get("TMUX"):  # the outer terminal decides once tmux lets the sequence through
        return "" if (tmux_option or tmux_set_clipboard)() == "on" else "tmux"
    if env.get("STY"):
        return "GNU screen"
    if env.get("TERM_PROGRAM") == "Apple_Terminal":
        return "Terminal (macOS)"
    if env.get("VTE_VERSION"):
        return "GNOME Terminal (VTE)"
    if env.get("TERM") == "linux":
        return "Linux console"
    return ""


def reply_name(today: date, number: int) -> str:
    """The file name of the `number`th reply saved on a day: faqbot-antwort-2026-11-24-1.txt."""
    return f"faqbot-antwort-{today.isoformat()}-{number}.txt"


def save_reply(text: str, folder: str | Path, today: date) -> Path:
    """Write a suggested reply as plain text under the first free name in `folder`, never
    overwriting a file (as `bot.chat.summary.save_summary` does a summary).

    Raises:
        OSError: The folder is not writable, or no free name was found.
    """
    from bot.chat.summary import save_summary

    return save_summary(text.rstrip() + "\n", folder, today, name=reply_name)
