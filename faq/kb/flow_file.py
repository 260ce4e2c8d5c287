"""A diagnostic flow file (`flows/<id>.yaml`) read into a `Flow`, with precise problems.

Shape rules of one flow live here; rules about what a flow can prove are in
`faq.kb.flowcheck`.
"""

from __future__ import annotations

from typing import Any

from faq.kb.model import Cause, Choice, Condition, Fact, FactCues, Flow, Location, Resolution, Source
from faq.kb.reader import FACT_RE, ID_RE, FieldReader, is_text, kind_of, own_id, pattern_words
from faq.kb.yamlsource import LDict, LList, LStr, LTuple, line_of

__all__ = [
    "CAUSE_FIELDS",
    "CHOICE_FIELDS",
    "CONTACT_KINDS",
    "CUE_FIELDS",
    "DATE_OPS",
    "FACT_FIELDS",
    "FACT_TYPES",
    "FLOW_FIELDS",
    "RESOLUTION_FIELDS",
    "SOURCE_FIELDS",
    "read_flow",
]

FACT_TYPES = ("yesno", "date", "email", "choice")
CONTACT_KINDS = ("support", "vlsc-support", "reseller", "agreement-admin", "vl-admin", "global-admin", "wait", "none")
DATE_OPS = ("less_than_hours_ago", "more_than_hours_ago", "more_than_months_ago", "at_most_months_ago")

FLOW_FIELDS = ("id", "entry", "title", "facts", "causes", "unresolved", "fallback")
FACT_FIELDS = ("id", "type", "cost", "question", "help", "choices", "cues")
CHOICE_FIELDS = ("id", "label", "aliases", "source")
CAUSE_FIELDS = ("id", "when", "title", "text", "steps", "contact", "contact_kind", "source")
RESOLUTION_FIELDS = ("title", "text", "steps", "contact", "contact_kind", "source")
SOURCE_FIELDS = ("when", "resolution", "steps")
CUE_FIELDS = ("yes", "no", "context")


def _quotes(reader: FieldReader, parent: LDict | LList, key: str | int, where: str) -> LTuple:
    """One quote or a list of quotes, each a text with its line."""
    value = parent[key]  # type: ignore[index]
    line = parent.line_of(key)  # type: ignore[arg-type]
    if is_text(value) and str(value).strip():
        return LTuple((LStr(str(value).strip(), line),), line, (line,))
    if isinstance(value, LList) and value:
        items, lines = [], []
        for i, item in enumerate(value):
            if not is_text(item) or not str(item).strip():
                reader.problem(value.line_of(i), f"item {i + 1} of {where} must be a quote, not {kind_of(item)}", "wrong-kind")
                continue
            items.append(LStr(str(item).strip(), value.line_of(i)))
            lines.append(value.line_of(i))
        return LTuple(items, line, lines)
    reader.problem(line, f"{where} must be a quote or a list of quotes, not {kind_of(value)}", "wrong-kind")
    return LTuple((), line, ())


def _source(reader: FieldReader, node: LDict, where: str) -> Source | None:
    """The `source` of a cause or resolution: quotes for its condition, texts and each step."""
    raw = reader.mapping(node, "source", "a mapping of when, resolution and steps", required=False)
    if raw is None:
        return None
    reader.fields(raw, SOURCE_FIELDS, f"the source of {where}")
    when = _quotes(reader, raw, "when", f"'{where}.source.when'") if "when" in raw else ()
    resolution = _quotes(reader, raw, "resolution", f"'{where}.source.resolution'") if "resolution" in raw else ()
    steps: list[tuple[str, ...]] = []
    if "steps" in raw:
        items = raw["steps"]
        if isinstance(items, LList):
            steps = [_quotes(reader, items, i, f"source of step {i + 1} of {where}") for i in range(len(items))]
        else:
            reader.problem(raw.line_of("steps"), f"'{where}.source.steps' must be a list (one quote or list of quotes "
                                                 f"per step), not {kind_of(items)}", "wrong-kind")
    return Source(tuple(when), tuple(resolution), tuple(steps), Location(reader.file, node.line_of("source")))


def _resolution(reader: FieldReader, node: LDict, where: str, line: int | None = None) -> Resolution | None:
    """A resolution's texts, contact and source; `line` is where it starts (default: its first field)."""
    title = reader.text(node, "title", where=f"{where}.title")
    text = reader.text(node, "text", where=f"{where}.text")
    steps = reader.localized_strings(node, "steps", where=f"{where}.steps")
    contact = reader.text(node, "contact", where=f"{where}.contact")
    kind = reader.string(node, "contact_kind")
    if kind is not None and kind not in CONTACT_KINDS:
        reader.problem(node.line_of("contact_kind"), f"unknown contact_kind '{kind}' (expected one of {', '.join(CONTACT_KINDS)})")
        kind = None
    source = _source(reader, node, where)
    if title is None or text is None or contact is None or kind is None:
        return None
    return Resolution(title=title, text=text, steps=steps, contact=contact, contact_kind=str(kind), source=source,
                      location=Location(reader.file, line if line is not None else node.line))


def _choices(reader: FieldReader, node: LDict, ftype: str | None) -> tuple[Choice, ...]:
    raw = node.get("choices")
    if ftype != "choice":
        if "choices" in node and ftype is not None:
            reader.problem(node.line_of("choices"), f"'choices' is only for facts of type choice, not {ftype}")
        return ()
    if not isinstance(raw, LList) or not raw:
        got = "" if "choices" not in node else f", not {kind_of(raw)}"
        reader.problem(node.line_of("choices"), f"a choice fact needs 'choices' (expected a list of {{id, label}}{got})")
        return ()
    choices: list[Choice] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        if not isinstance(item, LDict):
            reader.problem(raw.line_of(i), f"choice {i + 1} must be a mapping with id and label, not {kind_of(item)}")
            continue
        reader.fields(item, CHOICE_FIELDS, "a choice")
        cid = reader.ident(item, "id", ID_RE, "choice id")
        if cid is not None and cid in seen:
            reader.problem(item.line_of("id"), f"choice '{cid}' is defined twice in this fact (expected unique choice ids)")
        label = reader.text(item, "label")
        aliases = reader.strings(item, "aliases")
        source = _quotes(reader, item, "source", f"the source of choice '{cid}'") if "source" in item else ()
        if cid and label:
            seen.add(cid)
            choices.append(Choice(cid, label, tuple(aliases), tuple(source), reader.location(item)))
    return tuple(choices)


def _fact(reader: FieldReader, node: Any, index: int, line: int) -> Fact | None:
    if not isinstance(node, LDict):
        reader.problem(line, f"fact {index + 1} must be a mapping, not {kind_of(node)}")
        return None
    reader.fields(node, FACT_FIELDS, "a fact")
    fact_id = reader.ident(node, "id", FACT_RE, "fact id")
    ftype = reader.string(node, "type")
    if ftype is not None and ftype not in FACT_TYPES:
        reader.problem(node.line_of("type"), f"unknown fact type '{ftype}' (expected one of {', '.join(FACT_TYPES)})")
        ftype = None
    cost = node.get("cost", 1)
    if not isinstance(cost, int) or isinstance(cost, bool) or cost < 0:
        reader.problem(node.line_of("cost"), f"'cost' must be a whole number from 0 up, not {cost!r}")
        cost = 1
    question = reader.text(node, "question")
    help_text = reader.text(node, "help", required=False)
    choices = _choices(reader, node, ftype)
    cues = FactCues()
    cues_node = reader.mapping(node, "cues", "a mapping of yes, no and context", required=False)
    if cues_node is not None:
        reader.fields(cues_node, CUE_FIELDS, "cues")
        cues = FactCues(
            yes=reader.localized_strings(cues_node, "yes", where="cues.yes"),
            no=reader.localized_strings(cues_node, "no", where="cues.no"),
            context=reader.localized_strings(cues_node, "context", where="cues.context"),
        )
    if fact_id is None or ftype is None or question is None:
        return None
    return Fact(fact_id, ftype, cost, question, help_text, choices, cues, reader.location(node))


def _conditions(
    reader: FieldReader, when: Any, line: int, facts: dict[str, Fact], cause_id: str, broken: set[str]
) -> tuple[tuple[Condition, ...], ...]:
    """Return the alternatives of a `when`; facts in `broken` failed to load and are not reported again."""
    if not isinstance(when, LDict) or not when:
        reader.problem(line, f"cause '{cause_id}' needs 'when' (expected a mapping of fact: condition, not {kind_of(when)})")
        return ()
    if "any" in when:
        if len(when) != 1:
            reader.problem(when.line_of("any"), f"'any' in cause '{cause_id}' must stand alone (expected any: [{{...}}, {{...}}])")
            return ()
        alts = when["any"]
        if not isinstance(alts, LList) or not alts:
            reader.problem(when.line_of("any"), f"'any' in cause '{cause_id}' must be a list of mappings, not {kind_of(alts)}")
            return ()
        out: list[tuple[Condition, ...]] = []
        for i, alt in enumerate(alts):
            out.extend(_conditions(reader, alt, alts.line_of(i), facts, cause_id, broken))
        return tuple(out)
    conds = []
    for name, value in when.items():
        cline = when.line_of(name)
        fact = facts.get(name)
        if fact is None:
            if name in broken:
                continue
            known = ", ".join(facts) or "the facts of this flow"
            reader.problem(cline, f"cause '{cause_id}' tests unknown fact '{name}' (expected one of {known})")
            continue
        cond = _condition(reader, fact, value, cline, cause_id)
        if cond is not None:
            conds.append(cond)
    return (tuple(conds),) if len(conds) == len(when) else ()


def _condition(reader: FieldReader, fact: Fact, value: Any, line: int, cause_id: str) -> Condition | None:
    where = f"cause '{cause_id}', fact '{fact.id}'"
    if fact.type == "yesno":
        if isinstance(value, bool):
            return Condition(fact.id, "is", value)
        reader.problem(line, f"{where}: expected true or false for a yes/no fact, not {value!r}")
    elif fact.type == "choice":
        ids = {c.id for c in fact.choices}
        if isinstance(value, LList) and value and all(isinstance(v, str) for v in value):
            unknown = [v for v in value if v not in ids]
            if unknown:
                reader.problem(line, f"{where}: unknown choice {', '.join(unknown)} (expected some of {', '.join(sorted(ids))})")
                return None
            return Condition(fact.id, "in", tuple(value))
        reader.problem(line, f"{where}: expected a list of choice ids, not {kind_of(value)}")
    elif fact.type == "email":
        if (
            isinstance(value, LDict)
            and set(value) == {"domain"}
            and isinstance(value["domain"], LList)
            and value["domain"]
            and all(isinstance(d, str) and d.strip() for d in value["domain"])
        ):
            return Condition(fact.id, "domain", tuple(d.strip().lower() for d in value["domain"]))
        reader.problem(line, f"{where}: expected {{domain: [example.com]}} for an e-mail fact")
    elif fact.type == "date":
        if isinstance(value, LDict) and len(value) == 1:
            ((op, amount),) = value.items()
            if op in DATE_OPS and isinstance(amount, int) and not isinstance(amount, bool) and amount >= 0:
                return Condition(fact.id, op, amount)
        reader.problem(line, f"{where}: expected one of {', '.join(DATE_OPS)} with a whole number, for a date fact")
    return None


def _facts(reader: FieldReader, data: LDict) -> tuple[dict[str, Fact], set[str]]:
    """Return the facts that loaded, and the ids of those that did not."""
    facts: dict[str, Fact] = {}
    broken: set[str] = set()
    raw = data.get("facts")
    if not isinstance(raw, LList) or not raw:
        what = "missing 'facts'" if "facts" not in data else f"'facts' must be a non-empty list, not {kind_of(raw)}"
        reader.problem(data.line_of("facts"), f"{what} (expected a list of facts)")
        return facts, broken
    for i, node in enumerate(raw):
        fact = _fact(reader, node, i, raw.line_of(i))
        if fact is None:
            if isinstance(node, LDict) and is_text(node.get("id")):
                broken.add(str(node["id"]).strip())
            continue
        if fact.id in facts:
            first = facts[fact.id].location
            reader.problem(line_of(fact.location, raw.line_of(i)), f"fact '{fact.id}' is defined twice (first on line {line_of(first, None)})")
            continue
        facts[fact.id] = fact
    return facts, broken


def _causes(reader: FieldReader, data: LDict, facts: dict[str, Fact], broken: set[str]) -> tuple[list[Cause], set[str]]:
    causes: list[Cause] = []
    seen: set[str] = set()
    raw = data.get("causes")
    if not isinstance(raw, LList) or not raw:
        what = "missing 'causes'" if "causes" not in data else f"'causes' must be a non-empty list, not {kind_of(raw)}"
        reader.problem(data.line_of("causes"), f"{what} (expected a list of causes)")
        return causes, seen
    for i, node in enumerate(raw):
        if not isinstance(node, LDict):
            reader.problem(raw.line_of(i), f"cause {i + 1} must be a mapping, not {kind_of(node)}")
            continue
        reader.fields(node, CAUSE_FIELDS, "a cause")
        cause_id = reader.ident(node, "id", ID_RE, "cause id")
        if cause_id is None:
            continue
        if cause_id in seen:
            reader.problem(node.line_of("id"), f"cause '{cause_id}' is defined twice (expected unique cause ids)")
            continue
        seen.add(cause_id)
        when = _conditions(reader, node.get("when"), node.line_of("when"), facts, cause_id, broken)
        resolution = _resolution(reader, node, f"cause '{cause_id}'")
        if when and resolution is not None:
            causes.append(Cause(cause_id, when, resolution, reader.location(node)))
    return causes, seen


def read_flow(reader: FieldReader, data: LDict, stem: str) -> Flow | None:
    """Return the flow of a file's data, or None when a required part is broken (problems are in `reader`)."""
    flow_id = own_id(reader, data, stem, "flow")
    reader.fields(data, FLOW_FIELDS, "a flow")
    entry = reader.string(data, "entry")
    if entry is not None and not ID_RE.match(entry):
        reader.problem(data.line_of("entry"), f"'entry' '{entry}' is not an entry id (expected {pattern_words(ID_RE)})")
        entry = None
    title = reader.text(data, "title")
    facts, broken_facts = _facts(reader, data)
    causes, cause_ids = _causes(reader, data, facts, broken_facts)
    unresolved_node = reader.mapping(data, "unresolved", "a resolution with title, text, contact and contact_kind")
    unresolved = None
    if unresolved_node is not None:
        reader.fields(unresolved_node, RESOLUTION_FIELDS, "'unresolved'")
        unresolved = _resolution(reader, unresolved_node, "unresolved", data.line_of("unresolved"))
    fallback = reader.string(data, "fallback", required=False)
    if fallback is not None and cause_ids and fallback not in cause_ids:
        reader.problem(data.line_of("fallback"), f"'fallback' names unknown cause '{fallback}' (expected one of {', '.join(sorted(cause_ids))})")
    if flow_id is None or entry is None or title is None or unresolved is None:
        return None
    return Flow(flow_id, entry, title, tuple(facts.values()), tuple(causes), unresolved, fallback, reader.location(data))
