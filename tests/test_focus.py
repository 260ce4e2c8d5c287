"""Question focus: the sentence that asks decides, context supports."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.language.focus import _END, _WORD_BEFORE, _clause_pattern, _clauses, _phrase_pattern, focus, sentences
from faq.search.cache import load


@pytest.fixture(scope="module")
def matcher():
    return load(None)[1]


def test_dates_and_abbreviations_end_no_sentence():
    text = "Kaufdatum war der 10. März 2026. Dann ist z.B. der Kollege gegangen. Was nun?"
    assert sentences(text, {"z.b"}) == ["Kaufdatum war der 10. März 2026.", "Dann ist z.B. der Kollege gegangen.",
                                        "Was nun?"]


def test_a_thin_question_takes_in_the_sentence_before(matcher):
    story = ("Wir sind ein Steuerbüro mit zwölf Leuten. Bestellt haben wir über den Händler. "
             "Bisher ist keine Aktivierungsmail angekommen. Woran kann das liegen?")
    view = matcher.focus(story)
    assert view.text == "Bisher ist keine Aktivierungsmail angekommen. Woran kann das liegen?"
    assert view.context == "Wir sind ein Steuerbüro mit zwölf Leuten. Bestellt haben wir über den Händler."


@pytest.mark.parametrize(
    ("story", "problem"),
    [
        ("Wir haben im Oktober über unseren Händler bestellt, die Nutzung startet erst im Februar. "
         "Eine Aktivierungsmail kam bis jetzt keine. Müssen wir uns Sorgen machen oder dauert das einfach länger?",
         "Eine Aktivierungsmail kam bis jetzt keine."),
        ("Our enrollment was renewed in September with the same subscriptions. The licenses in the portal "
         "never changed to the new term. Did something go wrong or do I just need to wait?",
         "The licenses in the portal never changed to the new term."),
    ],
)
def test_asking_whether_it_is_normal_takes_in_the_problem_told(matcher, story, problem):
    """"Ist das normal?", "should I be worried?" ask about the problem told before, as "Woran kann das liegen?"."""
    assert matcher.focus(story).text.startswith(problem)


def test_the_last_question_decides_when_context_follows(matcher):
    story = ("Why did the activation email never arrive for our new enrollment? We ordered in October. "
             "Our reseller confirmed the order.")
    assert matcher.focus(story).text.startswith("Why did the activation email never arrive")


def test_a_short_question_is_its_own_focus(matcher):
    view = matcher.focus("Aktivierungslink abgelaufen")
    assert view.is_whole and view.text == "Aktivierungslink abgelaufen"


def test_content_words_are_counted_by_the_given_function():
    text = "Eins zwei drei vier. Warum?"
    assert focus(text, lambda s: len(s.split()), min_words=2).text == "Eins zwei drei vier. Warum?"
    assert focus(text, lambda s: 5, min_words=2).text == "Warum?"


@pytest.mark.parametrize(
    ("story", "entry"),
    [
        ("I inherited the licensing from a colleague who left in spring. I found the old activation email in "
         "his mailbox, the purchase was seven months ago. The activation link only shows an error now. "
         "What can I do?", "activation-link-expiry"),
        ("Hallo, wir sind ein kleines Ingenieurbüro. Die Aktivierung hat gestern geklappt, es kam eine "
         "Erfolgsmeldung. Im Admin Center sehen wir aber keine Lizenzen. Was ist da los?", "licenses-not-visible"),
    ],
)
def test_narratives_reach_their_entry(matcher, story, entry):
    assert matcher.match(story).candidates[0].id == entry


def test_the_clause_after_but_states_the_problem(matcher):
    view = matcher.focus("Ich habe auf den Aktivierungslink geklickt und es schien zu klappen, aber das Admin Center "
                         "zeigt keine neuen Lizenzen. Der Nutzungsbeginn war gestern.")
    assert view.text.startswith("aber das Admin Center")
    assert "Aktivierungslink" in view.context


def test_without_contrast_words_a_sentence_stays_whole():
    view = focus("Wir haben bestellt, aber nichts kam. Was nun?", lambda s: len(s.split()), min_words=1)
    assert view.sentences == ("Wir haben bestellt, aber nichts kam.", "Was nun?")


def test_a_sentence_that_only_thanks_is_no_context(matcher):
    """Thanks are politeness: "Danke für die Liste" must not lift an entry that happens to share a word."""
    question = "Unser OSM ist die Einkaufsabteilung, Punkt 1 trifft also nicht zu. Was kann es sonst noch sein?"
    plain = matcher.scores(question)
    thanked = matcher.scores("Danke für die Liste. " + question)
    assert thanked == plain


def test_a_clause_the_next_one_corrects_is_no_context(matcher):
    """ "Keine Verlängerung, sondern ...": what the writer puts aside must not lift the renewal's entries."""
    rest = "sondern eine neue Aktivierung: was erledigt der globale Administrator nun?"
    assert matcher.scores("Keine Verlängerung, " + rest) == matcher.scores(rest)
    assert matcher.scores("Keine Verlängerung, " + rest)[0][1] == matcher.ids.index("after-activation")


def test_only_a_corrective_contrast_opening_the_next_part_marks_a_clause_corrected(matcher):
    assert matcher._corrected(("Nicht bei mir,", "sondern beim Einkauf ist die Mail gelandet."), 0)
    assert matcher._corrected(("Not renewed,", "rather activated for the first time."), 0)
    assert not matcher._corrected(("Nicht bei mir,", "sondern beim Einkauf ist die Mail gelandet."), 1)
    assert not matcher._corrected(("Die Mail kam nicht.", "Sondern? Was nun?"), 0)  # a whole sentence
    assert not matcher._corrected(("Wir haben bestellt,", "aber nichts kam."), 0)
    # A longer clause denies a part of it and tells the rest: the licences were activated.
    assert not matcher._corrected(("Aktiviert wurden die Lizenzen nicht für unser Konto,", "sondern für ein anderes."), 0)


def test_a_clause_before_a_plain_contrast_stays_context(matcher):
    rest = "aber im Admin Center sehe ich keine einzige Lizenz. Was tun?"
    assert matcher.scores("Die Aktivierung hat geklappt, " + rest) != matcher.scores(rest)


def test_a_full_stop_before_a_lower_case_word_ends_a_sentence():
    """Typed text often starts its sentences in lower case; the question must still stand alone."""
    text = "wir haben vor einer woche bestellt. die mail kam nie. was nun?"
    assert sentences(text) == ["wir haben vor einer woche bestellt.", "die mail kam nie.", "was nun?"]


def test_a_problem_cue_is_a_whole_word_unless_marked_as_a_beginning(matcher):
    assert not matcher._states_problem("Die Bestellung lief im November an.")
    assert matcher._states_problem("Es kam no mail at all.")
    assert matcher._states_problem("Die Aktivierungsmail fehlt bis heute.")


@pytest.mark.parametrize(("text", "parts"), [
    ("Wir haben am 3. Dezember bestellt. Die Mail kam nie.", 2),
    ("Laut Vertrag Nr. 4711 ist z.B. alles korrekt. Was nun?", 2),
    ("We ordered on Dec. 3 already. The mail never came.", 3),  # "dec" is no listed abbreviation here
    ("Version 2.0 is live. Is that the reason?", 2),
])
def test_a_full_stop_after_a_number_or_abbreviation_ends_no_sentence(text, parts):
    assert len(sentences(text, {"nr", "z.b", "z"})) == parts


def _slow_word_before(piece: str) -> str:
    found = re.search(r"([\w.]+)\.$", piece)
    return found.group(1).lower() if found else ""


@given(st.text(alphabet=st.sampled_from(list("abÄß1_. -\t\n!?")), max_size=30))
def test_the_word_before_a_full_stop_is_read_backwards_as_it_is_forwards(body):
    piece = body + "."
    found = _WORD_BEFORE.match(piece[::-1])
    assert (found.group(1)[::-1].lower() if found else "") == _slow_word_before(piece)


@given(st.text(alphabet=st.sampled_from(list("ab1 \n\t.!?…\"')]-•*")), max_size=30))
def test_sentence_ends_are_those_the_pattern_finds_without_its_quick_look(text):
    slow = re.compile(r"[.!?…]+[\"'”“»«)\]]*(?=\s)|[!?…]+[\"'”“»«)\]]*|\n\s*\n|\n(?=\s*[-•*]\s)")
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in slow.finditer(text)]


def _flat_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The phrase pattern as one alternative per phrase, the longest first."""
    alternatives = (r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


_PHRASE_CHARS = list("aisıſkK-. ") + ["İ"]


@given(st.lists(st.text(alphabet=st.sampled_from(_PHRASE_CHARS), min_size=1, max_size=6), min_size=1, max_size=6),
       st.text(alphabet=st.sampled_from([*_PHRASE_CHARS, "A", "S", "\n", "\t", ","]), max_size=40))
def test_phrases_sharing_their_beginnings_are_found_as_the_list_finds_them(phrases, text):
    listed = tuple(p.lower() for p in phrases)
    tree, flat = _phrase_pattern(listed), _flat_phrases(listed)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert tree.sub(" ", text) == flat.sub(" ", text)


@pytest.mark.parametrize("phrases, text", [
    (("ixxxx", "ıa b", "ia"), "ıa b"),  # "i" and "ı" match one letter alike: the list's order decides
    (("a  ", "a b"), "a b"),  # a phrase that ends where a longer one goes on, listed first
])
def test_phrases_whose_tree_would_change_the_order_are_found_as_listed(phrases, text):
    assert [m.span() for m in _phrase_pattern(phrases).finditer(text)] == \
        [m.span() for m in _flat_phrases(phrases).finditer(text)]


def test_the_longer_of_two_phrases_with_one_beginning_is_dropped_whole():
    asks = _phrase_pattern(("was nun", "was nun tun", "was tun", "what now"))
    assert asks.sub("#", "Und WAS NUN TUN? Oder was  tun, was nun.") == "Und #? Oder #, #."


@given(st.lists(st.sampled_from(["aber", "but", "x", " ", ",", ";", "–", "—", "-", "\t"]), max_size=12).map("".join))
def test_a_sentence_without_a_clause_mark_is_split_as_the_pattern_splits_it(text):
    pattern = _clause_pattern(("aber", "but"))
    assert _clauses([text], ("aber", "but")) == [c.strip() for c in pattern.split(text) if c.strip()]


@pytest.mark.parametrize("story", [
    "Der Kollege hat gestern die neue Registrierung im VLSC eingetragen. Es kam keine Aktivierungsmail bei ihm an. "
    "Wie geht es jetzt weiter?",
    "Our reseller placed the order two weeks ago. The activation email never reached our admin. "
    "What are our options now, how do we proceed?",
])
def test_a_closing_sentence_that_only_asks_how_to_go_on_does_not_decide_alone(matcher, story):
    """'Wie geht es weiter?' has words the entries use, but says nothing of the problem: the sentence before decides."""
    view = matcher.focus(story)
    assert view.start == 1 and view.end == 3


def test_generic_asks_count_no_words():
    text = "Die Mail ist nie gekommen. Wie geht es weiter?"
    count = lambda s: len(s.rstrip("?.").split())  # noqa: E731
    assert focus(text, count, min_words=3).text == "Wie geht es weiter?"
    assert focus(text, count, min_words=3, generic=("wie geht es weiter",)).text == text


@pytest.mark.parametrize(("story", "problem"), [
    ("Beim Klicken auf den Link war ich im Mandanten unseres Dienstleisters angemeldet, dort liegen jetzt die Lizenzen. "
     "Wen rufe ich an, den Händler oder Microsoft?",
     "Beim Klicken auf den Link war ich im Mandanten unseres Dienstleisters angemeldet"),
    ("Our licences ended up in the tenant of a partner company after the activation. "
     "Who should we contact, our reseller or Microsoft support?",
     "Our licences ended up in the tenant of a partner company"),
])
def test_a_question_that_only_asks_whom_to_contact_takes_in_the_problem(matcher, story, problem):
    """Whom to turn to (reseller, Microsoft, support) names no problem: the story before it decides."""
    assert matcher.focus(story).text.startswith(problem)


@pytest.mark.parametrize("story", [
    "Die Aktivierungsmail ist nie angekommen. Ich habe es mit zwei Browsern und mehrfach probiert. Was nun?",
    "The licenses do not show up in the admin center. I have tried another browser, a private window and the account of "
    "a second global admin. Any idea?",
    "Our buyer never got a message to set up the services. We checked her inbox, the spam folder and the quarantine in "
    "the admin center this morning. What now?",
])
def test_a_sentence_that_reports_what_was_tried_does_not_stand_for_the_problem(matcher, story):
    view = matcher.focus(story)
    assert view.start == 0 and view.end == 3


def test_a_contrast_after_a_dash_starts_a_clause(matcher):
    view = matcher.focus("Mir ist klar, dass das beim nächsten Mal im privaten Fenster passieren muss – aber wie holen "
                         "wir die Lizenzen jetzt aus dem falschen Tenant zurück? Danke vorab.")
    assert view.text.startswith("aber wie holen wir")


@pytest.mark.parametrize("sentence", ["Ich bin mir nicht sicher, ob das eine gute Idee ist.",
                                      "My manager thinks so, but I'm not quite sure."])
def test_saying_one_is_unsure_states_no_problem(matcher, sentence):
    assert not matcher._states_problem(sentence)
    assert matcher._states_problem(sentence.replace("sicher", "sicher, die Mail fehlt").replace("sure", "sure, mail is missing"))


@pytest.mark.parametrize("story", [
    "Die Aktivierungsmail ist bis heute nicht gekommen. Unser Händler sagt, die Bestellung sei durch. Woran kann das "
    "liegen?",
    "Our activation email never showed up in the mailbox of our admin. The reseller says the order was processed. "
    "Any idea?",
])
def test_an_implied_question_reaches_back_to_the_problem_told(matcher, story):
    """A closing "Woran kann das liegen?" asks about the problem, not about the remark just before it."""
    view = matcher.focus(story)
    assert view.start == 0 and view.end == 3


def test_a_thin_question_reaches_back_only_to_a_sentence_that_states_a_problem():
    text = "Vor einem Jahr lief alles. Dann kam ein Umzug der Abteilung. Die Mail fehlt. Woran liegt das?"
    count = lambda s: len(s.rstrip("?.").split())  # noqa: E731
    problem = lambda s: "fehlt" in s  # noqa: E731
    assert focus(text, count, min_words=4, states_problem=problem).text == "Die Mail fehlt. Woran liegt das?"
    assert focus("Alles ok. Die Mail fehlt. Dann kam ein Umzug. Woran liegt das?", count, min_words=4,
                 states_problem=problem).start == 1


@pytest.mark.parametrize("story", [
    "Im VLSC steht die Reservierung seit gestern, aber keine Aktivierungsmail ist gekommen. (Wegen unserer Drucker "
    "habe ich übrigens ein eigenes Ticket offen.) Wann sollten wir uns an den Support wenden?",
    "The activation email never arrived although the reservation is in VLSC. By the way, our printers keep jamming, "
    "separate story. When should we escalate?",
])
def test_a_sentence_set_aside_stays_out_of_the_focus(matcher, story):
    """A remark on another matter in the middle of the story tells nothing about the one asked about."""
    view = matcher.focus(story)
    assert view.indices[-1] == len(view.sentences) - 1 and len(view.indices) == 2
    assert "Aktivierungsmail" in view.text or "activation email" in view.text
    assert "Drucker" not in view.text and "printers" not in view.text
    assert "Drucker" in view.context or "printers" in view.context


def test_a_question_set_aside_is_not_the_question_sentence():
    text = "Wie bekomme ich die Aktivierungsmail an meine Adresse? Habt ihr übrigens auch neue Preise?"
    view = focus(text, lambda s: len(s.split()), min_words=3, asides=("übrigens",))
    assert view.text == "Wie bekomme ich die Aktivierungsmail an meine Adresse?"


@pytest.mark.parametrize("sentence", ["Die erste Aktivierung lief damals problemlos.",
                                      "Last year the activation went through without any problems."])
def test_saying_it_went_without_problems_states_no_problem(matcher, sentence):
    assert not matcher._states_problem(sentence)


def test_a_text_split_again_gives_its_sentences_afresh():
    first = sentences("Die Mail kam nie an. Was nun?", frozenset({"z.b"}))
    first.append("Danke.")  # a caller may extend what it got
    assert sentences("Die Mail kam nie an. Was nun?", frozenset({"z.b"})) == ["Die Mail kam nie an.", "Was nun?"]
    assert sentences("Siehe z.B. den Link. Was nun?", ["z.b"]) == ["Siehe z.B. den Link.", "Was nun?"]


@pytest.mark.parametrize(
    ("story", "start"),
    [
        ("Unsere Tochterfirma hat eine eigene Registrierung abgeschlossen. Können beide Registrierungen in unseren "
         "Tenant? Und umgekehrt, könnte man eine davon später auf zwei Tenants aufteilen?",
         "Können beide Registrierungen in unseren Tenant?"),
        ("We renewed last month with the same subscriptions. Do I have to assign the licenses to everyone again? "
         "And if so, who is allowed to do that?",
         "Do I have to assign the licenses to everyone again?"),
    ],
)
def test_a_question_that_goes_on_from_the_one_before_takes_it_in(matcher, story, start):
    """"Und umgekehrt ...?", "And if so ...?" continue the question before them: both are the focus."""
    view = matcher.focus(story)
    assert view.text.startswith(start) and view.text.endswith(story.rsplit("? ", 1)[1])


@pytest.mark.parametrize(
    ("story", "told"),
    [
        ("Die Aktivierungsmail ist nie bei uns angekommen. Ein Kollege meint, man könne den Abonnementkontakt im "
         "VLSC bearbeiten, dann werde sie neu verschickt. Stimmt das, und wo finde ich diese Einstellung?",
         "Ein Kollege meint, man könne den Abonnementkontakt"),
        ("We have two enrollments from a merger. All their licenses should live in the single tenant we already "
         "run. Is that possible, or does every enrollment need an account of its own?",
         "All their licenses should live in the single tenant"),
    ],
)
def test_a_closing_ask_that_points_back_takes_in_the_sentence_before(matcher, story, told):
    """"Stimmt das, und ...?", "Is that possible, or ...?" ask about what was just told, whatever follows."""
    assert matcher.focus(story).text.startswith(told)


def test_a_question_of_its_own_after_another_keeps_its_focus(matcher):
    story = ("Wie erreiche ich den Support? Wer bekommt bei uns eigentlich die Aktivierungsmail für die neuen "
             "Dienste?")
    assert matcher.focus(story).text.startswith("Wer bekommt")


@pytest.mark.parametrize(
    "story",
    [
        "Nach der Fusion haben wir zwei Volumenlizenzregistrierungen. Können beide Registrierungen demselben Konto "
        "zugewiesen werden? Und umgekehrt, ließe sich eine davon später auf zwei Konten verteilen?",
        "We merged with another company and now hold two enrollments. Can both be linked to our one existing "
        "account? And conversely, could one enrollment be spread over two accounts later?",
    ],
)
def test_the_question_an_afterthought_turns_around_still_decides(matcher, story):
    """The main question (several enrollments, one account) decides, not its reverse asked as an afterthought."""
    assert matcher.match(story).id == "multiple-enrollments-one-account"


@given(st.lists(st.sampled_from(["aber", "ABER", "but", "x", " ", ",", ";", "–", "—", "-", "\t", "\n"]), max_size=14).map("".join))
def test_clauses_split_where_the_plain_pattern_splits(text):
    plain = re.compile(r"(?:(?<=[,;–—])|(?<=\s-))\s+(?=(?:aber|but)\b)", re.IGNORECASE)
    assert _clause_pattern(("aber", "but")).split(text) == plain.split(text)


@pytest.mark.parametrize(
    ("story", "asked"),
    [
        ("Die Reservierung im VLSC ist seit drei Tagen wirksam. Vor allem aber: Warum hat unser OSM noch keine "
         "Aktivierungsmail? Und kann man die Dienste später wieder kündigen?",
         "Vor allem aber: Warum hat unser OSM"),
        ("We signed a second enrollment for our plant in Spain. Main question: can it join the tenant we already "
         "use? Would the reseller know the answer too?",
         "Main question: can it join the tenant"),
    ],
)
def test_a_question_labelled_as_the_one_that_matters_decides_though_others_follow(matcher, story, asked):
    """The writer says which question counts ("Vor allem aber: ...?"): the questions after it do not decide."""
    view = matcher.focus(story)
    assert view.text.startswith(asked)
    assert story.rsplit("? ", 1)[1] not in view.text


def test_a_priority_word_inside_a_question_labels_nothing():
    """Only a label before a colon marks the question that counts; "vor allem" inside a question is its wording."""
    text = "Was muss man vor allem beachten? Wer bekommt die Mail zur Aktivierung?"
    view = focus(text, lambda s: len(s.split()), min_words=3, priorities=("vor allem",))
    assert view.text == "Wer bekommt die Mail zur Aktivierung?"


@pytest.mark.parametrize(
    "story",
    [
        "Unser alter Kreditkartenvertrag für Office soll weg, den wollen wir kündigen. Wen spreche ich da an? "
        "Eine kleinere Frage noch: Bekommt der OSM beim neuen Vertrag die Aktivierungsmail?",
        "Our old trial subscription should be cancelled now. Whom do I ask for that? Side question: does the OSM "
        "get the activation email for the new contract?",
    ],
)
def test_a_question_called_the_lesser_one_does_not_decide(matcher, story):
    """A question the writer calls the lesser one is set aside: the story's own question decides."""
    view = matcher.focus(story)
    assert "Aktivierungsmail" not in view.text and "activation email" not in view.text
    assert matcher.match(story).candidates[0].id == "cancel-subscription"


@pytest.mark.parametrize(
    ("story", "dismissed"),
    [
        ("Die Aktivierungsmail ist nie gekommen, der OSM hat auch im Junk-Ordner gesucht. Der Händler meint, der "
         "Link laufe nach sechs Monaten ab, aber darum geht es mir nicht. Nichts da. Was nun?", "Link laufe"),
        ("No activation email has reached our OSM, not even in junk. Our reseller said the link expires after six "
         "months, but that's a separate worry. Nothing arrived. What now?", "link expires"),
    ],
)
def test_a_matter_the_writer_waves_off_stays_out_of_the_focus(matcher, story, dismissed):
    """"..., aber darum geht es mir nicht" sets aside the clause it turns against, not only itself."""
    view = matcher.focus(story)
    assert dismissed not in view.text and dismissed in view.context
    assert "nie gekommen" in view.text or "No activation email" in view.text


@pytest.mark.parametrize(
    ("story", "asked"),
    [
        ("Unsere drei Tochterfirmen haben je eine eigene Registrierung. Aktiviert ist noch keine davon. Ich "
         "möchte wissen, ob alle drei an ein gemeinsames Konto können.", "Ich möchte wissen"),
        ("We hold three enrollments, one per subsidiary. None of them is activated yet. Before anyone clicks, "
         "I'd like to know whether all three can share one account.", "Before anyone clicks"),
    ],
)
def test_a_question_asked_without_a_question_mark_is_the_question_sentence(matcher, story, asked):
    """"Ich möchte wissen, ob ..." asks: the problem told before it ("noch keine aktiviert") does not stand in."""
    view = matcher.focus(story)
    assert view.text.startswith(asked)
    assert matcher.match(story).candidates[0].id == "multiple-enrollments-one-account"


def test_a_question_mark_outranks_a_question_asked_in_other_words():
    text = "Ich möchte wissen, wer die Mail bekommt. Wie lange gilt der Link zur Aktivierung?"
    view = focus(text, lambda s: len(s.split()), min_words=3, indirect_asks=("möchte wissen",))
    assert view.text == "Wie lange gilt der Link zur Aktivierung?"


def test_a_labelled_or_indirect_question_is_found_without_compiling_a_pattern():
    """Labels ("Hauptsache:") and asks in other words ("ich wüsste gern") are found as tokens: a batch's first
    story pays no pattern's compilation for them (a lower-case list of German and English words)."""
    _phrase_pattern.cache_clear()
    text = "Die Lizenzen sind da. Hauptsache: wer verwaltet sie? Und wer zahlt das?"
    view = focus(text, lambda s: len(s.split()), min_words=3, priorities=("hauptsache",))
    assert view.text == "Hauptsache: wer verwaltet sie?"
    told = "Die Mail kam nie an. Ich wüsste gern, wie lange der Link zur Aktivierung gilt."
    view = focus(told, lambda s: len(s.split()), min_words=3, indirect_asks=("wüsste gern",))
    assert view.text == "Ich wüsste gern, wie lange der Link zur Aktivierung gilt."
    assert _phrase_pattern.cache_info().misses == 0
