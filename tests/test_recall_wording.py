"""Settled causes told in unusual wording (round 26): the recipient named and the writer's side
denied, a guess that closes only the inference drawn ("..., so that is why, I guess?"), a mail
denied to the writer ("nicht an mich") as the missing-mail problem, an address denied any admin
role (bundled knowledge base, new German and English tickets)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.search.cache import load
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.flowtopic import problem_told
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 26)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- the recipient VLSC shows, then the writer's side denied ------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Als Empfänger führt das VLSC unser Systemhaus, nicht uns."),
    ("de", "Keine Aktivierungsmail bei uns. Empfänger war laut Abonnementansicht die Buchhaltung, nicht ich."),
    ("en", "The activation mail never came. VLSC names our consultancy as the recipient, not us."),
    ("en", "Still no activation mail: it was sent to the purchasing team's shared mailbox, not to anyone in IT."),
])
def test_a_recipient_named_and_the_writers_side_denied_is_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt. Im VLSC stehen wir als Empfänger, nicht jemand anderes."),
    ("en", "The activation mail is missing. VLSC shows us as the recipient, not someone else."),
])
def test_the_writer_as_recipient_is_no_other_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is False


# -- a guess closing the inference drawn, not the finding -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Laut VLSC ging sie an Frau Brandt, die uns verlassen hat, deshalb kam bei mir nichts an, vermute ich."),
    ("en", "No activation mail here. VLSC shows it went to Tomas, who left the company, so that is why it never reached me, I guess?"),
])
def test_a_guess_after_a_consequence_leaves_the_finding_stated(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Die Domäne ist bei Microsoft verifiziert, vermute ich."),
    ("en", "No activation mail. Our domain is verified with Microsoft, I guess."),
])
def test_a_guess_closing_a_plain_statement_still_leaves_it_open(lang, text):
    assert "domain_verified" not in read("missing-activation-email", text, lang)


# -- the mail denied to the writer tells the missing-mail problem ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im VLSC gesehen: die Aktivierungsmail ging an unseren früheren Einkäufer, nicht an mich."),
    ("en", "Checked VLSC: the activation mail went to our former buyer, not to me."),
])
def test_a_mail_denied_to_the_writer_tells_the_missing_mail_problem(lang, text):
    assert problem_told(text, "missing-activation-email")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Laut VLSC ging die Aktivierungsmail an unseren früheren Einkäufer, nicht an mich. Wie bekommen wir sie zurück?"),
    ("en", "According to VLSC the activation mail went to our former buyer, not to me. How do we get it back?"),
])
def test_such_a_ticket_is_triaged_as_sent_to_another_contact(lang, text):
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert (result.id, result.cause) == ("activation-email-missing", "sent-to-other-contact")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail kam an, aber bei unserem alten Dienstleister statt bei uns. Wie leite ich sie an unsere IT um?"),
    ("en", "The activation mail did arrive, at our old provider, whom we no longer work with. How do I redirect it to our IT?"),
])
def test_a_mail_that_arrived_elsewhere_is_no_missing_mail(lang, text):
    assert not problem_told(text, "missing-activation-email")


# -- the OSM's address denied any admin role -----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. OSM ist lena@brandt-bau.de, die Adresse ist in keinem Konto Admin."),
    ("de", "Aktivierungsmail fehlt. Die hinterlegte Adresse hat in keinem Tenant Adminrechte."),
    ("en", "No activation mail. The OSM is lena@brandt-build.com; the address isn't an admin of any tenant."),
    ("en", "The activation mail is missing. That address has no admin rights on any account."),
])
def test_the_address_denied_an_admin_role_is_no_admin(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is False


# -- a country named, then the service denied there ----------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Lizenzen zu sehen. Unser Mandant ist einem Land zugeordnet, in dem es den Dienst laut Microsoft noch nicht verfügbar gibt."),
    ("de", "Lizenzen fehlen. Das Konto läuft auf Chile, und dort ist der Dienst, wie uns der Händler bestätigt hat, nicht erhältlich."),
    ("en", "No licences after activation. Our tenant's country is one where, as the reseller confirmed, the service is not offered."),
    ("en", "Licences missing. We are set up in a country where this service has not been launched yet."),
])
def test_a_country_then_the_service_denied_there_is_not_launched(lang, text):
    assert read("licenses-not-visible", text, lang).get("service_in_country") is False


# -- "lt." (laut) ends no sentence ----------------------------------------------------------------


@pytest.mark.parametrize(("flow", "text", "fact", "value"), [
    ("licenses-not-visible", "Lizenzen fehlen im Tenant.\nNutzungsbeginn lt. Auftrag: 2027-02-01", "usage_start", date(2027, 2, 1)),
    ("activation-link-expiry", "Kaufdatum lt. Lieferschein: 2026-04-20. Der Link tut nichts.", "purchase_date", date(2026, 4, 20)),
])
def test_a_label_abbreviating_laut_keeps_its_date(flow, text, fact, value):
    assert read(flow, text, "de").get(fact) == value


# -- a contrast word right after the verb stays inside its clause --------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Gekauft haben wir am 2.11., der Nutzungsbeginn war jedoch erst vorgestern. Keine Aktivierungsmail."),
    ("en", "We bought on 2 Nov, the usage start was however only the day before yesterday. No activation mail."),
])
def test_a_start_told_with_a_contrast_after_its_verb_takes_its_own_date(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 11, 24)


# -- asking what one may do "als"/"as" a role takes the role as held ------------------------------


@pytest.mark.parametrize(("lang", "text", "role"), [
    ("de", "Darf ich als Onlineadministratorin eine Reservierung anlegen?", "ola"),
    ("de", "Kurze Frage: kann ich als VLSC-Administrator selbst Plätze reservieren?", "vlsc-admin"),
    ("en", "Can I as the online administrator set up a reservation myself?", "ola"),
    ("en", "May I, as OSM, finish a licence reservation?", "osm"),
])
def test_a_role_the_writer_asks_under_is_theirs(lang, text, role):
    assert read("reservation-permission", text, lang).get("role") == role


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Kann ich als OSM eingetragen werden, um zu reservieren?"),
    ("de", "Wenn ich als OLA reservieren kann, wo finde ich die Funktion?"),
    ("en", "Can I be listed as the OSM so that I can reserve?"),
    ("en", "If I can reserve as OLA, where is the feature?"),
])
def test_a_role_to_be_held_or_under_a_condition_is_not_read(lang, text):
    assert "role" not in read("reservation-permission", text, lang)


# -- a label answered by a short denied clause ----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Zu Ihren Fragen: Rolle im VLSC: OSM. Berechtigung Reservierung verwalten: hat man mir nie gegeben."),
    ("en", "Your questions: Role in VLSC: OSM. Manage Reservation permission: was not granted to me."),
])
def test_a_permission_label_answered_by_a_denial_leaves_the_plain_osm(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm"


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Keine Aktivierungsmail. Spam-Ordner: haben wir noch nicht durchgesehen.", False),
    ("de", "Keine Aktivierungsmail. Spam-Ordner geprüft: ja, nichts drin.", True),
    ("en", "No activation mail. Junk folder: we have not looked yet.", False),
    ("en", "No activation mail. Junk folder checked: yes, nothing there.", True),
])
def test_a_junk_label_answered_by_a_clause(lang, text, value):
    assert read("missing-activation-email", text, lang).get("junk_checked") is value


# -- the subscription contact VLSC shows is someone of a former party -----------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail erhalten. Im VLSC ist als Abonnementkontakt immer noch jemand von unserem ehemaligen IT-Partner eingetragen."),
    ("en", "The activation mail never arrived. VLSC still lists, as subscription contact, a technician of our former IT partner."),
])
def test_a_former_partys_subscription_contact_is_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Den Abonnementkontakt unseres alten Partners haben wir auf uns umgestellt."),
    ("en", "No activation mail. We changed the subscription contact of our old partner to ourselves."),
])
def test_a_subscription_contact_changed_from_a_former_party_is_not_read(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is not True


# -- a close candidate whose answer a flow's cause repeats stands for that flow -------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im VLSC nachgesehen (Abonnements > Dienstname): Empfänger der Aktivierungsmail war dort unser Steuerbüro, nicht wir. "
           "Darum ist bei uns nie etwas angekommen, oder?"),
    ("en", "Looked it up in VLSC under the service name: the recipient of the activation mail was our accounting firm, not us. "
           "That is why nothing ever reached us, right?"),
])
def test_a_recipient_ticket_that_proves_another_contact_is_the_missing_mail(lang, text):
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert (result.id, result.cause) == ("activation-email-missing", "sent-to-other-contact")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail ging an unseren Einkauf. Darf der sie an mich weiterleiten, oder muss ich sie neu anfordern?"),
    ("en", "The activation mail went to our purchasing team. May they forward it to me, or do I need it sent again?"),
    ("de", "Laut VLSC ging die Aktivierungsmail an unsere Buchhaltung. Kann ich sie neu anfordern?"),
    ("en", "According to VLSC the activation mail went to our accountant. Can I request it again for myself?"),
])
def test_a_recipient_ticket_that_tells_no_missing_mail_keeps_no_cause(lang, text):
    kb, matcher = load()
    assert triage_text(text, kb, matcher, TODAY).cause is None


# -- a role of none of the listed kinds: read-only access -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im VLSC habe ich bloß Leserechte, weder Admin noch OSM. Kann ich eine Reservierung abschließen?"),
    ("en", "All I have in VLSC is a read-only role, neither admin nor OSM. Can I complete a reservation?"),
])
def test_read_only_access_is_another_role(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "other"


# -- the role named after "Rolle im VLSC ist" -----------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "role"), [
    ("de", "Meine Rolle im VLSC ist Onlineadministrator. Reservieren klappt trotzdem nicht.", "ola"),
    ("en", "My role in the VLSC is online administrator, yet reserving fails.", "ola"),
])
def test_a_role_after_its_place_and_a_copula_is_the_writers(lang, text, role):
    assert read("reservation-permission", text, lang).get("role") == role


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Rolle unserer Kollegin im VLSC ist Onlineadministratorin. Kann sie reservieren?"),
    ("en", "The role of our colleague in the VLSC is online administrator. Can she reserve?"),
])
def test_someone_elses_role_after_rolle_stays_theirs(lang, text):
    assert read("reservation-permission", text, lang).get("role") is None


# -- the verb a date fact's noun is the subject of is its own event ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Die Reservierung wurde übermittelt am 19.11.2026 und ist nicht wirksam."),
    ("en", "No activation mail. The reservation was submitted on 19 November 2026 and has not taken effect."),
])
def test_a_reservation_submitted_on_a_date_takes_that_date(lang, text):
    assert read("missing-activation-email", text, lang).get("reservation_date") == date(2026, 11, 19)


def test_an_order_submitted_on_a_date_leaves_the_usage_start_its_own():
    text = "Keine Aktivierungsmail. Die Bestellung wurde übermittelt am 02.11.2026, der Nutzungsbeginn ist der 01.12.2026."
    assert read("missing-activation-email", text, "de").get("usage_start") == date(2026, 12, 1)


# -- Austrian office German, a mail sent to a named person, a day-month-year written with hyphens -


def test_an_order_still_outstanding_is_not_placed():
    text = "Die Aktivierungsmail ist bis dato nicht da. Die Bestellung ist bei unserem Einkauf leider noch ausständig."
    assert read("missing-activation-email", text, "de").get("order_placed") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail bei uns. Laut VLSC wurde die Aktivierungsmail an Frau Gerber aus dem Controlling geschickt."),
    ("en", "No activation mail on our side. VLSC shows the activation mail was sent to Mrs Gerber in controlling, not to us."),
])
def test_the_mail_sent_to_a_named_person_is_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


def test_the_writer_sending_the_mail_to_a_named_person_is_no_other_contact():
    text = "Die Aktivierungsmail fehlt. Ich habe eine Mail an Frau Gerber geschickt, damit sie im VLSC nachsieht."
    assert "sent_to_other_contact" not in read("missing-activation-email", text, "de")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Nutzungsbeginn: 05-Jan-2027."),
    ("en", "No activation email. Usage start: 05-Jan-2027."),
])
def test_a_day_month_year_with_hyphens_is_a_date(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2027, 1, 5)


# -- Bavarian checking verbs, a label asked and answered by an article as a pronoun ---------------


@pytest.mark.parametrize(("text", "value"), [
    ("Servus, d'Aktivierungsmail is ned kumma. Im Spamordner hab i ned angschaut.", False),
    ("Servus, d'Aktivierungsmail is ned kumma. In Spamordner hamma scho reingschaut, nix.", True),
])
def test_bavarian_checking_verbs_are_read(text, value):
    assert read("missing-activation-email", text, "de").get("junk_checked") is value


def test_a_label_question_answered_with_an_article_as_pronoun_gives_its_date():
    text = "Die Aktivierungsmail kam nie an. Der Nutzungsbeginn? Der liegt erst beim 20.12.2026."
    assert read("missing-activation-email", text, "de").get("usage_start") == date(2026, 12, 20)


def test_a_statement_with_a_noun_of_its_own_is_no_label_value():
    text = "Die Aktivierungsmail kam nie an. Der Nutzungsbeginn? Die Rechnung kam am 20.11.2026."
    assert read("missing-activation-email", text, "de").get("usage_start") is None


# -- "unavailable" is no "available" --------------------------------------------------------------


def test_a_service_unavailable_in_the_country_is_not_read_as_offered():
    text = "Licences invisible since the activation. Microsoft lists the service as unavailable in Moldova, where our tenant is."
    assert read("licenses-not-visible", text, "en").get("service_in_country") is not True
