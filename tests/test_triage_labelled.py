"""Triage on labelled tickets: one set per ticket, one written blind to the cue phrases."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from faq.search.cache import load
from faq.tickets.triage import triage_text

DATA = Path(__file__).parent / "data"
MINE = yaml.safe_load((DATA / "tickets.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb_matcher():
    return load(None)


def _topic_ok(result, expect) -> bool:
    if expect is None:
        return result.match.outcome == "no_match"
    expected = set(expect) if isinstance(expect, list) else {expect}
    return result.match.id in expected


@pytest.mark.parametrize("case", MINE["tickets"], ids=[t["text"][:40] for t in MINE["tickets"]])
def test_labelled_ticket(kb_matcher, case):
    kb, matcher = kb_matcher
    result = triage_text(case["text"], kb, matcher, date.fromisoformat(MINE["today"]))
    assert _topic_ok(result, case["expect"]), (result.match.id, result.match.confidence)
    assert result.cause == case["cause"], result.facts


# Sets written by other sessions from the seed alone, without seeing the flows' cue phrases:
# (file, least share of right topics, least share of right causes where the ticket settles one).
BLIND_SETS = [
    ("tickets_blind.yaml", 0.95, 0.85),   # German and English, cues in the customers' words
    ("tickets_blind2.yaml", 0.92, 0.9),   # signatures, mixed date formats, English
    ("tickets_blind3.yaml", 0.93, 0.95),  # quoted earlier mails, "May 29, 2026", "gestern", Windows/MAK
    ("tickets_blind4.yaml", 0.88, 0.75),  # forwarded mails that hold the facts, replies below quotes
    # help-desk wording, decoy dates in forwarded headers, Intune. Causes 16 of 19 ("Nr." no longer
    # ends the reader's sentence).
    ("tickets_blind5.yaml", 0.83, 0.84),
    # the public dev set's mix and style; causes 13/14 since the learned matcher: the sentence "Im VLSC sehe
    # ich, dass die Mail an einen anderen Kontakt ging" takes the ticket to the recipient entry (open, issue 14)
    ("tickets_blind6.yaml", 0.9, 0.92),
]


@pytest.mark.parametrize(("name", "topic_bar", "cause_bar"), BLIND_SETS, ids=[n for n, _, _ in BLIND_SETS])
def test_blind_ticket_set_meets_the_bars(kb_matcher, name, topic_bar, cause_bar):
    kb, matcher = kb_matcher
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    today = date.fromisoformat(data["today"])
    topics = causes = settled = 0
    for case in data["tickets"]:
        result = triage_text(case["text"], kb, matcher, today)
        topics += _topic_ok(result, case["expect"])
        if case.get("cause"):
            settled += 1
            causes += result.cause == case["cause"]
    assert topics / len(data["tickets"]) >= topic_bar
    assert causes / settled >= cause_bar
