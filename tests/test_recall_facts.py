"""Settled-cause recall of the ticket reader outside the missing-mail flow: weak cues, inflected
synonyms, someone else's role, start dates told with "gilt ab", events as points in time, and the
topic of a ticket that sees no licences (bundled knowledge base, German and English)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.search.cache import load
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.triage import triage_text

KB = load_knowledge_base()
TODAY = date(2026, 11, 24)


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


# -- a weak cue: "richtiger Tenant" as an item of its own, or after a form of "sein" ---------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Lizenzen fehlen seit der Aktivierung. Kurz zum Stand: kein Zusatzprodukt, korrekter Mandant, Dienst in Irland verfügbar."),
    ("de", "Keine Lizenzen sichtbar. Beim Einlösen des Links waren wir im richtigen Konto, das haben wir zweimal geprüft."),
    ("de", "Uns fehlen die Lizenzen. Der Tenant ist der richtige, daran liegt es nicht."),
    ("en", "Licences don't show up. Status: not an add-on, right tenant, service offered in Norway."),
    ("en", "Nothing under Licenses after activation, although we were signed in to the correct account."),
    ("en", "We see no licences. The tenant is correct, we double-checked that."),
])
def test_a_right_account_listed_or_stated_is_read(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Nach der Aktivierung ist in unserem richtigen Konto keine einzige Lizenz zu finden."),
    ("de", "Wie bekommen wir die Lizenzen in den richtigen Tenant?"),
    ("en", "In our correct tenant there is not a single licence to be found."),
    ("en", "Right after the activation our tenant showed nothing at all."),
    ("en", "Could you move the licences to the right account for us, please."),
    ("de", "Die Lizenzen sind im richtigen Konto nicht sichtbar."),
    ("en", "The licences are not visible in the correct tenant."),
])
def test_a_right_account_only_named_states_nothing(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is not True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Lizenzen sind nicht sichtbar. Leider lief die Aktivierung über das falsche Konto, wir wollen sie im richtigen Konto haben."),
    ("en", "No licences visible. We realised the link was used in the wrong tenant; they should be in the correct tenant."),
])
def test_a_weak_right_account_yields_to_a_wrong_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Seit der Aktivierung zeigt unser Produktivkonto keine Lizenzen."),
    ("en", "Since activation our production tenant has shown zero licences."),
])
def test_an_activation_as_a_point_in_time_names_no_account(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


# -- inflected forms of a synonym take its group's word -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Verlängerung lief unter identischem Firmennamen, eine weitere Registrierung gibt es bei uns nicht."),
    ("de", "Wir haben mit gleichem Organisationsnamen verlängert und besitzen nur eine einzige Registrierung."),
])
def test_an_inflected_sameness_word_is_the_same_name(lang, text):
    assert read("renewal-activation", text, lang).get("same_org_name") is True


# -- someone else's role, when their sentence asks about their reserving -------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Unser Onlineadministrator möchte für die neue Registrierung Plätze reservieren. Geht das?", "ola"),
    ("de", "Unsere OLA will morgen Lizenzen reservieren. Klappt das mit ihrer Rolle?", "ola"),
    ("de", "Unser Onlineadministrator (OLA) möchte Plätze für Teams reservieren. Darf er das?", "ola"),
    ("de", "Die Kollegin aus dem Einkauf ist VLSC-Administratorin und will eine Onlinereservierung anlegen. Darf sie das?",
     "vlsc-admin"),
    ("en", "Our online administrator would like to reserve seats for Teams Phone. Is that allowed?", "ola"),
    ("en", "The colleague who tries to reserve licences is our OSM, with no further permissions. Can he?", "osm"),
])
def test_someone_elses_role_asked_about_for_reserving_is_read(lang, text, expected):
    assert read("reservation-permission", text, lang).get("role") == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Unsere Onlineadministratorin kann Reservierungen anlegen. Kann ich das als Einkäufer auch?"),
    ("en", "Our VLSC administrator reserves licences all the time. May I reserve too?"),
])
def test_someone_elses_role_is_not_read_when_the_writer_asks_for_themselves(lang, text):
    assert "role" not in read("reservation-permission", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Unsere VLSC-Administratorin fragt, ob unser OSM Reservierungen anlegen darf."),
    ("en", "Our VLSC admin wants to know whether our OSM may reserve seats."),
])
def test_two_roles_of_others_leave_the_role_open(lang, text):
    assert "role" not in read("reservation-permission", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM ohne zusätzliche Rechte. Kann ich reservieren?"),
    ("de", "Ich bin als OSM eingetragen und habe keine Berechtigung zum Verwalten von Reservierungen."),
    ("en", "I am the OSM without any additional permission. Can I reserve licences?"),
])
def test_an_osm_without_further_permissions_is_the_plain_osm(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm"


# -- a start date told with "gilt ab", "valid from" -----------------------------------------------


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Keine Lizenzen zu sehen. Unser Vertrag gilt ab gestern.", date(2026, 11, 23)),
    ("de", "Lizenzen nicht sichtbar, die Nutzung ab heute laut Auftrag.", date(2026, 11, 24)),
    ("en", "Licences not visible; the subscription is valid from today.", date(2026, 11, 24)),
])
def test_a_relative_start_date_after_a_word_of_validity_is_read(lang, text, day):
    assert read("licenses-not-visible", text, lang).get("usage_start") == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Seit gestern warten wir, und bis heute sehen wir keine Lizenzen."),
    ("en", "As of today we still see no licences, and since yesterday nothing changed."),
])
def test_a_loose_relative_word_is_no_start_date(lang, text):
    assert "usage_start" not in read("licenses-not-visible", text, lang)


# -- the topic of a ticket that sees no licences ---------------------------------------------------


@pytest.fixture(scope="module")
def served():
    return load()


@pytest.mark.parametrize("text", [
    "Seit der Aktivierung sehen wir keine Lizenzen. Ob wir damals im richtigen Konto eingeloggt waren, kann keiner mehr sagen.",
    "We cannot see any licences since activating. Whether we were logged in to the right tenant back then, nobody remembers.",
])
def test_a_ticket_that_sees_no_licences_is_not_advice_before_activation(served, text):
    kb, matcher = served
    result = triage_text(text, kb, matcher, TODAY)
    assert result.match.id == "licenses-not-visible"
    assert "right_account" not in result.facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Lizenzen unsichtbar. Geprüft haben wir: Zusatzabo: nein, Tenant: korrekt, Land: unterstützt."),
    ("en", "No licences. Our checks: add-on: no, account: correct, country: supported."),
])
def test_a_right_account_given_as_a_label_is_read(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is True


# -- a day's date beside its month says which day ---------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Gekauft haben wir im März 2026, und zwar am 9. März 2026. Geht der Link noch?"),
    ("en", "We purchased in March 2026, on 9 March 2026 to be precise. Does the link still work?"),
])
def test_a_days_date_refines_its_month(lang, text):
    assert read("activation-link-expiry", text, lang).get("purchase_date") == date(2026, 3, 9)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ich bin als OSM eingetragen. Kann ich Lizenzen reservieren?", "osm-reservations"),
    ("Wir sind als OSM eingetragen. Dürfen wir Lizenzen reservieren?", "osm-reservations"),
    ("I'm entered as the OSM on the enrollment. Can I reserve licences?", "osm-reservations"),
])
def test_a_torn_ticket_is_decided_by_its_sure_question(served, text, expected):
    kb, matcher = served
    assert triage_text(text, kb, matcher, TODAY).match.id == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Lizenzen fehlen. Stand: Zusatzabo: nein | Tenant: korrekt | Land: Dienst verfügbar"),
    ("en", "Licences missing. Checklist: add-on: no | right tenant: yes | service offered in our country: yes"),
])
def test_a_pipe_parts_the_items_of_a_checklist(lang, text):
    facts = read("licenses-not-visible", text, lang)
    assert facts.get("is_addon") is False and facts.get("right_account") is True


# -- seats are licences; "ab morgen nutzbar" and "hab gestern" are dates --------------------------


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("en", "No licences visible. The 40 seats starting on the 2nd of December 2026 are in our order.", date(2026, 12, 2)),
    ("de", "Lizenzen nicht zu sehen. Die 40 Plätze starten laut Auftrag am 02.12.2026.", date(2026, 12, 2)),
    ("de", "Keine Lizenzen im Portal. Laut Händler sind sie ab morgen nutzbar.", date(2026, 11, 25)),
])
def test_a_usage_start_of_seats_or_told_after_the_date_is_read(lang, text, day):
    assert read("licenses-not-visible", text, lang).get("usage_start") == day


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Ich hab gestern gekauft. Wie lange gilt der Aktivierungslink?", date(2026, 11, 23)),
    ("de", "Kauf war vorgestern. Verfällt der Aktivierungslink irgendwann?", date(2026, 11, 22)),
])
def test_a_relative_purchase_date_after_a_short_verb_is_read(lang, text, day):
    assert read("activation-link-expiry", text, lang).get("purchase_date") == day


def test_seats_named_before_do_not_take_the_pronoun_of_the_enrollment():
    text = "We added 30 seats under the same enrollment. It was linked to our online account back in 2023."
    assert read("missing-activation-email", text, "en").get("enrollment_linked") is True


@pytest.mark.parametrize(("lang", "text", "same"), [
    ("en", "Renewal signed. The organisation name on the new enrollment matches the previous one exactly.", True),
    ("en", "Renewal signed. The company name on the new enrollment doesn't match the earlier one.", False),
    ("de", "Verlängerung unterschrieben. Der Organisationsname stimmt mit dem bisherigen überein.", True),
])
def test_a_name_that_matches_is_the_same_name(lang, text, same):
    assert read("renewal-activation", text, lang).get("same_org_name") is same


def test_the_old_one_is_no_count_of_enrollments():
    text = "Renewal signed. The organisation name on the new enrollment does not match the old one."
    assert "multiple_enrollments_same_org" not in read("renewal-activation", text, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Unser OSM hat letztes Jahr problemlos Plätze reserviert. Dieses Jahr klappt es nicht."),
    ("de", "Unsere OLA hat gekündigt. Wer kann jetzt reservieren?"),
    ("en", "Our OSM reserved seats last year without any trouble."),
    ("en", "Our OLA has left; who may reserve licences now?"),
])
def test_someone_elses_role_told_or_asked_of_anyone_is_not_read(lang, text):
    assert "role" not in read("reservation-permission", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Lizenzen zu sehen. Ich hoffe, wir waren beim Aktivieren im richtigen Tenant."),
    ("en", "No licences showing. Hopefully we were in the correct tenant when activating."),
])
def test_a_right_account_hoped_for_is_not_stated(lang, text):
    assert "right_account" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Kaufdatum ist der 03.09.2026. Korrektur: Kaufdatum war der 03.03.2026. Ist der Link noch gut?", date(2026, 3, 3)),
    ("en", "We purchased the licences on 5 September 2026. Correction: we purchased them on 5 April 2026.", date(2026, 4, 5)),
])
def test_a_sentence_opening_with_a_correction_retells_an_earlier_date(lang, text, day):
    assert read("activation-link-expiry", text, lang).get("purchase_date") == day


@pytest.mark.parametrize("text", [
    "Die Aktivierung ist erledigt und die Lizenzen tauchen im Admin Center auf. Wir wechseln zeitgleich von E3 auf E5. "
    "Was steht jetzt noch an?",
    "Activation is done and the licences are in the admin center. We are moving 40 people from E3 to E5 at the same "
    "time. What is left for me to do?",
])
def test_tasks_after_a_done_activation_are_not_tasks_after_a_renewal(served, text):
    kb, matcher = served
    assert triage_text(text, kb, matcher, TODAY).match.id == "after-activation"


@pytest.mark.parametrize("text", [
    "New to buying online services through Volume Licensing here. Do you have a VLSC handbook covering activation "
    "and adding services?",
    "Wir kaufen zum ersten Mal Onlinedienste über Volumenlizenzierung. Gibt es ein VLSC-Handbuch bezüglich Aktivierung "
    "und Rollen?",
])
def test_a_word_taking_the_activation_as_its_topic_names_no_other_kind(served, text):
    kb, matcher = served
    assert triage_text(text, kb, matcher, TODAY).match.outcome != "no_match"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Vereinbarungsadministratorin hat unserem OSM gestern die Berechtigung Reservierung verwalten gegeben. "
           "Kann er jetzt reservieren?"),
    ("en", "Our agreement admin granted our OSM the Manage Reservation permission yesterday. Can he reserve now?"),
])
def test_someone_elses_role_given_the_permission_is_read(lang, text):
    assert read("reservation-permission", text, lang).get("role") == "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Keine Lizenzen zu sehen, obwohl das Abonnement am 03.11.2026 gestartet ist.", date(2026, 11, 3)),
    ("de", "Lizenzen fehlen. Die Nutzung hat laut Händler vorgestern begonnen.", date(2026, 11, 22)),
])
def test_a_usage_start_told_in_the_perfect_is_read(lang, text, day):
    assert read("licenses-not-visible", text, lang).get("usage_start") == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Fragebogen\n1. Problem: keine Aktivierungsmail\n2. Registrierung bereits verknüpft: ja"),
    ("en", "Checklist\n- problem: no activation email\n- enrollment already linked: yes"),
])
def test_the_enrollment_linked_already_without_its_account_named(lang, text):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is True


def test_the_enrollment_asked_whether_linked_stays_open():
    text = "Keine Aktivierungsmail. Falls die Registrierung schon verknüpft ist, kommt dann keine Mail?"
    assert read("missing-activation-email", text, "de").get("enrollment_linked") is None


# -- the wrong account told as a test account's compound, the intended one denied, "rather than ours" -----


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Lizenzen sichtbar. Die Lizenzen wurden versehentlich für unser Testkonto aktiviert."),
    ("de", "Wir finden die Lizenzen nicht. Sie sind im Test-Konto gelandet, der Kollege war dort noch angemeldet."),
    ("en", "No licences visible. They were activated on our old reseller's tenant instead of ours."),
    ("en", "Licenses missing: they landed in the tenant of our holding rather than ours."),
])
def test_licences_activated_elsewhere_deny_the_right_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is False


@pytest.mark.parametrize(("lang", "text", "offered"), [
    ("de", "Keine Lizenzen im Portal. Die Schweiz wird bedient, das haben wir nachgesehen.", True),
    ("de", "Keine Lizenzen im Portal. Laut Microsoft wird unser Land noch nicht bedient.", False),
    ("de", "Keine Lizenzen im Portal. Österreich wird nicht unterstützt, sagt der Händler.", False),
    # the country as the place of someone who helps, served or supported, says nothing of the service
    ("de", "Keine Lizenzen im Portal. Unser Händler in Österreich hat uns nicht unterstützt.", None),
    ("en", "No licences in the portal. Our office in Ireland is served by our reseller.", None),
])
def test_a_country_served_or_supported_is_the_service_offered(lang, text, offered):
    assert read("licenses-not-visible", text, lang).get("service_in_country") is offered


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag,\n\nOSM-Adresse: h.voss@voss-reisen.de\nDomäne schon verifiziert? nein\n"
           "Mail laut VLSC an anderen Kontakt? nein\nJunk geprüft? ja\n\nTrotzdem keine Aktivierungsmail."),
    ("en", "Hello,\n\nOSM address: h.voss@voss-travel.ie\nDomain verified already? no\n"
           "VLSC shows another contact? no\nJunk checked? yes\n\nStill no activation email."),
])
def test_a_checklist_of_questions_answered_on_their_lines_is_read_line_by_line(served, lang, text):
    kb, matcher = served
    facts = triage_text(text, kb, matcher, TODAY).facts
    assert facts.get("osm_email", "").startswith("h.voss@")
    assert facts.get("domain_verified") is False and facts.get("sent_to_other_contact") is False
    assert facts.get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text", "linked"), [
    ("de", "Hallo, keine Aktivierungsmail. Es ist unsere erste Registrierung, da war bisher nichts verknüpft.", False),
    ("de", "Hallo, keine Aktivierungsmail. Die Registrierung ist neu und wurde noch nie aktiviert.", False),
    # not the first order: more licences under the enrollment say nothing about a service activated before
    ("de", "Hallo, keine Aktivierungsmail. Es ist nicht die erste Bestellung unter dieser Registrierung.", None),
])
def test_nothing_linked_before_denies_the_enrollment_link(lang, text, linked):
    assert read("missing-activation-email", text, lang).get("enrollment_linked") is linked


@pytest.mark.parametrize(("lang", "text"), [
    # licences not shown for an account say nothing about where they were activated
    ("de", "Hallo, die Lizenzen werden nicht für unser Firmenkonto angezeigt."),
    ("de", "Hallo, unsere Tochterfirma hat ihr Konto letztes Jahr aktiviert, bei uns fehlen alle Lizenzen."),
    ("en", "Hi, our parent company activated their account last year; ours shows no licences at all."),
])
def test_licences_missing_for_an_account_name_no_wrong_account(lang, text):
    assert read("licenses-not-visible", text, lang).get("right_account") is None


# -- round 17: cue words of the flows ----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "fact", "value"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Die Quarantäne haben wir nicht geprüft.", "junk_checked", False),
    ("en", "Hi, no activation mail yet. We checked quarantine, nothing there.", "junk_checked", True),
    ("en", "Hi, still no mail. VLSC shows me as recipient, not somebody else.", "sent_to_other_contact", False),
    ("en", "Hi, the activation mail arrived at our old OSM, not at me.", "sent_to_other_contact", True),
    ("de", "Hallo, keine Aktivierungsmail. Im VLSC steht als Empfänger ein ehemaliger Kollege.", "sent_to_other_contact", True),
    ("de", "Reservierung: vor drei Tagen\nwirksam: nein\nAktivierungsmail: keine", "reservation_effective", False),
    ("de", "Grüezi, Aktivierigsmail fehlt.\n- Reservierig wirksam: ja", "reservation_effective", True),
])
def test_round_17_cues_of_the_missing_mail(lang, text, fact, value):
    assert read("missing-activation-email", text, lang).get(fact) is value


def test_a_swiss_month_is_read():
    text = "Grüezi, Aktivierigsmail fehlt.\n- Nutzigsbeginn: 3. Dezämber 2026"
    assert read("missing-activation-email", text, "de").get("usage_start") == date(2026, 12, 3)


@pytest.mark.parametrize(("flow", "lang", "text", "fact", "value"), [
    ("licenses-not-visible", "en", "Hello, no licences visible. Our tenant is in a country where this service is not supported yet.",
     "service_in_country", False),
    ("renewal-activation", "en", "Hi, we renewed and signed the new enrollment, org name like the old one.", "same_org_name", True),
    ("renewal-activation", "de", "Hallo, Verlängerung unterschrieben, Organisationsname wie beim alten Vertrag.", "same_org_name", True),
    ("licenses-not-visible", "de", "Servus, Lizenzen sind keine da. In der Schweiz gibts den Dienst aber.", "service_in_country", True),
    ("licenses-not-visible", "de", "Servus, Lizenzen sind keine da. In Serbien gibts den Dienst noch nicht.", "service_in_country", False),
])
def test_round_17_cues_of_other_flows(flow, lang, text, fact, value):
    assert read(flow, text, lang).get(fact) is value
