"""Triage on labelled tickets: one set per ticket, one written blind to the cue phrases."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.triage import triage_text
from faq.cache import load

DATA = Path(__file__).parent / "data"
MINE = yaml.safe_load((DATA / "tickets.yaml").read_text(encoding="utf-8"))
BLIND = yaml.safe_load((DATA / "tickets_blind.yaml").read_text(encoding="utf-8"))


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


def test_blind_tickets_meet_the_bars(kb_matcher):
    """Tickets written without seeing the flows' cue phrases: topics and causes mostly right."""
    kb, matcher = kb_matcher
    today = date.fromisoformat(BLIND["today"])
    topics = causes = settled = 0
    for case in BLIND["tickets"]:
        result = triage_text(case["text"], kb, matcher, today)
        topics += _topic_ok(result, case["expect"])
        if case.get("cause"):
            settled += 1
            causes += result.cause == case["cause"]
    assert topics / len(BLIND["tickets"]) >= 0.95
    assert causes / settled >= 0.85
