"""Cleaning untrusted text and making it safe for each output (`faq.language.text`)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.language.text import clean, safe

HOSTILE = [
    "\x1b]52;c;aGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]0;owned\x07",  # window title
    "\x1b[2J\x1b[31m",  # clear screen, colour
    "\x9b31m", "\x9d0;title\x9c",  # C1 CSI and OSC
    "\u202e", "\u061c", "\u2066", "\u200b", "\u2060", "\u2063", "\u2064", "\u206a", "\u206f", "\u180e", "\u00ad",
    "\U000e0041", "\U000e007f", "\ufeff", "\x00", "\x7f", "\x85",
]
INVISIBLE = [chr(c) for c in (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0), 0xad, 0x61c, 0x180e,
                               *range(0x200b, 0x2010), *range(0x202a, 0x202f), *range(0x2060, 0x2070), 0xfeff,
                               *range(0xe0000, 0xe0080))]


@pytest.mark.parametrize("bad", HOSTILE)
@pytest.mark.parametrize("output", ["terminal", "csv", "html", "json"])
def test_nothing_hostile_survives_any_output(bad, output):
    out = safe(f"T-{bad}1", output)
    assert out.replace("'", "") in ("T-1", "T- 1")
    assert not any(c in out for c in INVISIBLE)


def test_line_and_paragraph_separators_become_newlines_in_text_and_spaces_in_fields():
    assert clean("a\u2028b\u2029c") == "a\nb\nc"
    assert safe("a\u2028b\nc\td") == "a b c d"
    assert safe("a\nb", lines=True) == "a\nb"


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx",
                                  "＝1+1", "\x1b[0m=1"])
def test_csv_cells_that_start_a_formula_are_neutralised(cell):
    out = safe(cell, "csv")
    assert out.startswith("'")


def test_csv_keeps_ordinary_cells():
    assert safe("activation-email-missing", "csv") == "activation-email-missing"
    assert safe("T-1", "csv") == "T-1"


def test_html_escapes_markup():
    assert safe('<script>alert("x")</script>&', "html") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"


@given(st.text())
def test_safe_output_never_holds_a_control_or_format_character(text):
    for output in ("terminal", "csv", "html", "json"):
        out = safe(text, output)
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in out)
        out.encode("utf-8")  # lone surrogates (from undecodable bytes) are gone too


def test_clean_gives_the_same_text_again_and_cuts_a_long_one_as_before():
    dirty = "Keine\x07 Mail\u200b erhalten\nZeile zwei"
    assert clean(dirty) == clean(dirty) == "Keine Mail erhalten\nZeile zwei"
    assert clean(dirty, 5) == "Keine"  # another limit is not answered from the first
    long = "ä\x00" * 5000  # longer than what is remembered
    assert clean(long) == "ä" * 5000
