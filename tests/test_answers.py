"""A label's value read as a short denied clause (faq.tickets.answers)."""

import pytest

from faq.tickets.answers import article_pronoun, denied_clause, elliptic, to_find_out, told_of_subject
from faq.tickets.sentence import sequences
from faq.tickets.tokens import tokenize


def denied(value: str) -> bool:
    return denied_clause(tokenize(value), sequences("affirmations"), False)


@pytest.mark.parametrize("value", ["wurde mir nie zugewiesen", "haben wir nicht geprüft", "was not granted to me",
                                   "nobody gave it to us"])
def test_a_short_clause_denying_its_verb_answers_no(value):
    assert denied(value)


@pytest.mark.parametrize("value", ["ja, nichts gefunden", "keine Mail gefunden", "yes, nothing in it", "no mail found there",
                                   "das haben wir leider bis heute noch immer nicht geschafft"])
def test_a_yes_a_finding_or_a_long_clause_is_no_denial(value):
    assert not denied(value)


def test_a_contrast_in_the_value_is_no_denial():
    assert not denied_clause(tokenize("nicht geprüft, aber der Filter schon"), sequences("affirmations"), True)


@pytest.mark.parametrize(("statement", "expected"), [
    ("Der beginnt erst am 15.12.2026.", True),
    ("Die ist noch nicht wirksam.", True),
    ("Die Rechnung kam am 20.11.2026.", False),
    ("The mail went to our old reseller.", False),
])
def test_a_german_article_before_a_lower_case_verb_is_a_pronoun(statement, expected):
    assert article_pronoun(statement, tokenize(statement)) is expected


@pytest.mark.parametrize(("statement", "expected"), [
    ("Längst geprüft, da liegt nichts.", True),
    ("Checked twice, nothing there.", True),
    ("Die Mail kommt nicht.", False),
    ("We checked it yesterday.", False),
])
def test_a_statement_naming_no_subject_of_its_own_is_elliptic(statement, expected):
    assert elliptic(statement, tokenize(statement)) is expected


@pytest.mark.parametrize("value", ["muss ich beim Händler noch erfragen", "klären wir erst mit dem Partner",
                                   "still need to ask our reseller", "have to look it up first"])
def test_a_value_still_to_find_out_is_no_answer(value):
    assert to_find_out([t.word for t in tokenize(value)])


@pytest.mark.parametrize("value", ["ja, beim Händler erfragt", "nein, noch nicht", "yes, checked twice", "no"])
def test_a_value_that_answers_is_not_still_to_find_out(value):
    assert not to_find_out([t.word for t in tokenize(value)])


@pytest.mark.parametrize("value", ["ja/nein", "[yes / no]", "Ja | Nein (bitte ankreuzen)"])
def test_the_answers_a_form_offers_answer_nothing(value):
    from faq.tickets.answers import options_offered

    assert options_offered(tokenize(value), value)


@pytest.mark.parametrize("value", ["ja, geprüft", "no - not yet", "yes"])
def test_an_answer_is_no_offer_of_answers(value):
    from faq.tickets.answers import options_offered

    assert not options_offered(tokenize(value), value)


def test_a_list_of_labels_parted_by_bars_is_no_offer_of_answers():
    from faq.tickets.answers import options_offered

    value = "no | right tenant: yes"
    assert not options_offered(tokenize(value), value)


@pytest.mark.parametrize(("value", "expected"), [("na, hab i ned", True), ("na", True), ("nah - not yet", True),
                                                 ("na klar", False), ("na ja, eher schon", False), ("nein", False)])
def test_a_spoken_no_standing_alone_is_a_bare_denial(value, expected):
    from faq.tickets.answers import bare_denial
    assert bare_denial(tokenize(value), value) is expected


@pytest.mark.parametrize(("question", "answer", "expected"), [
    ("Is the OSM address an admin of an existing tenant", "Yes, it is global administrator.",
     "the OSM address is global administrator."),
    ("Ist die OSM-Adresse ein Admin eines bestehenden Kontos", "Ja, sie ist dort Abrechnungsadministratorin.",
     "die OSM-Adresse ist dort Abrechnungsadministratorin."),
])
def test_a_yes_with_a_pronoun_is_told_of_the_questions_subject(question, answer, expected):
    assert told_of_subject(question, answer) == expected


@pytest.mark.parametrize(("question", "answer"), [
    ("Is the OSM address an admin of an existing tenant", "Yes, it is."),
    ("Is the OSM address an admin of an existing tenant", "No, it is a normal mailbox."),
    ("Which address is the OSM", "Yes, it is the admin."),
])
def test_no_subject_is_told_without_a_yes_a_pronoun_and_a_copular_question(question, answer):
    assert told_of_subject(question, answer) is None
