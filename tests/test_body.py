"""The customer's own words of a ticket: what a forwarded mail holds stays apart."""

import pytest

from faq.tickets.body import clean_body, quoted_text


@pytest.mark.parametrize("text,own,forwarded", [
    ("Hallo,\nanbei die Frage meiner Kollegin.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Eva Kern\n"
     "Hat jemand im Spam-Ordner nachgesehen?\n----------\n\nDas weiß ich nicht. Die Aktivierungsmail fehlt jedenfalls "
     "bis heute.", "Die Aktivierungsmail fehlt jedenfalls bis heute.", "Hat jemand im Spam-Ordner nachgesehen?"),
    ("Hi,\nsee my colleague's question.\n\n---------- Forwarded message ---------\nFrom: Eva Kern\n"
     "Has anyone looked in the spam folder?\n----------\n\nNo idea. The activation mail is still missing though.",
     "The activation mail is still missing though.", "Has anyone looked in the spam folder?"),
])
def test_words_below_the_rule_that_closes_a_forwarded_mail_are_the_customers(text, own, forwarded):
    body = clean_body(text)
    assert own in body and forwarded not in body
    assert forwarded in quoted_text(text) and own not in quoted_text(text)


@pytest.mark.parametrize("text,forwarded", [
    ("Bitte ansehen.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Eva Kern\nDie Mail fehlt seit Tagen.\n"
     "----------\n", "Die Mail fehlt seit Tagen."),
    ("Please have a look.\n\n---------- Forwarded message ---------\nFrom: Eva Kern\nThe mail has been missing for days.",
     "The mail has been missing for days."),
])
def test_a_forwarded_mail_without_words_below_it_is_all_quoted(text, forwarded):
    assert forwarded not in clean_body(text)
    assert forwarded in quoted_text(text)
