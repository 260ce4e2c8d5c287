"""The conversation state machine, without Textual."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import TODAY, kb_and_matcher

from bot.chat.dialogue import (
    Answer,
    Clarify,
    Dialogue,
    FlowResult,
    FlowStep,
    Greeting,
    NoMatch,
    Notice,
    Option,
    UserMessage,
    canonical,
)
from faq.flows.values import UNKNOWN


@pytest.fixture
def dialogue():
    kb, matcher = kb_and_matcher()
    events = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.events = events  # type: ignore[attr-defined]
    return d


def test_greeting_offers_common_topics(dialogue):
    (item,) = dialogue.greet()
    assert isinstance(item, Greeting)
    ids = [o.target for o in item.options]
    assert ids[:2] == ["activation-email-missing", "resend-activation-email"]
    assert len(ids) <= 6


def test_question_answered(dialogue):
    user, answer = dialogue.submit("Aktivierungsmail nicht erhalten")
    assert user == UserMessage("Aktivierungsmail nicht erhalten")
    assert isinstance(answer, Answer) and answer.entry_id == "activation-email-missing"
    assert answer.options[0] == Option("flow", "missing-activation-email")
    assert dialogue.events == [{"type": "ask", "text": "Aktivierungsmail nicht erhalten"}]


def test_clarify_then_pick_and_none(dialogue):
    _, clarify = dialogue.submit("aktivierungsmail")
    assert isinstance(clarify, Clarify)
    assert clarify.options[-1] == Option("none")
    (answer,) = dialogue.submit("2")
    assert isinstance(answer, Answer) and answer.entry_id == clarify.candidates[1]
    dialogue.submit("aktivierungsmail")
    (notice,) = dialogue.select(len(dialogue.options) - 1)
    assert isinstance(notice, Notice) and notice.key == "none_of_these"
    assert notice.options == (Option("entry", "contact-support"),)


def test_no_match_is_honest(dialogue):
    _, item = dialogue.submit("Pizza Quattro Formaggi bestellen")
    assert isinstance(item, NoMatch)
    assert Option("entry", "contact-support") in item.options


def test_control_characters_are_removed(dialogue):
    user, _ = dialogue.submit("\x1b]0;evil\x07Aktivierungsmail\x1b[31m nicht erhalten")
    assert user.text == "Aktivierungsmail nicht erhalten"


def test_flow_to_resolution_back_and_restart(dialogue):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    notice, step = dialogue.select(0)
    assert notice.key == "flow_started"
    assert isinstance(step, FlowStep) and step.fact_id == "osm_email" and step.number == 1
    _, step2 = dialogue.submit("it@firma.de")
    assert step2.fact_id == "junk_checked" and step2.number == 2
    assert step2.at_most >= 2
    # back: the e-mail question again
    _, again = dialogue.back()
    assert again.fact_id == "osm_email"
    _, result = dialogue.submit("M.Schulz@Outlook.com")
    assert isinstance(result, FlowResult)
    assert result.diagnosis.cause == "outlook-com-address"
    assert result.question == "Aktivierungsmail nicht erhalten"
    assert not dialogue.flow_active and dialogue.last_result is result
    # restart: from the first question
    _, first = dialogue.restart()
    assert first.fact_id == "osm_email" and dialogue.run.facts == {}
    kinds = [e["type"] for e in dialogue.events]
    assert kinds == ["ask", "flow", "answer", "back", "answer", "restart"]


def test_bad_date_is_explained_and_question_stays(dialogue):
    dialogue.start_flow("missing-activation-email")
    dialogue.submit("it@firma.de")
    dialogue.submit("ja")
    assert dialogue.current_fact.id == "usage_start"
    user, notice = dialogue.submit("31.02.2026")
    assert isinstance(notice, Notice) and notice.key == "bad_value"
    assert "31.02.2026" in notice.text
    assert dialogue.current_fact.id == "usage_start"
    _, result = dialogue.submit("heute")
    assert isinstance(result, FlowResult) and result.diagnosis.cause == "usage-start-pending"
    assert result.diagnosis.facts["usage_start"] == TODAY


def test_bad_email_is_explained(dialogue):
    dialogue.start_flow("missing-activation-email")
    _, notice = dialogue.submit("kein at zeichen")
    assert notice.key == "bad_value" and "@" in notice.text
    assert dialogue.current_fact.id == "osm_email"


def test_yesno_options_and_unknown(dialogue):
    dialogue.start_flow("missing-activation-email")
    (_, step) = dialogue.submit("it@firma.de")
    assert [o.target for o in step.options[:3]] == ["ja", "nein", "unbekannt"]
    dialogue.choose(step.options[2])
    assert dialogue.run.facts["junk_checked"] is UNKNOWN


def test_unknown_everywhere_ends_unresolved_with_possible(dialogue):
    dialogue.start_flow("missing-activation-email")
    while dialogue.flow_active:
        dialogue.submit("weiß nicht")
    result = dialogue.last_result
    assert result.diagnosis.cause == "unresolved"
    assert result.diagnosis.possible


def test_replay_rebuilds_the_conversation(dialogue):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    dialogue.submit("it@firma.de")
    dialogue.submit("vor 3 Tagen") if dialogue.current_fact.type == "date" else dialogue.submit("ja")
    kb, matcher = kb_and_matcher()
    later = Dialogue(kb, matcher, date(2027, 1, 1))
    later.replay(dialogue.events)
    assert later.run.facts == dialogue.run.facts
    assert later.current_fact == dialogue.current_fact
    assert [type(i) for i in later.items] == [type(i) for i in dialogue.items]


def test_canonical_values_round_trip():
    assert canonical(True) == "ja" and canonical(False) == "nein"
    assert canonical(UNKNOWN) == "unbekannt"
    assert canonical(date(2026, 2, 28)) == "2026-02-28"


def test_cancel_leaves_the_flow(dialogue):
    dialogue.start_flow("missing-activation-email")
    (notice,) = dialogue.cancel()
    assert notice.key == "cancelled" and not dialogue.flow_active
    _, item = dialogue.submit("Aktivierungslink abgelaufen")
    assert isinstance(item, Answer)
