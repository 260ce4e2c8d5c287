"""A date written without a year, its year named right after it, is read in that year
(faq/tickets/yeared.py)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.mentions import find_dates
from faq.tickets.yeared import yeared

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Keine Aktivierungsmail. Der Nutzungsbeginn war der 3.2. letztes Jahr.", date(2025, 2, 3)),
    ("de", "Keine Aktivierungsmail. Nutzungsbeginn ist der 15.1. des nächsten Jahres.", date(2027, 1, 15)),
    ("en", "No activation email. Our usage start was 3 February last year.", date(2025, 2, 3)),
    ("en", "No activation email yet. Usage starts on 15 January next year.", date(2027, 1, 15)),
])
def test_a_date_is_read_in_the_year_named_after_it(lang, text, expected):
    assert read(text, lang).get("usage_start") == expected


def test_a_date_without_a_named_year_is_the_nearest():
    assert read("Keine Aktivierungsmail. Der Nutzungsbeginn ist der 1.12.", "de").get("usage_start") == date(2026, 12, 1)


def test_a_year_named_by_the_next_sentence_is_not_the_dates():
    text = "Nutzungsbeginn war am 1.2. Letztes Jahr hatten wir eine andere Registrierung."
    assert [m.value for m in yeared(text, find_dates(text, TODAY), TODAY)] == [date(2026, 2, 1)]



def test_a_date_of_this_year_stays_in_it():
    text = "Gekauft haben wir am 20.12. dieses Jahres."
    assert [m.value for m in yeared(text, find_dates(text, TODAY), TODAY)] == [date(2026, 12, 20)]
