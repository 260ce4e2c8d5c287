"""Flow validation (faq.kb.flowcheck) on small flows built in code, and on the bundled flows."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from faq.kb.flowcheck import check_flow, check_flows
from faq.kb.loader import parse_knowledge_base
from faq.kb.model import (
    Cause,
    Choice,
    Condition,
    Entry,
    Fact,
    Flow,
    KnowledgeBase,
    Location,
    Resolution,
    Text,
    Vocabulary,
)

ROOT = Path(__file__).resolve().parent.parent
FILE = "flows/demo.yaml"


def _res(steps_de: tuple[str, ...] = ("Schritt.",), steps_en: tuple[str, ...] = ("Step.",),
         text: Text = Text("Text.", "Text.")) -> Resolution:
    return Resolution(Text("Titel", "Title"), text, {"de": steps_de, "en": steps_en}, Text("Support", "Support"),
                      "support")


def _fact(fact_id: str, ftype: str = "yesno", line: int = 5, choices: tuple[Choice, ...] = ()) -> Fact:
    return Fact(fact_id, ftype, 1, Text("Frage?", "Question?"), choices=choices, location=Location(FILE, line))


def _cause(cause_id: str, *alts: tuple[Condition, ...], line: int = 20, res: Resolution | None = None) -> Cause:
    return Cause(cause_id, tuple(alts), res or _res(), Location(FILE, line))


def _flow(facts: tuple[Fact, ...], causes: tuple[Cause, ...], fallback: str | None = None,
          entry: str = "demo-entry") -> Flow:
    return Flow("demo", entry, Text("Demo", "Demo"), facts, causes, _res(), fallback, Location(FILE, 1))


A = Condition("a", "is", True)
NOT_A = Condition("a", "is", False)
B = Condition("b", "is", True)
SOUND = _flow((_fact("a", line=4), _fact("b", line=8)),
              (_cause("first", (A,), line=12), _cause("second", (B,), line=20)))


def _kb(*flows: Flow, entries: tuple[Entry, ...] = ()) -> KnowledgeBase:
    return KnowledgeBase(entries, flows, Vocabulary())


def _entry(entry_id: str, flow: str | None) -> Entry:
    return Entry(entry_id, Text("T", "T"), Text("Q", "Q"), {}, {}, {}, flow=flow,
                 location=Location(f"entries/{entry_id}.yaml", 1))


def test_sound_flow_has_no_problems() -> None:
    assert check_flow(SOUND) == []


def test_fact_no_cause_tests() -> None:
    flow = replace(SOUND, facts=SOUND.facts + (_fact("lonely", line=9),))
    problems = check_flow(flow)
    assert len(problems) == 1
    assert (problems[0].file, problems[0].line) == (FILE, 9)
    assert "'lonely'" in problems[0].message and "no cause tests it" in problems[0].message


def test_contradictory_cause() -> None:
    flow = replace(SOUND, causes=SOUND.causes + (_cause("never", (B, Condition("b", "is", False)), line=30),))
    (problem,) = check_flow(flow)
    assert problem.line == 30 and "'never' can never be proven" in problem.message


def test_contradictory_dates_and_choices() -> None:
    facts = (_fact("d", "date"), _fact("r", "choice", choices=(Choice("x", Text("X", "X")), Choice("y", Text("Y", "Y")))))
    dates = (Condition("d", "more_than_months_ago", 6), Condition("d", "less_than_hours_ago", 48))
    choices = (Condition("r", "in", ("x",)), Condition("r", "in", ("y",)))
    flow = _flow(facts, (_cause("dates", dates, line=11), _cause("choices", choices, line=22),
                         _cause("ok", (Condition("d", "at_most_months_ago", 6), Condition("r", "in", ("x", "y"))))))
    problems = check_flow(flow)
    assert [p.line for p in problems] == [11, 22]
    assert all("can never be proven" in p.message for p in problems)


def test_dead_alternative_only() -> None:
    flow = replace(SOUND, causes=(SOUND.causes[0], _cause("second", (B,), (A, NOT_A), line=20)))
    (problem,) = check_flow(flow)
    assert "alternative 2 of cause 'second' can never hold" in problem.message


def test_cause_preempted_by_earlier_subset() -> None:
    later = _cause("later", (A, B), line=33)
    flow = replace(SOUND, causes=SOUND.causes + (later,))
    (problem,) = check_flow(flow)
    assert problem.line == 33
    assert "'later' can never be the outcome" in problem.message and "'first'" in problem.message


def test_preempted_by_wider_date_condition() -> None:
    fact = _fact("d", "date")
    wide = _cause("wide", (Condition("d", "less_than_hours_ago", 48),), line=10)
    narrow = _cause("narrow", (Condition("d", "less_than_hours_ago", 24),), line=20)
    (problem,) = check_flow(_flow((fact,), (wide, narrow)))
    assert problem.line == 20 and "'wide'" in problem.message
    assert check_flow(_flow((fact,), (narrow, wide))) == []


def test_fallback_unknown_cause() -> None:
    (problem,) = check_flow(replace(SOUND, fallback="nope"))
    assert problem.line == 1 and "fallback names unknown cause 'nope'" in problem.message


def test_missing_translation_of_steps() -> None:
    cause = _cause("second", (B,), line=20, res=_res(steps_de=("Eins.", "Zwei."), steps_en=("One.",)))
    (problem,) = check_flow(replace(SOUND, causes=(SOUND.causes[0], cause)))
    assert problem.line == 20 and "2 German and 1 English steps" in problem.message


def test_placeholders() -> None:
    text = Text("Bis {a_deadline}.", "Until {a}.")
    cause = _cause("second", (B,), line=20, res=_res(text=text))
    problems = check_flow(replace(SOUND, causes=(SOUND.causes[0], cause)))
    messages = " | ".join(p.message for p in problems)
    assert "placeholders differ" in messages and "'{a_deadline}' names no fact" in messages


def test_alias_on_two_choices() -> None:
    choices = (Choice("x", Text("X", "X"), ("admin",)), Choice("y", Text("Y", "Y"), ("Admin",)))
    fact = _fact("r", "choice", line=7, choices=choices)
    flow = _flow((fact,), (_cause("c", (Condition("r", "in", ("x",)),)), _cause("d", (Condition("r", "in", ("y",)),))))
    (problem,) = check_flow(flow)
    assert problem.line == 7 and "alias 'admin'" in problem.message


def test_entry_flow_mismatch() -> None:
    kb = _kb(SOUND, entries=(_entry("demo-entry", "other-flow"),))
    (problem,) = check_flows(kb)
    assert problem.file == FILE and "names entry 'demo-entry', but that entry starts flow 'other-flow'" in problem.message
    kb = _kb(SOUND, entries=(_entry("demo-entry", "demo"), _entry("second", "demo")))
    (problem,) = check_flows(kb)
    assert problem.file == "entries/second.yaml" and "'second' starts flow 'demo'" in problem.message
    assert check_flows(_kb(SOUND, entries=(_entry("demo-entry", "demo"),))) == []


def test_bundled_flows_are_sound(tmp_path: Path) -> None:
    (tmp_path / "entries").mkdir()
    shutil.copytree(ROOT / "knowledge" / "flows", tmp_path / "flows")
    kb, _ = parse_knowledge_base(tmp_path)
    assert kb is not None and len(kb.flows) == 5
    assert check_flows(kb) == []


def test_problems_carry_file_and_line_from_yaml(tmp_path: Path) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "flows").mkdir()
    source = (ROOT / "knowledge" / "flows" / "renewal-activation.yaml").read_text(encoding="utf-8")
    broken = source.replace("    when: {multiple_enrollments_same_org: true}",
                            "    when: {same_org_name: true, multiple_enrollments_same_org: false}")
    assert broken != source
    (tmp_path / "flows" / "renewal-activation.yaml").write_text(broken, encoding="utf-8")
    kb, _ = parse_knowledge_base(tmp_path)
    problems = check_flows(kb)
    assert len(problems) == 1
    line = broken.splitlines().index("  - id: activate-each-enrollment") + 1
    assert problems[0].file.endswith("renewal-activation.yaml") and problems[0].line == line
    assert "never be the outcome" in problems[0].message
