"""The ticket reader's words: folded tokens with offsets and negations (faq/tickets/tokens.py)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.tickets.tokens import (
    _SENTENCE_END,
    abbreviation_stop,
    sentences,
    spelt_as_is,
    tokenize,
    unspelt,
    with_zu,
    without_names,
    zu_inside,
)


def test_contractions_are_read_out():
    words = [(t.word, t.neg) for t in tokenize("We haven't got it, I'm sure")]
    assert words == [("we", False), ("haven", False), ("not", True), ("got", False), ("it", False),
                     ("i", False), ("am", False), ("sure", False)]


@pytest.mark.parametrize(("text", "words"), [
    ("Junk-Ordner: ungeprüft", ["junk", "ordner", "nicht", "geprueft"]),
    ("Domäne bislang unverifiziert", ["domaene", "bislang", "nicht", "verifiziert"]),
    ("spam folder unchecked", ["spam", "folder", "not", "checked"]),
])
def test_a_negated_participle_is_read_as_the_negation_and_the_participle(text, words):
    tokens = tokenize(text)
    assert [t.word for t in tokens] == words
    assert [t.word for t in tokens if t.neg] == [words[-2]]
    assert text[tokens[-2].start:tokens[-1].end] == text.split()[-1]


@pytest.mark.parametrize("text", ["Wir brauchen unbedingt die Lizenzen", "An unexpected error", "Die Unterschrift fehlt", "Ungeachtet dessen",
                                  "unsere Unternehmensdomäne", "Untertitel", "the unit was renamed"])
def test_words_that_only_begin_as_a_negated_participle_negate_nothing(text):
    assert not any(t.neg for t in tokenize(text))


def test_offsets_point_into_the_text():
    text = "Die Mail kam nicht – Spam geprüft"
    assert [text[t.start:t.end] for t in tokenize(text)] == ["Die", "Mail", "kam", "nicht", "Spam", "geprüft"]
    assert [t.neg for t in tokenize(text)] == [False, False, False, True, False, False]


def test_tokens_read_again_are_not_changed_by_an_earlier_reader():
    # tokenize remembers what it read: a caller that edits its list must not change the next reading
    first = tokenize("Keine Mail im Spam")
    first.pop()
    assert [t.word for t in tokenize("Keine Mail im Spam")] == ["keine", "mail", "im", "spam"]


def test_a_negated_auxiliary_without_apostrophe_is_read_out():
    words = [(t.word, t.neg) for t in tokenize("The domain isnt verified, we didnt check")]
    assert words == [("the", False), ("domain", False), ("isn", False), ("not", True), ("verified", False),
                     ("we", False), ("didn", False), ("not", True), ("check", False)]


def test_a_misspelt_negation_is_the_negation_it_misspells():
    assert [(t.word, t.neg) for t in tokenize("nciht kien nevr nto")] == [
        ("nicht", True), ("kein", True), ("never", True), ("not", True)]


def test_real_words_near_a_negation_stay_themselves():
    # "klein" adds a letter to "kein", "noon" drops one of "noone": real words, no slips
    assert [(t.word, t.neg) for t in tokenize("klein noon noting ein")] == [
        ("klein", False), ("noon", False), ("noting", False), ("ein", False)]


def test_a_negation_written_without_its_apostrophe_is_read_out():
    words = [(t.word, t.neg) for t in tokenize("The reseller hasnt placed it and I cant see it")]
    assert ("hasn", False) in words and ("can", False) in words
    assert [w for w, neg in words if neg] == ["not", "not"]


def test_a_misspelt_negation_is_read_as_the_negation():
    tokens = tokenize("Die Domäne ist nich verifiziert, im Spam war nciht nachgesehen, kiene Bestellung")
    assert [t.word for t in tokens if t.neg] == ["nicht", "nicht", "keine"]
    text = "We have nothign in the junk folder"
    slip = next(t for t in tokenize(text) if t.neg)
    assert (slip.word, text[slip.start:slip.end]) == ("nothing", "nothign")


def test_real_words_near_a_negation_stay_what_they_are():
    # "noting" and "noon" are one slip from "nothing" and "noone", "Licht" a letter from "nicht"
    tokens = tokenize("Noting the date: by noon the Licht was on")
    assert not any(t.neg for t in tokens)
    assert [t.word for t in tokens][:1] == ["noting"]


def test_an_english_im_without_apostrophe_is_i_am_and_the_german_im_stays():
    assert [t.word for t in tokenize("im only the OSM")] == ["i", "am", "only", "the", "osm"]
    assert [t.word for t in tokenize("Im Spam ist nichts")] == ["im", "spam", "ist", "nichts"]


def test_a_zu_infinitive_of_a_separable_verb_is_read_as_that_verb():
    assert zu_inside("nachzusehen") == "nachsehen" and zu_inside("durchzusuchen") == "durchsuchen"
    assert zu_inside("zuruecksenden") is None and zu_inside("anzug") is None
    assert "nachzuschauen" in with_zu(("nachschauen", "nachgesehen")) and "nachzugesehen" not in with_zu(("nachgesehen",))


def test_a_word_read_from_another_word_is_not_spelt_as_is():
    assert spelt_as_is("jahr") and spelt_as_is("ago")
    assert not spelt_as_is("nicht")  # "nich" is read as it
    assert not spelt_as_is("am")  # English "im" is read as "i am"
    assert not spelt_as_is("mail")  # "E-Mail" folds to it
    assert not spelt_as_is("früher")  # not folded


@pytest.mark.parametrize(("text", "words", "ruled_out"), [
    ("Vor zwei Wochen haben wir die Verlängerung unterschrieben.", {"jahr", "damals"}, True),
    ("Im Vorjahr klappte die Aktivierung noch.", {"vorjahr"}, False),
    ("Früher kam die Mail sofort an.", {"frueher"}, False),  # "ü" folds to "ue"
    ("We signed the renewal two weeks ago.", {"year", "past"}, True),
    ("Back then, the OSM was someone else.", {"back"}, False),
    ("Last YEAR it worked.", {"year"}, False),  # folded: any case
    ("Das war \x1b]0;jahr\x07 so.", {"jahr"}, False),  # an escape sequence: unsure, the tokenizer decides
])
def test_a_text_that_spells_none_of_the_words_is_ruled_out(text, words, ruled_out):
    assert unspelt(text, frozenset(words)) is ruled_out
    if ruled_out:
        assert not {t.word for t in tokenize(text)} & words


@given(st.text(alphabet=st.sampled_from(list("jahrJAHRagoyer äüÄßeE-'’\u0308\u00ad\t.,")), max_size=40))
def test_a_ruled_out_text_has_no_token_of_the_words(text):
    words = frozenset({"jahr", "ago", "year", "ahr"})
    if unspelt(text, words):
        assert not {t.word for t in tokenize(text)} & words


def _without_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    head = "(?=[\\s\\\"'»«“”)])(?:"
    assert pattern.pattern.startswith(head) and pattern.pattern.endswith(")")
    return re.compile(pattern.pattern[len(head):-1])


@given(st.text(alphabet=st.sampled_from(list("aZÄ1 \n\t.!?:\"'»”)-•")), max_size=40))
def test_sentence_breaks_are_those_every_alternative_finds_on_its_own(text):
    slow = _without_lookahead(_SENTENCE_END)
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in slow.finditer(text)]


@pytest.mark.parametrize(("text", "count"), [
    ("Die Mail kam nie an! Wir haben am 12.11.2026 bestellt. Was nun?", 3),
    ("„Bestellt“. Danach kam nichts.\n\n- Domäne geprüft\n- Spam geprüft", 4),
    ("The mail never came! We ordered on 2026-11-12. What now?", 3),
    ("He said \"done.\" Nothing arrived since.", 2),
    # a date with a two-digit year ends its sentence as one with four digits does; a day and month alone do not
    ("Bestellt am 9.11.26. Seitdem keine Mail.", 2),
    ("Lizenzen ab 14.10.26. Bitte prüfen.", 2),
    ("Am 1.12. Bestellung aufgegeben.", 1),
    # a product code's period ends its sentence ("E3.", "M365."); a bare number's does not ("Plan 2. Die")
    ("Wir haben O365 E5. Keine Mail bisher.", 2),
    ("We run M365. Nothing arrived.", 2),
    ("Wir haben Visio Plan 2. Die Mail fehlt.", 1),
])
def test_a_ticket_splits_into_its_sentences(text, count):
    assert len(sentences(text)) == count


def test_sentences_split_again_are_not_changed_by_an_earlier_reader():
    # sentences remembers what it split: a caller that edits its list must not change the next split
    text = "Die Mail kam nie an. Spam ist geprüft."
    first = sentences(text)
    first.pop()
    assert sentences(text) == [(0, "Die Mail kam nie an."), (21, "Spam ist geprüft.")]
    assert sentences(text, abbreviations=False) == sentences(text)


def test_question_and_answer_lines_in_a_run_end_their_lines():
    text = ("Spam-Ordner geprüft? ja, schon zweimal (Regeln auch)\nMail laut VLSC an einen anderen Kontakt? nein\n"
            "Reservation placed? yes\n")
    assert [s.strip() for _, s in sentences(text)] == [
        "Spam-Ordner geprüft?", "ja, schon zweimal (Regeln auch)", "Mail laut VLSC an einen anderen Kontakt?", "nein",
        "Reservation placed?", "yes"]


def test_a_lone_question_line_above_prose_is_not_cut_at_its_end():
    text = "Was ist da los? Die Aktivierungsmail ist\nnie angekommen."
    assert [s.strip() for _, s in sentences(text)] == ["Was ist da los?", "Die Aktivierungsmail ist\nnie angekommen."]


def test_a_long_label_line_in_a_checklist_ends_its_sentence():
    text = "Gleiche Registrierung für Basis und Add-on: nein\nDienst im Land unseres Kontos angeboten: ja\nWas nun?"
    assert [s.strip() for _, s in sentences(text)] == [
        "Gleiche Registrierung für Basis und Add-on: nein", "Dienst im Land unseres Kontos angeboten: ja", "Was nun?"]


@pytest.mark.parametrize("text,word", [
    ("Im Spam hab i no ned nachg'schaut.", "nachgeschaut"),
    ("Des hab i scho g’macht.", "gemacht"),
    ("Mir hend scho b'stellt.", "bestellt"),
])
def test_a_dialect_participle_with_its_prefix_elided_is_read_in_full(text, word):
    tokens = tokenize(text)
    assert word in [t.word for t in tokens]
    found = next(t for t in tokens if t.word == word)
    assert text[found.start:found.end].replace("’", "'").count("'") == 1


def test_english_contractions_are_no_elided_prefixes():
    assert [t.word for t in tokenize("we've got it, isn't it, the dog's bed")][:6] == ["we", "have", "got", "it", "isn", "not"]


@pytest.mark.parametrize("text", ["Im Spam-Ordner hani nonig gluegt.", "Im Spam hod neamd gschaut.",
                                  "D Filterregle hät au niemer aagluegt."])
def test_dialect_negations_are_negations(text):
    assert any(t.neg for t in tokenize(text))


@pytest.mark.parametrize(("text", "first"), [
    ("Sehr geehrter Herr Lenz,\ndie Aktivierungsmail ging an die Buchhaltung.", "Sehr geehrter Herr Lenz,"),
    ("Dear Ms Wilde,\nthe activation email went to our finance team.", "Dear Ms Wilde,"),
])
def test_a_greeting_line_ending_in_a_comma_is_a_sentence_of_its_own(text, first):
    # the greeted name is no word of the next line's statement ("Frau ... gesendet" is no recipient)
    assert sentences(text)[0][1] == first and len(sentences(text)) == 2


@pytest.mark.parametrize(("text", "words"), [
    ("Bei uns ist northwind-traders.de seit Mai verifiziert", ["bei", "uns", "ist", "domain", "seit", "mai", "verifiziert"]),
    ("Is tailspin.io verified? Yes", ["is", "domain", "verified", "yes"]),
])
def test_a_mail_domain_named_alone_reads_as_the_noun_domain(text, words):
    blanked = without_names(text)
    assert len(blanked) == len(text)
    assert [t.word for t in tokenize(blanked)] == words


@pytest.mark.parametrize("text", [
    "Die Domäne northwind-traders.de ist verifiziert",  # the noun is there already
    "Die Domain unseres Admins (northwind-traders.de) ist verifiziert",  # in brackets: beside its noun
    "The domain of our OSM, northwind-traders.com, is verified",  # between commas: beside its noun
    "Die Domäne @northwind-traders.de ist verifiziert",  # an address's end
    "Unsere Adresse ist ops@northwind-traders.de",  # an address
    "Im Portal admin.microsoft.com steht nichts",  # a host
    "Es ist eine outlook.com-Adresse",  # part of a compound
    "We use a.io",  # shorter than the noun
])
def test_a_domain_name_in_an_address_a_host_a_compound_or_after_its_noun_reads_as_no_word(text):
    def nouns(said: str) -> int:
        return [t.word for t in tokenize(said)].count("domain")

    assert nouns(without_names(text)) == nouns(text)

def test_a_table_row_ends_its_sentence():
    text = "Our details:\n| OSM | anna@fabrikam.com |\n| Global admin | not sure |\nThanks"
    assert [s.strip() for _, s in sentences(text)] == [
        "Our details:", "| OSM | anna@fabrikam.com |", "| Global admin | not sure |", "Thanks"]


def test_a_checklist_box_ends_its_line_as_a_bullet_does():
    text = "Stand:\n[x] Bestellung aufgegeben\n[ ] Junk-Ordner geprüft\nDanke"
    assert [s.strip() for _, s in sentences(text)] == ["Stand:", "[x] Bestellung aufgegeben", "[ ] Junk-Ordner geprüft", "Danke"]


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Basis unter gleicher Reg.-Nr. wie das Add-on: nein", "Nr.", True),
    ("Same agreement ref. as the base: no", "ref.", True),
    ("Wir haben alles geprüft. Add-on: ja", "geprüft.", False),
    ("We said no. Then it worked", "no.", False),
])
def test_an_abbreviations_full_stop_is_told_from_a_sentences(text, word, expected):
    assert abbreviation_stop(text, text.index(word) + len(word) - 1) is expected
