"""Dates in a question: the cheap check never passes over a date the pattern finds; the month names are data."""

import re

import pytest

_DATED = ["Gekauft am 3.4.2025, aktiviert nie", "seit 2024-11-05 keine Mail", "Beginn 1. MÄRZ 2026", "bestellt 7maerz",
          "ordered on Sep 3rd, 2025", "since DEC 12", "renewed oktober 2025", "Stichtag 15. Mai", "due 1 ſeptember",
          "Start am 2. JULİ", "Lizenzbeginn 1. Jänner 2027", "bestellt am 4. Sept. 2026"]
_UNDATED = ["Microsoft 365 E3 für 40 Nutzer", "Office 2019 zeigt Fehler 0x8004", "Mail an 3 Kollegen, keine kam an",
            "Version 16 mailt nicht", "Wir haben 250 Lizenzen, seit Jahren", "Mara hat 3 Mails bekommen"]


class _Dates:
    """The functions of faq.search.datewords with the bundled month names passed in."""

    def __init__(self, months):
        from faq.search import datewords

        self.months, self.pattern = months, datewords.date_pattern(months)
        self.may_hold_date = lambda text: datewords.may_hold_date(text, months)
        self.without_dates = lambda text: datewords.without_dates(text, months)


def _bundled():
    from faq.language.lexicon import words
    from faq.search.datewords import month_names

    return _Dates(month_names(words("months")))


@pytest.mark.parametrize("text", _DATED + _UNDATED)
def test_date_check_never_passes_over_a_date(text):
    date_words = _bundled()
    if date_words.pattern.search(text):
        assert date_words.may_hold_date(text)


@pytest.mark.parametrize("text", _UNDATED)
def test_date_check_passes_over_numbers_that_name_no_date(text):
    date_words = _bundled()
    assert not date_words.pattern.search(text)
    assert not date_words.may_hold_date(text)
    assert date_words.without_dates(text) == text


def test_date_check_finds_the_dated_texts():
    date_words = _bundled()
    assert all(date_words.may_hold_date(t) for t in _DATED)
    assert all(date_words.pattern.search(t) for t in _DATED)


def test_a_date_is_read_past_whole():
    date_words = _bundled()
    assert date_words.without_dates("Nutzungsbeginn 1. Jänner 2027, keine Lizenzen").split() == [
        "Nutzungsbeginn", ",", "keine", "Lizenzen"]
    assert date_words.without_dates("renewed on September 2nd, 2026 and nothing came").split() == [
        "renewed", "on", "and", "nothing", "came"]


def test_the_month_names_are_those_of_the_knowledge_base():
    from faq.search.datewords import month_names

    own = _Dates(month_names(["brumaire brum", "Nivôse"]))
    assert own.months == {"brumaire", "brum", "nivôse"}
    assert own.pattern.search("gekauft am 3. Nivôse 2026")
    assert not own.pattern.search("gekauft am 3. März 2026")
    assert not own.may_hold_date("gekauft am 3. März 2026")


def test_every_spelling_of_the_month_list_is_read():
    from faq.language.lexicon import words

    date_words = _bundled()
    for entry in words("months"):
        for name in entry.split():
            assert date_words.pattern.fullmatch(f"1. {name} 2026"), name
            assert date_words.pattern.fullmatch(f"{name.upper()} 2026"), name


def test_month_pattern_matches_the_names_and_nothing_else():
    from faq.search.datewords import month_pattern

    names = ["jan", "januar", "january", "mai", "may", "mär", "märz", "maerz", "sep", "sept", "september"]
    pattern = month_pattern(names)
    assert all(re.fullmatch(pattern, name) for name in names)
    spelled = {a + b + c for a in "jmsea" for b in "aeäpnr" for c in ("", "z", "r", "t", "uar", "uary", "ember", "rz")}
    assert {w for w in spelled if re.fullmatch(pattern, w)} <= set(names)
    assert re.match(pattern, "januaryx").group() == "january"  # the longer name first
