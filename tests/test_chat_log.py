"""The conversation log: new messages in view (an answer by its end and menu), kept there
through a resize unless the user scrolled away, scrolled from the input by keys."""

from __future__ import annotations

import pytest
from chat_helpers import TODAY, make_app, screen_text, settle, type_line

from bot.chat.app import ChatApp, ChatInput

SIZE = (80, 24)


async def _long_answer(pilot) -> None:
    await type_line(pilot, "Aktivierungsmail nicht erhalten", refreshes=4)
    await pilot.pause()


async def _resize(pilot, width: int, height: int) -> str:
    await pilot.resize_terminal(width, height)
    for _ in range(6):
        await pilot.pause()
    return screen_text(pilot.app)


async def test_a_narrower_terminal_keeps_the_newest_answer_in_view():
    app = make_app(store=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await type_line(pilot, "Does the activation link expire?", refreshes=4)
        await type_line(pilot, "Kann ich die Mail mit dem Aktivierungslink noch einmal bekommen?", refreshes=4)
        for size in ((48, 18), (70, 16)):  # rewrapped, the end and the menu are still in view
            await _resize(pilot, *size)
            view = pilot.app.query_one("#log").content_region
            last = pilot.app.query("#log .option").last()  # the end of the newest message: its menu
            assert last.region.height > 0 and view.contains_region(last.region)


async def test_after_scrolling_back_a_resize_leaves_the_view_where_the_user_went():
    app = make_app(store=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await type_line(pilot, "Does the activation link expire?", refreshes=4)
        await type_line(pilot, "Kann ich die Mail mit dem Aktivierungslink noch einmal bekommen?", refreshes=4)
        await pilot.press("ctrl+home")
        await pilot.pause()
        text = await _resize(pilot, 48, 18)
        assert "Guten Tag!" in text


@pytest.mark.parametrize("size", [SIZE, (100, 30), (60, 20)])
async def test_a_long_answer_shows_its_end_and_its_whole_menu(size):
    """An answer taller than the log is shown with its end and every item of its "Weiter mit"
    menu in view (not from its top, which left one menu item of five on screen)."""
    from textual.containers import VerticalScroll

    from faq.search.cache import load

    kb, matcher = load()  # the bundled knowledge: its answer has a diagnosis and four related topics
    app = ChatApp(kb, matcher, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await type_line(pilot, "Aktivierungsmail nicht erhalten", refreshes=4)
        await settle(pilot)
        log = app.query_one("#log", VerticalScroll)
        card = app.query(".card.answer").last()
        buttons = list(card.query(".option"))
        assert len(buttons) == 5 and log.max_scroll_y > 0  # taller than the log
        view = log.content_region
        for widget in [*buttons, card.query(".contact").last()]:  # the answer's end and the whole menu
            assert widget.region.height > 0 and view.contains_region(widget.region), widget
        assert log.scroll_y == log.max_scroll_y
        title = card.query(".title").first()
        for _ in range(4):  # its head is a few PageUps away, from the input
            await pilot.press("pageup")
            await settle(pilot)
            if view.contains_region(title.region):
                break
        assert title.region.height > 0 and view.contains_region(title.region)


async def test_scrolling_from_the_input_without_losing_keys():
    from textual.containers import VerticalScroll

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _long_answer(pilot)
        log = app.query_one("#log", VerticalScroll)
        assert log.max_scroll_y > 0 and isinstance(app.focused, ChatInput)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert log.scroll_y == log.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert log.scroll_y < log.max_scroll_y
        await pilot.press("ctrl+end", "ctrl+home")
        await pilot.pause()
        assert log.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert log.scroll_y > 0 and isinstance(app.focused, ChatInput)
        await pilot.press("tab")  # the focus leaves the input: typed keys still reach it
        await pilot.pause()
        assert not isinstance(app.focused, ChatInput)
        await pilot.press("w", "i", "e")
        await pilot.pause()
        assert isinstance(app.focused, ChatInput) and app.focused.value == "wie"
