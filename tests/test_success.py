"""A success told (faq.language.success): what worked, arrived, is visible or is done states no problem."""

import pytest

from faq.language.success import only_success, success_throughout, tells_success


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail ist heute früh angekommen.",
    "Inzwischen sind die E5-Lizenzen im Admin Center sichtbar.",
    "Die Zuweisung an die Benutzer hat reibungslos geklappt, danke!",
    "Our subscriptions showed up in the portal this morning.",
    "The link worked and the services are assigned.",
])
def test_a_sentence_that_tells_what_worked_tells_only_a_success(text):
    assert tells_success(text) and only_success(text)


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail ist bis heute nicht angekommen.",
    "Keine Lizenzen sichtbar im Admin Center.",
    "The mail never arrived at our shared mailbox.",
    "The licences didn't show up after the activation.",
    "Die Mail sollte eigentlich längst angekommen sein.",
    "The licences should be visible by now.",
    "Falls die Mail angekommen ist, leite ich sie weiter.",
    "If the subscriptions appear tomorrow, we assign them.",
    "Vielleicht ist die Mail schon angekommen.",
    "Ist die Aktivierungsmail angekommen?",
    "Did the licences show up in your portal?",
    "Lizenzen im Portal sichtbar: nein",
    "Subscriptions visible in admin center: no",
])
def test_a_denied_awaited_supposed_or_asked_success_is_none(text):
    assert not tells_success(text) and not only_success(text)


@pytest.mark.parametrize("text", [
    "Die Aktivierung war erfolgreich, aber im Portal stehen null Lizenzen.",
    "The mail arrived, but the link in it had already expired.",
    "Die Mail ist zwar angekommen, der Link darin ist aber abgelaufen.",
    "Activation went through fine, where are our licences though",
])
def test_a_success_set_against_a_problem_does_not_stand_alone(text):
    assert not only_success(text)


@pytest.mark.parametrize("text", [
    "Die Lizenzen sind jetzt zugewiesen, wie geht es weiter?",
    "Activation completed, what should we do next?",
])
def test_a_success_before_a_question_of_its_own_is_told(text):
    assert tells_success(text)
    assert not only_success(text)  # the sentence asks: it may still decide a ticket's topic


@pytest.mark.parametrize("sentence,throughout", [
    ("Hallo, die Aktivierung lief reibungslos und die Abonnements erscheinen im Admin Center.", True),
    ("Hello, the activation went well and our subscriptions appear in the admin center now.", True),
    ("Verlängerung erledigt, gleicher Firmenname im Vertrag wie bei zwei anderen Registrierungen.", False),
    ("Order completed, the reseller used our old company name on it.", False),  # tells a setting too
])
def test_a_sentence_tells_a_success_throughout_only_when_each_clause_tells_one(sentence: str, throughout: bool) -> None:
    assert success_throughout(sentence, frozenset({"hallo", "hello"})) is throughout


@pytest.mark.parametrize("text", ["Die Aktivierung hat problemlos geklappt", "Die Zuweisung an die Benutzer hat fehlerfrei geklappt"])
def test_a_success_told_with_a_word_of_no_problem_is_only_a_success(text):
    assert only_success(text)
