"""A problem told as solved, and a state told beside a success of an earlier period, are no facts of
the case (faq/tickets/solved.py); a problem still open, a success denied or asked, and a lasting
fact set up then, still are."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str, flow: str = "licenses-not-visible") -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Lizenzen fehlen. Vor zwei Jahren waren die Lizenzen schon einmal im falschen Konto, unser Partner hat es "
           "damals behoben.", "licenses-not-visible", "right_account"),
    ("de", "Die Lizenzen sind nicht sichtbar. Im Vorjahr war der Dienst hier nicht verfügbar; das wurde inzwischen "
           "gelöst.", "licenses-not-visible", "service_in_country"),
    ("en", "Licences missing again. In 2025 they were activated on a private account. That was fixed by support "
           "within a day.", "licenses-not-visible", "right_account"),
    ("en", "No activation email for the new order. Last time the mail went to our buyer, but it got sorted out quickly.",
     "missing-activation-email", "sent_to_other_contact"),
    ("de", "Keine Aktivierungsmail. Bei der vorigen Bestellung war der OSM Globaler Administrator, da lief alles "
           "reibungslos.", "missing-activation-email", "osm_is_admin"),
    ("en", "The activation email is missing. Back then the reservation took effect the next day and everything "
           "went smoothly.", "missing-activation-email", "reservation_effective"),
])
def test_a_solved_problem_or_an_earlier_success_states_no_fact(lang, text, flow, fact):
    assert fact not in read(text, lang, flow)


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Die Lizenzen sind im falschen Konto gelandet, das ist bis heute nicht gelöst.", "licenses-not-visible",
     "right_account", False),
    ("en", "The licences went to the wrong account. Has that been fixed on your side?", "licenses-not-visible",
     "right_account", False),
    ("de", "Keine Aktivierungsmail. Über diese Registrierung haben wir 2024 Exchange Online problemlos aktiviert.",
     "missing-activation-email", "enrollment_linked", True),
    ("en", "No activation mail. Last year everything went smoothly: we verified the domain back then, it is still "
           "verified.", "missing-activation-email", "domain_verified", True),
    ("de", "Die Aktivierung hat geklappt, aber die Lizenzen liegen im falschen Konto.", "licenses-not-visible",
     "right_account", False),
])
def test_an_open_problem_or_a_lasting_fact_beside_a_success_holds(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) is value
