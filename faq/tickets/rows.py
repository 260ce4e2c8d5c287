"""Lines of a form or checklist read as "label: value" lines.

A customer who fills in a form writes its answers in more shapes than "label: value": a table row
("| Domain verified | No |"), an arrow ("Domain verifiziert? -> Ja"), a dash after a checkbox or
bullet ("[ ] OSM ist globaler Admin – nein", "- junk folder checked - no"). Each is rewritten as the
label and value it is, so the reader's label rules (`faq.tickets.sentence.label_value`) answer the
label by its value, instead of reading the label's words as a statement ("Domain verified" = yes).
An unchecked box with no value ("[ ] Junk-Ordner geprüft") is left unticked: the line states nothing.

Every rewrite keeps the text's length, so offsets and evidence stay those of the original text. The
answer words a dash must be followed by are data (`affirmations`, `denials`, `unknowns`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from faq.language.lexicon import folded
from faq.tickets.evidence import Evidence
from faq.tickets.sentence import sequences
from faq.tickets.tokens import tokenize

__all__ = ["as_labels", "as_written"]

_ARROW = re.compile(r"(\?)?[ \t]*(->|=>|→)[ \t]*(?=\S)")
_DASHED = re.compile(r"^([ \t]*(?:\[[ xX✓✔]?\]|[-•*]|\d{1,2}[.)])[ \t]+)?([^\n:?|]*?[^\W\d_][^\n:?|]*?)[ \t]+[–—-][ \t]+(?=\S)")
_UNCHECKED = re.compile(r"^[ \t]*\[ ?\][ \t]+\S")
_LABEL_CHARS = 80  # characters at most before an arrow or a dash that a label may hold
_PLAIN_LABEL_WORDS = 6  # words at most of a dashed label on a line without a box or bullet


@lru_cache(maxsize=16)
def as_labels(text: str) -> str:
    """`text` with its form lines written as "label: value" (see the module); the same length."""
    if not any(mark in text for mark in ("|", "->", "=>", "→", "–", "—", " - ", "[")):
        return text
    out = "\n".join(_as_label(line) for line in text.split("\n"))
    return out if len(out) == len(text) else text


def as_written(evidence: Evidence, read: str, text: str) -> Evidence:
    """`evidence` read from `read` (`as_labels(text)`) with its sentence and quote as `text` writes them."""
    if read == text:
        return evidence
    at = read.rfind(evidence.sentence, 0, evidence.start + len(evidence.sentence))  # the sentence around the quote
    sentence = text[at:at + len(evidence.sentence)] if 0 <= at <= evidence.start and evidence.sentence else evidence.sentence
    quote = text[evidence.start:evidence.end] if read[evidence.start:evidence.end] == evidence.quote else evidence.quote
    return replace(evidence, sentence=sentence, quote=quote)


def _as_label(line: str) -> str:
    """One line as a label and its value, unchanged when it is none of the shapes of the module."""
    changed = _table_row(line) if "|" in line else None
    if changed is None and (">" in line or "→" in line):
        changed = _arrow(line)
    if changed is None and ("-" in line or "–" in line or "—" in line):
        changed = _dashed(line)
    if changed is None:
        changed = line
    if "[" in changed and _UNCHECKED.match(changed) and ":" not in changed:
        return " " * len(changed)  # "[ ] Junk-Ordner geprüft": unticked, no answer given
    return changed


def _table_row(line: str) -> str | None:
    """A table row of two cells, a label and its value ("| Domain verified | No |"), its middle bar a
    colon (a question mark ending the label blanked: "| Add-on? | ja |")."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") == 3):
        return None
    first = line.index("|")
    middle = line.index("|", first + 1)
    label, value = line[first + 1:middle], line[middle + 1:line.rindex("|")]
    if not (_has_letter(label) and any(ch.isalnum() for ch in value)):
        return None  # a separator row ("|---|---|") or an empty cell
    out = line[:middle] + ":" + line[middle + 1:]
    asked = label.rstrip()
    if asked.endswith("?"):  # a question, answered only by a yes, a no or an unknown ("| Add-on? | ja |")
        if not _answers(value):
            return None
        kept = asked.rstrip(".?!")
        out = out[:first + 1 + len(kept)] + " " * (len(asked) - len(kept)) + out[first + 1 + len(asked):]
    return out


def _arrow(line: str) -> str | None:
    """A line "label -> value" (or "label? -> value") with its arrow a colon."""
    m = _ARROW.search(line)
    if m is None or m.start() > _LABEL_CHARS or not _has_letter(line[:m.start()]) or any(ch in line[:m.start()] for ch in ".!:"):
        return None
    lo = m.start(1) if m.group(1) else m.start(2)
    return line[:lo] + ":" + " " * (m.end(2) - lo - 1) + line[m.end(2):]


def _dashed(line: str) -> str | None:
    """A line "label – value" whose value opens with an answer (yes, no, unknown), after a box or bullet
    or with a short label without a verb, its dash a colon ("[ ] OSM ist globaler Admin – nein"); a label
    with a subject of its own ("wir", "we") is a clause the dash goes on."""
    m = _DASHED.match(line)
    if m is None or m.end(2) > _LABEL_CHARS:
        return None
    label = [t.word for t in tokenize(m.group(2))]
    if not (folded("subject_pronouns") | folded("first_person_subjects")).isdisjoint(label) or m.group(1) is None and (
            len(label) > _PLAIN_LABEL_WORDS or not folded("finite_verbs").isdisjoint(label)):
        return None  # "Wir haben den Spam-Ordner geprüft - nein, das hat nichts gebracht": a clause, no label
    if not _answers(line[m.end():]):
        return None
    dash = _dash_at(line, m.end(2))
    return line[:dash] + ":" + line[dash + 1:]


def _dash_at(line: str, start: int) -> int:
    """The offset of the dash at or after `start`."""
    return min(i for i in (line.find(d, start) for d in "–—-") if i >= 0)


def _answers(value: str) -> bool:
    """Whether `value` opens with a yes, a no or an unknown ("nein, Basis läuft über ...", "not sure")."""
    words = [t.word for t in tokenize(value)]
    answers = (*sequences("affirmations"), *sequences("denials"), *sequences("unknowns"))
    return any(tuple(words[:len(p)]) == p for p in answers)


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
