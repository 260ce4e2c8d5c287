"""Greetings, thanks and goodbyes recognised as whole messages (bot.chat.smalltalk)."""

from __future__ import annotations

import pytest

from bot.chat.smalltalk import smalltalk


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hallo", ("greeting", "de")),
        ("Hallo!", ("greeting", "de")),
        ("Guten Morgen :)", ("greeting", "de")),
        ("danke!", ("thanks", "de")),
        ("Vielen Dank für die Hilfe.", ("thanks", "de")),
        ("Thanks!", ("thanks", "en")),
        ("thank you so much", ("thanks", "en")),
        ("Danke, tschüss", ("goodbye", "de")),
        ("bye", ("goodbye", "en")),
        ("Vielen Dank, das hat geholfen!", ("thanks", "de")),
        ("Thanks, that helped.", ("thanks", "en")),
        ("Hallo, wie geht es Ihnen?", ("greeting", "de")),
        ("Hi, how are you?", ("greeting", "en")),
    ],
)
def test_whole_messages_of_small_talk(text, expected):
    assert smalltalk(text, "de") == expected


def test_a_word_of_both_languages_follows_the_interface():
    assert smalltalk("hi", "de") == ("greeting", "de")
    assert smalltalk("hi", "en") == ("greeting", "en")


@pytest.mark.parametrize(
    "text",
    ["Hallo, meine Aktivierungsmail fehlt", "danke, aber der Link geht nicht", "Aktivierungsmail", "", "?!"],
)
def test_a_question_with_a_greeting_is_no_small_talk(text):
    assert smalltalk(text, "de") is None


def test_the_phrases_are_data_in_knowledge():
    from faq.language.lexicon import words

    assert "hallo" in words("smalltalk_greeting", "de") and "thanks" in words("smalltalk_thanks", "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok", ("ack", "de")),
        ("Okay.", ("ack", "de")),
        ("alles klar", ("ack", "de")),
        ("Got it!", ("ack", "en")),
        ("ok danke", ("thanks", "de")),  # phrases run together without punctuation
        ("alles klar, danke, tschüss", ("goodbye", "de")),
    ],
)
def test_acknowledgements_are_small_talk(text, expected):
    assert smalltalk(text, "de") == expected


def test_ok_answers_in_the_conversations_language():
    assert smalltalk("ok", "en") == ("ack", "en")


@pytest.mark.parametrize("text", ["ok, und wer bekommt die Mail?", "ok the link expired", "gut gut gut gut gut"])
def test_an_acknowledgement_before_a_question_is_no_small_talk(text):
    assert smalltalk(text, "de") is None


@pytest.mark.parametrize("text", ["ja", "Nein.", "yes", "nope"])
def test_a_yes_or_no_alone_is_its_own_kind(text):
    assert smalltalk(text, "de")[0] == "yesno"


@pytest.mark.parametrize(("text", "lang"), [("w", "de"), ("j", "de"), ("u", "en"), ("n", "en")])
def test_an_answer_key_typed_with_no_question_open_asks_what_it_refers_to_not_the_faq(text, lang):
    from chat_helpers import TODAY, kb_and_matcher

    from bot.chat.dialogue import Dialogue, SmallTalk

    d = Dialogue(*kb_and_matcher(), TODAY, lang=lang)
    d.start_flow("missing-activation-email")
    d.submit("m.schulz@outlook.com")  # the result: no question open any more
    *_, reply = d.submit(text)  # one key too many: not "the FAQ has no answer to that"
    assert isinstance(reply, SmallTalk) and reply.kind == "yesno"


@pytest.mark.parametrize("text", ["Servus zusammen, kurze Frage", "na dann danke", "zusammen danke"])
def test_a_part_that_starts_with_no_phrase_is_no_small_talk(text):
    assert smalltalk(text) is None
