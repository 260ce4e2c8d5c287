"""Label-and-value lines of a ticket: "Domäne verifiziert: nein" answers its label by its value, and a question
that only names a thing ("Junk-Ordner?") joined to the statement after it that answers it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from faq.language.lexicon import folded as folded_words
from faq.tickets.answers import article_pronoun, denied_clause, elliptic, options_offered, own_subject, to_find_out
from faq.tickets.hedges import hedged
from faq.tickets.quotes import is_question, opens_example
from faq.tickets.sentence import has_sequence, sequences
from faq.tickets.tokens import Token, abbreviation_stop, tokenize

if TYPE_CHECKING:
    from faq.tickets.sentence import Sentence

__all__ = ["NO_ANSWER", "label_answer", "label_value", "labelled"]

NO_ANSWER = object()
"""A line that is no label: its cue is not followed by a colon and an answer."""
_LABEL_END = re.compile(r"[\"'»«“”).\s]*:[ \t]*([^\n]*)")
_LABEL_PART = re.compile(r"[^\n:.;!?]*")
_LABEL_REST_CHARS = 60  # characters at most a label may go on past its cue


def label_answer(s: Sentence, span: tuple[int, int]) -> object:
    """What a "label: value" line answers about the cue that ends at the label.

    "- domain verified: yes" says yes (True), "Domäne verifiziert: nein" no (False), and so
    does a lone "keine"/"none" ("other enrollments: none"); "...: not sure" / "...: keine
    Ahnung" leaves it open (None); a cue not followed by a colon and a yes, a no or an unknown
    is no label (`NO_ANSWER`).
    """
    return label_value(s.tokens, s.text, span[1])


def label_value(tokens: list[Token], text: str, last: int) -> object:
    """`label_answer` for a label whose words end at token `last` of a sentence's tokens."""
    m = _LABEL_END.match(text, tokens[last].end)
    if m is None:
        # a label may go on past the cue, within its line ("domain verified for an online services account: no"), not
        start, end = tokens[last].end, _label_rest(text, tokens[last].end)  # into a bracket left open ("OSM (Reservierung
        rest = text[start:end]  # verwalten: nein)"), past an abbreviation's full stop ("gleicher Reg.-Nr. wie das Add-on: nein")
        if not rest or rest.count("(") > rest.count(")") or any(t.neg for t in tokens if start <= t.start < end):
            return NO_ANSWER
        m = _LABEL_END.match(text, end)
    if m is None or not m.group(1).strip():
        return NO_ANSWER
    value = tokenize(m.group(1))
    if not value:  # "Basisabo gleiche Registrierung: ?" asks back, "...: -" leaves it blank
        return None if "?" in m.group(1) else NO_ANSWER
    words = [t.word for t in value]
    if has_sequence(words, "unknowns") or has_sequence(words[:3], "partial_answers") or hedged(value, m.group(1), 0, 0) \
            or to_find_out(words) or options_offered(value, m.group(1)) or opens_example(words):  # "...: z. B. ja"
        return None
    led, words = words[0] in folded_words("label_leads"), _past_source(words)  # "...: wurde mir bis jetzt nicht erteilt"
    if any(tuple(words[:len(p)]) == p for p in sequences("denials")) or (len(words) == 1 and words[0] in folded_words("none_answers")) \
            or led and any(t.neg for t in value) or denied_clause(value, sequences("affirmations"), has_sequence(words, "contrasts"), m.group(1)):
        return False  # "...: nein", "...: hat man mir nie gegeben", "...: was never assigned"
    if any(tuple(words[:len(p)]) == p for p in sequences("affirmations")):
        return True
    return NO_ANSWER


def _label_rest(text: str, start: int) -> int:
    """Where the words of a label that go on from `start` within their clause end at a colon (`start` when
    they do not): a full stop that ends a listed abbreviation ("Reg.-Nr.", "ref.") is inside the label."""
    end = _LABEL_PART.match(text, start).end()  # type: ignore[union-attr]
    while abbreviation_stop(text, end) and end + 1 - start <= _LABEL_REST_CHARS:
        end = _LABEL_PART.match(text, end + 1).end()  # type: ignore[union-attr]
    return end if 0 < end - start <= _LABEL_REST_CHARS and text[end:end + 1] == ":" else start


_SOURCE_WORDS = 3  # words that may name whom a label's value comes from ("laut unserem Händler")


def _past_source(words: list[str]) -> list[str]:
    """A label's value after the source it opens with ("...: laut Händler nicht gegeben",
    "...: per our reseller no"): the answer follows the source's few words."""
    for p in sequences("attributions"):
        if tuple(words[:len(p)]) != p:
            continue
        rest = words[len(p):]
        answers = (*sequences("denials"), *sequences("affirmations"))
        for i in range(1, min(len(rest), _SOURCE_WORDS + 1)):
            if any(tuple(rest[i:i + len(q)]) == q for q in answers):
                return rest[i:]
    return words


_LABEL_WORDS = 4  # words at most in a question that only names a thing ("Junk-Ordner?", "Domain verified?")


def labelled(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join a question that only names a thing (a few words, no verb, no question word) to the
    statement right after it that answers it, as a label to its value: "Junk-Ordner? Schon geprüft,
    nichts da." reads as "Junk-Ordner: Schon geprüft, nichts da." (offsets kept: "?" becomes ":")."""
    if not any("?" in part for _, part in parts):
        return parts
    verbs, openers = folded_words("finite_verbs"), folded_words("question_openers") | folded_words("interrogatives")
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(parts):
        offset, asked = parts[i]
        if i + 1 < len(parts) and is_question(asked) and not is_question(parts[i + 1][1]) and "\n" not in asked.strip() \
                and 0 < len(words := [t.word for t in tokenize(asked)]) <= _LABEL_WORDS \
                and not any(w in verbs or w in openers for w in words) and not own_subject(parts[i + 1][1], verbs, _LABEL_WORDS):
            end = asked.rstrip().rfind("?")
            gap_end = parts[i + 1][0] - offset
            joined = asked[:end] + ":" + asked[end + 1:] + " " * max(0, gap_end - len(asked)) + parts[i + 1][1]
            said = [tok.word for tok in tokenize(parts[i + 1][1])][:2] + [""]  # "Den haben wir ...", "They checked it"
            if said[0] not in folded_words("greetings") and (  # not a subject line before "Hallo, ..."
                    said[0] in folded_words("resumptive_pronouns") | folded_words("subject_pronouns") or said[1] in verbs
                    or article_pronoun(parts[i + 1][1], tokenize(parts[i + 1][1])) or elliptic(parts[i + 1][1], tokenize(parts[i + 1][1]))
                    or label_value(t := tokenize(joined), joined, max(k for k, tok in enumerate(t) if tok.end <= end)) is not NO_ANSWER):
                out.append((offset, joined))  # answered (not "Domain verifiziert? Die Mail fehlt")
                i += 2
                continue
        out.append((offset, asked))
        i += 1
    return out
