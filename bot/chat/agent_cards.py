"""The cards of the agent view's result panel, built from an `AgentCase`.

One function per card: the topic, the facts read from the ticket (with the words they
were read from), the open question with its answer control, the cause. Each takes the
case and the language, so another card (or more per fact) is added without touching
the screen. Ticket text is only ever shown through `Content`/`Static(markup=False)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from bot.chat.agent_case import AgentCase, confidence_words
from bot.chat.answers import fact_options as question_options
from bot.chat.chat_input import CleanInput
from bot.chat.dialogue import CLOSEST_MIN
from bot.chat.items import Option
from bot.chat.widgets import (
    KEY_LETTERS,
    OptionButton,
    _item,
    _para,
    option_label,
    possible_causes,
    result_title,
    steps_and_contact,
    tr,
)
from faq.kb.model import Fact, KnowledgeBase

__all__ = [
    "AnswerInput",
    "cause_card",
    "fact_options",
    "facts_card",
    "options_row",
    "question_card",
    "topic_card",
]


class AnswerInput(CleanInput):
    """The input the open question is answered in: a date, an e-mail address, or (as in the
    customer chat) a letter or number alone followed by Enter."""

    def notice_lang(self) -> str:
        """The agent view's language (its own, not the customer chat's)."""
        lang = getattr(self.screen, "lang", "de")
        return lang if lang in ("de", "en") else "de"


def topic_card(case: AgentCase, lang: str) -> Widget:
    """The topic found, its confidence in words that agree with the figure, the ticket's language; when no
    topic fits, the closest ones as the chat lists them (of at least `CLOSEST_MIN`)."""
    kb = case.kb
    match = case.result.match
    parts: list[Widget] = []
    if case.entry is not None:
        head = Content.assemble((f"{tr(lang, 'topic')}: ", "bold"), (case.entry.title.get(lang), "bold"))
    else:
        head = Content.assemble((f"{tr(lang, 'topic')}: ", "bold"), tr(lang, "agent_no_topic"))
    parts.append(Static(head, classes="title", markup=False))
    info = [confidence_words(match, lang), tr(lang, "agent_ticket_lang", name=tr(lang, "lang_" + case.lang))]
    parts.append(Static(Content(" · ".join(info)), classes="muted", markup=False))
    others = [c for c in match.candidates if c.id != match.id and kb.entry(c.id) is not None
              and (match.outcome == "clarify" or c.confidence >= CLOSEST_MIN)]  # as the chat: no "closest" at 0 %
    if match.outcome in ("clarify", "no_match") and others:
        label = tr(lang, "agent_alternatives" if match.outcome == "clarify" else "agent_closest")
        parts.append(Static(Content.styled(label, "bold"), classes="agent-subtitle", markup=False))
        for cand in others[:3]:
            entry = kb.entry(cand.id)
            if entry is None:
                continue
            parts.append(_item("  •", f"{entry.title.get(lang)} ({round(100 * cand.confidence)}"
                               + (" %)" if lang == "de" else "%)")))
    return Vertical(*parts, classes="card agent-topic", id="agent-topic")

def facts_card(case: AgentCase, lang: str) -> Widget:
    """The facts read from the ticket, each with the words it was read from, then the agent's answers."""
    from faq.flows.values import display_value

    parts: list[Widget] = [Static(Content.styled(tr(lang, "agent_facts"), "bold"), classes="title", markup=False)]
    flow = case.flow
    ticket_facts = [(k, v) for k, v in case.read.facts.items() if k not in case.answers]
    if case.entry is None:  # no topic: nothing to diagnose, and no FAQ answer to reply with
        parts.append(_para(tr(lang, "agent_no_topic_facts"), "muted"))
    elif flow is None:
        parts.append(_para(tr(lang, "agent_no_flow"), "muted"))
    elif not ticket_facts and not case.answers and not case.rejected:  # rejected ones were read: listed below
        parts.append(_para(tr(lang, "agent_no_facts"), "muted"))
    for fact_id, value in ticket_facts:
        fact = flow.fact(fact_id) if flow is not None else None
        asked = fact.question.get(lang) if fact is not None else fact_id
        parts.append(_item("  •", f"{asked} → ", bold_text=display_value(fact, value, lang)))
        words = " ".join(str(case.result.evidence.get(fact_id, "")).split())
        if words:
            quoted = f"„{words}“" if lang == "de" else f"\u201c{words}\u201d"
            parts.append(_item("", f"{tr(lang, 'agent_from')}: {quoted}", "evidence"))
        if fact_id in case.weak:
            parts.append(_item("", tr(lang, "agent_weak"), "muted"))
        parts.append(Button(tr(lang, "agent_reject"), id=f"reject-{fact_id}", classes="reject", compact=True))
    for fact_id in case.rejected:
        fact = flow.fact(fact_id) if flow is not None else None
        asked = fact.question.get(lang) if fact is not None else fact_id
        rejected = ("agent_rejected_corrected" if fact_id in case.answers  # the agent's answer stands below
                    else "agent_rejected_unneeded" if case.settled else "agent_rejected")  # settled: nothing is asked
        parts.append(_item("  ✗", f"{asked} → {tr(lang, rejected)}", "muted"))
    for fact_id, value in case.answers.items():
        fact = flow.fact(fact_id) if flow is not None else None
        asked = fact.question.get(lang) if fact is not None else fact_id
        parts.append(_item("  ✎", f"{asked} → ", "answered", bold_text=display_value(fact, value, lang)))
    for note in case.result.notes:
        parts.append(Static(Content.assemble((f"ℹ {tr(lang, 'note')}: ", "bold"), note), classes="note", markup=False))
    return Vertical(*parts, classes="card agent-facts", id="agent-facts")

def question_card(case: AgentCase, fact: Fact, lang: str, error: str = "", readings: tuple[str, ...] = ()) -> Widget:
    """The open question to put to the customer, with its answer control (and the two
    readings of an ambiguous date, when one was typed)."""
    from faq.flows.dates import DATE_FORMATS_HINT

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
    # One rule in both views: a letter or number picks an answer only with Enter, so a stray key
    # never answers for the customer.
    placeholder = tr(lang, {"date": "placeholder_date", "email": "placeholder_email", "yesno": "placeholder_yesno"}
                     .get(fact.type, "placeholder_choice"))
    parts.append(AnswerInput(placeholder=placeholder, id="agent-answer", max_length=200, compact=True))
    if error:
        parts.append(Static(Content.assemble(("✗ ", "bold"), tr(lang, "bad_value", text=error)),
                            id="agent-error", classes="error", markup=False))
    picks = tuple(Option("value", iso) for iso in readings)
    parts.append(options_row(picks + fact_options(case, fact), fact, case.kb, lang))
    return Vertical(*parts, classes="card flow agent-question", id="agent-question")

def fact_options(case: AgentCase, fact: Fact) -> tuple[Option, ...]:
    """The answers offered for the open question (and back, once the agent has answered or rejected a fact)."""
    return question_options(fact, can_go_back=False) + ((Option("action", "back"),) if case.steps else ())

def options_row(options: tuple[Option, ...], fact: Any, kb: KnowledgeBase, lang: str) -> Widget:
    """Numbered answer buttons in a row (j/n/w letters on a yes/no question)."""
    letters = KEY_LETTERS.get(lang, KEY_LETTERS["de"])
    numbered = fact.type not in ("date", "email")
    buttons = []
    for i, option in enumerate(options):
        letter = letters.get(option.key, "") if option.kind == "value" else ""  # j/n/w; w on a date too
        hotkey = (f"{letter}/{i + 1}" if numbered else letter) if letter else (str(i + 1) if numbered else "▸")
        buttons.append(OptionButton(option, i, option_label(option, kb, lang, fact), hotkey))
    return Horizontal(*buttons, classes="options row")

def cause_card(case: AgentCase, lang: str) -> Widget:
    """The settled diagnosis: ✔ and the cause when proven; ○ "Ursache offen" when no cause
    is, with the causes still possible instead of the customer-facing text."""
    from faq.flows.engine import UNRESOLVED, fill

    diag = case.diagnosis
    flow = case.flow
    if diag is None or diag.resolution is None:  # not settled: nothing to show
        return Vertical(id="agent-cause")
    res = diag.resolution
    open_case = diag.cause == UNRESOLVED
    parts: list[Widget] = [Static(result_title(diag, lang, flow, "cause"), classes="title", markup=False)]
    if open_case:
        # The flow's text for this case speaks to the customer in conditions ("if your
        # reservation is less than 25 hours old"); the agent gets what is known instead.
        parts.append(_para(tr(lang, "agent_unresolved_hint"), "muted"))
        parts += possible_causes(diag, flow, lang)
    else:
        parts.append(_para(fill(res.text.get(lang), diag, lang, flow)))
        if case.cause is None:
            parts.append(_para(tr(lang, "agent_not_proven"), "muted"))
    parts += steps_and_contact(res, diag, lang, flow, case.today)
    if case.steps:
        parts.append(options_row((Option("action", "back"),), _NO_FACT, case.kb, lang))
    classes = "card result agent-cause" + (" open" if open_case else "")
    return Vertical(*parts, classes=classes, id="agent-cause")

# -- input -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _NoFact:
    type: str = "none"
    choices: tuple = ()


_NO_FACT: Any = _NoFact()
