"""The knowledge base's configuration (`config.yaml`) read into a `KbConfig`.

It names the entries the faces need by id, so the faces hard-code none:

    support_entry: contact-support       # offered when no answer fits
    start_topics: [activation-email-missing, resend-activation-email]

The file is optional; without it there is no support entry and the chat's start
screen offers the first entries. Whether the ids name entries is checked across
files, in `faq.kb.validate`.
"""

from __future__ import annotations

from faq.kb.model import KbConfig
from faq.kb.reader import ID_RE, FieldReader, pattern_words
from faq.kb.yamlsource import LDict

__all__ = ["CONFIG_FIELDS", "CONFIG_FILE", "read_config"]

CONFIG_FILE = "config.yaml"
CONFIG_FIELDS = ("support_entry", "start_topics")


def read_config(reader: FieldReader, data: LDict) -> KbConfig:
    """Return the configuration of the file's data; broken parts are left out (problems are in `reader`)."""
    reader.fields(data, CONFIG_FIELDS, "the configuration")
    support = reader.string(data, "support_entry", required=False)
    if support is not None and not ID_RE.match(support):
        reader.problem(data.line_of("support_entry"), f"'support_entry' '{support}' is not an entry id (expected {pattern_words(ID_RE)})", "invalid-id")
        support = None
    topics = reader.strings(data, "start_topics")
    seen: set[str] = set()
    for i, topic in enumerate(topics):
        if not ID_RE.match(topic):
            reader.problem(topics.line_of(i), f"'start_topics' item '{topic}' is not an entry id (expected {pattern_words(ID_RE)})", "invalid-id")
        elif topic in seen:
            reader.problem(topics.line_of(i), f"'start_topics' names '{topic}' twice (expected each entry once)", "duplicate-reference")
        seen.add(topic)
    return KbConfig(support_entry=support, start_topics=topics, location=reader.location(data))
