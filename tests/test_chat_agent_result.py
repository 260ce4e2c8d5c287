"""The agent view's result panel on its own: the cards of a case, the reply with its buttons,
an explained bad answer, the status line, nothing before a ticket is analysed."""

from __future__ import annotations

from chat_helpers import TODAY, screen_text
from textual.app import App, ComposeResult
from textual.widgets import Static, TextArea

from bot.chat.agent_case import AgentCase
from bot.chat.agent_result import AgentResult
from faq.language.catalogue import tr

OPEN_TICKET = "Guten Tag, seit der Bestellung von E5 warten wir auf die Aktivierungsmail. Gruß, Jonas Beck"


class _Panel(App[None]):
    def compose(self) -> ComposeResult:
        yield AgentResult(id="agent-result")


def _case(text: str) -> AgentCase:
    from faq.search.cache import load

    kb, matcher = load()  # the bundled knowledge
    return AgentCase(text, kb, matcher, TODAY)


async def test_an_open_case_shows_its_question_and_the_reply_with_both_buttons():
    app = _Panel()
    async with app.run_test(size=(100, 60)) as pilot:
        panel = app.query_one(AgentResult)
        case = _case(OPEN_TICKET)
        assert case.question is not None
        await panel.show(case, "de")
        await pilot.pause()
        assert panel.query("#agent-question") and not panel.query("#agent-cause")
        assert panel.query_one("#agent-reply", TextArea).text == case.reply
        assert panel.query("#agent-copy") and panel.query("#agent-save-reply")
        assert tr("de", "agent_reply") in screen_text(app)


async def test_a_bad_answer_is_explained_once_under_the_question_and_the_status_line_changes():
    app = _Panel()
    async with app.run_test(size=(100, 60)) as pilot:
        panel = app.query_one(AgentResult)
        await panel.show(_case(OPEN_TICKET), "en")
        await panel.show_error("first reason", "en")
        await panel.show_error("second reason", "en")
        panel.set_status("saved somewhere")
        await pilot.pause()
        errors = panel.query("#agent-error")
        assert len(errors) == 1 and "second reason" in str(errors.first(Static).render())
        assert "saved somewhere" in str(panel.query_one("#agent-status", Static).render())


async def test_no_case_leaves_the_panel_empty():
    app = _Panel()
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.query_one(AgentResult)
        await panel.show(_case(OPEN_TICKET), "de")
        await panel.show(None, "de")
        await pilot.pause()
        assert not panel.children
