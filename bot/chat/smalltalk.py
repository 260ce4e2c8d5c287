"""Greetings, thanks and goodbyes: recognised as whole messages from the lexicon's lists.

`knowledge/language/smalltalk_{greeting,thanks,goodbye}.yaml` hold the phrases per language.
A message is small talk only when every part of it (split at punctuation) is such a phrase:
"Hallo!", "danke, tschüss" are; "Hallo, meine Aktivierungsmail fehlt" is a question.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["KINDS", "smalltalk"]

KINDS = ("greeting", "thanks", "goodbye")
_SPLIT = re.compile(r"[,.;:!?¡¿()\-–—]+")
_DROP = re.compile(r"[^\w\s'’]+")


def _norm(text: str) -> str:
    return " ".join(_DROP.sub(" ", text.lower().replace("’", "'")).split())


@cache
def _phrases() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Phrase -> (kind, languages it belongs to)."""
    from faq.language.lexicon import lexicon

    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    lists = lexicon()
    for kind in KINDS:
        for lang, phrases in lists.get(f"smalltalk_{kind}", {}).items():
            for phrase in phrases:
                key = _norm(phrase)
                if key in out:
                    out[key] = (out[key][0], (*out[key][1], lang))
                else:
                    out[key] = (kind, (lang,))
    return out


def smalltalk(text: str, prefer: str = "de") -> tuple[str, str] | None:
    """Return (kind, language) when the whole message is small talk, else None.

    Args:
        text: What the user typed.
        prefer: The language to answer in when the phrases belong to both ("hi").

    The kind is that of the last part ("danke, tschüss" is a goodbye); the language is
    the one all parts share, `prefer` when both fit.
    """
    table = _phrases()
    parts = [_norm(p) for p in _SPLIT.split(text)]
    parts = [p for p in parts if p]
    if not parts or len(parts) > 4:
        return None
    kind = ""
    langs = {"de", "en"}
    for part in parts:
        found = table.get(part)
        if found is None:
            return None
        kind = found[0]
        langs &= set(found[1]) or langs
    lang = prefer if prefer in langs or not langs else sorted(langs)[0]
    return kind, lang
