"""One sentence of a ticket, analysed once for the fact reader, and what the sentences
around it change: a refutation after it, a back pointer to the address it names."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from faq.language.lexicon import folded as folded_words
from faq.tickets.borders import clause_bounds, denies_a_noun
from faq.tickets.cuefind import Words, function_words, word_matches
from faq.tickets.cues import CueLexicon, phrases
from faq.tickets.domains import names_another_domain
from faq.tickets.evidence import Evidence
from faq.tickets.mentions import ADDRESS
from faq.tickets.quotes import is_question
from faq.tickets.tokens import Token, tokenize

if TYPE_CHECKING:
    from faq.kb.model import Fact

__all__ = ["OPENING", "Sentence", "date_denied", "date_distance", "date_earlier", "date_named_other", "has_sequence",
           "name_osm", "names_another_address", "not_the_osms", "refer_back", "refer_to_compound",
           "refer_to_country", "refuted", "retold_after", "sequence_end", "sequences", "token_index"]


class Sentence:
    """One sentence of the text, analysed once."""

    __slots__ = ("offset", "text", "tokens", "words", "question", "refuted", "_depth", "_correction")

    def __init__(self, offset: int, text: str, tokens: list[Token], words: Words) -> None:
        self.offset, self.text = offset, text
        self.tokens = tokens
        self.words = words
        self.question = is_question(text)
        self.refuted = False  # the next sentence refutes this one ("Das stimmt aber nicht.")
        self._depth: list[int] | None = None
        self._correction: int | None = None

    def countries_apart(self, cue: tuple[str, ...], lex: CueLexicon) -> bool:
        """Whether a cue read through a country's name ("in Österreich angeboten" is "im Land
        angeboten") stands in a sentence that names two countries ("in Österreich angeboten, unser
        Konto ist aber in der Schweiz"): which one the cue means is unsure, so it states nothing."""
        if lex.word("land") not in cue:
            return False
        names = folded_words("countries")
        return len({t.word for t in self.tokens if t.word in names}) > 1

    def another_person(self, span: tuple[int, int], cue: tuple[str, ...], lex: CueLexicon) -> bool:
        """Whether a cue that names the OSM is found across another person named between its words
        and tied to it by a verb of its own ("Our OSM asked Mr Lee, the global admin", "Unser OSM hat
        Frau Roth gefragt, die globale Administratorin": the role is theirs). A person named so is
        one with a title or a colleague (knowledge/language/other_people.yaml); one joined by
        function words or a verb of naming (`role_copulas`) is who the OSM is ("als OSM ist bei uns
        Frau Lenz eingetragen, sie ...", "Der OSM (Herr Kurz) ist ...")."""
        osm = lex.word("osm")
        if osm not in cue:
            return False
        words, titles, colleague = self.words, folded_words("titles"), lex.word("kollege")
        at = next((i for i in range(span[0], span[1] + 1) if words[i] == osm), None)
        if at is None or not any(words[i] in titles or words[i] == colleague for i in range(at + 1, span[1])):
            return False
        naming = function_words() | folded_words("role_copulas") | titles
        for i in range(at + 1, span[1]):
            name = i > 0 and words[i - 1] in titles and self.text[self.tokens[i].start:self.tokens[i].start + 1].isupper()
            if not (name or words[i] in naming or any(word_matches(c, words[i]) for c in cue)):
                return True
        return False

    def denied_for_another(self, span: tuple[int, int]) -> bool:
        """Whether the clause right after a cue's clause denies it, in few words, for another one
        of the same kind ("Die alte Registrierung war mit dem Tenant verbunden, die neue nicht",
        "the old enrollment was linked, the new one is not"): which one the case is about is
        unsure, so the cue states nothing. The short clause opens with a determiner and a word of
        `qualifiers` or `otherness` and holds a negation."""
        if not any(t.neg for t in self.tokens[span[1] + 1:]):
            return False  # no negation after the cue: no clause after it can deny it
        end = clause_bounds(self.tokens, self.text, span[0], span[1])[1] + 1
        if end + 1 >= len(self.tokens) or not any(t.neg for t in self.tokens[end:end + _ELLIPTIC]):
            return False
        words = [t.word for t in self.tokens[end:end + _ELLIPTIC]]
        others = tuple(folded_words("qualifiers") | folded_words("otherness"))
        return words[0] in folded_words("determiners") and words[1].startswith(others) \
            and clause_bounds(self.tokens, self.text, end, end)[1] < end + _ELLIPTIC and not denies_a_noun(self.tokens, end, end + _ELLIPTIC)

    @property
    def correction_end(self) -> int:
        """The token after the sentence's last correction ("Korrektur", "scratch that"; `corrections`), 0 when none."""
        if self._correction is None:
            self._correction = sequence_end([t.word for t in self.tokens], "corrections")
        return self._correction

    def corrected(self, at: int) -> bool:
        """Whether the writer corrects, later in the sentence, what stands at token `at`
        ("nicht verifiziert - Korrektur: doch verifiziert", "x@outlook.com - Korrektur: ...")."""
        return at < self.correction_end - 1

    def bracketed(self, span: tuple[int, int], cue: tuple[str, ...]) -> bool:
        """Whether some words of a cue found at `span` stand inside brackets and others outside."""
        if "(" not in self.text and "[" not in self.text:
            return False
        if self._depth is None:
            depth, level, pos = [], 0, 0
            for t in self.tokens:
                between = self.text[pos:t.start]
                level = max(0, level + between.count("(") + between.count("[") - between.count(")") - between.count("]"))
                depth.append(level)
                pos = t.end
            self._depth = depth
        at = [i for i in range(span[0], span[1] + 1) if any(word_matches(c, self.words[i]) for c in cue)]
        at = [self._renamed(i) for i in at]
        levels = {self._depth[i] for i in at}
        if len(levels) < 2:
            return False
        # An apposition: the person or address right before a bracket, the rest of the cue inside it,
        # says who that is ("unser OSM (der Chef selbst, globaler Admin vom Tenant)"; apposition_heads).
        outside = [i for i in at if self._depth[i] == 0]
        head = outside[-1] if outside else 0
        return not (outside and self.tokens[head].word.endswith(tuple(folded_words("apposition_heads"))) and head + 1 < len(self.tokens) and self._depth[head + 1] == 1 and all(i > head for i in at if i not in outside)
                    and "(" in self.text[self.tokens[head].end:self.tokens[head + 1].start]
                    and ")" not in self.text[self.tokens[head + 1].start:self.tokens[max(at)].start])

    def _renamed(self, i: int) -> int:
        """The word a bracket's only word names again ("im Land (Kuba)": "Land"), else `i` itself."""
        depth = self._depth or []
        if not (0 < i < len(depth) - 1 and depth[i] == 1 and depth[i - 1] == 0 and depth[i + 1] == 0
                and self.words[i] == self.words[i - 1] and "(" in self.text[self.tokens[i - 1].end:self.tokens[i].start]):
            return i
        return i - 1

    def evidence(self, start: int, end: int, source: str) -> Evidence:
        """Return the evidence of the words at start..end (offsets in the sentence)."""
        return Evidence(self.text[start:end], self.text.strip(), self.offset + start, self.offset + end, source)

    def span_evidence(self, span: tuple[int, int], source: str) -> Evidence:
        """Return the evidence of the tokens span[0]..span[1]."""
        return self.evidence(self.tokens[span[0]].start, self.tokens[span[1]].end, source)


def token_index(tokens: list[Token], offset: int) -> int:
    for i, t in enumerate(tokens):
        if t.end > offset:
            return i
    return max(len(tokens) - 1, 0)


@cache
def sequences(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in folded_words(name))


@cache
def _by_first_word(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sequences(name):
        if p:
            out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def has_sequence(words: list[str], name: str) -> bool:
    """Whether `words` hold one of the word sequences of the list `name`."""
    table = _by_first_word(name)
    if table.keys().isdisjoint(words):
        return False  # no first word of any sequence: most sentences, found without a loop
    return any(tuple(words[i:i + len(p)]) == p for i, w in enumerate(words) if w in table for p in table[w])


def sequence_end(words: list[str], name: str) -> int:
    """The position after the last word sequence of the list `name` in `words`, 0 when none."""
    table = _by_first_word(name)
    if table.keys().isdisjoint(words):
        return 0
    return max((i + len(p) for i, w in enumerate(words) for p in table.get(w, ()) if tuple(words[i:i + len(p)]) == p),
               default=0)


def refuted(s: Sentence, at: int) -> bool:
    """Whether what the clause at token `at` says is refuted after it: in the same sentence
    ("..., das stimmt aber nicht") or by the next one."""
    if s.refuted:
        return True
    if not has_sequence([t.word for t in s.tokens], "refutations"):
        return False
    end = clause_bounds(s.tokens, s.text, at, at)[1]
    return has_sequence([t.word for t in s.tokens[end + 1:]], "refutations")


OPENING = 3  # words at a sentence's start where a back pointer ("Genau dieses Konto") stands


def refer_back(analysed: list[Sentence], lex: CueLexicon) -> None:
    """Read "dieses Konto", "that mailbox" opening a sentence right after one that names an
    e-mail address as that address ("... ist admin@x.de hinterlegt. Genau dieses Konto ist
    der globale Administrator": the address is the admin)."""
    pointers, nouns = sequences("back_pointers"), folded_words("address_nouns")
    address = lex.word("osm")  # the cues name the OSM in both languages
    for s in analysed:
        _relative_to_address(s, address)
    for before, s in zip(analysed, analysed[1:]):
        if not ADDRESS.search(before.text):
            continue
        words = [t.word for t in s.tokens[:OPENING + 3]]
        for p in pointers:
            for i in range(max(1, OPENING - len(p) + 1)):  # a long pointer opens the sentence ("Das ist genau das Konto")
                at = i + len(p)
                if tuple(words[i:at]) == p and at < len(words) and words[at] in nouns:
                    s.words[at] = address


def refer_to_compound(analysed: list[Sentence]) -> None:
    """Read a hyphenated compound's last part, named again alone after a determiner, as the
    compound ("... diese Lizenzierungs-ID ... Ja, die ID ist verknüpft": the licensing ID): the
    determiner's place takes the word before the last part."""
    heads: dict[str, str] = {}
    links = folded_words("determiners") | folded_words("third_party_possessives")
    for s in analysed:
        for i in range(1, len(s.tokens)):
            head, before = s.tokens[i], s.tokens[i - 1]
            if s.text[before.end:head.start] == "-" and not head.word.isdigit() and not before.word.isdigit():
                heads.setdefault(head.word, s.words[i - 1])
            elif head.word in heads and before.word in links and (i + 1 == len(s.tokens) or s.text[head.end:s.tokens[i + 1].start] != "-"):
                s.words[i - 1] = heads[head.word]


def name_osm(analysed: list[Sentence], address: str, lex: CueLexicon) -> None:
    """Read the OSM's address, wherever it is named, as the OSM ("VLSC lists it@x.de as the
    recipient" once it@x.de is known to be the OSM's address: the OSM is the recipient)."""
    osm, address = lex.word("osm"), address.lower()
    local = address.split("@")[0]  # "licensing@" names licensing@x.com when the ticket gives no other domain
    for s in analysed:
        at = [i for i, t in enumerate(s.tokens) if (t.word.startswith("000") and s.text[t.start:t.end].lower() == address)
              or (s.text[t.start:t.end].lower() == local and s.text[t.end:t.end + 1] == "@"
                  and not s.text[t.end + 1:t.end + 2].strip(" \t\n.,;:)"))]
        if at:  # new words: what was searched in the old ones is remembered there
            s.words = Words(osm if i in at else w for i, w in enumerate(s.words))


def refer_to_country(analysed: list[Sentence], lex: CueLexicon) -> None:
    """Read a place anaphor ("dort", "there"; knowledge/language/place_anaphors.yaml) after a
    country's name in the ticket as that country ("... mit Land Belarus angelegt. Der Dienst
    wird dort nicht angeboten"); an expletive followed by a finite verb ("there is") points nowhere."""
    countries, anaphors = folded_words("countries"), folded_words("place_anaphors")
    verbs, expletives = folded_words("finite_verbs"), folded_words("expletives")
    named = False
    for s in analysed:
        for i, t in enumerate(s.tokens):
            if t.word in countries:
                named = True
            elif named and t.word in anaphors and not (t.word in expletives and i + 1 < len(s.tokens) and s.tokens[i + 1].word in verbs):
                s.words[i] = lex.word("land")


_ELLIPTIC = 5  # words at most in a clause that denies a cue for another one ("die neue nicht")
_DASH = re.compile(r"\s[-–—]\s")


def _relative_to_address(s: Sentence, osm: str) -> None:
    """Read a relative pronoun right after the OSM's address, or after the verb that closes its
    clause, as that address ("Die OSM-Adresse ist r@x.de, die auch globaler Administrator ist";
    "..., which is also the account I use as Global Administrator"). The sentence must name the
    OSM before the address; a German word written with a capital after the comma opens a noun
    ("r@x.de, die Adresse des Admins ..."), not a relative clause. After a dash a demonstrative
    points back so too ("r@x.de – das ist unser Global Admin", "r@x.com - that is our admin").
    So does a relative pronoun right after the OSM itself ("Unser OSM, der auch globaler Admin ist")
    or after whom a clause names as the OSM ("Als OSM haben wir unseren Geschäftsführer eingetragen,
    der auch globaler Admin ist")."""
    if "@" not in s.text and osm not in s.words:
        return
    relatives = folded_words("address_relatives")
    pointers = relatives | {p[0] for p in sequences("back_pointers") if len(p) == 1}
    for i in range(1, len(s.tokens) - 1):
        gap = s.text[s.tokens[i - 1].end:s.tokens[i].start]
        if not (s.tokens[i].word in relatives and "," in gap or s.tokens[i].word in pointers and _DASH.search(gap)):
            continue
        at = i - 1  # the address, or a verb closing its clause right after it ("x@y.de eingetragen, die ...")
        if at > 0 and not s.tokens[at].word.startswith("000") and s.text[s.tokens[at].start:s.tokens[at].end].islower() \
                and s.text[s.tokens[at - 1].end:s.tokens[at].start].strip() == "":
            at -= 1
        if not (s.tokens[at].word.startswith("000") and osm in s.words[:at] or s.words[at] == osm
                or _named_as_osm(s, at, osm)):
            continue
        after = s.text[s.tokens[i + 1].start:s.tokens[i + 1].end]
        if after[:1].isupper():
            continue
        s.words[i] = osm


def _named_as_osm(s: Sentence, at: int, osm: str) -> bool:
    """Whether the clause up to token `at` names who was entered as the OSM ("Als OSM haben wir
    unseren Geschäftsführer eingetragen", "we entered our CFO as OSM"): a role word right before
    the OSM (`role_introducers`), no comma between it and `at`."""
    introducers = folded_words("role_introducers")
    for k in range(at):
        if s.words[k + 1] == osm and s.tokens[k].word in introducers:
            return "," not in s.text[s.tokens[k].start:s.tokens[at].end]
    return False


def names_another_address(s: Sentence, span: tuple[int, int], address: object) -> bool:
    """Whether a cue found at `span` names an address (a word of `address_nouns`) whose clause
    gives another e-mail address than `address`, the one read for the case: "OSM ist a@x.de, die
    Adresse unseres globalen Admins ist b@x.de" says nothing about a@x.de."""
    if "@" not in s.text:  # no address in the sentence, so none other than the case's; maybe another domain
        return names_another_domain(s.tokens, s.text, span, address)  # "Domain fabrikam.com: Verified"
    nouns = folded_words("address_nouns")
    if not any(s.tokens[i].word in nouns for i in range(span[0], span[1] + 1)):
        return False
    lo, hi = clause_bounds(s.tokens, s.text, span[0], span[1])
    named = ADDRESS.findall(s.text[s.tokens[lo].start:s.tokens[hi].end])
    return any(str(m).rstrip(".").lower() != str(address).lower() for m in named)


def date_distance(s: Sentence, c: int, idx: int, end_idx: int, conjunctions: bool = True) -> int:
    """Words between a cue at token `c` and a date at tokens idx..end_idx; a cue after the date counts one more, a
    clause border (punctuation, and with `conjunctions` "und", "but" ...; "war aber erst gestern": a contrast right after
    the verb is inside) five more. Addresses pass `conjunctions=False` ("als OSM haben wir jedoch b@y eingetragen")."""
    lo, hi = (c, idx) if c < idx else (end_idx, c)
    dist = hi - lo + (0 if c < idx else 1)
    inside = folded_words("midfield_particles"), folded_words("finite_verbs")
    if any(ch in ",;:()" for ch in s.text[s.tokens[lo].end:s.tokens[hi].start]) or conjunctions and any(
            s.tokens[k].word in folded_words("clause_breaks") and not (s.tokens[k].word in inside[0] and s.tokens[k - 1].word in inside[1])
            for k in range(lo + 1, hi)):
        dist += 5  # "placed on 20 Nov and usage begins 1 Dec": "usage" is the next clause's
    return dist


def retold_after(fact: Fact, s: Sentence, at: tuple[list[int], list[int], list[tuple[int, int]]], corrected: int,
                 lang: str, lex: CueLexicon) -> bool:
    """Whether the words after a correction (from token `corrected`) tell its date anew as another
    event's: an event word (`at`: all of them, those not of the fact's cues, the fact's cue spans)
    outside the fact's cues after the correction and its predicates ("scratch that, 1 Nov is our order date"; not
    "scratch that, it started on 2 Oct")."""
    happened, others, spans = at
    heads = tuple({cue[-1] for cue in (lex.cue(p) for p in phrases(fact.cues.context, lang)) if cue})
    return any(e >= corrected and (e in others or not any(lo <= e <= hi for lo, hi in spans if lo >= corrected)
                                   and not s.words[e].startswith(heads)) for e in happened)


def date_denied(tokens: list[Token], text: str, start: int) -> bool:
    """Whether a negation stands right before the date at character `start` in its clause, with
    only function words, prepositions and at most one verb between ("nicht am 01.02.2026, sondern
    am 01.06.2026", "we did not purchase on 1 February but on 1 June"): a date denied is none.
    ("Der Link vom 05.01.2026 funktioniert nicht mehr" denies the link working, not its date.)"""
    skip = function_words() | folded_words("prepositions")
    other = 0
    for i in range(token_index(tokens, start) - 1, max(-1, token_index(tokens, start) - 1 - _DENIAL_REACH), -1):
        if any(ch in ",;:()–—" for ch in text[tokens[i].end:tokens[i + 1].start]):
            return False  # the clause before
        if tokens[i].neg:
            return True
        if tokens[i].word not in skip:
            other += 1
            if other > 1:
                return False
    return False


_DENIAL_REACH = 8  # words a denial of a date may stand before it


def date_named_other(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the date at tokens `start`..`end` is named another thing's date: a copula, function
    words, then such a thing right after it (`other_dates`: "Der 12.08. ist das Rechnungsdatum",
    "2026-08-12 is the invoice date"), or such a thing right before it ("Rechnung vom 02.02.2026")."""
    others, w = tuple(folded_words("other_dates")), [t.word for t in tokens[max(0, start - 4):start]][::-1] + ["", "", "", ""]
    if w[0] in folded_words("date_attributes") and (w[1].startswith(others) or w[1] in folded_words("date_copulas") and w[2].startswith(others)
                                                    or w[2] in folded_words("genitive_determiners") and w[3].startswith(others)):
        return True  # "Rechnung vom 02.02.2026", "Die Rechnung ist vom 02.02.2026", "Bestätigung unseres Händlers vom ..."
    if end + 1 >= len(tokens) or tokens[end + 1].word not in folded_words("date_copulas"):
        return False
    skip = function_words()
    for t in tokens[end + 2:end + 5]:
        if t.word.startswith(others):
            return True
        if t.word not in skip:
            return False
    return False


def date_earlier(tokens: list[Token], text: str, start: int) -> bool:
    """Whether the date at character `start` stands in a clause that puts it in an earlier
    period (`earlier_periods`: "im letzten Jahr", "last year")."""
    lo, hi = clause_bounds(tokens, text, token_index(tokens, start), token_index(tokens, start))
    return has_sequence([t.word for t in tokens[lo:hi + 1]], "earlier_periods")


_REQUEST_REACH = 200  # characters before an address where a request makes it a destination


def not_the_osms(text: str, s: Sentence) -> bool:
    """Whether the only address of a ticket, in sentence `s`, is not the OSM's: its sentence, or
    the text just before it, asks for mail to go there ("Bitte senden Sie ... an max@…", "Can you
    resend it to me? max@…", "you can reach me at ..."; `requests`) or is a question, or names
    another owner of it ("Die Adresse unseres Administrators ist ...", "my colleague's address";
    `other_owners`; a sentence that names the OSM gave its address already)."""
    if any(t.word.startswith(tuple(folded_words("other_owners"))) for t in s.tokens):
        return True
    for part in (s.text, text[max(0, s.offset - _REQUEST_REACH):s.offset]):
        words = [t.word for t in tokenize(part)]
        if is_question(part) or has_sequence(words, "requests"):
            return True
    return False
