"""A ticket's topic from its sentences' focus, independent of their order."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.topic import focus, match_topic

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("sentence,expected", [
    ("Ist es normal, dass die Aktivierungsmail noch nicht da ist?", "die Aktivierungsmail noch nicht da ist?"),
    ("Is it normal that the activation email has not arrived?", "the activation email has not arrived?"),
    ("Could you check whether the link has expired?", "the link has expired?"),
    ("Die Aktivierungsmail ist noch nicht da.", "Die Aktivierungsmail ist noch nicht da."),
])
def test_focus_drops_a_short_frame(sentence, expected):
    assert focus(sentence) == expected


def test_a_long_clause_before_dass_is_no_frame():
    sentence = "Wir haben bei der Erneuerung im Oktober festgestellt, dass die Lizenzen doppelt sind."
    assert focus(sentence) == sentence


@pytest.mark.parametrize("text", [
    "der Nutzungsbeginn laut Bestellung ist der 17.12.2026. Ist es normal, dass die Aktivierungsmail noch fehlt?",
    "the usage start in our order is 17 Dec 2026. Is it normal that the activation email is still missing?",
])
def test_a_framed_question_is_matched_by_its_focus_in_either_order(text):
    _, matcher = load()
    first, second = text.split(". ", 1)
    assert match_topic(text, matcher).id == "activation-email-missing"
    assert match_topic(f"{second} {first}.", matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text,expected", [
    ("Hallo,\n\nsiehe unten, was meint unsere Buchhaltung dazu?\n\nGruß Uwe\n\n-----Original Message-----\n"
     "From: Buchhaltung\nSubject: Lizenzen\n\nUwe, seit der Verlängerung zeigt das Portal doppelt so viele Lizenzen wie "
     "bestellt. Haben wir doppelt bestellt?", "renewal-doubled-licenses"),
    ("Hi,\n\nforwarding this from procurement, any idea?\n\nThanks, Uwe\n\n-----Original Message-----\n"
     "From: Procurement\nSubject: licences\n\nUwe, since the renewal the portal shows twice the licences we ordered. "
     "Did we order twice?", "renewal-doubled-licenses"),
])
def test_a_mail_the_customer_points_at_gives_the_topic(text, expected):
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    assert triage_text(text, kb, matcher, TODAY).id == expected


def test_an_appended_mail_nobody_points_at_gives_no_topic():
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    text = ("Hallo,\n\ndanke für alles.\n\nGruß Uwe\n\n-----Original Message-----\nFrom: Buchhaltung\n\n"
            "Seit der Verlängerung zeigt das Portal doppelt so viele Lizenzen wie bestellt.")
    assert triage_text(text, kb, matcher, TODAY).match.outcome == "no_match"
