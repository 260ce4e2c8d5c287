"""Reading a flow's date facts from a ticket's sentences, each with its evidence.

Each date in the text (TT.MM.JJJJ, JJJJ-MM-TT, "1. Dezember 2026", "December 1, 2026",
"gestern", "vor 3 Tagen" ...) goes to the date fact whose context cue is nearest in the same
sentence, unless it belongs to another event ("Mail kam am 12.03. an") or another thing (an
invoice). A date that cannot exist is skipped and noted, never moved; one that is an example,
asked, denied, corrected or of an earlier period states nothing, and neither does one given for a
noun only planned or expected ("geplanter Nutzungsbeginn", "expected usage start": `hedged_modifiers`). A flow with one date fact
takes a ticket's only written-out date when nothing else claims it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from faq.flows.values import Value
from faq.kb.model import Fact
from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.context import context_spans, event_positions, own_event_positions
from faq.tickets.cues import CueLexicon
from faq.tickets.datekinds import others_dates, topic_cue
from faq.tickets.dateorder import date_order
from faq.tickets.evidence import Evidence
from faq.tickets.mentions import DateMention, find_dates, since_span
from faq.tickets.quotes import is_example
from faq.tickets.scope import other_instance_at
from faq.tickets.sentence import (
    OPENING,
    Sentence,
    date_denied,
    date_distance,
    date_earlier,
    date_named_other,
    has_sequence,
    refuted,
    retold_after,
    token_index,
)
from faq.tickets.settling import UNCUED, YEARLESS
from faq.tickets.sides import other_sides
from faq.tickets.tokens import Token
from faq.tickets.unasserted import mention_unsaid
from faq.tickets.weights import ticket_file
from faq.tickets.withheld import unknown_at
from faq.tickets.yeared import year_unnamed, yeared

__all__ = ["read_dates"]


def _cued_after(spans: list[tuple[int, int]], end_idx: int, c_end: int) -> bool:
    """Whether a cue of the fact opens between a date ending at token `end_idx` and token `c_end`,
    the last word of a cue enclosing that date: the words after the date are a cue of their own."""
    return any(end_idx < a <= c_end for a, _ in spans)


def _own_events(events: list[int], spans: list[tuple[int, int]], words: list[str], lex: CueLexicon) -> list[int]:
    """The event words that are another event's: not the order or reservation (usage_holders) that
    only qualifies the fact's cue right before it ("usage start on the reservation: today"), nor the
    verb the cue is the subject of ("the reservation was submitted on 20 Nov")."""
    between = lex.derive("own_events", _own_events, "", lambda: lex.stop | folded("prepositions"))
    holders, aux = tuple(folded("usage_holders")), folded("finite_verbs")
    return [e for e in events if not any(hi < e <= hi + 3 and all(w in between for w in words[hi + 1:e])
                                         and (words[e].startswith(holders) or not aux.isdisjoint(words[hi + 1:e])) for _, hi in spans)]


def _bracketed(s: Sentence, at: int) -> list[int]:
    """The tokens of the bracket that holds token `at` (up to the sentence's end when it does not close),
    or none when no bracket holds it."""
    opened = s.text.rfind("(", 0, s.tokens[at].start)
    if opened < 0 or ")" in s.text[opened:s.tokens[at].start]:
        return []
    closed = s.text.find(")", s.tokens[at].end)
    return [i for i, t in enumerate(s.tokens) if opened < t.start and (closed < 0 or t.end <= closed)]


@cache
def _verbs() -> frozenset[str]:
    """Finite verbs that are no prepositions ("am")."""
    return folded("finite_verbs") - folded("prepositions")


def _participle_bracket(s: Sentence, at: int) -> tuple[int, int] | None:
    """The tokens that open and close the bracket holding token `at`, when the bracket opens with a
    participle as written (lower case) and holds no finite verb: a phrase on the noun or label before it ("Reservierung
    wirksam: ja (angelegt am 01.10.2026)", "(created 1 October)"), whose date an event named outside
    it ("wirksam") does not take. None otherwise ("(das Konto wurde am ... angelegt)" has a verb)."""
    inside = _bracketed(s, at)
    if not inside or any(s.tokens[i].word in _verbs() for i in inside):
        return None
    first = s.tokens[inside[0]]
    if not s.text[first.start:first.start + 1].islower() or not first.word.endswith(tuple(folded("participle_endings"))) \
            or len(first.word) < _PARTICIPLE:
        return None  # "(Bestellungen ...)": a noun, capitalised
    return inside[0] - 1, inside[-1] + 1


def _clause_bracket(s: Sentence, at: int) -> tuple[int, int] | None:
    """The tokens that open and close the bracket holding token `at`, when the bracket is a clause of
    its own: it opens with an article and holds a finite verb ("Die Reservierung ist wirksam (das Konto
    wurde am 01.10.2026 angelegt)", "(the account was created on 1 October 2026)"). Its date is its
    own subject's, so no cue outside the bracket takes it. None otherwise ("(wurde am ... wirksam)")."""
    inside = _bracketed(s, at)
    if len(inside) < 3 or s.tokens[inside[0]].word not in folded("articles") \
            or not any(s.tokens[i].word in _verbs() for i in inside):
        return None
    return inside[0] - 1, inside[-1] + 1


_PARTICIPLE = 5  # letters at least of a participle opening a bracket ("angelegt", "created"), not "am", "on"


def _of_earlier_occasion(analysed: list[Sentence], at: int, idx: int) -> bool:
    """Whether the date at token `idx` of sentence `at` is an earlier occasion's: its clause places it
    in an earlier period ("letztes Jahr", "last year's order": `bygone_periods`, `earlier_occasions`)
    and a later clause tells the case is a new occasion ("jetzt erneut bestellt", "now a new order":
    `new_occasions`) or turns to the present ("diesmal", "this time": `present_turns`)."""
    s = analysed[at]
    words = [t.word for t in s.tokens]
    if not (has_sequence(words, "bygone_periods") or has_sequence(words, "earlier_occasions")):
        return False  # most sentences: no earlier period at all
    lo, hi = clause_bounds(s.tokens, s.text, idx, idx)
    if not (has_sequence(words[lo:hi + 1], "bygone_periods") or has_sequence(words[lo:hi + 1], "earlier_occasions")):
        return False
    later = [words[hi + 1:]] + [[t.word for t in n.tokens] for n in analysed[at + 1:]]
    return any(has_sequence(w, "new_occasions") or has_sequence(w, "present_turns") for w in later)


def _withheld(s: Sentence, at: int, held: bool = True) -> bool:
    """Whether the clause of token `at` says the writer does not know the date or has it not at hand
    ("Den Nutzungsbeginn kenne ich nicht", "I don't have the purchase date handy": `unknowns`, `withheld_dates`);
    `held` False: the sentence holds no words of `withheld_dates` at all."""
    if unknown_at(s, at):
        return True
    if not held:
        return False
    lo, hi = clause_bounds(s.tokens, s.text, at, at)
    return has_sequence([t.word for t in s.tokens[lo:hi + 1]], "withheld_dates")


def _hedged_after(tokens: list[Token], end: int) -> bool:
    """Whether the word right after a date (ending at offset `end`) makes it only planned or provisional
    ("01.12.2026 (vorläufig)", "1 December 2026 (provisional)"; `hedged_modifiers`)."""
    after = next((t for t in tokens if t.start >= end), None)
    return after is not None and after.word in folded("hedged_modifiers")


def _planned(value: Value | None, today: date, yearless: bool) -> bool:
    """Whether a date read lies after `today` by a year it names: a plan, not a deed done ("wir kaufen erst am
    15.12.2026"); a date without a year is read, and settles only what any year would."""
    return not yearless and isinstance(value, date) and value > today


_CLAUSE_END = re.compile(r"[,;]")
_DEED = 3  # words from an event's word to the cue's first word it governs ("placed the order")
_QUESTIONED = re.compile(r"[\s)\"'“”»«]*\?")  # a date that a question mark follows right away
_LABELLED = re.compile(r"(?:^|:)[\s(\"'“”»«]*$")  # ... given alone or as a label's value


@cache
def _since_facts() -> frozenset[str]:
    """The date facts a span something has lasted up to now dates ("seit drei Tagen": knowledge/tickets/since_facts.yaml)."""
    return frozenset((ticket_file("since_facts.yaml") or {}).get("facts") or ())


def read_dates(analysed: list[Sentence], facts: list[Fact], lang: str, lex: CueLexicon, today: date,
               found: dict[str, Value | None], evidence: dict[str, Evidence], notes: list[str], source: str,
               stated_from: int = 0, sides: dict[int, int] | None = None, past_only: frozenset[str] = frozenset()) -> None:
    """Give each date the date fact whose context cue is nearest in its sentence.

    Distance counts words; a cue after the date counts one more, a clause border
    (comma, semicolon) between them five more. Pairs are taken nearest first, each
    fact and each date once. A date given as an example states nothing; a date after `today` is no date
    of a `past_only` fact, a deed that lies past ("wir werden morgen die Reservierung anlegen": no reservation date),
    unless it names no year (then it is read and settles only what any year would). A slashed date that reads two
    ways is read in the order of day and month the ticket makes certain (`date_order`), else not at all.
    """
    single = facts[0] if len(facts) == 1 else None
    unassigned: list[tuple[Sentence, DateMention]] = []
    theirs = others_dates(analysed, today)  # "Our Azure subscription started on 24.11., ours on ..."
    if sides is None:  # "Unsere Tochterfirma hat ihre Reservierung ... Ich frage aber für unsere eigene ...": theirs
        sides = other_sides(analysed)
    order = date_order(s.text for s in analysed)  # "03/04/2026 (US format)": the ticket's order of day and month
    for at, s in enumerate(analysed):
        tokens = s.tokens
        mentions = [m for m in yeared(s.text, find_dates(s.text, today, order), today)
                    if s.offset + m.start >= stated_from and s.offset + m.start not in theirs
                    and token_index(tokens, m.start) >= sides.get(at, 0) and not mention_unsaid(tokens, s.text, token_index(tokens, m.start))
                    and not is_example(tokens, token_index(tokens, max(m.end - 1, m.start)))  # "01.12.2026 (Beispiel)"
                    and not _hedged_after(tokens, m.end)  # "01.12.2026 (vorläufig)"
                    and not _of_earlier_occasion(analysed, at, token_index(tokens, m.start))  # "last year on ..., now ordered again"
                    and not s.corrected(token_index(tokens, max(m.end - 1, m.start)))
                    and not date_denied(tokens, s.text, m.start) and not refuted(s, token_index(tokens, m.start))
                    and not (_QUESTIONED.match(s.text, m.end) and _LABELLED.search(s.text, 0, m.start))
                    # "Nutzungsbeginn: 01.12.2026?" asks the date; "..., obwohl wir am 01.03. kauften?" states it
                    and not date_named_other(tokens, token_index(tokens, m.start),
                                             max((i for i, t in enumerate(tokens) if t.start < m.end), default=0))]
        if len(mentions) > 1 and has_sequence([t.word for t in tokens], "earlier_periods"):
            # "im letzten Jahr der 01.03.2025, dieses Jahr der 01.12.2026": the earlier one is none
            mentions = [m for m in mentions if not date_earlier(tokens, s.text, m.start)]
        if not mentions:
            continue
        raw = [t.word for t in tokens]
        held = has_sequence(raw, "withheld_dates")  # "das Kaufdatum habe ich nicht zur Hand"
        contexts = {f.id: context_spans(f, lang, s.words, lex, raw) for f in facts}
        events = {f.id: _own_events(event_positions(f, s.words, lex), contexts[f.id], s.words, lex) for f in facts}
        deeds = {f.id: own_event_positions(f, s.words, lex) if events[f.id] else [] for f in facts}
        pairs: list[tuple[int, int, int, Fact]] = []
        happened = event_positions(None, s.words, lex)
        corrected = s.correction_end  # what stands before a correction is withdrawn
        since_facts = _since_facts()
        for m_index, mention in enumerate(mentions):
            idx = token_index(tokens, mention.start)
            attributed = idx > 0 and tokens[idx - 1].word in folded("date_attributes")
            end_idx = max(idx, max((i for i, t in enumerate(tokens) if t.start < mention.end), default=idx))  # not a final dot's next word
            nearest: tuple[int, Fact] | None = None
            bracket = _participle_bracket(s, idx)  # "Reservierung wirksam: ja (angelegt am 01.10.2026)"
            own_clause = _clause_bracket(s, idx)  # "(das Konto wurde am 01.10.2026 angelegt)"
            since = since_span(mention.raw)
            for f_index, fact in enumerate(facts):
                if since and fact.id not in since_facts:
                    continue  # "seit zwei Wochen warten wir auf die Mail": no usage start (knowledge/tickets/since_facts.yaml)
                other = min((date_distance(s, e, idx, end_idx) for e in events[fact.id]
                             if not any(e < d < idx for d in deeds[fact.id]) and (bracket is None or bracket[0] < e < bracket[1])),
                            default=None)
                # an event before the fact's own deed nearer the date ("Reservation effective, placed 2 Nov") takes no date
                retold = corrected and retold_after(fact, s, (happened, events[fact.id], contexts[fact.id]), corrected, lang, lex)
                for c, c_end in contexts[fact.id]:
                    if own_clause is not None and not own_clause[0] < c < own_clause[1]:
                        continue  # a cue outside a bracket that is a clause of its own
                    if c < corrected <= c_end or retold and c < corrected <= idx or _withheld(s, c, held) \
                            or other_instance_at(tokens, s.text, c, c_end) or c > 0 and raw[c - 1] in folded("hedged_modifiers"):
                        # "our first purchase was in ...", "Geplanter Nutzungsbeginn: ..."
                        continue  # a cue across the correction, or one it withdrew by telling the date anew;
                        # one the writer does not know ("Den Nutzungsbeginn kenne ich nicht, bestellt am ...")
                    split = c < idx and end_idx < c_end and _CLAUSE_END.search(s.text, tokens[end_idx].end, tokens[c_end].start)
                    if idx <= c <= end_idx or c < idx and end_idx < c_end and (attributed or any(c < e < idx for e in happened) or split and (any(
                            c - _DEED <= e < c for e in happened) or _cued_after(contexts[fact.id], end_idx, c_end))):
                        # the cue is the date itself, or its words enclose a date tied to their noun
                        # ("Bestellung vom 20.11. beginnt am 1.12.": that date is the order's) or to
                        # another event ("the subscription we ordered on 2 Nov starts on 30 Nov"), or, past a clause's
                        # end, to the deed just before them ("placed the order on 2 Nov, usage started in Oct") or to
                        # another label, the clause after holding the fact's cue whole ("Order date 2026-10-20, usage start 2026-12-15")
                        continue
                    if end_idx + 1 < c_end and end_idx + 1 in happened \
                            and not any(end_idx + 1 in span for span in contexts[fact.id]):
                        # another event's word right after the date, before the cue's last word, takes it:
                        # "die am 02.11. bestellten Lizenzen starten", "Lizenzen am 02.11. bestellt und starten"
                        continue
                    dist = date_distance(s, c, idx, end_idx)
                    if other is not None and (other < dist or topic_cue(s, c, (idx, end_idx), events[fact.id])):
                        continue  # the date belongs to another event ("Mail kam am 12.03. an")
                    pairs.append((dist, f_index, m_index, fact))
                    if nearest is None or dist < nearest[0]:
                        nearest = (dist, fact)
            if mention.value is None:
                notes.append(f"skipped the date '{mention.raw}'{f' ({nearest[1].id})' if nearest else ''}: {mention.error}")
            elif nearest is None:
                unassigned.append((s, mention))
        used_dates: set[int] = set()
        retold_here = set(found) if corrected and corrected <= OPENING else set()  # "Korrektur: ... gekauft am 12.04." retells an earlier date
        for _dist, _f, m_index, fact in sorted(pairs, key=lambda p: (p[0], p[2], p[1])):
            mention = mentions[m_index]
            if mention.value is None or m_index in used_dates or fact.id in found and fact.id not in retold_here:
                continue
            yearless = year_unnamed(s.text, mention, find_dates(s.text, today, order))
            if fact.id in past_only and _planned(mention.value, today, yearless):
                notes.append(f"{fact.id}: the date {mention.raw} lies ahead, a plan, not the deed")
                continue
            found[fact.id], evidence[fact.id] = mention.value, s.evidence(mention.start, mention.end, source)
            if yearless:
                notes.append(f"{fact.id}: {YEARLESS}")  # "am 1. Dezember": settles only what any year would
            used_dates.add(m_index)
            retold_here.discard(fact.id)
    unsure = [s for s in analysed if has_sequence(words := [t.word for t in s.tokens], "unknowns") or has_sequence(words, "withheld_dates")]
    for fact in facts if unsure else ():  # "Gekauft am 01.02. - gemeint ist die Rechnung, das Kaufdatum kenne ich nicht"
        if found.get(fact.id) is not None and any(_withheld(s, c) for s in unsure
                                                   for c, _ in context_spans(fact, lang, s.words, lex, [t.word for t in s.tokens])):
            notes.append(f"{fact.id}: a date given, but the writer says they do not know it")
            found[fact.id] = None
    # A flow with one date fact takes the only written-out date of a ticket that names none by
    # context, unless its sentence names any event the date may belong to ("Bestellt haben wir am
    # 20.11.": an order's date is no usage start) or another thing's date (an invoice), or the ticket names the fact elsewhere without
    # a date ("I don't have the purchase date handy").
    if single is not None and single.id not in found:
        explicit = [(s, m) for s, m in unassigned if not m.relative]
        others = tuple(folded("other_dates"))  # "Die Rechnung ist vom 01.03.": an invoice's date is no purchase date
        if len({m.value for _, m in explicit}) != 1 or any(event_positions(None, s.words, lex) for s, _ in explicit) \
                or any(t.word.startswith(others) for s, _ in explicit for t in s.tokens):
            return
        if not any(context_spans(single, lang, s.words, lex, [t.word for t in s.tokens]) for s in analysed):
            s, mention = explicit[0]
            if single.id in past_only and _planned(mention.value, today, year_unnamed(s.text, mention, find_dates(s.text, today, order))):
                return
            notes.append(f"{single.id}: the only date, {UNCUED}")
            found[single.id] = mention.value
            evidence[single.id] = s.evidence(mention.start, mention.end, source)
