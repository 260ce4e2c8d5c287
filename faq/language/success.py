"""A success told: a clause whose predicate says that something worked, arrived, is visible or is done.

"Die Aktivierung hat geklappt", "die Lizenzen tauchen im Admin Center auf", "the licences are assigned
now, all good" state no problem. A clause tells a success when it holds a word or phrase of
`knowledge/language/success_words.yaml` and no problem word (problem_words.yaml: "done with the wrong
account") nor a word of negations.yaml, colloquial_negations.yaml, conditionals.yaml, hopes.yaml,
hedges.yaml or success_blockers.yaml ("nicht angekommen", "falls sie angekommen ist", "should have
arrived"); it is not asked (it opens with a question word, interrogatives.yaml; a sentence ending in "?"
tells only before a last part that opens as a question, question_openers.yaml); and it is not a label
before a colon ("Lizenzen sichtbar: nein" answers it). Clauses are parted by punctuation and the words
of clause_breaks.yaml.

A sentence tells only a success when it tells one, asks nothing and holds no problem word nor a
contrast or a whereabouts question (`only_success`; contrasts.yaml, whereabouts.yaml). The ticket
reader reads such a sentence as one that never decides a ticket's topic (`faq.tickets.topic`,
`faq.tickets.statedtopic`). One whose every clause tells a success (`success_throughout`) tells no setting
either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold, words

__all__ = ["SuccessWords", "only_success", "success_throughout", "success_words", "tells_success"]

_SENTENCE = re.compile(r"(?<=[.!?;\n])\s+|\n")
_PART = re.compile(r"[,:;()–—]|\s-\s")


@dataclass(frozen=True)
class SuccessWords:
    """The word lists of a success told, folded and spaced (" wort ")."""

    predicates: tuple[str, ...]
    blockers: frozenset[str]
    blocking_phrases: tuple[str, ...]
    breaks: frozenset[str]
    openers: frozenset[str]
    question_openers: frozenset[str]
    problems: tuple[str, ...]  # problem words (problem_words.yaml), spaced; a "*" word by its beginning, " fehl"
    contrasts: tuple[str, ...]  # contrasts.yaml, whereabouts.yaml, spaced: "aber", "but", "where are" doubt a success
    free: tuple[str, ...] = ()  # problem_free.yaml, spaced: "problemlos" holds a problem word's letters, yet tells a success


@cache
def success_words() -> SuccessWords:
    """Return the lists of knowledge/language that read a success told, loaded once."""
    def spaced(name: str) -> tuple[str, ...]:
        return tuple(f" {' '.join(words(fold(w)))} " for w in lexicon_words(name))

    blocking = [p for name in ("negations", "colloquial_negations", "conditionals", "hopes", "hedges", "success_blockers")
                for p in spaced(name)]
    return SuccessWords(
        predicates=spaced("success_words"),
        blockers=frozenset(p.strip() for p in blocking if " " not in p.strip()),
        blocking_phrases=tuple(p for p in blocking if " " in p.strip()),
        breaks=frozenset(p.strip() for p in spaced("clause_breaks")),
        openers=frozenset(p.strip() for p in spaced("interrogatives")),
        question_openers=frozenset(p.strip() for p in spaced("question_openers")),
        problems=tuple(f" {fold(w)[:-1]}" if w.endswith("*") else f" {' '.join(words(fold(w)))} "
                       for w in lexicon_words("problem_words") if not w.startswith("*")),
        contrasts=spaced("contrasts") + spaced("whereabouts"),
        free=tuple(sorted(spaced("problem_free"), key=len, reverse=True)))


def _clauses(sentence: str) -> list[tuple[list[str], bool]]:
    """The clauses of `sentence` as folded words, each with whether it is a label (a colon follows it)."""
    out: list[tuple[list[str], bool]] = []
    pieces = _PART.split(sentence)
    marks = _PART.findall(sentence)
    breaks = success_words().breaks
    for i, piece in enumerate(pieces):
        label = i < len(marks) and marks[i] == ":" and bool(words(pieces[i + 1]))  # "sichtbar: nein"
        clause: list[str] = []
        for word in words(fold(piece)):
            if word in breaks and clause:
                out.append((clause, False))
                clause = []
            clause.append(word)
        if clause:
            out.append((clause, label))
    return out


def _told(clause: list[str]) -> bool:
    """Whether one clause's words tell a success (the module's rule, but for the question mark)."""
    known = success_words()
    if not clause or clause[0] in known.openers or any(w in known.blockers for w in clause):
        return False
    spaced = f" {' '.join(clause)} "
    return any(p in spaced for p in known.predicates) \
        and not any(p in _without_free(spaced) for p in (*known.blocking_phrases, *known.problems))


def _without_free(spaced: str) -> str:
    """Spaced words without those that say nothing went wrong ("problemlos geklappt": no problem word)."""
    for free in success_words().free:
        spaced = spaced.replace(free, " ")
    return spaced


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _asks(sentence: str) -> bool:
    return sentence.rstrip("\"'”“»«)] ").endswith("?")


def _told_in(sentence: str) -> bool:
    """Whether a clause of `sentence` tells a success: a question tells only before a last part of its own
    that opens as a question does (question_openers.yaml, interrogatives.yaml: "Die Aktivierung hat
    geklappt, was muss ich jetzt tun?"), and not in a clause that opens so ("Ist die Mail angekommen, oder
    muss ich warten?" asks whole)."""
    clauses = _clauses(sentence)
    if _asks(sentence):
        last = words(fold(_PART.split(sentence)[-1]))
        known = success_words()
        if not last or last[0] not in known.question_openers | known.openers:
            return False  # "Bleiben die Daten erhalten, wenn ...?": the whole sentence asks
        clauses = [(c, label) for c, label in clauses[:-1] if c[0] not in known.question_openers]
    return any(not label and _told(c) for c, label in clauses)


def tells_success(text: str) -> bool:
    """Return whether some clause of `text` tells a success (the module's rule)."""
    return any(_told_in(s) for s in _sentences(text))


def only_success(sentence: str) -> bool:
    """Return whether `sentence` tells a success and no problem: it does not ask, no clause of it is a label,
    opens with a question word or holds a blocker (a negation, a condition, a hedge), it holds no problem word
    (problem_words.yaml: "fehlen", "abgelaufen") nor a contrast (contrasts.yaml), and a clause tells a success."""
    if _asks(sentence):
        return False
    clauses = _clauses(sentence)
    known = success_words()
    if any(label or c[0] in known.openers or any(w in known.blockers for w in c) for c, label in clauses):
        return False  # "where are my licences, activation went fine" asks
    spaced = _without_free(f" {' '.join(w for c, _label in clauses for w in c)} ")
    return not any(p in spaced for p in (*known.problems, *known.contrasts)) and any(_told(c) for c, _label in clauses)


def success_throughout(sentence: str, salutations: frozenset[str]) -> bool:
    """Return whether `sentence` tells only a success (`only_success`) and nothing else: each clause of it
    tells one or holds only words of `salutations` ("Hi, the activation went fine and the licences show up";
    not "Renewal done, same org name on the paperwork": that tells a setting too)."""
    return only_success(sentence) and all(_told(c) or salutations.issuperset(c) for c, _label in _clauses(sentence))
