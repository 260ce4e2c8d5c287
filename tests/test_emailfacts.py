"""Which address a ticket states as its e-mail fact, if any, on new tickets in German and
English (bundled knowledge base, read through `extract_facts` as triage reads them)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\nwir warten seit zwei Wochen auf die Aktivierungsmail.\n\nDanke und Gruß\nPeter Lenz\n"
           "Mail: peter.lenz@outlook.com"),
    ("en", "Hi,\n\nwe have been waiting two weeks for the activation mail.\n\nThanks\nPeter Lenz\n"
           "mail: peter.lenz@outlook.com"),
])
def test_an_address_in_the_signature_is_no_osm(lang, text):
    assert "osm_email" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail ist nie angekommen. Bitte schicken Sie sie an jana.roth@outlook.com."),
    ("en", "Hi, the activation mail never arrived. Could you resend it to me?\njana.roth@outlook.com"),
])
def test_an_address_to_send_to_is_no_osm(lang, text):
    assert "osm_email" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text", "osm"), [
    ("de", "Hallo, ist unser OSM etwa max.kern@outlook.com? Nein, der OSM ist m.kern@kern-bau.de.", "m.kern@kern-bau.de"),
    ("en", "Hi, the OSM is not jo.kim@outlook.com, it is j.kim@kim-dental.com.", "j.kim@kim-dental.com"),
])
def test_an_address_asked_or_denied_is_not_the_osm(lang, text, osm):
    assert read("missing-activation-email", text, lang).get("osm_email") == osm


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unser Admin im bestehenden Tenant ist it@glaserei-moll.onmicrosoft.com, als OSM haben wir "
           "jedoch kontakt@glaserei-moll.de eingetragen. Die Aktivierungsmail fehlt."),
    ("en", "Hello, our admin in the existing tenant is it@moll-glazing.onmicrosoft.com, as OSM however we entered "
           "contact@moll-glazing.com. The activation mail is missing."),
])
def test_an_address_goes_to_the_cue_of_its_own_clause(lang, text):
    expected = "kontakt@glaserei-moll.de" if lang == "de" else "contact@moll-glazing.com"
    assert read("missing-activation-email", text, lang).get("osm_email") == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Als OSM steht j.otto@baeckerei-otto.de drin, die Adresse "
           "unseres globalen Administrators ist admin@baeckerei-otto.de."),
    ("en", "Hello, the activation mail is missing. The OSM is j.otto@otto-bakery.com; the address of our global "
           "administrator is admin@otto-bakery.com."),
])
def test_another_address_said_to_be_the_admins_says_nothing_of_the_osm(lang, text):
    read_ = read("missing-activation-email", text, lang)
    assert read_.get("osm_email", "").startswith("j.otto@") and "osm_is_admin" not in read_


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, die Aktivierungsmail ist nie angekommen. Die Adresse unserer Administratorin ist "
           "it-admin@berg-logistik.de."),
    ("en", "Hello, the activation email never arrived. Our global admin's address is sysadmin@harbor-labs.com."),
    ("en", "Hi, no activation email yet. You can reach my colleague at p.ng@harbor-labs.com."),
])
def test_the_only_address_of_an_admin_or_colleague_is_not_the_osm(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert "osm_email" not in facts and "osm_is_admin" not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Eingetragen ist einkauf@berg-logistik.de."),
    ("en", "Hi, the activation email is missing. The address on file is licensing@harbor-labs.com."),
])
def test_the_only_address_of_no_one_else_is_still_the_osm(lang, text):
    assert "@" in str(read("missing-activation-email", text, lang).get("osm_email"))


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail ist nicht gekommen. Sie erreichen mich unter jonas.falk@outlook.com."),
    ("en", "Hi, the activation email never came. You can reach me at jonas.falk@outlook.com."),
])
def test_the_writers_contact_address_is_not_the_osm(lang, text):
    assert "osm_email" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text", "osm"), [
    ("de", "Hallo,\nunser OSM ist max@outlook.com – Korrektur: das war meine private Adresse. Eingetragen ist "
           "max.weber@weber-bau.de. Die Aktivierungsmail kam nie an.", "max.weber@weber-bau.de"),
    ("en", "Hi,\nour OSM address is anna@outlook.com, scratch that, that's her personal one. VLSC shows "
           "anna.berg@berg-law.com. No activation email so far.", "anna.berg@berg-law.com"),
    ("de", "Hallo, Korrektur zu meiner letzten Mail: die OSM-Adresse ist it@firma-xy.de. Die Aktivierungsmail "
           "fehlt weiterhin.", "it@firma-xy.de"),
])
def test_an_address_the_writer_corrects_is_withdrawn(lang, text, osm):
    assert read("missing-activation-email", text, lang).get("osm_email") == osm


@pytest.mark.parametrize(("lang", "text", "now"), [
    ("de", "Hallo, keine Aktivierungsmail. Der OSM war bis August anna.k@outlook.com, seit September ist es "
           "anna.k@kraemer-gmbh.de.", "anna.k@kraemer-gmbh.de"),
    ("de", "Hallo, keine Aktivierungsmail. Bis Ende Juni war unser OSM k.l@outlook.com, jetzt ist es k.l@lorenz-ag.de.",
     "k.l@lorenz-ag.de"),
    ("en", "Hi, no activation email. Our OSM was tom.b@outlook.com until March; since April it is tom.b@bakery-x.com.",
     "tom.b@bakery-x.com"),
])
def test_an_osm_address_held_until_a_month_is_not_the_osms_now(lang, text, now):
    assert read("missing-activation-email", text, lang).get("osm_email") == now


def test_an_osm_address_held_since_a_month_is_the_osms():
    text = "Hallo, keine Aktivierungsmail. Unser OSM ist seit August anna.k@outlook.com."
    assert read("missing-activation-email", text, "de").get("osm_email") == "anna.k@outlook.com"


@pytest.mark.parametrize(("lang", "text", "osm"), [
    ("de", "Guten Tag, zuerst war im VLSC als OSM noch lager.sommer@outlook.com hinterlegt. Die Adresse haben wir "
           "am Montag auf edv@sommer-moebel.de umgestellt. Eine Aktivierungsmail ist bisher nicht da.", "edv@sommer-moebel.de"),
    ("en", "Hello, our OSM used to be desk.owen@outlook.com. We switched it to it@owen-dental.co.uk last week, "
           "and still no activation email.", "it@owen-dental.co.uk"),
])
def test_an_address_changed_in_a_later_sentence_is_replaced(lang, text, osm):
    assert read("missing-activation-email", text, lang).get("osm_email") == osm


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM ist g.berg@outlook.com eingetragen. Die Aktivierungsmail fehlt. Den Spamfilter haben wir "
           "auf kontakt@berg-metall.de umgestellt."),
    ("en", "Hi, the OSM is g.berg@outlook.com. No activation mail yet. We switched the spam filter to notify "
           "alerts@berg-metall.com."),
])
def test_a_change_of_another_setting_keeps_the_osm(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_email") == "g.berg@outlook.com"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, I (mia.k@outlook.com) never received the activation email; VLSC shows it went to another contact."),
    ("de", "Hallo, ich (m.klein@outlook.com) habe keine Aktivierungsmail bekommen; laut VLSC ging sie an einen anderen Kontakt."),
])
def test_the_writers_own_address_with_the_mail_gone_elsewhere_settles_no_outlook_cause(lang, text):
    from faq.search.cache import load
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    r = triage_text(text, kb, matcher, TODAY)
    assert r.cause != "outlook-com-address" and "osm_email" not in set(r.facts) - set(r.weak)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ihre Vorlage:\nOSM: max.mustermann@outlook.com\nDomäne verifiziert: ja/nein\nKeine Aktivierungsmail bekommen."),
    ("en", "Your form:\nOSM: john.doe@outlook.com\nJunk checked: yes/no\nThe activation email never came."),
])
def test_a_templates_placeholder_address_is_no_osm(lang, text):
    assert "osm_email" not in read("missing-activation-email", text, lang)


def test_a_real_address_beside_a_placeholder_is_read():
    text = "Im Formular stand max.mustermann@outlook.com, unser OSM ist aber it@kranz-bau.de. Keine Aktivierungsmail."
    assert read("missing-activation-email", text, "de")["osm_email"] == "it@kranz-bau.de"
