"""Loading a knowledge base folder into the model, with precise problems."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from .errors import KnowledgeBaseError, Problem
from .model import (
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
    Text,
    Vocabulary,
)
from .yamlsource import LDict, LList, read_yaml

__all__ = ["BUNDLED_KB", "kb_files", "load_knowledge_base", "parse_knowledge_base"]

def _bundled() -> Path:
    here = Path(__file__).resolve().parent
    source_tree = here.parent / "knowledge"
    return source_tree if (source_tree / "entries").is_dir() else here / "knowledge"


BUNDLED_KB = _bundled()
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FACT_RE = re.compile(r"^[a-z][a-z0-9_]*$")
BLOCK_KINDS = ("text", "list", "steps", "important", "note")
FACT_TYPES = ("yesno", "date", "email", "choice")
CONTACT_KINDS = ("support", "vlsc-support", "reseller", "agreement-admin", "global-admin", "wait", "none")
DATE_OPS = ("less_than_hours_ago", "more_than_hours_ago", "more_than_months_ago", "at_most_months_ago")


class _Reader:
    """Collects problems while reading the values of one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def mapping(self, parent: Any, key: str, line: int, required: bool = True) -> LDict | None:
        value = parent.get(key) if isinstance(parent, dict) else None
        if value is None:
            if required:
                self.problem(line, f"missing '{key}' (expected a mapping)")
            return None
        if not isinstance(value, LDict):
            self.problem(parent.line_of(key), f"'{key}' must be a mapping, not {_kind(value)}")
            return None
        return value

    def string(self, parent: LDict, key: str, required: bool = True) -> str | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.problem(parent.line, f"missing '{key}' (expected a text)")
            return None
        if isinstance(value, (dict, list)) or isinstance(value, bool):
            self.problem(parent.line_of(key), f"'{key}' must be a text, not {_kind(value)}")
            return None
        text = str(value).strip()
        if not text and required:
            self.problem(parent.line_of(key), f"'{key}' is empty (expected a text)")
            return None
        return text

    def text(self, parent: LDict, key: str, required: bool = True) -> Text | None:
        """A {de, en} pair of texts."""
        node = self.mapping(parent, key, parent.line, required)
        if node is None:
            return None
        values = {}
        for lang in LANGS:
            if lang not in node:
                self.problem(node.line, f"'{key}' has no '{lang}' text (expected both de and en)")
                continue
            value = self.string(node, lang)
            if value is not None:
                values[lang] = value
        for other in node:
            if other not in LANGS:
                self.problem(node.line_of(other), f"'{key}' has unknown language '{other}' (expected de or en)")
        if len(values) != len(LANGS):
            return None
        return Text(**values)

    def strings(self, parent: LDict, key: str, required: bool = False) -> tuple[str, ...]:
        value = parent.get(key)
        if value is None:
            if required:
                self.problem(parent.line, f"missing '{key}' (expected a list of texts)")
            return ()
        if not isinstance(value, LList):
            self.problem(parent.line_of(key), f"'{key}' must be a list of texts, not {_kind(value)}")
            return ()
        out = []
        for i, item in enumerate(value):
            if isinstance(item, (dict, list)) or item is None or isinstance(item, bool):
                self.problem(value.line_of(i), f"item {i + 1} of '{key}' must be a text, not {_kind(item)}")
            elif not str(item).strip():
                self.problem(value.line_of(i), f"item {i + 1} of '{key}' is empty")
            else:
                out.append(str(item).strip())
        return tuple(out)

    def localized_strings(self, parent: LDict, key: str, required: bool = False) -> dict[str, tuple[str, ...]]:
        node = self.mapping(parent, key, parent.line, required)
        if node is None:
            return {lang: () for lang in LANGS}
        out = {}
        for lang in LANGS:
            if lang not in node and required:
                self.problem(node.line, f"'{key}' has no '{lang}' list (expected both de and en)")
            out[lang] = self.strings(node, lang, required=False)
            if required and lang in node and not out[lang]:
                self.problem(node.line_of(lang), f"'{key}.{lang}' is empty (expected at least one text)")
        for other in node:
            if other not in LANGS:
                self.problem(node.line_of(other), f"'{key}' has unknown language '{other}' (expected de or en)")
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


def _blocks(reader: _Reader, node: Any, where: str, line: int) -> tuple[Block, ...]:
    if not isinstance(node, LList):
        reader.problem(line, f"'{where}' must be a list of blocks (text, list, steps, important, note), not {_kind(node)}")
        return ()
    blocks = []
    for i, item in enumerate(node):
        item_line = node.line_of(i)
        if not isinstance(item, LDict) or len(item) != 1:
            reader.problem(item_line, f"block {i + 1} of '{where}' must have exactly one key of {', '.join(BLOCK_KINDS)}")
            continue
        (kind,) = item.keys()
        if kind not in BLOCK_KINDS:
            reader.problem(item_line, f"unknown block '{kind}' in '{where}' (expected one of {', '.join(BLOCK_KINDS)})")
            continue
        if kind in ("list", "steps"):
            items = reader.strings(item, kind, required=True)
            if items:
                blocks.append(Block(kind, items=items))
        else:
            text = reader.string(item, kind)
            if text:
                blocks.append(Block(kind, text=text))
    if not blocks:
        reader.problem(line, f"'{where}' is empty (expected at least one block)")
    return tuple(blocks)


def _entry(reader: _Reader, data: LDict, stem: str) -> Entry | None:
    entry_id = reader.ident(data, "id", ID_RE, "entry id")
    if entry_id is not None and entry_id != stem:
        reader.problem(data.line_of("id"), f"id '{entry_id}' differs from the file name (expected '{stem}')")
    known = {"id", "title", "question", "paraphrases", "keywords", "answer", "contact", "related", "flow"}
    for key in data:
        if key not in known:
            reader.problem(data.line_of(key), f"unknown field '{key}' (expected one of {', '.join(sorted(known))})")
    title = reader.text(data, "title")
    question = reader.text(data, "question")
    paraphrases = reader.localized_strings(data, "paraphrases", required=True)
    keywords = reader.localized_strings(data, "keywords")
    answer_node = reader.mapping(data, "answer", data.line)
    answer: dict[str, tuple[Block, ...]] = {}
    if answer_node is not None:
        for lang in LANGS:
            if lang not in answer_node:
                reader.problem(answer_node.line, f"'answer' has no '{lang}' text (expected both de and en)")
                continue
            answer[lang] = _blocks(reader, answer_node[lang], f"answer.{lang}", answer_node.line_of(lang))
    contact = reader.text(data, "contact", required=False)
    related = reader.strings(data, "related")
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


def _resolution(reader: _Reader, node: LDict) -> Resolution | None:
    title = reader.text(node, "title")
    text = reader.text(node, "text")
    steps = reader.localized_strings(node, "steps")
    contact = reader.text(node, "contact")
    kind = reader.string(node, "contact_kind")
    if kind is not None and kind not in CONTACT_KINDS:
        reader.problem(node.line_of("contact_kind"), f"unknown contact_kind '{kind}' (expected one of {', '.join(CONTACT_KINDS)})")
        kind = None
    if None in (title, text, contact, kind):
        return None
    return Resolution(title=title, text=text, steps=steps, contact=contact, contact_kind=kind)


def _fact(reader: _Reader, node: Any, index: int, line: int) -> Fact | None:
    if not isinstance(node, LDict):
        reader.problem(line, f"fact {index + 1} must be a mapping, not {_kind(node)}")
        return None
    fact_id = reader.ident(node, "id", FACT_RE, "fact id")
    ftype = reader.string(node, "type")
    if ftype is not None and ftype not in FACT_TYPES:
        reader.problem(node.line_of("type"), f"unknown fact type '{ftype}' (expected one of {', '.join(FACT_TYPES)})")
        ftype = None
    cost = node.get("cost", 1)
    if not isinstance(cost, int) or isinstance(cost, bool) or cost < 0:
        reader.problem(node.line_of("cost"), f"cost must be a whole number from 0 up, not {cost!r}")
        cost = 1
    question = reader.text(node, "question")
    help_text = reader.text(node, "help", required=False)
    choices: list[Choice] = []
    raw_choices = node.get("choices")
    if ftype == "choice":
        if not isinstance(raw_choices, LList) or not raw_choices:
            reader.problem(node.line_of("choices"), "a choice fact needs 'choices' (a list of {id, label})")
        else:
            for i, item in enumerate(raw_choices):
                if not isinstance(item, LDict):
                    reader.problem(raw_choices.line_of(i), f"choice {i + 1} must be a mapping with id and label")
                    continue
                cid = reader.ident(item, "id", ID_RE, "choice id")
                label = reader.text(item, "label")
                aliases = reader.strings(item, "aliases")
                if cid and label:
                    choices.append(Choice(cid, label, aliases))
    elif raw_choices is not None:
        reader.problem(node.line_of("choices"), f"'choices' is only for facts of type choice, not {ftype}")
    cues = FactCues()
    cues_node = reader.mapping(node, "cues", node.line, required=False)
    if cues_node is not None:
        for key in cues_node:
            if key not in ("yes", "no", "context"):
                reader.problem(cues_node.line_of(key), f"unknown cue '{key}' (expected yes, no or context)")
        cues = FactCues(
            yes=reader.localized_strings(cues_node, "yes"),
            no=reader.localized_strings(cues_node, "no"),
            context=reader.localized_strings(cues_node, "context"),
        )
    if None in (fact_id, ftype, question):
        return None
    return Fact(fact_id, ftype, cost, question, help_text, tuple(choices), cues, reader.location(node))


def _conditions(reader: _Reader, when: Any, line: int, facts: dict[str, Fact], cause_id: str) -> tuple[tuple[Condition, ...], ...]:
    if not isinstance(when, LDict) or not when:
        reader.problem(line, f"cause '{cause_id}' needs 'when' (a mapping of fact: condition)")
        return ()
    if set(when) == {"any"}:
        alts = when["any"]
        if not isinstance(alts, LList) or not alts:
            reader.problem(when.line_of("any"), f"'any' in cause '{cause_id}' must be a list of mappings")
            return ()
        out = []
        for i, alt in enumerate(alts):
            out.extend(_conditions(reader, alt, alts.line_of(i), facts, cause_id))
        return tuple(out)
    conds = []
    for name, value in when.items():
        cline = when.line_of(name)
        fact = facts.get(name)
        if fact is None:
            reader.problem(cline, f"cause '{cause_id}' tests unknown fact '{name}' (expected one of {', '.join(facts) or 'the facts of this flow'})")
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
        reader.problem(line, f"{where}: expected a list of choice ids")
    elif fact.type == "email":
        if isinstance(value, LDict) and set(value) == {"domain"} and isinstance(value["domain"], LList):
            return Condition(fact.id, "domain", tuple(str(d).lower() for d in value["domain"]))
        reader.problem(line, f"{where}: expected {{domain: [example.com]}} for an e-mail fact")
    elif fact.type == "date":
        if isinstance(value, LDict) and len(value) == 1:
            (op, amount), = value.items()
            if op in DATE_OPS and isinstance(amount, int) and not isinstance(amount, bool) and amount >= 0:
                return Condition(fact.id, op, amount)
        reader.problem(line, f"{where}: expected one of {', '.join(DATE_OPS)} with a whole number, for a date fact")
    return None


def _flow(reader: _Reader, data: LDict, stem: str) -> Flow | None:
    flow_id = reader.ident(data, "id", ID_RE, "flow id")
    if flow_id is not None and flow_id != stem:
        reader.problem(data.line_of("id"), f"id '{flow_id}' differs from the file name (expected '{stem}')")
    known = {"id", "entry", "title", "facts", "causes", "unresolved", "fallback"}
    for key in data:
        if key not in known:
            reader.problem(data.line_of(key), f"unknown field '{key}' (expected one of {', '.join(sorted(known))})")
    entry = reader.string(data, "entry")
    title = reader.text(data, "title")
    facts: dict[str, Fact] = {}
    raw_facts = data.get("facts")
    if not isinstance(raw_facts, LList) or not raw_facts:
        reader.problem(data.line_of("facts"), "missing 'facts' (expected a list of facts)")
    else:
        for i, node in enumerate(raw_facts):
            fact = _fact(reader, node, i, raw_facts.line_of(i))
            if fact is None:
                continue
            if fact.id in facts:
                reader.problem(fact.location.line, f"fact '{fact.id}' is defined twice")
            facts[fact.id] = fact
    causes: list[Cause] = []
    raw_causes = data.get("causes")
    if not isinstance(raw_causes, LList) or not raw_causes:
        reader.problem(data.line_of("causes"), "missing 'causes' (expected a list of causes)")
    else:
        seen: set[str] = set()
        for i, node in enumerate(raw_causes):
            if not isinstance(node, LDict):
                reader.problem(raw_causes.line_of(i), f"cause {i + 1} must be a mapping, not {_kind(node)}")
                continue
            cause_id = reader.ident(node, "id", ID_RE, "cause id")
            if cause_id is None:
                continue
            if cause_id in seen:
                reader.problem(node.line_of("id"), f"cause '{cause_id}' is defined twice")
            seen.add(cause_id)
            when = _conditions(reader, node.get("when"), node.line_of("when"), facts, cause_id)
            resolution = _resolution(reader, node)
            if when and resolution is not None:
                causes.append(Cause(cause_id, when, resolution, reader.location(node)))
    unresolved_node = reader.mapping(data, "unresolved", data.line)
    unresolved = _resolution(reader, unresolved_node) if unresolved_node is not None else None
    fallback = reader.string(data, "fallback", required=False)
    if None in (flow_id, entry, title, unresolved):
        return None
    return Flow(flow_id, entry, title, tuple(facts.values()), tuple(causes), unresolved, fallback, reader.location(data))


def _vocabulary(reader: _Reader, data: LDict) -> Vocabulary:
    groups = []
    raw = data.get("synonyms") or LList()
    if not isinstance(raw, LList):
        reader.problem(data.line_of("synonyms"), "'synonyms' must be a list of lists of words")
        raw = LList()
    for i, group in enumerate(raw):
        if not isinstance(group, LList) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            reader.problem(raw.line_of(i) if isinstance(raw, LList) else data.line, f"synonym group {i + 1} must be a list of at least two words")
            continue
        groups.append(tuple(w.strip().lower() for w in group))
    compounds = tuple(w.lower() for w in reader.strings(data, "compounds"))
    stop = reader.localized_strings(data, "stopwords")
    return Vocabulary(tuple(groups), compounds, {k: tuple(w.lower() for w in v) for k, v in stop.items()})


def kb_files(root: Path) -> list[Path]:
    """Return the YAML files of a knowledge base folder, in a stable order."""
    files = []
    vocab = root / "vocabulary.yaml"
    if vocab.is_file():
        files.append(vocab)
    for sub in ("entries", "flows"):
        folder = root / sub
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")))
    return files


def _shown(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root)) if root.name else str(path)
    except ValueError:
        return str(path)


def parse_knowledge_base(root: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read every file of a knowledge base folder.

    Returns:
        The knowledge base (None when a file could not be read at all) and every
        problem of shape found in its files. Rules across files are in `faq.validate`.
    """
    root = Path(root)
    shown_root = str(root)
    if not root.exists():
        return None, [Problem(shown_root, None, "knowledge base folder does not exist (expected a folder with entries/ and flows/)")]
    if not root.is_dir():
        return None, [Problem(shown_root, None, "is not a folder (expected a knowledge base folder with entries/ and flows/)")]
    if not (root / "entries").is_dir():
        return None, [Problem(shown_root, None, "has no entries/ folder (expected entries/<id>.yaml files)")]
    problems: list[Problem] = []
    entries: list[Entry] = []
    flows: list[Flow] = []
    vocabulary = Vocabulary()
    digest = hashlib.sha256()
    broken = False
    for path in kb_files(root):
        shown = str(path)
        data, raw, found = read_yaml(path, shown)
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        problems.extend(found)
        if data is None:
            broken = True
            continue
        reader = _Reader(shown)
        if not isinstance(data, LDict):
            reader.problem(1, f"the file must hold a mapping, not {_kind(data)}")
        elif path.name == "vocabulary.yaml" and path.parent == root:
            vocabulary = _vocabulary(reader, data)
        elif path.parent.name == "entries":
            entry = _entry(reader, data, path.stem)
            if entry is not None:
                entries.append(entry)
        else:
            flow = _flow(reader, data, path.stem)
            if flow is not None:
                flows.append(flow)
        problems.extend(reader.problems)
    if not entries and not broken:
        problems.append(Problem(str(root / "entries"), None, "no entries found (expected entries/<id>.yaml files)"))
    kb = KnowledgeBase(tuple(entries), tuple(flows), vocabulary, str(root), digest.hexdigest())
    return (None if broken else kb), problems


def load_knowledge_base(root: Path | str = BUNDLED_KB) -> KnowledgeBase:
    """Load and validate a knowledge base folder.

    Raises:
        KnowledgeBaseError: with every problem found, when there is any.
    """
    from .validate import validate

    kb, problems = parse_knowledge_base(Path(root))
    if kb is not None:
        problems.extend(validate(kb))
    if problems:
        raise KnowledgeBaseError(problems)
    return kb
