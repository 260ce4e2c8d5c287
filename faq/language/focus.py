"""Question focus: the sentence of a long text that asks or states the problem.

The one function shared by `faqbot ask`, the chat and triage::

    focus(text: str, content_words: Callable[[str], int], min_words: int = 3,
          abbreviations: Collection[str] = (), states_problem: Callable[[str], bool] | None = None,
          contrasts: Collection[str] = (), generic: Collection[str] = (), attempts: Collection[str] = (),
          asides: Collection[str] = (), continuations: Collection[str] = (),
          priorities: Collection[str] = (), indirect_asks: Collection[str] = ()) -> Focus

`text` is split into sentences (`sentences`), and a sentence into clauses before a contrast
word after a comma or dash ("..., aber das Admin Center zeigt keine Lizenzen": the clause after it
states the problem). The *question sentence* is the last one
that ends with a question mark; when none does, the last that asks in other words (`indirect_asks`: "Ich
möchte wissen, ob ...", "I'd like to know whether ..."); when none does, the last that states a problem
(`states_problem`, e.g. holds a negation: "die Mail ist nie angekommen"); else the one of
most content words, the later on a tie. A question sentence
too thin to stand alone ("Woran kann das liegen?", "What are my options?": fewer than
`min_words` content words as counted by `content_words`; words that only ask how to go on,
`generic` ("was nun", "any idea"), do not count) takes in the sentences before
it, nearest first, until it has enough: that run is the focus, which decides the match. A question sentence
that goes on from the one before (`continuations`: "Und umgekehrt ...?", "And will it then ...?") or opens
with a closing ask that points back and goes on ("Geht das, oder ...?", "Is that right, and ...?") starts
the run at the question before it (at most two sentences back), else at the sentence before it. A sentence
that only reports what was tried (`attempts`: "Ich habe einen anderen Browser probiert") adds
no words to that count: the run goes on to the sentence that states the problem. When the
question sentence is that thin and the sentence before it that states a problem (`states_problem`)
lies further back, the run reaches back to it: an implied question ("Any idea?") asks about the
problem told, not about the last remark before it. A question labelled as the one that matters most
(`priorities` before its colon: "Vor allem: ...?", "Main question: ...?") is the question sentence even
when other questions follow it. A sentence set aside (`asides`: "übrigens",
"unrelated", or one wholly in brackets) tells of another matter: it is never the question sentence
when another asks, it counts no words, and it stays out of the focus even inside its run; a clause set aside
that opens with a contrast ("..., aber darum geht es mir nicht") takes the clause it turns against with it.
The other sentences are context: they support, they never decide on their own.
`Matcher.focus(text)` calls this with the knowledge base's stop words and the tuned
`min_words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache

from faq.language.phrases import Phrases

__all__ = ["Focus", "focus", "sentences"]

_END = re.compile(r"[.!?…\n](?:(?<!\n)[.!?…]*[\"'”“»«)\]]*(?=\s)|(?<![.\n])[!?…]*[\"'”“»«)\]]*|(?<=\n)\s*\n|"
                  r"(?<=\n)(?=\s*[-•*]\s))")
r"""A sentence ends at terminal punctuation followed by space, at ! or ? anywhere, or at a blank line
(`[.!?…]+[\"'”“»«)\]]*(?=\s)|[!?…]+[\"'”“»«)\]]*|\n\s*\n|\n(?=\s*[-•*]\s)`, written to begin with the character
every end begins with, and then to tell by a look back which end it is: the search then passes over other characters
at once)."""
_ENDS = (".", "!", "?", "…")
"""What ends a sentence that `_clauses` left whole: a part ending otherwise is a clause its next part was split from."""
_CLAUSE_MARKS = (",", ";", "–", "—", "-")
"""What stands before a clause `_clause_pattern` splits off: a sentence without one is one clause."""
_WORD_BEFORE = re.compile(r"\.([\w.]+)")  # read backwards: the run of word characters and dots before a final "."


@dataclass(frozen=True)
class Focus:
    """A text split into the part that decides and the context.

    Attributes:
        sentences: The text's sentences, in order.
        start: Index of the focus's first sentence.
        end: Index one past its last sentence.
        asides: Indices of sentences set aside between `start` and `end`: context, not focus.
    """

    sentences: tuple[str, ...]
    start: int
    end: int
    asides: frozenset[int] = frozenset()

    @property
    def indices(self) -> tuple[int, ...]:
        """The indices of the focus's sentences, in order."""
        return tuple(i for i in range(self.start, self.end) if i not in self.asides)

    def holds(self, i: int) -> bool:
        """Whether sentence `i` is part of the focus."""
        return self.start <= i < self.end and i not in self.asides

    @property
    def text(self) -> str:
        """The focus: the question sentence with the sentences it needed."""
        return " ".join(self.sentences[i] for i in self.indices)

    @property
    def context(self) -> str:
        """Every other sentence."""
        return " ".join(s for i, s in enumerate(self.sentences) if not self.holds(i))

    @property
    def is_whole(self) -> bool:
        """Whether the focus is the whole text (a short question)."""
        return self.start == 0 and self.end == len(self.sentences) and not self.asides


def sentences(text: str, abbreviations: Collection[str] = ()) -> list[str]:
    """Split `text` into sentences.

    A full stop after a day or month number ("am 10. März"), a single letter or a listed abbreviation
    ("z.B.") ends no sentence. One followed by a lower-case word does: typed text often starts its
    sentences in lower case ("die mail kam nie. was nun?").

    Remembered for a fixed set of abbreviations: a ticket's text and its lines are split again and again
    (the topic, the matcher's focus, the reply).
    """
    if isinstance(abbreviations, (frozenset, tuple)):
        return list(_split(text, abbreviations))
    return list(_split.__wrapped__(text, abbreviations))


@lru_cache(maxsize=2048)
def _split(text: str, abbreviations: Collection[str]) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for m in _END.finditer(text):
        piece = text[start : m.end()]
        if m.group().startswith(".") and len(m.group()) == 1:
            before = _WORD_BEFORE.match(piece[::-1])  # as r"([\w.]+)\.$" finds it, without a try at every character
            word = before.group(1)[::-1].lower() if before else ""
            if (word.isdigit() and len(word) <= 2) or word.rstrip(".") in abbreviations or len(word) == 1:
                continue
        piece = piece.strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return tuple(out)


def _clauses(parts: list[str], contrasts: Collection[str]) -> list[str]:
    """Split each sentence before a contrast word that follows a comma, semicolon or dash ("..., aber", "... – but")."""
    if not contrasts:
        return parts
    pattern = _clause_pattern(tuple(contrasts))
    return [c.strip() for part in parts
            for c in (pattern.split(part) if any(mark in part for mark in _CLAUSE_MARKS) else (part,)) if c.strip()]


@lru_cache(maxsize=16)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `phrases` as whole words, case-insensitive, the longest first (built once per word list).

    The alternatives are written as a tree of their common beginnings (`_shared_starts`), which finds what the
    flat list finds, in the same order, trying a few branches where the flat list tries each phrase."""
    said = [_pieces(p) for p in sorted(phrases, key=len, reverse=True)]
    tree = _shared_starts(said)
    alternatives = tree if tree is not None else "(?:" + "|".join("".join(map(_written, p)) for p in said) + ")"
    return re.compile(r"(?<!\w)" + alternatives + r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=16)
def _phrases(phrases: tuple[str, ...]) -> Phrases:
    """`_phrase_pattern(phrases)` as a `Phrases`, which compiles the pattern only for a text it cannot read."""
    return Phrases(sorted(phrases, key=len, reverse=True), lambda: _phrase_pattern(phrases))


def _pieces(phrase: str) -> list[str]:
    """A phrase as the pieces of its pattern: its characters, and a space for the whitespace between its words."""
    return list(" ".join(phrase.split()))


def _written(piece: str) -> str:
    """A piece of a phrase as pattern: a character escaped, a space as one or more whitespace characters."""
    return r"\s+" if piece == " " else re.escape(piece)


def _shared_starts(phrases: list[list[str]]) -> str | None:
    """The alternatives of `phrases` (pieces, in the order they are tried) as one group per first piece,
    recursively, or None where that could change which phrase matches.

    Sibling pieces exclude each other (distinct characters no text character matches both of, or a character
    and whitespace), so only the phrase that ends where others go on keeps its place: it must come after them,
    as the longest-first order puts it (else None)."""
    if len(phrases) == 1:  # the rest of one phrase
        return "".join(map(_written, phrases[0]))
    groups: dict[str, list[list[str]]] = {}
    ends = False
    for pieces in phrases:
        if not pieces:
            ends = True
            continue
        if ends:
            return None  # a phrase that ends here is tried before a longer one that goes on
        groups.setdefault(pieces[0], []).append(pieces[1:])
    if len(groups) > 1 and not _exclusive(list(groups)):
        return None
    alternatives = []
    for piece, rests in groups.items():
        rest = _shared_starts(rests)
        if rest is None:
            return None
        alternatives.append(_written(piece) + rest)
    if ends:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _exclusive(pieces: list[str]) -> bool:
    """Whether no text character matches two of `pieces` (characters, a space for whitespace), case-insensitively."""
    chars = [p for p in pieces if p != " "]
    for i, a in enumerate(chars):
        for b in chars[i + 1:]:
            if a.isascii() and b.isascii() and a.lower() != b.lower():
                continue  # distinct ASCII letters or signs: no character matches both ("ı" is none of them)
            if _letter(a).fullmatch(b) or _letter(b).fullmatch(a):
                return False
    return True


@lru_cache(maxsize=256)
def _letter(ch: str) -> re.Pattern[str]:
    """One character as a case-insensitive pattern."""
    return re.compile(re.escape(ch), re.IGNORECASE)


@lru_cache(maxsize=16)
def _clause_pattern(contrasts: tuple[str, ...]) -> re.Pattern[str]:
    """The split before a contrast word after a comma, semicolon or dash (built once per word list)."""
    # As r"(?:(?<=[,;–—])|(?<=\s-))\s+(?=...)", written to begin with the whitespace it matches: the search passes
    # over other characters at once.
    return re.compile(r"\s(?:(?<=[,;–—]\s)|(?<=\s-\s))\s*(?=(?:"
                      + "|".join(re.escape(c) for c in sorted(contrasts, key=len, reverse=True)) + r")\b)", re.IGNORECASE)


def focus(
    text: str,
    content_words: Callable[[str], int],
    min_words: int = 3,
    abbreviations: Collection[str] = (),
    states_problem: Callable[[str], bool] | None = None,
    contrasts: Collection[str] = (),
    generic: Collection[str] = (),
    attempts: Collection[str] = (),
    asides: Collection[str] = (),
    continuations: Collection[str] = (),
    priorities: Collection[str] = (),
    indirect_asks: Collection[str] = (),
) -> Focus:
    """Return the focus of `text` (see the module's docstring).

    Args:
        text: The user's question or story.
        content_words: Counts the words of a sentence that carry meaning (no stop words).
        min_words: Fewest content words a focus stands on.
        abbreviations: Lower-case abbreviations whose full stop ends no sentence.
        states_problem: Whether a sentence states a problem (used when no sentence asks).
        contrasts: Lower-case words that set what follows against what precedes ("aber", "but"):
            after a comma they start a clause of its own, which states the problem.
        generic: Lower-case phrases that only ask how to go on ("was nun", "any idea"): their
            words do not count toward `min_words`.
        attempts: Lower-case phrases that report what was tried ("probiert", "tried"): a sentence
            holding one and stating no problem is context and counts no words toward `min_words`.
        asides: Lower-case phrases that set a sentence aside ("übrigens", "unrelated"): such a sentence,
            like one wholly in brackets, is context even inside the focus's run.
        continuations: Lower-case words that open a question going on from the one before ("und", "and",
            "umgekehrt"), or join a closing ask that points back to what follows it ("Geht das, oder ...?"):
            the focus then starts at the question before it (at most two sentences back), else at the
            sentence before it.
        priorities: Lower-case phrases that label a question as the one that matters most ("vor allem",
            "hauptfrage", "main question"): a question sentence holding one before its colon ("Vor allem
            aber: ...?") is the question sentence, however many questions follow it.
        indirect_asks: Lower-case phrases that ask without a question mark ("möchte wissen", "I wonder"):
            when no sentence ends with one, the last sentence holding such a phrase is the question sentence.
    """
    parts = tuple(_clauses(sentences(text, abbreviations), contrasts))
    if len(parts) <= 1:
        return Focus(parts or (text.strip(),), 0, 1)
    aside = _phrases(tuple(asides)) if asides else None
    set_aside = frozenset(i for i, s in enumerate(parts) if _bracketed(s) or (aside is not None and aside.search(s)))
    if set_aside and contrasts:  # "..., aber das ist zweitrangig": the clause it turns against goes aside with it
        turns = {c.lower() for c in contrasts}
        set_aside |= {i - 1 for i in set_aside if i > 0 and not parts[i - 1].rstrip("\"'”“»«)] ").endswith(_ENDS)
                      and parts[i].split(" ", 1)[0].lower() in turns}
    asks = [i for i, s in enumerate(parts) if s.rstrip("\"'”“»«)] ").endswith("?")]
    asks = [i for i in asks if i not in set_aside] or asks
    asks_only = _phrases(tuple(generic)) if generic else None
    tried = _phrases(tuple(attempts)) if attempts else None

    def count_of(i: int) -> int:
        """The content words of part `i` that count toward `min_words` (worked out only where needed)."""
        s = parts[i]
        if i in set_aside:
            return 0
        if tried is not None and tried.search(s) and not (states_problem is not None and states_problem(s)):
            return 0
        return content_words(asks_only.sub(s) if asks_only is not None else s)

    if not asks and indirect_asks:
        asking = _phrases(tuple(indirect_asks))
        asks = [i for i, s in enumerate(parts) if i not in set_aside and asking.search(s)]
    if not asks and (states_problem is not None or contrasts):
        lead = tuple(c.lower() for c in contrasts)
        asks = [i for i, s in enumerate(parts) if (states_problem is not None and states_problem(s))
                or s.lower().split(" ", 1)[0] in lead]
    if asks and priorities:
        labelled = [i for i in asks if _labelled(parts[i], tuple(priorities))]
        if labelled:
            asks = asks[: asks.index(labelled[-1]) + 1]
    if asks:
        end = asks[-1] + 1
    else:
        counts = [count_of(i) for i in range(len(parts))]
        end = max(range(len(parts)), key=lambda i: (counts[i], i)) + 1
    start = end - 1
    if start > 0 and continuations and _continues(parts[start], tuple(continuations), asks_only):
        earlier = [i for i in asks if start - 2 <= i < start and i not in set_aside]
        start = earlier[-1] if earlier else start - 1
    count = sum(count_of(i) for i in range(start, end))
    thin = count < min_words
    while count < min_words and start > 0:
        start -= 1
        count += count_of(start)
    if thin and states_problem is not None:
        told = next((i for i in range(start - 1, -1, -1) if i not in set_aside and states_problem(parts[i])), None)
        if told is not None:  # the problem the implied question asks about
            start = told
    while start < end - 1 and start in set_aside:
        start += 1
    return Focus(parts, start, end, frozenset(i for i in set_aside if start <= i < end - 1))


def _continues(sentence: str, continuations: tuple[str, ...], asks_only: Phrases | None) -> bool:
    """Whether `sentence` opens with a continuing word, or with a closing ask joined to what follows by one
    ("Geht das, oder ...", "Is that right, and ...")."""
    lead = _phrases(continuations)
    if lead.match_end(sentence) is not None:
        return True
    asked = asks_only.match_end(sentence) if asks_only is not None else None
    return asked is not None and lead.match_end(sentence[asked:].lstrip(" ,;–—-")) is not None


def _labelled(sentence: str, priorities: tuple[str, ...]) -> bool:
    """Whether the words before the first colon of `sentence` hold one of `priorities` ("Mainly though: ...")."""
    label, colon, _rest = sentence.partition(":")
    return bool(colon) and _phrases(priorities).search(label)


def _bracketed(sentence: str) -> bool:
    """Whether `sentence` stands wholly in brackets ("(Das nur nebenbei.)"): an aside."""
    s = sentence.strip().rstrip(".!?… ")
    return s.startswith("(") and s.endswith(")") and s.count("(") == 1
