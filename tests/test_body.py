"""The customer's own words of a ticket: what a forwarded mail holds stays apart."""

import pytest

from faq.tickets.body import clean_body, forwards, nearest_quoted, on_header_line, quoted_text


@pytest.mark.parametrize("text,own,forwarded", [
    ("Hallo,\nanbei die Frage meiner Kollegin.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Eva Kern\n"
     "Hat jemand im Spam-Ordner nachgesehen?\n----------\n\nDas weiß ich nicht. Die Aktivierungsmail fehlt jedenfalls "
     "bis heute.", "Die Aktivierungsmail fehlt jedenfalls bis heute.", "Hat jemand im Spam-Ordner nachgesehen?"),
    ("Hi,\nsee my colleague's question.\n\n---------- Forwarded message ---------\nFrom: Eva Kern\n"
     "Has anyone looked in the spam folder?\n----------\n\nNo idea. The activation mail is still missing though.",
     "The activation mail is still missing though.", "Has anyone looked in the spam folder?"),
])
def test_words_below_the_rule_that_closes_a_forwarded_mail_are_the_customers(text, own, forwarded):
    body = clean_body(text)
    assert own in body and forwarded not in body
    assert forwarded in quoted_text(text) and own not in quoted_text(text)


@pytest.mark.parametrize("text,forwarded", [
    ("Bitte ansehen.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Eva Kern\nDie Mail fehlt seit Tagen.\n"
     "----------\n", "Die Mail fehlt seit Tagen."),
    ("Please have a look.\n\n---------- Forwarded message ---------\nFrom: Eva Kern\nThe mail has been missing for days.",
     "The mail has been missing for days."),
])
def test_a_forwarded_mail_without_words_below_it_is_all_quoted(text, forwarded):
    assert forwarded not in clean_body(text)
    assert forwarded in quoted_text(text)


@pytest.mark.parametrize("own,signature", [
    ("Die Aktivierungsmail ist nie angekommen, obwohl die Bestellung seit zwei Wochen läuft.",
     "Sabine Korn\nEinkauf & Lizenzen\nTel. 0711 4455667\nE-Mail: s.korn@korn-werkzeuge.de"),
    ("Die Aktivierungsmail ist nie angekommen.",
     "Sabine Korn\nEinkauf\nKorn Werkzeuge GmbH\ns.korn@korn-werkzeuge.de"),
    ("We never received the activation email for the new licences.",
     "Peter Lindqvist\nHead of IT, Nordlicht Shipping Ltd.\nPhone +46 8 555 0199 | p.lindqvist@nordlicht.example"),
])
def test_a_signature_block_without_a_dash_line_is_not_the_customers_words(own, signature):
    body = clean_body(f"{own}\n\n{signature}\n")
    assert own in body and "@" not in body


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail fehlt.\n\nOSM-Adresse\nit@korn-werkzeuge.de",
    "The activation mail is missing. Our OSM is below.\n\nOSM: it@nordlicht.example\nTel. +46 8 555 0199",
    "Die Aktivierungsmail fehlt.\n\nSabine Korn\nIch bin die OSM, erreichbar unter 0711 4455667.",
])
def test_a_last_paragraph_that_states_a_fact_stays(text):
    assert "@" in clean_body(text) or "OSM" in clean_body(text).split("\n\n")[-1]


@pytest.mark.parametrize("text,own", [
    ("Hallo,\nDie Aktivierungsmail fehlt seit Tagen.\n\nAm 01.11.2026 schrieb Eva Kern <e.kern@korn.example>:\n"
     "> Kam die Mail schon?\n\nNein, leider nicht.\n\nAm 03.11.2026 um 09:14 schrieb Support <support@hilfe.example>:\n"
     "> Ist die Domäne verifiziert? Die OSM-Adresse ist name@outlook.com?", "Nein, leider nicht."),
    ("Hi,\nstill no activation mail.\n\n-----Original Message-----\nFrom: Partner\nSent: Monday\n> is it verified?\n"
     "\nOn Mon, 3 Nov 2026 at 10:12, Support <support@help.example> wrote:\n> Is the domain verified? Is the OSM "
     "name@outlook.com?", "still no activation mail."),
])
def test_every_earlier_mail_below_the_customers_words_is_quoted(text, own):
    body = clean_body(text)
    assert own in body and "@" not in body and "verifi" not in body and "03.11.2026" not in body
    assert "name@outlook.com" in quoted_text(text)


def test_the_nearest_quoted_mail_ends_where_an_earlier_one_begins():
    text = ("Ja, ist verifiziert.\n\n-----Ursprüngliche Nachricht-----\nVon: Support\nGesendet: 12.11.2026\n"
            "Ist die Domäne verifiziert?\n\n> Am 10.11.2026 schrieb Support:\n> Haben Sie den Junk-Ordner geprüft?")
    assert nearest_quoted(text) == "Ist die Domäne verifiziert?"


def test_an_address_on_a_header_line_is_the_mails_not_the_cases():
    text = "---------- Forwarded message ----------\nFrom: Kim Lee <kim.lee@outlook.com>\nOur OSM is it@lee-law.example."
    assert on_header_line(text, text.index("kim.lee@"))
    assert not on_header_line(text, text.index("it@lee-law"))


@pytest.mark.parametrize("text,blank,kept", [
    ("Hallo,\nhier Ihre Vorlage:\nOSM-Adresse: [z. B. erika.muster@firma.de]\nSpam-Ordner geprüft (ja/nein): [ja/nein]\n"
     "Nutzungsbeginn: ____\nDie Aktivierungsmail fehlt noch immer.", "erika.muster", "Die Aktivierungsmail fehlt"),
    ("Hi,\nyour form:\nOSM address: [e.g. jane.roe@company.com]\nJunk folder checked (yes/no): []\n"
     "The activation mail is still missing.", "jane.roe", "The activation mail is still missing"),
])
def test_a_template_line_left_blank_or_as_example_states_nothing(text, blank, kept):
    body = clean_body(text)
    assert blank not in body and "geprüft" not in body and "checked" not in body and kept in body


@pytest.mark.parametrize("text,kept", [
    ("Hallo,\nOSM-Adresse: [it@kober-druck.de]\nSpam-Ordner geprüft: [ja]\nDie Mail fehlt.", "it@kober-druck.de"),
    ("Hi,\nOSM address: [it@kober-print.com]\nJunk folder checked: [yes]\nThe mail is missing.", "it@kober-print.com"),
])
def test_a_template_line_filled_in_keeps_its_answer(text, kept):
    body = clean_body(text)
    assert kept in body and (": [ja]" in body or ": [yes]" in body)


@pytest.mark.parametrize("text,dismissed,kept", [
    ("Hallo,\nfür unseren zweiten Vertrag ist der Nutzungsbeginn der 01.03.2027. Um den geht es hier aber nicht: "
     "Für Vertrag 41200 fehlt die Aktivierungsmail.", "01.03.2027", "Für Vertrag 41200 fehlt die Aktivierungsmail."),
    ("Hi,\nour second tenant still lists ops@outlook.com as OSM - but that one is not what this is about. "
     "For our main enrollment the activation mail is missing.", "ops@outlook.com", "the activation mail is missing"),
])
def test_what_the_writer_dismisses_as_another_matter_is_no_statement(text, dismissed, kept):
    body = clean_body(text)
    assert dismissed not in body and kept in body


@pytest.mark.parametrize("text,kept", [
    ("Vorlage:\nKaufdatum: TT.MM.JJJJ (z. B. 03.04.2026)\nLink abgelaufen: ja/nein\n--\nHallo, der Aktivierungslink geht "
     "nicht mehr, Vorlage folgt.\nGruß Kim", "der Aktivierungslink geht nicht mehr"),
    ("Template:\nPurchase date: DD.MM.YYYY (e.g. 03.04.2026)\nLink expired: yes/no\n--\nHi, the activation link fails, "
     "will fill in the form later.\nThanks, Kim", "the activation link fails"),
])
def test_an_unfilled_template_states_nothing_and_the_line_below_its_rule_stays(text, kept):
    body = clean_body(text)
    assert kept in body and "03.04.2026" not in body and "ja/nein" not in body and "yes/no" not in body


def test_a_filled_in_choice_and_a_real_date_stay():
    body = clean_body("Hallo,\nKaufdatum: 03.04.2026\nLink abgelaufen: ja\nDer Link geht nicht.")
    assert "03.04.2026" in body and "abgelaufen: ja" in body


@pytest.mark.parametrize("text,own,framed", [
    ("Hallo,\nhier ein Auszug aus der alten Mail unseres Händlers:\n--- Kaufdatum: 04.03.2025, Lizenzen bestätigt ---\n"
     "Der neue Aktivierungslink zeigt nur einen Fehler.", "Der neue Aktivierungslink zeigt nur einen Fehler.",
     "Kaufdatum: 04.03.2025, Lizenzen bestätigt"),
    ("Hi,\nan excerpt of the reseller's old mail:\n---- Purchase date: 4 March 2025, licences confirmed ----\n"
     "The new activation link only shows an error.", "The new activation link only shows an error.",
     "Purchase date: 4 March 2025, licences confirmed"),
])
def test_a_line_framed_by_dashes_is_a_pasted_excerpt_not_the_customers_words(text, own, framed):
    assert own in clean_body(text) and framed not in clean_body(text)
    assert framed in quoted_text(text)


def test_a_forward_header_framed_by_dashes_still_opens_the_forwarded_mail():
    text = ("Bitte ansehen.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Eva Kern\n"
            "Die Mail fehlt seit Tagen.\n")
    assert "Die Mail fehlt seit Tagen." in quoted_text(text) and clean_body(text) == "Bitte ansehen."


@pytest.mark.parametrize("text,first,second", [
    ("Hallo,\n\nbei uns fehlt die Aktivierungsmail für Visio.\n\nBeste Grüße\nKlara Nowak\n\n"
     "--- Nachtrag von Jens Ott (IT, selbe Firma) ---\nIch habe den Spam-Ordner heute früh selbst durchsucht.\nJens",
     "bei uns fehlt die Aktivierungsmail für Visio.", "Ich habe den Spam-Ordner heute früh selbst durchsucht."),
    ("Hello,\n\nno activation mail for our Visio order.\n\nKind regards\nKlara\n\n"
     "--- Note from Jens (our IT admin) ---\nI searched the junk folder myself this morning.\nJens",
     "no activation mail for our Visio order.", "I searched the junk folder myself this morning."),
])
def test_a_second_writer_of_the_same_company_below_a_framed_line_writes_own_words(text, first, second):
    body = clean_body(text)
    assert first in body and second in body and "Grüße" not in body and "regards" not in body


def test_a_framed_answer_of_the_support_desk_stays_quoted():
    text = ("Hallo,\n\nkeine Aktivierungsmail bisher.\n\nGruß\nKlara\n\n"
            "--- Antwort von Support ---\nBitte prüfen Sie den Junk-Ordner.")
    assert "Junk-Ordner" not in clean_body(text)


def test_a_quoted_addition_of_a_colleague_named_above_it_is_own_words():
    text = ("Hallo,\nwarum kommt keine Aktivierungsmail?\nGruß Nina\n\n> Nachtrag von Paul Brandt (Einkauf):\n"
            "> Die Bestellung habe ich noch gar nicht abgeschickt.\n> Paul")
    assert "Die Bestellung habe ich noch gar nicht abgeschickt." in clean_body(text)


@pytest.mark.parametrize("head", ["Nachtrag von unserem Händler", "Note from the support team"])
def test_a_quoted_addition_of_the_desk_or_another_company_stays_quoted(head):
    text = f"Hallo,\nwarum kommt keine Aktivierungsmail?\nGruß Nina\n\n> {head}:\n> Die Bestellung ist noch nicht abgeschickt.\n"
    assert "abgeschickt" not in clean_body(text) and "abgeschickt" in quoted_text(text)


def test_a_framed_addition_of_a_reseller_stays_quoted():
    text = "Hallo,\nkeine Aktivierungsmail.\n\nGruß\nNina\n\n--- Ergänzung von unserem Händler ---\nBestellung ist raus."
    assert "Bestellung ist raus." not in clean_body(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Bitte schau mal.\n\n---------- Weitergeleitete Nachricht ----------\nVon: A <a@b.de>\n\nText", True),
    ("Over to you.\n\n---------- Forwarded message ---------\nFrom: A <a@b.com>\n\nText", True),
    ("Danke!\n\n-----Ursprüngliche Nachricht-----\nVon: Support\n\nText", False),
    ("Siehe unten, die Mail ist weitergeleitet.", False),
])
def test_forwards_needs_a_header_of_forwarding(text, expected):
    assert forwards(text) is expected
