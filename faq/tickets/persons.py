"""People a ticket names as the OSM: wherever their name comes again, it reads as the OSM.

"Die Aktivierungsmail ging an Herrn Maier, unseren OSM" and "Frau Kurz ist unsere OSM. Laut VLSC
ging die Mail an Frau Kurz" name the OSM as the recipient. Read as just a person, the recipient
would be another contact than the OSM: a false fact and a false cause.
"""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import folded
from faq.language.lexicon import words as words_of
from faq.language.normalize import fold
from faq.tickets.body import on_any_header
from faq.tickets.borders import clause_bounds
from faq.tickets.cuefind import Words, function_words
from faq.tickets.cues import CueLexicon
from faq.tickets.hedges import hedged
from faq.tickets.sentence import Sentence
from faq.tickets.tokens import Token

__all__ = ["name_osm_by_address", "name_osm_people", "name_osm_writer", "osm_predicate_relative", "osm_relative", "osm_spans"]

_NAME_WORDS = 2  # a name after a title: a surname, or a first name and a surname
_LINK_WORDS = 2  # articles and possessives between the name and "OSM" ("unseren", "our")


def osm_spans(s: Sentence, osm: str, lex: CueLexicon) -> list[tuple[int, int]]:
    """Where this sentence names the OSM: the word "OSM" or a phrase for it ("Online Services
    Manager"), as (first, last) token indices."""
    found = [(i, i) for i, w in enumerate(s.words) if w == osm]
    for form in lex.spans.get(osm, ()):
        n = len(form)
        if n > 1 and form[0] not in s.words:
            continue  # its first word stands nowhere as written
        found += [(i, i + n - 1) for i in range(len(s.words) - n + 1)
                  if tuple(s.words[i:i + n - 1]) == form[:-1] and s.words[i + n - 1].startswith(form[-1])]
    return found


def _declared(s: Sentence, osm: str, starts: set[int]) -> set[str]:
    """The (folded) surnames this sentence names as the OSM: a title, a capitalised name, then
    ", (unser) OSM", "(OSM)" or "ist (unsere) OSM"."""
    titles, copulas = folded("titles"), folded("copulas")
    links = folded("determiners") | folded("third_party_possessives")
    tokens, names = s.tokens, set()
    for i, title in enumerate(tokens):
        if title.word not in titles:
            continue
        end = i + 1
        while end < min(len(tokens), i + 1 + _NAME_WORDS) and tokens[end].word not in titles \
                and end not in starts and s.text[tokens[end].start:tokens[end].start + 1].isupper() \
                and (end == i + 1 or not s.text[tokens[end - 1].end:tokens[end].start].strip()):
            end += 1
        if end == i + 1 or end >= len(tokens):
            continue
        gap = s.text[tokens[end - 1].end:tokens[end].start]
        at = end + (tokens[end].word in copulas)
        if at == end and not ("," in gap or "(" in gap):
            continue
        stop = min(len(tokens), at + _LINK_WORDS + 1)
        while at < stop and tokens[at].word in links and at not in starts:
            at += 1
        if at in starts:
            names.add(tokens[end - 1].word)
    return names


def _named_after(s: Sentence, ends: set[int]) -> set[str]:
    """The (folded) surnames this sentence names after the OSM: "unsere OSM ist Frau Petra Kurz",
    "our OSM, Mr Lee", "als OSM ist bei uns Frau Albers eingetragen": the OSM, a copula and the words
    that link a role (`role_copulas`, `self_role_links`) or a comma, a title, then a capitalised name."""
    titles, copulas = folded("titles"), folded("copulas")
    links = folded("role_copulas") | folded("self_role_links")
    tokens, names = s.tokens, set()
    for j in sorted(e for e in ends if e + 2 < len(tokens)):
        at = j + 1
        if tokens[at].word in copulas:
            at += 1
            while at < min(len(tokens), j + 2 + _LINK_WORDS) and tokens[at].word in links:
                at += 1
        elif "," not in s.text[tokens[j].end:tokens[at].start]:
            continue
        if at >= len(tokens) or tokens[at].word not in titles:
            continue
        while at < len(tokens) and tokens[at].word in titles:
            at += 1
        end = at
        while end < min(len(tokens), at + _NAME_WORDS) and s.text[tokens[end].start:tokens[end].start + 1].isupper() \
                and (end == at or not s.text[tokens[end - 1].end:tokens[end].start].strip()):
            end += 1
        if end > at:
            names.add(tokens[end - 1].word)
    return names


def name_osm_people(analysed: list[Sentence], lex: CueLexicon) -> None:
    """Read every mention of a person the ticket names as the OSM (their title and name) as the OSM."""
    osm = lex.word("osm")
    names: set[str] = set()
    for s in analysed:
        spans = osm_spans(s, osm, lex)
        if spans:  # a sentence that names no OSM names no one as the OSM
            names |= _declared(s, osm, {a for a, _ in spans}) | _named_after(s, {b for _, b in spans})
    if not names:
        return
    titles = folded("titles")
    for s in analysed:
        at = {i for i, t in enumerate(s.tokens) if t.word in names and s.text[t.start:t.start + 1].isupper()}
        for i in sorted(at):  # "Frau Dr. Weber": every title before the name goes with it
            while i > 0 and s.tokens[i - 1].word in titles:
                i -= 1
                at.add(i)
        if at:
            s.words = Words(osm if i in at else w for i, w in enumerate(s.words))


_SELF_ROLE_GAP = 4  # words at most between the writer and the role they name theirs ("ich bin hier als OSM eingetragen")


def _declares_self_osm(s: Sentence, osm: str, lex: CueLexicon) -> int | None:
    """Where a sentence says the writer is the OSM: "ich bin (die) OSM", "ich bin als OSM
    eingetragen", "I'm the OSM", "I am listed as our OSM", "Unser OSM bin ich": the writer right
    before or after the OSM with only verbs of naming and linking words between (`role_copulas`,
    `self_role_links`), or after it as a label's value ("OSM = ich", "OSM: me"), no negation there or
    right after it, not asked. Across a verb of naming the
    writer may also be named as its object or by their address ("The OSM on our enrollment is me",
    "Als OSM ist meine Adresse eingetragen", "My address is listed as OSM": `_named_writer`), the
    OSM then with a phrase of place of its own ("on our enrollment"). Returns the index of the
    declaration's last token, or None."""
    if s.question:
        return None
    selves, links = folded("writer_selves"), folded("role_copulas") | folded("self_role_links")
    for lo, hi in osm_spans(s, osm, lex):
        k = lo - 1
        while k >= 0 and lo - k <= _SELF_ROLE_GAP + 1 and s.tokens[k].word in links:
            k -= 1
        if k >= 0 and k < lo - 1 and s.tokens[k].word in selves and _writer_word(s, k) and not _denied(s, k, hi):
            return hi
        if k >= 1 and k < lo - 1 and _named_writer(s, k - 1, lo) == k and not _denied(s, k - 1, hi):
            return hi  # "Meine Adresse ist als OSM eingetragen"
        k = hi + 1  # "Unser OSM bin ich", "Als OSM bin ich eingetragen"
        while k < len(s.tokens) and k - hi <= _SELF_ROLE_GAP + 1 and s.tokens[k].word in links:
            k += 1
        if k < len(s.tokens) and (k > hi + 1 or _labelled_alone(s, hi, k)) and _writer_word(s, k) and not _denied(s, lo, k) \
                and (s.tokens[k].word in selves or k == hi + 1 and s.tokens[k].word in folded("writer_references")):
            return k  # "OSM: me" too
        k, placed = hi + 1, False  # "The OSM on our enrollment is me", "Als OSM ist meine Adresse eingetragen"
        while k < len(s.tokens) and k - hi <= _SELF_ROLE_GAP + 1 and (_place_or_link(s, k, lex) or placed):
            placed = s.tokens[k].word in folded("prepositions") or placed and s.tokens[k].word in folded("self_role_links")
            k += 1
        end = _named_writer(s, k, hi)
        if end is not None and not _denied(s, lo, end):
            return end
    return None


_LABEL_SIGN = re.compile(r"\s*[:=]\s*")
_CLAUSE_END = re.compile(r"\s*(?:[.,;!)]|$)")


def _labelled_alone(s: Sentence, hi: int, k: int) -> bool:
    """Whether token `k` follows the role ending at `hi` across a label's sign alone and ends its clause:
    "OSM = ich.", "OSM: I" (a label whose value is the writer), not "OSM: ich habe keine Mail"."""
    if k != hi + 1 or k >= len(s.tokens):
        return False
    return bool(_LABEL_SIGN.fullmatch(s.text, s.tokens[hi].end, s.tokens[k].start)) \
        and bool(_CLAUSE_END.match(s.text, s.tokens[k].end))


def _place_or_link(s: Sentence, k: int, lex: CueLexicon) -> bool:
    """Whether token `k` links the OSM to the writer or places it: a verb of naming, a linking word, a
    preposition or the enrollment ("on our enrollment", "in der Registrierung"); the caller lets the
    noun a preposition opens stand too ("on our agreement")."""
    word = s.tokens[k].word
    return word in folded("role_copulas") | folded("self_role_links") | folded("prepositions") \
        or s.words[k] == lex.word("registrierung")


def _named_writer(s: Sentence, k: int, other: int) -> int | None:
    """The last token of the writer named at `k` as a verb of naming's object or by their address
    ("me", "meine Adresse": `writer_references`, `writer_possessives` and `address_nouns`), when a
    verb of naming (`role_copulas`) stands between it and token `other`; else None."""
    if not 0 <= k < len(s.tokens) or not _writer_word(s, k):
        return None
    word = s.tokens[k].word
    if word in folded("writer_references"):
        end = k
    elif word in folded("writer_possessives") and k + 1 < len(s.tokens) and s.tokens[k + 1].word in folded("address_nouns"):
        end = k + 1
    else:
        return None
    lo, hi = sorted((end if other < k else k, other))
    return end if any(t.word in folded("role_copulas") for t in s.tokens[lo:hi + 1]) else None


def _denied(s: Sentence, first: int, last: int) -> bool:
    """Whether a negation stands among tokens first..last or right after them ("Ich bin OSM nicht mehr")."""
    return any(t.neg for t in s.tokens[first:last + 2])


def _writer_word(s: Sentence, i: int) -> bool:
    """Whether token `i` is the writer's pronoun as written ("ich", "Ich", "I"), not a letter of an address."""
    t = s.tokens[i]
    written = s.text[t.start:t.end]
    after = s.text[t.end:t.end + 2]
    inside = s.text[max(0, t.start - 1):t.start] in (".", "@", "-", "_") or after[:1] in ("@", "_") \
        or after[:1] == "." and after[1:].isalnum()  # "i.mueller@...", not "... is me."
    return not inside and (written != "i" or t.word != "i")


_ROLE_VERB_REACH = 3  # words between the writer and the verb that says they hold a role ("Im Tenant bin ich ...")


def _holds_role(s: Sentence, i: int) -> bool:
    """Whether the writer at token `i` is said to hold a role: a verb of naming near them ("ich bin",
    "I am", "bin ich ... eingetragen"); "ich habe mit dem globalen Admin gesprochen" tells of someone else."""
    copulas = folded("role_copulas")
    return any(t.word in copulas for t in s.tokens[max(0, i - _ROLE_VERB_REACH):i + _ROLE_VERB_REACH + 1])


def name_osm_writer(analysed: list[Sentence], lex: CueLexicon) -> None:
    """After the writer says they are the OSM ("Ja, ich bin OSM."), read their "ich"/"I" that holds
    a role in the sentences that follow as the OSM: "Ich bin übrigens im bestehenden Konto als
    Abrechnungsadministratorin eingetragen" tells of the OSM (`_holds_role`), and so does one after the
    declaration in its own sentence ("Ich bin als OSM eingetragen, ich bin damit auch Globaler
    Administrator"). Up to a mail header ("Von: ...") that opens another writer's mail; "wir"/"we"
    stays the writer's side."""
    osm = lex.word("osm")
    selves = folded("writer_selves")
    declared = False
    for s in analysed:
        if declared and on_any_header(s.text):
            declared = False
        end = None if declared else _declares_self_osm(s, osm, lex)
        if declared or end is not None:
            after = -1 if end is None else end
            at = {i for i, t in enumerate(s.tokens)
                  if i > after and t.word in selves and _writer_word(s, i) and _holds_role(s, i)}
            if at:
                s.words = Words(osm if i in at else w for i, w in enumerate(s.words))
        declared = declared or end is not None


_PERSONAL = re.compile(r"([^\W\d_]{3,}|[^\W\d_])[._-]([^\W\d_]{3,})")  # "jorge.ramos", "petra_lang", "p.lang": (first name or initial) and surname


def name_osm_by_address(analysed: list[Sentence], address: str, lex: CueLexicon, declared: bool = False) -> None:
    """Read the first name or surname of a personal OSM address as the OSM: after "our OSM is
    jorge.ramos@x.com", "Jorge is the global admin" tells of the OSM; after "OSM: p.lang@x.de",
    "Frau Lang ist ..." does, when the ticket `declared` the address the OSM's (not the only address
    of a ticket, read as the OSM's for want of another). Only a capitalised word the
    knowledge base does not use otherwise, not followed by another capitalised name ("Jorge
    Diaz" is someone else)."""
    m = _PERSONAL.fullmatch(address.split("@")[0].lower())
    if m is None:
        return
    if len(m.group(1)) == 1 and not declared:
        return
    parts = {m.group(1), m.group(2)} - {m.group(1)[:1]}  # an initial names no one
    osm = lex.word("osm")
    for s in analysed:
        tokens = s.tokens
        at = [i for i, t in enumerate(tokens) if t.word in parts and t.word not in lex.canon and t.word not in lex.stop
              and s.text[t.start:t.start + 1].isupper()
              and not (i + 1 < len(tokens) and tokens[i + 1].word not in parts and s.text[tokens[i + 1].start:tokens[i + 1].start + 1].isupper()
                       and not s.text[t.end:tokens[i + 1].start].strip())]
        if at:
            s.words = Words(osm if i in at else w for i, w in enumerate(s.words))


def _in_brackets(text: str, start: int, at: int) -> bool:
    """Whether offset `at` stands inside brackets opened after offset `start`."""
    return text.count("(", start, at) > text.count(")", start, at)


_RELATIVE_WORDS = 16  # words at most of a relative clause that names its noun the OSM


@cache
def _relative_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words `osm_relative` reads: of naming (copulas, introducers), the verbs that end a relative
    clause (copulas, finite verbs), and the English relative pronouns."""
    return folded("role_copulas") | folded("role_introducers"), folded("role_copulas") | folded("finite_verbs"), \
        frozenset(fold(w) for w in words_of("relative_pronouns", "en"))


def osm_relative(text: str, tokens: list[Token], lex: CueLexicon) -> tuple[str, int] | None:
    """The sentence with a relative clause that names its noun the OSM blanked out, and the index of
    that noun: "Die Person, die bei uns als OSM eingetragen ist (m@x.de), ist zugleich globaler
    Administrator" tells "Die Person ... ist zugleich globaler Administrator" of the OSM. The clause
    opens with a relative pronoun after the noun and a comma, names the OSM after "als"/"as" or a
    verb of naming (`role_copulas`), holds no negation, and a comma closes it before the main
    clause goes on. Offsets stay those of `text` (the clause is blanked with spaces)."""
    relatives, (naming, verbs, english) = folded("relative_pronouns"), _relative_lists()
    words = lex.words(tokens)
    osm = lex.word("osm")
    for i in range(1, len(tokens) - 2):
        if tokens[i].word not in relatives or "," not in text[tokens[i - 1].end:tokens[i].start] \
                or tokens[i - 1].word in function_words():
            continue
        close = next((k for k in range(i + 1, min(len(tokens), i + _RELATIVE_WORDS))
                      if "," in text[tokens[k - 1].end:tokens[k].start]), None)
        if close is None or any(ch in ".;:!?" for ch in text[tokens[i].start:tokens[close].start]):
            continue
        inside = range(i + 1, close)
        named = [j for j in inside if words[j] == osm
                 or any(tuple(words[j:j + len(f)]) == f for f in lex.spans.get(osm, ()) if len(f) > 1)]
        if not named or any(tokens[j].neg for j in inside) or not any(tokens[j].word in naming for j in inside):
            continue
        last = max((j for j in inside if not tokens[j].word.isdigit() and not _in_brackets(text, tokens[i].start, tokens[j].start)),
                   default=i)
        if not (tokens[last].word in verbs or tokens[i].word in english and tokens[i + 1].word in verbs):
            continue  # a relative clause ends on its verb ("die ... eingetragen ist,"), or opens with it in English
            # ("who is our OSM,"); "..., der OSM ist aber unser Einkäufer, ..." is a clause of its own
        start, end = text.rfind(",", tokens[i - 1].end, tokens[i].start), text.rfind(",", tokens[close - 1].end, tokens[close].start)
        return text[:start] + " " * (end + 1 - start) + text[end + 1:], i - 1
    return None


def osm_predicate_relative(analysed: list[Sentence], lex: CueLexicon) -> None:
    """Read the relative pronoun after what a clause names the OSM as the OSM: "The OSM listed is our
    finance lead, who is also the billing administrator ...", "Unser OSM ist Frau Weber, die auch globale
    Administratorin ist". The clause names the OSM, then a copula and its noun, no negation nor hedge; a comma and
    a relative pronoun follow, whose clause opens with its verb (English) or ends on one (German)."""
    osm = lex.word("osm")
    relatives, english = folded("relative_pronouns"), _relative_lists()[2]
    copulas, verbs = folded("copulas"), folded("finite_verbs")
    for s in analysed:
        if s.question or osm not in s.words:
            continue
        tokens, text = s.tokens, s.text
        for i in range(3, len(tokens) - 1):
            if tokens[i].word not in relatives or "," not in text[tokens[i - 1].end:tokens[i].start]:
                continue
            lo = clause_bounds(tokens, text, i - 1, i - 1)[0]
            named = [j for j in range(lo, i - 1) if s.words[j] == osm]
            linked = [k for k in range(lo, i - 1) if tokens[k].word in copulas and named and named[0] < k]
            if not linked or any(t.neg for t in tokens[lo:i]) or hedged(tokens, text, named[0], i - 1):
                continue  # "OSM ist x@y.de – das ist vermutlich auch das Konto, das ... globaler Admin ist": unsure
            close = clause_bounds(tokens, text, i, i)[1]
            if not (tokens[i].word in english and tokens[i + 1].word in verbs or tokens[close].word in verbs and close > i + 1):
                continue  # "..., who is also ...", "..., die auch globale Administratorin ist"
            s.words = Words(osm if j == i else w for j, w in enumerate(s.words))
            break
