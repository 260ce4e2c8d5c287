"""The chat's input lines (bot.chat.chat_input): a paste holds what a person reads."""

from __future__ import annotations

import pytest
from chat_helpers import make_app
from textual import events

from bot.chat.app import ChatInput
from bot.chat.chat_input import readable
from bot.chat.dialogue import UserMessage

COLOURED = "\x1b[1;31mWARN\x1b[0m: Die Aktivierungsmail\x07 ist \x1b]0;term\x07nie angekommen.\r\nWas tun?"


@pytest.mark.parametrize(("pasted", "held"), [
    (COLOURED, "WARN: Die Aktivierungsmail ist nie angekommen. Was tun?"),
    ("\x1b[32mlicence\x1b[39m\tmissing", "licence missing"),
    ("ganz normal", "ganz normal"),
    ("Der Link ist abgelaufen.\rWas nun?", "Der Link ist abgelaufen. Was nun?"),  # a terminal pastes CR
    ("The mail never came\r\rOSM: it@firma.de", "The mail never came  OSM: it@firma.de"),
])
def test_readable_drops_escape_sequences_and_control_characters(pasted: str, held: str) -> None:
    assert readable(pasted) == held


async def test_a_coloured_paste_of_two_lines_arrives_whole_as_its_words_and_lines() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(ChatInput)
        prompt.post_message(events.Paste(COLOURED))
        await pilot.pause()
        assert prompt.value == "WARN: Die Aktivierungsmail ist nie angekommen.\nWas tun?"
        await pilot.press("enter")
        await pilot.pause()
        said = [i for i in app.dialogue.items if isinstance(i, UserMessage)]
        assert said and said[-1].text == "WARN: Die Aktivierungsmail ist nie angekommen.\nWas tun?"
        assert prompt.value == ""


@pytest.mark.parametrize("newline", ["shift+enter", "ctrl+j"])
async def test_a_new_line_key_starts_a_line_and_enter_sends_them_all(newline: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(ChatInput)
        await pilot.press(*"Guten Tag,", newline, *"die Mail fehlt.")
        await pilot.pause()
        assert prompt.value == "Guten Tag,\ndie Mail fehlt." and prompt.size.height >= 2  # the field grows
        assert not [i for i in app.dialogue.items if isinstance(i, UserMessage)]  # nothing sent yet
        await pilot.press("enter")
        await pilot.pause()
        said = [i for i in app.dialogue.items if isinstance(i, UserMessage)]
        assert [m.text for m in said] == ["Guten Tag,\ndie Mail fehlt."] and prompt.value == ""


async def test_a_pasted_mail_keeps_its_lines_and_the_field_stays_a_few_lines_high() -> None:
    app = make_app()
    mail = "\r\n".join(f"Zeile {n} der weitergeleiteten Nachricht" for n in range(1, 21))
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(ChatInput)
        prompt.post_message(events.Paste(mail))
        await pilot.pause()
        assert prompt.value.splitlines() == mail.split("\r\n")
        assert 3 <= prompt.size.height <= 8  # it scrolls inside; the conversation keeps the screen


async def test_up_and_down_move_between_lines_and_scroll_the_log_from_the_edges() -> None:
    from textual.containers import VerticalScroll

    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        log = app.query_one("#log", VerticalScroll)
        prompt = app.query_one(ChatInput)
        await pilot.press(*"eins", "ctrl+j", *"zwei")
        await pilot.pause()
        log.scroll_end(animate=False)  # the field grew a line: the newest messages stay in view
        await pilot.pause()
        bottom = log.scroll_y
        await pilot.press("up")
        await pilot.pause()
        assert prompt.cursor_location[0] == 0 and log.scroll_y == bottom  # a line up, in the field
        await pilot.press("up")
        await pilot.pause()
        assert log.scroll_y < bottom and prompt.value == "eins\nzwei"  # from the first line: the log


def test_the_terminal_parser_keeps_a_coloured_paste_whole_as_one_paste() -> None:
    from textual import events as ev

    from bot.chat.paste import PasteParser

    parser = PasteParser()
    stream = "\x1b[200~" + COLOURED + "\x1b[201~x"
    got = [t for i in range(0, len(stream), 7) for t in parser.feed(stream[i:i + 7])]  # in chunks, cut anywhere
    pastes = [t.text for t in got if isinstance(t, ev.Paste)]
    keys = [t.character for t in got if isinstance(t, ev.Key)]
    assert [readable(p) for p in pastes] == ["WARN: Die Aktivierungsmail ist nie angekommen. Was tun?"]
    assert keys == ["x"]  # typed after the paste: a key as before


def test_outside_a_paste_the_escape_key_and_arrows_are_keys() -> None:
    from textual import events as ev

    from bot.chat.paste import PasteParser

    parser = PasteParser()
    got = list(parser.feed("\x1b[A")) + list(parser.feed("a"))
    assert [t.key for t in got if isinstance(t, ev.Key)] == ["up", "a"]


async def test_keys_typed_fast_after_the_new_line_key_land_on_the_new_line() -> None:
    """A terminal sends a line typed or pasted by a tool as one burst: the new line keeps its place."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for key, char in [*((c, c) for c in "ab"), ("ctrl+j", "\n"), *((c, c) for c in "cd")]:
            app.post_message(events.Key(key, char))  # no pause between them
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(ChatInput).value == "ab\ncd"


async def test_a_paste_beyond_what_the_field_holds_is_cut_to_fit_with_a_notice() -> None:
    from faq.language.catalogue import count, tr

    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(ChatInput)
        await pilot.press(*"Hi")
        mail = "\r\n".join(["Zeile mit etwas Text der weitergeleiteten Mail"] * 400)
        prompt.post_message(events.Paste(mail))
        await pilot.pause()
        assert len(prompt.value) == prompt.max_length and prompt.value.startswith("HiZeile mit")
        assert "\r" not in prompt.value and prompt.value.count("\n") > 100  # its lines kept, as far as it goes
        assert tr("en", "input_limit", n=count(prompt.max_length, "en")) in [n.message for n in app._notifications]
