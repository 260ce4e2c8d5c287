"""What the web page shows: the `Dialogue`'s items as plain view dicts for the templates.

Texts stay plain strings here; the templates escape every one of them (Jinja2
autoescape), so neither user input nor knowledge base text can become markup.
"""

from __future__ import annotations

import re
from typing import Any

from bot.chat.answers import confirm_text, left_line
from bot.chat.dialogue import (
    Answer,
    Clarify,
    Dialogue,
    FlowResult,
    FlowStep,
    Greeting,
    Item,
    NoMatch,
    Notice,
    SmallTalk,
    UserMessage,
)
from bot.chat.labels import WAIT_MARK, option_label, user_text
from bot.chat.slash import DIALOGUE_ACTIONS, slash_list
from faq.kb.model import Block
from faq.language.catalogue import tr

__all__ = ["composer", "focus_target", "item_views", "option_label", "plain_summary"]

WEB_ACTIONS = ("save", "copy", "show")
"""Result options the page offers as download links and a disclosure, not as buttons."""


def _item_lang(item: Item, lang: str) -> str:
    """The language an item is shown in: what answers a question keeps the question's."""
    pinned = getattr(item, "lang", "")  # answers, small talk, a diagnosis started from an English answer
    return pinned if pinned in ("de", "en") else lang


def _blocks(blocks: Any, lang: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in blocks:
        assert isinstance(block, Block)
        if block.kind == "text":
            out.append({"kind": "text", "text": block.text})
        elif block.kind in ("list", "steps"):
            out.append({"kind": block.kind, "items": list(block.items)})
        elif block.kind in ("important", "note"):
            out.append({"kind": block.kind, "label": tr(lang, block.kind), "text": block.text})
    return out


def _options(item: Item, dialogue: Dialogue, lang: str) -> list[dict[str, Any]]:
    fact = dialogue.current_fact if isinstance(item, (FlowStep, Notice)) else None
    lang = _item_lang(item, lang)
    out = []
    for i, option in enumerate(item.options):
        if option.kind == "action" and option.target in WEB_ACTIONS:
            continue
        secondary = option.kind in ("action", "none") or (option.kind == "entry" and isinstance(item, Answer))
        out.append({"index": i, "label": option_label(option, dialogue.kb, lang, fact), "secondary": secondary})
    return out


def item_views(dialogue: Dialogue, lang: str) -> list[dict[str, Any]]:
    """Return one view dict per item of the conversation; only the newest item's options are live."""
    live = dialogue.live_index
    last_result = max((i for i, it in enumerate(dialogue.items) if isinstance(it, FlowResult)), default=-1)
    if dialogue.flow_active:  # taken back after the result: its summary no longer holds
        last_result = -1
    views = []
    for i, item in enumerate(dialogue.items):
        view = _view(item, dialogue, lang)
        shown = _item_lang(item, lang)
        view["lang"] = shown if shown != lang else ""  # marks a card in the other language
        view["i"] = i
        view["live"] = i == live
        view["options"] = _options(item, dialogue, lang) if i == live else []
        if isinstance(item, Answer) and item.stated and i == live:  # the diagnosis takes what was written
            at = 1 if item.left else 0  # below the line naming the diagnosis a new problem ended
            view["body"].insert(at, {"kind": "muted", "text": tr(_item_lang(item, lang), "web_answer_stated_hint")})
        view["summary"] = i == last_result
        views.append(view)
    return views


def _view(item: Item, dialogue: Dialogue, lang: str) -> dict[str, Any]:
    kb = dialogue.kb
    if isinstance(item, UserMessage):
        return {"role": "user", "kind": "user", "text": user_text(item, kb, _item_lang(item, lang))}
    view: dict[str, Any] = {"role": "bot", "kind": "notice", "title": "", "body": [], "contact": ""}
    if isinstance(item, Greeting):
        view.update(kind="greeting", title=tr(lang, "app_title"),
                    body=[{"kind": "text", "text": tr(lang, "greeting")},
                          {"kind": "menu", "text": tr(lang, "web_greeting_how")}])
    elif isinstance(item, Answer):
        entry = kb.entry(item.entry_id)
        resume = item.resume_lang or lang  # the diagnosis's language
        lang = _item_lang(item, lang)  # an English question is answered in English
        if entry is not None:
            view.update(kind="answer", title=entry.question.get(lang), body=_blocks(entry.answer.get(lang, ()), lang))
            if entry.contact is not None:
                view["contact"] = entry.contact.get(lang)
            if item.left:  # a new problem told in place of an answer: the diagnosis it ended, named first
                view["body"].insert(0, {"kind": "muted", "text": left_line(kb, item.left, lang)})
            if item.aside:  # asked in place of an answer: the diagnosis's question follows, in its language
                view["after"] = tr(resume, "aside_resume")  # below the contact, right above that question
                view["after_lang"] = resume if resume != lang else ""
    elif isinstance(item, SmallTalk):
        view.update(_smalltalk(item, dialogue, _item_lang(item, lang)))
    elif isinstance(item, Clarify):
        view.update(kind="clarify", title=tr(_item_lang(item, lang), "clarify"))
    elif isinstance(item, NoMatch):
        lang = _item_lang(item, lang)
        body = [{"kind": "text", "text": tr(lang, "support")}]
        if item.closest:  # the heading right above its buttons
            body.append({"kind": "menu", "text": tr(lang, "closest")})
        view.update(kind="nomatch", title=tr(lang, "no_match"), body=body)
    elif isinstance(item, FlowStep):
        view.update(_flow_step(item, dialogue, _item_lang(item, lang)))
    elif isinstance(item, FlowResult):
        view.update(_flow_result(item, dialogue, _item_lang(item, lang)))
    elif isinstance(item, Notice):
        view.update(_notice(item, dialogue, _item_lang(item, lang)))
    return view


SMALLTALK_KEYS = {"greeting": "smalltalk_greeting", "thanks": "smalltalk_thanks", "goodbye": "web_smalltalk_goodbye",
                  "ack": "smalltalk_ack", "yesno": "web_smalltalk_yesno"}
"""The catalogue's reply to each kind of small talk (the terminal's goodbye names its quit key)."""


def _smalltalk(item: SmallTalk, dialogue: Dialogue, lang: str) -> dict[str, Any]:
    body = [{"kind": "text", "text": tr(lang, SMALLTALK_KEYS.get(item.kind, "smalltalk_greeting"))}]
    if dialogue.flow_active:  # the way back to the diagnosis: in its language, as its question
        flow_lang = dialogue.flow_lang
        body.append({"kind": "muted", "text": tr(flow_lang, "smalltalk_in_flow"), **({"lang": flow_lang} if flow_lang != lang else {})})
    return {"kind": "smalltalk", "body": body}


def _notice(item: Notice, dialogue: Dialogue, lang: str) -> dict[str, Any]:
    args = dict(item.args)
    kb = dialogue.kb
    if item.key == "flow_started":
        flow = kb.flow(args.get("flow", ""))
        text = tr(lang, "flow_started", flow=flow.title.get(lang) if flow else args.get("flow", ""))
    elif item.key == "restart":
        text = tr(lang, "restart_done")
    elif item.key == "back":
        fact = dialogue.run.flow.fact(args.get("fact", "")) if dialogue.run is not None else None
        text = tr(lang, "back_done", fact=fact.question.get(lang) if fact else args.get("fact", ""))
    elif item.key == "bad_value":
        return {"kind": "error", "body": [{"kind": "error", "text": tr(lang, "bad_value", text=item.text)},
                                          {"kind": "muted", "text": tr(lang, "web_bad_value_hint")}]}
    elif item.key == "open_choice":  # the answers it fits are its buttons
        return {"kind": "ambiguous", "body": [{"kind": "question", "text": item.text}]}
    elif item.key == "ambiguous_date":
        return {"kind": "ambiguous", "body": [{"kind": "text", "text": item.text},
                                              {"kind": "question", "text": tr(lang, "ambiguous_date_pick")}]}
    elif item.key == "confirm_stated":  # the question it answers, then "Sie schrieben: … – stimmt das?"
        flow = dialogue.kb.flow(args.get("flow", ""))
        fact = flow.fact(args.get("fact", "")) if flow is not None else None
        text = confirm_text(lang, fact, args["quote"], args.get("value", ""), dialogue.today, bool(args.get("rough"))) if "quote" in args else item.text
        asked = [{"kind": "question", "text": fact.question.get(lang)}] if fact is not None else []
        return {"kind": "notice", "body": [*asked, {"kind": "text", "text": text}]}
    elif item.key == "no_flow_offered":  # the web page's own words: no key lists the diagnoses
        text = tr(lang, "web_no_flow_offered")
    elif item.key == "case_told":  # the web page's own words: "Diagnose starten" below, no key
        text = tr(lang, "web_case_told")
    elif item.key == "slash_unknown":  # the web page's own words: it has buttons, no keys
        text = tr(lang, "web_slash_unknown", text=args.get("text", ""), commands=slash_list(lang, DIALOGUE_ACTIONS))
    elif item.key == "internal_error":
        return {"kind": "error", "body": [{"kind": "error", "text": tr(lang, "internal_error", text=item.text)}]}
    elif item.text:
        text = item.text
    else:
        text = tr(lang, item.key, **args)
    return {"kind": "notice", "body": [{"kind": "text", "text": text}]}


def _flow_step(item: FlowStep, dialogue: Dialogue, lang: str) -> dict[str, Any]:
    from faq.flows.dates import DATE_FORMATS_HINT

    flow = dialogue.kb.flow(item.flow_id)
    fact = flow.fact(item.fact_id) if flow else None
    if flow is None or fact is None:
        return {"kind": "flow", "title": item.fact_id}
    at_most = max(item.at_most, item.number)
    body: list[dict[str, Any]] = []
    if fact.type == "date":
        body.append({"kind": "muted", "text": tr(lang, "date_hint", formats=DATE_FORMATS_HINT.get(lang, DATE_FORMATS_HINT["en"]))})
    elif fact.type == "email":
        body.append({"kind": "muted", "text": tr(lang, "email_hint")})
    return {
        "kind": "flow",
        "flow_title": flow.title.get(lang),
        "progress": tr(lang, "question_of", n=item.number, m=at_most),
        "number": item.number,
        "at_most": at_most,
        "title": fact.question.get(lang),
        "body": body,
        "help": fact.help.get(lang) if fact.help is not None else "",
        "fact_type": fact.type,
    }


def _flow_result(item: FlowResult, dialogue: Dialogue, lang: str) -> dict[str, Any]:
    from faq.flows.engine import UNRESOLVED, fill
    from faq.flows.values import display_value

    flow = dialogue.kb.flow(item.flow_id)
    diag = item.diagnosis
    res = diag.resolution
    if flow is None or res is None:
        return {"kind": "result", "title": item.flow_id}
    body: list[dict[str, Any]] = [{"kind": "labelled", "label": tr(lang, "cause"), "text": fill(res.text.get(lang), diag, lang, flow)}]
    if diag.cause == UNRESOLVED:
        body.append({"kind": "muted", "text": tr(lang, "unresolved")})
    from faq.tickets.reply import other_reasons

    steps = []
    for step in res.steps.get(lang, ()):
        said = fill(step, diag, lang, flow)
        others = other_reasons(flow, diag, said, lang, dialogue.today)  # "die übrigen Gründe": named
        steps.append(f"{said.rstrip('.')}: {'; '.join(others)}." if others else said)
    if steps:
        body += [{"kind": "subtitle", "text": tr(lang, "todo")}, {"kind": "steps", "items": steps}]
    facts = []
    for fact_id, value in diag.facts.items():
        fact = flow.fact(fact_id)
        facts.append((fact.question.get(lang) if fact else fact_id, display_value(fact, value, lang)))
    possible = []
    for cause_id in diag.possible:
        cause = flow.cause(cause_id)
        possible.append(cause.resolution.title.get(lang) if cause else cause_id)
    return {
        "kind": "result",
        "title": f"{tr(lang, 'result')}: {fill(res.title.get(lang), diag, lang, flow)}",
        "body": body,
        "contact": fill(res.contact.get(lang), diag, lang, flow),
        # A wait is no one to contact: "Wie es weitergeht: Warten bis …", as in the terminal chat.
        **({"contact_label": tr(lang, "contact_wait"), "contact_icon": WAIT_MARK} if res.contact_kind == "wait" else {}),
        "facts_title": tr(lang, "based_on"),
        "facts": facts,
        "possible_title": tr(lang, "possible"),
        "possible": possible,
    }


def composer(dialogue: Dialogue, lang: str) -> dict[str, str]:
    """The text field below the conversation: its label, hint and input mode for what is asked now."""
    fact = dialogue.current_fact
    kind = getattr(fact, "type", "") if fact is not None else ""
    if dialogue.confirming:  # "Sie schrieben: … – stimmt das?" takes yes or no, whatever the fact's type
        kind = "yesno"
    # In the language of the conversation, as the answers and the "Sie:"/"You:" labels.
    spoken = dialogue.flow_lang if fact is not None else (dialogue.talk_lang or lang)
    view = {**_composer(kind, spoken), "lang": spoken if spoken != lang else ""}
    items = dialogue.items
    if (fact is not None and len(items) >= 2 and isinstance(items[-1], Notice) and items[-1].key == "bad_value"
            and isinstance(items[-2], UserMessage)):
        view["value"] = items[-2].text  # a rejected answer stays in the field to be corrected
    return view


def _composer(kind: str, lang: str) -> dict[str, str]:
    if kind == "date":
        return {"label": tr(lang, "web_label_date"), "hint": tr(lang, "placeholder_date"), "mode": "text", "kind": kind,
                "autocomplete": "off"}
    if kind == "email":
        return {"label": tr(lang, "web_label_email"), "hint": tr(lang, "placeholder_email"), "mode": "email",
                "kind": kind, "autocomplete": "email"}
    if kind:
        hint = tr(lang, "web_hint_yesno") if kind == "yesno" else ""
        return {"label": tr(lang, "web_label_answer"), "hint": hint, "mode": "text", "kind": kind, "autocomplete": "off"}
    return {"label": tr(lang, "web_label_question"), "hint": tr(lang, "web_hint_question"), "mode": "text", "kind": "",
            "autocomplete": "off"}


def focus_target(dialogue: Dialogue, views: list[dict[str, Any]]) -> str:
    """The element to focus when the page shows: "input", "option" (the newest item's first
    button) or "item" (the newest assistant message, so a screen reader reads it)."""
    if len(dialogue.items) <= 1:
        return "input"
    fact = dialogue.current_fact
    if fact is not None:
        if dialogue.date_readings or dialogue.confirming:
            return "option"
        if fact.type in ("date", "email"):
            return "input"
        return "option" if any(v["options"] for v in views) else "input"
    return "item"


_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|~])")


def plain_summary(markdown: str) -> str:
    """Turn the Markdown case summary into plain text: no escapes, emphasis or table rules."""
    lines: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("|---"):
            if lines and lines[-1].startswith("- "):
                lines.pop()  # the table's header row
            continue
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            line = f"{title}\n{('=' if markdown.startswith(line) else '-') * len(title)}"
        elif line.startswith("| ") and line.endswith(" |"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
            line = "- " + ": ".join(cells)
        line = line.replace("**", "").replace("`", "")
        lines.append(_MD_ESCAPE.sub(r"\1", line))
    return "\n".join(lines)
