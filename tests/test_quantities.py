"""Quantities bound to what they count: one enrollment, two accounts is not two enrollments, one account."""

import pytest

from faq.search.cache import load
from faq.search.quantities import (
    AHEAD,
    DONE,
    MANY,
    NOT,
    ONE,
    agreement,
    aspect_shares,
    aspects,
    contrasted,
    negation_agreement,
    quantity_pairs,
)


@pytest.fixture(scope="module")
def matcher():
    return load(None)[1]


def test_a_counting_word_binds_the_next_content_words():
    classes = {"zwei": MANY, "ein": ONE}
    pairs = quantity_pairs("Zwei Registrierungen auf ein Konto", classes, lambda w: w == "auf",
                           lambda w: w.rstrip("en"))
    assert pairs == {(MANY, "registrierung"), (ONE, "konto")}


def test_agreement_and_clash_are_shares_of_the_questions_pairs():
    question = {(MANY, "registrierung"), (ONE, "konto")}
    both = {"registrierung", "konto"}
    assert agreement(question, {(MANY, "registrierung"), (ONE, "konto")}, both) == (1.0, 0.0)
    assert agreement(question, {(ONE, "registrierung"), (MANY, "konto")}, both) == (0.0, 1.0)
    assert agreement(set(), {(ONE, "konto")}, both) == (0.0, 0.0)


def test_only_tokens_counted_both_ways_in_the_knowledge_base_count():
    """'Eine Aktivierungsmail' is the article: no entry counts mails as several, so it tells nothing."""
    entries = [{(ONE, "registrierung"), (MANY, "konto"), (ONE, "mail")}, {(MANY, "registrierung"), (ONE, "konto")}]
    assert contrasted(entries) == {"registrierung", "konto"}
    assert agreement({(ONE, "mail")}, entries[0], contrasted(entries)) == (0.0, 0.0)


def test_compounds_count_by_their_last_part_and_typos_are_repaired(matcher):
    assert (MANY, "registrierung") in matcher._quantity_pairs("zwei Volumenlizenzregistrierungen")
    assert (MANY, "registrierung") in matcher._quantity_pairs("zwei registirungen")


@pytest.mark.parametrize(("question", "entry"), [
    ("Drei Registrierungen, ein Mandant: erlaubt?", "multiple-enrollments-one-account"),
    ("Geht es, zwei Volumenlizenzregistrierungen einem einzigen Tenant zuzuordnen?", "multiple-enrollments-one-account"),
    ("Lassen sich die Lizenzen einer Registrierung auf zwei Tenants verteilen?", "split-enrollment-accounts"),
])
def test_what_is_counted_as_one_decides_between_the_sibling_entries(matcher, question, entry):
    result = matcher.match(question)
    assert result.outcome == "answer" and result.id == entry


def test_a_negation_binds_what_it_denies_past_a_counting_word():
    classes = {"keine": NOT, "einzige": ONE}
    pairs = quantity_pairs("keine einzige Lizenz", classes, lambda w: False, lambda w: w)
    assert (NOT, "lizenz") in pairs
    assert negation_agreement(pairs, {(NOT, "lizenz")}) == 1.0
    assert negation_agreement(pairs, {(ONE, "lizenz")}) == 0.0
    assert agreement({(NOT, "lizenz")}, {(NOT, "lizenz")}, {"lizenz"}) == (0.0, 0.0)  # a negation counts nothing


def test_aspects_tell_what_happened_from_what_is_asked_ahead():
    classes = {"wurden": DONE, "jetzt": DONE, "now": DONE, "bevor": AHEAD, "next": AHEAD}
    assert aspects("Die Dienste wurden im Konto der Tochter aktiviert", classes) == (True, False)
    assert aspects("Worauf achte ich, bevor ich aktiviere?", classes) == (False, True)
    assert aspects("We activate next week; the old tenant is now gone", classes) == (True, True)
    assert aspects("Lizenzen im falschen Konto", classes) == (False, False)


def test_an_entrys_aspect_shares_count_its_texts_not_its_words():
    classes = {"jetzt": DONE, "wurden": DONE, "bevor": AHEAD}
    texts = ["Jetzt wurden sie jetzt dort aktiviert", "Bevor ich klicke", "Falsches Konto", "Konto"]
    assert aspect_shares(texts, classes) == (0.25, 0.25)
    assert aspect_shares([], classes) == (0.0, 0.0)


def test_the_bundled_aspect_lists_give_the_sibling_entries_their_aspects(matcher):
    """The entry that repairs an activation tells it as done more often than the one that prevents it, which
    asks ahead more often."""
    shares = dict(zip(matcher.ids, matcher.entry_aspects))
    assert shares["wrong-account-activated"][0] > shares["avoid-wrong-account"][0]
    assert shares["avoid-wrong-account"][1] > shares["wrong-account-activated"][1]


@pytest.mark.parametrize("text", ["Die Einrichtung ist erfolgreich abgeschlossen.", "Bei uns hat das Aktivieren geklappt.",
                                  "The setup worked and is completed.", "Everything went smoothly yesterday."])
def test_a_deeds_outcome_tells_it_done(matcher, text):
    """'hat geklappt', 'went fine' tell what already happened, as the entry after an activation does."""
    assert aspects(text, matcher.aspect_classes) == (True, False)


def test_the_bundled_aspect_lists_leave_out_words_that_ask_what_comes_next(matcher):
    """'Was muss ich als Nächstes tun?', 'what now' ask after the deed: neither done nor ahead by themselves."""
    assert aspects("Was muss ich jetzt als Nächstes tun?", matcher.aspect_classes) == (False, False)
    assert aspects("What do we do next, now?", matcher.aspect_classes) == (False, False)


def test_a_text_without_a_counting_or_negating_word_binds_nothing():
    classes = {"zwei": MANY, "kein": NOT}
    assert quantity_pairs("die lizenzen fehlen im portal", classes, lambda w: False, lambda w: w) == set()
    assert quantity_pairs("zwei lizenzen fehlen", classes, lambda w: False, lambda w: w) == {(MANY, "lizenzen"), (MANY, "fehlen")}
