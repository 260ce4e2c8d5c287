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


async def test_a_coloured_paste_of_two_lines_arrives_whole_as_its_words() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(ChatInput)
        prompt.post_message(events.Paste(COLOURED))
        await pilot.pause()
        assert prompt.value == "WARN: Die Aktivierungsmail ist nie angekommen. Was tun?"
        await pilot.press("enter")
        await pilot.pause()
        said = [i for i in app.dialogue.items if isinstance(i, UserMessage)]
        assert said and said[-1].text == "WARN: Die Aktivierungsmail ist nie angekommen. Was tun?"


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
