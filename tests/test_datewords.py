"""Dates in a question: the cheap check never passes over a date the pattern finds."""

import pytest

_DATED = ["Gekauft am 3.4.2025, aktiviert nie", "seit 2024-11-05 keine Mail", "Beginn 1. MÄRZ 2026", "bestellt 7maerz",
          "ordered on Sep 3rd, 2025", "since DEC 12", "renewed oktober 2025", "Stichtag 15. Mai", "due 1 ſeptember",
          "Start am 2. JULİ"]
_UNDATED = ["Microsoft 365 E3 für 40 Nutzer", "Office 2019 zeigt Fehler 0x8004", "Mail an 3 Kollegen, keine kam an",
            "Version 16 mailt nicht", "Wir haben 250 Lizenzen, seit Jahren"]


@pytest.mark.parametrize("text", _DATED + _UNDATED)
def test_date_check_never_passes_over_a_date(text):
    from faq.search.datewords import dates, may_hold_date

    if dates().search(text):
        assert may_hold_date(text)


@pytest.mark.parametrize("text", _UNDATED)
def test_date_check_passes_over_numbers_that_name_no_date(text):
    from faq.search.datewords import dates, may_hold_date

    assert not dates().search(text)
    assert not may_hold_date(text)


def test_date_check_finds_the_dated_texts():
    from faq.search.datewords import dates, may_hold_date

    assert all(may_hold_date(t) for t in _DATED)
    assert all(dates().search(t) for t in _DATED)


def test_month_names_are_what_the_date_pattern_finds():
    import re

    from faq.search.datewords import _MONTH, MONTH_NAMES

    assert all(re.fullmatch(_MONTH, name, re.IGNORECASE) for name in MONTH_NAMES)
    spelled = {a + b for a in "abcdefghijklmnopqrstuvwxyzä" for b in "abcdefghijklmnopqrstuvwxyz"}
    stems = {name[:3] for name in MONTH_NAMES}
    grown = {s + t for s in stems for t in ("", *spelled, "uar", "uary", "ruar", "ruary", "il", "ust", "tember",
                                                 "ober", "ember", "z", "rz", "ch")}
    assert {w for w in grown if re.fullmatch(_MONTH, w)} <= MONTH_NAMES
