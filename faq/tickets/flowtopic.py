"""The matcher's close candidates decided by what the ticket states for their diagnoses.

A flow's facts are read only when its entry is the topic, so a topic one sibling off loses
the cause the ticket states ("Wir warten seit zwei Wochen auf die Mail. Unser OSM ist
x@outlook.com" read as who receives the mail). The rule, after the matcher and the ticket's
settings (`faq.tickets.topic`) have chosen a topic:

* The close candidates are the topic's candidates at least `facts_close` probable
  (knowledge/tickets/weights.yaml) whose entry has a flow.
* Such a candidate is *told* when the ticket states its flow's problem, a clause naming the
  flow's thing (knowledge/tickets/problems.yaml: the mail, the licences, the link) beside a
  negation or a word of lack (knowledge/language/absence_words.yaml: "fehlt", "nowhere") or asking
  where it is (whereabouts.yaml: "Wo bleibt die Aktivierungsmail?"), and its own words (quotes
  left out) state facts of that flow that prove one of its causes.
* A topic whose own flow's problem the ticket states stays. Otherwise the told candidate
  takes over (the most probable one when several are): it trades places with the topic
  among the candidates, as a setting does.
* A topic without a flow whose answer a flow's cause repeats (knowledge/tickets/diagnoses.yaml:
  the resend of the mail and the cause "sent to another contact") yields to that flow's entry,
  however improbable (among its candidates or not), when the ticket tells that flow's problem
  and its facts prove that very cause, or rule it out (the topic's premise denied: "im falschen
  Konto sind die Lizenzen nicht, sie fehlen einfach"); one marked `told` there (the resend: "the mail
  did not come to me") yields on the problem told alone, or on that very cause stated without the problem
  ("VLSC shows the mail went to our old reseller contact"; its resolution holds the resend's steps), unless
  the ticket asks for what the topic does (`keeps_entry`: "please send it to the new IT lead instead"). Such a topic among the close candidates stands for that
  flow's entry at its own probability, taking over on the same terms.
* A ticket the matcher declines is offered the told candidate (clarify), unless every mention
  of the FAQ's things in it is qualified as something else ("Einladungsmail",
  `faq.tickets.topic.about_something_else`).

A ticket that states no facts of a close candidate's flow, or no problem of it, keeps its
topic. A clause is a sentence's part between commas, semicolons, brackets, dashes or contrast
words, a relative clause left out ("..., mit dem wir nicht mehr arbeiten"); a pronoun or a
"nichts"/"nothing" in a clause that names no thing ("so we never saw it", "sehen wir deshalb
nichts") stands for the thing the last naming clause names, when that is one flow's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache

from faq.flows.engine import cause_state, diagnose, proven_cause
from faq.kb.model import Flow, KnowledgeBase
from faq.language.focus import sentences
from faq.language.lexicon import folded
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.search.matcher import Matcher
from faq.search.results import Candidate, MatchResult
from faq.tickets.facts import extract_facts
from faq.tickets.sentence import has_sequence
from faq.tickets.tokens import Token, negations, tokenize
from faq.tickets.topic import about_something_else
from faq.tickets.weights import ticket_file, weights

__all__ = ["keeps_entry", "problem_told", "repeated_diagnoses", "told_instead"]


@cache
def _things() -> dict[str, tuple[str, ...]]:
    """Flow id -> the folded stems that name the thing whose problem the flow diagnoses."""
    data = ticket_file("problems.yaml") or {}
    out: dict[str, tuple[str, ...]] = {}
    for flow, langs in data.items():
        if isinstance(langs, dict):
            out[str(flow)] = tuple(sorted({fold(str(w)) for ws in langs.values() for w in ws or ()}))
    return out


@cache
def _lack() -> re.Pattern[str]:
    """A word of absence (knowledge/language/absence_words.yaml; a trailing "*" is any ending)."""
    alts = sorted(re.escape(fold(w)).replace(r"\*", r"\w*") for w in lexicon_words("absence_words"))
    return re.compile(r"(?:" + "|".join(alts) + r")$")


def problem_told(text: str, flow_id: str) -> bool:
    """Whether a clause of `text` names the thing of the flow `flow_id` beside a negation or a
    word of lack ("Die Aktivierungsmail kam nie an", "the licences are nowhere to be seen"), or
    asks whether it still holds ("Ist der Link noch gültig?", `persistence_asks`), or
    points at it with a pronoun when the last clause to name one of the flows' things names that one alone ("VLSC shows the
    activation email went to our old provider, so I never saw it"), or denies the writer had it
    ("die Mail ging an unseren früheren Kollegen, nicht an mich")."""
    return flow_id in _told(text)


@lru_cache(maxsize=64)
def _told(text: str) -> frozenset[str]:
    """The flows whose problem a clause of `text` tells (see `problem_told`)."""
    told: set[str] = set()
    before: set[str] = set()
    persists = folded("persistence_asks")
    for asked, clause in ((sentence.rstrip().endswith("?"), c) for sentence in sentences(text) for c in _clauses(sentence)):
        tokens = tokenize(clause)
        named = {flow for flow, stems in _things().items() if any(s in t.word for t in tokens for s in stems)}
        words = [t.word for t in tokens]
        if any(t.neg or _lack().match(t.word) for t in tokens) or has_sequence(words, "whereabouts") \
                or asked and named and not persists.isdisjoint(words):  # "Is the link still good?"
            if named:
                told |= named
            elif len(before) == 1 and (any(t.word in _pointers() or t.word in folded("object_pronouns") for t in tokens)
                                       or _denied_for_writer(tokens)):
                told |= before
        before = _pointed(tokens) or before
    return frozenset(told)


def _denied_for_writer(tokens: list[Token]) -> bool:
    """Whether a clause only denies the writer's side the thing of the clause before ("the licences went to
    the wrong account, not ours", "..., nicht in unserem Tenant"): a negation, the writer's side, and
    nothing beside prepositions, articles and a tenant's name."""
    words = [t.word for t in tokens]
    plain = folded("prepositions") | folded("articles") | negations()
    return any(t.neg for t in tokens) and not folded("writers_side").isdisjoint(words) \
        and all(w in plain or w in folded("writers_side") or w.startswith(tuple(folded("tenant_nouns"))) for w in words)


def _pointed(tokens: list[Token]) -> set[str]:
    """The flows whose thing a later pointer ("sie", "nichts") may stand for after this clause: the thing
    named last ("nach dem Klick auf den Aktivierungslink sind die Lizenzen ... gelandet": the licences),
    or every thing named when a coordinator joins them ("the email and the licences arrived": unsure)."""
    at = [(i, flow) for i, t in enumerate(tokens) for flow, stems in _things().items() if any(s in t.word for s in stems)]
    if not at:
        return set()
    if any(t.word in folded("coordinators") for t in tokens[at[0][0]:at[-1][0]]):
        return {flow for _, flow in at}
    return {at[-1][1]}


def _clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, split at its clause marks and contrasts; a relative clause is left out and
    its neighbours joined ("Die Mail, die wir erwartet haben, kam nie an": "Die Mail kam nie an";
    "Die Mail kam an, aber an unseren alten Dienstleister, mit dem wir nicht mehr arbeiten":
    no clause denies the mail)."""
    out, joined = [""], False
    for n, part in enumerate(_joints().split(sentence)):
        words = [t.word for t in tokenize(part)[:2]]
        if n and words and (words[0] in _relatives() or len(words) > 1 and words[0] in folded("prepositions")
                            and words[1] in _relatives()):
            joined = True
            continue
        if joined or not out[-1]:
            out[-1] = f"{out[-1]} {part}".strip()
        else:
            out.append(part)
        joined = False
    return [c for c in out if c]


@cache
def _joints() -> re.Pattern[str]:
    """What parts clauses: a clause mark, a spaced dash, or a contrast word
    (knowledge/language/contrasts.yaml): "The mail came but no licences"."""
    alts = "|".join(sorted({re.escape(w) for w in lexicon_words("contrasts")}, key=len, reverse=True))
    return re.compile(rf"\s*[,;()–—]\s*|\s+-\s+|\s+(?:{alts})\s+", re.I)


@cache
def _pointers() -> frozenset[str]:
    """The words that stand for a thing named before: a thing pronoun ("sie", "it") or a negation
    naming nothing found ("nichts", "nothing"; knowledge/language/)."""
    return folded("thing_pronouns") | folded("nothing_words")


@cache
def _relatives() -> frozenset[str]:
    return folded("relative_openers")


def _proven(flow: Flow, body: str, today: date, lang: str, kb: KnowledgeBase) -> str | None:
    """The cause of the flow that the facts the ticket's own words state prove, or None."""
    read = extract_facts(body, flow, today, lang, kb.vocabulary)
    return proven_cause(flow, diagnose(flow, read.facts, today), today) if read.facts else None


def _ruled_out(flow: Flow, cause_id: str, body: str, today: date, lang: str, kb: KnowledgeBase) -> bool:
    """Whether the facts the ticket's own words state rule out a cause of the flow (its condition false)."""
    cause = next((c for c in flow.causes if c.id == cause_id), None)
    read = extract_facts(body, flow, today, lang, kb.vocabulary)
    return cause is not None and bool(read.facts) and cause_state(cause, read.facts, today) is False


@cache
def repeated_diagnoses() -> dict[str, tuple[str, str]]:
    """Entry without a flow -> (the flow entry, the cause) whose answer it repeats
    (knowledge/tickets/diagnoses.yaml); an item of another shape names nothing."""
    data = ticket_file("diagnoses.yaml") or {}
    return {str(k): (str(v["entry"]), str(v["cause"])) for k, v in data.items()
            if isinstance(v, dict) and "entry" in v and "cause" in v}


@cache
def _declining() -> dict[str, tuple[str, ...]]:
    """Entry without a flow -> the folded words by which a ticket keeps it (diagnoses.yaml `unless`)."""
    data = ticket_file("diagnoses.yaml") or {}
    return {str(k): tuple(sorted({fold(str(w)) for ws in v["unless"].values() for w in ws or ()}))
            for k, v in data.items() if isinstance(v, dict) and isinstance(v.get("unless"), dict)}


@cache
def _told_alone() -> frozenset[str]:
    """The entries without a flow that yield to their flow's entry on its problem told alone (diagnoses.yaml `told`)."""
    data = ticket_file("diagnoses.yaml") or {}
    return frozenset(str(k) for k, v in data.items() if isinstance(v, dict) and v.get("told") is True)


def keeps_entry(entry_id: str, text: str) -> bool:
    """Whether `text` asks for what the entry without a flow does, not its flow's diagnosis ("Ich
    möchte, dass die Mail stattdessen an unsere IT geht": the resend, not why the mail is missing)."""
    folded_text = fold(text)
    return any(w in folded_text for w in _declining().get(entry_id, ()))


def told_instead(match: MatchResult, body: str, kb: KnowledgeBase, matcher: Matcher, today: date) -> MatchResult:
    """The topic after the close candidates' diagnoses had their say (the module's rule)."""
    if match.id is None and (match.outcome != "no_match" or not match.candidates):
        return match
    floor = weights().facts_close
    same = repeated_diagnoses().get(match.id or "")
    offered = sorted(match.candidates, key=lambda c: -c.confidence)
    if same is not None and all(c.id != same[0] for c in offered):
        offered.append(Candidate(same[0], 0.0))  # the flow whose cause the topic's answer repeats
    repeats = _repeated_candidates(offered, match.id, floor)
    offered = [c for c in offered if all(r.id != c.id for r in repeats)] + list(repeats)
    flows = [(c, flow) for c in offered if c.id != match.id and (c.confidence >= floor or same and c.id == same[0])
             for flow in [_flow_of(kb, c.id)] if flow is not None]
    if not flows:
        return match  # most tickets: no other close candidate has a diagnosis
    own = _flow_of(kb, match.id) if match.id else None
    if own is not None and problem_told(body, own.id) or match.outcome == "no_match" and about_something_else(body, matcher):
        return match
    alone = same is not None and match.id in _told_alone() and not keeps_entry(match.id or "", body)
    for candidate, flow in flows:
        repeated = alone and same is not None and candidate.id == same[0]
        told = problem_told(body, flow.id)
        stands = candidate in repeats and _stands_alone(candidate, repeats[candidate]) and not keeps_entry(candidate.id, body)
        if not told and not repeated and not stands:
            continue
        proven = _proven(flow, body, today, match.lang, kb)
        if not told and proven != (repeats[candidate] if stands else same[1] if same else None):
            continue  # "VLSC shows the mail went to our old reseller contact": the very cause the topic repeats, stated
        if proven is None and same is not None and candidate.id == same[0] and _ruled_out(flow, same[1], body, today, match.lang, kb):
            proven = same[1]  # "im falschen Konto sind die Lizenzen nicht, sie fehlen": the topic's premise denied, the flow's problem told
        if not repeated and (proven is None or candidate.confidence < floor and same is not None and proven != same[1]) \
                or candidate in repeats and proven != repeats[candidate]:
            continue  # the flow a topic's answer repeats takes over on its problem told alone ("mail did not come to me")
        if match.outcome == "no_match":  # declined, yet its stated problem and facts name one flow: offered it
            return replace(match, outcome="clarify", id=candidate.id, flow=flow.id, confidence=candidate.confidence,
                           candidates=(candidate,))
        swapped = {match.id: candidate.confidence, candidate.id: match.confidence}
        candidates = tuple(sorted((Candidate(c.id, swapped.get(c.id, c.confidence)) for c in offered),
                                  key=lambda c: -c.confidence))
        return replace(match, id=candidate.id, flow=flow.id, candidates=candidates)
    return match


def _stands_alone(candidate: Candidate, cause: str) -> bool:
    """Whether a close candidate standing for a flow's entry (`_repeated_candidates`) does so for an entry
    marked `told` in diagnoses.yaml (the resend standing for the missing mail)."""
    return any(entry == candidate.id and repeated == cause and topic in _told_alone()
               for topic, (entry, repeated) in repeated_diagnoses().items())


def _repeated_candidates(offered: list[Candidate], topic: str | None, floor: float) -> dict[Candidate, str]:
    """A close candidate without a flow whose answer a flow's cause repeats (the resend of the mail) stands
    for that flow's entry at its own probability, if the entry is not as close itself: -> the cause
    that alone lets it take over ("Empfänger war unsere Agentur, nicht wir" asked as who receives the mail)."""
    close = {c.id for c in offered if c.confidence >= floor}
    out: dict[Candidate, str] = {}
    for c in offered:
        entry, cause = repeated_diagnoses().get(c.id, (None, ""))
        if entry is not None and c.id != topic and c.confidence >= floor and entry not in close and entry != topic:
            out.setdefault(Candidate(entry, c.confidence), cause)
    return out


def _flow_of(kb: KnowledgeBase, entry_id: str) -> Flow | None:
    entry = kb.entry(entry_id)
    return kb.flow(entry.flow) if entry is not None and entry.flow else None
