"""Commands typed with a slash ("/hilfe", "/zurück"): read as commands, never as questions."""

from __future__ import annotations

from chat_helpers import make_app, screen_text, text_when, type_line

from bot.chat.dialogue import FlowStep, Notice, UserMessage
from bot.chat.slash import CHAT_ACTIONS, DIALOGUE_ACTIONS, slash_action, slash_list, slash_word
from faq.language.catalogue import tr

SIZE = (100, 30)


def test_a_slash_and_one_word_is_a_command_and_nothing_else_is():
    assert slash_word("/Hilfe") == "hilfe"
    assert slash_word("  /zurück! ") == "zurück"
    assert slash_word("/") == ""
    assert slash_word("/ab und zu fehlt die Mail") is None
    assert slash_word("Lizenzen 1/2 fehlen") is None
    assert slash_word("Wo ist die Aktivierungsmail?") is None


def test_command_words_work_in_either_language():
    assert slash_action("hilfe") == slash_action("help") == "help"
    assert slash_action("neu") == slash_action("restart") == "restart"
    assert slash_action("back", DIALOGUE_ACTIONS) == "back"
    assert slash_action("speichern", DIALOGUE_ACTIONS) is None  # the web page has no files
    assert slash_action("xyz") is None


def test_every_listed_command_names_its_action():
    for lang in ("de", "en"):
        shown = slash_list(lang, CHAT_ACTIONS).split(", ")
        assert len(shown) == len(CHAT_ACTIONS)
        assert [slash_action(slash_word(name) or "") for name in shown] == list(CHAT_ACTIONS)


async def test_slash_help_shows_the_help_instead_of_no_answer():
    app = make_app(store=None)
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "/hilfe")
        assert not any(isinstance(item, UserMessage) for item in app.dialogue.items)  # not asked as a question
        assert app.dialogue.items[-1].key == "general_help"
        text = await text_when(pilot, lambda t: "So geht's" in t)
        assert "So geht's" in text and "keine Antwort" not in text


async def test_an_unknown_slash_command_lists_the_commands_in_the_shown_language():
    app = make_app(store=None)
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "/foo")
        last = app.dialogue.items[-1]
        assert isinstance(last, Notice) and last.key == "slash_unknown"
        text = await text_when(pilot, lambda t: "kein Befehl" in t)
        assert "„/foo“ ist hier kein Befehl" in text and "/hilfe" in text
        await type_line(pilot, "/english")  # switches, and the list follows the language
        assert app.dialogue.shown_lang == "en"
        text = await text_when(pilot, lambda t: "not a command" in t)
        assert "/help" in text and "/hilfe" not in text


async def test_slash_back_in_a_diagnosis_takes_back_the_last_answer():
    app = make_app(store=None)
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Wir haben keine Aktivierungsmail bekommen")
        app.pick(next(o for o in app.dialogue.options if o.kind == "flow"))
        await pilot.pause()
        first = app.dialogue.current_fact
        await type_line(pilot, "service@kanzlei-weber.de")
        assert app.dialogue.current_fact != first
        await type_line(pilot, "/back")
        assert app.dialogue.current_fact == first
        assert isinstance(app.dialogue.items[-1], FlowStep)
        assert tr("de", "back_done", fact=first.question.get("de"))[:20] in screen_text(app)
