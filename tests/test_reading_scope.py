"""Reading errors of issue #14, part 2: a negation's or hedge's scope in new tickets, in German
and English (bundled knowledge base). Each case states what the customer's words say."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- a German midfield negation denies the verb that closes its clause ---------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Morgen, wir haben noch nie einen Dienst unter dieser Registrierung aktiviert. "
           "Trotzdem ist keine Aktivierungsmail gekommen."),
    ("de", "Hallo, über diese Registrierung wurde bei uns noch nie ein Dienst aktiviert, die Mail fehlt."),
    ("en", "Good morning, we have never activated a service under this enrollment, and no activation mail came."),
])
def test_never_activated_under_the_enrollment_is_denied(lang, text):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben ohne Probleme schon über diese Registrierung aktiviert. Die neue Mail fehlt."),
    ("en", "Hi, we activated the service under this enrollment without any problems before. The new mail is missing."),
])
def test_without_problems_still_states_the_activation(lang, text):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is True


# -- "gone through" a folder is checking it; "gone" alone is still "missing" ----------------


@pytest.mark.parametrize(("lang", "text", "checked"), [
    ("en", "Hello, the activation mail for our order never came. We haven't gone through the junk folder yet.", False),
    ("en", "Hi, no activation email so far. I went through the spam folder this morning, nothing there.", True),
    ("de", "Hallo, die Aktivierungsmail zu unserer Bestellung kam nie. Den Junk-Ordner haben wir noch nicht durchgesehen.", False),
    ("de", "Hallo, bisher keine Aktivierungsmail. Den Spam-Ordner habe ich heute früh durchgesehen, nichts.", True),
])
def test_going_through_the_junk_folder_is_checking_it(lang, text, checked):
    assert read("missing-activation-email", text, lang).get("junk_checked") is checked


def test_a_reservation_that_has_not_gone_through_is_still_read():
    text = "Hi, the activation mail is missing. The reservation has not gone through yet."
    assert read("missing-activation-email", text, "en").get("reservation_effective") is False


# -- "without any trouble" after a permission denies the trouble, not the permission ---------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, I am the OSM here. With the permission I manage reservations without any trouble. "
           "Where do the new online services show up?"),
    ("de", "Hallo, ich bin hier OSM. Mit der Berechtigung verwalte ich Reservierungen ohne Probleme. "
           "Wo tauchen die neuen Onlinedienste auf?"),
])
def test_without_trouble_keeps_the_permission(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, I am the OSM, and I work without the Manage Reservation permission."),
    ("de", "Hallo, ich bin OSM, arbeite aber ohne die Berechtigung Reservierung verwalten."),
])
def test_without_the_permission_is_still_the_osm_without_it(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm"


# -- a negation after "als X"/"as X" denies its verb, not the role ---------------------------


@pytest.mark.parametrize(("lang", "text", "role"), [
    ("de", "Guten Tag, als VLSC-Administratorin finde ich die Onlinedienst-Reservierungen nicht. Woran liegt das?", "vlsc-admin"),
    ("de", "Hallo, als Onlineadministrator sehe ich unter Abonnements die Reservierungen nicht.", "ola"),
    ("en", "Good day, as the online administrator I cannot find the reservations at all. What is wrong?", "ola"),
])
def test_a_role_introduced_before_a_negated_verb_is_the_writers(lang, text, role):
    assert read("reservation-permission", text, lang).get("role") == role


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als VLSC-Administrator bin ich bei uns nicht eingetragen, nur als OSM."),
    ("en", "Hello, as the VLSC administrator I am not listed, only as the OSM."),
])
def test_a_role_the_writer_is_not_listed_as_is_not_theirs(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm"


# -- a belief closing a sentence hedges its last conjunct, not a firm first clause -----------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, the activation mail was sent to Ms Novak, who left the company in spring, "
           "and her mailbox has been deleted by now, I suppose?"),
    ("de", "Guten Tag, die Aktivierungsmail ging an Frau Novak, die uns im Frühjahr verlassen hat, "
           "und ihr Postfach ist inzwischen gelöscht, vermute ich?"),
])
def test_a_closing_belief_leaves_the_first_clause_stated(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, the activation mail went to Ms Novak, who left the company in spring, I suppose?"),
    ("de", "Guten Tag, die Aktivierungsmail ging an Frau Novak, die uns im Frühjahr verlassen hat, vermute ich?"),
])
def test_a_closing_belief_without_a_conjunct_hedges_the_sentence(lang, text):
    assert "sent_to_other_contact" not in read("missing-activation-email", text, lang)


# -- "erhalten, nicht ich" / "received by X, not me": the mail went to someone else ---------


@pytest.mark.parametrize(("lang", "text", "other"), [
    ("de", "Guten Tag, die Aktivierungsmail hat laut Abonnementkontakt unsere Buchhalterin bekommen, nicht ich. "
           "Was nun?", True),
    ("en", "Hello, VLSC says the activation email was received by our accountant, not me. What now?", True),
    ("de", "Guten Tag, die Aktivierungsmail hat niemand bekommen, nicht ich und nicht die Buchhaltung.", None),
    ("en", "Hello, the activation email was received by nobody, not me and not our accountant.", None),
])
def test_a_mail_received_by_someone_not_me_went_to_another_contact(lang, text, other):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is other
