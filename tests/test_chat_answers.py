"""Reading a flow's answer in the chat (bot.chat.answers): the words shown for confirmation."""

from datetime import date

import pytest

from bot.chat.answers import stated_facts
from faq.kb.loader import load_knowledge_base

KB = load_knowledge_base()
FLOW = KB.flow("missing-activation-email")
TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(("text", "fact", "shown"), [
    ("Keine Aktivierungsmail, und die Nutzung beginnt irgendwann im Dezember 2026.", "usage_start",
     "die Nutzung beginnt irgendwann im Dezember 2026"),  # the hedge that keeps the date from settling
    ("Keine Aktivierungsmail. Den Spam-Ordner, den habe ich nicht geprüft.", "junk_checked",
     "Den Spam-Ordner, den habe ich nicht geprüft"),  # the cue across a comma, with its negation
    ("Keine Aktivierungsmail. OSM ist it@firma.de.", "osm_email", "it@firma.de"),  # a plain value as written
])
def test_the_words_shown_for_confirmation_hold_the_cue_and_what_turns_it(text, fact, shown):
    assert stated_facts(text, FLOW, KB, TODAY, "de")[fact][1] == shown


@pytest.mark.parametrize("typed", ["gestern abend vielleicht", "ich glaube am 20.11.", "ungefähr am 20.11.",
                                   "maybe yesterday", "I think it was 20 Nov"])
def test_an_unsure_date_is_not_taken_as_the_answer(typed):
    from bot.chat.answers import read_answer
    from faq.errors import InputError

    with pytest.raises(InputError) as caught:
        read_answer(FLOW, {}, FLOW.fact("usage_start"), typed, TODAY, "de")
    assert "unsicher" in str(caught.value) and "weiß nicht" in str(caught.value)


@pytest.mark.parametrize("typed", ["gestern", "am 20.11.2026 war das", "20.11.2026"])
def test_a_plain_date_is_taken(typed):
    from bot.chat.answers import read_answer

    assert isinstance(read_answer(FLOW, {}, FLOW.fact("usage_start"), typed, TODAY, "de"), date)


@pytest.mark.parametrize(("typed", "word"), [
    ("no, we have not looked in the junk folder yet", "nein"),  # "yet" closing it: so far, not "but"
    ("Nein, da haben wir noch nicht nachgesehen", "nein"),
    ("yes, but only in one mailbox", None),  # a contrast that follows still keeps the question open
    ("no, yet the mail was not there either", None),
])
def test_a_reply_closing_with_so_far_is_a_plain_yes_or_no(typed, word):
    from bot.chat.answers import reply_word

    assert reply_word(typed) == word


@pytest.mark.parametrize(("text", "action"), [
    ("Neustart", "restart"), ("neustarten!", "restart"), ("undo", "back"), ("zurueck", "back"), ("stop", "cancel"),
    ("Neu starten", "restart"), ("zurück", "back"), ("Abbrechen", "cancel"),
])
def test_a_typed_command_word_without_its_slash_names_the_action(text, action):
    from bot.chat.answers import typed_action
    from bot.chat.items import Option

    offered = (Option("action", "back"), Option("action", "restart"))
    assert typed_action(text, offered) == action


@pytest.mark.parametrize("text", ["neu bestellt", "it@firma.de", "ja", "01.12.2026", "Neustart?"])
def test_words_that_name_no_action_stay_answers(text):
    from bot.chat.answers import typed_action
    from bot.chat.items import Option

    assert typed_action(text, (Option("action", "back"), Option("action", "restart"))) is None


@pytest.mark.parametrize(("text", "shown"), [
    ("Aktivierungsmail fehlt, OSM: lena.vogt@beispiel.de\nJunk-Ordner haben wir durchsucht", "Junk-Ordner haben wir durchsucht"),
    ("Still no activation mail for jo@example.org\nwe looked in the junk folder already", "we looked in the junk folder already"),
])
def test_a_line_of_its_own_is_quoted_without_the_line_before_it(text, shown):
    assert stated_facts(text, FLOW, KB, TODAY, "de")["junk_checked"][1] == shown


def test_words_wrapped_across_lines_are_quoted_whole_with_their_negation():
    text = "Keine Aktivierungsmail bisher. Den Junk-Ordner haben wir\nbislang nicht geprüft."
    value, shown = stated_facts(text, FLOW, KB, TODAY, "de")["junk_checked"]
    assert value is False and "nicht" in shown and "Junk-Ordner" in shown


@pytest.mark.parametrize(("typed", "named"), [
    ("Diagnose starten", True), ("start diagnosis!", True), ("Bitte die Diagnose starten", True),
    ("Diagnose", False), ("Wie lange dauert es, bis die Diagnose startet und die Mail kommt?", False),
])
def test_the_start_buttons_label_typed_names_it_in_either_language(typed, named):
    from bot.chat.answers import named_option
    from bot.chat.items import Option

    options = (Option("entry", "resend-activation-email"), Option("flow", "missing-activation-email"))
    assert named_option(typed, options) == (1 if named else None)
    assert named_option(typed, options[:1]) is None  # no diagnosis offered: nothing to start


@pytest.mark.parametrize(("text", "fact", "value", "shown"), [
    ("Keine Aktivierungsmail bisher, der Nutzungsbeginn lag vor ungefähr 20 Stunden.", "usage_start",
     date(2026, 11, 24), "der Nutzungsbeginn lag vor ungefähr 20 Stunden"),  # the rough span with its hedge
    ("Still no activation mail. Our usage start was roughly 30 hours ago.", "usage_start",
     date(2026, 11, 23), "Our usage start was roughly 30 hours ago"),
    ("Keine Aktivierungsmail; seeblick-hotels.de ist bei uns schon verifiziert.", "domain_verified",
     True, "seeblick-hotels.de ist bei uns schon verifiziert"),  # the domain named by its name
    ("No activation mail. pinecrest-dental.com is verified in our tenant.", "domain_verified",
     True, "pinecrest-dental.com is verified in our tenant"),
])
def test_the_chat_prefills_a_rough_span_and_a_domain_named_by_its_name(text, fact, value, shown):
    assert stated_facts(text, FLOW, KB, TODAY, "de")[fact] == (value, shown)


@pytest.mark.parametrize(("lang", "typed"), [("de", "14.10.2026"), ("de", "nein"), ("en", "the admin, I guess")])
def test_a_typed_answer_naming_no_choice_is_told_so_in_words_never_by_the_choices_ids(lang, typed):
    from bot.chat.answers import read_answer
    from faq.errors import InputError
    from faq.language.catalogue import tr

    flow = KB.flow("reservation-permission")
    fact = next(f for f in flow.facts if f.type == "choice")
    with pytest.raises(InputError) as caught:
        read_answer(flow, {}, fact, typed, TODAY, lang)
    told = str(caught.value)
    assert told == tr(lang, "answer_not_choice", text=typed)  # the answers themselves are shown right below it
    assert not any(choice.id in told for choice in fact.choices if "-" in choice.id)
    assert read_answer(flow, {}, fact, fact.choices[1].label.get(lang), TODAY, lang) == fact.choices[1].id


@pytest.mark.parametrize(("text", "value", "left"), [
    ("Ich bin der OSM", "osm", ("osm", "osm-manage-reservations")),
    ("online services manager", "osm", ("osm", "osm-manage-reservations")),
    ("OSM, aber die Berechtigung fehlt mir", "osm", ()),
    ("OSM mit Reservierung verwalten", "osm-manage-reservations", ()),
    ("Onlineadministrator", "ola", ()),
])
def test_an_answer_naming_a_role_a_permission_would_make_longer_leaves_both_open(text, value, left):
    from pathlib import Path

    from bot.chat.answers import open_choices
    from faq.kb.loader import load_knowledge_base

    fact = load_knowledge_base(Path(__file__).parent.parent / "knowledge").flow("reservation-permission").fact("role")
    assert open_choices(fact, value, text) == left
