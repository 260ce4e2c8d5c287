"""A date given by its month's end ("Ende August", "end of August"): read as the month, and
kept only where every day of that month settles the same (bundled knowledge base)."""

import re
from datetime import date

import pytest

from faq.flows.dates import MonthDate
from faq.search.cache import load
from faq.tickets.mentions import _DATE_PATTERNS, _MONTH_START, _MONTH_WORDS, find_dates
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def kb_matcher():
    return load(None)


@pytest.mark.parametrize(("text", "month"), [
    ("Die Lizenzen haben wir Ende Juli 2026 gekauft.", (2026, 7)),
    ("We bought them at the end of July 2026.", (2026, 7)),
    ("Gekauft wurde Ende Juli, so steht es auf der Rechnung.", (2026, 7)),
    ("The usage starts late January 2027.", (2027, 1)),
])
def test_a_month_end_is_read_as_its_month(text, month):
    found = find_dates(text, TODAY)
    assert len(found) == 1 and isinstance(found[0].value, MonthDate)
    assert (found[0].value.year, found[0].value.month) == month


@pytest.mark.parametrize(("text", "cause", "value"), [
    ("Hallo, wir haben die Lizenzen Ende Juli 2026 gekauft. Kann ich den Aktivierungslink noch benutzen?",
     "activation-link-valid", "2026-07"),
    ("Hi, the licences were purchased at the end of March 2026. Does the activation link still work?",
     "activation-link-expired", "2026-03"),
    ("Guten Tag, die Nutzung beginnt Ende Januar 2027 und die Aktivierungsmail ist noch nicht da.",
     "usage-start-pending", "2027-01"),
])
def test_a_month_end_that_settles_the_case_gives_the_cause(kb_matcher, text, cause, value):
    kb, matcher = kb_matcher
    result = triage_text(text, kb, matcher, TODAY)
    assert result.cause == cause
    out = result.to_json()
    assert value in out["month_facts"].values()
    # the contract's facts hold JJJJ-MM-TT dates only: no day is made up, none is cut short
    assert all(not isinstance(v, str) or len(v) != 7 for v in out["facts"].values())


@pytest.mark.parametrize("text", [
    "Hallo, gekauft haben wir Ende Mai 2026. Ist der Aktivierungslink noch gültig?",
    "Hello, we bought the licences at the end of May 2026. Is the activation link still valid?",
])
def test_a_month_end_whose_days_differ_states_nothing(kb_matcher, text):
    kb, matcher = kb_matcher
    result = triage_text(text, kb, matcher, TODAY)
    assert result.cause is None and "purchase_date" not in result.facts
    assert result.to_json()["next"]["fact"] == "purchase_date"


@pytest.mark.parametrize(("text", "month"), [
    ("Die Lizenzen haben wir im April 2026 gekauft.", (2026, 4)),
    ("Bestellt wurde Anfang Oktober, die Rechnung kam später.", (2026, 10)),
    ("We purchased the seats in April 2026.", (2026, 4)),
    ("Usage begins early February per the order.", (2027, 2)),
    ("Seit März warten wir.", (2026, 3)),
    ("Kaufdatum: Juni 2026", (2026, 6)),
])
def test_a_month_named_without_a_day_is_read_as_its_month(text, month):
    found = find_dates(text, TODAY)
    assert len(found) == 1 and isinstance(found[0].value, MonthDate)
    assert (found[0].value.year, found[0].value.month) == month


@pytest.mark.parametrize("text", ["Am 4. April 2026 gekauft.", "Bought on the 4th of April 2026.", "we may 2026 renew"])
def test_a_day_before_the_month_or_the_verb_may_is_no_month_alone(text):
    assert not any(isinstance(m.value, MonthDate) for m in find_dates(text, TODAY))


@pytest.mark.parametrize(("text", "split"), [
    ("Guten Tag, der Aktivierungslink geht nicht mehr. Gekauft haben wir im Mai 2026. Gruß, Jens Ott",
     "für einen Tag bis zum 24.05.2026: Der Aktivierungslink ist abgelaufen; ab dem 25.05.2026"),
    ("Hi, the activation link gives an error. We bought the licences in May 2026. Thanks, Jens Ott",
     "for a day up to 24 May 2026: The activation link has expired; from 25 May 2026"),
])
def test_a_month_that_does_not_settle_says_where_the_outcome_changes(kb_matcher, text, split):
    kb, matcher = kb_matcher
    r = triage_text(text, kb, matcher, TODAY)
    assert r.cause is None and "purchase_date" not in r.facts
    assert split in r.reply and ("Mai 2026" in r.reply or "May 2026" in r.reply)


def test_dates_read_again_are_not_changed_by_an_earlier_reader():
    # find_dates remembers what it read: a caller that edits its list must not change the next reading
    text = "Bestellt am 03.11.2026, Nutzungsbeginn Ende Dezember 2026."
    first = find_dates(text, TODAY)
    assert [m.raw for m in first] == ["03.11.2026", "Ende Dezember 2026"]
    first.clear()
    again = find_dates(text, TODAY)
    assert [m.raw for m in again] == ["03.11.2026", "Ende Dezember 2026"]
    assert find_dates(text, date(2027, 1, 5))[0].value == date(2026, 11, 3)


def test_every_month_and_day_word_opens_with_a_letter_the_quick_look_lets_through():
    firsts = re.fullmatch(r"\(\?=\[(\w+)\]\)", _MONTH_START).group(1)
    assert all(w[0] in firsts for w in _MONTH_WORDS.split("|"))
    word = dict(_DATE_PATTERNS)["word"].pattern
    look, alternatives = re.fullmatch(r"\\b\(\?=\[(\w+)\]\)\(\?:(.*)\)\\b", word).groups()
    assert all(w[0] in look for w in alternatives.split("|"))


@pytest.mark.parametrize(("text", "said"), [
    ("Bestellt haben wir Anfang DEZEMBER, gestern kam nichts.", ["Anfang DEZEMBER", "gestern"]),
    ("We ordered in Sept, the mail was due TODAY.", ["in Sept", "TODAY"]),
])
def test_month_and_day_words_are_found_in_any_case(text, said):
    assert [m.raw for m in find_dates(text, date(2026, 11, 26))] == said
