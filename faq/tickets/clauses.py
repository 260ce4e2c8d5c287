"""Whether a cue found in a sentence reaches across clauses or coordinated statements: then
its words say nothing together ("Ich bin globaler Administrator ..., der OSM ist aber unser
Einkäufer"). The words that make clauses are data in `knowledge/language/` (finite_verbs,
coordinators, determiners, relative_openers, prepositions, resumptive_pronouns,
corrective_contrasts, clause_subjects)."""

from __future__ import annotations

from faq.language.lexicon import folded as _folded
from faq.tickets.cuefind import word_matches
from faq.tickets.tokens import Token, negations

__all__ = ["spans_clauses"]


def _joins_phrases(words: list[str], span: tuple[int, int]) -> bool:
    """Whether a cue's span reaches across a coordinator that opens a new statement: one
    followed by a determiner, with a finite verb on both sides ("OSM ist it@… und unser
    globaler Admin ist Priya"; "global and billing admin", "in den Junk-Ordner und die
    Mailfilter habe ich nicht geschaut" and "haben verlängert und die neue ... unterschrieben"
    are one statement each)."""
    joins, openers, verbs = _folded("coordinators"), _folded("determiners"), _folded("finite_verbs")
    return any(words[i] in joins and words[i + 1] in openers and any(w in verbs for w in words[span[0]:i])
               and any(w in verbs for w in words[i + 2:]) for i in range(span[0] + 1, span[1]))


_CLAUSE_MARKS = frozenset(",;–—()|")
_MARK_CHARS = (*_CLAUSE_MARKS, "-")  # what a text parting clauses holds: a clause mark or a dash


def _marks(gap: str) -> bool:
    """Whether the text between two words parts clauses: a clause mark, or a spaced hyphen used
    as a dash ("aufgegeben - das stimmt aber nicht"; not "Junk-Ordner")."""
    return any(ch in _CLAUSE_MARKS for ch in gap) or gap.strip() == "-" and gap != "-"


def _across_clauses(tokens: list[Token], words: list[str], text: str, span: tuple[int, int], cue: tuple[str, ...]) -> bool:
    """Whether a cue's words stand in two clauses that each have a finite verb of their own
    ("Ich bin globaler Administrator ..., der OSM ist aber unser Einkäufer": nothing said of
    the OSM as admin; "Unser OSM, it@…, ist globaler Admin" is one clause, and so is a clause
    a pronoun opens that takes up the thing before: "Reservierung angelegt, sie ist wirksam")."""
    verbs = _folded("finite_verbs")
    segment, has_verb, holds = 0, {0: False}, set()
    for i in range(span[0], span[1] + 1):
        if i > span[0] and _marks(text[tokens[i - 1].end:tokens[i].start]) \
                and not _relative(tokens, words, i, cue) and tokens[i].word not in _folded("resumptive_pronouns"):
            segment += 1
            has_verb[segment] = tokens[i].word in _folded("clause_subjects")  # "..., we placed a reservation"
        if words[i] in verbs or tokens[i].word in verbs:
            has_verb[segment] = True
        if any(word_matches(c, words[i]) for c in cue):
            holds.add(segment)
    if len(holds) < 2:
        return False
    # A clause's verb may stand outside the span: look to the borders of the first and last.
    first, last = min(holds), max(holds)
    if not has_verb[first]:
        j = span[0] - 1
        while j >= 0 and not _marks(text[tokens[j].end:tokens[j + 1].start]):
            has_verb[first] = has_verb[first] or tokens[j].word in verbs
            j -= 1
    if not has_verb[last]:
        j = span[1] + 1
        while j < len(tokens) and not _marks(text[tokens[j - 1].end:tokens[j].start]):
            has_verb[last] = has_verb[last] or tokens[j].word in verbs
            j += 1
    return sum(1 for g in holds if has_verb[g]) >= 2


def _elliptic_denial(tokens: list[Token], words: list[str], text: str, span: tuple[int, int], cue: tuple[str, ...]) -> bool:
    """Whether a cue's words reach into a part of the sentence, after a clause mark, that sets
    itself against what precedes, or opens with a conjunction of its own ("deshalb"), and denies,
    its predicate left out: "Ich bin globaler Administrator, der OSM aber nicht" says nothing of
    the OSM as an administrator."""
    contrasts, verbs = _folded("contrasts"), _folded("finite_verbs")
    for i in range(span[0] + 1, span[1] + 1):
        if not _marks(text[tokens[i - 1].end:tokens[i].start]):
            continue
        j, seen = i, set()
        while j < len(tokens):
            seen |= {"contrast"} if tokens[j].word in contrasts else {"denial"} if tokens[j].neg else set()
            if tokens[j].word in verbs:
                seen.add("verb")
            if j <= span[1] and any(word_matches(c, words[j]) for c in cue):
                seen.add("cue")
            if j + 1 < len(tokens) and _marks(text[tokens[j].end:tokens[j + 1].start]):
                break
            j += 1
        if "verb" not in seen and {"denial", "cue"} <= seen and ("contrast" in seen or tokens[i].word in _folded("clause_breaks")):
            return True  # "..., deshalb auch keine Lizenzen in der Lizenzzusammenfassung": a denial of its own
    return False


def _relative(tokens: list[Token], words: list[str], i: int, cue: tuple[str, ...]) -> bool:
    """Whether the clause from token `i` is a relative clause of the cue's noun just before it
    ("in einem Land, in dem der Dienst nicht angeboten wird"; the clause's last verb may stand
    between: "in einem Land eingerichtet, in dem ...")."""
    if not any(word_matches(c, words[j]) for c in cue for j in range(max(0, i - 2), i)):
        return False
    openers = _folded("relative_openers")
    return tokens[i].word in openers or (i + 1 < len(tokens) and tokens[i].word in _folded("prepositions")
                                         and tokens[i + 1].word in openers)


def _replaces(tokens: list[Token], words: list[str], text: str, span: tuple[int, int], cue: tuple[str, ...]) -> bool:
    """Whether a word that puts one thing in the place of another or against it (corrective_contrasts,
    contrasts) parts a cue's words, a denied one before it and one after: "nichts *bestellt*,
    sondern eine Reservierung *aufgegeben*" states no order, "not *activated* for our tenant but
    for a *test* tenant" nothing of a test tenant. A denial before it that holds no cue word
    leaves the cue whole: "Domain nicht in einem fremden Tenant, sondern in unserem verifiziert". So does
    a focus particle opening a clause: "not a global *admin*, just a *billing* admin"."""
    corrective = _folded("corrective_contrasts") | _folded("contrasts")  # "not activated for X but for a test tenant"
    focus = _folded("focus_particles")
    for i in range(span[0] + 1, span[1]):
        focused = tokens[i].word in focus and "," in text[tokens[i - 1].end:tokens[i].start]
        if tokens[i].word not in corrective and not focused:
            continue
        neg = next((j for j in range(i - 1, -1, -1) if tokens[j].neg), None)
        if neg is not None and any(word_matches(c, words[k]) for c in cue for k in range(max(neg + 1, span[0]), i)) \
                and any(word_matches(c, words[k]) for c in cue for k in range(i + 1, span[1] + 1)):
            return True
    return False


def spans_clauses(tokens: list[Token], words: list[str], text: str, span: tuple[int, int], cue: tuple[str, ...]) -> bool:
    """Whether a cue found at `span` reaches across clauses or coordinated statements (then it
    states nothing): a semicolon, a word that puts one thing in the place of another ("sondern",
    "instead"; corrective_contrasts), a coordinator opening a new statement, or two clauses
    with verbs of their own. A cue that carries its own negation ("nicht im Spam") keeps it
    within its clause: no comma between its words ("kam nicht an, den Spam-Ordner ...")."""
    between = text[tokens[span[0]].end:tokens[span[1]].start]
    marked = any(ch in between for ch in _MARK_CHARS)  # else no gap inside the span parts clauses (`_marks`)
    return ";" in between or _replaces(tokens, words, text, span, cue) or marked and _elliptic_denial(tokens, words, text, span, cue) \
        or ("," in between and any(w in negations() for w in cue)) or _joins_phrases(words, span) \
        or marked and _across_clauses(tokens, words, text, span, cue) or _left_behind(tokens, words, text, span, cue)


def _left_behind(tokens: list[Token], words: list[str], text: str, span: tuple[int, int], cue: tuple[str, ...]) -> bool:
    """Whether a cue's last word opens its span alone before a comma, all its other words after it: that
    word closes the clause before, and the words after the comma are a clause with a verb of their own
    ("Spamordner leer, in der Lizenzzusammenfassung steht nichts" tells no empty license summary; "Ist
    längst verifiziert, die Domäne" names the subject after its clause). A gap holding words is a remark the
    sentence is read without ("Der Empfänger, der im VLSC angezeigt wird, ist ..."): the clause goes on across it."""
    gap = text[tokens[span[0]].end:tokens[span[0] + 1].start] if span[1] > span[0] else ""
    if not (len(cue) > 1 and "," in gap and not any(ch.isalnum() for ch in gap)
            and word_matches(cue[-1], words[span[0]]) and not any(word_matches(c, words[span[0]]) for c in cue[:-1])):
        return False
    end = next((k for k in range(span[0] + 2, len(tokens)) if any(ch in text[tokens[k - 1].end:tokens[k].start] for ch in ",;:")),
               len(tokens))
    return any(t.word in _folded("finite_verbs") for t in tokens[span[0] + 1:end])  # not "verifiziert, die Domäne, ja"
