"""Reading a flow's e-mail facts from a ticket's sentences, each with its evidence.

An address goes to the e-mail fact whose context cue (OSM, "Online Services Manager", "an die
Adresse" ...) is nearest in its sentence, else the only address in the text is taken, unless it
is where the customer wants mail ("Bitte senden Sie ... an") or a quoted mail's sender. A
malformed address is no fact; an example ("eine Adresse wie name@outlook.com", a template's
"max.mustermann@outlook.com": `placeholder_names`), an address
asked about or denied ("nicht max@outlook.com, sondern ...") or where a change started
("von max@… auf it@…") neither, nor one stated before a later sentence's change ("Das haben
wir auf it@… geändert"). The words are data in `knowledge/language/`.
"""

from __future__ import annotations

from faq.flows.values import Value
from faq.kb.model import Fact
from faq.language.lexicon import folded
from faq.tickets.body import on_header_line
from faq.tickets.borders import clause_bounds
from faq.tickets.context import context_positions, denied_context
from faq.tickets.cues import CueLexicon
from faq.tickets.evidence import QUOTED, Evidence
from faq.tickets.mentions import ADDRESS, find_emails
from faq.tickets.negation import polarity
from faq.tickets.private import private_beside_registered
from faq.tickets.sentence import Sentence, date_distance, not_the_osms, refuted, token_index
from faq.tickets.settling import UNCUED
from faq.tickets.tokens import Token
from faq.tickets.unasserted import mention_unsaid

__all__ = ["read_emails"]


def _apposition(tokens: list[Token], text: str, index: int) -> bool:
    """Whether the address at token `index` only names what the sentence is about: in brackets
    or right after a noun for an address ("die Domäne unserer OSM-Adresse (x@…) ist
    verifiziert, glaube ich"). A belief or doubt then concerns the predicate, not the name."""
    before = text[:tokens[index].start].rstrip()
    return before.endswith(("(", "[")) or index > 0 and before.endswith(text[tokens[index - 1].start:tokens[index - 1].end]) \
        and tokens[index - 1].word.endswith(tuple(folded("address_nouns")))


def _replaced(tokens: list[Token], index: int) -> bool:
    """Whether the address at `index` is where a change started ("von max@… auf it@…")."""
    return index > 0 and tokens[index - 1].word in folded("source_prepositions") \
        and any(t.word.startswith("000") for t in tokens[index + 1:])  # addresses are blanked to zeros


def _change_target(tokens: list[Token], index: int) -> bool:
    """Whether the address at `index` is where a told change of an address ends ("Das haben wir
    auf it@… geändert", "we changed the address to it@…"), not of a filter or another setting."""
    before = [t.word for t in tokens[:index]]
    return index > 0 and before[-1] in folded("target_prepositions") and any(t.word in folded("change_verbs") for t in tokens) \
        and any(w in folded("anaphors") or w in folded("thing_pronouns") or w.endswith(tuple(folded("address_nouns"))) for w in before)


def _superseded(stated: list[tuple[Sentence, int, int, str]]) -> list[tuple[Sentence, int, int, str]]:
    """The stated addresses without those a later sentence's change replaces ("anfangs stand
    x@outlook.com im VLSC. Das haben wir auf it@firma.de geändert")."""
    changes = [s.offset for s, rel, _, _ in stated if _change_target(s.tokens, token_index(s.tokens, rel))]
    if not changes:
        return stated
    last = max(changes)
    return [st for st in stated if st[0].offset >= last]


def read_emails(text: str, analysed: list[Sentence], facts: list[Fact], lang: str, lex: CueLexicon,
               found: dict[str, Value | None], evidence: dict[str, Evidence], notes: list[str], source: str,
               stated_from: int = 0) -> None:
    """Give each e-mail fact the stated address whose context cue is nearest, else the only one.

    An address is stated when it is no example, not in a quoted question, not another
    person's, not hedged, not where a change started, not denied, refuted or corrected.
    Results go into `found` and `evidence`; what was skipped into `notes`.
    """
    samples = folded("placeholder_names")  # "OSM: max.mustermann@outlook.com" in a template
    addresses = [a for a in find_emails(text) if a[0] >= stated_from and not on_header_line(text, a[0])  # "From: Tom <t@…>"
                 and a[2].split("@")[0].lower() not in samples]
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
                if not mention_unsaid(s.tokens, s.text, at, named) and not _replaced(s.tokens, at) and polarity(s.tokens, s.text, (at, at), (), beliefs=not named) is True \
                        and not refuted(s, at) and not s.corrected(at):
                    stated.append((s, rel, end - s.offset, address))
    stated = _superseded(stated)
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
                at = token_index(s.tokens, rel)
                c_hi = clause_bounds(s.tokens, s.text, at, at)[1]
                if not any(t.word in folded("registering_words") for t in s.tokens[:c_hi + 1]):  # up to its clause's end:
                    # "I (x@…) never got it; VLSC shows it went to another contact" registers nothing
                    notes.append(f"{fact.id}: the only address, {UNCUED}")  # not "im VLSC steht ..."
        if best is not None:
            found[fact.id] = best[1]
            evidence[fact.id] = best[2]
