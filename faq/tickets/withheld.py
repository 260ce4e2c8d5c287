"""What a sentence says without stating it: a deed the writer took care to avoid, an indirect
question they cannot answer, a fact they say they do not know, a kind of a thing denied, a
mistake denied, and what a correction says of a cue it withdrew (faq/tickets/facts.py)."""

from __future__ import annotations

from faq.language.lexicon import folded as folded_words
from faq.tickets.awaited import awaited_state
from faq.tickets.borders import clause_bounds, phrase_spans, phrases
from faq.tickets.cuefind import find_cue, function_words, kind_only, word_matches
from faq.tickets.cues import CueLexicon
from faq.tickets.negation import polarity
from faq.tickets.sentence import Sentence, has_sequence, refuted
from faq.tickets.tokens import negations

__all__ = ["asked_unknown", "avoided", "awaited", "hoped", "named_only", "negation_opens", "object_denied", "recorrected", "replaced", "replacement",
           "time_phrase", "timed", "unknown_at", "unstated"]


def unstated(cue: tuple[str, ...], s: Sentence, span: tuple[int, int], state: bool | None) -> bool:
    """Whether a cue found stated (`state` True) or denied (False) at `span` states nothing after all:
    what was avoided or cannot be answered ("careful not to activate into the wrong account", "in
    welchem Land ..., weiß ich nicht"), what is waited for (`awaited`; unless `faq.tickets.awaited` reads it as not yet so), one kind denied ("keine Nachbestellung" is no "keine
    Bestellung"), or a mistake denied ("didn't create a new account by mistake": the mistake, or the act?)."""
    if state is not None and (avoided(s, span) or asked_unknown(s, span) or negation_opens(cue, s, span)
                              or time_phrase(cue, s, span) or timed(cue, s, span) or named_only(cue, s, span) or hoped(s)
                              or awaited(s, span) and not awaited_state(s, span, state)):
        return True
    if state is True and any(w in negations() for w in cue) and (replaced(cue, s, span) or object_denied(s, span)):
        return True  # a cue that carries its denial: "OSM not admin" in "not a global admin, just a billing admin"
    return state is False and (kind_only(cue, s.words, span) or replaced(cue, s, span)
                               or has_sequence([t.word for t in s.tokens[span[0]:span[1] + 1]], "accident_words"))


def object_denied(s: Sentence, span: tuple[int, int]) -> bool:
    """Whether the negation a cue carries ("nicht im Spam": the mail is not there) denies a checked
    object instead ("weder den Spamordner noch die Filter kontrolliert", "nicht den Junk-Ordner
    geprüft"): an article and no preposition stand between it and the cue's next word, and its
    clause holds a verb of checking (verbs_of_checking, determiners, prepositions)."""
    neg = next((i for i in range(span[0], span[1] + 1) if s.tokens[i].neg), None)
    if neg is None:
        return False
    skip = function_words()
    noun = next((i for i in range(neg + 1, span[1] + 1) if s.tokens[i].word not in skip), None)
    between = {t.word for t in s.tokens[neg + 1:noun or neg + 1]}
    if noun is None or not between & folded_words("determiners") or between & folded_words("prepositions"):
        return False
    lo, hi = clause_bounds(s.tokens, s.text, span[0], span[1])
    checking = folded_words("verbs_of_checking")
    return any(s.tokens[i].word in checking or s.words[i] in checking for i in range(lo, hi + 1))


def hoped(s: Sentence) -> bool:
    """Whether the sentence hopes ("Hopefully we were in the correct tenant", "Ich hoffe, die Domäne ist
    verifiziert"; hopes.yaml): what it says is wished for, not stated."""
    return any(t.word in folded_words("hopes") for t in s.tokens)


def awaited(s: Sentence, span: tuple[int, int]) -> bool:
    """Whether the cue at `span` tells what the writer waits for or expects (waiting_verbs.yaml, expectations.yaml): a word of waiting before it
    in its clause, no finite verb up to the cue's end ("still waiting for the reservation to take effect"), or in the clause right before one
    that a complementizer opens ("Wir warten darauf, dass die Reservierung wirksam wird"), or a wish or a
    condition right before that clause (open_frames.yaml: "Wir möchten, dass ...", "in the event that ...");
    not "Wir warten auf die Mail, die Reservierung ist wirksam", "Wir möchten Ihnen mitteilen, dass ..."."""
    waiting, frames = folded_words("waiting_verbs") | folded_words("expectations"), phrases("open_frames")
    if all(t.word not in waiting and t.word not in frames for t in s.tokens[:span[0]]):
        return False  # most sentences
    lo, _ = clause_bounds(s.tokens, s.text, span[0], span[1])
    last = next((i for i in range(span[0] - 1, lo - 1, -1) if s.tokens[i].word in waiting), None)
    if last is not None:  # no finite verb up to the cue's end: not "wir warten auf die Mail für 365. Den Spam hat niemand geprüft"
        return folded_words("finite_verbs").isdisjoint(t.word for t in s.tokens[last + 1:span[1] + 1])
    openers = folded_words("complementizers")
    framed = {end + gap for _, end in phrase_spans([t.word for t in s.tokens[:span[0]]], "open_frames") for gap in range(_FRAME_GAP + 1)}
    for k in (k for k in range(max(lo, 1), span[0]) if s.tokens[k].word in openers):
        if k in framed:
            return True  # "in the event that the domain is verified", "Wir wünschen uns, dass ..."
        if k == lo and any(t.word in waiting for t in s.tokens[clause_bounds(s.tokens, s.text, k - 1, k - 1)[0]:k]):
            return True  # "Wir warten darauf, dass ..."
    return False


_FRAME_GAP = 1  # words at most between a wish or condition and the complementizer it frames ("wünschen uns, dass")


def named_only(cue: tuple[str, ...], s: Sentence, span: tuple[int, int]) -> bool:
    """Whether a weak cue (`faq.tickets.cuefind.WEAK`) only names where something is ("in unserem
    richtigen Tenant sehen wir keine Lizenzen", "move them to the right account"): it states only
    as an item of its own ("richtiger Tenant, Dienst verfügbar") or right after a form of "sein"
    ("es ist definitiv das richtige Konto", "we were in the correct tenant", "Konto ist das richtige")."""
    if not getattr(cue, "weak", False):
        return False
    lo, hi = clause_bounds(s.tokens, s.text, span[0], span[1])
    if hi - lo <= 3 or all(t.word in function_words() for t in (*s.tokens[lo:span[0]], *s.tokens[span[1] + 1:hi + 1])):
        return False  # an item of its own, maybe with small words: "richtiges Konto is es a"
    copulas = folded_words("state_copulas")
    if any(t.word in copulas for t in s.tokens[span[0]:span[1] + 1]):
        return False  # "Konto ist das richtige"
    if _arrived_at(s, span, lo, hi):
        return False  # "Die Lizenzen sind im richtigen Konto gelandet", "they landed in the correct tenant"
    # after a form of "sein", closing its clause: "we were signed in to the correct account", not
    # "in unserem richtigen Konto ist keine Lizenz zu finden"
    closes = all(t.word in function_words() for t in s.tokens[span[1] + 1:hi + 1])  # not "... im richtigen Konto sichtbar"
    plain = function_words() | folded_words("certainties") | folded_words("copula_fillers") | negations()
    at = next((i for i in range(span[0] - 1, max(lo, span[0] - 5) - 1, -1) if s.tokens[i].word in copulas), None)
    # nothing but small words between: "es ist definitiv das richtige Konto", not "are not visible in the correct tenant"
    return not (closes and at is not None and all(t.word in plain for t in s.tokens[at + 1:span[0]]))


_PLACE_OPENING = 3  # words before a weak cue of a place that may open it ("in unserem richtigen Konto")


def _arrived_at(s: Sentence, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether the weak cue at `span` is where something went: a preposition opens it and a verb of
    arriving (`arrival_verbs`, past forms) stands in its clause lo..hi, no negation there but one
    right before the preposition ("nicht im richtigen Konto gelandet")."""
    prepositions, determiners = folded_words("prepositions"), folded_words("determiners") | folded_words("articles")
    k = span[0] - 1
    while k >= lo and span[0] - k <= _PLACE_OPENING and s.tokens[k].word not in prepositions:
        if s.tokens[k].word not in determiners and s.tokens[k].word not in function_words():
            return False
        k -= 1
    if k < lo or s.tokens[k].word not in prepositions:
        return False
    if any(t.neg for i, t in enumerate(s.tokens[lo:hi + 1], lo) if i != k - 1):
        return False  # "Nothing arrived in the right tenant" denies what arrived, not where: only "nicht im ..." denies the place
    arrivals = tuple(folded_words("arrival_verbs"))
    return any(s.tokens[i].word.startswith(arrivals) for i in range(lo, hi + 1) if not span[0] <= i <= span[1])


def timed(cue: tuple[str, ...], s: Sentence, span: tuple[int, int]) -> bool:
    """Whether the cue's first word, an event of three words or more, stands as a point in time right
    after a preposition (event_times.yaml) while its other words follow ("Nach der Aktivierung ist in
    unserem richtigen Konto keine Lizenz zu finden"): the sentence tells what holds since then, even
    across a preposition (`time_phrase` needs none between), not where the event went."""
    if len(cue) < 3 or not word_matches(cue[0], s.words[span[0]]):
        return False
    before = [t.word for t in s.tokens[max(0, span[0] - 2):span[0]]]
    preps = folded_words("event_times")
    return bool(before) and (before[-1] in preps or len(before) == 2 and before[0] in preps and before[1] in folded_words("determiners"))


def time_phrase(cue: tuple[str, ...], s: Sentence, span: tuple[int, int]) -> bool:
    """Whether a cue begins with a deed that a preposition of time makes the time of what follows,
    and reaches into another phrase with no preposition between ("After activation our production
    tenant shows no licenses" says nothing of where the activation was done)."""
    tokens, words = s.tokens, s.words
    times, i = folded_words("time_prepositions"), span[0] - 1
    if i >= 0 and tokens[i].word in function_words() and tokens[i].word not in times:
        i -= 1  # "nach der Aktivierung"
    if i < 0 or tokens[i].word not in times or len(cue) < 2:
        return False
    content = [c for c in cue if c not in function_words()]
    at = [i for i in range(span[0], span[1] + 1) if any(word_matches(c, words[i]) for c in content)]
    if len(at) < 2 or at[0] != span[0]:
        return False
    return not any(tokens[i].word in folded_words("prepositions") for i in range(at[0] + 1, at[1]))


def replacement(s: Sentence, span: tuple[int, int]) -> tuple[int, int] | None:
    """The clause right after the one of `span` that puts something in its place ("sondern für unser
    eigenes", "just a billing admin"; `corrective_contrasts`, `focus_particles`, `contrasts`), as
    the token range after its opening words, when it has no verb of its own and names no other one
    (`otherness`: "nicht dieselbe, sondern eine andere Registrierung" leaves the denial)."""
    tokens = s.tokens
    _, hi = clause_bounds(tokens, s.text, span[0], span[1])
    openers = folded_words("corrective_contrasts") | folded_words("focus_particles") | folded_words("contrasts")
    k = hi + 1
    while k < len(tokens) and tokens[k].word in openers:
        k += 1  # "sondern nur", "but only"
    if k == hi + 1 or k >= len(tokens):
        return None
    _, r_hi = clause_bounds(tokens, s.text, k, k)
    rest = [t.word for t in tokens[k:r_hi + 1]]
    verbs = folded_words("past_verbs") | (folded_words("finite_verbs") - folded_words("prepositions"))
    if any(w in verbs for w in rest) or any(w.startswith(tuple(folded_words("otherness"))) for w in rest):
        return None
    return k, r_hi


def replaced(cue: tuple[str, ...], s: Sentence, span: tuple[int, int]) -> bool:
    """Whether a denied cue has its place taken by a phrase (`replacement`) that opens with the preposition
    right after the negation or the cue in the denied clause, before any of the cue's words: "nicht für
    ein anderes Konto verifiziert, sondern für unser eigenes", "not verified with another tenant but
    with our own".
    What is denied is then the phrase, not the fact; a phrase that holds the cue's words ("nicht
    für das vorgesehene Konto aktiviert, sondern für ...") leaves the denial."""
    place = replacement(s, span)
    if place is None:
        return False
    tokens, words = s.tokens, s.words
    prepositions, function = folded_words("prepositions"), function_words()
    if tokens[place[0]].word not in prepositions:
        return False
    lo, hi = clause_bounds(tokens, s.text, span[0], span[1])
    content = [c for c in cue if c not in function]
    neg = next((i for i in range(lo, span[1] + 1) if tokens[i].neg), None)
    for p in (neg + 1 if neg is not None else -1, span[1] + 1):  # "nicht für ...", "not verified with ..."
        if not lo <= p < hi or tokens[p].word != tokens[place[0]].word:
            continue
        j = next((i for i in range(p + 1, hi + 1) if any(word_matches(c, words[i]) for c in content)), hi + 1)
        if any(w not in function and w not in prepositions for w in words[p + 1:j]):
            return True
    return False


def negation_opens(cue: tuple[str, ...], s: Sentence, span: tuple[int, int]) -> bool:
    """Whether a cue ending in its negation ("im Spam ist sie nicht") is found in another shape: its place
    must stand with its preposition ("Einen Spam-Ordner haben wir nicht" denies the folder) and the
    negation must close its clause ("im Spam nicht nachgesehen" denies the looking). So must a cue ending in a
    word that is a predicate there and a preposition elsewhere (`final_particles`)."""
    if cue and cue[-1] in folded_words("final_particles"):  # "Reservierung ist durch", not "durch den Admin"
        return clause_bounds(s.tokens, s.text, span[0], span[1])[1] > span[1]
    if not cue or cue[-1] not in negations() or getattr(cue, "nothing", False):
        return False
    before = s.tokens[span[0] - 1].word if span[0] > 0 else ""
    return before not in folded_words("prepositions") or clause_bounds(s.tokens, s.text, span[0], span[1])[1] > span[1]


def recorrected(cue: tuple[str, ...], s: Sentence, lex: CueLexicon) -> tuple[tuple[int, int], bool] | None:
    """What a correction says of a cue it withdrew, repeating only its predicate: "Domäne nicht
    verifiziert - Korrektur: doch verifiziert" states the verified domain; a negation alone
    repeated ("- wait, we did, nothing there") repeats no predicate."""
    end = s.correction_end
    found = find_cue(cue, s.words, skippable=lex.stop)
    if found is None or not s.corrected(found[1]):
        return None
    after = [[end + i for i, w in enumerate(s.words[end:]) if word_matches(c, w)] for c in cue]
    if not any(hits for c, hits in zip(cue, after) if c not in lex.stop and c not in negations() and c not in lex.nothing):
        return None
    at = [i for hits in after for i in hits[:1]]
    span = (min(at), max(at))
    state = polarity(s.tokens, s.text, span, cue, s.words)
    return None if state is None or refuted(s, span[1]) else (span, state)


def avoided(s: Sentence, span: tuple[int, int]) -> bool:
    """Whether the cue at `span` stands in a denied infinitive after a word of taking care or
    trying (avoidances.yaml): "Wir haben aufgepasst, nicht ins falsche Konto zu aktivieren", "we
    were careful not to activate into the wrong account" state no deed, done or not."""
    tokens = s.tokens
    if not has_sequence([t.word for t in tokens], "avoidances"):
        return False
    lo, hi = clause_bounds(tokens, s.text, span[0], span[1])
    markers = folded_words("infinitive_markers")
    if any(tokens[i].neg and tokens[i + 1].word in markers for i in range(lo, hi)):
        return True  # "not to activate"
    return hi - 1 > lo and tokens[hi - 1].word in markers and any(t.neg for t in tokens[lo:hi - 1])


def unknown_at(s: Sentence, at: int) -> bool:
    """Whether the clause of token `at` says the writer does not know it ("Der Nutzungsbeginn ist
    mir nicht bekannt", "I don't know the usage start"; unknowns.yaml)."""
    lo, hi = clause_bounds(s.tokens, s.text, at, at)
    return has_sequence([t.word for t in s.tokens[lo:hi + 1]], "unknowns")


def asked_unknown(s: Sentence, span: tuple[int, int]) -> bool:
    """Whether the cue at `span` stands in an indirect question the sentence says the writer does
    not know the answer to ("In welchem Land der Dienst verfügbar ist, weiß ich nicht", "which
    country it's available in I do not know"; interrogatives.yaml, unknowns.yaml)."""
    words = [t.word for t in s.tokens]
    if not has_sequence(words, "unknowns"):
        return False
    lo, _ = clause_bounds(s.tokens, s.text, span[0], span[1])
    opening = words[lo:lo + 2] if lo + 1 < len(words) and words[lo] in folded_words("prepositions") else words[lo:lo + 1]
    return any(w in folded_words("interrogatives") for w in opening)
