"""Masking addresses (domain kept) and names after greetings and closings."""

from faq.tickets.redact import mask_email, redact, redact_emails, redact_names


def test_mask_email_keeps_domain():
    assert mask_email("anna.meier@outlook.com") == "a***@outlook.com"


def test_redact_emails_in_text():
    assert redact_emails("OSM: anna@outlook.com, cc it@firma.de.") == "OSM: a***@outlook.com, cc i***@firma.de."


def test_redact_names_after_greeting_and_closing():
    text = "Hallo Frau Meier,\nder Link geht nicht.\nViele Grüße\nAnna Meier"
    out = redact_names(text)
    assert "Meier" not in out and "Hallo Frau M***," in out and out.endswith("Viele Grüße\nA***")


def test_generic_salutations_are_kept():
    assert redact_names("Sehr geehrte Damen und Herren,") == "Sehr geehrte Damen und Herren,"
    assert redact_names("Hallo zusammen,") == "Hallo zusammen,"


def test_redact_english():
    out = redact("Dear Mr Smith,\nplease help.\nBest regards,\nJohn Smith, john.smith@contoso.com")
    assert "Smith" not in out.replace("j***@contoso.com", "") and "j***@contoso.com" in out
