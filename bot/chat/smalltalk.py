"""Greetings, thanks, goodbyes and acknowledgements: recognised as whole messages from the
lexicon's lists.

`knowledge/language/smalltalk_{greeting,thanks,goodbye,ack,yesno}.yaml` hold the phrases per
language; a yes or no alone is small talk only outside a diagnosis (`Dialogue.submit`).
A message is small talk only when every part of it (split at punctuation) is made of such
phrases: "Hallo!", "danke, tschüss", "ok danke" are; "Hallo, meine Aktivierungsmail fehlt" and
"ok, und wer bekommt die Mail?" are questions.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["KINDS", "smalltalk"]

KINDS = ("greeting", "thanks", "goodbye", "ack", "yesno")
MAX_PHRASES = 4
"""At most this many phrases make one message of small talk ("ok danke tschüss")."""
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


@cache
def _longest() -> int:
    """Words in the longest phrase."""
    return max((len(p.split()) for p in _phrases()), default=0)


@cache
def _first_words() -> frozenset[str]:
    """The first word of each phrase."""
    return frozenset(p.split()[0] for p in _phrases() if p)


def _segment(part: str, table: dict[str, tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]] | None:
    """`part` read as a sequence of whole phrases ("ok danke" = "ok" + "danke"), longest
    phrases first; None when some words are no phrase."""
    said = part.split()
    longest = _longest()
    if len(said) > MAX_PHRASES * longest:  # a long message is never small talk: not read word by word
        return None
    best: list[list[tuple[str, tuple[str, ...]]] | None] = [None] * (len(said) + 1)
    best[0] = []
    reached = 0  # the last word boundary a sequence of phrases reaches
    for end in range(1, len(said) + 1):
        if end - reached > longest:
            return None  # no phrase spans from a reached boundary to here or beyond
        for start in range(max(0, end - longest), end):
            prefix = best[start]
            if prefix is None:
                continue
            found = table.get(" ".join(said[start:end]))
            if found is not None and (best[end] is None or len(prefix) + 1 < len(best[end] or ())):
                best[end] = [*prefix, found]
                reached = end
    return best[-1]


def smalltalk(text: str, prefer: str = "de") -> tuple[str, str] | None:
    """Return (kind, language) when the whole message is small talk, else None.

    Args:
        text: What the user typed.
        prefer: The language to answer in when the phrases belong to both ("hi", "ok").

    The kind is that of the last phrase ("danke, tschüss" is a goodbye, "ok danke" thanks);
    the language is the one all phrases share, `prefer` when both fit.
    """
    table, firsts = _phrases(), _first_words()
    phrases: list[tuple[str, tuple[str, ...]]] = []
    for part in (p for p in map(_norm, _SPLIT.split(text)) if p):  # normalised one by one: the first not small talk decides
        if part.split(" ", 1)[0] not in firsts:
            return None  # no phrase starts with its first word
        found = _segment(part, table)
        if found is None:
            return None
        phrases += found
    if not phrases or len(phrases) > MAX_PHRASES:
        return None
    langs = {"de", "en"}
    for _, belongs in phrases:
        langs &= set(belongs) or langs
    lang = prefer if prefer in langs or not langs else sorted(langs)[0]
    return phrases[-1][0], lang
