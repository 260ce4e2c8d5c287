"""Plain-text rendering of answers and resolutions for the terminal."""

from __future__ import annotations

from collections.abc import Iterable

from bot.cli.terminal import columns
from faq.kb.model import Block, Entry, KnowledgeBase
from faq.language.catalogue import tr

__all__ = ["os_reason", "render_blocks", "render_entry", "width"]



def os_reason(cause: OSError | str, lang: str) -> str:
    """Why the system refused a file or a port (`cause`: the error, or its system message as a
    reader passed it on), in `lang`: the catalogue's `cli_os_<errno name>` text, so a German line
    names no English "No such file or directory"; else the system's own words."""
    import errno
    import os

    from faq.language.catalogue import catalogue

    said = str(cause.strerror or cause) if isinstance(cause, OSError) else cause
    code = cause.errno if isinstance(cause, OSError) else None
    if code is None:  # the message alone: the errno whose message it is
        code = next((n for n in errno.errorcode if os.strerror(n) == said), None)
    name = errno.errorcode.get(code or 0, "")
    return (catalogue().get(lang, {}).get(f"cli_os_{name.lower()}") if name else None) or said


def width() -> int:
    """Return the text width to wrap to (the terminal's, at most 100)."""
    return max(40, min(100, columns()) - 2)


def _wrap(text: str, cols: int, first: str = "", rest: str | None = None) -> list[str]:
    import textwrap  # only a readable answer is wrapped (not `--json`)

    rest = " " * len(first) if rest is None else rest
    return textwrap.wrap(text, cols, initial_indent=first, subsequent_indent=rest) or [first.rstrip()]


def render_blocks(blocks: Iterable[Block], lang: str, cols: int | None = None) -> list[str]:
    """Render answer blocks as wrapped lines of plain text."""
    cols = cols or width()
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        if block.kind == "text":
            lines += _wrap(block.text, cols)
        elif block.kind in ("important", "note"):
            lines += _wrap(block.text, cols, f"{tr(lang, 'cli_' + block.kind)}: ", "  ")
        elif block.kind == "steps":
            for n, item in enumerate(block.items, 1):
                lines += _wrap(item, cols, f"{n:>2}. ", "    ")
        else:
            for item in block.items:
                lines += _wrap(item, cols, "  • ", "    ")
    return lines


def render_entry(entry: Entry, lang: str, kb: KnowledgeBase | None = None, cols: int | None = None) -> str:
    """Render one FAQ entry: its question, answer, contact and related entries."""
    cols = cols or width()
    title = _wrap(entry.question.get(lang), cols)
    lines = [*title, "=" * max(len(line) for line in title), ""]
    lines += render_blocks(entry.answer.get(lang, ()), lang, cols)
    if entry.contact is not None:
        lines += ["", *_wrap(entry.contact.get(lang), cols, f"{tr(lang, 'cli_contact')}: ", "  ")]
    if kb is not None and entry.related:
        names = [other.title.get(lang) for r in entry.related if (other := kb.entry(r)) is not None]
        if names:
            lines += ["", *_wrap("; ".join(names), cols, f"{tr(lang, 'cli_related')}: ", "  ")]
    return "\n".join(lines)
