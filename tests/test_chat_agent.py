"""The agent view (`faqbot agent`, F3 in the chat): paste a ticket, triage it, answer what is
open by keyboard, copy the reply, save the case summary. Driven by Textual's pilot.

The example tickets of the issue run on the bundled knowledge base (expected texts are
read from it, not copied); the snapshot uses the small fixture knowledge base, so it
only changes when the view does.
"""

from __future__ import annotations

import argparse
import re
from functools import lru_cache
from pathlib import Path

import pytest
from chat_helpers import TODAY, kb_and_matcher, screen_text, text_when

from bot.chat.agent import AgentCase, AgentScreen, AnswerInput, TicketArea
from bot.chat.app import ChatApp, ChatInput
from faq.flows.engine import fill
from faq.kb.loader import load_knowledge_base
from faq.language.catalogue import tr
from faq.search.matcher import Matcher

SIZE = (100, 30)
SMALL = (80, 24)
KB_DIR = Path(__file__).resolve().parent.parent / "knowledge"

OUTLOOK = "Hallo, unser OSM ist anna.meier@outlook.com. Wir haben E3 bestellt, aber es kam keine Aktivierungs-E-Mail."
OPEN = "Hallo, wir haben E3 bestellt, aber die Aktivierungs-E-Mail ist nie angekommen. OSM ist it@firma.de."
MARKUP = "[bold]x[/bold] [@click=app.quit]y[/] [link=https://evil.example]z[/link] [$accent]w[/]"


@lru_cache(maxsize=1)
def bundled():
    """The bundled knowledge base and its matcher."""
    kb = load_knowledge_base(KB_DIR)
    return kb, Matcher(kb)


def agent_app(tmp_path=None, fixture: bool = False, **kwargs) -> ChatApp:
    """The chat app started on the agent view (as `faqbot agent` does), fixed date, no store."""
    kb, matcher = kb_and_matcher() if fixture else bundled()
    if tmp_path is not None:
        kwargs.setdefault("summary_dir", tmp_path)
    return ChatApp(kb, matcher, TODAY, agent=True, **kwargs)


async def _triage(pilot, text: str) -> AgentScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AgentScreen)
    screen.query_one(TicketArea).text = text
    await pilot.press("f5")
    await pilot.pause()
    await pilot.pause()
    return screen


def _resolution_title(screen: AgentScreen, lang: str = "de") -> str:
    case = screen.case
    diag = case.diagnosis
    return fill(diag.resolution.title.get(lang), diag, lang, case.flow)


async def test_starts_on_the_agent_view_with_the_ticket_area_focused():
    app = agent_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AgentScreen)
        assert isinstance(app.focused, TicketArea)
        text = screen_text(app)
        assert "Agentenansicht" in text and "Analysieren" in text
        assert "Beenden" in text  # Ctrl+Q still quits


async def test_ticket_settles_the_cause():
    kb, _ = bundled()
    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, OUTLOOK)
        case = screen.case
        assert case.result.id == "activation-email-missing"
        assert case.cause == "outlook-com-address" and case.question is None
        assert case.facts["osm_email"] == "anna.meier@outlook.com"
        text = screen_text(app)
        assert f"Thema: {kb.entry('activation-email-missing').title.de}" in text
        assert "activation-email-missing" not in text  # titles, not ids
        conf = case.result.match.confidence
        level = "hohe" if conf >= 0.7 else "mittlere" if conf >= 0.4 else "geringe"
        assert f"{level} Sicherheit ({round(100 * conf)} %), Thema gewählt" in text
        assert "anna.meier@outlook.com" in text
        assert "aus: „unser OSM ist anna.meier@outlook.com.“" in text  # the words the fact was read from
        assert f"Ursache: {_resolution_title(screen)}" in " ".join(text.split())
        reply = app.screen.query_one("#agent-reply")
        assert reply.read_only and reply.text == case.reply and reply.text.startswith("Guten Tag,")


async def test_rejecting_a_fact_read_from_the_ticket_changes_the_diagnosis():
    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, OUTLOOK)
        case = screen.case
        assert case.cause == "outlook-com-address" and screen.query_one("#agent-cause").children
        button = screen.query_one("#reject-osm_email")
        screen.query_one("#agent-body").scroll_to_widget(button, animate=False)
        await pilot.pause()
        await pilot.click("#reject-osm_email")
        await pilot.pause()
        await pilot.pause()
        assert case.rejected == ["osm_email"] and "osm_email" not in case.facts
        assert case.cause is None and case.question is not None and case.question.id == "osm_email"
        assert "outlook.com" not in screen.query_one("#agent-reply").text
        # what the view shows follows at once: no cause card, the question asked, the reply rewritten
        assert not [card for card in screen.query("#agent-cause") if card.children] and screen.query("#agent-question")
        assert screen.query_one("#agent-reply").text == case.reply
        assert tr("de", "agent_rejected") in screen_text(app)
        screen.query_one(AnswerInput).value = "it@firma.de"  # the agent corrects it: no longer to be asked
        screen.query_one(AnswerInput).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert case.facts["osm_email"] == "it@firma.de"
        assert case.question is not None and case.question.id != "osm_email"  # the next question, not the address again
        assert screen.query_one("#agent-reply").text == case.reply
        text = screen_text(app)
        assert tr("de", "agent_rejected_corrected") in text and tr("de", "agent_rejected") not in text


async def test_a_ticket_file_corrected_by_keyboard_alone_updates_diagnosis_and_reply_at_once():
    """A real mail: its unneeded fact rejected, then the address the cause rests on, corrected;
    Tab and Enter only, the focus where the next step is."""
    ticket = (Path(__file__).parent / "fixtures" / "tickets" / "sample.eml").read_text(encoding="utf-8")
    app = agent_app()
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await _triage(pilot, ticket)
        case = screen.case
        assert case.cause == "outlook-com-address" and {"osm_email", "junk_checked"} <= set(case.facts)
        while app.focused is None or app.focused.id != "reject-junk_checked":
            await pilot.press("tab")
        await pilot.press("enter")  # not needed for the result: nothing asked, the focus stays on the facts
        await pilot.pause()
        assert case.rejected == ["junk_checked"] and case.cause == "outlook-com-address"
        assert app.focused is not None and app.focused.id == "reject-osm_email"
        await pilot.press("enter")  # the address the cause rests on: asked at once, in the answer field
        await pilot.pause()
        assert case.cause is None and case.question is not None and case.question.id == "osm_email"
        assert isinstance(app.focused, AnswerInput)
        assert "outlook.com" not in screen.query_one("#agent-reply").text
        assert tr("de", "agent_no_facts") not in screen_text(app)  # both were read, then rejected: not "none"
        await pilot.press(*"it@firma.de", "enter")
        await pilot.pause()
        assert case.facts["osm_email"] == "it@firma.de" and case.question is not None
        assert screen.query_one("#agent-reply").text == case.reply and isinstance(app.focused, AnswerInput)


async def test_a_long_paste_into_the_answer_field_is_cut_with_a_notice_not_dropped_with_a_bell():
    from textual import events

    from faq.language.catalogue import count

    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, OPEN)
        field = screen.query_one(AnswerInput)
        reply = "Die Adresse ist it@firma.de, so steht es in der Registrierung, sagt unsere Buchhaltung. " * 4
        assert len(reply) > field.max_length
        field.post_message(events.Paste(reply))
        await pilot.pause()
        assert field.value == reply[: field.max_length]  # Textual alone drops the whole paste, with a bell
        assert tr("de", "input_limit", n=count(field.max_length, "de")) in [n.message for n in app._notifications]


async def test_a_rejected_fact_the_result_does_not_need_is_not_promised_as_asked_again():
    ticket = ("Guten Tag, unser OSM ist lizenzen@weingut-kraus.de. Die Domäne weingut-kraus.de ist bei uns "
              "schon für Microsoft 365 verifiziert. Eine Aktivierungsmail kam nie an.")
    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, ticket)
        case = screen.case
        assert case.cause == "domain-verified" and "osm_email" in case.facts
        button = screen.query_one("#reject-osm_email")
        screen.query_one("#agent-body").scroll_to_widget(button, animate=False)
        await pilot.pause()
        await pilot.click("#reject-osm_email")
        await pilot.pause()
        await pilot.pause()
        assert case.rejected == ["osm_email"] and case.cause == "domain-verified" and case.question is None
        text = screen_text(app)
        assert tr("de", "agent_rejected_unneeded") in text and tr("de", "agent_rejected") not in text


async def test_remaining_questions_answered_by_keyboard():
    kb, _ = bundled()
    app = agent_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await _triage(pilot, OPEN)
        case = screen.case
        assert case.cause is None and case.question.id == "usage_start"
        assert isinstance(app.focused, AnswerInput)  # the answer control has the focus
        first_reply = case.reply
        help_text = screen.query_one("#agent-question .help")
        assert not help_text.display
        await pilot.press("f1")  # the question's help, as in the chat
        await pilot.pause()
        assert help_text.display
        await pilot.press(*"31.02.2026", "enter")  # impossible date: explained, still asked
        await pilot.pause()
        assert case.question.id == "usage_start"
        assert "Februar 2026 hat 28 Tage" in screen_text(app) and "usage_start" not in screen_text(app)
        assert app.focused.value == "31.02.2026"  # kept, to be corrected
        await pilot.press(*"01.10.2026", "enter")  # the bad value is selected: typing replaces it
        await pilot.pause()
        await pilot.pause()
        assert case.question.id == "junk_checked" and case.question.type == "yesno"
        assert "j/1 Ja" in screen_text(app)
        assert isinstance(app.focused, AnswerInput)  # a yes/no question is answered in the field too
        await pilot.press("n")  # a key alone answers nothing, as in the customer chat
        await pilot.pause()
        assert case.question.id == "junk_checked" and app.focused.value == "n"
        await pilot.press("enter")  # n and Enter: no
        await pilot.pause()
        await pilot.pause()
        assert case.question is None and case.cause == "junk-folder"
        assert list(case.diagnosis.path) == ["osm_email", "order_placed", "usage_start", "junk_checked"]
        text = " ".join(screen_text(app).split())
        assert f"Ursache: {_resolution_title(screen)}" in text
        assert case.reply != first_reply and app.screen.query_one("#agent-reply").text == case.reply
        await pilot.press("ctrl+b")  # take back the last answer: the yes/no question again
        await pilot.pause()
        assert case.question.id == "junk_checked" and "junk_checked" not in case.answers


async def test_markup_and_control_characters_in_a_ticket_stay_text(tmp_path):
    app = agent_app(tmp_path)
    ticket = ("Hallo, unser OSM ist anna.meier@outlook.com [b]x[/b]. Wir haben E3 bestellt, aber es kam keine "
              f"Aktivierungs-E-Mail.\n{MARKUP}\x1b]0;pwned\x07")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, ticket)
        assert app.is_running and screen.case.cause == "outlook-com-address"
        area = screen.query_one(TicketArea)
        assert "\x1b" not in area.text and "\x07" not in area.text and "pwned" not in area.text  # the OSC is gone
        assert "\x1b" not in screen.case.ticket
        assert "[b]x[/b]" in screen_text(app)  # the evidence quotes the sentence literally
        screen.query_one("#agent-body").scroll_home(animate=False)
        await pilot.pause()
        text = screen_text(app)
        assert MARKUP in text  # the ticket, as pasted
        for key in ("ctrl+s", "ctrl+k"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, AgentScreen)
        saved = (tmp_path / f"faqbot-fall-{TODAY.isoformat()}-1.md").read_text(encoding="utf-8")
        assert MARKUP in saved and app.clipboard == screen.case.reply


async def test_a_ticket_over_the_limit_stays_whole_in_the_field_and_its_start_is_analysed():
    from faq.language.catalogue import count
    from faq.language.text import MAX_INPUT_CHARS

    app = agent_app()
    history = "\n".join(f"> Zeile {n} des zitierten Verlaufs, nichts Neues darin." for n in range(400))
    ticket = f"{OUTLOOK}\n{history}\nDas Ende des Tickets, hier nach dem Limit."
    assert len(ticket) > MAX_INPUT_CHARS
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, ticket)
        assert screen.query_one(TicketArea).text == ticket  # nothing of the paste lost
        assert screen.case.cause == "outlook-com-address"  # its start analysed
        told = tr("de", "agent_cut", n=count(MAX_INPUT_CHARS, "de"), size=count(len(ticket), "de"))
        assert [n.message for n in app._notifications] == [told]


async def test_summary_saved_never_overwritten_and_reply_copied(tmp_path):
    app = agent_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, OUTLOOK + "\n\nViele Grüße\nAnna Meier")
        await pilot.press("ctrl+s")
        await pilot.pause()
        first = tmp_path / f"faqbot-fall-{TODAY.isoformat()}-1.md"
        summary = first.read_text(encoding="utf-8")
        cause = screen.case.flow.cause("outlook-com-address").resolution.title.de
        assert f"**{cause}**" in summary and "`outlook-com-address`" not in summary and "osm_email" not in summary
        assert "## Ticket" in summary and OUTLOOK in summary and "Anna Meier" in summary
        assert "## Antwortvorschlag" in summary and screen.case.reply.splitlines()[0] in summary
        assert "## Nächster Schritt" in summary
        shown = str(screen.query_one("#agent-status").render())
        assert shown == f"Zusammenfassung gespeichert: {first.resolve()}"  # the full path, to find it
        assert any(n.message == shown for n in app._notifications)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (tmp_path / f"faqbot-fall-{TODAY.isoformat()}-2.md").exists()
        assert first.read_text(encoding="utf-8") == summary
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert app.clipboard == screen.case.reply


async def test_redacted_summary_masks_the_ticket(tmp_path):
    app = agent_app(tmp_path, redact=True)
    async with app.run_test(size=SIZE) as pilot:
        await _triage(pilot, OUTLOOK + "\n\nViele Grüße\nAnna Meier")
        await pilot.press("ctrl+s")
        await pilot.pause()
        summary = (tmp_path / f"faqbot-fall-{TODAY.isoformat()}-1.md").read_text(encoding="utf-8")
        assert "anna.meier" not in summary and "a***@outlook.com" in summary
        assert "Anna Meier" not in summary and "## Ursache" in summary


def test_summary_of_an_open_case_names_the_question():
    kb, matcher = bundled()
    case = AgentCase(OPEN, kb, matcher, TODAY)
    summary = case.summary("de")
    question = case.flow.fact("usage_start").question.de
    assert "noch offen" in summary and f"Den Kunden fragen: {question}" in summary and "usage_start" not in summary
    assert "| it@firma.de |" in summary and "```text\n" + OPEN in summary
    english = case.summary("en")
    assert "## Next step" in english and "Ask the customer" in english


@pytest.mark.parametrize(("ticket", "lang", "approximate", "exact"), [
    ("Der Nutzungsbeginn war vor etwa 30 Stunden, die Aktivierungsmail fehlt noch.", "de",
     "etwa 23.11.2026, „vor etwa 30 Stunden“ |", "| 23.11.2026 |"),
    ("Our usage start was roughly 30 hours ago and the activation email is still missing.", "en",
     "around 23 Nov 2026, “roughly 30 hours ago” |", "| 23 Nov 2026 |"),
])
def test_summary_shows_a_date_from_a_rough_span_as_approximate(ticket, lang, approximate, exact):
    kb, matcher = bundled()
    summary = AgentCase(ticket, kb, matcher, TODAY).summary(lang)
    assert approximate in summary and exact not in summary  # the facts table
    cause = summary.split("\n## ")[2]  # the cause's text: the 48 hours run out on one of two days, the later is safe
    assert ("ab 26.11.2026 (spätestens – je nach genauem Tag schon ab 25.11.2026)" in cause
            or "26 Nov 2026 (at the latest – depending on the exact day, from 25 Nov 2026)" in cause)


def test_ticket_with_backticks_stays_inside_its_code_block():
    kb, matcher = bundled()
    case = AgentCase("Aktivierungs-E-Mail nicht erhalten ```\n# Überschrift", kb, matcher, TODAY)
    summary = case.summary("de")
    assert "````text\n" in summary and "\n````" in summary


async def test_new_ticket_language_switch_and_back_to_the_chat():
    app = agent_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await _triage(pilot, OUTLOOK)
        await pilot.press("f2")
        await pilot.pause()
        text = screen_text(app)
        assert "agent view" in text and "Topic:" in text and "ticket in German" in text
        assert screen.query_one("#agent-reply").text.startswith("Guten Tag,")  # the ticket's language
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Discard the ticket?" in screen_text(app)  # unsaved work: asked first, in the view's language
        await pilot.press("y")
        await pilot.pause()
        assert screen.case is None and screen.query_one(TicketArea).text == ""
        assert isinstance(app.focused, TicketArea)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AgentScreen)
        assert app.lang == "en" and isinstance(app.focused, ChatInput)
        assert "Language: English." in screen_text(app)
        await pilot.press("f3")  # the key in the chat opens the agent view again
        await pilot.pause()
        assert isinstance(app.screen, AgentScreen) and app.screen.lang == "en"


async def test_new_ticket_asks_before_it_throws_unsaved_work_away(tmp_path):
    from textual.widgets import Button

    from bot.chat.discard import DiscardScreen

    app = agent_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, OPEN)
        for keep in ("escape", "n", "enter"):  # Enter: the focused button is "Behalten"
            screen.query_one("#agent-new", Button).press()
            await pilot.pause()
            assert isinstance(app.screen, DiscardScreen) and "Ticket verwerfen?" in screen_text(app)
            await pilot.press(keep)
            await pilot.pause()
            assert app.screen is screen and screen.case is not None and screen.query_one(TicketArea).text == OPEN
        await pilot.press("ctrl+n", "j")
        await pilot.pause()
        assert app.screen is screen and screen.case is None and screen.query_one(TicketArea).text == ""
        screen = await _triage(pilot, OPEN)
        await pilot.press("ctrl+s")  # saved as it stands: nothing to lose, nothing asked
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is screen and screen.case is None
        screen.query_one(TicketArea).text = "Ein Ticket, noch nicht analysiert."
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, DiscardScreen)  # a pasted ticket is work too
        await pilot.press("tab", "enter")  # to "Verwerfen" by keyboard
        await pilot.pause()
        assert app.screen is screen and screen.query_one(TicketArea).text == ""


async def test_chat_keys_do_not_leak_into_the_agent_view(tmp_path):
    kb, matcher = kb_and_matcher()
    app = ChatApp(kb, matcher, TODAY, summary_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("1", "enter", "1", "enter")  # a chat diagnosis is running
        await pilot.pause()
        assert "Agentenansicht (F3)" in [c.title for c in app.get_system_commands(app.screen)]
        assert "f3" not in screen_text(app).lower().split()  # not in the customer's footer
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, AgentScreen)
        await pilot.press("ctrl+s", "ctrl+r", "f5", "1", "ctrl+b")  # nothing analysed: none of them acts on the chat
        await pilot.pause()
        assert app.is_running and not list(tmp_path.iterdir())
        assert app.dialogue.current_fact.id == "osm_email"
        assert [c.title for c in app.get_system_commands(app.screen) if c.title.startswith("Thema")] == []


def test_launch_starts_on_the_agent_view_with_the_given_date(tmp_path, monkeypatch):
    from datetime import date

    from bot.chat import launch

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FAQBOT_CACHE_DIR", str(tmp_path / "cache"))
    args = argparse.Namespace(command="agent", today="2026-11-24", kb=None, lang=None, resume=False,
                              no_store=False, redact=False)
    app = launch.build_app(args)
    assert app.today == date(2026, 11, 24) and app._start_agent and app.store is None
    with pytest.raises(Exception, match="--today"):
        launch.build_app(argparse.Namespace(**{**vars(args), "today": "2026-02-30"}))


async def _still(pilot) -> None:
    screen = pilot.app.screen
    screen.query_one(TicketArea).text = "Hallo, wir haben die Aktivierungs-E-Mail nicht erhalten. OSM ist it@firma.de.\nViele Grüße\nAnna Meier"
    await pilot.press("f5")
    await pilot.pause()
    for area in screen.query("TextArea"):
        area.cursor_blink = False
    await pilot.pause()


def test_snapshot_agent_view_with_a_triaged_ticket(snap_compare, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert snap_compare(agent_app(fixture=True), terminal_size=SIZE, run_before=_still)


@pytest.mark.parametrize(
    ("confidence", "outcome", "words"),
    [
        (0.39, "answer", "geringe Sicherheit (39 %), Thema gewählt"),
        (0.55, "clarify", "mittlere Sicherheit (55 %), mehrere Themen möglich"),
        (0.86, "answer", "hohe Sicherheit (86 %), Thema gewählt"),
    ],
)
def test_confidence_words_agree_with_the_figure(confidence, outcome, words):
    from types import SimpleNamespace

    from bot.chat.agent_case import confidence_words

    assert confidence_words(SimpleNamespace(confidence=confidence, outcome=outcome), "de") == words


UNRESOLVED_TICKET = (
    "Hallo, die Aktivierungs-E-Mail ist nicht gekommen. OSM ist it@firma.de, Spam haben wir geprüft, "
    "die Bestellung ist raus."
)


async def test_an_unresolved_case_is_shown_open_not_checked():
    from faq.flows.engine import UNRESOLVED

    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, UNRESOLVED_TICKET)
        case = screen.case
        for _ in range(8):  # answer "weiß nicht" until the diagnosis settles
            if case.question is None:
                break
            await screen.answer("weiß nicht")
            await pilot.pause()
        assert case.diagnosis.cause == UNRESOLVED
        card = screen.query_one("#agent-cause")
        assert card.has_class("open")
        text = " ".join((await text_when(pilot, lambda t: "○ Ursache offen:" in t)).split())
        assert "○ Ursache offen:" in text and "✔" not in text and "(unresolved)" not in text
        assert case.flow.unresolved.text.de[:40] not in text  # no conditional customer text


async def test_the_agent_footer_fits_80_columns():
    app = agent_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await _triage(pilot, OPEN)
        await screen.answer("weiß nicht")  # an answer given: back applies too
        await pilot.pause()
        assert screen.case.answers
        footer = (await text_when(pilot, lambda t: "Analysieren" in t.splitlines()[-1])).splitlines()[-1].rstrip()
        assert footer.endswith("Befehle") and "Analysieren" in footer and "Beenden" in footer


EXPIRY = "Hallo, ist unser Aktivierungslink abgelaufen? Wir wissen nicht mehr genau, wann wir gekauft haben."


async def test_an_ambiguous_date_offers_both_readings_and_a_future_one_is_refused():
    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, EXPIRY)
        case = screen.case
        assert case.question is not None and case.question.id == "purchase_date"
        await screen.answer("1.1.2027")  # a purchase in the future
        await pilot.pause()
        assert "in der Zukunft" in screen.error and not case.answers
        await screen.answer("3/5/2026")  # 3 May or 5 March: both past, both offered
        await pilot.pause()
        labels = [str(b.label) for b in screen.query("#agent-question OptionButton")]
        assert any("3. Mai 2026" in label for label in labels) and any("5. März 2026" in label for label in labels)
        await screen.pick(next(b.option for b in screen.query("#agent-question OptionButton")
                               if "5. März 2026" in str(b.label)))
        await pilot.pause()
        assert case.answers["purchase_date"].isoformat() == "2026-03-05"
        await screen.action_back()
        await screen.answer("3/12/2026")  # 3 December 2026 is still to come: 12 March it is
        await pilot.pause()
        assert case.answers["purchase_date"].isoformat() == "2026-03-12"


@pytest.mark.parametrize("reply,value", [("nein, noch nicht", False), ("yes, all folders", True), ("weis nich", "unknown")])
def test_the_agent_may_type_the_customers_reply_as_written(reply, value):
    from faq.flows.values import UNKNOWN

    kb, matcher = bundled()
    case = AgentCase(OPEN, kb, matcher, TODAY)
    case.answer("01.11.2026")
    fact = case.question
    assert fact is not None and fact.type == "yesno"
    case.answer(reply)
    assert case.answers[fact.id] == (UNKNOWN if value == "unknown" else value)


def test_the_agent_gets_the_reason_for_a_qualified_reply():
    from faq.errors import InputError

    kb, matcher = bundled()
    case = AgentCase(OPEN, kb, matcher, TODAY)
    case.answer("01.11.2026")
    fact = case.question
    with pytest.raises(InputError):
        case.answer("ja, aber nur im Posteingang")
    assert fact.id not in case.answers


async def test_a_key_pressed_on_a_button_lands_in_the_answer_field_and_needs_enter():
    """The agent view's keys work as the customer chat's: typed into the answer field, taken with Enter."""
    app = agent_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await _triage(pilot, OPEN)
        case = screen.case
        await pilot.press(*"01.10.2026", "enter")
        await pilot.pause()
        await pilot.pause()
        assert case.question.id == "junk_checked"
        screen.query("#agent-question OptionButton").first().focus()
        await pilot.press("2")  # on a button: not an answer, typed into the field
        await pilot.pause()
        field = screen.query_one(AnswerInput)
        assert case.question.id == "junk_checked" and field.value == "2" and app.focused is field
        await pilot.press("enter")  # the second answer: no
        await pilot.pause()
        await pilot.pause()
        assert case.answers["junk_checked"] is False and case.cause == "junk-folder"
        assert "Enter" in tr("de", "agent_help") and "Enter" in tr("en", "agent_help")


def test_the_agent_answers_as_the_customer_chat_reads_them():
    """A date without a year and a yes in a sentence are read as in the customer chat."""
    from datetime import date

    kb, matcher = bundled()
    case = AgentCase(OPEN, kb, matcher, TODAY)
    assert case.question.id == "usage_start"
    case.answer("15.12.")
    assert case.answers["usage_start"] == date(2026, 12, 15)


@pytest.mark.parametrize(("lang", "said", "wrong"), [
    ("de", "Kein Thema der FAQ passt zu diesem Ticket", "die Antwort kommt aus den FAQ"),
    ("en", "No FAQ topic fits this ticket", "the reply comes from the FAQ"),
])
async def test_a_ticket_no_topic_fits_does_not_claim_an_answer_from_the_faq(lang, said, wrong):
    app = agent_app(lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _triage(pilot, "asdf qwer zxcv")
        assert screen.case is not None and screen.case.entry is None
        text = " ".join(screen_text(app).split())
        assert said in text and wrong not in text


@pytest.mark.parametrize(("lang", "ticket"), [
    ("de", "Guten Morgen, seit Montag kommen die Teams-Besprechungseinladungen bei externen Gästen nicht an. Gruß, Jan"),
    ("en", "Hi team, our Teams meeting invitations do not reach external guests since Monday. Thanks, Bob"),
])
async def test_a_ticket_no_topic_fits_lists_no_closest_topics_at_zero_percent(lang, ticket):
    """Topics the matcher gives almost nothing are no lead for the agent: as in the chat, only those of
    at least CLOSEST_MIN are listed as closest, and without any the heading goes too."""
    app = agent_app(lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _triage(pilot, ticket)
        case = screen.case
        assert case is not None and case.entry is None
        assert all(c.confidence < 0.2 for c in case.result.match.candidates)  # a ticket far from every topic
        text = " ".join(screen_text(app).split())
        assert tr(lang, "agent_closest") not in text and not re.search(r"•[^•█]*\(0 ?%\)", text)


SLIP = ("Hallo, die Aktivierungsmail ist nicht gekommen. Nutzungsbeginn war der 01.10.2026. "
        "Den Junk-Ordner habe ich nciht geprüft.")


def test_a_weakly_read_fact_settles_nothing_after_other_answers_until_its_own_is_answered():
    kb, matcher = bundled()
    case = AgentCase(SLIP, kb, matcher, TODAY)
    assert case.weak == ("junk_checked",) and case.cause is None
    case.answer("it@firma.de")  # another question answered: the slip still decides nothing
    assert case.cause is None and case.question is not None and case.question.id == "junk_checked"
    assert "Sie schrieben: „Den Junk-Ordner habe ich nciht geprüft“." in case.reply
    case.answer("nein")  # the agent confirms what the customer wrote
    assert case.cause == "junk-folder" and case.weak == ()


async def test_the_facts_card_marks_a_weakly_read_fact():
    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, SLIP)
        assert screen.case.weak == ("junk_checked",)
        assert tr("de", "agent_weak") in " ".join(screen_text(app).split())


async def test_tab_from_a_settled_result_goes_to_the_facts_not_into_the_ticket():
    """A settled case leaves the focus on the result: the first Tab reaches the first fact's reject
    button (Enter in the ticket field would change the text analysed); Enter then rejects it."""
    app = agent_app()
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await _triage(pilot, OUTLOOK)
        case = screen.case
        assert case.cause == "outlook-com-address"
        ticket = screen.query_one(TicketArea).text
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "reject-osm_email"
        await pilot.press("enter")
        await pilot.pause()
        assert case.rejected == ["osm_email"] and case.cause is None
        assert isinstance(app.focused, AnswerInput) and screen.query_one(TicketArea).text == ticket


async def test_a_fact_rejected_by_mistake_comes_back_with_ctrl_b():
    """Enter on the wrong 'Angabe verwerfen' is not final: Ctrl+B takes the rejection back, the
    ticket's value and the cause with it; after an answer, Ctrl+B takes back the answer first."""
    app = agent_app()
    async with app.run_test(size=(110, 45)) as pilot:
        screen = await _triage(pilot, OUTLOOK)
        case = screen.case
        reply = screen.query_one("#agent-reply").text
        await pilot.press("tab", "enter")  # rejects the address the cause rests on: asked at once
        await pilot.pause()
        assert case.cause is None and case.question is not None and case.question.id == "osm_email"
        await pilot.press(*"it@firma.de", "enter")
        await pilot.pause()
        assert case.facts["osm_email"] == "it@firma.de"
        await pilot.press("ctrl+b")  # the answer first
        await pilot.pause()
        assert "osm_email" not in case.facts and case.rejected == ["osm_email"]
        await pilot.press("ctrl+b")  # then the rejection: the ticket's address and its cause again
        await pilot.pause()
        assert case.rejected == [] and case.cause == "outlook-com-address"
        assert screen.query_one("#agent-reply").text == reply


async def test_ctrl_k_copies_the_reply_and_says_so_and_a_button_saves_it_as_a_file(tmp_path):
    app = agent_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, OPEN)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert app.clipboard == screen.case.reply
        assert str(screen.query_one("#agent-status").render()) == tr("de", "agent_copied")
        screen.query_one("#agent-save-reply").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#agent-save-reply")
        await pilot.pause()
        saved = tmp_path / f"faqbot-antwort-{TODAY.isoformat()}-1.txt"
        assert saved.read_text(encoding="utf-8") == screen.case.reply.rstrip() + "\n"
        assert str(saved.resolve()) in str(screen.query_one("#agent-status").render())


@pytest.mark.parametrize(("lang", "env", "name", "told"), [
    ("de", {"TERM_PROGRAM": "Apple_Terminal"}, "Terminal (macOS)", "agent_copy_blocked"),
    ("en", {"VTE_VERSION": "7600"}, "GNOME Terminal (VTE)", "agent_copy_blocked"),
    ("de", {"TMUX": "/tmp/tmux-1000/default,77,0"}, "tmux", "agent_copy_blocked_tmux"),  # with tmux's fix
])
async def test_where_the_terminal_refuses_copying_ctrl_k_says_so_and_enter_saves_the_reply(
        tmp_path, monkeypatch, lang, env, name, told):
    import bot.chat.clipboard as clipboard

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(clipboard, "tmux_set_clipboard", lambda: "off")
    app = agent_app(tmp_path, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, OPEN)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert app.clipboard == ""  # no copy claimed that never arrives
        status = str(screen.query_one("#agent-status").render())
        assert status == tr(lang, told, terminal=name)
        assert app.focused is screen.query_one("#agent-save-reply")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / f"faqbot-antwort-{TODAY.isoformat()}-1.txt").read_text(encoding="utf-8").strip() == \
            screen.case.reply.strip()


@pytest.mark.parametrize("lines", [1, 2])
async def test_a_line_copied_from_a_ticket_export_is_analysed_as_its_text_not_its_json(lines):
    import json

    ticket = "Guten Morgen,\nunser OSM lautet max.eder@outlook.com, eine Aktivierungsmail haben wir nie gesehen.\nGruß Max"
    pasted = "\n".join(json.dumps({"id": f"SR-{n}", "text": ticket}) for n in range(1, lines + 1))
    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, pasted)
        assert screen.case.ticket == ticket and screen.case.cause == "outlook-com-address"
        field = screen.query_one(TicketArea).text
        assert field == (ticket if lines == 1 else pasted)  # one line: its text shown; several: all kept
        key = "agent_export_one" if lines == 1 else "agent_export_many"
        told = tr("de", key, id=" SR-1", n=str(lines))
        assert screen.status == told and told in [n.message for n in app._notifications]
        text = " ".join(screen_text(app).split())
        assert "\\n" not in text and '"}' not in text


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_an_export_with_a_broken_line_analyses_the_first_readable_ticket_and_names_the_broken_one_by_its_id(lang):
    import json

    ticket = "Guten Tag,\nunsere Aktivierungsmail ging an j.roth@outlook.com und kam nie an.\nViele Grüße"
    pasted = "\n".join(['{"id": "KD-11", "text": "Der Link ist abgelaufen, gekauft am 02.03.2026.",',
                        json.dumps({"id": "KD-12", "text": ticket}), json.dumps({"id": "KD-13", "text": "Lizenzen fehlen."})])
    app = agent_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, pasted)
        assert screen.case.ticket == ticket  # the first readable ticket, not the lines' JSON
        assert screen.query_one(TicketArea).text == pasted  # every line kept, the broken one too
        told = tr(lang, "agent_export_line", line="1 (KD-11)", problem=tr(lang, "ticket_not_json", problem=tr(
            lang, "json_unclosed")))
        assert screen.status == tr(lang, "agent_export_skipped", n="3", id=" (KD-12)", lines=told)
        assert screen.status in [n.message for n in app._notifications]
        assert "{" not in screen.case.ticket and "KD-11" not in screen.case.ticket


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_one_broken_line_of_an_export_pasted_alone_is_named_and_nothing_is_analysed(lang):
    pasted = '{"id": "SR-31", "text": "  "}'
    app = agent_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, pasted)
        assert screen.case is None  # its JSON is no ticket: never analysed as if it were one
        assert screen.query_one(TicketArea).text == pasted  # kept, to be corrected
        told = tr(lang, "agent_export_line", line="1 (SR-31)", problem=tr(lang, "ticket_text_empty"))
        assert screen.status == tr(lang, "agent_export_broken_one", n="1", lines=told)
        assert screen.status in [n.message for n in app._notifications]
        assert "SR-31" in " ".join(screen_text(app).split())


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_the_ticket_hint_names_the_key_every_terminal_sends_and_help_qualifies_ctrl_enter(lang):
    """xterm, GNOME Terminal and tmux send Enter for Ctrl+Enter (a new line in the ticket): the hint above
    the ticket names F5 alone; F1's help names Ctrl+Enter with the terminals it reaches the view in."""
    app = agent_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        label = " ".join(screen_text(app).split())
        ctrl_enter = "Strg+Enter" if lang == "de" else "Ctrl+Enter"
        assert "F5" in tr(lang, "agent_ticket_hint") and tr(lang, "agent_ticket_hint") in label
        assert ctrl_enter not in label
        assert ctrl_enter in tr(lang, "agent_help") and "tmux" in tr(lang, "agent_help")
