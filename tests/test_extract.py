"""Reading flow facts from a ticket's words: addresses, dates by context, yes/no cues."""

from datetime import date
from pathlib import Path

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.facts import extract_facts
from faq.tickets.mentions import find_dates, find_emails
from faq.tickets.tokens import sentences, tokenize

KB = load_knowledge_base(Path(__file__).parent / "fixtures" / "tickets" / "kb")
TODAY = date(2026, 11, 24)
MISSING = KB.flow("missing-activation-email")
EXPIRY = KB.flow("activation-link-expiry")
VISIBLE = KB.flow("licenses-not-visible")
RESERVE = KB.flow("reservation-permission")


def facts(text, flow=MISSING, lang="de"):
    return dict(extract_facts(text, flow, TODAY, lang, KB.vocabulary).facts)


# -- words and sentences ------------------------------------------------------------


def test_tokenize_folds_and_marks_negations():
    toks = tokenize("Die Domäne ist nicht verifiziert")
    assert [t.word for t in toks] == ["die", "domaene", "ist", "nicht", "verifiziert"]
    assert [t.neg for t in toks] == [False, False, False, True, False]


def test_tokenize_english_contractions():
    words = [(t.word, t.neg) for t in tokenize("We haven't checked, I'm sure")]
    assert ("not", True) in words and ("am", False) in words


def test_sentences_do_not_split_dates_or_ordinals():
    parts = [s for _, s in sentences("Wir haben am 1. Dezember 2026 bestellt. Seit 05.01.2026 warten wir! Ok?")]
    assert parts == ["Wir haben am 1. Dezember 2026 bestellt.", "Seit 05.01.2026 warten wir!", "Ok?"]


def test_sentences_do_not_split_after_listed_abbreviations():
    parts = [s for _, s in sentences("Vertrag Nr. 1234567 läuft seit ca. zwei Wochen. Die Praxis Dr. Weber wartet. "
                                     "Ticket ref. 88 was approx. 3 days old. We said no. Bought on 2026-05-04. Then")]
    assert parts == ["Vertrag Nr. 1234567 läuft seit ca. zwei Wochen.", "Die Praxis Dr. Weber wartet.",
                     "Ticket ref. 88 was approx. 3 days old.", "We said no.", "Bought on 2026-05-04.", "Then"]


@pytest.mark.parametrize(("text", "parts"), [
    ("We ordered on November 9. The usage starts on December 1, 2026.",
     ["We ordered on November 9.", "The usage starts on December 1, 2026."]),
    ("Order placed Dec 3rd. Nothing arrived since.", ["Order placed Dec 3rd.", "Nothing arrived since."]),
    ("Bestellt haben wir im Mai 12. Die Mail fehlt.", ["Bestellt haben wir im Mai 12.", "Die Mail fehlt."]),
    ("Bestellt am 9. November. Die Nutzung beginnt am 1. Dezember 2026.",
     ["Bestellt am 9. November.", "Die Nutzung beginnt am 1. Dezember 2026."]),
    ("Zum 3. Mal schreibe ich wegen des Links.", ["Zum 3. Mal schreibe ich wegen des Links."]),
])
def test_a_day_after_its_month_ends_a_sentence_with_its_period(text, parts):
    assert [s for _, s in sentences(text)] == parts


def test_sentence_ends_after_a_closing_bracket():
    parts = [s for _, s in sentences("Wir haben aktiviert (lief problemlos). Jetzt kommt nichts. Er sagte \"nein\". Dann")]
    assert parts == ["Wir haben aktiviert (lief problemlos).", "Jetzt kommt nichts.", 'Er sagte "nein".', "Dann"]


# -- e-mail addresses -----------------------------------------------------------------


def test_find_emails_skips_malformed_and_trailing_dot():
    found = [a for _, _, a in find_emails("OSM: anna@outlook.com. Nicht: max@ oder max@@x.de oder @foo.de")]
    assert found == ["anna@outlook.com"]


def test_osm_address_by_context_not_signature():
    text = "Unser OSM ist it@outlook.com, ich schreibe von max@firma.de aus."
    assert facts(text)["osm_email"] == "it@outlook.com"


def test_only_address_is_taken_without_context():
    assert facts("Die Aktivierungsmail sollte an admin@contoso.com gehen.")["osm_email"] == "admin@contoso.com"


def test_two_addresses_without_context_give_nothing():
    assert "osm_email" not in facts("Schreiben Sie an a@firma.de oder b@firma.de.")


def test_malformed_address_is_no_fact():
    ex = extract_facts("Unser OSM ist max@@outlook.com", MISSING, TODAY, "de", KB.vocabulary)
    assert "osm_email" not in ex.facts


# -- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("am 05.01.2026", date(2026, 1, 5)),
    ("am 5.1.26", date(2026, 1, 5)),
    ("seit 2026-03-01", date(2026, 3, 1)),
    ("am 1. Dezember 2026", date(2026, 12, 1)),
    ("on December 1, 2026", date(2026, 12, 1)),
    ("on 1 Dec 2026", date(2026, 12, 1)),
    ("gestern", date(2026, 11, 23)),
    ("vor 3 Tagen", date(2026, 11, 21)),
    ("two weeks ago", date(2026, 11, 10)),
    ("morgen", date(2026, 11, 25)),
    ("on the 5th of January 2026", date(2026, 1, 5)),
    ("on 01/15/2026", date(2026, 1, 15)),
    ("am 15/01/2026", date(2026, 1, 15)),
])
def test_find_dates_formats(text, expected):
    found = find_dates(text, TODAY)
    assert [d.value for d in found] == [expected]


def test_impossible_date_is_skipped_with_a_note():
    ex = extract_facts("Wir haben am 31.02.2026 gekauft.", EXPIRY, TODAY, "de", KB.vocabulary)
    assert ex.facts == {}
    assert any("31.02.2026" in n for n in ex.notes)


def test_yearless_date_past_when_bought():
    assert facts("Gekauft am 5.1., der Link geht nicht.", EXPIRY)["purchase_date"] == date(2026, 1, 5)


def test_yearless_date_nearest_otherwise():
    assert facts("Nutzungsbeginn ist der 1.12.")["usage_start"] == date(2026, 12, 1)


def test_date_goes_to_nearest_context():
    got = facts("Die Reservierung haben wir am 10.11.2026 gemacht, der Nutzungsbeginn ist am 01.12.2026.")
    assert got["reservation_date"] == date(2026, 11, 10)
    assert got["usage_start"] == date(2026, 12, 1)


def test_date_without_context_is_not_guessed_in_a_flow_with_several_dates():
    assert facts("Wir warten seit dem 10.11.2026 auf die Mail.").keys().isdisjoint({"usage_start", "reservation_date"})


def test_single_date_fact_takes_the_only_date():
    assert facts("Der Aktivierungslink vom 05.01.2026 funktioniert nicht mehr.", EXPIRY) == {"purchase_date": date(2026, 1, 5)}


def test_english_context():
    assert facts("We bought the licenses on March 3, 2026.", EXPIRY, "en") == {"purchase_date": date(2026, 3, 3)}


def test_loose_today_is_not_a_date():
    assert "usage_start" not in facts("Nutzungsbeginn unbekannt, bis heute keine Mail.")


# -- yes/no ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("Die Domäne ist bereits verifiziert.", True),
    ("Die Domain ist schon verifiziert.", True),
    ("Die Domäne ist nicht verifiziert.", False),
    ("Domäne verifizert", True),  # typo
])
def test_domain_verified(text, value):
    assert facts(text)["domain_verified"] is value


@pytest.mark.parametrize("text", [
    "Ist die Domäne verifiziert?",
    "Wir wissen nicht, ob die Domäne verifiziert ist.",
])
def test_questions_and_doubts_state_nothing(text):
    assert "domain_verified" not in facts(text)


@pytest.mark.parametrize("text, value", [
    ("Im Junk-Ordner haben wir nachgesehen.", True),
    ("Im Spam haben wir schon nachgeschaut.", True),
    ("Im Junk-Ordner haben wir noch nicht nachgesehen.", False),
    ("We checked the junk folder.", True),
    ("We haven't checked spam yet.", False),
])
def test_junk_checked(text, value):
    assert facts(text, lang="en" if text.startswith("We") else "de")["junk_checked"] is value


def test_negation_in_another_clause_does_not_count():
    got = facts("Wir haben keine Mail bekommen, aber die Domäne ist verifiziert.")
    assert got["domain_verified"] is True


def test_no_cue_with_own_negation():
    assert facts("Es gibt noch keine Bestellung.")["order_placed"] is False


def test_facts_in_flow_order():
    got = facts("Im Junk-Ordner haben wir nachgesehen. Unser OSM ist it@firma.de.")
    assert list(got) == ["osm_email", "junk_checked"]


def test_addon_and_wrong_account():
    got = facts("Es ist ein Add-On und es liegt im falschen Konto.", VISIBLE)
    assert got == {"is_addon": True, "right_account": False}


# -- choices --------------------------------------------------------------------------


@pytest.mark.parametrize("text, role", [
    ("Ich bin OSM und kann keine Reservierungen anlegen.", "osm"),
    ("I'm the VLSC administrator.", "vlsc-admin"),
    ("Ich bin OSM mit Reservierung verwalten, trotzdem geht es nicht.", "osm-manage-reservations"),
    ("Als OLA sollte ich reservieren können.", "ola"),
])
def test_role(text, role):
    assert facts(text, RESERVE)["role"] == role


def test_negated_role_is_no_fact():
    assert "role" not in facts("Ich bin kein OLA.", RESERVE)


@pytest.mark.parametrize("text,expected", [
    ("Ich habe heute Morgen im VLSC reserviert.", [date(2026, 11, 24)]),
    ("Guten Morgen, die Mail fehlt.", []),
    ("Gestern Morgen haben wir bestellt.", [date(2026, 11, 23)]),
    ("Die Mail soll morgen kommen.", [date(2026, 11, 25)]),
])
def test_morgen_is_the_morning_after_heute_or_guten(text, expected):
    assert [m.value for m in find_dates(text, date(2026, 11, 24))] == expected


@pytest.mark.parametrize("text,expected", [
    ("Bestellt haben wir am 3. November, die Nutzung startet aber erst am 29. November.",
     [date(2026, 11, 3), date(2026, 11, 29)]),
    ("Die Nutzung startet am 29.11.; bestellt wurde am 3.11.", [date(2026, 11, 29), date(2026, 11, 3)]),
    ("We placed the order on November 3rd and the subscription starts November 29th.",
     [date(2026, 11, 3), date(2026, 11, 29)]),
    ("Usage begins on 29 Nov, though we bought it on 3 Nov.", [date(2026, 11, 29), date(2026, 11, 3)]),
    ("Gekauft am 29. November.", [date(2025, 11, 29)]),
])
def test_a_yearless_date_takes_the_tense_of_its_nearest_verb(text, expected):
    assert [m.value for m in find_dates(text, TODAY)] == expected


@pytest.mark.parametrize("text,lang", [
    ("Der Nutzungsbeginn ist der 02.11.2026 - Korrektur, der 02.11.2026 ist das Bestelldatum. "
     "Laut Bestellung beginnt die Nutzung am 02.12.2026.", "de"),
    ("Usage start is 2 Nov 2026 - my mistake, 2 Nov 2026 is when we ordered. The usage start is 2 Dec 2026.", "en"),
    ("The start date is 2 Nov 2026, sorry, my bad, 2 Nov 2026 is the order date. Usage begins on 2 Dec 2026.", "en"),
])
def test_a_cue_the_writer_withdraws_names_no_date_after_the_correction(text, lang):
    from faq.search.cache import load

    kb, _ = load()  # the bundled vocabulary reads "ordered" as the order
    read = extract_facts(text, kb.flow("missing-activation-email"), TODAY, lang, kb.vocabulary)
    assert read.facts["usage_start"] == date(2026, 12, 2)


@pytest.mark.parametrize("text,expected", [  # TODAY is Tuesday, 24 Nov 2026
    ("Die Reservierung haben wir am Freitag aufgegeben.", [date(2026, 11, 20)]),
    ("Unsere Reservierung vom Donnerstag ist nicht wirksam.", [date(2026, 11, 19)]),
    ("Der Nutzungsbeginn ist laut Bestellung am Montag, die Nutzung beginnt am Montag.", [date(2026, 11, 30)] * 2),
    ("We reserved the seats last Tuesday.", [date(2026, 11, 17)]),
    ("Usage starts on Friday.", [date(2026, 11, 27)]),
    ("On Monday we will look again.", [date(2026, 11, 30)]),
    ("Am Montag schauen wir nochmal.", []),
    ("Montags ist das Büro zu.", []),
])
def test_a_weekday_is_a_date_only_when_its_tense_is_clear(text, expected):
    assert [m.value for m in find_dates(text, TODAY)] == expected


@pytest.mark.parametrize("text,lang", [
    ("Die Reservierung haben wir am Donnerstag im VLSC aufgegeben, sie ist immer noch nicht wirksam.", "de"),
    ("We placed the reservation in VLSC on Thursday and it is still not effective.", "en"),
])
def test_a_reservation_placed_on_a_weekday_days_ago_is_not_processed(text, lang):
    from faq.search.cache import load

    kb, _ = load()  # the bundled cues of the reservation
    read = extract_facts(text, kb.flow("missing-activation-email"), TODAY, lang, kb.vocabulary).facts
    assert read["reservation_date"] == date(2026, 11, 19) and read["reservation_effective"] is False


@pytest.mark.parametrize(("text", "lang", "fact", "expected"), [
    ("Die Reservierung im VLSC habe ich vor 60 Stunden abgeschickt, wirksam ist sie bis heute nicht.", "de",
     "reservation_date", date(2026, 11, 22)),
    ("The licensed usage period began some 40 hours ago.", "en", "usage_start", date(2026, 11, 23)),
])
def test_a_time_told_in_hours_is_read_as_a_date(text, lang, fact, expected):
    from faq.search.cache import load

    kb, _ = load()  # the bundled cues and time units
    read = extract_facts(text, kb.flow("missing-activation-email"), TODAY, lang, kb.vocabulary).facts
    assert read[fact] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nutzungsbeginn laut Händler: 2026/12/07.", date(2026, 12, 7)),
    ("Our usage period kicks off on 2026/12/07 according to the reseller.", date(2026, 12, 7)),
    ("Usage start 2026/02/30, if I read it right.", None),
])
def test_a_year_first_date_with_slashes_is_read_as_iso(text, expected):
    found = find_dates(text, date(2026, 11, 24))
    assert [m.value for m in found] == [expected]


@pytest.mark.parametrize("text", ["Der Nutzungsbeginn ist – Stand heute – für Dezember vorgesehen.",
                                  "Stand: heute ist nichts eingegangen."])
def test_stand_heute_is_no_date(text):
    assert not [m for m in find_dates(text, TODAY) if m.value == TODAY]


def test_heute_as_a_date_is_still_read():
    assert [m.value for m in find_dates("Der Nutzungsbeginn ist heute.", TODAY)] == [TODAY]


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Bestellung ist jetzt drei Wochen her.", date(2026, 11, 3)),
    ("Der Kauf liegt zwei Monate zurück.", date(2026, 9, 24)),
    ("We put the reservation in four days back.", date(2026, 11, 20)),
])
def test_a_span_counted_back_by_a_word_after_it_is_a_date(text, expected):
    found = [d for d in find_dates(text, TODAY) if d.value is not None]
    assert [d.value for d in found] == [expected] and found[0].relative


def test_a_word_of_going_back_without_a_span_of_time_is_no_date():
    assert find_dates("Wir haben 3 Lizenzen zurück gegeben, die 2 Tickets her geschickt.", TODAY) == []
