"""The chat app driven by Textual's pilot: keyboard only, at 80x24."""

from __future__ import annotations

from chat_helpers import TODAY, make_app, screen_text

from bot.chat.app import ChatInput
from bot.chat.dialogue import Answer, Clarify, FlowResult, FlowStep

SIZE = (80, 24)


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def test_start_screen_shows_greeting_and_topics():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Guten Tag!" in text
        assert "1 Aktivierungs-E-Mail nicht erhalten" in text
        assert "Beenden" in text and "English" in text  # footer
        assert isinstance(app.focused, ChatInput)


async def test_question_answered():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, "Aktivierungsmail nicht erhalten")
        assert isinstance(app.dialogue.items[-1], Answer)
        text = screen_text(app)
        assert "Sie: Aktivierungsmail nicht erhalten" in text
        assert "Warum habe ich die Aktivierungs-E-Mail nicht erhalten?" in text


async def test_number_key_starts_a_topic():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert app.dialogue.items[-1].entry_id == "resend-activation-email"
        assert app.query_one(ChatInput).value == ""


async def test_clarify_choice():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, "aktivierungsmail")
        clarify = app.dialogue.items[-1]
        assert isinstance(clarify, Clarify)
        assert "Keine davon" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert app.dialogue.items[-1] == Answer(clarify.candidates[1], app.dialogue.items[-1].options)


async def test_whole_flow_by_keyboard_with_back_restart_and_save(tmp_path):
    app = make_app(summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, "Aktivierungsmail nicht erhalten")
        await pilot.press("1")  # Diagnose starten
        await pilot.pause()
        assert app.dialogue.current_fact.id == "osm_email"
        await _type(pilot, "it@firma.de")
        assert app.dialogue.current_fact.id == "junk_checked"
        assert "Frage 2 von höchstens" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert app.dialogue.current_fact.id == "usage_start"
        await _type(pilot, "31.02.2026")  # impossible date: explained, still asked
        assert app.dialogue.current_fact.id == "usage_start"
        assert "31.02.2026" in screen_text(app)
        await pilot.press("ctrl+b")  # back: junk question again
        await pilot.pause()
        assert app.dialogue.current_fact.id == "junk_checked"
        await pilot.press("n")
        await pilot.pause()
        result = app.dialogue.items[-1]
        assert isinstance(result, FlowResult) and result.diagnosis.cause == "junk-folder"
        text = screen_text(app)
        assert "Ergebnis: Junk-E-Mail-Ordner" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = tmp_path / f"faqbot-fall-{TODAY.isoformat()}-1.md"
        assert saved.exists() and "**Junk-E-Mail-Ordner**" in saved.read_text(encoding="utf-8")
        assert app.dialogue.items[-1].args["path"] == str(saved.resolve())  # the full path, to find the file
        await pilot.press("2")  # option 2 of the card: save again, a new name
        await pilot.pause()
        assert (tmp_path / f"faqbot-fall-{TODAY.isoformat()}-2.md").exists()
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert app.clipboard.startswith("# Fall:")
        await pilot.press("ctrl+r")  # restart
        await pilot.pause()
        step = app.dialogue.items[-1]
        assert isinstance(step, FlowStep) and step.fact_id == "osm_email" and step.number == 1


async def test_outlook_address_resolves_at_once():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1")  # topic 1, then "Diagnose starten"
        await pilot.pause()
        await _type(pilot, "m.schulz@outlook.com")
        assert app.dialogue.last_result.diagnosis.cause == "outlook-com-address"
        text = screen_text(app)
        assert "Adresse bei outlook.com" in text


MARKUP = "[bold]x[/bold] [@click=app.quit]y[/] [link=https://evil.example]z[/link] [$accent]w[/]"


async def test_markup_typed_by_the_user_is_shown_literally():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, MARKUP)
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x[/bold]" in text
        assert "[@click=app.quit]y[/]" in text
        assert app.is_running
        user = [w for w in app.query(".user")][-1]
        assert str(user.render()).count("[") >= 4


async def test_escape_sequences_never_reach_the_screen():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(ChatInput).value = "\x1b]0;pwned\x07hallo\x1b[2J welt"
        await pilot.press("enter")
        await pilot.pause()
        assert app.dialogue.items[1].text == "hallo welt"


async def test_internal_error_is_a_message_and_the_chat_goes_on(monkeypatch):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        def boom(text, lang=None):
            raise RuntimeError("kaputt")

        monkeypatch.setattr(app.dialogue.matcher, "match", boom)
        await _type(pilot, "irgendwas")
        assert "kaputt" in screen_text(app)
        monkeypatch.undo()
        await _type(pilot, "Aktivierungsmail nicht erhalten")
        assert isinstance(app.dialogue.items[-1], Answer)


async def test_language_switch_renders_in_english():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, "Aktivierungsmail nicht erhalten")
        await pilot.press("f2")
        await pilot.pause()
        text = screen_text(app)
        assert app.lang == "en"
        assert "Deutsch" in text  # footer offers the way back
        assert "Start diagnosis" in text
        assert "You: Aktivierungsmail nicht erhalten" in text


async def test_command_palette_lists_topics_and_flows():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Thema: Aktivierungs-E-Mail erneut senden" in titles
        assert "Diagnose: Diagnose: Aktivierungs-E-Mail fehlt" in titles or any(t.startswith("Diagnose:") for t in titles)
        start = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Diagnose:"))
        start.callback()
        await pilot.pause()
        assert app.dialogue.current_fact.id == "osm_email"


async def test_help_key_shows_the_question_help():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.pick(__import__("bot.chat.dialogue", fromlist=["Option"]).Option("flow", "missing-activation-email"))
        await pilot.pause()
        assert "VLSC zeigt" not in screen_text(app) and "Die Adresse steht in VLSC" not in screen_text(app)
        await pilot.press("f1")
        await pilot.pause()
        assert "Die Adresse steht in VLSC" in screen_text(app)


async def test_resume_replays_messages_and_the_open_flow():
    events = [
        {"type": "ask", "text": "Aktivierungsmail nicht erhalten"},
        {"type": "flow", "flow": "missing-activation-email"},
        {"type": "answer", "fact": "osm_email", "value": "it@firma.de", "text": "it@firma.de"},
    ]
    app = make_app(resume_events=events)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.dialogue.current_fact.id == "junk_checked"
        await pilot.press("n")
        await pilot.pause()
        assert app.dialogue.last_result.diagnosis.cause == "junk-folder"
