"""faq.kb.validate on knowledge bases built in code (no lines) and loaded from files."""

from __future__ import annotations

import sys
import types
from dataclasses import replace

import pytest

from faq.errors import Problem
from faq.kb.model import Block, Entry, Flow, KnowledgeBase, Location, Resolution, Text, Vocabulary
from faq.kb.validate import MIN_PARAPHRASES, normalize_paraphrase, validate

T = Text("x", "y")


def entry(eid: str, paraphrases: tuple[str, ...] | None = None, **kw) -> Entry:
    texts = paraphrases if paraphrases is not None else tuple(f"{eid} question {i}" for i in range(MIN_PARAPHRASES))
    return Entry(
        id=eid,
        title=T,
        question=T,
        paraphrases={"de": texts, "en": tuple(f"{t} en" for t in texts)},
        keywords={"de": (), "en": ()},
        answer={"de": (Block("text", "a"),), "en": (Block("text", "b"),)},
        location=Location(f"entries/{eid}.yaml", 1),
        **kw,
    )


def flow(fid: str, entry_id: str) -> Flow:
    res = Resolution(T, T, {"de": (), "en": ()}, T, "support")
    return Flow(fid, entry_id, T, (), (), res, location=Location(f"flows/{fid}.yaml", 1))


def kb(*items) -> KnowledgeBase:
    return KnowledgeBase(
        tuple(i for i in items if isinstance(i, Entry)), tuple(i for i in items if isinstance(i, Flow)), Vocabulary()
    )


@pytest.fixture(autouse=True)
def no_flowcheck(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests cover validate's own rules; flow logic is faq.kb.flowcheck's."""
    monkeypatch.setitem(sys.modules, "faq.kb.flowcheck", None)


def messages(base: KnowledgeBase) -> list[str]:
    return [str(p) for p in validate(base)]


def test_flowcheck_is_called_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("faq.kb.flowcheck")
    fake.check_flows = lambda kb: [Problem("flows/f.yaml", 3, f"checked {len(kb.flows)} flows")]
    monkeypatch.setitem(sys.modules, "faq.kb.flowcheck", fake)
    assert messages(kb(entry("a", flow="f"), flow("f", "a"))) == ["flows/f.yaml:3: checked 1 flows"]


def test_sound() -> None:
    assert messages(kb(entry("a", related=("b",), flow="f"), entry("b", related=("a",)), flow("f", "a"))) == []


def test_duplicate_entry_ids() -> None:
    first = entry("a")
    second = replace(first, location=Location("entries/a.yml", 1), paraphrases={"de": ("p", "q", "r"), "en": ("s", "t", "u")})
    assert messages(kb(first, second)) == [
        "entries/a.yml:1: duplicate entry id 'a' (also in entries/a.yaml:1; expected unique ids)"
    ]


def test_duplicate_flow_ids() -> None:
    got = messages(kb(entry("a", flow="f"), flow("f", "a"), replace(flow("f", "a"), location=Location("flows/g.yaml", 1))))
    assert got == ["flows/g.yaml:1: duplicate flow id 'f' (also in flows/f.yaml:1; expected unique ids)"]


@pytest.mark.parametrize(
    ("items", "phrase"),
    [
        ((entry("a", related=("zz",)),), "'related' names unknown entry 'zz'"),
        ((entry("a", related=("a",)),), "'related' names the entry itself"),
        ((entry("a", related=("b", "b")), entry("b")), "'related' names 'b' twice"),
        ((entry("a", flow="nope"),), "'flow' names unknown flow 'nope'"),
        ((entry("a"), flow("f", "nope")), "flow 'f' names unknown entry 'nope'"),
        ((entry("a"), flow("f", "a")), "entry 'a' has no 'flow', not this one"),
        ((entry("a", flow="f"), entry("b", flow="g"), flow("f", "b"), flow("g", "b")), "'flow' names flow 'f', whose entry is 'b'"),
        ((entry("a", ("one", "two")),), "entry 'a' has 2 paraphrases in 'de' (expected at least 3)"),
        ((entry("a", ("Same  Thing", "x1", "x2")), entry("b", ("same thing", "y1", "y2"))), "paraphrase 'same thing' appears twice (also on entry 'a'"),
        ((entry("a", ("dup", "dup", "x")),), "paraphrase 'dup' appears twice (earlier in this entry"),
    ],
)
def test_rules(items, phrase: str) -> None:
    got = messages(kb(*items))
    assert any(phrase in m for m in got), got


def test_related_cycle_is_fine() -> None:
    assert messages(kb(entry("a", related=("b",)), entry("b", related=("c",)), entry("c", related=("a",)))) == []


def test_same_word_in_both_languages_of_one_entry_is_fine() -> None:
    e = entry("a")
    e = replace(e, paraphrases={"de": ("tenant", "b", "c"), "en": ("Tenant", "d", "e")})
    assert messages(kb(e)) == []


def test_unloaded_ids_are_not_reported_as_unknown() -> None:
    base = kb(entry("a", related=("b",), flow="f"))
    assert [str(p) for p in validate(base, unloaded={"b", "f"})] == []


def test_normalize_paraphrase() -> None:
    assert normalize_paraphrase("  Aktivierungs\tMail \n FEHLT ") == "aktivierungs mail fehlt"
