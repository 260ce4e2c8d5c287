"""Errors carry their context as fields; their text is the one line a user reads."""

from __future__ import annotations

from datetime import date

import pytest

from faq.errors import InputError, Problem
from faq.flows.values import parse_value
from faq.kb.loader import load_knowledge_base


def _fact(fact_id: str):
    kb = load_knowledge_base()
    for flow in kb.flows:
        for fact in flow.facts:
            if fact.id == fact_id:
                return fact
    raise AssertionError(fact_id)


def test_a_bad_value_names_its_fact_and_value_as_fields() -> None:
    with pytest.raises(InputError) as info:
        parse_value(_fact("osm_email"), "kein at", date(2026, 11, 24), "de")
    exc = info.value
    assert exc.fact == "osm_email"
    assert exc.value == "kein at"
    assert "osm_email" not in exc.reason  # a customer never sees fact names
    assert str(exc) == f"osm_email: {exc.reason}"


def test_context_added_later_leads_the_line_and_keeps_the_fields() -> None:
    exc = InputError("'x' is not a date", value="x").within(option="--today")
    assert (exc.option, exc.value, exc.reason) == ("--today", "x", "'x' is not a date")
    assert str(exc) == "--today: 'x' is not a date"


def test_a_problem_names_file_line_and_rule() -> None:
    problem = Problem("flows/a.yaml", 3, "unknown fact 'x'", rule="flow-unknown-fact")
    assert (problem.file, problem.line, problem.rule) == ("flows/a.yaml", 3, "flow-unknown-fact")
    assert str(problem) == "flows/a.yaml:3: unknown fact 'x'"
