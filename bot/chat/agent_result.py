"""The agent view's result panel: the cards of a triaged ticket and the suggested reply.

`AgentResult` shows an `AgentCase` as cards (`bot.chat.agent_cards`: topic, facts with the words
they were read from, the cause or the open question with its answer control), then the reply in
a read-only text area with its buttons (copy, save as a file) and a status line. Ticket text is
only ever shown through `Content(...)`, `Static(markup=False)` or a `TextArea`, never as markup.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static, TextArea

from bot.chat.agent_cards import cause_card, facts_card, question_card, topic_card
from bot.chat.agent_case import AgentCase
from bot.chat.widgets import tr

__all__ = ["AgentResult"]


class AgentResult(Vertical):
    """The result of the ticket analysed: empty before one is."""

    async def show(self, case: AgentCase | None, lang: str, error: str = "", readings: tuple[str, ...] = (),
                   status: str = "") -> None:
        """Show `case` in `lang` (nothing when None); `error` explains a rejected answer, `readings`
        are the two readings of an ambiguous date, `status` the line under the reply (without a case, why
        there is none: the lines of an export that hold no ticket)."""
        await self.remove_children()
        if case is None:
            if status:
                await self.mount(Static(Content.assemble(("✗ ", "bold"), status), id="agent-status", classes="error",
                                        markup=False))
            return
        try:
            widgets = self._widgets(case, lang, error, readings, status)
        except Exception as exc:  # the view never crashes on a ticket
            self.log.error(f"agent view: {exc!r}")
            widgets = [Static(Content.assemble(("✗ ", "bold"), tr(lang, "internal_error", text=f"{type(exc).__name__}: {exc}")),
                              classes="error", markup=False)]
        await self.mount_all(widgets)

    @staticmethod
    def _widgets(case: AgentCase, lang: str, error: str, readings: tuple[str, ...], status: str) -> list[Widget]:
        out: list[Widget] = [topic_card(case, lang), facts_card(case, lang)]
        if case.question is not None:
            out.append(question_card(case, case.question, lang, error, readings))
        elif case.settled:
            out.append(cause_card(case, lang))
        reply_head = Content.assemble(
            (f"{tr(lang, 'agent_reply')} ", "bold"),
            (f"({tr(lang, 'agent_in_lang', name=tr(lang, 'lang_' + case.lang))}) · {tr(lang, 'agent_reply_hint')}", "dim"),
        )
        out.append(Static(reply_head, classes="agent-subtitle", markup=False))
        reply = TextArea(case.reply, id="agent-reply", read_only=True, soft_wrap=True, show_line_numbers=False)
        reply.cursor_blink = False
        out.append(reply)
        out.append(Horizontal(Button(Content(tr(lang, "agent_copy_button")), id="agent-copy", compact=True),
                              Button(Content(tr(lang, "agent_save_reply")), id="agent-save-reply", compact=True),
                              id="agent-reply-bar"))
        out.append(Static(Content(status), id="agent-status", classes="muted", markup=False))
        return out

    async def show_error(self, text: str, lang: str) -> None:
        """Explain a bad answer under the open question (what was typed stays in its field)."""
        content = Content.assemble(("✗ ", "bold"), tr(lang, "bad_value", text=text))
        shown = self.query("#agent-error")
        if shown:
            shown.first(Static).update(content)
            return
        card = self.query_one("#agent-question")
        await card.mount(Static(content, id="agent-error", classes="error", markup=False), before=card.query_one(".options"))

    def set_status(self, text: str) -> None:
        """Put `text` on the status line under the reply."""
        for status in self.query("#agent-status"):
            if isinstance(status, Static):
                status.update(Content(text))
