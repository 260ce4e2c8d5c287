"""faq.kb.loader: the public API over a folder, paths as the user types them."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from faq.errors import KnowledgeBaseError
from faq.kb.loader import (
    BUNDLED_KB,
    check_knowledge_base,
    kb_files,
    load_knowledge_base,
    parse_knowledge_base,
    shown_path,
)
from faq.kb.model import KnowledgeBase

KB_MIN = Path(__file__).resolve().parent / "fixtures" / "kb_min"


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(KB_MIN, root)
    monkeypatch.chdir(tmp_path)
    return root


def test_load_kb_min() -> None:
    kb = load_knowledge_base(KB_MIN)
    assert [e.id for e in kb.entries] == ["activation-email-missing", "resend-activation-email"]
    assert [f.id for f in kb.flows] == ["missing-activation-email"]
    entry = kb.entry("activation-email-missing")
    assert entry.flow == "missing-activation-email" and entry.related == ("resend-activation-email",)
    assert entry.paraphrases["de"][0] == "Aktivierungsmail fehlt"
    assert entry.answer["de"][1].kind == "steps" and len(entry.answer["de"][1].items) == 2
    assert kb.vocabulary.synonyms[0] == ("email", "e-mail", "mail")
    assert kb.flow("missing-activation-email").facts[0].type == "yesno"
    assert len(kb.fingerprint) == 64


def test_loaded_kb_pickles_with_lines() -> None:
    kb = load_knowledge_base(KB_MIN)
    again = pickle.loads(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(again, KnowledgeBase) and again == kb
    assert again.entries[0].paraphrases["de"].lines == kb.entries[0].paraphrases["de"].lines


def test_fingerprint_follows_content(kb: Path) -> None:
    first = load_knowledge_base(kb).fingerprint
    assert load_knowledge_base(kb).fingerprint == first
    path = kb / "entries" / "resend-activation-email.yaml"
    path.write_text(path.read_text() + "# comment\n")
    assert load_knowledge_base(kb).fingerprint != first


def test_load_raises_with_every_problem(kb: Path) -> None:
    (kb / "entries" / "empty.yaml").write_text("")
    (kb / "vocabulary.yaml").write_text("colour: red\n")
    with pytest.raises(KnowledgeBaseError) as info:
        load_knowledge_base("kb")
    assert [str(p) for p in info.value.problems] == [
        "kb/vocabulary.yaml:1: unknown field 'colour' in the vocabulary (expected one of synonyms, compounds, stopwords, offtopic)",
        "kb/entries/empty.yaml:1: the file is empty (expected a mapping of fields)",
    ]


def test_parse_returns_none_when_a_file_is_unusable(kb: Path) -> None:
    (kb / "entries" / "bad.yaml").write_bytes(b"\xff")
    parsed, problems = parse_knowledge_base(kb)
    assert parsed is None and len(problems) == 1


def test_parse_returns_kb_with_shape_problems(kb: Path) -> None:
    (kb / "entries" / "resend-activation-email.yaml").open("a").write("extra: 1\n")
    parsed, problems = parse_knowledge_base(kb)
    assert parsed is not None and len(parsed.entries) == 2
    assert len(problems) == 1 and "unknown field 'extra'" in problems[0].message


def test_check_reports_cross_file_problems_beside_broken_files(kb: Path) -> None:
    (kb / "entries" / "broken.yaml").write_text("id: broken\ntitle: [\n")
    other = kb / "entries" / "resend-activation-email.yaml"
    other.write_text(other.read_text().replace("  - activation-email-missing", "  - nowhere\n  - broken"))
    _, problems = check_knowledge_base(kb)
    messages = [str(p) for p in problems]
    assert any(m.startswith("kb/entries/broken.yaml:3: YAML syntax error") for m in messages), messages
    assert any("unknown entry 'nowhere'" in m for m in messages)
    assert not any("'broken'" in m for m in messages)


def test_kb_files_order_and_filter(kb: Path) -> None:
    (kb / "entries" / ".#lock.yaml").write_text("x")
    (kb / "entries" / "notes.txt").write_text("x")
    (kb / "entries" / "b.yml").write_text("x")
    names = [p.relative_to(kb).as_posix() for p in kb_files(kb)]
    assert names == [
        "vocabulary.yaml",
        "entries/activation-email-missing.yaml",
        "entries/b.yml",
        "entries/resend-activation-email.yaml",
        "flows/missing-activation-email.yaml",
    ]


def test_vocabulary_and_flows_are_optional(kb: Path) -> None:
    (kb / "vocabulary.yaml").unlink()
    shutil.rmtree(kb / "flows")
    entry = kb / "entries" / "activation-email-missing.yaml"
    entry.write_text(entry.read_text().replace("flow: missing-activation-email\n", ""))
    loaded = load_knowledge_base(kb)
    assert loaded.flows == () and loaded.vocabulary.synonyms == ()


def test_shown_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert shown_path(tmp_path / "kb" / "entries" / "x.yaml") == "kb/entries/x.yaml"
    assert shown_path("kb/x.yaml") == "kb/x.yaml"
    assert shown_path("/elsewhere/x.yaml") == "/elsewhere/x.yaml"


def test_bundled_kb_is_a_folder() -> None:
    assert BUNDLED_KB.is_dir() and (BUNDLED_KB / "entries").is_dir()


def test_loader_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = "import sys, faq.kb.loader, faq.kb.validate; print(sorted(m for m in ('rapidfuzz', 'textual', 'dateutil', 'platformdirs') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
