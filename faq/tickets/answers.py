"""A label's value: a short clause denying the label ("Berechtigung: wurde mir nicht zugewiesen"), or
a statement opening with a German article as a pronoun ("Der Nutzungszeitraum? Der beginnt am ...").

"Berechtigung Reservierung verwalten: wurde mir nicht zugewiesen", "Manage Reservation permission:
was never assigned to me" answer the label no, as "nein" would: a negation of the clause's verb
(`clause_denials`). Not so a value that opens with a yes ("geprüft: ja, nichts gefunden"), tells a
finding ("geprüft: keine Mail gefunden"), or sets something against the denial ("nicht geprüft,
aber der Filter schon").
"""

from __future__ import annotations

from functools import cache

from faq.language.lexicon import folded, words
from faq.language.normalize import fold
from faq.tickets.tokens import Token, tokenize

__all__ = ["article_pronoun", "bare_denial", "denied_clause", "elliptic", "options_offered", "own_subject", "to_find_out",
           "told_of_subject"]

_SHORT = 6  # words at most of a value read as a denied clause


def denied_clause(value: list[Token], affirmations: tuple[tuple[str, ...], ...], contrasted: bool, text: str = "") -> bool:
    """Whether a label's value (its tokens) is a short clause a negation denies (see the module), or, with
    its `text`, opens with a spoken no standing alone (`bare_denial`); `affirmations` are the yes answers'
    word sequences, `contrasted` whether a contrast word stands in it."""
    if text and bare_denial(value, text):
        return True
    words = [t.word for t in value]
    if not value or len(value) > _SHORT or contrasted or any(words[:len(p)] == list(p) for p in affirmations) \
            or words[0] in folded("articles"):  # "Domain verifiziert? Die Mail kommt nicht": a subject of its own
        return False
    return not set(words).isdisjoint(folded("clause_denials"))


def bare_denial(value: list[Token], text: str) -> bool:
    """Whether a label's value (its tokens in `text`) opens with a spoken no that stands alone, before a
    comma, a bracket or a dash, or at the end (`bare_denials`: "na, hab i ned", "nah"; not "na klar")."""
    if not value or value[0].word not in folded("bare_denials"):
        return False
    return len(value) == 1 or any(c in text[value[0].end:value[1].start] for c in ",;()-\u2013")


@cache
def _plans() -> frozenset[str]:
    """Words of intention and times to come (`to_find_out`)."""
    return folded("intentions") | folded("future_times")


def to_find_out(words: list[str], planned: bool = False) -> bool:
    """Whether a label's value (its folded words) says the answer is still to be found out: a verb
    of finding out or checking with a word of intention or "noch"/"still" ("Bestellung platziert: muss
    ich beim Händler noch erfragen", "order placed: still need to ask the reseller"); with `planned`,
    only with a word of intention or a time to come ("weiß ich erst nächste Woche"; "not checked yet" tells no plan)."""
    plans = _plans()
    intended = not folded("intentions").isdisjoint(words) or any(" ".join(words[i:i + 2]) in plans for i in range(len(words) - 1))
    if not intended and (planned or folded("still_words").isdisjoint(words)):
        return False
    finding = folded("inquiry_verbs") | folded("verbs_of_checking")
    return any(w in finding or " ".join(words[i:i + 2]) in finding for i, w in enumerate(words))


def options_offered(value: list[Token], text: str) -> bool:
    """Whether a label's value opens with the answers a form offers, a slash or bar between them
    ("Domain verifiziert: ja/nein", "Junk checked: [yes / no]"): nothing is answered."""
    if len(value) < 2 or text[value[0].end:value[1].start].strip(" []()") not in ("/", "|"):
        return False
    answers = folded("affirmations") | folded("no_words") | folded("denials")
    rest = text[value[1].end:].lstrip(" ]")
    ends = not rest or rest[0] in "/|)(<,;.-"  # "ja/nein (bitte ankreuzen)"; not "no | right tenant: yes", a list of labels
    return ends and value[0].word in answers and value[1].word in answers


@cache
def _articles_de() -> frozenset[str]:
    return frozenset(fold(w) for w in words("articles", "de"))


def article_pronoun(statement: str, tokens: list[Token]) -> bool:
    """Whether a statement opens with a German article standing as a pronoun, a lower-case word
    (the verb) right after it ("Der beginnt erst am 15.12.", "Die ist noch nicht wirksam"): it
    answers the label asked before it, it opens no noun phrase of its own."""
    return len(tokens) > 1 and tokens[0].word in _articles_de() and statement[tokens[1].start:tokens[1].end].islower()


def own_subject(statement: str, verbs: frozenset[str], label_words: int) -> bool:
    """Whether a statement opens with a noun phrase of its own ("Die Aktivierungs-E-Mail ging an x@y.de"), longer
    than `label_words`: no value of a label asked before it (an article as a pronoun opens none)."""
    tokens = tokenize(statement)
    said = [t.word for t in tokens]
    return len(said) > label_words and said[0] in folded("articles") and said[1] not in verbs and not article_pronoun(statement, tokens)


def elliptic(statement: str, tokens: list[Token]) -> bool:
    """Whether a statement's first clause names no subject or thing of its own (no article, determiner
    or subject pronoun: "Längst geprüft, da liegt nichts", "Checked twice", "Haven't checked it yet"):
    it answers the short question asked right before it."""
    first = statement.split(",", 1)[0].split(".", 1)[0]
    named = folded("articles") | folded("determiners") | folded("subject_pronouns") | folded("first_person_subjects")
    return bool(tokens) and not any(t.word in named for t in tokens if t.end <= len(first))


def told_of_subject(question: str, answer: str) -> str | None:
    """The answer to a yes/no question with its opening pronoun read as the question's subject ("> Is
    that address an admin of an existing account?" - "Yes, it is billing administrator there": "that
    address is billing administrator there"). The question opens with a copula, its subject runs up
    to the next article; the answer opens with a yes, a pronoun of a thing and a copula. None otherwise."""
    asked, said = tokenize(question), tokenize(answer)
    if len(asked) < 3 or len(said) < 4 or asked[0].word not in folded("copulas") or said[0].word not in folded("affirmations") \
            or said[1].word not in folded("thing_pronouns") or said[2].word not in folded("copulas"):
        return None
    end = next((i for i in range(2, len(asked)) if asked[i].word in folded("articles")), None)
    return None if end is None else f"{question[asked[1].start:asked[end - 1].end]} {answer[said[2].start:]}"
