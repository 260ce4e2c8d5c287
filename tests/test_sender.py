"""The sender's name under a ticket's closing, for the reply's greeting."""

import pytest

from faq.tickets.sender import sender_name


@pytest.mark.parametrize("text,name", [
    ("Hallo,\n\ndie Mail fehlt.\n\nViele Grüße\nP. Kaiser", "P. Kaiser"),
    ("Hi, the mail never came. Could you check? Thanks, Dana", "Dana"),
    ("Guten Tag,\nnoch nichts.\n\n> Am 2.11. schrieb Support:\n> Frage?\n\nMit freundlichen Grüßen\nFrank Ostermann\n"
     "Wasserverband Oberland", "Frank Ostermann"),
    ("Best regards,\nRuth Adeyemi | Procurement | ruth@contoso.example", "Ruth Adeyemi"),
])
def test_name_under_the_closing(text, name):
    assert sender_name(text) == name


@pytest.mark.parametrize("text", [
    "Best regards,\nYour IT team",
    "Danke für die schnelle Hilfe bei dem Problem.",
    "Viele Grüße\nit-admin@contoso.de",
    "Hello, no closing here at all",
])
def test_no_name_when_none_is_clear(text):
    assert sender_name(text) == ""
