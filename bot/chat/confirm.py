"""The user's reply to a stated fact shown for confirmation ("Sie schrieben: … – stimmt das?").

A diagnosis shows what the user already wrote, with what was read from it, and asks whether
it is right. Yes takes it. A reply that states the fact again with another value ("Nein, die
Adresse ist max@outlook.com") takes that value: it was given in answer to this very question,
and asking it again would ignore it; so does a value of the fact typed alone ("15.11.2026"
to a date read as the 20th). A question is answered and the confirmation stays open;
anything else asks the question as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.chat.answers import reply_word, stated_facts
from bot.chat.aside import aside, aside_entry, lookup, tells_new_problem
from bot.chat.items import Item, canonical
from bot.chat.smalltalk import smalltalk
from faq.errors import InputError
from faq.flows.values import parse_yesno

if TYPE_CHECKING:
    from bot.chat.dialogue import Dialogue
    from faq.kb.model import Fact

__all__ = ["confirm"]


def confirm(d: Dialogue, fact: Fact, text: str, pick: str = "") -> list[Item]:
    """Handle `text` (or the option `pick`) as the reply to the confirmation of `fact`."""
    from bot.chat.flowrun import FREE_ANSWER_WORDS

    run = d.run
    assert run is not None
    word = reply_word(text)
    try:
        yes = parse_yesno(text, fact.id, d.flow_lang) is True
    except InputError:  # "Ja, stimmt", "yes, that's right", "ok", "passt"
        talk = smalltalk(text, d.talk_lang or d.lang)
        yes = word == "ja" or (talk is not None and talk[0] == "ack")
    if yes:  # the transcript shows the yes as given ("ok", "Ja, stimmt"; a picked button by its label)
        return d._apply_answer(fact.id, run.stated[fact.id][0], text, pick)
    match = lookup(d, text)  # one run of the matcher, shared
    if word is None and tells_new_problem(d, text, match):  # another diagnosis's problem: this one ends
        return d.new_problem(text, match)
    if word is None and (found := aside_entry(d, text, match))[0]:  # a question: the confirmation stays open
        return aside(d, text, *found)
    if not pick and word != "unbekannt":
        said = stated_facts(text, run.flow, d.kb, d.today, d.flow_lang).get(fact.id)
        if said is not None and canonical(said[0]) != canonical(run.stated[fact.id][0]):
            run.stated.pop(fact.id)
            if len(text.split()) >= FREE_ANSWER_WORDS:  # the other facts it states, to be confirmed
                d._tell(text, besides=fact.id)
            return d._apply_answer(fact.id, said[0], text)
    d._emit({"type": "decline", "fact": fact.id, "text": text, **({"pick": pick} if pick else {})})
    run.declined.add(fact.id)
    run.asking = fact.id
    if not pick and word is None and fact.type != "yesno" and _reads_as_value(d, fact, text):
        run.confirming = None  # "15.11.2026" to "ich verstehe: 20. Dezember 2026": the value meant instead
        return d.answer_text(text)
    return d._add(d.user_message(text, pick, fact.id), *d._step())


def _reads_as_value(d: Dialogue, fact: Fact, text: str) -> bool:
    """Whether `text` is a value of `fact` typed alone (a date, an address, a choice): the
    answer to its question, which would otherwise be asked right after."""
    from bot.chat.answers import read_answer
    from faq.flows.dates import AmbiguousDate

    run = d.run
    assert run is not None
    try:
        read_answer(run.flow, run.facts, fact, text, d.today, d.flow_lang)
    except AmbiguousDate:
        return True  # its two readings are offered as for a date typed to the question
    except InputError:
        return False
    return True
