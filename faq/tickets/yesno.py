"""Reading a yes/no fact from one sentence: the fact's `yes` and `no` cue phrases, found
word by word (`faq.tickets.cuefind`), each stated, denied or left open (`faq.tickets.negation`,
`faq.tickets.withheld`); the most specific cue decides, and cues that disagree leave it open."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from faq.kb.model import Fact
from faq.language.lexicon import folded
from faq.tickets.clauses import spans_clauses
from faq.tickets.compounds import modifier_only
from faq.tickets.cuefind import Cue, cue_mode, find_bracket, find_cue, function_words, word_matches
from faq.tickets.cueindex import TextCues
from faq.tickets.cues import CueLexicon
from faq.tickets.labels import NO_ANSWER, label_answer
from faq.tickets.negation import polarity
from faq.tickets.sentence import Sentence, refuted
from faq.tickets.spread import othered, paired, qualified
from faq.tickets.tokens import Token, negations
from faq.tickets.withheld import recorrected, replacement, unstated

__all__ = ["cue_said", "cue_value"]

_TRIES = 3  # occurrences of a cue tried in one sentence
_NO_SIDE = 1 << 20  # the "no" cues come after the "yes" cues of a fact, as in the flow file


@cache
def _qualifiers() -> tuple[str, ...]:
    return tuple(folded("qualifiers"))


def _qualifier_first(cue: tuple[str, ...]) -> bool:
    """Whether a cue opens with a word that qualifies the next one ("neuen Organisationsnamen")."""
    return len(cue) >= 2 and cue[0].lstrip("=").startswith(_qualifiers())


_STATES: dict[tuple[object, ...], tuple[tuple[Token, ...], bool | None]] = {}
_KEPT = 1024  # cues' states remembered (then forgotten at once)


def _polarity(s: Sentence, span: tuple[int, int], cue: tuple[str, ...]) -> bool | None:
    """`polarity` of a cue found at `span`, remembered: the cues of a fact, and of other facts, are
    found on the same words of a sentence again and again, and a sentence recurs in other tickets
    (its tokens are then the same objects, `tokenize`; kept alive with the answer, so no other
    token takes one's address)."""
    key = (s.text, tuple(map(id, s.tokens)), span, cue, tuple(s.words))
    hit = _STATES.get(key)
    if hit is not None:
        return hit[1]
    state = polarity(s.tokens, s.text, span, cue, s.words)
    if len(_STATES) >= _KEPT:
        _STATES.clear()
    _STATES[key] = (tuple(s.tokens), state)
    return state


_SAID: dict[tuple[object, ...], tuple[tuple[Token, ...], CueLexicon, tuple[tuple[int, int], bool] | None]] = {}
_MARKS = ("mode", "nothing", "nouns", "numbered", "after", "goes_on", "pair_words", "weak")  # what a `Cue` carries


def _governed(cue: tuple[str, ...], s: Sentence, span: tuple[int, int]) -> bool:
    """Whether a pronoun of the cue ("uns als Empfänger") stands after a preposition of place: "bei
    uns", "for us" name a place or a beneficiary, not the cue's object."""
    pronouns, places = folded("object_pronouns"), folded("place_prepositions")
    return any(s.tokens[i].word in pronouns and i > 0 and s.tokens[i - 1].word in places and s.tokens[i].word in cue
               and s.words[i - 1] not in cue for i in range(span[0], span[1] + 1))  # "nicht mehr bei uns" keeps its own


def cue_said(cue: tuple[str, ...], s: Sentence, lex: CueLexicon) -> tuple[tuple[int, int], bool] | None:
    """Return the span and state of the first occurrence of a cue that a sentence states or
    denies; one that is hedged or ill-formed gives way to a later one ("Zuerst dachte ich,
    nicht dieselbe Registrierungsnummer - es ist aber doch dieselbe Registrierung").

    Remembered by the sentence (its text, tokens as in `_polarity`, words and whether the next one
    refutes it) and the cue's words and marks: a fact's phrases written in several ways ("Domäne
    verifiziert", "Domain verifiziert") are often the same cue, and sentences recur in other tickets."""
    stop = getattr(cue, "stop", None)
    key = (s.text, tuple(map(id, s.tokens)), s.refuted, tuple(s.words), id(lex), type(cue), tuple(cue),
           stop, stop is lex.stop, *(getattr(cue, mark, None) for mark in _MARKS))
    hit = _SAID.get(key)
    if hit is not None and hit[1] is lex:
        return hit[2]
    said = _cue_said(cue, s, lex)
    if len(_SAID) >= _KEPT:
        _SAID.clear()
    _SAID[key] = (tuple(s.tokens), lex, said)
    return said


def _next_try(s: Sentence, span: tuple[int, int]) -> int:
    """Where the next try for a cue begins after one found at `span`: past it, or, when a semicolon
    parts it, at the clause after the semicolon ("Reserviert haben wir; wirksam ist die Reservierung
    nicht": the second clause holds the cue's words on its own)."""
    after = [i for i in range(span[0] + 1, span[1] + 1) if ";" in s.text[s.tokens[i - 1].end:s.tokens[i].start]]
    return after[-1] if after else span[1] + 1


def _cue_said(cue: tuple[str, ...], s: Sentence, lex: CueLexicon) -> tuple[tuple[int, int], bool] | None:
    start = 0
    for _ in range(_TRIES):
        words = s.words if start == 0 else s.words[start:]
        found = find_cue(cue, words, skippable=lex.stop)
        if found is None and start == 0:
            found = find_bracket(cue, s.words, s.tokens, s.text)
        if found is None:
            return None
        span = (found[0] + start, found[1] + start)
        start = _next_try(s, span)
        crosses = spans_clauses(s.tokens, s.words, s.text, span, cue)
        if crosses and (inner := _within_clause(cue, s, lex, span)) is not None:
            span, crosses = inner, False  # found again within one clause
        elif crosses:
            start = span[0] + 1  # the later clause may hold all the cue's words: "Quarantäne geprüft, den Junk-Ordner hat keiner angeschaut"
        if s.bracketed(span, cue) or crosses \
                or (_qualifier_first(cue) and not qualified(cue[:2], s.words, span, lex)) or othered(cue, s.words, span, lex) \
                or (getattr(cue, "nothing", False) and not any(t.word in lex.nothing for t in s.tokens[span[0]:span[1] + 1])) \
                or s.corrected(span[1]) or s.countries_apart(cue, lex) or s.another_person(span, cue, lex) \
                or s.denied_for_another(span) or modifier_only(cue, s.words, s.tokens, s.text, span) or _governed(cue, s, span):
            continue  # a cue's words never stand in two main clauses or coordinated phrases, nor in and out of brackets;
            # what the writer corrects later in the sentence ("nicht verifiziert - Korrektur: doch verifiziert") is withdrawn
        state = _polarity(s, span, cue)
        if unstated(cue, s, span, state):
            continue  # avoided, unanswerable, one kind or a mistake denied (faq.tickets.withheld)
        answered = label_answer(s, span)
        if answered is not NO_ANSWER:
            state = None if answered is None or state is None else (state == answered)
        if state is not None and not refuted(s, span[1]):
            return span, state
        if start >= len(s.words):
            return None
    return None


def _within_clause(cue: tuple[str, ...], s: Sentence, lex: CueLexicon, span: tuple[int, int]) -> tuple[int, int] | None:
    """The cue's words found again before the last word of a `span` that reaches across clauses, when
    they then stand in one clause: "Die Domäne, die wir 2023 verifiziert haben, ist die Domäne unseres
    OSM" pairs the verb with the noun its relative clause describes, not with the one after it."""
    found = find_cue(cue, s.words[:span[1]], skippable=lex.stop)
    if found is None or found[1] >= span[1] or spans_clauses(s.tokens, s.words, s.text, found, cue):
        return None
    return found


def _replaced_by_another(fact: Fact, lang: str, s: Sentence, span: tuple[int, int], cue: tuple[str, ...],
                         cues: CueLexicon | TextCues) -> bool:
    """Whether a denied "yes" cue has its place taken by the words another "yes" cue of the fact, of the
    same first word, adds ("not a global admin, only a billing admin"; `faq.tickets.withheld.replacement`)."""
    neg = next((i for i in range(span[0], span[1] + 1) if s.tokens[i].neg), span[0])
    place = replacement(s, (neg, neg))  # the clause after the denial's: "kein globaler Admin, nur Abrechnungsadmin"
    if place is None:
        return False
    rest = s.words[place[0]:place[1] + 1]
    own = set(cue)
    for _, group in cues.cue_groups(fact.cues.yes, lang):
        for _, other in group:
            if other[0] != cue[0]:
                continue  # another subject ("mailbox global admin"), not another predicate of the same one
            extra = [c for c in other if c not in own and c not in function_words()]
            if extra and all(any(word_matches(c, w) for w in rest) for c in extra):
                return True
    return False


def cue_value(fact: Fact, lang: str, s: Sentence, lex: CueLexicon,
               text: TextCues | None = None, without: tuple[tuple[int, int], ...] = ()) -> tuple[bool, int, tuple[int, int]] | None:
    """Return (value, specificity, span) of what a sentence says about a yes/no fact, or None.

    A paired cue counts when the sentence states both its halves ("Basisabo über die alte
    Registrierung, das Add-on über die neue Registrierung").
    Two cues of the same kind found on overlapping words, one negated and one not
    ("not a global or billing admin" read as "global ... admin" and "billing admin"),
    leave the fact open: the reader is unsure, and a false fact is worse than a question.
    `text`, the cues of the sentence's whole text, spares looking for those it lacks; a cue found on
    a span of `without` (readings the caller set aside) is left out.

    Remembered by the fact, the sentence (as `cue_said` remembers it) and what is left out: a sentence
    recurs in other tickets (a greeting, a form's line, a template's).
    """
    words = s.words
    memo = words.memo  # the words' hits so far: a look there spares a call
    if text is not None and ":" not in s.text and not any(
            at if (at := memo.get(first)) is not None else words.hits(first) for first in text.first_words(fact, lang)):
        return None  # no cue, paired cue or label of the fact can stand in the sentence: most sentences
    key = (id(fact), lang, id(lex), s.text, tuple(map(id, s.tokens)), tuple(words), words.alternatives, s.refuted, without,
           text is None)
    hit = _VALUES.get(key)
    if hit is not None and hit[0] is fact and hit[1] is lex:
        return hit[3]
    value = _cue_value(fact, lang, s, lex, text, without)
    if len(_VALUES) >= _KEPT:
        _VALUES.clear()
    _VALUES[key] = (fact, lex, tuple(s.tokens), value)
    return value


_VALUES: dict[tuple[object, ...], tuple[Fact, CueLexicon, tuple[Token, ...], tuple[bool, int, tuple[int, int]] | None]] = {}


def _cue_value(fact: Fact, lang: str, s: Sentence, lex: CueLexicon, text: TextCues | None,
               without: tuple[tuple[int, int], ...]) -> tuple[bool, int, tuple[int, int]] | None:
    """`cue_value` worked out."""
    words = s.words
    memo, cues = words.memo, text or lex
    found: list[tuple[tuple[int, int], bool, tuple[int, int]]] = []
    seen: list[tuple[bool, bool, tuple[int, int]]] = []  # kind of cue, its state, its span
    order: list[int] = []  # the cues' places in their table: equally ranked ones keep it
    for stated, table in ((True, fact.cues.yes), (False, fact.cues.no)):
        for first, group in cues.cue_groups(table, lang):  # cues by first word: one look for all of them
            at = memo.get(first)
            if not (at if at is not None else words.hits(first)):
                continue
            for index, cue in group:
                if not words.holds(cue[1:]):  # every word of a cue stands in the sentence, or the cue is not there
                    continue
                said = cue_said(cue, s, lex)
                if said is None and s.correction_end:
                    said = recorrected(cue, s, lex)
                if said is None:
                    continue
                span, state = said
                if stated and not state and _replaced_by_another(fact, lang, s, span, cue, text or lex):
                    continue  # "kein globaler Admin, nur Abrechnungsadministrator": another "yes" takes its place
                if any(kind == stated and was != state and lo <= span[1] and span[0] <= hi
                       for kind, was, (lo, hi) in seen):
                    return None
                seen.append((stated, state, span))
                # More words first, then the tighter match: "gleichen Organisationsnamen"
                # beats "neue Registrierung ... Organisationsnamen" read as "neuen Organisationsnamen".
                found.append(((1 if getattr(cue, "weak", False) else len(cue), span[0] - span[1]), stated if state else not stated, span))
                order.append(index if stated else index + _NO_SIDE)
    if len(found) > 1:
        found = [f for _, f in sorted(zip(order, found), key=lambda p: p[0])]
    found.extend(paired(fact, lang, s, lex, cue_said, text))
    if without:
        found = [f for f in found if f[2] not in without]
    if not found:
        return _denied_label(fact, lang, s, lex)
    top = max(rank for rank, _, _ in found)
    values = {v for rank, v, _ in found if rank == top}
    if len(values) != 1:
        return None  # equally specific cues disagree: the sentence states nothing sure
    span = next(sp for rank, _, sp in found if rank == top)
    value = values.pop()
    if any(v != value and (sp[1] < span[0] or span[1] < sp[0]) for _, v, sp in found):
        return None  # cues on other words disagree ("not a global admin, just a billing admin")
    return value, top[0], span


def _denied_label(fact: Fact, lang: str, s: Sentence, lex: CueLexicon) -> tuple[bool, int, tuple[int, int]] | None:
    """A label made of a "no" cue's words without its negation, answered no: "OSM admin of existing
    account: no" says what "OSM not admin" says. Answered yes it states nothing (the "no" cue's words
    need not name the "yes" cues' roles: "OSM admin: yes" is no global admin)."""
    if ":" not in s.text:
        return None
    for bare in lex.derive("denied_labels", fact.cues.no, lang, lambda: _label_cues(fact.cues.no, lang, lex)):
        if not s.words.holds(bare):
            continue
        span = find_cue(bare, s.words, skippable=lex.stop)
        if span is not None and not spans_clauses(s.tokens, s.words, s.text, span, bare) \
                and not any(t.neg for t in s.tokens[span[0]:span[1] + 1]) and _only_where(s, span[1], lex) \
                and label_answer(s, span) is False:
            return False, len(bare), span
    return None


def _label_cues(table: Mapping[str, tuple[str, ...]], lang: str, lex: CueLexicon) -> tuple[Cue, ...]:
    """The "no" cues of a phrase table that hold a negation, without it (`_affirmed`), of two words
    at least: the labels `_denied_label` looks for, worked out once per table and language."""
    return tuple(bare for cue in lex.cues(table, lang) if any(w in negations() for w in cue)
                 and len(bare := _affirmed(cue, lex)) >= 2)


def _only_where(s: Sentence, last: int, lex: CueLexicon) -> bool:
    """Whether the words after token `last` up to the label's colon only name where the role holds
    (`label_objects`, the account's names): "OSM admin of existing tenant: no", not "OSM admin address verified: no"."""
    colon = s.text.find(":", s.tokens[last].end)
    if colon < 0 or "\n" in s.text[s.tokens[last].end:colon]:
        return False
    allowed, account = folded("label_objects"), lex.word("konto")
    return all(t.word in allowed or lex.word(t.word) == account for t in s.tokens[last + 1:] if t.start < colon)


@cache
def _affirmed_cues(cue: tuple[str, ...], stop: frozenset[str]) -> Cue:
    bare = Cue(w for w in cue if w not in negations())
    bare.mode, bare.stop = cue_mode(bare, stop), stop
    return bare


def _affirmed(cue: tuple[str, ...], lex: CueLexicon) -> Cue:
    """A "no" cue's words without its negation, found as a plain cue."""
    return _affirmed_cues(tuple(cue), lex.stop)
