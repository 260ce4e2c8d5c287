"""The vocabulary file (`vocabulary.yaml`) read into a `Vocabulary`, with precise problems."""

from __future__ import annotations

from faq.kb.model import Vocabulary
from faq.kb.reader import FieldReader, is_text, kind_of
from faq.kb.yamlsource import LDict, LList

__all__ = ["VOCABULARY_FIELDS", "read_vocabulary"]

VOCABULARY_FIELDS = ("synonyms", "compounds", "stopwords", "offtopic")


def read_vocabulary(reader: FieldReader, data: LDict) -> Vocabulary:
    """Return the vocabulary of the file's data; broken parts are left out (problems are in `reader`)."""
    reader.fields(data, VOCABULARY_FIELDS, "the vocabulary")
    groups: list[tuple[str, ...]] = []
    first_group: dict[str, int] = {}
    raw = data.get("synonyms")
    if raw is not None and not isinstance(raw, LList):
        reader.problem(data.line_of("synonyms"), f"'synonyms' must be a list of lists of words, not {kind_of(raw)}")
        raw = None
    for i, group in enumerate(raw if isinstance(raw, LList) else ()):
        line = data.line_of("synonyms") if raw is None else raw.line_of(i)
        if not isinstance(group, LList) or not all(is_text(w) and str(w).strip() for w in group):
            got = kind_of(group) if not isinstance(group, LList) else "a list with an empty or non-text item"
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
