"""A question typed in place of an answer (bot.chat.aside), driven by Textual's pilot."""

from __future__ import annotations

import pytest
from chat_helpers import make_app, screen_text

from bot.chat.dialogue import Notice


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.press("enter")
    for _ in range(3):
        await pilot.pause()


async def _to_usage_start(pilot, lang: str) -> None:
    await _type(pilot, "Aktivierungsmail nicht erhalten" if lang == "de" else "activation email not received")
    await _type(pilot, "1")  # start the diagnosis
    await _type(pilot, "it@firma.de")
    await _type(pilot, "j" if lang == "de" else "y")


@pytest.mark.parametrize(("lang", "question", "first", "second"), [
    ("de", "wie lange ist der Link gültig?", "1 3. April 2026", "2 4. März 2026"),
    ("en", "How long is the activation link valid?", "1 3 April 2026", "2 4 March 2026"),
])
async def test_a_question_asked_instead_of_picking_a_reading_offers_both_readings_again(lang, question, first, second):
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 60)) as pilot:
        await _to_usage_start(pilot, lang)
        assert app.dialogue.current_fact.id == "usage_start"
        await _type(pilot, "03/04/2026")
        assert [o.target for o in app.dialogue.date_readings if o.kind == "value"] == ["2026-04-03", "2026-03-04"]
        await _type(pilot, question)
        item = app.dialogue.items[-1]
        assert isinstance(item, Notice) and item.key == "ambiguous_date"  # the readings come last, to be picked
        text = " ".join(screen_text(app).split())
        assert text.rindex(first) > text.rindex("03/04/2026") and second in text
        await _type(pilot, "2")  # a digit still picks a reading
        assert app.dialogue.run.facts["usage_start"].isoformat() == "2026-03-04"
        assert app.dialogue.current_fact.id == "domain_verified"


async def test_a_resumed_chat_offers_the_readings_again_after_the_question():
    from chat_helpers import TODAY, kb_and_matcher

    from bot.chat.dialogue import Dialogue

    kb, matcher = kb_and_matcher()
    events: list[dict] = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.submit("Aktivierungsmail nicht erhalten")
    d.submit("1")
    d.submit("it@firma.de")
    d.submit("j")
    d.submit("03/04/2026")
    d.submit("wie lange ist der Link gültig?")
    again = Dialogue(kb, matcher, TODAY)
    again.replay(events)
    assert [o.target for o in again.date_readings if o.kind == "value"] == ["2026-04-03", "2026-03-04"]
    again.submit("1")
    assert again.run.facts["usage_start"].isoformat() == "2026-04-03"


@pytest.mark.parametrize(("lang", "question", "answered", "bridge", "other"), [
    ("de", "How long is the activation link valid?", "Does the activation link expire?", "Back to the diagnosis",
     "Zurück zur Diagnose"),
    ("en", "Wie lange ist der Aktivierungslink gültig?", "Läuft der Aktivierungslink ab?", "Zurück zur Diagnose",
     "Back to the diagnosis"),
])
async def test_a_side_question_in_the_other_language_leads_back_in_the_users_language(lang, question, answered,
                                                                                     bridge, other):
    """The side answer follows the question's language, and so do the line back and the
    diagnosis's question asked again: the user's latest words decide the language."""
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 80)) as pilot:
        await _to_usage_start(pilot, lang)
        asked = app.dialogue.current_fact.question.get("en" if lang == "de" else "de")
        await _type(pilot, question)
        text = " ".join(screen_text(app).split())
        assert answered in text  # answered in the language it was asked in
        assert bridge in text and other not in text
        assert text.rindex(asked) > text.rindex(bridge) > text.rindex(answered)  # the bridge, then the question
