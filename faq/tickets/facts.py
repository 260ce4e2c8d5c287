"""Reading a flow's facts from a ticket's text, each with its evidence.

Pure: `today` is passed in. What a ticket states is read sentence by sentence
(`faq.tickets.tokens.sentences`, analysed once in `faq.tickets.sentence`):

* e-mail facts: an address near a context cue of the fact (OSM, "Online Services
  Manager", "an die Adresse" ...), else the only address in the text unless it is where
  the customer wants mail ("Bitte senden Sie ... an"). A malformed address is no fact;
  an example ("eine Adresse wie name@outlook.com"), an address asked about or denied
  ("nicht max@outlook.com, sondern ...") neither (`faq.tickets.emailfacts`).
* date facts: each date in the text (TT.MM.JJJJ, JJJJ-MM-TT, "1. Dezember 2026",
  "December 1, 2026", "September 2nd", "gestern", "vor 3 Tagen" ...) goes to the date
  fact whose context cue is nearest in the same sentence. A date that cannot exist is
  skipped and noted, never moved (`faq.tickets.datefacts`).
* yes/no facts (`faq.tickets.yesno`): the fact's `yes` / `no` cue phrases, found word by word
  (`faq.tickets.cuefind`, never across two clauses with verbs of their own); a negation
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

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from faq.flows.values import Value, future_allowed
from faq.kb.model import Fact, Flow
from faq.language.lexicon import folded
from faq.tickets.answers import told_of_subject
from faq.tickets.awaited import awaited_state
from faq.tickets.borders import phrase_spans
from faq.tickets.choices import read_choice, refine_choice
from faq.tickets.context import context_positions
from faq.tickets.cuefind import mark_alternatives
from faq.tickets.cueindex import cues_of
from faq.tickets.cues import CueLexicon, lexicon_for
from faq.tickets.datefacts import read_dates
from faq.tickets.datekinds import kind_denied
from faq.tickets.doers import denied_doer, done_by_another, writers_deed
from faq.tickets.emailfacts import read_emails
from faq.tickets.ended import ended_state
from faq.tickets.evidence import ANSWER, OWN, QUOTED, Evidence
from faq.tickets.hearsay import contradicted_hearsay, told_by_person
from faq.tickets.inserts import without_inserts
from faq.tickets.labels import labelled
from faq.tickets.persons import (
    name_osm_by_address,
    name_osm_people,
    name_osm_writer,
    osm_predicate_relative,
    osm_relative,
)
from faq.tickets.presupposed import partial_yeses, taken_back_denials, unsettled_conditions
from faq.tickets.pronouns import refer_governed, refer_labels, refer_to_subjects
from faq.tickets.quotes import Answer, answer_polarity, doubts_asked, is_example, source_passages
from faq.tickets.retracted import left_to_check, retracted
from faq.tickets.rows import as_labels, as_written
from faq.tickets.scope import (
    another_instance,
    another_owner,
    another_person,
    bygone,
    disputed,
    outdated,
    tag_asked,
    tenant_scoped,
)
from faq.tickets.sentence import (
    OPENING,
    Sentence,
    has_sequence,
    name_osm,
    names_another_address,
    refer_back,
    refer_to_compound,
    refer_to_country,
)
from faq.tickets.sides import other_sides
from faq.tickets.solved import solved_or_then
from faq.tickets.spread import numbered, same_as_before
from faq.tickets.textsaid import told_by_text
from faq.tickets.tokens import sentences, tokenize, without_names
from faq.tickets.unasserted import unasserted
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

    Remembered for the last few texts and flows (a copy is returned): triage reads a ticket for a close
    candidate's flow to choose its topic (`faq.tickets.flowtopic`, `faq.tickets.statedtopic`), then
    again for the flow chosen.
    """
    key = (text, id(flow), today, lang, id(vocabulary), source, stated_from)
    hit = _READ.get(key)
    if hit is None or hit[0] is not flow or hit[1] is not vocabulary:
        if len(_READ) >= _READ_KEPT:
            _READ.clear()
        hit = _READ[key] = (flow, vocabulary, _extract_facts(text, flow, today, lang, vocabulary, source, stated_from))
    read = hit[2]
    return Extraction(dict(read.facts), read.notes, dict(read.evidence))


_READ: dict[tuple[object, ...], tuple[Flow, object | None, Extraction]] = {}
_READ_KEPT = 16  # readings remembered (then forgotten at once): those of one ticket


def _extract_facts(text: str, flow: Flow, today: date, lang: str, vocabulary: object | None, source: str,
                   stated_from: int) -> Extraction:
    """`extract_facts` worked out."""
    written, text = text, as_labels(text)  # "| Domain verified | No |", "Spam geprüft? -> Ja": a label and its value
    lex = lexicon_for(vocabulary)
    found: dict[str, Value | None] = {}
    strength: dict[str, int] = {}
    evidence: dict[str, Evidence] = {}
    notes: list[str] = []
    email_facts = [f for f in flow.facts if f.type == "email"]
    date_facts = [f for f in flow.facts if f.type == "date"]
    yesno_facts = [f for f in flow.facts if f.type == "yesno" and (f.cues.yes or f.cues.no)]
    choice_facts = [f for f in flow.facts if f.type == "choice"]

    analysed = [Sentence(offset, sentence, tokens, mark_alternatives(lex.words(tokens), tokens, sentence))
                for offset, sentence in labelled(sentences(text))
                if (tokens := tokenize(without_names(sentence)))]
    refer_back(analysed, lex)
    refer_to_compound(analysed)
    refer_to_country(analysed, lex)
    name_osm_people(analysed, lex)
    osm_predicate_relative(analysed, lex)
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
    else:  # so does a list of reasons pasted from the FAQ or an automatic reply ("Mögliche Ursachen: ...")
        analysed = _without_reason_lists(text, analysed)
    analysed = [s for s in analysed if not told_by_text(s)]  # "In Ihrer Hilfe steht, dass ...": the text's rule
    if passages := source_passages(text):  # "In Ihrer FAQ steht: „... . Der Dienst wird nicht ... gestartet ...“"
        analysed = [s for s in analysed if not any(a <= s.offset < b for a, b in passages)]
    if email_facts:
        read_emails(text, analysed, email_facts, lang, lex, found, evidence, notes, source, stated_from)
        if isinstance(osm := found.get(email_facts[0].id), str):
            declared = any(osm.lower() in s.text.lower() and context_positions(email_facts[0], lang, s.words, lex) for s in analysed)
            name_osm_by_address(analysed, osm, lex, declared)
        if isinstance(osm, str) and text.lower().count(osm.lower().split("@")[0] + "@") > 1:
            # the address the ticket names as the OSM's, named again in a sentence that names no OSM, is the OSM
            named = [bool(context_positions(email_facts[0], lang, s.words, lex)) for s in analysed]
            if any(named):
                name_osm([s for s, n in zip(analysed, named) if not n], osm, lex)
    if source != QUOTED:
        name_osm_writer(analysed, lex)  # after the addresses: "ich bin OSM. Ich habe ... an b@x.de" names no OSM address
    sides = other_sides(analysed)  # "Unsere Tochterfirma hat ... Ich frage aber für unsere eigene ...": theirs
    if date_facts:
        past_only = frozenset(f.id for f in date_facts if not future_allowed(flow, f.id))  # a purchase or reservation lies past
        read_dates(analysed, date_facts, lang, lex, today, found, evidence, notes, source, stated_from, sides, past_only)
        for fact_id in kind_denied(evidence, [f for f in date_facts if f.id in found], analysed, lang, lex):
            notes.append(f"{fact_id}: the date is another thing's, denied to be this one")  # "Rechnungsdatum ist nicht das Kaufdatum"
            del found[fact_id], evidence[fact_id]
    text_cues = cues_of(lex, [s.words for s in analysed])
    spliced: dict[int, Sentence | None] = {}  # each sentence without its inserted remarks, read once
    spoken = [f for f in yesno_facts if not text_cues.silent(f, lang)]  # no sentence holds the others' cues
    def kept(fact: Fact, said: tuple[bool, int, tuple[int, int]] | None, read: Sentence, index: int,
             s: Sentence) -> tuple[tuple[bool, int, tuple[int, int]] | None, bool]:
        """The reading of a cue that is not set aside (`_set_aside`), or the sentence's next cue on other words
        ("I went to the agreement ... it lists a different contact"); and whether one was set aside."""
        around = analysed if read is s else [*analysed[:index], read, *analysed[index + 1:]]
        aside: tuple[tuple[int, int], ...] = ()
        while said is not None and _set_aside(fact.id, said, read, around, index, sides.get(index, 0), today):
            notes.append(f"{fact.id}: told of another owner, person or thing, asked back, disputed, since changed, solved or planned")
            aside += (said[2],)
            said = cue_value(fact, lang, read, lex, text_cues if read is s else None, aside)
            if said is not None and names_another_address(read, said[2], email_facts and found.get(email_facts[0].id)):
                said = None
        return said, bool(aside)

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
            said, moved = kept(fact, said, read, index, s)
            if said is None and read is s and moved:  # set aside for words of an inserted remark ("in a country where,
                # as I confirmed with our reseller's documentation, this service is not offered"): the clause without it
                if index not in spliced:
                    spliced[index] = _spliced(s, lex)
                if (whole := spliced[index]) is not None and (again := cue_value(fact, lang, whole, lex)) is not None \
                        and not names_another_address(whole, again[2], email_facts and found.get(email_facts[0].id)):
                    (said, _), read = kept(fact, again, whole, index, s), whole
            if said is None:
                continue
            value, weight, span = said
            if awaited_state(read, span, value):  # "wir warten darauf, dass die Reservierung wirksam wird"
                value = False
            if fact.id not in found or weight > strength[fact.id] and found[fact.id] == value:
                found[fact.id], strength[fact.id] = value, weight
                evidence[fact.id] = read.span_evidence(span, source)
            elif found[fact.id] is not None and found[fact.id] != value:  # two sentences disagree: unsure
                notes.append(f"{fact.id}: the ticket says both yes and no")
                found[fact.id] = None
        for fact in choice_facts:
            choice = read_choice(fact, lang, s.tokens, s.words, s.text, lex)
            if choice is None or bygone(analysed, index, choice[2], True) or told_by_person(s.tokens, choice[2][0]) \
                    or is_example(s.tokens, choice[2][0]):
                continue  # "war bis zum Sommer OSM", "laut unserem Händler bin ich OSM", "Rollen wie z. B. OSM"
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
    for fact_id in retracted(found, evidence, analysed):  # "... keiner geprüft. Nachtrag: Doch, Frau Kern hat ihn geprüft"
        notes.append(f"{fact_id}: taken back by a later sentence")
        found[fact_id] = None
    for fact_id in left_to_check(found, evidence, analysed):  # "Nutzungsbeginn ist der 01.12., das muss ich aber noch prüfen"
        notes.append(f"{fact_id}: left to be checked")
        found[fact_id] = None
    for fact_id in partial_yeses(found, [(s.tokens, s.text) for s in analysed]):  # "Junk ja, Mailfilter noch nicht"
        notes.append(f"{fact_id}: stated only in part")
        found[fact_id] = None
    for fact_id in unsettled_conditions(found, evidence, (s.tokens for s in analysed)):  # "mehrere Registrierungen", the name unsure
        notes.append(f"{fact_id}: holds only with a fact the ticket leaves open")
        found[fact_id] = None
    order = {f.id: i for i, f in enumerate(flow.facts)}
    facts = {k: v for k, v in sorted(found.items(), key=lambda kv: order[kv[0]]) if v is not None}
    return Extraction(facts, tuple(notes), {k: as_written(v, text, written) for k, v in evidence.items() if k in facts})


def _set_aside(fact_id: str, said: tuple[bool, int, tuple[int, int]], read: Sentence, around: list[Sentence], index: int,
               side: int, today: date) -> bool:
    """Whether a cue read at `said` states nothing of the case: told of another owner, person or thing
    (`side`: the sentence's words before it are another side's), asked back, disputed, since changed,
    ended, another's or the writer's own deed, unasserted, scoped to another tenant, solved or planned."""
    value, _, span = said
    return span[1] < side or another_owner(read, span, fact_id) or another_instance(read, span, fact_id) \
        or another_person(around, index, span, fact_id) or tag_asked(read, span) \
        or disputed(around, index, span, value) or outdated(around, index, span, value, fact_id, today.year) \
        or ended_state(read, span, value) or done_by_another(around, index, span, value) \
        or writers_deed(read, span, fact_id) or denied_doer(read, span, value) or unasserted(read, span, value) \
        or tenant_scoped(around, index, span, fact_id) or solved_or_then(around, index, span, fact_id, today.year)


def _spliced(s: Sentence, lex: CueLexicon) -> Sentence | None:
    """The sentence read without the remarks inserted into its clauses (`faq.tickets.inserts`), and
    without a relative clause that names its noun the OSM, that noun read as the OSM
    (`faq.tickets.persons.osm_relative`)."""
    text = without_inserts(s.text)
    plain = without_names(text or s.text)  # an address's dots end no clause
    named = osm_relative(plain, tokenize(plain), lex)
    if named is None and text is not None:  # "Die Person, deren Adresse als OSM hinterlegt ist, ist ...": no insert
        named = osm_relative(original := without_names(s.text), tokenize(original), lex)
    head = None
    if named is not None:
        text, head = named
    if text is None or not (tokens := tokenize(without_names(text))):
        return None
    words = lex.words(tokens)
    if head is not None:  # "Die Person, die als OSM eingetragen ist, ist ...": the person is the OSM
        words[head] = lex.word("osm")
    return Sentence(s.offset, s.text, tokens, words)


_NOUN_COLON = 3  # words from a plural noun of reasons to the colon that opens their list ("the reasons are:")
_ANSWER_QUOTE = 60  # characters of an answer shown as the evidence of a yes/no fact


def _lists_reasons(s: Sentence) -> bool:
    """Whether a sentence opens, or goes on after a colon, with the head of a list of possible reasons
    (`reason_lists`: "Mögliche Ursachen: ...", "the auto-reply said: possible causes are ..."), or a plural
    noun of reasons with a colon right after it or its verb (`reason_nouns`: "im Netz steht, Gründe seien:
    ..."), and names no writer as its subject (`first_person_subjects`)."""
    words = [t.word for t in s.tokens]
    heads = [i for i, _ in phrase_spans(words, "reason_lists")]
    nouns = [i for i, w in enumerate(words[:-1]) if w in folded("reason_nouns")]  # "Gründe seien: ...", "the reasons are: ..."
    return (any(i < OPENING or ":" in s.text[s.tokens[i - 1].end:s.tokens[i].start] for i in heads)
            or any(":" in s.text[s.tokens[i].end:s.tokens[min(i + _NOUN_COLON, len(words) - 1)].start] for i in nouns)) \
        and folded("first_person_subjects").isdisjoint(words)


def _names_reasons_as_examples(s: Sentence) -> bool:
    """Whether a sentence names possible reasons by examples: the head of a list of reasons or a plural
    noun of reasons with an example marker right after it (`example_markers`: "Im FAQ stehen Gründe, z. B.
    dass ...", "the FAQ gives causes such as ..."), and no writer as its subject (`first_person_subjects`).
    Unlike a list's colon, it opens nothing: the next sentence is the writer's again."""
    words = [t.word for t in s.tokens]
    heads = [i for i, _ in phrase_spans(words, "reason_lists")]
    nouns = [i for i, w in enumerate(words[:-1]) if w in folded("reason_nouns")]
    if not heads and not nouns:
        return False
    examples = [i for i, _ in phrase_spans(words, "example_markers")]
    return any(0 < e - i <= _NOUN_COLON for i in [*heads, *nouns] for e in examples) \
        and folded("first_person_subjects").isdisjoint(words)


def _without_reason_lists(text: str, analysed: list[Sentence]) -> list[Sentence]:
    """The sentences less those of a list of possible reasons (`_lists_reasons`), and less the sentences
    that go on with it on the same line ("Mögliche Ursachen: Die Mail ging an ... Der Junk-Ordner wurde ..."),
    up to one where the writer speaks of their own side (`writers_side`: "Bei uns fehlt ..."); less a
    sentence that names reasons by examples (`_names_reasons_as_examples`)."""
    kept: list[Sentence] = []
    listing = False
    mine = folded("writers_side")
    for before, s in zip([None, *analysed], analysed):
        same_line = before is not None and "\n" not in text[before.offset + len(before.text):s.offset]
        listing = _lists_reasons(s) or listing and same_line and mine.isdisjoint(t.word for t in s.tokens)
        # the writer back on the same line ("Bei uns fehlt die Mail", "Our mail is missing") ends the list
        if not listing and not _names_reasons_as_examples(s):
            kept.append(s)
    return kept


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
    said = answer_polarity(tokenize(answer.text), answer.text)
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
            told = told_of_subject(question, answer.text) if said and not values else None
            if told is not None:  # "> Is that address an admin ...?" - "Yes, it is billing administrator"
                own = Sentence(0, told, (words := tokenize(told)), lex.words(words))
                values = {f.id: v[0] for f in flow.facts if f.type == "yesno" and f.id not in found
                          and (v := cue_value(f, lang, own, lex)) is not None}
            for fact_id, value in values.items():
                found[fact_id] = value
                evidence[fact_id] = Evidence(head, f"{answer.question} {answer.text}", answer.start, answer.start + len(head), ANSWER)
    for fact in flow.facts:
        if fact.type == "choice" and fact.id not in found \
                and (chosen := _answered_choice(answer, fact, question, lang, lexicon_for(vocabulary))) is not None:
            found[fact.id], evidence[fact.id] = chosen
    order = {f.id: i for i, f in enumerate(flow.facts)}
    facts = {k: found[k] for k in sorted(found, key=lambda k: order[k])}
    return Extraction(facts, read.notes, {k: v for k, v in evidence.items() if k in facts})


def _answered_choice(answer: Answer, fact: Fact, question: str, lang: str, lex: CueLexicon) -> tuple[str, Evidence] | None:
    """The choice an answer's first sentence names when its quoted question asks for the fact (names one of
    its context cues: "> Welche Rolle haben Sie im VLSC?" - "Nur die OSM-Rolle."; "> What is your role?" -
    "OLA."): the writer's own unless a possessive makes it another's, not denied nor hedged (`read_choice`),
    the longer one when the answer states the longer one's other words (`refine_choice`)."""
    asked = tokenize(question)
    if not asked or not context_positions(fact, lang, lex.words(asked), lex):
        return None
    said = [Sentence(offset, part, tokens, mark_alternatives(lex.words(tokens), tokens, part))
            for offset, part in sentences(answer.text) if (tokens := tokenize(without_names(part)))]
    choice = read_choice(fact, lang, said[0].tokens, said[0].words, said[0].text, lex, asked=True) if said else None
    if choice is None or choice[1] < 0:
        return None  # none, or someone else's ("Unsere OLA, nicht ich")
    chosen, where = refine_choice(fact, choice[0], [(s.tokens, s.words, s.text) for s in said], lex)
    if chosen is None:
        return None
    found = said[where[0]].span_evidence(where[1], ANSWER) if where else said[0].span_evidence(choice[2], ANSWER)
    return chosen, found.moved(answer.start)
