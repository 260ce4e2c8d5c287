"""Which topics the chat offers by itself: the start screen's starters and the support entry.

Both come from the knowledge base's configuration (`config.yaml`: `start_topics`,
`support_entry`); the chat names no entry ids of its own.
"""

from __future__ import annotations

from faq.kb.model import KnowledgeBase

__all__ = ["MAX_TOPICS", "start_topics", "support_entry"]

MAX_TOPICS = 6
"""At most this many starters: one number key each, and the start screen fits 80x24."""


def start_topics(kb: KnowledgeBase) -> tuple[str, ...]:
    """The ids of the most common topics (at most six): the configured ones the knowledge
    base has, filled up with its first entries."""
    ids = [i for i in kb.config.start_topics if kb.entry(i) is not None]
    for entry in kb.entries:
        if len(ids) >= MAX_TOPICS:
            break
        if entry.id not in ids:
            ids.append(entry.id)
    return tuple(ids[:MAX_TOPICS])


def support_entry(kb: KnowledgeBase) -> str | None:
    """The id of the entry on contacting support, or None when the knowledge base names none."""
    entry = kb.support()
    return entry.id if entry is not None else None
