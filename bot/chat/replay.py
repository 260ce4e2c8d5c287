"""Replaying a recorded conversation: each event of `Dialogue`'s record applied again.

`--resume` and the web's conversation store rebuild a `Dialogue` this way; an unknown or
stale event (a flow or fact the knowledge base no longer has) is skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.chat.items import Item, UserMessage, canonical
from faq.errors import FaqError
from faq.language.text import clean

if TYPE_CHECKING:
    from bot.chat.dialogue import Dialogue

__all__ = ["apply_event"]


def apply_event(d: Dialogue, event: Mapping[str, Any]) -> list[Item]:
    """Apply one recorded event to `d`; return the items it added."""
    kind = event.get("type")
    try:
        if kind == "ask":  # "left": a new problem told in place of an answer ended the diagnosis
            text = str(event.get("text", ""))
            return d.new_problem(text) if event.get("left") and d.flow_active else d.ask(text)
        if kind == "pick":
            return d.show_entry(str(event.get("entry", "")))
        if kind == "none":
            return d.none_of_these()
        if kind == "flow":
            return d.start_flow(str(event.get("flow", "")))
        if kind == "answer":
            return _answer(d, event)
        if kind == "decline" and d.run is not None:
            fact_id = str(event.get("fact", ""))
            d.run.declined.add(fact_id)
            d.run.asking = fact_id
            said = clean(str(event.get("text", ""))).strip()  # what the user answered (older events: nothing)
            user = d.user_message(said, str(event.get("pick", "")), fact_id)
            return d._add(*((user,) if said else ()), *d._step())
        if kind == "aside" and d.flow_active:  # a question asked in place of an answer
            from bot.chat.aside import aside, pending_readings

            return aside(d, clean(str(event.get("text", ""))).strip(), str(event.get("entry", "")),
                         str(event.get("lang", d.flow_lang)),
                         pending_readings(d, event.get("readings"), clean(str(event.get("reason", "")))))
        if kind == "tell" and d.run is not None:
            return _tell(d, clean(str(event.get("text", ""))).strip())
        if kind == "back":
            return d.back()
        if kind == "restart":
            return d.restart()
        if kind == "cancel":
            return d.cancel()
        if kind == "talk":  # an answer written in the other language: the diagnosis followed it
            d.follow(str(event.get("lang", "")))
        if kind == "lang":
            d.set_lang(str(event.get("lang", "de")))
    except FaqError:
        return []
    return []


def _tell(d: Dialogue, said: str) -> list[Item]:
    """An answer that was a sentence: its facts stated again; when it answered the question
    asked, the recorded answer follows (nothing shown here)."""
    from bot.chat.flowrun import Run

    run = d.run
    assert isinstance(run, Run)
    d._tell(said)
    asked = d.current_fact
    if asked is not None and run.confirming is None and asked.id in run.stated:
        from bot.chat.flowrun import rough_again

        if (notice := rough_again(run, asked.id, d.today)) is not None:  # told roughly again: no answer followed
            return d._add(UserMessage(said, lang=run.lang), notice, *d._step())
        run.stated.pop(asked.id)
        return []
    return d._add(UserMessage(said, lang=run.lang), *d._step())


def _answer(d: Dialogue, event: Mapping[str, Any]) -> list[Item]:
    from bot.chat.flowrun import FREE_ANSWER_WORDS
    from faq.flows.values import parse_value

    fact = d.current_fact
    if fact is None or fact.id != event.get("fact"):
        run = d.run
        fact = run.flow.fact(str(event.get("fact"))) if run is not None else None
        if fact is None:
            return []
    value = parse_value(fact, str(event.get("value", "")), d.today, "en", months=True)
    stated = d.run.stated.get(fact.id) if d.run is not None else None
    if stated is not None and canonical(stated[0]) == canonical(value):
        value = stated[0]  # the value as read from what the user wrote: a rough date stays approximate
    said = clean(str(event.get("text", event.get("value", ""))))
    if len(said.split()) >= FREE_ANSWER_WORDS:  # the other facts it stated, as when it was typed
        d._tell(said, besides=fact.id)
    return d._apply_answer(fact.id, value, said, str(event.get("pick", "")))
