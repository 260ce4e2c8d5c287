"""The order of day and month a ticket makes certain for its slashed dates that read two ways."""

from datetime import date

import pytest

from faq.errors import InputError
from faq.kb.loader import load_knowledge_base
from faq.tickets.dateorder import DAY_FIRST, MONTH_FIRST, date_order, read_slashed
from faq.tickets.facts import extract_facts

KB = load_knowledge_base()
TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(("texts", "expected"), [
    (["Bought on 02/05/2026, that is in US date format."], MONTH_FIRST),
    (["Kaufdatum 02/05/2026 (amerikanisches Format)"], MONTH_FIRST),
    (["Order date: 02/05/2026", "All dates here are DD/MM/YYYY."], DAY_FIRST),
    (["Gekauft am 02/05/2026 im britischen Datumsformat."], DAY_FIRST),
    (["Invoice of 02/05/2026, delivery note of 02/19/2026."], MONTH_FIRST),
    (["Rechnung vom 02/05/2026, Lieferschein vom 19/02/2026."], DAY_FIRST),
])
def test_a_named_format_or_a_one_way_date_decides_the_order(texts, expected):
    assert date_order(texts) == expected


@pytest.mark.parametrize("texts", [
    ["We bought it on 02/05/2026."],  # English alone: British or American?
    ["Bought 02/05/2026 - sorry, not sure if that was US format."],
    ["Bought on 02/05/2026, that is not in US format."],
    ["Invoice of 02/05/2026, delivery 02/19/2026, order 19/02/2026."],  # both orders written
    ["Bought 02/05/2026 (UK format), the PO says 02/19/2026."],  # named one way, written the other
    ["The tool gave us format errors for 02/05/2026."],  # "us" the pronoun names no format
    ["Bought on 19/02/2026 (UK format)."],  # no date that reads two ways: nothing to decide
])
def test_no_order_is_made_up(texts):
    assert date_order(texts) is None


def test_a_two_way_date_is_read_in_the_order_given_and_open_without_one():
    assert read_slashed("02/05/2026", TODAY, MONTH_FIRST) == date(2026, 2, 5)
    assert read_slashed("02-05-2026", TODAY, DAY_FIRST) == date(2026, 5, 2)
    assert read_slashed("02/19/2026", TODAY, DAY_FIRST) == date(2026, 2, 19)  # one reading only: the order is moot
    with pytest.raises(InputError):
        read_slashed("02/05/2026", TODAY)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "We ordered on 02/05/2026 (American date format), the activation link was never used. Still valid?", "2026-02-05"),
    ("de", "Gekauft haben wir am 02/05/2026, Format TT/MM/JJJJ. Geht der Aktivierungslink noch?", "2026-05-02"),
])
def test_the_purchase_date_is_read_in_the_order_the_ticket_names(lang, text, expected):
    read = extract_facts(text, KB.flow("activation-link-expiry"), TODAY, lang, KB.vocabulary)
    assert str(read.facts.get("purchase_date")) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "We ordered on 02/05/2026, the activation link was never used. Still valid?"),
    ("de", "Gekauft haben wir am 02/05/2026, das Format weiß ich nicht. Geht der Aktivierungslink noch?"),
])
def test_a_two_way_purchase_date_without_an_order_stays_open(lang, text):
    read = extract_facts(text, KB.flow("activation-link-expiry"), TODAY, lang, KB.vocabulary)
    assert "purchase_date" not in read.facts
