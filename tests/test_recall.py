"""Facts a customer states in words the reader used to miss (dates: test_recall_dates.py):
roles told by what the writer is not, a country where the service is not offered, an earlier
activation of the same enrollment (new tickets in German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- a role told by the roles the writer does not have -------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, ich bin weder VLSC-Administrator noch Onlineadministrator, lediglich OSM. "
           "Wo finde ich die Reservierungen?"),
    ("de", "Hallo, ich bin kein Volumenlizenzierungsadministrator, sondern nur OSM. Reservieren klappt nicht."),
    ("en", "Hi, I'm not the VLSC administrator and not an online admin either, only the OSM. "
           "Why can't I make reservations?"),
])
def test_a_role_after_the_roles_denied_is_the_writers(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unsere Kollegin ist VLSC-Administratorin, nicht OSM. Wie reserviert sie Onlinedienste?"),
    ("en", "Hello, our colleague is the VLSC administrator, not the OSM. How does she reserve online services?"),
])
def test_a_role_denied_of_someone_else_is_no_role_of_the_writer(lang, text):
    assert "role" not in read("reservation-permission", text, lang)


# -- a bullet ends at its line --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, zu meiner Situation:\n- ich bin OSM unserer Registrierung\n"
           "- die Berechtigung 'Reservierung verwalten' hat mir niemand gegeben\nWarum sehe ich keine Reservierungen?"),
    ("en", "Hi, my situation:\n* I am the OSM of our enrollment\n"
           "* I do not have the 'Manage Reservation' permission\nWhy can't I see reservations?"),
])
def test_a_role_in_a_bullet_list_above_a_question_is_read(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm"


# -- the mail went to a person VLSC shows, who has left -------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, laut VLSC wurde die Aktivierungsmail an Frau Berger gesendet, die inzwischen ausgeschieden ist. "
           "Was nun?"),
    ("en", "Hi, in VLSC the activation mail shows as sent to tom.reed@example-corp.com, and Tom left the company "
           "in March. What now?"),
])
def test_mail_sent_to_a_person_who_left_went_to_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, keine Aktivierungsmail. Das VLSC zeigt keinen anderen Kontakt, nur unsere OSM-Adresse."),
    ("en", "Hello, no activation mail. VLSC shows no other contact than our OSM address."),
])
def test_vlsc_showing_no_other_contact_is_no_other_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is False


def test_junk_folder_nobody_went_through_is_not_checked():
    text = "Hallo, die Aktivierungsmail fehlt. Den Junk-Ordner hat noch keiner durchgesehen."
    assert read("missing-activation-email", text, "de").get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, keine Aktivierungsmail. Die Bestellung ist in der Lizenzzusammenfassung sichtbar.", True),
    ("de", "Hallo, keine Aktivierungsmail. Die Bestellung ist nicht in der Lizenzzusammenfassung sichtbar.", False),
    ("en", "Hi, no activation mail. The order is visible in the License Summary.", True),
])
def test_an_order_seen_in_the_license_summary_is_placed(lang, text, value):
    assert read("missing-activation-email", text, lang).get("order_placed") is value


# -- the account the licenses were activated on ---------------------------------------------


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, die Lizenzen fehlen. Sie wurden im richtigen Konto aktiviert, das habe ich geprüft.", True),
    ("de", "Hallo, die Lizenzen fehlen. Sie wurden in einem separaten Konto aktiviert, das ein Dienstleister angelegt hat.",
     False),
    ("en", "Hi, licenses missing. They were activated on the correct tenant, I checked.", True),
    ("en", "Hi, licenses missing. They were activated on a separate account a contractor created.", False),
])
def test_the_account_activated_on_is_read(lang, text, value):
    assert read("licenses-not-visible", text, lang).get("right_account") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Lizenzen fehlen. Ob sie im richtigen Konto aktiviert wurden, weiß ich nicht."),
    ("en", "Hi, the licenses are missing. They were activated on the right tenant, I think."),
])
def test_a_doubted_account_is_unknown(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


# -- "dort" / "there" after a country's name ---------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser Konto ist in Kasachstan registriert. Die Lizenzen fehlen nach der Aktivierung; "
           "laut Händler wird der Dienst dort bisher nicht angeboten."),
    ("en", "Hi, our tenant was created with Kazakhstan as its country. Licenses are missing after activation, "
           "and our reseller says the service hasn't launched there yet."),
])
def test_a_place_anaphor_after_a_country_is_that_country(lang, text):
    assert read("licenses-not-visible", text, lang).get("service_in_country") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Lizenzen fehlen nach der Aktivierung. Der Dienst wird dort nicht angeboten, sagt der Händler."),
    ("en", "Hi, our tenant is in Iceland. There aren't any licenses after activation."),
])
def test_a_place_anaphor_without_a_country_before_it_is_no_country(lang, text):
    assert "service_in_country" not in read("licenses-not-visible", text, lang)


# -- an earlier order's service activated; the only enrollment ---------------------------------


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, den Dienst aus der ersten Bestellung haben wir vor einem Jahr aktiviert. Für die Nachbestellung "
           "kam keine Aktivierungsmail.", True),
    ("de", "Guten Tag, unsere Registrierung hängt an unserem Onlinekonto, seit wir Teams aktiviert haben. "
           "Warum keine Mail für das neue Abo?", True),
    ("de", "Hallo, die Registrierung hängt an keinem Onlinekonto. Keine Aktivierungsmail.", False),
    ("en", "Hi, we activated the service from our first order in spring. For the new order no activation mail came.",
     True),
    ("en", "Hello, the enrollment is tied to our online account already. Why no activation mail this time?", True),
])
def test_an_enrollment_with_a_service_activated_before_is_linked(lang, text, value):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is value


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, wir haben verlängert, mit gleichem Organisationsnamen; es ist die einzige Registrierung unter "
           "unserem Vertrag. Keine Aktivierungsmail.", False),
    ("en", "Hi, we renewed with the same organization name, and this is the only enrollment under our agreement. "
           "No activation mail.", False),
    ("en", "Hi, we renewed with the same organization name, but it is not the only enrollment under our agreement.",
     True),
])
def test_the_only_enrollment_is_no_second_one(lang, text, value):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is value


# -- a permission the writer lacks is denied ---------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ich bin als OSM eingetragen, mir fehlt aber die Berechtigung 'Reservierung verwalten'. "
           "Warum kann ich nicht reservieren?"),
    ("de", "Guten Tag, Rolle im VLSC: OSM. Die Berechtigung Reservierung verwalten fehlt mir leider."),
    ("en", "Hi, I'm the OSM on our enrollment, but I'm lacking the Manage Reservation permission. "
           "Can I still reserve?"),
])
def test_a_permission_the_writer_lacks_is_not_held(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm"


def test_a_missing_feature_does_not_deny_a_permission_held():
    text = "Hallo, ich bin OSM und habe die Berechtigung 'Reservierung verwalten'. Trotzdem fehlt die Funktion."
    assert read("reservation-permission", text, "de").get("role") == "osm-manage-reservations"


# -- "next Monday"; the old provider; a new account by mistake; a name changed; Russland -------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail bisher. Laut Bestellung startet die Nutzung am kommenden Donnerstag."),
    ("en", "Hi, no activation mail so far. Per the order, usage starts this coming Thursday."),
])
def test_a_next_weekday_is_the_next_one_after_today(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 11, 26)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, im VLSC sehe ich: Die Mail ging an unseren alten IT-Dienstleister. Was tun?"),
    ("en", "Hi, VLSC shows the activation mail went to our old IT provider. What now?"),
])
def test_mail_that_went_to_the_old_provider_went_to_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, beim Aktivieren haben wir versehentlich ein neues Konto registriert. Jetzt fehlen die Lizenzen."),
    ("en", "Hi, during activation we accidentally registered a new account. Now the licenses are missing."),
])
def test_a_new_account_made_by_mistake_is_the_wrong_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


def test_a_company_name_changed_at_renewal_is_no_same_name():
    text = "Hallo, bei der Verlängerung haben wir den Namen geändert, die Firma heißt anders. Keine Aktivierungsmail."
    assert read("renewal-activation", text, "de").get("same_org_name") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, unser Tenant ist in Russland registriert, und dort wird der Dienst nicht angeboten. Lizenzen fehlen."),
    ("en", "Hi, our tenant is registered in Russia, where the service is not offered. Licenses are missing."),
])
def test_a_country_in_its_common_name_is_a_country(lang, text):
    assert read("licenses-not-visible", text, lang).get("service_in_country") is False


# -- more of the customer's words ------------------------------------------------------------


def test_war_makes_a_yearless_usage_start_past():
    text = "Hallo, Lizenzen fehlen. Der Nutzungsbeginn war der 1. Dezember."
    assert read("licenses-not-visible", text, "de").get("usage_start") == date(2025, 12, 1)


def test_was_makes_a_yearless_purchase_month_past():
    text = "Hi, the purchase was in March. Does the activation link still work?"
    assert read("activation-link-expiry", text, "en").get("purchase_date") == date(2026, 3, 1)


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, keine Aktivierungsmail. Wir haben bereits über diese Registrierung Teams aktiviert.", True),
    ("en", "Hi, no activation mail. We have activated Teams through this enrollment before.", True),
])
def test_a_service_activated_before_through_this_enrollment_links_it(lang, text, value):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is value


def test_trying_to_activate_through_the_enrollment_links_nothing():
    text = "Hi, we already tried to get it activated through this enrollment but the mail never came."
    assert "enrollment_linked" not in read("missing-activation-email", text, "en")


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, keine Aktivierungsmail. Spam-Ordner und Quarantäne sind sauber.", True),
    ("de", "Hallo, keine Aktivierungsmail. In den Junk-Ordner hab ich noch nicht geguckt.", False),
    ("en", "Hi, no activation mail. Spam folder is clean.", True),
])
def test_a_clean_junk_folder_is_checked(lang, text, value):
    assert read("missing-activation-email", text, lang).get("junk_checked") is value


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, im VLSC steht als Empfänger unser ehemaliger Einkäufer. Keine Aktivierungsmail bei mir.", True),
    ("en", "Hi, VLSC shows the activation mail was delivered to a former employee of ours.", True),
    ("de", "Hallo, laut VLSC ist die Mail an mich selbst gesendet worden, gefunden habe ich sie nicht.", False),
])
def test_the_recipient_vlsc_shows(lang, text, value):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is value


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Hallo, die Lizenzen fehlen. Es geht um ein Zusatzabo zu unserem E3.", "is_addon", True),
    ("de", "Hallo, die Lizenzen fehlen. Der Dienst ist in unserem Land noch nicht eingeführt.", "service_in_country", False),
    ("en", "Hi, licenses missing. Our tenant is in Kazakhstan and Microsoft doesn't offer the service there.",
     "service_in_country", False),
])
def test_addon_and_country_words(lang, text, fact, value):
    assert read("licenses-not-visible", text, lang).get(fact) is value


# -- labels: a lone "keine"/"none", a permission answered no; "statt" / "instead of" ------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben verlängert.\n- gleicher Organisationsname: ja\n- weitere Registrierungen: keine\nKeine Mail."),
    ("en", "Hi, we renewed.\n- same organization name: yes\n- other enrollments: none\nNo activation mail."),
])
def test_a_lone_none_after_a_label_answers_no(lang, text):
    assert read("renewal-activation", text, lang).get("multiple_enrollments_same_org") is False


def test_a_check_that_found_none_is_still_a_check():
    text = "Hallo, keine Aktivierungsmail.\n- Spam-Ordner geprüft: keine Mail gefunden"
    assert read("missing-activation-email", text, "de").get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\nRolle: OSM mit Berechtigung Reservierung verwalten: nein\nWarum kann ich nicht reservieren?"),
    ("en", "Hi,\nRole: OSM with the Manage Reservation permission: no\nWhy can't I reserve?"),
])
def test_a_permission_answered_no_in_a_label_is_not_held(lang, text):
    assert "role" not in read("reservation-permission", text, lang)  # not the OSM with it; unsure which


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Lizenzen wurden im Testtenant statt im richtigen Konto aktiviert."),
    ("en", "Hi, the licenses were activated on the test tenant instead of on the correct tenant."),
])
def test_the_right_account_after_instead_of_is_not_where_it_is(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


# -- a run of "label: value" lines: each line is a sentence of its own --------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag,\nOSM: lizenz@kanzlei-roth.de\nJunk-Ordner geprüft: ja\nDomäne verifiziert: nein\n"
           "OSM globaler Admin: nein\nBestellung aufgegeben: ja\nDie Mail kam trotzdem nicht."),
    ("en", "Hello,\nOSM: licensing@roth-law.com\nJunk checked: yes\nDomain verified: no\nOSM is global admin: no\n"
           "Order placed: yes\nThe mail still did not come."),
])
def test_each_label_line_answers_its_own_label(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert (facts["junk_checked"], facts["domain_verified"], facts["osm_is_admin"], facts["order_placed"]) == \
        (True, False, False, True)


def test_a_wrapped_line_with_a_colon_is_no_label_line():
    text = "Hallo, keine Aktivierungsmail. Unser OSM: it@kanzlei-roth.de, die Domäne ist bereits\nverifiziert."
    assert read("missing-activation-email", text, "de").get("domain_verified") is True


# -- a demonstrative after a dash points back at the OSM's address -----------------------------


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Hallo, keine Aktivierungsmail. Als OSM ist it@praxis-klein.de eingetragen – das ist unser globaler Admin.",
     True),
    ("en", "Hi, no activation mail. The OSM is it@klein-clinic.com - that is our billing admin on the existing account.",
     True),
    ("en", "Hi, no activation mail. The OSM is it@klein-clinic.com - that is not our global admin, just a shared mailbox.",
     False),
])
def test_a_demonstrative_after_a_dash_is_the_address(lang, text, value):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is value


def test_a_noun_after_a_dash_is_no_pointer():
    text = "Hallo, keine Aktivierungsmail. Als OSM ist it@praxis-klein.de eingetragen – Die Praxis hat einen globalen Admin."
    assert "osm_is_admin" not in read("missing-activation-email", text, "de")


# -- a date between a negated cue's words; the mail at an external provider; a reservation pending


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Die Reservierung vom 18.11. wurde bis heute nicht verarbeitet."),
    ("en", "Hi, no activation mail. The reservation placed 18 November 2026 still shows as pending."),
])
def test_a_reservation_not_effective_around_its_date(lang, text):
    assert read("missing-activation-email", text, lang).get("reservation_effective") is False


def test_mail_gone_to_the_external_provider_went_to_another_contact():
    text = "Hallo, laut VLSC ist die Aktivierungsmail an unseren externen Dienstleister gegangen. Bei mir kam nichts an."
    assert read("missing-activation-email", text, "de").get("sent_to_other_contact") is True


def test_what_a_colleague_sent_is_no_mail_sent_to_a_colleague():
    text = "Hi, forwarding what your colleague sent me last week. My colleague got the email address wrong, though."
    assert "sent_to_other_contact" not in read("missing-activation-email", text, "en")



@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Ich habe die Mail an Herrn Maier vom Händler geschickt und warte."),
    ("en", "Hi, no activation mail. We sent a question to a former colleague at the reseller, no answer yet."),
])
def test_mail_the_writer_sent_to_someone_is_no_activation_mail_sent_elsewhere(lang, text):
    assert "sent_to_other_contact" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, ich bin Onlineadministratorin im VLSC und möchte Onlinedienste reservieren. Wie geht das?"),
    ("en", "Hi, I'm an online administrator in VLSC and would like to reserve online services. How?"),
])
def test_the_online_administrator_in_either_form(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "ola"


# -- the OSM denied any admin role --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Unser OSM hat keine Adminrechte, in keinem Tenant."),
    ("de", "Guten Tag, der OSM ist kein Admin irgendeines Kontos. Trotzdem keine Aktivierungsmail."),
    ("en", "Hi, no activation email. Our OSM is not an admin of any tenant."),
    ("en", "Hello, the OSM has no admin rights anywhere, and the activation mail never came."),
])
def test_an_osm_denied_any_admin_role_is_no_admin(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ich selbst bin kein Admin, aber unser OSM ist globaler Admin im bestehenden Tenant."),
    ("en", "Hi, I'm not an admin myself, but our OSM is the global admin of our existing tenant."),
])
def test_the_writer_denied_an_admin_role_leaves_the_osm_admin(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is True


# -- the mail sent to a predecessor, a colleague or a department (other_people) -----------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, im VLSC steht, dass die Aktivierungsmail an meine Vorgängerin gegangen ist. Ich habe nichts bekommen."),
    ("de", "Guten Tag, laut VLSC wurde die Aktivierungs-E-Mail an einen Kollegen aus dem Einkauf geschickt."),
    ("en", "Hi, VLSC says the activation email went to my predecessor, who retired in June."),
    ("en", "Hello, according to VLSC the activation mail was sent to our accounting team, not to me."),
])
def test_mail_sent_to_another_person_of_the_company_went_to_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ich habe die Mail mit der Bestellbestätigung an meinen Kollegen geschickt. Die Aktivierungsmail fehlt."),
    ("de", "Hallo, die Rechnung wurde an die Buchhaltung geschickt, aber eine Aktivierungsmail kam nie."),
    ("en", "Hi, I sent the mail with the order details to my colleague. The activation mail is still missing."),
    ("en", "Hello, the invoice was sent to our finance team, but no activation email arrived."),
])
def test_other_mail_sent_to_a_colleague_says_nothing_of_the_activation_mail(lang, text):
    assert "sent_to_other_contact" not in read("missing-activation-email", text, lang)


# -- "nix" is "nichts"; the writer's side as the recipient ---------------------------------------


def test_nix_in_the_spam_folder_is_nothing_found_there():
    text = "Hallo, Aktivierungsmail fehlt. Auch im Spam nix gefunden."
    assert read("missing-activation-email", text, "de").get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Das VLSC zeigt uns als Empfänger an, trotzdem kam nichts."),
    ("en", "Hi, no activation mail. VLSC lists us as the recipient, yet nothing came."),
])
def test_the_writers_side_as_recipient_is_no_other_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is False


# -- the mail sent to nobody else, or to someone instead of the writer ----------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, laut VLSC ging die Aktivierungsmail an niemand anderen. Trotzdem kam nichts an."),
    ("en", "Hi, VLSC shows the activation mail went to nobody else. Still nothing arrived."),
])
def test_mail_sent_to_nobody_else_went_to_no_other_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, laut VLSC ging die Aktivierungsmail an unseren Dienstleister statt an mich."),
    ("en", "Hi, VLSC shows the activation email went to our consultant's address instead of to me."),
])
def test_mail_sent_elsewhere_instead_of_to_the_writer_went_to_another_contact(lang, text):
    assert read("missing-activation-email", text, lang).get("sent_to_other_contact") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, bitte schicken Sie die Aktivierungsmail statt an mich an die IT-Abteilung."),
    ("en", "Hi, please send the activation email to our IT team instead of me."),
])
def test_a_request_to_send_elsewhere_states_nothing_sent(lang, text):
    assert "sent_to_other_contact" not in read("missing-activation-email", text, lang)


# -- the reservation "greift": German for taking effect -------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Hallo, die Reservierung vom 20.11.2026 greift bis heute nicht, und eine Aktivierungsmail kam nicht.", False),
    ("Hallo, die Reservierung hat am 21.11.2026 gegriffen, trotzdem keine Aktivierungsmail.", True),
])
def test_a_reservation_that_greift_has_taken_effect(text, value):
    assert read("missing-activation-email", text, "de").get("reservation_effective") is value


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wann greift die Reservierung? Die Aktivierungsmail fehlt."),
    ("en", "Hi, we live in Austria and placed the reservation on Monday. No activation mail."),
])
def test_a_reservation_asked_about_or_live_as_a_verb_states_no_effect(lang, text):
    assert "reservation_effective" not in read("missing-activation-email", text, lang)


# -- checking named as a noun; what is still to be done states nothing ----------------------------


def test_a_check_of_the_spam_folder_named_as_a_noun_is_a_check():
    text = "Hallo, Aktivierungsmail fehlt.\nPrüfung des Spam-Ordners: erledigt.\nSichtung des Junk-Ordners: ohne Befund."
    assert read("missing-activation-email", text, "de").get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Die Prüfung des Junk-Ordners steht noch aus."),
    ("en", "Hi, the activation mail is missing. The junk folder is yet to be checked."),
])
def test_a_check_still_to_be_done_states_nothing(lang, text):
    assert "junk_checked" not in read("missing-activation-email", text, lang)


# -- the mail not landed in the junk folder --------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Im Spamordner ist sie auch nicht gelandet."),
    ("en", "Hi, the activation mail is missing. Nothing landed in junk either."),
    ("en", "Hello, no activation email. It's not sitting in spam."),
])
def test_mail_not_landed_in_the_junk_folder_means_it_was_checked(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Ob sie im Spam gelandet ist, haben wir nicht geprüft."),
    ("en", "Hi, no activation mail. We haven't checked whether it landed in spam."),
])
def test_not_checked_whether_it_landed_in_junk_is_no_check(lang, text):
    assert "junk_checked" not in read("missing-activation-email", text, lang)


# -- a usage start told by when the licences hold from ------------------------------------------


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Unser Abonnement gilt ab morgen, die Aktivierungsmail ist noch nicht da.", date(2026, 11, 25)),
    ("de", "Bestellt ist alles, die Laufzeit ab 10.12.2026 laut Händler. Aktivierungsmail bisher keine.", date(2026, 12, 10)),
    ("en", "We bought 35 licences starting on 9 December 2026 and no activation email has come.", date(2026, 12, 9)),
])
def test_a_usage_start_told_by_from_when_the_licences_hold(lang, text, day):
    assert read("missing-activation-email", text, lang).get("usage_start") == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der Händler sagt, die Bestellung ging nie raus, darum auch nichts in der Lizenzzusammenfassung."),
    ("en", "Our reseller never placed the order, therefore no licences in the License Summary either."),
])
def test_a_verbless_denial_after_a_conjunction_parts_a_cue(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "No activation email. Turns out our reseller never submitted the PO at all."),
    ("de", "Keine Aktivierungsmail. Der Händler hat die PO nie an Microsoft übermittelt, wie sich jetzt herausstellt."),
])
def test_a_purchase_order_is_an_order(lang, text):
    assert read("missing-activation-email", text, lang).get("order_placed") is False
