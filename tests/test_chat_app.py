"""The chat app driven by Textual's pilot: keyboard only, at 80x24."""

from __future__ import annotations

import pytest
from chat_helpers import TODAY, make_app, screen_text, settle, text_when, type_line

from bot.chat.app import ChatApp, ChatInput
from bot.chat.dialogue import Answer, Clarify, FlowResult, FlowStep, NoMatch, UserMessage
from faq.language.catalogue import tr

SIZE = (80, 24)


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
        await type_line(pilot, "Läuft mein Aktivierungslink ab?")
        assert isinstance(app.dialogue.items[-1], Answer)
        text = screen_text(app)
        assert "Sie: Läuft mein Aktivierungslink ab?" in text
        assert "Läuft der Aktivierungslink ab?" in text


async def test_number_key_starts_a_topic():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.dialogue.items[-1].entry_id == "resend-activation-email"
        assert app.query_one(ChatInput).value == ""


async def test_a_message_starting_with_a_number_is_sent_as_text():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "365 Lizenzen fehlen")
        users = [item.text for item in app.dialogue.items if isinstance(item, UserMessage)]
        assert users == ["365 Lizenzen fehlen"]  # not topic 3, then 6, then 5
        assert [text for text, _ in app.dialogue.story] == ["365 Lizenzen fehlen"]


async def test_a_typed_number_waits_for_enter():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before = list(app.dialogue.items)
        await pilot.press("3")
        await pilot.pause()
        assert app.dialogue.items == before and app.query_one(ChatInput).value == "3"


async def test_clarify_choice():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "aktivierungsmail")
        clarify = app.dialogue.items[-1]
        assert isinstance(clarify, Clarify)
        assert "Keine davon" in screen_text(app)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.dialogue.items[-1] == Answer(clarify.candidates[1], app.dialogue.items[-1].options)


async def test_whole_flow_by_keyboard_with_back_restart_and_save(tmp_path):
    app = make_app(summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Aktivierungsmail nicht erhalten")
        await pilot.press("1", "enter")  # Diagnose starten
        await pilot.pause()
        assert app.dialogue.current_fact.id == "osm_email"
        await type_line(pilot, "it@firma.de")
        assert app.dialogue.current_fact.id == "junk_checked"
        assert "Frage 2 von höchstens" in screen_text(app)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.dialogue.current_fact.id == "usage_start"
        await type_line(pilot, "31.02.2026")  # impossible date: explained, still asked
        assert app.dialogue.current_fact.id == "usage_start"
        assert "31.02.2026" in screen_text(app)
        await pilot.press("ctrl+b")  # back: junk question again
        await pilot.pause()
        assert app.dialogue.current_fact.id == "junk_checked"
        await pilot.press("n", "enter")
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
        await pilot.press("2", "enter")  # option 2 of the card: save again, a new name
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
        await pilot.press("1", "enter", "1", "enter")  # topic 1, then "Diagnose starten"
        await pilot.pause()
        await type_line(pilot, "m.schulz@outlook.com")
        assert app.dialogue.last_result.diagnosis.cause == "outlook-com-address"
        text = screen_text(app)
        assert "Adresse bei outlook.com" in text


MARKUP = "[bold]x[/bold] [@click=app.quit]y[/] [link=https://evil.example]z[/link] [$accent]w[/]"


async def test_markup_typed_by_the_user_is_shown_literally():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, MARKUP)
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
        await type_line(pilot, "irgendwas")
        assert "kaputt" in screen_text(app)
        monkeypatch.undo()
        await type_line(pilot, "Aktivierungsmail nicht erhalten")
        assert isinstance(app.dialogue.items[-1], Answer)


async def test_language_switch_renders_in_english():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Aktivierungsmail nicht erhalten")
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
        await pilot.press("n", "enter")
        await pilot.pause()
        assert app.dialogue.last_result.diagnosis.cause == "junk-folder"


_AT_JUNK = [
    {"type": "ask", "text": "Aktivierungsmail nicht erhalten"},
    {"type": "flow", "flow": "missing-activation-email"},
    {"type": "answer", "fact": "osm_email", "value": "it@firma.de", "text": "it@firma.de"},
]


async def test_a_yes_no_answer_typed_in_full_is_not_cut_by_a_letter_key():
    app = make_app(resume_events=_AT_JUNK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", "i", "e")  # a word that starts with a letter key: typed, not "weiß nicht"
        await pilot.pause()
        assert "junk_checked" not in app.dialogue.run.facts and app.query_one(ChatInput).value == "wie"
        await pilot.press("backspace", "backspace", "backspace")  # nothing of it is sent
        await type_line(pilot, "ja")
        assert app.dialogue.run.facts["junk_checked"] is True
        assert app.query_one(ChatInput).value == ""  # no "a" left over in the next question's field


async def test_a_letter_alone_answers_a_yes_no_question():
    app = make_app(resume_events=_AT_JUNK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_line(pilot, "w")
        from faq.flows.values import UNKNOWN

        assert app.dialogue.run.facts["junk_checked"] is UNKNOWN


# -- issue 18: scrolling, order, wrapping, footer, small talk, dates, keys, texts --------------


def _flat(app) -> str:
    """The screen's words in one line, without the borders and bars between wrapped lines."""
    return " ".join(w for w in screen_text(app).split() if w.strip("█│▎▊▕▏▔▁ ▆▇▅▄▃▂"))


async def _long_answer(pilot) -> None:
    await type_line(pilot, "Aktivierungsmail nicht erhalten")
    await pilot.pause()


async def test_the_answer_comes_first_and_what_follows_after_it():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _long_answer(pilot)
        card = app.query(".card.answer").last()
        children = list(card.children)
        options = next(i for i, w in enumerate(children) if w.has_class("options"))
        assert children[0].has_class("title") and options == len(children) - 1
        assert len([w for w in children[:options] if w.has_class("para") or w.has_class("item")]) >= 2


async def test_long_menu_items_wrap_instead_of_being_cut():
    app = make_app()
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        button = app.query(".option").first()
        label = app.kb.entry(button.option.target).title.de
        assert len(label) + 4 > button.region.width  # too long for one line at 40 columns
        assert button.region.height > 1
        flat = _flat(app)
        assert " ".join(label.split()[-2:]) in flat  # the end of the label is on screen


async def test_the_footer_fits_80_columns_in_every_state():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        async def footer(key: str) -> str:  # the last line of the 80-column screen once it shows `key`
            return (await text_when(pilot, lambda t: key in t.splitlines()[-1])).splitlines()[-1]

        assert (await footer("Befehle")).rstrip().endswith("Befehle")
        await pilot.press("1", "enter", "1", "enter")  # a question of the diagnosis
        await pilot.pause()
        await type_line(pilot, "it@firma.de")
        line = await footer("Zurück")
        assert "Abbrechen" in line and "Zurück" in line and line.rstrip().endswith("Befehle")
        await type_line(pilot, "m.schulz@outlook.com")
        await pilot.press("ctrl+b")
        await pilot.pause()
        await type_line(pilot, "m.schulz@outlook.com")
        assert isinstance(app.dialogue.items[-1], FlowResult)
        line = await footer("Speichern")
        assert "Speichern" in line and line.rstrip().endswith("Befehle")


async def test_greetings_and_thanks_get_a_friendly_reply():
    from faq.language.catalogue import tr

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "hallo")
        text = _flat(app)
        assert tr("de", "smalltalk_greeting")[:30] in text and "leider keine Antwort" not in text
        await type_line(pilot, "danke!")
        await pilot.pause()
        assert tr("de", "smalltalk_thanks") in _flat(app)
        await pilot.press("2", "enter")  # the start's topics are still in force
        await pilot.pause()
        assert isinstance(app.dialogue.items[-1], Answer)


async def test_an_english_question_is_answered_in_english_in_the_german_chat():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "How do I resend the activation email?")
        entry = app.kb.entry(app.dialogue.items[-1].entry_id)
        text = _flat(app)
        assert entry.question.en in text and "You: How do I" in text and "Sie: How" not in text


async def test_a_diagnosis_from_an_english_answer_asks_in_english_in_the_german_chat():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Why did I not receive the activation email?")
        await pilot.press("1", "enter")
        await pilot.pause()
        fact = app.dialogue.current_fact
        text = _flat(app)
        assert fact is not None and fact.question.en in text and fact.question.de not in text
        assert app.query_one("#prompt").placeholder == tr("en", "placeholder_email")


async def test_a_stated_fact_shown_for_confirmation_names_the_question_it_answers():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
        await pilot.press("1", "enter")
        await pilot.pause()
        fact = app.dialogue.current_fact
        assert app.dialogue.confirming and fact is not None
        text = _flat(app)
        assert fact.question.de in text and "Sie schrieben: „it-admin@contoso.de“ – stimmt das?" in text
        await pilot.press("f2")
        await pilot.pause()
        text = _flat(app)
        assert fact.question.en in text and "You wrote: “it-admin@contoso.de” – is that right?" in text


async def test_confirming_a_stated_date_numbers_every_option_that_a_digit_picks():
    from faq.search.cache import load

    kb, matcher = load()
    app = ChatApp(kb, matcher, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Unser OSM ist it@firma.de, die Nutzung beginnt laut Bestellung am 01.11.2026. Keine Aktivierungsmail.")
        await pilot.press("1", "enter")
        await settle(pilot)
        await pilot.press("j", "enter")  # the address: yes
        await settle(pilot)
        assert app.dialogue.confirming and app.dialogue.current_fact.type == "date"
        text = _flat(app)
        assert "3 Zurück" in text and "4 Neu starten" in text
        await pilot.press("3", "enter")
        await settle(pilot)
        assert "osm_email" not in app.dialogue.run.facts  # 3 went back, as shown


async def test_no_match_names_the_closest_topics_right_above_them():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Aktivierung dauert lange")
        item = app.dialogue.items[-1]
        assert isinstance(item, NoMatch) and item.closest
        lines = [line.strip(" █│") for line in screen_text(app).splitlines() if line.strip(" █│")]
        heading = next(i for i, line in enumerate(lines) if line.startswith(tr("de", "closest")))
        assert lines[heading + 1].startswith("1 ")  # no other sentence between the heading and its topics


async def test_an_ambiguous_date_is_asked_back_and_picked_by_number():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        await pilot.pause()
        await type_line(pilot, "it@firma.de")
        await pilot.press("j", "enter")
        await pilot.pause()
        await type_line(pilot, "3/12/2026")
        text = _flat(app)
        assert "1 3. Dezember 2026" in text and "2 12. März 2026" in text
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.dialogue.run.facts["usage_start"].isoformat() == "2026-03-12"


async def test_back_after_the_result_takes_the_last_answer_back():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        await pilot.pause()
        await type_line(pilot, "m.schulz@outlook.com")
        assert isinstance(app.dialogue.items[-1], FlowResult)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.dialogue.current_fact.id == "osm_email"


async def test_the_command_palette_speaks_the_interface_language():
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        titles = [c.title for c in app.get_system_commands(app.screen_stack[0])]
        assert {"Tasten", "Beenden", "Farbschema"} <= set(titles)
        assert not {"Keys", "Quit", "Theme", "Screenshot"} & set(titles)
        text = screen_text(app)
        assert "Befehl oder Thema suchen" in text and "Search for commands" not in text
        await pilot.press(*"Tasten", "enter")  # the keys, in German (not Textual's English panel)
        await pilot.pause()
        assert not app.screen.query("HelpPanel") and app.dialogue.items[-1].key == "general_help"
        await pilot.press("f2", "ctrl+p")
        await pilot.pause()
        assert "Search for a command or topic" in screen_text(app)


async def test_a_wait_is_not_named_as_a_contact():
    app = make_app()
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        await pilot.pause()
        await type_line(pilot, "it@firma.de")
        await pilot.press("j", "enter")
        await pilot.pause()
        await type_line(pilot, "morgen")  # usage starts tomorrow: wait
        result = app.dialogue.items[-1]
        assert isinstance(result, FlowResult) and result.diagnosis.resolution.contact_kind == "wait"
        text = _flat(app)
        assert "Wie es weitergeht:" in text and "Ansprechpartner:" not in text


async def test_the_header_follows_the_conversations_language_as_the_footer_does():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.title == tr("de", "app_title")
        await type_line(pilot, "Does the activation link expire?")
        assert app.title == tr("en", "app_title") and app.sub_title == tr("en", "app_sub")
        await type_line(pilot, "Läuft der Aktivierungslink ab?")
        assert app.title == tr("de", "app_title")


async def test_an_address_is_checked_as_it_is_typed_and_kept_after_an_error():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        await pilot.pause()
        prompt = app.query_one(ChatInput)
        await pilot.press(*"foo@bar")
        await pilot.pause()
        assert prompt.has_class("-invalid") and "Domäne" in str(prompt.border_subtitle)
        await pilot.press("enter")
        await pilot.pause()
        assert prompt.value == "foo@bar" and app.dialogue.current_fact.id == "osm_email"
        assert prompt.selected_text == "foo@bar"  # kept and selected: typing replaces it (as in the agent view)
        await pilot.press("end", *".de")  # or it is corrected in place
        await pilot.pause()
        assert prompt.has_class("-valid") and not prompt.has_class("-invalid")
        assert "vollständig" in str(prompt.border_subtitle)
        await pilot.press("enter")
        await pilot.pause()
        assert app.dialogue.run.facts["osm_email"] == "foo@bar.de" and prompt.value == ""


async def test_a_stale_menu_goes_with_its_heading():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _long_answer(pilot)
        assert app.query(".related")
        await type_line(pilot, "danke")
        await type_line(pilot, "Wie lange ist der Aktivierungslink gültig")
        answers = app.query(".card.answer")
        assert len(answers) == 2 and not answers.first().query(".related") and not answers.first().query(".options")


async def test_a_stated_address_is_confirmed_not_asked():
    from bot.chat.app import ChatApp
    from bot.chat.dialogue import Notice
    from faq.search.cache import load

    kb, matcher = load()
    app = ChatApp(kb, matcher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_line(pilot, "Unser OSM ist it-admin@contoso.de, den Spam-Ordner haben wir geprüft. "
                           "Warum kommt keine Aktivierungsmail?")
        assert isinstance(app.dialogue.items[-1], Answer)
        await pilot.press("1", "enter")  # start the diagnosis
        await settle(pilot)
        item = app.dialogue.items[-1]
        assert isinstance(item, Notice) and item.key == "confirm_stated" and item.args["fact"] == "osm_email"
        assert "Sie schrieben" in " ".join(screen_text(app).split())
        prompt = app.query_one(ChatInput)
        assert prompt.placeholder == "j = Ja, n = Nein, dann Enter (oder eintippen)"  # a yes/no, not the address field
        await pilot.press("o", "k")
        assert not prompt.has_class("-invalid") and prompt.border_subtitle is None  # "ok" is no bad address
        await pilot.press("backspace", "backspace")
        await pilot.press("j", "enter")  # yes: the address is taken, not asked
        await settle(pilot)
        assert app.dialogue.run.facts["osm_email"] == "it-admin@contoso.de"
        assert not any(isinstance(i, FlowStep) and i.fact_id == "osm_email" for i in app.dialogue.items)


async def test_the_users_label_follows_the_language_written_in():
    """An English conversation in the German chat: "You:" beside its answers, "Sie:" for German."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await type_line(pilot, "Does the activation link expire?")
        assert "You: Does the activation link expire?" in screen_text(app)
        assert "Sie: Does" not in screen_text(app)
        await type_line(pilot, "ok")
        assert "You: ok" in screen_text(app)
        assert app.query_one(ChatInput).placeholder == tr("en", "placeholder")
        await type_line(pilot, "Wer bekommt die Aktivierungs-E-Mail?")
        assert "Sie: Wer bekommt die Aktivierungs-E-Mail?" in screen_text(app)
        assert app.query_one(ChatInput).placeholder == tr("de", "placeholder")


async def test_ok_alone_gets_a_short_reply_not_no_answer():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Aktivierungsmail nicht erhalten")
        await type_line(pilot, "ok")
        text = _flat(app)
        assert tr("de", "smalltalk_ack") in text and tr("de", "no_match") not in text
        await pilot.press("1", "enter")  # the answer's options are still in force: start the diagnosis
        await settle(pilot)
        assert app.dialogue.flow_active


async def test_a_rejected_date_is_kept_selected_so_the_next_one_replaces_it():
    from faq.search.cache import load

    kb, matcher = load()
    app = ChatApp(kb, matcher, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Läuft der Aktivierungslink ab?")
        await pilot.press("1", "enter")
        await settle(pilot)
        assert app.dialogue.current_fact.type == "date"
        await type_line(pilot, "irgendwann im winter")
        prompt = app.query_one(ChatInput)
        assert prompt.value == "irgendwann im winter" and prompt.selected_text == "irgendwann im winter"
        await type_line(pilot, "01.10.2026")
        assert "purchase_date" in app.dialogue.run.facts
        assert [i.text for i in app.dialogue.items if isinstance(i, UserMessage)][-1] == "01.10.2026"


async def test_a_picked_answer_is_shown_by_its_label_in_the_language_shown():
    """Picking y in an English conversation reads "You: Yes", never the German canonical value;
    after switching to German the next pick reads "Sie: Nein"."""
    from faq.search.cache import load

    kb, matcher = load()
    app = ChatApp(kb, matcher, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await type_line(pilot, "Why did I not receive the activation email?")
        await pilot.press("1", "enter")
        await settle(pilot)
        await type_line(pilot, "it@firma.de")
        await type_line(pilot, "01.01.2026")
        assert app.dialogue.current_fact.type == "yesno"
        await type_line(pilot, "y")
        text = screen_text(app)
        assert "You: Yes" in text and "You: ja" not in text
        await pilot.press("f2")  # "Deutsch" in the English footer: the diagnosis (and its answers) now in German
        await settle(pilot)
        await type_line(pilot, "n")  # the diagnosis now follows the German interface
        said = [str(w.render()) for w in app.query("Static.user")]
        assert said[-2:] == ["You: Yes", "Sie: Nein"]  # each beside the question it answered


async def test_an_answer_says_the_diagnosis_takes_what_was_written_and_the_hint_goes_with_its_options():
    from faq.search.cache import load

    kb, matcher = load()
    app = ChatApp(kb, matcher, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await type_line(pilot, "Die Aktivierungsmail fehlt, unser OSM ist max@firma.de")
        hint = " ".join(tr("de", "answer_stated_hint").split())
        assert hint[:40] in " ".join(screen_text(app).split())
        await type_line(pilot, "Wer bekommt die Aktivierungs-E-Mail?")
        assert not app.query(".stated-hint")  # its "1 und Enter" no longer holds


async def test_the_footer_and_help_follow_an_english_conversation_in_the_german_chat():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_line(pilot, "Does the activation link expire?")

        def footer() -> str:
            return screen_text(app).splitlines()[-1]

        assert app.lang == "de"  # the interface stays German ...
        for key in ("k_quit", "k_help", "k_palette"):  # ... the keys speak the conversation's English
            assert tr("en", key) in footer() and tr("de", key) not in footer()
        assert tr("en", "k_lang") in footer()  # "Deutsch": the way back to German
        await pilot.press("f1")
        await settle(pilot)
        assert tr("en", "general_help")[:40] in " ".join(screen_text(app).split())
        await pilot.press("f2")  # to German, as the footer said: conversation and keys
        await settle(pilot)
        assert app.lang == "de" and app.dialogue.shown_lang == "de"
        assert tr("de", "k_quit") in footer() and tr("de", "k_lang") in footer()
        await type_line(pilot, "Aktivierungsmail nicht erhalten")
        assert tr("de", "k_quit") in footer()


async def test_an_address_typed_in_a_sentence_is_checked_as_the_address_it_holds():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        await pilot.pause()
        prompt = app.query_one(ChatInput)
        await pilot.press(*"max@firma.de, die Domäne ist schon verifiziert")
        await pilot.pause()
        # The sentence is taken (the address and what else it says): the field does not call it incomplete.
        assert prompt.has_class("-valid") and not prompt.has_class("-invalid")
        await pilot.press("enter")
        await settle(pilot)
        assert app.dialogue.run.facts["osm_email"] == "max@firma.de"  # and so it was
        await pilot.press("ctrl+b")
        await settle(pilot)
        prompt.value = ""
        await pilot.press(*"max@firma, die Domäne ist verifiziert")
        await pilot.pause()
        assert prompt.has_class("-invalid") and "Domäne mit Punkt" in str(prompt.border_subtitle)
        assert "Leerzeichen" not in str(prompt.border_subtitle)  # the address's own problem, not the sentence's


async def test_a_story_over_the_limit_is_kept_whole_and_not_sent_with_one_line():
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        prompt = app.query_one(ChatInput)
        story = "Wir haben über unseren Händler E3 gekauft und warten seitdem. " * 36 + "Wo bleibt die Aktivierungsmail?"
        assert app.matcher.thresholds.max_chars < len(story)
        prompt.post_message(events.Paste(story))
        await pilot.pause()
        assert prompt.value == story  # whole: its question is at its end
        await pilot.press("enter")
        await settle(pilot)
        assert not any(isinstance(i, UserMessage) for i in app.dialogue.items)  # not sent, and not cut
        shown = " ".join(screen_text(app).split())
        assert tr("de", "input_too_long", size=f"{len(story):,}".replace(",", "."), limit="2.000")[:60] in shown
        assert prompt.value == story and prompt.selected_text == story  # kept, selected: typing replaces it
        await type_line(pilot, "Wo bleibt die Aktivierungsmail?")
        assert isinstance(app.dialogue.items[-1], Answer)


@pytest.mark.parametrize(("lang", "question", "asked_again", "answer", "resume"), [
    ("de", "wie lange ist der Link gültig?", "Wann beginnt die Nutzung laut Bestellung?", "Läuft der Aktivierungslink ab?",
     "Zurück zur Diagnose"),
    ("en", "How long is the activation link valid?", "When does the usage period of the order start?",
     "Does the activation link expire?", "Back to the diagnosis"),
])
async def test_a_question_typed_instead_of_the_date_is_answered_and_the_date_asked_again(lang, question, asked_again,
                                                                                          answer, resume):
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 60)) as pilot:
        await type_line(pilot, "Aktivierungsmail nicht erhalten" if lang == "de" else "activation email not received")
        await pilot.press("1", "enter")  # start the diagnosis
        await settle(pilot)
        await type_line(pilot, "it@firma.de")
        await pilot.press("j" if lang == "de" else "y", "enter")
        await settle(pilot)
        assert app.dialogue.current_fact.id == "usage_start"
        await type_line(pilot, question)
        text = screen_text(app)
        assert answer in text and resume in text
        assert text.rindex(asked_again) > text.index(resume) > text.index(answer)  # the date question comes last
        assert "kein Datum" not in text and "not a date" not in text
        assert app.query_one(ChatInput).value == ""  # nothing kept to correct: it was no wrong answer
        await type_line(pilot, "01.11.2026")
        assert app.dialogue.run.facts["usage_start"].isoformat() == "2026-11-01"
        assert app.dialogue.current_fact.id == "domain_verified"


@pytest.mark.parametrize(("lang", "thanks", "reply", "waiting", "other"), [
    ("de", "thanks a lot", "smalltalk_thanks", "Die offene Frage oben wartet", "The open question above"),
    ("en", "vielen Dank", "smalltalk_thanks", "The open question above", "Die offene Frage oben wartet"),
])
async def test_thanks_in_the_other_language_during_a_diagnosis_point_back_in_the_diagnosis_language(
        lang, thanks, reply, waiting, other):
    """The reply follows the thanks' language; the line pointing back to the open question
    keeps the diagnosis's, as the question itself."""
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await type_line(pilot, "Aktivierungsmail nicht erhalten" if lang == "de" else "activation email not received")
        await type_line(pilot, "1")
        assert app.dialogue.flow_active
        await type_line(pilot, thanks)
        text = " ".join(screen_text(app).split())
        said = "en" if lang == "de" else "de"
        assert " ".join(tr(said, reply).split())[:30] in text
        assert waiting in text and other not in text


@pytest.mark.parametrize("typed", ["Diagnose starten", "start the diagnosis"])
async def test_typing_the_start_buttons_label_starts_the_diagnosis_not_an_faq_search(typed):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter")  # a topic whose answer offers its diagnosis
        await settle(pilot)
        await type_line(pilot, typed)
        assert app.dialogue.flow_active and isinstance(app.dialogue.items[-1], FlowStep)
        assert not any(isinstance(item, NoMatch) for item in app.dialogue.items)


@pytest.mark.parametrize(("lang", "typed"), [("de", "Diagnose starten"), ("en", "start the diagnosis, please")])
async def test_typing_start_where_no_diagnosis_is_offered_says_so_and_keeps_the_topics(lang, typed):
    """No answer offers a diagnosis yet: the typed label is no FAQ search ("keine Antwort"), the line says
    how one is offered, and the greeting's number keys still pick its topics."""
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_line(pilot, typed)
        assert not any(isinstance(item, NoMatch) for item in app.dialogue.items)
        said = " ".join(tr(lang, "no_flow_offered").split())
        shown = " ".join((await text_when(pilot, lambda text: said[:40] in " ".join(text.split()))).split())
        assert said[:40] in shown
        await pilot.press("1", "enter")
        await settle(pilot)
        assert isinstance(app.dialogue.items[-1], Answer)
