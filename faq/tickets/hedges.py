"""Whether a cue found in a sentence stands under a belief, a doubt or a hedge.

* A belief ("ich glaube", "ich dachte", "I think") leaves every fact of its sentence open,
  up to a contrast ("aber", "but"); one that closes its clause or opens the sentence reaches
  back, one that opens a later clause only forward.
* A doubt (a certainty denied close by: "aber sicher bin ich mir nicht", "not 100% sure")
  leaves its whole sentence open, unless it has a complement of its own ("ob", "whether").
* A hedge ("vielleicht", "maybe"), a condition ("ob", "wenn", "if", "whether"), a past state
  ("früher", "formerly"; "damals", "back then" with "war"/"was") or an intention leaves its
  clause open; so does a part of the sentence set in another organisation (other_settings), not
  one that only names that organisation's tenant as a place ("im Tenant unserer Schwesterfirma").

The word lists are data in `knowledge/language/` (beliefs, belief_tails, hedges, conditionals, adverbial_conditionals,
past_state_markers, past_time_markers, past_copulas, intentions, other_settings, own_settings,
other_owners, certainties, alternatives, relative_pronouns, dropped_subject_verbs, ...).
"""

from __future__ import annotations

from functools import cache

from faq.flows.dates import RELATIVE_DAYS
from faq.language.lexicon import folded as _folded
from faq.language.normalize import fold
from faq.tickets.borders import breaks_clause, clause_bounds, opened_by, without_phrases
from faq.tickets.borders import phrases as _phrases
from faq.tickets.cuefind import function_words
from faq.tickets.tokens import Token, negations

__all__ = ["doubted", "has_phrase", "hedged", "other_owner_prefixes"]

def has_phrase(words: list[str], table: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether `words` hold a phrase of `table` (phrases keyed by their first word)."""
    return not table.keys().isdisjoint(words) and any(  # no phrase's first word: most clauses, found without a loop
        len(phrase) == 1 or tuple(words[i:i + len(phrase)]) == phrase for i, word in enumerate(words) for phrase in table.get(word, ()))


_HEDGED: dict[tuple[int, str, int, int, bool, bool], tuple[list[Token], bool]] = {}
_KEPT = 256  # answers remembered (then forgotten at once)


def hedged(tokens: list[Token], text: str, lo: int, hi: int, past: bool = False, beliefs: bool = True) -> bool:
    """Whether tokens lo..hi stand under a belief ("ich glaube": the sentence up to a contrast)
    or a doubt (`doubted`: the whole sentence), or a hedge, a condition, a past state or an
    intention ("vielleicht", "wenn", "früher", "werde", "I'll": their clause). With `past`, a
    past state is what is said ("damals aktiviert" states an earlier activation), not a
    hedge; without `beliefs`, only the clause's own words count (a name in apposition).

    Remembered by the sentence's tokens (the same list, kept alive with the answer so that no other
    list takes its address), text and span: the cues of several facts are found on the same words."""
    key = (id(tokens), text, lo, hi, past, beliefs)
    hit = _HEDGED.get(key)
    if hit is not None and hit[0] is tokens:
        return hit[1]
    said = _hedged(tokens, text, lo, hi, past, beliefs)
    if len(_HEDGED) >= _KEPT:
        _HEDGED.clear()
    _HEDGED[key] = (tokens, said)
    return said


def _hedged(tokens: list[Token], text: str, lo: int, hi: int, past: bool, beliefs: bool) -> bool:
    if beliefs and (_believed(tokens, text, lo, hi) or doubted(tokens, text) or _elsewhere(tokens, text, lo, hi)):
        return True
    c_lo, c_hi = clause_bounds(tokens, text, lo, hi)
    clause, conditions = [t.word for t in tokens[c_lo:c_hi + 1]], _folded("conditionals")
    if not conditions.isdisjoint(clause):  # "..., if that helps": a condition on the telling
        clause = without_phrases([t.word for t in tokens], "relevance_conditions")[c_lo:c_hi + 1]
    if len(clause) > 1 and clause[-1] in _folded("manner_adverbs") and c_hi > hi:
        clause = clause[:-1]  # "took effect normally": how it happened, no habit
    return _conditioned(clause, conditions) or _resumed_condition(tokens, text, c_lo) or opened_by(tokens, text, lo, "hedges") \
        or _verb_first_condition(tokens, text, c_lo, c_hi) or _future_copula(clause) \
        or has_phrase(clause, _phrases("hedges")) or _hedged_afterwards(tokens, text, c_hi) \
        or (not past and (has_phrase(clause, _phrases("past_state_markers"))
                          or has_phrase(clause, _phrases("past_time_markers")) and any(w in _folded("past_copulas") for w in clause))) \
        or has_phrase([w if lo != hi or c_lo + k != lo else "" for k, w in enumerate(_without_day_parts(clause))], _phrases("intentions"))


def _future_copula(clause: list[str]) -> bool:
    """Whether a clause is a future "to be" with its words apart (future_copulas.yaml: "Der OSM wird ab
    Montag x@… sein"): the last word closes the clause, the others stand before it in that order."""
    if not clause:
        return False
    for phrase in (p for first in _phrases("future_copulas").values() for p in first):
        if clause[-1] == phrase[-1] and len(clause) > len(phrase):
            at = 0
            for word in clause[:-1]:
                at += at < len(phrase) - 1 and word == phrase[at]
            if at == len(phrase) - 1:
                return True
    return False


_AFTERTHOUGHT = 8  # words at most in a hedge added after a clause ("– to be confirmed by the reseller")


def _hedged_afterwards(tokens: list[Token], text: str, c_hi: int) -> bool:
    """Whether the clause ending at token `c_hi` is hedged by a short clause set off right after it that
    has no verb or subject of its own ("01.12.2026 – to be confirmed", "..., Änderungen vorbehalten",
    "(subject to change)"; `reservations`): the afterthought qualifies what came before."""
    table = _phrases("reservations")
    if not any(t.word in table for t in tokens[c_hi + 1:c_hi + 1 + _AFTERTHOUGHT]):
        return False  # most clauses: no word of a reservation after them
    n_hi = clause_bounds(tokens, text, c_hi + 1, c_hi + 1)[1]
    after = [t.word for t in tokens[c_hi + 1:n_hi + 1]]
    if len(after) > _AFTERTHOUGHT or not has_phrase(after, table):
        return False
    own = _folded("finite_verbs") | _folded("subject_pronouns") | _folded("first_person_subjects") | _folded("anaphors")
    opening = _folded("clause_breaks") | _folded("consequence_words")  # not "..., so maybe that's related"
    return own.isdisjoint(after) and after[0] not in opening and breaks_clause(text[tokens[c_hi].end:tokens[c_hi + 1].start])


@cache
def _day_parts() -> dict[str, frozenset[str]]:
    """Parts of the day -> the day words before them that name today or a past day ("heute Morgen", "gestern
    Abend"; knowledge/language/relative_days.yaml): such a part ("Morgen") is no intention ("morgen")."""
    pairs: dict[str, set[str]] = {}
    for spelling, offset in RELATIVE_DAYS.items():
        parts = [fold(w) for w in spelling.split()]
        if offset <= 0 and len(parts) == 2:
            pairs.setdefault(parts[1], set()).add(parts[0])
    return {part: frozenset(days) for part, days in pairs.items()}


def _without_day_parts(clause: list[str]) -> list[str]:
    """The clause's words with each part of the day after its day word blanked (`_day_parts`)."""
    parts = _day_parts()
    if parts.keys().isdisjoint(clause):
        return clause  # most clauses: no part of a day
    return [w if not (k and clause[k - 1] in parts.get(w, ())) else "" for k, w in enumerate(clause)]


def _conditioned(clause: list[str], conditions: frozenset[str]) -> bool:
    """Whether a clause's words hold a conditional that makes it a condition or purpose: not one
    that is an adverb right after a finite verb ("ich bin damit auch Admin"; adverbial_conditionals)."""
    adverbs = _folded("adverbial_conditionals")
    return any(w in conditions and not (w in adverbs and k > 0 and clause[k - 1] in _folded("finite_verbs"))
               for k, w in enumerate(clause))


_LAST: list[object] = [None, False]  # the last sentence's tokens looked at by `_names_elsewhere`, and the answer


def _names_elsewhere(tokens: list[Token]) -> bool:
    """Whether a sentence names another organisation anywhere (other_settings), worked out once
    for the sentence whose words are asked about one after another."""
    if _LAST[0] is not tokens:
        firsts = _phrases("other_settings")
        _LAST[:] = [tokens, any(t.word in firsts for t in tokens) and has_phrase([t.word for t in tokens], firsts)]
    return bool(_LAST[1])


def _elsewhere(tokens: list[Token], text: str, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi stand in a part of their sentence (up to a contrast) set in another
    organisation ("bei meinem alten Arbeitgeber ..., da war die Domäne verifiziert"; other_settings),
    unless their own clause comes back to the writer's (own_settings: "..., bei uns ist es x@…")."""
    if not _names_elsewhere(tokens):
        return False
    s_lo, s_hi = clause_bounds(tokens, text, lo, hi, "contrasts")
    words = [t.word for t in tokens[s_lo:s_hi + 1]]
    if not any(not _owns_tenant(words, k) for k in _phrase_starts(words, _phrases("other_settings"))):
        return False  # none, or each the owner of a tenant named ("im Tenant unserer Schwesterfirma": a place)
    c_lo, c_hi = clause_bounds(tokens, text, lo, hi)  # "..., bei uns ist es einkauf@…": the case again
    return not has_phrase([t.word for t in tokens[c_lo:c_hi + 1]], _phrases("own_settings"))


def _phrase_starts(words: list[str], table: dict[str, tuple[tuple[str, ...], ...]]) -> list[int]:
    """Where phrases of `table` (keyed by their first word) begin in `words`."""
    return [i for i, word in enumerate(words) for phrase in table.get(word, ()) if tuple(words[i:i + len(phrase)]) == phrase]


def _owns_tenant(words: list[str], at: int) -> bool:
    """Whether the phrase at `at` names the owner of a tenant named right before it, with at most a
    determiner between ("im Tenant unserer Schwesterfirma", "the tenant of our sister company"): it names
    an account, a place where the case's things may be, not the setting of what the sentence tells."""
    nouns, linking = tuple(_folded("tenant_nouns")), _folded("determiners") | _folded("genitive_links")
    k = at - 1
    while k >= 0 and at - k <= _OWNER_REACH and words[k] in linking:
        k -= 1
    return k >= 0 and k < at - 1 and words[k].startswith(nouns)


_OWNER_REACH = 3  # words between a tenant noun and its owner ("tenant of our")


def _resumed_condition(tokens: list[Token], text: str, c_lo: int) -> bool:
    """Whether the clause starting at `c_lo` resumes a condition or indirect question that a
    relative clause interrupted ("ob die Person, die geklickt hat, | im richtigen Tenant
    angemeldet war"): the clause before opens with a relative pronoun, the one before that
    holds "ob"/"whether"; or it offers the alternative of a condition ("ob ich OLA oder nur OSM bin"),
    or adds to one ("Falls es ein Add-on ist und die Basis woanders liegt")."""
    if c_lo < 2:
        return False
    r_lo, _ = clause_bounds(tokens, text, c_lo - 1, c_lo - 1)
    if tokens[c_lo].word in _folded("alternatives") | _folded("coordinators") and "," not in text[tokens[c_lo - 1].end:tokens[c_lo].start]:
        # "ob ich OLA | oder nur OSM bin"; "Falls es ein Add-on ist | und die Basis auf einer anderen Registrierung liegt"
        return any(t.word in _folded("conditionals") for t in tokens[r_lo:c_lo])
    if r_lo < 1 or tokens[r_lo].word not in _folded("relative_pronouns"):
        return False
    q_lo, q_hi = clause_bounds(tokens, text, r_lo - 1, r_lo - 1)
    return any(t.word in _folded("conditionals") for t in tokens[q_lo:q_hi + 1])


def _verb_first_condition(tokens: list[Token], text: str, c_lo: int, c_hi: int) -> bool:
    """Whether the clause c_lo..c_hi opens its sentence with a finite verb and another clause
    follows after a comma, with a finite verb of its own and no question mark: a condition
    ("Ist die Domäne verifiziert, wird keine Mail verschickt"; knowledge/language/
    dropped_subject_verbs.yaml). "Has the folder been checked, including filters" is none."""
    first = tokens[c_lo].word if c_lo == 0 and tokens else ""
    if first not in _folded("finite_verbs") or first in _folded("dropped_subject_verbs") or "?" in text \
            or c_hi + 1 >= len(tokens) or "," not in text[tokens[c_hi].end:tokens[c_hi + 1].start]:
        return False  # not "Frage: Antwort"
    n_lo, n_hi = clause_bounds(tokens, text, c_hi + 1, c_hi + 1)
    return any(t.word in _folded("finite_verbs") for t in tokens[n_lo:n_hi + 1])  # "..., wird keine Mail verschickt"


_SAYER = 4  # words after a belief that name who holds it ("meint zumindest mein Kollege")


@cache
def other_owner_prefixes() -> tuple[str, ...]:
    """Return the word beginnings that name someone else as owner or sayer (other_owners)."""
    return tuple(_folded("other_owners"))


def _believed(tokens: list[Token], text: str, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi stand under a belief of their sentence, up to a contrast. A belief
    that opens a clause of its own ("..., und ich denke, die Domäne ist verifiziert") reaches
    only forward; one that closes its clause ("..., glaube ich", "I think") or opens the
    sentence reaches its whole part, or its last conjunct after ", und"/", and"."""
    words, table = [t.word for t in tokens], _phrases("beliefs")  # no belief in the sentence (most): none in its part
    s_lo, s_hi = clause_bounds(tokens, text, lo, hi, "contrasts") if not table.keys().isdisjoint(words) else (0, -1)
    if table.keys().isdisjoint(words[s_lo:s_hi + 1]):
        return False
    for i in range(s_lo, s_hi + 1):
        for phrase in table.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) != phrase:
                continue
            c_lo, c_hi = clause_bounds(tokens, text, i, i + len(phrase) - 1)
            if len(phrase) == 1 and words[i] in _folded("thinking_verbs") \
                    and not _folded("thinking_prepositions").isdisjoint(words[c_lo:c_hi + 1]):
                continue  # "an die Filter habe ich nicht gedacht": thinking of, not believing
            after = i + len(phrase) if i + len(phrase) <= c_hi else c_hi + 1
            if after < len(words) and words[after] in _folded("conditionals") | _folded("interrogatives") \
                    and not negations().isdisjoint(phrase):
                q_lo, q_hi = clause_bounds(tokens, text, after, after)  # "not sure why ...": its complement only,
                while q_hi + 1 < len(tokens) and tokens[q_hi + 1].word in _folded("alternatives") \
                        and "," not in text[tokens[q_hi].end:tokens[q_hi + 1].start]:
                    q_hi = clause_bounds(tokens, text, q_hi + 1, q_hi + 1)[1]  # with its alternative ("OSM or OLA")
                if not q_lo <= lo <= q_hi:
                    continue
                return True
            rest = words[i + len(phrase):c_hi + 1]
            inverted = bool(rest) and (rest[0] in _folded("subject_pronouns") and all(  # "glaube ich (zumindest)"
                w in _folded("subject_pronouns") | _folded("belief_tails") for w in rest)
                                       or len(rest) <= _SAYER and any(w.startswith(other_owner_prefixes()) for w in rest))
            # "..., meint zumindest mein Kollege": someone else's word reaches back too
            j = c_hi + 1
            while j < len(words) and words[j] in _folded("midfield_particles"):
                j += 1  # "ich vermute aber, dass ..."
            ends = all(w in _folded("belief_tails") for w in rest) and (j >= len(words) or words[j] in _folded("clause_breaks")
                                 and words[j] not in _folded("complementizers"))  # "..., I think, and ...", "I thought at least."
            ends = ends or not rest and i == c_lo and len(phrase) > 1 and c_lo > 0 \
                and "," in text[tokens[c_lo - 1].end:tokens[c_lo].start]  # "..., sagt man mir, selbst prüfen ...": set off, it reaches back
            if hi < c_lo and not (inverted or ends):
                continue  # "X ist der OSM, ich vermute aber, dass ...": the belief opens what follows
            if hi < c_lo and _conjunct_start(tokens, text, s_lo, c_lo) > hi:
                continue  # "sent to X, who left, and nobody can get in, I guess?": the last conjunct only
            if hi < c_lo and _dashed_before(tokens, text, hi, c_lo):
                continue  # "nicht geprüft – der Dienstleister hat die Filter im Griff, meinte er": what follows the dash
            if c_hi < lo and _checked_after(tokens, text, c_hi, lo):
                continue  # "Ich glaub, ... – ich hab's jetzt geprüft: die Lizenzen sind im Test-Tenant": checked, no belief
            if i + len(phrase) <= lo and _found_before_colon(tokens, text, i + len(phrase), lo):
                continue  # "I think I found why: the base is on ...": the belief is about the finding, not what it found
            return True
    return False


def _checked_after(tokens: list[Token], text: str, start: int, lo: int) -> bool:
    """Whether a spaced dash after token `start` opens a clause, ending before token `lo`, in which the
    writer says they checked ("– ich hab's jetzt geprüft:", "– I checked:"): what follows is found, not believed."""
    selves, checking = _folded("writer_selves"), _folded("verbs_of_checking")
    for k in range(start + 1, lo):
        if text[tokens[k - 1].end:tokens[k].start].strip() not in _DASHES:
            continue
        c_hi = clause_bounds(tokens, text, k, k)[1]
        said = {t.word for t in tokens[k:c_hi + 1]}
        if c_hi < lo and not said.isdisjoint(selves) and not said.isdisjoint(checking):
            return True
    return False


def _found_before_colon(tokens: list[Token], text: str, start: int, lo: int) -> bool:
    """Whether a colon between token `start` and token `lo` closes a clause in which the writer says they
    found or know something ("I think I found why:", "ich glaube, ich weiß jetzt warum:"): what follows the
    colon is told as found."""
    colon = next((k for k in range(start + 1, lo + 1) if ":" in text[tokens[k - 1].end:tokens[k].start]), None)
    if colon is None:
        return False
    said = {t.word for t in tokens[start:colon]}
    return not said.isdisjoint(_folded("writer_selves")) and not said.isdisjoint(_folded("discovery_verbs")) \
        and negations().isdisjoint(said)  # "I think, but I don't know why: ...": nothing found


def _dashed_before(tokens: list[Token], text: str, hi: int, c_lo: int) -> bool:
    """Whether a spaced dash parts token `hi` from a clause of its own that ends just before the belief
    opening at `c_lo`: the belief closes that clause, not what stands before the dash."""
    dashes = [k for k in range(hi + 1, c_lo) if text[tokens[k - 1].end:tokens[k].start].strip() in _DASHES]
    return bool(dashes) and dashes[-1] < c_lo - 1


_DASHES = frozenset("–—")  # dashes that part two statements of one sentence ("-" also joins words)


def _conjunct_start(tokens: list[Token], text: str, lo: int, at: int) -> int:
    """Return where the last clause before `at` that ", und"/", and" or a consequence drawn
    (", so"/", deshalb"; `consequence_words`) opens begins (lo if none): a belief closing a
    sentence reaches back that far ("sent to X, so that is why I never saw it, I guess": the
    inference is guessed, not what VLSC showed)."""
    openers = _folded("coordinators") | _folded("consequence_words")
    for k in range(at - 1, lo, -1):
        if tokens[k].word in openers and "," in text[tokens[k - 1].end:tokens[k].start]:
            return k
    return lo


@cache
def _doubt_gap() -> frozenset[str]:
    """Words that may stand between a denial and the certainty it denies ("sicher bin ich mir da aber nicht")."""
    return function_words() | _folded("particles") | _folded("subject_pronouns") | _folded("finite_verbs") \
        | _folded("midfield_particles") | _folded("intensifiers")


_DOUBT_REACH = 6  # words between a denial and the certainty it denies


def doubted(tokens: list[Token], text: str) -> bool:
    """Whether a sentence doubts what it states: a certainty denied close by ("aber sicher bin
    ich mir nicht", "but I'm not 100% sure about that") with no complement of its own (a
    doubt followed by "ob"/"whether" doubts only that clause, which is open anyway)."""
    certain = _folded("certainties")
    if not any(t.word in certain for t in tokens):
        return False
    gap, conditions = _doubt_gap(), _folded("conditionals") | _folded("interrogatives")
    for i, t in enumerate(tokens):
        if t.word not in certain:
            continue
        near = [j for j in range(max(0, i - _DOUBT_REACH), min(len(tokens), i + _DOUBT_REACH + 1))
                if tokens[j].neg and all(tokens[k].word in gap or tokens[k].word.isdigit()
                                         for k in range(min(i, j) + 1, max(i, j)))]
        if not near:
            continue
        _, c_hi = clause_bounds(tokens, text, min(i, *near), max(i, *near))
        if c_hi + 1 < len(tokens) and tokens[c_hi + 1].word in conditions:
            continue  # "nicht sicher, ob die Domäne verifiziert ist": the doubt has its own complement
        subjects = _folded("anaphors") | _folded("person_pronouns") | _folded("clause_subjects")
        if any(tokens[k].word in conditions and (k == i + 1 or tokens[i + 1].word not in subjects)
               for k in range(i + 1, min(i + 3, c_hi + 1))):  # not "not sure it was ...": English "was" is no "what"
            continue  # "not sure whether the domain is verified", "not sure why the mail didn't come"; a relative
            # pronoun later ("not sure the person who clicked was signed into the right tenant") asks nothing
        if i + 2 <= c_hi and tokens[i + 1].word in _folded("prepositions") \
                and tokens[i + 2].word not in _folded("anaphors") | _folded("back_pointers"):
            continue  # "not sure about other enrollments": the doubt names what it doubts ("about that" points back)
        return True
    return False
