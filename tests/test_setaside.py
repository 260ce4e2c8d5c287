"""Sentences set aside as another matter, and the turn from an earlier incident to the present."""

import pytest

from faq.tickets.setaside import bygone, set_aside, success_of_then, turns_to_present, without_set_aside


@pytest.mark.parametrize("sentence", [
    "Unsere Buchhaltung vermisst eine Rechnung, das läuft aber als eigenes Ticket.",
    "Der Kollege in Bremen sieht keine Lizenzen, das klärt er selbst.",
    "In Wien fehlt die Mail auch, aber das betrifft mich nicht.",
    "Our HR team cannot see their licences, but that is a separate matter.",
    "The Dublin office has a licensing problem too; it doesn't affect me.",
    "A colleague in sales is missing an invoice, they will write to you themselves.",
])
def test_a_sentence_told_as_another_matter_is_set_aside(sentence: str) -> None:
    assert set_aside(sentence)


@pytest.mark.parametrize("sentence", [
    "Die Aktivierungsmail ist bei uns nie angekommen.",
    "Unsere Lizenzen sind im Portal nicht zu sehen.",
    "The activation email never reached our admin.",
    "We cannot see any licences after the activation.",
])
def test_a_sentence_that_tells_the_problem_is_not_set_aside(sentence: str) -> None:
    assert not set_aside(sentence)


@pytest.mark.parametrize("sentence,turns", [
    ("Diesmal möchte ich nur wissen, was nach der Aktivierung zu tun ist.", True),
    ("This time I only want to know what comes after the activation.", True),
    ("Dieses Jahr lief die Aktivierung ohne Probleme.", True),
    ("This year the activation went through without trouble.", True),
    ("Die Aktivierung ist abgeschlossen.", False),
    ("The activation is complete.", False),
])
def test_a_turn_to_the_present_is_found(sentence: str, turns: bool) -> None:
    assert turns_to_present(sentence) is turns


@pytest.mark.parametrize("sentence,earlier", [
    ("Vor zwei Jahren hat der Support unsere Lizenzen umgezogen.", True),
    ("A year ago support moved our licences to the right tenant.", True),
    ("Heute sind die Lizenzen im richtigen Konto.", False),
    ("Today the licences are in the right account.", False),
])
def test_a_sentence_of_an_earlier_period_is_found(sentence: str, earlier: bool) -> None:
    assert bygone(sentence) is earlier


def test_sentences_set_aside_are_left_out_unless_nothing_else_is_left() -> None:
    problem = "Wo bleibt unsere Aktivierungsmail?"
    aside = "Das Druckerproblem in Halle hat damit nichts zu tun."
    assert without_set_aside([aside, problem]) == [problem]
    assert without_set_aside([aside]) == [aside]


@pytest.mark.parametrize("sentence,left", [
    ("Die Aktivierungsmail fehlt noch, das Netzwerkproblem im Lager hat damit nichts zu tun.",
     "Die Aktivierungsmail fehlt noch"),
    ("Our activation email is still missing; the Wi-Fi outage in the warehouse is unrelated.",
     "Our activation email is still missing"),
])
def test_a_clause_with_its_own_subject_sets_aside_only_itself(sentence: str, left: str) -> None:
    assert without_set_aside([sentence]) == [left]


@pytest.mark.parametrize("sentence", [
    "Unsere Grafikabteilung hat Ärger mit ihren Adobe-Lizenzen, das regeln die aber selbst.",
    "Im Lager fehlen seit Montag zwei Scanner, aber das betrifft uns hier nicht.",
    "Our design team is fighting with their Adobe licences, which has its own ticket.",
    "The warehouse is missing two scanners since Monday, unrelated to this.",
])
def test_a_clause_pointing_back_sets_aside_its_whole_sentence(sentence: str) -> None:
    assert without_set_aside([sentence, "Wo bleibt die Aktivierungsmail?"]) == ["Wo bleibt die Aktivierungsmail?"]


@pytest.mark.parametrize("sentence,then", [
    ("Vor zwei Jahren ging bei der Erneuerung alles reibungslos, die Aktivierungsmail war sofort da.", True),
    ("Beim letzten Mal hat die Verlängerung auf Anhieb geklappt.", True),
    ("Back then the renewal went smoothly and the email arrived within an hour.", True),
    ("Die Verlängerung hat diesmal geklappt.", False),  # a success of now
    ("Letztes Jahr kam die Aktivierungsmail nicht an.", False),  # a problem of then
    ("Last time the renewal went fine, but where is the mail now?", False),  # asks
])
def test_only_a_success_of_an_earlier_period_or_occasion_is_a_success_of_then(sentence: str, then: bool) -> None:
    assert success_of_then(sentence) is then
