"""Reading facts as an agent would, on new tickets in German and English (bundled knowledge
base, read straight from the customer's own words, whatever the topic matcher says)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_answer, extract_facts
from faq.tickets.quotes import Answer
from faq.tickets.tokens import _NAMES, _blank, without_names

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- a negation that names a person denies what the person did -----------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail für unser Visio-Abo fehlt. In den Spam-Ordner hat bei uns bis jetzt "
           "keiner geschaut, unsere Kollegin aus der IT ist krank."),
    ("de", "Guten Tag, keine Aktivierungsmail. Niemand von uns hat bisher im Junk-Ordner nachgesehen."),
    ("en", "Hello, the activation mail for our Visio order is missing. Nobody on our side has looked in the "
           "junk folder so far, our IT colleague is off sick."),
])
def test_nobody_checked_the_junk_folder_is_not_checked(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Im Spam-Ordner ist nichts, auch nicht im Junk-Ordner."),
    ("en", "Hi, the activation mail is missing. There is nothing in the junk folder either."),
])
def test_nothing_in_the_junk_folder_is_checked(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Moin, die Mail zur Aktivierung von Teams ist nie gekommen. Junk-Ordner: nichts drin."),
    ("de", "Guten Tag, unsere Aktivierungsmail fehlt noch, im Spam war leider nichts."),
    ("de", "Servus, Aktivierungsmail für Visio fehlt. Junk-Ordner: leer. Im Spam haben wir auch nichts gefunden."),
    ("de", "Hallo, keine Aktivierungsmail bisher. Der Spam-Ordner ist leer, das haben wir heute früh angesehen."),
    ("en", "Hi, our activation mail for Project never showed up. Spam folder: nothing in it."),
    ("en", "Hi, where is the activation mail for Teams? Junk folder: empty."),
    ("en", "Hello, still no activation e-mail; we found nothing in spam this morning."),
])
def test_looked_in_the_junk_folder_and_found_nothing_is_checked(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Aktivierungsmail fehlt. Spam-Ordner haben wir nicht, alles läuft über den Gateway."),
    ("de", "Hallo, Aktivierungsmail fehlt. Einen Junk-Ordner gibt es bei uns nicht."),
    ("en", "Hello, activation mail missing. A spam folder we do not have."),
])
def test_a_junk_folder_not_had_is_no_nothing_found(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Aktivierungsmail fehlt. Spam-Ordner: nichts geprüft bisher."),
    ("en", "Hello, activation mail missing. Spam folder: nothing checked yet."),
])
def test_nothing_checked_in_the_junk_folder_states_no_check(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is not True


@pytest.mark.parametrize(("lang", "text", "quote"), [
    ("de", "Guten Tag, die Mail zur Aktivierung ist nie eingetroffen, den Junk-Ordner hat unsere IT schon durchsucht.",
     "Junk-Ordner hat unsere IT schon durchsucht"),
    ("en", "Hi, the activation e-mail did not arrive, we have checked the junk folder twice.", "checked the junk folder"),
])
def test_a_negated_cue_does_not_reach_across_a_comma(lang, text, quote):
    read_ = extract_facts(clean_body(text), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary)
    assert read_.facts.get("junk_checked") is True
    assert read_.evidence["junk_checked"].quote == quote



# -- the first activation, an online account, the OSM's person, a verification told done -----------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Es ist die erste Aktivierung über diese Registrierung."),
    ("en", "Hi, no activation mail. It is the first activation under this enrollment."),
])
def test_the_first_activation_under_the_enrollment_is_no_link(lang, text):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is False


@pytest.mark.parametrize("text", [
    "Servus, keine Aktivierungsmail für das Add-on. Die Registrierung hängt schon an unserem Online-Konto.",
    "Servus, keine Aktivierungsmail für das Add-on. Die Registrierung hängt schon an unserem Onlinekonto.",
])
def test_an_online_account_written_with_a_hyphen_or_without_is_the_same(text):
    assert read("missing-activation-email", text, "de").get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text", "placed"), [
    ("de", "Keine Aktivierungsmail.\nOSM: it@lenz-bau.de\nBestellung vorhanden: ja\nSpam geprüft: ja", True),
    ("de", "Keine Aktivierungsmail.\nBestellung sichtbar: nein\nSpam geprüft: ja", False),
    ("en", "No activation mail.\nOSM: it@lenz-build.com\nOrder visible: yes\nJunk checked: yes", True),
])
def test_an_order_told_present_or_visible_in_a_checklist_is_placed(lang, text, placed):
    assert read("missing-activation-email", text, lang).get("order_placed") is placed

# -- the person named as the OSM, and a demonstrative that names that person's role ---------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM ist bei uns Herr Kessler eingetragen. Er ist zugleich globaler Administrator unseres "
           "bestehenden Microsoft-365-Kontos. Eine Aktivierungsmail kam nie."),
    ("de", "Hallo, als OSM ist t.kessler@kessler-bau.de hinterlegt – das ist bei uns seit 2023 der globale "
           "Administrator unseres bestehenden Kontos. Eine Aktivierungsmail kam nie."),
    ("en", "Hi, our OSM is t.kessler@kessler-build.com. That is also the global admin of our existing tenant. "
           "No activation mail ever came."),
])
def test_the_osm_named_by_name_or_pointed_at_is_the_admin(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, als OSM ist t.kessler@kessler-bau.de hinterlegt. Das ist seltsam, denn unser globaler Administrator "
           "hat auch nichts bekommen."),
    ("en", "Hi, our OSM is t.kessler@kessler-build.com. That is odd, because our global admin got nothing either."),
])
def test_a_demonstrative_that_names_no_role_in_its_clause_points_at_no_one(lang, text):
    assert "osm_is_admin" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("text", "verified"), [
    ("Hallo, die Domänenverifizierung für kern-bau.de ist gestern durchgegangen. Beim OSM a@kern-bau.de kommt keine Mail an.", True),
    ("Hallo, die Domainverifizierung ist seit Montag abgeschlossen. Beim OSM a@kern-bau.de kommt keine Mail an.", True),
    ("Hallo, die Domänenverifizierung hat bei uns nicht geklappt. Beim OSM a@kern-bau.de kommt keine Mail an.", False),
    ("Hallo, die Domänenverifizierung läuft noch. Beim OSM a@kern-bau.de kommt keine Mail an.", None),
])
def test_the_domain_verification_as_one_noun_is_verified_only_when_told_done(text, verified):
    assert read("missing-activation-email", text, "de").get("domain_verified") is verified


# -- a label that runs on past the cue ---------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, hier unsere Angaben:\n- OSM: it@gaertnerei-lutz.de\n"
           "- Domäne bei einem Onlinedienstkonto verifiziert: nein\n"
           "- OSM-Adresse globaler Admin in einem Mandanten: nein\nWas nun?"),
    ("en", "Hello, our details:\n- OSM: it@lutz-nursery.com\n- domain verified with any online account: no\n"
           "- OSM address a global admin in some tenant: no\nWhat now?"),
])
def test_a_label_longer_than_its_cue_takes_its_answer(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert facts.get("domain_verified") is False and facts.get("osm_is_admin") is False


# -- a cue never spans two clauses with verbs of their own ------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ich bin globaler Admin in unserem Mandanten, der OSM ist aber Frau Ott aus dem Einkauf "
           "(ott@baeckerei-ott.de). Die Aktivierungsmail fehlt."),
    ("en", "Hi, I am the global admin of our tenant, the OSM is Ms Ott from purchasing (ott@ott-bakery.com). "
           "The activation mail is missing."),
])
def test_the_writer_as_global_admin_says_nothing_of_the_osm(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert facts.get("osm_is_admin") is not True and facts.get("osm_email", "").startswith("ott@")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unser OSM ist edv@ott-bau.de, und dieses Postfach ist auch der globale Administrator "
           "unseres Microsoft-365-Kontos."),
    ("en", "Hello, our OSM is it@ott-build.com and that mailbox is also the global administrator of our "
           "Microsoft 365 tenant."),
])
def test_the_osm_mailbox_as_admin_is_read(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is True


# -- a belief given up for what was checked (self-correction) ---------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, das Add-on für Teams-Telefonie fehlt. Ich dachte erst, das Basisabo läuft nicht über dieselbe "
           "Registrierung - ich habe aber eben nachgeschaut, es ist doch dieselbe Registrierung."),
    ("en", "Hi, the Teams Phone add-on is missing. I thought at first that the base subscription was on a "
           "different enrollment, but I checked and it is on the same enrollment after all."),
])
def test_the_later_checked_statement_wins_over_a_belief(lang, text):
    facts = read("licenses-not-visible", text, lang)
    assert facts.get("is_addon") is True and facts.get("base_same_enrollment") is True


# -- what a negation governs --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, was wir im Admin Center nicht finden, ist ein Add-on (Audiokonferenzen)."),
    ("en", "Hello, the licenses we cannot find are an add-on (Audio Conferencing)."),
    ("en", "Hello, our base licenses come from a different enrollment, not the one the add-on was bought under."),
])
def test_a_negation_in_a_relative_clause_does_not_deny_the_add_on(lang, text):
    assert read("licenses-not-visible", text, lang).get("is_addon") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, wir haben keine Reservierung platziert, es war eine ganz normale Bestellung."),
    ("en", "Hi, we haven't placed a reservation, it was a normal order through our partner."),
])
def test_no_reservation_is_not_no_order(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is not False


# -- countries, reservations, recipients, wrong accounts ---------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser Mandant ist in Paraguay registriert. Laut Partner wird der neue Dienst in Paraguay "
           "noch nicht angeboten."),
    ("en", "Hello, our tenant is registered in Mongolia, and the new service is not available in Mongolia yet, "
           "our partner says."),
])
def test_a_service_not_offered_in_a_named_country(lang, text):
    assert read("licenses-not-visible", text, lang).get("service_in_country") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben vor fünf Tagen eine Reservierung für 12 Plätze angelegt. Sie ist noch nicht "
           "wirksam geworden."),
    ("en", "Hi, I reserved 12 seats five days ago. It still has not taken effect."),
])
def test_a_reservation_not_yet_effective(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert facts.get("reservation_effective") is False and str(facts.get("reservation_date")) == "2026-11-19"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, laut VLSC ging die Mail an Frau Brandt aus der Buchhaltung, die seit Mai in Rente ist."),
    ("de", "Hallo, im VLSC steht, die Mail ging an unseren Partner und nicht an mich."),
    ("en", "Hi, VLSC shows the activation mail was sent to a contact at our reseller, not to anyone at our company."),
])
def test_the_mail_went_to_someone_else(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Lizenzen sehen wir nicht. Sie wurden nicht für unser Produktivkonto aktiviert, sondern "
           "für den alten Testmandanten."),
    ("en", "Hi, we don't see the licenses. I was signed in to our test tenant when I clicked the link, so they "
           "landed in the test tenant."),
])
def test_licenses_activated_for_a_test_tenant_are_the_wrong_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


# -- a cue that names the past, the License Summary, a reservation in effect -------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, 2025 haben wir Intune gekauft und damals in unserem bestehenden Konto aktiviert. Jetzt fehlt "
           "die Mail für Entra ID P2 aus derselben Registrierung."),
    ("en", "Hi, we previously activated Intune under this enrollment; now the mail for Entra ID P2 is missing."),
])
def test_an_activation_back_then_is_stated_not_hedged(lang, text):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text", "placed"), [
    ("de", "Hallo, die Lizenzen stehen in der Lizenzzusammenfassung, aber die Mail fehlt.", True),
    ("en", "Hello, the licenses are listed under License Summary, yet no mail came.", True),
    ("de", "Hallo, ich habe im VLSC nachgesehen: Die Lizenzzusammenfassung ist leer.", False),
    ("en", "Hello, I looked in VLSC: under License Summary there is nothing for our enrollment.", False),
])
def test_the_license_summary_tells_whether_an_order_was_placed(lang, text, placed):
    assert read("missing-activation-email", text, lang).get("order_placed") is placed


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Reservierung vom 02.11.2026 ist seit dem 03.11. wirksam, trotzdem keine Mail."),
    ("en", "Hi, we reserved 8 seats on 2 November 2026 and it took effect the next day, still no mail."),
])
def test_a_reservation_in_effect(lang, text):
    assert read("missing-activation-email", text, lang).get("reservation_effective") is True


# -- "dieses Konto" opening a sentence is the address named just before ------------------------


@pytest.mark.parametrize(("lang", "text", "admin"), [
    ("de", "Guten Tag, als OSM ist lizenz@hofmann-druck.de eingetragen. Eben dieses Konto ist bei uns auch "
           "globaler Administrator im Microsoft-365-Mandanten.", True),
    ("en", "Hello, the OSM on our enrollment is licensing@hofmann-print.com. This account is also the billing "
           "administrator of our Microsoft 365 tenant.", True),
    ("en", "Hello, the OSM on our enrollment is licensing@hofmann-print.com. I am the global admin of this "
           "account myself.", None),
])
def test_a_back_pointer_opening_a_sentence_is_the_address_named_before(lang, text, admin):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is admin


# -- "no one", an infinitive of checking, a first activation ------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, no one has looked at the quarantine or the junk folder so far."),
    ("en", "Hi, I haven't had a chance to check the spam folder yet."),
    ("de", "Hallo, keiner von uns hat bisher in die Quarantäne oder den Junk-Ordner geschaut."),
])
def test_a_check_nobody_made_yet(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text", "linked"), [
    ("de", "Hallo, unter dieser Registrierung haben wir 2025 schon Exchange Online aktiviert.", True),
    ("de", "Hallo, es ist die erste Aktivierung über diese Registrierung.", False),
    ("en", "Hi, this is the first service we activate under this enrollment.", False),
    # the enrollment itself already activated against an account
    ("en", "Hello, the enrollment had already been activated on our tenant in 2025, for Exchange Online.", True),
    ("en", "Hello, the enrollment has not been activated on any account so far.", False),
    ("de", "Hallo, die Registrierung wurde bereits 2025 in unserem Tenant aktiviert, damals für Exchange Online.", True),
])
def test_an_earlier_or_a_first_activation_under_the_enrollment(lang, text, linked):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is linked


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, bei unserem ersten Auftrag im Frühjahr lief die Aktivierung über diese Registrierung ohne Probleme. "
           "Jetzt kommt keine Mail."),
    ("en", "Hi, on our first purchase in spring the activation under this enrollment went smoothly. Now no mail arrives."),
])
def test_an_ordinal_of_another_noun_names_no_first_activation(lang, text):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is not False


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, no activation email. It is not the first online service under this enrollment for us."),
    ("de", "Hallo, keine Aktivierungsmail. Das ist nicht unser erster Onlinedienst über diese Registrierung."),
])
def test_not_the_first_online_service_under_the_enrollment_is_linked(lang, text):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is True


# -- a clause that a question opens asks ------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, muss die Domäne vorher verifiziert sein, damit die Aktivierungsmail verschickt wird?"),
    ("en", "Hi, does the domain have to be verified already, or will the activation mail come anyway?"),
    ("de", "Hallo, kann es sein, dass unsere Domäne schon irgendwo verifiziert ist?"),
    ("en", "Hi, is it possible that our domain is already verified somewhere and that's why?"),
])
def test_a_question_opened_by_a_verb_states_nothing(lang, text):
    assert "domain_verified" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Domäne ist verifiziert, warum kommt dann keine Aktivierungsmail?"),
    ("en", "Hi, the domain is verified, so why does no activation mail come?"),
    ("de", "Hallo, warum kommt keine Aktivierungsmail, obwohl unsere Domäne verifiziert ist?"),
])
def test_a_statement_before_a_question_still_states(lang, text):
    assert read("missing-activation-email", text, lang).get("domain_verified") is True


def test_a_role_in_a_verbless_question_is_no_role():
    facts = read("reservation-permission", "Welche Rolle brauche ich zum Reservieren? OSM oder VLSC-Administrator?", "de")
    assert "role" not in facts


# -- a refuted statement ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Mail fehlt. Unser Händler meint, die Bestellung sei noch nicht platziert – das stimmt aber "
           "nicht, die Bestätigung liegt mir vor."),
    ("de", "Hallo, die Mail fehlt. Laut Händler ist noch keine Bestellung eingegangen. Das ist aber nicht richtig."),
    ("en", "Hi, the mail is missing. Our partner claims the order was not placed, which is not true - I have the "
           "confirmation."),
])
def test_a_refuted_statement_states_nothing(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is not False


# -- a negated cue on a compound's first word, a verb between ------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, the activation mail is missing and there is no order number on our invoice either."),
    ("en", "Hello, no order-related emails reached us at all, not even the activation mail."),
    ("de", "Hallo, die Aktivierungsmail fehlt, eine Bestellbestätigung haben wir auch nicht."),
])
def test_no_order_number_is_no_missing_order(lang, text):
    assert "order_placed" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, the activation mail never came. We don't have a junk folder, mail goes through a gateway."),
    ("de", "Hallo, die Aktivierungsmail kam nie. Einen Spam-Ordner haben wir nicht, wir filtern am Gateway."),
])
def test_having_no_junk_folder_is_no_check(lang, text):
    assert "junk_checked" not in read("missing-activation-email", text, lang)


# -- a qualifier names the noun right after it ------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Unser EA wurde im Oktober verlängert. Wir haben eine neue Registrierung unterzeichnet, wieder unter "
           "dem Organisationsnamen Lindner Druck GmbH wie bisher. Es kam keine Aktivierungsmail."),
    ("en", "Our EA was renewed in October. We signed a new enrollment, once again under the organization name "
           "Lindner Print Ltd as before. No activation email came."),
])
def test_a_new_enrollment_is_no_new_organization_name(lang, text):
    # the name "wie bisher" / "as before" is the same name; the new enrollment denies nothing
    assert read("renewal-activation", text, lang).get("same_org_name") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Wir haben verlängert und die neue Registrierung unter einem neuen Organisationsnamen unterschrieben."),
    ("en", "We renewed and signed the new enrollment with a different organization name."),
])
def test_a_new_organization_name_is_read(lang, text):
    assert read("renewal-activation", text, lang).get("same_org_name") is False


# -- a relative clause right after the OSM's address speaks of that address ---------------------


@pytest.mark.parametrize(("lang", "text", "admin"), [
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Als OSM ist s.kraemer@moebel-ried.de eingetragen, die zugleich "
           "globaler Administrator unseres bestehenden Tenants ist.", True),
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Unser OSM ist s.kraemer@moebel-ried.de, die aber in keinem "
           "Tenant globaler Administrator ist.", False),
    ("en", "Hi, the activation mail is missing. Our OSM is s.kraemer@ried-furniture.com, which is also the "
           "account our billing administrator uses in the existing tenant.", True),
    ("en", "Hi, the activation mail is missing. Our OSM is s.kraemer@ried-furniture.com, who I believe is also "
           "a global admin.", None),
    # a capital after the comma opens a noun, not a clause about the address
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Unser OSM ist s.kraemer@moebel-ried.de, Die Firma hat "
           "außerdem einen globalen Administrator.", None),
    # the address named is not the OSM's
    ("en", "Hi, the activation mail is missing. Our helpdesk is it@ried-furniture.com, which is also a global "
           "admin account.", None),
])
def test_a_relative_clause_after_the_osm_address_speaks_of_it(lang, text, admin):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is admin


# -- the renewal's name: a change denied is the same name; several enrollments of other names ------


@pytest.mark.parametrize(("lang", "text", "same", "several"), [
    ("de", "Hallo, die Registrierung ist verlängert. Am Organisationsnamen haben wir dabei nichts geändert, und "
           "andere Registrierungen gibt es unter unserem EA keine.", True, False),
    ("de", "Hallo, die Registrierung ist verlängert, der Firmenname wie bisher.", True, None),
    ("de", "Hallo, bei der Verlängerung haben wir den Firmennamen geändert.", False, None),
    ("en", "Hello, our enrollment was renewed. The company name is unchanged and there are no other enrollments "
           "under the EA.", True, False),
    ("de", "Hallo, die Registrierung ist verlängert. Weitere Registrierungen gibt es unter dem EA keine, der "
           "Firmenname ist gleich.", True, False),
    ("en", "Hello, our enrollment was renewed. There are no further enrollments under our EA, and the organization "
           "name is unchanged.", True, False),
])
def test_the_renewal_name_and_the_other_enrollments(lang, text, same, several):
    read_ = read("renewal-activation", text, lang)
    assert read_.get("same_org_name") is same and read_.get("multiple_enrollments_same_org") is several


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Registrierung ist verlängert. Unter dem EA laufen mehrere Registrierungen, jede mit einem "
           "anderen Organisationsnamen."),
    ("en", "Hello, our enrollment was renewed. Under the EA we run several enrollments, each with a different "
           "organization name."),
    ("de", "Hallo, wir haben verlängert. Es gibt mehrere Registrierungen unter dem EA, allerdings mit verschiedenen "
           "Namen."),
    ("en", "Hello, we renewed. There are two enrollments under our EA, but with different names."),
])
def test_several_enrollments_each_named_otherwise_are_not_several_of_the_same_name(lang, text):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is False


# -- the recipient VLSC shows: someone who left is another contact, the writer is none ----------


@pytest.mark.parametrize(("lang", "text", "other"), [
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Im VLSC steht als Empfänger Frau Albers, die Ende Juni bei "
           "uns ausgeschieden ist.", True),
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Laut VLSC ging sie an Herrn Roth – der ist seit Frühjahr "
           "nicht mehr bei uns.", True),
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Das VLSC zeigt als Empfänger mich selbst.", False),
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Falls der Empfänger im VLSC inzwischen ausgeschieden ist, was "
           "dann?", None),
    ("en", "Hello, the activation mail is missing. VLSC names Ms Albers as the recipient, and she left the company "
           "in June.", True),
    ("en", "Hello, the activation mail is missing. VLSC shows me as the recipient.", False),
    ("en", "Hello, the activation mail is missing. Our old OSM left the company; who should be the recipient "
           "now?", None),
    # someone no longer in the company, said beside a request to send the mail elsewhere
    ("de", "Bitte schicken Sie die Aktivierungsmail an Frau Yilmaz, Herr Brandt ist nicht mehr im Unternehmen.",
     None),
    ("en", "Please send the activation mail to Ms Yilmaz, Mr Brandt is no longer at the company.", None),
    # the one who left is named before the recipient: someone else left
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Frau Albers hat uns verlassen, Empfänger im VLSC ist jetzt "
           "Herr Roth.", None),
    ("en", "Hello, the activation mail is missing. Ms Albers left the company; Mr Roth is now the recipient in "
           "VLSC.", None),
])
def test_the_recipient_vlsc_shows_tells_whether_it_was_another_contact(lang, text, other):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is other


# -- licences that landed elsewhere and not in the writer's own account ---------------------------


@pytest.mark.parametrize(("lang", "text", "right"), [
    ("de", "Hallo, nach der Aktivierung fehlen die Lizenzen. Mittlerweile wissen wir, dass sie im Tenant unserer "
           "Agentur gelandet sind und nicht in unserem.", False),
    ("de", "Hallo, nach der Aktivierung fehlen die Lizenzen. Sie sind wohl noch nicht in unserem Tenant gelandet.",
     None),
    ("en", "Hi, after activating we see no licences. It turns out they landed in our agency's tenant and not in "
           "ours.", False),
    ("en", "Hi, after activating we see no licences. They have not ended up in our tenant yet.", None),
])
def test_licences_that_landed_elsewhere_are_on_the_wrong_account(lang, text, right):
    assert read("licenses-not-visible", text, lang).get("right_account") is right


# -- an add-on and its base under enrollments with numbers: the numbers decide ---------------------


@pytest.mark.parametrize(("lang", "text", "same"), [
    ("de", "Hallo, die Lizenzen für unser Add-on fehlen. Das Basisabonnement läuft über Registrierung 7730145, "
           "das Add-on über Registrierung 8102266.", False),
    ("de", "Hallo, die Lizenzen für unser Add-on fehlen. Die Basis steht unter Registrierung 7730145, das Add-on "
           "wurde ebenfalls unter Registrierung 7730145 bestellt.", True),
    ("en", "Hi, the licences of our add-on are missing. Our base plan is on enrollment 7730145 and the add-on on "
           "enrollment 8102266.", False),
    ("en", "Hi, the licences of our add-on are missing. The base is under enrollment 7730145; I am not sure "
           "which enrollment the add-on is under.", None),
    # over two sentences or list items, each number to the half named nearest before it
    ("de", "Hallo, das Add-on fehlt.\n- Basisabo: Registrierung 7730145\n- Add-on: Registrierung 8102266", False),
    ("en", "Hi, our add-on is missing. We ordered the add-on under enrollment 8102266; the base plan runs under "
           "enrollment 7730145.", False),
    ("de", "Hallo, das Add-on fehlt. Die Basis liegt auf Registrierung 7730145, ob das Add-on unter Registrierung "
           "8102266 liegt, weiß ich nicht.", None),
    # the add-on's half with its noun left out, as the first half gave it ("das Add-on auf 8102266")
    ("de", "Guten Tag, unser Add-on ist nicht zu sehen. Das Basisabo läuft auf Registrierung 7730145, das Add-on "
           "auf 8102266.", False),
    ("en", "Hello, the add-on seats do not show. Our base plan sits under enrollment 7730145, the add-on under "
           "8102266.", False),
    # the same number twice is never a mismatch
    ("de", "Guten Tag, unser Add-on ist nicht zu sehen. Das Basisabo läuft auf Registrierung 7730145, das Add-on "
           "ebenso auf 7730145.", None),
])
def test_the_enrollment_numbers_of_an_add_on_and_its_base_decide(lang, text, same):
    assert read("licenses-not-visible", text, lang).get("base_same_enrollment") is same


# -- numbered list items are statements of their own --------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wie gewünscht:\n1. OSM: h.berg@tischlerei-berg.de\n2. Domäne verifiziert: nein\n"
           "3. OSM globaler Admin: nein\n4) Spam-Ordner geprüft: ja\nDie Aktivierungsmail fehlt weiter."),
    ("en", "Hi, as requested:\n1. OSM: h.berg@berg-joinery.com\n2. Domain verified: no\n3. OSM is global admin: no\n"
           "4) Junk folder checked: yes\nThe activation mail is still missing."),
])
def test_numbered_items_are_read_one_by_one(lang, text):
    read_ = read("missing-activation-email", text, lang)
    assert (read_.get("domain_verified"), read_.get("osm_is_admin"), read_.get("junk_checked")) == (False, False, True)


@pytest.mark.parametrize(("lang", "text", "effective"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Die Reservierung haben wir am 03.11.2026 angelegt, sie ist seit "
           "Tagen wirksam.", True),
    ("en", "Hi, the activation mail is missing. Our reservations were placed on 3 November 2026, they are "
           "effective now.", True),
])
def test_a_pronoun_opening_the_next_clause_takes_up_the_thing_before(lang, text, effective):
    assert read("missing-activation-email", text, lang).get("reservation_effective") is effective


# -- what still has to be done is not done ----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir warten auf die Aktivierungsmail. Unsere Domäne müssen wir erst noch verifizieren."),
    ("de", "Hallo, wir warten auf die Aktivierungsmail. Die Domäne muss unser Dienstleister noch bestätigen."),
    ("en", "Hi, still waiting for the activation mail. We still need to verify our domain."),
    ("en", "Hi, still waiting for the activation mail. Our provider has to confirm the domain first."),
])
def test_a_domain_still_to_be_verified_is_not_said_to_be_verified(lang, text):
    assert "domain_verified" not in read("missing-activation-email", text, lang)


# -- rules, requests, habits, other places and what would be state nothing of the case ---------


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Hallo, keine Aktivierungsmail. Laut FAQ kommt keine Mail, wenn die Domäne schon verifiziert ist.",
     "domain_verified"),
    ("en", "Hi, no activation mail. The FAQ says no mail comes when the domain is already verified.", "domain_verified"),
    ("de", "Hallo, keine Aktivierungsmail. In Ihrer Doku steht, dass der OSM globaler Administrator sein kann.",
     "osm_is_admin"),
    ("en", "Hi, no activation mail. Your docs say the OSM may be a global admin of an existing account.",
     "osm_is_admin"),
    ("de", "Hallo, keine Aktivierungsmail. Bitte noch den Spam-Ordner prüfen, schreibt mein Chef.", "junk_checked"),
    ("en", "Hi, no activation mail. Please check the spam folder as well, my boss writes.", "junk_checked"),
    ("de", "Hallo, keine Aktivierungsmail. Bei meiner letzten Firma war die Domäne verifiziert.", "domain_verified"),
    ("en", "Hi, no activation mail. At my previous company the domain was verified.", "domain_verified"),
    ("de", "Hallo, keine Aktivierungsmail. Normalerweise prüfen wir den Spam-Ordner täglich.", "junk_checked"),
    ("en", "Hi, no activation mail. Normally we check the junk folder every day.", "junk_checked"),
    ("de", "Hallo, keine Aktivierungsmail. Die Domäne wäre verifiziert, wenn unser Admin nicht krank wäre.",
     "domain_verified"),
    ("en", "Hi, no activation mail. The domain would be verified by now if our admin were not ill.", "domain_verified"),
])
def test_a_rule_a_request_a_habit_or_another_place_states_nothing(lang, text, fact):
    assert fact not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Lizenzen fehlen. Damit wir nicht im falschen Konto aktivieren: Wie gehen wir vor?"),
    ("en", "Hi, licences are missing. In order not to pick the wrong account again, what should we do?"),
])
def test_a_purpose_states_nothing(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


# -- an order told in other words is an order placed ------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail für Visio fehlt. Wir haben am 2. November bestellt."),
    ("de", "Guten Tag, wir haben am 04.11.2026 bestellt, eine Aktivierungsmail kam aber nie."),
    ("de", "Hallo, keine Aktivierungsmail bisher. Unser Einkäufer hat die Bestellung abgeschickt."),
    ("de", "Hallo, die Aktivierungsmail fehlt. Eine Reservierung war es nicht, es war eine normale Bestellung."),
    ("en", "Hi, the activation mail for Visio is missing. We placed the order on 2 Nov."),
    ("en", "Hello, no activation e-mail so far. It was a regular order, not a reservation."),
])
def test_an_order_told_in_other_words_is_placed(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail für unsere Bestellung haben wir nie bekommen."),
    ("en", "Hi, we never received the activation email for our order."),
    ("de", "Hallo, keine Aktivierungsmail. Ich glaube, wir haben am 2. November bestellt, bin aber nicht sicher."),
    ("en", "Hi, no activation mail. I think we placed the order on 2 Nov, but I am not sure."),
    ("de", "Hallo, keine Aktivierungsmail bisher. Es war keine normale Bestellung, sondern eine Reservierung."),
    ("en", "Hi, no activation email yet. It was not a regular order but a reservation."),
])
def test_a_mail_missing_for_an_order_or_a_hedged_order_leaves_it_open(lang, text):
    assert "order_placed" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Unser Einkäufer hat die Bestellung noch nicht abgeschickt."),
    ("de", "Hallo, keine Aktivierungsmail. Wir haben am 2. November noch nicht bestellt."),
    ("en", "Hi, no activation mail. We have not placed the order yet."),
])
def test_an_order_not_yet_sent_is_not_placed(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is False


# -- other enrollments under the EA: none, some, or some with names of their own --------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unsere Registrierung wurde verlängert, der Firmenname ist gleich. Andere Registrierungen "
           "haben wir unter dem EA nicht. Kommt eine neue Aktivierungsmail?"),
    ("de", "Hallo, die Registrierung ist erneuert. Unter unserem EA gibt es keine anderen Registrierungen."),
    ("en", "Hello, our enrollment was renewed under the same company name. We have no other enrollments under "
           "the EA. Will a new activation e-mail come?"),
    ("en", "Hi, the enrollment was renewed. Other enrollments we do not have under our Enterprise Agreement."),
])
def test_no_other_enrollments_under_the_ea_is_no(lang, text):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Registrierung wurde verlängert. Wir haben unter dem EA noch andere Registrierungen."),
    ("en", "Hi, the enrollment was renewed. We have other enrollments under the EA."),
    ("en", "Hi, the enrollment was renewed. We do have other enrollments under our EA, by the way."),
])
def test_other_enrollments_under_the_ea_are_never_no(lang, text):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, die Registrierung wurde verlängert. Wir haben unter dem EA auch andere Registrierungen, "
           "aber mit anderem Namen."),
    ("en", "Hi, the enrollment was renewed. We have other enrollments under the EA, but with a different name."),
])
def test_other_enrollments_with_names_of_their_own_share_no_name(lang, text):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is False


# -- a denial taken back: something else done instead, or done by someone else ---------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben letzte Woche nichts bestellt, sondern über den Händler eine Reservierung aufgegeben. "
           "Eine Aktivierungsmail kam bisher nicht."),
    ("en", "Hi, we didn't order anything last week, we placed a reservation through our reseller instead. "
           "No activation email so far."),
])
def test_a_reservation_in_place_of_an_order_is_no_order_denied(lang, text):
    assert "order_placed" not in read("missing-activation-email", text, lang)


def test_the_same_deed_for_another_account_stays_denied():
    text = "Hallo, die Lizenzen wurden nicht für unseren Produktivmandanten aktiviert, sondern für einen Testmandanten."
    assert read("licenses-not-visible", text, "de").get("right_account") is False


def test_a_cue_parted_by_a_contrast_after_a_denial_states_nothing():
    text = "Hi, the licenses were not activated for our production tenant but for a test tenant from last year."
    assert read("licenses-not-visible", text, "en").get("right_account") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Den Junk-Ordner habe ich nicht geprüft, meine Kollegin aber schon."),
    ("en", "Hello, the activation mail is missing. I haven't looked in the junk folder myself, but my colleague did."),
])
def test_a_check_done_by_a_colleague_is_no_check_denied(lang, text):
    assert "junk_checked" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Unser Partner sagt, die Bestellung sei noch nicht aufgegeben - "
           "das stimmt aber nicht, sie ist raus."),
])
def test_a_refuted_report_of_no_order_is_no_fact(lang, text):
    # "sei ... aufgegeben" and "sie ist raus" are clauses of their own: the cue "Bestellung ist raus" spans none
    assert read("missing-activation-email", text, lang).get("order_placed") is not False


# -- another kind of thing in place of a denied one ---------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, kurz: kein Add-on, sondern ein gewöhnliches E3-Abo, und aktiviert wurde es im richtigen Konto."),
    ("en", "Hi, it's not an add-on, rather a plain E3 subscription, and it was activated in our main tenant."),
])
def test_a_thing_of_another_kind_in_place_keeps_the_denial(lang, text):
    assert read("licenses-not-visible", text, lang).get("is_addon") is False


# -- statements corrected, contacts, countries, roles and other organisations -----------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Die Domäne ist nicht verifiziert - Korrektur: sie ist doch verifiziert."),
    ("en", "Hi, no activation mail. The domain isn't verified - correction: it is verified after all."),
])
def test_a_statement_the_writer_corrects_is_withdrawn(lang, text):
    assert read("missing-activation-email", text, lang).get("domain_verified") is not False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, nach der Aktivierung fehlen die Lizenzen. Der Dienst ist in Frankreich verfügbar, unser Mandant "
           "wurde aber in Marokko angelegt."),
    ("en", "Hi, the licenses are missing after activation. The service is available in France, but our tenant was "
           "set up in Morocco."),
])
def test_a_service_offered_in_another_country_than_the_accounts_states_nothing(lang, text):
    assert "service_in_country" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Ich bin selbst globale Administratorin, unser OSM aber nicht."),
    ("en", "Hi, the activation mail is missing. I'm a global admin myself, but our OSM isn't."),
])
def test_a_role_denied_to_the_osm_by_ellipsis_is_not_the_osms(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Bei meinem früheren Arbeitgeber hatten wir das auch, da war die Domäne "
           "schon verifiziert."),
    ("en", "Hi, no activation mail. At my former employer we had the same thing, there the domain was already verified."),
])
def test_what_held_at_another_organisation_is_no_fact_of_the_case(lang, text):
    assert "domain_verified" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, bei unserer Schwestergesellschaft ist der OSM eine outlook.com-Adresse, bei uns ist es "
           "einkauf@nord-optik.example. Die Aktivierungsmail fehlt."),
])
def test_a_clause_back_at_the_writers_organisation_still_states(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_email") == "einkauf@nord-optik.example"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Visio-Lizenzen fehlen nach der Aktivierung. Es ist ein Add-on. Das Basisabo läuft über "
           "dieselbe Registrierung, meint jedenfalls meine Kollegin."),
    ("en", "Hi, the Visio licenses are missing after activation. It's an add-on. The base subscription is on the same "
           "enrollment, at least according to my colleague."),
])
def test_what_a_colleague_says_leaves_the_fact_open(lang, text):
    facts = read("licenses-not-visible", text, lang)
    assert facts.get("is_addon") is True and "base_same_enrollment" not in facts


@pytest.mark.parametrize(("lang", "flow", "fact", "text"), [
    ("de", "missing-activation-email", "junk_checked",
     "Hallo, keine Aktivierungsmail. Den Junk-Ordner habe nicht ich kontrolliert, sondern unsere IT-Abteilung."),
    ("en", "missing-activation-email", "junk_checked",
     "Hi, no activation email. The junk folder wasn't checked by me but by our IT department."),
    ("en", "missing-activation-email", "order_placed",
     "Hi, still no activation email. The order was not placed by us but by our reseller in October."),
])
def test_a_deed_denied_to_the_writer_but_done_by_another_is_not_denied(lang, flow, fact, text):
    assert read(flow, text, lang).get(fact) is not False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Vermeintlich ist die Domäne schon verifiziert, bestätigt hat das keiner."),
    ("en", "Hi, no activation email. Supposedly the domain is already verified, but nobody could confirm it."),
    ("en", "Hi, no activation email. The domain is verified for our tenant, as far as we know."),
])
def test_what_is_only_supposed_leaves_the_fact_open(lang, text):
    assert "domain_verified" not in read("missing-activation-email", text, lang)


# -- round 8: corrections that repeat only the predicate, kinds denied, mistakes denied, sourced labels


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Guten Tag, die Aktivierungsmail fehlt. Junk-Ordner nicht durchsucht – Korrektur: doch, durchsucht.", True),
    ("en", "Hello, still no activation email. Junk folder checked - correction: not checked, I mixed it up.", False),
])
def test_a_correction_that_repeats_only_the_predicate_states_it(lang, text, value):
    assert read("missing-activation-email", text, lang).get("junk_checked") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, eine Folgebestellung haben wir keine aufgegeben, es geht um die Aktivierungsmail der ersten "
           "Bestellung, die nie kam."),
    ("de", "Guten Tag, wir haben keine Nachbestellung gemacht. Die Aktivierungsmail für unser Abo fehlt trotzdem."),
])
def test_a_denied_kind_of_order_denies_no_order(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is not False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Bestellung aufgegeben bisher, wir warten aber schon auf die Aktivierungsmail."),
    ("en", "Hi, we have no order placed yet, but we are already waiting for the activation email."),
])
def test_a_denied_order_is_still_no_order(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, nach der Aktivierung sehen wir keine Lizenzen. Wir haben aber nicht versehentlich ein neues "
           "Konto erstellt, das haben wir geprüft."),
    ("en", "Hi, our licenses are not showing after activation. We did not accidentally create a new account, "
           "we checked that."),
])
def test_a_denied_mistake_leaves_the_account_open(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen nach der Aktivierung. Dienst in unserem Land verfügbar: laut unserem Händler nein."),
    ("en", "Hi, no licenses after activation. Service available in our country: according to our reseller no."),
])
def test_a_label_answer_after_its_source_is_read(lang, text):
    assert read("licenses-not-visible", text, lang).get("service_in_country") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser Azubi hat beim Aktivieren etwas Falsches geklickt. Jetzt sehen wir in unserem richtigen Tenant "
           "keine Lizenzen."),
    ("en", "Hi, our intern clicked something odd while activating. Please move the licenses to the right account."),
])
def test_the_right_account_only_named_is_not_stated(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen zu sehen. Wir brauchen sie im richtigen Konto, nicht im Testmandanten."),
    ("en", "Hi, the licenses are not showing. We need them activated in the right tenant."),
])
def test_an_account_needed_is_not_one_stated(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben mit gleichem Organisationsnamen verlängert. Das ist unsere einzige Registrierung im EA."),
    ("en", "Hi, we renewed with the same organization name. This is our only enrollment under the EA."),
])
def test_our_only_enrollment_is_no_several(lang, text):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is False


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, wir haben Teams Phone als Add-on bestellt. Im Admin Center taucht das Add-on nicht auf.", True),
    ("de", "Hallo, das Zusatzabo für Teams Phone erscheint im Portal nicht.", True),
    ("de", "Hallo, die Lizenzen fehlen. Ein Add-on ist es aber nicht, sondern ein eigenes Abo.", False),
    ("en", "Hi, we ordered Teams Phone as an add-on. The add-on does not show up in the admin center.", True),
    ("en", "Hi, the licenses are missing. It is not an add-on, it is a subscription of its own.", False),
])
def test_a_noun_whose_verb_is_denied_still_stands(lang, text, value):
    assert read("licenses-not-visible", text, lang).get("is_addon") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, verlängert mit gleichem Firmennamen. Weitere Registrierungen gibt es bei uns unter dem EA nicht."),
    ("en", "Hi, renewed with the same company name. There are no other enrollments under our EA."),
])
def test_enrollments_that_do_not_exist_are_denied(lang, text):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Lizenzen fehlen. Es ist ein Add-on zu E3, und E3 läuft über eine separate Registrierung."),
    ("en", "Hi, licenses missing after activation. This is an add-on for our E5, but E5 sits on a separate enrollment."),
])
def test_a_base_on_a_separate_enrollment_is_no_same_enrollment(lang, text):
    assert read("licenses-not-visible", text, lang).get("base_same_enrollment") is False


def test_our_sole_enrollment_is_no_several_en():
    text = "Hi, the renewal is done, we kept our organisation name and this is our sole enrollment."
    assert read("renewal-activation", text, "en").get("multiple_enrollments_same_org") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen zu sehen. Unser Admin hat extra darauf geachtet, nicht im falschen Konto zu "
           "aktivieren."),
    ("en", "Hi, the licenses are not visible. Our admin took care not to activate them on the wrong account."),
])
def test_what_the_writer_took_care_to_avoid_states_nothing(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen. Das Add-on wurde nicht über eine andere Registrierung bestellt als das Basisabo."),
    ("en", "Hi, no licenses. The add-on was not ordered under a different enrollment than the base."),
])
def test_a_noun_stays_when_its_phrase_after_it_is_denied(lang, text):
    facts = read("licenses-not-visible", text, lang)
    assert (facts.get("is_addon"), facts.get("base_same_enrollment")) == (True, True)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, nach der Aktivierung keine Lizenzen. In welchem Land der Dienst verfügbar ist, weiß ich nicht."),
    ("en", "Hi, no licenses after activation. Which country the service is available in I do not know."),
])
def test_an_indirect_question_the_writer_cannot_answer_states_nothing(lang, text):
    assert "service_in_country" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen. Ich weiß nicht, ob der Kollege, der den Link geöffnet hat, im richtigen Tenant "
           "angemeldet war."),
    ("en", "Hi, no licenses. I'm not 100% sure the colleague who opened the link was signed into the right tenant."),
])
def test_a_doubt_reaches_past_a_relative_clause(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen in unserem Tenant. Unser Dienstleister war beim Klick noch im Testkonto angemeldet."),
    ("de", "Hallo, keine Lizenzen sichtbar. Die sind offenbar in unserer Testumgebung gelandet."),
    ("en", "Hi, no licenses in our tenant. Our partner was still signed in to our test tenant when he clicked the link."),
])
def test_a_test_account_signed_into_is_the_wrong_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen. Der Berater war beim Aktivieren in seinem Demo-Mandanten angemeldet."),
    ("en", "Hi, no licenses visible. Our consultant clicked the link while logged in with his own trial account."),
])
def test_a_trial_or_demo_account_signed_into_is_the_wrong_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, verlängert. Der Organisationsname ist gleich, nicht sicher über weitere Registrierungen.", True),
    ("en", "Hi, we renewed. The organization name is the same as before, I'm not sure about other enrollments.", True),
    ("en", "Hi, we renewed with the same organization name, but I'm not sure about that.", None),
])
def test_a_doubt_about_a_named_thing_leaves_the_rest_stated(lang, text, value):
    assert read("renewal-activation", text, lang).get("same_org_name") is value


# -- statements the writer calls unsure or possibly outdated; blanked addresses ----------------


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("de", "Hallo, die Mail fehlt. Unser Kollege schrieb: „Die Aktivierungsmail ging an einen anderen Kontakt.“ Ob das "
           "stimmt, weiß ich nicht.", "sent_to_other_contact"),
    ("en", "Hi, no mail. Our IT lead wrote that the reservation is not effective. Whether that is true, I can't say.",
     "reservation_effective"),
])
def test_a_statement_the_writer_then_calls_unsure_states_nothing(lang, text, fact):
    assert read("missing-activation-email", text, lang).get(fact) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. In einer alten Notiz steht: OSM ist globaler Admin. Ob das heute noch gilt, "
           "weiß niemand."),
    ("en", "Hi, no activation mail. Our old runbook says the OSM mailbox is a global admin, but it might be outdated."),
])
def test_a_statement_the_writer_calls_possibly_outdated_states_nothing(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is None


@pytest.mark.parametrize("text", [
    "Die Adresse osm@firma-beispiel.de steht im VLSC, die Domäne firma-beispiel.de ist verifiziert.",
    "Our OSM is lea.kurz@example.org and the portal www.example.org shows nothing.",
    "Wir haben am 12.11.2026 bestellt, z.B. über den Partner.",
    "Nothing arrived, so we wait. The mail never came!",
])
def test_addresses_and_domains_are_blanked_as_the_full_pattern_blanks_them(text):
    assert without_names(text) == _NAMES.sub(_blank, text)
    assert ("@" in text) == ("0" * len("osm@firma-beispiel.de") in without_names(text) or "0" * len("lea.kurz@example.org") in without_names(text))


# -- dialect forms of the words a cue uses (knowledge/language/dialect_words.yaml) ----------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Servus, laut VLSC is die Aktivierungsmail an an andern Kontakt ganga, an unsern Steuerberater."),
])
def test_a_dialect_form_reads_as_the_standard_word(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


def test_swiss_forms_of_the_address_and_the_billing_admin():
    text = "Grüezi, d'Adrässe vo üsem OSM isch Abrächnigsadmin vo üsem aktuelle Microsoft-Konto."
    assert read("missing-activation-email", text, "de").get("osm_is_admin") is True


@pytest.mark.parametrize(("lang", "text", "same_name", "several"), [
    # "dasselbe" and its Low German "datselbe" say "gleich"; "nicht mehr als eine Registrierung" denies several
    ("de", "Moin, Verlängerung is rum, de Organisationsname is datselbe, und mehr als eine Registrierung hebbt wi nich.",
     True, False),
    ("de", "Hallo, der Organisationsname ist dasselbe geblieben.", True, None),
    ("en", "Hi, renewal done. We don't have more than one enrollment under the EA.", None, False),
])
def test_sameness_and_a_denied_count_of_enrollments(lang, text, same_name, several):
    facts = read("renewal-activation", text, lang)
    assert facts.get("same_org_name") is same_name
    assert facts.get("multiple_enrollments_same_org") is several


@pytest.mark.parametrize(("flow", "lang", "text", "fact", "value"), [
    ("missing-activation-email", "de", "Hallo, keine Aktivierungsmail. Die Reg. hängt schon an unserem OnlineKto.",
     "enrollment_linked", True),
    ("licenses-not-visible", "de", "Hallo, keine Lizenzen zu sehen. Aktivierung lief über das falsche Kto.", "right_account", False),
    ("licenses-not-visible", "de", "Hallo,\nLizenzen weg.\nZusatzabo: ja\nBasisabo mit gleicher RegNr: nein", "base_same_enrollment", False),
])
def test_a_shortened_word_reads_as_the_full_word(flow, lang, text, fact, value):
    assert read(flow, text, lang).get(fact) is value


def test_a_shortened_date_label_gives_its_date():
    facts = read("activation-link-expiry", "Hallo, der Link geht nicht. Kaufdat. 12.04.26. Bitte um Hilfe.", "de")
    assert facts.get("purchase_date") == date(2026, 4, 12)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\nhier Ihre automatische Antwort:\nMögliche Ursachen: Die Aktivierungs-E-Mail wurde an einen anderen "
           "Kontakt gesendet. Der Junk-Ordner wurde nicht geprüft.\nWas davon gilt bei uns?\n\nGruß\nJan Roth"),
    ("en", "Hi,\n\nthe auto-reply from your portal said: common causes are that the junk folder was not checked or the "
           "mail was sent to another contact. Which applies here?\n\nThanks\nJan Roth"),
])
def test_a_pasted_list_of_possible_reasons_states_nothing(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert "junk_checked" not in facts and "sent_to_other_contact" not in facts


def test_reasons_the_writer_checked_are_still_told():
    text = "Mögliche Ursachen haben wir geprüft: den Junk-Ordner hat bisher niemand angesehen."
    assert read("missing-activation-email", text, "de").get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ihr Kollege schrieb mir: Die Aktivierungsmail ging an einen anderen Kontakt. Das kann aber nicht sein, "
           "außer mir ist niemand eingetragen."),
    ("en", "Your colleague wrote that the activation email went to another contact. That can't be right, nobody else "
           "is listed."),
])
def test_what_the_writer_says_cannot_be_is_no_fact(lang, text):
    assert "sent_to_other_contact" not in read("missing-activation-email", text, lang)


# -- a list of reasons read elsewhere, opened by a plural noun of reasons and a colon ----------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, ein Kollege hat gegoogelt, Ursachen wären: OSM schon Admin, Domain verifiziert, Junk. Bei uns ist "
           "der OSM einkauf@lenz-moebel.de und die Mail fehlt."),
    ("en", "Hello, according to a forum the causes can be: the domain is verified, the OSM is an admin, junk. Our OSM is "
           "purchasing@lenz-furniture.com and the mail is missing."),
])
def test_a_list_of_reasons_read_elsewhere_states_nothing_but_the_writer_goes_on(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert "domain_verified" not in facts and "osm_is_admin" not in facts and facts.get("osm_email", "").startswith(("einkauf", "purchasing"))


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser OSM ist it@ober.de. Die Domäne ist verifiziert, Gründe für die fehlende Mail kenne ich nicht."),
    ("en", "Hi, our OSM is it@ober.com. The domain is verified; I don't know the reasons for the missing mail."),
])
def test_reasons_named_without_a_list_leave_the_writers_facts(lang, text):
    assert read("missing-activation-email", text, lang).get("domain_verified") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, hier die Auskunft vom vergangenen Jahr, weitergeleitet: „Der OSM ist bereits globaler Administrator.“ "
           "Jetzt fehlt die Aktivierungsmail erneut, OSM ist lizenz@horn-werk.de."),
    ("de", "Hallo, aus der Mail des Vorjahres: „Die Domäne ist bereits verifiziert.“ Diesmal geht es um eine neue Domäne."),
])
def test_a_quotation_of_an_earlier_years_mail_in_any_case_states_nothing(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert "osm_is_admin" not in facts and "domain_verified" not in facts


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, the activation mail never arrived. I logged into VLSC, went to the agreement under Activated Online "
           "Services, and it lists another contact as the recipient - a colleague from purchasing."),
    ("de", "Hallo, die Aktivierungsmail kam nie bei mir an. Ich habe mich im VLSC angemeldet, bin zur Vereinbarung unter "
           "Aktivierte Onlinedienste gegangen, und dort steht ein anderer Kontakt als Empfänger - eine Kollegin aus dem Einkauf."),
])
def test_a_cue_set_aside_as_the_writers_deed_leaves_the_sentences_next_cue(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Is that address an administrator of an existing Microsoft 365 account?", "Yes, it is billing administrator there."),
    ("de", "Ist die Adresse ein Administrator eines bestehenden Microsoft-365-Kontos?", "Ja, sie ist dort Abrechnungsadministrator."),
])
def test_an_inline_yes_naming_the_admin_role_of_the_questions_subject_settles_it(lang, question, answer):
    read_answer = extract_answer(Answer(question, answer, 0), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary)
    assert read_answer.facts.get("osm_is_admin") is True


def test_an_inline_yes_without_a_role_leaves_a_generic_admin_question_open():
    read_answer = extract_answer(Answer("Is that address an administrator of an existing Microsoft 365 account?", "Yes, it is.", 0),
                                 KB.flow("missing-activation-email"), TODAY, "en", KB.vocabulary)
    assert "osm_is_admin" not in read_answer.facts


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hello, the licences missing are an add-on (Visio). We compared both enrollment numbers, base 4xxxx21 and add-on "
           "4xxxx58, so not the same. What now?"),
    ("de", "Hallo, die fehlenden Lizenzen sind ein Add-On. Die Registrierungsnummern habe ich verglichen: Basis 3xxxx40, "
           "Add-On 3xxxx77, also nicht gleich."),
])
def test_compared_enrollment_numbers_judged_not_the_same_deny_the_same_enrollment(lang, text):
    assert read("licenses-not-visible", text, lang).get("base_same_enrollment") is False


def test_compared_enrollment_numbers_judged_the_same_do_not_deny_it():
    text = "Hello, the missing licences are an add-on. I compared the enrollment numbers: they are the same, not different."
    assert read("licenses-not-visible", text, "en").get("base_same_enrollment") is not False


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Our tenant sits in a country where, as I checked in our partner's documentation, the service has not been launched."),
    ("de", "Der Dienst wird in unserem Land, wie auf der Seite unseres Partners steht, nicht angeboten."),
])
def test_a_fact_set_aside_for_the_words_of_an_inserted_remark_is_read_without_it(lang, text):
    # the partner named in the remark owns nothing the clause tells: the clause around it states the fact
    assert read("licenses-not-visible", text, lang).get("service_in_country") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Our partner's tenant sits in a country where, as I checked, the service has not been launched."),
    ("de", "Im Land unseres Partners wird der Dienst, wie ich nachgelesen habe, nicht angeboten."),
])
def test_a_fact_of_another_owner_named_outside_the_remark_stays_set_aside(lang, text):
    assert "service_in_country" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "question", "answer", "fact", "value"), [
    ("de", "Ist die Domäne schon für ein Konto verifiziert?", "Das ist sie, seit dem Frühjahr.", "domain_verified", True),
    ("de", "Haben Sie im Junk-Ordner nachgesehen?", "Haben wir, da lag aber nichts.", "junk_checked", True),
    ("en", "Did you look in the junk folder?", "We did, found nothing.", "junk_checked", True),
    ("en", "Is the domain already verified?", "It isn't, not yet.", "domain_verified", False),
])
def test_an_inline_answer_echoing_its_question_states_the_fact(lang, question, answer, fact, value):
    read = extract_answer(Answer(question, answer, 0), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary)
    assert read.facts.get(fact) is value


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("de", "Haben Sie im Spam-Ordner nachgesehen?", "Durchgesehen, nichts gefunden."),
    ("en", "Did you look in the junk folder?", "Looked there, nothing in it."),
])
def test_an_inline_answer_whose_finding_is_negated_does_not_deny_the_check(lang, question, answer):
    read = extract_answer(Answer(question, answer, 0), KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary)
    assert read.facts.get("junk_checked") is not False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Domäne unseres OSM ist verifiziert, trotzdem kam keine Aktivierungsmail."),
    ("en", "Hi, our OSM's domain is verified, and still no activation email has arrived."),
])
def test_a_reading_changed_by_its_caller_leaves_the_next_reading_of_the_same_text_whole(lang, text):
    flow = KB.flow("missing-activation-email")
    first = extract_facts(clean_body(text), flow, date(2026, 11, 24), lang, KB.vocabulary)
    assert first.facts.get("domain_verified") is True
    assert isinstance(first.facts, dict) and isinstance(first.evidence, dict)
    first.facts.clear()  # a caller's own copy (a dialogue's facts)
    first.evidence.clear()
    again = extract_facts(clean_body(text), flow, date(2026, 11, 24), lang, KB.vocabulary)
    assert again.facts.get("domain_verified") is True and "domain_verified" in again.evidence


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, keine Aktivierungsmail. OSM ist lizenz@moor-optik.de; moor-optik.de ist bei uns längst verifiziert.", True),
    ("de", "Hallo, keine Aktivierungsmail für lizenz@moor-optik.de. moor-optik.de ist noch nicht verifiziert.", False),
    ("en", "Hi, no activation email for admin@bluefin-labs.com yet. bluefin-labs.com was verified in our tenant in March.", True),
])
def test_the_domain_named_by_its_name_states_whether_it_is_verified(lang, text, value):
    assert read("missing-activation-email", text, lang).get("domain_verified") is value

# -- reasons named as examples ("Gründe, z. B. ...", "causes such as ...") are no facts of the case --


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, nach der Aktivierung fehlen bei uns die Lizenzen. Ihre Hilfe nennt ja mögliche Ursachen, etwa dass "
           "der Dienst in einem Land nicht angeboten wird oder das Basisabo unter einer anderen Registrierung läuft. "
           "Woran liegt es bei uns?"),
    ("de", "Hallo, Lizenzen unsichtbar. Es gibt laut Ihrer Seite Gründe wie z. B. ein Add-on, dessen Basisabonnement eine "
           "andere Registrierungsnummer hat. Was sollen wir prüfen?"),
    ("en", "Hello, the licenses do not show up. The help page gives causes such as an add-on whose base subscription is "
           "under a different enrollment, or the service not being launched in a country. How can we tell?"),
])
def test_reasons_named_as_examples_state_nothing(lang, text):
    facts = read("licenses-not-visible", text, lang)
    assert not {"is_addon", "base_same_enrollment", "service_in_country"} & set(facts)


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Hallo, die Lizenzen fehlen. Gründe wie z. B. ein anderes Land kommen nicht in Frage. Es ist ein Add-on, "
           "und das Basisabo hat eine andere Registrierungsnummer.", "base_same_enrollment", False),
    ("en", "Hi, the licenses are missing. Reasons such as another country don't apply. It's an add-on, and the base "
           "subscription has a different enrollment number.", "base_same_enrollment", False),
])
def test_the_writers_own_sentence_after_reasons_named_as_examples_is_told(lang, text, fact, value):
    assert read("licenses-not-visible", text, lang).get(fact) is value


# -- a contact at the reseller named as a person is no recipient of the mail -------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, the activation mail has not come. Our reseller contact is Priya, she has been helpful."),
    ("en", "Hi, still no activation mail. Pasting the answer from my contact at the reseller below."),
    ("de", "Hallo, die Aktivierungsmail fehlt. Unser Händlerkontakt, Herr Lenz, ist informiert."),
])
def test_a_contact_at_the_reseller_named_as_a_person_is_no_recipient(lang, text):
    assert "sent_to_other_contact" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, the activation mail has not come. According to VLSC it went to a contact at our reseller."),
    ("de", "Hallo, die Aktivierungsmail fehlt. Im VLSC sehe ich, sie ging an einen Kontakt bei unserem Händler."),
])
def test_a_mail_that_went_to_a_contact_at_the_reseller_is_read(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "Hello, still no activation email. VLSC shows a different recipient for it, our former IT provider.", True),
    ("en", "Hi, no activation mail.\n| Check | Result |\n| VLSC shows another recipient | No |", False),
])
def test_vlsc_showing_another_recipient_tells_where_the_mail_went(lang, text, value):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is value
