"""The Textual chat app: `ChatApp` shows a `Dialogue` and feeds it what the user does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, TextArea

from bot.chat.answers import KEY_MEANINGS, menu_index
from bot.chat.chat_input import PASTE_FACTOR, ChatInput
from bot.chat.chat_log import ChatLog
from bot.chat.dialogue import Dialogue, FlowResult, Item, Notice, Option
from bot.chat.layout import chat_bindings
from bot.chat.slash import run_command
from bot.chat.summary import shown_path
from bot.chat.summary_actions import SummaryActions
from bot.chat.summary_screen import SummaryScreen
from bot.chat.widgets import OptionButton, render_item, tr
from faq.kb.model import KnowledgeBase
from faq.search.matcher import Matcher

__all__ = ["ChatApp", "ChatInput", "SummaryScreen", "shown_path"]



class ChatApp(App[int], SummaryActions):
    """The customer chat.

    Args:
        kb: The knowledge base.
        matcher: Its matcher.
        today: The date (fixed in tests).
        lang: Language to start in.
        store: Where to append the conversation's events, or None.
        resume_events: Events of an earlier conversation to continue, or None.
        summary_dir: Folder summaries are saved in (default: the current directory).
        redact: Mask e-mail addresses and names in saved summaries and the saved conversation.
    """

    CSS_PATH = "app.tcss"
    TITLE = "faqbot"
    BINDINGS: ClassVar[list[BindingType]] = chat_bindings()
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        kb: KnowledgeBase,
        matcher: Matcher,
        today: date,
        lang: str = "de",
        store: Any = None,
        resume_events: list[Mapping[str, Any]] | None = None,
        summary_dir: str | Path | None = None,
        redact: bool = False,
        resume_missing: bool = False,
        agent: bool = False,
    ) -> None:
        super().__init__()
        self.kb = kb
        self.matcher = matcher
        self.today = today
        self.store = store
        self.redact = redact
        self.summary_dir = Path(summary_dir) if summary_dir is not None else Path.cwd()
        self.dialogue = Dialogue(kb, matcher, today, lang, on_event=self._record)
        self._resume_events = list(resume_events or [])
        self._resume_missing = resume_missing
        self.saved_paths: list[Path] = []
        self.last_summary: str | None = None
        self._start_agent = agent

    # -- layout --------------------------------------------------------------------

    @property
    def lang(self) -> str:
        """The language shown."""
        return self.dialogue.lang

    def compose(self) -> ComposeResult:
        yield Header(icon="?")
        yield ChatLog(id="log")
        yield ChatInput(id="prompt", placeholder=tr(self.lang, "placeholder"), max_length=PASTE_FACTOR * self.matcher.thresholds.max_chars)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self._titles()
        if self._resume_events:
            self.dialogue.replay(self._resume_events)
        if self.dialogue.items:
            self.dialogue.note("resumed")
        else:
            self.dialogue.greet()
            if self._resume_missing:
                self.dialogue.note("resume_none")
        self._render_all()
        self.query_one(ChatInput).focus()
        if self._start_agent:  # `faqbot agent`: the agent view on top of the chat
            self.action_agent()

    def _titles(self) -> None:
        """The header in the conversation's language, as the footer's keys and the input's hint."""
        self.title = tr(self.dialogue.shown_lang, "app_title")
        self.sub_title = tr(self.dialogue.shown_lang, "app_sub")

    # -- recording -----------------------------------------------------------------

    def _record(self, event: dict[str, Any]) -> None:
        if self.store is None:
            return
        try:
            if self.redact:  # --redact: the saved conversation holds no addresses or names
                from bot.chat.store import redact_event

                event = redact_event(event)
            self.store.append(event)
        except (OSError, ValueError) as exc:
            self.store = None
            self.call_later(self._show, self.dialogue.note("store_failed", error=str(exc)))

    # -- rendering -----------------------------------------------------------------

    def _render_all(self) -> None:
        items = self.dialogue.items
        live = self.dialogue.live_index
        widgets = [render_item(item, self.dialogue, self.lang, live=(i == live)) for i, item in enumerate(items)]
        self.query_one(ChatLog).replace_all(widgets)
        self._after_change()

    def _show(self, new: Iterable[Item]) -> None:
        """Mount the widgets of new items; older items lose their (stale) options."""
        new = list(new)
        if not new:
            return
        log = self.query_one(ChatLog)
        items = self.dialogue.items
        start = len(items) - len(new)
        live = self.dialogue.live_index
        if live >= start:
            log.drop_stale()
        widgets = [render_item(item, self.dialogue, self.lang, live=(start + i == live)) for i, item in enumerate(new)]
        if live >= start:  # a new question (or none): text kept from a rejected answer is stale
            prompt = self.query_one(ChatInput)
            if prompt.value:
                prompt.value = ""
        # A diagnosis's result is shown by its head, the cause (its actions have keys); anything
        # else by its end, so the menu that goes on is in view (`ChatLog.append`).
        log.append(widgets, top=any(isinstance(item, FlowResult) for item in new))
        self._after_change()

    def _after_change(self) -> None:
        """The input's hint, the titles and the footer's keys after the conversation changed."""
        prompt = self.query_one(ChatInput)
        fact = self.dialogue.current_fact
        key = "placeholder"
        if self.dialogue.confirming:  # "Sie schrieben: … – stimmt das?" takes yes or no, whatever the fact's type
            key = "placeholder_confirm"
        elif fact is not None:
            key = {"date": "placeholder_date", "email": "placeholder_email", "choice": "placeholder_choice",
                   "yesno": "placeholder_yesno"}.get(fact.type, "placeholder")
        # In the language of the conversation, as the answers and the "Sie:"/"You:" labels.
        prompt.placeholder = tr(self.dialogue.shown_lang, key)
        self._titles()
        self.refresh_bindings()

    def _guard(self, action: Callable[[], Iterable[Item]]) -> None:
        """Run a step of the conversation; an internal error becomes a message."""
        try:
            items = list(action())
        except Exception as exc:  # the chat never crashes on input
            self.log.error(f"internal error: {exc!r}")
            items = self.dialogue.error(f"{type(exc).__name__}: {exc}")
        try:
            self._show(items)
        except Exception as exc:
            self._show(self.dialogue.error(f"{type(exc).__name__}: {exc}"))

    # -- input ---------------------------------------------------------------------

    @on(ChatInput.Submitted, "#prompt")
    def _submitted(self, event: ChatInput.Submitted) -> None:
        text = event.value
        longest = self.matcher.thresholds.max_chars  # the web chat's limit too
        if len(text.strip()) > longest:  # never cut: the end of a story is often its question
            from faq.language.catalogue import count

            lang = self.dialogue.shown_lang
            self._show(self.dialogue.note("input_too_long", size=count(len(text.strip()), lang),
                                          limit=count(longest, lang)))
            event.input.select_all()  # kept, selected: typing replaces it, arrows edit it
            return
        event.input.value = ""
        if run_command(self, text.strip()) or self._pick_typed(text.strip()):
            return
        before = len(self.dialogue.items)
        self._guard(lambda: self.dialogue.submit(text))
        new = self.dialogue.items[before:]
        if any(isinstance(item, Notice) and item.key == "bad_value" for item in new):
            event.input.value = text  # what was typed stays, selected: typing replaces it, arrows edit it
            event.input.select_all()
            self._check_typing(text)

    @on(TextArea.Changed, "#prompt")
    def _changed(self, event: TextArea.Changed) -> None:
        self._check_typing(event.text_area.text)

    def _check_typing(self, text: str) -> None:
        """Check an e-mail address as it is typed: the field's border (colour and a line in
        it) says whether it is complete, and why not."""
        from bot.chat.answers import address_part
        from faq.flows.values import email_problem, is_unknown_word

        prompt = self.query_one(ChatInput)
        fact = self.dialogue.current_fact
        checking = (fact is not None and fact.type == "email" and not self.dialogue.confirming and bool(text.strip())
                    and not is_unknown_word(text))
        message, valid = "", True
        if checking:
            lang = self.dialogue.flow_lang
            problem = email_problem(address_part(text), lang)
            valid = problem is None
            message = f"✓ {tr(lang, 'email_complete')}" if valid else f"✗ {tr(lang, 'email_incomplete', why=problem)}"
        prompt.set_class(checking and not valid, "-invalid")
        prompt.set_class(checking and valid, "-valid")
        prompt.border_subtitle = Content(message) if message else None

    @on(Button.Pressed, ".option")
    def _option_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button
        if isinstance(button, OptionButton):
            self.pick(button.option)
        self.query_one(ChatInput).focus()

    def pick(self, option: Option) -> None:
        """Carry out an option (a click, a number key, a letter)."""
        if option.kind == "action" and option.target in ("save", "copy", "show"):
            getattr(self, f"action_{option.target}")()
            return
        self._guard(lambda: self.dialogue.choose(option))

    def _pick_typed(self, text: str) -> bool:
        """Pick an option when the whole input names it: its number, or on a yes/no question
        j/y, n, w/u; return whether it did. Typed keys never pick on their own ("365 Lizenzen
        fehlen", "ja" and "nein" are sent as written)."""
        options = self.dialogue.options
        fact = self.dialogue.current_fact
        confirming = self.dialogue.confirming  # a yes/no on stated words
        if fact is not None and fact.type in ("date", "email") and not self.dialogue.date_readings and not confirming:
            return False  # a number or a letter there is the answer typed (and read as one)
        if text.isdigit():
            if not 0 < int(text) <= len(options):
                return False
            self.pick(options[int(text) - 1])
            return True
        if (index := menu_index(text, len(options))) is not None:  # "eins", "two"; "ja" to a one-item menu
            self.pick(options[index])
            return True
        meaning = KEY_MEANINGS.get(text.lower()) if len(text) == 1 else None
        if meaning and fact is not None and (fact.type == "yesno" or confirming):
            for option in options:
                if option.kind == "value" and option.key == meaning:
                    self.pick(option)
                    return True
        return False

    def on_key(self, event: events.Key) -> None:
        """Keys typed while a button has the focus go to the input."""
        if isinstance(self.focused, (Input, TextArea)) or not event.character or not event.is_printable:
            return
        if isinstance(self.screen, ModalScreen) or getattr(self.screen, "is_agent_view", False):
            return
        event.stop()
        prompt = self.query_one(ChatInput)
        prompt.focus()
        prompt.type_text(event.character)  # never lose a typed key

    # -- actions -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scroll_log":
            return not isinstance(self.screen, ModalScreen) and not getattr(self.screen, "is_agent_view", False)
        if parameters and parameters[0] in ("de", "en") and getattr(self.screen, "is_agent_view", False):
            # The agent view has its own keys; of the chat's, only quitting stays.
            return action in ("quit_chat", "palette") and parameters[0] == getattr(self.screen, "lang", self.lang)
        if parameters and parameters[0] in ("de", "en"):
            if parameters[0] != self.dialogue.shown_lang:  # the keys speak the conversation's language
                return False
            if action == "undo":  # also once the result is shown
                return bool(self.dialogue.run and self.dialogue.run.facts)
            if action == "restart":
                return self.dialogue.run is not None
            if action == "cancel":
                return self.dialogue.flow_active and isinstance(self.screen, Screen) and not isinstance(self.screen, ModalScreen)
            if action in ("save", "copy"):
                return self.dialogue.summary_result is not None
        return True

    def action_quit_chat(self, lang: str = "") -> None:
        """Quit."""
        self.exit(0)

    def action_scroll_log(self, how: str) -> None:
        """Scroll the conversation (PageUp/PageDown, Ctrl+Home/End, arrows) from the input."""
        self.query_one(ChatLog).scroll_by_key(how)

    def action_palette(self, lang: str = "") -> None:
        """Open the command palette, in the interface language."""
        self.action_command_palette()

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            lang = getattr(self.screen, "lang", self.dialogue.shown_lang)
            self.push_screen(CommandPalette(placeholder=tr(lang, "palette_placeholder"), id="--command-palette"))

    def action_help(self, lang: str = "") -> None:
        """Show the help of the current question (or the general help)."""
        flows = list(self.query(".card.flow"))
        fact = self.dialogue.current_fact
        if fact is not None and fact.help is not None and flows:
            flows[-1].toggle_class("show-help")
            return
        if fact is not None:
            self._show(self.dialogue.note("no_help"))
            return
        self._show(self.dialogue.note("general_help"))

    def show_note(self, key: str) -> None:
        """Show a passive notice of the interface (the general help, for instance)."""
        self._show(self.dialogue.note(key))

    def action_switch_lang(self, lang: str = "") -> None:
        """Switch between German and English: to the language the footer names, the other
        one than the conversation's."""
        self.dialogue.set_lang("en" if self.dialogue.shown_lang == "de" else "de")
        self.dialogue.note("lang_switched")
        self._titles()
        self._render_all()
        self.refresh_bindings()

    def action_undo(self, lang: str = "") -> None:
        """Take back the last answer of the diagnosis."""
        self._guard(self.dialogue.back)

    def action_restart(self, lang: str = "") -> None:
        """Restart the diagnosis."""
        self._guard(self.dialogue.restart)

    def action_cancel(self, lang: str = "") -> None:
        """End the running diagnosis."""
        self._guard(self.dialogue.cancel)

    def focus_input(self) -> None:
        """Give the focus back to the input."""
        self.query_one(ChatInput).focus()

    def show_summary_screen(self, screen: SummaryScreen, done: Callable[[str | None], None]) -> None:
        """Show the summary dialog; `done` gets the action chosen in it."""
        self.push_screen(screen, done)

    def action_agent(self, lang: str = "") -> None:
        """Open the agent view: paste a ticket, see its triage, answer what is open, save the case."""
        from bot.chat.agent import AgentScreen

        def back(chosen: str | None) -> None:
            if chosen in ("de", "en") and chosen != self.lang:
                self.dialogue.set_lang(chosen)
                self.dialogue.note("lang_switched")
            self._titles()
            self._render_all()
            self.query_one(ChatInput).focus()

        screen = AgentScreen(self.kb, self.matcher, self.today, self.lang, redact=self.redact,
                             summary_dir=self.summary_dir, shown_path=shown_path)
        self.push_screen(screen, back)

    # -- command palette -----------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from bot.chat.commands import chat_commands

        return chat_commands(self, screen)
