"""Whether a date in a sentence tells what happened or what is to come: the tense of the verb nearest to it.

Pure. The verbs are data: knowledge/language/past_verbs.yaml, future_verbs.yaml, finite_verbs.yaml,
date_copulas.yaml and determiners.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import words as lexicon_words

__all__ = ["said_past", "tense"]


@cache
def _tense_words() -> re.Pattern[str]:
    """Past verbs (knowledge/language/past_verbs.yaml, group `past`) and verbs of what is still
    to come (future_verbs.yaml), as whole words."""
    past = "|".join(re.escape(w.lower()) for w in lexicon_words("past_verbs"))
    future = "|".join(re.escape(w.lower()) for w in lexicon_words("future_verbs"))
    return re.compile(rf"\b(?:(?P<past>{past})|{future})\b")


_CLAUSE_BORDER = re.compile(r"[,;:]")


def tense(lowered: str, start: int, end: int) -> bool | None:
    """Whether the verb nearest to the date at start..end says it happened ("bestellt",
    "ordered": True) or is to come ("beginnt", "starts": False); a clause border (comma,
    semicolon, colon) between verb and date counts as far. None without such a verb."""
    best: tuple[int, bool] | None = None
    for m in _tense_words().finditer(lowered):
        lo, hi = (m.end(), start) if m.end() <= start else (end, m.start())
        far = len(_CLAUSE_BORDER.findall(lowered, lo, hi)) if hi > lo else 0
        dist = far * len(lowered) + max(hi - lo, 0)
        if best is None or dist < best[0]:
            best = (dist, m.group("past") is not None)
    if best is not None and best[1] and best[0] >= len(lowered) and _own_verb(lowered, start, end):
        return None  # "bestellt, Nutzungsbeginn ist der 1. Dezember": the date's clause has a verb of its own
    return None if best is None else best[1]


@cache
def _finite_verbs() -> re.Pattern[str]:
    """Finite verbs, less those that are prepositions too ("am")."""
    verbs = set(lexicon_words("finite_verbs")) - set(lexicon_words("prepositions"))
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in sorted(verbs, key=len, reverse=True))})\b")


def _own_verb(lowered: str, start: int, end: int) -> bool:
    """Whether the clause of the date at start..end (up to a comma, semicolon, colon or the
    sentence's end) has a finite verb of its own (knowledge/language/finite_verbs.yaml)."""
    lo = max(lowered.rfind(c, 0, start) for c in ",;:\n")
    stop = re.search(r"[,;:\n!?]|\.(?:\s|$)", lowered[end:])
    hi = end + stop.start() if stop else len(lowered)
    return _finite_verbs().search(lowered, lo + 1, start) is not None or _finite_verbs().search(lowered, end, hi) is not None


def said_past(lowered: str, start: int, end: int) -> bool:
    """Whether the verb nearest to the date says it happened (`tense`); no verb, or a present
    "is" right before it ("Nutzungsbeginn ist der 1. Dezember"): not past."""
    return not _copula().search(lowered, 0, start) and tense(lowered, start, end) is True


@cache
def _copula() -> re.Pattern[str]:
    """A present "is" (date_copulas.yaml), maybe with an article (determiners.yaml), ending where a date begins."""
    verbs = "|".join(re.escape(w.lower()) for w in lexicon_words("date_copulas"))
    articles = "|".join(re.escape(w.lower()) for w in lexicon_words("determiners"))
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:{articles})\s+)?$")
