"""A pronoun that is a clause's subject, read as the one thing or person it points back at.

"Die Reservierung haben wir am 18.11. angelegt. Wirksam geworden ist sie bis heute nicht" says
the reservation is not effective; "We added seats under the same enrollment. It was hooked up to
our tenant in 2024" that the enrollment is linked; "Our OSM is a@x.de. She is also the billing
admin" that the OSM is an admin. The pronoun stands next to a singular finite verb (a subject, and
German "sie" one, not "they"; a demonstrative with "Person", "this person", counts as one, pointing_persons); what it points at is the one thing or person of its kind named
before it in its sentence (the OSM only: "We entered our CFO as OSM; she's the billing admin") or
else in the sentence before. Two candidates ("the order and the mail ... It") leave it a pronoun:
unsure, so no fact is read through it; so does a thing named before it in its own clause, where
a cue finds the noun itself (a second one would pair with words across the clause border); one named in
an earlier clause of its sentence is read ("Reservierung gestern aufgegeben, wirksam ist sie noch nicht").
"""

from __future__ import annotations

from functools import cache, lru_cache

from faq.language.lexicon import folded, words
from faq.language.normalize import fold
from faq.tickets.borders import clause_bounds
from faq.tickets.cuefind import word_matches
from faq.tickets.cues import CueLexicon
from faq.tickets.persons import osm_spans
from faq.tickets.sentence import Sentence

__all__ = ["refer_governed", "refer_labels", "refer_to_subjects"]


@cache
def _referents(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The people and the things a pronoun of the ticket's language may point at (its gender's)."""
    return tuple(fold(w) for w in words("person_referents", lang)), tuple(fold(w) for w in words("thing_referents", lang))


def _named(s: Sentence, end: int, kinds: tuple[tuple[str, ...], ...], lex: CueLexicon, heads: tuple[str, ...] = ()) -> set[str]:
    """The referents of `kinds` that the sentence names before token `end` (canonical words), those
    of `heads` also as a compound's last part ("Aktivierungsmail": a mail)."""
    osm = lex.word("osm")
    found = {osm for lo, _ in osm_spans(s, osm, lex) if lo < end}
    units = folded("licence_units")  # "seats" are licences, but never what "it" points at
    nouns = _nouns(kinds, lex)
    for i in range(min(end, len(s.tokens))):
        if s.tokens[i].word not in units:
            found.update(_referred(nouns, heads, s.words[i], s.tokens[i].word))
    return found


@lru_cache(maxsize=64)
def _nouns(kinds: tuple[tuple[str, ...], ...], lex: CueLexicon) -> tuple[tuple[str, str], ...]:
    """Each noun of `kinds` with its canonical word, once per kinds and lexicon."""
    return tuple((noun, lex.word(noun)) for kind in kinds for noun in kind)


@lru_cache(maxsize=8192)
def _referred(nouns: tuple[tuple[str, str], ...], heads: tuple[str, ...], word: str, raw: str) -> tuple[str, ...]:
    """The canonical words of the `nouns` that a sentence's word names (canonical `word`, folded `raw`), those of
    `heads` also as a compound's last part ("Aktivierungsmail": a mail); remembered, as words recur."""
    return tuple(canon for noun, canon in nouns if word == canon or word_matches(noun, word) or word_matches(canon, word)
                 or noun in heads and raw.endswith(noun))


_HEAD = 6  # letters of a thing read as a compound's last part: not "mail", whose pronoun cues keep ("im Spam ist sie nicht")


def _closing_verb(s: Sentence, i: int, verbs: frozenset[str]) -> bool:
    """Whether the pronoun at `i` opens a subordinate clause ("dass sie an Herrn Albers ging") that a
    singular verb closes: the pronoun is its subject."""
    if i == 0 or s.tokens[i - 1].word not in folded("complementizers"):
        return False
    end = clause_bounds(s.tokens, s.text, i, i)[1]
    return end > i and s.tokens[end].word in verbs


_SUBJECT_AT = 2  # words at most before the noun that opens a sentence as its subject ("Our enrollment was")


def _opening_subject(s: Sentence, i: int, objects: tuple[str, ...], lex: CueLexicon, heads: tuple[str, ...]) -> str | None:
    """The thing a sentence opens with as the subject of its first clause ("Our enrollment was
    activated against our account last year, so it is linked"), if the thing pronoun at `i` is the
    subject of a later clause that draws a consequence (`consequence_words`): a subject pronoun
    carries the subject on, and the noun, in another clause, is out of a cue's reach. None when the
    sentence opens otherwise."""
    determiners, verbs = folded("determiners"), folded("singular_verbs")
    start = clause_bounds(s.tokens, s.text, i, i)[0]
    if start <= _SUBJECT_AT + 1 or s.tokens[start].word not in folded("consequence_words"):
        return None  # only a clause drawing a consequence ("so it is linked") carries the subject on
    for j in range(_SUBJECT_AT + 1):
        named = _named(s, j + 1, (objects,), lex, heads)
        if named:
            ok = all(s.tokens[k].word in determiners for k in range(j)) and s.tokens[j + 1].word in verbs
            return named.pop() if ok and len(named) == 1 else None
    return None


def _earlier_clause(s: Sentence, i: int, named: set[str], kinds: tuple[tuple[str, ...], ...], lex: CueLexicon,
                   heads: tuple[str, ...]) -> str | None:
    """The one thing named before the clause of the thing pronoun at `i`, when the pronoun is the subject of a
    later clause of the sentence that names none of its kind ("Reservierung am 24.11. aufgegeben, wirksam ist
    sie noch nicht"): the noun is out of a cue's reach there. None when the pronoun's own clause names one."""
    lo = clause_bounds(s.tokens, s.text, i, i)[0]
    if lo == 0 or len(named) != 1 or _named(s, lo, kinds, lex, heads) != named:
        return None
    return next(iter(named))


def refer_to_subjects(analysed: list[Sentence], lex: CueLexicon, lang: str) -> None:
    """Read each subject pronoun as the one person or thing it points back at (see the module)."""
    people, things = folded("person_pronouns"), folded("thing_pronouns")
    pointing = {tuple(p.split()) for p in folded("pointing_persons")}
    nouns = {noun for _, noun in pointing}
    verbs = folded("singular_verbs")
    persons, objects = _referents(lang)
    demonstratives = folded("identifying_demonstratives")
    osm = lex.word("osm")
    before: Sentence | None = None
    for s in analysed:
        tokens = s.tokens
        for i, t in enumerate(tokens):
            person = t.word in people or t.word in nouns and i > 0 and (tokens[i - 1].word, t.word) in pointing \
                or t.word in demonstratives and _identifies(s, i, persons)  # "das ist der globale Admin"
            # "This person is also billing admin": as a person pronoun
            if not person and t.word not in things or s.text[t.start:t.end].isupper() and len(t.word) > 1:
                continue  # "IT" is the department
            if not (i + 1 < len(tokens) and tokens[i + 1].word in verbs or i > 0 and tokens[i - 1].word in verbs
                    or _closing_verb(s, i, verbs)):
                continue
            kinds = ((persons,) if person else ()) + ((objects,) if t.word in things else ())
            heads = tuple(n for n in objects if len(n) >= _HEAD) if t.word in things else ()
            named = _named(s, i, kinds, lex, heads)
            if named and named != {osm}:
                subject = _opening_subject(s, i, objects, lex, heads) if t.word in things else None
                if subject is None and t.word in things:
                    subject = _earlier_clause(s, i, named, kinds, lex, heads)
                if subject is None:
                    continue  # a thing named in its own clause is there for a cue to find
                named = {subject}
            if not named and before is not None:
                named = _named(before, len(before.tokens), kinds, lex, heads)
            if len(named) == 1:
                s.words[i] = named.pop()
        before = s


_ROLE_REACH = 9  # words at most between a demonstrative's copula and the person's role it names


def _identifies(s: Sentence, i: int, persons: tuple[str, ...]) -> bool:
    """Whether the demonstrative at `i` opens a clause that names a person's role: a copula right
    after it, then a person referent within `_ROLE_REACH` words of the same clause (no punctuation
    between: "das ist bei uns seit Jahren der globale Administrator", not "das ist seltsam, unser Admin ...")."""
    tokens = s.tokens
    if i + 1 >= len(tokens) or tokens[i + 1].word not in folded("copulas"):
        return False
    for t in tokens[i + 2:i + 2 + _ROLE_REACH]:
        if any(ch in ",;:()–—?!" for ch in s.text[tokens[i].end:t.start]):
            return False
        if any(word_matches(p, t.word) for p in persons):
            return True
    return False


def refer_governed(analysed: list[Sentence], lex: CueLexicon, lang: str) -> None:
    """Read a demonstrative that a preposition governs and a finite verb follows ("– über die haben
    wir 2025 schon Dienste aktiviert"; `governed_demonstratives`) as the one thing named before it in
    its sentence, or else in the sentence before: the noun itself stands in another clause, out of
    a cue's reach. Two things named leave it a pronoun."""
    demonstratives = folded("governed_demonstratives")
    prepositions, verbs = folded("prepositions"), folded("finite_verbs")
    _, objects = _referents(lang)
    heads = tuple(n for n in objects if len(n) >= _HEAD)
    before: Sentence | None = None
    for s in analysed:
        tokens = s.tokens
        for i in range(1, len(tokens) - 1):
            if tokens[i].word not in demonstratives or tokens[i - 1].word not in prepositions \
                    or tokens[i + 1].word not in verbs:
                continue
            named = _named(s, i - 1, (objects,), lex, heads)
            if not named and before is not None:
                named = _named(before, len(before.tokens), (objects,), lex, heads)
            if len(named) == 1:
                s.words[i] = named.pop()
        before = s


def _label_end(s: Sentence) -> int | None:
    """The index of the last word of the sentence's label ("Reservierung: vor 5 Tagen"), or None."""
    colon = s.text.find(":")
    if colon < 0 or "\n" in s.text[:colon]:
        return None
    inside = [i for i, t in enumerate(s.tokens) if t.end <= colon]
    return inside[-1] if 0 < len(inside) <= _LABEL_WORDS else None


_LABEL_WORDS = 3  # words at most of a label


def refer_labels(analysed: list[Sentence]) -> None:
    """Read a generic label ("Status:", "Stand:"; `generic_labels`) in a run of label lines as the thing
    the label above names: "Reservierung: vor 5 Tagen" above "Status: noch immer nicht verarbeitet"
    tells the reservation's status."""
    generic = folded("generic_labels")
    for before, s in zip(analysed, analysed[1:]):
        end, above = _label_end(s), _label_end(before)
        if end == 0 and above is not None and s.tokens[0].word in generic and before.tokens[above].word not in generic:
            s.words[0] = before.words[above]
