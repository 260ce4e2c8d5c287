"""The agent view: paste a support ticket, see its triage, ask what is still open, save the case.

`AgentCase` is the UI-free state of one ticket: the triage (`faq.tickets.triage.triage_text`),
the answers the agent adds, the diagnosis on ticket facts plus answers, the suggested
reply and the case summary. `AgentScreen` shows it: a text area for the ticket, a
result panel (topic, facts with the words they were read from, the cause or the next
question with its answer control, the suggested reply) and the keys to go on.

Ticket text is cleaned of control characters and escape sequences (`faq.language.text.clean`)
and only ever shown through `Content(...)`, `Static(markup=False)` or a `TextArea`,
so it is never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Input, Static, TextArea

from bot.chat.dialogue import Option
from bot.chat.widgets import (
    KEY_LETTERS,
    OptionButton,
    _item,
    _para,
    option_label,
    possible_causes,
    steps_and_contact,
    tr,
)
from faq.errors import InputError
from faq.kb.model import Fact, Flow, KnowledgeBase
from faq.language.text import clean
from faq.search.matcher import Matcher

__all__ = ["AgentCase", "AgentScreen", "TicketArea", "agent_summary"]

_LETTERS = {"j": "yes", "y": "yes", "n": "no", "w": "unknown", "u": "unknown", "?": "unknown"}


# -- the case, without UI -------------------------------------------------------------


@dataclass
class AgentCase:
    """One ticket in the agent view: its triage and the answers the agent adds.

    Args:
        ticket: The ticket text (cleaned already).
        kb: The knowledge base.
        matcher: Its matcher.
        today: The date relative dates count from.
    """

    ticket: str
    kb: KnowledgeBase
    matcher: Matcher
    today: date
    answers: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from faq.tickets.triage import triage_text

        self.result = triage_text(self.ticket, self.kb, self.matcher, self.today)
        self.entry = self.kb.entry(self.result.id) if self.result.id else None
        self.flow: Flow | None = None
        if self.entry is not None and self.entry.flow:
            self.flow = self.kb.flow(self.entry.flow)

    # -- state -------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        """The ticket's language (the reply is written in it)."""
        return self.result.lang if self.result.lang in ("de", "en") else "de"

    @property
    def facts(self) -> dict[str, Any]:
        """The facts known: those read from the ticket, then the agent's answers (the path)."""
        facts = {k: v for k, v in self.result.facts.items() if k not in self.answers}
        facts.update(self.answers)
        return facts

    @property
    def diagnosis(self):  # -> Diagnosis | None
        """The flow's diagnosis on the facts known, None without a flow."""
        if self.flow is None:
            return None
        if not self.answers and self.result.diagnosis is not None:
            return self.result.diagnosis
        from faq.flows.engine import diagnose

        return diagnose(self.flow, self.facts, self.today)

    @property
    def question(self) -> Fact | None:
        """The fact to ask next, or None when the diagnosis is settled (or there is no flow)."""
        diag = self.diagnosis
        if diag is None or diag.next_fact is None:
            return None
        if not self.answers and self.result.cause is not None:
            return None
        return diag.next_fact

    @property
    def cause(self) -> str | None:
        """The cause settled: from the ticket alone as the triage says, else by the answers."""
        if not self.answers:
            return self.result.cause
        diag = self.diagnosis
        if diag is not None and diag.status == "resolved":
            return diag.cause
        return None

    @property
    def settled(self) -> bool:
        """Whether the flow's diagnosis has a resolution to show."""
        diag = self.diagnosis
        return diag is not None and diag.resolution is not None and diag.next_fact is None

    @property
    def reply(self) -> str:
        """The suggested reply, in the ticket's language."""
        if not self.answers:
            return self.result.reply
        from faq.tickets.reply import suggest_reply

        return suggest_reply(self.kb, self.entry.id if self.entry else None, self.lang, self.flow,
                             self.diagnosis, self.cause)

    def progress(self) -> tuple[int, int]:
        """(number of the open question, at most how many) counted over the agent's answers."""
        from faq.flows.engine import relevant_facts

        if self.flow is None:
            return 0, 0
        remaining = len(relevant_facts(self.flow, self.facts, self.today))
        number = len(self.answers) + 1
        return number, max(number, len(self.answers) + remaining)

    # -- steps ---------------------------------------------------------------------------

    def answer(self, raw: str, lang: str = "de") -> None:
        """Answer the open question with text (ja/nein/weiß nicht, a date, an address, a choice).

        Raises:
            InputError: The text is not a value of the question; the message (in `lang`)
                says why, without the fact's name.
        """
        from faq.flows.values import parse_value

        fact = self.question
        if fact is None:
            return
        text = clean(raw).strip()
        try:
            value = parse_value(fact, text, self.today, lang)
        except InputError as exc:
            raise InputError(exc.reason, value=exc.value) from None
        self.answers[fact.id] = value

    def back(self) -> str | None:
        """Take back the agent's last answer; return its fact id (None: nothing to take back)."""
        if not self.answers:
            return None
        last = list(self.answers)[-1]
        del self.answers[last]
        return last

    def summary(self, lang: str = "de", redact: bool = False) -> str:
        """The Markdown case summary (see `agent_summary`)."""
        return agent_summary(self, lang, redact)


# -- the case summary -----------------------------------------------------------------

_S = {
    "de": {
        "title": "Fall", "ticket": "Ticket", "date": "Datum", "flow": "Diagnose", "topic": "Thema",
        "confidence": "Sicherheit", "facts": "Angaben", "question": "Frage", "answer": "Antwort", "path": "Weg",
        "cause": "Ursache", "open": "noch offen", "next": "Nächster Schritt", "ask": "Den Kunden fragen",
        "reply": "Antwortvorschlag", "none": "keine", "no_topic": "kein passendes Thema", "outcome_answer": "eindeutig",
        "outcome_clarify": "nicht eindeutig", "outcome_no_match": "kein Treffer",
        "footer": "Erstellt mit faqbot (FAQ zur Dienstaktivierung für Volumenlizenzprogramme).",
    },
    "en": {
        "title": "Case", "ticket": "Ticket", "date": "Date", "flow": "Diagnosis", "topic": "Topic",
        "confidence": "Confidence", "facts": "Facts", "question": "Question", "answer": "Answer", "path": "Path",
        "cause": "Cause", "open": "still open", "next": "Next step", "ask": "Ask the customer",
        "reply": "Suggested reply", "none": "none", "no_topic": "no matching topic", "outcome_answer": "clear",
        "outcome_clarify": "not clear", "outcome_no_match": "no match",
        "footer": "Made with faqbot (FAQ on service activation for Volume Licensing).",
    },
}


def _fenced(text: str) -> str:
    """A fenced code block that shows `text` literally, whatever backticks it holds."""
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def _first_line(text: str, width: int = 120) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def agent_summary(case: AgentCase, lang: str = "de", redact: bool = False) -> str:
    """Return the Markdown summary of a ticket case: topic, facts, path, cause, next step,
    the ticket (literal, in a code block) and the suggested reply.

    With a settled diagnosis it is the chat's `case_summary` plus the ticket and reply;
    `redact` masks e-mail addresses and names everywhere, the ticket included.
    """
    from bot.chat.summary import case_summary, md_escape
    from faq.flows.dates import format_date
    from faq.tickets.redact import redact as redact_text

    lang = lang if lang in _S else "de"
    t = _S[lang]
    result = case.result
    ticket = redact_text(case.ticket) if redact else case.ticket
    reply = redact_text(case.reply) if redact else case.reply
    if case.entry is not None:
        topic = f"{md_escape(case.entry.title.get(lang))} (`{case.entry.id}`)"
    else:
        topic = t["no_topic"]
    pct = f"{round(100 * result.match.confidence)}" + (" %" if lang == "de" else "%")
    topic_line = f"- **{t['topic']}:** {topic}, {t['confidence']} {pct}, {t.get('outcome_' + result.match.outcome, result.match.outcome)}"
    tail = ["", f"## {t['ticket']}", "", topic_line, "", _fenced(ticket), "", f"## {t['reply']}", "", _fenced(reply), ""]
    diag = case.diagnosis
    if case.flow is not None and diag is not None and case.settled:
        base = case_summary(case.kb, case.flow, diag, _first_line(case.ticket), case.today, lang, redact=redact)
        head, sep, foot = base.rpartition("\n---\n")
        if not sep:
            return base + "\n".join(tail)
        return head.rstrip("\n") + "\n" + "\n".join(tail) + sep + foot
    # Not settled (a question is open) or no flow: the same sections, written here.
    title = case.flow.title.get(lang) if case.flow is not None else (
        case.entry.title.get(lang) if case.entry is not None else t["ticket"])
    lines = [f"# {t['title']}: {md_escape(title)}", "", f"- **{t['date']}:** {format_date(case.today, lang)}"]
    if case.flow is not None:
        lines.append(f"- **{t['flow']}:** `{case.flow.id}`")
    question = _first_line(case.ticket)
    lines.append(f"- **{t['question']}:** {md_escape(redact_text(question) if redact else question)}")
    if case.flow is not None and diag is not None:
        from faq.flows.values import display_value

        lines += ["", f"## {t['facts']}", "", f"| {t['question']} | {t['answer']} |", "|---|---|"]
        for fact_id, value in case.facts.items():
            fact = case.flow.fact(fact_id)
            asked = fact.question.get(lang) if fact is not None else fact_id
            shown = display_value(fact, value, lang)
            if redact:
                shown = redact_text(shown)
            lines.append(f"| {md_escape(asked)} (`{fact_id}`) | {md_escape(shown)} |")
        if not case.facts:
            lines.append(f"| – | {t['none']} |")
        path = " → ".join(f"`{p}`" for p in diag.path) or t["none"]
        lines += ["", f"## {t['path']}", "", path]
    lines += ["", f"## {t['cause']}", "", t["open"] if case.flow is not None else t["none"]]
    fact = case.question
    if fact is not None:
        lines += ["", f"## {t['next']}", "", f"{t['ask']}: {md_escape(fact.question.get(lang))} (`{fact.id}`)"]
    lines += tail
    lines += ["---", t["footer"], ""]
    return "\n".join(lines)


# -- widgets -------------------------------------------------------------------------------


def _lines(text: str) -> str:
    """Line breaks as newlines: terminals paste CR (or CR LF), which `clean` would drop."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class TicketArea(TextArea):
    """The text area the ticket is pasted into: pasted text loses its control characters."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = clean(_lines(event.text), limit=None)
        if result := self._replace_via_keyboard(text, *self.selection):
            self.move_cursor(result.end_location)
            self.focus()


class AnswerInput(Input):
    """The input for a date or an e-mail address the open question asks for."""


def _agent_bindings() -> list[Binding]:
    out = []
    for lang in ("de", "en"):
        t = lambda key, lang=lang: tr(lang, key)  # noqa: E731
        out += [
            Binding("ctrl+r", f"analyse('{lang}')", t("agent_k_analyse"), priority=True),
            Binding("ctrl+enter", f"analyse('{lang}')", t("agent_k_analyse"), show=False, priority=True),
            Binding("ctrl+s", f"save('{lang}')", t("k_save"), priority=True),
            Binding("ctrl+k", f"copy_reply('{lang}')", t("agent_k_copy"), priority=True),
            Binding("ctrl+b", f"back('{lang}')", t("k_back"), priority=True),
            Binding("ctrl+n", f"new_ticket('{lang}')", t("agent_k_new"), priority=True),
            Binding("escape", f"leave('{lang}')", t("agent_k_leave")),
            Binding("f1", f"help('{lang}')", t("k_help")),
            Binding("f2,ctrl+l", f"switch_lang('{lang}')", t("k_lang"), priority=True),
        ]
    return out


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

    BINDINGS = _agent_bindings()
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
        self.error = ""
        self.status = ""

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
            yield Vertical(id="agent-result")
        yield Footer()

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
        panel = self.query_one("#agent-result", Vertical)
        await panel.remove_children()
        case = self.case
        if case is None:
            self.query_one(TicketArea).remove_class("analysed")
            self.refresh_bindings()
            return
        self.query_one(TicketArea).add_class("analysed")
        try:
            widgets = self._result_widgets(case)
        except Exception as exc:  # the view never crashes on a ticket
            self.log.error(f"agent view: {exc!r}")
            widgets = [Static(Content.assemble(("✗ ", "bold"), tr(self.lang, "internal_error", text=f"{type(exc).__name__}: {exc}")),
                              classes="error", markup=False)]
        await panel.mount_all(widgets)
        self.refresh_bindings()
        if focus:
            self._focus_answer()

    def _focus_answer(self) -> None:
        body = self.query_one("#agent-body", VerticalScroll)
        panel = self.query_one("#agent-result", Vertical)
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

    def _result_widgets(self, case: AgentCase) -> list[Widget]:
        lang = self.lang
        out: list[Widget] = [self._topic_card(case)]
        out.append(self._facts_card(case))
        if case.question is not None:
            out.append(self._question_card(case, case.question))
        elif case.settled:
            out.append(self._cause_card(case))
        reply_head = Content.assemble(
            (f"{tr(lang, 'agent_reply')} ", "bold"),
            (f"({tr(lang, 'agent_in_lang', name=tr(lang, 'lang_' + case.lang))}) · {tr(lang, 'agent_reply_hint')}", "dim"),
        )
        out.append(Static(reply_head, classes="agent-subtitle", markup=False))
        reply = TextArea(case.reply, id="agent-reply", read_only=True, soft_wrap=True, show_line_numbers=False)
        reply.cursor_blink = False
        out.append(reply)
        out.append(Static(Content(self.status), id="agent-status", classes="muted", markup=False))
        return out

    def _topic_card(self, case: AgentCase) -> Widget:
        lang = self.lang
        match = case.result.match
        parts: list[Widget] = []
        if case.entry is not None:
            head = Content.assemble((f"{tr(lang, 'topic')}: ", "bold"), (case.entry.title.get(lang), "bold"))
        else:
            head = Content.assemble((f"{tr(lang, 'topic')}: ", "bold"), tr(lang, "agent_no_topic"))
        parts.append(Static(head, classes="title", markup=False))
        conf = f"{round(100 * match.confidence)}" + (" %" if lang == "de" else "%")
        outcome = tr(lang, f"agent_outcome_{match.outcome}")
        info = [match.id or "—", f"{tr(lang, 'agent_confidence')} {conf}", outcome,
                tr(lang, "agent_ticket_lang", name=tr(lang, "lang_" + case.lang))]
        parts.append(Static(Content(" · ".join(info)), classes="muted", markup=False))
        others = [c for c in match.candidates if c.id != match.id and self.kb.entry(c.id) is not None]
        if match.outcome in ("clarify", "no_match") and others:
            label = tr(lang, "agent_alternatives" if match.outcome == "clarify" else "agent_closest")
            parts.append(Static(Content.styled(label, "bold"), classes="agent-subtitle", markup=False))
            for cand in others[:3]:
                entry = self.kb.entry(cand.id)
                parts.append(_item("  •", f"{entry.title.get(lang)} ({cand.id}, {round(100 * cand.confidence)}"
                                   + (" %)" if lang == "de" else "%)")))
        return Vertical(*parts, classes="card agent-topic", id="agent-topic")

    def _facts_card(self, case: AgentCase) -> Widget:
        from faq.flows.values import display_value

        lang = self.lang
        parts: list[Widget] = [Static(Content.styled(tr(lang, "agent_facts"), "bold"), classes="title", markup=False)]
        flow = case.flow
        ticket_facts = [(k, v) for k, v in case.result.facts.items() if k not in case.answers]
        if flow is None:
            parts.append(_para(tr(lang, "agent_no_flow"), "muted"))
        elif not ticket_facts and not case.answers:
            parts.append(_para(tr(lang, "agent_no_facts"), "muted"))
        for fact_id, value in ticket_facts:
            fact = flow.fact(fact_id) if flow is not None else None
            asked = fact.question.get(lang) if fact is not None else fact_id
            parts.append(_item("  •", f"{asked} → ", bold_text=display_value(fact, value, lang)))
            words = " ".join(str(case.result.evidence.get(fact_id, "")).split())
            if words:
                quoted = f"„{words}“" if lang == "de" else f"\u201c{words}\u201d"
                parts.append(_item("", f"{tr(lang, 'agent_from')}: {quoted}", "evidence"))
        for fact_id, value in case.answers.items():
            fact = flow.fact(fact_id) if flow is not None else None
            asked = fact.question.get(lang) if fact is not None else fact_id
            parts.append(_item("  ✎", f"{asked} → ", "answered", bold_text=display_value(fact, value, lang)))
        for note in case.result.notes:
            parts.append(Static(Content.assemble((f"ℹ {tr(lang, 'note')}: ", "bold"), note), classes="note", markup=False))
        return Vertical(*parts, classes="card agent-facts", id="agent-facts")

    def _question_card(self, case: AgentCase, fact: Fact) -> Widget:
        from faq.flows.dates import DATE_FORMATS_HINT

        lang = self.lang
        number, at_most = case.progress()
        parts: list[Widget] = [
            Static(Content.assemble((f"{tr(lang, 'agent_open')} · ", "bold"),
                                    tr(lang, "question_of", n=number, m=at_most)), classes="progress", markup=False),
            Static(Content.styled(fact.question.get(lang), "bold"), classes="question", markup=False),
        ]
        if fact.help is not None:
            parts.append(Static(Content.assemble((f"ℹ {tr(lang, 'help')}: ", "bold"), fact.help.get(lang)),
                                classes="help", markup=False))
            parts.append(_para(tr(lang, "help_hint"), "muted hint"))
        if fact.type in ("date", "email"):
            hint = tr(lang, "date_hint", formats=DATE_FORMATS_HINT.get(lang, DATE_FORMATS_HINT["en"])) \
                if fact.type == "date" else tr(lang, "email_hint")
            parts.append(_para(hint, "muted"))
            placeholder = tr(lang, "placeholder_date" if fact.type == "date" else "placeholder_email")
            parts.append(AnswerInput(placeholder=placeholder, id="agent-answer", max_length=200, compact=True))
        if self.error:
            parts.append(Static(Content.assemble(("✗ ", "bold"), tr(lang, "bad_value", text=self.error)),
                                id="agent-error", classes="error", markup=False))
        parts.append(self._options(self._fact_options(case, fact), fact))
        return Vertical(*parts, classes="card flow agent-question", id="agent-question")

    def _fact_options(self, case: AgentCase, fact: Fact) -> tuple[Option, ...]:
        tail = (Option("action", "back"),) if case.answers else ()
        if fact.type == "yesno":
            return (Option("value", "ja", "yes"), Option("value", "nein", "no"), Option("value", "unbekannt", "unknown")) + tail
        if fact.type == "choice":
            return tuple(Option("value", c.id) for c in fact.choices) + (Option("value", "unbekannt", "unknown"),) + tail
        return (Option("value", "unbekannt", "unknown"),) + tail

    def _options(self, options: tuple[Option, ...], fact: Fact) -> Widget:
        letters = KEY_LETTERS.get(self.lang, KEY_LETTERS["de"])
        numbered = fact.type not in ("date", "email")
        buttons = []
        for i, option in enumerate(options):
            letter = letters.get(option.key, "") if option.kind == "value" and fact.type == "yesno" else ""
            hotkey = f"{letter}/{i + 1}" if letter else (str(i + 1) if numbered else "▸")
            buttons.append(OptionButton(option, i, option_label(option, self.kb, self.lang, fact), hotkey))
        return Horizontal(*buttons, classes="options row")

    def _cause_card(self, case: AgentCase) -> Widget:
        from faq.flows.engine import UNRESOLVED, fill

        lang = self.lang
        diag = case.diagnosis
        flow = case.flow
        res = diag.resolution
        title = fill(res.title.get(lang), diag, lang, flow)
        parts: list[Widget] = [
            Static(Content.assemble(("✔ ", "bold"), (f"{tr(lang, 'cause')}: ", "bold"), (title, "bold"),
                                    (f"  ({diag.cause})", "dim")), classes="title", markup=False),
            _para(fill(res.text.get(lang), diag, lang, flow)),
        ]
        if case.cause is None:
            parts.append(_para(tr(lang, "agent_not_proven"), "muted"))
        if diag.cause == UNRESOLVED:
            parts.append(_para(tr(lang, "unresolved"), "muted"))
        parts += steps_and_contact(res, diag, lang, flow)
        parts += possible_causes(diag, flow, lang)
        path = " → ".join(diag.path)
        if path:
            parts.append(Static(Content.assemble((f"{tr(lang, 'agent_path')}: ", "bold"), path), classes="muted", markup=False))
        if case.answers:
            parts.append(self._options((Option("action", "back"),), _NO_FACT))
        return Vertical(*parts, classes="card result agent-cause", id="agent-cause")

    # -- input -------------------------------------------------------------------------------

    @on(Button.Pressed, "#agent-run")
    async def _run_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_analyse()

    @on(Button.Pressed, "#agent-new")
    async def _new_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_new_ticket()

    @on(Button.Pressed, ".option")
    async def _option_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if isinstance(event.button, OptionButton):
            await self.pick(event.button.option)

    @on(Input.Submitted, "#agent-answer")
    async def _answer_submitted(self, event: Input.Submitted) -> None:
        event.stop()
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
        await self._render_result()

    async def _show_error(self) -> None:
        """Explain a bad value under the question; what was typed stays, to be corrected."""
        content = Content.assemble(("✗ ", "bold"), tr(self.lang, "bad_value", text=self.error))
        shown = self.query("#agent-error")
        if shown:
            shown.first(Static).update(content)
        else:
            card = self.query_one("#agent-question")
            error = Static(content, id="agent-error", classes="error", markup=False)
            await card.mount(error, before=card.query_one(".options"))
        for answer in self.query(AnswerInput):
            answer.focus(scroll_visible=False)
            answer.select_all()
        self.call_after_refresh(self._question_in_view)

    async def on_key(self, event: events.Key) -> None:
        """One-key answers (j/n/w, numbers) while the focus is not in a text field."""
        if isinstance(self.focused, (Input, TextArea)) and not (
            isinstance(self.focused, TextArea) and self.focused.read_only
        ):
            return
        if not event.character or not event.is_printable or self.case is None:
            return
        fact = self.case.question
        options: tuple[Option, ...] = ()
        if fact is not None:
            options = self._fact_options(self.case, fact)
        elif self.case.answers:
            options = (Option("action", "back"),)
        if not options:
            return
        char = event.character
        chosen = None
        if char.isdigit() and char != "0" and (fact is None or fact.type not in ("date", "email")):
            index = int(char) - 1
            if index < len(options):
                chosen = options[index]
        elif fact is not None and fact.type == "yesno" and _LETTERS.get(char.lower()):
            meaning = _LETTERS[char.lower()]
            chosen = next((o for o in options if o.key == meaning), None)
        if chosen is not None:
            event.stop()
            event.prevent_default()
            await self.pick(chosen)

    # -- actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if parameters and parameters[0] in ("de", "en"):
            if parameters[0] != self.lang:
                return False
            if action in ("save", "copy_reply"):
                return self.case is not None
            if action == "back":
                return bool(self.case is not None and self.case.answers)
        return True

    async def action_analyse(self, lang: str = "") -> None:
        """Triage the ticket in the text area."""
        area = self.query_one(TicketArea)
        shown = area.text
        raw = _lines(shown)
        text = clean(raw)
        if text != shown:  # what is shown is what was analysed: no control characters
            area.load_text(text)
        if not text.strip():
            self.case = None
            self.status = ""
            self.notify(tr(self.lang, "agent_empty"), severity="warning", markup=False)
            await self._render_result(focus=False)
            area.focus()
            return
        if len(raw) > len(text) and len(clean(raw, limit=None)) > len(text):
            size = f"{len(text):,}" if self.lang == "en" else f"{len(text):,}".replace(",", ".")
            self.notify(tr(self.lang, "agent_cut", n=size),
                        severity="warning", markup=False)
        try:
            self.case = AgentCase(text, self.kb, self.matcher, self.today)
        except Exception as exc:  # never crash on a ticket
            self.log.error(f"agent triage: {exc!r}")
            self.case = None
            self.notify(tr(self.lang, "internal_error", text=f"{type(exc).__name__}: {exc}"), severity="error",
                        markup=False)
        self.error = ""
        self.status = ""
        await self._render_result()

    async def action_new_ticket(self, lang: str = "") -> None:
        """Clear the ticket and the result for the next one."""
        self.case = None
        self.error = ""
        self.status = ""
        area = self.query_one(TicketArea)
        area.load_text("")
        await self._render_result(focus=False)
        self.query_one("#agent-body", VerticalScroll).scroll_home(animate=False)
        area.focus()

    async def action_back(self, lang: str = "") -> None:
        """Take back the agent's last answer."""
        if self.case is None or self.case.back() is None:
            return
        self.error = ""
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
        if self._shown_path is not None:
            shown = self._shown_path(path)
        else:
            shown = path.name if path.parent.resolve() == Path.cwd().resolve() else str(path)
        self._set_status(tr(self.lang, "saved", path=shown))

    def action_copy_reply(self, lang: str = "") -> None:
        """Copy the suggested reply to the clipboard (OSC 52)."""
        if self.case is None:
            self.notify(tr(self.lang, "agent_nothing"), severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(self.case.reply)
        self._set_status(tr(self.lang, "agent_copied"))

    def _set_status(self, text: str, severity: str = "information") -> None:
        self.status = text
        for status in self.query("#agent-status"):
            if isinstance(status, Static):
                status.update(Content(text))
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


@dataclass(frozen=True)
class _NoFact:
    type: str = "none"
    choices: tuple = ()


_NO_FACT: Any = _NoFact()
