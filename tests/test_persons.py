"""A person the ticket names as the OSM is the OSM wherever named again (faq/tickets/persons.py):
the activation mail that went to them went to no other contact."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail ging an Herrn Maier, unseren OSM, aber er findet sie nirgends."),
    ("de", "Guten Tag, Frau Kurz ist unsere OSM. Laut VLSC ging die Aktivierungsmail an Frau Kurz, sie hat "
           "aber nichts bekommen."),
    ("de", "Hallo, laut VLSC wurde die Aktivierungsmail an Frau Dr. Weber (OSM) gesendet. Angekommen ist nichts."),
])
def test_the_mail_sent_to_the_person_named_as_osm_went_to_no_other_contact(lang, text):
    assert read(text, lang).get("sent_to_other_contact") is not True


def test_the_person_named_as_osm_shown_as_recipient_is_the_osm_en():
    text = "Hi, Mrs Jones is our OSM. VLSC shows Mrs Jones as the recipient, but nothing arrived."
    assert read(text, "en").get("sent_to_other_contact") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail ging an Herrn Maier aus dem Vertrieb. Unser OSM bin ich, bei mir kam nichts an."),
    ("de", "Hallo, unsere OSM ist Frau Kurz. Die Aktivierungsmail ging aber an Herrn Maier aus dem Einkauf."),
])
def test_a_recipient_not_named_as_osm_is_another_contact(lang, text):
    assert read(text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unsere Online-Services-Managerin ist Frau Anna Berger (a.berger@berger-it.de). Frau Berger ist "
           "außerdem globale Administratorin unseres vorhandenen Kontos. Die Aktivierungsmail fehlt."),
    ("de", "Guten Tag, unser OSM ist Herr Wolf (wolf@wolf-gmbh.de). Herr Wolf ist auch Abrechnungsadministrator "
           "unseres Microsoft-365-Kontos. Eine Aktivierungsmail kam nie."),
    ("en", "Hi, our Online Services Manager is Mr Daniel Reed (d.reed@reed-tools.com). Mr Reed is also the global "
           "admin of our existing tenant. No activation email so far."),
])
def test_a_person_named_after_the_osm_is_the_osm_where_named_again(lang, text):
    assert read(text, lang).get("osm_is_admin") is True



@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser OSM ist buchhaltung@kranz-moebel.de. Im VLSC steht buchhaltung@ als Kontakt. "
           "Eine Aktivierungsmail ist nicht da."),
    ("en", "Hi, our OSM is procurement@lindqvist-marine.com. VLSC lists procurement@ as the contact. "
           "The activation email never came."),
])
def test_the_osm_address_shortened_to_its_name_shown_as_contact_is_no_other_contact(lang, text):
    assert read(text, lang).get("sent_to_other_contact") is False


def test_another_contact_beside_the_shortened_osm_address_is_another_contact_de():
    text = ("Hallo, unser OSM ist buchhaltung@kranz-moebel.de. Im VLSC steht nicht buchhaltung@, sondern unser "
            "Händler als Kontakt. Die Aktivierungsmail fehlt.")
    assert read(text, "de").get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Servus, als OSM ist bei uns miriam.vogt@vogt-technik.de eingetragen. Miriam ist seit Jahren globale "
           "Administratorin unseres Microsoft-365-Kontos. Eine Aktivierungsmail haben wir nicht bekommen."),
    ("en", "Hello, the OSM on our enrollment is tomas.lindgren@nordlicht-ab.com, and Tomas is the billing admin of "
           "our current tenant. The activation email has not arrived."),
])
def test_the_first_name_of_a_personal_osm_address_is_the_osm(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM ist miriam.vogt@vogt-technik.de eingetragen. Miriam Keller ist globale Administratorin "
           "unseres Kontos. Die Aktivierungsmail fehlt."),
    ("en", "Hi, our OSM is tomas.lindgren@nordlicht-ab.com. Tomas Berg is the global admin of our tenant. "
           "No activation email."),
])
def test_a_namesake_with_another_surname_is_not_the_osm(lang, text):
    assert "osm_is_admin" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Keine Aktivierungsmail.\n- OSM: j.berger@berger-holz.at\n- Herr Berger ist kein globaler Administrator "
           "und auch kein Abrechnungsadministrator", False),
    ("en", "Our OSM is r.osei@osei-logistics.com. Mr Osei is also the global administrator of our existing tenant.",
     True),
])
def test_the_surname_of_an_initialled_osm_address_names_the_osm(lang, text, value):
    assert read(text, lang).get("osm_is_admin") is value


def test_the_surname_of_an_address_not_declared_the_osms_names_no_osm():
    text = ("Im VLSC steht als Empfänger der Mail Frau Sommer (l.sommer@sommer-druck.de), die uns im Frühjahr "
            "verlassen hat. Die Mail ging also an Frau Sommer und nicht an mich.")
    assert read(text, "de").get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Keine Aktivierungsmail. Der Mitarbeiter, der im VLSC als OSM hinterlegt ist (p.haas@haas-gmbh.de), ist "
           "zugleich Abrechnungsadministrator unseres bestehenden Mandanten.", True),
    ("de", "Die Kollegin, die unsere OSM ist, ist in keinem Mandanten globale Administratorin.", False),
    ("en", "No activation mail. Our controller, who is registered as our OSM, is at the same time a global admin "
           "of the existing tenant.", True),
])
def test_a_noun_a_relative_clause_names_the_osm_is_the_osm(lang, text, value):
    assert read(text, lang).get("osm_is_admin") is value


def test_a_main_clause_after_a_comma_names_no_osm_of_the_noun_before():
    text = ("Ich bin Abrechnungsadministrator unseres Mandanten, der OSM ist aber unsere Buchhalterin "
            "(s.weiss@weiss-bau.de). Die Aktivierungsmail kam nicht an.")
    assert read(text, "de").get("osm_is_admin") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Ich bin die OSM (k.lorenz@lorenz-bau.de). Ich bin außerdem im "
           "bestehenden Microsoft-365-Konto als globale Administratorin eingetragen."),
    ("de", "Guten Tag, keine Aktivierungsmail bisher. Als OSM bin ich im VLSC eingetragen. Im vorhandenen Tenant bin "
           "ich Abrechnungsadministrator."),
    ("en", "Hi, the activation email never came. I'm the OSM for our enrollment. I am also a billing admin of "
           "our existing Microsoft 365 tenant."),
    ("en", "Hello, I am OSM, the activation mail did not come to me. I am the billing admin of our current tenant."),
])
def test_the_writer_who_says_they_are_the_osm_names_the_osms_admin_role(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Ich bin nicht die OSM. Ich bin globale Administratorin im Tenant."),
    ("de", "Hallo, die Aktivierungsmail fehlt. Ich bin OSM nicht mehr. Ich bin globale Administratorin im Tenant."),
    ("de", "Hallo, die Aktivierungsmail fehlt. Unsere OSM ist Frau Lorenz, ich bin globaler Administrator im Tenant."),
    ("de", "Von: Karl Lorenz\nHallo, ich bin OSM, die Aktivierungsmail fehlt.\n\n---\nVon: Eva Brandt\nHallo, ich bin "
           "übrigens globale Administratorin in unserem bestehenden Konto."),
    ("en", "Hi, the activation email is missing. Am I the OSM? I am the global admin of our tenant."),
    # the writer who talked to an admin holds no role
    ("de", "Hallo, die Aktivierungsmail fehlt. Ich bin OSM. Ich habe schon mit unserem globalen Administrator gesprochen."),
    ("de", "Hallo, die Aktivierungsmail fehlt. Ich bin die OSM. Ich habe die Abrechnungsadministratorin gefragt."),
])
def test_a_writer_not_declared_the_osm_names_their_own_role(lang, text):
    assert read(text, lang).get("osm_is_admin") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Laut VLSC ging die Aktivierungsmail an unsere Steuerberaterin."),
    ("de", "Hallo, keine Aktivierungsmail. Im VLSC steht: die Mail ging an die Adresse unseres Steuerberaters."),
])
def test_a_mail_sent_to_the_tax_adviser_went_to_another_contact(lang, text):
    assert read(text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Keine Aktivierungsmail. Unser OSM ist Herr Brandt, der zugleich Abrechnungsadministrator in unserem "
           "bestehenden Tenant ist.", True),
    ("en", "No activation mail. The OSM on the enrollment is our controller, who is also the global admin of our "
           "current tenant.", True),
    ("en", "No activation mail. The OSM is our buyer, who is not an admin anywhere.", False),
    ("en", "No activation mail. Our OSM is not Tom, who is the global admin.", None),
    ("de", "Keine Aktivierungsmail. Unser OSM ist it@meier-gmbh.de – das ist wahrscheinlich das Postfach, das auch "
           "globaler Administrator in unserem Tenant ist.", None),
])
def test_the_relative_clause_after_the_person_named_osm_tells_of_the_osm(lang, text, value):
    assert read(text, lang).get("osm_is_admin") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ich bin als OSM eingetragen (m.roth@kranich-bau.de), ich bin damit auch Globale Administratorin unseres Tenants."),
    ("en", "Hello, I am listed as the OSM (m.roth@kranich-bau.com) and I am also the billing admin of our existing tenant."),
])
def test_the_writer_declared_the_osm_holds_a_role_later_in_the_same_sentence(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


def test_the_writer_not_declared_the_osm_holds_their_own_role_in_the_same_sentence():
    text = "Hallo, ich habe die Bestellung geprüft, ich bin auch Globaler Administrator unseres Tenants."
    assert "osm_is_admin" not in read(text, "de")


# -- the writer named the OSM across a verb of naming, as its object or by their address --------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, the OSM listed on our agreement is me. I am also the global admin of our existing Microsoft 365 "
           "tenant. No activation mail so far."),
    ("en", "Hi, my address is registered as OSM. I'm also the billing administrator of our current tenant, still no mail."),
    ("de", "Guten Tag, als OSM ist in der Registrierung meine Adresse hinterlegt. Ich bin außerdem Abrechnungsadministratorin "
           "unseres bestehenden Kontos. Die Aktivierungsmail fehlt."),
])
def test_the_writer_named_the_osm_as_object_or_by_address_makes_their_admin_role_the_osms(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, the OSM listed on our agreement is not me. I am the global admin of our existing tenant."),
    ("en", "Hi, the OSM on the enrollment is my colleague. I am the global admin of our tenant."),
    ("de", "Guten Tag, als OSM ist mein Kollege eingetragen. Ich bin globaler Administrator unseres Kontos."),
])
def test_a_writer_not_named_the_osm_says_nothing_of_the_osms_admin_role(lang, text):
    assert read(text, lang).get("osm_is_admin") is None


# -- the writer as a label's value -----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Servus, die Aktivierungsmail fehlt.\nOSM = ich\nIch bin zudem Abrechnungsadmin im bestehenden Tenant.", True),
    ("en", "Hi, activation mail missing.\nOSM: me.\nI'm the global administrator of the existing tenant as well.", True),
    # the writer's "ich" opening a sentence after the label is no value of it
    ("de", "Servus, die Aktivierungsmail fehlt.\nOSM: ich habe nachgesehen, es ist Herr Krämer. Ich bin globaler Admin.", None),
    ("de", "Servus, die Aktivierungsmail fehlt. OSM = ich, aber globaler Admin im Tenant bin ich nicht.", False),
])
def test_the_writer_given_as_the_osm_labels_value_is_the_osm(lang, text, value):
    assert read(text, lang).get("osm_is_admin") is value
