"""The knowledge base as plain frozen dataclasses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from faq.kb.vocabulary import Vocabulary

__all__ = [
    "LANGS",
    "Block",
    "Cause",
    "Choice",
    "Condition",
    "Entry",
    "Fact",
    "FactCues",
    "Flow",
    "KbConfig",
    "KnowledgeBase",
    "Lang",
    "Location",
    "Resolution",
    "Source",
    "Text",
    "Vocabulary",
]

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was defined: file and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Text:
    """A text in German and English."""

    de: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in `lang` ("de" or "en"), German for anything else."""
        return self.en if lang == "en" else self.de


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an answer.

    Attributes:
        kind: "text", "list" (bullets), "steps" (numbered), "important" or "note".
        text: The paragraph, for text, important and note.
        items: The items, for list and steps.
    """

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """One FAQ entry."""

    id: str
    title: Text
    question: Text
    paraphrases: Mapping[str, tuple[str, ...]]
    keywords: Mapping[str, tuple[str, ...]]
    answer: Mapping[str, tuple[Block, ...]]
    contact: Text | None = None
    related: tuple[str, ...] = ()
    flow: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer a choice fact accepts.

    Attributes:
        source: Verbatim quotes of the seed sentences the choice and its aliases rest on.
    """

    id: str
    label: Text
    aliases: tuple[str, ...] = ()
    source: tuple[str, ...] = field(default=(), compare=False)
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class FactCues:
    """Phrases in a ticket that state a fact (for triage).

    Attributes:
        yes: Phrases per language that mean the fact is true.
        no: Phrases per language that mean the fact is false.
        context: Words per language that, near a date or address, say it is this fact.
    """

    yes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    no: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    context: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Fact:
    """Something a flow asks the user, or reads from a ticket.

    Attributes:
        id: The fact's name, as in CONTRACT §2.
        type: "yesno", "date", "email" or "choice".
        cost: How hard it is to answer; lower is asked first.
        question: The question put to the user.
        help: Where to find the answer, or None.
        choices: The accepted answers of a choice fact.
        cues: Phrases that state the fact in a ticket.
    """

    id: str
    type: str
    cost: int
    question: Text
    help: Text | None = None
    choices: tuple[Choice, ...] = ()
    cues: FactCues = field(default_factory=FactCues)
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Condition:
    """One test on one fact.

    Attributes:
        fact: The fact tested.
        op: "is" (yes/no), "in" (choices), "domain" (e-mail), or a date test:
            "less_than_hours_ago", "more_than_hours_ago", "more_than_months_ago",
            "at_most_months_ago".
        value: True/False for "is"; a tuple of ids or domains for "in" and "domain";
            a whole number of hours or months for the date tests.
    """

    fact: str
    op: str
    value: bool | int | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """The seed sentences a cause or resolution rests on, as verbatim quotes.

    Attributes:
        when: Quotes for the cause's condition (empty for a flow's `unresolved`).
        resolution: Quotes for the title, text and contact.
        steps: Quotes for each step, in the order of the steps.
    """

    when: tuple[str, ...] = ()
    resolution: tuple[str, ...] = ()
    steps: tuple[tuple[str, ...], ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What to do about a cause, and whom to contact.

    Attributes:
        source: The seed sentences it rests on (None when the file gives none).
    """

    title: Text
    text: Text
    steps: Mapping[str, tuple[str, ...]]
    contact: Text
    contact_kind: str
    source: Source | None = field(default=None, compare=False)
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Cause:
    """A diagnosis a flow can end in.

    Attributes:
        id: The cause's name, as in CONTRACT §2.
        when: Alternatives, each a tuple of conditions that must all hold.
        resolution: What to do.
    """

    id: str
    when: tuple[tuple[Condition, ...], ...]
    resolution: Resolution
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Flow:
    """A diagnostic flow: facts to ask and causes to prove.

    Attributes:
        id: The flow's name.
        entry: The FAQ entry that starts the flow.
        title: Shown when the flow starts.
        facts: The facts, in the order they are declared.
        causes: The causes, in priority order (the first proven one wins).
        unresolved: The resolution when no cause can be proven.
        fallback: Cause id to end in when every fact is known and none holds, or None.
    """

    id: str
    entry: str
    title: Text
    facts: tuple[Fact, ...]
    causes: tuple[Cause, ...]
    unresolved: Resolution
    fallback: str | None = None
    location: Location | None = field(default=None, compare=False)

    def fact(self, fact_id: str) -> Fact | None:
        """Return the fact named `fact_id`, or None."""
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        return None

    def cause(self, cause_id: str) -> Cause | None:
        """Return the cause named `cause_id`, or None."""
        for cause in self.causes:
            if cause.id == cause_id:
                return cause
        return None


@dataclass(frozen=True, slots=True)
class KbConfig:
    """The entries the faces need by id, from the knowledge base's `config.yaml`.

    Attributes:
        support_entry: The entry that says how to reach support: offered when no
            answer fits and quoted in replies to off-topic tickets. None: there is none.
        start_topics: Entries offered on the chat's start screen, in this order; the
            chat fills up with the first entries of the knowledge base.
    """

    support_entry: str | None = None
    start_topics: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """All entries, flows and the vocabulary of one knowledge base folder.

    Attributes:
        root: The folder it was loaded from.
        fingerprint: A hash of the files' content; equal content, equal fingerprint.
        config: The entries the faces need by id (`config.yaml`; defaults without it).
    """

    entries: tuple[Entry, ...]
    flows: tuple[Flow, ...]
    vocabulary: Vocabulary
    root: str = ""
    fingerprint: str = ""
    config: KbConfig = field(default_factory=KbConfig)

    def support(self) -> Entry | None:
        """Return the entry that says how to reach support, or None when the knowledge base names none."""
        entry_id = self.config.support_entry
        return self.entry(entry_id) if entry_id else None

    def entry(self, entry_id: str) -> Entry | None:
        """Return the entry named `entry_id`, or None."""
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None

    def flow(self, flow_id: str) -> Flow | None:
        """Return the flow named `flow_id`, or None."""
        for flow in self.flows:
            if flow.id == flow_id:
                return flow
        return None
