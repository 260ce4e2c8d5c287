"""The dialog that shows a case summary, rendered, with copy and save."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, Static

from faq.language.catalogue import tr

__all__ = ["SummaryScreen"]


class SummaryScreen(ModalScreen[str]):
    """Shows the case summary, rendered (headings, table, lists), with copy and save.

    The summary's user text is Markdown-escaped (`md_escape`) and links are never opened."""

    BINDINGS = [Binding("escape", f"close('{lang}')", tr(lang, "close")) for lang in ("de", "en")]

    def __init__(self, text: str, lang: str) -> None:
        super().__init__()
        self.text = text
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-box"):
            yield Static(Content.styled(tr(self.lang, "summary_title"), "bold"), markup=False)
            with VerticalScroll(id="summary-text"):
                yield Markdown(self.text, open_links=False)
            with Horizontal(classes="options row"):
                yield Button(Content(tr(self.lang, "copy")), id="summary-copy", compact=True)
                yield Button(Content(tr(self.lang, "save")), id="summary-save", compact=True)
                yield Button(Content(tr(self.lang, "close")), id="summary-close", compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return parameters[:1] == (self.lang,)  # the key's name in the view's language
        return True

    def action_close(self, lang: str = "") -> None:
        """Close without copying or saving."""
        self.dismiss("")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = {"summary-copy": "copy", "summary-save": "save"}.get(event.button.id or "", "")
        self.dismiss(choice)
