"""Dates a customer writes that the reader used to miss: a day as an ordinal word, a weekday with
its day, a day of a month named from today's, more names of the usage start; and dates it must not
read (a slashed date with two readings; a far past verb across a clause with a verb of its own).
New tickets in German and English, bundled knowledge base."""

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


# -- a weekday with its day of the month --------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Hallo, die Lizenzen fehlen. Nutzungsbeginn war Donnerstag, der 19.; aktiviert haben wir gestern.",
     date(2026, 11, 19)),
    ("de", "Guten Tag, Nutzungsbeginn laut Bestellung ist Dienstag, den 1. Die Lizenzen sind noch nicht da.",
     date(2026, 12, 1)),
    ("en", "Hi, licenses missing after activation. The usage start was Thursday the 19th.", date(2026, 11, 19)),
])
def test_a_weekday_with_its_day_is_that_date(lang, text, day):
    assert read("licenses-not-visible", text, lang).get("usage_start") == day


def test_a_weekday_whose_day_is_no_such_weekday_is_no_date():
    text = "Hi, licenses missing after activation. The usage start was Friday the 19th."
    assert "usage_start" not in read("licenses-not-visible", text, "en")


# -- a past verb in another clause does not date a clause with a verb of its own ---------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben im Oktober bestellt, der Nutzungsbeginn ist laut Händler der 3. Dezember. "
           "Noch keine Aktivierungsmail."),
    ("en", "Hi, we ordered Visio in October, the usage date per the reseller is December 3. No activation mail yet."),
])
def test_a_usage_start_after_a_past_order_is_the_next_one(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 12, 3)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, gekauft haben wir, und zwar am 3. Dezember. Geht der Aktivierungslink noch?"),
    ("en", "Hi, we bought the licenses, namely on December 3. Does the activation link still work?"),
])
def test_a_purchase_date_in_a_verbless_clause_after_the_verb_is_past(lang, text):
    assert read("activation-link-expiry", text, lang).get("purchase_date") == date(2025, 12, 3)


# -- a slashed date with two readings is no date (as in the chat) ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Nutzungsbeginn laut Händler: 03/12/2026."),
    ("en", "Hi, no activation mail. The order has a start date of 12/03/2026."),
])
def test_a_slashed_date_with_two_readings_is_no_usage_start(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Nutzungsbeginn laut Händler: 15/12/2026."),
    ("en", "Hi, no activation mail. The order has a start date of 12/15/2026."),
])
def test_a_slashed_date_with_one_reading_is_read(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 12, 15)


# -- more names of the usage start --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "flow", "text"), [
    ("de", "missing-activation-email", "Hallo, keine Aktivierungsmail. Laufzeitbeginn ist der 01.12.2026."),
    ("de", "licenses-not-visible", "Hallo, aktiviert haben wir am 20.11.2026, die Lizenzen gelten ab dem 1.12.2026. Sie fehlen noch."),
    ("en", "missing-activation-email", "Hi, no activation mail. The licenses are valid from 1 December 2026."),
    ("en", "licenses-not-visible", "Hi, we activated on 20 Nov 2026 and our coverage begins on 1 Dec 2026. Licenses missing."),
])
def test_more_names_of_the_usage_start(lang, flow, text):
    assert read(flow, text, lang).get("usage_start") == date(2026, 12, 1)


# -- a day of a month named from today's ------------------------------------------------------


@pytest.mark.parametrize(("lang", "flow", "text", "day"), [
    ("de", "missing-activation-email",
     "Hallo, keine Aktivierungsmail. Der Nutzungsbeginn ist laut Händler am Ersten des nächsten Monats.", date(2026, 12, 1)),
    ("de", "licenses-not-visible", "Hallo, Lizenzen fehlen. Nutzungsbeginn war der 3. dieses Monats.", date(2026, 11, 3)),
    ("en", "missing-activation-email", "Hi, no activation mail. The usage start is the 15th of next month.",
     date(2026, 12, 15)),
    ("en", "licenses-not-visible", "Hi, licenses missing. The usage start of the order was the first of this month.",
     date(2026, 11, 1)),
])
def test_a_day_of_a_month_named_from_todays(lang, flow, text, day):
    assert read(flow, text, lang).get("usage_start") == day


# -- an ISO date written with slashes -----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Laut Händler beginnt die Nutzung am 2026/12/15."),
    ("en", "Hi, our usage period starts 2026/12/15 according to the reseller. No activation mail so far."),
])
def test_an_iso_date_written_with_slashes_is_read(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 12, 15)


# -- the start of the agreement, the term or the licenses' use is the usage start ----------------


@pytest.mark.parametrize(("lang", "flow", "text"), [
    ("de", "missing-activation-email", "Hallo, unser Vertrag startet laut Händler am 1. Dezember 2026. Eine Aktivierungsmail kam nicht."),
    ("de", "missing-activation-email", "Guten Tag, die Lizenzen sind laut Bestellung ab 01.12.2026 nutzbar, die Aktivierungsmail fehlt."),
    ("de", "licenses-not-visible", "Hallo, aktiviert ist alles, nutzen dürfen wir die Lizenzen ab dem 1.12.2026. Sie fehlen im Tenant."),
    ("en", "missing-activation-email", "Hi, our subscription runs from 1 December 2026 and no activation email has come."),
    ("en", "missing-activation-email", "Hello, the licenses kick in on December 1, 2026 per our reseller. Activation mail missing."),
    ("en", "licenses-not-visible", "Hi, we activated already; the agreement starts 1 Dec 2026. No licenses in the tenant."),
])
def test_the_start_of_the_agreement_or_the_licenses_is_the_usage_start(lang, flow, text):
    assert read(flow, text, lang).get("usage_start") == date(2026, 12, 1)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Lizenzen laufen am 01.12.2026 ab. Die Aktivierungsmail fehlt."),
    ("en", "Hi, the licenses expire on 1 December 2026. The activation mail is missing."),
])
def test_the_end_of_the_licenses_is_no_usage_start(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Nutzungsbeginn laut Händler: 15-12-2026."),
    ("en", "Hi, no activation mail. The order has a start date of 12-15-2026."),
])
def test_a_dashed_date_with_one_reading_is_read(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 12, 15)


def test_a_dashed_date_with_two_readings_is_no_usage_start():
    assert "usage_start" not in read("missing-activation-email", "Hi, no activation mail. Usage start: 03-12-2026.", "en")


# -- a spoken form of a day counted from today ------------------------------------------------


@pytest.mark.parametrize(("flow", "text"), [
    ("licenses-not-visible", "Servus, aktiviert hamma, Lizenzen san aber ned da. Nutzungsbeginn is heut. Was mach ma?"),
    ("missing-activation-email", "Griaß eich, koa Aktivierungsmail do, da Nutzungsbeginn is heut laut Bstellung."),
])
def test_a_spoken_today_is_the_usage_start(flow, text):
    assert read(flow, text, "de")["usage_start"] == TODAY
