"""Reading which choice of a choice fact (a role) a sentence names, as written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from faq.kb.model import Fact
from faq.language.lexicon import folded as _lexicon
from faq.tickets.borders import breaks_clause, clause_bounds
from faq.tickets.context import context_positions
from faq.tickets.cuefind import Words, absent, find_cue, word_matches
from faq.tickets.cues import CueLexicon
from faq.tickets.hedges import hedged
from faq.tickets.labels import NO_ANSWER, label_value
from faq.tickets.negation import polarity
from faq.tickets.sentence import has_sequence
from faq.tickets.tokens import Token, negations

__all__ = ["read_choice", "refine_choice"]

def _name_word(cue: str, word: str) -> bool:
    """Whether a text word is a word of a choice's name: the word itself, inflected
    ("administratorin", "admins") or one typo away; never a part of a longer compound
    ("Vereinbarungsadministrator" is not an "Administrator" of the choice)."""
    if word == cue:
        return True
    if word.startswith(cue):
        return len(word) - len(cue) <= 3 and (len(cue) >= 3 or len(word) <= len(cue) + 1)
    return len(cue) >= 6 and abs(len(word) - len(cue)) <= 1 and Levenshtein.distance(cue, word, score_cutoff=1) <= 1


@lru_cache(maxsize=1024)
def _content(cue: tuple[str, ...], stop: frozenset[str]) -> tuple[str, ...]:
    """The words of a choice's name but its function words (all of them when it has no other)."""
    return tuple(c for c in cue if c not in stop) or tuple(cue)


@lru_cache(maxsize=64)
def _name_stop(stop: frozenset[str]) -> frozenset[str]:
    """The function words that may stand between a choice's name's words: `stop` but the coordinators."""
    return stop - _lexicon("coordinators")


def _find_name(cue: tuple[str, ...], words: list[str], stop: frozenset[str], begin: int = 0) -> tuple[int, int] | None:
    """Find a choice's name as written, from word `begin` on: its words in their order, only function
    words between them; its own function words ("OSM mit Berechtigung") may be left out."""
    content = _content(cue, stop)
    if isinstance(words, Words):
        joined = words.joined
        for c in content:
            if absent(c, joined):
                return None  # a word of the name stands nowhere in the sentence
    stop = _name_stop(stop)  # "OSM und verwalte Reservierungen" is a role and an activity, no name
    opens = _lexicon("determiners")  # right after a name's word, a new noun phrase: "im VLSC eine Admin-Rolle" names no "VLSC-Admin"
    for start, word in enumerate(words):
        if start < begin or not _name_word(content[0], word):
            continue
        pos, ok = start, True
        for c in content[1:]:
            nxt = pos + 1
            while nxt < len(words) and not _name_word(c, words[nxt]) and words[nxt] in stop:
                nxt += 1
            if nxt >= len(words) or not _name_word(c, words[nxt]) or nxt > pos + 1 and words[pos + 1] in opens:
                ok = False
                break
            pos = nxt
        if ok:
            return start, pos
    return None


def _also_said(extra: set[str], tokens: list[Token], words: list[str], text: str,
               names: frozenset[str] = frozenset()) -> bool | None:
    """Whether a sentence states all the `extra` words (True), asks or hedges them (None), or
    denies them or lacks one (False: "habe aber nicht die Berechtigung Reservierung verwalten")."""
    at = []
    for w in extra:
        hits = words.hits(w) if isinstance(words, Words) else [i for i, x in enumerate(words) if word_matches(w, x)]
        if not hits:
            return False
        at.extend(hits)
    states, start = set(), 0
    while (found := find_cue(tuple(sorted(extra)), words[start:])) is not None:
        # each mention in turn: "verwalte Reservierungen ohne die Berechtigung 'Reservierung
        # verwalten'" tells an activity, then denies the permission
        states.add(_mentioned(tokens, text, (found[0] + start, found[1] + start), words, names))
        start += found[1] + 1
    if states:
        return states.pop() if len(states) == 1 else None
    return _mentioned(tokens, text, (min(at), max(at)), words, names)


def _mentioned(tokens: list[Token], text: str, span: tuple[int, int], words: Sequence[str] = (),
               names: frozenset[str] = frozenset()) -> bool | None:
    """Whether a permission named at `span` is stated, denied or left open, with the predicate
    that ends its clause ("Die Berechtigung ... wurde mir nicht zugewiesen": denied); a word of
    lacking in its clause denies it too ("Die Berechtigung ... fehlt mir", "I lack ..."), and so
    does a label's no ("Berechtigung Reservierung verwalten: nein"). A negation that opens a noun
    phrase after the name ("... without any trouble") ends what is read of the clause, unless
    a word of the choices' `names` follows it ("... without the permission"); a contrast word standing
    as an adverb after the writer as object does not end it ("... ist bei mir aber nicht gesetzt")."""
    hi = clause_bounds(tokens, text, span[0], span[1])[1]
    hi = next((k - 1 for k in range(span[1] + 1, hi + 1) if tokens[k].word in _lexicon("noun_negations")
               and not any(word_matches(n, w) for w in words[k + 1:hi + 1] for n in names)), hi)
    if any(t.word in _lexicon("lack_words") for t in _between_commas(tokens, text, span)) or _none_further(tokens, text, span):
        return False
    if (pending := _pending(tokens, text, span, hi)) is not NO_ANSWER:
        return pending  # type: ignore[return-value]
    state = polarity(tokens, text, (span[0], hi), ())
    answered = label_value(tokens, text, span[1])  # "Berechtigung Reservierung verwalten: nein"
    if answered is NO_ANSWER:
        return state
    return None if answered is None or state is None else state == answered


def _pending(tokens: list[Token], text: str, span: tuple[int, int], hi: int) -> object:
    """A permission asked for, promised or to come in its clause (`pending_words`: "wurde beantragt", "is
    pending"; `future_times`: "next week"): denied (False) when a contrast after it denies ("..., aber noch nicht erteilt"),
    else open (None); `NO_ANSWER` when its clause tells nothing pending."""
    lo = clause_bounds(tokens, text, span[0], span[1])[0]
    words = " ".join(t.word for t in tokens[lo:hi + 1])
    if not any(f" {p}" in f" {words}" for p in _lexicon("pending_words") | _lexicon("future_times")):
        return NO_ANSWER  # nor one to come ("bekomme nächste Woche die Berechtigung")
    if hi + 1 < len(tokens) and tokens[hi + 1].word in _lexicon("contrasts"):
        n_hi = clause_bounds(tokens, text, hi + 1, hi + 1)[1]
        if any(t.neg for t in tokens[hi + 1:n_hi + 1]):
            return False
    return None


def _none_further(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether a negation restricted to something further opens the permission's phrase ("keine
    weiteren Rechte", "without any extra permission"): beyond the role, the writer holds none."""
    lo = clause_bounds(tokens, text, span[0], span[1])[0]
    neg = _lexicon("noun_negations")
    for k in range(lo, span[0]):
        if (tokens[k].neg or tokens[k].word in neg) and any(t.word in _lexicon("negation_restrictors") for t in tokens[k + 1:min(k + 3, span[0])]):
            return True
    return False


def _between_commas(tokens: list[Token], text: str, span: tuple[int, int]) -> list[Token]:
    """The tokens around `span` up to the punctuation before and after it ("mir fehlt aber die
    Berechtigung ..." whole, though "aber" opens a clause)."""
    def stop(i: int) -> bool:  # punctuation between token i-1 and token i
        return any(c in ",;:.!?" for c in text[tokens[i - 1].end:tokens[i].start])
    lo, hi = span
    while lo > 0 and not stop(lo):
        lo -= 1
    while hi < len(tokens) - 1 and not stop(hi + 1):
        hi += 1
    return tokens[lo:hi + 1]


_ANSWER_OPENING = 3  # words at the start of an answer to a question for the fact that may name the writer's role ("only the OSM")


def read_choice(fact: Fact, lang: str, tokens: list[Token], words: list[str], text: str, lex: CueLexicon,
                asked: bool = False) -> tuple[str, int, tuple[int, int]] | None:
    """Return (choice id, strength) of the choice a sentence names, or None.

    A choice's name is found as written (`_find_name`): "Administrator im VLSC" or
    "Vereinbarungsadministrator" names no "VLSC-Administrator". A choice named near one
    of the fact's context cues ("ich bin", "role") is stronger. A choice whose name is
    part of a longer one's ("OSM" of "OSM mit Berechtigung Reservierung verwalten") becomes
    the longer one when the sentence also states the longer name's other words ("hat mir
    als OSM die Berechtigung ... zugewiesen"), and is not taken when it asks or hedges
    them: a false fact is worse than a question. With `asked`, the sentence answers a question
    for the fact ("> Welche Rolle haben Sie?" - "Nur OLA."): a role named in its first words is the
    writer's unless a possessive makes it someone else's ("Unser Kollege ist OLA" names none so).
    """
    context: list[int] | None = None  # worked out for the first name found
    named = _named(fact, lex)
    best: tuple[int, str, tuple[int, int]] | None = None
    others_named: list[tuple[str, tuple[int, int]]] = []  # roles of others named: two apart leave it open
    vocab = frozenset(w for _, name in named for w in name) - lex.stop
    also: dict[frozenset[str], bool | None] = {}  # `_also_said` of each longer name's other words, read once for the sentence
    names, contents = _distinct_names(fact, lex)
    gone = frozenset(c for c in contents if absent(c, words.joined)) if isinstance(words, Words) else frozenset()
    for cid, cue, content in names:
        if not gone.isdisjoint(content):
            continue  # a word of the name stands nowhere in the sentence (`_find_name` finds it nowhere)
        begin = 0  # every mention: "Birgit Lang (OSM): Ich bin reine OSM" names a role of hers, then the writer's own
        while (span := _find_name(cue, words, lex.stop, begin)) is not None:
            begin = span[1] + 1
            if any(breaks_clause(text[tokens[k - 1].end:tokens[k].start]) for k in range(span[0] + 1, span[1] + 1)):
                continue  # "I'm the OSM, but Manage Reservations is not set": two clauses name no one role
            if context is None:
                context = context_positions(fact, lang, words, lex) if fact.cues.context else []
            others = _possessed(tokens, span[0]) or not (asked and span[0] < _ANSWER_OPENING or _writers(tokens, text, span, context))
            if others:
                others_named.append((cid, span))
            if _offered(tokens, text, span) or _vague(tokens, text, span):
                continue  # "Rolle: [vlsc-admin / ola / osm]": one of the options offered, none chosen
            if _role_state(tokens, text, span) is not True or label_value(tokens, text, span[1]) not in (NO_ANSWER, True):
                continue  # denied, or answered no or unknown as a label ("OSM mit Berechtigung ...: nein")
            if others and not _acting(tokens, lex.word("permission") in words):
                continue  # "our OSM says ...", "Mein Kollege ist VLSC-Administrator": someone else's role
            own = {w for w in cue if w not in lex.stop}
            said = []
            for other, longer in named:
                if other != cid and own < (whole := frozenset(longer) - lex.stop):
                    if (extra := whole - own) not in also:
                        also[extra] = _also_said(set(extra), tokens, words, text, vocab)
                    said.append((also[extra], other, longer))
            if any(state is None for state, _, _ in said):
                continue
            denied = [set(longer) for state, _, longer in said if state is False]
            # a permission denied whole ("keine Berechtigung zum Verwalten von Reservierungen") is not stated by its part
            stated = [(other, longer) for state, other, longer in said if state and not any(set(longer) < d for d in denied)]
            named_id, name = max(stated, key=lambda c: len(c[1])) if stated else (cid, cue)
            # stated: "hat mir als OSM die Berechtigung 'Reservierung verwalten' zugewiesen": the longer name, all said
            near = any(0 <= span[0] - c <= 4 or 0 <= c - span[1] <= 2 for c in context)
            weight = len(name) - 10 if others else len(name) + (10 if near else 0)  # the writer's own role comes first
            if best is None or weight > best[0]:
                best = (weight, named_id, span)
    if best and best[0] < 0 and any(c != d and (a[1] < b[0] or b[1] < a[0]) for c, a in others_named for d, b in others_named):
        return None  # "Our VLSC admin wants to know whether our OSM may reserve": whose role is asked?
    return (best[1], best[0], best[2]) if best else None


_OPTION_MARKS = frozenset("/|")


def _offered(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether a name found at `span` is one of alternatives a slash or bar parts from the words next
    to it ("Rolle: [vlsc-admin / ola / osm]", "OSM/OLA?"): a form's options or a choice asked, not one
    the writer names as theirs."""
    before = text[tokens[span[0] - 1].end:tokens[span[0]].start].strip() if span[0] > 0 else ""
    after = text[tokens[span[1]].end:tokens[span[1] + 1].start].strip() if span[1] + 1 < len(tokens) else ""
    return before in _OPTION_MARKS and bool(before) or after in _OPTION_MARKS and bool(after)


_WHICH_DOUBT = 7  # words from a "which" to the end of the doubt that follows it ("which one exactly I don't know")


def _vague(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether a role named at `span` is left open which one it is: a word of vagueness (`vague_markers`)
    stands right before it or between its words ("irgendeine VLSC-Admin-Rolle", "im VLSC irgendeine
    Admin-Rolle", "some admin role"), or a question word of which one (`which_words`) after it goes with a
    doubt (`unknowns`): "welche genau, weiß ich nicht", "not sure which one" (not "weiß nicht, welche
    Rechte ich brauche": the question has its own object)."""
    words = [t.word for t in tokens]
    if not _lexicon("vague_markers").isdisjoint(words[max(0, span[0] - 1):span[1] + 1]):
        return True
    which = _lexicon("which_words")
    for k in range(span[1] + 1, len(words)):
        if words[k] in which and (has_sequence(words[k + 1:k + _WHICH_DOUBT], "unknowns")
                                  or clause_bounds(tokens, text, k, k)[1] - k <= 1 and has_sequence(words[max(0, k - 4):k], "unknowns")):
            return True
    return False


def _possessed(tokens: list[Token], at: int) -> bool:
    """Whether a possessive right before the role at `at` makes it someone else's ("unser OSM", "our
    OLA"), not the writer's own named so ("ich bin unser Onlineadministrator", "I'm our OSM")."""
    possessives, me, copulas = _lexicon("third_party_possessives"), _lexicon("first_person"), _lexicon("role_copulas")
    for p in range(max(0, at - 2), at):
        if tokens[p].word in possessives:
            before = {t.word for t in tokens[max(0, p - 2):p]}
            return not (before & me and before & copulas)
    return False


def _acting(tokens: list[Token], permitted: bool = False) -> bool:
    """Whether a sentence names the act a role is asked about and no first person: someone
    else's role named there is the one asked about ("Unsere OLA will Reservierungen anlegen",
    "Our OSM wants to finish a reservation"; not "Mein Kollege ist VLSC-Admin, kann ich reservieren?"),
    and so is one `permitted` there ("Our agreement admin gave our OSM the Manage Reservation permission")."""
    acts, asks, who = tuple(_lexicon("role_acts")), _lexicon("role_asks"), _lexicon("interrogatives")
    words = [t.word for t in tokens]
    if not any(w.startswith(acts) for w in words) or any(w in _lexicon("first_person") for w in words):
        return False
    # asked or wanted ("will reservieren", "wants to finish a reservation"), not told ("reserved last
    # year") nor asked of anyone ("Our OSM left; who can reserve now?")
    modals = _lexicon("ability_modals") | _lexicon("permission_modals")
    return (permitted or any(w in asks for w in words)) and not any(w in who and i + 1 < len(words) and words[i + 1] in modals
                                                     for i, w in enumerate(words))


@lru_cache(maxsize=1)
def _wishes() -> tuple[dict[str, tuple[tuple[str, ...], ...]], bool]:
    """The wishes and intentions (`_role_state`) by their first word, and whether one is empty (then any place holds it)."""
    phrases = [tuple(w.split()) for w in (*_lexicon("wishes"), *_lexicon("intentions"))]
    by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in phrases:
        if phrase:
            by_first[phrase[0]] = (*by_first.get(phrase[0], ()), phrase)
    return by_first, not all(phrases)


def _role_state(tokens: list[Token], text: str, span: tuple[int, int]) -> bool | None:
    """Whether a role named at `span` is stated (`polarity`). A role that "als"/"as" introduces
    is no object of a negation after it unless a verb of holding a role stands in its clause:
    "Als VLSC-Admin sehe ich die Reservierungen nicht" states the role, "Als OSM bin ich nicht
    eingetragen" leaves it open. A negation opening a noun phrase after the role ("OSM ohne weitere
    Rechte", "the OSM without any extra permission") qualifies the role, it does not deny it, and a
    wish after it ("Our OLA would like to reserve") concerns the act, not the role. A role or
    permission asked for ("beantragt", "pending") is not held (`_pending`)."""
    pending = _pending(tokens, text, span, clause_bounds(tokens, text, span[0], span[1])[1])
    if pending is not NO_ANSWER:
        return pending  # type: ignore[return-value]  # "die Berechtigung ... wurde beantragt": not held
    wishes, any_wish = _wishes()  # "Our OLA would like to reserve": the act is wished
    words, ends = [t.word for t in tokens], _lexicon("noun_negations")
    cut = next((k for k in range(span[1] + 1, len(tokens)) if words[k] in ends or any_wish
                or any(tuple(words[k:k + len(w)]) == w for w in wishes.get(words[k], ()))), None)
    if cut is not None:
        tokens, text = tokens[:cut], text[:tokens[cut - 1].end]
    state = polarity(tokens, text, span, ())
    if state is None and _asked_as(tokens, text, span):
        return True
    if state is None or not any(t.word in _lexicon("role_introducers") for t in tokens[max(0, span[0] - 2):span[0]]):
        return state
    lo, hi = clause_bounds(tokens, text, span[0], span[1])
    held = any(t.word in _lexicon("role_copulas") for t in tokens[lo:hi + 1])
    if state:  # "Als VLSC-Admin bin ich nicht eingetragen": unknown, not stated
        end = next((k for k in range(span[1] + 1, hi + 1) if tokens[k].word in _lexicon("coordinators")), hi + 1)
        return None if held and any(t.neg for t in tokens[span[1] + 1:end]) else state  # not past "und habe keine ..."
    if held or any(t.neg for t in tokens[lo:span[1] + 1]):
        return state  # "nicht als OSM eingetragen", "not as the OSM"
    return polarity(tokens[:span[1] + 1], text[:tokens[span[1]].end], span, ())


def _asked_as(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether the writer asks what they may do in the role "als"/"as" introduces right after a
    modal and "ich"/"I" ("Kann ich als Onlineadministrator reservieren?", "Can I as the OSM ..."):
    the question takes the role as held. Not so in a condition, nor where the role is one to be
    held ("Kann ich als OSM eingetragen werden?")."""
    at = span[0] - 1
    if at > 0 and tokens[at].word in _lexicon("articles"):
        at -= 1  # "as the OSM"
    if at < 2 or tokens[at].word not in _lexicon("role_introducers"):
        return False
    head = {t.word for t in tokens[at - 2:at]}
    modals = _lexicon("ability_modals") | _lexicon("permission_modals")
    if not (head & _lexicon("first_person_subjects") and head & modals):
        return False
    lo, hi = clause_bounds(tokens, text, span[0], span[1])
    return not any(t.word in _lexicon("conditionals") or t.neg for t in tokens[:hi + 1]) \
        and not any(tokens[k].word in _lexicon("role_copulas") for k in range(max(span[1] + 1, hi - 1), hi + 1))  # verb-final


def _named(fact: Fact, lex: CueLexicon) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(choice id, name's words) of each name of the fact's choices that can name a role
    (worked out once per fact)."""
    return lex.derive("choice_names", fact, "", lambda: _role_names(fact, lex))


def _distinct_names(fact: Fact, lex: CueLexicon) -> tuple[tuple[tuple[str, tuple[str, ...], frozenset[str]], ...], frozenset[str]]:
    """Each distinct (choice id, name's words, its content words) of `_named`, in their order (a name
    given twice finds the same), and all their content words (worked out once per fact)."""
    def build() -> tuple[tuple[tuple[str, tuple[str, ...], frozenset[str]], ...], frozenset[str]]:
        names = tuple((cid, cue, frozenset(_content(cue, lex.stop))) for cid, cue in dict.fromkeys(_named(fact, lex)))
        return names, frozenset(w for _, _, content in names for w in content)
    return lex.derive("distinct_choice_names", fact, "", build)


def _role_names(fact: Fact, lex: CueLexicon) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # The fact's own words ("Rolle", "role") name no choice: "andere Rolle" is not said by "dieser Rolle".
    generic = {w for phrases in fact.cues.context.values() for p in phrases for w in lex.cue(p, drop_function_words=False)}
    neg = negations()
    named: list[tuple[str, tuple[str, ...]]] = []
    for choice in fact.choices:
        names: Iterable[str] = (choice.label.de, choice.label.en, *choice.aliases, choice.id.replace("-", " "))
        for name in names:
            cue = lex.cue(name, drop_function_words=False)
            cue = tuple(w for w in cue if w not in neg or len(cue) == 1)
            if not cue or all(w in neg or w in lex.stop or w in generic for w in cue):
                continue  # "keine", "none", "andere Rolle": no evidence of a role in a ticket
            named.append((choice.id, cue))
    return tuple(named)


def _writers(tokens: list[Token], text: str, span: tuple[int, int], context: list[int]) -> bool:
    """Whether a role named at `span` is the writer's: its clause has the writer in it ("ich
    bin", "I'm", "mir"), or "als"/"as" or a context cue ("Rolle:") stands right before it."""
    lo, hi = clause_bounds(tokens, text, span[0], span[1])
    if any(t.word in _lexicon("first_person") for t in tokens[lo:hi + 1]):
        return True
    if any(t.word in _lexicon("role_introducers") for t in tokens[max(0, span[0] - 2):span[0]]):
        return True
    if any(0 <= span[0] - c <= 2 for c in context):
        return True
    # "Meine Rolle im VLSC ist OSM": the role's place and a copula between
    between = _lexicon("prepositions") | _lexicon("portal_names") | _lexicon("role_copulas") | _lexicon("articles")
    if any(2 < span[0] - c <= _PLACED_ROLE and all(t.word in between for t in tokens[c + 1:span[0]]) for c in context):
        return True
    return _continues_context(tokens, text, lo, hi, context)


_PLACED_ROLE = 5  # words at most from a context cue to the role it names ("Rolle im VLSC ist OSM")


def _continues_context(tokens: list[Token], text: str, lo: int, hi: int, context: list[int]) -> bool:
    """Whether the clause lo..hi has no verb of its own and continues one that a context cue
    opens ("Ich bin nicht VLSC-Administrator und auch kein Onlineadministrator, nur OSM"; "I'm
    not the VLSC admin, just the OSM"): the role is still the writer's."""
    verbs = _lexicon("finite_verbs")
    while lo > 0 and not any(t.word in verbs for t in tokens[lo:hi + 1]):
        lo, hi = clause_bounds(tokens, text, lo - 1, lo - 1)
        if any(lo <= c <= hi for c in context):
            return True
    return False


def _names(fact: Fact, lex: CueLexicon) -> tuple[tuple[str, frozenset[str]], ...]:
    """(choice id, content words of a name) of each name of the fact's choices (worked out once per fact)."""
    def build() -> tuple[tuple[str, frozenset[str]], ...]:
        out = []
        for choice in fact.choices:
            for name in (choice.label.de, choice.label.en, *choice.aliases, choice.id.replace("-", " ")):
                words = frozenset(w for w in lex.cue(name, drop_function_words=False) if w not in lex.stop)
                if words:
                    out.append((choice.id, words))
        return tuple(out)
    return lex.derive("choice_word_sets", fact, "", build)


def _doubts_any(words: set[str], sentences: Sequence[tuple[list[Token], list[str], str]]) -> bool:
    """Whether a sentence hedges a permission named in general ("I think the admin may have
    given me some permission, I'm not sure"): whether the writer holds it is then unknown."""
    for tokens, said_words, text in sentences:
        for i, w in enumerate(said_words):
            if any(word_matches(v, w) for v in words) and hedged(tokens, text, i, i):
                return True
    return False


def refine_choice(fact: Fact, chosen: str, sentences: Sequence[tuple[list[Token], list[str], str]],
                  lex: CueLexicon, others: bool = False) -> tuple[str | None, tuple[int, tuple[int, int]] | None]:
    """Return the choice a whole ticket names, given the one a sentence named, and where the
    words that made it a longer one stand (sentence index, token span), if they did.

    A choice whose name lies within a longer one's ("OSM" in "OSM mit Berechtigung
    Reservierung verwalten") becomes the longer one when another sentence states the
    longer name's own words ("hat mir die Berechtigung 'Reservierung verwalten'
    zugewiesen"); it stays when they are denied ("habe aber nicht die Berechtigung ...");
    it is unknown (None) when they are asked, hedged or conditional ("ob mir ... die
    Berechtigung 'Reservierung verwalten' gegeben hat, weiß ich nicht"), or both said and
    denied. Only extra words of two or more ("Reservierung verwalten") make it the longer
    one: one word ("Berechtigung") names no particular permission, but a hedged one leaves the
    choice unknown unless the longer name is stated outright. Someone else's role (`others`, read from a sentence about their reserving)
    is unknown when the writer speaks of themselves anywhere ("Darf ich ... reservieren?").
    """
    if others and any(t.word in _lexicon("first_person") for tokens, _, _ in sentences for t in tokens):
        return None, None
    names = _names(fact, lex)
    own = [words for cid, words in names if cid == chosen]
    extras: dict[frozenset[str], str] = {}
    vague: set[str] = set()
    for cid, longer in names:
        if cid == chosen:
            continue
        for words in own:
            extra = longer - words
            if words < longer and len(extra) >= 2:
                extras.setdefault(extra, cid)
            elif words < longer:
                vague |= extra
    doubted = bool(vague) and _doubts_any(vague | _lexicon("permission_words"), sentences)
    if not extras:
        return (None, None) if doubted else (chosen, None)
    states: dict[str, set[bool | None]] = {}
    where: tuple[int, tuple[int, int]] | None = None
    for index, (tokens, said_words, text) in enumerate(sentences):
        read: list[tuple[int, int]] = []  # a mention within a longer one read before is part of it
        for extra, cid in sorted(extras.items(), key=lambda e: -len(e[0])):
            start = 0
            while (found := find_cue(tuple(sorted(extra)), said_words[start:], skippable=lex.stop)) is not None:
                # every mention counts: "verwalte Reservierungen ohne die Berechtigung 'Reservierung
                # verwalten'" tells an activity and denies the permission: unsure; but "keine Berechtigung
                # zum Verwalten von Reservierungen" is one mention, denied as a whole
                span = (found[0] + start, found[1] + start)
                start = span[1] + 1
                if any(lo <= span[0] and span[1] <= hi for lo, hi in read):
                    continue
                read.append(span)
                state = _mentioned(tokens, text, span, said_words, frozenset().union(*(w for _, w in names)))
                states.setdefault(cid, set()).add(state)
                where = (index, span) if state and where is None else where
    if not states:
        return (None, None) if doubted else (chosen, None)
    if len(states) > 1:
        return None, None
    cid, said = next(iter(states.items()))
    if said == {True}:  # stated outright, it outweighs a doubt of some permission ("Zuerst dachte ich, ich
        return cid, where  # hätte keine Rechte, aber ...: die Berechtigung Reservierung verwalten ist gesetzt")
    if doubted:
        return None, None
    if said == {False}:
        return chosen, None
    return None, None
