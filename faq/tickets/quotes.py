"""What in a ticket states nothing about the customer's case.

The customer's own words state facts. Quoted replies and forwarded support text are
read apart (`faq.tickets.readers.quoted_text`) and only their statements count, never
their questions; an example ("eine Adresse wie name@outlook.com", "such as",
"z. B.") states nothing anywhere. The markers are data in
`knowledge/language/example_markers.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from faq.flows.dates import counted_hours
from faq.language.lexicon import folded as _folded
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.borders import breaks_clause
from faq.tickets.hedges import has_phrase
from faq.tickets.tokens import Token, sentences, tokenize
from faq.tickets.weights import weights

__all__ = ["Answer", "answer_polarity", "answers", "opens_example", "numbered_answers", "self_answers", "doubts_asked", "doubts_quoted", "in_quoted_question",
           "is_example", "is_question", "points_below", "quote_opening", "quoted_of_then", "source_passages"]

_QUOTED = re.compile(r"^[ \t]*>[ \t>]*")
_LIST_MARK = re.compile(r"^\s*(?:\d+[.)]|[-•*])\s+")
_ANSWER_OPENING = 3  # words at the start of an answer that may carry its "no"
_UNKNOWN_REACH = 3  # words after those where a "don't know" still takes the answer back ("Nein, weiß ich nicht")


@dataclass(frozen=True)
class Answer:
    """The customer's answer written under a quoted question ("answering inline").

    Attributes:
        question: The quoted question, without its "> " marks and list number.
        text: The answer as written.
        start: Offset of the answer in the text searched.
    """

    question: str
    text: str
    start: int


_NUMBERED = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+(\S[^\n]*?)[ \t]*$", re.M)
_MAX_NUMBERED_ANSWER = 200  # characters: a longer numbered line is a statement, not an answer


def numbered_answers(text: str) -> list[Answer]:
    """Return the customer's numbered answers to the numbered questions of the mail they quote.

    "1. ja / 2. nein / 3. 12.11.2026" above a quoted "1. Wurde eine Bestellung platziert?
    2. ... 3. ..." answers question 1 with "ja", and so on; a number the quoted mail does
    not ask is no answer, and neither is a numbered line of the customer's that asks.
    """
    from faq.tickets.body import quote_start, quoted_text

    cut = quote_start(text)
    if cut >= len(text):
        return []
    asked = {m.group(1): m.group(2) for m in _NUMBERED.finditer(quoted_text(text)) if m.group(2).endswith("?")}
    if not asked:
        return []
    out = []
    for m in _NUMBERED.finditer(text[:cut]):
        number, answer = m.group(1), m.group(2)
        if number in asked and not answer.endswith("?") and len(answer) <= _MAX_NUMBERED_ANSWER:
            out.append(Answer(asked[number], answer, m.start(2)))
    return out


_DASHES = " \t\n-–—"  # what may stand before an answer written on the question's line
_SELF_ASKED = 10  # words at most in a question the customer asks and answers at once


@cache
def _answered() -> re.Pattern[str]:
    """A question mark followed by the first word of a yes, a no or an unknown (word lists), maybe after a dash."""
    firsts = {w.split()[0] for name in ("affirmations", "denials", "unknowns") for w in lexicon_words(name)}
    firsts |= {w.replace("ss", "ß").replace("ae", "ä").replace("oe", "ö").replace("ue", "ü") for w in firsts}
    alts = "|".join(sorted((re.escape(w) for w in firsts), key=len, reverse=True))
    return re.compile(rf"\?[\s\"'»«“”)]*(?:[-–—][ \t]*)?(?:{alts})\b", re.I)  # "? - No, not yet"


def self_answers(text: str) -> list[Answer]:
    """Return the customer's answers to the short questions they ask themselves ("Domäne
    verifiziert? Nein." / "Junk folder checked? Yes, nothing there."): a question of a few
    words followed at once by a sentence that opens with a yes or a no."""
    if _answered().search(text) is None:
        return []  # no question mark with a yes, a no or an unknown right after it
    parts = sentences(text)
    out = []
    for (_, asked), (start, said) in zip(parts, parts[1:]):
        if not is_question(asked) or len(asked.split()) > _SELF_ASKED:
            continue
        told = tokenize(said)
        if answer_polarity(told) is not None and not _own_statement(tokenize(asked), told, said):
            lead = len(said) - len(said.lstrip(_DASHES))  # "- Nein, noch nicht": the answer after its dash
            out.append(Answer(_LIST_MARK.sub("", asked.strip()), said.lstrip(_DASHES).strip(), start + lead))
    return out


def _own_statement(asked: list[Token], told: list[Token], said: str) -> bool:
    """Whether a sentence after a question opens with a negation before a noun the question does not
    name ("Keine Aktivierungsmail.", "No activation email"): a statement of its own, no answer."""
    return len(told) > 1 and told[0].word in _negating() and not breaks_clause(said[told[0].end:told[1].start]) \
        and all(t.word != told[1].word for t in asked)


@cache
def _negating() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("negating_determiners"))


def answers(text: str) -> list[Answer]:
    """Return each answer the customer wrote right under a quoted question, or numbered
    like the quoted questions (`numbered_answers`).

    A quoted block ("> ..." lines) whose last sentence asks, followed by lines of the
    customer's own (up to a blank line or the next quote), is a question and its answer.
    """
    out: list[Answer] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        if not _QUOTED.match(lines[i]):
            i += 1
            continue
        block = []
        while i < len(lines) and (_QUOTED.match(lines[i]) or not lines[i].strip()):
            if lines[i].strip():
                block.append(_QUOTED.sub("", lines[i]))
            i += 1
        question = _LIST_MARK.sub("", block[-1]).strip() if block else ""
        start = i
        while i < len(lines) and lines[i].strip() and not _QUOTED.match(lines[i]):
            i += 1
        answer = "\n".join(lines[start:i]).strip()
        if question.endswith("?") and answer:
            lead = len(lines[start]) - len(lines[start].lstrip())
            if (mark := _echoed_mark(block[-1], answer)) is not None:  # "> 2. Add-on?" / "2. ja": the answer after its number
                answer, lead = answer[mark:], lead + mark
            out.append(Answer(question, answer, offsets[start] + lead))
    return out + numbered_answers(text) + self_answers(text)


def _echoed_mark(asked: str, answer: str) -> int | None:
    """Where an answer begins after the list number of the quoted question it repeats ("> 2. Ist das
    ein Add-on?" / "2. ja"): the length of that number and its blanks, else None."""
    numbered, echoed = _LIST_MARK.match(asked.strip()), _LIST_MARK.match(answer)
    if numbered is None or echoed is None or numbered.group().strip(" \t.)") != echoed.group().strip(" \t.)") \
            or not answer[echoed.end():].strip():
        return None
    return echoed.end()


@cache
def _affirmations() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(w).split()) for w in lexicon_words("affirmations"))


def answer_polarity(tokens: list[Token], text: str = "") -> bool | None:
    """Whether an answer says yes (True) or no (False) at its start, or neither (None). With the answer's
    `text`, a first clause that only echoes the question, a pronoun and an auxiliary (`echo_auxiliaries`:
    "Das ist sie, seit Jahren", "We did, nothing there", "Ist sie nicht"), says yes, or no with a negation,
    and a negation after the first clause ("We did, nothing there", "Geprüft, nichts gefunden") denies nothing of the answer."""
    echo = _echo(tokens, text) if text else None
    if echo is not None:
        return echo
    first = _first_clause_end(tokens, text) if text else len(tokens)  # "Geprüft, nichts gefunden": checked
    words = [t.word for t in tokens[:_ANSWER_OPENING]]
    opening = [t.word for t in tokens[:_ANSWER_OPENING + _UNKNOWN_REACH]]
    if any(tuple(opening[i:i + len(u)]) == u for i in range(len(opening)) for u in _unknowns_from(opening[i])):
        return None  # "Keine Ahnung", "not sure", "Nein, weiß ich nicht", "Not that I know of": no answer, whatever negation it holds
    if any(tuple(words[:n]) in _affirmations() for n in (1, 2)):
        return True  # "Yes, nothing there": the yes comes first
    if any(t.neg for t in tokens[:min(_ANSWER_OPENING, first)]) or any(tuple(words[:n]) in _denials() for n in (1, 2)):
        return False  # "nein", "nope": a denial needs no negation word
    return None


_ECHO_WORDS = 4  # words at most of an echoing first clause ("das ist sie nicht")


def _first_clause_end(tokens: list[Token], text: str) -> int:
    """The index after the answer's first clause (up to punctuation that ends a clause)."""
    return next((i for i in range(1, len(tokens)) if breaks_clause(text[tokens[i - 1].end:tokens[i].start])), len(tokens))


def _echo(tokens: list[Token], text: str) -> bool | None:
    """Yes or no of a first clause made of pronouns and one echoing auxiliary (see `answer_polarity`), or None."""
    end = _first_clause_end(tokens, text)
    if not 2 <= end <= _ECHO_WORDS or "?" in text[:tokens[end].start if end < len(tokens) else len(text)]:
        return None  # "Is it?" asks back
    pronouns = _folded("subject_pronouns") | _folded("thing_pronouns") | _folded("person_pronouns") | _folded("first_person_subjects")
    verbs = [t for t in tokens[:end] if t.word in _folded("echo_auxiliaries")]
    if len(verbs) != 1 or not all(t in verbs or t.neg or t.word in pronouns for t in tokens[:end]):
        return None
    return not any(t.neg for t in tokens[:end])


@cache
def _unknowns() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(w).split()) for w in lexicon_words("unknowns"))


@cache
def _unknowns_from(word: str) -> tuple[tuple[str, ...], ...]:
    """The sequences of unknowns.yaml that begin with `word`."""
    return tuple(u for u in _unknowns() if u and u[0] == word)


@cache
def _denials() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(w).split()) for w in lexicon_words("denials"))


@cache
def _markers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(m).split()) for m in lexicon_words("example_markers"))


@cache
def _example_tails() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("example_tails"))


def opens_example(words: list[str]) -> bool:
    """Whether folded words open with an example marker ("z. B. ja", "e.g. yes"): a template's
    sample value, no answer."""
    return any(tuple(words[:len(marker)]) == marker for marker in _markers())


def is_example(tokens: list[Token], index: int) -> bool:
    """Whether the word at `index` is introduced as an example by a marker just before it, or
    marked as one right after it ("name@outlook.com (example)": `example_tails`)."""
    if index + 1 < len(tokens) and tokens[index + 1].word in _example_tails():
        return True
    words = [t.word for t in tokens]
    for marker in _markers():
        n = len(marker)
        for start in range(max(0, index - weights().example_reach - n), index - n + 1):
            if tuple(words[start:start + n]) == marker and not _rough(marker, words[start + n:start + n + _ROUGH_REACH]):
                return True
    return False


_ROUGH_REACH = 3  # words after a marker that may hold the span it makes rough ("etwa vor 30 Stunden")


def _rough(marker: tuple[str, ...], after: list[str]) -> bool:
    """Whether a marker that also tells an amount roughly (`approximators`: "etwa") does so here: a span
    of time counted follows it ("vor etwa 30 Stunden", "etwa vor drei Tagen"), no example."""
    return len(marker) == 1 and marker[0] in _folded("approximators") and counted_hours(after) is not None


_ASKED_CLOSE = re.compile(r"\?[\"'“”’‘»«]")  # a question mark right before a closing quotation mark
_OPENING_QUOTES = "\"'„“‘‚»«"
_BEFORE_OPENING = " \t\n(:–-"  # what stands before an opening quotation mark (an apostrophe follows a letter)


_CLOSING_QUOTES = "\"“”»«"
_WORD = re.compile(r"\w+")


def quote_opening(text: str, at: int) -> int | None:
    """The offset of the double quotation mark that opens a quotation offset `at` of `text` lies in,
    or None (no quotation, or one closed before `at`)."""
    opening = next((p for p in range(at - 1, -1, -1) if text[p] in _OPENING_QUOTES and text[p] != "'"
                    and (p == 0 or text[p - 1] in _BEFORE_OPENING) and not text[p + 1].isspace()), None)
    if opening is None or any(c in _CLOSING_QUOTES and c != text[opening] or c == '"' for c in text[opening + 1:at]):
        return None  # not inside: a quotation closed before `at`
    return opening


def _in_quoted_example(text: str, at: int) -> bool:
    """Whether offset `at` of `text` lies in quotation marks that an example marker opens ("Ihre
    Vorlage nennt als Beispiel: „Die Domäne ist verifiziert“", "e.g. \"the junk folder was checked\"")."""
    opening = quote_opening(text, at)
    if opening is None:
        return False
    words = tuple(fold(w) for w in _WORD.findall(text[max(0, opening - 60):opening]))
    for marker in _markers():
        tail = words[-(len(marker) + weights().example_reach):]
        if any(tail[i:i + len(marker)] == marker for i in range(len(tail) - len(marker) + 1)):
            return True
    return False


def in_quoted_question(text: str, at: int) -> bool:
    """Whether offset `at` of `text` lies in a question the writer quotes in quotation marks
    ("Support asked: 'Is the service available in your country?'", "Ihre Frage: „Welche Rolle
    haben Sie im VLSC (z. B. VLSC-Administrator)?“"), or in a quoted example (`_in_quoted_example`):
    what it names is asked or shown, not stated."""
    if not any(q in text for q in "\"„“»«"):
        return _in_asked(text, at)  # most sentences: nothing quoted in double marks
    return _in_asked(text, at) or _in_quoted_example(text, at)


def _in_asked(text: str, at: int) -> bool:
    """Whether offset `at` of `text` lies in a question quoted in quotation marks."""
    if "?" not in text:
        return False  # most sentences: nothing asked
    for m in _ASKED_CLOSE.finditer(text):
        if m.end() <= at:
            continue
        opening = next((p for p in range(m.start() - 1, -1, -1) if text[p] in _OPENING_QUOTES
                        and (p == 0 or text[p - 1] in _BEFORE_OPENING) and not text[p + 1].isspace()), None)
        return opening is not None and opening < at
    return False


def is_question(sentence: str) -> bool:
    """Whether a sentence asks (ends with a question mark)."""
    return sentence.rstrip().rstrip("\"'»«“”)").endswith("?")


@cache
def _pointers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The pointer phrases by their first word."""
    return _phrase_table("pointers")


def points_below(text: str) -> bool:
    """Whether the customer's words point at a quoted or forwarded mail ("see below", "siehe unten")."""
    words = [t.word for t in tokenize(text)]
    pointers = _pointers()
    if pointers.keys().isdisjoint(words):
        return False  # most texts: no word that opens a pointer phrase
    return any(tuple(words[i:i + len(p)]) == p for i, word in enumerate(words) for p in pointers.get(word, ()))


_DATING_AFTER = 8  # words after a pointer at a forwarded mail that may date it ("weitergeleitet, alte Nachricht vom letzten Jahr")
_DATING_BEFORE = 4  # words before it ("last year's forwarded mail")


def _periods() -> dict[str, tuple[tuple[str, ...], ...]]:
    return _phrase_table("bygone_periods")


@cache
def _phrase_table(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for w in lexicon_words(name):
        phrase = tuple(fold(w).split())
        if phrase:
            table.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(found) for first, found in table.items()}


def quoted_of_then(text: str, year: int) -> bool:
    """Whether the customer's own words date the mail they point at to an earlier period ("in the
    forward below from last year", "weitergeleitet, alte Nachricht vom letzten Jahr", "weitergeleitet
    von 2025"; `bygone_periods` or a year before `year`, no finite verb between): its statements were
    true then, no fact of the case now."""
    pointers, periods = _pointers(), _periods()
    stops = frozenset(fold(w) for name in ("finite_verbs", "first_person_subjects") for w in lexicon_words(name))
    for _, sentence in sentences(text):
        tokens = tokenize(sentence)
        words = [t.word for t in tokens]
        if pointers.keys().isdisjoint(words):
            continue
        # a semicolon or a verb or subject of its own opens another statement ("See below; we ordered last year"),
        # not a genitive's "'s" read out as "is" ("last year's forwarded mail": glued to the word before)
        cut = [k for k, t in enumerate(tokens) if t.word in stops and not (k and t.start == tokens[k - 1].end)
               or k and ";" in sentence[tokens[k - 1].end:t.start]]
        for i, word in enumerate(words):
            ends = [i + len(p) for p in pointers.get(word, ()) if tuple(words[i:i + len(p)]) == p]
            if not ends:
                continue
            end = max(ends)
            after = words[end:min([k for k in cut if k >= end] + [end + _DATING_AFTER])]
            before = words[max([k + (words[k] in stops) for k in cut if k < i] + [i - _DATING_BEFORE, 0]):i]
            for near in (after, before):
                if any(len(w) == 4 and w.isdigit() and 1990 < int(w) < year for w in near) or any(
                        tuple(near[k:k + len(p)]) == p for k, w in enumerate(near) for p in periods.get(w, ())):
                    return True
    return False


@cache
def _doubt_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    def folded(name: str) -> frozenset[str]:
        return frozenset(fold(w) for w in lexicon_words(name))
    return folded("truth_words"), folded("doubt_words"), folded("anaphors"), \
        folded("negations") | folded("hedges") | {fold(w).split()[-1] for w in lexicon_words("beliefs")}


def doubts_quoted(text: str) -> bool:
    """Whether the customer's own words doubt what they quote or forward: a word of doubt
    ("das bezweifle ich"), or one that judges truth asked, denied or hedged about what was
    pointed at ("Stimmt das überhaupt?", "Ich kann das nicht nachvollziehen", "not sure
    that is right"). The quoted mail's statements then state nothing: a false fact is worse
    than a question."""
    truth, doubt, pointers, open_words = _doubt_lists()
    for _, sentence in sentences(text):
        words = {t.word for t in tokenize(sentence)}
        if words & doubt:
            return True
        if words & truth and words & pointers and (is_question(sentence) or words & open_words):
            return True
    return False


_ASKED_TRUTH = 5  # words at most in a question that only asks whether what was just said is true


def doubts_asked(sentence: str, tokens: list[Token] | None = None) -> bool:
    """Whether a sentence only asks whether what was just said is true ("Stimmt das überhaupt?",
    "Is that really true?") or doubts it ("Das bezweifle ich"): the sentence before then states
    nothing. A longer question asks more ("That explains the missing mail, right?")."""
    truth, doubt, pointers, _ = _doubt_lists()
    tokens = tokenize(sentence) if tokens is None else tokens
    words = {t.word for t in tokens}
    return bool(words & doubt) or bool(len(tokens) <= _ASKED_TRUTH and words & truth and words & pointers
                                       and is_question(sentence))


_CLOSERS = {"„": "“”\"", "\"": "\"”", "“": "”\"", "»": "«", "«": "»"}  # the marks that close an opening one
_SOURCE_REACH = 80  # characters before a quotation where the source it quotes is named ("In Ihrer FAQ steht:")


def source_passages(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the quotations in double marks whose words the writer names as a text's
    or a belief's right before them ("In Ihrer FAQ steht: „...“", "your help page says: \"...\""; beliefs.yaml):
    every sentence in them, not only the first, is the text's, not told of the case. An unclosed one ends
    at the paragraph's end."""
    if not any(q in text for q in _CLOSERS):
        return []  # most tickets: nothing quoted in double marks
    out: list[tuple[int, int]] = []
    at = 0
    for m in _OPENING_MARK.finditer(text):
        opening = m.start()
        if opening < at:
            continue  # inside the quotation before
        closers = _CLOSERS[text[opening]]
        end = next((p for p, c in enumerate(text[opening + 1:], opening + 1) if c in closers), None)
        if end is None:
            end = text.find("\n\n", opening)
            end = len(text) if end < 0 else end
        before = re.split(r"[.!?]", text[max(0, opening - _SOURCE_REACH):opening])[-1]
        if _names_source([t.word for t in tokenize(before)]):
            out.append((opening, end))
        at = end + 1
    return out


_OPENING_MARK = re.compile(r"(?:^|(?<=[ \t\n(:–-]))[\"„“»«](?=\S)")  # a double mark that opens a quotation (`_BEFORE_OPENING`)


def _names_source(words: list[str]) -> bool:
    """Whether `words` hold a phrase of belief or of a text read (beliefs.yaml)."""
    return has_phrase(words, _phrase_table("beliefs"))
