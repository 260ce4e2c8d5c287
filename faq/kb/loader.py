"""Loading a knowledge base folder into the model, with precise problems.

Every problem names the file (as the user would type it) and a 1-based line, says
what is wrong and what was expected. Shape rules of one file live here; rules
across files live in `faq.kb.validate`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from faq.errors import KnowledgeBaseError, Problem
from faq.kb.files import BUNDLED_KB, kb_files, seed_file
from faq.kb.model import (
    LANGS,
    Block,
    Cause,
    Choice,
    Condition,
    Entry,
    Fact,
    FactCues,
    Flow,
    KnowledgeBase,
    Location,
    Resolution,
    Source,
    Text,
    Vocabulary,
)
from faq.kb.yamlsource import LDict, LList, LStr, LTuple, read_yaml

__all__ = [
    "BUNDLED_KB",
    "check_knowledge_base",
    "kb_files",
    "load_knowledge_base",
    "parse_knowledge_base",
    "read_seed",
    "shown_path",
]


ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FACT_RE = re.compile(r"^[a-z][a-z0-9_]*$")
BLOCK_KINDS = ("text", "list", "steps", "important", "note")
FACT_TYPES = ("yesno", "date", "email", "choice")
CONTACT_KINDS = ("support", "vlsc-support", "reseller", "agreement-admin", "vl-admin", "global-admin", "wait", "none")
DATE_OPS = ("less_than_hours_ago", "more_than_hours_ago", "more_than_months_ago", "at_most_months_ago")

ENTRY_FIELDS = ("id", "title", "question", "paraphrases", "keywords", "answer", "contact", "related", "flow")
FLOW_FIELDS = ("id", "entry", "title", "facts", "causes", "unresolved", "fallback")
FACT_FIELDS = ("id", "type", "cost", "question", "help", "choices", "cues")
CHOICE_FIELDS = ("id", "label", "aliases", "source")
CAUSE_FIELDS = ("id", "when", "title", "text", "steps", "contact", "contact_kind", "source")
RESOLUTION_FIELDS = ("title", "text", "steps", "contact", "contact_kind", "source")
SOURCE_FIELDS = ("when", "resolution", "steps")

VOCABULARY_FIELDS = ("synonyms", "compounds", "stopwords", "offtopic")
CUE_FIELDS = ("yes", "no", "context")


def shown_path(path: Path | str) -> str:
    """Return `path` as the user would type it: relative to the current folder when under it."""
    path = Path(path)
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except (ValueError, OSError):
            return str(path)
    return str(path)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    return "a text"


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return " (quote it, e.g. \"yes\", to make it a text)"
    return ""


def _is_text(value: Any) -> bool:
    """True for scalars that read as a text: strings, numbers and dates, not yes/no or null."""
    return value is not None and not isinstance(value, (dict, list, bool))


class _Reader:
    """Collects problems while reading the values of one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def fields(self, node: LDict, known: Iterable[str], what: str) -> None:
        """Report keys of `node` that are not in `known`."""
        known = tuple(known)
        for key in node:
            if key not in known:
                self.problem(node.line_of(key), f"unknown field '{key}' in {what} (expected one of {', '.join(known)})")

    def mapping(self, parent: LDict, key: str, expected: str, required: bool = True) -> LDict | None:
        value = parent.get(key)
        if value is None:
            if key in parent:
                self.problem(parent.line_of(key), f"'{key}' is empty (expected {expected})")
            elif required:
                self.problem(parent.line, f"missing '{key}' (expected {expected})")
            return None
        if not isinstance(value, LDict):
            self.problem(parent.line_of(key), f"'{key}' must be a mapping, not {_kind(value)} (expected {expected})")
            return None
        return value

    def string(self, parent: LDict, key: str, required: bool = True, where: str = "") -> str | None:
        name = where or f"'{key}'"
        value = parent.get(key)
        if value is None:
            if key in parent:
                self.problem(parent.line_of(key), f"{name} is empty (expected a text)")
            elif required:
                self.problem(parent.line, f"missing {name} (expected a text)")
            return None
        if not _is_text(value):
            self.problem(parent.line_of(key), f"{name} must be a text, not {_kind(value)}{_quote_hint(value)}")
            return None
        text = str(value).strip()
        if not text:
            self.problem(parent.line_of(key), f"{name} is empty (expected a text)")
            return None
        return LStr(text, parent.line_of(key))

    def text(self, parent: LDict, key: str, required: bool = True, where: str = "") -> Text | None:
        """A {de, en} pair of texts."""
        name = where or key
        node = self.mapping(parent, key, "a 'de:' and an 'en:' text", required)
        if node is None:
            return None
        values = {}
        for lang in LANGS:
            if lang not in node:
                self.problem(node.line, f"'{name}' has no '{lang}' text (expected both de and en)")
                continue
            value = self.string(node, lang, where=f"'{name}.{lang}'")
            if value is not None:
                values[lang] = value
        self._languages(node, name)
        if len(values) != len(LANGS):
            return None
        return Text(**values)

    def _languages(self, node: LDict, name: str) -> None:
        for other in node:
            if other not in LANGS:
                self.problem(node.line_of(other), f"'{name}' has unknown language '{other}' (expected de and en)")

    def strings(self, parent: LDict, key: str, required: bool = False, where: str = "") -> LTuple:
        name = where or f"'{key}'"
        value = parent.get(key)
        if value is None:
            if key in parent:
                self.problem(parent.line_of(key), f"{name} is empty (expected a list of texts)")
            elif required:
                self.problem(parent.line, f"missing {name} (expected a list of texts)")
            return LTuple((), parent.line_of(key), ())
        if not isinstance(value, LList):
            self.problem(parent.line_of(key), f"{name} must be a list of texts, not {_kind(value)}")
            return LTuple((), parent.line_of(key), ())
        items, lines = [], []
        for i, item in enumerate(value):
            if not _is_text(item):
                self.problem(value.line_of(i), f"item {i + 1} of {name} must be a text, not {_kind(item)}{_quote_hint(item)}")
            elif not str(item).strip():
                self.problem(value.line_of(i), f"item {i + 1} of {name} is empty (expected a text)")
            else:
                items.append(str(item).strip())
                lines.append(value.line_of(i))
        if required and not value:
            self.problem(parent.line_of(key), f"{name} is empty (expected at least one text)")
        return LTuple(items, parent.line_of(key), lines)

    def localized_strings(self, parent: LDict, key: str, required: bool = False, where: str = "") -> dict[str, LTuple]:
        name = where or key
        node = self.mapping(parent, key, "a 'de:' and an 'en:' list of texts", required)
        if node is None:
            return {lang: LTuple((), parent.line_of(key), ()) for lang in LANGS}
        out = {}
        for lang in LANGS:
            if lang not in node and required:
                self.problem(node.line, f"'{name}' has no '{lang}' list (expected both de and en)")
            out[lang] = self.strings(node, lang, required=required and lang in node, where=f"'{name}.{lang}'")
        self._languages(node, name)
        return out

    def ident(self, parent: LDict, key: str, pattern: re.Pattern[str], what: str) -> str | None:
        value = self.string(parent, key)
        if value is not None and not pattern.match(value):
            self.problem(parent.line_of(key), f"{what} '{value}' is not valid (expected {_pattern_words(pattern)})")
            return None
        return value

    def location(self, node: LDict) -> Location:
        return Location(self.file, node.line)


def _pattern_words(pattern: re.Pattern[str]) -> str:
    if pattern is ID_RE:
        return "lower-case letters and digits joined by '-'"
    return "lower-case letters, digits and '_', starting with a letter"


def _blocks(reader: _Reader, parent: LDict, lang: str, where: str) -> tuple[Block, ...]:
    node = parent.get(lang)
    line = parent.line_of(lang)
    if not isinstance(node, LList):
        reader.problem(line, f"'{where}' must be a list of blocks ({', '.join(BLOCK_KINDS)}), not {_kind(node)}")
        return ()
    blocks = []
    for i, item in enumerate(node):
        item_line = node.line_of(i)
        if not isinstance(item, LDict) or len(item) != 1:
            got = f"{len(item)} keys" if isinstance(item, LDict) else _kind(item)
            reader.problem(item_line, f"block {i + 1} of '{where}' must have exactly one key of {', '.join(BLOCK_KINDS)}, not {got}")
            continue
        (kind,) = item.keys()
        if kind not in BLOCK_KINDS:
            reader.problem(item_line, f"unknown block '{kind}' in '{where}' (expected one of {', '.join(BLOCK_KINDS)})")
            continue
        if kind in ("list", "steps"):
            items = reader.strings(item, kind, required=True, where=f"'{kind}' in block {i + 1} of '{where}'")
            if items:
                blocks.append(Block(kind, items=tuple(items)))
        else:
            text = reader.string(item, kind, where=f"'{kind}' in block {i + 1} of '{where}'")
            if text:
                blocks.append(Block(kind, text=str(text)))
    if not node:
        reader.problem(line, f"'{where}' is empty (expected at least one block)")
    return tuple(blocks)


def _own_id(reader: _Reader, data: LDict, stem: str, what: str) -> str | None:
    value = reader.ident(data, "id", ID_RE, f"{what} id")
    if value is not None and value != stem:
        reader.problem(data.line_of("id"), f"id '{value}' differs from the file name (expected '{stem}')")
    return value


def _entry(reader: _Reader, data: LDict, stem: str) -> Entry | None:
    entry_id = _own_id(reader, data, stem, "entry")
    reader.fields(data, ENTRY_FIELDS, "an entry")
    title = reader.text(data, "title")
    question = reader.text(data, "question")
    paraphrases = reader.localized_strings(data, "paraphrases", required=True)
    keywords = reader.localized_strings(data, "keywords")
    answer_node = reader.mapping(data, "answer", "a 'de:' and an 'en:' list of blocks")
    answer: dict[str, tuple[Block, ...]] = {}
    if answer_node is not None:
        for lang in LANGS:
            if lang not in answer_node:
                reader.problem(answer_node.line, f"'answer' has no '{lang}' blocks (expected both de and en)")
                continue
            blocks = _blocks(reader, answer_node, lang, f"answer.{lang}")
            if blocks:
                answer[lang] = blocks
        reader._languages(answer_node, "answer")
    contact = reader.text(data, "contact", required=False)
    related = reader.strings(data, "related")
    for i, rel in enumerate(related):
        if not ID_RE.match(rel):
            reader.problem(related.line_of(i), f"'related' item '{rel}' is not an entry id (expected {_pattern_words(ID_RE)})")
    flow = reader.string(data, "flow", required=False)
    if None in (entry_id, title, question) or len(answer) != len(LANGS):
        return None
    return Entry(
        id=entry_id,
        title=title,
        question=question,
        paraphrases=paraphrases,
        keywords=keywords,
        answer=answer,
        contact=contact,
        related=related,
        flow=flow,
        location=reader.location(data),
    )


def _quotes(reader: _Reader, parent: LDict | LList, key: str | int, where: str) -> LTuple:
    """One quote or a list of quotes, each a text with its line."""
    value = parent[key]  # type: ignore[index]
    line = parent.line_of(key)  # type: ignore[arg-type]
    if _is_text(value) and str(value).strip():
        return LTuple((LStr(str(value).strip(), line),), line, (line,))
    if isinstance(value, LList) and value:
        items, lines = [], []
        for i, item in enumerate(value):
            if not _is_text(item) or not str(item).strip():
                reader.problem(value.line_of(i), f"item {i + 1} of {where} must be a quote, not {_kind(item)}")
                continue
            items.append(LStr(str(item).strip(), value.line_of(i)))
            lines.append(value.line_of(i))
        return LTuple(items, line, lines)
    reader.problem(line, f"{where} must be a quote or a list of quotes, not {_kind(value)}")
    return LTuple((), line, ())


def _source(reader: _Reader, node: LDict, where: str) -> Source | None:
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
            reader.problem(raw.line_of("steps"), f"'{where}.source.steps' must be a list (one quote or list of quotes per step), not {_kind(items)}")
    return Source(tuple(when), tuple(resolution), tuple(steps), Location(reader.file, node.line_of("source")))


def _resolution(reader: _Reader, node: LDict, where: str, line: int | None = None) -> Resolution | None:
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
    if None in (title, text, contact, kind):
        return None
    return Resolution(title=title, text=text, steps=steps, contact=contact, contact_kind=str(kind), source=source,
                      location=Location(reader.file, line if line is not None else node.line))


def _choices(reader: _Reader, node: LDict, ftype: str | None) -> tuple[Choice, ...]:
    raw = node.get("choices")
    if ftype != "choice":
        if "choices" in node and ftype is not None:
            reader.problem(node.line_of("choices"), f"'choices' is only for facts of type choice, not {ftype}")
        return ()
    if not isinstance(raw, LList) or not raw:
        got = "" if "choices" not in node else f", not {_kind(raw)}"
        reader.problem(node.line_of("choices"), f"a choice fact needs 'choices' (expected a list of {{id, label}}{got})")
        return ()
    choices: list[Choice] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        if not isinstance(item, LDict):
            reader.problem(raw.line_of(i), f"choice {i + 1} must be a mapping with id and label, not {_kind(item)}")
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


def _fact(reader: _Reader, node: Any, index: int, line: int) -> Fact | None:
    if not isinstance(node, LDict):
        reader.problem(line, f"fact {index + 1} must be a mapping, not {_kind(node)}")
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
    if None in (fact_id, ftype, question):
        return None
    return Fact(fact_id, ftype, cost, question, help_text, choices, cues, reader.location(node))


def _conditions(
    reader: _Reader, when: Any, line: int, facts: dict[str, Fact], cause_id: str, broken: set[str]
) -> tuple[tuple[Condition, ...], ...]:
    """Return the alternatives of a `when`; facts in `broken` failed to load and are not reported again."""
    if not isinstance(when, LDict) or not when:
        reader.problem(line, f"cause '{cause_id}' needs 'when' (expected a mapping of fact: condition, not {_kind(when)})")
        return ()
    if "any" in when:
        if len(when) != 1:
            reader.problem(when.line_of("any"), f"'any' in cause '{cause_id}' must stand alone (expected any: [{{...}}, {{...}}])")
            return ()
        alts = when["any"]
        if not isinstance(alts, LList) or not alts:
            reader.problem(when.line_of("any"), f"'any' in cause '{cause_id}' must be a list of mappings, not {_kind(alts)}")
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


def _condition(reader: _Reader, fact: Fact, value: Any, line: int, cause_id: str) -> Condition | None:
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
        reader.problem(line, f"{where}: expected a list of choice ids, not {_kind(value)}")
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


def _facts(reader: _Reader, data: LDict) -> tuple[dict[str, Fact], set[str]]:
    """Return the facts that loaded, and the ids of those that did not."""
    facts: dict[str, Fact] = {}
    broken: set[str] = set()
    raw = data.get("facts")
    if not isinstance(raw, LList) or not raw:
        what = "missing 'facts'" if "facts" not in data else f"'facts' must be a non-empty list, not {_kind(raw)}"
        reader.problem(data.line_of("facts"), f"{what} (expected a list of facts)")
        return facts, broken
    for i, node in enumerate(raw):
        fact = _fact(reader, node, i, raw.line_of(i))
        if fact is None:
            if isinstance(node, LDict) and _is_text(node.get("id")):
                broken.add(str(node["id"]).strip())
            continue
        if fact.id in facts:
            reader.problem(fact.location.line, f"fact '{fact.id}' is defined twice (first on line {facts[fact.id].location.line})")
            continue
        facts[fact.id] = fact
    return facts, broken


def _causes(reader: _Reader, data: LDict, facts: dict[str, Fact], broken: set[str]) -> tuple[list[Cause], set[str]]:
    causes: list[Cause] = []
    seen: set[str] = set()
    raw = data.get("causes")
    if not isinstance(raw, LList) or not raw:
        what = "missing 'causes'" if "causes" not in data else f"'causes' must be a non-empty list, not {_kind(raw)}"
        reader.problem(data.line_of("causes"), f"{what} (expected a list of causes)")
        return causes, seen
    for i, node in enumerate(raw):
        if not isinstance(node, LDict):
            reader.problem(raw.line_of(i), f"cause {i + 1} must be a mapping, not {_kind(node)}")
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


def _flow(reader: _Reader, data: LDict, stem: str) -> Flow | None:
    flow_id = _own_id(reader, data, stem, "flow")
    reader.fields(data, FLOW_FIELDS, "a flow")
    entry = reader.string(data, "entry")
    if entry is not None and not ID_RE.match(entry):
        reader.problem(data.line_of("entry"), f"'entry' '{entry}' is not an entry id (expected {_pattern_words(ID_RE)})")
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
    if None in (flow_id, entry, title, unresolved):
        return None
    return Flow(flow_id, entry, title, tuple(facts.values()), tuple(causes), unresolved, fallback, reader.location(data))


def _vocabulary(reader: _Reader, data: LDict) -> Vocabulary:
    reader.fields(data, VOCABULARY_FIELDS, "the vocabulary")
    groups: list[tuple[str, ...]] = []
    first_group: dict[str, int] = {}
    raw = data.get("synonyms")
    if raw is not None and not isinstance(raw, LList):
        reader.problem(data.line_of("synonyms"), f"'synonyms' must be a list of lists of words, not {_kind(raw)}")
        raw = None
    for i, group in enumerate(raw or ()):
        line = raw.line_of(i)
        if not isinstance(group, LList) or not all(_is_text(w) and str(w).strip() for w in group):
            got = _kind(group) if not isinstance(group, LList) else "a list with an empty or non-text item"
            reader.problem(line, f"synonym group {i + 1} must be a list of words, not {got} (expected e.g. [email, e-mail])")
            continue
        if len(group) < 2:
            reader.problem(line, f"synonym group {i + 1} has {len(group)} word (expected at least two words)")
            continue
        words = tuple(str(w).strip().lower() for w in group)
        for j, word in enumerate(words):
            if word in first_group:
                reader.problem(group.line_of(j), f"synonym '{word}' is already in the group on line {first_group[word]} (expected each word in one group)")
        for word in words:
            first_group.setdefault(word, line)
        groups.append(words)
    compounds = tuple(w.lower() for w in reader.strings(data, "compounds"))
    stop = reader.localized_strings(data, "stopwords")
    offtopic = tuple(w.lower() for w in reader.strings(data, "offtopic"))
    return Vocabulary(tuple(groups), compounds, {k: tuple(w.lower() for w in v) for k, v in stop.items()}, offtopic)


def _root_problem(root: Path) -> Problem | None:
    shown = shown_path(root)
    if not root.exists():
        return Problem(shown, None, "knowledge base folder does not exist (expected a folder with entries/ and flows/)")
    if not root.is_dir():
        return Problem(shown, None, "is not a folder (expected a knowledge base folder with entries/ and flows/)")
    entries = root / "entries"
    if not entries.is_dir():
        return Problem(shown_path(entries), None, "folder is missing (expected entries/<id>.yaml files)")
    for folder in (entries, root / "flows"):
        if folder.exists():
            try:
                os.listdir(folder)
            except OSError as exc:
                return Problem(shown_path(folder), None, f"cannot list the folder: {exc.strerror or exc} (expected a readable folder)")
    return None


def read_seed(root: Path) -> tuple[str | None, str]:
    """Return the seed text a knowledge base's sources quote (None when unreadable) and its path as shown."""
    path = seed_file(root)
    try:
        return path.read_text(encoding="utf-8"), shown_path(path)
    except (OSError, UnicodeDecodeError):
        return None, shown_path(path)


def _parse(root: Path) -> tuple[KnowledgeBase | None, list[Problem], set[str], bool]:
    """Read every file; return the knowledge base of what loaded, the problems,
    the ids of entries and flows whose file did not load, and whether a file was unusable."""
    root_problem = _root_problem(root)
    if root_problem is not None:
        return None, [root_problem], set(), True
    problems: list[Problem] = []
    entries: list[Entry] = []
    flows: list[Flow] = []
    unloaded: set[str] = set()
    vocabulary = Vocabulary()
    digest = hashlib.sha256()
    unusable = False
    for path in kb_files(root):
        shown = shown_path(path)
        data, raw, found = read_yaml(path, shown)
        digest.update(path.parent.name.encode() + b"/" + path.name.encode() + b"\0" + raw + b"\0")
        problems.extend(found)
        is_vocabulary = path.parent == root
        if data is None:
            unusable = True
            if not is_vocabulary:
                unloaded.add(path.stem)
            continue
        reader = _Reader(shown)
        if not isinstance(data, LDict):
            reader.problem(getattr(data, "line", 1), f"the file must hold a mapping of fields, not {_kind(data)}")
            unloaded.add(path.stem)
        elif is_vocabulary:
            vocabulary = _vocabulary(reader, data)
        elif path.parent.name == "entries":
            entry = _entry(reader, data, path.stem)
            if entry is None:
                unloaded.update({path.stem, str(data.get("id"))})
            else:
                entries.append(entry)
        else:
            flow = _flow(reader, data, path.stem)
            if flow is None:
                unloaded.update({path.stem, str(data.get("id"))})
            else:
                flows.append(flow)
        problems.extend(reader.problems)
    if not entries and not unloaded and not unusable:
        problems.append(Problem(shown_path(root / "entries"), None, "holds no entries (expected entries/<id>.yaml files)"))
    kb = KnowledgeBase(tuple(entries), tuple(flows), vocabulary, str(root), digest.hexdigest())
    return kb, problems, unloaded, unusable


def parse_knowledge_base(root: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read every file of a knowledge base folder.

    Returns:
        The knowledge base (None when the folder or a file could not be read at all)
        and every problem of shape found in its files. Rules across files are in
        `faq.kb.validate`.
    """
    kb, problems, _, unusable = _parse(Path(root))
    return (None if unusable else kb), problems


def check_knowledge_base(root: Path | str = BUNDLED_KB) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read and validate a knowledge base folder; never raises for bad content.

    Cross-file rules run even when some files are broken; references to entries or
    flows whose file did not load are not reported a second time.

    Returns:
        The knowledge base of what loaded (None when the folder itself is unusable)
        and every problem found, shape and cross-file, in file order.
    """
    from faq.kb.validate import validate

    kb, problems, unloaded, _ = _parse(Path(root))
    if kb is not None:
        problems.extend(validate(kb, unloaded=unloaded, seed=read_seed(Path(root))))
    return kb, problems


def load_knowledge_base(root: Path | str = BUNDLED_KB) -> KnowledgeBase:
    """Load and validate a knowledge base folder.

    Raises:
        KnowledgeBaseError: with every problem found, when there is any.
    """
    kb, problems = check_knowledge_base(root)
    if problems or kb is None:
        raise KnowledgeBaseError(problems)
    return kb
