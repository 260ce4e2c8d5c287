"""A yes/no fact told of another organisation, in dispute, or as a past state since changed is no
fact of the case (faq/tickets/scope.py); told of the case itself, it still is."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(text: str, lang: str, flow: str = "missing-activation-email") -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Keine Aktivierungsmail erhalten. Die OSM-Adresse ist Abrechnungsadministratorin bei unserer "
           "Muttergesellschaft, nicht bei uns.", "osm_is_admin"),
    ("de", "Die Aktivierungsmail fehlt. Verifiziert ist nur die Domäne unseres Dienstleisters.", "domain_verified"),
    ("en", "No activation mail. The domain of our sister company is verified in Microsoft 365; ours is not.",
     "domain_verified"),
    ("en", "No activation email came. The OSM mailbox is a billing admin - but of our reseller's tenant.", "osm_is_admin"),
])
def test_a_fact_owned_by_another_organisation_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Keine Aktivierungsmail. Die Domäne ist laut unserem Dienstleister schon für unser Konto verifiziert.",
     "domain_verified", True),
    ("en", "No activation mail. The OSM address is a global admin of our tenant, which our partner set up for us.",
     "osm_is_admin", True),
    ("en", "Our activation email didn't arrive. VLSC shows it was sent to a contact at our reseller.",
     "sent_to_other_contact", True),
])
def test_a_fact_of_the_case_named_beside_another_organisation_holds(lang, text, fact, value):
    assert read(text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Keine Aktivierungsmail. Beim Lizenzpartner ist bis heute keine Bestellung eingegangen, sagt er.", False),
    ("de", "Die Bestellung haben wir vor zwei Wochen bei unserem Vertriebspartner aufgegeben.", True),
    ("en", "Still no activation email, and with our supplier no order has been placed so far.", False),
])
def test_an_order_placed_through_the_reseller_is_the_cases(lang, text, value):
    assert read(text, lang).get("order_placed") is value


def test_an_order_of_a_subsidiary_stays_open():
    assert read("Keine Mail bekommen. Die Bestellung für unsere Tochterfirma ist noch nicht aufgegeben.", "de") \
        .get("order_placed") is None


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Keine Mail. Unsere IT meint, die OSM-Adresse sei globale Administratorin; der Händler widerspricht.",
     "osm_is_admin"),
    ("de", "Frau Roth sagt, die Domäne ist verifiziert. Herr Lenz sagt nein.", "domain_verified"),
    ("en", "No activation email. Our IT lead says the OSM mailbox is a billing admin of our tenant; our reseller "
           "disagrees.", "osm_is_admin"),
])
def test_a_fact_someone_disagrees_with_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


def test_a_no_that_agrees_with_a_denial_keeps_it():
    text = "Keine Aktivierungsmail. Die Bestellung ist noch nicht aufgegeben, der Händler sagt nein."
    assert read(text, "de").get("order_placed") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Aktivierungsmail fehlt. Laut Händler war noch keine Bestellung aufgegeben – das war allerdings vor "
           "drei Wochen."),
    ("de", "Keine Mail. Der Händler schrieb, die Bestellung sei noch nicht aufgegeben. Das war im Oktober, "
           "mittlerweile hat er sie aufgegeben."),
    ("en", "No activation mail yet. In March the reseller told us nothing was ordered; they have ordered since."),
])
def test_a_denial_since_changed_stays_open(lang, text):
    assert read(text, lang).get("order_placed") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Die Bestellung wurde noch nicht aufgegeben. Seitdem warten wir auf den Händler."),
    ("en", "No activation email. The order has not been placed yet."),
])
def test_a_denial_of_now_holds(lang, text):
    assert read(text, lang).get("order_placed") is False


def test_a_deed_dated_after_it_still_holds():
    text = "Keine Aktivierungsmail. Die Bestellung wurde aufgegeben. Das war im Oktober."
    assert read(text, "de").get("order_placed") is True


def test_a_state_held_until_recently_stays_open():
    assert read("Keine Aktivierungsmail. Die Domäne war bis vor kurzem nicht verifiziert.", "de").get("domain_verified") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Den Spam-Ordner meiner Kollegin hat niemand geprüft, meinen habe ich samt "
           "Filtern durchsucht."),
    ("en", "No activation mail. My coworker never looked in his junk folder. I went through mine and the filters."),
])
def test_a_deed_of_another_person_set_against_the_writers_own_stays_open(lang, text):
    assert read(text, lang).get("junk_checked") is None


def test_a_deed_of_a_colleague_alone_is_told():
    text = "Keine Aktivierungsmail. Mein Kollege hat den Junk-Ordner noch nicht geprüft."
    assert read(text, "de").get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Unsere vorherige Registrierung ist längst mit einem Konto verknüpft, die neue nicht."),
    ("en", "No activation email. Our old enrollment was hooked up to a tenant years ago; the new one is separate."),
])
def test_a_fact_of_another_enrollment_stays_open(lang, text):
    assert read(text, lang).get("enrollment_linked") is None


def test_the_enrollment_linked_to_an_old_tenant_is_linked():
    text = "Keine Aktivierungsmail. Die Registrierung ist bereits mit unserem alten Tenant verknüpft."
    assert read(text, "de").get("enrollment_linked") is True


def test_a_label_answered_by_a_question_mark_stays_open():
    text = "Lizenzen nicht sichtbar. Add-on: ja. Basisabo gleiche Registrierung: ?"
    facts = read(text, "de", "licenses-not-visible")
    assert facts.get("is_addon") is True and facts.get("base_same_enrollment") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Aktivierungslink abgelaufen? Gekauft haben wir am 01.02.2026 - gemeint ist aber die Rechnung, das "
           "Kaufdatum kenne ich nicht."),
    ("en", "Has our activation link expired? Our first purchase was in January 2025; when this order was bought I "
           "don't know."),
])
def test_a_purchase_date_the_writer_does_not_know_or_of_an_earlier_purchase_stays_open(lang, text):
    assert read(text, lang, "activation-link-expiry").get("purchase_date") is None


def test_a_usage_start_of_the_old_contract_is_not_the_orders():
    text = "Keine Aktivierungsmail. Der Nutzungsbeginn des alten Vertrags war der 01.01.2025."
    assert read(text, "de").get("usage_start") is None


@pytest.mark.parametrize(("lang", "text", "role"), [
    ("de", "Ich bin OSM, die Berechtigung Reservierung verwalten wurde beantragt, aber noch nicht erteilt. Darf ich "
           "reservieren?", "osm"),
    ("en", "Can I reserve as OSM? I requested the Manage Reservations permission from our agreement admin; it's "
           "still pending.", None),
    ("en", "I'm the OSM and was granted the Manage Reservations permission last week. Can I reserve now?",
     "osm-manage-reservations"),
])
def test_a_permission_asked_for_is_not_held(lang, text, role):
    assert read(text, lang, "reservation-permission").get("role") == role


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Dass die Bestellung übermittelt wurde, kann ich nicht bestätigen. Keine Aktivierungsmail.", "order_placed"),
    ("de", "Dass die Domäne schon verifiziert ist, hat uns niemand gesagt. Keine Aktivierungsmail.", "domain_verified"),
    ("en", "That the mail went to another contact, VLSC doesn't show. No activation email.", "sent_to_other_contact"),
])
def test_a_fronted_clause_of_a_denied_report_verb_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


def test_a_fronted_clause_of_a_report_verb_is_told():
    text = "Dass die Domäne verifiziert ist, hat der Partner bestätigt. Keine Aktivierungsmail."
    assert read(text, "de").get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Lizenzen nicht sichtbar. Unser Nutzungsbeginn: 01.12.2026? Das müsste ich nachsehen.",
     "licenses-not-visible", "usage_start"),
    ("en", "Activation link question. Purchase date: 2026-03-01? Not sure, the invoice may be later.",
     "activation-link-expiry", "purchase_date"),
])
def test_a_date_given_as_a_labels_value_with_a_question_mark_stays_open(lang, text, flow, fact):
    assert read(text, lang, flow).get(fact) is None


def test_a_date_stated_in_a_question_is_told():
    text = "Is the activation link still valid although we bought on 2026-03-01?"
    assert read(text, "en", "activation-link-expiry").get("purchase_date") == date(2026, 3, 1)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Spam-Ordner durchsucht: teilweise."),
    ("en", "No activation email. Junk folder checked: partly."),
])
def test_a_label_answered_in_part_stays_open(lang, text):
    assert read(text, lang).get("junk_checked") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Wir planen, die Bestellung nächste Woche aufzugeben."),
    ("en", "No activation email. We intend to place the order next week."),
])
def test_an_order_planned_is_not_placed(lang, text):
    assert read(text, lang).get("order_placed") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Die Reservierung vom Montag ist laut Portal noch nicht wirksam – oder doch?"),
    ("en", "No activation email. Our reservation from Monday hasn't taken effect yet, or has it?"),
])
def test_a_statement_asked_back_by_an_or_tag_stays_open(lang, text):
    assert read(text, lang).get("reservation_effective") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Der Händler sagte am Telefon, er habe keine Bestellung aufgegeben. Per Mail "
           "schrieb er später das Gegenteil."),
    ("en", "No activation email. Our reseller first told us the order wasn't placed. Later he retracted that."),
])
def test_a_statement_contradicted_later_stays_open(lang, text):
    assert read(text, lang).get("order_placed") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Lizenzen sind nicht sichtbar. Sie wurden in einem anderen Mandanten aktiviert."),
    ("en", "Hi, the licences are not visible. They were activated in another tenant."),
])
def test_a_tenant_the_cue_itself_names_scopes_nothing(lang, text):
    assert read(text, lang, "licenses-not-visible").get("right_account") is False


def test_a_wrong_account_of_a_past_trial_stays_open():
    text = "Licenses not visible. In our test tenant they were activated for the wrong account, but that was a trial last year."
    assert read(text, "en", "licenses-not-visible").get("right_account") is None


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "No activation email. We haven't checked the junk folder – oh wait, we did, nothing there.", None),
    ("de", "Keine Aktivierungsmail. Den Spam-Ordner haben wir nicht geprüft – Moment mal, doch, gestern.", None),
])
def test_a_denial_taken_back_in_its_sentence_is_no_denial(lang, text, value):
    assert read(text, lang).get("junk_checked") is value



@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("en", "Hi, no activation email. The domain is verified, isn't it?", "domain_verified"),
    ("en", "Hi, no activation email. Our OSM is a global admin of our tenant, right?", "osm_is_admin"),
    ("de", "Hallo, keine Aktivierungsmail. Die Domäne ist schon verifiziert, nicht wahr?", "domain_verified"),
    ("de", "Hallo, keine Aktivierungsmail. Die Registrierung ist bereits verknüpft, gell?", "enrollment_linked"),
])
def test_a_statement_asked_back_by_a_question_tag_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, no activation email. The domain is verified, it is in our tenant."),
    ("de", "Hallo, keine Aktivierungsmail. Die Domäne ist verifiziert, richtig verifiziert sogar."),
])
def test_a_statement_without_a_question_tag_stands(lang, text):
    assert read(text, lang).get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Lizenzen fehlen nach der Aktivierung. Bei uns im Land gab es den Dienst nicht: er war bis zum Frühjahr "
           "in unserem Land nicht verfügbar.", "licenses-not-visible", "service_in_country"),
    ("en", "Licences missing after activation. Our order was not placed until last month, says purchasing.",
     "missing-activation-email", "order_placed"),
    ("de", "Die Reservierung war bis gestern noch nicht wirksam. Eine Aktivierungsmail haben wir nicht.",
     "missing-activation-email", "reservation_effective"),
])
def test_a_state_told_up_to_a_past_time_stays_open(lang, text, flow, fact):
    assert read(text, lang, flow).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Die Bestellung ist bis heute nicht aufgegeben, deshalb keine Aktivierungsmail?", "missing-activation-email",
     "order_placed", False),
    ("en", "Our reservation is not effective until the end of the week, so no activation email yet.",
     "missing-activation-email", "reservation_effective", False),
])
def test_a_state_told_up_to_now_or_a_later_time_holds(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) is value


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Anfangs haben wir die Lizenzen im falschen Tenant aktiviert, inzwischen liegen sie im Hauptkonto. "
           "Sehen können wir sie nicht.", "licenses-not-visible", "right_account"),
    ("en", "Initially the service was not available in our country, but it launched there in the summer. "
           "The licences still don't show.", "licenses-not-visible", "service_in_country"),
    ("en", "At first the licenses went to the wrong tenant. Now they sit in our main tenant and still don't appear.",
     "licenses-not-visible", "right_account"),
])
def test_a_first_state_the_ticket_turns_from_stays_open(lang, text, flow, fact):
    assert read(text, lang, flow).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Die Lizenzen sind im falschen Tenant gelandet, nicht in unserem. Was tun?", "licenses-not-visible",
     "right_account", False),
    ("en", "Initially I thought it was a display issue. The licenses were activated on the wrong tenant.",
     "licenses-not-visible", "right_account", False),
])
def test_a_state_of_now_beside_a_first_thought_holds(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "An unserem anderen Standort ist der Dienst im Land nicht verfügbar. Hier fehlen die Lizenzen nach der "
           "Aktivierung."),
    ("en", "At our other site the service is not available in our country. Here the licences are missing after "
           "activation."),
])
def test_a_state_of_another_site_stays_open(lang, text):
    assert read(text, lang, "licenses-not-visible").get("service_in_country") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im letzten Jahr waren die Lizenzen im falschen Konto gelandet. Diesmal sehen wir sie einfach nicht."),
    ("en", "Last year the problem was a wrong tenant. This time the licenses just don't show up."),
])
def test_a_no_of_an_earlier_period_the_ticket_turns_from_stays_open(lang, text):
    assert read(text, lang, "licenses-not-visible").get("right_account") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Letztes Jahr haben wir die Domäne verifiziert, trotzdem kommt keine Aktivierungsmail."),
    ("en", "We verified the domain last year, but no activation email arrives."),
])
def test_a_deed_of_an_earlier_period_still_holds(lang, text):
    assert read(text, lang).get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Unsere ältere Registrierung hängt seit Jahren an unserem Tenant. Für die neue kam keine Aktivierungsmail."),
    ("en", "Our older enrollment has been linked to our tenant for ages. The new one got no activation email."),
])
def test_an_older_instance_linked_stays_open(lang, text):
    assert read(text, lang).get("enrollment_linked") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Reservierung war bis zur Freigabe durch den Händler nicht wirksam. Keine Aktivierungsmail."),
    ("en", "The reservation wasn't effective until the reseller approved it. No activation email."),
])
def test_a_state_told_up_to_a_past_event_stays_open(lang, text):
    assert read(text, lang).get("reservation_effective") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Bei der Verlängerung im letzten Jahr gab es noch zwei Registrierungen mit unserem Namen. Diesmal ist es nur "
           "eine. Brauchen wir eine neue Aktivierung?"),
    ("en", "At last year's renewal there were two enrollments under our name. This time there is just one. Do we need "
           "to activate again?"),
])
def test_what_there_was_in_an_earlier_period_stays_open(lang, text):
    assert read(text, lang, "renewal-activation").get("multiple_enrollments_same_org") is None


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Laut VLSC ging die Aktivierungsmail an einen anderen Kontakt, das stand dort letzte Woche; heute steht dort "
           "mein Name.", "sent_to_other_contact"),
    ("en", "VLSC named another contact as the recipient last week, but now it lists me. No activation email.",
     "sent_to_other_contact"),
    ("de", "Die Reservierung vom 20.11.2026 war drei Tage lang nicht wirksam, jetzt ist sie es. Keine Aktivierungsmail.",
     "reservation_effective"),
])
def test_a_state_of_then_with_a_now_after_it_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Die Reservierung vom 20.11.2026 war gestern nicht wirksam und ist es heute auch nicht.",
     "reservation_effective", False),
    ("en", "The reservation of 20 Nov 2026 has not been effective since last week, and now I'm writing to you.",
     "reservation_effective", False),
    ("en", "I checked the junk folder yesterday, and now I'm writing to you. No activation email.", "junk_checked", True),
])
def test_a_state_kept_or_a_deed_of_then_holds(lang, text, fact, value):
    assert read(text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Lizenzen fehlen. Das Add-on lag bis zur Umstellung im Oktober auf einer anderen Registrierung als das "
           "Basisabo."),
    ("en", "The licences are missing. The add-on sat on another enrollment than the base until the October move."),
])
def test_a_state_verb_told_up_to_a_past_event_stays_open(lang, text):
    assert read(text, lang, "licenses-not-visible").get("base_same_enrollment") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Bei der vorigen Verlängerung hatten wir noch zwei Registrierungen mit demselben Organisationsnamen. "
           "Wie ist es diesmal? Das weiß ich nicht."),
    ("en", "At the last renewal we still had several enrollments under the same organisation name. "
           "Not sure about now. Do we have to activate?"),
])
def test_a_state_of_an_earlier_renewal_is_no_fact_of_this_one(lang, text):
    assert read(text, lang, "renewal-activation").get("multiple_enrollments_same_org") is None


def test_a_deed_of_an_earlier_year_still_holds():
    text = "Über dieselbe Registrierung hatten wir letztes Jahr schon Exchange Online aktiviert. Diesmal kam keine Mail."
    assert read(text, "de").get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, die Domäne unserer Tochter ist in Microsoft 365 verifiziert. Die Aktivierungsmail für uns fehlt."),
    ("en", "Hello, the domain of our daughter company is verified in Microsoft 365. Our activation mail is missing."),
])
def test_a_fact_of_a_daughter_company_stays_open(lang, text):
    assert read(text, lang).get("domain_verified") is None


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("en", "Hello, the domain is verified in our other tenant, the one of our branch. The activation email is missing.",
     "domain_verified"),
    ("de", "Hallo, im alten Tenant unserer Niederlassung ist die Domäne verifiziert. Die Aktivierungsmail fehlt.",
     "domain_verified"),
    ("en", "Hi, the OSM is a global admin in our old tenant. The activation email is missing.", "osm_is_admin"),
])
def test_a_fact_of_another_tenant_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Hallo, anfangs war unsere OSM Globale Administratorin im Microsoft-365-Konto, die Rolle wurde ihr aber "
           "im Sommer entzogen. Die Aktivierungsmail fehlt.", "osm_is_admin"),
    ("de", "Hallo, zunächst war unsere OSM Abrechnungsadministratorin im bestehenden Konto, die Rolle wurde ihr "
           "dann aber entzogen. Die Aktivierungsmail fehlt.", "osm_is_admin"),
])
def test_a_first_state_turned_from_by_a_later_contrast_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Die Aktivierungsmail fehlt. Wir betreiben zwei Mandanten; im Schulungsmandanten ist unsere Domäne schon "
           "verifiziert, im produktiven wissen wir es nicht.", "missing-activation-email", "domain_verified"),
    ("de", "Keine Aktivierungsmail. Bei unserem zweiten Tenant (Archiv) ist die Registrierung bereits verknüpft.",
     "missing-activation-email", "enrollment_linked"),
    ("en", "Licences missing after activation. We run two tenants, staging and live. On staging the licences are in "
           "the right account. On live nothing shows.", "licenses-not-visible", "right_account"),
    ("de", "Keine Aktivierungsmail. Der OSM ist Globaler Administrator unseres zweiten Mandanten.",
     "missing-activation-email", "osm_is_admin"),
    ("en", "No activation email. We run three tenants and our domain is verified in one of them.",
     "missing-activation-email", "domain_verified"),
])
def test_a_fact_told_of_one_of_several_tenants_stays_open(lang, text, flow, fact):
    assert read(text, lang, flow).get(fact) is None


@pytest.mark.parametrize(("lang", "text", "flow", "fact", "value"), [
    ("de", "Die Aktivierungsmail fehlt. In unserem Tenant ist die Domäne seit 2022 verifiziert.",
     "missing-activation-email", "domain_verified", True),
    ("en", "We have two tenants, but that's not the point: the licences were activated for the wrong account.",
     "licenses-not-visible", "right_account", False),
])
def test_a_fact_of_the_one_tenant_or_not_placed_in_one_holds(lang, text, flow, fact, value):
    assert read(text, lang, flow).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser zweiter Mandant (Vertriebsbüro in Chile) meldet, dass der Dienst dort nicht angeboten wird. "
           "Uns geht es um den Hauptmandanten: dort fehlen die Lizenzen."),
    ("en", "Hi, our second tenant (the office in Peru) has the issue that the service is not offered there. I am writing "
           "about our main tenant: the licences are missing there too."),
])
def test_a_country_told_in_a_that_clause_of_another_tenant_stays_open(lang, text):
    assert read(text, lang, "licenses-not-visible").get("service_in_country") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Das ist unsere erste Registrierung mit Onlinediensten, vorher war nichts aktiviert."),
    ("en", "No activation mail. This is the first service we activate under this enrollment."),
])
def test_a_first_enrollment_named_by_the_cue_itself_denies_the_link(lang, text):
    assert read(text, lang).get("enrollment_linked") is False


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("en", "The activation email is missing. Last time the mail was sent to a different contact. This time I can't tell.",
     "missing-activation-email", "sent_to_other_contact"),
    ("de", "Die Aktivierungsmail fehlt. Bei der letzten Verlängerung war es so: die Mail ging an einen anderen Kontakt. "
           "Wie es jetzt ist, wissen wir nicht.", "missing-activation-email", "sent_to_other_contact"),
    ("en", "No activation mail. At the previous renewal it was like this: nobody had looked in the junk folder. "
           "I have no idea about this time.", "missing-activation-email", "junk_checked"),
    ("en", "Licences missing after activation. Three years ago the add-on sat on a different enrollment than its base. "
           "Whether that's still true now I can't say.", "licenses-not-visible", "base_same_enrollment"),
])
def test_a_fact_of_an_earlier_occasion_the_writer_turns_from_stays_open(lang, text, flow, fact):
    assert fact not in read(text, lang, flow)


def test_a_state_of_the_case_told_after_an_earlier_one_still_holds():
    text = ("Last time the mail went to our reseller. This time VLSC shows the mail was sent to another contact, "
            "my predecessor.")
    assert read(text, "en").get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Keine Aktivierungsmail bekommen. In unserem Sandbox-Tenant ist die Domäne schon verifiziert.", "domain_verified"),
    ("en", "No activation email. The domain is verified in our test tenant.", "domain_verified"),
    ("de", "Die Aktivierungsmail kam nicht. Der OSM ist Globaler Administrator im Entwicklungs-Mandanten.", "osm_is_admin"),
    ("en", "The activation email did not arrive. Our OSM is a global admin of our trial tenant.", "osm_is_admin"),
])
def test_a_fact_placed_in_a_test_tenant_stays_open(lang, text, fact):
    assert read(text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Lizenzen wurden für unseren Sandbox-Mandanten statt für das Produktivkonto aktiviert, also im falschen Konto."),
    ("en", "The licences were activated in our test tenant instead of production, so on the wrong account."),
])
def test_licences_activated_in_a_test_tenant_are_the_wrong_account(lang, text):
    assert read(text, lang, "licenses-not-visible").get("right_account") is False


def test_a_productive_tenant_alone_scopes_nothing():
    assert read("Keine Aktivierungsmail. In unserem Produktiv-Tenant ist die Domäne seit Jahren verifiziert.", "de") \
        .get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Keine Lizenzen sichtbar. Unser Testmandant steht in einem Land, in dem der Dienst nicht angeboten wird. "
           "Der Produktivmandant ist in Deutschland.", "licenses-not-visible", "service_in_country"),
    ("en", "No licences visible. Our sandbox tenant is in a country where the service isn't offered. Production is in "
           "Germany.", "licenses-not-visible", "service_in_country"),
    ("en", "No activation email. Our trial tenant already has the enrollment linked.", "missing-activation-email",
     "enrollment_linked"),
])
def test_a_fact_told_with_a_test_tenant_as_subject_stays_open(lang, text, flow, fact):
    assert read(text, lang, flow).get(fact) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Reservierung ist nicht wirksam. Angelegt haben wir sie vor zwei Wochen, seitdem steht sie unverändert da."),
    ("de", "Guten Tag, unsere Reservierung ist noch nicht wirksam. Seither hat sich nichts getan."),
    ("en", "Hi, the reservation is not effective. We made it two weeks ago and since then it is still pending."),
])
def test_a_state_kept_since_is_no_change(lang, text):
    assert read(text, lang).get("reservation_effective") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Reservierung war nicht wirksam. Seitdem ist sie aber wirksam geworden."),
    ("en", "Hi, the reservation was not effective. In the meantime it has taken effect."),
])
def test_a_denied_state_changed_since_is_not_denied(lang, text):
    assert read(text, lang).get("reservation_effective") is not False
