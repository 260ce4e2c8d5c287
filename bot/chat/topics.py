"""Which topics the chat offers by itself: the start screen's starters and the support entry.

The one place that names entry ids in the chat. A knowledge base may set them in its
configuration (`start_topics`, `support_entry` on the loaded KnowledgeBase); until it
does, these defaults apply, and ids the knowledge base lacks are skipped.
"""

from __future__ import annotations

from faq.kb.model import KnowledgeBase

__all__ = ["DEFAULT_START_TOPICS", "DEFAULT_SUPPORT_ENTRY", "MAX_TOPICS", "start_topics", "support_entry"]

DEFAULT_START_TOPICS = (
    "activation-email-missing",
    "resend-activation-email",
    "licenses-not-visible",
    "activation-link-expiry",
    "wrong-account-activated",
    "contact-support",
)
DEFAULT_SUPPORT_ENTRY = "contact-support"
MAX_TOPICS = 6


def start_topics(kb: KnowledgeBase) -> tuple[str, ...]:
    """The ids of the most common topics (at most six): the configured ones the knowledge
    base has, filled up with its first entries."""
    preferred = getattr(kb, "start_topics", None) or DEFAULT_START_TOPICS
    ids = [i for i in preferred if kb.entry(i) is not None]
    for entry in kb.entries:
        if len(ids) >= MAX_TOPICS:
            break
        if entry.id not in ids:
            ids.append(entry.id)
    return tuple(ids[:MAX_TOPICS])


def support_entry(kb: KnowledgeBase) -> str | None:
    """The id of the entry on contacting support, or None when the knowledge base has none."""
    entry_id = getattr(kb, "support_entry", None) or DEFAULT_SUPPORT_ENTRY
    return entry_id if kb.entry(entry_id) is not None else None
