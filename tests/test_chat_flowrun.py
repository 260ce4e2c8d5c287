"""The running diagnosis (bot.chat.flowrun): the answers it takes, typed to its questions."""

from __future__ import annotations

import pytest
from chat_helpers import make_dialogue

from bot.chat.dialogue import Notice
from faq.flows.values import UNKNOWN


@pytest.fixture
def dialogue():
    return make_dialogue()


def _at_junk_question(d):
    """Answer the missing-mail diagnosis up to its yes/no question about the junk folder."""
    d.submit("Aktivierungsmail nicht erhalten")
    d.select(0)
    d.submit("it@firma.de")
    d.submit("01.11.2026")
    assert d.current_fact is not None and d.current_fact.type == "yesno"


@pytest.mark.parametrize("reply,value", [
    ("Nein, noch nicht", False), ("no, not yet", False), ("Ja, haben wir", True), ("yes - all folders", True),
    ("weiß ich nicht genau", UNKNOWN), ("weis nich", UNKNOWN), ("noch nicht", False),
])
def test_a_yes_or_no_opening_a_longer_reply_answers_the_question(dialogue, reply, value):
    _at_junk_question(dialogue)
    fact = dialogue.current_fact.id
    items = dialogue.submit(reply)
    assert dialogue.run.facts[fact] == value
    assert not any(isinstance(i, Notice) and i.key == "bad_value" for i in items)


@pytest.mark.parametrize("reply,value", [
    ("ja haben wir", True), ("yep we did", True), ("jep, passt", True), ("nein das ist falsch", False),
    ("nope not yet", False), ("yeah all folders", True),
])
def test_a_yes_or_no_word_opening_a_reply_without_a_comma_answers_the_question(dialogue, reply, value):
    _at_junk_question(dialogue)
    fact = dialogue.current_fact.id
    items = dialogue.submit(reply)
    assert dialogue.run.facts[fact] == value
    assert not any(isinstance(i, Notice) and i.key == "bad_value" for i in items)


@pytest.mark.parametrize("reply", ["ja, aber nur teilweise", "yes, but only the inbox", "no, maybe", "ja, glaube ich",
                                   "no clue what you mean", "ja aber nur teilweise", "no mail in the junk folder"])
def test_a_reply_that_qualifies_its_yes_or_no_leaves_the_question_open(dialogue, reply):
    _at_junk_question(dialogue)
    fact = dialogue.current_fact.id
    _, notice = dialogue.submit(reply)
    assert isinstance(notice, Notice) and notice.key == "bad_value"
    assert fact not in dialogue.run.facts and dialogue.current_fact.id == fact


def test_a_typo_of_dont_know_answers_an_address_question(dialogue):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    dialogue.submit("weis nich")
    assert dialogue.run.facts["osm_email"] == UNKNOWN
