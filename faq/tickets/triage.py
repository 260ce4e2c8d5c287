"""`faqbot triage`: what a support ticket is about, what it says, what that settles.

`triage_text` triages one ticket text (pure; `today` is passed in); the command line
(`bot.cli.triage`) and the chat's agent view build on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from faq.flows.engine import RESOLVED, UNRESOLVED, Diagnosis, cause_state, diagnose
from faq.flows.values import Value, json_value
from faq.kb.model import Flow, KnowledgeBase
from faq.language.normalize import fold
from faq.language.text import clean
from faq.search.matcher import Matcher, MatchResult
from faq.tickets.body import clean_body, quoted_text
from faq.tickets.facts import Extraction, extract_facts, find_emails, sentences
from faq.tickets.redact import mask_email, redact
from faq.tickets.reply import suggest_reply

__all__ = ["TriageResult", "match_topic", "triage_text"]

_SCAN_UNITS = 40  # sentences looked at in a long ticket
_MAX_UNITS = 4  # the most relevant sentences (most known words) matched one by one
_SURE = 0.5  # a whole-text verdict this confident is not second-guessed sentence by sentence


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
        evidence: Fact id -> the sentence that states it.
        subject: The ticket's subject line, or "".
    """

    ticket: str | None
    match: MatchResult
    facts: Mapping[str, Value]
    cause: str | None
    next: Mapping[str, str] | None
    reply: str
    diagnosis: Diagnosis | None = None
    notes: tuple[str, ...] = ()
    evidence: Mapping[str, str] = field(default_factory=dict)
    subject: str = ""

    @property
    def id(self) -> str | None:
        """The topic's FAQ entry id (None on no_match)."""
        return self.match.id

    @property
    def lang(self) -> str:
        """The ticket's language, "de" or "en"."""
        return self.match.lang

    def to_json(self, redacted: bool = False) -> dict[str, Any]:
        """Return the CONTRACT §3 object of `faqbot triage --json`.

        Args:
            redacted: Mask e-mail addresses (keeping the domain) and names.
        """
        facts = {k: json_value(v) for k, v in self.facts.items()}
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
        }


# -- topic ---------------------------------------------------------------------------

_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)


def _match_text(text: str) -> str:
    """Drop what only confuses the matcher: addresses and links."""
    for start, end, _ in reversed(find_emails(text)):
        text = text[:start] + " " + text[end:]
    return _URL.sub(" ", text)


_MIN_KNOWN = 2  # a sentence matched on its own needs this many words the knowledge base knows


def _known_tokens(text: str, matcher: Matcher) -> int:
    """Count the distinct words of `text` that the knowledge base knows as they are (no typo fixing)."""
    return len({t for t in matcher.normalizer.tokens(text) if matcher.knows(t)})


_PROBLEM = re.compile(
    r"\?|\b(?:nicht|kein\w*|nie|niemals|nix|fehl\w*|problem\w*|fehler\w*|hilfe|helfen|abgelaufen|"
    r"doppelt\w*|verdoppelt|falsch\w*|warum|wieso|weshalb|not|no|never|none|missing|problem|error|help|"
    r"expired|doubled?|twice|wrong|why|\w+n't|didnt|dont|doesnt|cant|wont|isnt|wasnt|havent|hasnt)\b"
)
_CONTEXT_WEIGHT = 0.5
_FULL_UNIT = 3  # known words from which a sentence's verdict counts in full
_OVERRIDE_UNIT = 4  # known words a sentence needs to overrule the whole text's verdict (a clause after "aber" needs fewer)
_CONTRAST = re.compile(r",?\s+(?:aber|but|jedoch|however|allerdings|trotzdem|nevertheless|though)\s+", re.I)


def match_topic(body: str, matcher: Matcher, subject: str = "") -> MatchResult:
    """Match a ticket to its FAQ entry: the best of the whole text and its sentences.

    A ticket is longer than a question. Its sentences (the subject counts as one)
    that hold no word the knowledge base knows are left out; the rest is matched as
    a whole and, unless that is a confident answer, each of the most relevant
    sentences, the clauses after "aber"/"but" and neighbouring pairs too: the most
    confident verdict wins (the whole text on a tie). A sentence of few known words
    cannot decide a ticket the whole text matches, nor one it does not. The language
    is detected once, on the whole text.
    """
    units = [u for u in (_match_text(s).strip() for _, s in sentences(body)) if u]
    if subject:
        units.insert(0, _match_text(subject).strip())
    units = units[:_SCAN_UNITS]
    known = [_known_tokens(u, matcher) for u in units]
    kept = [u for u, k in zip(units, known) if k] or units
    whole = "\n".join(kept) if len(units) > 1 else _match_text(body)
    lang = matcher.detect_language("\n".join(units) or body)
    best = matcher.match(whole, lang)
    # "Wir haben bestellt, aber die Mail ist nicht da": what follows "aber"/"but" is
    # usually the problem itself, so it competes as a unit of its own.
    clauses = [c.strip() for u in kept for c in _CONTRAST.split(u)[1:] if c.strip()]
    # A problem is often told in two sentences ("The link gives an error. Can it be
    # reactivated?"): neighbours compete as one unit too.
    pairs = [f"{a} {b}" for a, b in zip(kept, kept[1:])][:_SCAN_UNITS]
    extra = clauses + pairs
    candidates = list(zip(units, known)) + [(c, _known_tokens(c, matcher)) for c in extra]
    if len(kept) + len(clauses) <= 1 or (best.outcome == "answer" and best.confidence >= _SURE):
        return _as_ticket(best, whole, lang)
    relevant = sorted(((k, i, u) for i, (u, k) in enumerate(candidates) if k >= _MIN_KNOWN and len(u) >= 8),
                      key=lambda x: (-x[0], x[1]))[:_MAX_UNITS + len(extra)]
    best_weight = best.confidence
    whole_matched = best.outcome != "no_match"
    for known_words, _, unit in relevant:
        if best.outcome == "no_match" and known_words < _FULL_UNIT:
            continue  # a ticket that matches nothing as a whole is not decided by "How do we fix this?"
        if whole_matched and known_words < _OVERRIDE_UNIT and unit not in clauses:
            continue  # nor is one the whole text answers ("Müssen wir jetzt wieder aktivieren?")
        result = matcher.match(unit, lang)
        # A sentence that states the problem says what the ticket is about; one that
        # only gives context ("Als OSM ist x eingetragen") counts for less, and so does
        # one of two or three words, which fits some entry perfectly by chance.
        weight = result.confidence * (1.0 if _PROBLEM.search(fold(unit)) else _CONTEXT_WEIGHT)
        weight *= min(1.0, known_words / _FULL_UNIT)
        if result.outcome != "no_match" and (best.outcome == "no_match" or weight > best_weight):
            best, best_weight = result, weight
    return _as_ticket(best, whole, lang)


def _as_ticket(result: MatchResult, whole: str, lang: str) -> MatchResult:
    if result.query == whole and result.lang == lang:
        return result
    return MatchResult(whole[:500], result.outcome, result.id, result.flow, result.confidence, lang, result.candidates)


# -- one ticket ----------------------------------------------------------------------


def _proven(flow: Flow, diag: Diagnosis, today: date) -> str | None:
    """Return the cause the facts prove: a specific cause, or the end every known fact leads to."""
    if diag.status != RESOLVED or diag.cause is None:
        return None
    cause = flow.cause(diag.cause)
    if cause is not None and cause.when and cause_state(cause, diag.facts, today) is True:
        return cause.id
    # `unresolved` or the fallback: only when the ticket states every fact of the flow.
    if all(f.id in diag.facts for f in flow.facts) and (diag.cause != UNRESOLVED or not diag.possible):
        return diag.cause
    return None


def _merge(flow: Flow, own: Extraction, quoted: Extraction) -> Extraction:
    """Add the facts only the quoted text states to those of the customer's own words."""
    extra = {k: v for k, v in quoted.facts.items() if k not in own.facts}
    if not extra:
        return own
    both = {**own.facts, **extra}
    facts = {f.id: both[f.id] for f in flow.facts if f.id in both}
    evidence = {**own.evidence, **{k: v for k, v in quoted.evidence.items() if k in extra}}
    return Extraction(facts, own.notes, evidence)


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
    match = match_topic(body, matcher, subject)
    lang = match.lang
    entry = kb.entry(match.id) if match.id else None
    flow = kb.flow(entry.flow) if entry is not None and entry.flow else None
    if flow is None:
        reply = suggest_reply(kb, entry.id if entry else None, lang)
        return TriageResult(ticket_id, match, {}, None, None, reply, subject=subject)
    extraction = extract_facts(f"{subject}.\n{body}" if subject else body, flow, today, lang, kb.vocabulary)
    quoted = quoted_text(text)
    if quoted:
        # A forwarded mail from a colleague or the reseller may state what the customer
        # does not repeat ("Kaufdatum: 31.05.2026"); the customer's own words come first.
        extraction = _merge(flow, extraction, extract_facts(quoted, flow, today, lang, kb.vocabulary))
    diag = diagnose(flow, extraction.facts, today)
    cause = _proven(flow, diag, today)
    nxt = None
    if cause is None and diag.next_fact is not None:
        fact = diag.next_fact
        nxt = {"fact": fact.id, "type": fact.type, "question": fact.question.get(lang)}
    reply = suggest_reply(kb, entry.id, lang, flow, diag, cause)
    return TriageResult(ticket_id, match, extraction.facts, cause, nxt, reply, diag, extraction.notes,
                        extraction.evidence, subject)
