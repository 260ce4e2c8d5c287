"""The conversation as a UI-free state machine.

The app (and the web face) drives a `Dialogue`: the user asks, picks an option,
answers a flow's question, goes back, restarts. Each step appends `Item`s (what to
show, `bot.chat.items`) and records an event (a small JSON-able dict). Replaying the
events into a fresh `Dialogue` rebuilds the same conversation, which is how `--resume`
works.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.chat.answers import shown_value, stated_facts
from bot.chat.flowrun import Run, answer_text, apply_answer, step, tell
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
    canonical,
)
from bot.chat.smalltalk import smalltalk
from bot.chat.topics import MAX_TOPICS, start_topics, support_entry
from faq.kb.model import Fact, KnowledgeBase
from faq.language.normalize import clear_language
from faq.language.text import clean
from faq.search.matcher import Matcher

if TYPE_CHECKING:
    from bot.chat.aside import Lookup

__all__ = [
    "Answer", "Clarify", "Dialogue", "FlowResult", "FlowStep", "Greeting", "Item", "MAX_TOPICS",
    "NoMatch", "Notice", "Option", "SmallTalk", "UserMessage", "canonical",
]

CLOSEST_MIN = 0.2
STORY_MESSAGES = 5
"""A diagnosis reads the facts stated in (at most) this many of the user's last messages before it."""
RUN_ACTIONS = (Option("action", "back"), Option("action", "restart"))
"""The actions a typed button label names ("zurück", "Neu starten", and "Abbrechen" in a diagnosis), wherever
the conversation is, as their slash commands: also where no button offers them (a confirmation, after the result)."""


def told_together(messages: list[str]) -> str:
    """Several messages as one text that keeps them apart: each but the last ends a sentence
    ("Lizenzen doppelt. Aktivierungslink abgelaufen", not "Lizenzen doppelt Aktivierungslink abgelaufen")."""
    return " ".join(m if i == len(messages) - 1 or m.rstrip()[-1:] in ".!?…:;" else m.rstrip() + "."
                    for i, m in enumerate(messages))


class Dialogue:
    """The state of one conversation.

    Args:
        kb: The knowledge base.
        matcher: Its matcher.
        today: The date relative dates and date conditions count from.
        lang: "de" or "en".
        on_event: Called with each event to record (None: not recorded).
    """

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, today: date, lang: str = "de",
                 on_event: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.kb = kb
        self.matcher = matcher
        self.today = today
        self.lang = lang if lang in ("de", "en") else "de"
        self.on_event = on_event
        self.items: list[Item] = []
        self.run: Run | None = None
        self.talk_lang = ""  # the language the user clearly writes in ("" = not yet clear: the interface's)
        self.story: list[tuple[str, str]] = []  # told since the last diagnosis started, each with its topic's flow
        self.picked = ""  # the entry the user last picked (a topic, an option): its question names a case told in no message

    # -- state ---------------------------------------------------------------------

    @property
    def live_index(self) -> int:
        """Index of the item whose options can be picked now (-1: none)."""
        return next((i for i in range(len(self.items) - 1, -1, -1) if not getattr(self.items[i], "passive", False)
                     and not isinstance(self.items[i], UserMessage)), -1)

    @property
    def options(self) -> tuple[Option, ...]:
        """The options in force: what number keys pick now."""
        i = self.live_index
        return self.items[i].options if i >= 0 else ()

    @property
    def current_fact(self) -> Fact | None:
        """The fact the running flow asks now, or None."""
        if self.run is None or self.run.diagnosis is None:
            return None
        if (first := self.run.confirming or self.run.asking) is not None:  # a stated fact comes first
            return self.run.flow.fact(first) or self.run.diagnosis.next_fact
        return self.run.diagnosis.next_fact

    @property
    def confirming(self) -> bool:
        """Whether the open question asks to confirm a fact the user stated (yes or no, whatever its type)."""
        return self.run is not None and self.run.confirming is not None and self.current_fact is not None

    @property
    def flow_lang(self) -> str:
        """The language the running (or last) diagnosis speaks: the conversation's it was started
        from, until the user switches the interface language."""
        return (self.run.lang if self.run is not None else "") or self.lang

    @property
    def shown_lang(self) -> str:
        """The conversation's language now (the open diagnosis's, the user's, the interface's); keys follow it."""
        return self.flow_lang if self.current_fact is not None else (self.talk_lang or self.lang)

    @property
    def flow_active(self) -> bool:
        """Whether a flow waits for an answer."""
        return self.current_fact is not None

    @property
    def date_readings(self) -> tuple[Option, ...]:
        """The readings offered for an ambiguous date, while that question is open."""
        item = self.items[self.live_index] if self.live_index >= 0 else None
        return item.options if isinstance(item, Notice) and item.key == "ambiguous_date" and self.flow_active else ()

    @property
    def last_result(self) -> FlowResult | None:
        """The newest finished diagnosis, if any."""
        return next((item for item in reversed(self.items) if isinstance(item, FlowResult)), None)

    @property
    def summary_result(self) -> FlowResult | None:
        """The diagnosis a case summary is made of: the newest, unless a diagnosis runs again
        (an answer taken back, another started): a summary never states a result that no longer holds."""
        return None if self.flow_active else self.last_result

    def _emit(self, event: dict[str, Any]) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _add(self, *items: Item) -> list[Item]:
        self.items.extend(items)
        return list(items)

    # -- start ---------------------------------------------------------------------

    def topics(self) -> tuple[str, ...]:
        """The ids of the most common topics (at most six)."""
        return start_topics(self.kb)

    def greet(self) -> list[Item]:
        """Add the start message with the topics as options."""
        return self._add(Greeting(tuple(Option("entry", i) for i in self.topics())))

    def set_lang(self, lang: str) -> None:
        """Switch the language of what is shown from now on (and when rendered again).

        An explicit choice: answers follow it until the user clearly writes in the other language.
        """
        spoken = {self.talk_lang, self.run.lang if self.run is not None else ""} - {"", lang}
        if lang in ("de", "en") and (lang != self.lang or spoken):  # also when only the talk was in the other
            self.lang = lang
            self.talk_lang = ""
            if self.run is not None:  # a running diagnosis follows the explicit choice too
                self.run.lang = ""
            self._emit({"type": "lang", "lang": lang})

    def follow(self, lang: str | None) -> None:
        """The user now writes in `lang`: answers, and the questions of a diagnosis (also one
        taken up again by "zurück"), follow it from now on (None: no evidence, nothing changes)."""
        if lang not in ("de", "en"):
            return
        self.talk_lang = lang
        if self.run is not None:
            self.run.lang = "" if lang == self.lang else lang

    def hear(self, text: str, guess: str | None = None) -> None:
        """Follow the language `text` is clearly written in (`clear_language`; `guess`: the matcher's).
        A word or two ("zurück", "ja", an address, a date) is no evidence either way: it changes nothing."""
        self.follow(clear_language(text, guess))

    # -- questions -----------------------------------------------------------------

    def submit(self, raw: str) -> list[Item]:
        """Handle a line the user typed: an answer to the open question, a number, or a question."""
        from bot.chat.answers import menu_index, named_option, names_start, reply_word, typed_action
        from bot.chat.slash import slash_word

        text = clean(raw).strip()
        if not text:
            return []
        if (word := slash_word(text)) is not None:  # "/zurück", "/help": a command, never a question
            return self.command(text, word)
        fact = self.current_fact
        if fact is None or fact.type in ("yesno", "choice") or self.date_readings or self.confirming:
            index = int(text) - 1 if text.isdigit() else menu_index(text, len(self.options))  # "eins"; "ja" to one item
            if index is not None and 0 <= index < len(self.options):
                return self.select(index)
        if fact is None and (index := named_option(text, self.options)) is not None:
            return self.select(index)  # "Diagnose starten" typed as the button says it, never searched in the FAQ
        if fact is None and not self.flow_active and names_start(text):  # no diagnosis offered now: say so, no search
            return self._add(Notice("no_flow_offered", passive=True, lang=self._pin(self.shown_lang)))
        if (action := typed_action(text, RUN_ACTIONS)) and (self.flow_active or action != "cancel"):
            return self.choose(Option("action", action))  # "zurück", "Neu starten": as "/zurück", "/neu", never a question
        talk = smalltalk(text, self.talk_lang or self.lang) if self.flow_active else None
        if self.flow_active and (talk is None or talk[0] == "yesno" or (talk[0] == "ack" and (
                self.confirming or (fact is not None and fact.type == "yesno" and reply_word(text) is not None)))):
            return self.answer_text(text)  # "ok" to "Sie schrieben: … – stimmt das?" confirms it; "jep, passt" says yes
        return self.ask(text)

    def command(self, text: str, word: str) -> list[Item]:
        """Do the diagnosis's action a slash command names ("/zurück", "/neu", "/abbrechen");
        any other gets a line naming the commands there are (each face lists its own; `bot.chat.slash`)."""
        from bot.chat.slash import DIALOGUE_ACTIONS, slash_action

        action = slash_action(word, DIALOGUE_ACTIONS)
        if action == "back":
            return self.back()
        if action == "restart":
            return self.restart()
        if action == "cancel" and self.flow_active:
            return self.cancel()
        return self._add(Notice("slash_unknown", {"text": text}, passive=True, lang=self._pin(self.shown_lang)))

    def ask(self, raw: str, left: str = "", match: Lookup | None = None) -> list[Item]:
        """Answer a question from the matcher: an answer, options to pick, or no match (`left`: the
        diagnosis this question ended, see `new_problem`; `match`: the matcher's verdict on it, when
        already asked for)."""
        text = clean(raw).strip()
        if not text:
            return []
        self._emit({"type": "ask", "text": text, **({"left": left} if left else {})})
        talk = smalltalk(text, self.talk_lang or self.lang)
        if talk is not None:  # a greeting, thanks or goodbye: a friendly reply, nothing matched
            return self._add(UserMessage(text, lang=self._pin(talk[1])), SmallTalk(talk[0], talk[1]))
        result = match() if match is not None else self.matcher.match(text)
        self.story = [*self.story, (text, self._topic_flow(result.outcome, result.id))][-STORY_MESSAGES:]
        # Answered in the language the question is clearly written in ("Does the link expire?"
        # in the German chat); one or two ambiguous words ("VLSC") keep the conversation's.
        self.hear(text, result.lang)
        lang = self.talk_lang
        pinned = self._pin(lang)
        user = UserMessage(text, lang=pinned)
        if result.outcome == "answer" and result.id and self.kb.entry(result.id) is not None:
            return self._add(user, self._answer(result.id, lang, left))
        if result.outcome == "clarify":
            ids = tuple(c.id for c in result.candidates if self.kb.entry(c.id) is not None)
            if len(ids) >= 2:
                options = tuple(Option("entry", i) for i in ids) + (Option("none"),)
                return self._add(user, Clarify(ids, options, pinned))
            if ids:
                return self._add(user, self._answer(ids[0], lang, left))
        if result.outcome == "no_match" and (case := self._case_told(text)):  # "der OSM ist …": no question
            return self._add(user, Notice("case_told", options=(Option("flow", case),), lang=pinned))
        closest = tuple(
            c.id for c in result.candidates[:3] if c.confidence >= CLOSEST_MIN and self.kb.entry(c.id) is not None
        )
        options = tuple(Option("entry", i) for i in closest)
        support = support_entry(self.kb)
        if support is not None and support not in closest:
            options += (Option("entry", support),)
        return self._add(user, NoMatch(closest, options, pinned))

    def _case_told(self, text: str) -> str:
        """The diagnosis of the case told so far when `text` goes on telling it: it asks nothing and
        states a fact that diagnosis asks for ("der OSM ist petra@firma.de" after the missing mail's
        answer), so it is taken into the case, not answered as a question the FAQ has no answer to; else ""."""
        from bot.chat.aside import reads_as_question

        case = next((flow for _, flow in reversed(self.story[:-1]) if flow), "")
        flow = self.kb.flow(case) if case else None
        if flow is None or reads_as_question(text):
            return ""
        return case if stated_facts(text, flow, self.kb, self.today, self.talk_lang or self.lang) else ""

    def _topic_flow(self, outcome: str, entry_id: str | None) -> str:
        """The diagnosis of the topic a message was answered with ("" for none: no match, a choice
        of topics, an entry without a diagnosis, which may all go on telling the same case)."""
        entry = self.kb.entry(entry_id) if outcome == "answer" and entry_id else None
        return entry.flow if entry is not None and entry.flow else ""

    def told(self, flow_id: str) -> list[str]:
        """What the user told of the case the diagnosis `flow_id` starts on: the messages since the
        last one answered with another diagnosis's topic. A new problem starts a fresh case; the
        messages that go on telling the same one (an address, "Spam schon geprüft") stay in it.
        Before the message that named the case, only those stating something the diagnosis asks
        ("Unser OSM ist it@firma.de") belong to it, not a question the FAQ had no answer to (when
        none named it, the user chose the diagnosis for all of them)."""
        start = max((i + 1 for i, (_, flow) in enumerate(self.story) if flow not in ("", flow_id)), default=0)
        story = self.story[start:]
        named = next((i for i, (_, flow) in enumerate(story) if flow == flow_id), 0)
        flow = self.kb.flow(flow_id)
        lang = self.talk_lang or self.lang
        return [text for i, (text, _) in enumerate(story)
                if i >= named or (flow is not None and stated_facts(text, flow, self.kb, self.today, lang))]

    def _pin(self, lang: str) -> str:
        """`lang` as an item's pinned language: "" when it is the interface's."""
        return "" if lang == self.lang or lang not in ("de", "en") else lang

    def new_problem(self, text: str, match: Lookup | None = None) -> list[Item]:
        """Leave the running diagnosis for `text`, a new problem told in place of an answer
        (`bot.chat.aside.tells_new_problem`): it is answered as a question, its own diagnosis offered
        (`match`: the matcher's verdict on it, when already asked for)."""
        left = self.run.flow.id if self.run is not None and self.flow_active else ""
        self.run = None
        return self.ask(text, left, match)

    def _answer(self, entry_id: str, lang: str = "", left: str = "") -> Answer:
        entry = self.kb.entry(entry_id)
        options: tuple[Option, ...] = ()
        if entry is None:
            return Answer(entry_id)
        flow = self.kb.flow(entry.flow) if entry.flow else None
        if flow is not None:
            options += (Option("flow", flow.id),)
        options += tuple(Option("entry", r) for r in entry.related if self.kb.entry(r) is not None)
        story = self.told(flow.id) if flow is not None else []
        told = stated_facts(told_together(story), flow, self.kb, self.today, lang or self.lang) if flow and story else {}
        return Answer(entry_id, options, "" if lang == self.lang else lang, len(told), left=left)

    def show_entry(self, entry_id: str) -> list[Item]:
        """Show an entry the user picked (a topic, a clarify option, a related entry)."""
        entry = self.kb.entry(entry_id)
        if entry is None:
            return self._add(Notice("unknown_topic", {"id": entry_id}))
        self._emit({"type": "pick", "entry": entry_id})
        self.picked = entry_id
        return self._add(self._answer(entry_id, self.talk_lang))

    def none_of_these(self) -> list[Item]:
        """The user rejected every option: say so honestly, offer support."""
        self._emit({"type": "none"})
        options: tuple[Option, ...] = ()
        support = support_entry(self.kb)
        if support is not None:
            options = (Option("entry", support),)
        return self._add(Notice("none_of_these", options=options))

    def select(self, index: int) -> list[Item]:
        """Pick option `index` (0-based) of the newest item; UI actions are returned as a Notice("action")."""
        options = self.options
        if not 0 <= index < len(options):
            return []
        return self.choose(options[index])

    def choose(self, option: Option) -> list[Item]:
        """Carry out one option."""
        if option.kind == "entry":
            return self.show_entry(option.target)
        if option.kind == "flow":
            return self.start_flow(option.target)
        if option.kind == "none":
            return self.none_of_these()
        if option.kind == "value":
            return self.answer_text(option.target, shown=shown_value(self.current_fact, option.target, self.flow_lang),
                                    pick=option.target)
        if option.kind == "action" and option.target in ("back", "restart", "cancel"):
            return getattr(self, option.target)()
        return []

    # -- flows ---------------------------------------------------------------------

    def start_flow(self, flow_id: str, question: str | None = None) -> list[Item]:
        """Start the diagnosis `flow_id`."""
        flow = self.kb.flow(flow_id)
        if flow is None:
            return self._add(Notice("unknown_flow", {"id": flow_id}))
        self._emit({"type": "flow", "flow": flow_id})
        # Asked in the language of the conversation it comes from (an English question in the
        # German chat got an English answer: its diagnosis asks in English too).
        talk = self.talk_lang if self.talk_lang in ("de", "en") and self.talk_lang != self.lang else ""
        told = [question] if question else self.told(flow_id)
        picked = self.kb.entry(self.picked) if self.picked else None
        topic = picked.question if picked is not None and picked.flow == flow_id else flow.title
        asked = told_together(told) or topic.get(talk or self.lang)
        self.run = Run(flow, asked, lang=talk)
        if told:  # the story so far, told over one or several messages
            self.run.stated = stated_facts(told_together(told), flow, self.kb, self.today, self.flow_lang)
        self.story = []
        return self._add(Notice("flow_started", {"flow": flow_id}, lang=talk), *self._step())

    def _step(self) -> list[Item]:
        return step(self)

    def answer_text(self, raw: str, shown: str | None = None, pick: str = "") -> list[Item]:
        """Answer the open question with what the user typed or picked (`pick`: the option's value);
        a value the fact does not accept adds a Notice with the reason (`bot.chat.flowrun`)."""
        return answer_text(self, raw, shown, pick)

    def _tell(self, text: str, besides: str = "") -> bool:
        return tell(self, text, besides)

    def user_message(self, text: str, pick: str = "", fact_id: str = "") -> UserMessage:
        """What the user answered in the running diagnosis (an option picked: by its value)."""
        assert self.run is not None
        return UserMessage(text, lang=self.run.lang, pick=pick, flow=self.run.flow.id if pick else "",
                           fact=fact_id if pick else "")

    def _apply_answer(self, fact_id: str, value: Any, shown: str, pick: str = "") -> list[Item]:
        return apply_answer(self, fact_id, value, shown, pick)

    def back(self) -> list[Item]:
        """Take back the last answer of the flow and ask that question again."""
        run = self.run
        if run is None or not run.facts:
            return self._add(Notice("nothing_to_undo", lang=self._pin(self.shown_lang)))
        self._emit({"type": "back"})
        last = list(run.facts)[-1]
        del run.facts[last]
        run.asking = None
        return self._add(Notice("back", {"fact": last}, lang=run.lang), *self._step())

    def restart(self) -> list[Item]:
        """Start the current (or last) flow again from the first question."""
        run = self.run
        if run is None:
            return self._add(Notice("nothing_to_restart", lang=self._pin(self.shown_lang)))
        self._emit({"type": "restart"})
        run.facts.clear()
        run.asking = None
        return self._add(Notice("restart", {"flow": run.flow.id}, lang=run.lang), *self._step())

    def cancel(self) -> list[Item]:
        """Leave the running flow; questions go to the FAQ again."""
        if not self.flow_active:
            return []
        self._emit({"type": "cancel"})
        lang, self.run = self.run.lang if self.run is not None else "", None
        return self._add(Notice("cancelled", options=tuple(Option("entry", i) for i in self.topics()), lang=lang))

    def note(self, key: str, **args: str) -> list[Item]:
        """Add a notice that is not part of the recorded conversation (saved, copied, an error)."""
        return self._add(Notice(key, dict(args), passive=True, lang=self._pin(self.shown_lang)))

    def error(self, text: str) -> list[Item]:
        """Add an internal error as a message; the conversation goes on."""
        return self._add(Notice("internal_error", text=text, passive=True))

    # -- replay --------------------------------------------------------------------

    def apply(self, event: Mapping[str, Any]) -> list[Item]:
        """Apply one recorded event (unknown or stale events are skipped; `bot.chat.replay`)."""
        from bot.chat.replay import apply_event

        return apply_event(self, event)

    def replay(self, events: list[Mapping[str, Any]]) -> None:
        """Rebuild the conversation from recorded events, without recording them again."""
        saved, self.on_event = self.on_event, None
        try:
            for event in events:
                self.apply(event)
        finally:
            self.on_event = saved
