"""The web chat's answers to what a user types mid-diagnosis: a question instead of picking a
reading of an ambiguous date, a date that reads two ways. Driven by Starlette's test client."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
pytest.importorskip("multipart")
pytest.importorskip("httpx")

from tests.test_web_app import client, pick, say, start, text_of  # noqa: E402
from tests.web_helpers import buttons  # noqa: E402


def test_a_question_asked_instead_of_picking_a_reading_offers_both_readings_again():
    c = client()
    cid, html = start(c)
    html = pick(c, cid, html, "Läuft der Aktivierungslink ab?").text
    html = pick(c, cid, html, "Diagnose starten").text
    html = say(c, cid, html, "3/4/2026").text
    html = say(c, cid, html, "Wer ist der OSM?").text
    assert "Wer erhält die Aktivierungs-E-Mail von Microsoft?" in text_of(html)
    labels = [b[2] for b in buttons(html)]
    assert "3. April 2026" in labels and "4. März 2026" in labels  # still offered, to be picked
    assert text_of(html).rindex("4. März 2026") > text_of(html).index("Zurück zur Diagnose")
    html = pick(c, cid, html, "4. März 2026").text
    assert "Ergebnis:" in text_of(html) and "04.03.2026" in text_of(html)


def test_a_stated_date_that_reads_two_ways_is_asked_and_offered_in_both_readings():
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Läuft der Aktivierungslink ab? Wir haben am 3/4/2026 gekauft.").text
    html = pick(c, cid, html, "Diagnose starten").text
    assert "Ja" not in [b[2] for b in buttons(html)]  # no single reading to confirm
    html = say(c, cid, html, "3/4/2026").text
    labels = [b[2] for b in buttons(html)]
    assert "3. April 2026" in labels and "4. März 2026" in labels
    html = pick(c, cid, html, "4. März 2026").text
    assert "Ergebnis:" in text_of(html) and "04.03.2026" in text_of(html)
