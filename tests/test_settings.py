"""Entries a ticket's setting decides (knowledge/tickets/settings.yaml)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.search.cache import load
from faq.search.results import Candidate, MatchResult
from faq.tickets.settings import _settings, _Stems, in_setting


def _matched(text: str, first: str, second: str) -> MatchResult:
    candidates = (Candidate(first, 0.7), Candidate(second, 0.2))
    return MatchResult(text, "answer", first, None, 0.7, "de", candidates)


@pytest.mark.parametrize("text", ["die lizenzen sind weg", "keine vlsclizenz", "sehen wir die lizenzen nicht",
                                  "lizenz. sehen wir nicht", "that is not right", "ok, not right", " not right",
                                  "_not right", "nothing", ""])
def test_setting_stems_found_where_their_word_start_pattern_is(text: str) -> None:
    """A setting's stems are looked for faster than with the pattern that matches from the start
    of their word, and found in exactly the same texts (a stem opening with a space after a letter)."""
    stems = _Stems({"de": ["Lizenz", "sehen + nicht"], "en": [" not "]})
    assert stems.found(text) == (stems.pattern.search(text) is not None)


@pytest.mark.parametrize("text", ["die lieferung kam", "lieferadresse falsch", "geliefert wurde nicht", "liefern. nicht",
                                  "nicht geliefert", "vlsclizenzen", "die li zenz", "lizen", "keine -lizenz", ""])
def test_stems_sharing_their_beginning_are_found_where_each_alone_is(text: str) -> None:
    """Stems written as one tree of their common beginnings (one a beginning of another, a phrase in
    parts beside a plain stem of the same first word) are found in exactly the texts one of them is."""
    stems = _Stems({"de": ["Lieferung", "liefer + nicht", "Lizenz", "Lizenzen", "-lizenz"]})
    alone = [_Stems({"de": [w]}) for w in ("Lieferung", "liefer + nicht", "Lizenz", "Lizenzen", "-lizenz")]
    assert stems.found(text) == any(s.pattern.search(text) is not None for s in alone)


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail ist gekommen, aber bei unserer Empfangsdame. Ich möchte, dass sie jetzt an mich geht.",
    "The activation mail came, but to our receptionist. I'd like it to go to me instead.",
])
def test_a_mail_wanted_at_me_moves_the_missing_mail_to_the_resend(text: str) -> None:
    _, matcher = load()
    moved = in_setting(_matched(text, "activation-email-missing", "resend-activation-email"), text, matcher)
    assert moved.id == "resend-activation-email"
    assert [c.id for c in moved.candidates][0] == "resend-activation-email"


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail ist nie angekommen. Sie soll jetzt an mich gehen.",
    "The activation mail never arrived. It should go to me instead.",
])
def test_a_mail_told_missing_stays_the_missing_mail_whatever_is_wished(text: str) -> None:
    _, matcher = load()
    kept = in_setting(_matched(text, "activation-email-missing", "resend-activation-email"), text, matcher)
    assert kept.id == "activation-email-missing"


def test_an_entry_the_matcher_does_not_offer_is_not_chosen() -> None:
    _, matcher = load()
    text = "Die Aktivierungsmail ist gekommen, aber bei der Buchhaltung. Ich möchte, dass sie jetzt an mich geht."
    alone = MatchResult(text, "answer", "activation-email-missing", None, 0.9, "de",
                        (Candidate("activation-email-missing", 0.9),))
    assert in_setting(alone, text, matcher).id == "activation-email-missing"


@given(st.text(alphabet=st.sampled_from(list("verlängerungrenewlizenzsehnicht +.-_1")), max_size=40))
def test_a_settings_words_are_found_where_their_whole_pattern_finds_them(text):
    for _entry, _instead, words, keeps, unless, _one_way, _plain in _settings()[:4]:
        for stems in (words, keeps, unless):
            assert stems.found(text) == (stems.pattern.search(text) is not None)


@pytest.mark.parametrize("text,first", [
    ("Our E5 licenses aren't visible; they went to the tenant of our sister company.", "wrong-account-activated"),
    ("Activation done, but the licences aren't visible in the admin center yet.", "after-activation"),
])
def test_licences_told_not_visible_with_a_contraction_are_the_not_visible_problem(text: str, first: str) -> None:
    _, matcher = load()
    assert in_setting(_matched(text, first, "licenses-not-visible"), text, matcher).id == "licenses-not-visible"


def test_an_entry_no_setting_may_move_keeps_its_topic_whatever_setting_is_named() -> None:
    """`may_move` names every entry a setting may move: any other keeps its topic in a text that names
    every setting's words, with every entry on offer."""
    from faq.tickets.settings import may_move
    from faq.tickets.weights import ticket_file

    _, matcher = load()
    data = ticket_file("settings.yaml") or {}
    said = [str(w).replace(" + ", " ") for specs in data.values() for spec in (specs if isinstance(specs, list) else [specs])
            for table in ("words", "keeps") for ws in (spec.get(table) or {}).values() for w in ws or ()]
    text = ". ".join(said)
    pool = tuple(Candidate(e, 0.1) for e in matcher.ids)
    kept = [e for e in matcher.ids if not may_move(e)]
    assert kept and len(kept) < len(matcher.ids) and not may_move(None)
    for entry in kept:
        result = MatchResult(text, "answer", entry, None, 0.7, "de", (Candidate(entry, 0.7),))
        assert in_setting(result, text, matcher, pool) is result
    assert may_move("activation-email-missing") and in_setting(
        _matched("Die Verlängerung ist durch. Kommt da noch eine Aktivierungsmail?", "activation-email-missing",
                 "renewal-activation"), "Die Verlängerung ist durch. Kommt da noch eine Aktivierungsmail?",
        matcher).id == "renewal-activation"
