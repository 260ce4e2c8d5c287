"""`faqbot triage`: what a support ticket is about, what it says, what that settles.

`triage_text` triages one ticket text (pure; `today` is passed in); the command line
(`bot.cli.triage`) and the chat's agent view build on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from faq.errors import InputError
from faq.flows.dates import MonthDate
from faq.flows.engine import RESOLVED, UNRESOLVED, Diagnosis, diagnose, proven_cause, proven_causes, relevant_facts
from faq.flows.values import Value, json_value
from faq.kb.model import Entry, Flow, KnowledgeBase
from faq.language.text import clean
from faq.search.matcher import Matcher
from faq.search.results import MatchResult
from faq.tickets.body import clean_body, forwards, quoted_text
from faq.tickets.evidence import OWN, QUOTED, SUBJECT, Evidence, stated_clause
from faq.tickets.facts import Extraction, extract_answer, extract_facts
from faq.tickets.flowtopic import keeps_entry, problem_told, repeated_diagnoses, told_instead
from faq.tickets.quotes import Answer, answers, doubts_quoted, points_below, quoted_of_then
from faq.tickets.redact import mask_email, redact
from faq.tickets.reply import suggest_reply
from faq.tickets.sender import sender_name
from faq.tickets.settling import UNCUED, YEARLESS, adopted, rough_dates, spans_firm, weak_facts, year_untold, years_weak
from faq.tickets.statedtopic import stated_instead
from faq.tickets.topanswer import top_answer
from faq.tickets.topic import match_topic
from faq.tickets.weights import weights

__all__ = ["TriageResult", "facts_stated", "match_topic", "revise", "settle", "thread_subject", "triage_text"]

_THREAD_SUBJECT = re.compile(r"^[ \t>]*(?:subject|betreff)[ \t]*:[ \t]*(?:(?:re|aw|fw|fwd|wg|wtr)[ \t]*:[ \t]*)*(?P<subject>\S.*)$",
                             re.I | re.M)


def thread_subject(text: str) -> str:
    """Return the subject of the mail a ticket replies to or forwards (its quoted header), or ""."""
    m = _THREAD_SUBJECT.search(text)
    return m.group("subject").strip() if m else ""



@dataclass(frozen=True)
class TriageResult:
    """The triage of one ticket.

    Attributes:
        ticket: The ticket's id (or "file:line"), None when none was given.
        match: The matcher's verdict on the ticket (topic, outcome, confidence, language).
        facts: The flow facts the text states, in the flow's order.
        cause: The cause those facts prove, else None.
        next: The question to ask next {"fact", "type", "question"}, else None.
        reply: The suggested reply, in the ticket's language.
        diagnosis: The flow's diagnosis on the facts, None without a flow.
        notes: What was seen but not used (an impossible date, a malformed address).
        evidence: Fact id -> where the ticket states it (offsets in the ticket's text).
        subject: The ticket's subject line, or "".
        name: The sender's name the reply greets, or "".
        weak: Facts shown but read through a weak path (`faq.tickets.settling`): they settle no cause.
    """

    ticket: str | None
    match: MatchResult
    facts: Mapping[str, Value]
    cause: str | None
    next: Mapping[str, str] | None
    reply: str
    diagnosis: Diagnosis | None = None
    notes: tuple[str, ...] = ()
    evidence: Mapping[str, Evidence] = field(default_factory=dict)
    subject: str = ""
    name: str = ""
    weak: tuple[str, ...] = ()

    @property
    def id(self) -> str | None:
        """The topic's FAQ entry id (None on no_match)."""
        return self.match.id

    def weak_words(self) -> dict[str, str]:
        """Weak fact id -> the customer's words it was read from, for a reply to quote."""
        return _weak_words(self.weak, self.evidence)

    @property
    def lang(self) -> str:
        """The ticket's language, "de" or "en"."""
        return self.match.lang

    def to_json(self, redacted: bool = False) -> dict[str, Any]:
        """Return the CONTRACT §3 object of `faqbot triage --json`.

        Args:
            redacted: Mask e-mail addresses (keeping the domain) and names.
        """
        # The contract's dates are JJJJ-MM-TT: a date known only to its month never enters
        # `facts` (no day is made up); it is given apart, as JJJJ-MM.
        facts = {k: json_value(v) for k, v in self.facts.items() if not isinstance(v, MonthDate)}
        months = {k: json_value(v) for k, v in self.facts.items() if isinstance(v, MonthDate)}
        reply = self.reply
        if redacted:
            facts = {k: mask_email(v) if isinstance(v, str) and "@" in v else v for k, v in facts.items()}
            reply = redact(reply)
        return {
            "ticket": redact(self.ticket) if redacted and self.ticket else self.ticket,
            "id": self.match.id,
            "outcome": self.match.outcome,
            "confidence": self.match.confidence,
            "flow": self.match.flow,
            "facts": facts,
            "cause": self.cause,
            "next": dict(self.next) if self.next is not None else None,
            "reply": reply,
            "evidence": {k: self._evidence_json(k, redacted) for k in self.evidence if k in self.facts},
            "month_facts": months,
            "weak_facts": [k for k in self.weak if k in facts],
        }

    def _evidence_json(self, fact: str, redacted: bool) -> dict[str, Any]:
        obj = self.evidence[fact].to_json()
        if redacted:
            obj["quote"], obj["sentence"] = redact(obj["quote"]), redact(obj["sentence"])
        return obj


# -- one ticket ----------------------------------------------------------------------


def _proven(flow: Flow, diag: Diagnosis, today: date) -> str | None:
    """Return the cause the facts prove: a specific cause, or the end every known fact leads to."""
    specific = proven_cause(flow, diag, today)
    if specific is not None:
        return specific
    if diag.status != RESOLVED or diag.cause is None:
        return None
    # `unresolved` or the fallback: only when no missing fact can still change the outcome
    # (a fact tested only beside a condition already false is not asked), and no cause was
    # left open by a "don't know".
    if not relevant_facts(flow, diag.facts, today) and (diag.cause != UNRESOLVED or not diag.possible):
        return diag.cause
    return None


def _merge(flow: Flow, own: Extraction, quoted: Extraction, over_uncued: bool = False) -> Extraction:
    """Add the facts only the quoted text states to those of the customer's own words; with
    `over_uncued` (an answer below a quoted question), also those the own words name by no cue
    (`UNCUED`: "> When did usage start?" - "On 3 August 2026." is the usage start, cued by the question)."""
    uncued = _uncued(own.notes) - _uncued(quoted.notes) if over_uncued else set()
    extra = {k: v for k, v in quoted.facts.items() if k not in own.facts or k in uncued}
    if not extra:
        return own
    both = {**own.facts, **extra}
    facts = {f.id: both[f.id] for f in flow.facts if f.id in both}
    evidence = {**own.evidence, **{k: v for k, v in quoted.evidence.items() if k in extra}}
    notes = tuple(n for n in own.notes if not (n.endswith(UNCUED) and n.split(":")[0] in extra))
    return Extraction(facts, notes, evidence)


def _answers_only(body: str, inline: list[Answer], matcher: Matcher, subject: str) -> bool:
    """Whether the customer's own words less their answers to quoted questions name no topic."""
    rest = body
    for said in sorted({a.text.split("\n")[0].strip() for a in inline}, key=len, reverse=True):  # "No, it shows x@y.z." before "x@y.z"
        rest = rest.replace(said, " ")
    return rest.strip() != body.strip() and match_topic(rest, matcher, subject).outcome == "no_match"


def _uncued(notes: Iterable[str]) -> set[str]:
    """The facts a reader's notes say were named by no cue (`UNCUED`)."""
    return {n.split(":")[0] for n in notes if n.endswith(UNCUED)}


def _months_settled(flow: Flow, extraction: Extraction, today: date) -> Extraction:
    """Keep a date known only to its month ("Ende August", a `MonthDate`) only when its first
    and its last day (up to today, for a date that cannot lie ahead) lead to the same cause,
    next question and open causes, as the chat takes a month alone; else it states nothing."""
    from faq.flows.dates import MonthDate
    from faq.flows.values import future_allowed

    facts, notes = dict(extraction.facts), list(extraction.notes)
    for key, value in extraction.facts.items():
        if not isinstance(value, MonthDate):
            continue
        last = value.last_day if future_allowed(flow, key) else min(value.last_day, today)
        ends = [diagnose(flow, {**facts, key: day}, today) for day in (date(value.year, value.month, 1), last)]
        if len({(d.cause, d.next_fact.id if d.next_fact else None, tuple(d.possible)) for d in ends}) > 1:
            del facts[key]
            notes.append(f"{key}: the month {value.year:04d}-{value.month:02d} does not settle it without the day")
    if len(facts) == len(extraction.facts):
        return extraction
    return Extraction(facts, tuple(notes), {k: v for k, v in extraction.evidence.items() if k in facts})


def _located(extraction: Extraction, part: str, text: str, source: str) -> Extraction:
    """Move the evidence of facts read from `part` to offsets in the ticket's `text`."""
    if not extraction.evidence:
        return extraction
    moved: dict[str, Evidence] = {}
    for fact, ev in extraction.evidence.items():
        at = text.find(ev.sentence) if ev.sentence else -1
        if at < 0:
            at = text.find(ev.quote)
            moved[fact] = ev.moved(at - ev.start if at >= 0 else 0, source)
            continue
        inner = ev.sentence.find(ev.quote)
        start = at + max(inner, 0)
        moved[fact] = Evidence(ev.quote, ev.sentence, start, start + len(ev.quote), source)
    return Extraction(extraction.facts, extraction.notes, moved)


def triage_text(
    text: str,
    kb: KnowledgeBase,
    matcher: Matcher,
    today: date,
    ticket_id: str | None = None,
    subject: str = "",
) -> TriageResult:
    """Triage one ticket.

    Args:
        text: The ticket's text, as the customer wrote it (quotes and signature may
            still be in it; they are removed here).
        kb: The knowledge base.
        matcher: Its matcher.
        today: The date relative dates count from.
        ticket_id: The ticket's id, shown in the result.
        subject: The subject line, if any.

    Returns:
        Topic, facts, the cause they prove or the next question, and a suggested reply.
    """
    text = clean(text)
    body = clean_body(text)
    inline = [a for a in answers(text) if a.text.split("\n")[0].strip() in body]  # not a closing
    match, about_text = match_topic(body, matcher, subject), body  # the text the topic was read from
    quoted = quoted_text(text)
    if quoted and (match.outcome != "answer" or match.confidence < weights().sure) \
            and (points_below(body) or match.outcome == "no_match" and forwards(text)):
        # "see below from our finance team - can you explain?": the mail pointed at says what
        # the ticket is about, unless the customer's own words already do so with confidence
        # (a request torn between entries does not: "kannst du das Ticket bei MS aufmachen?");
        # so does a forwarded mail under words that name no topic ("kannst du das übernehmen?").
        match, about_text = match_topic(f"{body}\n\n{quoted}", matcher, subject), f"{body}\n\n{quoted}"
    if inline and (match.outcome == "no_match" or _answers_only(body, inline, matcher, subject)):
        # Answers written under quoted questions ("1 November 2026.") name no topic of their
        # own: then their questions are read with them, as context (no "?"), not as the problem;
        # so they are when the topic was read from the answers alone ("No, first order ever.").
        about = "\n\n".join([body, *(f"{a.question.rstrip('?')}. {a.text}" for a in inline)])
        match, about_text = match_topic(about, matcher, subject), body
    thread = "" if subject else thread_subject(text)
    on_top = top_answer(text, body)
    if on_top is not None:
        # A yes or no on top of the one question of the mail it quotes answers that question:
        # the question with the answer, in the thread, names the topic (faq.tickets.topanswer).
        inline.append(on_top)
        answered = match_topic(f"{on_top.question.rstrip('?')}. {on_top.text}", matcher, subject or thread)
        if answered.outcome != "no_match":
            match, about_text = answered, body
    if thread and (match.outcome == "no_match" or match.confidence < weights().sure):
        # A reply carries its thread's subject in the quoted header ("Betreff: AW: Keine
        # Aktivierungsmail"): when neither the customer's own words nor a mail they point
        # at decide, it is read too.
        in_thread = match_topic(body, matcher, thread)
        if in_thread.outcome == "answer":
            match, about_text = in_thread, body
    match = stated_instead(told_instead(match, about_text, kb, matcher, today), body, quoted, inline, kb, matcher, today)
    lang = match.lang
    entry = kb.entry(match.id) if match.id else None
    flow = kb.flow(entry.flow) if entry is not None and entry.flow else None
    if flow is None and match.outcome == "answer":
        match, entry, flow = _settled_instead(kb, match, entry, flow, body, today)
    if flow is None:
        name = sender_name(text)
        reply = suggest_reply(kb, entry.id if entry else None, lang, name=name)
        return TriageResult(ticket_id, match, {}, None, None, reply, subject=subject, name=name)
    extraction = _located(extract_facts(body, flow, today, lang, kb.vocabulary), body, text, OWN)
    if subject:
        titled = _located(extract_facts(subject, flow, today, lang, kb.vocabulary, SUBJECT), subject, subject, SUBJECT)
        extraction = _merge(flow, extraction, titled)
    for answer in inline:
        # "answering your questions inline": the quoted question gives the answer its context.
        extraction = _merge(flow, extraction, extract_answer(answer, flow, today, lang, kb.vocabulary), over_uncued=True)
    if quoted and not doubts_quoted(body) and points_below(body) and not quoted_of_then(body, today.year):
        # A forwarded mail from a colleague or the reseller may state what the customer
        # does not repeat ("Kaufdatum: 31.05.2026"): its statements count after the
        # customer's own words when the customer points at it ("siehe unten"), its questions
        # and examples never, and nothing of it when the customer doubts it ("Stimmt das überhaupt?") or dates
        # it to an earlier period ("weitergeleitet, alte Nachricht vom letzten Jahr").
        from_quote = extract_facts(quoted, flow, today, lang, kb.vocabulary, QUOTED)
        extraction = _merge(flow, extraction, _located(from_quote, quoted, text, QUOTED))
    settled = _months_settled(flow, extraction, today)
    months = {k: v for k, v in extraction.facts.items() if isinstance(v, MonthDate) and k not in settled.facts}
    weak = weak_facts(settled.evidence, adopted(body, flow, lang, kb.vocabulary), settled.notes,
                      spans_firm(flow, settled.facts, settled.evidence, today)) \
        | years_weak(flow, settled.facts, settled.evidence, settled.notes, today, year_untold(body))  # "am 1. Dezember": which year?
    if any(n.endswith((UNCUED, YEARLESS)) for n in settled.notes):  # a fact shown is no note of what went unused
        settled = Extraction(settled.facts, tuple(n for n in settled.notes if not n.endswith((UNCUED, YEARLESS))), settled.evidence)
    settled = Extraction(rough_dates(settled.facts, settled.evidence, today), settled.notes, settled.evidence)
    return _conclude(kb, flow, match, settled, today, ticket_id, subject, sender_name(text), months, weak)


def _settled_instead(kb: KnowledgeBase, match: MatchResult, entry: Entry | None, flow: Flow | None, body: str,
                     today: date) -> tuple[MatchResult, Entry | None, Flow | None]:
    """An entry without a diagnosis whose answer a flow's cause repeats (knowledge/tickets/
    diagnoses.yaml) yields to that flow's entry when the ticket leans to it too and its own
    yes/no statements prove that cause ("Wir sehen keine Lizenzen ... sie sind im Testmandanten
    gelandet": licenses-not-visible, wrong account)."""
    same = repeated_diagnoses().get(match.id or "")
    if same is None or keeps_entry(match.id or "", body):
        return match, entry, flow
    lean = next((c for c in match.candidates if c.id == same[0]), None)
    other = kb.entry(same[0])
    if lean is None or lean.confidence < weights().settled_pull or other is None or not other.flow:
        return match, entry, flow
    candidate = kb.flow(other.flow)
    if candidate is None or not problem_told(body, candidate.id):
        return match, entry, flow  # "wir sehen sie im Tenant der Tochter": the flow's problem is not told
    read = extract_facts(body, candidate, today, match.lang, kb.vocabulary)
    stated = {k: v for k, v in read.facts.items() if isinstance(v, bool)}
    if _proven(candidate, diagnose(candidate, stated, today), today) != same[1]:
        return match, entry, flow
    return MatchResult(match.query, "answer", other.id, other.flow, lean.confidence, match.lang,
                       match.candidates), other, candidate


def _conclude(kb: KnowledgeBase, flow: Flow, match: MatchResult, extraction: Extraction, today: date,
              ticket_id: str | None, subject: str, name: str, months: Mapping[str, MonthDate] | None = None,
              weak_read: frozenset[str] | None = None) -> TriageResult:
    """Diagnose the facts read, and write the reply.

    A cause is settled only by facts read from plain statements: when it needs a weak one
    (`faq.tickets.settling`), the diagnosis is that of the others and the reply asks again.
    """
    lang = match.lang
    weak_read = weak_facts(extraction.evidence) if weak_read is None else weak_read
    weak = tuple(k for k in extraction.facts if k in weak_read)
    diag, cause = settle(flow, extraction.facts, weak, today)
    nxt = None
    if cause is None and diag.next_fact is not None:
        fact = diag.next_fact
        nxt = {"fact": fact.id, "type": fact.type, "question": fact.question.get(lang)}
    wrote = {k: w for k, w in _weak_words(weak, extraction.evidence).items() if k not in diag.facts}
    reply = suggest_reply(kb, match.id, lang, flow, diag, cause, name, today, months, wrote)
    return TriageResult(ticket_id, match, extraction.facts, cause, nxt, reply, diag, extraction.notes,
                        extraction.evidence, subject, name, weak)


def settle(flow: Flow, facts: Mapping[str, Value], weak: Iterable[str], today: date) -> tuple[Diagnosis, str | None]:
    """Return the flow's diagnosis on `facts` and the cause they prove (else None).

    A cause that needs a fact in `weak` (read through a weak path, `faq.tickets.settling`) is
    not settled: the diagnosis is then that of the other facts, which asks for the weak one, or
    settles the cause they prove on their own (a weak fact never blocks a firm one: "Junk-Ordner nicht
    geprüft" beside a quoted "Ihre Domäne ist verifiziert" is the junk folder).
    """
    diag = diagnose(flow, facts, today)
    cause = _proven(flow, diag, today)
    weak = frozenset(weak)
    firm_facts = {k: v for k, v in facts.items() if k not in weak}
    if cause is not None and len(proven_causes(flow, firm_facts, today)) > 1:
        return diag, None  # two causes proven at once: no single one is the customer's (the reply names both)
    if cause is not None and weak:
        firm = diagnose(flow, firm_facts, today)
        if (firm_cause := _proven(flow, firm, today)) != cause:
            return firm, firm_cause
    return diag, cause


def _weak_words(weak: Iterable[str], evidence: Mapping[str, Evidence]) -> dict[str, str]:
    """Weak fact id -> the customer's words it was read from (`_wrote`)."""
    return {k: _wrote(evidence[k]) for k in weak if k in evidence}


def _wrote(evidence: Evidence) -> str:
    """The customer's words of a fact for a reply to quote: its sentence, or where the sentence is
    long (`weights.yaml` quote_chars) the clause of the words that state it, with the negation or
    hedge it holds (`stated_clause`)."""
    sentence = " ".join(evidence.sentence.split()).rstrip(" .!?;:")
    if sentence and len(sentence) <= weights().quote_chars:
        return sentence
    return stated_clause(sentence, " ".join(evidence.quote.split()))


def revise(result: TriageResult, kb: KnowledgeBase, today: date, reject: Iterable[str] = (),
           correct: Mapping[str, Value] | None = None) -> TriageResult:
    """Return the triage again after an agent rejected or corrected facts read from the ticket.

    A rejected fact is no longer known (the flow may ask for it); a corrected one takes
    the agent's value. Either loses its evidence: it is the agent's word now, not the
    ticket's. Diagnosis, cause, next question and reply follow at once.

    Raises:
        InputError: A fact to reject or correct is not one of the ticket's flow.
    """
    flow = kb.flow(result.match.flow) if result.match.flow else None
    if flow is None:
        return result
    names = {f.id for f in flow.facts}
    changed = set(reject) | set(correct or {})
    unknown = sorted(changed - names)
    if unknown:
        raise InputError(f"'{unknown[0]}' is not a fact of the flow '{flow.id}'")
    known = {k: v for k, v in result.facts.items() if k not in changed}
    known.update(correct or {})
    facts = {f.id: known[f.id] for f in flow.facts if f.id in known}
    evidence = {k: v for k, v in result.evidence.items() if k not in changed}
    extraction = Extraction(facts, result.notes, evidence)
    return _conclude(kb, flow, result.match, extraction, today, result.ticket, result.subject, result.name,
                     weak_read=frozenset(result.weak) - changed)


def facts_stated(text: str, flow: Flow, kb: KnowledgeBase, today: date, lang: str = "de") -> Extraction:
    """Read the facts of `flow` that a customer states in what they typed (chat or ticket).

    The same reader as triage: the customer's own words only, negation by scope, hedges
    leave a fact open. Each fact carries its evidence (offsets in `text` after cleaning),
    so a dialogue can show it for confirmation ("Sie schrieben: … – stimmt das?",
    `confirm_stated` in the catalogue) instead of asking again.
    """
    text = clean(text)
    body = clean_body(text)
    return _months_settled(flow, _located(extract_facts(body, flow, today, lang, kb.vocabulary), body, text, OWN), today)
