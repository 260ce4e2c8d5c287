"""The flows' yes/no cue phrases (knowledge/flows/*.yaml) on new tickets in German and English:
each case states a fact in words a customer uses, read straight from the text."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- the account the licences were activated for ------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "right"), [
    ("de", "Hallo, nach der Aktivierung sehen wir keine Visio-Lizenzen. Aktiviert haben wir sie im richtigen "
           "Konto, das hat unser Admin zweimal geprüft.", True),
    ("de", "Guten Tag, keine Lizenzen sichtbar. Die Aktivierung lief in unserem produktiven Tenant.", True),
    ("de", "Hallo, Lizenzen fehlen. Die Lizenzen wurden leider nicht im vorgesehenen Konto aktiviert, sondern "
           "im Konto unseres Dienstleisters.", False),
    ("de", "Hallo, Lizenzen fehlen. Unser Praktikant hat sie in einem separaten Konto aktiviert, das er selbst "
           "angelegt hatte.", False),
    ("en", "Hi, no licences after activating Project. We activated them in the right tenant, I checked it "
           "myself.", True),
    ("en", "Hello, licences missing. The activation was done in our production tenant.", True),
    ("en", "Hi, licences missing. Our intern signed in with his own trial, so the licences went there and not "
           "to the account we intended.", False),
    ("en", "Hi, licences missing. We found out they were activated on a separate account our consultant created.",
     False),
])
def test_the_account_activated_is_told_right_or_wrong(lang, text, right):
    assert read("licenses-not-visible", text, lang).get("right_account") is right


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Lizenzen fehlen. Wurden sie überhaupt im richtigen Konto aktiviert?"),
    ("en", "Hi, licences missing. We want to be sure they get activated in the right tenant next time."),
])
def test_an_account_asked_about_or_wished_for_states_nothing(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


# -- the recipient VLSC shows ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "other"), [
    ("de", "Hallo, wo bleibt die Aktivierungsmail? Die Aktivierungsmail ging laut VLSC an Frau Albers, die "
           "inzwischen in Elternzeit ist.", True),
    ("de", "Guten Tag, die Aktivierungs-E-Mail wurde an Herrn Kuhn geschickt, unseren alten Einkäufer.", True),
    ("de", "Hallo, keine Aktivierungsmail. Als Empfänger steht im VLSC ein Kollege aus der Buchhaltung.", True),
    ("de", "Hallo, keine Aktivierungsmail. Das VLSC zeigt unseren OSM als Empfänger.", False),
    ("de", "Hallo, keine Aktivierungsmail. Das VLSC zeigt keinen anderen Kontakt an.", False),
    ("en", "Hi, no activation mail here. VLSC has a colleague from purchasing as the recipient.", True),
    ("en", "Hello, in VLSC the contact at our reseller is shown as the one who received the activation mail.",
     True),
    ("en", "Hi, no activation mail. VLSC shows our OSM as the recipient.", False),
    ("en", "Hi, no activation mail. VLSC shows no other contact.", False),
])
def test_the_recipient_vlsc_shows_is_another_contact_or_not(lang, text, other):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is other


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Das VLSC zeigt als Empfänger unseren ehemaligen OSM."),
    ("en", "Hi, no activation mail. VLSC shows our former OSM as the recipient."),
])
def test_a_former_osm_shown_as_recipient_is_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


# -- an add-on and its base on an old and a new enrollment --------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser Visio-Add-on fehlt. Das Add-on steht auf der neuen Registrierung, während das Basisabo "
           "weiter auf der alten Registrierung steht."),
    ("de", "Guten Tag, das Add-on fehlt im Portal. Das Add-on wurde unter einer neuen Registrierung bestellt, während "
           "die Basis auf der alten Registrierung läuft."),
    ("en", "Hi, our Visio add-on is missing. The base plan is on our old enrollment, the add-on went onto the new "
           "one."),
    ("en", "Hello, the add-on is missing. Our partner put the add-on on a new enrollment, while the base plan "
           "stays on the old enrollment."),
])
def test_an_add_on_on_a_new_enrollment_and_its_base_on_the_old_one_differ(lang, text):
    facts = read("licenses-not-visible", text, lang)
    assert (facts.get("is_addon"), facts.get("base_same_enrollment")) == (True, False)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, das Add-on fehlt. Das Basisabo ist von der alten Registrierung zur neuen umgezogen, das Add-on "
           "liegt auch auf der neuen Registrierung."),
    ("en", "Hi, the add-on is missing. The base plan moved from the old enrollment to the new one, and the add-on "
           "sits on the new one too."),
])
def test_a_base_moved_from_the_old_enrollment_is_not_on_it(lang, text):
    assert "base_same_enrollment" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, das Add-on fehlt. Das Basisabo kommt von einer anderen Registrierung."),
    ("en", "Hi, the add-on is missing. Our base plan comes from a different enrollment."),
])
def test_a_base_that_comes_from_another_enrollment_is_on_another_one(lang, text):
    assert read("licenses-not-visible", text, lang).get("base_same_enrollment") is False


# -- nothing activated before, an order in the licence summary ------------------------------------


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Das ist unser erster Onlinedienst, bisher wurde über diese "
           "Registrierung nichts aktiviert.", "enrollment_linked", False),
    ("de", "Guten Tag, keine Aktivierungsmail. Zuvor wurde nichts aktiviert, es ist unser erster Auftrag.",
     "enrollment_linked", False),
    ("en", "Hi, no activation mail for Visio. We never activated anything before, this is our first online service.",
     "enrollment_linked", False),
    ("de", "Hallo, keine Aktivierungsmail. Die Bestellung steht seit Montag in der Lizenzzusammenfassung.",
     "order_placed", True),
    ("en", "Hello, no activation mail yet. The order shows in the License Summary since Monday.", "order_placed", True),
    ("en", "Hi, the activation mail is missing. The order is not in the License Summary.", "order_placed", False),
])
def test_more_wordings_of_the_missing_mail_facts(lang, text, fact, value):
    assert read("missing-activation-email", text, lang).get(fact) is value


# -- a date without a year that something "is" is the nearest one --------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, gekauft haben wir im Oktober, der Nutzungsbeginn ist der 3. Dezember. Die Aktivierungsmail "
           "fehlt."),
    ("en", "Hi, we ordered Visio in October, and our usage date is December 3. No activation mail so far."),
])
def test_a_usage_start_that_is_a_date_after_a_past_order_is_the_coming_one(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 12, 3)


# -- licences valid from a date --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Hallo, die Aktivierungsmail ging laut VLSC an die Adresse eines ehemaligen Mitarbeiters.",
     "sent_to_other_contact", True),
    ("de", "Guten Tag, im VLSC steht: die Mail wurde an eine falsche Adresse geschickt.", "sent_to_other_contact", True),
    ("de", "Hallo, das VLSC sagt, die Mail ist an unseren Händler gegangen.", "sent_to_other_contact", True),
    ("en", "Hi, VLSC says the activation email went to a previous employee.", "sent_to_other_contact", True),
    ("en", "Hello, according to VLSC the mail was sent to the wrong person.", "sent_to_other_contact", True),
    ("de", "Hallo, keine Aktivierungsmail. Die Reservierung ist seit vier Tagen ausstehend.", "reservation_effective",
     False),
    ("en", "Hi, no activation mail. Our reservation has been pending for four days.", "reservation_effective", False),
])
def test_more_wordings_of_the_recipient_and_the_reservation(lang, text, fact, value):
    assert read("missing-activation-email", text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text", "flow"), [
    ("de", "Hallo, keine Aktivierungsmail. Die Lizenzen gelten ab dem 01.12.2026.", "missing-activation-email"),
    ("de", "Hallo, nach der Aktivierung keine Lizenzen. Laufzeitbeginn ist der 01.12.2026.", "licenses-not-visible"),
    ("en", "Hi, no activation mail. Our licenses are valid from 2026-12-01.", "missing-activation-email"),
    ("en", "Hi, no licenses after activation. The licenses are valid from 2026-12-01.", "licenses-not-visible"),
])
def test_licences_valid_from_a_date_start_then(lang, text, flow):
    assert read(flow, text, lang).get("usage_start") == date(2026, 12, 1)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Der Link ist gültig ab dem 01.12.2026."),
    ("en", "Hi, no activation mail. The link is valid from 2026-12-01."),
])
def test_a_link_valid_from_a_date_is_no_usage_start(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


# -- licences on another account, an add-on called otherwise, a standalone subscription ------------


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Hallo, Lizenzen fehlen. Beim Aktivieren hat unser Azubi versehentlich ein neues Konto angelegt.",
     "right_account", False),
    ("de", "Guten Tag, keine Lizenzen sichtbar. Sie wurden in einem anderen Mandanten aktiviert.",
     "right_account", False),
    ("en", "Hi, no licences visible. Our trainee accidentally created a new account while activating.",
     "right_account", False),
    ("en", "Hello, the licences are missing; they ended up in a different tenant.", "right_account", False),
    ("de", "Hallo, die Lizenzen für unser Zusatzabo fehlen nach der Aktivierung.", "is_addon", True),
    ("de", "Hallo, Lizenzen fehlen nach der Aktivierung. Es ist ein eigenständiges Abonnement.", "is_addon", False),
    ("en", "Hi, licences missing after activation. It is a standalone subscription.", "is_addon", False),
])
def test_more_wordings_of_the_account_and_the_add_on(lang, text, fact, value):
    assert read("licenses-not-visible", text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Lizenzen fehlen. Früher hatten wir andere Dienste in einem anderen Konto aktiviert."),
    ("en", "Hi, licences missing. We must not activate them in another tenant by accident, how do we avoid it?"),
])
def test_another_account_of_other_services_or_a_worry_states_nothing(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


# -- the OSM's address named again is the OSM ---------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "other"), [
    ("de", "Hallo, keine Aktivierungsmail. Unser OSM ist lizenzen@baeckerei-roth.de. Im VLSC steht "
           "lizenzen@baeckerei-roth.de als Empfänger.", False),
    ("en", "Hi, no activation mail. Our OSM is licensing@roth-bakery.com. VLSC lists licensing@roth-bakery.com "
           "as the recipient.", False),
])
def test_the_osm_address_shown_as_recipient_is_no_other_contact(lang, text, other):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is other


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Unser OSM ist lizenzen@baeckerei-roth.de. Im VLSC steht "
           "info@baeckerei-roth.de als Empfänger."),
    ("en", "Hi, no activation mail. Our OSM is licensing@roth-bakery.com, and VLSC lists info@roth-bakery.com as "
           "the recipient."),
])
def test_another_address_shown_as_recipient_is_not_the_osm(lang, text):
    assert "sent_to_other_contact" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, die Aktivierungsmail kam nie an. Im VLSC sehe ich, dass sie an unseren alten Dienstleister "
           "verschickt wurde."),
    ("en", "Hi, the activation email never arrived. VLSC shows it went to our old IT provider."),
])
def test_a_mail_sent_to_our_old_provider_went_to_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


# -- the order or reservation named right after a usage start cue says whose start it is ---------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, seit gestern aktiviert, aber keine Lizenzen. Nutzungsbeginn laut Reservierung: 01.12.2026."),
    ("en", "Hi, activated last week, but no licences. Usage start on the reservation: 2026-12-01."),
])
def test_a_usage_start_of_the_reservation_is_the_usage_start(lang, text):
    assert read("licenses-not-visible", text, lang).get("usage_start") == date(2026, 12, 1)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen nach der Aktivierung. Die Reservierung haben wir am 20.11.2026 aufgegeben."),
    ("en", "Hi, no licences after activation. We placed the reservation on 2026-11-20."),
])
def test_the_day_a_reservation_was_placed_is_no_usage_start(lang, text):
    assert "usage_start" not in read("licenses-not-visible", text, lang)


# -- a German add-on and base on "der neuen" and "der alten" (the noun left out) ------------------


@pytest.mark.parametrize(("lang", "text", "same"), [
    ("de", "Hallo, das Add-on fehlt. Das Basisabo läuft über die alte Registrierung, das Add-on wurde unter der "
           "neuen bestellt.", False),
    ("de", "Hallo, das Add-on fehlt. Das Add-on liegt auf der neuen Registrierung, die Basis auf der alten.", False),
    ("en", "Hi, the add-on is missing. The base plan runs on the old enrollment, the add-on on the new one.", False),
])
def test_an_add_on_and_base_on_the_new_and_the_old_one_differ(lang, text, same):
    assert read("licenses-not-visible", text, lang).get("base_same_enrollment") is same


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, das Add-on fehlt. Das alte Basisabo und das neue Add-on stehen beide in unserem Tenant."),
    ("en", "Hi, the add-on is missing. Our old base plan and the new add-on are both in the tenant."),
])
def test_an_old_base_and_a_new_add_on_name_no_enrollments(lang, text):
    assert "base_same_enrollment" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Wir haben das EA verlängert, der Orgname ist der gleiche wie vorher."),
    ("de", "Verlängerung ist durch, Org-Name unverändert."),
    ("en", "We renewed the EA; the org name is unchanged."),
])
def test_a_short_form_of_the_organisation_name_is_read(lang, text):
    assert read("renewal-activation", text, lang).get("same_org_name") is True


# -- negations a cue reads as its own: "weder ... noch", "nirgends", "neither", "nowhere" ---------


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Hallo, bisher kam keine Aktivierungsmail. Weder eine Bestellung noch eine Reservierung hat unser "
           "Einkauf angelegt.", "order_placed", False),
    ("de", "Die Aktivierungsmail fehlt. Die OSM-Adresse ist nirgends Abrechnungsadministrator, das haben wir "
           "geprüft.", "osm_is_admin", False),
    ("en", "No activation email yet. The mail is neither in the spam folder nor in the inbox.", "junk_checked", True),
])
def test_a_negation_that_denies_like_not_is_read_as_not(lang, text, fact, value):
    assert read("missing-activation-email", text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Die Aktivierungsmail fehlt. Unser Online Services Manager ist im bestehenden Konto als "
           "Abrechnungsadministratorin eingetragen.", True),
    ("en", "No activation email so far. Our Online Services Manager is not a billing admin anywhere.", False),
])
def test_the_online_services_manager_named_in_full_as_billing_admin(lang, text, value):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im VLSC sehe ich, dass die Aktivierungsmail an jemand anderen geschickt wurde, vermutlich an die IT."),
    ("en", "According to VLSC the activation email was delivered to a different contact in our finance team."),
])
def test_a_mail_delivered_to_someone_else_went_to_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail kam nie. In der Lizenzzusammenfassung im VLSC steht bei uns nichts."),
    ("en", "Still no activation mail, and there is nothing in VLSC under License Summary."),
])
def test_an_empty_license_summary_named_with_its_portal_is_no_order(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is False


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Unter Aktivierte Onlinedienste steht bei uns als Empfänger der Mail Herr Stein aus unserer "
           "Buchhaltung – nicht ich als Teamleiter. Angekommen ist bei mir nichts.", True),
    ("de", "Im VLSC steht uns als Empfänger, es gibt keinen anderen Kontakt.", False),
    ("en", "No activation mail. VLSC lists for us as the recipient a colleague from sales.", True),
])
def test_us_after_a_preposition_of_place_is_no_recipient(lang, text, value):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail bekommen, in der Lizenzzusammenfassung steht halt gar nichts."),
    ("en", "No activation mail, and under License Summary there is simply nothing."),
])
def test_a_modal_particle_between_the_words_of_a_negated_cue(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is False


def test_a_country_in_its_common_german_name_is_a_country():
    text = "Lizenzen nach der Aktivierung unsichtbar. Laut Händler ist der Dienst in Moldawien nicht verfügbar."
    assert read("licenses-not-visible", text, "de").get("service_in_country") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Licenses missing. Our consultant clicked the link while signed in to a partner tenant of theirs."),
    ("de", "Keine Lizenzen sichtbar: Beim Aktivieren war die Kollegin im Mandanten unseres Partners angemeldet."),
])
def test_a_partner_tenant_signed_in_to_is_the_wrong_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Laut VLSC ist der Empfänger ein Kollege aus dem Vertrieb, der schon lange nicht mehr bei uns ist."),
    ("en", "VLSC names Ms Park as the recipient, who is no longer with us since spring."),
])
def test_a_recipient_no_longer_with_us_is_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Keine Aktivierungsmail. Unser OSM hat keinerlei Adminrechte in irgendeinem Konto.", "osm_is_admin", False),
    ("en", "No activation email. VLSC shows the mail was received by our bookkeeper.", "sent_to_other_contact", True),
])
def test_keinerlei_denies_and_a_bookkeeper_is_another_contact(lang, text, fact, value):
    assert read("missing-activation-email", text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Unsere OSM hat im Mandanten keine Adminrechte."),
    ("en", "No activation mail. Our OSM has in our tenant no admin rights."),
])
def test_the_account_named_between_the_words_of_a_denial(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Aktivierungsmail fehlt noch. Junk-Ordner und Filterregeln: ungeprüft."),
    ("en", "Activation mail still missing. Junk folder: unchecked so far."),
])
def test_a_word_with_a_negative_prefix_is_not_its_cue(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is not True


# -- round 16: cues for what tickets wrote differently ------------------------------------------

@pytest.mark.parametrize(("flow", "lang", "text", "fact", "value"), [
    ("missing-activation-email", "de", "Keine Aktivierungsmail. Eine Bestellung gibt es noch keine, der Einkauf wartet "
                                       "auf das Budget.", "order_placed", False),
    ("missing-activation-email", "de", "Keine Aktivierungsmail. Im VLSC steht, eine andere Person hat sie erhalten.",
     "sent_to_other_contact", True),
    ("missing-activation-email", "en", "No activation email. VLSC says the activation mail went to another person.",
     "sent_to_other_contact", True),
    ("missing-activation-email", "en", "No activation mail.\n- licences visible in License Summary: yes\n- junk: checked",
     "order_placed", True),
    ("licenses-not-visible", "de", "Keine Lizenzen zu sehen. Die Lizenzen sind nicht im beabsichtigten Konto gelandet, "
                                   "sondern bei der Tochterfirma.", "right_account", False),
    ("licenses-not-visible", "de", "Keine Lizenzen zu sehen. In Ungarn wird der Dienst erst ab 2027 angeboten.",
     "service_in_country", None),
])
def test_round16_wordings(flow, lang, text, fact, value):
    assert read(flow, text, lang).get(fact) is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Nutzungsbeginn ist der 01.02.2027, sicher weiß ich das aber erst nächste Woche."),
    ("en", "No activation mail. The usage start is 1 February 2027, but I will only know that for sure next week."),
])
def test_a_date_the_writer_will_only_know_later_stays_open(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("flow", "text", "fact", "value"), [
    ("licenses-not-visible", "Grüezi, mir gsehnd kei Lizänze. S'isch es Add-on und d'Basis hät di gliich Registrierigsnummer.",
     "base_same_enrollment", True),
    ("renewal-activation", "Grüezi, under üsem EA hämmer drei Registrierige mit em gliiche Name.", "multiple_enrollments_same_org", True),
    ("licenses-not-visible", "Grüezi, kei Lizänze. De Dienst isch i de Schwiiz verfüegbar, sait de Händler.", "service_in_country", True),
])
def test_swiss_german_forms_read_as_the_cue_words(flow, text, fact, value):
    assert read(flow, text, "de").get(fact) is value


# -- "other" and "different" for "another" in the other-contact cues ----------------------------


@pytest.mark.parametrize("text", [
    "Hi, still no activation email. VLSC says it was delivered to some other contact.",
    "Hello, no activation mail here. According to VLSC it went to a different contact.",
])
def test_other_or_different_contact_reads_the_other_contact(text):
    assert read("missing-activation-email", text, "en").get("sent_to_other_contact") is True
