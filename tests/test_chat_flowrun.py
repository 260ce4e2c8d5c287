"""The running diagnosis (bot.chat.flowrun): the answers it takes, typed to its questions."""

from __future__ import annotations

import pytest
from chat_helpers import make_dialogue

from bot.chat.dialogue import FlowResult, FlowStep, Notice
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


def _to_question_of(d, kind):
    """Start the missing-mail diagnosis and answer it until it asks a question of type `kind`."""
    d.submit("Aktivierungsmail nicht erhalten")
    d.select(0)
    plain = {"email": "it@firma.de", "date": "01.11.2026", "yesno": "ja"}
    for _ in range(6):
        fact = d.current_fact
        assert fact is not None
        if fact.type == kind:
            return fact
        d.submit(plain[fact.type])
    raise AssertionError(f"no {kind} question")


@pytest.mark.parametrize("kind", ["date", "email"])
@pytest.mark.parametrize("key", ["w", "W", "u", "?"])
def test_the_dont_know_key_answers_a_date_or_address_question_that_offers_dont_know(dialogue, kind, key):
    fact = _to_question_of(dialogue, kind)
    dialogue.submit(key)  # not "… ist kein Datum"
    assert dialogue.run.facts[fact.id] == UNKNOWN
    shown = [i for i in dialogue.items if type(i).__name__ == "UserMessage"][-1]
    assert shown.pick == "unbekannt"  # shown as its button: "Weiß nicht"


@pytest.mark.parametrize("key", ["j", "n", "x"])
def test_a_yes_or_no_key_is_no_answer_to_a_date_question(dialogue, key):
    fact = _to_question_of(dialogue, "date")
    dialogue.submit(key)
    assert fact.id not in dialogue.run.facts


@pytest.mark.parametrize(("ui", "question", "sentence", "lang"), [
    ("de", "The activation email never arrived", "Laut Bestellung beginnt die Nutzung am 15.12.2026", "de"),
    ("en", "Die Aktivierungsmail ist nie angekommen", "The usage starts on 15.12.2026", "en"),
])
def test_a_date_answered_in_a_sentence_of_the_other_language_turns_the_diagnosis_to_it(ui, question, sentence, lang):
    """A sentence with one marker word ("die") is clear with the matcher's guess: the result follows it."""
    from chat_helpers import TODAY, kb_and_matcher

    from bot.chat.dialogue import Dialogue

    d = Dialogue(*kb_and_matcher(), TODAY, lang=ui)
    d.submit(question)
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    d.submit("ja")
    assert d.current_fact is not None and d.current_fact.type == "date"
    after = d.submit(sentence)
    assert d.run.facts["usage_start"].isoformat() == "2026-12-15"
    assert after and all((i.lang or ui) == lang for i in after)


@pytest.mark.parametrize("address", ["it-admin@contoso.com", "this-is-the-osm@the-company.de"])
def test_an_address_with_english_words_keeps_a_german_diagnosis_german(dialogue, address):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    after = dialogue.submit(address)
    assert dialogue.run.facts["osm_email"] == address
    assert all(i.lang == "" for i in after) and dialogue.flow_lang == "de"


@pytest.fixture(scope="module")
def bundled():
    """The bundled knowledge base and its matcher (the fixture base reads fewer stories)."""
    from pathlib import Path

    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base(Path(__file__).parent.parent / "knowledge")
    return kb, Matcher(kb)


def _real(bundled):
    from chat_helpers import TODAY

    from bot.chat.dialogue import Dialogue

    return Dialogue(*bundled, TODAY)


@pytest.mark.parametrize(("story", "yes"), [
    ("Die Aktivierungsmail ist nie gekommen. Als OSM haben wir m.berger@berger-bau.de angegeben, "
     "und die Domäne ist bei uns längst verifiziert. Woran liegt das?", "ja"),
    ("The activation mail never came. We listed m.berger@berger-build.com as OSM, and our domain "
     "has been verified for ages. What is going on?", "yes"),
])
def test_the_stated_fact_that_settles_the_case_is_confirmed_first(bundled, story, yes):
    """A story told whole ends at its first yes: the stated fact that settles the cause is shown
    first, not the address the flow would ask first."""
    dialogue = _real(bundled)
    dialogue.submit(story)
    dialogue.select(0)
    shown = dialogue.items[-1]
    assert isinstance(shown, Notice) and shown.key == "confirm_stated" and shown.args["fact"] == "domain_verified"
    dialogue.submit(yes)
    assert isinstance(dialogue.items[-1], FlowResult) and dialogue.items[-1].diagnosis.cause == "domain-verified"
    assert dialogue.run.facts == {"domain_verified": True}


def test_a_no_to_the_settling_fact_asks_its_question_then_the_other_stated_fact_is_confirmed(bundled):
    dialogue = _real(bundled)
    dialogue.submit("Die Aktivierungsmail fehlt. Unser OSM ist it@firma.de und die Domäne ist verifiziert.")
    dialogue.select(0)
    dialogue.submit("nein")
    assert isinstance(dialogue.items[-1], FlowStep) and dialogue.items[-1].fact_id == "domain_verified"
    dialogue.submit("nein")
    shown = dialogue.items[-1]
    assert isinstance(shown, Notice) and shown.key == "confirm_stated" and shown.args["fact"] == "osm_email"


@pytest.mark.parametrize(("story", "yes"), [
    ("Seit dem Nutzungsbeginn vor etwa zwei Tagen warten wir auf die Aktivierungsmail. "
     "Eingetragen als OSM ist j.koch@outlook.com.", "ja"),
    ("We have waited for the activation email since our usage start roughly two days ago. "
     "The OSM on file is j.koch@outlook.com.", "yes"),
])
def test_a_rough_date_told_before_it_is_asked_is_judged_with_all_the_user_told(bundled, story, yes):
    """ "About two days ago" may be either side of the 48 hours; beside an outlook.com address, which
    settles the case whatever the day, it decides nothing: the address is confirmed, no exact day asked."""
    dialogue = _real(bundled)
    dialogue.submit(story)
    shown = dialogue.select(0)
    assert not any(isinstance(i, Notice) and i.key == "date_too_rough" for i in shown)
    assert isinstance(shown[-1], Notice) and shown[-1].args["fact"] == "osm_email"
    dialogue.submit(yes)
    assert isinstance(dialogue.items[-1], FlowResult) and dialogue.items[-1].diagnosis.cause == "outlook-com-address"


def test_a_rough_date_is_too_rough_again_once_what_it_rested_on_is_declined(bundled):
    dialogue = _real(bundled)
    dialogue.submit("Die Aktivierungsmail fehlt, Nutzungsbeginn war vor etwa zwei Tagen. Unser OSM ist j.koch@outlook.com.")
    dialogue.select(0)
    dialogue.submit("nein")  # not that address: its question is asked
    assert isinstance(dialogue.items[-1], FlowStep) and dialogue.items[-1].fact_id == "osm_email"
    shown = dialogue.submit("it@koch-bau.de")
    assert [i.key for i in shown if isinstance(i, Notice)] == ["date_too_rough"]
    assert isinstance(shown[-1], FlowStep) and shown[-1].fact_id == "usage_start"
    assert "usage_start" not in dialogue.run.facts


@pytest.mark.parametrize(("said", "lang"), [("Ich bin der Online Services Manager", "de"), ("OSM", "de"),
                                            ("I'm our OSM", "en")])
def test_the_osm_told_without_the_permission_is_asked_which_of_the_two_osm_answers(bundled, said, lang):
    """The question offers the OSM with and without "Reservierung verwalten": the bare role is neither."""
    from chat_helpers import TODAY

    from bot.chat.dialogue import Dialogue

    dialogue = Dialogue(*bundled, TODAY, lang)
    dialogue.start_flow("reservation-permission")
    shown = dialogue.submit(said)
    assert isinstance(shown[-1], Notice) and shown[-1].key == "open_choice" and said in shown[-1].text
    assert [o.target for o in shown[-1].options if o.kind == "value"] == ["osm", "osm-manage-reservations", "unbekannt"]
    assert "role" not in dialogue.run.facts
    dialogue.submit("2")
    assert isinstance(dialogue.items[-1], FlowResult) and dialogue.items[-1].diagnosis.cause == "can-reserve"


@pytest.mark.parametrize("said", ["Ich bin OSM, die Berechtigung Reservierung verwalten habe ich nicht",
                                  "osm ohne berechtigung", "I am the OSM without any permissions"])
def test_the_osm_told_with_its_permission_denied_is_the_osm_without_it(bundled, said):
    dialogue = _real(bundled)
    dialogue.start_flow("reservation-permission")
    dialogue.submit(said)
    assert dialogue.run.facts == {"role": "osm"}
    assert dialogue.items[-1].diagnosis.cause == "needs-reservation-permission"


def test_the_osm_told_in_the_story_is_not_confirmed_as_the_osm_without_the_permission(bundled):
    dialogue = _real(bundled)
    dialogue.submit("Ich bin bei uns der OSM. Darf ich Online-Reservierungen abschließen?")
    shown = dialogue.start_flow("reservation-permission")
    assert not any(isinstance(i, Notice) and i.key == "confirm_stated" for i in shown)
    assert isinstance(shown[-1], FlowStep) and shown[-1].fact_id == "role"
