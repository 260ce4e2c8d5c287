"""Masking personal data in texts shown or saved: e-mail addresses and names.

The rule, in linear time (every pattern is matched from a marker within a bounded window):

- **Addresses**: a separator (`@`, full-width `＠`, `%40`, `[at]`, `(at)`, `{at}`, `<at>`,
  or a spelled-out ` at ` when the domain is spelled out too: `anna at firma dot de`)
  with a local part before it (letters of any script, digits, `.!#$%&'*+/=?^_`{|}~-`,
  or a quoted `"..."`; spelled-out ` dot ` joins parts) and a domain after it (labels of
  letters of any script, digits and `-`, joined by `.`, `．`, `。`, `[dot]`, `(dot)` or
  ` dot `, ending in a top-level label of letters). The local part is masked, the domain
  kept: `anna.meier@outlook.com` -> `a***@outlook.com`, so a reader can still tell an
  outlook.com address apart.
- **Names**: up to three capitalised words (any script, all-caps and initials such as
  "A." included) after a greeting at the start of a line ("Hallo Frau Meier,") or a
  closing at the start of a line or sentence, on its line or up to three lines below
  ("Viele Grüße\\n\\nAnna Meier", "i. A. Anna Meier"), or making up the whole line
  just above a closing line ("Anna Meier\\nMit freundlichen Grüßen"); forms of address and titles
  between them are kept ("Hallo Herr M***"). Words that name no one ("Damen", "Team")
  and the words of greetings and closings themselves are never masked.

Greetings, closings, titles and non-names are word lists in `knowledge/language/`
(`greetings`, `closings`, `titles`, `not_names`). Pure functions.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["find_addresses", "mask_email", "redact", "redact_emails", "redact_names"]

_LOCAL_PUNCT = frozenset(".!#$%&'*+/=?^_`{|}~-")
_MAX_LOCAL = 64
_MAX_DOMAIN = 255
_AT = re.compile(r"@|\uff20|%40|[ \t]?[\[({<][ \t]?(?:at|ät)[ \t]?[\])}>][ \t]?|(?P<word>(?<![ \t])[ \t]++at[ \t]++)", re.I)
_DOT_WORD = r"(?:[ \t]?[\[({<][ \t]?(?:dot|punkt)[ \t]?[\])}>][ \t]?|[ \t]+(?:dot|punkt)[ \t]+)"
_LABEL = r"[^\W_][\w-]{0,62}"
_DOMAIN = re.compile(r"[ \t]?(" + _LABEL + r"(?:(?:[.\uff0e\u3002]|" + _DOT_WORD + r")" + _LABEL + r"){1,8})", re.I)
_SPELLED_DOMAIN = re.compile(r"[ \t]?(" + _LABEL + r"(?:" + _DOT_WORD + _LABEL + r"){1,8})", re.I)
_DOMAIN_SEP = re.compile(r"[.\uff0e\u3002]|" + _DOT_WORD, re.I)
_DOT_BEFORE = re.compile(r"(?:dot|punkt)[ \t]?[\])}>]?[ \t]*\Z", re.I)
_LOCAL_DOT = re.compile(r"([\w.+-]{1,64})" + _DOT_WORD + r"\Z", re.I)


def mask_email(address: str) -> str:
    """Return an address with its local part masked: anna.meier@outlook.com -> a***@outlook.com."""
    local, _, domain = address.rpartition("@")
    if not local:
        return address
    return f"{_first(local)}***@{domain}"


def _first(local: str) -> str:
    return next((c for c in local if c.isalnum()), "*")


def _local_start(text: str, at: int, spelled: bool) -> int:
    """Return where the local part ending at `at` starts (== `at` when there is none)."""
    if at and text[at - 1] == '"':  # a quoted local part: "anna meier"@firma.de
        quote = text.rfind('"', max(0, at - _MAX_LOCAL - 2), at - 1)
        if quote >= 0 and "\n" not in text[quote:at]:
            return quote
    start = at
    while start > 0 and at - start < _MAX_LOCAL and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_PUNCT):
        start -= 1
    while start < at and text[start] == ".":
        start += 1
    if start < at:
        for _ in range(8):  # spelled-out dots: anna dot meier at ...
            if not _DOT_BEFORE.search(text, max(0, start - 12), start):
                break
            found = _LOCAL_DOT.search(text, max(0, start - 80), start)
            if not found:
                break
            start = found.start(1)
    return start


def find_addresses(text: str) -> list[tuple[int, int, str, str]]:
    """Return (start, end, local part, domain) of every address in any spelling the rule names."""
    out: list[tuple[int, int, str, str]] = []
    last = 0
    for sep in _AT.finditer(text):
        if sep.start() < last:
            continue
        spelled = sep.group("word") is not None
        start = _local_start(text, sep.start(), spelled)
        if start == sep.start() or start < last:
            continue
        pattern = _SPELLED_DOMAIN if spelled else _DOMAIN
        found = pattern.match(text, sep.end(), min(len(text), sep.end() + _MAX_DOMAIN))
        if not found:
            continue
        labels = _DOMAIN_SEP.split(found.group(1))
        while len(labels) > 1 and not (len(labels[-1]) >= 2 and labels[-1].isalpha()):
            labels.pop()  # a trailing label that is no top-level domain (a number, one letter)
        if len(labels) < 2:
            continue
        end = found.start(1) + _domain_length(found.group(1), len(labels))
        out.append((start, end, text[start : sep.start()], ".".join(labels)))
        last = end
    return out


def _domain_length(spelled: str, labels: int) -> int:
    """Return the length of the first `labels` labels of a domain as written."""
    seps = list(_DOMAIN_SEP.finditer(spelled))
    if labels - 1 < len(seps):
        return seps[labels - 1].start()
    return len(spelled)


def redact_emails(text: str) -> str:
    """Mask every e-mail address in a text, keeping its domain."""
    found = find_addresses(text)
    if not found:
        return text
    parts: list[str] = []
    pos = 0
    for start, end, local, domain in found:
        parts += [text[pos:start], f"{_first(local)}***@{domain}"]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# -- names -----------------------------------------------------------------------------------

_VARIANTS = {"ü": "(?:ü|ue|u)", "ö": "(?:ö|oe|o)", "ä": "(?:ä|ae|a)", "ß": "(?:ß|ss|s)"}
_TOKEN = re.compile(r"[ \t]*+((?:[^\W\d_]\.[ \t]?){1,3}|[^\W\d_][\w'’-]*+\.?)")
_GAP = re.compile(r"[ \t,!.:;]*+(?:\r?\n[ \t]*+){0,3}")
_WINDOW = 200
_INITIAL_END = re.compile(r"(?:^|[\s.])[^\W\d_]\.\Z")


def _phrase(words: str) -> str:
    out = []
    for part in words.split():
        out.append("".join(_VARIANTS.get(c, re.escape(c)) for c in part))
    return r"[ \t]{1,8}".join(out)


@cache
def _lexicon() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    """Return the greeting and closing patterns, the titles, and the words that are no name."""
    from faq.language.lexicon import words

    def alternation(phrases: tuple[str, ...]) -> str:
        return "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))

    greetings, closings = words("greetings"), words("closings")
    greeting = re.compile(r"(?:^|(?<=\n))[ \t]*(?:" + alternation(greetings) + r")(?![\w])", re.I)
    closing = re.compile(r"(?:^|(?<=\n)|(?<=[.!?][ \t]))[ \t]*(?:" + alternation(closings) + r")(?![\w])", re.I)
    titles = frozenset(t.lower() for t in words("titles")) | frozenset(c.replace(" ", "") for c in closings if "." in c)
    kept = {w.lower() for w in words("not_names")}
    for phrase in (*greetings, *closings):
        kept.update(phrase.split())
    return greeting, closing, titles, frozenset(kept)


def _name_span(text: str, pos: int, titles: frozenset[str], kept: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of the name that starts at `pos` (after titles), or None."""
    end_of_window = min(len(text), pos + _WINDOW)
    first = last = -1
    count = 0
    while count < 3:
        token = _TOKEN.match(text, pos, end_of_window)
        if not token:
            break
        word = token.group(1)
        lower = word.lower().replace(" ", "").replace("\t", "")
        if first < 0 and (lower in titles or lower.rstrip(".") in titles):
            pos = token.end()
            continue
        if not word[0].isupper() or lower.rstrip(".") in kept:
            break
        if first < 0:
            first = token.start(1)
        last = token.end(1)
        count += 1
        pos = token.end()
    return (first, last) if first >= 0 else None


def _spans(text: str) -> list[tuple[int, int]]:
    greeting, closing, titles, kept = _lexicon()
    spans = []
    for lead in greeting.finditer(text):
        pos = lead.end()
        gap = re.compile(r"[ \t]*+").match(text, pos)
        span = _name_span(text, gap.end() if gap else pos, titles, kept)
        if span:
            spans.append(span)
    for lead in closing.finditer(text):
        gap = _GAP.match(text, lead.end(), min(len(text), lead.end() + _WINDOW))
        span = _name_span(text, gap.end() if gap else lead.end(), titles, kept)
        if span:
            spans.append(span)
        before = _name_line_before(text, lead.start(), titles, kept)
        if before:
            spans.append(before)
    return sorted(spans)


def _name_line_before(text: str, at: int, titles: frozenset[str], kept: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of a name that makes up the whole line just above a closing line
    ("Anna Meier\nMit freundlichen Grüßen"), or None."""
    start = text.rfind("\n", max(0, at - _WINDOW), at)
    if start < 0 or text[start + 1 : at].strip():
        return None  # the closing does not start its line
    begin = text.rfind("\n", max(0, start - _WINDOW), start) + 1
    line = text[begin:start].rstrip(" \t,")
    if not line.strip() or line.endswith(("!", "?")) or line.endswith(".") and not _INITIAL_END.search(line):
        return None  # a sentence, not a signature
    span = _name_span(text, begin, titles, kept)
    return span if span and span[1] == begin + len(line) else None


def redact_names(text: str) -> str:
    """Mask names after greetings ("Hallo Frau Meier") and closings ("Viele Grüße\\nAnna")."""
    parts: list[str] = []
    pos = 0
    for start, end in _spans(text):
        if start < pos:
            continue
        parts += [text[pos:start], text[start] + "***"]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def redact(text: str) -> str:
    """Mask e-mail addresses and names in a text."""
    return redact_names(redact_emails(text))
