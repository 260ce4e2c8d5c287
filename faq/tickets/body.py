"""The customer's own words of a ticket or e-mail: quotes, signatures, closings and the
greeting line removed; HTML bodies as text."""

from __future__ import annotations

import html
import re
from functools import cache

from faq.language.lexicon import folded
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold

__all__ = ["clean_body", "quote_start", "quoted_text", "strip_html"]

_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", re.I)
_DROP = re.compile(r"<\s*(script|style|head)\b.*?<\s*/\s*\1\s*>", re.I | re.S)
_QUOTE_HEADER = re.compile(
    r"^\s*(?:"
    r"am\s.{3,120}?\sschrieb\s.{0,120}?:"           # Am 3. März 2026 um 10:00 schrieb Max <max@x.de>:
    r"|on\s.{3,160}?\swrote:"                          # On Tue, Mar 3, 2026, Max wrote:
    r"|-{2,}\s*(?:original message|ursprüngliche nachricht|urspruengliche nachricht|weitergeleitete nachricht|forwarded message)\s*-{2,}"
    r"|_{5,}\s*$"
    r"|(?:von|from):\s.+\n\s*(?:gesendet|sent|datum|date):\s"
    r")",
    re.I | re.M,
)
_FORWARDED = re.compile(r"^\s*-{2,}\s*(?:weitergeleitete nachricht|forwarded message)\s*-{2,}", re.I | re.M)
_SIGNATURE = re.compile(r"^(?:-- ?|--|__)\s*$", re.M)
_CLOSING = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+|(?<=\n))"
    r"(?:mit\s+freundlichen\s+gr(?:ü|ue|u)(?:ß|ss|s)en|freundliche\s+gr(?:ü|ue|u)(?:ß|ss|s)e|viele\s+gr(?:ü|ue|u)(?:ß|ss|s)e"
    r"|beste\s+gr(?:ü|ue|u)(?:ß|ss|s)e|liebe\s+gr(?:ü|ue|u)(?:ß|ss|s)e|herzliche\s+gr(?:ü|ue|u)(?:ß|ss|s)e|sch(?:ö|oe|o)ne\s+gr(?:ü|ue|u)(?:ß|ss|s)e"
    r"|gr(?:ü|ue|u)(?:ß|ss|s)e|gr(?:ü|ue|u)(?:ß|ss)(?:\s+aus\s+\w+)?|vg|mfg|lg|danke\s+und\s+gr(?:ü|ue|u)(?:ß|ss|s)e?|danke\s+im\s+voraus"
    r"|best\s+regards|kind\s+regards|regards|best\s+wishes|cheers|thanks\s+in\s+advance|thank\s+you|many\s+thanks|sincerely|yours\s+sincerely|best"
    # a thanks closes only as a line of its own ("Thanks\nPeter", not "Thanks for checking")
    r"|(?:thanks(?:\s+(?:and|&)\s+regards)?|thx|danke(?:\s+sch(?:ö|oe)n)?|vielen\s+dank)(?=[ \t,!.]*(?:\n|$)))"
    r"\b[ \t,!.]*(?-i:(?=\n|$|[A-ZÄÖÜ]))",  # then a line's end or a name, never "Thank you for ..."
    re.I,
)
_GREETING = re.compile(
    r"^\s*(?:hallo|hi|hey|moin|servus|guten\s+(?:tag|morgen|abend)|sehr\s+geehrte[rs]?|liebe[rs]?|dear|hello|good\s+(?:morning|afternoon|evening)|grüß\s+gott)"
    # A few words ("Herr Dr. Müller", "zusammen"), then a comma, "!", ":" or the line's end:
    # never a sentence ("hi - still no activation email. I think ...").
    r"\b(?:[ \t]+[^\W\d_][^\s,!:?]{0,29}){0,5}?(?:[,!:][ \t]*\n?|[ \t]*\n)",
    re.I,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$\n?", re.M)
_HEADER_FIELD = re.compile(r"^\s*(?:von|from|an|to|cc|gesendet|sent|datum|date|betreff|subject)\s*:.*$"
                           r"|^\s*(?:am\s.{3,120}?\sschrieb\s.{0,120}?|on\s.{3,160}?\swrote):\s*$", re.I | re.M)


def strip_html(text: str) -> str:
    """Return the text of an HTML body: tags dropped, entities resolved, blocks as lines."""
    text = _DROP.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines).strip()


def clean_body(text: str) -> str:
    """Return the customer's own words of a ticket or e-mail.

    Removes what it quotes (see `_split_quote`), a signature after "-- " (not a greeting after it), a closing
    ("Viele Grüße", "Best regards", ...) with what follows it when that is short, and a
    greeting line ("Hallo,", "Sehr geehrte Damen und Herren,"). A paragraph with a
    question below the signature (written under a quote) stays. Keeps the text when
    removing would leave nothing. A second writer of the same company who adds to the ticket below a
    framed line ("--- Ergänzung von Dirk (IT) ---", `_addendum_parts`) writes own words too: each
    part is cleaned on its own, so the first writer's closing does not cut the second's words.
    """
    parts = _addendum_parts(text)
    if len(parts) > 1:
        return "\n\n".join(cleaned for part in parts if (cleaned := clean_body(part)))
    body = _without_dismissed(_without_template_blanks(_without_disclaimer(_split_quote(text)[0])))
    match = _SIGNATURE.search(body)
    if match and body[: match.start()].strip() and not _GREETING.match(body[match.end():]):
        body = body[: match.start()]  # a signature never opens with a greeting: "--\nHallo, Lizenzen nicht sichtbar"
    body = _without_contact_block(body)
    for match in _CLOSING.finditer(body):
        before, after = body[: match.start()], body[match.end():]
        at_line_start = match.start() == 0 or body[match.start() - 1] == "\n"
        if before.strip() and (at_line_start and len(after) < 1500 or len(after.strip()) < 120):
            later = _PARAGRAPHS.split(after.strip())[1:]
            body = "\n\n".join([before.rstrip(), *(p for p in later if "?" in p)])
            break
    stripped = _GREETING.sub("", body, count=1)
    if stripped.strip():
        body = stripped
    body = body.strip()
    return body or text.strip()


_TEMPLATE_BLANK = re.compile(r"^[ \t]*[^\n:\[\]]{1,80}:[ \t]*(?:\[([^\]\n]*)\]|<([^>\n@]*)>|_{3,}|\.{3}|…)[ \t]*$", re.M)


@cache
def _example_openers() -> tuple[str, ...]:
    return tuple(w.lower() for w in lexicon_words("example_markers"))


def _placeholder(value: str) -> bool:
    """Whether a bracketed label value is a template's blank: empty, dots or dashes, a choice
    left open ("ja/nein") or an example ("z. B. nein", "e.g. 01.12.2026": example_markers)."""
    said = " ".join(re.sub(r"[^\w/]+", " ", value.lower()).split())
    if not said.strip(" /"):
        return True
    return said.startswith(tuple(w + " " for w in _example_openers())) or "/" in said and " " not in said


_TEMPLATE_LINE = re.compile(r"^[ \t]*[^\n:\[\]]{1,80}:[ \t]*(?P<value>[^\n:]{1,60}?)[ \t]*$", re.M)
_DATE_FORMAT = re.compile(r"(?:tt|dd)\.mm\.(?:jjjj|yyyy|jj|yy)|(?:jjjj|yyyy)-mm-(?:tt|dd)|(?:mm|dd)/(?:dd|mm)/(?:yyyy|yy)")
_EXAMPLE_AFTER = re.compile(r"[ \t]*\([^()\n]*\)$")


@cache
def _choice_words() -> frozenset[str]:
    """The words a yes/no template offers as its choices (affirmations, no_words, unknowns; folded)."""
    return folded("affirmations") | folded("no_words") | folded("unknowns")


def _open_value(value: str) -> bool:
    """Whether a label's bare value is a template's open field: a date format ("TT.MM.JJJJ (z. B.
    01.12.2026)") or the choice itself ("ja/nein", "yes / no")."""
    said = _EXAMPLE_AFTER.sub("", value).strip().lower()
    if _DATE_FORMAT.fullmatch(said):
        return True
    options = [o.strip() for o in said.split("/")]
    return len(options) > 1 and all(o in _choice_words() for o in options)


def _without_template_blanks(body: str) -> str:
    """Blank the lines of a support template whose value is still a blank or an example
    ("Junk-Ordner geprüft (ja/nein): [z. B. nein]", "OSM: ____", "Add-on: ja/nein", "Nutzungsbeginn:
    TT.MM.JJJJ"): they state nothing. The line keeps its length, so offsets into the body stay."""
    def blank(m: re.Match[str]) -> str:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        return " " * len(m.group()) if inner is None or _placeholder(inner) else m.group()

    def open_field(m: re.Match[str]) -> str:
        return " " * len(m.group()) if _open_value(m.group("value")) else m.group()
    body = _TEMPLATE_BLANK.sub(blank, body)
    if "/" not in body and "mm" not in body.lower():
        return body  # no choice and no date format to leave open: most tickets
    return _TEMPLATE_LINE.sub(open_field, body)


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


@cache
def _dismissal() -> re.Pattern[str]:
    phrases = sorted((w.lower() for w in lexicon_words("dismissals")), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?!\w)", re.I)


def _without_dismissed(body: str) -> str:
    """Blank what a writer dismisses as not the ticket's matter ("... der Nutzungsbeginn der
    01.02.2027. Um die geht es aber nicht: ..."; knowledge/language/dismissals.yaml): the sentence
    before the words, or the part of their sentence before them, with the words. Offsets stay."""
    for m in _dismissal().finditer(body):
        before = body[:m.start()].rstrip()
        if before.endswith((".", "!")):
            before = before[:-1]
        start = max((b.end() for b in _SENTENCE_END.finditer(before)), default=0)
        body = body[:start] + re.sub(r"[^\n]", " ", body[start:m.end()]) + body[m.end():]
    return body


@cache
def _disclaimer_openers() -> tuple[str, ...]:
    return tuple(w.lower() for w in lexicon_words("disclaimers"))


def _without_disclaimer(body: str) -> str:
    """Cut a legal footer ("This e-mail and any attachments are confidential ...",
    knowledge/language/disclaimers.yaml) from the paragraph that opens it, when text stays."""
    openers = _disclaimer_openers()
    for m in _PARAGRAPH_START.finditer(body):
        if m.end() and body[m.end():m.end() + 80].lower().startswith(openers) and body[:m.start()].strip():
            return body[:m.start()]
    return body


_NAME_LINE = re.compile(r"^[ \t]*(?:(?:dr|prof|mr|mrs|ms)\.?[ \t]+)?[A-ZÄÖÜ][\w'.-]*(?:[ \t]+[A-ZÄÖÜ][\w'.-]*){1,3}[ \t]*$")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()/-]{6,}\d")


@cache
def _contact_labels() -> tuple[str, ...]:
    return tuple(w.lower() for w in lexicon_words("contact_labels"))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_words("abbreviations"))


def _without_contact_block(body: str) -> str:
    """Cut a signature written without a "-- " line: a last paragraph that opens with a name
    ("John Example") and whose short lines hold a phone number (or an address, below a name and a
    role line), none a sentence
    or a labelled fact other than a contact label (knowledge/language/contact_labels.yaml)."""
    parts = _BLANK_LINE.split(body.rstrip())
    lines = [line for line in parts[-1].split("\n") if line.strip()]
    if len(parts) < 2 or not 2 <= len(lines) <= 6 or not _NAME_LINE.match(lines[0]):
        return body
    labels = _contact_labels()
    for line in lines[1:]:
        text = line.strip()
        last = text.rstrip(".").split()[-1].lower() if text.rstrip(".").split() else ""
        sentence = text.endswith(("?", "!")) or text.endswith(".") and last not in _abbreviations()
        if len(text) > 90 or sentence and not _ADDRESS.search(text):
            return body
        label = _LABEL.match(text)
        if label and label.group(1).lower() not in labels:
            return body
    phone = any(_PHONE.search(line) for line in lines[1:])
    if not (phone or len(lines) >= 3 and any(_ADDRESS.search(line) for line in lines[1:])):
        return body
    return "\n\n".join(parts[:-1])


def _split_quote(text: str) -> tuple[str, str]:
    """Split a ticket into the customer's own text and what it quotes.

    After a reply or forward header, everything is quoted, unless the header is
    followed by "> " lines: then only those are, and a reply written below them is the
    customer's own again. "> " lines elsewhere are quoted too, and so is a line framed by
    runs of dashes (`_FRAMED_LINE`). Every header below the
    customer's first own words is handled so (a reply quoting two earlier mails).
    """
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    quoted: list[str] = []
    pos = 0
    while (match := _QUOTE_HEADER.search(body, pos)) is not None:
        if not body[: match.start()].strip():
            pos = match.end()
            continue
        pos = match.start()
        lines = body[match.end():].split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
        if first < len(lines) and lines[first].lstrip().startswith(">"):
            end = first
            while end < len(lines) and (lines[end].lstrip().startswith(">") or not lines[end].strip()):
                end += 1
            quoted.append("\n".join(lines[first:end]))
            body = body[: match.start()] + "\n" + "\n".join(lines[end:])
        else:
            close = _closing_rule(lines) if match.group().lstrip().startswith("-") else None
            quoted.append("\n".join(lines[:close]))
            body = body[: match.start()] + ("\n" + "\n".join(lines[close + 1:]) if close is not None else "")
    if ">" in body:  # no "> " line without one
        quoted.extend(_QUOTED_LINE.findall(body))
        body = _QUOTED_LINE.sub("", body)
    if "---" in body:  # no framed line without one
        framed = [m for m in _FRAMED_LINE.finditer(body) if not _QUOTE_HEADER.match(m.group())]
        for m in reversed(framed):
            quoted.append(m.group("inner"))
            body = body[:m.start()] + body[m.end():]
    return body, "\n".join(quoted)


@cache
def _addendum_frame() -> re.Pattern[str]:
    openers = sorted((w.lower() for w in lexicon_words("addendum_frames")), key=len, reverse=True)
    return re.compile(r"^[ \t]*-{3,}[ \t]+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in openers)
                      + r")\b[^\n]*?[ \t]+-{3,}[ \t]*$\n?", re.I | re.M)


@cache
def _outside_writers() -> tuple[str, ...]:
    return tuple(fold(w) for w in (*lexicon_words("support_mentions"), *lexicon_words("other_parties")))


def _outside(head: str) -> bool:
    """Whether a writer's heading names the support desk or another organisation (`_outside_writers`)."""
    return any(w in fold(head) for w in _outside_writers())


def _addendum_parts(text: str) -> list[str]:
    """The parts of a ticket that a framed line handing it to a second writer of the same company
    (`addendum_frames`: "--- Ergänzung von Dirk Weiß (IT) ---") divides, without those lines; the
    whole text as one part when it holds none, or when the frame names the support desk or another
    organisation (`support_mentions`, `other_parties`)."""
    if ">" in text:
        text = _unquoted_addenda(text)
    if "---" not in text:
        return [text]
    frames = [m for m in _addendum_frame().finditer(text)
              if text[:m.start()].strip() and not _outside(m.group())]
    if not frames:
        return [text]
    bounds = [0, *(x for m in frames for x in (m.start(), m.end())), len(text)]
    return [text[bounds[i]:bounds[i + 1]] for i in range(0, len(bounds), 2) if text[bounds[i]:bounds[i + 1]].strip()]


@cache
def _quoted_addendum() -> re.Pattern[str]:
    openers = sorted((w.lower() for w in lexicon_words("addendum_frames")), key=len, reverse=True)
    return re.compile(r"^[ \t]*>[ \t]*(?P<head>(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in openers)
                      + r")\b[^\n]*?)[ \t]*:[ \t]*\n(?P<block>(?:[ \t]*>[^\n]*(?:\n|$))+)", re.I | re.M)


def _unquoted_addenda(text: str) -> str:
    """The text with a quoted block that a second writer of the same company opens by name ("> Nachtrag
    von Gerd Sommer (Einkauf):", `addendum_frames`) written as that writer's framed addition ("---
    Nachtrag von Gerd Sommer (Einkauf) ---" and the block without its "> " marks), unless it names the
    support desk or another organisation."""
    def framed(m: re.Match[str]) -> str:
        if _outside(m.group("head")):
            return m.group()
        return f"--- {m.group('head')} ---\n" + _QUOTE_MARKS.sub("", m.group("block"))
    return _quoted_addendum().sub(framed, text)


_FRAMED_LINE = re.compile(r"^[ \t]*-{3,}[ \t]+(?P<inner>\S[^\n]*?)[ \t]+-{3,}[ \t]*$\n?", re.M)
"""A line framed by runs of dashes ("--- Datum: 15.01.2025, Kauf bestätigt ---"): an excerpt pasted
from another mail, quoted like a forwarded one, not the customer's own words."""


_RULE = re.compile(r"^[ \t]*-{5,}[ \t]*$")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_PARAGRAPH_START = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LABEL = re.compile(r"([^\W\d][\w-]*)\.?[ \t]*:")
_QUOTE_MARKS = re.compile(r"^[ \t>]+", re.M)


def _closing_rule(lines: list[str]) -> int | None:
    """The line of dashes that closes a mail forwarded between two such rules ("---------- Forwarded
    message ---------" ... "----------"), when the customer's own words follow it, else None."""
    for i, line in enumerate(lines):
        if _RULE.match(line):
            return i if any(rest.strip() for rest in lines[i + 1:]) else None
    return None


def quoted_text(text: str) -> str:
    """Return what `clean_body` leaves out as quoted, without the "> " markers, the
    header fields (Von:, Datum:, Betreff: ...) and the line that says who wrote it when
    ("Am 10.11.2026 schrieb Support:", "On 10 Nov 2026 Support wrote:"), whose dates and
    addresses are the mail's, not facts about the customer's case."""
    quoted = _QUOTE_MARKS.sub("", _split_quote(text)[1])
    return _HEADER_FIELD.sub("", quoted).strip()


def forwards(text: str) -> bool:
    """Whether a ticket forwards a mail under a header of forwarding ("---------- Weitergeleitete
    Nachricht ----------", "---------- Forwarded message ----------"): the writer passes it on as
    what the ticket is about, even without a word pointing at it."""
    return _FORWARDED.search(text) is not None


def on_header_line(text: str, at: int) -> bool:
    """Whether offset `at` of `text` stands on a mail header line ("From: Tom <t@x.com>", "Von: ..."):
    an address there is the mail's sender or recipient, no fact of the case."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _HEADER_FIELD.fullmatch(text[start:end if end >= 0 else len(text)].lstrip(" \t>")) is not None


def on_any_header(text: str) -> bool:
    """Whether a line of `text` is a mail header line ("Von: Ines Albers", "From: ..."): another mail begins there."""
    return any(_HEADER_FIELD.fullmatch(line.strip(" \t>")) for line in text.split("\n"))


def nearest_quoted(text: str) -> str:
    """Return `quoted_text` of the first mail a ticket quotes only: up to the header of an earlier
    mail quoted below it ("Am 10.11. schrieb ...", "-----Original Message-----"), the mail a reply
    written on top answers."""
    plain = _QUOTE_MARKS.sub("", text[quote_start(text):])
    opening = _QUOTE_HEADER.match(plain)
    pos, content = opening.end() if opening else 0, False
    while pos < len(plain):
        end = plain.find("\n", pos) + 1 or len(plain)
        line = plain[pos:end]
        if content and _QUOTE_HEADER.match(plain, pos):
            break  # an earlier mail begins
        content = content or bool(line.strip()) and not _HEADER_FIELD.fullmatch(line.rstrip("\n"))
        pos = end
    return _HEADER_FIELD.sub("", plain[opening.end() if opening else 0:pos]).strip()


def quote_start(text: str) -> int:
    """Return the offset where a ticket's quoted or forwarded part begins (its header or its
    first "> " line), or the text's length when it quotes nothing."""
    starts = [m.start() for m in (_QUOTE_HEADER.search(text), _QUOTED_LINE.search(text) if ">" in text else None) if m is not None]
    return min(starts, default=len(text))
