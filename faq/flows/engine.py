"""The diagnostic engine: which cause the known facts prove, or what to ask next.

Pure: no I/O, no clock (`today` is passed in). Semantics (CONTRACT §2):

* Each condition is true, false or open (fact missing, or answered UNKNOWN).
  A cause is proven when one of its alternatives has all conditions true, and
  ruled out when every alternative has a false condition; otherwise it is open.
* Causes are in priority order: the first proven cause settles the diagnosis,
  even while earlier causes are still open.
* While none is proven, the next question is a missing fact that appears in a
  not-yet-false alternative of an open cause, one with no condition answered
  "don't know" (that alternative can never be proven): lowest `cost` first, then
  the fact that touches the most open causes, then declaration order.
* When no such fact is left, the diagnosis is `unresolved`, with the open causes
  (left open by "don't know" answers) as `possible`; when none is open and the
  flow declares a `fallback`, that cause.

Use `diagnose` for a diagnosis, `diagnosis_json` for the CONTRACT §3 JSON,
`fill` for the `{fact}` / `{fact_deadline}` / `{fact_timing}` templates in texts, and `answer` /
`back` to keep the facts of a dialogue (their order is the path taken).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from faq.errors import InputError
from faq.flows.dates import Timing, date_holds, deadline, format_timing, timing
from faq.flows.values import UNKNOWN, Unknown, Value, display_value, domain_of, json_value
from faq.kb.model import Cause, Condition, Fact, Flow, Resolution

__all__ = [
    "NEEDS_INPUT",
    "RESOLVED",
    "UNKNOWN",
    "UNRESOLVED",
    "Diagnosis",
    "answer",
    "back",
    "cause_state",
    "condition_state",
    "diagnose",
    "diagnosis_json",
    "fill",
    "flow_fact",
    "proven_cause",
    "proven_causes",
    "relevant_facts",
]

RESOLVED = "resolved"
NEEDS_INPUT = "needs_input"
UNRESOLVED = "unresolved"

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


@dataclass(frozen=True)
class Diagnosis:
    """The state of a flow on the facts known.

    Attributes:
        flow_id: The flow diagnosed.
        status: "resolved" or "needs_input".
        cause: The cause id settled ("unresolved" when none could be proven), or None
            while needs_input.
        next_fact: The fact to ask next while needs_input, else None.
        facts: The facts known (flow facts only), in the order given.
        possible: Causes left open by "don't know" answers (when unresolved).
        path: Fact ids in the order they were asked or given.
        resolution: What to do (the cause's, or the flow's `unresolved`), None while needs_input.
        values: Template values before formatting: each fact's value under its id and,
            for date facts, `<id>_deadline` (a date) and, under an hours condition,
            `<id>_timing` (where the date stands to today). `fill` formats them per language.
    """

    flow_id: str
    status: str
    cause: str | None
    next_fact: Fact | None
    facts: Mapping[str, Value]
    possible: tuple[str, ...] = ()
    path: tuple[str, ...] = ()
    resolution: Resolution | None = None
    values: Mapping[str, Any] = field(default_factory=dict)


def flow_fact(flow: Flow, fact_id: str) -> Fact:
    """Return the fact `fact_id` of `flow`.

    Raises:
        InputError: The flow has no such fact; the message lists its facts.
    """
    fact = flow.fact(fact_id)
    if fact is None:
        known = ", ".join(f.id for f in flow.facts)
        raise InputError(f"unknown fact '{fact_id}' for flow '{flow.id}' (expected one of {known})")
    return fact


def condition_state(cond: Condition, facts: Mapping[str, Value], today: date) -> bool | None:
    """Evaluate one condition: True, False, or None when open (missing or unknown)."""
    value = facts.get(cond.fact)
    if value is None or isinstance(value, Unknown):
        return None
    if cond.op == "is":
        return value is cond.value if isinstance(value, bool) else None
    if cond.op in ("in", "domain"):
        names = cond.value if isinstance(cond.value, tuple) else ()
        if cond.op == "in":
            return value in names
        return domain_of(str(value)) in {d.lower() for d in names}
    if isinstance(value, date) and isinstance(cond.value, int):
        return date_holds(cond.op, cond.value, value, today)
    return None


def _alternative_state(alt: tuple[Condition, ...], facts: Mapping[str, Value], today: date) -> bool | None:
    result: bool | None = True
    for cond in alt:
        state = condition_state(cond, facts, today)
        if state is False:
            return False
        if state is None:
            result = None
    return result


def _combine(alt_states: list[bool | None]) -> bool | None:
    if True in alt_states:
        return True
    if all(s is False for s in alt_states):
        return False
    return None


def cause_state(cause: Cause, facts: Mapping[str, Value], today: date) -> bool | None:
    """Evaluate a cause: True (proven), False (ruled out) or None (open)."""
    return _combine([_alternative_state(alt, facts, today) for alt in cause.when])


def proven_cause(flow: Flow, diag: Diagnosis, today: date) -> str | None:
    """The specific cause (one with conditions) a resolved diagnosis ends in, when its facts prove
    it; None for `unresolved`, a fallback or an open diagnosis."""
    if diag.status != RESOLVED or diag.cause is None:
        return None
    cause = flow.cause(diag.cause)
    return cause.id if cause is not None and cause.when and cause_state(cause, diag.facts, today) is True else None


def proven_causes(flow: Flow, facts: Mapping[str, Value], today: date) -> tuple[str, ...]:
    """The specific causes (those with conditions) that `facts` prove, in the flow's order."""
    return tuple(c.id for c in flow.causes if c.when and cause_state(c, facts, today) is True)


def _evaluate(flow: Flow, facts: Mapping[str, Value], today: date) -> list[tuple[Cause, list[bool | None], bool | None]]:
    out = []
    for cause in flow.causes:
        alts = [_alternative_state(alt, facts, today) for alt in cause.when]
        out.append((cause, alts, _combine(alts)))
    return out


def _relevant(flow: Flow, facts: Mapping[str, Value], evaluated: list[tuple[Cause, list[bool | None], bool | None]]) -> list[Fact]:
    touches: dict[str, set[str]] = {}
    for cause, alts, state in evaluated:
        if state is not None:
            continue
        open_alts = [frozenset(c for c in alt if c.fact not in facts) for alt, alt_state in zip(cause.when, alts)
                     if alt_state is not False and not any(isinstance(facts.get(c.fact), Unknown) for c in alt)]
        for needed in open_alts:  # ruled out, or never provable ("don't know"), left out above
            if any(other < needed for other in open_alts):
                continue  # another way to the cause needs less: whenever this one holds, so does that one
            for cond in needed:
                touches.setdefault(cond.fact, set()).add(cause.id)
    if not touches:
        return []
    order = {f.id: i for i, f in enumerate(flow.facts)}
    candidates = [f for f in flow.facts if f.id in touches]
    candidates.sort(key=lambda f: (f.cost, -len(touches[f.id]), order[f.id]))
    return candidates


def relevant_facts(flow: Flow, facts: Mapping[str, Value], today: date) -> list[Fact]:
    """Return the missing facts that can still change the outcome, best question first.

    A fact is relevant when it is missing (never answered) and tested in an
    alternative, not yet false and with no condition answered "don't know", of a
    cause still open, unless another such alternative of that cause needs only some
    of the same conditions (it holds whenever this one does). Order: lowest cost, then the
    most open causes touched, then declaration order.
    """
    return _relevant(flow, facts, _evaluate(flow, facts, today))


def _template_values(flow: Flow, facts: Mapping[str, Value], cause: Cause | None, today: date) -> dict[str, Any]:
    values: dict[str, Any] = dict(facts)
    date_conds: dict[str, Condition] = {}
    ordered = ([cause] if cause is not None else []) + list(flow.causes)
    for c in ordered:
        for alt in c.when:
            for cond in alt:
                if cond.op not in ("is", "in", "domain"):
                    date_conds.setdefault(cond.fact, cond)
    for fact_id, cond in date_conds.items():
        value = facts.get(fact_id)
        if isinstance(value, date) and isinstance(cond.value, int):
            try:
                values[f"{fact_id}_deadline"] = deadline(cond.op, cond.value, value)
            except (OverflowError, ValueError):
                pass
            if cond.op == "less_than_hours_ago":  # "liegt in der Zukunft" / "weniger als 48 Stunden zurück"
                values[f"{fact_id}_timing"] = timing(cond.value, value, today)
    return values


def diagnose(flow: Flow, facts: Mapping[str, Value], today: date) -> Diagnosis:
    """Diagnose `flow` on the facts known.

    Args:
        flow: The flow.
        facts: Fact id -> value (bool, date, address, choice id, or UNKNOWN). The
            order of the mapping is the path taken.
        today: The current date.

    Returns:
        The diagnosis: a settled cause with its resolution, or the next question.

    Raises:
        InputError: A fact id the flow does not have.
    """
    for fact_id in facts:
        flow_fact(flow, fact_id)
    known = MappingProxyType(dict(facts))
    path = tuple(known)
    evaluated = _evaluate(flow, known, today)
    for cause, _, state in evaluated:
        if state is True:
            return Diagnosis(flow.id, RESOLVED, cause.id, None, known, (), path, cause.resolution,
                             MappingProxyType(_template_values(flow, known, cause, today)))
    relevant = _relevant(flow, known, evaluated)
    if relevant:
        return Diagnosis(flow.id, NEEDS_INPUT, None, relevant[0], known, (), path, None,
                         MappingProxyType(_template_values(flow, known, None, today)))
    possible = tuple(cause.id for cause, _, state in evaluated if state is None)
    fallback = flow.cause(flow.fallback) if flow.fallback else None
    if not possible and fallback is not None:
        return Diagnosis(flow.id, RESOLVED, fallback.id, None, known, (), path, fallback.resolution,
                         MappingProxyType(_template_values(flow, known, fallback, today)))
    return Diagnosis(flow.id, RESOLVED, UNRESOLVED, None, known, possible, path, flow.unresolved,
                     MappingProxyType(_template_values(flow, known, None, today)))


def answer(facts: Mapping[str, Value], fact_id: str, value: Value) -> dict[str, Value]:
    """Return the facts with `fact_id` answered.

    A new answer goes to the end of the path; changing an earlier answer keeps its place.
    """
    out = dict(facts)
    out[fact_id] = value
    return out


def back(facts: Mapping[str, Value], steps: int = 1) -> dict[str, Value]:
    """Return the facts without the last `steps` answers (to go back and answer again)."""
    items = list(facts.items())
    return dict(items[: max(len(items) - max(steps, 0), 0)])


def fill(text: str, diag: Diagnosis, lang: str = "de", flow: Flow | None = None) -> str:
    """Fill `{fact_id}`, `{fact_id_deadline}` and `{fact_id_timing}` in a text with the diagnosis's values.

    Dates are formatted for `lang` (28.02.2027 / 28 Feb 2027); placeholders without a
    value stay as they are. Pass `flow` to show choice answers by their label.
    """

    def sub(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in diag.values:
            return match.group(0)
        value = diag.values[key]
        if isinstance(value, Timing):
            return format_timing(value, lang)
        fact = flow.fact(key) if flow is not None else None
        if isinstance(value, date) or fact is None:
            return display_value(None, value, lang)
        return display_value(fact, value, lang)

    return _PLACEHOLDER.sub(sub, text)


def diagnosis_json(diag: Diagnosis, flow: Flow, lang: str = "de") -> dict[str, Any]:
    """Return the diagnosis as the CONTRACT §3 JSON object (plus "path")."""
    nxt: dict[str, Any] | None = None
    if diag.next_fact is not None:
        fact = diag.next_fact
        nxt = {"fact": fact.id, "type": fact.type, "question": fact.question.get(lang)}
        if fact.help is not None:
            nxt["help"] = fact.help.get(lang)
        if fact.type == "choice":
            nxt["choices"] = [c.id for c in fact.choices]
    resolution = None
    if diag.resolution is not None:
        res = diag.resolution
        resolution = {
            "title": fill(res.title.get(lang), diag, lang, flow),
            "text": fill(res.text.get(lang), diag, lang, flow),
            "steps": [fill(s, diag, lang, flow) for s in res.steps.get(lang, ())],
            "contact": fill(res.contact.get(lang), diag, lang, flow),
            "contact_kind": res.contact_kind,
        }
    return {
        "flow": diag.flow_id,
        "status": diag.status,
        "cause": diag.cause,
        "next": nxt,
        "facts": {k: json_value(v) for k, v in diag.facts.items()},
        "possible": list(diag.possible),
        "resolution": resolution,
        "path": list(diag.path),
    }
