"""The conversation state machine, without Textual."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import TODAY, kb_and_matcher, make_dialogue

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
    SmallTalk,
    UserMessage,
    canonical,
)
from faq.flows.values import UNKNOWN


@pytest.fixture
def dialogue():
    return make_dialogue()


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


# -- small talk, the question's language, dates, back after the result ------------------------


@pytest.mark.parametrize(("text", "kind"), [("hallo", "greeting"), ("Danke!", "thanks"), ("tschüss", "goodbye")])
def test_small_talk_gets_a_reply_and_the_topics_stay(dialogue, text, kind):
    from bot.chat.items import SmallTalk

    dialogue.greet()
    topics = dialogue.options
    user, reply = dialogue.submit(text)
    assert isinstance(reply, SmallTalk) and reply.kind == kind and reply.lang == "de"
    assert dialogue.options == topics  # number keys still pick a topic
    assert dialogue.events[-1] == {"type": "ask", "text": text}  # replayed like any message


def test_small_talk_in_english_is_answered_in_english(dialogue):
    _, reply = dialogue.submit("thank you!")
    assert reply.kind == "thanks" and reply.lang == "en"


def test_small_talk_during_a_flow_keeps_the_question_open(dialogue):
    from bot.chat.items import SmallTalk

    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    asked = dialogue.current_fact.id
    _, reply = dialogue.submit("danke")
    assert isinstance(reply, SmallTalk) and dialogue.current_fact.id == asked
    assert dialogue.options[-1] == Option("value", "unbekannt", "unknown")  # the question's options in force (w, u, ?)


def test_an_english_question_gets_an_english_answer_in_the_german_chat(dialogue):
    _, answer = dialogue.submit("How do I resend the activation email?")
    assert isinstance(answer, Answer) and answer.lang == "en"
    _, german = dialogue.submit("Wie sende ich die Aktivierungsmail erneut")
    assert german.lang == ""  # the interface's language


def test_a_german_question_gets_a_german_answer_in_the_english_chat():
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY, lang="en")
    _, answer = d.submit("Läuft der Aktivierungslink ab?")
    assert isinstance(answer, Answer) and answer.lang == "de"
    _, english = d.submit("Does the activation link expire?")
    assert english.lang == ""  # the interface's language


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("short", ["Aktivierungslink", "activation link"])
def test_one_or_two_words_keep_the_conversations_language(lang, short):
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY, lang=lang)
    _, first = d.submit(short)
    assert isinstance(first, Answer) and first.lang == ""  # not clear: the interface's language
    other = "en" if lang == "de" else "de"
    d.submit("Does the activation link expire?" if other == "en" else "Läuft der Aktivierungslink ab?")
    _, again = d.submit(short)
    assert isinstance(again, Answer) and again.lang == other  # the conversation's language, not flipped back


@pytest.mark.parametrize("short", ["VLSC", "OSM Lizenzen", "365 Lizenzen"])
def test_names_and_nouns_do_not_change_the_language(short):
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY, lang="en")
    d.submit(short)
    assert d.talk_lang == ""
    d.submit("Does the activation link expire?")
    d.submit(short)
    assert d.talk_lang == "en"


def test_a_related_topic_after_an_english_answer_is_english_too(dialogue):
    _, answer = dialogue.submit("Why did I not receive the activation email?")
    assert isinstance(answer, Answer) and answer.entry_id == "activation-email-missing" and answer.lang == "en"
    entries = [o for o in answer.options if o.kind == "entry"]
    assert entries
    picked = dialogue.choose(entries[0])[-1]
    assert isinstance(picked, Answer) and picked.lang == "en"


def test_switching_the_interface_language_is_followed_and_replayed():
    kb, matcher = kb_and_matcher()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.submit("Does the activation link expire?")
    d.set_lang("en")
    d.set_lang("de")  # an explicit choice: German again
    _, answer = d.submit("Aktivierungslink")
    assert answer.lang == ""
    replayed = Dialogue(kb, matcher, TODAY)
    replayed.replay(events)
    assert [getattr(i, "lang", None) for i in replayed.items] == [getattr(i, "lang", None) for i in d.items]


def _at_usage_start(dialogue):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    dialogue.submit("it@firma.de")
    dialogue.submit("ja")
    assert dialogue.current_fact.id == "usage_start"


def test_an_ambiguous_date_is_asked_back_with_both_readings(dialogue):
    _at_usage_start(dialogue)
    _, notice = dialogue.submit("3/12/2026")
    assert notice.key == "ambiguous_date" and "3. Dezember 2026" in notice.text and "12. März 2026" in notice.text
    assert [o.target for o in notice.options[:2]] == ["2026-12-03", "2026-03-12"]
    assert dialogue.current_fact.id == "usage_start"  # nothing taken yet
    user, *_ = dialogue.submit("1")  # the digit picks a reading
    assert user.text == "3. Dezember 2026"
    assert dialogue.run.facts["usage_start"] == date(2026, 12, 3)


def test_back_after_the_result(dialogue):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    _, result = dialogue.submit("m.schulz@outlook.com")
    assert isinstance(result, FlowResult) and Option("action", "back") in result.options
    _, step = dialogue.back()
    assert isinstance(step, FlowStep) and step.fact_id == "osm_email" and dialogue.flow_active


@pytest.fixture
def expiry():
    """The bundled knowledge base's link-expiry diagnosis (a purchase date, six months)."""
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base()
    d = Dialogue(kb, Matcher(kb), TODAY)
    d.start_flow("activation-link-expiry")
    return d


@pytest.mark.parametrize(("month", "cause"), [("März 2026", "activation-link-expired"),
                                              ("Juni 2026", "activation-link-valid")])
def test_a_month_alone_is_enough_where_it_settles_the_rule(expiry, month, cause):
    _, result = expiry.submit(month)
    assert isinstance(result, FlowResult) and result.diagnosis.cause == cause


def test_a_month_that_does_not_settle_the_rule_asks_for_the_day(expiry):
    _, notice = expiry.submit("Mai 2026")  # 24 May + 6 months is today: the day decides
    assert notice.key == "bad_value" and "hängt das Ergebnis vom Tag ab" in notice.text and "15.05.2026" in notice.text
    assert expiry.current_fact.id == "purchase_date"


@pytest.mark.parametrize("raw", ["1.1.2027", "morgen", "3/12/2027"])
def test_a_future_purchase_date_is_refused(expiry, raw):
    _, notice = expiry.submit(raw)
    assert notice.key == "bad_value" and "in der Zukunft" in notice.text
    assert expiry.current_fact.id == "purchase_date"


def test_a_reading_in_the_future_is_no_reading_of_a_purchase_date(expiry):
    _, result = expiry.submit("3/12/2026")  # 3 December 2026 has not come yet: 12 March it is
    assert isinstance(result, FlowResult) and result.diagnosis.facts["purchase_date"] == date(2026, 3, 12)


def test_a_month_date_round_trips_through_replay(expiry):
    expiry.submit("März 2026")
    assert canonical(expiry.run.facts["purchase_date"]) == "2026-03"


@pytest.mark.parametrize("text,lang", [
    ("Unser OSM ist it-admin@contoso.de, die Domäne ist bereits verifiziert. Warum kommt keine Aktivierungsmail?", "de"),
    ("Our OSM is it-admin@contoso.example and the domain is already verified. Why is there no activation email?", "en"),
])
def test_facts_stated_in_the_question_are_confirmed_not_asked(text, lang):
    from faq.search.cache import load

    kb, matcher = load()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, lang=lang, on_event=events.append)
    d.ask(text)
    items = d.start_flow("missing-activation-email")
    confirm = items[-1]  # the stated fact that settles the case first; the address is not needed then
    assert isinstance(confirm, Notice) and confirm.key == "confirm_stated"
    assert "verifiziert" in confirm.text or "verified" in confirm.text
    items = d.select(0)  # yes
    confirmed = [confirm.args["fact"]]
    while not isinstance(items[-1], FlowResult):
        if isinstance(items[-1], Notice):  # another stated fact: confirmed with yes
            confirmed.append(items[-1].args["fact"])
            items = d.select(0)
        else:  # a question nobody stated: "don't know"
            items = d.choose(Option("value", "unbekannt"))
    assert confirmed == ["domain_verified"]
    assert not any(isinstance(i, FlowStep) and i.fact_id in confirmed for i in d.items)
    assert items[-1].diagnosis.cause == "domain-verified"
    replayed = Dialogue(kb, matcher, TODAY, lang=lang)
    replayed.replay(events)
    assert replayed.run.facts == d.run.facts


def test_a_stated_fact_the_user_does_not_confirm_is_asked():
    from faq.search.cache import load

    kb, matcher = load()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.ask("Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
    d.start_flow("missing-activation-email")
    items = d.select(1)  # no
    assert isinstance(items[-1], FlowStep) and items[-1].fact_id == "osm_email"
    assert "osm_email" not in d.run.facts
    replayed = Dialogue(kb, matcher, TODAY)
    replayed.replay(events)
    assert isinstance(replayed.items[-1], FlowStep) and replayed.items[-1].fact_id == "osm_email"


@pytest.mark.parametrize("text,lang", [
    ("Unser OSM ist it-admin@contoso.de, den Spam-Ordner haben wir schon geprüft, aber keine Aktivierungsmail", "de"),
    ("Our OSM is it-admin@contoso.example and we already checked the junk folder, still no activation email", "en"),
])
def test_every_stated_fact_is_confirmed_before_any_other_question(text, lang):
    """Two stated facts neither of which settles the case: both are shown for confirmation, in
    the flow's order, before any question is asked."""
    from faq.search.cache import load

    kb, matcher = load()
    d = Dialogue(kb, matcher, TODAY, lang=lang)
    d.ask(text)
    first = d.start_flow("missing-activation-email")[-1]
    second = d.select(0)[-1]
    assert isinstance(first, Notice) and first.args["fact"] == "osm_email"
    assert isinstance(second, Notice) and second.key == "confirm_stated" and second.args["fact"] == "junk_checked"
    asked = d.select(0)[-1]
    assert isinstance(asked, FlowStep) and d.run.facts.keys() == {"osm_email", "junk_checked"}
    assert sum(isinstance(i, FlowStep) for i in d.items) == 1


def test_no_match_and_clarify_follow_the_questions_language(dialogue):
    _, nomatch = dialogue.submit("What is the capital city of Peru?")
    assert isinstance(nomatch, NoMatch) and nomatch.lang == "en"
    _, german = dialogue.submit("Was ist die Hauptstadt von Peru?")
    assert isinstance(german, NoMatch) and german.lang == ""


def test_a_diagnosis_from_an_english_answer_asks_in_english_in_the_german_chat(dialogue):
    _, answer = dialogue.submit("Why did I not receive the activation email?")
    assert isinstance(answer, Answer) and answer.lang == "en"
    started, step = dialogue.choose(answer.options[0])
    assert isinstance(started, Notice) and started.lang == "en"
    assert isinstance(step, FlowStep) and step.lang == "en"
    assert dialogue.flow_lang == "en"
    _, error = dialogue.submit("not-an-address")
    assert isinstance(error, Notice) and error.key == "bad_value" and error.lang == "en"
    assert "e-mail" in error.text.lower() or "address" in error.text.lower()
    _, nxt = dialogue.submit("it@firma.de")
    assert isinstance(nxt, FlowStep) and nxt.lang == "en"
    back = dialogue.back()
    assert back[0].lang == "en" and back[-1].lang == "en"
    (cancelled,) = dialogue.cancel()
    assert cancelled.key == "cancelled" and cancelled.lang == "en"


def test_a_diagnosis_from_a_german_answer_stays_german_and_an_explicit_switch_is_followed(dialogue):
    _, answer = dialogue.submit("Aktivierungsmail nicht erhalten")
    _, step = dialogue.choose(answer.options[0])
    assert isinstance(step, FlowStep) and step.lang == "" and dialogue.flow_lang == "de"
    dialogue.submit("Does the activation link expire?")  # an English question in between: the flow is asked on
    dialogue.set_lang("en")
    assert dialogue.flow_lang == "en"
    _, nxt = dialogue.submit("it@firma.de")
    assert isinstance(nxt, FlowStep) and nxt.lang == ""  # the interface's, now English


def test_the_language_of_a_diagnosis_is_replayed():
    kb, matcher = kb_and_matcher()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    _, answer = d.submit("Why did I not receive the activation email?")
    d.choose(answer.options[0])
    d.submit("it@firma.de")
    replayed = Dialogue(kb, matcher, TODAY)
    replayed.replay(events)
    assert [getattr(i, "lang", None) for i in replayed.items] == [getattr(i, "lang", None) for i in d.items]
    assert replayed.flow_lang == "en"


@pytest.mark.parametrize("answer", ["nein", "weiß ich nicht genau"])
def test_a_declined_stated_fact_keeps_the_users_words_when_replayed(answer):
    """The web page and --resume rebuild the conversation from its events: the user's
    answer to "Sie schrieben: … – stimmt das?" stays where it was."""
    from faq.search.cache import load

    kb, matcher = load()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.ask("Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
    d.start_flow("missing-activation-email")
    d.submit(answer)
    assert UserMessage(answer) in d.items
    replayed = Dialogue(kb, matcher, TODAY)
    replayed.replay(events)
    assert [repr(i) for i in replayed.items] == [repr(i) for i in d.items]


@pytest.mark.parametrize("reply", ["Ja, stimmt", "yes, that's right", "richtig"])
def test_a_stated_fact_is_confirmed_by_a_longer_yes(reply):
    from faq.search.cache import load

    kb, matcher = load()
    d = Dialogue(kb, matcher, TODAY)
    d.ask("Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
    d.start_flow("missing-activation-email")
    d.submit(reply)
    assert d.run.facts["osm_email"] == "it-admin@contoso.de"


def test_the_users_messages_carry_the_language_they_are_written_in(dialogue):
    """"Sie:"/"You:" follows the conversation's language, as the answers do."""
    user, answer = dialogue.submit("Does the activation link expire?")
    assert isinstance(user, UserMessage) and user.lang == "en" and answer.lang == "en"
    user, _ = dialogue.submit("ok")
    assert user.lang == "en"
    user, answer = dialogue.submit("Läuft der Aktivierungslink ab?")
    assert user.lang == "" and answer.lang == ""


@pytest.mark.parametrize("reply", ["ok", "passt", "okay."])
def test_ok_confirms_a_stated_fact_and_the_transcript_shows_what_was_typed(reply):
    from faq.search.cache import load

    kb, matcher = load()
    d = Dialogue(kb, matcher, TODAY)
    d.ask("Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?")
    d.start_flow("missing-activation-email")
    user = d.submit(reply)[0]
    assert d.run.facts["osm_email"] == "it-admin@contoso.de"
    assert user == UserMessage(reply)


def test_ok_to_an_open_yes_no_question_is_no_answer_and_keeps_it_open(dialogue):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    dialogue.submit("it@firma.de")
    asked = dialogue.current_fact
    assert asked is not None and asked.type == "yesno"
    _, reply = dialogue.submit("ok")
    assert isinstance(reply, SmallTalk) and reply.kind == "ack"
    assert dialogue.current_fact == asked and asked.id not in dialogue.run.facts


def _bundled_dialogue(lang: str = "de", events: list | None = None) -> Dialogue:
    from faq.search.cache import load

    kb, matcher = load()
    return Dialogue(kb, matcher, TODAY, lang=lang, on_event=None if events is None else events.append)


@pytest.mark.parametrize(("text", "lang", "fact", "shown"), [
    ("Keine Aktivierungsmail bekommen. Spam schon geprüft.", "de", "junk_checked", "ich verstehe: ja"),
    ("Die Aktivierungs-E-Mail kam nicht an, den Spam-Ordner habe ich schon geprüft", "de", "junk_checked",
     "„den Spam-Ordner habe ich schon geprüft“ – ich verstehe: ja"),
    ("Keine Aktivierungsmail erhalten, der Nutzungsbeginn ist der 01.12.2026.", "de", "usage_start",
     "„01.12.2026“ – ich verstehe: 1. Dezember 2026"),
    ("Aktivierungsmail fehlt, OSM ist max@firma.de und die Domäne ist schon verifiziert.", "de", "domain_verified",
     "„die Domäne ist schon verifiziert“ – ich verstehe: ja"),
    ("Aktivierungsmail fehlt, OSM ist max@firma.de.", "de", "osm_email", "„max@firma.de“ – stimmt das?"),
    ("No activation email yet. I already checked the spam folder.", "en", "junk_checked",
     "“I already checked the spam folder” – I take that as: yes"),
    ("Keine Mail zur Aktivierung da. Junk-Ordner: nichts drin.", "de", "junk_checked",
     "„Junk-Ordner: nichts drin“ – ich verstehe: ja"),
    ("The activation email did not arrive; usage starts on 2026-12-01.", "en", "usage_start", "1 December 2026"),
    ("Activation e-mail still missing. Spam folder: nothing in there.", "en", "junk_checked",
     "“Spam folder: nothing in there” – I take that as: yes"),
    ("No activation email. Our OSM is max@contoso.example and our domain is verified.", "en", "domain_verified",
     "“our domain is verified” – I take that as: yes"),
    ("No activation email. Our OSM is max@contoso.example.", "en", "osm_email", "max@contoso.example"),
])
def test_a_stated_fact_is_shown_with_its_words_and_what_was_read_from_them(text, lang, fact, shown):
    for ui in ("de", "en"):  # the conversation's language, whatever the interface's
        d = _bundled_dialogue(ui)
        d.ask(text)
        confirm = d.start_flow("missing-activation-email")[-1]
        assert isinstance(confirm, Notice) and confirm.key == "confirm_stated" and confirm.args["fact"] == fact
        assert shown in confirm.text


def test_a_story_told_over_two_messages_pre_fills_the_diagnosis():
    d = _bundled_dialogue()
    d.ask("Die Aktivierungsmail fehlt.")
    d.ask("Den Spam-Ordner habe ich schon geprüft")
    confirm = d.start_flow("missing-activation-email")[-1]
    assert isinstance(confirm, Notice) and confirm.args["fact"] == "junk_checked"
    assert d.run.question == "Die Aktivierungsmail fehlt. Den Spam-Ordner habe ich schon geprüft"  # the summary's "Frage"


@pytest.mark.parametrize(("lang", "first", "then", "flow", "fact"), [
    ("de", "Unsere Aktivierungsmail kam nie an, der OSM ist max@firma.de und die Domäne ist verifiziert",
     "Ganz andere Sache: der Aktivierungslink ist abgelaufen, gekauft haben wir am 2. März 2026",
     "activation-link-expiry", "purchase_date"),
    ("en", "The link in our activation mail has expired, we bought the licences on 2 March 2026",
     "Another thing: the activation email for our second enrollment never arrived, junk folder checked",
     "missing-activation-email", "junk_checked"),
])
def test_a_new_problem_starts_a_fresh_case_without_the_earlier_question(lang, first, then, flow, fact):
    events: list = []
    d = _bundled_dialogue(lang, events)
    d.submit(first)
    *_, answer = d.submit(then)
    assert isinstance(answer, Answer) and answer.options[0] == Option("flow", flow) and answer.stated == 1
    d.choose(answer.options[0])
    assert d.run.question == then  # the case is the new problem, not both
    assert list(d.run.stated) == [fact]  # and only what was told of it is offered for confirmation
    replayed = _bundled_dialogue(lang)
    replayed.replay(events)
    assert replayed.run.question == then and list(replayed.run.stated) == [fact]


@pytest.mark.parametrize(("lang", "before", "then", "kept"), [
    ("de", "<b>Pizza</b> bestellen?", "Unser Aktivierungslink geht nicht mehr, gekauft am 2. März 2026", False),
    ("de", "Wir haben am 2. März 2026 über den Händler gekauft.", "Ist der Aktivierungslink abgelaufen?", True),
    ("en", "We bought our licences on 2 March 2026 from our reseller.", "Has the activation link expired?", True),
])
def test_before_the_message_naming_the_case_only_what_states_its_facts_belongs_to_it(lang, before, then, kept):
    d = _bundled_dialogue(lang)
    d.submit(before)
    *_, answer = d.submit(then)
    d.choose(answer.options[0])
    assert d.run.question == (f"{before} {then}" if kept else then)
    assert "purchase_date" in d.run.stated


def test_a_topic_picked_after_a_diagnosis_is_the_case_not_the_question_before():
    d = _bundled_dialogue()
    d.submit("Die Aktivierungsmail fehlt, unser OSM ist it@firma.de")
    d.start_flow("missing-activation-email")
    d.show_entry("licenses-not-visible")  # from the topic list, after that diagnosis
    d.start_flow("licenses-not-visible")
    assert d.run.question == d.kb.entry("licenses-not-visible").question.get("de")
    assert not d.run.stated


def test_an_answer_that_states_more_is_taken_and_the_rest_confirmed_also_after_resume():
    events: list = []
    d = _bundled_dialogue(events=events)
    d.ask("Die Aktivierungsmail fehlt.")
    d.start_flow("missing-activation-email")
    items = d.submit("max@firma.de, die Domäne ist schon verifiziert")
    assert d.run.facts["osm_email"] == "max@firma.de"
    assert isinstance(items[-1], Notice) and items[-1].args["fact"] == "domain_verified"
    result = d.submit("ja")[-1]
    assert isinstance(result, FlowResult) and result.diagnosis.cause == "domain-verified"
    replayed = _bundled_dialogue()
    replayed.replay(events)
    assert replayed.run.facts == d.run.facts and isinstance(replayed.items[-1], FlowResult)
    assert [i.text for i in replayed.items if isinstance(i, UserMessage)] == [
        i.text for i in d.items if isinstance(i, UserMessage)]


def test_a_yes_that_states_another_fact_has_it_confirmed_next():
    d = _bundled_dialogue()
    d.ask("Die Aktivierungsmail fehlt.")
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    while d.current_fact is not None and d.current_fact.id != "junk_checked":
        d.choose(Option("value", "unbekannt"))
    items = d.submit("Ja, und die Domäne ist auch schon verifiziert")
    assert d.run.facts["junk_checked"] is True
    assert isinstance(items[-1], Notice) and items[-1].args["fact"] == "domain_verified"
    result = d.submit("stimmt")[-1]
    assert isinstance(result, FlowResult) and result.diagnosis.cause == "domain-verified"


@pytest.mark.parametrize(("typed", "expected"), [
    ("31.08.", date(2026, 8, 31)),
    ("am 31. August gekauft", date(2026, 8, 31)),
    ("31.12.", date(2025, 12, 31)),  # no year, and a purchase lies in the past: the last 31 December
])
def test_a_date_without_a_year_is_read_in_the_year_that_fits(expiry, typed, expected):
    expiry.submit(typed)
    assert expiry.run.facts["purchase_date"] == expected


def test_a_yes_alone_outside_a_diagnosis_is_asked_what_it_refers_to_and_inside_it_answers(dialogue):
    _, reply = dialogue.submit("ja")
    assert isinstance(reply, SmallTalk) and reply.kind == "yesno"
    dialogue.submit("Aktivierungsmail nicht erhalten")
    dialogue.select(0)
    dialogue.submit("it@firma.de")
    asked = dialogue.current_fact
    assert asked.type == "yesno"
    dialogue.submit("ja")
    assert dialogue.run.facts[asked.id] is True


@pytest.mark.parametrize("text,lang", [
    ("Unser OSM ist it-admin@contoso.de, die Domäne ist bereits verifiziert, aber keine Aktivierungsmail", "de"),
    ("Our OSM is it-admin@contoso.example and the domain is already verified, still no activation email", "en"),
])
def test_a_stated_fact_the_user_does_not_confirm_is_asked_next_not_later(text, lang):
    """ "Nein" to "Sie schrieben: „die Domäne ist bereits verifiziert“ – stimmt das?" is no answer
    to the question itself: that question comes at once, so the "Nein" never reads as its answer."""
    from faq.search.cache import load

    kb, matcher = load()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, lang=lang, on_event=events.append)
    d.ask(text)
    confirm = d.start_flow("missing-activation-email")[-1]  # the domain, which would settle the case
    assert isinstance(confirm, Notice) and confirm.args["fact"] == "domain_verified"
    step = d.select(1)[-1]  # the domain: not as I read it
    assert isinstance(step, FlowStep) and step.fact_id == "domain_verified" and d.current_fact.id == "domain_verified"
    assert "domain_verified" not in d.run.facts
    replayed = Dialogue(kb, matcher, TODAY, lang=lang)
    replayed.replay(events)
    assert [repr(i) for i in replayed.items] == [repr(i) for i in d.items]
    after = d.submit("nein" if lang == "de" else "no")[-1]  # now the answer to the question asked
    assert d.run.facts["domain_verified"] is False
    assert not isinstance(after, FlowStep) or after.fact_id != "domain_verified"


@pytest.mark.parametrize("lang,back,restart,cancel", [
    ("de", "zurück", "Neu starten!", "Abbrechen"),
    ("en", "Back", "restart", "End diagnosis"),
])
def test_a_typed_button_label_does_what_its_button_does(lang, back, restart, cancel):
    kb, matcher = kb_and_matcher()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, lang=lang, on_event=events.append)
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    asked = d.current_fact.id
    assert asked != "osm_email"
    items = d.submit(back)  # takes back the address, as the button
    assert isinstance(items[0], Notice) and items[0].key == "back" and d.current_fact.id == "osm_email"
    assert "osm_email" not in d.run.facts and not any(isinstance(i, UserMessage) and i.text == back for i in d.items)
    d.submit("it@firma.de")
    items = d.submit(restart)
    assert items[0].key == "restart" and not d.run.facts
    items = d.submit(cancel)
    assert items[0].key == "cancelled" and not d.flow_active
    replayed = Dialogue(kb, matcher, TODAY, lang=lang)
    replayed.replay(events)
    assert [repr(i) for i in replayed.items] == [repr(i) for i in d.items]


@pytest.mark.parametrize("lang,restart,back", [("de", "neu starten", "Zurück."), ("en", "Restart", "back")])
def test_a_typed_button_label_outside_a_diagnosis_acts_as_its_command_not_as_a_question(lang, restart, back):
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY, lang=lang)
    (notice,) = d.submit(restart)  # no diagnosis yet: said so, not "the FAQ has no answer"
    assert isinstance(notice, Notice) and notice.key == "nothing_to_restart"
    d.start_flow("missing-activation-email")
    assert isinstance(d.submit("m.schulz@outlook.com")[-1], FlowResult)
    d.submit("Läuft der Aktivierungslink ab?" if lang == "de" else "Does the activation link expire?")
    assert not d.flow_active  # a question after the result: the diagnosis is left
    items = d.submit(back)  # takes back the last answer, as /zurück does
    assert items[0].key == "back" and d.flow_active and d.current_fact.id == "osm_email"
    d.submit("m.schulz@outlook.com")
    d.submit("Läuft der Aktivierungslink ab?" if lang == "de" else "Does the activation link expire?")
    items = d.submit(restart)  # started again, as /neu does
    assert items[0].key == "restart" and d.flow_active and not d.run.facts
    d = Dialogue(kb, matcher, TODAY, lang=lang)
    d.ask("Die Aktivierungsmail kam nie an, unser OSM ist it@firma.de" if lang == "de"
          else "The activation mail never came, our OSM is it@firma.de")
    d.start_flow("missing-activation-email")
    assert d.confirming  # "Sie schrieben: … – stimmt das?" offers no restart button; typed, it restarts still
    items = d.submit(restart)
    assert items[0].key == "restart" and not any(isinstance(i, UserMessage) and i.text == restart for i in items)


@pytest.mark.parametrize("lang,first,then,expected", [
    ("de", "How do I resend the activation email to a new recipient?",
     "Aktivierungslink abgelaufen, vor acht Monaten gekauft", "de"),
    ("en", "Wie sende ich die Aktivierungsmail an einen neuen Empfänger?",
     "activation link expired, bought eight months ago", "en"),
])
def test_a_short_question_in_the_other_language_is_answered_in_its_own(lang, first, then, expected):
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY, lang=lang)
    d.submit(first)  # the talk turns to the other language
    *_, answer = d.submit(then)  # a clipped question, its verbs in one language only
    assert isinstance(answer, Answer) and (answer.lang or d.lang) == expected


@pytest.mark.parametrize(("ui", "question", "other", "back", "other_lang"), [
    ("de", "The activation email never arrived", "Wie lange ist der Aktivierungslink gültig?", "zurück", "de"),
    ("en", "Die Aktivierungsmail ist nie angekommen", "How long is the activation link valid?", "back", "en"),
])
def test_back_after_a_turn_in_the_other_language_follows_the_users_latest_words(ui, question, other, back, other_lang):
    events: list = []
    d = Dialogue(*kb_and_matcher(), TODAY, lang=ui, on_event=events.append)
    d.submit(question)
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    notice, *_ = d.submit(back)  # one word, a command: no evidence, the diagnosis's language stays
    assert notice.key == "back" and (notice.lang or ui) != other_lang
    assert isinstance(d.submit("m.schulz@outlook.com")[-1], FlowResult)
    d.submit(other)  # the user now writes the other language
    notice, step = d.submit(back)[:2]
    assert notice.key == "back" and (notice.lang or ui) == other_lang and (step.lang or ui) == other_lang
    replayed = Dialogue(*kb_and_matcher(), TODAY, lang=ui)
    replayed.replay(events)
    assert [repr(i) for i in replayed.items] == [repr(i) for i in d.items]


@pytest.mark.parametrize(("ui", "question", "sentence", "lang"), [
    ("de", "Die Aktivierungsmail ist nie angekommen", "No, we did not check the junk folder", "en"),
    ("en", "The activation email never arrived", "Nein, im Spam-Ordner habe ich noch nicht nachgesehen", "de"),
])
def test_an_answer_written_in_the_other_language_turns_the_diagnosis_to_it(ui, question, sentence, lang):
    events: list = []
    d = Dialogue(*kb_and_matcher(), TODAY, lang=ui, on_event=events.append)
    d.submit(question)  # the diagnosis starts in the interface's language
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    asked = d.items[-1]
    assert isinstance(asked, FlowStep) and asked.fact_id == "junk_checked" and (asked.lang or ui) == ui
    after = d.submit(sentence)
    assert all((i.lang or ui) == lang for i in after)  # the echo and what follows: in the user's language
    d.submit("ja" if lang == "de" else "yes")  # one word: the language stays
    assert (d.items[-1].lang or ui) == lang
    replayed = Dialogue(*kb_and_matcher(), TODAY, lang=ui)
    replayed.replay(events)
    assert [repr(i) for i in replayed.items] == [repr(i) for i in d.items]


def test_a_story_told_in_several_messages_keeps_them_apart_in_the_case_question():
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY)
    d.ask("Die Aktivierungsmail fehlt seit Tagen")
    d.ask("Unser OSM ist it@firma.de!")
    d.ask("Was können wir tun")
    d.start_flow("missing-activation-email")
    assert d.run.question == "Die Aktivierungsmail fehlt seit Tagen. Unser OSM ist it@firma.de! Was können wir tun"


# -- a question typed in place of an answer ----------------------------------------------


def _waiting_for_usage_start(lang: str = "de") -> Dialogue:
    """A diagnosis waiting for the usage start date (question 3): address and junk folder answered."""
    kb, matcher = kb_and_matcher()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, lang=lang, on_event=events.append)
    d.events = events  # type: ignore[attr-defined]
    d.submit("Aktivierungsmail nicht erhalten" if lang == "de" else "activation email not received")
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    d.submit("ja" if lang == "de" else "yes")
    assert d.current_fact.id == "usage_start"
    return d


@pytest.mark.parametrize(("lang", "question"), [
    ("de", "wie lange ist der Link gültig?"),
    ("de", "wie lange gilt der Aktivierungslink"),  # a question word, no question mark
    ("en", "How long is the activation link valid?"),
])
def test_a_question_instead_of_a_date_is_answered_then_the_date_asked_again(lang, question):
    d = _waiting_for_usage_start(lang)
    facts = dict(d.run.facts)
    user, answer, step = d.submit(question)
    assert user.text == question
    assert isinstance(answer, Answer) and answer.entry_id == "activation-link-expiry" and answer.aside
    assert answer.options == ()  # brief: no topics or other diagnosis to pick in the middle of this one
    assert isinstance(step, FlowStep) and step.fact_id == "usage_start" and step.number == 3
    assert d.run.facts == facts and d.current_fact.id == "usage_start"
    assert d.events[-1] == {"type": "aside", "text": question, "entry": "activation-link-expiry", "lang": lang}
    _, step = d.submit("01.11.2026")  # the diagnosis goes on where it was
    assert isinstance(step, FlowStep) and step.fact_id == "domain_verified" and step.number == 4


def test_an_english_question_in_a_german_diagnosis_is_answered_in_english_and_the_diagnosis_follows():
    d = _waiting_for_usage_start("de")
    _, answer, step = d.submit("Does the activation link expire?")
    assert answer.aside and answer.lang == "en"
    assert step.fact_id == "usage_start" and step.lang == "en"  # the user's latest words: English
    notice, *_ = d.submit("zurück")  # a one-word command changes nothing
    assert notice.key == "back" and notice.lang == "en"


def test_a_question_instead_of_yes_or_no_is_answered_then_asked_again():
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY, lang="en")
    d.submit("activation email not received")
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    _, answer, step = d.submit("Is the activation link still valid?")
    assert answer.aside and answer.entry_id == "activation-link-expiry"
    assert step.fact_id == "junk_checked" and step.number == 2 and "junk_checked" not in d.run.facts


@pytest.mark.parametrize("text", ["Aktivierungslink abgelaufen", "Pizza?", "was?"])
def test_neither_an_answer_nor_an_answered_question_keeps_the_clear_message(text):
    d = _waiting_for_usage_start()
    user, notice = d.submit(text)  # not put as a question, or nothing in the FAQ answers it
    assert isinstance(notice, Notice) and notice.key == "bad_value" and "kein Datum" in notice.text
    assert d.current_fact.id == "usage_start"


@pytest.mark.parametrize(("answers", "fact", "value"), [
    (["ja?"], "junk_checked", True),
    (["Ja?"], "junk_checked", True),
    (["ja", "01.11.2026?"], "usage_start", date(2026, 11, 1)),
    (["ja", "31.12.2026?"], "usage_start", date(2026, 12, 31)),
    (["ja", "vor 3 Tagen?"], "usage_start", date(2026, 11, 21)),
])
def test_a_valid_answer_with_a_question_mark_is_still_the_answer(answers, fact, value):
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY)
    d.submit("Aktivierungsmail nicht erhalten")
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    for text in answers:
        items = d.submit(text)
    assert d.run.facts[fact] == value
    assert not any(isinstance(i, (Answer, Notice)) for i in items)


def test_a_question_while_a_stated_fact_is_confirmed_keeps_the_confirmation_open():
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY)
    d.ask("Aktivierungsmail nicht erhalten, unser OSM ist it@firma.de")
    confirm = d.start_flow("missing-activation-email")[-1]
    assert confirm.key == "confirm_stated"
    _, answer, again = d.submit("wie lange gilt der Aktivierungslink?")
    assert answer.aside and answer.entry_id == "activation-link-expiry"
    assert again == confirm and d.confirming and "osm_email" not in d.run.declined
    d.submit("ja")
    assert d.run.facts["osm_email"] == "it@firma.de"


def test_a_question_asked_in_place_of_an_answer_is_replayed():
    d = _waiting_for_usage_start()
    d.submit("wie lange ist der Link gültig?")
    kb, matcher = kb_and_matcher()
    later = Dialogue(kb, matcher, TODAY)
    later.replay(d.events)
    assert later.items == d.items and later.current_fact.id == "usage_start"


def test_a_mistyped_date_with_a_question_mark_is_no_question():
    from faq.search.cache import load
    from faq.search.matcher import Matcher

    kb, matcher = load()  # the bundled knowledge base, set to answer "or 10 Tagen?" (p about 0.6) as a question
    state = matcher.to_state()
    state["model"] = {**state["model"], "answer": matcher.match("or 10 Tagen?").confidence - 0.01}
    matcher = Matcher.from_state(state)
    assert matcher.match("or 10 Tagen?").outcome == "answer"
    d = Dialogue(kb, matcher, TODAY)
    d.start_flow("missing-activation-email")
    d.submit("it@firma.de")
    assert d.current_fact.type == "date"
    _, notice = d.submit("or 10 Tagen?")  # "vor 10 Tagen?" mistyped: the date's message, not an FAQ answer
    assert isinstance(notice, Notice) and notice.key == "bad_value"
    _, answer, _ = d.submit("Wer ist der OSM?")  # a question word: asked, even with a date open
    assert answer.aside and answer.entry_id == "activation-email-recipient"


@pytest.mark.parametrize("take", ["back", "restart"])
def test_nothing_to_take_back_is_said_in_the_conversations_language(dialogue, take):
    dialogue.submit("Our activation email never arrived, what can we do?")
    (notice,) = getattr(dialogue, take)()
    assert isinstance(notice, Notice) and notice.lang == "en"


@pytest.mark.parametrize("word", ["eins", "Eins.", "one", "1"])
def test_a_number_written_as_a_word_picks_like_its_digit(dialogue, word):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    assert [o.kind for o in dialogue.options][:2] == ["flow", "entry"]
    dialogue.submit(word)
    assert dialogue.flow_active  # the first option: the diagnosis


@pytest.mark.parametrize("word", ["zwei", "two"])
def test_the_second_option_by_its_word(dialogue, word):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    second = dialogue.options[1].target
    items = dialogue.submit(word)
    assert not dialogue.flow_active and isinstance(items[-1], Answer) and items[-1].entry_id == second


@pytest.mark.parametrize("word", ["ja", "j", "y", "yes", "Ja bitte"])
def test_a_yes_at_a_one_item_menu_chooses_that_item(dialogue, word):
    dialogue.submit("Wie wird das Wetter morgen in Hamburg?")
    (only,) = dialogue.options
    items = dialogue.submit(word)
    assert isinstance(items[-1], Answer) and items[-1].entry_id == only.target


def test_a_yes_at_a_menu_of_several_items_picks_none(dialogue):
    dialogue.submit("Aktivierungsmail nicht erhalten")
    items = dialogue.submit("ja")
    assert not dialogue.flow_active and not any(isinstance(i, Answer) for i in items)


@pytest.mark.parametrize(("story", "fact", "other"), [
    ("Aktivierungsmail nicht erhalten", "der osm ist petra.klein@klein-partner.de", "Wie ändere ich das Passwort?"),
    ("Activation email not received", "the OSM is tom@northwind.com", "How do I change my password?"),
])
def test_a_fact_told_after_the_answer_is_noted_for_the_case_and_confirmed_when_it_starts(story, fact, other):
    """What asks nothing and states a fact of the case answered just before is noted with the way into
    the diagnosis, not answered 'the FAQ has no answer'; a question the FAQ cannot answer still gets that."""
    kb, matcher = kb_and_matcher()
    events: list = []
    d = Dialogue(kb, matcher, TODAY, on_event=events.append)
    d.submit(story)
    *_, noted = d.submit(fact)
    assert isinstance(noted, Notice) and noted.key == "case_told"
    assert noted.options == (Option("flow", "missing-activation-email"),)
    d.submit("1")  # the diagnosis: the address shown for confirmation, not asked
    assert d.confirming and d.run.stated["osm_email"][0] == fact.split()[-1]
    replayed = Dialogue(kb, matcher, TODAY)
    replayed.replay(events)
    assert [repr(i) for i in replayed.items] == [repr(i) for i in d.items]
    asking = Dialogue(kb, matcher, TODAY)
    asking.submit(story)
    *_, unknown = asking.submit(fact.split()[-1] + ", " + other)  # a question besides: not a fact told
    assert isinstance(unknown, NoMatch)


@pytest.mark.parametrize(("messages", "quote"), [
    (["wir warten seit 3 wochen auf die aktivierungsmail", "der osm ist petra.klein@klein-partner.de",
      "spam ordner hab ich gecheckt, nix drin"], "spam ordner hab ich gecheckt"),
    (["still no activation email after two weeks", "osm is tom@northwind.com", "we checked the junk folder already"],
     "we checked the junk folder already"),
])
def test_a_fact_confirmed_from_a_story_in_several_unpunctuated_messages_quotes_its_own_message(messages, quote):
    """Messages without a full stop stay apart when their facts are read: the quote shown for
    confirmation is the words of one message, not the whole story run together."""
    from pathlib import Path

    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base(Path(__file__).resolve().parent.parent / "knowledge")
    d = Dialogue(kb, Matcher(kb), TODAY)
    for message in messages:
        d.submit(message)
    d.start_flow("missing-activation-email")
    assert d.run.stated["junk_checked"] == (True, quote)


@pytest.mark.parametrize("word", ["Neustart", "restart"])
def test_a_restart_typed_without_its_slash_while_a_stated_fact_is_confirmed_restarts(word):
    """'Neustart' to 'Sie schrieben: … – stimmt das?' starts the diagnosis again; it was taken as a 'no'."""
    d = make_dialogue()
    d.submit("Aktivierungsmail nicht erhalten, unser OSM ist it@firma.de")
    d.start_flow("missing-activation-email")
    assert d.confirming
    notice, *_ = d.submit(word)
    assert isinstance(notice, Notice) and notice.key == "restart"
    assert "osm_email" not in d.run.declined
