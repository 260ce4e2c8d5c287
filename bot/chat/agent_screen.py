"""The agent view: paste a support ticket, see its triage, ask what is still open, save the case.

`AgentScreen` shows an `AgentCase` (`bot.chat.agent_case`): a text area for the ticket, the
result panel (`bot.chat.agent_result`: cards of topic, facts with the words they were read
from, the cause or the next question with its answer control; the suggested reply) and the
keys to go on.

Ticket text is cleaned of control characters and escape sequences (`faq.language.text.clean`)
and only ever shown through `Content(...)`, `Static(markup=False)` or a `TextArea`,
so it is never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static, TextArea

from bot.chat.agent_cards import AnswerInput
from bot.chat.agent_case import AgentCase
from bot.chat.agent_input import TicketArea, agent_bindings, export_status, lines, pasted_export, typed_option
from bot.chat.agent_result import AgentResult
from bot.chat.items import Option
from bot.chat.widgets import OptionButton, tr
from faq.errors import InputError
from faq.flows.dates import AmbiguousDate
from faq.kb.model import KnowledgeBase
from faq.language.catalogue import count
from faq.language.text import MAX_INPUT_CHARS, clean
from faq.search.matcher import Matcher

__all__ = ["AgentScreen", "TicketArea"]

class AgentScreen(Screen[str]):
    """The agent view. Dismissed with its language ("de"/"en") when the agent goes back.

    Args:
        kb: The knowledge base.
        matcher: Its matcher.
        today: The date (fixed in tests).
        lang: The language of the view.
        redact: Mask e-mail addresses and names in saved summaries.
        summary_dir: Folder summaries are saved in (default: the current directory).
        shown_path: How a saved path is shown (default: its name in the current
            directory, else the whole path).
    """

    BINDINGS: ClassVar[list[BindingType]] = agent_bindings()
    is_agent_view = True

    def __init__(
        self,
        kb: KnowledgeBase,
        matcher: Matcher,
        today: date,
        lang: str = "de",
        redact: bool = False,
        summary_dir: str | Path | None = None,
        shown_path: Callable[[Path], str] | None = None,
    ) -> None:
        super().__init__()
        self.kb = kb
        self.matcher = matcher
        self.today = today
        self.lang = lang if lang in ("de", "en") else "de"
        self.redact = redact
        self.summary_dir = Path(summary_dir) if summary_dir is not None else None
        self._shown_path = shown_path
        self.case: AgentCase | None = None
        self.saved_paths: list[Path] = []
        self._saved_summary: str | None = None  # the summary as last saved: later answers are unsaved work
        self.error = ""
        self.status = ""
        self.readings: tuple[str, ...] = ()

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="?")
        with VerticalScroll(id="agent-body"):
            yield Static(self._label_ticket(), id="agent-label", markup=False)
            yield TicketArea("", id="agent-ticket", soft_wrap=True, show_line_numbers=False,
                             placeholder=tr(self.lang, "agent_placeholder"))
            with Horizontal(id="agent-bar"):
                yield Button(Content(tr(self.lang, "agent_run")), id="agent-run", compact=True)
                yield Button(Content(tr(self.lang, "agent_new")), id="agent-new", compact=True)
            yield AgentResult(id="agent-result")
        yield Footer(show_command_palette=False, compact=True)

    def _label_ticket(self) -> Content:
        return Content.assemble((tr(self.lang, "agent_ticket"), "bold"), "  ", (tr(self.lang, "agent_ticket_hint"), "dim"))

    def on_mount(self) -> None:
        self._titles()
        self.query_one(TicketArea).focus()

    def _titles(self) -> None:
        self.title = tr(self.lang, "agent_title")
        self.sub_title = tr(self.lang, "agent_sub")

    # -- rendering -------------------------------------------------------------------------

    async def _render_result(self, focus: bool = True) -> None:
        case = self.case
        self.query_one(TicketArea).set_class(case is not None, "analysed")
        await self.query_one(AgentResult).show(case, self.lang, self.error, self.readings, self.status)
        self.refresh_bindings()
        if focus and case is not None:
            self._focus_answer()

    def _focus_answer(self) -> None:
        body = self.query_one("#agent-body", VerticalScroll)
        panel = self.query_one(AgentResult)
        answer = self.query(AnswerInput)
        buttons = self.query("#agent-question OptionButton")
        if answer:
            answer.first().focus(scroll_visible=False)
        elif buttons:
            buttons.first().focus(scroll_visible=False)
        else:  # the body: arrows and page keys scroll the result
            body.focus(scroll_visible=False)

        def scroll() -> None:
            if panel.is_mounted:
                body.scroll_to_widget(panel, top=True, animate=False)
            # Once the card has its full height (the layout settles over two refreshes).
            self.call_after_refresh(lambda: self.call_after_refresh(self._question_in_view))

        self.call_after_refresh(scroll)

    def _question_in_view(self) -> None:
        """Scroll so the open question and its answer control are whole on screen."""
        body = self.query_one("#agent-body", VerticalScroll)
        for card in self.query("#agent-question"):
            body.scroll_to_widget(card, animate=False)

    @on(Button.Pressed, "#agent-run")
    async def _run_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_analyse()

    @on(Button.Pressed, "#agent-new")
    async def _new_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_new_ticket()

    @on(Button.Pressed, "#agent-copy")
    def _copy_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_copy_reply()

    @on(Button.Pressed, "#agent-save-reply")
    def _save_reply_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.save_reply()

    @on(Button.Pressed, ".option")
    async def _option_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if isinstance(event.button, OptionButton):
            await self.pick(event.button.option)

    @on(Button.Pressed, ".reject")
    async def _reject_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.case is not None and event.button.id and event.button.id.startswith("reject-"):
            place = [b.id for b in self.query(".reject")].index(event.button.id)
            self.case.reject(event.button.id.removeprefix("reject-"))
            self.error = ""
            await self._render_result()
            left = list(self.query(".reject"))
            if left and not self.query(AnswerInput) and not self.query("#agent-question OptionButton"):
                left[min(place, len(left) - 1)].focus()  # nothing to ask: the keyboard stays on the facts

    @on(Input.Submitted, "#agent-answer")
    async def _answer_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        chosen = self._typed_option(clean(event.value).strip())
        if chosen is not None:
            await self.pick(chosen)
        else:
            await self.answer(event.value)

    async def pick(self, option: Option) -> None:
        """Carry out an option of the question (an answer, or back)."""
        if option.kind == "action" and option.target == "back":
            await self.action_back()
        elif option.kind == "value":
            await self.answer(option.target)

    async def answer(self, raw: str) -> None:
        """Answer the open question; a bad value is explained and the question stays."""
        case = self.case
        if case is None or case.question is None:
            return
        if not clean(raw).strip():
            return
        try:
            case.answer(raw, self.lang)
        except AmbiguousDate as exc:  # both readings offered as buttons
            self.error = exc.reason
            self.readings = tuple(d.isoformat() for d in exc.readings)
            await self._render_result()
            return
        except InputError as exc:
            self.error = str(exc)
            await self._show_error()
            return
        except Exception as exc:  # never crash on an answer
            self.log.error(f"agent answer: {exc!r}")
            self.notify(tr(self.lang, "internal_error", text=f"{type(exc).__name__}: {exc}"), severity="error",
                        markup=False)
            return
        self.error = ""
        self.status = ""
        self.readings = ()
        await self._render_result()

    async def _show_error(self) -> None:
        """Explain a bad value under the question; what was typed stays, to be corrected."""
        await self.query_one(AgentResult).show_error(self.error, self.lang)
        for answer in self.query(AnswerInput):
            answer.focus(scroll_visible=False)
            answer.select_all()
        self.call_after_refresh(self._question_in_view)

    def _typed_option(self, text: str) -> Option | None:
        """The option a whole typed answer names (`bot.chat.agent_input.typed_option`)."""
        return typed_option(self.case, self.readings, text)

    def on_key(self, event: events.Key) -> None:
        """A key typed while the focus is on a button or the result goes to the answer field
        (never lost, never an answer by itself). Tab from the result's page (where a settled case
        leaves the focus) goes to its first control, a fact's "Angabe verwerfen", not back up
        into the ticket, where Enter would change the text analysed."""
        if event.key == "tab" and self.focused is self.query_one("#agent-body") and self.case is not None:
            controls = [w for w in self.query("#agent-result Button") if w.focusable]
            if controls:
                event.stop()
                event.prevent_default()
                controls[0].focus()
                return
        if isinstance(self.focused, (Input, TextArea)) and not (
            isinstance(self.focused, TextArea) and self.focused.read_only
        ):
            return
        if not event.character or not event.is_printable:
            return
        fields = self.query(AnswerInput)
        if not fields:
            return
        event.stop()
        event.prevent_default()
        field = fields.first()
        field.focus(scroll_visible=False)
        field.insert_text_at_cursor(event.character)

    # -- actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if parameters and parameters[0] in ("de", "en"):
            if parameters[0] != self.lang:
                return False
            if action in ("save", "copy_reply"):
                return self.case is not None
            if action == "back":
                return bool(self.case is not None and self.case.steps)
        return True

    async def action_analyse(self, lang: str = "") -> None:
        """Triage the ticket in the text area."""
        area = self.query_one(TicketArea)
        shown = area.text
        whole = clean(lines(shown), limit=None)
        export = pasted_export(whole)  # lines copied out of a ticket file: their text, not their JSON
        if export is not None and export.whole:
            whole = clean(lines(export.text), limit=None)  # shown in the field: the id is all it loses
        source = whole if export is None or export.whole else clean(lines(export.text), limit=None)
        text = source[:MAX_INPUT_CHARS]  # what `clean` keeps of a longer ticket: its start, unchanged
        if whole != shown:  # what is shown is what is analysed: no control characters; a longer ticket stays whole
            area.load_text(whole)
        if export is not None and not export.count:  # lines of an export, none a ticket: each named, none analysed
            self.case, self.error, self.readings = None, "", ()
            self.status = export_status(export, self.lang)
            await self._render_result(focus=False)
            self.notify(self.status, severity="warning", markup=False)
            area.focus()
            return
        if not text.strip():
            self.case = None
            self.status = ""
            self.notify(tr(self.lang, "agent_empty"), severity="warning", markup=False)
            await self._render_result(focus=False)
            area.focus()
            return
        if len(source) > len(text):  # told, never cut from the field: the agent's paste is not lost
            self.notify(tr(self.lang, "agent_cut", n=count(len(text), self.lang), size=count(len(source), self.lang)),
                        severity="warning", markup=False)
        try:
            self.case = AgentCase(text, self.kb, self.matcher, self.today)
        except Exception as exc:  # never crash on a ticket
            self.log.error(f"agent triage: {exc!r}")
            self.case = None
            self.notify(tr(self.lang, "internal_error", text=f"{type(exc).__name__}: {exc}"), severity="error",
                        markup=False)
        self.error = ""
        self.readings = ()
        self.status = ""
        if export is not None and self.case is not None:
            self.status = export_status(export, self.lang)
            self.notify(self.status, severity="warning" if export.broken else "information", markup=False)
        await self._render_result()

    async def action_new_ticket(self, lang: str = "") -> None:
        """Clear the ticket and the result for the next one; with unsaved work, ask first."""
        if self._unsaved():
            from bot.chat.discard import DiscardScreen

            self.app.push_screen(DiscardScreen(self.lang), self._discard_answered)
            return
        await self._clear()

    async def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            await self._clear()

    def _unsaved(self) -> bool:
        """Whether clearing would lose work: a ticket not yet analysed, or a case whose summary
        is not saved as it stands (answers given since the last Ctrl+S count)."""
        if not self.query_one(TicketArea).text.strip():
            return False
        return self.case is None or self.summary_text() != self._saved_summary

    async def _clear(self) -> None:
        self.case = None
        self.error = ""
        self.readings = ()
        self.status = ""
        area = self.query_one(TicketArea)
        area.load_text("")
        await self._render_result(focus=False)
        self.query_one("#agent-body", VerticalScroll).scroll_home(animate=False)
        area.focus()

    async def action_back(self, lang: str = "") -> None:
        """Take back the agent's last answer or rejected fact."""
        if self.case is None or self.case.back() is None:
            return
        self.error = ""
        self.readings = ()
        self.status = ""
        await self._render_result()

    def summary_text(self) -> str | None:
        """The Markdown case summary of the ticket, or None before a ticket is analysed."""
        if self.case is None:
            return None
        return self.case.summary(self.lang, redact=self.redact)

    def action_save(self, lang: str = "") -> None:
        """Save the case summary under a free name (never overwriting a file)."""
        from bot.chat.summary import save_summary

        text = self.summary_text()
        if text is None:
            self.notify(tr(self.lang, "agent_nothing"), severity="warning", markup=False)
            return
        folder = self.summary_dir if self.summary_dir is not None else Path.cwd()
        try:
            path = save_summary(text, folder, self.today)
        except OSError as exc:
            self._set_status(tr(self.lang, "save_failed", error=str(exc)), "error")
            return
        self.saved_paths.append(path)
        self._saved_summary = text
        self._set_status(tr(self.lang, "saved", path=self._shown(path)))

    def _shown(self, path: Path) -> str:
        return self._shown_path(path) if self._shown_path is not None else str(path.resolve())

    def action_copy_reply(self, lang: str = "") -> None:
        """Copy the suggested reply to the clipboard (through the terminal, OSC 52); where the
        terminal is known not to let it through, say so and offer the reply as a file."""
        import os

        from bot.chat.clipboard import clipboard_blocker

        if self.case is None:
            self.notify(tr(self.lang, "agent_nothing"), severity="warning", markup=False)
            return
        if blocker := clipboard_blocker(os.environ):
            key = "agent_copy_blocked_tmux" if blocker == "tmux" else "agent_copy_blocked"  # tmux: with its fix
            self._set_status(tr(self.lang, key, terminal=blocker), "warning")
            for button in self.query("#agent-save-reply"):
                button.focus()  # Enter saves it
            return
        self.app.copy_to_clipboard(self.case.reply)
        self._set_status(tr(self.lang, "agent_copied"))

    def save_reply(self) -> None:
        """Save the suggested reply as a text file under a free name (never overwriting a file)."""
        from bot.chat.clipboard import save_reply

        if self.case is None:
            self.notify(tr(self.lang, "agent_nothing"), severity="warning", markup=False)
            return
        try:
            path = save_reply(self.case.reply, self.summary_dir or Path.cwd(), self.today)
        except OSError as exc:
            self._set_status(tr(self.lang, "save_failed", error=str(exc)), "error")
            return
        self.saved_paths.append(path)
        self._set_status(tr(self.lang, "agent_reply_saved", path=self._shown(path)))

    def _set_status(self, text: str, severity: str = "information") -> None:
        self.status = text
        self.query_one(AgentResult).set_status(text)
        self.notify(text, severity=severity, markup=False)  # type: ignore[arg-type]

    def action_help(self, lang: str = "") -> None:
        """Show the help of the open question, or how the agent view works."""
        cards = self.query("#agent-question")
        if cards and self.case is not None and self.case.question is not None and self.case.question.help is not None:
            cards.first().toggle_class("show-help")
            return
        self.notify(tr(self.lang, "agent_help"), title=tr(self.lang, "help"), timeout=12, markup=False)

    async def action_switch_lang(self, lang: str = "") -> None:
        """Switch between German and English (the reply stays in the ticket's language)."""
        self.lang = "en" if self.lang == "de" else "de"
        self._titles()
        self.query_one("#agent-label", Static).update(self._label_ticket())
        self.query_one("#agent-run", Button).label = Content(tr(self.lang, "agent_run"))
        self.query_one("#agent-new", Button).label = Content(tr(self.lang, "agent_new"))
        self.query_one(TicketArea).placeholder = tr(self.lang, "agent_placeholder")
        focused = self.focused
        await self._render_result(focus=focused is None or not focused.is_attached or focused.id != "agent-ticket")
        if focused is not None and focused.id == "agent-ticket":
            focused.focus()
        self.refresh_bindings()

    def action_leave(self, lang: str = "") -> None:
        """Go back to the customer chat (or quit, when there is none below)."""
        if len(self.app.screen_stack) > 1:
            self.dismiss(self.lang)
        else:
            self.app.exit(0)
