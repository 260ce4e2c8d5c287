"""Rules for diagnostic flows, in the style of Rasa's flow validation.

`check_flows(kb)` returns one readable problem per broken rule, each with the
file and line of the fact, cause or flow concerned:

* a fact that no cause tests (a question with no way to a cause);
* a cause (or one of its `any:` alternatives) that can never hold, because its
  conditions contradict each other;
* a cause that can never be the outcome, because whenever it holds an earlier
  cause holds too (that cause's conditions are a subset of its own);
* `fallback` naming a cause the flow does not have;
* texts of a resolution that differ between German and English (steps in one
  language only, a different number of steps, different `{placeholders}`) or
  use a placeholder that names no fact;
* a choice alias that names two choices;
* an entry <-> flow mismatch: the flow's `entry` does not start this flow, or an
  entry's `flow` names a flow that does not name it back.

`check_sources(kb, seed, seed_file)` is the fidelity rule: every cause's condition
and resolution, every step (of causes and of `unresolved`) and every choice carry a
`source`, verbatim quotes of the seed sentences they rest on, and every quote is
found in the seed (whitespace-normalised).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from faq.errors import Problem
from faq.kb.model import Cause, Condition, Flow, KnowledgeBase, Location, Resolution, Source

__all__ = ["MIN_QUOTE_WORDS", "check_flow", "check_flows", "check_sources", "normalize_quote"]

MIN_QUOTE_WORDS = 3
"""Fewest words a source quote needs to pin a seed sentence."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_DATE_OPS = ("less_than_hours_ago", "more_than_hours_ago", "more_than_months_ago", "at_most_months_ago")
# Days and reference dates over which date conditions are compared (month ends, leap years).
_TODAYS = (date(2024, 2, 29), date(2026, 8, 31), date(2027, 3, 1), date(2026, 11, 24), date(2028, 12, 31))
_OFFSETS = range(-800, 801)


def _problem(where: Location | None, fallback: Location | None, message: str) -> Problem:
    loc = where or fallback
    if loc is None:
        return Problem("<flow>", None, message)
    return Problem(loc.file, loc.line, message)


def _add_months(day: date, months: int) -> date:
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(months=months)


def _names(cond: Condition) -> set[str]:
    return set(cond.value) if isinstance(cond.value, tuple) else set()


def _date_holds(cond: Condition, day: date, today: date) -> bool:
    amount = cond.value if isinstance(cond.value, int) else 0
    hours = (today - day).days * 24
    if cond.op == "less_than_hours_ago":
        return hours < amount
    if cond.op == "more_than_hours_ago":
        return hours > amount
    if cond.op == "more_than_months_ago":
        return today > _add_months(day, amount)
    return today <= _add_months(day, amount)


def _date_points() -> Iterable[tuple[date, date]]:
    for today in _TODAYS:
        for k in _OFFSETS:
            yield today - timedelta(days=k), today


def _satisfiable(conds: list[Condition]) -> bool:
    """Whether some value of one fact meets all these conditions on it."""
    ops = {c.op for c in conds}
    if ops == {"is"}:
        return len({c.value for c in conds}) == 1
    if ops <= {"in", "domain"}:
        sets = [_names(c) for c in conds]
        common = set.intersection(*sets) if sets else set()
        return bool(common)
    if ops <= set(_DATE_OPS):
        return any(all(_date_holds(c, d, t) for c in conds) for d, t in _date_points())
    return False


def _implies(a: Condition, b: Condition) -> bool:
    """Whether `a` holding means `b` holds (same fact)."""
    if a.fact != b.fact:
        return False
    if a == b:
        return True
    if a.op == b.op and a.op in ("in", "domain"):
        return _names(a) <= _names(b)
    if a.op in _DATE_OPS and b.op in _DATE_OPS:
        return all(_date_holds(b, d, t) for d, t in _date_points() if _date_holds(a, d, t))
    return False


def _alt_implies(alt: tuple[Condition, ...], other: tuple[Condition, ...]) -> bool:
    return all(any(_implies(c, o) for c in alt) for o in other)


def _dead_facts(alt: tuple[Condition, ...]) -> list[str]:
    by_fact: dict[str, list[Condition]] = {}
    for cond in alt:
        by_fact.setdefault(cond.fact, []).append(cond)
    return [fact for fact, conds in by_fact.items() if not _satisfiable(conds)]


def _texts(res: Resolution) -> list[tuple[str, str, str]]:
    """(field, de, en) pairs of a resolution's single texts."""
    return [
        ("title", res.title.de, res.title.en),
        ("text", res.text.de, res.text.en),
        ("contact", res.contact.de, res.contact.en),
    ]


def _check_resolution(flow: Flow, res: Resolution, what: str, where: Location | None) -> list[Problem]:
    problems: list[Problem] = []
    names = {f.id for f in flow.facts} | {f"{f.id}_{kind}" for f in flow.facts if f.type == "date"
                                          for kind in ("deadline", "timing")}
    de_steps, en_steps = tuple(res.steps.get("de", ())), tuple(res.steps.get("en", ()))
    if len(de_steps) != len(en_steps):
        problems.append(_problem(where, flow.location,
                                 f"{what} has {len(de_steps)} German and {len(en_steps)} English steps "
                                 f"(expected the same steps in de and en)"))
    pairs = _texts(res) + [(f"step {i + 1}", d, e) for i, (d, e) in enumerate(zip(de_steps, en_steps))]
    for field_name, de, en in pairs:
        de_ph, en_ph = set(_PLACEHOLDER.findall(de)), set(_PLACEHOLDER.findall(en))
        if de_ph != en_ph:
            problems.append(_problem(where, flow.location,
                                     f"{what}, {field_name}: placeholders differ between de {sorted(de_ph)} and "
                                     f"en {sorted(en_ph)} (expected the same in both languages)"))
    used: set[str] = set()
    for text in [t for _, d, e in _texts(res) for t in (d, e)] + list(de_steps) + list(en_steps):
        used.update(_PLACEHOLDER.findall(text))
    for name in sorted(used - names):
        problems.append(_problem(where, flow.location,
                                 f"{what}: placeholder '{{{name}}}' names no fact "
                                 f"(expected one of {', '.join(sorted(names))})"))
    return problems


def _check_cause_conditions(flow: Flow, index: int, cause: Cause) -> list[Problem]:
    problems: list[Problem] = []
    dead = [(i, _dead_facts(alt)) for i, alt in enumerate(cause.when)]
    dead = [(i, facts) for i, facts in dead if facts]
    if dead and len(dead) == len(cause.when):
        i, facts = dead[0]
        problems.append(_problem(cause.location, flow.location,
                                 f"cause '{cause.id}' can never be proven: its conditions on "
                                 f"'{', '.join(facts)}' contradict each other "
                                 f"(expected conditions that some answer meets)"))
        return problems
    for i, facts in dead:
        problems.append(_problem(cause.location, flow.location,
                                 f"alternative {i + 1} of cause '{cause.id}' can never hold: its conditions on "
                                 f"'{', '.join(facts)}' contradict each other (expected conditions that some answer meets)"))
    if cause.id == flow.fallback:
        return problems
    live = [alt for i, alt in enumerate(cause.when) if not any(i == j for j, _ in dead)]
    earlier = flow.causes[:index]
    blockers: list[str] = []
    for alt in live:
        blocker = next((b.id for b in earlier for other in b.when if _alt_implies(alt, other)), None)
        if blocker is None:
            return problems
        blockers.append(blocker)
    if live:
        names = ", ".join(dict.fromkeys(blockers))
        problems.append(_problem(cause.location, flow.location,
                                 f"cause '{cause.id}' can never be the outcome: whenever it holds, earlier cause "
                                 f"'{names}' holds too (expected it before that cause, or conditions that differ)"))
    return problems


def check_flow(flow: Flow, kb: KnowledgeBase | None = None) -> list[Problem]:
    """Return the problems of one flow (entry links are checked only when `kb` is given)."""
    problems: list[Problem] = []
    tested = {cond.fact for cause in flow.causes for alt in cause.when for cond in alt}
    for fact in flow.facts:
        if fact.id not in tested:
            problems.append(_problem(fact.location, flow.location,
                                     f"fact '{fact.id}' is asked but no cause tests it, so its answer leads nowhere "
                                     f"(expected a cause whose 'when' names it, or remove the fact)"))
        owners: dict[str, str] = {}
        for choice in fact.choices:
            for name in {choice.id, *(a.strip().lower() for a in choice.aliases)}:
                if owners.get(name, choice.id) != choice.id:
                    problems.append(_problem(fact.location, flow.location,
                                             f"fact '{fact.id}': alias '{name}' names both choice '{owners[name]}' "
                                             f"and '{choice.id}' (expected each alias on one choice)"))
                owners.setdefault(name, choice.id)
    cause_ids = [c.id for c in flow.causes]
    if flow.fallback is not None and flow.fallback not in cause_ids:
        problems.append(_problem(flow.location, None,
                                 f"flow '{flow.id}': fallback names unknown cause '{flow.fallback}' "
                                 f"(expected one of {', '.join(cause_ids) or 'the causes of this flow'})"))
    for index, cause in enumerate(flow.causes):
        problems.extend(_check_cause_conditions(flow, index, cause))
        problems.extend(_check_resolution(flow, cause.resolution, f"cause '{cause.id}'", cause.location))
    problems.extend(_check_resolution(flow, flow.unresolved, f"flow '{flow.id}', unresolved", flow.location))
    if kb is not None:
        entry = kb.entry(flow.entry)
        if entry is not None and entry.flow != flow.id:
            starts = f"starts flow '{entry.flow}'" if entry.flow else "starts no flow"
            problems.append(_problem(flow.location, None,
                                     f"flow '{flow.id}' names entry '{flow.entry}', but that entry {starts} "
                                     f"(expected 'flow: {flow.id}' in entries/{flow.entry}.yaml)"))
    return problems


def check_flows(kb: KnowledgeBase) -> list[Problem]:
    """Return every rule broken by the flows of a knowledge base (empty when sound)."""
    problems: list[Problem] = []
    for flow in kb.flows:
        problems.extend(check_flow(flow, kb))
    for entry in kb.entries:
        if entry.flow is None:
            continue
        started = kb.flow(entry.flow)
        if started is not None and started.entry != entry.id:
            problems.append(_problem(entry.location, None,
                                     f"entry '{entry.id}' starts flow '{entry.flow}', but that flow names entry "
                                     f"'{started.entry}' (expected 'entry: {entry.id}' in flows/{started.id}.yaml)"))
    return problems


def normalize_quote(text: str) -> str:
    """Return `text` with runs of whitespace as one space, for finding a quote in the seed."""
    return " ".join(text.split())


def _quote_problems(quotes: tuple[str, ...], seed: str, seed_file: str, file: str, default: int | None) -> list[Problem]:
    problems: list[Problem] = []
    for quote in quotes:
        line = getattr(quote, "line", default)
        text = normalize_quote(quote)
        short = text if len(text) <= 70 else text[:67] + "..."
        if len(text.split()) < MIN_QUOTE_WORDS:
            problems.append(Problem(file, line, f"source quote '{short}' is too short to name a seed sentence "
                                                f"(expected at least {MIN_QUOTE_WORDS} words)", "flow-source-too-short"))
        elif text not in seed:
            problems.append(Problem(file, line, f"source quote '{short}' is not in the seed {seed_file} "
                                                f"(expected a verbatim quote; only whitespace may differ)", "flow-source-not-in-seed"))
    return problems


def _check_source(source: Source | None, res: Resolution, what: str, where: Location | None, needs_when: bool,
                  seed: str, seed_file: str) -> list[Problem]:
    file = where.file if where is not None else "<flow>"
    line = where.line if where is not None else None
    if source is None:
        parts = "when, resolution and steps" if needs_when else "resolution and steps"
        return [Problem(file, line, f"{what} has no 'source' (expected the seed sentences it rests on: "
                                    f"source: with {parts}, each a verbatim quote)", "flow-source-missing")]
    src_line = source.location.line if source.location is not None else line
    problems: list[Problem] = []
    if needs_when and not source.when:
        problems.append(Problem(file, src_line, f"{what}: source has no 'when' (expected the seed sentence "
                                                f"its condition rests on)", "flow-source-missing"))
    if not source.resolution:
        problems.append(Problem(file, src_line, f"{what}: source has no 'resolution' (expected the seed sentence "
                                                f"its title, text and contact rest on)", "flow-source-missing"))
    steps = len(res.steps.get("de", ()))
    for i in range(len(source.steps), steps):
        problems.append(Problem(file, src_line, f"{what}: step {i + 1} has no source (expected one item in "
                                                f"source.steps per step, {steps} in all)", "flow-source-missing"))
    if len(source.steps) > steps:
        problems.append(Problem(file, src_line, f"{what}: source.steps has {len(source.steps)} items for {steps} "
                                                f"steps (expected one item per step)", "flow-source-extra-step"))
    for i, quotes in enumerate(source.steps):
        if not quotes:
            problems.append(Problem(file, src_line, f"{what}: step {i + 1} has no source (expected a quote)", "flow-source-missing"))
    for quotes in (source.when, source.resolution, *source.steps):
        problems.extend(_quote_problems(quotes, seed, seed_file, file, src_line))
    return problems


def check_sources(kb: KnowledgeBase, seed: str | None, seed_file: str) -> list[Problem]:
    """Return where the flows of a knowledge base are not backed by the seed (empty when all are).

    Args:
        kb: The knowledge base.
        seed: The seed text, or None when it could not be read.
        seed_file: The seed's path as shown in problems.
    """
    if not kb.flows:
        return []
    if seed is None:
        return [Problem(seed_file, None, "cannot read the seed text the flows' sources quote "
                                         "(expected the FAQ text, UTF-8, in source/seed.txt of the knowledge base)", "seed-unreadable")]
    text = normalize_quote(seed)
    problems: list[Problem] = []
    for flow in kb.flows:
        file = flow.location.file if flow.location is not None else "<flow>"
        for fact in flow.facts:
            for choice in fact.choices:
                line = choice.location.line if choice.location is not None else None
                if not choice.source:
                    problems.append(Problem(file, line, f"choice '{choice.id}' of fact '{fact.id}' has no 'source' "
                                                        f"(expected the seed sentence its label and aliases rest on)", "flow-source-missing"))
                problems.extend(_quote_problems(choice.source, text, seed_file, file, line))
        for cause in flow.causes:
            res = cause.resolution
            problems.extend(_check_source(res.source, res, f"cause '{cause.id}'", cause.location or flow.location,
                                          True, text, seed_file))
        problems.extend(_check_source(flow.unresolved.source, flow.unresolved, f"flow '{flow.id}', unresolved",
                                      flow.unresolved.location or flow.location, False, text, seed_file))
    return problems
