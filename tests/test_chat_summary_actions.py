"""The chat's case summary: shown in a dialog, saved, copied, or where the terminal refuses
copying, a line that says so and names the way to a file."""

from __future__ import annotations

import pytest
from chat_helpers import make_app, screen_text, settle, type_line

from bot.chat.dialogue import FlowResult
from faq.language.catalogue import tr

SIZE = (80, 24)


def _flat(app) -> str:
    """The screen's words in one line, without the borders and bars between wrapped lines."""
    return " ".join(w for w in screen_text(app).split() if w.strip("█│▎▊▕▏▔▁ ▆▇▅▄▃▂"))


async def _copy_outlook_result(pilot) -> None:
    """Diagnose the missing mail to the outlook.com cause, then press Ctrl+K to copy the summary."""
    await pilot.press("1", "enter", "1", "enter")
    await pilot.pause()
    await type_line(pilot, "m.schulz@outlook.com")
    await pilot.press("ctrl+k")
    await pilot.pause()


@pytest.mark.parametrize(("lang", "env", "name", "told"), [
    ("de", {"TMUX": "/tmp/tmux-1000/default,4242,0"}, "tmux", "copy_blocked_tmux"),  # with tmux's fix
    ("en", {"TERM_PROGRAM": "Apple_Terminal"}, "Terminal (macOS)", "copy_blocked"),
])
async def test_where_the_terminal_refuses_copying_ctrl_k_says_so_and_names_ctrl_s(monkeypatch, lang, env, name, told):
    import bot.chat.clipboard as clipboard

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(clipboard, "tmux_set_clipboard", lambda: "external")  # tmux's default
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await _copy_outlook_result(pilot)
        notice = app.dialogue.items[-1]
        assert app.clipboard == "" and notice.key == told and notice.args == {"terminal": name}
        shown = " ".join(screen_text(app).split())
        assert tr(lang, told, terminal=name)[:30] in shown and ("set-clipboard" in shown) == (name == "tmux")


async def test_ctrl_r_has_one_meaning_and_copying_speaks_no_jargon():
    from bot.chat.agent_screen import AgentScreen
    from faq.language.catalogue import catalogue

    assert not [b for b in AgentScreen.BINDINGS if "ctrl+r" in b.key.split(",")]
    for lang, texts in catalogue().items():
        assert not [k for k, t in texts.items() if "OSC" in t], lang
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _copy_outlook_result(pilot)
        assert "Zwischenablage kopiert" in _flat(app)


async def test_the_summary_is_rendered_and_names_no_ids():
    from textual.widgets import Markdown

    from bot.chat.summary_screen import SummaryScreen

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        await pilot.pause()
        await type_line(pilot, "m.schulz@outlook.com")
        await pilot.press("1", "enter")  # show the summary
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.screen.query(Markdown)
        text = screen_text(app)
        assert "Ursache" in text and "## " not in text and "**" not in text
        assert "outlook-com-address" not in text and "osm_email" not in text


async def test_the_summary_of_an_english_case_in_the_german_chat_is_shown_in_english_chrome_and_all():
    """The dialog's title and buttons speak the summary's language, not the interface's."""
    from bot.chat.summary_screen import SummaryScreen

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await type_line(pilot, "We never got the activation email, what can we do?")
        await type_line(pilot, "1")  # start the diagnosis, asked in English
        await type_line(pilot, "m.schulz@outlook.com")
        await type_line(pilot, "1")  # show the summary
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert tr("en", "summary_title") in text and tr("en", "close") in text and tr("en", "copy") in text
        assert tr("de", "summary_title") not in text and tr("de", "close") not in text


async def test_a_result_taken_back_is_not_saved_as_the_case_summary(tmp_path):
    app = make_app(summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        await pilot.pause()
        await type_line(pilot, "m.schulz@outlook.com")
        assert isinstance(app.dialogue.items[-1], FlowResult)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert app.dialogue.flow_active and app.summary_text() is None
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert list(tmp_path.iterdir()) == []  # the outlook.com result no longer holds
        await type_line(pilot, "it@firma.de")
        assert app.dialogue.current_fact is not None and app.dialogue.current_fact.id != "osm_email"
