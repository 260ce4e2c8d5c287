"""A question asked in place of an answer: answered from the FAQ, then the diagnosis goes on.

While a diagnosis waits for a date, an address or a yes/no, a customer may ask something
instead ("Wer ist der OSM?", "How long is the link valid?"). What is not a valid answer
but reads as a question the FAQ answers confidently is answered briefly (the entry alone,
no topics to pick), and the open question is asked again: nothing taken, nothing lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial
from typing import TYPE_CHECKING

from bot.chat.items import Answer, Item, Notice, Option, UserMessage
from faq.language.lexicon import folded
from faq.language.normalize import clear_language, fold

if TYPE_CHECKING:
    from bot.chat.dialogue import Dialogue
    from faq.search.results import MatchResult

__all__ = ["Lookup", "aside", "aside_entry", "lookup", "pending_readings", "reads_as_question", "tells_new_problem"]

_WORD = re.compile(r"\w+")

Lookup = Callable[[], "MatchResult"]
"""The matcher's verdict on one message, found when first asked for."""


def lookup(d: Dialogue, text: str) -> Lookup:
    """The matcher's verdict on `text`, run at the first call and kept: the checks of a message typed
    in place of an answer (a new problem? a question?) and the answer it then gets share one run."""
    return cache(partial(d.matcher.match, text))


def reads_as_question(text: str, fact_type: str = "") -> bool:
    """Whether `text` is put as a question: it opens with a question word or a verb that opens
    a question ("Wer ist ...", "Is the link ..."), or it ends with a question mark and does not
    look like a try at the value asked (a digit for a date, an @ for an address: "or 10 Tagen?"
    is a date mistyped, not a question)."""
    first = _WORD.search(fold(text))
    if first is not None and first.group() in folded("interrogatives") | folded("question_openers"):
        return True
    value_like = (fact_type == "date" and any(c.isdigit() for c in text)) or (fact_type == "email" and "@" in text)
    return text.rstrip().endswith("?") and not value_like


def aside_entry(d: Dialogue, text: str, match: Lookup | None = None) -> tuple[str, str]:
    """The FAQ entry that answers `text` confidently when it reads as a question, or states a
    problem of another topic ("Also our licenses went to the wrong account"), and the language to
    answer in (("", "") otherwise: neither, the matcher not sure). `match`: the matcher's verdict
    on `text` when it is asked for elsewhere too (`lookup`)."""
    fact = d.current_fact
    asks = reads_as_question(text, fact.type if fact is not None and not d.confirming else "")
    if not asks and (not _states(text) or _goes_on(d, text)):
        return "", ""
    result = (match or lookup(d, text))()
    own = d.run.flow.entry if d.run is not None else ""
    if result.outcome == "answer" and result.id and d.kb.entry(result.id) is not None and (asks or result.id != own):
        return result.id, clear_language(text, result.lang) or d.flow_lang
    return "", ""


def _goes_on(d: Dialogue, text: str, shared: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether `text` states a fact the running diagnosis still asks for, other than those in
    `shared` (the facts another diagnosis asks too, such as the usage start): it tells this case."""
    from bot.chat.answers import stated_facts

    run = d.run
    said = set(stated_facts(text, run.flow, d.kb, d.today, d.flow_lang)) if run is not None else set()
    return run is not None and bool(said - set(run.facts) - shared)


def _states(text: str) -> bool:
    """Whether `text` states something: a sentence of a few words not put as a question."""
    from bot.chat.flowrun import FREE_ANSWER_WORDS
    from faq.language.focus import sentences

    return any(len(s.split()) >= FREE_ANSWER_WORDS and not reads_as_question(s) for s in sentences(text))


def tells_new_problem(d: Dialogue, text: str, match: Lookup | None = None) -> bool:
    """Whether `text`, typed in place of an answer, tells a new problem: it states something (a
    sentence of a few words not put as a question), nothing the running diagnosis still asks, and
    the FAQ answers it confidently with the topic of another diagnosis ("Außerdem sehen wir keine
    Lizenzen im Admin Center" while the missing mail is diagnosed). A question alone ("Wie lange
    ist der Link gültig?") is an aside; the diagnosis goes on after it. A fact both diagnoses ask
    (a usage start told beside the new problem) goes with the new one. `match`: as for `aside_entry`."""
    run = d.run
    if run is None or not _states(text):
        return False
    result = (match or lookup(d, text))()
    entry = d.kb.entry(result.id) if result.outcome == "answer" and result.id else None
    other = d.kb.flow(entry.flow) if entry is not None and entry.flow and entry.flow != run.flow.id else None
    return other is not None and not _goes_on(d, text, {f.id for f in other.facts})


def aside(d: Dialogue, text: str, entry_id: str, lang: str, pending: Notice | None = None) -> list[Item]:
    """Answer `text` with the entry `entry_id` in `lang` (the language it is written in), then
    ask the open question of the running diagnosis again (recorded: a resumed chat shows it too).

    One rule for the languages: the answer follows the question's, as every answer does, and
    so do the line leading back ("Zurück zur Diagnose: …") and the diagnosis from then on.

    The readings of an ambiguous date the user was to pick from when asking (`pending`, or the
    notice offering them now) are offered again after that question: the choice is not lost.
    """
    run = d.run
    assert run is not None
    live = d.items[d.live_index] if d.live_index >= 0 else None
    if pending is None and d.date_readings and isinstance(live, Notice):
        pending = live
    readings = [o.target for o in pending.options if o.kind == "value"] if pending is not None else []
    d.follow(lang)
    d._emit({"type": "aside", "text": text, "entry": entry_id, "lang": lang,
             **({"readings": readings, "reason": pending.text} if pending is not None else {})})
    answer = Answer(entry_id, lang=d._pin(lang), aside=True, resume_lang=run.lang)  # the way back: as the question
    again = (Notice(pending.key, dict(pending.args), text=pending.text, options=pending.options, lang=run.lang),) \
        if pending is not None else ()
    return d._add(UserMessage(text, lang=d._pin(lang)), answer, *d._step(), *again)  # the user's words: their own language


def pending_readings(d: Dialogue, readings: object, reason: object) -> Notice | None:
    """The notice offering an ambiguous date's `readings` again, as a recorded aside names them
    (None when it names none, or the open question is no date)."""
    from bot.chat.answers import fact_options

    fact, run = d.current_fact, d.run
    if not isinstance(readings, list) or not readings or fact is None or fact.type != "date" or run is None:
        return None
    options = tuple(Option("value", str(r)) for r in readings) + fact_options(fact, bool(run.facts))[1:]
    return Notice("ambiguous_date", {"fact": fact.id}, text=str(reason or ""), options=options, lang=run.lang)
