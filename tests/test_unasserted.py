"""A yes/no fact told as a plan, a state still to come, or another company's case is no fact of
the case (faq/tickets/unasserted.py); told of the case itself, it still is."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str, flow: str = "missing-activation-email") -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Wir werden die Domäne nächste Woche für unser Konto verifizieren. Bisher kam keine Aktivierungsmail.",
     "missing-activation-email", "domain_verified"),
    ("de", "Wir planen, die Add-ons über eine andere Registrierung zu kaufen als das Basisabo. Sehen wir die Lizenzen?",
     "licenses-not-visible", "is_addon"),
    ("de", "Das Add-on bestellen wir kommendes Quartal über eine neue Registrierung. Wird es dann sichtbar sein?",
     "licenses-not-visible", "base_same_enrollment"),
    ("en", "We are going to link the enrollment to our tenant soon. No activation email has come so far.",
     "missing-activation-email", "enrollment_linked"),
    ("en", "Next quarter we'll buy the add-ons on a different enrollment than the base subscription. Will they show?",
     "licenses-not-visible", "is_addon"),
])
def test_a_plan_states_nothing(lang, text, flow, fact):
    assert read(text, lang, flow).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Die Domäne ist seit letzter Woche für unser Konto verifiziert. Eine Aktivierungsmail kam nicht.",
     "missing-activation-email", "domain_verified", True),
    ("de", "Die Nutzung beginnt nächsten Monat. Das Add-on liegt auf einer anderen Registrierung als das Basisabo.",
     "licenses-not-visible", "is_addon", True),
    ("en", "We will wait for your answer. The domain is already verified for our Microsoft 365 tenant.",
     "missing-activation-email", "domain_verified", True),
])
def test_a_fact_beside_a_plan_still_holds(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) is value


def test_a_date_in_a_clause_of_the_future_is_still_read():
    facts = read("Die Aktivierungsmail fehlt. Wir werden die Lizenzen ab dem 01.12.2026 nutzen, das ist der Nutzungsbeginn.",
                 "de")
    assert facts.get("usage_start") == date(2026, 12, 1)


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Bei einer Kollegin (andere Firma, eigener Tenant) ging die Aktivierungsmail an den Einkauf. "
           "Bei uns ist gar nichts angekommen.", "sent_to_other_contact"),
    ("de", "Ein Bekannter aus einer anderen Firma sagt, bei ihm war die Domäne schon verifiziert. "
           "Wir haben keine Aktivierungsmail.", "domain_verified"),
    ("en", "A friend at another company told me their activation email went to their reseller contact. "
           "We got nothing at all.", "sent_to_other_contact"),
])
def test_another_companys_case_states_nothing(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("en", "No licenses after activation. The colleague who clicked the link was signed into a different company's "
           "tenant, so they were not activated for the account we intended.", "licenses-not-visible", "right_account", False),
    ("de", "Laut VLSC ging die Aktivierungsmail an meinen Kollegen in der Buchhaltung.", "missing-activation-email",
     "sent_to_other_contact", True),
])
def test_a_person_of_the_case_beside_another_company_still_tells_it(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Nicht geprüft haben wir bisher nur die Quarantäne, den Spam-Ordner natürlich schon."),
    ("en", "Still no activation mail. We have not checked only the quarantine; spam we went through twice."),
])
def test_a_denial_restricted_to_another_thing_states_nothing(lang, text):
    assert read(text, lang).get("junk_checked") is not False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Nur den Spam-Ordner haben wir noch nicht geprüft."),
    ("en", "No activation mail. Only the junk folder we have not checked yet."),
])
def test_a_denial_of_the_thing_itself_still_holds(lang, text):
    assert read(text, lang).get("junk_checked") is False


def test_the_only_enrollment_is_still_read():
    text = "Renewal done with the same organisation name. It's the only enrollment under our EA. No mail."
    assert read(text, "en", "renewal-activation").get("multiple_enrollments_same_org") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ein Kollege hatte im Frühjahr das gleiche Problem, da ging die Aktivierungsmail an den Einkauf. "
           "Bei mir ist die Aktivierungsmail diesmal gar nicht angekommen."),
    ("en", "A colleague had the same issue in spring and the activation mail went to their accounting team. "
           "My activation email has not arrived at all."),
])
def test_a_colleagues_same_problem_is_not_the_case(lang, text):
    assert read(text, lang).get("sent_to_other_contact") is None


def test_the_writers_own_clause_after_a_colleagues_problem_still_holds():
    text = "Mein Kollege hat dasselbe Problem, bei uns ist die Domäne aber schon für unser Konto verifiziert."
    assert read(text, "de").get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Letztes Jahr hatten wir das gleiche Problem, damals hieß es: „Ihre Domäne ist bereits verifiziert.“ "
           "Dieses Jahr fehlt die Aktivierungsmail wieder, geprüft habe ich noch nichts.", "domain_verified"),
    ("en", "We had the same issue two years ago and the reply said: \"the junk folder was not checked\". Now the "
           "activation email is missing again.", "junk_checked"),
])
def test_a_quotation_from_an_earlier_occasion_states_nothing(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Die Aktivierungsmail fehlt. In Ihrer Hilfe-FAQ steht: „Den Junk-Ordner hat niemand geprüft, aber die "
           "Domäne ist verifiziert“ – trifft das bei uns zu?", "missing-activation-email", "junk_checked"),
    ("en", "The activation email is missing. I read in your FAQ: \"the junk folder was not checked, but the domain is "
           "verified\" - does that apply to us?", "missing-activation-email", "junk_checked"),
    ("de", "Der Link geht nicht. Aus eurer FAQ: „Gekauft am 04.03.2025, der Link gilt aber nur eine Weile“ – ist das bei "
           "uns so?", "activation-link-expiry", "purchase_date"),
])
def test_a_quotation_from_the_faq_states_nothing_even_past_a_contrast(lang, text, flow, fact):
    assert fact not in read(text, lang, flow)


def test_a_quotation_of_the_case_still_states():
    assert read("Der Partner schrieb mir heute: „Die Domäne ist in Ihrem Tenant verifiziert.“ Trotzdem keine Mail.",
                "de").get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Der Aktivierungslink geht nicht mehr. Gekauft haben wir am 14.01.2026? Ich sehe noch in der Rechnung nach.",
     "activation-link-expiry", "purchase_date"),
    ("en", "No activation email. Usage start 1 December 2026? That's what I remember, anyway.",
     "missing-activation-email", "usage_start"),
])
def test_a_date_in_a_sentence_that_only_asks_is_no_fact(lang, text, flow, fact):
    assert fact not in read(text, lang, flow)


def test_a_date_told_before_a_question_is_still_told():
    facts = read("Gekauft haben wir am 14.01.2026, ist der Link jetzt abgelaufen?", "de", "activation-link-expiry")
    assert "purchase_date" in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Die Firma meines Schwagers hatte dasselbe, dort war die Domäne schon verifiziert."),
    ("en", "No activation email. My cousin's company had the same thing, there the domain was already verified."),
])
def test_a_relatives_company_with_the_same_trouble_is_their_case(lang, text):
    assert read(text, lang).get("domain_verified") is None
