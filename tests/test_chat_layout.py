"""The chat's frame: its footer keys and a conversation log that keeps the newest messages in
view when the terminal is resized."""

from __future__ import annotations

from chat_helpers import make_app, screen_text

from bot.chat.layout import chat_bindings


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.press("enter")
    for _ in range(4):
        await pilot.pause()


async def _resize(pilot, width: int, height: int) -> str:
    await pilot.resize_terminal(width, height)
    for _ in range(6):
        await pilot.pause()
    return screen_text(pilot.app)


def test_every_key_is_bound_in_both_languages():
    described = [b for b in chat_bindings() if getattr(b, "description", "")]
    actions = {b.action.split("(")[0] for b in described}
    for action in actions:
        langs = {b.action for b in described if b.action.startswith(action + "(")}
        assert {f"{action}('de')", f"{action}('en')"} <= langs


async def test_a_narrower_terminal_keeps_the_newest_answer_in_view():
    app = make_app(store=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await _type(pilot, "Does the activation link expire?")
        await _type(pilot, "Kann ich die Mail mit dem Aktivierungslink noch einmal bekommen?")
        for size in ((48, 18), (70, 16)):  # rewrapped, the end and the menu are still in view
            await _resize(pilot, *size)
            view = pilot.app.query_one("#log").content_region
            last = pilot.app.query("#log .option").last()  # the end of the newest message: its menu
            assert last.region.height > 0 and view.contains_region(last.region)


async def test_after_scrolling_back_a_resize_leaves_the_view_where_the_user_went():
    app = make_app(store=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await _type(pilot, "Does the activation link expire?")
        await _type(pilot, "Kann ich die Mail mit dem Aktivierungslink noch einmal bekommen?")
        await pilot.press("ctrl+home")
        await pilot.pause()
        text = await _resize(pilot, 48, 18)
        assert "Guten Tag!" in text
