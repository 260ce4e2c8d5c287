"""Facts a ticket does not prove stay unknown (new tickets in German and English, bundled
knowledge base): a quoted mail the customer doubts, a permission named only hedged, two
sentences that disagree."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.search.matcher import Matcher
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()
MATCHER = Matcher(KB)


def triage(text: str):
    return triage_text(text, KB, MATCHER, TODAY)


# -- a quoted or forwarded mail the customer doubts states nothing -------------------------


@pytest.mark.parametrize("text", [
    "Hallo,\nunser Partner hat uns Folgendes geschickt:\n> Ihre OSM-Adresse ist bereits für einen Mandanten verifiziert.\n"
    "Ob das wirklich so ist, kann ich nicht bestätigen. Eine Aktivierungsmail haben wir jedenfalls nicht.",
    "Hi,\nour reseller replied:\n> The domain of your OSM is already verified for an online services account.\n"
    "Is that really correct? We never set up any tenant. Anyway, no activation email arrived.",
    "Moin,\n---------- Forwarded message ----------\n> Die Domain Ihres OSM wurde bereits verifiziert.\n"
    "Das bezweifle ich stark. Die Aktivierungsmail fehlt trotzdem.",
])
def test_a_doubted_quote_states_no_fact(text):
    r = triage(text)
    assert r.id == "activation-email-missing"
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Guten Tag,\nunser Lieferant meinte:\n> Das Kaufdatum war der 03.02.2026.\nIch weiß nicht, ob das korrekt ist. "
    "Ist der Aktivierungslink schon abgelaufen?",
    "Hello,\nthe partner wrote:\n> Purchase date: 2026-02-03\nI can't confirm that, our records differ. "
    "Has the activation link expired?",
])
def test_a_doubted_quoted_date_is_no_purchase_date(text):
    r = triage(text)
    assert r.id == "activation-link-expiry"
    assert "purchase_date" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo,\nsiehe unten die Mail unseres Händlers:\n> Das Kaufdatum war der 03.02.2026.\nIst der Aktivierungslink schon abgelaufen?",
    "Hi,\nsee below from our reseller:\n> Purchase date: 2026-02-03\nHas the activation link expired?",
])
def test_a_quote_the_customer_points_at_and_does_not_doubt_states_its_facts(text):
    assert triage(text).facts.get("purchase_date") == date(2026, 2, 3)


@pytest.mark.parametrize("text", [
    "Hallo,\nunser Händler schrieb:\n> Das Kaufdatum war der 03.02.2026.\nIst der Aktivierungslink schon abgelaufen?",
    "Hi,\nour reseller wrote:\n> Purchase date: 2026-02-03\nHas the activation link expired?",
])
def test_a_quote_the_customer_does_not_point_at_states_nothing(text):
    assert "purchase_date" not in triage(text).facts


# -- a permission named only hedged leaves the OSM's role open ------------------------------


@pytest.mark.parametrize(("text", "lang"), [
    ("Ich bin der OSM. Eventuell hat die Vertragsverwaltung mir das Reservierungsrecht erteilt, ich weiß es nicht. "
     "Kann ich Plätze reservieren?", "de"),
    ("I'm our OSM and I might have been granted reservation rights last year, not sure. "
     "Can I complete a license reservation?", "en"),
])
def test_a_hedged_permission_leaves_the_role_open(text, lang):
    r = triage(text)
    assert r.id == "osm-reservations" and r.lang == lang
    assert "role" not in r.facts and r.cause is None


# -- two sentences that disagree on a yes/no fact prove neither ------------------------------


@pytest.mark.parametrize("text", [
    "After activation our production tenant still lists no licenses. It turned out the licenses were activated "
    "in the wrong account, a test tenant from last year.",
    "Nach der Aktivierung zeigt unser Produktivtenant keine Lizenzen. Inzwischen wissen wir: aktiviert wurde im "
    "falschen Konto, einem alten Testmandanten.",
])
def test_disagreeing_sentences_leave_the_fact_open_or_take_the_clear_one(text):
    r = triage(text)
    assert r.facts.get("right_account") is not True


@pytest.mark.parametrize(("text", "lang"), [
    ("After activation our production tenant still lists no licenses.", "en"),
    ("Nach der Aktivierung zeigt unser Produktivtenant keine Lizenzen an.", "de"),
])
def test_a_deed_that_only_dates_what_follows_states_nothing(text, lang):
    r = triage(text)
    assert r.lang == lang and "right_account" not in r.facts


# -- a denied verb of showing or saying leaves its complement open ---------------------------


@pytest.mark.parametrize("text", [
    "Im VLSC steht nirgends, dass die Aktivierungsmail an einen anderen Kontakt ging. Trotzdem ist keine angekommen.",
    "The VLSC page doesn't indicate the activation mail went to a different contact. Still no mail here.",
    "No activation email here. VLSC doesn't show that it was sent to another contact either.",
])
def test_a_denied_report_states_nothing_of_its_complement(text):
    r = triage(text)
    assert r.id == "activation-email-missing"
    assert "sent_to_other_contact" not in r.facts and r.cause is None


@pytest.mark.parametrize(("text", "cause"), [
    ("Laut VLSC ging die Aktivierungsmail an einen anderen Kontakt. Wir haben sie nie bekommen.", "sent-to-other-contact"),
    ("Ehrlich gesagt hat niemand im Spam-Ordner nachgeschaut. Die Aktivierungsmail fehlt.", "junk-folder"),
    ("Honestly, nobody said anything to me, and nobody has looked in the junk folder yet. No activation email.",
     "junk-folder"),
])
def test_a_report_not_denied_still_states(text, cause):
    assert triage(text).cause == cause


# -- a belief closing the sentence reaches back over an adverb or a particle ----------------


@pytest.mark.parametrize("text", [
    "Our OSM domain hasn't been verified for any tenant yet, I believe. Still no activation email.",
    "The domain isn't verified though, I think. The activation email never came.",
    "Die Domäne ist für kein Konto verifiziert, denke ich zumindest. Die Aktivierungsmail fehlt.",
    "Verknüpft ist die Registrierung mit keinem Konto, glaube ich jedenfalls. Aktivierungsmail kam keine.",
])
def test_a_closing_belief_leaves_the_denial_open(text):
    r = triage(text)
    assert r.id == "activation-email-missing"
    assert "domain_verified" not in r.facts and "enrollment_linked" not in r.facts


def test_yet_opening_a_clause_is_still_a_contrast():
    r = triage("I think the junk folder is fine, yet nobody has actually checked the junk folder. No activation email.")
    assert r.facts.get("junk_checked") is False


# -- a denial whose place something else takes ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Unser OSM ist kein globaler Administrator, nur Abrechnungsadministrator im bestehenden Tenant. Keine Aktivierungsmail.",
    "Our OSM isn't a global admin, only a billing admin on the existing tenant. The activation email never arrived.",
])
def test_a_role_denied_and_replaced_by_another_admin_role_is_no_denial(text):
    assert triage(text).facts.get("osm_is_admin") is not False


@pytest.mark.parametrize("text", [
    "Die OSM-Domäne ist nicht bei einem fremden Mandanten verifiziert, sondern bei unserem eigenen. Aktivierungsmail kam keine.",
    "Our OSM domain is not verified with some other tenant but with our own one. No activation email though.",
])
def test_a_denied_phrase_replaced_is_no_denial_of_the_fact(text):
    assert triage(text).facts.get("domain_verified") is not False


@pytest.mark.parametrize("text", [
    "Bestellt haben wir noch gar nichts, nur eine Reservierung angelegt. Die Aktivierungsmail fehlt.",
    "We haven't ordered anything yet, we only made a reservation. Where is the activation email?",
    "No order so far; our reservation is still not effective, though. Activation email missing.",
])
def test_no_order_but_a_reservation_is_no_missing_order(text):
    r = triage(text)
    assert r.id == "activation-email-missing"
    assert r.facts.get("order_placed") is not False and r.cause != "no-order"


@pytest.mark.parametrize("text", [
    "Es wurde weder eine Bestellung noch eine Reservierung aufgegeben, sagt unser Händler. Daher wohl keine Aktivierungsmail?",
    "Our reseller says no order or reservation was ever submitted. Is that why there is no activation email?",
])
def test_no_order_and_no_reservation_stays_no_order(text):
    assert triage(text).cause == "no-order"


# -- a date corrected in the next sentence, or named another thing's date ------------------


@pytest.mark.parametrize("text", [
    "Der Aktivierungslink geht nicht mehr. Kaufdatum war der 20.09.2026. Korrektur: das war die Lieferung, "
    "gekauft haben wir schon am 02.03.2026. Ist der Link abgelaufen?",
    "The activation link fails. We purchased on 2026-09-20. Correction: 2026-09-20 is the invoice date, the purchase "
    "itself was on 2026-03-02. Has the link expired?",
])
def test_a_corrected_date_gives_way_to_the_new_one(text):
    r = triage(text)
    assert r.id == "activation-link-expiry"
    assert r.facts.get("purchase_date") == date(2026, 3, 2) and r.cause == "activation-link-expired"


@pytest.mark.parametrize("text", [
    "Kaufdatum 18.09.2026 laut Beleg? Nein, das ist das Zahlungsdatum. Läuft unser Aktivierungslink bald ab?",
    "Purchase date 2026-09-18 as on the receipt? No, that is the payment date. Will our activation link expire soon?",
])
def test_a_date_taken_back_by_no_is_no_purchase_date(text):
    r = triage(text)
    assert "purchase_date" not in r.facts and r.cause is None


# -- the date an order was submitted is no usage start ---------------------------------------


@pytest.mark.parametrize("text", [
    "Unser Händler hat die Bestellung am 28.10.2026 bei Microsoft eingereicht, der Nutzungszeitraum startet aber erst "
    "am 05.12.2026. Eine Aktivierungsmail gibt es noch nicht.",
    "Our partner submitted the order on 28 October 2026 for us; the licensed usage period starts on 5 December 2026. "
    "No activation email yet.",
])
def test_a_submission_date_is_not_the_usage_start(text):
    r = triage(text)
    assert r.facts.get("usage_start") == date(2026, 12, 5) and r.cause == "usage-start-pending"


# -- a supposition, a guess, someone else's word the writer rejects ---------------------------


@pytest.mark.parametrize("text", [
    "I reckon the junk folder was looked at by someone, but I'm the only one here today. No activation email.",
    "Let's say the usage start is 2 December 2026 - would the activation email come later? We have none so far.",
    "Mal angenommen, der Nutzungsbeginn ist der 02.12.2026: Kommt die Aktivierungsmail dann später? Bisher keine.",
    "Laut meiner Vorgesetzten ist unsere Domäne längst verifiziert, ich sehe das anders. Die Aktivierungsmail fehlt.",
    "My manager says the domain was verified ages ago. I don't think so. The activation email is missing.",
])
def test_a_supposed_guessed_or_rejected_fact_settles_nothing(text):
    r = triage(text)
    assert r.id == "activation-email-missing" and r.cause is None


# -- "today" beside a span back from it is no date of its own ---------------------------------


@pytest.mark.parametrize("text", [
    "Die Reservierung habe ich heute vor einer Woche angelegt, sie ist noch nicht wirksam. Keine Aktivierungsmail.",
    "I placed the reservation a week ago today and it is still not effective. No activation email.",
])
def test_today_beside_a_week_ago_counts_a_week_back(text):
    r = triage(text)
    assert r.facts.get("reservation_date") == date(2026, 11, 17)
    assert r.cause == "reservation-not-processed"


# -- what the next words doubt, leave unconfirmed or hedge again states nothing ---------------


@pytest.mark.parametrize("text", [
    "Meine Kollegin meinte am Telefon: Die Aktivierungsmail ging an unseren früheren OSM. Stimmt das überhaupt? Bei mir ist nichts.",
    "A colleague told me the activation email went to another contact. Is that really true? I have nothing.",
])
def test_a_statement_asked_about_right_after_states_nothing(text):
    r = triage(text)
    assert "sent_to_other_contact" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Der Nutzungsbeginn ist der 03.12.2026, so der Vertrieb, ich habe es nicht geprüft. Die Aktivierungsmail fehlt.",
    "Sales says the usage start is 3 December 2026, but I haven't verified that. The activation email is missing.",
])
def test_a_fact_left_unconfirmed_settles_nothing(text):
    r = triage(text)
    assert "usage_start" not in r.facts and r.cause is None


def test_a_denial_hedged_again_after_a_contrast_is_open():
    r = triage("Die OSM-Domäne ist in keinem unserer Tenants verifiziert, vielleicht aber beim Konzern. Keine Aktivierungsmail.")
    assert "domain_verified" not in r.facts


def test_a_tag_question_does_not_doubt_the_sentence_before():
    r = triage("Our reseller confirmed no order was ever placed. That explains the missing activation mail, right?")
    assert r.cause == "no-order"


# -- the day before yesterday, a closing "thinks", a doubt over coordinated roles -------------


@pytest.mark.parametrize(("text", "day"), [
    ("No activation email yet. Our usage period started the day before yesterday.", date(2026, 11, 22)),
    ("Keine Aktivierungsmail bisher. Der Nutzungsbeginn war vorgestern.", date(2026, 11, 22)),
])
def test_the_day_before_yesterday_is_two_days_back(text, day):
    r = triage(text)
    assert r.facts.get("usage_start") == day and r.cause is None


@pytest.mark.parametrize("text", [
    "No licences after activation. The add-on sits on another enrollment than the base subscription, our partner believes.",
    "Keine Lizenzen nach der Aktivierung. Das Add-on liegt auf einer anderen Registrierung als das Basisabo, vermutet unser Partner.",
])
def test_a_closing_someone_believes_leaves_the_fact_open(text):
    assert triage(text).cause is None


@pytest.mark.parametrize("text", [
    "I'm not sure whether I'm the OLA or just the OSM. Can I complete a reservation?",
    "Ich weiß nicht genau, ob ich OLA oder nur OSM bin. Kann ich eine Reservierung abschließen?",
])
def test_a_doubt_over_two_roles_names_neither(text):
    r = triage(text)
    assert "role" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "The OSM domain is, to my understanding, already verified for another tenant. No activation email.",
    "Die OSM-Domäne ist nach meinem Verständnis schon für einen Tenant verifiziert. Keine Aktivierungsmail.",
])
def test_an_understanding_is_a_belief(text):
    assert triage(text).cause is None


# -- a negated "every", a date of an invoice ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "No licences after activation. The service is not offered in every country, as far as I know, but it is in ours.",
    "Keine Lizenzen nach der Aktivierung. Der Dienst wird nicht in jedem Land angeboten, bei uns in Österreich aber schon.",
])
def test_a_denied_every_says_nothing_of_the_country(text):
    r = triage(text)
    assert r.facts.get("service_in_country") is not False and r.cause != "country-not-launched"


@pytest.mark.parametrize("text", [
    "Die Rechnung vom 14.06.2026 haben wir, das Kaufdatum kenne ich nicht. Ist der Aktivierungslink noch gültig?",
    "We have the invoice dated 2026-06-14, but I don't know the purchase date. Is the activation link still valid?",
])
def test_an_invoice_date_is_no_purchase_date(text):
    r = triage(text)
    assert "purchase_date" not in r.facts and r.cause is None


# -- the junk folder checked, the mail filters not: checked only in part -------------------------


@pytest.mark.parametrize("text", [
    "Im Junk-Ordner habe ich nachgesehen, in der Quarantäne unseres Spamfilters aber noch nicht. Keine Aktivierungsmail.",
    "We went through the junk folder; the quarantine of our mail filter hasn't been checked yet. No activation email.",
])
def test_junk_checked_only_in_part_is_unknown(text):
    r = triage(text)
    assert "junk_checked" not in r.facts


def test_junk_and_filters_checked_is_checked():
    r = triage("Junk-Ordner und Quarantäne des Mailfilters sind geprüft, die Aktivierungsmail ist nirgends.")
    assert r.facts.get("junk_checked") is True


@pytest.mark.parametrize("text", [
    "Die Lizenzen sind seit dem 02.03.2026 gültig, den Aktivierungslink haben wir nie geöffnet. Ist er abgelaufen?",
    "Our licences have been valid since 2026-03-02; we never opened the activation link. Has it expired?",
])
def test_the_date_licences_hold_from_is_no_purchase_date(text):
    r = triage(text)
    assert r.id == "activation-link-expiry" and "purchase_date" not in r.facts


@pytest.mark.parametrize(("text", "fact"), [
    ("Hi,\n\nyour colleague asked: 'Was it activated for the intended account (for example, not a test tenant)?' "
     "I cannot say yet, our contractor did it. We still see no licenses after activation.\n\nThanks\nAmy Cole", "right_account"),
    ("Hello,\n\nyour agent asked: \"Is the service offered in your country (some countries are not launched yet)?\" and I "
     "honestly can't tell. No licenses show up after activation.\n\nRegards\nAmy Cole", "service_in_country"),
    ("Hallo,\n\nIhr Kollege fragte: „Ist der Dienst in Ihrem Land (etwa Österreich) schon verfügbar?“ – das kann ich nicht "
     "sagen. Nach der Aktivierung sehen wir keine Lizenzen.\n\nGruß\nKai Brenner", "service_in_country"),
    ("Guten Tag,\n\nSie baten um den Nutzungsbeginn als Datum (Beispiel: 01.12.2026). Den muss ich erst beim Händler "
     "erfragen. Nach der Aktivierung sehen wir keine Lizenzen.\n\nGruß\nKai Brenner", "usage_start"),
])
def test_a_question_or_example_the_writer_quotes_states_nothing(text, fact):
    r = triage(text)
    assert r.id == "licenses-not-visible"
    assert fact not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi,\n\nstill nothing in the OSM's inbox. Perhaps, the activation mail went to another contact.\n\nBest\nNora Quinn",
    "Hallo,\n\nnoch keine Aktivierungsmail. Vielleicht ist die Mail aber an einen anderen Kontakt gegangen.\n\nGruß\nUwe Sand",
    "Hallo,\n\ndie Aktivierungsmail fehlt. Unter Umständen ging sie an einen anderen Kontakt.\n\nGruß\nUwe Sand",
    "Hallo,\n\ndie Aktivierungsmail fehlt. Es kann gut sein, dass unsere Domäne schon für einen Mandanten verifiziert ist.\n\nGruß\nUwe Sand",
    "Hello,\n\nthe activation email is missing. It could be that our domain is already verified for a tenant.\n\nBest\nNora Quinn",
    "Hello,\n\nno activation mail. Our OSM is most likely a global admin of the existing tenant.\n\nBest\nNora Quinn",
    "Hallo,\n\nnach meinem Kenntnisstand ist die Domäne bereits verifiziert. Eine Aktivierungsmail kam nicht.\n\nGruß\nUwe Sand",
    "Hello,\n\nto the best of my knowledge nobody looked in the junk folder. The activation mail is missing.\n\nBest\nNora Quinn",
])
def test_a_hedged_possibility_settles_no_cause(text):
    r = triage(text)
    assert r.id == "activation-email-missing"
    assert r.facts == {} and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo,\n\nbei der Erneuerung 2024 haben wir denselben Organisationsnamen genommen, da kam keine Mail. Dieses Jahr "
    "hat unser Einkauf unterschrieben, den Namen kenne ich nicht. Muss ich die neue Registrierung aktivieren?\n\nGruß\nUwe Sand",
    "Hi,\n\nwhen we renewed in 2023 we had two enrollments under the same organization name. This year we renewed only "
    "one. Do we need to activate the new enrollment?\n\nBest\nNora Quinn",
    "Hello,\n\nlast time we renewed, the organisation name stayed the same and nothing had to be activated. This renewal "
    "was signed by legal and I don't know which name they used. Do I need to activate it?\n\nBest\nNora Quinn",
])
def test_an_earlier_renewal_states_nothing_of_this_one(text):
    r = triage(text)
    assert r.id == "renewal-activation"
    assert r.facts == {} and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo,\n\nwir haben im Oktober mit demselben Organisationsnamen verlängert, 2023 übrigens auch schon. Muss ich die "
    "neue Registrierung aktivieren?\n\nGruß\nUwe Sand",
    "Hi,\n\nwe renewed this month and kept the same organization name. Do I need to activate the new enrollment?\n\nBest\nNora Quinn",
])
def test_this_renewal_told_beside_an_earlier_year_still_states(text):
    assert triage(text).facts.get("same_org_name") is True


@pytest.mark.parametrize(("text", "osm"), [
    ("Hi,\n\nour OSM used to be a private address (tom.reed@outlook.com) but our reseller changed it to "
     "it@reed-tools.example in October. Still no activation email.\n\nBest\nTom Reed", "it@reed-tools.example"),
    ("Hallo,\n\nals OSM war ursprünglich eine private Adresse (max.roth@outlook.com) eingetragen, inzwischen ist es "
     "lizenzen@roth-holz.example. Keine Aktivierungsmail.\n\nGruß\nMax Roth", "lizenzen@roth-holz.example"),
])
def test_an_address_named_beside_a_past_state_is_not_the_osm(text, osm):
    r = triage(text)
    assert r.facts.get("osm_email") == osm and r.cause is None


@pytest.mark.parametrize(("text", "topic"), [
    ("Hallo,\n\nmein Kollege hat seine Lizenzen damals im falschen Konto aktiviert, bei ihm lag es daran. Bei uns sind nach "
     "der Aktivierung jetzt auch keine Lizenzen zu sehen.\n\nGruß\nUwe Sand", "licenses-not-visible"),
    ("Hi,\n\na friend at another company had their licenses activated on the wrong account. We can't see any licenses "
     "after activation either and haven't checked which account was used.\n\nBest\nNora Quinn", "licenses-not-visible"),
    ("Hello,\n\nmy colleague in accounting searched her junk folder, nothing there. No activation email yet.\n\nBest\nNora Quinn",
     "activation-email-missing"),
])
def test_another_persons_own_thing_is_not_the_case(text, topic):
    r = triage(text)
    assert r.id == topic
    assert r.facts == {} and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo,\n\nals OSM soll künftig lizenzen@keller-glas.example eingetragen werden, bisher steht dort noch unser "
    "Geschäftsführer. Die Aktivierungsmail fehlt.\n\nGruß\nUwe Sand",
    "Hi,\n\nthe usage start is supposed to move to 2026-12-20 once our reseller amends the order. Right now there is "
    "no activation email.\n\nBest\nNora Quinn",
])
def test_what_is_only_to_be_so_is_no_fact(text):
    r = triage(text)
    assert r.id == "activation-email-missing"
    assert r.facts == {} and r.cause is None


@pytest.mark.parametrize(("text", "facts"), [
    ("Hallo,\n\nzu Ihren Fragen:\n> 1) Ist es ein Add-on, dessen Basisabonnement unter einer anderen Registrierung läuft?\n"
     "1) Nein, kein Add-on.\n> 2) Wurde für das richtige Konto aktiviert?\n2) Weiß ich noch nicht.\n\nGruß\nUwe Sand",
     {"is_addon": False}),
    ("Hi,\n\nanswers below:\n> Is it an add-on whose base subscription runs under another enrollment?\nNo, it is not an add-on.\n\n"
     "Best\nNora Quinn", {"is_addon": False}),
])
def test_a_no_to_a_question_of_two_things_denies_only_what_it_names(text, facts):
    r = triage(text)
    assert r.id == "licenses-not-visible"
    assert dict(r.facts) == facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi,\n\nour OSM contact, jana.roth@roth-kanzlei.example, never received the activation email.\n\nBest\nJana Roth",
    "Hallo,\n\nunser OSM-Kontakt jana.roth@roth-kanzlei.example hat keine Aktivierungsmail bekommen.\n\nGruß\nJana Roth",
])
def test_the_osm_contact_named_is_no_recipient_shown(text):
    assert "sent_to_other_contact" not in triage(text).facts


@pytest.mark.parametrize("text", [
    "Hi,\n\nVLSC lists our OSM as the contact who got the activation email, yet nothing arrived.\n\nBest\nJana Roth",
    "Hallo,\n\nim VLSC steht unser OSM als Kontakt, an den die Aktivierungsmail ging. Angekommen ist nichts.\n\nGruß\nJana Roth",
])
def test_vlsc_showing_the_osm_as_the_contact_denies_another(text):
    assert triage(text).facts.get("sent_to_other_contact") is False


@pytest.mark.parametrize("text", [
    "Hallo,\n\nich bin seit Oktober der OSM. Laut VLSC ging die Aktivierungsmail an meinen Vorgänger "
    "(r.lenz@outlook.com), der nicht mehr im Haus ist.\n\nGruß\nUwe Sand",
    "Hi,\n\nI took over as OSM last month. VLSC says the activation email was sent to my predecessor, "
    "d.price@outlook.com, who has left.\n\nBest\nNora Quinn",
])
def test_the_predecessors_address_is_not_the_osms(text):
    r = triage(text)
    assert "osm_email" not in r.facts and r.cause in (None, "sent-to-other-contact")


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndieses Jahr hat unsere Rechtsabteilung verlängert, unter welchem Namen weiß ich nicht. Bei der Verlängerung "
    "2023 hatten wir denselben Organisationsnamen verwendet. Muss ich die neue Registrierung aktivieren?\n\nGruß\nUwe Sand",
    "Hi,\n\nback in 2024 we renewed with the same organization name and nothing needed activating. Do we need to activate "
    "the new enrollment now?\n\nBest\nNora Quinn",
])
def test_a_renewal_dated_to_an_earlier_year_is_not_this_one_in_any_order(text):
    r = triage(text)
    assert r.id == "renewal-activation"
    assert "same_org_name" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi,\n\nour partner wrote: \"Your domain is already verified for a tenant.\" I'm not sure that's right, we never set "
    "one up. Still no activation email.\n\nBest\nNora Quinn",
    "Hallo,\n\nunser Partner schrieb: „Ihre Domäne ist schon für einen Mandanten verifiziert.“ Ich bin nicht sicher, ob "
    "das stimmt. Die Aktivierungsmail fehlt weiterhin.\n\nGruß\nUwe Sand",
])
def test_a_statement_the_writer_is_not_sure_of_states_nothing(text):
    r = triage(text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi,\n\nno activation email here. The OSM should be office.lee@outlook.com, I haven't checked VLSC.\n\nBest\nNora Quinn",
    "Hallo,\n\nkeine Aktivierungsmail. Als OSM sollte eigentlich buero.lee@outlook.com eingetragen sein.\n\nGruß\nUwe Sand",
])
def test_an_address_that_should_be_the_osms_is_no_fact(text):
    r = triage(text)
    assert "osm_email" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi,\n\nno one ever told us the order wasn't placed, and it shows in the license summary. Where is the activation "
    "email?\n\nBest\nNora Quinn",
    "Hallo,\n\nniemand hat uns mitgeteilt, dass die Bestellung nicht aufgegeben wurde. Wo bleibt die Aktivierungsmail?\n\nGruß\nUwe Sand",
])
def test_a_denied_telling_states_nothing_of_what_it_would_tell(text):
    r = triage(text)
    assert r.facts.get("order_placed") is not False and r.cause != "no-order"


@pytest.mark.parametrize("text", [
    "Hallo,\n\nlaut Ihrer Mail gilt: Ist eine Reservierung mehr als 25 Stunden nicht wirksam, soll man sich melden. Wir "
    "haben aber eine normale Bestellung aufgegeben. Keine Aktivierungsmail.\n\nGruß\nUwe Sand",
    "Hi,\n\naccording to your email a reservation that is not effective after 25 hours needs support. We placed a normal "
    "order though, no reservation. No activation email.\n\nBest\nNora Quinn",
])
def test_a_rule_quoted_from_support_states_nothing_of_the_case(text):
    r = triage(text)
    assert "reservation_effective" not in r.facts and r.cause is None


def test_a_forwarded_header_address_on_top_is_no_osm():
    text = ("---------- Forwarded message ----------\nFrom: Kim Lee <kim.lee@outlook.com>\nSubject: VL activation\n"
            "Not sure what happened there.\n----------------------------------------\n"
            "Hi support, forwarding Kim's note. The activation email for our new enrollment never came.")
    r = triage(text)
    assert "osm_email" not in r.facts and r.cause is None


@pytest.mark.parametrize(("text", "purchase"), [
    ("Hallo,\n\nder Aktivierungslink geht nicht. Die Rechnung ist vom 15.03.2026, gekauft haben wir laut Händler früher, "
     "das genaue Datum weiß ich nicht.\n\nGruß\nUwe Sand", None),
    ("Hi,\n\nwe had planned to buy on 2026-03-01 but only bought on 2026-10-05. Is the activation link still valid?\n\n"
     "Best\nNora Quinn", date(2026, 10, 5)),
])
def test_an_invoice_or_planned_date_is_no_purchase_date(text, purchase):
    r = triage(text)
    assert r.id == "activation-link-expiry"
    assert r.facts.get("purchase_date") == purchase and r.cause != "activation-link-expired"


@pytest.mark.parametrize("text", [
    "Hi,\n\nthe activation link doesn't work. My colleague bought licenses for his department on 2026-02-01; ours were "
    "bought separately, I don't know when. Has our link expired?\n\nBest\nNora Quinn",
    "Hallo,\n\nder Aktivierungslink geht nicht. Meine Kollegin hat ihre Lizenzen am 01.02.2026 gekauft, unsere wurden "
    "separat bestellt, wann weiß ich nicht. Ist unser Link abgelaufen?\n\nGruß\nUwe Sand",
])
def test_another_persons_purchase_date_is_not_ours(text):
    r = triage(text)
    assert "purchase_date" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi,\n\nour subsidiary's domain is already verified for their tenant. Ours is brand new and the activation email never "
    "came.\n\nBest\nNora Quinn",
    "Hello,\n\nour partner's OSM is a global admin of their existing tenant. We have no tenant yet and got no activation "
    "email.\n\nBest\nNora Quinn",
])
def test_another_organisations_thing_named_with_an_apostrophe_is_theirs(text):
    r = triage(text)
    assert r.facts.get("domain_verified") is not True and r.facts.get("osm_is_admin") is not True and r.cause is None
