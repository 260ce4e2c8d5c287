"""Whether a clause that fits a yes/no cue tells a plan or another company's case instead of the case.

- A plan, or a state still to come: the clauses of the cue name a time to come ("nächstes Quartal",
  "next week"; `future_times`: "wir werden die Add-ons nächstes Quartal über eine neue Registrierung
  kaufen"), or a future of the writer's side (`future_plans`: "wir werden ... kaufen"), or the cue stands in an infinitive clause ("..., die Add-ons über eine andere
  Registrierung zu kaufen") right after a clause of intention ("Wir planen, ..."; `intentions`).
- Another company's case: the part of the sentence the cue stands in (up to a contrast) names a
  person (`other_people`, `acquaintances`) of another company (`other_companies`): "bei meinem
  Kollegen (andere Firma) ging die Mail an eine outlook.com-Adresse", "a friend at another company
  told me their mail went to their reseller"; or it tells first that such a person had the same
  problem (`same_problems`: "Ein Kollege hatte letztes Jahr das gleiche Problem, da ging die Mail an
  den Einkauf"). Their case is not the writer's.

- Another person's or company's own thing: "meine Kollegin hat ihre Lizenzen im falschen Konto
  aktiviert", "my colleague checked his junk folder".

- What the writer quotes from an earlier occasion: the cue stands in quotation marks that the
  sentence opens after naming an earlier period or the same problem before (`bygone_periods`,
  `earlier_occasions`, `same_problems`), or a condition or a deed still to do (`conditionals`,
  `inquiry_verbs`): "last year we had the same problem and the answer was: \"The OSM is the global
  admin\"", "Noch zu prüfen, ob das stimmt: „Die Domäne ist verifiziert“".

- A denial restricted to another thing: "nicht geprüft haben wir nur den Quarantäne-Bereich, den
  Junk-Ordner schon" (`focus_particles` between the cue's words).

The fact then stays open: a false fact is worse than a question. The words are data in
`knowledge/language/`.
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.answers import to_find_out
from faq.tickets.borders import clause_bounds, phrases
from faq.tickets.hedges import hedged
from faq.tickets.quotes import in_quoted_question, is_example, quote_opening
from faq.tickets.sentence import Sentence, has_sequence
from faq.tickets.tokens import Token, tokenize

__all__ = ["mention_unsaid", "theirs", "unasserted"]


def _planned(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether the clauses of the cue at `span` name a time to come, or its clause is an infinitive
    clause right after a clause of intention."""
    every = {t.word for t in tokens}
    if phrases("future_times").keys().isdisjoint(every) and phrases("future_plans").keys().isdisjoint(every) \
            and (phrases("intentions").keys().isdisjoint(every) or folded("infinitive_markers").isdisjoint(every)):
        return False  # most sentences: no word that could tell a plan, found without their clauses
    lo, hi = clause_bounds(tokens, text, span[0], span[0])
    hi = max(hi, clause_bounds(tokens, text, span[1], span[1])[1])
    words = [t.word for t in tokens[lo:hi + 1]]
    if has_sequence(words, "future_times") or has_sequence(words, "future_plans"):
        return True
    if lo == 0 or folded("infinitive_markers").isdisjoint(words):
        return False
    before, _ = clause_bounds(tokens, text, lo - 1, lo - 1)
    return has_sequence([t.word for t in tokens[before:lo]], "intentions")


def _elsewhere(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether the part of the sentence the cue stands in, up to a contrast, names a person of
    another company: a company close after the person, no verb between ("a friend at another
    company", "Kollegen (andere Firma)"; not "the colleague who clicked was signed into a different
    company's account": the account is what is told)."""
    companies = phrases("other_companies")
    if companies.keys().isdisjoint(t.word for t in tokens):
        return False
    lo, hi = clause_bounds(tokens, text, span[0], span[1], "contrasts")
    words = [t.word for t in tokens[lo:hi + 1]]
    people, verbs = folded("other_people") | folded("acquaintances"), folded("finite_verbs") | folded("relative_pronouns")
    for i, word in enumerate(words):
        if word not in people:
            continue
        for k in range(i + 1, min(len(words), i + 1 + _PERSON_REACH)):
            if words[k] in verbs:
                break
            if any(tuple(words[k:k + len(p)]) == p for p in companies.get(words[k], ())):
                return True
    return False


_PERSON_REACH = 4  # words from a person to the company named as theirs ("Kollegen (anderer Mandant, andere Firma)")


def _restricted(tokens: list[Token], span: tuple[int, int]) -> bool:
    """Whether a denial found at `span` is restricted to another thing by a focus particle
    (`focus_particles`: "nur", "only") after a negation, between the cue's words ("nicht geprüft
    haben wir nur den Quarantäne-Bereich, den Junk-Ordner schon": only the quarantine is denied);
    "Nur den Junk-Ordner haben wir nicht geprüft" denies it, "the only enrollment" denies nothing."""
    focus = folded("focus_particles")
    return any(tokens[r].word in focus and any(t.neg for t in tokens[max(0, span[0] - _NEGATION_REACH):r])
               for r in range(span[0] + 1, span[1]))


_NEGATION_REACH = 3  # words before a cue where the negation a focus particle restricts may stand ("nicht geprüft")


def _retold(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence, before the cue, tells that another person had the same problem
    (`same_problems` and a person), and the cue's clause does not come back to the writer's
    (`own_settings`): the cue tells that person's case."""
    before = [t.word for t in tokens[:span[0]]]
    if phrases("same_problems").keys().isdisjoint(before) or not has_sequence(before, "same_problems") \
            or (folded("other_people") | folded("acquaintances")).isdisjoint(before):
        return False
    lo, hi = clause_bounds(tokens, text, span[0], span[1])
    return not has_sequence([t.word for t in tokens[lo:hi + 1]], "own_settings")


_HER = ("ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres")  # lowercase: "her", "their"; capitalised: the formal "your"


def theirs(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether the cue's clause tells another person's or company's own thing: it names them
    (`other_people`, `acquaintances`, `other_companies`) and then a third person's possessive up to
    the cue's end ("meine Kollegin hat ihre Lizenzen im falschen Konto aktiviert", "another company
    in our group had their licenses activated on the wrong account", "my colleague checked his junk
    folder"), not the OSM ("Mein Kollege, unser OSM, hat seinen Junk-Ordner geprüft")."""
    lo, hi = clause_bounds(tokens, text, span[0], span[1])
    words = [t.word for t in tokens[lo:max(hi, span[1]) + 1]]
    people = folded("other_people") | folded("acquaintances")
    first = next((i for i, w in enumerate(words) if w in people), None)
    if first is None and has_sequence(words, "other_companies"):
        first = 0
    if first is None or "osm" in words or has_sequence(words, "own_settings"):
        return False
    possessives = folded("third_person_possessives") - {"sein"}  # "sein" is also "to be"
    return any(w in possessives or w in _HER and text[t.start].islower()
               for w, t in zip(words[first + 1:span[1] - lo + 1], tokens[lo + first + 1:span[1] + 1]))


def _quoted_earlier(tokens: list[Token], text: str, span: tuple[int, int]) -> bool:
    """Whether the cue stands in a quotation that the sentence, before it opens, places at an earlier
    occasion ("letztes Jahr hieß es: „Die Domäne ist verifiziert“", "last year we had the same problem
    and the answer was: \"...\""), leaves to be found out ("Noch zu prüfen, ob das stimmt: „...“",
    "whether this holds: \"...\"") or cites from a text or a belief (`beliefs`: "In Ihrer FAQ steht: „...,
    aber ...“", "I read in your FAQ: \"...\""): the whole quotation, a contrast in it too."""
    if not any(q in text for q in "\"„“»«"):
        return False  # most sentences
    opening = quote_opening(text, tokens[span[0]].start)
    if opening is None:
        return False
    before = [t.word for t in tokenize(text[:opening])]
    return any(has_sequence(before, name) for name in ("bygone_periods", "earlier_occasions", "same_problems", "beliefs")) \
        or not folded("conditionals").isdisjoint(before) or to_find_out(before)


def unasserted(s: Sentence, span: tuple[int, int], value: bool) -> bool:
    """Whether the cue sentence `s` states at `span` (as `value`) is a plan, another person's case,
    a quotation from an earlier occasion or a denial of another thing, no fact of the case."""
    return _planned(s.tokens, s.text, span) or _elsewhere(s.tokens, s.text, span) \
        or _retold(s.tokens, s.text, span) or not value and _restricted(s.tokens, span) or theirs(s.tokens, s.text, span) \
        or _quoted_earlier(s.tokens, s.text, span)


def _asked_whole(tokens: list[Token], text: str, index: int) -> bool:
    """Whether the word at `index` stands in a sentence of one clause that ends with a question mark
    ("Gekauft haben wir am 10.01.2026?", "Usage start 1 December?"): the writer asks, not tells."""
    if not text.rstrip().endswith("?"):
        return False
    lo, hi = clause_bounds(tokens, text, index, index)
    return lo == 0 and hi == len(tokens) - 1


def mention_unsaid(tokens: list[Token], text: str, index: int, named: bool = False) -> bool:
    """Whether the address or date at token `index` is an example, in a quoted question or a question of one clause, in a
    quotation from an earlier occasion or a text (`_quoted_earlier`), another person's, hedged, conditional or past;
    a `named` address (in apposition) is hedged only by its own clause, and past by its head's too
    ("our OSM used to be an outlook.com address (x@outlook.com)")."""
    return is_example(tokens, index) or in_quoted_question(text, tokens[index].start) or theirs(tokens, text, (index, index)) \
        or _asked_whole(tokens, text, index) or _quoted_earlier(tokens, text, (index, index)) \
        or hedged(tokens, text, index, index, beliefs=not named) \
        or named and index > 0 and has_sequence([t.word for t in tokens[clause_bounds(tokens, text, index - 1, index - 1)[0]:index]],
                                                 "past_state_markers")
