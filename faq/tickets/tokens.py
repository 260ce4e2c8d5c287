"""Words and sentences of a ticket: folded tokens with offsets, negations marked.

`sentences` is the one place a ticket is split into sentences (triage's topic and the
fact reader both use it), so a better splitter replaces it in one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from faq.flows.dates import month_number
from faq.language.alternation import factored
from faq.language.lexicon import folded, lexicon
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.language.text import MAX_INPUT_CHARS

__all__ = ["Token", "abbreviation_stop", "after_list_mark", "fold_word", "misspelt_negations", "may_hold_sequence", "negations", "sentences", "spelt_as_is", "tokenize", "unspelt", "with_zu",
           "without_names", "word_before_blanks", "zu_inside"]

_TOKEN = re.compile(r"[^\W_]+(?:['’](?:t|m|re|ve|s|ll|d)\b)?", re.U)
_CONTRACTIONS = {"m": "am", "re": "are", "ve": "have", "s": "is", "ll": "will", "d": "would"}


@cache
def negations() -> frozenset[str]:
    """Return the negation words of every language (knowledge/language/negations.yaml and
    ticket_negations.yaml), folded."""
    return frozenset(fold(w) for w in (*lexicon_words("negations"), *lexicon_words("ticket_negations")))


@cache
def _listed_words() -> frozenset[str]:
    """Every word of every list of `knowledge/language/`, folded: each means what its list says."""
    return frozenset(fold(part) for lists in lexicon().values() for items in lists.values() for w in items for part in w.split())


_SLIP_FROM = 5  # negations this long or longer are recognised misspelt
_SLIP_SHORTEST = 4  # ... as words this long or longer
_SWAP_FROM = 3  # shorter negations ("kein", "not") only with two letters after the first swapped


def _slips(word: str) -> set[str]:
    """A word's slips of the keyboard that keep its first letter: a letter left out, two
    neighbours swapped, one doubled ("nich", "nciht", "nichtt" for "nicht")."""
    out = {word[:i] + word[i + 1:] for i in range(1, len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    out |= {word[:i] + word[i] + word[i:] for i in range(1, len(word))}
    return {w for w in out if len(w) >= _SLIP_SHORTEST and w != word}


@cache
def misspelt_negations() -> dict[str, str]:
    """Return misspelt negations, each with the negation it stands for ("nich": "nicht").

    Only slips (`_slips`) of negations of five letters or more count (of three or four letters,
    two letters swapped after the first: "kien", "nto"), and never a word of any
    list of `knowledge/language/` ("keins" answers "none") nor a real word a slip away from a
    negation (`negation_lookalikes`: "noon", "noting"); a slip two negations share counts for neither.
    """
    neg = negations()
    known = _listed_words()
    found: dict[str, set[str]] = {}
    for word in sorted(neg):
        if len(word) >= _SLIP_FROM:
            slips = _slips(word)
        elif len(word) >= _SWAP_FROM:  # short ones only by two letters swapped ("kien", "nto")
            slips = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)} - {word}
        else:
            continue
        for slip in slips - neg - known:
            found.setdefault(slip, set()).add(word)
    return {slip: words.pop() for slip, words in found.items() if len(words) == 1}


@cache
def _bare_contractions() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("bare_contractions"))


_PARTICIPLE_REST = 6  # a negated participle's rest is this long or longer ("geprueft", "checked")


@cache
def _prefix_starts() -> frozenset[str]:
    """The first two letters of every negating prefix (a cheap test before `_negating_prefix`)."""
    return frozenset(p[:2] for p in folded("negating_prefixes"))


@lru_cache(maxsize=4096)
def _negating_prefix(word: str) -> tuple[str, int] | None:
    """A negated participle ("ungeprueft", "unverified"): the language's first negation and the
    length of the prefix it is read from, else None (`knowledge/language/negating_prefixes.yaml`).
    A word some list of `knowledge/language/` holds ("unbekannt", "unverändert") keeps its meaning there."""
    if word in _listed_words():
        return None
    for lang, prefixes in lexicon()["negating_prefixes"].items():
        starts = tuple(fold(w) for w in lexicon().get("participle_prefixes", {}).get(lang, ()))
        ends = tuple(fold(w) for w in lexicon()["participle_endings"].get(lang, ()))
        for prefix in (fold(p) for p in prefixes):
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= _PARTICIPLE_REST and rest.endswith(ends) \
                    and (not starts or rest.startswith(starts)):
                return fold(lexicon()["negations"][lang][0]), len(prefix)
    return None


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


@lru_cache(maxsize=4096)
def fold_word(word: str) -> str:
    """Return a word folded (lower case, ä as ae, ...), cached."""
    return fold(word)



_TOKENIZED: dict[str, tuple[Token, ...]] = {}
_KEPT = 4096  # texts whose tokens are remembered (then forgotten at once): a ticket's sentences recur


def tokenize(text: str) -> list[Token]:
    """Split text into folded words with their offsets; marks negations.

    English contractions are read out: "isn't" is "isn" with a negation mark,
    "I'm" is "i am"; so are those written without the apostrophe ("isnt"). A misspelt
    negation is read as the negation ("nich" is "nicht", `misspelt_negations`).
    """
    found = _TOKENIZED.get(text)
    if found is None:
        if len(_TOKENIZED) >= _KEPT:
            _TOKENIZED.clear()
        found = _TOKENIZED[text] = tuple(_tokenize(text))
    return list(found)


def _tokenize(text: str) -> list[Token]:
    neg, slips, bare = negations(), misspelt_negations(), _bare_contractions()
    out = []
    for m in (_elided_token() if "'" in text or "’" in text else _TOKEN).finditer(text):
        raw = m.group()
        suffix = ""
        if "'" in raw or "’" in raw:  # a contraction (most words hold no quote)
            quote = max(raw.find("'"), raw.find("’"))
            if quote > 0 and (full := _unelided(raw, quote)) is not None:  # "nachg'schaut": "nachgeschaut"
                out.append(Token(full, m.start(), m.end(), False))
                continue
            if quote > 0:
                raw, suffix = raw[:quote], raw[quote + 1:].lower()
        word = fold_word(raw)
        start = m.start()
        if word in bare and not suffix:  # "havent": "haven" "not", as "haven't"
            suffix, raw, word = "t", raw[:-1], word[:-1]
        elif word in slips and not suffix:
            word = slips[word]
        elif not suffix and word[:2] in _prefix_starts() and (lead := _negating_prefix(word)):  # "ungeprüft" -> "nicht" "geprueft"
            negation, cut = lead
            out.append(Token(negation, start, start + cut, True))
            out.append(Token(word[cut:], start + cut, start + len(raw), False))
            continue
        if suffix == "t":  # "haven't" -> "haven" "not"
            out.append(Token(word, start, start + len(raw), False))
            out.append(Token("not", start + len(raw), m.end(), True))
            continue
        out.append(Token(word, start, start + len(raw), word in neg))
        if suffix in _CONTRACTIONS:
            out.append(Token(_CONTRACTIONS[suffix], start + len(raw), m.end(), False))
    return _bare_i_am(out) if any(t.word == _IM for t in out) else out


@cache
def _elided() -> dict[str, str]:
    """Letter left before an apostrophe -> the prefix it stands for (`elided_prefixes`: "g" -> "ge")."""
    return {one: prefix for line in lexicon_words("elided_prefixes") for one, prefix in [line.split()]}


@cache
def _elided_token() -> re.Pattern[str]:
    """`_TOKEN`, and a word whose prefix is elided behind an apostrophe read whole ("nachg'schaut"; only
    after a letter `elided_prefixes` names: "d'Aktivierungsmail" stays two words)."""
    letters = "".join(sorted({c for one in _elided() for c in (one.lower(), one.upper())}))
    return re.compile(rf"[^\W_]+(?:['’](?:t|m|re|ve|s|ll|d)\b|(?<=[{re.escape(letters)}])['’][^\W\d_]{{3,}})?", re.U)


def _unelided(raw: str, quote: int) -> str | None:
    """A dialect participle written with its prefix elided ("nachg'schaut", "g'macht") as written in
    full ("nachgeschaut", `elided_prefixes`), else None (an English contraction: "isn't", "we've")."""
    rest = raw[quote + 1:]
    prefix = _elided().get(raw[quote - 1].lower())
    if prefix is None or len(rest) < 3 or rest.lower() in _CONTRACTIONS:
        return None
    return fold_word(raw[:quote - 1] + prefix + rest)


# Addresses and domain names are read apart (faq.tickets.mentions); among the words an address counts
# as one number does: nothing a cue is made of, no distance between its words; so do a host's name
# ("www.contoso.de") and a name in a compound ("outlook.com-Adresse"); a mail domain's name alone reads
# as the noun of a domain (`_blank`).
_NAMES = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)
_DOT_WORD = re.compile(r"\.\w")  # a domain's dot: `_NAMES` finds none in a text without one and without "@"


def _blank(match: re.Match[str]) -> str:
    found = match.group()
    noun, nouns = _domain_nouns()
    if "@" in found or len(found) < len(noun) or found.count(".") >= _HOST_DOTS \
            or match.string[match.end():match.end() + 1] == "-":  # "www.contoso.de", "outlook.com-Adresse"
        return "0" * len(found)
    lead = match.string[max(0, match.start() - _BEFORE_CHARS):match.start()].rstrip()
    before = _LEAD_WORD.search(lead)
    if before is not None and fold(before.group(1)) in nouns or lead.endswith(_APPOSITION_OPENERS) \
            or lead.endswith(",") and match.string[match.end():match.end() + 1] == ",":
        return "0" * len(found)  # "die Domäne contoso.de", "des OSM (contoso.de)", "des OSM, contoso.de,": beside its noun
    return noun + " " * (len(found) - len(noun))  # "contoso.de ist verifiziert": the domain is


_HOST_DOTS = 2  # dots of a name that is a host ("www.contoso.de", "admin.microsoft.com"), not a mail domain
_BEFORE_CHARS = 40  # characters before a name searched for the word right before it
_LEAD_WORD = re.compile(r"([^\W\d_]+)[\s,]*$")  # the word right before a name, in the text up to it
_APPOSITION_OPENERS = ("(", "[", "@")  # before a name that stands beside its noun, or ends an address


@cache
def _domain_nouns() -> tuple[str, frozenset[str]]:
    """The noun a domain name written alone is read as, and every noun of a domain (`domain_name_nouns`)."""
    return lexicon_words("domain_name_nouns")[0], frozenset(fold(w) for w in lexicon_words("domain_name_nouns"))


def without_names(text: str) -> str:
    """The text with its addresses blanked out as zeros, and its domain names written alone as the noun
    they name (`domain_name_nouns`: "contoso.de ist verifiziert" reads "domain ist verifiziert"), for
    the fact reader; each keeps its length, so offsets hold."""
    if "@" not in text and _DOT_WORD.search(text) is None:
        return text  # most sentences: no address, no dot before a letter
    found = _BLANKED.get(text)  # the others are read again (a sentence without its inserted remarks)
    if found is None:
        if len(_BLANKED) >= _KEPT:
            _BLANKED.clear()
        found = _BLANKED[text] = _NAMES.sub(_blank, text)
    return found


_BLANKED: dict[str, str] = {}


_WORD_BEHIND = re.compile(r"\n?[ \t]+([\w-]+)")  # a text's last word and the blanks after it, read backwards


def word_before_blanks(text: str) -> str:
    r"""The last word of `text` when blanks end it (a line's end after them), as r"([^\W_][\w-]*)[ \t]+$" finds
    it, read backwards: without a try at every character of a long text."""
    found = _WORD_BEHIND.match(text[::-1])
    return found.group(1)[::-1].lstrip("_-") if found else ""


_IM = "im"


def after_list_mark(tokens: list[Token], text: str) -> int:
    """The index of a sentence's first word after its list number ("1. Have you ...?", "2) Ist ..."), else 0."""
    return int(len(tokens) > 1 and tokens[0].word.isdigit() and text[tokens[0].end:tokens[0].end + 1] in ".)")


@cache
def spelt_as_is(word: str) -> bool:
    """Whether a token is `word` only where the text spells it (folded) as a word of its own:
    `word` is plain ASCII letters that no negation, contraction or "im" is read as, and no
    e-mail spelling `fold` unifies can begin or hold (then `unspelt` may rule it out)."""
    return word.isascii() and word.isalpha() and not word.startswith("e") and "mail" not in word \
        and word not in negations() and word not in _CONTRACTIONS.values() and word not in ("not", "i", "am") \
        and word not in {b[:-1] for b in _bare_contractions()}


@cache
def _needed_words(name: str) -> frozenset[str] | None:
    """One word of each sequence of the list `name` that a token is only where the text spells it
    (`spelt_as_is`, the longest), or None when some sequence has none."""
    out = set()
    for p in (tuple(s.split()) for s in folded(name)):
        plain = sorted((w for w in p if spelt_as_is(w)), key=lambda w: (-len(w), w))
        if not plain:
            return None
        out.add(plain[0])
    return frozenset(out)


def may_hold_sequence(text: str, name: str) -> bool:
    """Whether the tokens of `text` may hold a word sequence of the list `name` (as
    `faq.tickets.sentence.has_sequence` finds them): False only when the text spells no word
    that one of them needs, known without tokenizing."""
    needed = _needed_words(name)
    return needed is None or not unspelt(text, needed)


_CUT = re.compile("[\x1b\x9b\x9d]")  # what `clean` removes with a payload (escape sequences)


@lru_cache(maxsize=256)
def _spellings(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern found in a text exactly where one of `words` stands in it (one scan, not one per word;
    the words as one tree of their common beginnings, `faq.language.alternation.factored`)."""
    return re.compile(factored(words))


def unspelt(text: str, words: frozenset[str]) -> bool:
    """Whether no token of `text` is one of `words` (each `spelt_as_is`), known without tokenizing:
    the folded text holds none of them. False when unsure (a long text, escape sequences)."""
    if len(text) > MAX_INPUT_CHARS or _CUT.search(text) is not None:
        return False
    return _spellings(words).search(fold(text)) is None


@cache
def _i_am_followers() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("i_am_followers"))


def _bare_i_am(tokens: list[Token]) -> list[Token]:
    """English "im" without its apostrophe read as "i am" where an English word that follows "I'm"
    comes next ("im just the OSM", "im not sure"); German "im" ("im Spam") stays."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        if t.word == _IM and i + 1 < len(tokens) and tokens[i + 1].word in _i_am_followers() and t.end - t.start == 2:
            out += [Token("i", t.start, t.start + 1), Token("am", t.start + 1, t.end)]
        else:
            out.append(t)
    return out


# Every break starts at a space, a closing quote or a bracket: the lookahead spares trying each
# alternative's lookbehind at every other character.
_SENTENCE_END = re.compile(r"(?=[\s\"'»«“”)])(?:(?<=\d{4}[.])\s+(?=[A-ZÄÖÜ])|(?<=\d[.]\d\d[.]\d\d[.])\s+(?=[A-ZÄÖÜ])|(?<=\d[.]\d[.]\d\d[.])\s+(?=[A-ZÄÖÜ])|(?<=[^\W\d_]\d[.])\s+(?=[A-ZÄÖÜ])|(?<=[^\W\d_]\d\d\d[.])\s+(?=[A-ZÄÖÜ])|(?<=\d{4}-\d\d-\d\d[.])\s+(?=[A-ZÄÖÜ])|(?<=[^\W\d_]{2}[.!?])[\"'»«“”)]*\s+|(?<=[^\W\d_][\"'»«“”)][.!?])\s+|"
                          r"(?<=[!?])\s+|\n\s*\n|\n(?=\s*(?:[-•*]|\d{1,2}[.)])\s)|(?<=[.!?:])\n)")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("abbreviations"))


_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")


def _after_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether a break found at start..end follows a listed abbreviation, on the same line."""
    if "\n" in text[start:end]:
        return False
    last = _LAST_WORD.search(text[max(0, start - 12):start])
    if last is None or fold(last.group(1)) not in _abbreviations():
        return False
    return fold(last.group(1)) not in negations() or text[end:end + 1].isdigit()


def abbreviation_stop(text: str, at: int) -> bool:
    """Whether the full stop at `at` ends a listed abbreviation ("Reg.-Nr. wie ...", "ref. no"), not a sentence."""
    return text[at:at + 1] == "." and _after_abbreviation(text, at + 1, at + 1)


_DAY_END = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?[.](\s+)(?=[A-ZÄÖÜ])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[.]?\s+$")


_LABEL_LINE = re.compile(r"[ \t]*[^\W\d_][^\n:]{0,60}:[ \t]*[^\s:][^\n:]{0,40}"
                         r"|[ \t]*[^\W\d_][^\n?]{0,60}\?[ \t]*[^\W\d_][^\n?]{0,60}")  # or "question? answer": "Domain verifiziert? nein"


def _label_line_ends(text: str) -> list[tuple[int, int]]:
    """The line ends of "label: value" (or "question? answer") lines in a run of two or more ("Domain
    verified: no" above "Order placed: yes"); a lone one may be a wrapped line of prose ("Unser OSM: a@x.de, die
    Domäne ist bereits" above "verifiziert.")."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line, _LABEL_LINE.fullmatch(line) is not None))
        pos += len(line) + 1
    out = []
    for i, (start, line, label) in enumerate(lines[:-1]):
        if label and (lines[i + 1][2] or i > 0 and lines[i - 1][2]):
            out.append((start + len(line), start + len(line) + 1))
    return out

_BULLET_LINE_END = re.compile(r"^[ \t]*(?:[-•*]|\d{1,2}[.)]|\[[ xX✓✔]?\])[ \t][^\n]*?[^\W_][\"'»«“”)]*[ \t]*(\n)", re.M)
_TABLE_ROW_END = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*(\n)", re.M)  # a row of a table ("| Global admin | yes |")


@cache
def _greeting_line_end() -> re.Pattern[str]:
    """A greeting line that ends with a comma ("Sehr geehrte Frau Ott,", "Dear Mr Hale,"; greetings.yaml):
    its line end ends a sentence, so the name it greets is no word of the next line's statement."""
    opening = "|".join(sorted((re.escape(w) for w in lexicon_words("greetings")), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?:{opening})\b[^\n.!?:]{{0,60}},[ \t]*(\n)", re.M | re.I)


def _breaks(text: str) -> list[tuple[int, int]]:
    """The sentence breaks of `text` (start, end), in order: a day written after its month
    ("November 9. The usage ...") ends its sentence with its period, and a bullet or a short
    "label: value" line ends its line ("- eine Berechtigung ... habe ich nicht" above "Kann ich
    ...?"; "Domain verified: no" above "Order placed: yes"), and so do a table's row ("| Global admin | yes |")
    and a greeting line ending in a comma."""
    found = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    if "\n" in text:
        found = sorted(set(found + [m.span(1) for m in _BULLET_LINE_END.finditer(text)]
                           + [m.span(1) for m in _greeting_line_end().finditer(text)] + _label_line_ends(text)
                           + ([m.span(1) for m in _TABLE_ROW_END.finditer(text)] if "|" in text else [])))
    more = [m.span(1) for m in _DAY_END.finditer(text)
            if (w := _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())) and month_number(w.group(1))]
    return sorted(set(found + more)) if more else found


def sentences(text: str, abbreviations: bool = True) -> list[tuple[int, str]]:
    """Split text into sentences; returns (offset, sentence) pairs.

    A period after a number ("1. Dezember", "05.01.2026"), a one-letter abbreviation
    ("z. B.") or a listed one ("Nr.", "ca.", `knowledge/language/abbreviations.yaml`)
    does not end a sentence, but one after a day written after its month does ("on
    November 9. The ..."); with `abbreviations=False` a listed one does (triage's topic
    units: a finer split only adds competitors). Remembered: a ticket's body is split again (its facts,
    what its words point at in a quoted mail).
    """
    found = _SPLIT.get((text, abbreviations))
    if found is None:
        if len(_SPLIT) >= _KEPT:
            _SPLIT.clear()
        found = _SPLIT[(text, abbreviations)] = tuple(_sentences(text, abbreviations))
    return list(found)


_SPLIT: dict[tuple[str, bool], tuple[tuple[int, str], ...]] = {}


def _sentences(text: str, abbreviations: bool) -> list[tuple[int, str]]:
    """`sentences`, worked out."""
    out = []
    pos = 0
    for start, end in _breaks(text):
        if start < pos:
            continue
        if abbreviations and _after_abbreviation(text, start, end):
            continue
        chunk = text[pos:start]
        if chunk.strip():
            out.append((pos, chunk))
        pos = end
    if text[pos:].strip():
        out.append((pos, text[pos:]))
    return out


@cache
def _separable() -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in lexicon_words("separable_prefixes")}, key=len, reverse=True))


@lru_cache(maxsize=4096)
def zu_inside(word: str) -> str | None:
    """The verb of a "zu"-infinitive that holds its "zu" inside ("nachzusehen": "nachsehen";
    `separable_prefixes`), else None (remembered: a sentence's words are asked about again)."""
    for prefix in _separable():
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest.startswith("zu") and rest.endswith("en") and len(rest) > 5:
            return prefix + rest[2:]
    return None


def with_zu(forms: tuple[str, ...]) -> tuple[str, ...]:
    """`forms` and the "zu"-infinitive of each separable verb among them ("nachsehen": "nachzusehen")."""
    extra = [p + "zu" + f[len(p):] for f in forms for p in _separable()
             if f.startswith(p) and f.endswith("en") and not f[len(p):].startswith("ge") and zu_inside(p + "zu" + f[len(p):])]
    return (*forms, *dict.fromkeys(extra))

