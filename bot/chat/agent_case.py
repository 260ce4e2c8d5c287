"""One ticket in the agent view, without UI: its triage, the agent's answers, the summary.

`AgentCase` holds the triage (`faq.tickets.triage.triage_text`), the answers the agent
adds, the diagnosis on ticket facts plus answers, the suggested reply; `agent_summary`
writes the case as Markdown (the ticket literal, in a code block).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from faq.errors import InputError
from faq.flows.engine import Diagnosis
from faq.kb.model import Fact, Flow, KnowledgeBase
from faq.language.text import clean
from faq.search.matcher import Matcher

__all__ = ["CONFIDENT", "UNSURE", "AgentCase", "agent_summary", "confidence_words"]

@dataclass
class AgentCase:
    """One ticket in the agent view: its triage and the answers the agent adds.

    Args:
        ticket: The ticket text (cleaned already).
        kb: The knowledge base.
        matcher: Its matcher.
        today: The date relative dates count from.
    """

    ticket: str
    kb: KnowledgeBase
    matcher: Matcher
    today: date
    answers: dict[str, Any] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)
    steps: list[tuple[str, str]] = field(default_factory=list)  # ("answer" | "reject", fact id), in the order taken

    def __post_init__(self) -> None:
        from faq.tickets.triage import triage_text

        self.result = triage_text(self.ticket, self.kb, self.matcher, self.today)
        self.read = self.result  # the triage after the agent's rejections (see `reject`)
        self.entry = self.kb.entry(self.result.id) if self.result.id else None
        self.flow: Flow | None = None
        if self.entry is not None and self.entry.flow:
            self.flow = self.kb.flow(self.entry.flow)

    # -- state -------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        """The ticket's language (the reply is written in it)."""
        return self.result.lang if self.result.lang in ("de", "en") else "de"

    @property
    def facts(self) -> dict[str, Any]:
        """The facts known: those read from the ticket (less the rejected), then the agent's answers."""
        facts = {k: v for k, v in self.read.facts.items() if k not in self.answers}
        facts.update(self.answers)
        return facts

    @property
    def diagnosis(self) -> Diagnosis | None:
        """The flow's diagnosis on the facts known, None without a flow."""
        if self.flow is None:
            return None
        if not self.answers and self.read.diagnosis is not None:
            return self.read.diagnosis
        from faq.tickets.triage import settle

        return settle(self.flow, self.facts, self.weak, self.today)[0]

    @property
    def weak(self) -> tuple[str, ...]:
        """Facts read from the ticket too weakly to settle a cause, that the agent has not answered."""
        return tuple(k for k in self.read.weak if k in self.read.facts and k not in self.answers)

    @property
    def question(self) -> Fact | None:
        """The fact to ask next, or None when the diagnosis is settled (or there is no flow)."""
        diag = self.diagnosis
        if diag is None or diag.next_fact is None:
            return None
        if not self.answers and self.read.cause is not None:
            return None
        return diag.next_fact

    @property
    def cause(self) -> str | None:
        """The cause settled: from the ticket alone as the triage says, else by the answers."""
        if not self.answers:
            return self.read.cause
        diag = self.diagnosis
        if diag is not None and diag.status == "resolved":
            return diag.cause
        return None

    @property
    def settled(self) -> bool:
        """Whether the flow's diagnosis has a resolution to show."""
        diag = self.diagnosis
        return diag is not None and diag.resolution is not None and diag.next_fact is None

    @property
    def reply(self) -> str:
        """The suggested reply, in the ticket's language."""
        if not self.answers:
            return self.read.reply
        from faq.tickets.reply import suggest_reply

        diag = self.diagnosis
        wrote = {k: w for k, w in self.read.weak_words().items() if k in self.weak and diag is not None
                 and k not in diag.facts}
        return suggest_reply(self.kb, self.entry.id if self.entry else None, self.lang, self.flow,
                             diag, self.cause, self.result.name, self.today, wrote=wrote)

    def progress(self) -> tuple[int, int]:
        """(number of the open question, at most how many) counted over the agent's answers."""
        from faq.flows.engine import relevant_facts

        if self.flow is None:
            return 0, 0
        remaining = len(relevant_facts(self.flow, self.facts, self.today))
        number = len(self.answers) + 1
        return number, max(number, len(self.answers) + remaining)

    # -- steps ---------------------------------------------------------------------------

    def answer(self, raw: str, lang: str = "de") -> None:
        """Answer the open question with text (ja/nein/weiß nicht, a date, an address, a choice).

        Raises:
            InputError: The text is not a value of the question; the message (in `lang`)
                says why, without the fact's name.
        """
        from bot.chat.answers import read_answer
        from faq.flows.dates import AmbiguousDate
        from faq.flows.values import check_not_future, future_allowed

        fact = self.question
        if fact is None or self.flow is None:
            return
        text = clean(raw).strip()
        try:  # read as the customer chat reads it ("31.08.", "nein, noch nicht", a month that settles it)
            value = read_answer(self.flow, self.facts, fact, text, self.today, lang)
        except AmbiguousDate as exc:
            past_only = self.flow is not None and not future_allowed(self.flow, fact.id)
            possible = tuple(d for d in exc.readings if d <= self.today or not past_only)
            if len(possible) != 1:  # both possible: the agent picks one; none: in the future
                if not possible:
                    check_not_future(text, min(exc.readings), self.today, lang)
                raise AmbiguousDate(exc.reason, possible) from None
            value = possible[0]  # the other reading lies in the future
        except InputError as exc:  # why, in words: the fact's name is no help to the agent either
            raise InputError(exc.reason, value=exc.value) from None
        self.answers[fact.id] = value
        self.steps.append(("answer", fact.id))

    def reject(self, fact_id: str) -> None:
        """Reject a fact read from the ticket: it is no longer known, and the diagnosis, the
        next question and the reply follow at once (`faq.tickets.triage.revise`)."""
        if fact_id not in self.result.facts or fact_id in self.rejected:
            return
        self.rejected.append(fact_id)
        self.steps.append(("reject", fact_id))
        self._revise()

    def _revise(self) -> None:
        from faq.tickets.triage import revise

        self.read = revise(self.result, self.kb, self.today, reject=self.rejected) if self.rejected else self.result

    def back(self) -> str | None:
        """Take back the agent's last step, an answer or a fact rejected by mistake (the ticket's
        value and its evidence count again); return its fact id (None: nothing to take back)."""
        if not self.steps:
            return None
        kind, last = self.steps.pop()
        if kind == "reject":
            self.rejected.remove(last)
            self._revise()
        else:
            del self.answers[last]
        return last

    def summary(self, lang: str = "de", redact: bool = False) -> str:
        """The Markdown case summary (see `agent_summary`)."""
        return agent_summary(self, lang, redact)


# -- the case summary -----------------------------------------------------------------



def _labels(lang: str) -> dict[str, str]:
    """The agent summary's headings and labels (knowledge/ui/summary.yaml, keys agent_case_*)."""
    from faq.language.catalogue import catalogue

    table = catalogue()
    return {k.removeprefix("agent_case_"): v for k, v in table.get(lang, table["de"]).items() if k.startswith("agent_case_")}


def _fenced(text: str) -> str:
    """A fenced code block that shows `text` literally, whatever backticks it holds."""
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def _first_line(text: str, width: int = 120) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


CONFIDENT = 0.7
"""From this confidence on, a topic is named with high confidence; below `UNSURE`, low."""
UNSURE = 0.4


def confidence_words(match: Any, lang: str) -> str:
    """The match's confidence in words that agree with its figure, and what was decided:
    "geringe Sicherheit (39 %), Thema gewählt"."""
    from faq.language.catalogue import tr

    value = match.confidence
    level = "high" if value >= CONFIDENT else "medium" if value >= UNSURE else "low"
    pct = f"{round(100 * value)}" + (" %" if lang == "de" else "%")
    return f"{tr(lang, 'agent_level_' + level)} ({pct}), {tr(lang, 'agent_outcome_' + match.outcome)}"


def agent_summary(case: AgentCase, lang: str = "de", redact: bool = False) -> str:
    """Return the Markdown summary of a ticket case: topic, facts, path, cause, next step,
    the ticket (literal, in a code block) and the suggested reply.

    With a settled diagnosis it is the chat's `case_summary` plus the ticket and reply;
    `redact` masks e-mail addresses and names everywhere, the ticket included.
    """
    from bot.chat.summary import case_summary, facts_table, md_escape
    from faq.flows.dates import format_date
    from faq.tickets.redact import redact as redact_text

    lang = lang if lang in ("de", "en") else "de"
    t = _labels(lang)
    result = case.result
    ticket = redact_text(case.ticket) if redact else case.ticket
    reply = redact_text(case.reply) if redact else case.reply
    topic = md_escape(case.entry.title.get(lang)) if case.entry is not None else t["no_topic"]
    topic_line = f"- **{t['topic']}:** {topic} ({confidence_words(result.match, lang)})"
    tail = ["", f"## {t['ticket']}", "", topic_line, "", _fenced(ticket), "", f"## {t['reply']}", "", _fenced(reply), ""]
    diag = case.diagnosis
    if case.flow is not None and diag is not None and case.settled:
        base = case_summary(case.kb, case.flow, diag, _first_line(case.ticket), case.today, lang, redact=redact)
        head, sep, foot = base.rpartition("\n---\n")
        if not sep:
            return base + "\n".join(tail)
        return head.rstrip("\n") + "\n" + "\n".join(tail) + sep + foot
    # Not settled (a question is open) or no flow: the same sections, written here.
    title = case.flow.title.get(lang) if case.flow is not None else (
        case.entry.title.get(lang) if case.entry is not None else t["ticket"])
    lines = [f"# {t['title']}: {md_escape(title)}", "", f"- **{t['date']}:** {format_date(case.today, lang)}"]
    question = _first_line(case.ticket)
    lines.append(f"- **{t['question']}:** {md_escape(redact_text(question) if redact else question)}")
    if case.flow is not None and diag is not None:
        lines += ["", f"## {t['facts']}", "", *facts_table(case.flow, case.facts, lang, redact)]
    lines += ["", f"## {t['cause']}", "", t["open"] if case.flow is not None else t["none"]]
    fact = case.question
    if fact is not None:
        lines += ["", f"## {t['next']}", "", f"{t['ask']}: {md_escape(fact.question.get(lang))}"]
    lines += tail
    lines += ["---", t["footer"], ""]
    return "\n".join(lines)


