"""The diagnostic engine (faq.flows.engine) on the bundled flows."""

from __future__ import annotations

import math
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from faq.errors import InputError
from faq.flows.engine import (
    NEEDS_INPUT,
    RESOLVED,
    UNKNOWN,
    UNRESOLVED,
    answer,
    back,
    cause_state,
    condition_state,
    diagnose,
    diagnosis_json,
    fill,
    relevant_facts,
)
from faq.kb.loader import parse_knowledge_base
from faq.kb.model import Flow

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 24)
MISSING = object()
FLOW_IDS = (
    "missing-activation-email",
    "licenses-not-visible",
    "activation-link-expiry",
    "reservation-permission",
    "renewal-activation",
)


@pytest.fixture(scope="module")
def flows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Flow]:
    """The bundled flows, parsed on their own (independent of the entries in progress)."""
    root = tmp_path_factory.mktemp("kb")
    (root / "entries").mkdir()
    shutil.copytree(ROOT / "knowledge" / "flows", root / "flows")
    kb, problems = parse_knowledge_base(root)
    assert kb is not None
    flow_problems = [p for p in problems if "flows" in p.file]
    assert flow_problems == []
    return {f.id: f for f in kb.flows}


def d(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def run(flow: Flow, today: date = TODAY, **facts: Any):
    return diagnose(flow, facts, today)


# --- scenarios -----------------------------------------------------------------------

MAE_NONE = dict(
    osm_email="it@beispiel-ag.de", domain_verified=False, osm_is_admin=False, enrollment_linked=False,
    usage_start=d(30), order_placed=True, reservation_effective=True, sent_to_other_contact=False,
    junk_checked=True,
)


@pytest.mark.parametrize(
    ("flow_id", "facts", "expected"),
    [
        ("missing-activation-email", {**MAE_NONE, "usage_start": date(2026, 12, 1)}, "usage-start-pending"),
        ("missing-activation-email", {"osm_email": "info@outlook.com"}, "outlook-com-address"),
        ("missing-activation-email", {"osm_email": "Info@OUTLOOK.COM"}, "outlook-com-address"),
        ("missing-activation-email", {"osm_email": "info@outlook.com.evil.de"}, NEEDS_INPUT),
        ("missing-activation-email", {"domain_verified": True}, "domain-verified"),
        ("missing-activation-email", {"osm_is_admin": True}, "osm-is-existing-admin"),
        ("missing-activation-email", {"enrollment_linked": True}, "enrollment-already-linked"),
        ("missing-activation-email", {"usage_start": d(1)}, "usage-start-pending"),
        ("missing-activation-email", {"usage_start": d(0)}, "usage-start-pending"),
        ("missing-activation-email", {"order_placed": False}, "no-order"),
        ("missing-activation-email", {"reservation_effective": False, "reservation_date": d(2)}, "reservation-not-processed"),
        ("missing-activation-email", {"reservation_effective": False, "reservation_date": d(9)}, "reservation-not-processed"),
        # yesterday may be 1 or 47 hours ago: the hours decide
        ("missing-activation-email", {**MAE_NONE, "reservation_effective": False, "reservation_date": d(1)}, NEEDS_INPUT),
        ("missing-activation-email", {"reservation_effective": False, "reservation_date": d(1),
                                      "reservation_over_25h": True}, "reservation-not-processed"),
        ("missing-activation-email", {**MAE_NONE, "reservation_effective": False, "reservation_date": d(1),
                                      "reservation_over_25h": False}, UNRESOLVED),
        ("missing-activation-email", {**MAE_NONE, "reservation_effective": False, "reservation_date": d(0)}, UNRESOLVED),
        ("missing-activation-email", {"sent_to_other_contact": True}, "sent-to-other-contact"),
        ("missing-activation-email", {"junk_checked": False}, "junk-folder"),
        ("missing-activation-email", MAE_NONE, UNRESOLVED),
        # priority: the first proven cause wins
        ("missing-activation-email", {"junk_checked": False, "domain_verified": True}, "domain-verified"),
        ("missing-activation-email", {**MAE_NONE, "usage_start": d(1), "osm_email": "x@outlook.com"}, "outlook-com-address"),
        ("licenses-not-visible", {"usage_start": "01.08.2026"}, None),
        ("licenses-not-visible", {"usage_start": date(2026, 8, 1), "is_addon": True, "base_same_enrollment": False,
                                  "right_account": True, "service_in_country": True}, "addon-base-mismatch"),
        ("licenses-not-visible", {"usage_start": d(1)}, "usage-start-pending"),
        ("licenses-not-visible", {"right_account": False}, "wrong-account"),
        ("licenses-not-visible", {"service_in_country": False}, "country-not-launched"),
        ("licenses-not-visible", {"usage_start": d(10), "is_addon": False, "right_account": True,
                                  "service_in_country": True}, UNRESOLVED),
        ("licenses-not-visible", {"usage_start": d(2), "is_addon": False, "right_account": True,
                                  "service_in_country": True}, UNRESOLVED),
        ("licenses-not-visible", {"usage_start": d(10), "is_addon": True, "base_same_enrollment": True,
                                  "right_account": True, "service_in_country": True}, UNRESOLVED),
        ("licenses-not-visible", {"usage_start": UNKNOWN, "is_addon": False, "right_account": True,
                                  "service_in_country": True}, UNRESOLVED),
        ("activation-link-expiry", {"purchase_date": date(2026, 10, 1)}, "activation-link-valid"),
        ("activation-link-expiry", {"purchase_date": date(2026, 5, 24)}, "activation-link-valid"),
        ("activation-link-expiry", {"purchase_date": date(2026, 5, 23)}, "activation-link-expired"),
        ("activation-link-expiry", {"purchase_date": date(2026, 1, 5)}, "activation-link-expired"),
        ("activation-link-expiry", {"purchase_date": UNKNOWN}, UNRESOLVED),
        ("activation-link-expiry", {}, NEEDS_INPUT),
        ("reservation-permission", {"role": "osm"}, "needs-reservation-permission"),
        ("reservation-permission", {"role": "other"}, "needs-reservation-permission"),
        ("reservation-permission", {"role": "ola"}, "can-reserve"),
        ("reservation-permission", {"role": "vlsc-admin"}, "can-reserve"),
        ("reservation-permission", {"role": "osm-manage-reservations"}, "can-reserve"),
        ("reservation-permission", {"role": UNKNOWN}, UNRESOLVED),
        ("renewal-activation", {"same_org_name": True, "multiple_enrollments_same_org": False}, "renewal-auto-assigned"),
        ("renewal-activation", {"same_org_name": True, "multiple_enrollments_same_org": True}, "activate-each-enrollment"),
        ("renewal-activation", {"multiple_enrollments_same_org": True}, "activate-each-enrollment"),
        # a different organisation name alone proves nothing (the seed says nothing of it)
        ("renewal-activation", {"same_org_name": False}, NEEDS_INPUT),
        ("renewal-activation", {"same_org_name": False, "multiple_enrollments_same_org": False}, UNRESOLVED),
        ("renewal-activation", {"same_org_name": False, "multiple_enrollments_same_org": True}, "activate-each-enrollment"),
        ("renewal-activation", {"same_org_name": True}, NEEDS_INPUT),
        ("renewal-activation", {"same_org_name": True, "multiple_enrollments_same_org": UNKNOWN}, UNRESOLVED),
    ],
)
def test_scenarios(flows: dict[str, Flow], flow_id: str, facts: dict, expected: str | None) -> None:
    if expected is None:
        return  # raw strings are the CLI's business (test_diagnose_cli)
    diag = diagnose(flows[flow_id], facts, TODAY)
    got = diag.cause if diag.status == RESOLVED else diag.status
    assert got == expected


def test_purchase_date_month_ends(flows: dict[str, Flow]) -> None:
    flow = flows["activation-link-expiry"]
    assert run(flow, date(2027, 2, 28), purchase_date=date(2026, 8, 31)).cause == "activation-link-valid"
    assert run(flow, date(2027, 3, 1), purchase_date=date(2026, 8, 31)).cause == "activation-link-expired"
    assert run(flow, date(2028, 2, 29), purchase_date=date(2027, 8, 31)).cause == "activation-link-valid"
    assert run(flow, date(2028, 3, 1), purchase_date=date(2027, 8, 31)).cause == "activation-link-expired"


def test_tells_what_was_computed(flows: dict[str, Flow]) -> None:
    flow = flows["activation-link-expiry"]
    diag = run(flow, date(2026, 11, 24), purchase_date=date(2026, 8, 31))
    assert "Ihr Aktivierungslink ist bis 28.02.2027 gültig" in fill(diag.resolution.text.de, diag, "de")
    assert "valid until 28 Feb 2027" in fill(diag.resolution.text.en, diag, "en")
    mae = run(flows["missing-activation-email"], usage_start=date(2026, 11, 23))
    data = diagnosis_json(mae, flows["missing-activation-email"], "de")
    assert "25.11.2026" in data["resolution"]["text"] and "23.11.2026" in data["resolution"]["text"]
    assert data["resolution"]["contact"] == "Warten bis 25.11.2026"


def test_reservation_25_hours(flows: dict[str, Flow]) -> None:
    flow = flows["missing-activation-email"]
    today = run(flow, **MAE_NONE | {"reservation_effective": False, "reservation_date": d(0)})
    assert today.cause == UNRESOLVED  # less than 24 hours: not yet overdue
    # yesterday may be 1 or 47 hours ago: the date alone cannot decide, so the hours are asked
    yesterday = run(flow, **MAE_NONE | {"reservation_effective": False, "reservation_date": d(1)})
    assert yesterday.status == NEEDS_INPUT and yesterday.next_fact.id == "reservation_over_25h"
    over = run(flow, **MAE_NONE | {"reservation_effective": False, "reservation_date": d(1), "reservation_over_25h": True})
    assert over.cause == "reservation-not-processed"
    old = run(flow, **MAE_NONE | {"reservation_effective": False, "reservation_date": d(2)})
    assert old.cause == "reservation-not-processed"
    # the seed names the VLSC support team for it, in both languages
    assert "Supportteam von VLSC" in over.resolution.contact.de and "VLSC support team" in over.resolution.contact.en
    assert over.resolution.contact_kind == "vlsc-support"
    # a reservation taken effect is no reason, however old
    assert run(flow, **MAE_NONE | {"reservation_date": d(1), "reservation_over_25h": True}).cause == UNRESOLVED


def test_question_order_cheap_and_decisive_first(flows: dict[str, Flow]) -> None:
    flow = flows["missing-activation-email"]
    asked = []
    facts: dict = {}
    values = {"osm_email": "it@firma.de", "usage_start": d(30), "reservation_date": d(30)}
    while True:
        diag = diagnose(flow, facts, TODAY)
        if diag.status == RESOLVED:
            break
        fact = diag.next_fact
        asked.append(fact.id)
        value = values.get(fact.id, fact.id in ("junk_checked", "order_placed", "reservation_effective"))
        facts = answer(facts, fact.id, value)
    assert asked[:3] == ["osm_email", "usage_start", "junk_checked"]
    assert asked.index("reservation_date") < asked.index("reservation_effective")
    assert asked[-2:] == ["sent_to_other_contact", "reservation_effective"]
    assert diag.cause == UNRESOLVED and diag.possible == ()
    assert diag.path == tuple(asked)


def test_recent_reservation_skips_the_vlsc_question(flows: dict[str, Flow]) -> None:
    flow = flows["missing-activation-email"]
    facts = {k: v for k, v in MAE_NONE.items() if k != "reservation_effective"} | {"reservation_date": d(0)}
    diag = diagnose(flow, facts, TODAY)
    assert diag.status == RESOLVED and diag.cause == UNRESOLVED  # reservation_effective cannot matter


def test_old_reservation_never_asks_the_hours(flows: dict[str, Flow]) -> None:
    # placed a month ago: more than 25 hours for certain, so only whether it took effect can matter
    flow = flows["missing-activation-email"]
    facts = {k: v for k, v in MAE_NONE.items() if k != "reservation_effective"} | {"reservation_date": d(30)}
    assert [f.id for f in relevant_facts(flow, facts, TODAY)] == ["reservation_effective"]
    assert diagnose(flow, facts, TODAY).next_fact.id == "reservation_effective"


def test_unknown_never_dead_ends(flows: dict[str, Flow]) -> None:
    flow = flows["missing-activation-email"]
    facts: dict = {}
    for _ in range(len(flow.facts) + 1):
        diag = diagnose(flow, facts, TODAY)
        if diag.status == RESOLVED:
            break
        facts = answer(facts, diag.next_fact.id, UNKNOWN)
    assert diag.cause == UNRESOLVED
    assert set(diag.possible) == {c.id for c in flow.causes}
    assert relevant_facts(flow, diag.facts, TODAY) == []
    # after "don't know" for the reservation date nothing else proves that cause: not asked
    assert {f.id for f in flow.facts} - set(diag.facts) == {"reservation_effective", "reservation_over_25h"}


def test_unknown_continues_with_other_checks(flows: dict[str, Flow]) -> None:
    flow = flows["missing-activation-email"]
    diag = run(flow, osm_email=UNKNOWN)
    assert diag.status == NEEDS_INPUT and diag.next_fact.id == "usage_start"
    diag = run(flow, **MAE_NONE | {"osm_email": UNKNOWN})
    assert diag.cause == UNRESOLVED and diag.possible == ("outlook-com-address",)


def test_licenses_possible_lists_open_causes(flows: dict[str, Flow]) -> None:
    flow = flows["licenses-not-visible"]
    diag = run(flow, usage_start=d(10), is_addon=True, base_same_enrollment=UNKNOWN, right_account=True,
               service_in_country=True)
    assert diag.cause == UNRESOLVED
    assert diag.possible == ("addon-base-mismatch",)


def test_expiry_unknown_names_both(flows: dict[str, Flow]) -> None:
    diag = run(flows["activation-link-expiry"], purchase_date=UNKNOWN)
    assert diag.cause == UNRESOLVED
    assert set(diag.possible) == {"activation-link-expired", "activation-link-valid"}


def test_back_and_change(flows: dict[str, Flow]) -> None:
    flow = flows["renewal-activation"]
    facts = answer({}, "same_org_name", True)
    facts = answer(facts, "multiple_enrollments_same_org", True)
    assert diagnose(flow, facts, TODAY).cause == "activate-each-enrollment"
    facts = back(facts)
    assert list(facts) == ["same_org_name"]
    assert diagnose(flow, facts, TODAY).next_fact.id == "multiple_enrollments_same_org"
    facts = answer(facts, "multiple_enrollments_same_org", False)
    assert diagnose(flow, facts, TODAY).cause == "renewal-auto-assigned"
    changed = answer(facts, "same_org_name", False)
    assert list(changed) == ["same_org_name", "multiple_enrollments_same_org"]
    assert diagnose(flow, changed, TODAY).cause == UNRESOLVED  # the seed says nothing of another name
    assert back({}) == {} and back(facts, 5) == {}


def test_unknown_fact_is_an_input_error(flows: dict[str, Flow]) -> None:
    with pytest.raises(InputError, match="unknown fact 'nope'.*purchase_date"):
        diagnose(flows["activation-link-expiry"], {"nope": True}, TODAY)


def test_input_not_mutated(flows: dict[str, Flow]) -> None:
    facts = {"osm_email": "a@firma.de"}
    diag = diagnose(flows["missing-activation-email"], facts, TODAY)
    assert facts == {"osm_email": "a@firma.de"}
    with pytest.raises(TypeError):
        diag.facts["x"] = 1  # type: ignore[index]


def test_json_shape(flows: dict[str, Flow]) -> None:
    flow = flows["reservation-permission"]
    data = diagnosis_json(diagnose(flow, {}, TODAY), flow, "en")
    assert data["status"] == "needs_input" and data["cause"] is None and data["resolution"] is None
    assert data["next"]["fact"] == "role" and data["next"]["type"] == "choice"
    assert data["next"]["question"] == "Which role do you have in VLSC?"
    assert data["next"]["choices"] == ["vlsc-admin", "ola", "osm", "osm-manage-reservations", "other"]
    data = diagnosis_json(diagnose(flow, {"role": "osm"}, TODAY), flow, "de")
    assert set(data) >= {"flow", "status", "cause", "next", "facts", "possible", "resolution", "path"}
    assert data["facts"] == {"role": "osm"} and data["next"] is None
    res = data["resolution"]
    assert set(res) >= {"title", "text", "steps", "contact"}
    assert "Vereinbarungsadministrator" in res["contact"] and "Reservierung verwalten" in res["text"]
    mae = flows["missing-activation-email"]
    facts = {"junk_checked": True, "usage_start": d(30), "osm_email": UNKNOWN}
    data = diagnosis_json(diagnose(mae, facts, TODAY), mae)
    assert data["facts"] == {"junk_checked": True, "usage_start": "2026-10-25", "osm_email": "unknown"}


def test_every_cause_has_steps_and_contact(flows: dict[str, Flow]) -> None:
    for flow in flows.values():
        for res in [c.resolution for c in flow.causes] + [flow.unresolved]:
            assert res.steps["de"] and len(res.steps["de"]) == len(res.steps["en"])
            assert res.contact.de and res.contact.en and res.title.de and res.text.en


# --- exhaustive: every combination of values, missing and unknown included ----------------


def _domain(flow: Flow, fact_id: str) -> list[Any]:
    fact = flow.fact(fact_id)
    if fact.type == "yesno":
        return [MISSING, UNKNOWN, True, False]
    if fact.type == "email":
        return [MISSING, UNKNOWN, "a@Outlook.com", "a@firma.de"]
    if fact.type == "choice":
        return [MISSING, UNKNOWN, *(c.id for c in fact.choices)]
    if fact_id == "purchase_date":
        return [MISSING, UNKNOWN, date(2026, 5, 23), date(2026, 5, 24), date(2026, 5, 25), date(2027, 1, 1),
                date(2025, 11, 24)]
    return [MISSING, UNKNOWN, d(-5), d(0), d(1), d(2), d(3), d(400)]


def _classes(flow: Flow, fact_id: str) -> list[Any]:
    """One value of each equivalence class of the fact's domain.

    Two known values are equivalent when every condition of the flow on this fact gives
    them the same state; the engine sees a fact only through those states (and whether
    it is missing or unknown), so one value per class covers every case of the domain.
    `test_equivalent_values_diagnose_alike` checks that claim.
    """
    conditions = [c for cause in flow.causes for alt in cause.when for c in alt if c.fact == fact_id]
    classes: dict[tuple[Any, ...], Any] = {}
    for value in _domain(flow, fact_id):
        key: tuple[Any, ...] = ("missing",) if value is MISSING else ("unknown",) if value is UNKNOWN else tuple(
            condition_state(c, {fact_id: value}, TODAY) for c in conditions
        )
        classes.setdefault(key, value)
    return list(classes.values())


def _check(flow: Flow, facts: dict[str, Any]) -> None:
    diag = diagnose(flow, facts, TODAY)
    states = [cause_state(c, facts, TODAY) for c in flow.causes]
    proven = [c.id for c, s in zip(flow.causes, states) if s is True]
    if proven:
        assert diag.status == RESOLVED and diag.cause == proven[0], (facts, diag)
        return
    relevant = relevant_facts(flow, facts, TODAY)
    if diag.status == NEEDS_INPUT:
        fact = diag.next_fact
        assert fact is not None and fact.id not in facts and diag.resolution is None
        assert fact == relevant[0]
        # it is tested in a not-yet-false alternative of an open cause
        assert any(
            s is None and any(
                any(c.fact == fact.id for c in alt)
                and not any(condition_state(c, facts, TODAY) is False for c in alt)
                for alt in cause.when
            )
            for cause, s in zip(flow.causes, states)
        )
        return
    assert diag.status == RESOLVED and relevant == []
    open_causes = tuple(c.id for c, s in zip(flow.causes, states) if s is None)
    if not open_causes and flow.fallback:
        assert diag.cause == flow.fallback
    else:
        assert diag.cause == UNRESOLVED and diag.possible == open_causes
    # nothing open is left without an "unknown" behind it
    for cause_id in open_causes:
        cause = flow.cause(cause_id)
        for alt in cause.when:
            if not any(condition_state(c, facts, TODAY) is False for c in alt):
                assert any(facts.get(c.fact) is UNKNOWN for c in alt)


def _settled(flow: Flow, fixed: dict[str, Any], free: set[str]) -> bool:
    """Whether the facts fixed so far prove a cause that no value of the free facts can change:
    it is proven by fixed facts alone, and no cause before it can still be proven."""
    for cause in flow.causes:
        proven = possible = False
        for alt in cause.when:
            if all(condition_state(c, fixed, TODAY) is True for c in alt if c.fact not in free):
                if any(c.fact in free for c in alt):
                    possible = True
                else:
                    proven = True
        if proven:
            return True
        if possible:
            return False
    return False


def _combinations(flow: Flow, check: Any) -> int:
    """Check every combination of the facts' value classes; return how many it covers.

    Where the facts fixed so far settle the diagnosis (the first cause is proven and no
    other value can change that), the rest of that subtree is one class of combinations:
    three of them are checked (the other facts all missing, all unknown, all known).
    """
    order = {}
    for cause in flow.causes:  # the facts of the first causes first: they settle soonest
        for alt in cause.when:
            for cond in alt:
                order.setdefault(cond.fact, len(order))
    ids = sorted((f.id for f in flow.facts), key=lambda i: order.get(i, len(order)))
    domains = {i: _classes(flow, i) for i in ids}

    def walk(k: int, fixed: dict[str, Any]) -> int:
        if k == len(ids):
            check(fixed)
            return 1
        free = set(ids[k:])
        if _settled(flow, fixed, free):
            for pick in (0, 1, -1):  # missing, unknown, a known value
                check({**fixed, **{i: v for i in ids[k:] if (v := domains[i][pick]) is not MISSING}})
            return math.prod(len(domains[i]) for i in ids[k:])
        total = 0
        for value in domains[ids[k]]:
            total += walk(k + 1, fixed if value is MISSING else {**fixed, ids[k]: value})
        return total

    return walk(0, {})


@pytest.mark.parametrize("flow_id", FLOW_IDS)
def test_exhaustive_combinations(flows: dict[str, Flow], flow_id: str) -> None:
    """Every combination of the facts' value classes, missing and unknown included."""
    flow = flows[flow_id]
    covered = _combinations(flow, lambda facts: _check(flow, facts))
    assert covered == math.prod(len(_classes(flow, f.id)) for f in flow.facts)


@pytest.mark.parametrize("flow_id", FLOW_IDS)
def test_equivalent_values_diagnose_alike(flows: dict[str, Flow], flow_id: str) -> None:
    """Replacing a fact's value by another of its class never changes the diagnosis."""
    flow = flows[flow_id]
    ids = [f.id for f in flow.facts]
    classes = {i: _classes(flow, i) for i in ids}
    rng = random.Random(flow_id)
    for _ in range(300):
        facts = {i: v for i in ids if (v := rng.choice(classes[i])) is not MISSING}
        expected = diagnose(flow, facts, TODAY)
        for fact_id in ids:
            rep = facts.get(fact_id, MISSING)
            if rep is MISSING or rep is UNKNOWN:
                continue
            for value in _domain(flow, fact_id):
                if value is MISSING or value is UNKNOWN:
                    continue
                same = [condition_state(c, {fact_id: value}, TODAY) == condition_state(c, {fact_id: rep}, TODAY)
                        for cause in flow.causes for alt in cause.when for c in alt if c.fact == fact_id]
                if all(same):
                    got = diagnose(flow, {**facts, fact_id: value}, TODAY)
                    assert (got.status, got.cause, got.next_fact, got.possible) == (
                        expected.status, expected.cause, expected.next_fact, expected.possible
                    ), (facts, fact_id, value)


@pytest.mark.parametrize("flow_id", FLOW_IDS)
def test_every_dialogue_ends(flows: dict[str, Flow], flow_id: str) -> None:
    """Answer each question with every value: each dialogue ends within one question per fact."""
    flow = flows[flow_id]
    stack: list[dict[str, Any]] = [{}]
    ended = 0
    while stack:
        facts = stack.pop()
        diag = diagnose(flow, facts, TODAY)
        assert len(facts) <= len(flow.facts)
        if diag.status == RESOLVED:
            assert diag.resolution is not None
            ended += 1
            continue
        for value in _domain(flow, diag.next_fact.id)[1:]:
            stack.append(answer(facts, diag.next_fact.id, value))
    assert ended > 0


def test_condition_state_three_valued(flows: dict[str, Flow]) -> None:
    flow = flows["missing-activation-email"]
    cond = flow.cause("outlook-com-address").when[0][0]
    assert condition_state(cond, {}, TODAY) is None
    assert condition_state(cond, {"osm_email": UNKNOWN}, TODAY) is None
    assert condition_state(cond, {"osm_email": "x@OUTLOOK.com"}, TODAY) is True
    assert condition_state(cond, {"osm_email": "x@hotmail.com"}, TODAY) is False


@pytest.mark.parametrize(("start", "de", "en"), [
    (date(2027, 1, 10), "liegt in der Zukunft", "is in the future"),
    (date(2026, 11, 23), "liegt weniger als 48 Stunden zurück", "was less than 48 hours ago"),
])
def test_a_date_under_an_hours_condition_fills_where_it_stands_to_today(start, de, en):
    from faq.kb.loader import load_knowledge_base

    flow = load_knowledge_base().flow("licenses-not-visible")
    diag = diagnose(flow, {"usage_start": start}, date(2026, 11, 24))
    assert fill("{usage_start_timing}", diag, "de", flow) == de
    assert fill("{usage_start_timing}", diag, "en", flow) == en
