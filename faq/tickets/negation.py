"""Whether a sentence states, denies or leaves open what a cue found in it says.

* A negation applies to the phrase it belongs to: from the next word that carries
  meaning up to a preposition opening a phrase of its own ("never *received the
  mail* for our order", "bei keinem *Konto verifiziert*", "noch gar nicht
  *geprüft*"), a new finite verb ("the licences we can't *see* | are an add-on") or,
  in English, a second noun phrase ("not *the one* | the add-on was ordered under");
  standing last in its clause ("prüfen wir nicht"), to the whole clause. A negating
  subject or object ("niemand", "nobody", "nichts") negates its clause; a denied person
  ("keiner von uns", "no one") also what the clause coordinates. So "never received the
  mail for our order" denies receiving, not ordering. A negation restricted to something
  new or further ("nichts Neues bestellt", "didn't order anything new") denies nothing
  about the fact: the clause leaves it open.
* A belief, a doubt, a hedge, a condition or a past state leaves a fact open
  (`faq.tickets.hedges.hedged`), unless the cue names the past itself ("damals ...
  aktiviert"); so does a question: the
  clause before its question mark, and in a sentence a question word or verb opens
  ("Muss die Domäne verifiziert sein, damit ...?"), its first clause and a "dass"/"that"
  clause; a reason or concession ("..., obwohl die Domäne verifiziert ist?") still states.

The word lists are data in `knowledge/language/` (negations, negation_subjects,
negation_persons, particles, prepositions, beliefs, hedges, conditionals,
past_state_markers, past_time_markers, past_copulas, clause_breaks, contrasts, negation_restrictors, intentions,
question_openers, complementizers, stating_subordinators, asked_reasons, inquiry_verbs, requests, finite_verbs, determiners,
verb_negations, passive_auxiliaries, midfield_particles, subject_pronouns,
infinitive_markers, infinitive_denials, verbs_of_checking, certainties, intensifiers, interrogatives, wishes,
focus_particles, ability_modals, other_settings, own_settings, corrective_contrasts,
elliptic_affirmations, agents, agent_selves, third_party_possessives, other_owners, bracket_negations,
finding_verbs).
"""

from __future__ import annotations

from functools import cache

from faq.language.lexicon import folded as _folded
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.borders import breaks_clause, clause_bounds
from faq.tickets.borders import phrases as _phrases
from faq.tickets.cuefind import function_words, word_matches
from faq.tickets.hedges import has_phrase, hedged, other_owner_prefixes
from faq.tickets.quotes import in_quoted_question
from faq.tickets.reported import report_denied
from faq.tickets.tokens import Token, after_list_mark, negations, zu_inside

__all__ = ["polarity"]


@cache
def _skippable() -> frozenset[str]:
    return function_words() | _folded("particles") | negations()


def _scope(tokens: list[Token], at: int, end: int) -> set[int]:
    """Return the token positions a negation at `at` governs, within its clause ending at `end`.

    The negated phrase runs from the next meaningful word up to a preposition that
    opens a phrase of its own ("never received the mail | for our order") or a contrast
    ("nicht in einem fremden Tenant, | sondern ... verifiziert"). A negation
    with no phrase after it ("prüfen wir nicht"), or one followed at once by a
    preposition ("nicht im Spam-Ordner nachgesehen"), governs its whole clause.
    """
    skip = _skippable()
    prepositions = _folded("prepositions")
    first = next((i for i in range(at + 1, end + 1) if tokens[i].word not in skip), None)
    if first is None or tokens[first].word in prepositions:
        return set(range(0, end + 1))
    contrasts, verbs, openers = _folded("contrasts"), _folded("finite_verbs"), _english_determiners()
    out: set[int] = set()
    determiner, phrase = False, False
    # "did not go | to another contact": a preposition right after a denied verb opens its complement
    bridges = _folded("particles") | _folded("passive_auxiliaries")
    complement = tokens[at].word in _folded("verb_negations") and all(t.word in bridges for t in tokens[at + 1:first])
    for i in range(at + 1, end + 1):
        word = tokens[i].word
        if i >= first:
            if word in contrasts or word in prepositions and not _infinitive(tokens, i) \
                    and not (complement and i == first + 1):
                break  # "not in another tenant but verified": what follows "but" is not denied
            if i > first and word in verbs:
                break  # "the licences we can't see | are an add-on": a predicate of its own
            if phrase and word in openers:
                break  # "not the one | the add-on was ordered under": a clause without a "that"
            out.add(i)
        if word in openers:
            determiner = True
        elif determiner and word not in skip:
            phrase = True
    return out


def _asks(tokens: list[Token], text: str, at: int) -> bool:
    """Whether the token at `at` stands in the clause a question opens: the sentence ends with
    a question mark and begins with a question word or verb ("Muss die Domäne verifiziert
    werden, damit die Mail kommt?"), or has no verb at all ("OSM oder VLSC-Administrator?")."""
    if not tokens or not text.rstrip().rstrip("\"'»«“”)").endswith("?"):
        return False
    _, first_end = clause_bounds(tokens, text, (first := after_list_mark(tokens, text)), first)  # "1. Have you ...?"
    opened = tokens[first].word in _folded("question_openers")
    if at > first_end:
        # "Is it possible that our domain is verified?": the clause a "that" opens is asked too;
        # one that gives a reason or a contrast ("..., obwohl die Domäne verifiziert ist?") states.
        return opened and tokens[clause_bounds(tokens, text, at, at)[0]].word in _folded("complementizers")
    verbs, openers = _folded("finite_verbs"), _folded("question_openers")
    return opened or not any(t.word in verbs or t.word in openers for t in tokens)


def _reason_asked(tokens: list[Token], text: str, c_lo: int) -> bool:
    """Whether the clause at `c_lo`, ending a question, is a reason asked about: opened by "weil"/"because"
    (`asked_reasons`) in a question that opens with no question word and asks for no deed ("Is it because
    the mail went to another contact?", "Kommt die Mail nicht, weil ...?"; not "Warum ..., weil ...?" nor
    "Can you resend it because ...?", `requests`)."""
    if tokens[c_lo].word not in _folded("asked_reasons"):
        return False
    first = after_list_mark(tokens, text)
    if tokens[first].word in _folded("interrogatives"):
        return False
    return not has_phrase([t.word for t in tokens[first:c_lo]], _phrases("requests"))


def _confirmation_asked(tokens: list[Token], text: str, c_lo: int) -> bool:
    """Whether the clause at `c_lo` is what a request asks support to confirm or find out: opened by
    "dass"/"that" right after a clause holding a request (`requests`) and a verb of finding out or
    checking (`inquiry_verbs`, `verbs_of_checking`): "Bitte bestätigen Sie mir, dass die Mail an einen
    anderen Kontakt ging", "Please verify that ..."; not "Bitte beachten Sie, dass ...", which tells."""
    if not c_lo or tokens[c_lo].word not in _folded("complementizers"):
        return False
    r_lo = clause_bounds(tokens, text, c_lo - 1, c_lo - 1)[0]
    before = [t.word for t in tokens[r_lo:c_lo]]
    finding = _folded("inquiry_verbs") | _folded("verbs_of_checking")
    return any(w in finding for w in before) and has_phrase(before, _phrases("requests"))


def _infinitive(tokens: list[Token], i: int) -> bool:
    """Whether the preposition at `i` marks an infinitive of checking ("haven't had a chance
    to check the spam folder"): then it opens no phrase of its own."""
    return i + 1 < len(tokens) and tokens[i + 1].word in _folded("verbs_of_checking")


@cache
def _english_determiners() -> frozenset[str]:
    """Determiners that open a noun phrase in English, where a relative clause may begin
    without a word of its own ("the one the add-on was ordered under")."""
    return frozenset(fold(w) for w in lexicon_words("determiners", "en"))


def _negated(tokens: list[Token], text: str, c_lo: int, c_hi: int, cue_at: set[int]) -> bool:
    """Whether a negation of the clause c_lo..c_hi reaches a word of the cue (at positions `cue_at`).

    A person denied ("niemand", "keiner von uns", "no one") is the subject of everything its
    clause coordinates: "keiner hat in die Quarantäne oder den Junk-Ordner geschaut".
    """
    subjects, persons = _folded("negation_subjects"), _phrases("negation_persons")
    start = c_lo
    while start > 0 and not breaks_clause(text[tokens[start - 1].end:tokens[start].start]) \
            and tokens[start].word not in _folded("contrasts"):
        start -= 1
    for i in range(start, c_hi + 1):
        if not tokens[i].neg or i + 1 < len(tokens) and tokens[i + 1].word in _folded("focus_particles") \
                and not breaks_clause(text[tokens[i].end:tokens[i + 1].start]):
            continue  # "nicht nur einmal geprüft", "not only the inbox": stated, not denied ("nicht, nur ...": denied)
        if any(tuple(t.word for t in tokens[i:i + len(p)]) == p for p in persons.get(tokens[i].word, ())):
            return True  # "nobody", "no one": the clause's subject denies its predicate
        if tokens[i].word in subjects and _found_nothing(tokens, i):
            continue  # "Der Spam-Check ergab nichts": the check was done
        if i >= c_lo and (tokens[i].word in subjects or _scope(tokens, i, c_hi) & cue_at
                          or c_hi in cue_at and _closing_verb(tokens, text, i, c_hi)):
            return True
    return False


_FINDING_GAP = 2  # particles between a verb of finding and its "nichts" ("ergab leider gar nichts")


def _coordinated_object_denied(tokens: list[Token], text: str, c_lo: int, c_hi: int) -> bool:
    """Whether the clause c_lo..c_hi, a noun phrase with no verb of its own, is one of objects coordinated
    before a bare denied verb ("Eine verifizierte Domain oder ein bestehendes Konto haben wir nicht",
    "A verified domain or an existing account we don't have"), or the topic a dash sets before one ("Die
    Berechtigung „Reservierung verwalten“ – habe ich nicht"): from the first finite verb of the clause the
    coordinators or the dash lead to, only small words, verbs and a negation of the verb (no "nichts") follow."""
    verbs, coordinators = _folded("finite_verbs"), _folded("coordinators")
    if c_hi + 1 >= len(tokens):
        return False
    dashed = text[tokens[c_hi].end:tokens[c_hi + 1].start].strip(_QUOTE_MARKS) in _DASHES  # "„...“ – habe ich nicht"
    if not dashed and tokens[c_hi + 1].word not in coordinators or any(t.word in verbs for t in tokens[c_lo:c_hi + 1]):
        return False  # most clauses: neither a dash nor a coordinator after them
    end = c_hi
    while end + 1 < len(tokens) and (dashed or tokens[end + 1].word in coordinators
                                     and not breaks_clause(text[tokens[end].end:tokens[end + 1].start])):
        _, end = clause_bounds(tokens, text, end + 1, end + 1)
        verb = next((i for i in range(c_hi + 1, end + 1) if tokens[i].word in verbs), None)
        if verb is not None:
            bare = _skippable() | verbs | _folded("subject_pronouns") | _folded("pro_forms")
            rest = tokens[verb:end + 1]
            return any(t.neg and t.word not in _folded("negation_subjects") for t in rest) and all(t.word in bare for t in rest)
            # not "im Junk-Ordner und in den Filtern ist nichts": what was found, no deed denied
        dashed = False
    return False


_DASHES = frozenset("–—-")  # a spaced dash that sets a topic before what is said of it
_QUOTE_MARKS = " \t\"'„“”»«"  # around a quoted name before the dash


def _found_nothing(tokens: list[Token], at: int) -> bool:
    """Whether the negating object at `at` ("nichts", "nothing") is what a check named before it
    turned up ("Der Spam-Check ergab nichts", "the junk check found nothing": `finding_verbs`,
    `verbs_of_checking`): the check was done; its clause is not denied."""
    j = at - 1
    while j >= 0 and at - j <= _FINDING_GAP and tokens[j].word in _folded("particles"):
        j -= 1
    checks = _folded("verbs_of_checking")  # the check names itself: "Spam-Check", "Prüfung" ("the tenant showed nothing" is none)
    return j >= 0 and tokens[j].word in _folded("finding_verbs") and any(t.word in checks for t in tokens[:j])


def _verb_denied_after(tokens: list[Token], text: str, c_lo: int, c_hi: int, cue_at: set[int]) -> bool:
    """Whether the clause's negations ("nicht", "nie") all stand after a cue of capitalised nouns
    in a clause without a form of being, having or existing (existentials.yaml): then they deny
    what the noun does or how, not the noun ("Im Portal taucht das Add-on nicht auf", "Das Add-on
    wurde nicht über eine andere Registrierung bestellt"; "Ein Add-on ist es nicht", "Mehrere
    Registrierungen gibt es nicht" deny it)."""
    negs = [i for i in range(c_lo, c_hi + 1) if tokens[i].neg]
    if not negs or not cue_at or negs[0] <= max(cue_at) or any(tokens[i].word not in _folded("bracket_negations") for i in negs):
        return False  # "Weitere Registrierungen gibt es keine": a noun's own negation denies it
    if not all(text[tokens[i].start:tokens[i].start + 1].isupper() or text[tokens[i].start - 1:tokens[i].start] == "-"
               for i in cue_at) or any(_fronted_verb(tokens, i) for i in cue_at):  # "Add-on": a compound's later parts as written
        return False
    return not any(t.word in _folded("existentials") for t in tokens[c_lo:c_hi + 1])


def _fronted_verb(tokens: list[Token], i: int) -> bool:
    """Whether the sentence's first word at `i`, capitalised by its place alone, is a participle put
    before the finite verb ("Platziert wurde die Bestellung nicht", "Aufgegeben haben wir sie nie"):
    it ends as one (`closing_verb_endings`) and a finite verb follows at once; a noun opening the
    sentence ("Bestellung wurde ...") does not end so."""
    return i == 0 and len(tokens) > 1 and tokens[0].word.endswith(_verb_endings()) \
        and tokens[1].word in _folded("finite_verbs")


def _closing_verb(tokens: list[Token], text: str, at: int, end: int) -> bool:
    """Whether a German midfield negation at `at` denies the verb closing its clause at `end`
    ("noch nie etwas über diese Registrierung aktiviert"): a lower-case last word ending as a
    participle or infinitive does (closing_verb_endings: "-t", "-en"); a capitalised noun does not, nor does a verb
    after a contrast ("nicht in einem fremden Tenant, sondern in unserem verifiziert")."""
    last = tokens[end]
    return tokens[at].word in _folded("bracket_negations") and end > at + 1 \
        and not any(t.word in _folded("contrasts") for t in tokens[at + 1:end]) \
        and text[last.start:last.start + 1].islower() and last.word.endswith(_verb_endings()) \
        and last.word not in _skippable() | _folded("prepositions")


@cache
def _verb_endings() -> tuple[str, ...]:
    return tuple(sorted(_folded("closing_verb_endings")))


def _infinitive_at(tokens: list[Token], lo: int, hi: int, cue: tuple[str, ...], words: list[str] | None) -> int | None:
    """Return the position of a cue's verb that stands as an infinitive or verbal noun ("zu
    prüfen", "Zum Prüfen", "to check", "to checking"), else None."""
    markers = _folded("infinitive_markers")
    verbs = _folded("verbs_of_checking")
    for i in range(max(lo, 1), hi + 1):
        word = tokens[i].word
        if tokens[i - 1].word not in markers and not zu_inside(word) or not any(word_matches(c, words[i] if words else word) for c in cue):
            continue
        if word in verbs or (words is not None and words[i] in verbs) or word.endswith("ing") \
                or (word.endswith("en") and tokens[i - 1].word != "to"):
            return i
    return None


def _denied_around(tokens: list[Token], text: str, span: tuple[int, int], verb: int) -> bool:
    """Whether the clause an infinitive depends on denies its deed (`infinitive_denials`): a
    word of denial outside the cue's words in the infinitive's own clause, or a phrase of
    denial in the clause next to it that only a comma parts ("Um ... zu kontrollieren,
    hatte ich keine Zeit"; "I had no time, ...")."""
    phrases = _phrases("infinitive_denials")
    c_lo, c_hi = clause_bounds(tokens, text, span[0], span[1])
    words = [t.word for t in tokens]
    outside = [i for i in range(c_lo, c_hi + 1) if not span[0] <= i <= span[1]]
    if any(len(p) == 1 for i in outside for p in phrases.get(words[i], ())):
        return True
    ranges = [(c_lo, c_hi)]
    breaks = _folded("clause_breaks")
    if c_lo > 0 and words[c_lo] not in breaks and breaks_clause(text[tokens[c_lo - 1].end:tokens[c_lo].start]):
        ranges.append(clause_bounds(tokens, text, c_lo - 1, c_lo - 1))
    if c_hi + 1 < len(tokens) and words[c_hi + 1] not in breaks \
            and breaks_clause(text[tokens[c_hi].end:tokens[c_hi + 1].start]):
        ranges.append(clause_bounds(tokens, text, c_hi + 1, c_hi + 1))
    for a, b in ranges:
        for i in range(a, b + 1):
            for p in phrases.get(words[i], ()):
                if len(p) > 1 and tuple(words[i:min(i + len(p), b + 1)]) == p:
                    return True
    return False


def _taken_back(tokens: list[Token], text: str, hi: int, c_hi: int) -> bool:
    """Whether the rest of the sentence takes back a denial of the cue ending at `hi` (its clause
    ends at `c_hi`): something else is put in its place ("nichts bestellt, sondern eine Reservierung
    aufgegeben", "we placed a reservation instead"; `corrective_contrasts`): another deed, with a
    verb of its own (`past_verbs`, `finite_verbs`), not the same deed for another one ("nicht für
    unser Produktivkonto aktiviert, sondern für den Testmandanten"; "nicht über dieselbe, sondern
    über eine andere Registrierung bestellt", `otherness`); or a
    short contrast affirms it for someone else ("..., mein Kollege aber schon", "but my colleague
    did"; `elliptic_affirmations`). The fact is then open: a false "no" is worse than a question."""
    words = [t.word for t in tokens]
    if _other_doer(tokens, words, c_hi):
        return True
    table, focus = _phrases("corrective_contrasts"), _folded("focus_particles")
    for i in range(hi + 1, len(words)):
        if any(tuple(words[i:i + len(p)]) == p for p in table.get(words[i], ())) \
                or words[i] in focus and breaks_clause(text[tokens[i - 1].end:tokens[i].start]):  # ", nur reserviert"
            r_lo, r_hi = clause_bounds(tokens, text, i, i)  # the replacement: the clause of "sondern", "instead"
            rest = words[max(r_lo, hi + 1):r_hi + 1]
            verbs = _folded("past_verbs") | (_folded("finite_verbs") - _folded("prepositions"))  # not "am"
            return any(w in verbs for w in rest) \
                and not any(w.startswith(tuple(_folded("otherness"))) for w in rest if w not in table)
    if c_hi + 1 >= len(tokens):
        return False
    end = c_hi + 1  # the next part of the sentence, up to punctuation
    while end + 1 < len(tokens) and not breaks_clause(text[tokens[end].end:tokens[end + 1].start]):
        end += 1
    rest = words[c_hi + 1:end + 1]
    if not rest or len(rest) > _ELLIPSIS or not any(w in _folded("contrasts") for w in rest):
        return False
    if not any(w in _folded("finite_verbs") for w in rest) and has_phrase(rest, _phrases("hedges")):
        return True  # "in keinem Tenant verifiziert, eventuell aber bei der Mutterfirma": maybe it holds after all
    return any(tuple(rest[-len(p):]) == p for ps in _phrases("elliptic_affirmations").values() for p in ps)


def _other_doer(tokens: list[Token], words: list[str], c_hi: int) -> bool:
    """Whether a denial up to `c_hi` denies the writer's side as the doer, another doer following
    a contrast ("nicht von uns, sondern von unserem Händler aufgegeben", "wasn't checked by me but
    by our IT team", "habe nicht ich geprüft, sondern unsere IT"): the deed was done."""
    markers, selves = _folded("agents"), _folded("agent_selves")
    breaks = _folded("contrasts") | _folded("corrective_contrasts")
    for n in (i for i in range(c_hi + 1) if tokens[i].neg):
        k = next((j for j in range(n + 1, len(words)) if words[j] in breaks), None)
        if k is None or k + 1 >= len(words):
            continue
        denied = any(words[j] in selves and (j == n + 1 or words[j - 1] in markers) for j in range(n + 1, k))
        other = words[k + 1] in markers or words[k + 1] in _folded("third_party_possessives") \
            or words[k + 1].startswith(other_owner_prefixes())
        if denied and other:
            return True
    return False


def _pointed_at(tokens: list[Token], lo: int, hi: int, c_lo: int) -> bool:
    """Whether a demonstrative right before a "no ..." cue's last word or the cue points at its
    thing as one that exists ("not in the tenant this order is for": `presupposing_demonstratives`),
    so the cue's negation denies something else ("diese Domain ist nicht verifiziert" still denies)."""
    pointers = _folded("presupposing_demonstratives")
    return hi > lo and tokens[hi - 1].word in pointers or lo > c_lo and tokens[lo - 1].word in pointers


_ELLIPSIS = 6  # words at most in a contrast that affirms by ellipsis ("but my colleague did")


def _identity_denied(tokens: list[Token], c_lo: int, c_hi: int, cue_at: set[int]) -> bool:
    """Whether the clause denies that two things the cue names on either side are the same ("the
    recipient in VLSC is not the same person as our OSM", "nicht dieselbe Person wie"): a negation
    before a sameness word (`sameness`), cue words before it and after the word linking what it is
    compared with (`comparison_links`). "Not on the same enrollment as the add-on" with a cue of the
    add-on alone denies no add-on."""
    same, links, skip = _folded("sameness"), _folded("comparison_links"), _folded("articles")
    for n in range(c_lo, c_hi):
        if not tokens[n].neg or not any(i < n for i in cue_at):
            continue
        k = n + 1
        while k < c_hi and tokens[k].word in skip:
            k += 1
        if tokens[k].word not in same:
            continue
        link = next((j for j in range(k + 1, c_hi + 1) if tokens[j].word in links), None)
        if link is not None and any(i > link for i in cue_at):
            return True
    return False


def _sameness_denied(tokens: list[Token], c_lo: int, c_hi: int, cue_at: set[int]) -> bool:
    """Whether the clause's negation denies a sameness ("not the same as", "nicht dieselbe wie";
    knowledge/language/sameness.yaml) before every word of the cue: what it is compared with is named,
    neither stated nor denied."""
    same, skip = _folded("sameness"), _folded("articles")
    if not cue_at or any(tokens[i].word in same for i in cue_at):
        return False
    for n in range(c_lo, min(cue_at)):
        if not tokens[n].neg:
            continue
        k = n + 1
        while k < c_hi and tokens[k].word in skip:
            k += 1
        if k < min(cue_at) and tokens[k].word in same:
            return True
    return False


def polarity(tokens: list[Token], text: str, span: tuple[int, int], cue: tuple[str, ...],
             words: list[str] | None = None, beliefs: bool = True) -> bool | None:
    """Return True (stated), False (denied) or None (asked, hedged or conditional) for a cue found.

    Args:
        tokens: The sentence's words.
        text: The sentence.
        span: The first and last token of the cue as found.
        cue: The cue's words; one that carries its own negation ("nicht im Spam") is
            stated as it stands.
        words: The sentence's canonical words; a negation then reaches only the words
            of the span that match a cue word, else any word of the span.
        beliefs: Whether a belief or doubt of the sentence reaches the span (`hedged`).
    """
    lo, hi = span
    c_lo, c_hi = clause_bounds(tokens, text, lo, hi)
    clause_end = tokens[c_hi].end
    if ("?" in text[clause_end:clause_end + 3] and (tokens[c_lo].word not in _folded("stating_subordinators")
                                                    or _reason_asked(tokens, text, c_lo))) \
            or _asks(tokens, text, lo) or in_quoted_question(text, tokens[lo].start) \
            or _confirmation_asked(tokens, text, c_lo):  # "Support asked: 'Is it ...?'", "Bitte bestätigen Sie, dass ..."
        return None  # asked: "Ist die Domäne verifiziert?", "Is it because ...?"; "..., obwohl die Domäne verifiziert ist?" states
    if report_denied(tokens, text, lo):
        return None  # "VLSC doesn't show that the mail went to another contact"
    if hedged(tokens, text, lo, hi, past=any(w in _folded("past_state_markers") or w in _folded("past_time_markers") for w in cue), beliefs=beliefs):
        return None  # a cue that names the past itself ("damals ... aktiviert") is not hedged by it
    clause = tokens[c_lo:c_hi + 1]
    if cue and has_phrase([t.word for t in clause], _phrases("wishes")):
        return None  # "we want the licences activated under this enrollment": wished, not done
    restrictors = _folded("negation_restrictors")
    first_neg = next((i for i, t in enumerate(clause) if t.neg), None)
    if first_neg is not None and any(t.word in restrictors and not any(word_matches(c, words[c_lo + k] if words else t.word) for c in cue)
                                     for k, t in enumerate(clause[first_neg + 1:], first_neg + 1)):
        return None  # "didn't order anything new": a new order is denied, not the order (a cue that names
        # the further ones itself, "keine weiteren Registrierungen", is denied)
    able = any(t.word in _folded("ability_modals") for t in clause)
    if any(w in negations() for w in cue):
        if _pointed_at(tokens, lo, hi, c_lo):
            return None  # "not in the tenant this order is for" matched as "no ... order"
        return None if able or _taken_back(tokens, text, hi, c_hi) else True  # "can't check spam" denies an ability, not the deed
    infinitive = _infinitive_at(tokens, lo, hi, cue, words)
    if infinitive is not None:
        # "Zum Prüfen des Junk-Ordners bin ich noch nicht gekommen", "I had no time to check the
        # spam folder": the clause the infinitive depends on denies the deed, or leaves it open.
        return False if _denied_around(tokens, text, span, infinitive) else None
    if words is None:
        cue_at = set(range(lo, hi + 1))
    else:
        cue_at = {i for i in range(lo, hi + 1) if any(word_matches(c, words[i]) for c in cue)}
    if _identity_denied(tokens, c_lo, c_hi, cue_at):
        return None if able or _taken_back(tokens, text, hi, c_hi) else False
    if not (_negated(tokens, text, c_lo, c_hi, cue_at) or _coordinated_object_denied(tokens, text, c_lo, c_hi)) \
            or _verb_denied_after(tokens, text, c_lo, c_hi, cue_at):
        return True
    if _sameness_denied(tokens, c_lo, c_hi, cue_at):
        return None  # "not the same as the add-on one": the sameness is denied, not the add-on
    return None if able or _taken_back(tokens, text, hi, c_hi) else False  # "I can't check the junk folder myself": an ability denied, not the deed
