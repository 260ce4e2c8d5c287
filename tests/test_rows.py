"""Form lines read as "label: value" (faq/tickets/rows.py): table rows, arrows and dashes after a box
or bullet answer their label by their value; an unticked box without a value states nothing (new
tickets in German and English, bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.rows import as_labels

KB = load_knowledge_base()
TODAY = date(2026, 11, 26)


def read(text: str, lang: str, flow: str = "missing-activation-email") -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\n| Punkt | Stand |\n|---|---|\n| Domäne in einem Onlinekonto verifiziert | Nein |\n"
           "| OSM ist globaler Administrator | nein, nur Benutzer |\n\nDie Aktivierungsmail fehlt weiterhin."),
    ("en", "Hi,\n\n| Item | Status |\n|:--|:--|\n| Domain verified for a tenant | No |\n"
           "| OSM is a global admin | no (plain user) |\n\nThe activation email still has not arrived."),
])
def test_a_table_row_answered_no_denies_its_label(lang, text):
    facts = read(text, lang)
    assert facts.get("domain_verified") is False
    assert facts.get("osm_is_admin") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\n| Frage | Antwort |\n|---|---|\n| Gleicher Organisationsname wie bisher? | ja |\n"
           "| Weitere Registrierungen mit diesem Namen? | nein |\n\nMüssen wir die Verlängerung aktivieren?"),
    ("en", "Hello,\n\n| Question | Answer |\n|---|---|\n| Same organization name as before? | yes |\n"
           "| Other enrollments with that name? | no |\n\nDo we need to activate the renewal?"),
])
def test_a_table_row_asking_its_label_takes_its_answer(lang, text):
    facts = read(text, lang, "renewal-activation")
    assert facts.get("same_org_name") is True
    assert facts.get("multiple_enrollments_same_org") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\nDomain verifiziert? -> Ja, seit letztem Jahr\nSpam geprüft? -> ja\n\nTrotzdem keine Aktivierungsmail."),
    ("en", "Hello,\n\nDomain verified? => Yes, since last spring\nJunk folder checked -> yes\n\nStill no activation email."),
])
def test_an_arrow_gives_the_labels_answer(lang, text):
    facts = read(text, lang)
    assert facts.get("domain_verified") is True
    assert facts.get("junk_checked") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\n[x] Bestellung aufgegeben\n[ ] Spam-Ordner kontrolliert – nein, noch nicht\n\nKeine Aktivierungsmail bisher."),
    ("en", "Hi,\n\n- order placed - yes\n- spam folder looked at - no, not yet\n\nNo activation email so far."),
])
def test_a_dash_after_a_box_or_bullet_gives_the_labels_answer(lang, text):
    facts = read(text, lang)
    assert facts.get("junk_checked") is False
    assert facts.get("order_placed") is True


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\n[x] Bestellung aufgegeben\n[ ] Spam-Ordner kontrolliert\n\nKeine Aktivierungsmail bisher."),
    ("en", "Hi,\n\n[x] order placed\n[ ] spam folder looked at\n\nNo activation email so far."),
])
def test_an_unticked_box_without_an_answer_states_nothing(lang, text):
    facts = read(text, lang)
    assert "junk_checked" not in facts
    assert facts.get("order_placed") is True


@pytest.mark.parametrize("text", [
    "Wir haben den Spam-Ordner geprüft - nein, das hat nichts gebracht, die Mail kam trotzdem nicht.",
    "| Spalte | Wert | Notiz |\n| Spam | ja | leer |",
    "|---|---|",
    "Die Domäne ist verifiziert - das hat unser Partner erledigt.",
    "We checked the spam folder - no, nothing there, and the mail never came.",
    "- we looked at the junk folder - no luck, it is empty",
])
def test_prose_a_wide_table_or_a_dash_without_an_answer_stays_as_written(text):
    assert as_labels(text) == text


def test_the_rewrite_keeps_every_offset_and_the_evidence_quotes_the_original():
    text = "Hallo,\n\n| Domäne verifiziert | nein |\n| Spam geprüft | ja |\n\nKeine Aktivierungsmail."
    assert len(as_labels(text)) == len(text)
    read_ = extract_facts(text, KB.flow("missing-activation-email"), TODAY, "de", KB.vocabulary)
    evidence = read_.evidence["domain_verified"]
    assert evidence.sentence == "| Domäne verifiziert | nein |"
    assert text[evidence.start:evidence.end] == evidence.quote
