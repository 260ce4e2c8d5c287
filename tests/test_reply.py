"""Suggested replies: the resolution, or the answer plus the question; in the ticket's language."""

from datetime import date
from pathlib import Path

from faq.flows.engine import diagnose
from faq.kb.loader import load_knowledge_base
from faq.tickets.reply import answer_summary, suggest_reply

KB = load_knowledge_base(Path(__file__).parent / "fixtures" / "tickets" / "kb")
TODAY = date(2026, 11, 24)
FLOW = KB.flow("missing-activation-email")


def test_resolution_reply_german():
    diag = diagnose(FLOW, {"osm_email": "anna@outlook.com"}, TODAY)
    text = suggest_reply(KB, "activation-email-missing", "de", FLOW, diag, "outlook-com-address")
    assert text.startswith("Guten Tag,")
    assert "An anna@outlook.com werden keine Aktivierungs-E-Mails gesendet." in text
    assert "1. Ändern Sie den Abonnementkontakt in VLSC." in text
    assert text.rstrip().endswith("Ihr Support-Team")


def test_resolution_reply_english_fills_deadline():
    flow = KB.flow("activation-link-expiry")
    diag = diagnose(flow, {"purchase_date": date(2026, 1, 5)}, TODAY)
    text = suggest_reply(KB, "activation-link-expiry", "en", flow, diag, "activation-link-expired")
    assert text.startswith("Hello,") and "5 Jul 2026" in text and "Best regards" in text


def test_question_reply():
    diag = diagnose(FLOW, {}, TODAY)
    text = suggest_reply(KB, "activation-email-missing", "de", FLOW, diag, None)
    assert "Einige häufige Gründe" in text
    assert diag.next_fact.question.de in text


def test_no_match_reply_points_to_support():
    text = suggest_reply(KB, None, "en", None, None, None)
    assert "not about activating online services" in text and "web form" in text


def test_entry_without_flow_gives_its_answer():
    text = suggest_reply(KB, "renewal-doubled-licenses", "de")
    assert "Status Aktiv" in text


def test_answer_summary_short_is_first_paragraph():
    entry = KB.entry("activation-email-missing")
    assert answer_summary(entry, "de", short=True).startswith("Einige häufige Gründe")
    assert "- Aktivierungs-E-Mails werden nicht an outlook.com gesendet." in answer_summary(entry, "de")
