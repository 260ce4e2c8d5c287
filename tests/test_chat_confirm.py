"""Confirming a fact the user stated (bot.chat.confirm), driven by Textual's pilot."""

from __future__ import annotations

import pytest
from chat_helpers import make_app, screen_text, type_line

from bot.chat.dialogue import FlowResult, FlowStep, Notice


@pytest.mark.parametrize(("lang", "story", "reply"), [
    ("de", "Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?",
     "Nein, falsch, die Adresse im VLSC ist max.muster@outlook.com"),
    ("en", "Our OSM is it-admin@contoso.com. Why is there no activation email?",
     "no, sorry, the address listed in VLSC is max.muster@outlook.com"),
])
async def test_a_no_that_gives_the_right_value_takes_it_instead_of_asking_again(lang, story, reply):
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 50)) as pilot:
        await type_line(pilot, story)
        await type_line(pilot, "1")  # start the diagnosis
        item = app.dialogue.items[-1]
        assert isinstance(item, Notice) and item.key == "confirm_stated" and item.args["fact"] == "osm_email"
        await type_line(pilot, reply)
        assert app.dialogue.run.facts["osm_email"] == "max.muster@outlook.com"  # the corrected address, not asked
        assert not any(isinstance(i, FlowStep) and i.fact_id == "osm_email" for i in app.dialogue.items)
        result = app.dialogue.items[-1]
        assert isinstance(result, FlowResult) and result.diagnosis.cause == "outlook-com-address"
        assert "max.muster@outlook.com" in " ".join(screen_text(app).split())


async def test_a_plain_no_still_asks_the_question():
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await type_line(pilot, "Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
        await type_line(pilot, "1")
        await type_line(pilot, "n")
        item = app.dialogue.items[-1]
        assert isinstance(item, FlowStep) and item.fact_id == "osm_email"
        assert "osm_email" not in app.dialogue.run.facts


def test_a_corrected_value_is_replayed_on_resume():
    from chat_helpers import TODAY, kb_and_matcher

    from bot.chat.dialogue import Dialogue

    kb, matcher = kb_and_matcher()
    events: list[dict] = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.submit("Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
    d.submit("1")
    d.submit("Nein, falsch, die Adresse im VLSC ist max.muster@outlook.com")
    again = Dialogue(kb, matcher, TODAY)
    again.replay(events)
    assert again.run.facts == d.run.facts and again.run.facts["osm_email"] == "max.muster@outlook.com"
    assert isinstance(again.items[-1], FlowResult)


@pytest.mark.parametrize(("lang", "story", "typed", "day"), [
    ("de", "Uns fehlt die Aktivierungsmail. Die Nutzung unserer Bestellung beginnt laut Händler am 20.12.2026.",
     "03.12.2026", 3),
    ("en", "The activation email has not arrived. Per the reseller our subscription starts on 2026-12-20.",
     "2026-12-04", 4),
])
def test_a_date_typed_to_a_stated_date_is_taken_and_replayed(lang, story, typed, day):
    from pathlib import Path

    from chat_helpers import TODAY

    from bot.chat.dialogue import Dialogue
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base(Path(__file__).resolve().parent.parent / "knowledge")  # its flow reads usage dates
    matcher = Matcher(kb)
    events: list[dict] = []
    d = Dialogue(kb, matcher, TODAY, lang, on_event=events.append)
    d.submit(story)
    d.choose(next(o for o in d.options if o.kind == "flow"))
    assert d.confirming and d.current_fact.id == "usage_start"
    d.submit(typed)  # the right date instead of "yes" or "no": not asked a second time
    assert d.run.facts["usage_start"].day == day
    assert not any(isinstance(i, FlowStep) and i.fact_id == "usage_start" for i in d.items)
    again = Dialogue(kb, matcher, TODAY, lang)
    again.replay(events)
    assert again.run.facts == d.run.facts


@pytest.mark.parametrize(("lang", "story", "first", "second"), [
    ("de", "Läuft der Aktivierungslink ab? Wir haben am 3/4/2026 gekauft.", "1 3. April 2026", "2 4. März 2026"),
    ("en", "Does the activation link expire? We bought on 3/4/2026.", "1 3 April 2026", "2 4 March 2026"),
])
async def test_a_stated_date_that_reads_two_ways_is_not_confirmed_as_one_reading(lang, story, first, second):
    from chat_helpers import TODAY

    from bot.chat.app import ChatApp
    from faq.search.cache import load

    kb, matcher = load()
    app = ChatApp(kb, matcher, today=TODAY, lang=lang)
    async with app.run_test(size=(100, 50)) as pilot:
        await type_line(pilot, story)
        await type_line(pilot, "1")  # start the diagnosis
        assert not any(isinstance(i, Notice) and i.key == "confirm_stated" for i in app.dialogue.items)
        item = app.dialogue.items[-1]
        assert isinstance(item, FlowStep) and item.fact_id == "purchase_date"  # asked, not one reading taken
        await type_line(pilot, "3/4/2026")
        text = " ".join(screen_text(app).split())
        assert first in text and second in text
        await type_line(pilot, "2")
        assert app.dialogue.run.facts["purchase_date"].isoformat() == "2026-03-04"
        assert isinstance(app.dialogue.items[-1], FlowResult)


@pytest.mark.parametrize(("lang", "reply"), [("en", "yep thats correct"), ("de", "ja das stimmt")])
async def test_a_yes_without_a_comma_confirms_the_stated_fact(lang, reply):
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 50)) as pilot:
        await type_line(pilot, "Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
        await type_line(pilot, "1")
        await type_line(pilot, reply)
        assert app.dialogue.run.facts["osm_email"] == "it-admin@contoso.de"
        assert not any(isinstance(i, FlowStep) and i.fact_id == "osm_email" for i in app.dialogue.items)


@pytest.mark.parametrize(("lang", "story", "problem"), [
    ("de", "Die Aktivierungsmail fehlt, unser OSM ist it@firma.de",
     "Ganz andere Sache: der Aktivierungslink ist abgelaufen, gekauft haben wir im März 2026."),
    ("en", "The activation email is missing, our OSM is it@contoso.com",
     "Something else entirely: the activation link has expired, we bought in March 2026."),
])
def test_a_new_problem_told_instead_of_confirming_ends_the_diagnosis(lang, story, problem):
    """Not a 'no' that asks for the address: the new problem's answer, with its own diagnosis."""
    from pathlib import Path

    from chat_helpers import TODAY

    from bot.chat.dialogue import Answer, Dialogue
    from faq.search.cache import load

    kb, matcher = load(Path(__file__).parent.parent / "knowledge")
    d = Dialogue(kb, matcher, TODAY, lang=lang)
    d.submit(story)
    d.select(0)
    assert d.confirming
    answer = d.submit(problem)[-1]
    assert isinstance(answer, Answer) and answer.entry_id == "activation-link-expiry"
    assert answer.left == "missing-activation-email" and not d.flow_active
    assert "osm_email" not in (d.run.declined if d.run is not None else set())


async def test_a_fact_on_a_line_of_its_own_is_quoted_back_without_the_line_before():
    from chat_helpers import TODAY

    from bot.chat.app import ChatApp
    from faq.search.cache import load

    kb, matcher = load()  # the bundled knowledge: its reader's cues
    app = ChatApp(kb, matcher, today=TODAY)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press(*"Wir haben keine Aktivierungs-E-Mail erhalten. OSM: lena.vogt@beispiel.de")
        await pilot.press("ctrl+j", *"Spam-Ordner haben wir geprüft", "enter")
        for _ in range(3):
            await pilot.pause()
        await type_line(pilot, "1")  # start the diagnosis
        for _ in range(4):  # confirm what was stated until the junk folder is the one shown
            item = app.dialogue.items[-1]
            if isinstance(item, Notice) and item.args.get("fact") == "junk_checked":
                break
            await type_line(pilot, "j")
        item = app.dialogue.items[-1]
        assert isinstance(item, Notice) and item.key == "confirm_stated" and item.args["fact"] == "junk_checked"
        text = " ".join(screen_text(app).split())
        assert "„Spam-Ordner haben wir geprüft“" in text and "beispiel.de Spam-Ordner" not in text




@pytest.mark.parametrize(("lang", "story", "approximate", "exact"), [
    ("de", "Wir haben die Lizenzen vor etwa vier Monaten gekauft. Ist der Aktivierungslink noch gültig?",
     "bis 25.12.2026 (sicher – je nach genauem Tag auch bis 25.02.2027)", "24.01.2027"),
    ("en", "We bought the licences about four months ago. Is the activation link still valid?",
     "by 25 Dec 2026 (for certain – depending on the exact day, up to 25 Feb 2027)", "24 Jan 2027"),
])
async def test_a_confirmed_rough_span_gives_a_result_with_approximate_dates(lang, story, approximate, exact):
    from chat_helpers import TODAY

    from bot.chat.app import ChatApp
    from faq.search.cache import load

    app = ChatApp(*load(), today=TODAY, lang=lang)  # the bundled knowledge: its activation link flow
    async with app.run_test(size=(120, 60)) as pilot:
        await type_line(pilot, story)
        items = list(app.dialogue.items)
        if not (isinstance(items[-1], Notice) and items[-1].key == "confirm_stated"):
            await type_line(pilot, "1")  # start the diagnosis
        item = app.dialogue.items[-1]
        assert isinstance(item, Notice) and item.key == "confirm_stated" and item.args["fact"] == "purchase_date", items
        await type_line(pilot, "ja" if lang == "de" else "yes")
        result = app.dialogue.items[-1]
        assert isinstance(result, FlowResult) and result.diagnosis.cause == "activation-link-valid"
        shown = " ".join(screen_text(app).split())
        assert approximate in shown and exact not in shown


@pytest.mark.parametrize(("lang", "story", "about"), [
    ("de", "Hallo, wir haben die Lizenzen vor etwa zwei Monaten gekauft und die Mail kam an. Ist der Link noch gültig?",
     "ich verstehe: etwa "),
    ("en", "We bought the licenses about two months ago and got the activation email. Is the activation link still valid?",
     "I take that as: around "),
])
def test_a_date_told_roughly_is_confirmed_as_approximate(lang, story, about):
    from datetime import date
    from pathlib import Path

    from bot.chat.dialogue import Dialogue
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base(Path(__file__).parent.parent / "knowledge")  # the bundled flow reads the rough span
    d = Dialogue(kb, Matcher(kb), date(2026, 11, 27), lang)
    d.submit(story)
    shown = [i for i in d.start_flow("activation-link-expiry") if isinstance(i, Notice) and i.key == "confirm_stated"]
    assert shown and about in shown[0].text


@pytest.mark.parametrize(("lang", "story", "too_rough", "exact", "cause"), [
    ("de", "Die Lizenzen sind vor ungefähr fünf Monaten gekauft worden. Gilt der Aktivierungslink noch?",
     "Sie schrieben: „vor ungefähr fünf Monaten“ – das ist zu ungenau, um hier zu entscheiden", "10.05.2026",
     "activation-link-expired"),
    ("en", "The licences were bought roughly five months ago. Does the activation link still work?",
     "You wrote: “roughly five months ago” – that is too rough to decide here", "2026-07-01", "activation-link-valid"),
])
async def test_a_rough_span_whose_days_decide_differently_asks_for_the_exact_date(lang, story, too_rough, exact, cause):
    from chat_helpers import TODAY

    from bot.chat.app import ChatApp
    from faq.search.cache import load

    app = ChatApp(*load(), today=TODAY, lang=lang)  # the bundled knowledge: six months decide the link
    async with app.run_test(size=(120, 60)) as pilot:
        await type_line(pilot, story)
        items = list(app.dialogue.items)
        if not any(isinstance(i, Notice) and i.key == "date_too_rough" for i in items):
            await type_line(pilot, "1")  # start the diagnosis
        items = list(app.dialogue.items)
        assert not any(isinstance(i, Notice) and i.key == "confirm_stated" for i in items), items
        step = items[-1]
        assert isinstance(step, FlowStep) and step.fact_id == "purchase_date", items
        assert too_rough in " ".join(screen_text(app).split())
        await type_line(pilot, exact)
        result = app.dialogue.items[-1]
        assert isinstance(result, FlowResult) and result.diagnosis.cause == cause


@pytest.mark.parametrize(("lang", "story", "retold"), [
    ("de", "Wir haben die Lizenzen vor ca. 5 Monaten gekauft. Ist der Link noch gültig?",
     "Bestellt haben wir vor ca. 5 Monaten"),
    ("en", "We bought the licences approximately 5 months ago. Is the link still valid?",
     "We ordered them approximately 5 months ago"),
])
def test_a_rough_span_is_not_taken_as_its_middle_day_on_resume(lang, story, retold):
    from datetime import date
    from pathlib import Path

    from bot.chat.dialogue import Dialogue
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base(Path(__file__).parent.parent / "knowledge")
    events: list = []
    d = Dialogue(kb, Matcher(kb), date(2026, 11, 26), lang, on_event=events.append)
    d.submit(story)
    shown = d.start_flow("activation-link-expiry")
    assert [i.key for i in shown if isinstance(i, Notice)][-1] == "date_too_rough"
    assert isinstance(shown[-1], FlowStep) and shown[-1].fact_id == "purchase_date"
    retelling = d.submit(retold)  # told roughly again as the answer: asked again, not taken as the middle day
    assert [i.key for i in retelling if isinstance(i, Notice)] == ["date_too_rough"]
    assert "purchase_date" not in d.run.facts
    again = Dialogue(kb, Matcher(kb), date(2026, 11, 26), lang)
    again.replay(events)
    assert isinstance(again.items[-1], FlowStep) and again.items[-1].fact_id == "purchase_date"
    assert [type(i).__name__ for i in again.items] == [type(i).__name__ for i in d.items]
