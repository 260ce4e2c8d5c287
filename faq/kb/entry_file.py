"""An FAQ entry file (`entries/<id>.yaml`) read into an `Entry`, with precise problems."""

from __future__ import annotations

from faq.kb.model import LANGS, Block, Entry
from faq.kb.reader import ID_RE, FieldReader, kind_of, own_id, pattern_words
from faq.kb.yamlsource import LDict, LList

__all__ = ["BLOCK_KINDS", "ENTRY_FIELDS", "read_entry"]

BLOCK_KINDS = ("text", "list", "steps", "important", "note")
ENTRY_FIELDS = ("id", "title", "question", "paraphrases", "keywords", "answer", "contact", "related", "flow")


def _blocks(reader: FieldReader, parent: LDict, lang: str, where: str) -> tuple[Block, ...]:
    node = parent.get(lang)
    line = parent.line_of(lang)
    if not isinstance(node, LList):
        reader.problem(line, f"'{where}' must be a list of blocks ({', '.join(BLOCK_KINDS)}), not {kind_of(node)}")
        return ()
    blocks = []
    for i, item in enumerate(node):
        item_line = node.line_of(i)
        if not isinstance(item, LDict) or len(item) != 1:
            got = f"{len(item)} keys" if isinstance(item, LDict) else kind_of(item)
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


def read_entry(reader: FieldReader, data: LDict, stem: str) -> Entry | None:
    """Return the entry of a file's data, or None when a required part is broken (problems are in `reader`)."""
    entry_id = own_id(reader, data, stem, "entry")
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
        reader.languages(answer_node, "answer")
    contact = reader.text(data, "contact", required=False)
    related = reader.strings(data, "related")
    for i, rel in enumerate(related):
        if not ID_RE.match(rel):
            reader.problem(related.line_of(i), f"'related' item '{rel}' is not an entry id (expected {pattern_words(ID_RE)})")
    flow = reader.string(data, "flow", required=False)
    if entry_id is None or title is None or question is None or len(answer) != len(LANGS):
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
