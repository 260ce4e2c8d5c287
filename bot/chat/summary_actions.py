"""The chat's case summary: shown, saved as a file, copied through the terminal.

`SummaryActions` gives `ChatApp` its keys and buttons for the summary of the newest diagnosis:
Ctrl+S saves it (never overwriting a file, the path shown), Ctrl+K copies it (OSC 52; where the
terminal is known to refuse that, a line says so and names Ctrl+S), "Zusammenfassung anzeigen"
shows it in a dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.chat.summary import shown_path
from bot.chat.summary_screen import SummaryScreen

if TYPE_CHECKING:
    from bot.chat.dialogue import Dialogue, Item
    from faq.kb.model import KnowledgeBase

__all__ = ["SummaryActions"]


class _Chat(Protocol):
    """What the summary's actions use of the app they are part of (`ChatApp`)."""

    kb: KnowledgeBase
    today: date
    redact: bool
    summary_dir: Path
    saved_paths: list[Path]
    last_summary: str | None
    dialogue: Dialogue

    @property
    def lang(self) -> str: ...
    def _show(self, new: Iterable[Item]) -> None: ...
    def focus_input(self) -> None: ...
    def show_summary_screen(self, screen: SummaryScreen, done: Callable[[str | None], None]) -> None: ...
    def copy_to_clipboard(self, text: str) -> None: ...
    def summary_text(self: _Chat) -> str | None: ...
    def action_save(self: _Chat, lang: str = "") -> None: ...
    def action_copy(self: _Chat, lang: str = "") -> None: ...


class SummaryActions:
    """The summary's actions, a part of `ChatApp` (it holds the `Dialogue` and shows its items)."""

    last_summary: str | None = None  # the summary last copied

    def summary_text(self: _Chat) -> str | None:
        """The Markdown case summary of the newest diagnosis, or None."""
        from bot.chat.summary import case_summary

        result = self.dialogue.summary_result
        if result is None:
            return None
        flow = self.kb.flow(result.flow_id)
        if flow is None:
            return None
        return case_summary(self.kb, flow, result.diagnosis, result.question, self.today, result.lang or self.lang, redact=self.redact)

    def action_save(self: _Chat, lang: str = "") -> None:
        """Save the case summary under a free name in the current directory."""
        from bot.chat.summary import save_summary

        try:
            text = self.summary_text()
            if text is None:
                self._show(self.dialogue.note("no_summary"))
                return
            path = save_summary(text, self.summary_dir, self.today)
        except OSError as exc:
            self._show(self.dialogue.note("save_failed", error=str(exc)))
            return
        except Exception as exc:
            self._show(self.dialogue.error(f"{type(exc).__name__}: {exc}"))
            return
        self.saved_paths.append(path)
        self._show(self.dialogue.note("saved", path=shown_path(path)))

    def action_copy(self: _Chat, lang: str = "") -> None:
        """Copy the case summary to the clipboard (through the terminal, OSC 52; where the terminal
        is known not to let it through, a line says so and names Ctrl+S instead)."""
        import os

        from bot.chat.clipboard import clipboard_blocker

        try:
            text = self.summary_text()
            if text is None:
                self._show(self.dialogue.note("no_summary"))
                return
            if blocker := clipboard_blocker(os.environ):
                key = "copy_blocked_tmux" if blocker == "tmux" else "copy_blocked"  # tmux: with the line that fixes it
                self._show(self.dialogue.note(key, terminal=blocker))
                return
            self.copy_to_clipboard(text)
            self.last_summary = text
        except Exception as exc:
            self._show(self.dialogue.error(f"{type(exc).__name__}: {exc}"))
            return
        self._show(self.dialogue.note("copied"))

    def action_show(self: _Chat, lang: str = "") -> None:
        """Show the case summary in a dialog."""
        text = self.summary_text()
        if text is None:
            self._show(self.dialogue.note("no_summary"))
            return

        def done(choice: str | None) -> None:
            if choice == "copy":
                self.action_copy()
            elif choice == "save":
                self.action_save()
            self.focus_input()

        result = self.dialogue.summary_result  # the dialog speaks the summary's language, as its text does
        self.show_summary_screen(SummaryScreen(text, (result.lang if result is not None else "") or self.lang), done)
