"""Suggested replies to a ticket, written as the support desk, in the ticket's language.

A reply greets the customer by name when the ticket gives one, then either gives the
resolution of the cause the ticket's facts settle (title, text with its computed
dates, numbered steps, whom to contact), or, while the case is open, a short answer
and *all* the questions that can still change the outcome, numbered, cheapest first,
in one mail. The desk never sends the customer to "support": it is the support, so
such a step becomes the desk's own, keeping when it applies and what it is for ("we do
what is needed to have the activation link reactivated"), and is said only once the
cause is known. Texts: `knowledge/ui/reply.yaml`. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import cache, lru_cache

from faq.flows.dates import MonthDate, MonthDeadline, RoughDate, format_date
from faq.flows.engine import RESOLVED, Diagnosis, cause_state, diagnose, fill, proven_causes, relevant_facts
from faq.flows.values import future_allowed
from faq.kb.model import Block, Entry, Fact, Flow, KnowledgeBase
from faq.language.catalogue import tr
from faq.language.focus import sentences
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold

__all__ = ["answer_summary", "other_reasons", "suggest_reply"]

_LANGS = ("de", "en")


@cache
def _support_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("support_mentions"))


@lru_cache(maxsize=1024)
def _sends_to_support(text: str) -> bool:
    """Whether a text sends the customer to support (which the desk itself is)."""
    return any(w in _support_words() for w in re.findall(r"[^\W_]+", fold(text)))


@cache
def _phrases(name: str, lang: str) -> tuple[str, ...]:
    return tuple(" ".join(re.findall(r"[^\W_]+", fold(w))) for w in lexicon_words(name, lang))


def _has(folded_words: str, name: str, lang: str) -> bool:
    return any(f" {p} " in f" {folded_words} " for p in _phrases(name, lang))


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


def _purpose(clauses: list[str], first: int, lang: str) -> str:
    """The purpose of a clause sending to support: "um den Link erneut zu aktivieren", "to have it re-enabled".

    It follows the support word in the same clause ("contact support to ...") or opens the
    next clause ("..., um ... zu ..."); "" when the sentence gives none.
    """
    clause = clauses[first]
    mention = [m for m in re.finditer(r"[^\W_]+", clause) if _sends_to_support(m.group())]
    rest = clause[mention[-1].end():].strip() if mention else ""
    if rest and _has_opener(rest, lang):
        return rest
    later = clauses[first + 1:]
    if later and _has_opener(later[0], lang):
        return ", ".join(later)
    return ""


def _has_opener(text: str, lang: str) -> bool:
    folded = f" {_words(text)} "
    return any(folded.startswith(f" {p} ") for p in _phrases("purposes", lang))


def _desk_part(part: str, lang: str, open_case: bool, inner: bool) -> str:
    """A clause group sending to support, as the desk's own step (no final full stop).

    The condition before it ("Wenn ...", "Ist der Link abgelaufen", "If ...") and the purpose
    after it ("um ... zu ...", "to ...") stay. In an open case, a step with no condition is not
    said yet: it belongs to the resolution, once the cause is known ("" then).
    """
    clauses = part.split(", ")
    first = next(i for i, c in enumerate(clauses) if _sends_to_support(c))
    opener = re.match(r"[^\W_]+", fold(clauses[0]))
    verb_first = any(_words(clauses[first]).startswith(p) for p in _phrases("contact_verbs", lang))
    conditional = first > 0 and (verb_first or (opener is not None and opener.group() in _phrases("conditionals", lang)))
    if open_case and not conditional:
        return ""
    purpose = _purpose(clauses, first, lang)
    key = "reply_we_do" if purpose else "reply_we_take_over"
    if conditional:
        return tr(lang, f"{key}_if", condition=", ".join(clauses[:first]), purpose=purpose).rstrip(".")
    text = tr(lang, key, purpose=purpose).rstrip(".")
    return text[:1].lower() + text[1:] if inner else text  # after ";" or ":"


def _desk_sentence(sentence: str, lang: str, open_case: bool = False) -> str:
    """One sentence as the desk writes it: one that sends the customer to support is rewritten.

    "an Ihren Händler oder an den Support" keeps the reseller; "Wenn ..., wenden Sie sich an
    den Support, um ... zu ..." keeps its condition and its purpose, the desk doing it; parts
    after ";" or ":" are rewritten on their own. A sentence that names support without sending
    anyone there is kept. In an open case (`open_case`), a step with no condition is left out.
    """
    words = _words(sentence)
    if not _sends_to_support(sentence) or not _has(words, "contact_verbs", lang):
        return sentence
    for alt in _phrases("alternatives", lang):
        m = re.search(rf"\s{re.escape(alt)}\s", sentence, re.I)
        if m and not _sends_to_support(sentence[: m.start()]) and _has(
                _words(sentence[: m.start()]), "contact_verbs", lang):
            return sentence[: m.start()].rstrip(" ,") + "."
    body = sentence.rstrip().rstrip(".")
    pieces = re.split(r"([;:]\s+)", body)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0 and _sends_to_support(piece) and _has(_words(piece), "contact_verbs", lang):
            piece = _desk_part(piece, lang, open_case, inner=bool(out))
            if not piece:
                if out:
                    out.pop()  # its separator
                continue
        elif i % 2 == 1 and not out:
            continue
        out.append(piece)
    text = "".join(out).strip()
    return text + "." if text else ""


@lru_cache(maxsize=256)
def _desk_text(text: str, lang: str, open_case: bool = False) -> str:
    """A text as the desk writes it, sentence by sentence (see `_desk_sentence`); remembered,
    as the same answers and resolutions are written for ticket after ticket."""
    if not _sends_to_support(text):
        return text
    lines = []
    for line in text.split("\n"):
        bullet = re.match(r"\s*(?:[-•*]|\d+\.)\s+", line)
        head, rest = (line[: bullet.end()], line[bullet.end():]) if bullet else ("", line)
        out: list[str] = []
        for s in sentences(rest):
            s = _desk_sentence(s, lang, open_case)
            if s and s not in out:
                out.append(s)
        lines.append(head + " ".join(out))
    return "\n".join(lines)


def _numbered(items: Sequence[str]) -> list[str]:
    """Items numbered "1.", "2.", ...; a single one stands unnumbered."""
    return list(items) if len(items) == 1 else [f"{n}. {item}" for n, item in enumerate(items, 1)]


def _block_lines(blocks: Sequence[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if block.kind in ("text", "important", "note"):
            lines.append(block.text)
        elif block.kind == "steps":
            lines += _numbered(block.items)
        else:
            lines += [f"- {item}" for item in block.items]
    return lines


def answer_summary(entry: Entry, lang: str, short: bool = False) -> str:
    """Return an entry's answer as plain text.

    Args:
        entry: The FAQ entry.
        lang: "de" or "en".
        short: Only its first paragraph that stands on its own ("" when none does):
            never an introduction ("... sind:") without what it introduces. It explains
            an open case, so the desk's own steps are left out unless they say when
            they apply: they belong to the resolution, once the cause is known.
    """
    blocks = entry.answer.get(lang) or entry.answer.get("de") or ()
    if short:
        for block in blocks:
            if block.kind == "text" and not block.text.rstrip().endswith(":"):
                return _desk_text(block.text, lang, open_case=True)
        return ""
    text = _desk_text("\n".join(_block_lines(blocks)), lang)
    if entry.contact is not None and not _sends_to_support(entry.contact.get(lang)):
        text += f"\n{tr(lang, 'reply_contact')} {entry.contact.get(lang)}"
    return text


def _wrap(lang: str, body: list[str], name: str = "") -> str:
    greeting = tr(lang, "reply_greeting_name", name=name) if name else tr(lang, "reply_greeting")
    parts = [greeting, "", tr(lang, "reply_thanks"), "", *body, "", tr(lang, "reply_signoff")]
    return "\n".join(parts).strip()


def _desk_steps(steps: list[str], lang: str) -> list[str]:
    """Steps as the desk writes them (see `_desk_sentence`), each said once."""
    out: list[str] = []
    for step in steps:
        step = _desk_text(step, lang)
        if step and step not in out:
            out.append(step)
    return out


def _question(fact: Fact, lang: str, said: Sequence[str] = (), wrote: str = "") -> str:
    """A fact's question with its choices and help; help sentences in `said` are not repeated.

    `wrote` is what the customer wrote of the fact where it was read too weakly to settle a cause:
    it is quoted before the question, so they confirm rather than answer again.
    """
    text = fact.question.get(lang)
    if wrote:
        text = tr(lang, "reply_you_wrote", quote=wrote) + " " + text
    if fact.type == "choice" and fact.choices:
        text += " " + tr(lang, "reply_choices", choices=", ".join(c.label.get(lang) for c in fact.choices))
    if fact.help is not None:
        known = {s.strip(" ()") for s in said}
        kept = (_without_answer_instruction(s, lang) for s in _help_sentences(fact.help.get(lang)))
        help_text = " ".join(s for s in kept if s and s.strip(" ()") not in known)
        if help_text:
            text += f" ({help_text})"
    return text


@cache
def _answer_word_pattern(lang: str) -> re.Pattern[str]:
    """An answer word of the chat in quotes („weiß nicht“, "yes"), as folded text has it."""
    answers = "|".join(re.escape(fold(tr(lang, key))) for key in ("value_unknown", "value_yes", "value_no"))
    return re.compile(rf"[„“”\"‚‘’»«]({answers})[„“”\"‚‘’»«]")


def _without_answer_instruction(sentence: str, lang: str) -> str:
    """A help sentence as a mail says it: the chat's instruction which answer word to give
    ("antworten Sie mit „weiß nicht“") is left out, and with it the sentence, unless it
    says something before a colon ("…, trifft dieser Grund nicht zu: Antworten Sie mit „ja“")."""
    folded = fold(sentence)  # may differ in length ("ß"): colons are counted, not offsets taken
    found = _answer_word_pattern(lang).search(folded)
    if found is None:
        return sentence
    colons = folded[:found.start()].count(":")
    if not colons:
        return ""
    cut = [i for i, ch in enumerate(sentence) if ch == ":"][colons - 1]
    return sentence[:cut].rstrip() + "."


_TESTS: dict[int, tuple[Flow, dict[str, frozenset[str]]]] = {}


def _causes_testing(flow: Flow) -> dict[str, frozenset[str]]:
    """Fact id -> the causes that test it, worked out once per flow."""
    hit = _TESTS.get(id(flow))
    if hit is not None and hit[0] is flow:
        return hit[1]
    tests: dict[str, set[str]] = {}
    for cause in flow.causes:
        for alt in cause.when:
            for cond in alt:
                tests.setdefault(cond.fact, set()).add(cause.id)
    out = {k: frozenset(v) for k, v in tests.items()}
    if len(_TESTS) < 256:
        _TESTS[id(flow)] = (flow, out)
    return out


@lru_cache(maxsize=512)
def _help_sentences(text: str) -> tuple[str, ...]:
    return tuple(sentences(text))


def _asked_together(flow: Flow, questions: Sequence[Fact], lang: str,
                    wrote: Mapping[str, str] | None = None) -> list[str]:
    """The questions of an open case as numbered items: the facts that only one and the same
    cause tests ("Wann wurde die Reservierung aufgegeben?", "Ist sie wirksam?") decide it only
    together, so they are one item, at the place of the cheapest; a help sentence they share
    ("Betrifft nur Reservierungen.") is said once."""
    tests = _causes_testing(flow)
    groups: dict[str, list[Fact]] = {}
    items: list[list[Fact]] = []
    for fact in questions:
        only = tests.get(fact.id, frozenset())
        key = next(iter(only)) if len(only) == 1 else f" {fact.id}"
        if key in groups:
            groups[key].append(fact)
        else:
            groups[key] = [fact]
            items.append(groups[key])
    out = []
    for item in items:
        said: list[str] = []
        for fact in item:
            said.append(_question(fact, lang, [s for part in said for s in _help_sentences(part)],
                                  (wrote or {}).get(fact.id, "")))
        out.append(" ".join(said))
    return out


def _month_note(flow: Flow, diagnosis: Diagnosis, fact_id: str, month: MonthDate, today: date, lang: str) -> str:
    """What a date known only to its month tells an open case: where in the month the cause
    changes ("bis zum 25.05.2026: …; ab dem 26.05.2026: …") when its days lead to two causes,
    else that the outcome depends on the day. The customer is asked for the day either way."""
    last = month.last_day if future_allowed(flow, fact_id) else min(month.last_day, today)
    runs: list[tuple[date, date, str | None]] = []
    day = date(month.year, month.month, 1)
    while day <= last:
        settled = diagnose(flow, {**diagnosis.facts, fact_id: day}, today)
        cause = settled.cause if settled.cause and not relevant_facts(flow, settled.facts, today) else None
        if runs and runs[-1][2] == cause:
            runs[-1] = (runs[-1][0], day, cause)
        else:
            runs.append((day, day, cause))
        day += timedelta(days=1)
    shown = format_date(month, lang)
    causes = [flow.cause(c) if c else None for _, _, c in runs]
    titles = [c.resolution.title.get(lang) if c is not None else None for c in causes]
    if len(runs) == 2 and all(titles):
        return tr(lang, "reply_month_split", month=shown, until=format_date(runs[0][1], lang), first=titles[0],
                  since=format_date(runs[1][0], lang), second=titles[1])
    return tr(lang, "reply_month_depends", month=shown)


@lru_cache(maxsize=1024)
def _restates(title: str, text: str) -> bool:
    """Whether a sentence of `text` says all that `title` says: each of its words is there, or one
    it begins or ends ("Aktivierungs-E-Mails" / "E-Mails zur Aktivierung", "Adressen" / "Adresse").
    Remembered, as the same resolutions are written for ticket after ticket."""
    said = set(_words(title).split())
    for sentence in sentences(text):
        words = set(_words(sentence).split())
        if all(w in words or any(v.startswith(w) or w.startswith(v) for v in words if min(len(v), len(w)) > 3)
               for w in said):
            return True
    return False


def _other_causes(flow: Flow, diagnosis: Diagnosis, cause: str, lang: str, today: date | None) -> list[str]:
    """The titles of the flow's other causes that the facts leave open (all of them without `today`)."""
    titles = []
    for other in flow.causes:
        if other.id in (cause, flow.fallback) or not other.when:
            continue
        if today is not None and cause_state(other, diagnosis.facts, today) is False:
            continue
        titles.append(fill(other.resolution.title.get(lang), diagnosis, lang, flow))
    return titles


def other_reasons(flow: Flow, diagnosis: Diagnosis, step: str, lang: str, today: date | None) -> list[str]:
    """The titles a step of the diagnosis's cause points to ("gehen Sie die übrigen Gründe
    durch"): the flow's other causes its facts leave open; [] for a step that points nowhere.
    Every face lists them under the step, so that its text stands on its own."""
    if diagnosis.cause is None or not _points_elsewhere(step, lang):
        return []
    return _other_causes(flow, diagnosis, diagnosis.cause, lang, today)


@lru_cache(maxsize=1024)
def _points_elsewhere(step: str, lang: str) -> bool:
    """Whether a step points to the flow's other causes ("gehen Sie die übrigen Gründe durch"); remembered."""
    return _has(_words(step), "other_reasons", lang)


def _resolution(lang: str, flow: Flow, diagnosis: Diagnosis, cause: str, today: date | None = None) -> list[str]:
    """The body of a reply that gives the resolution: the cause's title unless its text says it
    already, the text, the steps (one that points to the other causes lists them), whom to contact."""
    res = diagnosis.resolution
    assert res is not None
    if cause == "unresolved":
        return [tr(lang, "reply_unresolved")]
    title = fill(res.title.get(lang), diagnosis, lang, flow)
    text = _desk_text(fill(res.text.get(lang), diagnosis, lang, flow), lang)
    body = [text] if _restates(title, text) else [title + ".", "", text]
    raw = [fill(s, diagnosis, lang, flow) for s in res.steps.get(lang, ())]
    said = set(sentences(text))
    steps = [s for s in _desk_steps(raw, lang) if s not in said]  # a step the text says already is not said twice
    if steps:
        # Steps the desk takes itself are no "what to do" for the customer.
        heading = "reply_steps" if steps == raw else "reply_next_steps"
        body += ["", tr(lang, heading)]
        for line, step in zip(_numbered(steps), steps):
            others = _other_causes(flow, diagnosis, cause, lang, today) if _points_elsewhere(step, lang) else []
            body += [line.rstrip(".") + ":", *(f"   - {t}" for t in others)] if others else [line]
    contact = fill(res.contact.get(lang), diagnosis, lang, flow).strip()
    if res.contact_kind == "wait":
        # "Warten bis 03.12.2026" is the first step already, and no one to contact; whom to
        # ask meanwhile ("; Fragen zur Bestellung: Ihr Händler") stays.
        contact = "; ".join(contact.split("; ")[1:]).strip()
    if _sends_to_support(contact):  # "Ihr globaler Administrator; …: der Support": the desk keeps the others
        parts = contact.split("; ")
        whole = all(p.count("(") == p.count(")") for p in parts)  # no "; " inside brackets
        contact = "; ".join(p for p in parts if not _sends_to_support(p)) if whole else ""
    if contact and res.contact_kind != "none":
        body += ["", f"{tr(lang, 'reply_contact')} {contact}"]
    months = [v for k, v in diagnosis.values.items() if isinstance(v, MonthDeadline) and k.endswith("_deadline")]
    if months:  # a date known to its month gives a window: the exact day gives the date
        body += ["", tr(lang, "reply_month_exact", month=format_date(months[0].month_date, lang))]
    rough = [v for v in diagnosis.values.values() if isinstance(v, RoughDate)]
    if rough:  # a span told roughly gives approximate dates: the exact day gives the date
        body += ["", tr(lang, "reply_rough_exact", words=rough[0].words)]
    return body


def suggest_reply(
    kb: KnowledgeBase,
    entry_id: str | None,
    lang: str,
    flow: Flow | None = None,
    diagnosis: Diagnosis | None = None,
    cause: str | None = None,
    name: str = "",
    today: date | None = None,
    months: Mapping[str, MonthDate] | None = None,
    wrote: Mapping[str, str] | None = None,
) -> str:
    """Return a suggested reply to a ticket.

    Args:
        kb: The knowledge base.
        entry_id: The ticket's topic, None when it is outside the FAQ.
        lang: The ticket's language, "de" or "en".
        flow: The topic's flow, if it has one.
        diagnosis: The flow's diagnosis on the ticket's facts.
        cause: The cause the triage reports (None when the facts settle none, or prove two causes at
            once: the reply then names them all).
        name: The customer's name, greeted when given.
        today: The date the diagnosis counts from; with it, every question that can
            still change the outcome is asked, else only the next one.
        months: Date facts the ticket gives only to their month, which does not settle
            the case (`triage._months_settled`): the reply says what the month tells.
        wrote: Fact id -> the customer's words of a fact read too weakly to settle a cause
            (`faq.tickets.settling`); its question quotes them.

    Returns:
        Plain text: greeting, resolution or answer plus questions, sign-off.
    """
    lang = lang if lang in _LANGS else "de"
    entry = kb.entry(entry_id) if entry_id else None
    if entry is None:
        return _wrap(lang, [tr(lang, "reply_outside"), "", tr(lang, "reply_outside_more")], name)
    if flow is not None and diagnosis is not None and cause is not None and diagnosis.resolution is not None:
        return _wrap(lang, _resolution(lang, flow, diagnosis, cause, today), name)
    if flow is not None and diagnosis is not None and diagnosis.next_fact is not None:
        open_facts = relevant_facts(flow, diagnosis.facts, today) if today is not None else []
        questions = open_facts or [diagnosis.next_fact]
        summary = answer_summary(entry, lang, short=True)
        body = [summary, ""] if summary else []
        if today is not None:
            for fact_id, month in (months or {}).items():
                body += [_month_note(flow, diagnosis, fact_id, month, today, lang), ""]
        items = _asked_together(flow, questions, lang, wrote)
        if len(items) == 1:
            body += [tr(lang, "reply_ask_one"), items[0]]
        else:
            body += [tr(lang, "reply_open_explain"), tr(lang, "reply_ask_many")]
            body += _numbered(items)
        return _wrap(lang, body, name)
    if flow is not None and diagnosis is not None and today is not None and diagnosis.status == RESOLVED \
            and len(proven := proven_causes(flow, diagnosis.facts, today)) > 1:  # no single cause is the customer's
        titles = [fill(c.resolution.title.get(lang), diagnosis, lang, flow) for c in flow.causes if c.id in proven]
        body = [tr(lang, "reply_several_causes"), *(f"- {t}" for t in titles), "", tr(lang, "reply_several_causes_next")]
        return _wrap(lang, body, name)
    return _wrap(lang, [answer_summary(entry, lang)], name)
