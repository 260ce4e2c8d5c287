"""Plain-text rendering of FAQ entries on the command line (bot.cli.render)."""

from __future__ import annotations

from bot.cli.render import render_entry
from faq.kb.loader import load_knowledge_base


def test_every_line_of_an_entry_fits_the_width_including_see_also():
    kb = load_knowledge_base()
    for entry in kb.entries:
        for lang in ("de", "en"):
            text = render_entry(entry, lang, kb, cols=60)
            too_long = [line for line in text.splitlines() if len(line) > 60]
            assert not too_long, (entry.id, lang, too_long)
