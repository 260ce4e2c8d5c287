"""One sentence analysed for the fact reader (faq/tickets/sentence.py): a bracket that describes the
OSM right before it is read with it, any other bracket keeps a cue apart (new tickets in German and
English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.sentence import has_sequence
from faq.tickets.tokens import may_hold_sequence, tokenize

KB = load_knowledge_base()


def read(text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow("missing-activation-email"), date(2026, 11, 26), lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Servus, unser OSM (die Chefin selbst, Abrechnungsadministratorin im Tenant) hat keine Aktivierungsmail.", True),
    ("de", "Hallo, die OSM-Adresse (kein globaler Admin, nur ein Funktionspostfach) hat nichts bekommen.", False),
    ("en", "Hi, our OSM (also the global admin of our existing tenant) never got an activation email.", True),
    ("en", "Hello, our Online Services Manager (not a global admin anywhere) received no activation mail.", False),
])
def test_a_bracket_after_the_osm_says_who_the_osm_is(lang, text, value):
    assert read(text, lang).get("osm_is_admin") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail: nicht im Posteingang und nicht im Junk-Ordner (alles geprüft)."),
    ("en", "Hi, no activation mail: not in the inbox and not in the junk folder (checked all)."),
])
def test_a_bracket_after_anything_else_is_a_comment_of_its_own(lang, text):
    assert read(text, lang).get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM haben wir unsere Prokuristin eingetragen, die auch globale Administratorin im Tenant ist."),
    ("de", "Guten Tag, unser OSM, der zugleich Abrechnungsadministrator ist, hat keine Aktivierungsmail bekommen."),
    ("en", "Hi, we entered our CFO as the OSM, who is also the billing admin of our tenant. No activation mail."),
    ("en", "Hello, our OSM, who is also the global admin of the tenant, never got the activation email."),
])
def test_a_relative_clause_after_the_osm_says_who_the_osm_is(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser OSM hat Frau Roth gefragt, die globale Administratorin im Tenant."),
    ("de", "Hallo, unser OSM hat die Frage an Herrn Maier weitergeleitet, der auch Admin im Tenant ist."),
    ("en", "Hi, our OSM forwarded the question to Mr Lee, who is the global admin of the tenant."),
    ("en", "Hi, our OSM asked a colleague, the global admin of our tenant. No activation mail."),
])
def test_a_role_of_another_person_after_the_osm_says_nothing_of_the_osm(lang, text):
    assert "osm_is_admin" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM ist bei uns Frau Lenz eingetragen, globale Administratorin des Tenants."),
    ("en", "Hi, our OSM (Mr Lee) is the global admin of our tenant. No activation mail."),
])
def test_the_person_named_as_the_osm_holds_the_osms_role(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die alte Registrierung war mit unserem Tenant verbunden, die neue nicht. Keine Aktivierungsmail."),
    ("en", "Hi, our old enrollment was linked to the tenant, the new one is not. No activation email."),
])
def test_a_cue_denied_for_another_one_right_after_states_nothing(lang, text):
    assert "enrollment_linked" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Registrierung ist mit unserem Tenant verbunden, die Domäne nicht. Keine Aktivierungsmail."),
    ("en", "Hi, the enrollment is linked to our tenant, the domain is not. No activation email."),
])
def test_a_cue_followed_by_a_denial_of_something_else_still_states(lang, text):
    assert read(text, lang).get("enrollment_linked") is True


def country(text: str, lang: str) -> bool | None:
    flow = KB.flow("licenses-not-visible")
    return dict(extract_facts(clean_body(text), flow, date(2026, 11, 26), lang, KB.vocabulary).facts).get("service_in_country")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen sichtbar. Beim Aktivieren von Teams kommt: Dienst im Land (Kuba) nicht verfügbar."),
    ("en", "Hi, no licenses shown. Activating Teams we get: service in the country (Cuba) not available."),
])
def test_a_bracket_naming_the_country_again_does_not_keep_the_cue_apart(lang, text):
    assert country(text, lang) is False



@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt seit Montag. Junk-Ordner geprüft? Ich weiß es nicht, das macht unser Dienstleister."),
    ("de", "Keine Aktivierungs-E-Mail bisher. Domäne verifiziert? Wissen es nicht genau."),
    ("en", "Still no activation email here. Domain verified? I do not know, our partner set it up."),
])
def test_a_label_answered_with_not_knowing_stays_open(lang, text):
    facts = read(text, lang)
    assert "junk_checked" not in facts and "domain_verified" not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Domäne verifiziert? Die Bestellung lief über unseren Händler am 02.10.2026."),
    ("en", "No activation mail so far. Domain verified? The order went through our reseller on 2 October 2026."),
])
def test_a_short_question_before_a_sentence_with_its_own_subject_is_no_label(lang, text):
    assert "domain_verified" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Junk-Ordner? Den haben wir geprüft, nichts drin."),
    ("en", "No activation mail so far. Junk folder? They checked it, nothing there."),
])
def test_a_short_question_answered_by_a_pronoun_clause_is_a_label(lang, text):
    assert read(text, lang)["junk_checked"] is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Domain schon verifiziert?\n\nDie Mail kommt nicht. Woran liegt das?"),
    ("en", "Domain verified already?\nThe mail won't arrive. Why?"),
])
def test_a_short_question_before_a_statement_that_does_not_answer_it_is_no_label(lang, text):
    assert "domain_verified" not in read(text, lang)


@pytest.mark.parametrize(("text", "held"), [
    ("Letztes Jahr landete schon einmal alles im falschen Konto.", True),
    ("Damals lief die Bestellung noch über den alten Händler.", True),
    ("Seit gestern fehlt die Aktivierungsmail, wie gehen wir vor?", False),
    ("A year ago the licences ended up in the wrong tenant.", True),
    ("In the past our reseller handled the activation.", True),
    ("Since Monday the activation email is missing, what now?", False),
])
def test_a_text_without_the_words_a_list_needs_holds_none_of_its_sequences(text, held):
    holds = has_sequence([t.word for t in tokenize(text)], "bygone_periods")
    assert holds is held
    assert may_hold_sequence(text, "bygone_periods") is held  # ruled out exactly when held is False here


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Betreff: Domain bereits verifiziert?\n\nHallo, die Aktivierungsmail fehlt bei uns."),
    ("en", "Subject: domain verified already?\n\nHi, our activation email is missing."),
])
def test_a_subject_line_question_before_the_greeting_is_no_label(lang, text):
    assert "domain_verified" not in read(text, lang)


def test_a_label_whose_value_is_still_to_find_out_answers_nothing():
    from datetime import date

    from faq.kb.loader import load_knowledge_base
    from faq.tickets.facts import extract_facts

    kb = load_knowledge_base()
    text = "OSM: bestellung@kern-holz.de\nBestellung platziert: frage ich noch beim Händler nach\nSpam geprüft: ja"
    facts = extract_facts(text, kb.flow("missing-activation-email"), date(2026, 11, 24), "de", kb.vocabulary).facts
    assert "order_placed" not in facts and facts.get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Als OSM ist k.roth@roth-bau.de eingetragen. Das ist genau das Konto, mit dem ich "
           "in unserem bestehenden Tenant globaler Administrator bin."),
    ("en", "No activation mail. Our OSM is k.roth@roth-bau.de. That is exactly the account I am global admin with in "
           "our existing tenant."),
])
def test_a_sentence_naming_exactly_that_account_points_at_the_address_before(lang, text):
    assert read(text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("flow", "lang", "text", "fact", "value"), [
    ("licenses-not-visible", "de", "Hallo, keine Lizenzen nach der Aktivierung sichtbar. Sie sind im falschen Konto gelandet "
                                   "(unser alter Testmandant, nicht der produktive).", "right_account", False),
    ("licenses-not-visible", "en", "Hi, nothing under Licenses after activation. They landed in the wrong tenant (our old "
                                   "sandbox, not the live one).", "right_account", False),
    ("missing-activation-email", "en", "Hello, no activation email yet. According to VLSC it went to a different contact - "
                                       "the former office manager, not our OSM.", "sent_to_other_contact", True),
])
def test_an_apposition_denying_another_to_be_the_thing_keeps_the_cue(flow, lang, text, fact, value):
    facts = dict(extract_facts(clean_body(text), KB.flow(flow), date(2026, 11, 26), lang, KB.vocabulary).facts)
    assert facts.get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Die alte Registrierung war mit dem Tenant verknüpft, die neue nicht."),
    ("en", "Hello, no activation mail. The old enrollment was linked to our tenant, the new one is not."),
])
def test_a_short_clause_denying_the_cue_for_another_one_leaves_it_open(lang, text):
    assert "enrollment_linked" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag,\nnach dem Aktivieren fehlt uns die Erweiterung.\nBasisabo unter derselben Reg.-Nr. wie die Erweiterung: nein\nDanke"),
    ("en", "Hello,\nthe add-on is missing since activation.\nBase subscription under the same enrollment number as our add-on: no\nRegards"),
])
def test_a_no_after_a_label_with_an_abbreviation_inside_denies_the_same_enrollment(lang, text):
    facts = extract_facts(text, KB.flow("licenses-not-visible"), date(2026, 11, 27), lang, KB.vocabulary).facts
    assert facts.get("base_same_enrollment") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Rolle: OSM (Reservierung verwalten: nö, hab ich nicht)"),
    ("en", "Role: OSM (Manage Reservation permission: no, never got it)"),
])
def test_a_permission_denied_in_a_bracket_after_the_role_leaves_the_plain_osm(lang, text):
    read = extract_facts(text, KB.flow("reservation-permission"), date(2026, 11, 24), lang, KB.vocabulary)
    assert read.facts.get("role") == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\nAdd-on: ja, Teams Premium\nBasis unter gleicher Reg.-Nr.: nein, die läuft über den alten Vertrag\n\nDanke"),
    ("en", "Hi,\n\nAdd-on: yes, Teams Premium\nBase on the same enrollment no.: no, it sits on the old contract\n\nThanks"),
])
def test_a_label_ending_in_an_abbreviations_period_takes_its_answer(lang, text):
    facts = extract_facts(text, KB.flow("licenses-not-visible"), date(2026, 11, 26), lang, KB.vocabulary).facts
    assert facts.get("base_same_enrollment") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, our reseller's portal lists: Domain northwind-shop.com: Verified. Our OSM is l.berg@berg-tischlerei.de "
           "and no activation mail came."),
    ("de", "Hallo, unser OSM ist k.weiss@weiss-bau.de. Die Domäne weiss-immobilien.de ist bei uns verifiziert, "
           "eine Aktivierungsmail kam trotzdem nicht."),
])
def test_a_domain_verified_that_is_not_the_osms_says_nothing_of_the_osms(lang, text):
    assert "domain_verified" not in read(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, our OSM is l.berg@berg-tischlerei.de and berg-tischlerei.de is verified in our tenant. No activation mail."),
    ("de", "Hallo, unser OSM ist k.weiss@mail.weiss-bau.de. Die Domäne weiss-bau.de ist bei uns verifiziert, keine Aktivierungsmail."),
])
def test_the_osms_own_domain_verified_is_read(lang, text):
    assert read(text, lang).get("domain_verified") is True
