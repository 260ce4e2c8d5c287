"""The customer's answers to questions they quote or ask themselves (faq/tickets/quotes.py)."""

import pytest

from faq.tickets.quotes import answer_polarity, answers, in_quoted_question, is_example, quoted_of_then, self_answers
from faq.tickets.tokens import tokenize


@pytest.mark.parametrize("text", [
    "Hallo, die Domäne ist verifiziert, stimmt's? Keine Aktivierungsmail bisher.",
    "Hi, the domain is verified, right? No activation email so far.",
])
def test_a_statement_after_a_question_answers_nothing(text):
    assert self_answers(text) == []


@pytest.mark.parametrize(("text", "answer"), [
    ("Hallo, Domäne verifiziert? Nein. Aktivierungsmail fehlt.", "Nein."),
    ("Hi, junk folder checked? No, not yet. The mail is missing.", "No, not yet."),
    ("Hallo, weitere Registrierungen? Keine Registrierungen außer dieser.", "Keine Registrierungen außer dieser."),
])
def test_a_short_question_answered_at_once_is_an_answer(text, answer):
    assert [a.text for a in self_answers(text)] == [answer]


@pytest.mark.parametrize(("text", "word", "inside"), [
    ("Support asked: 'Is the tenant verified (for example, for firma.de)?' I don't know.", "verified", True),
    ("Support asked: 'Is the tenant verified (for example, for firma.de)?' I don't know.", "know", False),
    ("Ihre Frage: „Welche Rolle haben Sie (z. B. OLA)?“ – weiß ich nicht.", "OLA", True),
    ("Ihre Frage: „Welche Rolle haben Sie (z. B. OLA)?“ – weiß ich nicht.", "weiß", False),
    ("We don't know if it's verified? The OSM's mail is missing.", "verified", False),
    ("Die Domäne ist „verifiziert“, sagt der Partner.", "verifiziert", False),
])
def test_a_question_in_quotation_marks_is_asked(text, word, inside):
    assert in_quoted_question(text, text.index(word)) is inside



@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Ihre Vorlage: OSM-Adresse: vorname.name@outlook.com (Beispiel)"),
    ("en", "The activation email is missing. Your form says: OSM address: first.last@outlook.com (example)"),
])
def test_an_address_marked_as_an_example_after_it_is_no_fact(lang, text):
    from datetime import date

    from faq.kb.loader import load_knowledge_base
    from faq.tickets.facts import extract_facts

    kb = load_knowledge_base()
    facts = extract_facts(text, kb.flow("missing-activation-email"), date(2026, 11, 24), lang, kb.vocabulary).facts
    assert "osm_email" not in facts


@pytest.mark.parametrize(("text", "old"), [
    ("Weitergeleitet, die alte Mail vom letzten Jahr:", True),
    ("Here is the forward below from two years ago, the licences came later.", True),
    ("Siehe unten, weitergeleitet von 2024.", True),
    ("The mail from last year, forwarded below:", True),
    ("Siehe unten die Mail unseres Händlers von gestern.", False),
    ("See below; we ordered last year in December and still have no mail.", False),
    ("Anbei die Bestätigung. Letztes Jahr lief alles glatt.", False),
])
def test_a_forwarded_mail_dated_to_an_earlier_period(text, old):
    assert quoted_of_then(text, 2026) is old


@pytest.mark.parametrize("answer", [
    "Nicht, dass ich wüsste.", "Nein, muss ich erst nachsehen.", "Not that I know of.", "Not that I'm aware of, no.",
    "Not as far as I know.",
])
def test_a_no_that_only_tells_what_the_writer_knows_answers_nothing(answer):
    assert answer_polarity(tokenize(answer)) is None


@pytest.mark.parametrize("answer", ["Nein, noch nicht.", "No, not yet.", "Nope, nobody has."])
def test_a_plain_no_still_denies(answer):
    assert answer_polarity(tokenize(answer)) is False


@pytest.mark.parametrize(("answer", "expected"), [
    ("Das ist sie, seit dem Frühjahr.", True),
    ("Haben wir, da lag aber nichts.", True),
    ("Das ist sie nicht.", False),
    ("It was, back in March.", True),
    ("We did, but found nothing.", True),
    ("She hasn't, as far as I can tell.", False),
])
def test_an_answer_echoing_the_question_with_a_pronoun_and_an_auxiliary_says_yes_or_no(answer, expected):
    assert answer_polarity(tokenize(answer), answer) is expected


@pytest.mark.parametrize("answer", [
    "Das ist die Adresse der Buchhaltung.",  # a clause of its own, no echo
    "It is the billing mailbox.",
    "Is it?",  # asked back
    "Sind wir sicher, dass das reicht",
])
def test_a_clause_that_goes_on_or_asks_back_is_no_echo(answer):
    assert answer_polarity(tokenize(answer), answer) is None


@pytest.mark.parametrize("answer", ["Durchgesehen, nichts gefunden.", "Looked there, nothing in it."])
def test_a_negation_after_the_answers_first_clause_denies_nothing(answer):
    assert answer_polarity(tokenize(answer), answer) is not False


@pytest.mark.parametrize("answer", ["Noch nicht, kommt morgen.", "Not yet, sorry.", "Nein, gar nichts."])
def test_a_negation_or_a_no_in_the_first_clause_still_denies(answer):
    assert answer_polarity(tokenize(answer), answer) is False


@pytest.mark.parametrize(("text", "expected"), [
    ("Guten Tag,\n> 1. Liegt eine Bestellung vor?\n1. ja, seit Oktober\n> 2. Ist die Domäne schon verifiziert?\n2) nein\n",
     [("Liegt eine Bestellung vor?", "ja, seit Oktober"), ("Ist die Domäne schon verifiziert?", "nein")]),
    ("Hi,\n> 4. Have you looked in the spam folder?\n4. Yes - empty.\n", [("Have you looked in the spam folder?", "Yes - empty.")]),
])
def test_an_answer_under_a_numbered_quoted_question_is_read_without_its_repeated_number(text, expected):
    found = answers(text)
    assert [(a.question, a.text) for a in found] == expected
    assert all(text[a.start:a.start + len(a.text)] == a.text for a in found)


def test_an_answer_numbered_otherwise_keeps_its_number():
    found = answers("Hallo,\n> 1. Wie viele Lizenzen fehlen?\n3. Reihe im Portal\n")
    assert [a.text for a in found] == ["3. Reihe im Portal"]


@pytest.mark.parametrize(("text", "word", "example"), [
    ("Die Reservierung war vor etwa drei Tagen", "tagen", False),
    ("Gekauft etwa vor 10 Wochen", "wochen", False),
    ("Ein Datum, etwa 01.12.2026, bitte", "01", True),
])
def test_etwa_before_a_counted_span_makes_it_rough_not_an_example(text, word, example):
    tokens = tokenize(text)
    assert is_example(tokens, [t.word for t in tokens].index(word)) is example
