"""Reading a flow's answer in the chat: a month alone where it settles the result, never a
future date for a fact that only measures age, a yes or no that opens a longer reply ("nein,
noch nicht"), "don't know" however it is typed, and how a picked date is echoed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from bot.chat.items import Option
from faq.errors import FaqError, InputError
from faq.kb.model import Fact, Flow, KnowledgeBase
from faq.language.catalogue import tr
from faq.tickets.evidence import stated_clause

__all__ = ["address_part", "confirm_text", "fact_options", "future_message", "left_line", "menu_index", "open_choices", "read_answer",
           "reply_word", "shown_value", "stated_facts", "typed_action"]

UNKNOWN_SIMILARITY = 85
"""How close (rapidfuzz ratio, 0-100) a whole reply must come to a "don't know" phrase of
the word lists to mean it ("weis nich", "weiss nich")."""
UNKNOWN_MIN_CHARS = 8
"""Shorter phrases ("k a", "tbd") must be typed exactly: a typo of them is anything."""
_OPENING = re.compile(r"^\W*(\w+(?:\s+\w+)?)\s*[,;.!:\u2013\u2014-]")  # "Nein, …", "no - …", "noch nicht, …"


@cache
def _sequences(name: str) -> tuple[tuple[str, ...], ...]:
    from faq.language.lexicon import words
    from faq.language.normalize import fold

    return tuple(tuple(fold(w).split()) for w in words(name))


def _has(words: list[str], name: str) -> bool:
    return any(tuple(words[i:i + len(p)]) == p for p in _sequences(name) for i in range(len(words)) if p)


def _without(said: list[str], seq: tuple[str, ...]) -> list[str]:
    """`said` with every occurrence of the word sequence `seq` taken out."""
    out: list[str] = []
    i = 0
    while i < len(said):
        if seq and tuple(said[i:i + len(seq)]) == seq:
            i += len(seq)
        else:
            out.append(said[i])
            i += 1
    return out


def menu_index(text: str, options: int) -> int | None:
    """The option (0-based) a whole message picks from a menu of `options` items, None if none.

    A number written as a word picks like its digit ("eins", "two" the second); a yes alone
    ("ja", "j", "yes", "y") picks the only item of a one-item menu ("Weiter mit: 1 Diagnose
    starten"): with more items it says no one which.
    """
    from faq.language.lexicon import words
    from faq.language.normalize import fold

    said = fold(text).strip(" .!")
    for lang in ("de", "en"):
        numbers = [fold(w) for w in words("number_words", lang)]
        if said in numbers:
            index = numbers.index(said)
            return index if index < options else None
    if options == 1 and (said in _LETTER_YES or reply_word(text) == "ja"):
        return 0
    return None


_LETTER_YES = ("j", "y")
"""Yes as the chat's single key for it."""


def _interjection(said: list[str]) -> tuple[str, ...]:
    """The yes or no word that opens a reply without a comma ("ja haben wir", "yep thats
    correct", "nein das ist falsch"); () when the reply opens otherwise, or with a word that
    also negates what follows ("no clue", "no mail in the junk folder")."""
    first = tuple(said[:1])
    if (first in _sequences("smalltalk_yesno") and first not in _sequences("negations")
            and (first in _sequences("affirmations") or first in _sequences("denials"))):
        return first
    return ()


def reply_word(text: str) -> str | None:
    """What a free reply answers to a yes/no question: "ja", "nein", "unbekannt", or None.

    "Weiß ich nicht genau" and a typo of a "don't know" phrase ("weis nich") say unknown; a
    yes or no word alone or opening the reply before a comma or dash ("Nein, noch nicht",
    "yes, we did"), or a yes or no interjection opening it without one ("ja haben wir"), says yes or no, unless the rest sets something against it or hedges
    ("ja, aber nur teilweise", "no, maybe"): then the question stays open (None). A word of "so far"
    closing the reply ("no, we have not checked it yet") sets nothing against it.
    """
    from rapidfuzz import fuzz

    from faq.language.normalize import fold, words

    folded = fold(text)
    said = words(folded)
    if not said:
        return None
    joined = " ".join(said)
    if _has(said, "unknowns") or any(
            len(p) >= UNKNOWN_MIN_CHARS and fuzz.ratio(joined, p) >= UNKNOWN_SIMILARITY
            for p in (" ".join(s) for s in _sequences("unknowns"))):
        return "unbekannt"
    opening = _OPENING.match(folded)
    head = tuple(words(opening.group(1))) if opening is not None else _interjection(said) or tuple(said)
    answer = next((a for name, a in (("denials", "nein"), ("affirmations", "ja")) if head in _sequences(name)), None)
    rest = said[len(head):]
    for seq in _sequences("denials") + _sequences("affirmations"):  # "no, not yet": the rest repeats it
        rest = _without(rest, seq)
    if rest and (rest[-1],) in _sequences("still_words"):  # "no, we haven't looked yet": so far, no contrast
        rest = rest[:-1]
    if answer is None or any(_has(rest, name) for name in ("contrasts", "hedges", "beliefs")):
        return None
    return answer


def read_answer(flow: Flow, facts: Mapping[str, Any], fact: Fact, text: str, today: date, lang: str) -> Any:
    """Read the answer to `fact` given the facts known so far.

    A month alone ("März 2026") is taken only when every day of it (up to today, for a
    past-only fact) leads to the same next question or cause; else the day is asked for.

    Raises:
        AmbiguousDate: A numeric date with two readings.
        InputError: Not a value of the fact, a future date where none can be, or a month
            whose days lead to different results (the message says why).
    """
    from faq.flows.dates import AmbiguousDate, MonthDate, format_date
    from faq.flows.engine import diagnose
    from faq.flows.values import check_not_future, future_allowed, parse_value

    try:
        value = parse_value(fact, text, today, lang, months=True)
    except AmbiguousDate:
        raise
    except InputError:
        word = reply_word(text)  # "nein, noch nicht", "weis nich"
        found = _one_date(text, today, not future_allowed(flow, fact.id)) if fact.type == "date" and word is None else None
        if found is not None and _unsure(text):  # "gestern abend vielleicht": no date to settle a cause on
            raise InputError(tr(lang, "answer_unsure", text=text, shown=format_date(found, lang)),
                             value=text) from None
        if found is None and fact.type == "choice" and word != "unbekannt":  # never the flow's ids of the answers
            raise InputError(tr(lang, "answer_not_choice", text=text), value=text) from None
        if found is None and (word is None or (word != "unbekannt" and fact.type != "yesno")):
            raise
        value = found if found is not None else parse_value(fact, str(word), today, lang)
    if not isinstance(value, date):
        return value
    past_only = not future_allowed(flow, fact.id)
    if past_only:
        check_not_future(text, value, today, lang)
    if isinstance(value, MonthDate):
        last = min(value.last_day, today) if past_only else value.last_day
        ends = [diagnose(flow, {**facts, fact.id: day}, today) for day in (date(value.year, value.month, 1), last)]
        outcome = [(d.cause, d.next_fact.id if d.next_fact else None, d.possible) for d in ends]
        if outcome[0] != outcome[1]:
            example = format_date(date(value.year, value.month, 15), lang)
            raise InputError(tr(lang, "month_needs_day", month=format_date(value, lang), example=example))
    return value


def _unsure(text: str) -> bool:
    """Whether a typed answer leaves itself open: a hedge, a belief or a vague time ("vielleicht",
    "glaube ich", "ungefähr"), as the ticket reader leaves such a statement unknown."""
    from faq.language.normalize import fold, words

    said = words(fold(text))
    return any(_has(said, name) for name in ("hedges", "beliefs", "vague_times"))


def _one_date(text: str, today: date, past_only: bool) -> date | None:
    """The one date written in `text`, read as the ticket reader reads it ("31.08.", "am 31. August
    gekauft": the year that fits), or None when there is none or more than one. Without a year,
    a day of something that already happened is its last occurrence up to today."""
    from faq.tickets.mentions import find_dates

    found = find_dates(text, today)
    value = found[0].value if len(found) == 1 else None
    if value is not None and past_only and value > today and not re.search(r"\d{4}", found[0].raw):
        try:
            value = value.replace(year=value.year - 1)
        except ValueError:  # 29 February
            return None
    return value


def stated_facts(text: str, flow: Flow, kb: KnowledgeBase, today: date, lang: str) -> dict[str, tuple[Any, str]]:
    """The facts of `flow` the user stated in `text` (the triage's reader), each with its words:
    an address or a date as written (with its clause where a hedge makes it weak: "irgendwann
    im Dezember"), a yes or no with its clause (`stated_clause`: its negation comes along)."""
    from faq.tickets.triage import facts_stated

    try:
        read = facts_stated(text, flow, kb, today, lang)
    except FaqError:
        return {}
    from faq.tickets.settling import rough_dates, weak_facts

    hedged = weak_facts(read.evidence)  # "irgendwann im Dezember": the hedge is shown too (an uncued date is no hedge)
    out: dict[str, tuple[Any, str]] = {}
    for fact_id, value in rough_dates(read.facts, read.evidence, today).items():  # "vor etwa 30 Stunden": approximate
        evidence = read.evidence.get(fact_id)
        fact = flow.fact(fact_id)
        quote = evidence.quote if evidence is not None else text
        sentence = " ".join(_line_holding(evidence.sentence, quote).split()) if evidence is not None else ""
        if fact is not None and (fact.type not in ("date", "email") or fact_id in hedged) and quote in sentence:
            quote = stated_clause(sentence, quote)
        out[fact_id] = (value, " ".join(quote.split()))
    return out


def _name_words(name: str) -> frozenset[str]:
    """The words of a choice's name that tell something (`cue_function_words` left out), folded."""
    from faq.language.lexicon import folded
    from faq.language.normalize import fold, words

    return frozenset(words(fold(name))) - folded("cue_function_words")


def open_choices(fact: Fact, value: object, text: str) -> tuple[str, ...]:
    """The answers a typed `text` read as the choice `value` leaves open: `value` and each longer choice
    whose name holds one of its names with more words ("OSM" in "OSM mit der Berechtigung
    „Reservierung verwalten“"), when the text says none of those words and names no permission
    (`permission_words`, `lack_words`): "Ich bin der OSM" tells no permission either way. () when the
    text decides, or `value` is no choice with a longer one."""
    from faq.language.lexicon import folded
    from faq.language.normalize import fold, words

    if fact.type != "choice" or not isinstance(value, str):
        return ()
    names = {c.id: [_name_words(n) for n in (c.label.de, c.label.en, *c.aliases, c.id.replace("-", " "))]
             for c in fact.choices}
    own = [n for n in names.get(value, []) if n]
    longer = {cid: {w for n in theirs for o in own if o < n for w in n - o}
              for cid, theirs in names.items() if cid != value}
    longer = {cid: extra for cid, extra in longer.items() if extra}
    said = set(words(fold(text)))
    permission = folded("permission_words") | folded("lack_words")
    if not longer or said & set().union(*longer.values()) or any(p in w for w in said for p in permission):
        return ()
    return (value, *longer)


def _line_holding(sentence: str, quote: str) -> str:
    """The line of `sentence` that holds `quote` whole; the whole sentence when the quote spans
    lines (a hard-wrapped paste). What the user wrote on a line of its own (Ctrl+J) is quoted
    back without the line before it, which the reader may take into the same sentence."""
    for line in sentence.splitlines():
        if quote in line:
            return line
    return sentence


def confirm_text(lang: str, fact: Fact | None, quote: str, value: str, today: date, rough: bool = False) -> str:
    """ "Sie schrieben: „…“ – stimmt das?", with what was read from the words when they are not
    the value itself ("Ich lese daraus: Ja", "… 1. Dezember 2026"; "etwa …" for a date `rough`ly told)."""
    from faq.flows.dates import MonthDate, format_date_long
    from faq.flows.values import display_value, parse_value

    shown = ""
    if fact is not None and value:
        try:
            read = parse_value(fact, value, today, "en", months=True)
        except FaqError:
            read = None
        if isinstance(read, date) and not isinstance(read, MonthDate):  # in words: day and month unmistakable
            shown = format_date_long(read, lang)
            if rough:  # "vor etwa zwei Monaten": the day is the span's middle, not one the user named
                shown = tr(lang, "date_about", day=shown)
        elif read is not None:
            shown = display_value(fact, read, lang)
    if not shown or shown.casefold() == quote.casefold():
        return tr(lang, "confirm_stated", quote=quote)
    return tr(lang, "confirm_stated_read", quote=quote, value=shown)


KEY_MEANINGS: dict[str, str] = {"j": "yes", "y": "yes", "n": "no", "w": "unknown", "u": "unknown", "?": "unknown"}
"""The single-letter answer keys of both languages (the letters a button shows) and what they mean."""

UNKNOWN_TARGET = "unbekannt"
"""The value of the "Weiß nicht" option."""


def left_line(kb: KnowledgeBase, flow_id: str, lang: str) -> str:
    """The line above a new problem's answer that names the diagnosis it ended, by its topic."""
    flow = kb.flow(flow_id)
    entry = kb.entry(flow.entry) if flow is not None else None
    return tr(lang, "answer_left", topic=entry.title.get(lang) if entry is not None else flow_id)


def unknown_key(text: str, options: tuple[Option, ...]) -> bool:
    """Return whether `text` is the "don't know" key (w, u, ?) typed to a question whose
    options include "Weiß nicht": there it means that answer, on a date or address too."""
    return (len(text) == 1 and KEY_MEANINGS.get(text.lower()) == "unknown"
            and any(o.kind == "value" and o.target == UNKNOWN_TARGET for o in options))


def fact_options(fact: Fact, can_go_back: bool) -> tuple[Option, ...]:
    """The options a flow's question offers: its answers, "don't know", then back and restart."""
    tail = (Option("action", "back"), Option("action", "restart")) if can_go_back else ()
    if fact.type == "yesno":
        return (Option("value", "ja", "yes"), Option("value", "nein", "no"), Option("value", UNKNOWN_TARGET, "unknown")) + tail
    if fact.type == "choice":
        return tuple(Option("value", c.id) for c in fact.choices) + (Option("value", UNKNOWN_TARGET, "unknown"),) + tail
    return (Option("value", UNKNOWN_TARGET, "unknown"),) + tail


def shown_value(fact: Fact | None, target: str, lang: str) -> str | None:
    """How a picked reading of a date is echoed: "12. März 2026", not "2026-03-12"."""
    if fact is None or fact.type != "date":
        return None
    from faq.flows.dates import format_date_long

    try:
        return format_date_long(date.fromisoformat(target), lang)
    except ValueError:
        return None


def future_message(raw: str, day: date, today: date, lang: str) -> str:
    """The message refusing a date in the future."""
    from faq.flows.values import check_not_future

    try:
        check_not_future(raw, day, today, lang)
    except InputError as exc:
        return exc.reason
    return ""


def address_part(text: str) -> str:
    """The address in an answer that is a sentence ("max@firma.de, die Domäne ist verifiziert"
    is taken as the address and more): its one address, or its one word with an @; else the text."""
    from faq.language.addresses import find_addresses

    if len(text.split()) < 2:
        return text
    found = {address for _, _, address in find_addresses(text)}
    if len(found) == 1:
        return found.pop()
    words = {w.strip(",;:.!?()<>\"'") for w in text.split() if "@" in w}
    return words.pop() if not found and len(words) == 1 else text


def typed_action(text: str, options: tuple[Option, ...]) -> str | None:
    """The action a typed word names as its button or key does ("zurück", "Neu starten",
    "Abbrechen", "Diagnose beenden"; either language), or as its slash command's word does
    without the slash ("Neustart", "undo", "stop"), among those offered; else None."""
    from bot.chat.slash import slash_action

    said = text.strip(" .!").casefold()
    offered = {o.target for o in options if o.kind == "action"} & {"back", "restart"} | {"cancel"}
    for action in sorted(offered):
        keys = ("k_cancel", "web_cancel") if action == "cancel" else (action,)
        if any(said == tr(lang, key).casefold() for key in keys for lang in ("de", "en")):
            return action
    return slash_action(said, tuple(sorted(offered))) if said.isalpha() else None


NAMED_EXTRA_WORDS = 2
"""A button's label typed names it with at most this many words more ("bitte", "the", "please")."""


def named_option(text: str, options: tuple[Option, ...]) -> int | None:
    """The index of the offered option whose button label the text names, in either language
    ("Diagnose starten", "Start diagnosis", "start the diagnosis, please": typed instead of pressed,
    the label's words with at most `NAMED_EXTRA_WORDS` more); None when it names none. Only labels
    the interface writes (a diagnosis to start); an FAQ topic's title typed is a question for the matcher."""
    if not names_start(text):
        return None
    return next((index for index, option in enumerate(options) if option.kind == "flow"), None)


def names_start(text: str) -> bool:
    """Whether the text names the button that starts a diagnosis ("Diagnose starten", "start the
    diagnosis, please"; in either language, with at most `NAMED_EXTRA_WORDS` more words)."""
    said = re.findall(r"\w+", text.casefold())
    for lang in ("de", "en"):
        label = re.findall(r"\w+", tr(lang, "start_flow").casefold())
        if set(label) <= set(said) and len(said) <= len(label) + NAMED_EXTRA_WORDS:
            return True
    return False
