"""Which date fact a date in a ticket gives, if any, on new tickets in German and English
(bundled knowledge base, read through `extract_facts` as triage reads them)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

TODAY = date(2026, 11, 24)
KB = load_knowledge_base()


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("en", "Hi, does the activation link run out? We purchased the licenses on March 14th and have not "
           "activated them yet.", "2026-03-14"),
    ("en", "Hello, we bought on Sept. 30 and still have the link. Is it valid?", "2026-09-30"),
    ("de", "Hallo, läuft der Aktivierungslink ab? Gekauft haben wir am 14. März.", "2026-03-14"),
])
def test_a_date_without_a_year_is_the_last_one_past(lang, text, day):
    assert str(read("activation-link-expiry", text, lang).get("purchase_date")) == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Nutzung startet laut Auftrag am 1. Dezember 2026, die Mail fehlt noch."),
    ("en", "Hi, per the order, usage begins on December 1, 2026, and the mail is still missing."),
])
def test_a_usage_start_said_with_a_verb(lang, text):
    assert str(read("missing-activation-email", text, lang).get("usage_start")) == "2026-12-01"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, no activation mail. The start date of our trial was 2026-11-23."),
    ("de", "Hallo, keine Aktivierungsmail. Das Startdatum unserer Testphase war der 23.11.2026."),
])
def test_the_start_of_a_trial_is_no_usage_start(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Guten Tag, unser Abonnement startet am 12. Dezember 2026, eine Aktivierungsmail haben wir noch nicht.",
     "2026-12-12"),
    ("de", "Hallo, die Bestellung für Exchange beginnt am 4.12.2026. Wo bleibt die Aktivierungsmail?", "2026-12-04"),
    ("de", "Hallo, die Bestellung vom 02.11.2026 beginnt erst am 07.12.2026, die Aktivierungsmail fehlt.", "2026-12-07"),
    ("en", "Hello, our Visio subscription begins on 9 December 2026 and we have no activation e-mail.", "2026-12-09"),
    ("en", "Hi, the order for Teams starts on 2026-12-15. No activation mail so far.", "2026-12-15"),
    ("en", "Hi, the subscription we ordered on 2 November 2026 starts on 30 November 2026; no activation e-mail.",
     "2026-11-30"),
])
def test_an_order_that_starts_on_a_day_gives_the_usage_start(lang, text, day):
    assert str(read("missing-activation-email", text, lang).get("usage_start")) == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben die Lizenzen am 03.11.2026 bestellt, die Aktivierungsmail ist nicht gekommen."),
    ("de", "Guten Tag, die Bestellung wurde am 10.11.2026 aufgegeben, aber keine Aktivierungsmail kam an."),
    ("en", "Hello, we placed the order on 10 November 2026 and never got an activation e-mail."),
])
def test_the_day_an_order_was_placed_is_no_usage_start(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir haben am 02.11.2026 bestellt und das Abo startet am 30.11.2026. Es fehlen Lizenzen im Konto."),
    ("en", "Hi, our subscription starts on 30 November 2026 but the licenses are not visible in the account."),
])
def test_the_start_of_the_subscription_is_the_usage_start_of_missing_licenses(lang, text):
    assert str(read("licenses-not-visible", text, lang).get("usage_start")) == "2026-11-30"


@pytest.mark.parametrize(("flow", "fact", "text", "day"), [
    ("activation-link-expiry", "purchase_date",
     "Hi, we purchased the Exchange licences on the 30th of September. Can we still use the activation link?",
     "2026-09-30"),
    ("activation-link-expiry", "purchase_date",
     "Hallo, gekauft haben wir am 2nd of March, läuft der Aktivierungslink schon ab?", "2026-03-02"),
    ("missing-activation-email", "usage_start",
     "Hello, the usage start date is the 21st of December, and there is no activation e-mail yet.", "2026-12-21"),
    ("missing-activation-email", "usage_start",
     "Hello, usage begins on the 1st of December 2026, no activation e-mail so far.", "2026-12-01"),
])
def test_an_ordinal_day_of_a_month_is_read(flow, fact, text, day):
    lang = "en" if text.startswith(("Hi", "Hello")) else "de"
    assert str(read(flow, text, lang).get(fact)) == day


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Keine Aktivierungsmail bisher. Der Nutzungsbeginn ist der 30.11.2026 - Korrektur, hab mich "
           "verschrieben: es ist der 30.09.2026.", date(2026, 9, 30)),
    ("en", "No activation email so far. Usage starts on 2 December 2026 - scratch that, it started on "
           "2 October 2026.", date(2026, 10, 2)),
])
def test_a_date_the_writer_corrects_gives_way_to_the_corrected_one(lang, text, expected):
    assert read("missing-activation-email", text, lang).get("usage_start") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Guten Tag, in meiner letzten Nachricht stand als Kaufdatum der 14.10.2026, richtig ist aber der 14.04.2026. "
           "Können wir den Link noch nutzen?", date(2026, 4, 14)),
    ("de", "Hallo, als Kaufdatum hatte ich den 03.09.2026 angegeben - korrekt ist der 03.03.2026. Gilt der Link noch?",
     date(2026, 3, 3)),
    ("en", "Hi, I wrote that we purchased on 2026-10-05, the correct date is 2026-04-05. Is the activation link still valid?",
     date(2026, 4, 5)),
])
def test_a_date_named_wrong_before_the_right_one_gives_way_to_it(lang, text, expected):
    assert read("activation-link-expiry", text, lang).get("purchase_date") == expected


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Hallo, wir warten seit vier Tagen darauf, dass die Reservierung wirksam wird. Keine Aktivierungsmail.",
     date(2026, 11, 20)),
    ("en", "Hi, the reservation has not taken effect since 5 days. No activation email.", date(2026, 11, 19)),
])
def test_a_span_a_reservation_has_been_pending_dates_it(lang, text, day):
    assert read("missing-activation-email", text, lang).get("reservation_date") == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, seit zwei Wochen warten wir auf die Aktivierungsmail, die Nutzung hat laut Bestellung begonnen."),
    ("en", "Hello, we have been waiting for the activation mail since ten days, our usage period has started."),
])
def test_a_span_of_waiting_for_the_mail_dates_no_usage_start(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail bisher. Der Nutzungsbeginn ist der 30.11.2026, sorry, Korrektur folgt."),
    ("en", "No activation email so far. Usage starts on 2 December 2026, typo maybe, will check."),
])
def test_a_date_the_writer_withdraws_is_not_known(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "flow", "text", "day"), [
    ("de", "missing-activation-email", "Hallo, keine Aktivierungsmail. Die am 02.11. bestellten Lizenzen starten am 30.11.",
     "2026-11-30"),
    ("de", "licenses-not-visible", "Hallo, wir sehen keine Lizenzen im Konto. Die am 02.11.2026 bestellten Lizenzen "
                                   "starten am 01.12.2026.", "2026-12-01"),
    ("en", "missing-activation-email", "Hi, no activation email. The licences ordered on 2 Nov start on 30 Nov.",
     "2026-11-30"),
    ("en", "licenses-not-visible", "Hi, we don't see the licenses in our account. The licenses we ordered on "
                                   "2 Nov 2026 begin on 1 Dec 2026.", "2026-12-01"),
])
def test_licenses_ordered_on_one_day_start_on_the_day_their_start_verb_names(lang, flow, text, day):
    assert str(read(flow, text, lang).get("usage_start")) == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Am 30.11.2026 beginnt die Nutzung der bestellten Lizenzen."),
    ("en", "Hi, no activation email. On 30 November 2026 the licenses we ordered start."),
    ("de", "Hallo, keine Aktivierungsmail. Am 30.11.2026 haben die bestellten Lizenzen ihren Nutzungsbeginn."),
    ("de", "Hallo, keine Aktivierungsmail. Die Lizenzen wurden am 02.11.2026 bestellt und starten am 30.11.2026."),
    ("en", "Hi, no activation email. The licenses were ordered on 2 Nov 2026 and start on 30 Nov 2026."),
])
def test_the_date_of_the_start_verb_stays_the_usage_start(lang, text):
    assert str(read("missing-activation-email", text, lang).get("usage_start")) == "2026-11-30"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unsere Aktivierungsmail ist auf den 3. September 2026 datiert. Gilt der Link darin noch?"),
    ("en", "Hi, our activation mail is dated 3 September 2026. Is its link still good?"),
    ("de", "Hallo, der Link ist aus einer Mail vom 3.9.2026. Geht der noch? Das Kaufdatum muss ich erst "
           "nachsehen."),
    ("en", "Hello, the link is from a mail of 3 September 2026. Does it still work? I'd have to look up the "
           "purchase date."),
])
def test_a_lone_date_of_a_mail_is_no_purchase_date(lang, text):
    assert "purchase_date" not in read("activation-link-expiry", text, lang)


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Hallo, 3. September 2026. Läuft der Link der Aktivierungsmail irgendwann ab?", "2026-09-03"),
    ("en", "Hello, 3 September 2026. Does the link of the activation mail expire at some point?", "2026-09-03"),
])
def test_a_lone_date_with_nothing_else_named_is_still_the_purchase_date(lang, text, day):
    assert str(read("activation-link-expiry", text, lang).get("purchase_date")) == day


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, still no activation mail.\n- reservation: effective, placed 3 November 2026\n- junk: checked"),
    ("de", "Hallo, keine Aktivierungsmail.\n- Reservierung: wirksam, aufgegeben am 03.11.2026"),
])
def test_the_reservations_own_deed_nearer_the_date_dates_it(lang, text):
    assert read("missing-activation-email", text, lang).get("reservation_date") == date(2026, 11, 3)


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("en", "Hello,\nour order went in on November 9. The usage start date on the order is December 1, 2026. "
           "No activation mail yet.", "2026-12-01"),
    ("en", "Hi, we ordered on Oct 30. Usage begins December 1, 2026, and no activation email has come.", "2026-12-01"),
])
def test_an_order_date_after_its_month_stays_out_of_the_next_sentence(lang, text, day):
    assert str(read("missing-activation-email", text, lang).get("usage_start")) == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, der Aktivierungslink funktioniert nicht. Gekauft haben wir nicht am 03.01.2026, sondern erst am 20.07.2026."),
    ("en", "Hi, the activation link fails. We did not purchase on 3 January 2026 but on 20 July 2026."),
])
def test_a_denied_purchase_date_is_none(lang, text):
    assert read("activation-link-expiry", text, lang).get("purchase_date") == date(2026, 7, 20)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Der Nutzungsbeginn war im letzten Jahr der 01.02.2025, diesmal ist es der 15.12.2026."),
    ("en", "Hi, no activation mail. Last year the usage start was 1 February 2025, this time it is 15 December 2026."),
])
def test_of_two_dates_the_one_of_an_earlier_year_is_not_the_fact(lang, text):
    assert read("missing-activation-email", text, lang).get("usage_start") == date(2026, 12, 15)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Lizenzen sichtbar. Den Nutzungsbeginn kennen wir nicht, bestellt wurde am 24.11.2026."),
    ("en", "Hi, no licenses visible. The usage start is not known to us; the order was placed on 24 November 2026."),
])
def test_a_date_beside_a_usage_start_the_writer_does_not_know_is_not_it(lang, text):
    assert "usage_start" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, nach der Aktivierung keine Lizenzen. Bestellt haben wir am 23.11.2026."),
    ("en", "Hi, no licenses after activation. We ordered them on 23 November 2026."),
])
def test_an_order_date_alone_is_no_usage_start(lang, text):
    assert "usage_start" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, der Aktivierungslink funktioniert nicht. Ich habe ihn am 20.11.2026 angeklickt."),
    ("en", "Hi, the activation link does not work. I clicked it on 20 November 2026."),
])
def test_the_day_a_link_was_clicked_is_no_purchase_date(lang, text):
    assert "purchase_date" not in read("activation-link-expiry", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, ist der Aktivierungslink noch gültig? Die Rechnung ist vom 01.03.2026."),
    ("en", "Hi, is the activation link still valid? Our invoice is from March 1, 2026."),
])
def test_an_invoice_date_alone_is_no_purchase_date(lang, text):
    assert "purchase_date" not in read("activation-link-expiry", text, lang)


def test_a_purchase_date_by_the_invoice_is_still_read():
    text = "Hallo, ist der Aktivierungslink noch gültig? Kaufdatum laut Rechnung: 01.03.2026."
    assert read("activation-link-expiry", text, "de").get("purchase_date") == date(2026, 3, 1)


@pytest.mark.parametrize(("lang", "text", "start"), [
    ("de", "Hallo, der Vertrag wurde am 20.11.2026 unterschrieben, Nutzungsbeginn war aber schon der 1.9.2026. "
           "Wir sehen keine Lizenzen.", date(2026, 9, 1)),
    ("de", "Hallo, wir sehen keine Lizenzen. Der Vertrag wurde am 20.11.2026 unterzeichnet.", None),
    ("en", "Hello, we can't see the licences. The contract was signed on 2026-11-23.", None),
])
def test_the_day_a_contract_was_signed_is_no_usage_start(lang, text, start):
    assert read("licenses-not-visible", text, lang).get("usage_start") == start


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, laut Bestellbestätigung unseres Lieferanten vom 20.11.2026 begann die Nutzung unserer Lizenzen "
           "schon am 02.11.2026. Die Aktivierungsmail fehlt."),
    ("en", "Hello, according to the confirmation of our supplier dated 20 November 2026 the usage start of our "
           "licences was 2 November 2026. The activation email is missing."),
])
def test_the_date_of_a_confirmation_is_no_usage_start(lang, text):
    assert str(read("missing-activation-email", text, lang).get("usage_start")) != "2026-11-20"


@pytest.mark.parametrize("text", [
    "Hi, our usage start was set for 1 April 2027, but the reseller moved it to 2 November 2026. No activation mail yet.",
    "Hello, the usage start was 15 March 2027 at first; it was rescheduled to 3 November 2026. The activation email is missing.",
])
def test_a_date_changed_later_in_the_sentence_is_the_new_one(text):
    assert str(read("missing-activation-email", text, "en").get("usage_start")).startswith("2026-11")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Unsere Systemhaus-Ansprechpartnerin hat vor vier Tagen bestätigt, dass die "
           "Reservierung noch nicht wirksam ist."),
    ("en", "No activation email. Our partner informed us on 18 November 2026 that the reservation still isn't effective."),
])
def test_the_day_something_was_confirmed_is_no_reservation_date(lang, text):
    facts = read("missing-activation-email", text, lang)
    assert "reservation_date" not in facts and facts.get("reservation_effective") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der Aktivierungslink geht nicht. Der Händler hat uns die Lizenzen am 08.01.2026 berechnet; das Kaufdatum "
           "suche ich noch."),
    ("en", "The activation link fails. Our partner billed us on 8 January 2026; the purchase date I still have to find."),
])
def test_the_day_of_billing_is_no_purchase_date(lang, text):
    assert "purchase_date" not in read("activation-link-expiry", text, lang)


@pytest.mark.parametrize(("lang", "text", "bought"), [
    ("de", "Hallo, unser Einkauf hat mir den Aktivierungslink erst am 03.11.2026 weitergeleitet, erworben haben wir "
           "die Lizenzen aber am 15.03.2026. Geht der Link noch?", "2026-03-15"),
    ("en", "Hi, the activation email was forwarded to me by procurement on 3 November 2026, though we purchased "
           "on 15 March 2026. Does the link still work?", "2026-03-15"),
    ("de", "Die Weiterleitung der Aktivierungsmail kam am 03.11.2026 bei mir an. Ist der Link noch gültig?", None),
    ("en", "Our reseller forwarded the activation mail on 3 November 2026. Is the link still good?", None),
])
def test_the_day_a_mail_was_forwarded_is_no_purchase_date(lang, text, bought):
    found = read("activation-link-expiry", text, lang).get("purchase_date")
    assert (str(found) if found else None) == bought


@pytest.mark.parametrize(("lang", "text", "flow", "fact"), [
    ("de", "Hallo, laut Formular soll ich angeben: Nutzungsbeginn 15.12.2026 (Muster). Die Aktivierungsmail fehlt.",
     "missing-activation-email", "usage_start"),
    ("en", "Hi, the form reads: purchase date 3 May 2025 (sample). The activation link shows an error.",
     "activation-link-expiry", "purchase_date"),
])
def test_a_date_marked_as_an_example_after_it_is_no_fact(lang, text, flow, fact):
    assert fact not in read(flow, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Lizenzen sichtbar.\nVoraussichtlicher Nutzungsbeginn: 07.12.2026\nAktivierung: erledigt"),
    ("en", "Licences not visible.\nExpected usage start: 7 December 2026\nActivation: done"),
    ("de", "Lizenzen fehlen. Der angedachte Nutzungsbeginn ist der 07.12.2026."),
    ("en", "Licences are missing. The tentative usage start is 7 December 2026."),
])
def test_a_date_given_for_a_planned_or_expected_noun_is_no_fact(lang, text):
    assert "usage_start" not in read("licenses-not-visible", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Lizenzen sichtbar.\nNutzungsbeginn: 07.12.2026\nAktivierung: erledigt"),
    ("en", "Licences not visible.\nUsage start: 7 December 2026\nActivation: done"),
])
def test_a_date_given_for_the_plain_noun_is_read(lang, text):
    assert read("licenses-not-visible", text, lang)["usage_start"] == date(2026, 12, 7)


def test_a_date_corrected_since_gives_way_to_the_new_one():
    text = "Licences missing. The usage start was first set to 1 December, but the reseller has since corrected it to 2026-10-05."
    assert read("licenses-not-visible", text, "en")["usage_start"] == date(2026, 10, 5)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail. Nutzungsbeginn 08.12.2026 (vorläufig)."),
    ("en", "No activation email. Usage start: 8 December 2026 (provisional)."),
    ("de", "Keine Aktivierungsmail. Der Nutzungsbeginn ist bisher für den 08.12.2026 vorgesehen."),
])
def test_a_date_marked_provisional_or_only_intended_is_no_fact(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail.\nReservierung wirksam: ja (angelegt am 03.11.2026)\nJunk geprüft: ja"),
    ("de", "Guten Tag, Reservierung: wirksam (erstellt am 03.11.2026). Trotzdem keine Mail."),
    ("en", "Hi, no activation mail.\nReservation effective: yes (created 3 November 2026)"),
])
def test_a_date_in_a_participle_bracket_after_a_label_is_the_labels(lang, text):
    assert read("missing-activation-email", text, lang).get("reservation_date") == date(2026, 11, 3)


def test_a_bracket_with_a_clause_of_its_own_keeps_an_outside_event_competing():
    text = "Hallo, die Mail kam nicht an (laut VLSC wurde sie am 03.11.2026 gesendet). Die Reservierung ist wirksam."
    assert read("missing-activation-email", text, "de").get("reservation_date") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, unsere Reservierung ist wirksam (das Konto wurde am 02.10.2026 eingerichtet). Keine Mail bisher."),
    ("en", "Hello, our reservation is effective (the tenant was set up on 2 October 2026). No mail so far."),
])
def test_a_bracket_opening_with_its_own_subject_keeps_its_date_from_outside_cues(lang, text):
    assert read("missing-activation-email", text, lang).get("reservation_date") is None


def test_a_bracket_clause_naming_the_cue_itself_still_gives_its_date():
    text = "Hallo, wirksam ist sie (die Reservierung wurde am 02.10.2026 aufgegeben). Keine Aktivierungsmail."
    assert read("missing-activation-email", text, "de").get("reservation_date") == date(2026, 10, 2)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, im letzten Jahr haben wir am 12.03.2025 Lizenzen gekauft, da hat alles geklappt. Jetzt haben "
           "wir neu bestellt, und der Aktivierungslink meldet, er sei abgelaufen. Wie kann das sein?"),
    ("en", "Hello, the order we placed last year was dated 12 March 2025 and its link worked. This autumn we bought "
           "again and the activation link already says it expired. Why?"),
    ("de", "Hallo, die Bestellung vom Vorjahr war am 12.03.2025. Diesmal ist das Kaufdatum ein anderes, der "
           "Aktivierungslink ist aber abgelaufen."),
])
def test_a_date_of_last_years_deed_beside_a_new_one_is_no_date_of_the_case(lang, text):
    assert "purchase_date" not in read("activation-link-expiry", text, lang)


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("de", "Hallo, wir haben letztes Jahr am 12.03.2025 gekauft. Ist der Aktivierungslink inzwischen abgelaufen?", "2025-03-12"),
    ("en", "Hi, last year's order was on 12 March 2025, the new one on 2 November 2026. Is the activation link still "
           "valid?", "2026-11-02"),
])
def test_a_date_of_last_year_with_no_new_deed_after_it_stays_the_cases(lang, text, day):
    assert str(read("activation-link-expiry", text, lang).get("purchase_date")) == day


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, bestellt wurde über den Händler am 02.11.2026. Das eigentliche Kaufdatum habe ich leider nicht "
           "zur Hand. Ist der Aktivierungslink noch gültig?"),
    ("en", "Hi, our reseller placed the order on 2 November 2026. I don't have the actual purchase date handy. Is the "
           "activation link still valid?"),
])
def test_a_purchase_date_the_writer_has_not_at_hand_stays_open(lang, text):
    assert "purchase_date" not in read("activation-link-expiry", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, die Aktivierungsmail fehlt. Im Vorjahr begann die Nutzung am 01.10.2025. Diesmal kenne ich den "
           "Nutzungsbeginn noch nicht."),
    ("en", "Hi, the activation email is missing. Last year the usage start was 1 October 2025. This time nobody told "
           "us yet."),
])
def test_last_years_usage_start_beside_this_time_is_no_usage_start(lang, text):
    assert "usage_start" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("flow", "lang", "text", "fact", "expected"), [
    ("missing-activation-email", "en", "Activation mail missing. Invoice date 2026-09-30, usage start 2027-01-04.",
     "usage_start", date(2027, 1, 4)),
    ("missing-activation-email", "en", "No mail yet. Contract date 2026-10-01, usage date 2026-12-01, per our reseller.",
     "usage_start", date(2026, 12, 1)),
    ("activation-link-expiry", "en", "Is the link still good? Invoice date 2026-02-10, purchase date 2026-08-03.",
     "purchase_date", date(2026, 8, 3)),
])
def test_a_label_before_a_comma_keeps_its_date_from_the_next_labels_cue(flow, lang, text, fact, expected):
    # "<other> date D1, <fact's cue> D2": the words "date ... usage" across the comma are no cue of D1
    assert read(flow, text, lang)[fact] == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, Abo Datum 20.10.2026, Abo startet am 15.12.2026. Die Aktivierungsmail ist nicht da."),
    ("en", "Hi, contract date 2026-10-20, contract starts 2026-12-15. The activation mail is not there."),
])
def test_a_date_labelled_as_a_nouns_date_is_not_the_usage_start_its_cue_spans(lang, text):
    assert str(read("missing-activation-email", text, lang).get("usage_start")) == "2026-12-15"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, übermorgen legen wir die Reservierung im VLSC an. Kommt die Aktivierungsmail dann von selbst?"),
    ("en", "Hi, our reseller will place the reservation the day after tomorrow. Will the activation mail come then?"),
])
def test_a_reservation_date_ahead_of_today_is_a_plan_not_the_reservations_date(lang, text):
    assert "reservation_date" not in read("missing-activation-email", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, wir kaufen die Lizenzen erst am 15.12.2026. Wie lange ist der Aktivierungslink dann gültig?"),
    ("en", "Hi, we are buying the licenses on 15 December 2026. How long will the activation link be valid?"),
])
def test_a_purchase_date_ahead_of_today_is_no_purchase_date(lang, text):
    assert "purchase_date" not in read("activation-link-expiry", text, lang)
