"""A date given by its month's end ("Ende August", "end of August"): read as the month, and
kept only where every day of that month settles the same (bundled knowledge base)."""

from datetime import date

import pytest

from faq.flows.dates import MonthDate
from faq.search.cache import load
from faq.tickets.mentions import find_dates
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
