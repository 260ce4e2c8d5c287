"""Reading a flow's facts from a ticket's text.

Pure: `today` is passed in. What a ticket states is read sentence by sentence:

* e-mail facts: an address near a context cue of the fact (OSM, "Online Services
  Manager", "an die Adresse" ...), else the only address in the text. A malformed
  address is no fact.
* date facts: each date in the text (TT.MM.JJJJ, JJJJ-MM-TT, "1. Dezember 2026",
  "December 1, 2026", "gestern", "vor 3 Tagen" ...) goes to the date fact whose
  context cue is nearest in the same sentence. A date that cannot exist is skipped
  and noted, never moved.
* yes/no facts: the fact's `yes` / `no` cue phrases, found word by word (in any
  order, close together, word beginnings, one typo allowed in long words). A
  negation in the clause turns a `yes` cue into "no"; a cue inside a question or an
  "ob/whether" clause states nothing.
* choice facts: a choice's id, label or alias named in the text (not negated).

The phrase lists are data: the `cues` of each fact in `knowledge/flows/*.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable, Mapping

from rapidfuzz.distance import Levenshtein

from faq.errors import InputError
from faq.model import Fact, Flow
from faq.normalize import fold

from .dates import parse_date
from .values import Value, parse_email

__all__ = [
    "DateMention",
    "Extraction",
    "Token",
    "extract_facts",
    "find_dates",
    "find_emails",
    "sentences",
    "tokenize",
]

# -- words ---------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’]t)?", re.U)
_NEGATIONS = frozenset({
    "nicht", "kein", "keine", "keinen", "keiner", "keinem", "keines", "nie", "niemals", "nichts", "weder",
    "ohne", "not", "no", "never", "none", "nothing", "neither", "nor", "without", "cannot", "nirgends",
    "nowhere", "nie",
})
_UNCERTAIN = frozenset({"ob", "whether", "unklar", "unsure", "vielleicht", "eventuell", "evtl", "maybe", "perhaps",
                        "vermutlich", "possibly", "wahrscheinlich", "probably", "falls", "wenn", "if"})
_CLAUSE_BREAK = frozenset({"aber", "but", "jedoch", "however", "sondern", "obwohl", "although", "though",
                           "trotzdem", "dennoch", "allerdings", "weil", "because", "since", "denn", "while",
                           "waehrend", "whereas", "und", "and", "oder", "or"})
# Yearless dates ("am 5.1.") are read as the past occurrence when one of these is near.
_PAST_WORDS = ("gekauft", "bestellt", "erworben", "reserviert", "gebucht", "bezahlt", "purchased", "bought",
               "ordered", "reserved", "booked", "paid", "platziert", "placed", "aufgegeben")


@dataclass(frozen=True)
class Token:
    """One word of a sentence.

    Attributes:
        word: The word folded (lower case, ä as ae, ...).
        start: Offset of its first character in the sentence.
        end: Offset after its last character.
        neg: Whether the word is a negation (nicht, kein, not, isn't, ...).
    """

    word: str
    start: int
    end: int
    neg: bool = False


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


def tokenize(text: str) -> list[Token]:
    """Split text into folded words with their offsets; marks negations."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        neg = False
        if raw.endswith(("'t", "’t")):
            raw = raw[:-2]
            neg = True
        word = _fold_word(raw)
        out.append(Token(word, m.start(), m.start() + len(raw), neg or word in _NEGATIONS))
    return out


_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2}[.!?])[\"'»«“”)]*\s+|(?<=[!?])\s+|\n\s*\n|\n(?=\s*[-•*]\s)|(?<=[.!?:])\n")


def sentences(text: str) -> list[tuple[int, str]]:
    """Split text into sentences; returns (offset, sentence) pairs.

    A period after a number ("1. Dezember", "05.01.2026") or a one-letter
    abbreviation ("z. B.") does not end a sentence.
    """
    out = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        chunk = text[pos:m.start()]
        if chunk.strip():
            out.append((pos, chunk))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, text[pos:]))
    return out


# -- e-mail addresses -----------------------------------------------------------------

_ADDRESS = re.compile(r"[^\s<>()\[\]{},;:\"'`|]+@[^\s<>()\[\]{},;:\"'`|]+")


def find_emails(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, address) for each well-formed e-mail address in the text.

    Trailing punctuation is not part of an address; "mailto:" is dropped; malformed
    addresses ("max@", "max@@firma.de") are left out.
    """
    out = []
    for m in _ADDRESS.finditer(text):
        raw = m.group()
        start = m.start()
        if raw.lower().startswith("mailto"):
            continue
        trimmed = raw.rstrip(".!?-_")
        try:
            address = parse_email(trimmed)
        except InputError:
            continue
        out.append((start, start + len(trimmed), address))
    return out


# -- dates ----------------------------------------------------------------------------

_MONTH_WORDS = (
    r"januar|jänner|jaenner|februar|feber|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|january|february|march|may|june|july|october|december"
    r"|jan|feb|mär|mrz|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dez|dec"
)
_NUMBER_WORD = r"\d{1,3}|ein|einem|einer|eine|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|one|a|an|two|three|four|five|six|seven|eight|nine|ten"
_UNIT_WORD = r"tag|tage|tagen|woche|wochen|monat|monate|monaten|day|days|week|weeks|month|months"
_DATE_PATTERNS = (
    ("iso", re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")),
    ("dotted", re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?![\d])")),
    ("slashed", re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")),
    ("dmy", re.compile(rf"(?<![\d.])\d{{1,2}}\.?\s?(?:{_MONTH_WORDS})\.?,?\s\d{{4}}\b", re.I)),
    ("mdy", re.compile(rf"\b(?:{_MONTH_WORDS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}\b", re.I)),
    ("ago_de", re.compile(rf"\bvor\s(?:{_NUMBER_WORD})\s(?:{_UNIT_WORD})\b", re.I)),
    ("ago_en", re.compile(rf"\b(?:{_NUMBER_WORD})\s(?:{_UNIT_WORD})\sago\b", re.I)),
    ("ahead", re.compile(rf"\bin\s(?:{_NUMBER_WORD})\s(?:{_UNIT_WORD})\b", re.I)),
    ("word", re.compile(r"\b(?:heute|gestern|vorgestern|morgen|übermorgen|uebermorgen|today|yesterday|tomorrow)\b", re.I)),
    ("dm", re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.(?!\d)")),
    ("dm_word", re.compile(rf"(?<![\d.])\d{{1,2}}\.?\s?(?:{_MONTH_WORDS})\b\.?(?!,?\s*\d)", re.I)),
)


@dataclass(frozen=True)
class DateMention:
    """A date written in a text.

    Attributes:
        start: Offset of its first character (in the text searched).
        end: Offset after it.
        raw: The text as written.
        value: The date, or None when it cannot exist.
        error: Why the date was skipped, or "".
        relative: Whether it is a relative word (gestern, vor 3 Tagen).
    """

    start: int
    end: int
    raw: str
    value: date | None
    error: str = ""
    relative: bool = False


def _yearless(raw: str, kind: str, today: date, past: bool) -> date:
    text = raw.strip().rstrip(".").lower()
    if kind == "dm":
        day_s, month_s = [p.strip() for p in text.split(".")[:2]]
        day, month = int(day_s), int(month_s)
    else:
        m = re.match(r"(\d{1,2})\.?\s?([a-zäöü]+)", text)
        if not m:
            raise InputError(f"'{raw}' is not a date")
        day = int(m.group(1))
        month = _month_number(m.group(2))
    options = []
    for year in (today.year - 1, today.year, today.year + 1):
        options.append(parse_date(f"{day}.{month}.{year}", today))
    if past:
        earlier = [d for d in options if d <= today]
        return max(earlier)
    return min(options, key=lambda d: (abs((d - today).days), d > today))


def _month_number(word: str) -> int:
    from .dates import _MONTHS  # the date module's month table (German and English)

    key = word.lower().rstrip(".")
    if key in _MONTHS:
        return _MONTHS[key]
    raise InputError(f"'{word}' is not a month")


def find_dates(text: str, today: date) -> list[DateMention]:
    """Return every date written in `text`, in order; impossible ones carry an error.

    Dates without a year ("am 1.12.", "5. Januar") are read as the occurrence nearest
    to today, or the last past one when the sentence says it happened (gekauft,
    bestellt, purchased ...).
    """
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    lowered = text.lower()
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(s < te and e > ts for ts, te in taken):
                continue
            raw = m.group()
            if kind in ("word",) and _is_idiom(lowered, s, e):
                continue
            taken.append((s, e))
            relative = kind in ("ago_de", "ago_en", "ahead", "word")
            try:
                if kind in ("dm", "dm_word"):
                    past = any(w in lowered for w in _PAST_WORDS)
                    value = _yearless(raw, kind, today, past)
                else:
                    value = parse_date(" ".join(raw.replace(". ", ".").split()) if kind == "dotted" else " ".join(raw.split()), today)
                out.append(DateMention(s, e, raw, value, "", relative))
            except InputError as exc:
                out.append(DateMention(s, e, raw, None, str(exc), relative))
    out.sort(key=lambda d: d.start)
    return out


def _is_idiom(lowered: str, start: int, end: int) -> bool:
    """Whether a relative word is used loosely ("bis heute", "heute noch", "as of today")."""
    before = lowered[max(0, start - 12):start]
    return bool(re.search(r"(?:bis|seit|ab|as of|until|till|since|up to)\s*$", before))


# -- cue matching -----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _cue_words(phrase: str) -> tuple[str, ...]:
    return tuple(t.word for t in tokenize(phrase))


def _word_matches(cue: str, word: str) -> bool:
    if word.startswith(cue):
        return True
    if len(cue) >= 6 and len(word) >= len(cue) - 1:
        if Levenshtein.distance(cue, word[: len(cue)], score_cutoff=1) <= 1:
            return True
        if Levenshtein.distance(cue, word, score_cutoff=1) <= 1:
            return True
    if len(cue) >= 5 and cue in word:  # compounds: "spamordner" / "junkordner"
        return True
    return False


def _find_cue(cue: tuple[str, ...], tokens: list[Token], slack: int = 4) -> tuple[int, int] | None:
    """Find all words of a cue close together (any order); return the token span (first, last)."""
    if not cue:
        return None
    positions: list[list[int]] = []
    for c in cue:
        hits = [i for i, t in enumerate(tokens) if _word_matches(c, t.word)]
        if not hits:
            return None
        positions.append(hits)
    best: tuple[int, int] | None = None
    for anchor in positions[0]:
        chosen = [anchor]
        for hits in positions[1:]:
            near = min(hits, key=lambda i: abs(i - anchor))
            chosen.append(near)
        lo, hi = min(chosen), max(chosen)
        if hi - lo + 1 <= len(cue) + slack and (best is None or hi - lo < best[1] - best[0]):
            best = (lo, hi)
    return best


def _clause_bounds(tokens: list[Token], text: str, lo: int, hi: int) -> tuple[int, int]:
    """Return the token range of the clause(s) around tokens lo..hi."""
    start = lo
    while start > 0:
        gap = text[tokens[start - 1].end:tokens[start].start]
        if any(ch in gap for ch in ",;:()–") or tokens[start - 1].word in _CLAUSE_BREAK:
            break
        start -= 1
    end = hi
    while end < len(tokens) - 1:
        gap = text[tokens[end].end:tokens[end + 1].start]
        if any(ch in gap for ch in ",;:()–") or tokens[end + 1].word in _CLAUSE_BREAK:
            break
        end += 1
    return start, end


def _polarity(tokens: list[Token], text: str, span: tuple[int, int], cue: tuple[str, ...]) -> bool | None:
    """Return True (stated), False (negated) or None (asked or uncertain) for a cue found."""
    lo, hi = span
    c_lo, c_hi = _clause_bounds(tokens, text, lo, hi)
    clause_end = tokens[c_hi].end
    tail = text[clause_end:clause_end + 3]
    if "?" in tail or text.rstrip().endswith("?") and c_hi == len(tokens) - 1:
        return None
    if any(t.word in _UNCERTAIN for t in tokens[c_lo:lo]):
        return None
    if any(w in _NEGATIONS for w in cue):
        return True  # the cue carries its own negation ("keine bestellung")
    negated = any(tokens[i].neg for i in range(c_lo, c_hi + 1) if not any(_word_matches(c, tokens[i].word) for c in cue))
    return not negated


def _cue_value(fact: Fact, lang: str, tokens: list[Token], text: str) -> bool | None:
    found: list[bool] = []
    for polarity, table in ((True, fact.cues.yes), (False, fact.cues.no)):
        for phrase in _phrases(table, lang):
            cue = _cue_words(phrase)
            span = _find_cue(cue, tokens)
            if span is None:
                continue
            state = _polarity(tokens, text, span, cue)
            if state is None:
                continue
            found.append(polarity if state else not polarity)
    if not found:
        return None
    if all(found) or not any(found):
        return found[0]
    # Conflicting cues in one sentence: a "no" cue is the more specific one.
    return False if any(_has_neg(p) for p in _phrases(fact.cues.no, lang)) else None


def _has_neg(phrase: str) -> bool:
    return any(w in _NEGATIONS for w in _cue_words(phrase))


def _phrases(table: Mapping[str, tuple[str, ...]], lang: str) -> list[str]:
    """Cue phrases of the ticket's language first, then of the other language."""
    first = list(table.get(lang, ()))
    rest = [p for key, ps in table.items() if key != lang for p in ps]
    return first + rest


# -- extraction ----------------------------------------------------------------------


@dataclass(frozen=True)
class Extraction:
    """The facts a ticket states for one flow.

    Attributes:
        facts: Fact id -> value, in the flow's order.
        notes: What was seen but not used (an impossible date, a malformed address).
        evidence: Fact id -> the words of the text that state it.
    """

    facts: Mapping[str, Value]
    notes: tuple[str, ...] = ()
    evidence: Mapping[str, str] = field(default_factory=dict)


def _context_positions(fact: Fact, lang: str, tokens: list[Token]) -> list[int]:
    out = []
    for phrase in _phrases(fact.cues.context, lang):
        cue = _cue_words(phrase)
        if not cue:
            continue
        for i in range(len(tokens) - len(cue) + 1):
            if all(_word_matches(c, tokens[i + k].word) for k, c in enumerate(cue)):
                out.append(i)
    return out


def _token_index(tokens: list[Token], offset: int) -> int:
    for i, t in enumerate(tokens):
        if t.end > offset:
            return i
    return max(len(tokens) - 1, 0)


def extract_facts(text: str, flow: Flow, today: date, lang: str = "de") -> Extraction:
    """Read the facts of `flow` that a ticket's text states.

    Args:
        text: The ticket's text (the customer's own words: greeting, quotes and
            signature removed).
        flow: The flow whose facts are read.
        today: The date relative words ("gestern") count from.
        lang: The ticket's language ("de" or "en"); its cues are tried first.

    Returns:
        The facts found (in the flow's declaration order), and notes on what was skipped.
    """
    found: dict[str, Value] = {}
    evidence: dict[str, str] = {}
    notes: list[str] = []
    email_facts = [f for f in flow.facts if f.type == "email"]
    date_facts = [f for f in flow.facts if f.type == "date"]
    yesno_facts = [f for f in flow.facts if f.type == "yesno"]
    choice_facts = [f for f in flow.facts if f.type == "choice"]

    parts = sentences(text)
    if email_facts:
        _emails(text, parts, email_facts, lang, found, evidence, notes)
    if date_facts:
        _dates(text, parts, date_facts, lang, today, found, evidence, notes)
    for offset, sentence in parts:
        if not (yesno_facts or choice_facts):
            break
        tokens = tokenize(sentence)
        if not tokens:
            continue
        for fact in yesno_facts:
            if not (fact.cues.yes or fact.cues.no):
                continue
            value = _cue_value(fact, lang, tokens, sentence)
            if value is None:
                continue
            if fact.id in found and found[fact.id] != value:
                notes.append(f"{fact.id}: the ticket says both yes and no")
                found[fact.id] = None  # type: ignore[assignment]
                continue
            if fact.id not in found:
                found[fact.id] = value
                evidence[fact.id] = sentence.strip()
        for fact in choice_facts:
            if fact.id in found:
                continue
            choice = _choice(fact, tokens, sentence)
            if choice is not None:
                found[fact.id] = choice
                evidence[fact.id] = sentence.strip()
    order = {f.id: i for i, f in enumerate(flow.facts)}
    facts = {k: v for k, v in sorted(found.items(), key=lambda kv: order[kv[0]]) if v is not None}
    return Extraction(facts, tuple(notes), {k: v for k, v in evidence.items() if k in facts})


def _emails(text: str, parts: list[tuple[int, str]], facts: list[Fact], lang: str,
            found: dict[str, Value], evidence: dict[str, str], notes: list[str]) -> None:
    addresses = find_emails(text)
    if not addresses:
        for m in _ADDRESS.finditer(text):
            notes.append(f"'{m.group().rstrip('.')}' is not a valid e-mail address")
        return
    for fact in facts:
        best: tuple[int, str, str] | None = None
        for offset, sentence in parts:
            in_sentence = [(s - offset, e - offset, a) for s, e, a in addresses if offset <= s < offset + len(sentence)]
            if not in_sentence:
                continue
            tokens = tokenize(sentence)
            context = _context_positions(fact, lang, tokens)
            if not context and fact.id == "osm_email":
                context = [i for i, t in enumerate(tokens) if t.word in ("osm",)]
            for s, e, address in in_sentence:
                idx = _token_index(tokens, s)
                for c in context:
                    dist = abs(idx - c) + (0 if c <= idx else 2)
                    if best is None or dist < best[0]:
                        best = (dist, address, sentence.strip())
        if best is None:
            distinct = {a.lower() for _, _, a in addresses}
            if len(distinct) == 1:
                best = (0, addresses[0][2], "")
        if best is not None:
            found[fact.id] = best[1]
            evidence[fact.id] = best[2]


def _dates(text: str, parts: list[tuple[int, str]], facts: list[Fact], lang: str, today: date,
           found: dict[str, Value], evidence: dict[str, str], notes: list[str]) -> None:
    single = facts[0] if len(facts) == 1 else None
    unassigned: list[DateMention] = []
    for offset, sentence in parts:
        mentions = find_dates(sentence, today)
        if not mentions:
            continue
        tokens = tokenize(sentence)
        contexts = {f.id: _context_positions(f, lang, tokens) for f in facts}
        for mention in mentions:
            idx = _token_index(tokens, mention.start)
            end_idx = _token_index(tokens, max(mention.end - 1, mention.start))
            best: tuple[int, Fact] | None = None
            for fact in facts:
                for c in contexts[fact.id]:
                    if idx <= c <= end_idx:
                        continue  # the cue is the date itself ("heute")
                    dist = idx - c if c < idx else (c - end_idx) + 1  # a cue before the date wins ties
                    if best is None or dist < best[0]:
                        best = (dist, fact)
            if mention.value is None:
                target = f" ({best[1].id})" if best else ""
                notes.append(f"skipped the date '{mention.raw}'{target}: {mention.error}")
                continue
            if best is None:
                unassigned.append(mention)
                continue
            fact = best[1]
            if fact.id not in found:
                found[fact.id] = mention.value
                evidence[fact.id] = sentence.strip()
    # A flow with one date fact takes the only written-out date of a ticket that names none by context.
    if single is not None and single.id not in found:
        explicit = [m for m in unassigned if not m.relative]
        if len({m.value for m in explicit}) == 1:
            found[single.id] = explicit[0].value  # type: ignore[assignment]
            evidence[single.id] = explicit[0].raw


def _choice(fact: Fact, tokens: list[Token], text: str) -> str | None:
    best: tuple[int, str] | None = None
    for choice in fact.choices:
        names: Iterable[str] = (choice.id.replace("-", " "), choice.label.de, choice.label.en, *choice.aliases)
        for name in names:
            cue = _cue_words(name)
            if not cue:
                continue
            span = _find_cue(cue, tokens, slack=1)
            if span is None:
                continue
            if _polarity(tokens, text, span, cue) is not True:
                continue
            if best is None or len(cue) > best[0]:
                best = (len(cue), choice.id)
    return best[1] if best else None
