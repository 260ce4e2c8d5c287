"""The sender's name under a ticket's closing, for the reply's greeting."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.tickets.sender import _PIECES, sender_name


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


@pytest.mark.parametrize("text,name", [
    ("Hallo,\n\ndie Mail fehlt.\n\nDanke und Gruß\nHelga Brandner\nStadtwerke Nordheim", "Helga Brandner"),
    ("Hello,\n\nthe mail is missing.\n\nKind regards,\nDr. Amara Osei\nHead of IT", "Dr. Amara Osei"),
    ("Guten Tag,\n\nder Link geht nicht.\n\nMit freundlichen Grüßen\ni. A. Petra Lindner", "Petra Lindner"),
    ("Hallo,\n\nkeine Mail da.\n\nGrüße aus Bremen\nOle Petersen", "Ole Petersen"),
    ("Hi,\n\nstill no licences in the portal. What now?\n\nPriya Raman\nRaman Consulting", "Priya Raman"),
    ("Hi, the email never came. Could you look into it? - Tomás", "Tomás"),
    ("hi,\n\nno activation mail yet.\n\nthx\nKofi Mensah", "Kofi Mensah"),
])
def test_name_in_the_ways_people_sign(text, name):
    assert sender_name(text) == name


@pytest.mark.parametrize("text", [
    "Hello,\n\nthe mail is missing.\n\nMicrosoft Teams",
    "Hallo,\n\nWo bleibt die Mail?\n\nGesendet von meinem iPhone",
    "Hi,\n\nany news?\n\nIT Director, Pinecrest County",
    "Hallo,\n\ndie Mail fehlt.\n\nVielen Dank!",
])
def test_no_bare_name_where_none_is(text):
    assert sender_name(text) == ""


@pytest.mark.parametrize("text,name", [
    ("Die Lizenzen fehlen im Portal. Nutzungsbeginn war der 01.10.2026. Viele Grüße, Jana Roth", "Jana Roth"),
    ("The Visio licences are missing. Usage started on 1 October 2026. Regards, Kim Lee", "Kim Lee"),
])
def test_a_closing_after_a_sentence_ending_in_a_year_is_found(text, name):
    assert sender_name(text) == name


@given(st.text(alphabet=st.sampled_from(list("aB1 \n\t.!?-–—Ä")), max_size=30))
def test_pieces_are_those_the_pattern_finds_without_its_quick_look(text):
    head = "(?=\\s)(?:"
    assert _PIECES.pattern.startswith(head)
    slow = re.compile(_PIECES.pattern[len(head):-1])
    assert _PIECES.split(text) == slow.split(text)
