"""Rules across files: references, duplicates, flows that cannot reach a cause."""

from __future__ import annotations

from .errors import Problem
from .model import KnowledgeBase

__all__ = ["validate"]


def validate(kb: KnowledgeBase) -> list[Problem]:
    """Return every rule broken by a parsed knowledge base (empty when sound)."""
    problems: list[Problem] = []
    entry_ids: dict[str, str] = {}
    for entry in kb.entries:
        loc = entry.location
        if entry.id in entry_ids:
            problems.append(Problem(loc.file, loc.line, f"duplicate id '{entry.id}' (also in {entry_ids[entry.id]})"))
        entry_ids.setdefault(entry.id, str(loc))
    flow_ids = {flow.id for flow in kb.flows}
    for entry in kb.entries:
        loc = entry.location
        for rel in entry.related:
            if rel not in entry_ids:
                problems.append(Problem(loc.file, loc.line, f"'related' names unknown entry '{rel}'"))
        if entry.flow is not None and entry.flow not in flow_ids:
            problems.append(Problem(loc.file, loc.line, f"'flow' names unknown flow '{entry.flow}'"))
    for flow in kb.flows:
        loc = flow.location
        if flow.entry not in entry_ids:
            problems.append(Problem(loc.file, loc.line, f"flow '{flow.id}' names unknown entry '{flow.entry}'"))
    return problems
