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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from faq.errors import InputError
from faq.flows.dates import parse_date
from faq.flows.values import Value, parse_email
from faq.kb.model import Fact, Flow
from faq.language.normalize import fold

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

_TOKEN = re.compile(r"[^\W_]+(?:['’](?:t|m|re|ve|s|ll|d)\b)?", re.U)
_CONTRACTIONS = {"m": "am", "re": "are", "ve": "have", "s": "is", "ll": "will", "d": "would"}
_NEGATIONS = frozenset({
    "nicht", "kein", "keine", "keinen", "keiner", "keinem", "keines", "nie", "niemals", "nichts", "weder",
    "ohne", "not", "no", "never", "none", "nothing", "neither", "nor", "without", "cannot", "nirgends",
    "nowhere",
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


@lru_cache(maxsize=16384)
def _fold_word(word: str) -> str:
    return fold(word)


def tokenize(text: str) -> list[Token]:
    """Split text into folded words with their offsets; marks negations.

    English contractions are read out: "isn't" is "isn" with a negation mark,
    "I'm" is "i am".
    """
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        suffix = ""
        quote = max(raw.find("'"), raw.find("’"))
        if quote > 0:
            raw, suffix = raw[:quote], raw[quote + 1:].lower()
        word = _fold_word(raw)
        start = m.start()
        if suffix == "t":  # "haven't" -> "haven" "not"
            out.append(Token(word, start, start + len(raw), False))
            out.append(Token("not", start + len(raw), m.end(), True))
            continue
        out.append(Token(word, start, start + len(raw), word in _NEGATIONS))
        if suffix in _CONTRACTIONS:
            out.append(Token(_CONTRACTIONS[suffix], start + len(raw), m.end(), False))
    return out


_SENTENCE_END = re.compile(r"(?<=\d{4}[.])\s+(?=[A-ZÄÖÜ])|(?<=[^\W\d_]{2}[.!?])[\"'»«“”)]*\s+|(?<=[^\W\d_][\"'»«“”)][.!?])\s+|"
                          r"(?<=[!?])\s+|\n\s*\n|\n(?=\s*[-•*]\s)|(?<=[.!?:])\n")


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

_ADDRESS = re.compile(r"(?<![^\s<>()\[\]{},;:\"'`|])[^\s<>()\[\]{},;:\"'`|]+@[^\s<>()\[\]{},;:\"'`|]+")  # starts only where a run starts: linear, not quadratic


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
    ("dmy", re.compile(rf"(?<![\d.])\d{{1,2}}(?:st|nd|rd|th)?\.?\s?(?:of\s)?(?:{_MONTH_WORDS})\.?,?\s\d{{4}}\b", re.I)),
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
        options.append(parse_date(f"{day}.{month}.{year:04d}", today))  # 4 digits: a year < 100 is not 20JJ
    if past:
        earlier = [d for d in options if d <= today]
        return max(earlier)
    return min(options, key=lambda d: (abs((d - today).days), d > today))


def _month_number(word: str) -> int:
    from faq.flows.dates import _MONTHS  # the date module's month table (German and English)

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
                elif kind == "slashed":
                    value = _slashed(raw, today)
                else:
                    text_ = " ".join(raw.replace(". ", ".").split()) if kind == "dotted" else " ".join(raw.split())
                    if kind == "dmy":
                        text_ = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|\bof\s", "", text_, flags=re.I)
                    value = parse_date(text_, today)
                out.append(DateMention(s, e, raw, value, "", relative))
            except InputError as exc:
                out.append(DateMention(s, e, raw, None, str(exc), relative))
    out.sort(key=lambda d: d.start)
    return out


def _slashed(raw: str, today: date) -> date:
    """Read DD/MM/YYYY, or MM/DD/YYYY when only that can be a date (01/15/2026)."""
    first, second, year = (int(p) for p in raw.split("/"))
    if second > 12 >= first:
        first, second = second, first
    return parse_date(f"{first}.{second}.{year}", today)


def _is_idiom(lowered: str, start: int, end: int) -> bool:
    """Whether a relative word is used loosely ("bis heute", "heute noch", "as of today")."""
    before = lowered[max(0, start - 12):start]
    return bool(re.search(r"(?:bis|seit|ab|as of|until|till|since|up to)\s*$", before))


# -- cue matching -----------------------------------------------------------------------

# Words that carry no meaning in a cue phrase: a cue matches without them.
_FUNCTION_WORDS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "ist", "sind", "war", "waren",
    "wurde", "wurden", "worden", "wird", "werden", "hat", "haben", "habe", "hatte", "hatten", "wir", "ich", "uns",
    "unser", "unsere", "unseren", "unserem", "unserer", "im", "in", "am", "an", "auf", "zu", "zum", "zur", "bei",
    "mit", "von", "vom", "fuer", "auch", "schon", "bereits", "noch", "jetzt", "sie", "es", "er", "mal", "gar", "ja",
    "the", "a", "is", "are", "was", "were", "been", "be", "has", "have", "had", "we", "i", "our", "us", "my",
    "on", "at", "to", "of", "for", "with", "already", "also", "yet", "still", "it", "its", "this", "that",
    "do", "does", "did", "so", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn", "don", "doesn",
    "didn", "can", "couldn", "won", "wouldn", "shouldn",
})
# Verbs of looking into something, the same in a cue and in a ticket.
_BUILTIN_SYNONYMS = (
    ("geprueft", "nachgesehen", "nachgeschaut", "geschaut", "kontrolliert", "gecheckt", "durchsucht", "angeschaut",
     "checked", "looked", "searched", "check", "pruefen", "nachsehen", "nachschauen", "kontrollieren", "gesucht"),
    ("verwalten", "manage", "managing"),
)


class _Lexicon:
    """Canonical words of one knowledge base's vocabulary (synonyms) for cue matching."""

    def __init__(self, synonyms: Iterable[Iterable[str]] = (), stopwords: Iterable[str] = ()) -> None:
        self.canon: dict[str, str] = {}
        for group in (*_BUILTIN_SYNONYMS, *synonyms):
            forms = [" ".join(t.word for t in tokenize(g)) for g in group]
            forms = [f for f in forms if f]
            if not forms:
                continue
            head = forms[0]
            for form in forms:
                if " " not in form and "-" not in form:
                    self.canon.setdefault(form, head)
        self.stop = frozenset(_FUNCTION_WORDS | {fold(w) for w in stopwords if fold(w) not in _NEGATIONS})
        self._cache: dict[str, tuple[str, ...]] = {}

    def word(self, word: str) -> str:
        """Return the canonical form of a folded word."""
        return self.canon.get(word, word)

    def words(self, tokens: list[Token]) -> _Words:
        """Return the canonical forms of a sentence's words."""
        return _Words(self.canon.get(t.word, t.word) for t in tokens)


    def cue(self, phrase: str, drop_function_words: bool = True) -> tuple[str, ...]:
        """Return the canonical content words of a cue phrase."""
        key = f"{int(drop_function_words)}{phrase}"
        cached = self._cache.get(key)
        if cached is None:
            words = [self.word(t.word) for t in tokenize(phrase)]
            kept = [w for w in words if not (drop_function_words and w in self.stop)]
            cached = tuple(kept if len(kept) >= 2 else words)  # never a lone generic word
            self._cache[key] = cached
        return cached


class _Words(list):
    """The canonical words of a sentence, remembering where each cue word matches."""

    def hits(self, cue_word: str) -> list[int]:
        """Return the positions of the words that `cue_word` matches."""
        memo = self.__dict__.setdefault("_memo", {})
        found = memo.get(cue_word)
        if found is None:
            found = memo[cue_word] = [i for i, w in enumerate(self) if _word_matches(cue_word, w)]
        return found


_LEXICONS: dict[int, tuple[object, _Lexicon]] = {}
_PLAIN = _Lexicon()


def lexicon_for(vocabulary: object | None) -> _Lexicon:
    """Return the cue lexicon of a knowledge base's `Vocabulary` (built once, then kept)."""
    if vocabulary is None:
        return _PLAIN
    hit = _LEXICONS.get(id(vocabulary))
    if hit is not None and hit[0] is vocabulary:
        return hit[1]
    synonyms = getattr(vocabulary, "synonyms", ())
    stop = [w for ws in getattr(vocabulary, "stopwords", {}).values() for w in ws]
    lex = _Lexicon(synonyms, stop)
    _LEXICONS[id(vocabulary)] = (vocabulary, lex)
    return lex


@lru_cache(maxsize=32768)
def _word_matches(cue: str, word: str) -> bool:
    """Whether a text word is the cue word: its beginning, one typo away, or a compound part."""
    if word.startswith(cue):
        return len(cue) >= 3 or len(word) <= len(cue) + 1
    if len(cue) >= 6 and len(word) >= len(cue) - 1:
        if Levenshtein.distance(cue, word[: len(cue)], score_cutoff=1) <= 1:
            return True
        if Levenshtein.distance(cue, word, score_cutoff=1) <= 1:
            return True
    if len(cue) >= 5 and cue in word:  # compounds: "spamordner" / "junkordner"
        return True
    return False


def _find_cue(cue: tuple[str, ...], words: list[str], slack: int = 7, skippable: frozenset[str] = _FUNCTION_WORDS) -> tuple[int, int] | None:
    """Find all words of a cue close together; return the token span (first, last).

    The words may come in any order ("Junk-Ordner geprüft" / "geprüft im Junk-Ordner"),
    except in a cue that carries a negation ("nicht im Spam"): there the order counts,
    as "im Spam nicht nachgesehen" says the opposite, and only function words may
    stand between its words.
    """
    if not cue:
        return None
    if any(w in _NEGATIONS for w in cue):
        return _find_in_order(cue, words, slack, skippable)
    positions: list[list[int]] = []
    for c in cue:
        hits = words.hits(c) if isinstance(words, _Words) else [i for i, w in enumerate(words) if _word_matches(c, w)]
        if not hits:
            return None
        positions.append(hits)
    best: tuple[int, int] | None = None
    for anchor in positions[0]:
        chosen = [anchor]
        for hits in positions[1:]:
            chosen.append(min(hits, key=lambda i: abs(i - anchor)))
        lo, hi = min(chosen), max(chosen)
        width = sum(1 for w in words[lo:hi + 1] if w not in skippable and not w.isdigit())  # nor function words, nor numbers
        if width <= len(cue) + slack and (best is None or hi - lo < best[1] - best[0]):
            best = (lo, hi)
    return best


def _find_in_order(cue: tuple[str, ...], words: list[str], slack: int, skippable: frozenset[str]) -> tuple[int, int] | None:
    for start, word in enumerate(words):
        if not _word_matches(cue[0], word):
            continue
        pos, ok = start, True
        for c in cue[1:]:
            nxt = None
            for i in range(pos + 1, min(len(words), pos + 2 + slack)):
                if _word_matches(c, words[i]):
                    nxt = i
                    break
                if words[i] not in skippable:
                    break
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok and pos - start + 1 <= len(cue) + slack:
            return start, pos
    return None


_CLAUSE_PUNCT = frozenset(",;:()–—")


def _breaks_clause(gap: str) -> bool:
    """Whether the text between two words ends a clause: punctuation, or a spaced dash
    ("durchsucht - nichts"; a dash inside a word, "Junk-Ordner", does not)."""
    return any(ch in _CLAUSE_PUNCT for ch in gap) or (gap.strip() == "-" and gap != "-")


def _clause_bounds(tokens: list[Token], text: str, lo: int, hi: int) -> tuple[int, int]:
    """Return the token range of the clause(s) around tokens lo..hi."""
    start = lo
    while start > 0:
        gap = text[tokens[start - 1].end:tokens[start].start]
        if _breaks_clause(gap) or tokens[start - 1].word in _CLAUSE_BREAK:
            break
        start -= 1
    end = hi
    while end < len(tokens) - 1:
        gap = text[tokens[end].end:tokens[end + 1].start]
        if _breaks_clause(gap) or tokens[end + 1].word in _CLAUSE_BREAK:
            break
        end += 1
    return start, end


def _polarity(tokens: list[Token], words: list[str], text: str, span: tuple[int, int], cue: tuple[str, ...]) -> bool | None:
    """Return True (stated), False (negated) or None (asked or uncertain) for a cue found."""
    lo, hi = span
    c_lo, c_hi = _clause_bounds(tokens, text, lo, hi)
    clause_end = tokens[c_hi].end
    if "?" in text[clause_end:clause_end + 3]:
        return None
    if any(t.word in _UNCERTAIN for t in tokens[c_lo:lo + 1]):
        return None
    if any(w in _NEGATIONS for w in cue):
        return True  # the cue carries its own negation ("keine bestellung", "nicht im spam")
    negated = any(tokens[i].neg for i in range(c_lo, c_hi + 1))
    return not negated


def _cue_value(fact: Fact, lang: str, tokens: list[Token], words: list[str], text: str, lex: _Lexicon) -> tuple[bool, int] | None:
    """Return (value, specificity) of what a sentence says about a yes/no fact, or None."""
    found: list[tuple[int, bool]] = []
    for polarity, table in ((True, fact.cues.yes), (False, fact.cues.no)):
        for phrase in _phrases(table, lang):
            cue = lex.cue(phrase)
            span = _find_cue(cue, words, skippable=lex.stop)
            if span is None:
                continue
            state = _polarity(tokens, words, text, span, cue)
            if state is None:
                continue
            # More words first, then the tighter match: "gleichen Organisationsnamen"
            # beats "neue Registrierung ... Organisationsnamen" read as "neuen Organisationsnamen".
            found.append(((len(cue), span[0] - span[1]), polarity if state else not polarity))
    if not found:
        return None
    top = max(rank for rank, _ in found)
    values = {v for rank, v in found if rank == top}
    if len(values) != 1:
        return None  # equally specific cues disagree: the sentence states nothing sure
    return values.pop(), top[0]


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


def _context_positions(fact: Fact, lang: str, words: list[str], lex: _Lexicon) -> list[int]:
    """Token positions where a context cue of the fact starts (its words in a row)."""
    out = []
    for phrase in _phrases(fact.cues.context, lang):
        cue = lex.cue(phrase, drop_function_words=False)
        if not cue:
            continue
        for i in range(len(words) - len(cue) + 1):
            if all(_word_matches(c, words[i + k]) for k, c in enumerate(cue)):
                out.append(i)
    return out


def _token_index(tokens: list[Token], offset: int) -> int:
    for i, t in enumerate(tokens):
        if t.end > offset:
            return i
    return max(len(tokens) - 1, 0)


def extract_facts(text: str, flow: Flow, today: date, lang: str = "de", vocabulary: object | None = None) -> Extraction:
    """Read the facts of `flow` that a ticket's text states.

    Args:
        text: The ticket's text (the customer's own words: greeting, quotes and
            signature removed).
        flow: The flow whose facts are read.
        today: The date relative words ("gestern") count from.
        lang: The ticket's language ("de" or "en"); its cues are tried first.
        vocabulary: The knowledge base's `Vocabulary`; its synonyms make a cue
            match the words a customer uses ("Spam" for "Junk").

    Returns:
        The facts found (in the flow's declaration order), and notes on what was skipped.
    """
    lex = lexicon_for(vocabulary)
    found: dict[str, Value | None] = {}
    strength: dict[str, int] = {}
    evidence: dict[str, str] = {}
    notes: list[str] = []
    email_facts = [f for f in flow.facts if f.type == "email"]
    date_facts = [f for f in flow.facts if f.type == "date"]
    yesno_facts = [f for f in flow.facts if f.type == "yesno" and (f.cues.yes or f.cues.no)]
    choice_facts = [f for f in flow.facts if f.type == "choice"]

    parts = sentences(text)
    analysed = [(offset, sentence, tokenize(sentence)) for offset, sentence in parts]
    analysed = [(o, s, toks, lex.words(toks)) for o, s, toks in analysed if toks]
    if email_facts:
        _emails(text, analysed, email_facts, lang, lex, found, evidence, notes)
    if date_facts:
        _dates(analysed, date_facts, lang, lex, today, found, evidence, notes)
    for _offset, sentence, tokens, words in analysed:
        for fact in yesno_facts:
            said = _cue_value(fact, lang, tokens, words, sentence, lex)
            if said is None:
                continue
            value, weight = said
            if fact.id not in found or weight > strength[fact.id]:
                found[fact.id], strength[fact.id] = value, weight
                evidence[fact.id] = sentence.strip()
            elif weight == strength[fact.id] and found[fact.id] is not None and found[fact.id] != value:
                notes.append(f"{fact.id}: the ticket says both yes and no")
                found[fact.id] = None
        for fact in choice_facts:
            choice = _choice(fact, lang, tokens, words, sentence, lex)
            if choice is None:
                continue
            cid, weight = choice
            if fact.id not in found or weight > strength[fact.id]:
                found[fact.id], strength[fact.id] = cid, weight
                evidence[fact.id] = sentence.strip()
    order = {f.id: i for i, f in enumerate(flow.facts)}
    facts = {k: v for k, v in sorted(found.items(), key=lambda kv: order[kv[0]]) if v is not None}
    return Extraction(facts, tuple(notes), {k: v for k, v in evidence.items() if k in facts})


_Analysed = list[tuple[int, str, list[Token], list[str]]]


def _emails(text: str, analysed: _Analysed, facts: list[Fact], lang: str, lex: _Lexicon,
            found: dict[str, Value | None], evidence: dict[str, str], notes: list[str]) -> None:
    addresses = find_emails(text)
    if not addresses:
        for m in _ADDRESS.finditer(text):
            notes.append(f"'{m.group().rstrip('.')}' is not a valid e-mail address")
        return
    for fact in facts:
        best: tuple[int, str, str] | None = None
        for offset, sentence, tokens, words in analysed:
            in_sentence = [(s - offset, a) for s, _, a in addresses if offset <= s < offset + len(sentence)]
            if not in_sentence:
                continue
            context = _context_positions(fact, lang, words, lex)
            for s, address in in_sentence:
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


def _dates(analysed: _Analysed, facts: list[Fact], lang: str, lex: _Lexicon, today: date,
           found: dict[str, Value | None], evidence: dict[str, str], notes: list[str]) -> None:
    """Give each date the date fact whose context cue is nearest in its sentence.

    Distance counts words; a cue after the date counts one more, a clause border
    (comma, semicolon) between them five more. Pairs are taken nearest first, each
    fact and each date once.
    """
    single = facts[0] if len(facts) == 1 else None
    unassigned: list[DateMention] = []
    for _offset, sentence, tokens, words in analysed:
        mentions = find_dates(sentence, today)
        if not mentions:
            continue
        contexts = {f.id: _context_positions(f, lang, words, lex) for f in facts}
        pairs: list[tuple[int, int, int, Fact]] = []
        for m_index, mention in enumerate(mentions):
            idx = _token_index(tokens, mention.start)
            end_idx = _token_index(tokens, max(mention.end - 1, mention.start))
            nearest: tuple[int, Fact] | None = None
            for f_index, fact in enumerate(facts):
                for c in contexts[fact.id]:
                    if idx <= c <= end_idx:
                        continue  # the cue is the date itself
                    lo, hi = (c, idx) if c < idx else (end_idx, c)
                    dist = hi - lo + (0 if c < idx else 1)
                    between = sentence[tokens[lo].end:tokens[hi].start]
                    if any(ch in ",;:()" for ch in between):
                        dist += 5
                    pairs.append((dist, f_index, m_index, fact))
                    if nearest is None or dist < nearest[0]:
                        nearest = (dist, fact)
            if mention.value is None:
                target = f" ({nearest[1].id})" if nearest else ""
                notes.append(f"skipped the date '{mention.raw}'{target}: {mention.error}")
            elif nearest is None:
                unassigned.append(mention)
        used_dates: set[int] = set()
        for _dist, _f, m_index, fact in sorted(pairs, key=lambda p: (p[0], p[2], p[1])):
            mention = mentions[m_index]
            if mention.value is None or m_index in used_dates or fact.id in found:
                continue
            found[fact.id] = mention.value
            evidence[fact.id] = sentence.strip()
            used_dates.add(m_index)
    # A flow with one date fact takes the only written-out date of a ticket that names none by context.
    if single is not None and single.id not in found:
        explicit = [m for m in unassigned if not m.relative]
        if len({m.value for m in explicit}) == 1:
            found[single.id] = explicit[0].value
            evidence[single.id] = explicit[0].raw


def _choice(fact: Fact, lang: str, tokens: list[Token], words: list[str], text: str, lex: _Lexicon) -> tuple[str, int] | None:
    """Return (choice id, strength) of the choice a sentence names, or None.

    A choice named near one of the fact's context cues ("ich bin", "role") is
    stronger; generic one-word aliases ("admin", "keine") count only there.
    """
    context = _context_positions(fact, lang, words, lex) if fact.cues.context else []
    # The fact's own words ("Rolle", "role") name no choice: "andere Rolle" is not said by "dieser Rolle".
    generic = {w for phrases in fact.cues.context.values() for p in phrases for w in lex.cue(p, drop_function_words=False)}
    best: tuple[int, str] | None = None
    for choice in fact.choices:
        names: Iterable[str] = (choice.label.de, choice.label.en, *choice.aliases, choice.id.replace("-", " "))
        for name in names:
            cue = lex.cue(name, drop_function_words=False)
            cue = tuple(w for w in cue if w not in _NEGATIONS or len(cue) == 1)
            if not cue or all(w in _NEGATIONS or w in lex.stop or w in generic for w in cue):
                continue  # "keine", "none", "andere Rolle": no evidence of a role in a ticket
            span = _find_cue(cue, words, slack=1)
            if span is None:
                continue
            if _polarity(tokens, words, text, span, ()) is not True:
                continue
            near = any(0 <= span[0] - c <= 4 or 0 <= c - span[1] <= 2 for c in context)
            if not near and len(cue) == 1 and len(cue[0]) < 4 and context:
                pass  # a short alias ("osm") without context still counts, but weakly
            weight = len(cue) + (10 if near else 0)
            if best is None or weight > best[0]:
                best = (weight, choice.id)
    return (best[1], best[0]) if best else None
