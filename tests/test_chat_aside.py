"""A question typed in place of an answer (bot.chat.aside), driven by Textual's pilot."""

from __future__ import annotations

import pytest
from chat_helpers import make_app, screen_text, type_line

from bot.chat.dialogue import Notice


async def _to_usage_start(pilot, lang: str) -> None:
    await type_line(pilot, "Aktivierungsmail nicht erhalten" if lang == "de" else "activation email not received")
    await type_line(pilot, "1")  # start the diagnosis
    await type_line(pilot, "it@firma.de")
    await type_line(pilot, "j" if lang == "de" else "y")


@pytest.mark.parametrize(("lang", "question", "first", "second"), [
    ("de", "wie lange ist der Link gültig?", "1 3. April 2026", "2 4. März 2026"),
    ("en", "How long is the activation link valid?", "1 3 April 2026", "2 4 March 2026"),
])
async def test_a_question_asked_instead_of_picking_a_reading_offers_both_readings_again(lang, question, first, second):
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 60)) as pilot:
        await _to_usage_start(pilot, lang)
        assert app.dialogue.current_fact.id == "usage_start"
        await type_line(pilot, "03/04/2026")
        assert [o.target for o in app.dialogue.date_readings if o.kind == "value"] == ["2026-04-03", "2026-03-04"]
        await type_line(pilot, question)
        item = app.dialogue.items[-1]
        assert isinstance(item, Notice) and item.key == "ambiguous_date"  # the readings come last, to be picked
        text = " ".join(screen_text(app).split())
        assert text.rindex(first) > text.rindex("03/04/2026") and second in text
        await type_line(pilot, "2")  # a digit still picks a reading
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
        await type_line(pilot, question)
        text = " ".join(screen_text(app).split())
        assert answered in text  # answered in the language it was asked in
        assert bridge in text and other not in text
        assert text.rindex(asked) > text.rindex(bridge) > text.rindex(answered)  # the bridge, then the question


def _bundled(lang: str, events: list):
    from pathlib import Path

    from chat_helpers import TODAY

    from bot.chat.dialogue import Dialogue
    from faq.search.cache import load

    kb, matcher = load(Path(__file__).parent.parent / "knowledge")
    return Dialogue(kb, matcher, TODAY, lang=lang, on_event=events.append)


@pytest.mark.parametrize(("lang", "story", "problem"), [
    ("de", "Die Aktivierungsmail ist bei uns nie angekommen.",
     "Nebenbei noch: nach der Aktivierung tauchen bei uns keine Lizenzen im Portal auf."),
    ("en", "Our activation email never arrived.",
     "Separate thing: after the activation no licenses show up in our portal at all."),
])
def test_a_new_problem_told_in_place_of_an_answer_ends_the_diagnosis_and_offers_its_own(lang, story, problem):
    """Not 'is not a valid e-mail address', nor an aside that leads back to the old questions: the
    new problem's answer, naming the diagnosis it ended, with its own diagnosis to start; also after resume."""
    from bot.chat.dialogue import Answer, Dialogue, Option

    events: list = []
    d = _bundled(lang, events)
    d.submit(story)
    d.select(0)  # the missing mail's diagnosis
    assert d.current_fact is not None and d.current_fact.id == "osm_email"
    answer = d.submit(problem)[-1]
    assert isinstance(answer, Answer) and answer.entry_id == "licenses-not-visible" and not answer.aside
    assert answer.left == "missing-activation-email" and answer.options[0] == Option("flow", "licenses-not-visible")
    assert not d.flow_active and not any(isinstance(i, Notice) and i.key == "bad_value" for i in d.items)
    d.select(0)
    assert d.run is not None and d.run.flow.id == "licenses-not-visible" and d.run.question == problem
    again = Dialogue(d.kb, d.matcher, d.today, lang=lang)
    again.replay(events)
    assert [repr(i) for i in again.items] == [repr(i) for i in d.items]


@pytest.mark.parametrize(("lang", "text", "entry"), [
    ("de", "Wie lange ist der Aktivierungslink eigentlich gültig?", "activation-link-expiry"),
    ("en", "By the way, our licenses were activated for the wrong account.", "wrong-account-activated"),
])
def test_a_question_or_a_problem_without_a_diagnosis_is_an_aside_and_the_question_comes_again(lang, text, entry):
    from bot.chat.dialogue import Answer, FlowStep

    d = _bundled(lang, [])
    d.submit("Aktivierungsmail nicht erhalten" if lang == "de" else "activation email not received")
    d.select(0)
    *_, answer, step = d.submit(text)
    assert isinstance(answer, Answer) and answer.entry_id == entry and answer.aside and not answer.left
    assert isinstance(step, FlowStep) and step.fact_id == "osm_email" and d.flow_active


def test_a_fact_both_diagnoses_ask_goes_with_the_new_problem():
    """A usage start told beside the new problem is no answer to the old diagnosis: it is offered
    for confirmation in the new one."""
    from bot.chat.dialogue import Answer

    d = _bundled("de", [])
    d.submit("Die Aktivierungsmail fehlt")
    d.select(0)
    answer = d.submit("Außerdem: nach der Aktivierung sehen wir keine Lizenzen im Portal, die Nutzung "
                      "begann laut Händler am 02.11.2026.")[-1]
    assert isinstance(answer, Answer) and answer.left == "missing-activation-email" and answer.stated == 1
    d.select(0)
    confirm = d.items[-1]
    assert isinstance(confirm, Notice) and confirm.key == "confirm_stated" and confirm.args["fact"] == "usage_start"
    assert d.run is not None and d.run.flow.id == "licenses-not-visible"


def _counting(monkeypatch, matcher) -> list[str]:
    """The texts `matcher` is asked to match from now on."""
    asked: list[str] = []
    match = matcher.match

    def counted(text: str, *args, **kwargs):
        asked.append(text)
        return match(text, *args, **kwargs)

    monkeypatch.setattr(matcher, "match", counted)
    return asked


@pytest.mark.parametrize(("lang", "said"), [
    ("de", "Unser Büro zieht nächste Woche in ein anderes Gebäude um"),
    ("en", "Our office moves to another building next week"),
])
async def test_a_sentence_that_is_no_answer_runs_the_matcher_once(monkeypatch, lang, said):
    """Neither a new problem nor a question the FAQ answers: both checks share one run of the matcher,
    and the user gets the reason the answer was not taken, the question still open."""
    from chat_helpers import kb_and_matcher

    asked = _counting(monkeypatch, kb_and_matcher()[1])
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 60)) as pilot:
        await type_line(pilot, "Aktivierungsmail nicht erhalten" if lang == "de" else "activation email not received")
        await type_line(pilot, "1")
        assert app.dialogue.current_fact.id == "osm_email"
        await type_line(pilot, said)
        assert asked.count(said) == 1
        item = app.dialogue.items[-1]
        assert isinstance(item, Notice) and item.key == "bad_value" and app.dialogue.current_fact.id == "osm_email"


def test_a_new_problem_told_in_place_of_an_answer_is_matched_once(monkeypatch):
    from bot.chat.dialogue import Answer

    d = _bundled("en", [])
    d.submit("Our activation email never arrived.")
    d.select(0)
    asked = _counting(monkeypatch, d.matcher)
    problem = "Another thing: after the activation our portal shows no licenses whatsoever."
    answer = d.submit(problem)[-1]
    assert isinstance(answer, Answer) and answer.entry_id == "licenses-not-visible" and answer.left
    assert asked.count(problem) == 1
