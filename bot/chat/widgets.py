"""The chat's widgets: message bubbles, answer cards, flow questions, resolution cards.

Every text goes through `Content(...)` or `Content.assemble(...)`, which never parse
markup, so neither user input nor knowledge base text can carry live markup.
Notes and highlights carry a word label ("Wichtig:", "Hinweis:") as well as a style,
so nothing depends on colour alone (NO_COLOR).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from bot.chat.answers import confirm_text, left_line
from bot.chat.dialogue import Dialogue
from bot.chat.items import (
    Answer,
    Clarify,
    FlowResult,
    FlowStep,
    Greeting,
    Item,
    NoMatch,
    Notice,
    Option,
    SmallTalk,
    UserMessage,
)
from bot.chat.labels import WAIT_MARK, option_label, user_text
from bot.chat.slash import CHAT_ACTIONS, slash_list
from faq.kb.model import Block, KnowledgeBase
from faq.language.catalogue import tr

__all__ = ["KEY_LETTERS", "OptionButton", "contact_line", "option_label", "render_item", "result_title", "tr"]

KEY_LETTERS: dict[str, dict[str, str]] = {
    "de": {"yes": "j", "no": "n", "unknown": "w"},
    "en": {"yes": "y", "no": "n", "unknown": "u"},
}
"""The letter shown for each yes/no answer; both languages' letters are accepted."""


class OptionButton(Button):
    """A compact button for one numbered option."""

    def __init__(self, option: Option, index: int, label: str, hotkey: str = "") -> None:
        key = hotkey or str(index + 1)
        super().__init__(Content.assemble((f"{key}", "bold"), " ", label), compact=True, classes="option")
        self.option = option
        self.index = index


def _para(text: str, classes: str = "") -> Static:
    return Static(Content(text), classes=classes or "para", markup=False)


def _item(marker: str, text: str, classes: str = "bullet", bold_text: str = "") -> Horizontal:
    """One bullet or step with a hanging indent: the marker left, the text wrapped beside it."""
    body = Content.assemble(text, (bold_text, "bold")) if bold_text else Content(text)
    return Horizontal(
        Static(Content.styled(marker, "bold"), classes="marker", markup=False),
        Static(body, classes="item-text", markup=False),
        classes=f"item {classes}",
    )


def _blocks(blocks: Iterable[Block], lang: str) -> list[Widget]:
    out: list[Widget] = []
    for block in blocks:
        if block.kind == "text":
            out.append(_para(block.text))
        elif block.kind == "list":
            for item in block.items:
                out.append(_item("  •", item))
        elif block.kind == "steps":
            for n, item in enumerate(block.items, 1):
                out.append(_item(f"{n:>2}.", item, "step"))
        elif block.kind in ("important", "note"):
            mark = "⚠" if block.kind == "important" else "ℹ"
            label = f"{mark} {tr(lang, block.kind)}: "
            out.append(Static(Content.assemble((label, "bold"), block.text), classes=block.kind, markup=False))
    return out


def _options(options: tuple[Option, ...], kb: KnowledgeBase, lang: str, row: bool = False, fact: Any = None,
             numbered: bool = False) -> Widget:
    buttons = []
    letters = KEY_LETTERS.get(lang, KEY_LETTERS["de"])
    numbered = numbered or getattr(fact, "type", "") not in ("date", "email")
    for i, option in enumerate(options):
        hotkey = letters.get(option.key, "") if option.kind == "value" else ""
        hotkey = (f"{hotkey}/{i + 1}" if numbered else hotkey) if hotkey else ("" if numbered else "▸")  # no number on a date
        buttons.append(OptionButton(option, i, option_label(option, kb, lang, fact), hotkey))
    container = Horizontal(*buttons, classes="options row") if row else Vertical(*buttons, classes="options")
    return container


def _card(*children: Widget, classes: str = "") -> Vertical:
    return Vertical(*children, classes=f"card {classes}".strip())


def render_item(item: Item, dialogue: Dialogue, lang: str, live: bool) -> Widget:
    """Build the widget of one conversation item.

    Args:
        item: The item.
        dialogue: The conversation (for the knowledge base and the flow).
        lang: The language to show it in.
        live: Whether its options are the ones that can still be picked.
    """
    kb = dialogue.kb
    interface = lang
    pinned = getattr(item, "lang", "")
    if pinned in ("de", "en") and not isinstance(item, SmallTalk):  # in the language the user wrote in
        lang = pinned
    opts: list[Widget] = []
    fact = dialogue.current_fact
    row = isinstance(item, FlowStep) and getattr(fact, "type", "") == "yesno"  # short answers side by side
    if item.options and live:
        # Digits pick a reading of a date, and any option while a stated fact is confirmed.
        readings = isinstance(item, Notice) and (item.key in ("ambiguous_date", "open_choice") or dialogue.confirming)
        opts = [_options(item.options, kb, lang, row=row, fact=dialogue.current_fact, numbered=readings)]
    if isinstance(item, UserMessage):
        bubble = Static(Content.assemble((f"{tr(lang, 'you')}: ", "bold"), user_text(item, kb, lang)), classes="user",
                        markup=False)
        return bubble
    if isinstance(item, Greeting):
        return _card(
            Static(Content.styled(tr(lang, "app_title"), "bold"), classes="title", markup=False),
            _para(tr(lang, "greeting")),
            _para(tr(lang, "greeting_how")),
            *opts,
            classes="greeting",
        )
    if isinstance(item, Answer):
        entry = kb.entry(item.entry_id)
        if entry is None:
            return _card(_para(item.entry_id))
        parts: list[Widget] = [Static(Content.styled(entry.question.get(lang), "bold"), classes="title", markup=False)]
        if item.left:  # a new problem told in place of an answer: the diagnosis it ended, named first
            parts.insert(0, _para(left_line(kb, item.left, lang), "muted left"))
        parts += _blocks(entry.answer.get(lang, ()), lang)
        if entry.contact is not None:
            parts.append(
                Static(Content.assemble((f"☎ {tr(lang, 'contact')}: ", "bold"), entry.contact.get(lang)),
                       classes="contact", markup=False)
            )
        if item.stated and opts:  # right above the menu that starts the diagnosis: in view with it
            parts.append(_para(f"▸ {tr(lang, 'answer_stated_hint')}", "stated-hint"))
        if opts and any(o.kind == "entry" for o in item.options):
            parts.append(_para(tr(lang, "related"), "muted related"))
        if item.aside:  # asked in place of an answer: the diagnosis's question follows, in its language
            parts.append(_para(tr(item.resume_lang or interface, "aside_resume"), "muted aside"))
        return _card(*parts, *opts, classes="answer")  # the answer first, what follows after it
    if isinstance(item, SmallTalk):
        talk = item.lang or lang
        parts = [_para(tr(talk, f"smalltalk_{item.kind}"))]
        if dialogue.flow_active:  # the way back to the diagnosis: in its language, as its question
            parts.append(_para(tr(dialogue.flow_lang, "smalltalk_in_flow"), "muted"))
        return _card(*parts, *opts, classes="notice smalltalk")
    if isinstance(item, Clarify):
        return _card(_para(tr(lang, "clarify")), *opts, classes="clarify")
    if isinstance(item, NoMatch):
        parts = [_para(tr(lang, "no_match")), _para(tr(lang, "support"))]
        if item.closest:  # the heading right above its topics
            parts.append(_para(tr(lang, "closest")))
        return _card(*parts, *opts, classes="nomatch")
    if isinstance(item, FlowStep):
        return _flow_step(item, dialogue, lang, opts)
    if isinstance(item, FlowResult):
        return _flow_result(item, dialogue, lang, opts)
    if isinstance(item, Notice):
        return _notice(item, dialogue, lang, opts)
    return _para(str(item))


def _notice(item: Notice, dialogue: Dialogue, lang: str, opts: list[Widget]) -> Widget:
    kb = dialogue.kb
    args = dict(item.args)
    if item.key == "flow_started":
        flow = kb.flow(args.get("flow", ""))
        text = tr(lang, "flow_started", flow=flow.title.get(lang) if flow else args.get("flow", ""))
    elif item.key == "restart":
        text = tr(lang, "restart_done")
    elif item.key == "slash_unknown":  # the commands in the language it is shown in
        text = tr(lang, "slash_unknown", text=args.get("text", ""), commands=slash_list(lang, CHAT_ACTIONS))
    elif item.key == "back":
        fact = None
        if dialogue.run is not None:
            fact = dialogue.run.flow.fact(args.get("fact", ""))
        text = tr(lang, "back_done", fact=fact.question.get(lang) if fact else args.get("fact", ""))
    elif item.key == "bad_value":
        return _card(
            Static(Content.assemble(("✗ ", "bold"), tr(lang, "bad_value", text=item.text)), classes="error", markup=False),
            _para(tr(lang, "bad_value_hint"), "muted"),
            *opts,
            classes="notice",
        )
    elif item.key == "ambiguous_date":
        return _card(
            _para(item.text),
            Static(Content.styled(tr(lang, "ambiguous_date_pick"), "bold"), classes="question", markup=False),
            *opts,
            classes="notice ambiguous",
        )
    elif item.key == "open_choice":  # "„OSM“ passt zu mehr als einer Antwort – welche trifft zu?", those answers below
        return _card(Static(Content.styled(item.text, "bold"), classes="question", markup=False), *opts,
                     classes="notice ambiguous")
    elif item.key == "confirm_stated":  # the question it answers, then "Sie schrieben: … – stimmt das?"
        flow = dialogue.kb.flow(args.get("flow", ""))
        fact = flow.fact(args.get("fact", "")) if flow is not None else None
        text = confirm_text(lang, fact, args["quote"], args.get("value", ""), dialogue.today, bool(args.get("rough"))) if "quote" in args else item.text
        asked = [Static(Content.styled(fact.question.get(lang), "bold"), classes="question", markup=False)] if fact else []
        return _card(*asked, _para(text), *opts, classes="notice")
    elif item.key == "internal_error":
        return _card(
            Static(Content.assemble(("✗ ", "bold"), tr(lang, "internal_error", text=item.text)), classes="error", markup=False),
            *opts,
            classes="notice",
        )
    elif item.text:
        text = item.text
    else:
        text = tr(lang, item.key, **args)
    return _card(_para(text), *opts, classes="notice")


def _progress(number: int, at_most: int) -> str:
    at_most = max(at_most, number)
    return "●" * (number - 1) + "◉" + "○" * (at_most - number)


def _flow_step(item: FlowStep, dialogue: Dialogue, lang: str, opts: list[Widget]) -> Widget:
    from faq.flows.dates import DATE_FORMATS_HINT

    flow = dialogue.kb.flow(item.flow_id)
    fact = flow.fact(item.fact_id) if flow else None
    if flow is None or fact is None:
        return _card(_para(item.fact_id))
    head = Content.assemble(
        (f"{flow.title.get(lang)} · ", "bold"),
        tr(lang, "question_of", n=item.number, m=max(item.at_most, item.number)),
        "  ",
        _progress(item.number, item.at_most),
    )
    parts: list[Widget] = [
        Static(head, classes="progress", markup=False),
        Static(Content.styled(fact.question.get(lang), "bold"), classes="question", markup=False),
    ]
    if fact.type == "date":
        parts.append(_para(tr(lang, "date_hint", formats=DATE_FORMATS_HINT.get(lang, DATE_FORMATS_HINT["en"])), "muted"))
    elif fact.type == "email":
        parts.append(_para(tr(lang, "email_hint"), "muted"))
    if fact.help is not None:
        parts.append(
            Static(Content.assemble((f"ℹ {tr(lang, 'help')}: ", "bold"), fact.help.get(lang)), classes="help", markup=False)
        )
        if opts:
            parts.append(_para(tr(lang, "help_hint"), "muted hint"))
    return _card(*parts, *opts, classes="flow")


def possible_causes(diag: Any, flow: Any, lang: str) -> list[Widget]:
    """The causes an "unknown" answer left open, by title; nothing when there are none."""
    if not diag.possible:
        return []
    names = []
    for cause_id in diag.possible:
        cause = flow.cause(cause_id)
        names.append(cause.resolution.title.get(lang) if cause else cause_id)
    return [Static(Content.assemble((f"{tr(lang, 'possible')}: ", "bold"), "; ".join(names)),
                   classes="para", markup=False)]


def steps_and_contact(res: Any, diag: Any, lang: str, flow: Any, today: Any = None) -> list[Widget]:
    """The numbered steps of a resolution and whom to contact, templates filled; under a step that
    points to "die übrigen Gründe", the causes the facts leave open (all others without `today`)."""
    from faq.flows.engine import fill
    from faq.tickets.reply import other_reasons

    parts: list[Widget] = []
    steps = res.steps.get(lang, ())
    if steps:
        parts.append(Static(Content.styled(f"{tr(lang, 'todo')}:", "bold"), classes="subtitle", markup=False))
        for n, step in enumerate(steps, 1):
            said = fill(step, diag, lang, flow)
            others = other_reasons(flow, diag, said, lang, today)
            parts.append(_item(f"{n:>2}.", said.rstrip(".") + ":" if others else said, "step"))
            parts += [_item("  •", title, "step") for title in others]
    parts.append(contact_line(res, diag, lang, flow))
    return parts


def contact_line(res: Any, diag: Any, lang: str, flow: Any) -> Widget:
    """Whom to contact, labelled by what it is: a wait reads "Wie es weitergeht: Warten bis …",
    not "Ansprechpartner: Warten bis …"."""
    from faq.flows.engine import fill

    label = f"{WAIT_MARK} {tr(lang, 'contact_wait')}" if res.contact_kind == "wait" else f"☎ {tr(lang, 'contact')}"
    return Static(Content.assemble((f"{label}: ", "bold"), fill(res.contact.get(lang), diag, lang, flow)),
                  classes="contact", markup=False)


def result_title(diag: Any, lang: str, flow: Any, label_key: str = "result") -> Content:
    """The head line of a diagnosis: ✔ for a proven cause, ○ and "offen" when none is."""
    from faq.flows.engine import UNRESOLVED, fill

    title = fill(diag.resolution.title.get(lang), diag, lang, flow)
    if diag.cause == UNRESOLVED:
        return Content.assemble(("○ ", "bold"), (f"{tr(lang, 'agent_cause_open')}: ", "bold"), (title, "bold"))
    return Content.assemble(("✔ ", "bold"), (f"{tr(lang, label_key)}: ", "bold"), (title, "bold"))

def _flow_result(item: FlowResult, dialogue: Dialogue, lang: str, opts: list[Widget]) -> Widget:
    from faq.flows.engine import UNRESOLVED, fill
    from faq.flows.values import display_value

    flow = dialogue.kb.flow(item.flow_id)
    diag = item.diagnosis
    res = diag.resolution
    if flow is None or res is None:
        return _card(_para(item.flow_id))
    parts: list[Widget] = [
        Static(result_title(diag, lang, flow), classes="title", markup=False),
        Static(Content.assemble((f"{tr(lang, 'cause')}: ", "bold"), fill(res.text.get(lang), diag, lang, flow)),
               classes="para", markup=False),
    ]
    if diag.cause == UNRESOLVED:
        parts.append(_para(tr(lang, "unresolved"), "muted"))
    parts += steps_and_contact(res, diag, lang, flow, dialogue.today)
    if diag.facts:
        parts.append(Static(Content.styled(f"{tr(lang, 'based_on')}:", "bold"), classes="subtitle", markup=False))
        for fact_id, value in diag.facts.items():
            fact = flow.fact(fact_id)
            asked = fact.question.get(lang) if fact else fact_id
            parts.append(_item("  •", f"{asked} → ", bold_text=display_value(fact, value, lang)))
    parts += possible_causes(diag, flow, lang)
    open_case = " open" if diag.cause == UNRESOLVED else ""
    return _card(*parts, *opts, classes=f"result{open_case}")
