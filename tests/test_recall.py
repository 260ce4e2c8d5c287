"""Facts a customer states in words the reader used to miss: dates written as ordinal words,
roles told by what the writer is not, a country where the service is not offered, an earlier
activation of the same enrollment (new tickets in German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- a day written as an ordinal word --------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Hallo, laut Bestellung ist der Nutzungsbeginn der dritte Dezember 2026. Die Aktivierungsmail fehlt noch.",
     date(2026, 12, 3)),
    ("de", "Guten Tag, der Nutzungsbeginn ist am einundzwanzigsten Dezember. Bisher keine Aktivierungsmail.",
     date(2026, 12, 21)),
    ("en", "Hi, our reseller says the usage start date is the second of December, 2026. No activation mail yet.",
     date(2026, 12, 2)),
    ("en", "Hello, the usage start on our order is December the twenty-first. Still no activation email.",
     date(2026, 12, 21)),
])
def test_usage_start_written_as_an_ordinal_word_is_read(lang, text, day):
    assert read("missing-activation-email", text, lang).get("usage_start") == day


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Hallo, wir haben am fünften März 2026 gekauft. Ist der Aktivierungslink noch gültig?", date(2026, 3, 5)),
    ("en", "Hi, we bought the licenses on the fifth of March 2026. Is the activation link still valid?",
     date(2026, 3, 5)),
])
def test_purchase_date_written_as_an_ordinal_word_is_read(lang, text, day):
    assert read("activation-link-expiry", text, lang).get("purchase_date") == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben zum ersten Mal bestellt, die Aktivierungsmail fehlt. Nutzungsbeginn weiß ich nicht."),
    ("en", "Hi, the first may be lost: the activation mail for our second order is missing."),
])
def test_an_ordinal_word_without_a_month_is_no_date(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


def test_an_ordinal_day_that_cannot_exist_is_no_date():
    text = "Hallo, der Nutzungsbeginn ist laut Bestellung der einunddreißigste Februar 2027. Keine Aktivierungsmail."
    assert "usage_start" not in read("missing-activation-email", text, "de")
