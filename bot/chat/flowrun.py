"""The running diagnosis of a conversation: its state (`Run`), its next step (a stated fact
to confirm, a question, the result) and the answers it takes, typed or picked.

Functions of a `bot.chat.dialogue.Dialogue`, which delegates to them: the dialogue holds the
conversation, this module what a diagnosis within it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.chat.answers import (
    UNKNOWN_TARGET,
    confirm_text,
    fact_options,
    future_message,
    open_choices,
    read_answer,
    stated_facts,
    unknown_key,
)
from bot.chat.aside import aside, aside_entry, lookup, tells_new_problem
from bot.chat.items import FlowResult, FlowStep, Item, Notice, Option, UserMessage, canonical
from faq.errors import InputError
from faq.kb.model import Fact, Flow
from faq.language.catalogue import tr
from faq.language.normalize import clear_language
from faq.language.text import clean

if TYPE_CHECKING:
    from bot.chat.dialogue import Dialogue

__all__ = ["FREE_ANSWER_WORDS", "Run", "answer_text", "apply_answer", "first_to_confirm", "rough_again", "step", "tell", "too_rough"]

FREE_ANSWER_WORDS = 4
"""An answer of this many words or more is also read for other facts the user states in it."""


@dataclass
class Run:
    """The running (or last) diagnosis: its flow, the facts given and stated, what is asked now."""

    flow: Flow
    question: str
    facts: dict[str, Any] = field(default_factory=dict)
    diagnosis: Any = None
    stated: dict[str, tuple[Any, str]] = field(default_factory=dict)  # read from the question: value, words
    declined: set[str] = field(default_factory=set)  # stated facts the user did not confirm
    confirming: str | None = None  # the stated fact shown for confirmation now
    asking: str | None = None  # a stated fact the user did not confirm: its question comes next
    lang: str = ""  # the conversation's language when it differs from the interface's ("" = the interface's)


def step(d: Dialogue) -> list[Item]:
    """The next step of the running diagnosis: a stated fact to confirm, a question, or the result."""
    from faq.flows.dates import RoughDate
    from faq.flows.engine import diagnose, relevant_facts
    from faq.flows.outcomes import rough_decides

    run = d.run
    assert run is not None
    diag = diagnose(run.flow, run.facts, d.today)
    run.diagnosis = diag
    run.confirming, asking, run.asking = None, run.asking, None
    relevant = [] if diag.next_fact is None else relevant_facts(run.flow, run.facts, d.today)
    stated = [f for f in relevant if f.id in run.stated and f.id not in run.declined]
    told = {f.id: run.stated[f.id][0] for f in stated if not isinstance(run.stated[f.id][0], RoughDate)}

    def decides(fact_id: str, known: dict[str, Any]) -> bool:
        others = {k: v for k, v in known.items() if k != fact_id}
        return rough_decides(run.flow, others, fact_id, run.stated[fact_id][0], d.today)

    # A rough date is judged as the ticket reader judges it, against all the user told (the answers given and
    # the facts stated and not declined): "vor etwa zwei Tagen" beside an outlook.com address decides nothing
    # the address does not. Confirmed only once what it rests on is: until then the others are shown first.
    rough = next((f for f in stated if not decides(f.id, {**run.facts, **told})), None)
    if rough is not None and all(f.id != asking for f in relevant):
        # "vor etwa fünf Monaten" where its earliest and latest day decide differently: its exact day is asked.
        run.declined.add(rough.id)
        run.asking = rough.id
        return [too_rough(run, rough.id), *step(d)]
    stated = [f for f in stated if decides(f.id, run.facts)
              and len(open_choices(f, run.stated[f.id][0], run.stated[f.id][1])) < 2]  # "ich bin der OSM": asked
    if stated and all(f.id != asking for f in relevant):
        # Stated in the user's own words: shown for confirmation, first, not asked again.
        fact = first_to_confirm(run, stated, d.today)
        value, quote = run.stated[fact.id]
        run.confirming = fact.id
        tail = (Option("action", "back"), Option("action", "restart")) if run.facts else ()
        options = (Option("value", "ja", "yes"), Option("value", "nein", "no")) + tail
        args = {"fact": fact.id, "quote": quote, "flow": run.flow.id, "value": canonical(value),
                **({"rough": "yes"} if isinstance(value, RoughDate) else {})}
        return [Notice("confirm_stated", args, text=confirm_text(d.flow_lang, fact, quote, args["value"], d.today,
                                                                 bool(args.get("rough"))),
                       options=options, lang=run.lang)]
    if diag.next_fact is not None:  # after "Nein" to "Sie schrieben: …", that question itself
        fact = next((f for f in relevant if f.id == asking), diag.next_fact)
        run.asking = asking if fact.id == asking else None
        return [FlowStep(run.flow.id, fact.id, len(run.facts) + 1, len(run.facts) + len(relevant),
                         fact_options(fact, bool(run.facts)), lang=run.lang)]
    actions = tuple(Option("action", a) for a in ("show", "save", "copy", "back", "restart"))
    return [FlowResult(run.flow.id, diag, run.question, actions, lang=run.lang)]


def too_rough(run: Run, fact_id: str) -> Notice:
    """The notice that the date the user told roughly for `fact_id` is too rough to decide here,
    quoting their words (user text: control characters stripped, shown as text, never markup)."""
    value, quote = run.stated[fact_id]
    words = getattr(value, "words", "") or quote
    return Notice("date_too_rough", {"fact": fact_id, "words": " ".join(clean(words).split())}, lang=run.lang)


def rough_again(run: Run, fact_id: str, today: date) -> Notice | None:
    """The `too_rough` notice when the date just told for the asked `fact_id` is again too rough to decide
    (it is then dropped: the exact day is asked again); None when it may be taken."""
    from faq.flows.outcomes import rough_decides

    if rough_decides(run.flow, run.facts, fact_id, run.stated[fact_id][0], today):
        return None
    notice = too_rough(run, fact_id)
    run.stated.pop(fact_id)
    return notice


def first_to_confirm(run: Run, stated: list[Fact], today: date) -> Fact:
    """The stated fact to show for confirmation first: one that settles on its own (with the
    answers given) the cause that all the stated facts together settle, so that a case the user
    has told whole ends at its first "Ja"; else the first the flow would ask (`stated`, in the
    flow's order, is never empty)."""
    from faq.flows.engine import diagnose

    told = {f.id: run.stated[f.id][0] for f in stated}
    aim = diagnose(run.flow, {**run.facts, **told}, today).cause
    if aim is None or aim == "unresolved":
        return stated[0]
    return next((f for f in stated if diagnose(run.flow, {**run.facts, f.id: told[f.id]}, today).cause == aim),
                stated[0])


def answer_text(d: Dialogue, raw: str, shown: str | None = None, pick: str = "") -> list[Item]:
    """Answer the open question with what the user typed or picked (`pick`: the option's value).

    A value the fact does not accept adds a Notice with the reason, and the
    question stays open.
    """
    from faq.flows.dates import AmbiguousDate

    fact = d.current_fact
    if fact is None or d.run is None:
        return d.ask(raw)
    said = clean(raw)  # the matcher's guess settles a sentence with too few marker words ("Laut Bestellung beginnt die Nutzung am …")
    heard = clear_language(said, d.matcher.detect_language(said)) if not pick and shown is None else None
    if heard is not None and heard != d.flow_lang:  # a sentence clearly in the other language: followed
        d._emit({"type": "talk", "lang": heard})
        d.follow(heard)
    if d.run.confirming == fact.id:
        from bot.chat.confirm import confirm

        return confirm(d, fact, clean(raw).strip(), pick)
    from faq.flows.values import future_allowed

    text = clean(raw).strip()
    options = fact_options(fact, bool(d.run.facts))
    if not pick and unknown_key(text, options):  # "w" where "Weiß nicht" is offered: that button
        text = pick = UNKNOWN_TARGET
    lang, pinned = d.flow_lang, d.run.lang
    user = UserMessage(text, lang=pinned)

    def bad(message: str, key: str = "bad_value", offered: tuple[Option, ...] = options) -> list[Item]:
        return d._add(user, Notice(key, {"fact": fact.id}, text=message, options=offered, lang=pinned))

    def which(left: tuple[str, ...]) -> list[Item]:
        """ "Ich bin der OSM" to a question that offers the OSM with and without a permission: asked which,
        those answers offered (nothing recorded: the question stays open, as for a refused value)."""
        offered = tuple(o for o in options if o.kind != "value" or o.target in left or o.target == UNKNOWN_TARGET)
        return bad(tr(lang, "answer_open_choice", text=text), "open_choice", offered)

    try:
        value = read_answer(d.run.flow, d.run.facts, fact, text, d.today, lang)
    except AmbiguousDate as exc:
        possible = [day for day in exc.readings if day <= d.today or future_allowed(d.run.flow, fact.id)]
        if len(possible) == 1:  # the other reading lies in the future: no real choice
            return apply_answer(d, fact.id, possible[0], text)
        if not possible:  # both lie in the future
            return bad(future_message(text, min(exc.readings), d.today, lang))
        readings = tuple(Option("value", day.isoformat()) for day in possible)
        return bad(exc.reason, "ambiguous_date", readings + options[1:])  # a customer never sees fact names
    except InputError as exc:
        match = lookup(d, text)  # one run of the matcher for the checks below and the answer
        if tells_new_problem(d, text, match):  # another diagnosis's problem: this one ends, that one is offered
            return d.new_problem(text, match)
        if (found := aside_entry(d, text, match))[0]:  # a question instead of an answer: answered, then asked again
            return aside(d, text, *found)
        if len(text.split()) < 2 or not tell(d, text):
            return bad(exc.reason)
        if fact.id in d.run.stated and len(left := open_choices(fact, d.run.stated[fact.id][0], text)) > 1:
            d.run.stated.pop(fact.id)
            return which(left)
        # A sentence, not a value: what it states is shown for confirmation; what it says to
        # the question asked is taken as the answer, as strictly as a value typed alone.
        d._emit({"type": "tell", "text": text})
        if fact.id not in d.run.stated:
            return d._add(user, *d._step())
        if (notice := rough_again(d.run, fact.id, d.today)) is not None:  # told roughly again
            return d._add(user, notice, *d._step())
        said = canonical(d.run.stated.pop(fact.id)[0])
        try:
            value = read_answer(d.run.flow, d.run.facts, fact, said, d.today, lang)
        except InputError as again:
            return bad(again.reason)
    if not pick and shown is None and len(left := open_choices(fact, value, text)) > 1:
        return which(left)
    if shown is None and len(text.split()) >= FREE_ANSWER_WORDS:
        tell(d, text, besides=fact.id)  # "Ja, und die Domäne ist auch verifiziert"
    return apply_answer(d, fact.id, value, shown or text, pick)


def tell(d: Dialogue, text: str, besides: str = "") -> bool:
    """Read the facts the user states in `text` (an answer that is a sentence) as stated
    facts of the running diagnosis, to be confirmed; return whether it stated any that are
    still open (other than `besides`)."""
    run = d.run
    if run is None:
        return False
    found = {k: v for k, v in stated_facts(text, run.flow, d.kb, d.today, d.flow_lang).items()
             if k not in run.facts and k != besides}
    run.stated.update(found)
    run.declined -= set(found)  # said again: shown for confirmation again
    return bool(found)


def apply_answer(d: Dialogue, fact_id: str, value: Any, shown: str, pick: str = "") -> list[Item]:
    """Take `value` as the answer to `fact_id` and go on."""
    run = d.run
    assert run is not None
    d._emit({"type": "answer", "fact": fact_id, "value": canonical(value), "text": shown,
                **({"pick": pick} if pick else {})})
    run.facts[fact_id] = value
    return d._add(d.user_message(shown, pick, fact_id), *d._step())
