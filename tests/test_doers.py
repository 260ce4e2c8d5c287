"""A deed the writer denies doing themselves that another doer did is no deed denied
(faq/tickets/doers.py; new tickets, German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.triage import TriageResult, triage_text

KB, MATCHER = load()


def triage(text: str) -> TriageResult:
    return triage_text(text, KB, MATCHER, date(2026, 11, 24))


@pytest.mark.parametrize(("text", "fact"), [
    ("Hallo, keine Aktivierungsmail. Ich habe keine Bestellung aufgegeben, das hat unser Händler gemacht.", "order_placed"),
    ("Hallo, keine Aktivierungsmail. Bestellt habe ich nicht selbst. Das hat unser Einkauf erledigt.", "order_placed"),
    ("Hi, no activation mail. I didn't place the order myself, our reseller did.", "order_placed"),
    ("Hi, no activation email. I haven't checked the junk folder, my colleague did.", "junk_checked"),
])
def test_a_deed_another_did_is_not_denied(text, fact):
    r = triage(text)
    assert fact not in r.facts
    assert r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Wir haben noch nichts bestellt, das macht unser Händler erst nächste Woche.",
    "Hi, no activation mail. We haven't placed an order yet, our reseller will do it next week.",
])
def test_a_deed_still_to_be_done_by_another_stays_denied(text):
    r = triage(text)
    assert r.facts.get("order_placed") is False
    assert r.cause == "no-order"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Ich habe die Bestellbestätigung an einen anderen Kontakt gesendet.",
    "Hi, no activation email. I forwarded the order confirmation to another contact in our IT.",
])
def test_the_writer_sending_something_to_another_contact_is_no_mail_gone_elsewhere(text):
    r = triage(text)
    assert "sent_to_other_contact" not in r.facts
    assert r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Im VLSC sehe ich, dass die Mail an einen anderen Kontakt gesendet wurde.",
    "Hi, no activation email. We checked VLSC: the activation mail was sent to another contact.",
])
def test_the_mail_sent_to_another_contact_as_the_writer_sees_it_settles(text):
    r = triage(text)
    assert r.facts.get("sent_to_other_contact") is True
    assert r.cause == "sent-to-other-contact"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail für die alte Registrierung ging damals an einen anderen Kontakt. Für die neue "
    "kam gar nichts.",
    "Hi, the activation mail for our previous enrollment went to another contact back then. For the new one "
    "nothing came.",
])
def test_the_mail_of_another_enrollment_gone_elsewhere_settles_nothing(text):
    r = triage(text)
    assert "sent_to_other_contact" not in r.facts
    assert r.cause is None


@pytest.mark.parametrize(("text", "fact"), [
    ("Hallo, keine Aktivierungsmail. Die Bestellung hat nicht unsere IT-Abteilung, sondern der Händler aufgegeben, "
     "sagt unser Einkauf.", "order_placed"),
    ("Hi, no activation email. The order was placed not by our admin but by the reseller last week.", "order_placed"),
    ("Hallo, keine Aktivierungsmail. Niemand hier hat den Junk-Ordner vergessen.", "junk_checked"),
    ("Hi, no activation email. Nobody in our team doubts the order went through; it was placed.", "order_placed"),
    ("Hi, the activation mail is missing. No one overlooked the junk folder.", "junk_checked"),
])
def test_a_denied_doer_or_lapse_denies_no_deed(text, fact):
    r = triage(text)
    assert r.facts.get(fact) is not False
    assert r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Bei uns hat noch niemand die Bestellung aufgegeben.",
    "Hi, no activation mail. Nobody has placed an order yet.",
])
def test_nobody_doing_the_deed_denies_it(text):
    r = triage(text)
    assert r.facts.get("order_placed") is False
    assert r.cause == "no-order"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Bestellt hat niemand außer unserem Systemhaus, und das schon vor drei Wochen.",
    "Hallo, die Aktivierungsmail fehlt. Storniert hat die Bestellung niemand.",
    "Hi, no activation email. No one other than our reseller placed the order.",
    "Hi, the activation email is missing. Nobody has cancelled our order.",
])
def test_a_negation_with_an_exception_or_of_an_undoing_denies_no_order(text):
    r = triage(text)
    assert r.facts.get("order_placed") is not False
    assert r.cause is None


@pytest.mark.parametrize("text", [
    "Hi, no activation email for our Project licences. In VLSC I can see it went to a different contact.",
    "Hello, still no activation mail. I noticed in VLSC the mail was delivered to another contact.",
    "Hallo, keine Aktivierungsmail. Ich sehe im VLSC die Mail ging an einen anderen Kontakt.",
])
def test_a_writer_who_sees_where_the_mail_went_is_no_sender_of_it(text):
    r = triage(text)
    assert r.facts.get("sent_to_other_contact") is True
    assert r.cause == "sent-to-other-contact"


def test_a_writer_who_forwarded_the_mail_still_sent_it_themselves():
    assert "sent_to_other_contact" not in triage("Hi, no activation email. I forwarded the mail to a different contact.").facts
