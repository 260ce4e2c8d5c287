"""Entries that answer a ticket only in a setting its writer names (knowledge/tickets/settings.yaml).

The matcher weighs a ticket's words; some sibling entries differ only in a setting the ticket
names ("Verlängerung ist durch. Kommt da noch eine Aktivierungsmail?" is the renewal's, not the
missing mail's). `in_setting` moves a topic chosen by `faq.tickets.topic` to the entry whose
setting the ticket's words name, or away from one whose setting they never name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, cached_property
from itertools import permutations

from faq.language.alternation import factored
from faq.language.lexicon import folded
from faq.language.normalize import fold
from faq.search.matcher import Matcher
from faq.search.results import Candidate, MatchResult
from faq.tickets.tokens import negations
from faq.tickets.weights import ticket_file

__all__ = ["in_setting", "may_move"]

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _settings() -> tuple[tuple[str, str, _Stems, _Stems, _Stems, bool, bool], ...]:
    """(entry, instead_of, words, keeps, unless, one_way, plain) of knowledge/tickets/settings.yaml."""
    data = ticket_file("settings.yaml") or {}
    out = []
    for entry, specs in sorted(data.items()):
        for spec in specs if isinstance(specs, list) else [specs]:  # an entry may yield to, or take from, several
            if not isinstance(spec, dict) or not isinstance(spec.get("words"), dict):
                continue  # an entry of another shape names nothing
            out.append((str(entry), str(spec.get("instead_of", "")), _Stems(spec["words"]), _Stems(spec.get("keeps")),
                        _Stems(spec.get("unless")), spec.get("one_way") is True, spec.get("plain") is True))
    return tuple(out)


class _Stems:
    """A setting's folded stems per language, each matching inside a longer word too. Parts joined
    by " + " match in one sentence in any order ("sehen + lizenz + nicht": "Lizenzen sehen wir im
    Portal nicht", "sehen wir die Lizenzen nicht"). Compiled when first asked."""

    def __init__(self, words: object) -> None:
        stems = sorted({fold(str(w)) for ws in (words.values() if isinstance(words, dict) else ()) for w in ws or ()},
                       key=len, reverse=True)
        # (the stem's first character, or "" for none; its pattern; what it is written as: characters and gaps)
        self._alts: list[tuple[str, str, tuple[str, ...]]] = []
        for stem in stems:
            parts = [p.strip() for p in stem.split(" + ")]
            if len(parts) == 1:
                self._alts.append((stem[:1], re.escape(stem), _written_as([stem])))
            else:  # "sehen + lizenz + nicht": all in one sentence, in any order
                self._alts.extend((order[0][:1], _SAME_SENTENCE.join(map(re.escape, order)), _written_as(order))
                                  for order in permutations(parts))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Matches from the start of the word that holds a stem (`_named_plainly` reads the words before it)."""
        if not self._alts:
            return re.compile(r"(?!)")
        return re.compile(r"\b\w*(?:" + "|".join(a for _, a, _ in self._alts) + ")")

    @cached_property
    def _searches(self) -> tuple[re.Pattern[str], ...]:
        """Patterns one of which is found exactly where `pattern` is, sooner: a stem opening with a word
        character as it is (the word's start is before it or there), one opening with another after
        a word character, and one opening with no character where a word character stands beside it.
        Each is one tree of the stems' common beginnings (`faq.language.alternation.factored`)."""
        opening = [alt for alt in self._alts if alt[0] and re.match(r"\w", alt[0])]
        inner = [alt for alt in self._alts if alt[0] and not re.match(r"\w", alt[0])]
        bare = [alt for alt in self._alts if not alt[0]]
        return tuple(re.compile(prefix + "(?:" + factored(alt[2] for alt in alts) + ")") for prefix, alts in
                     (("", opening), (r"(?<=\w)", inner), (r"(?:(?<=\w)|(?=\w))", bare)) if alts)

    def found(self, text: str) -> bool:
        """Whether `pattern` is found in `text`."""
        return any(p.search(text) is not None for p in self._searches)


def _written_as(parts: Sequence[str]) -> tuple[str, ...]:
    """A stem's parts as `factored` reads them: their characters, each part after the first behind
    the gap that may stand between them (`_SAME_SENTENCE`)."""
    return tuple(item for i, part in enumerate(parts) for item in ((_SAME_SENTENCE,) if i else ()) + tuple(part))


def _readings(folded_text: str) -> tuple[str, ...]:
    """The text as written and, when it holds one, without the particles and indefinites that may
    stand inside a setting's phrase ("nie etwas angekommen" is "nie angekommen", "didn't get anything"
    is "didn't get"; knowledge/language/particles.yaml, indefinites.yaml)."""
    plain = _gaps().sub("", folded_text)
    return (folded_text,) if plain == folded_text else (folded_text, plain)


@cache
def _gaps() -> re.Pattern[str]:
    alts = "|".join(sorted(map(re.escape, folded("particles") | folded("indefinites")), key=len, reverse=True))
    return re.compile(rf"\s(?:{alts})(?=\s)")


def may_move(entry: str | None) -> bool:
    """Whether a setting may move a topic matched to `entry` (`in_setting` leaves any other as it is, so its
    caller need not gather the text it would read)."""
    return entry is not None and entry in _movable()


@cache
def _movable() -> frozenset[str]:
    """The entries a setting concerns (`in_setting`): its `instead_of`, and its entry unless `one_way`."""
    return frozenset(e for entry, instead, *_, one_way, _plain in _settings() for e in (instead, *(() if one_way else (entry,))))


_SAME_SENTENCE = r"[^.!?\n]{0,80}?"  # what may stand between the parts of a setting's " + " phrase


def in_setting(result: MatchResult, text: str, matcher: Matcher, pool: tuple[Candidate, ...] = ()) -> MatchResult:
    """The entry for the setting the ticket's words name (knowledge/tickets/settings.yaml): a
    ticket matched to `instead_of` that names the setting ("Verlängerung ist durch. Kommt da noch
    eine Aktivierungsmail?") is about the entry, one matched to the entry that never names it
    about `instead_of`; each only when the matcher offers the other among its candidates, or,
    given the whole text's (`pool`), among any it weighs for the whole text: the sentence
    that names the problem need not name its setting ("Die Registrierung wurde erneuert. Die
    Aktivierungsmail ist aber nicht angekommen.")."""
    if result.id is None:
        return result
    readings: tuple[str, ...] = ()  # read once a setting concerns the result's entry
    for entry, instead, words, keeps, unless, one_way, plain in _settings():
        if result.id not in (entry, instead) or one_way and result.id == entry:
            continue
        readings = readings or _readings(fold(text))
        named = any(_named_plainly(words.pattern, r) if plain else words.found(r) for r in readings) \
            and not any(unless.found(r) for r in readings)
        if result.id == entry and not named:
            named = any(keeps.found(r) for r in readings)
        other = instead if result.id == entry else entry
        if named == (result.id == entry) or other not in matcher.ids:
            continue  # this setting leaves it; another may not
        lean = next((c for c in (*result.candidates, *pool) if c.id == other), None)
        if lean is None and pool:
            # Beyond the best three: any entry the matcher weighs for the whole ticket.
            lean = next((Candidate(other, round(p, 3)) for p, i in matcher.scores(text, siblings=False) if matcher.ids[i] == other), None)
        if lean is None:
            continue
        # The setting moves the matcher's belief from one entry to the other: they trade places.
        swapped = {result.id: lean.confidence, other: result.confidence}
        offered = result.candidates if any(c.id == other for c in result.candidates) else (*result.candidates, lean)
        candidates = sorted((Candidate(c.id, swapped.get(c.id, c.confidence)) for c in offered),
                            key=lambda c: -c.confidence)
        flow = matcher.flows[matcher.ids.index(other)]
        return MatchResult(result.query, result.outcome, other, flow, result.confidence, result.lang, tuple(candidates))
    return result


_DENIED_BEFORE = 3  # words before a setting's word in which a negation denies it ("nothing renewed")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _named_plainly(words: re.Pattern[str], text: str) -> bool:
    """Whether a setting's words stand in `text` not denied: "This is a brand-new order (nothing
    renewed)", "keine Verlängerung" name no renewal; a phrase that holds its own negation ("keine
    Lizenz", "never received") counts as written."""
    neg = negations()
    for m in words.finditer(text):
        own = _WORD.findall(m.group())
        if own and own[0] in neg:
            return True
        before = _SENTENCE_END.split(text[max(0, m.start() - 60):m.start()])[-1]
        if neg.isdisjoint(_WORD.findall(before)[-_DENIED_BEFORE:]) \
                and not any("n't" in w or "n’t" in w for w in before.split()[-_DENIED_BEFORE:]):
            return True
    return False
