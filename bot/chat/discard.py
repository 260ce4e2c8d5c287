"""The question before work is thrown away: "Ticket verwerfen?", answered by keyboard.

The agent view asks it when "Neues Ticket" would clear a ticket that holds unsaved work (a
pasted ticket not yet analysed, or a case whose summary was changed since it was last saved).
Enter on the focused button answers; `j`/`y` discard, `n` and Escape keep (the safe button
"Behalten" has the focus first, so a stray Enter loses nothing).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from faq.language.catalogue import tr

__all__ = ["DiscardScreen"]


class DiscardScreen(ModalScreen[bool]):
    """Asks whether to discard unsaved work; dismissed with True (discard) or False (keep)."""

    BINDINGS = [
        Binding("escape", "answer(False)", show=False),
        Binding("n", "answer(False)", show=False),
        Binding("j", "answer(True)", show=False),
        Binding("y", "answer(True)", show=False),
        Binding("left,right", "app.focus_next", show=False),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="discard-box"):
            yield Static(Content.styled(tr(self.lang, "agent_discard_title"), "bold"), markup=False)
            yield Static(Content(tr(self.lang, "agent_discard_text")), markup=False)
            with Horizontal(classes="options row"):
                yield Button(Content(tr(self.lang, "agent_discard_keep")), id="discard-keep", compact=True)
                yield Button(Content(tr(self.lang, "agent_discard_yes")), id="discard-yes", compact=True,
                             variant="warning")

    def on_mount(self) -> None:
        self.query_one("#discard-keep", Button).focus()

    def action_answer(self, discard: bool) -> None:
        """Answer the question: discard the work, or keep it."""
        self.dismiss(discard)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "discard-yes")
