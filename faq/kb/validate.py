"""Rules across files: unique ids, references, paraphrases, entries and their flows, the configuration.

Values loaded by `faq.kb.loader` carry their lines (`LStr`, `LTuple`), so problems name
the exact line; values built in code fall back to the entry's or flow's line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from faq.errors import Problem
from faq.kb.located import LTuple
from faq.kb.model import LANGS, Entry, Flow, KnowledgeBase

__all__ = ["MIN_PARAPHRASES", "normalize_paraphrase", "validate"]

_Item = TypeVar("_Item", Entry, Flow)

MIN_PARAPHRASES = 3
"""Fewest paraphrases an entry needs in each language."""


def normalize_paraphrase(text: str) -> str:
    """Return `text` lower-cased with runs of whitespace collapsed, for comparing paraphrases."""
    return " ".join(text.lower().split())


def _file(item: Entry | Flow) -> str:
    return item.location.file if item.location is not None else "<memory>"


def _line(value: Any, item: Entry | Flow) -> int | None:
    default = item.location.line if item.location is not None else None
    return getattr(value, "line", default)


def _item_line(seq: Any, index: int, item: Entry | Flow) -> int | None:
    line_of = getattr(seq, "line_of", None)
    return line_of(index) if line_of is not None else _line(seq, item)


def _where(item: Entry | Flow, line: int | None) -> str:
    return _file(item) if line is None else f"{_file(item)}:{line}"


def _unique(items: Iterable[_Item], what: str, problems: list[Problem]) -> dict[str, _Item]:
    first: dict[str, _Item] = {}
    for item in items:
        if item.id in first:
            other = first[item.id]
            problems.append(
                Problem(_file(item), _line(item.id, item), f"duplicate {what} id '{item.id}' (also in {_where(other, _line(other.id, other))}; expected unique ids)")
            )
        else:
            first[item.id] = item
    return first


def _paraphrases(entries: Iterable[Entry], problems: list[Problem]) -> None:
    seen: dict[str, tuple[Entry, int | None, str]] = {}
    for entry in entries:
        for lang in LANGS:
            texts = entry.paraphrases.get(lang, ())
            if not texts and hasattr(texts, "lines"):
                continue  # the loader already said why the list is empty
            if len(texts) < MIN_PARAPHRASES:
                problems.append(
                    Problem(_file(entry), _line(texts, entry), f"entry '{entry.id}' has {len(texts)} paraphrases in '{lang}' (expected at least {MIN_PARAPHRASES})")
                )
            for i, text in enumerate(texts):
                key = normalize_paraphrase(text)
                line = _item_line(texts, i, entry)
                if key not in seen:
                    seen[key] = (entry, line, lang)
                    continue
                other, other_line, other_lang = seen[key]
                if other is entry and other_lang != lang:
                    continue  # the same word in German and English on one entry is fine
                where = "earlier in this entry" if other is entry else f"also on entry '{other.id}'"
                problems.append(
                    Problem(_file(entry), line, f"paraphrase '{text}' appears twice ({where}, {_where(other, other_line)}; expected each paraphrase on one entry only)")
                )


def _references(kb: KnowledgeBase, entries: dict[str, Any], flows: dict[str, Any], unloaded: set[str], problems: list[Problem]) -> None:
    for entry in kb.entries:
        file = _file(entry)
        named: set[str] = set()
        for i, rel in enumerate(entry.related):
            line = _item_line(entry.related, i, entry)
            if rel == entry.id:
                problems.append(Problem(file, line, f"'related' names the entry itself ('{rel}'; expected other entries)"))
            elif rel in named:
                problems.append(Problem(file, line, f"'related' names '{rel}' twice (expected each entry once)"))
            elif rel not in entries and rel not in unloaded:
                problems.append(Problem(file, line, f"'related' names unknown entry '{rel}' (expected an entry id, a file in entries/)"))
            named.add(rel)
        if entry.flow is None:
            continue
        line = _line(entry.flow, entry)
        flow = flows.get(entry.flow)
        if flow is None:
            if entry.flow not in unloaded:
                problems.append(Problem(file, line, f"'flow' names unknown flow '{entry.flow}' (expected a flow id, a file in flows/)"))
        elif flow.entry != entry.id and flow.entry in entries:  # else reported on the flow
            problems.append(
                Problem(file, line, f"'flow' names flow '{flow.id}', whose entry is '{flow.entry}' (expected a flow with entry: {entry.id}, {_where(flow, _line(flow.entry, flow))})")
            )
    for flow in kb.flows:
        file = _file(flow)
        line = _line(flow.entry, flow)
        start = entries.get(flow.entry)
        if start is None:
            if flow.entry not in unloaded:
                problems.append(Problem(file, line, f"flow '{flow.id}' names unknown entry '{flow.entry}' (expected an entry id, a file in entries/)"))
        elif start.flow != flow.id and (start.flow is None or start.flow in flows):  # else reported on the entry
            now = "has no 'flow'" if start.flow is None else f"starts flow '{start.flow}'"
            problems.append(
                Problem(file, line, f"entry '{start.id}' {now}, not this one (expected 'flow: {flow.id}' in {_file(start)})")
            )


def _negatives(kb: KnowledgeBase, problems: list[Problem]) -> None:
    """An out-of-scope example (search/out_of_scope.yaml) must not also be a text of an entry."""
    from pathlib import Path

    path = Path(kb.root) / "search" / "out_of_scope.yaml" if kb.root else None
    if path is None or not path.is_file():
        return
    texts: dict[str, str] = {}
    for entry in kb.entries:
        for lang in LANGS:
            for text in (entry.question.get(lang), entry.title.get(lang), *entry.paraphrases.get(lang, ())):
                texts.setdefault(normalize_paraphrase(text), entry.id)
    from faq.search.model import load_negatives

    lines = path.read_text(encoding="utf-8").splitlines()
    for _lang, question in load_negatives(path.parent):
        owner = texts.get(normalize_paraphrase(question))
        if owner is None:
            continue
        line = next((n for n, raw in enumerate(lines, 1) if question in raw), None)
        problems.append(Problem(str(path), line, f"out-of-scope example '{question}' is also a text of entry "
                                                 f"'{owner}' (expected it in one place only)", "negative-is-paraphrase"))


def _config(kb: KnowledgeBase, entries: dict[str, Any], unloaded: set[str], problems: list[Problem]) -> None:
    config = kb.config
    if config.location is None:
        return
    file = config.location.file
    topics = config.start_topics
    named = [("support_entry", config.support_entry, getattr(config.support_entry, "line", config.location.line))]
    for i, topic in enumerate(topics):
        named.append(("start_topics", topic, topics.line_of(i) if isinstance(topics, LTuple) else config.location.line))
    for key, entry_id, line in named:
        if entry_id is not None and entry_id not in entries and entry_id not in unloaded:
            problems.append(Problem(file, line, f"'{key}' names unknown entry '{entry_id}' (expected an entry id, a file in entries/)", "unknown-entry"))


def validate(kb: KnowledgeBase, unloaded: Iterable[str] = (), seed: tuple[str | None, str] | None = None) -> list[Problem]:
    """Return every cross-file rule broken by a parsed knowledge base (empty when sound).

    Args:
        kb: The knowledge base, as parsed.
        unloaded: Ids of entries and flows whose file exists but did not load;
            references to them are not reported (their file's problems already are).
        seed: The seed text the flows' sources quote (None when unreadable) and its
            file; given, every cause, step and choice must quote it (`check_sources`).
    """
    skip = set(unloaded)
    problems: list[Problem] = []
    entries = _unique(kb.entries, "entry", problems)
    flows = _unique(kb.flows, "flow", problems)
    _paraphrases(entries.values(), problems)
    _negatives(kb, problems)
    _references(kb, entries, flows, skip, problems)
    _config(kb, entries, skip, problems)
    try:
        from faq.kb.flowcheck import check_flows
    except ImportError:
        return problems
    problems.extend(check_flows(kb))
    if seed is not None:
        from faq.kb.flowcheck import check_sources

        problems.extend(check_sources(kb, *seed))
    return problems
