"""Whether a date known only within a range decides a flow (faq.flows.outcomes)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from faq.flows.outcomes import rough_decides, span_days
from faq.flows.roughdates import RoughDate
from faq.kb.loader import load_knowledge_base

TODAY = date(2026, 11, 26)


def _flow():
    kb = load_knowledge_base(Path(__file__).parent.parent / "knowledge")
    flow = kb.flow("activation-link-expiry")
    assert flow is not None
    return flow


def test_a_span_is_every_day_from_its_earliest_to_its_latest():
    rough = RoughDate.of(date(2026, 3, 10), "vor gut drei Wochen", date(2026, 3, 8), date(2026, 3, 12))
    assert span_days(rough) == [date(2026, 3, d) for d in range(8, 13)]


def test_a_span_across_the_six_months_of_the_link_does_not_decide():
    rough = RoughDate.of(date(2026, 6, 26), "vor etwa fünf Monaten", date(2026, 5, 20), date(2026, 8, 2))
    assert not rough_decides(_flow(), {}, "purchase_date", rough, TODAY)


def test_a_span_well_within_the_six_months_decides():
    rough = RoughDate.of(date(2026, 9, 26), "about two months ago", date(2026, 9, 11), date(2026, 10, 11))
    assert rough_decides(_flow(), {}, "purchase_date", rough, TODAY)
    assert rough_decides(_flow(), {}, "purchase_date", date(2026, 5, 1), TODAY)  # an exact day decides as it is
