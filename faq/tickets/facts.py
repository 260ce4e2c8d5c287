"""Reading a flow's facts from a ticket's text, each with its evidence.

Pure: `today` is passed in. What a ticket states is read sentence by sentence
(`faq.tickets.tokens.sentences`, analysed once in `faq.tickets.sentence`):

* e-mail facts: an address near a context cue of the fact (OSM, "Online Services
  Manager", "an die Adresse" ...), else the only address in the text unless it is where
  the customer wants mail ("Bitte senden Sie ... an"). A malformed address is no fact;
  an example ("eine Adresse wie name@outlook.com"), an address asked about or denied
  ("nicht max@outlook.com, sondern ...") neither.
* date facts: each date in the text (TT.MM.JJJJ, JJJJ-MM-TT, "1. Dezember 2026",
  "December 1, 2026", "September 2nd", "gestern", "vor 3 Tagen" ...) goes to the date
  fact whose context cue is nearest in the same sentence. A date that cannot exist is
  skipped and noted, never moved.
* yes/no facts (`faq.tickets.yesno`): the fact's `yes` / `no` cue phrases, found word by word
  (`faq.tickets.cues`, never across two clauses with verbs of their own); a negation
  that governs the cue's words turns it round, a hedge, a condition or a question leaves
  it open (`faq.tickets.negation`); a later occurrence stands in for a hedged one
  ("Zuerst dachte ich ..., es ist aber doch dieselbe Registrierung"), a refutation after
  it ("das stimmt aber nicht") leaves it open, and a label answers it ("domain verified
  for any tenant: no"). "Genau dieses Konto" opening a sentence is the address named
  just before.
* choice facts: a choice's id, label or alias named as written, as the writer's own,
  not negated, not hedged; a longer choice when the ticket states its other words
  ("OSM" and, anywhere, "die Berechtigung 'Reservierung verwalten' zugewiesen"), none
  when it only asks or doubts them (`faq.tickets.choices`).

In quoted or forwarded text (`source=QUOTED`) a question or an example states nothing.
The phrase lists are data: the `cues` of each fact in `knowledge/flows/*.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from faq.flows.values import Value
from faq.kb.model import Fact, Flow
from faq.language.lexicon import folded
from faq.tickets.body import on_header_line
from faq.tickets.borders import clause_bounds
from faq.tickets.choices import read_choice, refine_choice
from faq.tickets.context import context_positions, context_spans, denied_context, event_positions
from faq.tickets.cueindex import cues_of
from faq.tickets.cues import CueLexicon, lexicon_for
from faq.tickets.datekinds import kind_denied, others_dates, topic_cue
from faq.tickets.doers import denied_doer, done_by_another, writers_deed
from faq.tickets.ended import ended_state
from faq.tickets.evidence import ANSWER, OWN, QUOTED, Evidence
from faq.tickets.hearsay import contradicted_hearsay
from faq.tickets.hedges import hedged
from faq.tickets.inserts import without_inserts
from faq.tickets.mentions import ADDRESS, DateMention, find_dates, find_emails
from faq.tickets.negation import polarity
from faq.tickets.persons import name_osm_by_address, name_osm_people, osm_relative
from faq.tickets.presupposed import partial_yeses, taken_back_denials
from faq.tickets.private import private_beside_registered
from faq.tickets.pronouns import refer_governed, refer_labels, refer_to_subjects
from faq.tickets.quotes import Answer, answer_polarity, doubts_asked, in_quoted_question, is_example
from faq.tickets.scope import (
    another_instance,
    another_owner,
    another_person,
    bygone,
    disputed,
    other_instance_at,
    outdated,
    tag_asked,
)
from faq.tickets.sentence import (
    OPENING,
    Sentence,
    date_denied,
    date_distance,
    date_earlier,
    date_named_other,
    has_sequence,
    labelled,
    name_osm,
    names_another_address,
    not_the_osms,
    refer_back,
    refer_to_compound,
    refer_to_country,
    refuted,
    retold_after,
    token_index,
)
from faq.tickets.settling import UNCUED
from faq.tickets.spread import numbered, same_as_before
from faq.tickets.tokens import Token, sentences, tokenize, without_names
from faq.tickets.unasserted import theirs, unasserted
from faq.tickets.withheld import unknown_at
from faq.tickets.yeared import yeared
from faq.tickets.yesno import cue_said, cue_value

__all__ = ["Extraction", "extract_answer", "extract_facts"]


@dataclass(frozen=True)
class Extraction:
    """The facts a ticket states for one flow.

    Attributes:
        facts: Fact id -> value, in the flow's order.
        notes: What was seen but not used (an impossible date, a malformed address).
        evidence: Fact id -> where the text states it.
    """

    facts: Mapping[str, Value]
    notes: tuple[str, ...] = ()
    evidence: Mapping[str, Evidence] = field(default_factory=dict)


def _apposition(tokens: list[Token], text: str, index: int) -> bool:
    """Whether the address at token `index` only names what the sentence is about: in brackets
    or right after a noun for an address ("die Domäne unserer OSM-Adresse (x@…) ist
    verifiziert, glaube ich"). A belief or doubt then concerns the predicate, not the name."""
    before = text[:tokens[index].start].rstrip()
    return before.endswith(("(", "[")) or index > 0 and before.endswith(text[tokens[index - 1].start:tokens[index - 1].end]) \
        and tokens[index - 1].word.endswith(tuple(folded("address_nouns")))


def _unsaid(tokens: list[Token], text: str, index: int, named: bool = False) -> bool:
    """Whether the address or date at token `index` is an example, in a quoted question, another person's, hedged, conditional or past;
    a `named` address (in apposition) is hedged only by its own clause, and past by its head's too
    ("our OSM used to be an outlook.com address (x@outlook.com)")."""
    return is_example(tokens, index) or in_quoted_question(text, tokens[index].start) or theirs(tokens, text, (index, index)) \
        or hedged(tokens, text, index, index, beliefs=not named) \
        or named and index > 0 and has_sequence([t.word for t in tokens[clause_bounds(tokens, text, index - 1, index - 1)[0]:index]],
                                                 "past_state_markers")


def _replaced(tokens: list[Token], index: int) -> bool:
    """Whether the address at `index` is where a change started ("von max@… auf it@…")."""
    return index > 0 and tokens[index - 1].word in folded("source_prepositions") \
        and any(t.word.startswith("000") for t in tokens[index + 1:])  # addresses are blanked to zeros


def extract_facts(text: str, flow: Flow, today: date, lang: str = "de", vocabulary: object | None = None,
                  source: str = OWN, stated_from: int = 0) -> Extraction:
    """Read the facts of `flow` that a ticket's text states.

    Args:
        text: The text read: the customer's own words (greeting, quotes and signature
            removed), or, with `source=QUOTED`, the quoted or forwarded text.
        flow: The flow whose facts are read.
        today: The date relative words ("gestern") count from.
        lang: The ticket's language ("de" or "en"); its cues are tried first.
        vocabulary: The knowledge base's `Vocabulary`; its synonyms make a cue
            match the words a customer uses ("Spam" for "Junk").
        source: Whose words `text` holds (`evidence.OWN`, `QUOTED`, `SUBJECT`, `ANSWER`).
        stated_from: Offset before which the text only gives context: addresses and
            dates there state nothing, and neither do yes/no or choice cues anywhere
            (an answer to a quoted question, see `extract_answer`).

    Returns:
        The facts found (in the flow's declaration order), their evidence (offsets in
        `text`), and notes on what was skipped.
    """
    lex = lexicon_for(vocabulary)
    found: dict[str, Value | None] = {}
    strength: dict[str, int] = {}
    evidence: dict[str, Evidence] = {}
    notes: list[str] = []
    email_facts = [f for f in flow.facts if f.type == "email"]
    date_facts = [f for f in flow.facts if f.type == "date"]
    yesno_facts = [f for f in flow.facts if f.type == "yesno" and (f.cues.yes or f.cues.no)]
    choice_facts = [f for f in flow.facts if f.type == "choice"]

    analysed = [Sentence(offset, sentence, tokens, lex.words(tokens)) for offset, sentence in labelled(sentences(text))
                if (tokens := tokenize(without_names(sentence)))]
    refer_back(analysed, lex)
    refer_to_compound(analysed)
    refer_to_country(analysed, lex)
    name_osm_people(analysed, lex)
    refer_to_subjects(analysed, lex, lang)
    refer_governed(analysed, lex, lang)
    refer_labels(analysed)
    for before, after in zip(analysed, analysed[1:]):
        opening = [t.word for t in after.tokens[:OPENING + 2]]
        before.refuted = has_sequence(opening, "refutations") or has_sequence(opening[:2], "corrections") \
            or doubts_asked(after.text, after.tokens)  # "Unser Kollege schrieb: 'Die Mail ging an den alten OSM.' Stimmt das?"
        # "Gekauft am 12.08. Korrektur: der 12.08. ist das Rechnungsdatum ...": the sentence corrected states nothing
    if source == QUOTED:  # a quoted mail's questions ask, and its lists of reasons list, they state nothing
        analysed = [s for s in analysed if not s.question and not any(t.word in folded("possibilities") for t in s.tokens)]
    if email_facts:
        _emails(text, analysed, email_facts, lang, lex, found, evidence, notes, source, stated_from)
        if isinstance(osm := found.get(email_facts[0].id), str):
            declared = any(osm.lower() in s.text.lower() and context_positions(email_facts[0], lang, s.words, lex) for s in analysed)
            name_osm_by_address(analysed, osm, lex, declared)
        if isinstance(osm, str) and text.lower().count(osm.lower().split("@")[0] + "@") > 1:
            # the address the ticket names as the OSM's, named again in a sentence that names no OSM, is the OSM
            named = [bool(context_positions(email_facts[0], lang, s.words, lex)) for s in analysed]
            if any(named):
                name_osm([s for s, n in zip(analysed, named) if not n], osm, lex)
    if date_facts:
        _dates(analysed, date_facts, lang, lex, today, found, evidence, notes, source, stated_from)
        for fact_id in kind_denied(evidence, [f for f in date_facts if f.id in found], analysed, lang, lex):
            notes.append(f"{fact_id}: the date is another thing's, denied to be this one")  # "Rechnungsdatum ist nicht das Kaufdatum"
            del found[fact_id], evidence[fact_id]
    text_cues = cues_of(lex, [s.words for s in analysed])
    spliced: dict[int, Sentence | None] = {}  # each sentence without its inserted remarks, read once
    spoken = [f for f in yesno_facts if not text_cues.silent(f, lang)]  # no sentence holds the others' cues
    for index, s in enumerate(analysed if not stated_from else ()):
        for fact in spoken:
            said = cue_value(fact, lang, s, lex, text_cues)
            read = s
            if said is None:
                if index not in spliced:
                    spliced[index] = _spliced(s, lex)
                if (whole := spliced[index]) is not None and (said := cue_value(fact, lang, whole, lex)) is not None:
                    read = whole  # "Die Domäne ist, wie uns der Partner bestätigte, bereits verifiziert"
            if said is None or names_another_address(read, said[2], email_facts and found.get(email_facts[0].id)):
                continue
            value, weight, span = said
            around = analysed if read is s else [*analysed[:index], read, *analysed[index + 1:]]
            if another_owner(read, span, fact.id) or another_instance(read, span, fact.id) \
                    or another_person(around, index, span, fact.id) or tag_asked(read, span) \
                    or disputed(around, index, span, value) or outdated(around, index, span, value, fact.id, today.year) \
                    or ended_state(read, span, value) or done_by_another(around, index, span, value) \
                    or writers_deed(read, span, fact.id) or denied_doer(read, span, value) or unasserted(read, span, value):
                notes.append(f"{fact.id}: told of another owner, person or thing, asked back, disputed, since changed or planned")
                continue
            if fact.id not in found or weight > strength[fact.id] and found[fact.id] == value:
                found[fact.id], strength[fact.id] = value, weight
                evidence[fact.id] = read.span_evidence(span, source)
            elif found[fact.id] is not None and found[fact.id] != value:  # two sentences disagree: unsure
                notes.append(f"{fact.id}: the ticket says both yes and no")
                found[fact.id] = None
        for fact in choice_facts:
            choice = read_choice(fact, lang, s.tokens, s.words, s.text, lex)
            if choice is None or bygone(analysed, index, choice[2], True):  # "war bis zum Sommer OSM"
                continue
            cid, weight, span = choice
            if fact.id not in found or weight > strength[fact.id]:
                found[fact.id], strength[fact.id] = cid, weight
                evidence[fact.id] = s.span_evidence(span, source)
    for fact in yesno_facts if not stated_from else ():
        said_over = same_as_before(fact, lang, analysed, lex, cue_said) or numbered(fact, lang, analysed, lex)
        if said_over is None:
            continue
        if fact.id not in found:
            found[fact.id] = said_over[0]
            evidence[fact.id] = said_over[1].span_evidence(said_over[2], source)
        elif found[fact.id] is not None and found[fact.id] != said_over[0]:
            # "Über die Registrierung A haben wir Exchange aktiviert. ... nicht über dieselbe
            # Registrierung bestellt": one sentence and the two together disagree: unsure.
            notes.append(f"{fact.id}: the ticket says both yes and no")
            found[fact.id] = None
    for fact in choice_facts:
        chosen = found.get(fact.id)
        if isinstance(chosen, str):
            found[fact.id], where = refine_choice(fact, chosen, [(s.tokens, s.words, s.text) for s in analysed], lex, strength[fact.id] < 0)
            if where is not None:  # the words that name the permission are the evidence
                evidence[fact.id] = analysed[where[0]].span_evidence(where[1], source)
    for fact_id in taken_back_denials(found, evidence):  # "nichts bestellt, nur reserviert"
        notes.append(f"{fact_id}: denied, but the ticket tells what it also covers")
        found[fact_id] = None
    for fact_id in contradicted_hearsay({k: evidence[k] for k in found if k in evidence and found[k] is not None}, analysed,
                                        values=found):
        notes.append(f"{fact_id}: another person's word the writer's own experience denies")  # "says I have it, but I can't see it"
        found[fact_id] = None
    for fact_id in partial_yeses(found, [(s.tokens, s.text) for s in analysed]):  # "Junk ja, Mailfilter noch nicht"
        notes.append(f"{fact_id}: stated only in part")
        found[fact_id] = None
    order = {f.id: i for i, f in enumerate(flow.facts)}
    facts = {k: v for k, v in sorted(found.items(), key=lambda kv: order[kv[0]]) if v is not None}
    return Extraction(facts, tuple(notes), {k: v for k, v in evidence.items() if k in facts})


def _emails(text: str, analysed: list[Sentence], facts: list[Fact], lang: str, lex: CueLexicon,
            found: dict[str, Value | None], evidence: dict[str, Evidence], notes: list[str], source: str,
            stated_from: int = 0) -> None:
    addresses = [a for a in find_emails(text) if a[0] >= stated_from and not on_header_line(text, a[0])]  # "From: Tom <t@…>"
    if not addresses:
        for m in ADDRESS.finditer(text):
            notes.append(f"'{m.group().rstrip('.')}' is not a valid e-mail address")
        return
    stated: list[tuple[Sentence, int, int, str]] = []  # sentence, start, end (in it), address
    for s in analysed:
        for start, end, address in addresses:
            if s.offset <= start < s.offset + len(s.text):
                rel = start - s.offset
                at = token_index(s.tokens, rel)
                named = _apposition(s.tokens, s.text, at)
                if not _unsaid(s.tokens, s.text, at, named) and not _replaced(s.tokens, at) and polarity(s.tokens, s.text, (at, at), (), beliefs=not named) is True \
                        and not refuted(s, at) and not s.corrected(at):
                    stated.append((s, rel, end - s.offset, address))
    if len({a.lower() for _, _, _, a in stated}) > 1 and (private := private_beside_registered(stated)):
        notes.extend(f"'{a}' is called private beside a registered address" for a in sorted(private))
        stated = [st for st in stated if st[3].lower() not in private]  # "... ist seine private Adresse, im VLSC steht ..."
    denied: set[int] = set()  # sentences that name the fact only as where the address is not
    for fact in facts:
        best: tuple[int, str, Evidence] | None = None
        for k, s in enumerate(analysed):
            in_sentence = [(rel, rel_end, a) for sent, rel, rel_end, a in stated if sent is s]
            if not in_sentence:
                continue
            cues_at = context_positions(fact, lang, s.words, lex)
            context = [c for c in cues_at if not denied_context(s, c, lex)]
            if cues_at and not context:
                denied.add(k)
            for rel, rel_end, address in in_sentence:
                idx = token_index(s.tokens, rel)
                for c in context:
                    dist = date_distance(s, c, idx, idx, conjunctions=False) + (0 if c <= idx else 1)
                    if best is None or dist < best[0]:
                        best = (dist, address, s.evidence(rel, rel_end, source))
        if best is None and stated and source != QUOTED:  # a quoted mail's only address is its sender's, as a rule
            distinct = {a.lower() for _, _, _, a in stated}
            if len(distinct) == 1 and not denied and not any(not_the_osms(text, sent) for sent, _, _, _ in stated):
                s, rel, rel_end, address = stated[0]
                best = (0, address, s.evidence(rel, rel_end, source))
                if not any(t.word in folded("registering_words") for t in s.tokens):
                    notes.append(f"{fact.id}: the only address, {UNCUED}")  # not "im VLSC steht ..."
        if best is not None:
            found[fact.id] = best[1]
            evidence[fact.id] = best[2]


def _own_events(events: list[int], spans: list[tuple[int, int]], words: list[str], lex: CueLexicon) -> list[int]:
    """The event words that are another event's: not the order or reservation (usage_holders) that
    only qualifies the fact's cue right before it ("usage start on the reservation: today"), nor the
    verb the cue is the subject of ("the reservation was submitted on 20 Nov")."""
    between = lex.derive("own_events", _own_events, "", lambda: lex.stop | folded("prepositions"))
    holders, aux = tuple(folded("usage_holders")), folded("finite_verbs")
    return [e for e in events if not any(hi < e <= hi + 3 and all(w in between for w in words[hi + 1:e])
                                         and (words[e].startswith(holders) or not aux.isdisjoint(words[hi + 1:e])) for _, hi in spans)]


def _spliced(s: Sentence, lex: CueLexicon) -> Sentence | None:
    """The sentence read without the remarks inserted into its clauses (`faq.tickets.inserts`), and
    without a relative clause that names its noun the OSM, that noun read as the OSM
    (`faq.tickets.persons.osm_relative`)."""
    text = without_inserts(s.text)
    plain = without_names(text or s.text)  # an address's dots end no clause
    named = osm_relative(plain, tokenize(plain), lex)
    head = None
    if named is not None:
        text, head = named
    if text is None or not (tokens := tokenize(without_names(text))):
        return None
    words = lex.words(tokens)
    if head is not None:  # "Die Person, die als OSM eingetragen ist, ist ...": the person is the OSM
        words[head] = lex.word("osm")
    return Sentence(s.offset, s.text, tokens, words)


_CLAUSE_END = re.compile(r"[,;]")
_DEED = 3  # words from an event's word to the cue's first word it governs ("placed the order")
_QUESTIONED = re.compile(r"[\s)\"'“”»«]*\?")  # a date that a question mark follows right away
_LABELLED = re.compile(r"(?:^|:)[\s(\"'“”»«]*$")  # ... given alone or as a label's value


def _dates(analysed: list[Sentence], facts: list[Fact], lang: str, lex: CueLexicon, today: date,
           found: dict[str, Value | None], evidence: dict[str, Evidence], notes: list[str], source: str,
           stated_from: int = 0) -> None:
    """Give each date the date fact whose context cue is nearest in its sentence.

    Distance counts words; a cue after the date counts one more, a clause border
    (comma, semicolon) between them five more. Pairs are taken nearest first, each
    fact and each date once. A date given as an example states nothing.
    """
    single = facts[0] if len(facts) == 1 else None
    unassigned: list[tuple[Sentence, DateMention]] = []
    theirs = others_dates(analysed, today)  # "Our Azure subscription started on 24.11., ours on ..."
    for s in analysed:
        tokens = s.tokens
        mentions = [m for m in yeared(s.text, find_dates(s.text, today), today)
                    if s.offset + m.start >= stated_from and s.offset + m.start not in theirs and not _unsaid(tokens, s.text, token_index(tokens, m.start))
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
        contexts = {f.id: context_spans(f, lang, s.words, lex, raw) for f in facts}
        events = {f.id: _own_events(event_positions(f, s.words, lex), contexts[f.id], s.words, lex) for f in facts}
        pairs: list[tuple[int, int, int, Fact]] = []
        happened = event_positions(None, s.words, lex)
        corrected = s.correction_end  # what stands before a correction is withdrawn
        for m_index, mention in enumerate(mentions):
            idx = token_index(tokens, mention.start)
            attributed = idx > 0 and tokens[idx - 1].word in folded("date_attributes")
            end_idx = max(idx, max((i for i, t in enumerate(tokens) if t.start < mention.end), default=idx))  # not a final dot's next word
            nearest: tuple[int, Fact] | None = None
            for f_index, fact in enumerate(facts):
                other = min((date_distance(s, e, idx, end_idx) for e in events[fact.id]), default=None)
                retold = corrected and retold_after(fact, s, (happened, events[fact.id], contexts[fact.id]), corrected, lang, lex)
                for c, c_end in contexts[fact.id]:
                    if c < corrected <= c_end or retold and c < corrected <= idx or unknown_at(s, c) \
                            or other_instance_at(tokens, s.text, c, c_end):  # "our first purchase was in ..."
                        continue  # a cue across the correction, or one it withdrew by telling the date anew;
                        # one the writer does not know ("Den Nutzungsbeginn kenne ich nicht, bestellt am ...")
                    if idx <= c <= end_idx or c < idx and end_idx < c_end and (attributed or any(c < e < idx for e in happened) or any(
                            c - _DEED <= e < c for e in happened) and _CLAUSE_END.search(s.text, tokens[end_idx].end, tokens[c_end].start)):
                        # the cue is the date itself, or its words enclose a date tied to their noun
                        # ("Bestellung vom 20.11. beginnt am 1.12.": that date is the order's) or to
                        # another event ("the subscription we ordered on 2 Nov starts on 30 Nov"), or, past a clause's
                        # end, to the deed just before them ("placed the order on 2 Nov, usage started in Oct")
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
            found[fact.id], evidence[fact.id] = mention.value, s.evidence(mention.start, mention.end, source)
            used_dates.add(m_index)
            retold_here.discard(fact.id)
    unsure = [s for s in analysed if has_sequence([t.word for t in s.tokens], "unknowns")]
    for fact in facts if unsure else ():  # "Gekauft am 01.02. - gemeint ist die Rechnung, das Kaufdatum kenne ich nicht"
        if found.get(fact.id) is not None and any(unknown_at(s, c) for s in unsure
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
            notes.append(f"{single.id}: the only date, {UNCUED}")
            found[single.id] = mention.value
            evidence[single.id] = s.evidence(mention.start, mention.end, source)


_ANSWER_QUOTE = 60  # characters of an answer shown as the evidence of a yes/no fact


def extract_answer(answer: Answer, flow: Flow, today: date, lang: str = "de",
                   vocabulary: object | None = None) -> Extraction:
    """Read the facts the customer's answer to a quoted question states.

    The question gives the context: "> What is the usage start date?" - "1 November
    2026." states the usage start; "> Did you check the junk folder?" - "Haven't had
    the chance yet" says it was not checked. Addresses and dates count only in the
    answer; a yes/no fact the question asks about takes the answer's yes or no.
    Evidence offsets count from the answer's start (`answer.start`).
    """
    question = answer.question.rstrip().rstrip("?").rstrip()
    prefix = f"{question}: "
    combined = prefix + answer.text
    read = extract_facts(combined, flow, today, lang, vocabulary, ANSWER, stated_from=len(prefix))
    shift = answer.start - len(prefix)
    found: dict[str, Value] = dict(read.facts)
    evidence = {k: ev.moved(shift) for k, ev in read.evidence.items()}
    said = answer_polarity(tokenize(answer.text))
    if said is not None:
        lex = lexicon_for(vocabulary)
        tokens = tokenize(question)
        if tokens and tokens[0].word in folded("conditionals"):
            # "Ob er im Junk-Ordner geschaut hat? Nein": an indirect question asks what it names;
            # without its "ob"/"whether" the clause is the statement the answer affirms or denies.
            question = question[tokens[1].start:] if len(tokens) > 1 else ""
            tokens = tokenize(question)
        if tokens:
            asked = Sentence(0, question, tokens, lex.words(tokens))
            head = answer.text.split(",")[0].split("\n")[0][:_ANSWER_QUOTE]
            values = {f.id: v[0] == said for f in flow.facts if f.type == "yesno" and f.id not in found and (f.cues.yes or f.cues.no)
                      and (v := cue_value(f, lang, asked, lex)) is not None}
            if not said and len(values) > 1:  # a "no" to two things at once denies only what the answer names: "> Ein Add-on,
                # dessen Basis unter einer anderen Registrierung läuft?" - "Nein, kein Add-on" (nothing of the base)
                own = Sentence(0, answer.text, (words := tokenize(answer.text)), lex.words(words))
                values = {f.id: v[0] for f in flow.facts if f.id in values and (v := cue_value(f, lang, own, lex)) is not None}
            for fact_id, value in values.items():
                found[fact_id] = value
                evidence[fact_id] = Evidence(head, f"{answer.question} {answer.text}", answer.start, answer.start + len(head), ANSWER)
    order = {f.id: i for i, f in enumerate(flow.facts)}
    facts = {k: found[k] for k in sorted(found, key=lambda k: order[k])}
    return Extraction(facts, read.notes, {k: v for k, v in evidence.items() if k in facts})
