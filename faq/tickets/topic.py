"""What a ticket is about: its FAQ entry, from the whole text and its sentences.

The whole text is matched as a question is: the matcher reads its question focus
(`faq.language.focus`, shared with `faqbot ask` and the chat), the other sentences
are context. Unless that is a confident answer, each of the most relevant sentences
(by the words the knowledge base knows, ties broken by their text, not their place)
and each pair of neighbours (the asking one last) compete: a sentence that states the
problem may overturn the whole text's verdict, one that only gives context may only
confirm it. Swapping two sentences changes the verdict only through which sentences
are neighbours. Sentences are split as the focus splits them (`sentences`).

A sentence that tells a problem of a period before the case's ("Letztes Jahr landeten die Lizenzen
im falschen Tenant"), or any of that period beside "diesmal", is context beside a question about the
present, and so is one the writer sets aside ("das läuft als eigenes Ticket"; `faq.tickets.setaside`).

A ticket whose every mail, link or activation is qualified as another kind
("Einladungsmail", "password reset email") is declined (`about_something_else`); one the
matcher declines but that leans to one entry more than even is offered it (clarify).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from faq.language.focus import sentences
from faq.language.lexicon import folded, lexicon
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.language.success import only_success, success_throughout
from faq.search.matcher import Matcher
from faq.search.results import Candidate, MatchResult
from faq.tickets.mentions import find_emails
from faq.tickets.quotes import points_below
from faq.tickets.sentence import has_sequence
from faq.tickets.setaside import bygone, success_of_then, turns_to_present, without_set_aside
from faq.tickets.settings import in_setting, may_move
from faq.tickets.tokens import negations, tokenize, word_before_blanks
from faq.tickets.weights import ticket_file, weights

__all__ = ["about_something_else", "in_setting", "match_topic", "topic_units"]

_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
_LINE_END = re.compile(r"(?<=[.!?])[ \t]*\n")  # a full stop ending a line ends its sentence, whatever follows
_WORD = re.compile(r"[^\W\d_]+")
_PARTS = re.compile(r"\s[-–—]\s|:\s")  # a spaced dash or a colon joins two statements in one sentence
_CLAUSE_MARK = re.compile(r"[,;:]")
_PHRASE_END = re.compile(r"[^\w \t-]")  # what ends a mention's phrase (`_owner_kind`)


@cache
def _problem() -> re.Pattern[str]:
    """A sentence that states a problem: a question mark or a problem word (knowledge/language/problem_words.yaml)."""
    alts = []
    for w in sorted(set(lexicon_words("problem_words"))):
        w = fold(w) if "*" not in w and "'" not in w else w
        alts.append(re.escape(w).replace(r"\*", r"\w*"))
    return re.compile(r"\?|\b(?:" + "|".join(alts) + r")(?!\w)")


@cache
def _problem_word() -> re.Pattern[str]:
    """A problem word (knowledge/language/problem_words.yaml) in a folded sentence."""
    return re.compile(_problem().pattern.removeprefix(r"\?|"))


@cache
def _contrast() -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in lexicon_words("contrasts"))
    return re.compile(rf"(?:^|,?\s+)(?:{alts})\s+", re.I)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon_words("abbreviations"))


def _unsure(clause: str) -> bool:
    """Whether a clause holds a hedge, a belief or a "not sure" (knowledge/language/)."""
    words = [t.word for t in tokenize(clause)]
    return any(has_sequence(words, name) for name in ("hedges", "beliefs", "unknowns"))


_CLAUSE_START = re.compile(r"[,;:]\s*(?=[^,;:]*$)")


def _after_contrasts(unit: str) -> list[str]:
    """The clauses a contrast opens in a unit: what follows "aber"/"but", or, where the
    contrast stands inside its clause after the finite verb ("die Mail ist aber nie
    angekommen"), that whole clause from its start."""
    out = []
    parts = _contrast().split(unit)
    for before, after in zip(parts, parts[1:]):
        words = before.split()
        if words and fold(words[-1]).strip(",") in folded("finite_verbs") and not before.rstrip().endswith(","):
            start = _CLAUSE_START.search(before)
            out.append((before[start.end():] if start else before).strip() + " " + after)
        else:
            out.append(after)
    return out


@cache
def _coordinator() -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in lexicon_words("coordinators"))
    return re.compile(rf",?\s+(?:{alts})\s+", re.I)


def _denied_after_and(unit: str) -> list[str]:
    """The clauses after "und"/"and" that deny something ("We added 40 seats and nobody got an
    activation email"): the problem told after the context, a unit of its own."""
    parts = (_CLAUSE_MARK.split(c, maxsplit=1)[0] for c in _coordinator().split(unit)[1:])
    return [c for c in parts if "n't" in c or "n’t" in c or not negations().isdisjoint(_WORD.findall(c.lower()))]


def _asks(sentence: str) -> bool:
    return sentence.rstrip("\"'”“»«)] ").endswith("?")


def _points_back(unit: str) -> bool:
    """Whether a unit names none of the FAQ's things and only points: a question back with a
    pronoun at what was told before ("Wie lange dauert das normalerweise?", "Is this expected?"),
    or a sentence at a mail below ("forwarding what your colleague sent me")."""
    words = set(_WORD.findall(unit.lower()))  # the pronouns and pointers are plain ASCII words
    if _asks(unit):
        if folded("anaphors").isdisjoint(words):
            return False
    elif _pointer_starts().isdisjoint(words) or not points_below(unit):
        return False
    return not _objects().search(fold(unit))


@cache
def _pointer_starts() -> frozenset[str]:
    return frozenset(fold(p).split()[0] for p in lexicon_words("pointers"))


def _oriented(pair: tuple[str, str]) -> tuple[str, ...]:
    """A pair of neighbours as one text, whatever their order: the asking one last, as people write."""
    return tuple(sorted(pair, key=lambda s: (_asks(s), s)))


def _match_text(text: str) -> str:
    """Drop what only confuses the matcher: addresses and links; a label answered "none" or "no" is
    said as denied ("Aktivierungs-E-Mail für Zusatzbestellung: keine" as "keine Aktivierungs-E-Mail
    für Zusatzbestellung", "Lizenzen sichtbar: nein" as "nicht Lizenzen sichtbar")."""
    for start, end, _ in reversed(find_emails(text)):
        text = text[:start] + " " + text[end:]
    if ":" in text:
        denials = _none_denials()
        text = _none_label().sub(lambda m: f"{m.group(1)}{denials.get(fold(m.group(3)), m.group(3))} {m.group(2)}", text)
    low = text.lower()
    return _URL.sub(" ", text) if "http" in low or "www." in low else text  # no link without either


@cache
def _standard_forms() -> dict[str, str]:
    """Folded dialect, colloquial or shortened form -> its standard word (knowledge/language/standard_forms.yaml,
    abbreviated_words.yaml: "Reg." is "Registrierung")."""
    out: dict[str, str] = {}
    for line in (*lexicon_words("standard_forms"), *lexicon_words("abbreviated_words")):
        standard, *forms = line.split()
        out.update((fold(f), standard) for f in forms)
    return out


@cache
def _surface_forms() -> frozenset[str]:
    """The dialect forms as they may be written, lower-cased: folded and with umlauts ("haend", "händ")."""
    umlauts = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))
    out = set(_standard_forms())
    for form in _standard_forms():
        for folded_pair, umlaut in umlauts:
            form = form.replace(folded_pair, umlaut)
        out.add(form)
    return frozenset(out)


_FORM = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=32)
def _standard(text: str) -> str:
    """The text with its dialect, colloquial and shortened forms as the standard words the matcher knows
    ("Lizenzen san ned da" as "Lizenzen sind nicht da", "keine AktMail erh." as "keine Aktivierungsmail erhalten.")."""
    if _surface_forms().isdisjoint(_FORM.findall(text.lower())):
        return text
    forms = _standard_forms()
    return _FORM.sub(lambda m: forms.get(fold(m.group()), m.group()), text)


@cache
def _none_denials() -> dict[str, str]:
    """Each folded none-answer or no-word of a language that says a denied label with another word
    (knowledge/language/none_label_denials.yaml, no_label_denials.yaml), mapped to that word."""
    out: dict[str, str] = {}
    for answers, denials in (("none_answers", "none_label_denials"), ("no_words", "no_label_denials")):
        for lang, denial in lexicon()[denials].items():
            if denial:
                out.update((fold(w), denial[0]) for w in lexicon_words(answers, lang))
    return out


@cache
def _none_label() -> re.Pattern[str]:
    """A line or sentence "label: keine" or "label: nein" (knowledge/language/none_answers.yaml,
    no_words.yaml), the label kept."""
    said = {*lexicon_words("none_answers"), *lexicon_words("no_words")}
    alts = "|".join(sorted(map(re.escape, said), key=len, reverse=True))
    return re.compile(rf"(?im)(?<![^\n.!?])([ \t]*)([^\n:.!?]{{3,80}}):[ \t]*({alts})[ \t]*(?=[.!]\s|[.!]?[ \t]*(?:\n|$))")


@cache
def _objects() -> re.Pattern[str]:
    """A mention of what the FAQ is about, with the word that qualifies it (knowledge/tickets/objects.yaml)."""
    data = ticket_file("objects.yaml") or {}
    names = sorted({fold(w) for ws in data.values() for w in ws}, key=len, reverse=True)
    alts = "|".join(re.escape(n) + "(?:s|en)?" for n in names)
    return re.compile(rf"(?<![\w-])(?P<part>[\w-]*?)(?P<object>{alts})(?![\w-])")


def _qualifier_kind(qualifier: str, matcher: Matcher) -> str | None:
    """"other" for a word that names something else than the FAQ's things (an off-topic word,
    or a word of four letters or more the knowledge base does not use), "ours" for one it
    uses or misspells, None for none (a function word, a short abbreviation). Remembered per word
    and matcher: the same few qualifiers ("Aktivierungs", "E3") stand in ticket after ticket."""
    key = (qualifier, id(matcher))
    hit = _KINDS.get(key)
    if hit is not None and hit[0] is matcher:
        return hit[1]
    if len(_KINDS) >= _KINDS_KEPT:
        _KINDS.clear()
    kind = _qualifier_kind_of(qualifier, matcher)
    _KINDS[key] = (matcher, kind)
    return kind


_KINDS: dict[tuple[str, int], tuple[Matcher, str | None]] = {}
_KINDS_KEPT = 4096  # qualifiers remembered (then forgotten at once)


def _qualifier_kind_of(qualifier: str, matcher: Matcher) -> str | None:
    """`_qualifier_kind` worked out."""
    said = matcher.normalizer.surface(qualifier)
    tokens = [t for w in said for t in matcher.normalizer.expand(w)]
    if not tokens:
        return None
    if any(w in matcher.normalizer.offtopic or t in matcher.normalizer.offtopic for w in said for t in matcher.normalizer.expand(w)):
        return "other"
    if all(matcher.knows(t) for t in tokens):
        return "ours"
    repaired = [t for w in said for t in matcher.repair(w)]  # a typo of a word it uses ("Aktievierungs")
    if repaired and all(matcher.knows(t) for t in repaired):
        return "ours"
    return "other" if len(qualifier) >= 4 else None


def about_something_else(text: str, matcher: Matcher) -> bool:
    """Whether every mention of the FAQ's things in `text` is qualified as something else.

    "Unsere Gäste bekommen keine Einladungsmails", "the password reset email never arrives",
    "Windows 11 Enterprise activation fails": a mail, a link or an activation, but not the
    FAQ's. The qualifier is the rest of a compound ("Einladungs-E-Mail") or the word right
    before ("invitation email"), or the word after "zum"/"zur" ("die Mail zum Zurücksetzen des
    Kennworts", knowledge/language/purpose_links.yaml); one mention the FAQ knows ("Aktivierungsmail") is enough
    to keep the ticket.
    """
    folded = fold(_match_text(text))
    kinds = []
    for m in _objects().finditer(folded):
        part = m.group("part").rstrip("-")
        if not part:
            part = word_before_blanks(folded[: m.start()])
        purpose = None if m.group("part") else _purpose_kind(folded[m.end():], matcher)
        linked = not m.group("part") and (part in _object_links() or _plain(part))  # "a guide covering activation"
        owner = _owner_kind(folded[m.end():], matcher)  # "die Aktivierung des Gastkontos"
        kinds.append("other" if owner == "other" else
                     purpose or (_qualifier_kind(part, matcher) if part and not linked else None))
    return "other" in kinds and "ours" not in kinds


@cache
def _object_links() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("object_links"))


def _plain(word: str) -> bool:
    """Whether a word says which or how much of a thing, not its kind ("eigentliche", "actual")."""
    return any(word.startswith(w) and len(word) - len(w) <= 2 for w in folded("plain_attributes"))


def _purpose_kind(after: str, matcher: Matcher) -> str | None:
    """The kind of what a mention is for, when a purpose word follows it ("Mail zum Zurücksetzen")."""
    words = _WORD.findall(after[:60])
    if len(words) < 2 or words[0] not in folded("purpose_links"):
        return None
    kind = _qualifier_kind(words[1], matcher)  # "Link zur Aktivierung des Gastkontos": the guest account's
    return "other" if kind == "ours" and _owner_kind(after[after.find(words[1]) + len(words[1]):], matcher) == "other" \
        else kind


def _owner_kind(after: str, matcher: Matcher) -> str | None:
    """The kind of the owner a genitive after a mention names ("Aktivierung des Gastkontos", "activation of
    the guest account"; knowledge/language/genitive_determiners.yaml, genitive_links.yaml, determiners.yaml):
    adjectives before it ("des neuen Gastkontos") are skipped. Only words right after the mention, within
    its phrase, count: "keine Aktivierungsmail. Der Nutzungsbeginn ..." names no owner."""
    words = _WORD.findall(_PHRASE_END.split(after[:60], maxsplit=1)[0])
    if words and words[0] in folded("genitive_determiners"):
        rest = words[1:3]
    elif len(words) > 2 and words[0] in folded("genitive_links") and words[1] in folded("determiners"):
        rest = words[2:4]
    else:
        return None
    nouns = [w for w in rest if not _plain(w) and not any(w.startswith(q) for q in folded("qualifiers"))]
    return _qualifier_kind(nouns[0], matcher) if nouns else None


def known_tokens(text: str, matcher: Matcher) -> int:
    """Count the distinct words of `text` that the knowledge base knows as they are (no typo fixing)."""
    return len(matcher.known_tokens(text))


def topic_units(body: str, subject: str = "") -> list[str]:
    """Return the units a ticket's topic is read from: the subject, then each sentence."""
    lines = _LINE_END.split(body)
    units = [u for line in lines for u in (_match_text(s).strip() for s in sentences(line, _abbreviations())) if u]
    if subject:
        units.insert(0, _match_text(subject).strip())
    return units[: weights().scan_units]


def match_topic(body: str, matcher: Matcher, subject: str = "") -> MatchResult:
    """Match a ticket to its FAQ entry (`_best_entry`), in the setting its words name (`in_setting`), its
    dialect, colloquial and shortened forms read as their standard words (`_standard`)."""
    body, subject = _standard(body), _standard(subject) if subject else subject
    best, pool = _best_entry(body, matcher, subject)
    if not may_move(best.id):
        return best  # no setting concerns its entry: the text it would read is not gathered
    told = without_set_aside([s for ln in _LINE_END.split(body) for s in sentences(ln, _abbreviations())])
    now = [s for s in told if not success_of_then(s)]  # "Letztes Jahr lief die Verlängerung glatt": no setting of now
    said = "\n".join(now or told)
    return in_setting(best, f"{subject}\n{said}", matcher, pool)


def _best_entry(body: str, matcher: Matcher, subject: str = "") -> tuple[MatchResult, tuple[Candidate, ...]]:
    """Match a ticket to its FAQ entry: the best of the whole text and its sentences (returned
    with the whole text's candidates).

    A ticket is longer than a question. Its sentences (the subject counts as one) that hold no word
    the knowledge base knows, or that the writer sets aside, are left out; the rest is matched as a
    whole and, unless that is a confident answer, each of the most relevant sentences, the clauses
    after "aber"/"but" and neighbouring pairs too: the most confident verdict wins (the whole text on
    a tie), a sentence that only gives context counting for less and never against the whole text's
    leading entry. A sentence of few known words cannot decide a ticket the whole text matches, nor
    one it does not. The language is detected once, on the whole text.
    """
    w = weights()
    units = without_set_aside(topic_units(body, subject))  # "..., das läuft als eigenes Ticket": another matter
    known = [known_tokens(u, matcher) for u in units]
    kept = [u for u, k in zip(units, known) if k] or units
    turned = any(turns_to_present(u) for u in kept)  # "Diesmal frage ich nur": the earlier incident is context
    now = [u for u in kept if not (bygone(u) and (turned or _problem().search(fold(u))))]
    past: set[str] = set()
    if len(now) < len(kept) and any(_asks(u) for u in now) and sum(known_tokens(u, matcher) for u in now) >= w.full_unit:
        # "Letztes Jahr landeten die Lizenzen im falschen Tenant. Wie vermeide ich das diesmal?": a problem of
        # the past is context beside a question about the present, unlike what the past set up ("vor einem
        # Jahr abgeschlossen. Wie kündigen wir das?")
        past, kept = set(kept) - set(now), now
    told = [u for u in kept if not _points_back(u)]
    if len(told) < len(kept) and any(_problem().search(fold(u)) for u in told):
        kept = told  # "..., die Mail ist noch nicht da. Wie lange dauert das?": the question adds no topic
    whole = "\n".join(kept) if len(units) > 1 else _match_text(body)
    lang = matcher.detect_language("\n".join(units) or body)
    best = matcher.match(whole, lang, reader=True)
    asked = [u for u in kept if _asks(u)] if best.flow else []  # a sentence that asks never tells only a success
    if asked and len(asked) < len(kept) and not any(_problem_word().search(fold(u)) for u in kept) \
            and all(success_throughout(u, folded("salutations")) for u in kept if u not in asked):
        # "The activation went fine, the subscriptions show up. What next?": sentences that tell nothing but a
        # success beside questions that name no problem; a diagnosis read from the success's words ("show up")
        # yields to what the questions alone surely ask
        alone = matcher.match("\n".join(asked), lang, reader=True)
        if alone.outcome == "answer" and alone.confidence >= w.sure and alone.id != best.id:
            whole, best = "\n".join(asked), alone
    pool = best.candidates
    if about_something_else("\n".join(units), matcher):
        return _as_ticket(MatchResult(whole, "no_match", None, None, best.confidence, lang, best.candidates), whole, lang), pool
    # "Wir haben bestellt, aber die Mail ist nicht da": what follows "aber"/"but" is
    # usually the problem itself, so it competes as a unit of its own; so do the parts
    # of a sentence joined by a dash or a colon ("Frage: Die Mail fehlt - ist das normal?").
    denied = {c.strip() for u in kept for c in _denied_after_and(u) if c.strip()}  # a problem, told after "and"
    contrasts = {c.strip() for u in kept for c in _after_contrasts(u) if c.strip()} | denied
    clauses = sorted(contrasts | {c.strip() for u in kept for c in _PARTS.split(u) if c.strip() and c.strip() != u.strip()})
    if best.outcome == "answer" and best.confidence >= w.sure and not best.flow and len(kept) > 1:
        best = _problem_told(kept, best, matcher, lang)
    if len(kept) + len(clauses) <= 1 or (best.outcome == "answer" and best.confidence >= w.sure and not contrasts):
        return _as_ticket(best, whole, lang), pool
    if best.outcome == "answer" and best.confidence >= w.sure:
        # A confident whole still yields to what follows "aber"/"but", the problem itself,
        # when that clause alone names a diagnosable problem more surely. Against a whole
        # that starts a diagnosis, the clause must state a problem ("but the admin center
        # shows zero licences"), not more context.
        for clause in sorted(contrasts):
            if known_tokens(clause, matcher) < w.min_known or _unsure(clause):
                continue  # "but I'm not sure, and we're probably ...": a hedge, not the problem
            if best.flow and clause not in denied and not _problem().search(fold(clause)):
                continue
            result = matcher.match(clause, lang, reader=True)
            if best.flow and any(c.id == best.id and c.confidence >= w.clause_leans for c in result.candidates):
                continue  # the clause still leans to the whole text's entry: it does not overturn it
            if result.outcome == "answer" and result.flow and result.confidence > best.confidence:
                best = result
        return _as_ticket(best, whole, lang), pool
    scored = sorted({(k, u) for u, k in zip(units, known) if k >= w.min_known and len(u) >= 8 and u not in past},
                    key=lambda x: (-x[0], x[1]))
    # A problem is often told in two sentences ("The link gives an error. Can it be
    # reactivated?"): neighbours compete as one unit too, each pair in a fixed order.
    pairs = sorted({" ".join(_oriented(pair)) for pair in zip(kept, kept[1:])})[: w.scan_units]
    extra = [(known_tokens(c, matcher), c) for c in [*clauses, *pairs]]
    relevant = sorted({*scored[: w.max_units], *((k, c) for k, c in extra if k >= w.min_known)},
                      key=lambda x: (-x[0], x[1]))
    best_weight = best.confidence
    whole_matched = best.outcome != "no_match"
    lead = best.candidates[0].id if best.candidates else None
    lead_confidence = best.candidates[0].confidence if best.candidates else 0.0
    # A whole torn between entries (clarify) lets its short question choose the one of them with a
    # diagnosis ("Ich bin als OSM eingetragen. Kann ich Lizenzen reservieren?": who receives the
    # mail, or who may reserve?), when it names it surely.
    torn = {c.id for c in best.candidates[:2]} if best.outcome == "clarify" else set()
    succeeded = {u for _k, u in relevant if only_success(u)}  # "Die Aktivierung hat geklappt": no problem told
    for known_words, unit in relevant:
        if best.outcome == "no_match" and known_words < w.full_unit and not succeeded:
            continue  # a ticket that matches nothing as a whole is not decided by "How do we fix this?", unless
            # a success it tells sets the step the question follows ("This time it went fine. What next?")
        if unit in succeeded:
            continue  # a success ("the subscriptions appear") is no evidence of a topic of its own
        chooses = bool(torn) and _asks(unit.rstrip("!"))  # "Lizenzen weg?!"
        if whole_matched and known_words < w.override_unit and unit not in clauses and not chooses:
            continue  # nor is one the whole text answers ("Müssen wir jetzt wieder aktivieren?")
        # A sentence that states the problem says what the ticket is about; one that
        # only gives context ("Als OSM ist x eingetragen") counts for less, and so does
        # one of two or three words, which fits some entry perfectly by chance.
        states = bool(unit in denied or _problem().search(fold(unit)))
        share = (1.0 if states else w.context_weight) * min(1.0, known_words / w.full_unit)
        if best.outcome != "no_match" and share <= best_weight:
            continue  # even a certain verdict (confidence 1) would weigh no more than the one held: not matched
        result = matcher.match(unit, lang, reader=True)
        if chooses and known_words < w.override_unit and unit not in clauses \
                and (result.id not in torn or not result.flow or result.confidence < w.question_chooses):
            continue
        weight = result.confidence * share
        if share < 1.0 and result.id != lead and (weight <= lead_confidence or result.flow and not states):
            continue  # context overturns the whole text's leading entry only when more sure than it, and never
            # for a diagnosis: a sentence that states no problem is no evidence of one ("die Lizenzen tauchen auf")
        if result.outcome != "no_match" and (best.outcome == "no_match" or weight > best_weight):
            best, best_weight = result, weight
    if best.outcome == "no_match" and lead is not None and lead_confidence >= w.sure:
        # The matcher declines a question whose one likely entry misses its answer threshold;
        # a ticket that leans to it more than even is offered it, as a clarification.
        flow = matcher.flows[matcher.ids.index(lead)]
        best = MatchResult(best.query, "clarify", lead, flow, lead_confidence, lang, best.candidates[:1])
    return _as_ticket(best, whole, lang), pool


def _problem_told(kept: list[str], best: MatchResult, matcher: Matcher, lang: str) -> MatchResult:
    """The entry the sentences that state the problem name, when it is one with a diagnosis and
    they name it more surely than the whole text names an entry without one: context beside the
    problem ("Als Online Services Manager haben wir die Adresse x angegeben") does not make a
    missing mail a question of who receives it, nor does a hedged guess beside it ("he thinks maybe
    the mail went to another contact, but he is not sure") make it a case for support."""
    told = [u for u in kept if _problem().search(fold(u)) and not _points_back(u) and not _unsure(u)]
    if not told or len(told) == len(kept):
        return best
    result = matcher.match("\n".join(told), lang, reader=True)
    if result.outcome == "answer" and result.flow and result.id != best.id and result.confidence > best.confidence:
        return result
    return best


def _as_ticket(result: MatchResult, whole: str, lang: str) -> MatchResult:
    if result.query == whole and result.lang == lang:
        return result
    return MatchResult(whole[:500], result.outcome, result.id, result.flow, result.confidence, lang, result.candidates)
