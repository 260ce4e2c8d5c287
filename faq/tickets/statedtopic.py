"""The topic of a reply that only answers: the one flow whose facts its words state.

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
* A reply the matcher answered with an entry whose diagnosis reads nothing from it (or that has
  none: "1. OSM ist x@y.de / 3. In der Lizenzzusammenfassung steht nix" read as reservations, "Ja,
  seit Jahren in unserem bestehenden Tenant" as keeping an account) takes the one flow its facts
  name on the same terms, when it tells that flow enough: at least `reply_facts` of its facts
  (knowledge/tickets/weights.yaml), or its problem in the customer's words or the mail they quote
  (`faq.tickets.flowtopic.problem_told`); the two trade places among the candidates. An entry
  without a diagnosis that the ticket asks for (`faq.tickets.flowtopic.keeps_entry`) stays. A
  declined reply that tells a success (`faq.language.success.only_success`: "die Aktivierung hat geklappt")
  needs the same to take a flow: a single address beside it moves nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from faq.kb.model import Flow, KnowledgeBase
from faq.language.success import only_success
from faq.search.matcher import Matcher
from faq.search.results import Candidate, MatchResult
from faq.tickets.facts import extract_answer, extract_facts
from faq.tickets.flowtopic import keeps_entry, problem_told
from faq.tickets.quotes import Answer, is_question
from faq.tickets.settling import weak_facts
from faq.tickets.tokens import sentences
from faq.tickets.topic import about_something_else
from faq.tickets.weights import weights

__all__ = ["replies", "stated_instead"]


def _naming(kb: KnowledgeBase) -> dict[str, str]:
    """Fact id -> the id of the one flow that asks it (facts two flows ask are left out)."""
    asked = Counter(fact.id for flow in kb.flows for fact in flow.facts)
    return {fact.id: flow.id for flow in kb.flows for fact in flow.facts if asked[fact.id] == 1}


def _stated(flow: Flow, body: str, inline: Sequence[Answer], today: date, lang: str, kb: KnowledgeBase) -> frozenset[str]:
    """The facts of `flow` that the customer's words or answers plainly state (no weak path)."""
    out: set[str] = set()
    for read in (extract_facts(body, flow, today, lang, kb.vocabulary),
                 *(extract_answer(a, flow, today, lang, kb.vocabulary) for a in inline)):
        weak = weak_facts(read.evidence, frozenset(), read.notes)
        out.update(fact for fact in read.facts if fact not in weak)
    return frozenset(out)


_NUMBERED = re.compile(r"^[ \t]*(?:[^\W\d_]{1,3}[ \t]+)?\d{1,2}[.):][ \t]+\S", re.M)  # "1. ...", "zu 2) ..."


def replies(body: str, quoted: str, inline: Sequence[Answer]) -> bool:
    """Whether a ticket is a reply: it quotes a mail, answers under quoted questions or numbers two answers."""
    return bool(quoted.strip() or inline) or len(_NUMBERED.findall(body)) >= 2


def stated_instead(match: MatchResult, body: str, quoted: str, inline: Sequence[Answer], kb: KnowledgeBase,
                   matcher: Matcher, today: date) -> MatchResult:
    """The topic of a declined ticket, or of one whose topic's diagnosis reads nothing from it, after the
    facts it states had their say (the module's rule); `quoted` is the mail it quotes, `inline` its
    answers under quoted questions."""
    if not replies(body, quoted, inline) or any(is_question(part) for _, part in sentences(body)) \
            or match.outcome != "no_match" and _reads_own(match, body, inline, kb, today):
        return match
    naming = _naming(kb)
    stated = {flow.id: _stated(flow, body, inline, today, match.lang, kb) for flow in kb.flows}
    named = [flow for flow in kb.flows if any(naming.get(fact) == flow.id for fact in stated[flow.id])]
    if len(named) != 1 or kb.entry(named[0].entry) is None or named[0].entry == match.id \
            or match.outcome != "no_match" and not _told(named[0], stated[named[0].id], body, quoted) \
            or about_something_else(body, matcher):
        return match
    if match.outcome == "no_match" and not _told(named[0], stated[named[0].id], body, quoted) \
            and any(only_success(part) for _, part in sentences(body)):
        return match  # "1. Die Aktivierung hat geklappt. 2. Unser OSM war x@outlook.com": a success, no problem
    flow = named[0]
    confidence = next((c.confidence for c in match.candidates if c.id == flow.entry), 0.0)
    if match.outcome != "no_match":  # answered beside the facts it states: the two trade places
        swapped = {match.id: confidence, flow.entry: match.confidence}
        ranked = [*match.candidates, *([] if any(c.id == flow.entry for c in match.candidates) else [Candidate(flow.entry, 0.0)])]
        return replace(match, id=flow.entry, flow=flow.id, candidates=tuple(sorted(
            (Candidate(c.id, swapped.get(c.id, c.confidence)) for c in ranked), key=lambda c: -c.confidence)))
    return replace(match, outcome="clarify", id=flow.entry, flow=flow.id, confidence=confidence,
                   candidates=(Candidate(flow.entry, confidence),))


def _told(flow: Flow, stated: frozenset[str], body: str, quoted: str) -> bool:
    """Whether a reply tells enough of `flow` to leave an answered topic for it: several of its facts,
    or its problem, in the customer's words or in the mail they quote (`faq.tickets.flowtopic.problem_told`)."""
    return len(stated) >= weights().reply_facts or problem_told(body, flow.id) or bool(quoted) and problem_told(quoted, flow.id)


def _reads_own(match: MatchResult, body: str, inline: Sequence[Answer], kb: KnowledgeBase, today: date) -> bool:
    """Whether the topic's entry keeps the ticket: it asks for what the entry without a diagnosis does
    (`faq.tickets.flowtopic.keeps_entry`), or its diagnosis reads a fact from the customer's words or answers."""
    entry = kb.entry(match.id) if match.id else None
    if entry is None or keeps_entry(entry.id, body):
        return True
    flow = kb.flow(entry.flow) if entry.flow else None
    return flow is not None and any(read.facts for read in (
        extract_facts(body, flow, today, match.lang, kb.vocabulary),
        *(extract_answer(a, flow, today, match.lang, kb.vocabulary) for a in inline)))
