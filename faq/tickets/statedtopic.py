"""The topic of a declined ticket that only answers: the one flow whose facts its words state.

A customer answering support's questions often names no problem at all ("1. OSM-Adresse:
x@y.de / 2. Vertragsnummer reiche ich nach", "Unsere OSM-Adresse ist x@y.de."): the matcher
declines it, and its facts are never read. The rule, after the matcher and the close
candidates' diagnoses (`faq.tickets.flowtopic`) have declined the ticket:

* A fact *names* a flow when that flow alone of the knowledge base asks it (the OSM's address
  names why the activation mail is missing; a usage start, asked by two flows, names none).
* The customer's own words and their answers under quoted questions are read for every flow;
  a fact read through a weak path (no cue, a misspelt negation, `faq.tickets.settling.weak_facts`)
  names nothing.
* Only a reply is read so: a ticket that quotes an earlier mail, answers under quoted questions
  or lists its answers numbered ("1. ...", "zu 2) ..."), at least two of them.
* When the facts read name exactly one flow, the ticket is offered that flow's entry (clarify,
  as a declined ticket whose problem and facts name one flow is), unless the customer's own words
  ask a question (what the matcher declined is then asked: "Wie ändere ich die Rechnungsadresse?
  Unsere Domäne ist verifiziert" is about the address) or every mention of the FAQ's things in
  it is qualified as something else (`faq.tickets.topic.about_something_else`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from faq.kb.model import Flow, KnowledgeBase
from faq.search.matcher import Candidate, Matcher, MatchResult
from faq.tickets.facts import extract_answer, extract_facts
from faq.tickets.quotes import Answer, is_question
from faq.tickets.settling import weak_facts
from faq.tickets.tokens import sentences
from faq.tickets.topic import about_something_else

__all__ = ["replies", "stated_instead"]


def _naming(kb: KnowledgeBase) -> dict[str, str]:
    """Fact id -> the id of the one flow that asks it (facts two flows ask are left out)."""
    asked = Counter(fact.id for flow in kb.flows for fact in flow.facts)
    return {fact.id: flow.id for flow in kb.flows for fact in flow.facts if asked[fact.id] == 1}


def _states_own(flow: Flow, naming: dict[str, str], body: str, inline: Sequence[Answer], today: date, lang: str,
                kb: KnowledgeBase) -> bool:
    """Whether the customer's words or answers plainly state a fact that only `flow` asks."""
    for read in (extract_facts(body, flow, today, lang, kb.vocabulary),
                 *(extract_answer(a, flow, today, lang, kb.vocabulary) for a in inline)):
        weak = weak_facts(read.evidence, frozenset(), read.notes)
        if any(naming.get(fact) == flow.id and fact not in weak for fact in read.facts):
            return True
    return False


_NUMBERED = re.compile(r"^[ \t]*(?:[^\W\d_]{1,3}[ \t]+)?\d{1,2}[.):][ \t]+\S", re.M)  # "1. ...", "zu 2) ..."


def replies(body: str, quoted: str, inline: Sequence[Answer]) -> bool:
    """Whether a ticket is a reply: it quotes a mail, answers under quoted questions or numbers two answers."""
    return bool(quoted.strip() or inline) or len(_NUMBERED.findall(body)) >= 2


def stated_instead(match: MatchResult, body: str, quoted: str, inline: Sequence[Answer], kb: KnowledgeBase,
                   matcher: Matcher, today: date) -> MatchResult:
    """The topic of a declined ticket after the facts it states had their say (the module's rule);
    `quoted` is the mail it quotes, `inline` its answers under quoted questions."""
    if match.outcome != "no_match" or not replies(body, quoted, inline) or any(is_question(part) for _, part in sentences(body)):
        return match
    naming = _naming(kb)
    named = [flow for flow in kb.flows if _states_own(flow, naming, body, inline, today, match.lang, kb)]
    if len(named) != 1 or kb.entry(named[0].entry) is None or about_something_else(body, matcher):
        return match
    flow = named[0]
    confidence = next((c.confidence for c in match.candidates if c.id == flow.entry), 0.0)
    return replace(match, outcome="clarify", id=flow.entry, flow=flow.id, confidence=confidence,
                   candidates=(Candidate(flow.entry, confidence),))
