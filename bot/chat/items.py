"""What a conversation shows, as data: the items a `Dialogue` appends and their options.

Items hold ids and canonical values only, so they can be rendered again in the other
language; `lang` on an answer, a clarification, a no-match or a small-talk reply pins it
to the language the user wrote in, and on a diagnosis's questions, notices and result to
the language of the conversation it was started from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "Answer",
    "Clarify",
    "FlowResult",
    "FlowStep",
    "Greeting",
    "Item",
    "NoMatch",
    "Notice",
    "Option",
    "SmallTalk",
    "UserMessage",
    "canonical",
]


@dataclass(frozen=True)
class Option:
    """One numbered choice the user can pick.

    Attributes:
        kind: "entry" (show an FAQ entry), "flow" (start a flow), "none" (none of
            these), "value" (answer the open question with `target`), or "action"
            (a UI action: save, copy, show, restart, back, cancel).
        target: The entry id, flow id, canonical value or action name.
        key: A letter that picks it besides its number ("yes", "no", "unknown" for
            the answers of a yes/no question; the app maps them to j/y, n, w/u), or "".
    """

    kind: str
    target: str = ""
    key: str = ""


@dataclass(frozen=True)
class Greeting:
    """The start message with the most common topics."""

    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class UserMessage:
    """What the user typed (already cleaned of control characters).

    Attributes:
        text: The text.
        lang: The language it is written in when that differs from the interface's ("" =
            the interface's): its label ("Sie:"/"You:") follows it, as the answer does.
        pick: The answer option picked (a button, its number, j/n/w), as its canonical value,
            or "" for typed text: it is shown by its label in the language shown ("Ja"/"Yes").
        flow: With `pick`, the flow whose question it answered.
        fact: With `pick`, that question's fact.
    """

    text: str
    options: tuple[Option, ...] = ()
    lang: str = ""
    pick: str = ""
    flow: str = ""
    fact: str = ""


@dataclass(frozen=True)
class Answer:
    """An FAQ entry shown as the answer.

    Attributes:
        entry_id: The entry.
        options: Its diagnosis and related topics, shown after the answer.
        lang: The language the question was written in ("" = the interface's): an
            English question gets an English answer whatever the interface shows.
        stated: How many facts of its diagnosis the user already wrote (the diagnosis
            takes them, to be confirmed): said beside the offer to start it.
        aside: Asked in place of an answer while a diagnosis runs: shown briefly (no topics
            to pick), the diagnosis's open question follows.
        resume_lang: After an aside, the language of the diagnosis it leads back to ("" = the
            interface's): the line back to it is in the language of the question it announces,
            whatever language the aside was asked and answered in.
        left: The diagnosis (flow id) the question ended: a new problem told in place of an
            answer ("" for none); the answer says so above it.
    """

    entry_id: str
    options: tuple[Option, ...] = ()
    lang: str = ""
    stated: int = 0
    aside: bool = False
    resume_lang: str = ""
    left: str = ""


@dataclass(frozen=True)
class Clarify:
    """Several entries are close: the user picks one (or none). `lang` as on an `Answer`."""

    candidates: tuple[str, ...]
    options: tuple[Option, ...] = ()
    lang: str = ""


@dataclass(frozen=True)
class NoMatch:
    """No entry answers the question: the closest topics and the support contact. `lang` as on an `Answer`."""

    closest: tuple[str, ...]
    options: tuple[Option, ...] = ()
    lang: str = ""


@dataclass(frozen=True)
class FlowStep:
    """A question of a running flow.

    Attributes:
        flow_id: The flow.
        fact_id: The fact asked.
        number: 1-based number of this question.
        at_most: Upper bound of the questions this diagnosis can take.
        lang: The language of the conversation the diagnosis was started from ("" = the interface's).
    """

    flow_id: str
    fact_id: str
    number: int
    at_most: int
    options: tuple[Option, ...] = ()
    lang: str = ""


@dataclass(frozen=True)
class FlowResult:
    """A finished diagnosis: the cause, what to do, whom to contact, the facts.

    Attributes:
        flow_id: The flow.
        diagnosis: The engine's resolved diagnosis.
        question: The user's question that led to the flow.
        lang: As on a `FlowStep`.
    """

    flow_id: str
    diagnosis: Any
    question: str
    options: tuple[Option, ...] = ()
    lang: str = ""


@dataclass(frozen=True)
class Notice:
    """A short assistant message: `key` names a text of the UI, `args` fill it.

    `text` is a literal message (an input error, an internal error), shown as is.
    A `passive` notice (saved, copied, help, an internal error) leaves the options
    of the items before it in force. `lang` as on a `FlowStep` (a diagnosis's notices).
    """

    key: str
    args: Mapping[str, str] = field(default_factory=dict)
    text: str = ""
    options: tuple[Option, ...] = ()
    passive: bool = False
    lang: str = ""


@dataclass(frozen=True)
class SmallTalk:
    """A friendly reply to a greeting, thanks, a goodbye or an acknowledgement ("ok"). It
    leaves the options before it in force (a running question stays open).

    Attributes:
        kind: "greeting", "thanks", "goodbye", "ack" or "yesno".
        lang: The language the user wrote in ("" = the interface's).
    """

    kind: str
    lang: str = ""
    options: tuple[Option, ...] = ()
    passive: bool = True


Item = Greeting | UserMessage | Answer | Clarify | NoMatch | FlowStep | FlowResult | Notice | SmallTalk


def canonical(value: Any) -> str:
    """Return a fact value as text that `parse_value` reads back to the same value."""
    from faq.flows.dates import MonthDate
    from faq.flows.values import Unknown

    if isinstance(value, MonthDate):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, Unknown):
        return "unbekannt"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


