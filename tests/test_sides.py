"""A sentence whose subject is another company of the group or another tenant tells that side's case
when the writer then turns to their own (faq/tickets/sides.py); without that turn, or after it, the
facts are the case's."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str, flow: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "theirs"), [
    ("de", "Unsere Schwestergesellschaft hat ihre Reservierung am 02.11.2026 aufgegeben. Ich frage aber wegen "
           "unserer eigenen: keine Aktivierungsmail.", "missing-activation-email", "reservation_date", date(2026, 11, 2)),
    ("de", "Unser anderer Mandant hat das Problem, dass der Dienst im Land nicht angeboten wird. Ich melde mich "
           "aber wegen des Hauptmandanten, dort fehlen die Lizenzen.", "licenses-not-visible", "service_in_country", False),
    ("en", "Our subsidiary placed no order at all, so they got no mail. But ours was placed, and I still have no "
           "activation email.", "missing-activation-email", "order_placed", False),
    ("en", "Our second tenant has the licences on the wrong account. I'm writing about our own tenant though: "
           "licences not visible.", "licenses-not-visible", "right_account", False),
])
def test_another_sides_fact_is_not_the_cases(lang, text, flow, fact, theirs):
    assert read(text, lang, flow).get(fact) != theirs


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Unsere Tochterfirma hat am 02.11.2026 eine Reservierung aufgegeben. Die Aktivierungsmail für sie fehlt.",
     "missing-activation-email", "reservation_date", date(2026, 11, 2)),
    ("en", "Our subsidiary's licences are missing. The service is not available in the country of their account.",
     "licenses-not-visible", "service_in_country", False),
    ("de", "Unsere Tochterfirma hat keine Probleme. Bei uns aber ist der Junk-Ordner noch nicht geprüft.",
     "missing-activation-email", "junk_checked", False),
])
def test_a_side_written_for_or_the_writers_own_turn_still_states(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) == value
