"""Whether a yes/no fact a sentence tells is a fact of the case: its owner, its time, its teller.

A clause can tell a fact in words that fit its cue and still not tell it of the case:
- of another organisation: "Die Domäne unserer Tochterfirma ist verifiziert", "The OSM address is
  a Global Admin - but of our partner's tenant" (`another_owner`);
- of another person set against the writer: "Den Junk-Ordner meines Kollegen habe ich nicht
  durchsucht, meinen schon" (`another_person`);
- of another or an earlier thing: "Our old enrollment was linked to a tenant" (`another_instance`);
- of one of several tenants: "Wir haben zwei Mandanten: für den alten ist die Registrierung
  verknüpft", "In dev the licenses are in the right account" (`tenant_scoped`);
- in dispute: "Kollege A sagt, die Adresse ist globaler Admin, Kollege B sagt nein" (`disputed`);
- asked back by an "or" tag: "noch nicht wirksam - oder doch?" (`tag_asked`);
- as a past state since changed: "'the order has not been placed yet'. That was in September;
  they've placed it since", "war bis zum Sommer nicht verfügbar", "at first on the wrong tenant,
  but support moved them", "Letztes Jahr lag es am falschen Konto, diesmal ..." (`outdated`, `bygone`).
The fact then stays open: a false fact is worse than a question. The words are data in
`knowledge/language/` (other_parties, owner_links, genitive_determiners, disagreements,
changed_since, kept_states, past_pointers, time_words, state_ends, initial_states, state_starts, bygone_periods, earlier_occasions,
past_existentials, now_words, past_state_verbs).
"""

from __future__ import annotations

from functools import cache

from faq.language.lexicon import folded
from faq.language.normalize import fold
from faq.tickets.borders import breaks_clause, clause_bounds, phrase_spans
from faq.tickets.cuefind import Words, function_words
from faq.tickets.sentence import Sentence, has_sequence
from faq.tickets.tokens import Token, negations
from faq.tickets.weights import ticket_file

__all__ = ["another_instance", "another_owner", "another_person", "bygone", "disputed", "other_instance_at", "outdated", "tag_asked",
           "tenant_scoped"]

_LINK_GAP = 2  # determiners between an owner link and the organisation ("of our", "bei der")
_POSSESSIVE = ("'s", "\u2019s")


def _party(tokens: list[Token], text: str, at: int) -> int | None:
    """The index after another organisation named from token `at` on ("Tochterfirma", "parent
    company"), or None. Not one that names a product ("Partner Center": a capitalised word joined)."""
    words = [t.word for t in tokens]
    ends = [e for i, e in phrase_spans(words[at:at + 3], "other_parties") if i == 0]
    if not ends:
        return None
    end = at + max(ends)
    if end < len(tokens) and text[tokens[end - 1].end:tokens[end - 1].end + 2] not in _POSSESSIVE \
            and not text[tokens[end - 1].end:tokens[end].start].strip() and text[tokens[end].start].isupper():
        return None
    return end


def _owned_by_other(tokens: list[Token], text: str, lo: int, hi: int, channels: tuple[str, ...] = ()) -> bool:
    """Whether tokens lo..hi name another organisation as the owner of what they tell; not one the
    deed was done through (`channels`, word beginnings: "bei unserem Händler bestellt")."""
    links, genitives = folded("owner_links"), folded("genitive_determiners")
    determiners = folded("determiners") | folded("third_party_possessives")
    for i in range(lo, hi + 1):
        word = tokens[i].word
        end = _party(tokens, text, i) if "'" in text or "\u2019" in text else None
        if end is not None and text[tokens[end - 1].end:tokens[end - 1].end + 2] in _POSSESSIVE \
                and not (channels and word.startswith(channels)):
            return True  # "our subsidiary's domain is verified"
        genitive = word in genitives and i > lo and text[tokens[i - 1].start].isupper() \
            and not breaks_clause(text[tokens[i - 1].end:tokens[i].start]) and tokens[i - 1].word not in function_words()
        if not (word in links or genitive):
            continue
        if genitive and phrase_spans([t.word for t in tokens[max(lo, i - 3):i]], "attributions"):
            continue  # "nach Auskunft des Händlers": the source of what is told, not its owner
        at = i + 1
        while at < min(hi + 1, i + 1 + _LINK_GAP) and tokens[at].word in determiners:
            at += 1
        if at <= hi and _party(tokens, text, at) is not None and not (channels and tokens[at].word.startswith(channels)):
            return True
    return False


@cache
def _channels(fact_id: str) -> tuple[str, ...]:
    """The word beginnings of the parties a fact's deed is done through (channel_parties.yaml)."""
    table = (ticket_file("channel_parties.yaml") or {}).get(fact_id) or {}
    return tuple(fold(w) for ws in table.values() for w in ws or ())


@cache
def _told_by_other() -> frozenset[str]:
    return frozenset((ticket_file("other_party_facts.yaml") or {}).get("facts", ()))


def another_owner(s: Sentence, span: tuple[int, int], fact_id: str) -> bool:
    """Whether the clause of a cue, with a verbless contrast after it ("- but of our partner's
    tenant"), names another organisation as the owner of what it tells; not where it sets one
    owner against another ("statt", "instead"), nor for a fact told by naming another party
    (knowledge/tickets/other_party_facts.yaml): the other one is then what it tells."""
    if fact_id in _told_by_other():
        return False  # "sent to a contact at our reseller": the other party is what it tells
    tokens, text = s.tokens, s.text
    lo, hi = clause_bounds(tokens, text, *span)
    contrasts, verbs = folded("contrasts") | folded("corrective_contrasts"), folded("finite_verbs")
    while hi + 1 < len(tokens) and tokens[hi + 1].word in contrasts:
        n_lo, n_hi = clause_bounds(tokens, text, hi + 1, hi + 1)
        if any(t.word in verbs and text[t.start:t.start + 1] not in "'\u2019" for t in tokens[n_lo:n_hi + 1]):
            break  # a clause of its own ("..., but our partner's admin is not")
        hi = n_hi
    otherness = tuple(folded("otherness"))  # once, not for every word
    if any(t.word.startswith(otherness) for t in tokens[lo:hi + 1]):
        return False  # the other owner is what the clause tells ("im Tenant unserer Agentur statt in unserem")
    return _owned_by_other(tokens, text, lo, hi, _channels(fact_id))


_QUALIFIER_GAP = 2  # words between "alte"/"old" and the noun it qualifies ("our old EA enrollment")


def another_instance(s: Sentence, span: tuple[int, int], fact_id: str) -> bool:
    """Whether the clause of a cue names the thing its fact is about as another or an earlier one
    ("die andere Registrierung ist verknüpft", "our previous enrollment was linked";
    knowledge/tickets/instance_facts.yaml)."""
    nouns = tuple(w for ws in ((ticket_file("instance_facts.yaml") or {}).get(fact_id) or {}).values() for w in ws)
    if not nouns:
        return False
    tokens, text = s.tokens, s.text
    lo, hi = clause_bounds(tokens, text, *span)
    others = folded("other_instances")
    for i in range(lo, hi + 1):
        if not tokens[i].word.startswith(nouns):
            continue
        for j in range(i - 1, max(lo, i - 1 - _QUALIFIER_GAP) - 1, -1):
            if breaks_clause(text[tokens[j].end:tokens[j + 1].start]):
                break
            if tokens[j].word in others and not span[0] <= j <= span[1]:  # a cue's own word ("erster Dienst über
                # diese Registrierung") names no other instance
                return not any(t.neg for t in tokens[max(lo, j - _QUALIFIER_GAP - 1):j])  # "not in some other tenant but ..."
    return False


def other_instance_at(tokens: list[Token], text: str, lo: int, hi: int) -> bool:
    """Whether the words lo..hi that name a fact ("purchase", "Nutzungsbeginn") are qualified as
    another or an earlier one's: "our first purchase was in January 2025", "der Nutzungsbeginn des
    alten Vertrags" (`other_instances` right before them, or a genitive with one right after)."""
    others = folded("other_instances")
    for j in range(lo - 1, max(0, lo - 1 - _QUALIFIER_GAP) - 1, -1):
        if breaks_clause(text[tokens[j].end:tokens[j + 1].start]):
            break
        if tokens[j].word in others:
            return True
    after = tokens[hi + 1:hi + 3]
    return len(after) == 2 and after[0].word in folded("genitive_determiners") and after[1].word in others \
        and not breaks_clause(text[tokens[hi].end:after[0].start])


def another_person(analysed: list[Sentence], index: int, span: tuple[int, int], fact_id: str) -> bool:
    """Whether the clause of a cue tells another person's deed or thing ("Mein Kollege hat seinen
    Junk-Ordner nicht geprüft", "the junk folder of my colleague") and the writer then sets their own
    against it, after a clause break or in the next sentence ("..., meinen schon", "I checked mine")."""
    if fact_id in _told_by_other():
        return False  # "an meinen Vorgänger, nicht an mich": the other person is what it tells
    s = analysed[index]
    tokens, text = s.tokens, s.text
    lo, hi = clause_bounds(tokens, text, *span)
    people = folded("other_people") | folded("third_person_possessives")
    if not any(t.word in people for t in tokens[lo:hi + 1]):
        return False
    own = folded("own_markers")
    rest = [t.word for t in tokens[hi + 1:]]
    if index + 1 < len(analysed):
        rest += [t.word for t in analysed[index + 1].tokens[:_QUALIFIER_GAP + 1]]
    return any(w in own for w in rest)


def _answered_report(s: Sentence, value: bool) -> bool:
    """Whether a report verb stands answered by a bare yes or no against `value` at its clause end
    ("Kollege B sagt nein", "the partner says yes"; a "nein" after a denial agrees with it)."""
    tokens, text = s.tokens, s.text
    reports = folded("report_verbs")
    answers = folded("no_words") | folded("none_answers") | negations() if value else folded("affirmations")
    for i in range(len(tokens) - 1):
        if tokens[i].word in reports and tokens[i + 1].word in answers \
                and (i + 2 == len(tokens) or breaks_clause(text[tokens[i + 1].end:tokens[i + 2].start])):
            return True
    return False


def disputed(analysed: list[Sentence], index: int, span: tuple[int, int], value: bool) -> bool:
    """Whether someone disagrees with what sentence `index` tells at `span`: after it in the same
    sentence, or in the next one."""
    s = analysed[index]
    after = [t.word for t in s.tokens[span[1] + 1:]]
    if phrase_spans(after, "disagreements") or _answered_report(Sentence(s.offset, s.text, s.tokens[span[1] + 1:], Words(s.words[span[1] + 1:])), value):
        return True
    if index + 1 < len(analysed):
        nxt = analysed[index + 1]
        return bool(phrase_spans([t.word for t in nxt.tokens], "disagreements")) or _answered_report(nxt, value)
    return False


_TAG = 3  # words at most of an "or" tag that asks a statement back ("- oder doch?", "or has it?")


def tag_asked(s: Sentence, span: tuple[int, int]) -> bool:
    """Whether the clause of a cue is asked back by a short "or" tag closing its sentence
    ("ist noch nicht wirksam - oder doch?", "it hasn't taken effect, or has it?") or by a question
    tag ("The domain is verified, isn't it?", "..., nicht wahr?")."""
    tokens, text = s.tokens, s.text
    _, hi = clause_bounds(tokens, text, *span)
    rest = tokens[hi + 1:]
    if not 0 < len(rest) <= _TAG or "?" not in text[rest[-1].end:]:
        return False
    words = [t.word for t in rest]
    return words[0] in folded("alternatives") or tuple(words) in _tags()  # "..., isn't it?"


@cache
def _tags() -> frozenset[tuple[str, ...]]:
    """The question tags (knowledge/language/question_tags.yaml) as the tokenizer reads them."""
    from faq.language.lexicon import words as lexicon_words
    from faq.tickets.tokens import tokenize

    return frozenset(tuple(t.word for t in tokenize(tag)) for tag in lexicon_words("question_tags"))


def _cue_words(s: Sentence, span: tuple[int, int]) -> set[str]:
    small = function_words()
    return {w for w in s.words[span[0]:span[1] + 1] if w not in small and len(w) > 2}


def _changed(later: Sentence, own: set[str]) -> bool:
    """Whether `later` tells a change since ("inzwischen", "they've placed it since") with a word of
    the fact's cue again; a word of change whose clause tells the state kept (`_kept`) tells none."""
    tokens, text = later.tokens, later.text
    words = [t.word for t in tokens]
    marks = [i for i, _ in phrase_spans(words, "changed_since")] + [
        i for i, t in enumerate(tokens) if t.word == "since" and (i + 1 == len(tokens) or breaks_clause(text[t.end:tokens[i + 1].start]))]
    return any(not _kept(later, i) for i in marks) and any(w in own for w in later.words)


def _kept(s: Sentence, at: int) -> bool:
    """Whether the clause of the word of change at token `at` tells the state kept since
    (`kept_states`): "seitdem steht sie unverändert da", "since then it's still pending"."""
    lo, hi = clause_bounds(s.tokens, s.text, at, at)
    return bool(phrase_spans([t.word for t in s.tokens[lo:hi + 1]], "kept_states"))


def _dated(s: Sentence, start: int = 0) -> bool:
    """Whether the sentence, from token `start`, opens with a pointer back that dates what came
    before ("Das war im September", "that was two weeks ago")."""
    words = [t.word for t in s.tokens[start:]]
    lead = folded("contrasts") | folded("coordinators")
    while words and words[0] in lead:  # "..., but that was a trial last year"
        words = words[1:]
    opening = [e for i, e in phrase_spans(words[:4], "past_pointers") if i == 0]
    if not opening:
        return False
    times = folded("time_words")
    return any(w in times or w.isdigit() for w in words[max(opening):max(opening) + 4])


_BOUND_GAP = 3  # words after "bis"/"until" that may say the state lasts up to now ("bis zum heutigen Tag")


def _bounded(s: Sentence, lo: int, hi: int) -> bool:
    """Whether the clause lo..hi tells a state in the past up to a time or an event ("der Dienst war
    bis zum Sommer nicht verfügbar", "I was OSM until the role cleanup"): it has ended since; not
    one up to now ("bis heute", "until now": `now_words`)."""
    words = [t.word for t in s.tokens[lo:hi + 1]]
    past = folded("past_copulas") | folded("past_state_verbs")
    if not any(w in past or w.rstrip("n") in past for w in words):
        return False  # "ist bis Oktober nicht verfügbar": it still is
    ends, now = folded("state_ends"), folded("now_words")
    return any(w in ends and i + 1 < len(words) and not now.intersection(words[i + 1:i + 1 + _BOUND_GAP])
               for i, w in enumerate(words))


def _turned(analysed: list[Sentence], index: int, c_hi: int) -> bool:
    """Whether what follows the clause ending at token `c_hi` turns to a later state: a contrast
    among the first words after it ("..., die Rolle wurde ihm aber entzogen"), or a word of
    change in a later clause of the sentence or at the next sentence's start."""
    turns = folded("contrasts") | folded("corrective_contrasts")

    def turning(words: list[str]) -> bool:
        return bool(words and words[0] in turns or phrase_spans(words, "changed_since") or phrase_spans(words, "state_starts"))

    s = analysed[index]
    if any(t.word in turns for t in s.tokens[c_hi + 1:c_hi + 2 + _TURN_OPENING]):
        return True
    if turning([t.word for t in s.tokens[c_hi + 1:]]):
        return True
    return index + 1 < len(analysed) and turning([t.word for t in analysed[index + 1].tokens[:_TURN_OPENING]])


_TURN_OPENING = 8  # words at the next sentence's start where it turns to the present ("Wie ist es diesmal?", "Not sure about
# now", "Whether that's the case now I can't say", "I have no idea about this time")


def bygone(analysed: list[Sentence], index: int, span: tuple[int, int], value: bool, fact_id: str = "", year: int = 0) -> bool:
    """Whether the clause of a cue tells an earlier state: one told up to a time that has passed
    ("bis zum Sommer nicht verfügbar"), or one told as the first ("anfangs", "at first":
    `initial_states`), or a "no" or state (a "yes" of a state fact too) of an earlier period ("letztes Jahr", `bygone_periods`), that the
    sentence or the next one turns from ("..., but support moved them", "This time ..."), and a fact of one
    occasion (knowledge/tickets/occasion_facts.yaml) told of an earlier one (the clause a colon opens
    counts with the clause before it: "Beim letzten Mal war es so: ..."): in its clause, dated to a
    year before `year` or to an earlier period, whatever follows ("bei der Verlängerung 2023 hatten wir
    denselben Namen"), or, anywhere in its part of the sentence, turned from; or a "no" or
    a state (knowledge/tickets/state_facts.yaml) dated to a time of then, a time of now told after it
    ("so stand es letzte Woche da, heute steht dort mein Name")."""
    s = analysed[index]
    lo, hi = clause_bounds(s.tokens, s.text, *span)
    if _bounded(s, lo, hi):
        return True
    words = [t.word for t in s.tokens[lo:hi + 1]]
    if lo and ":" in s.text[s.tokens[lo - 1].end:s.tokens[lo].start]:  # "Beim letzten Mal war es so: die Mail ging an ..."
        words = [t.word for t in s.tokens[clause_bounds(s.tokens, s.text, lo - 1, lo - 1)[0]:lo]] + words
    occasion = fact_id in _ticket_facts("occasion_facts.yaml")
    state = not value or occasion or fact_id in _ticket_facts("state_facts.yaml") \
        or phrase_spans(words, "past_existentials")  # "letztes Jahr gab es mehrere": a state, no deed
    dated = occasion and (phrase_spans(words, "bygone_periods") or any(_year_before(w, year) for w in words))
    if occasion:  # "last time we renewed, the name stayed the same. This renewal ..."
        p_lo, p_hi = clause_bounds(s.tokens, s.text, *span, "contrasts")
        words = [t.word for t in s.tokens[p_lo:p_hi + 1]]
    earlier = phrase_spans(words, "initial_states") or state and (phrase_spans(words, "bygone_periods") or phrase_spans(words, "earlier_occasions"))
    if dated or earlier and _turned(analysed, index, hi):  # an occasion dated to an earlier year is another one
        return True
    return (not value or fact_id in _ticket_facts("state_facts.yaml")) and _then_now(analysed, index, lo)


@cache
def _ticket_facts(name: str) -> frozenset[str]:
    """The fact ids a file of knowledge/tickets/ lists."""
    return frozenset((ticket_file(name) or {}).get("facts", ()))


def _year_before(word: str, year: int) -> bool:
    """Whether `word` is a year before `year` ("2023" in 2026)."""
    return len(word) == 4 and word.isdigit() and 1990 < int(word) < year


def _then_now(analysed: list[Sentence], index: int, lo: int) -> bool:
    """Whether from token `lo` on the sentence dates what it tells to a time of then ("letzte Woche",
    "for two days": `then_periods`, `bygone_periods`; not "seit letzter Woche": `lasting_links`) and
    then tells a time of now after it ("heute steht dort mein Name", "now it is": `state_starts`),
    or the next sentence opens with one."""
    words = [t.word for t in analysed[index].tokens[lo:]]
    then = [i for i, _ in phrase_spans(words, "then_periods") + phrase_spans(words, "bygone_periods")
            if not (i and words[i - 1] in folded("lasting_links"))]
    if not then:
        return False
    rest = words[min(then):]
    if phrase_spans(rest, "unchanged_words"):
        return False  # "gestern nicht wirksam, heute auch nicht": no change
    if index + 1 < len(analysed):
        rest += [t.word for t in analysed[index + 1].tokens[:_QUALIFIER_GAP + 1]]
    return bool(phrase_spans(rest, "state_starts") or phrase_spans(rest, "changed_since"))


def outdated(analysed: list[Sentence], index: int, span: tuple[int, int], value: bool, fact_id: str = "", year: int = 0) -> bool:
    """Whether a state sentence `index` tells at `span` is a past state since changed: an earlier
    state of either value (`bygone`); a denial ("noch nicht bestellt") a later clause changes with
    a word of the cue again ("they've placed it since"), or dated right after ("Das war im
    September"). A deed told stays told."""
    if bygone(analysed, index, span, value, fact_id, year):
        return True
    if value:
        return False  # a deed dated ("bestellt. Das war im Mai") still holds
    s = analysed[index]
    own = _cue_words(s, span)
    _, c_hi = clause_bounds(s.tokens, s.text, *span)
    rest = Sentence(s.offset, s.text, s.tokens[c_hi + 1:], Words(s.words[c_hi + 1:]))
    if own and any(_changed(later, own) for later in [rest, *analysed[index + 1:]] if later.tokens):
        return True
    return _dated(s, c_hi + 1) or (index + 1 < len(analysed) and _dated(analysed[index + 1]))


_COUNT_GAP = 3  # words between a count and the tenant it counts ("zwei getrennte M365-Tenants", "a second, separate tenant")


def _several_tenants(analysed: list[Sentence], environments: bool) -> bool:
    """Whether the ticket tells of several tenants: a tenant noun with a count before it ("zwei
    Mandanten", "two tenants", "our second tenant"; `quantity_many`), or, with `environments`, one of a
    test or development environment, in its compound or right before it ("unser Sandbox-Tenant", "our
    trial tenant"; `environment_qualifiers`): the productive tenant is another."""
    parts, many = tuple(folded("tenant_nouns")), folded("quantity_many")
    kinds = tuple(folded("environment_qualifiers")) if environments else ()
    for s in analysed:
        words = [t.word for t in s.tokens]
        for i, w in enumerate(words):
            if any(p in w for p in parts) and (many.intersection(words[max(0, i - _COUNT_GAP):i])
                                               or kinds and _of_environment(words, i, kinds, _COUNT_GAP)):
                return True
    return False


_SUBJECT = 6  # words at most before the first finite verb that make a sentence's subject


def _environment_subject(s: Sentence) -> bool:
    """Whether the sentence's subject (its words before the first finite verb) names a test or development
    tenant ("Unser Testmandant steht in einem Land, ...", "our sandbox tenant already has ..."): what
    the sentence tells is that tenant's."""
    verbs, parts, kinds = folded("finite_verbs"), tuple(folded("tenant_nouns")), tuple(folded("environment_qualifiers"))
    words: list[str] = []
    for t in s.tokens[:_SUBJECT]:
        if t.word in verbs:
            break
        words.append(t.word)
    return any(any(p in w for p in parts) and _of_environment(words, i, kinds, 2) for i, w in enumerate(words))


def _of_environment(words: list[str], i: int, kinds: tuple[str, ...], gap: int) -> bool:
    """Whether the tenant noun at `i` is one of a test or development environment (`kinds`): in its compound
    ("Sandbox-Tenant" folded to one word, "testmandant") or in one of the `gap` words before it ("our trial tenant")."""
    return any(k in words[i] for k in kinds) or any(x.startswith(kinds) for x in words[max(0, i - gap):i])


def _opened(s: Sentence, lo: int) -> int:
    """Where a clause starting at token `lo` begins when a bracket stands before it: at the clause
    before the bracket ("für den alten Tenant (Kanzlei alt) ist ...")."""
    tokens = s.tokens
    while lo > 0 and ")" in s.text[tokens[lo - 1].end:tokens[lo].start]:
        opened = s.text.rfind("(", 0, tokens[lo - 1].end)
        before = [i for i in range(lo) if tokens[i].end <= opened]
        if not before:
            break
        lo = clause_bounds(tokens, s.text, before[-1], before[-1])[0]
    return lo


def tenant_scoped(analysed: list[Sentence], index: int, span: tuple[int, int], fact_id: str) -> bool:
    """Whether a fact of one tenant (knowledge/tickets/tenant_facts.yaml), in a ticket that tells of
    several tenants, is told in a clause that a place phrase opens before its cue ("In dev the
    licenses are in the right account", "für den alten Tenant ist die Registrierung schon verknüpft")
    or that names a tenant after a preposition or a count ("die Domain ist im zweiten Mandanten
    verifiziert", "die Domäne unseres zweiten Mandanten") or picks one of them ("in one of them"):
    it is told of one of them, maybe not the case's."""
    environment = fact_id in _ticket_facts("environment_facts.yaml")
    if fact_id not in _ticket_facts("tenant_facts.yaml") or not _several_tenants(analysed, environment):
        return False
    s = analysed[index]
    if environment and _environment_subject(s):  # "Unser Testmandant steht in einem Land, in dem der Dienst ..."
        return True
    tokens = s.tokens
    lo, hi = clause_bounds(tokens, s.text, *span)
    lo = _opened(s, lo)
    scopes, parts = folded("scope_prepositions"), tuple(folded("tenant_nouns"))
    lead = folded("contrasts") | folded("coordinators")
    first = next((i for i in range(lo, hi + 1) if tokens[i].word not in lead), lo)
    if tokens[first].word in scopes and first < span[0]:
        return True
    last = clause_bounds(tokens, s.text, span[1], span[1])[0]  # the clause of the cue's last word
    for opener in {first, next((i for i in range(last, hi + 1) if tokens[i].word not in lead), last)}:
        if tokens[opener].word in folded("complementizers") and opener > 0:
            # "unser zweiter Mandant hat das Problem, dass der Dienst dort nicht verfügbar ist": a "dass"
            # clause is told of what the clause it completes names
            lo = min(lo, _opened(s, clause_bounds(tokens, s.text, opener - 1, opener - 1)[0]))

    def own(i: int) -> bool:  # a tenant the cue's own words name ("activated in another tenant") scopes nothing
        return span[0] <= i <= span[1]

    def tenant_after(i: int) -> bool:  # "im zweiten Tenant", "in the second tenant"
        return tokens[i].word in scopes and any(p in tokens[k].word and not own(k)
                                                for k in range(i + 1, min(len(tokens), i + 1 + _COUNT_GAP)) for p in parts)

    def counted(i: int) -> bool:  # "die Domäne unseres zweiten Mandanten"
        return not own(i) and any(p in tokens[i].word for p in parts) \
            and not many.isdisjoint(t.word for t in tokens[max(lo, i - _COUNT_GAP):i])

    many = folded("quantity_many")
    opening = next((i for i, t in enumerate(tokens) if t.word not in lead), 0)
    return opening < lo and tenant_after(opening) or any(tenant_after(i) or counted(i) for i in range(lo, hi + 1)) \
        or has_sequence([t.word for t in tokens[lo:hi + 1]], "partitives")  # "verified in one of them"
