"""faq.kb.config_file: the entries the faces need come from the knowledge base, not from code."""

from __future__ import annotations

import shutil
from pathlib import Path

from faq.kb.loader import check_knowledge_base, load_knowledge_base
from faq.kb.model import KbConfig

ROOT = Path(__file__).resolve().parent.parent
CHAT_KB = ROOT / "tests" / "chat_kb"


def _copy(tmp_path: Path, config: str | None) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(CHAT_KB, root)
    (root / "config.yaml").unlink()
    if config is not None:
        (root / "config.yaml").write_text(config, encoding="utf-8")
    return root


def test_the_bundled_configuration_names_support_and_start_topics() -> None:
    kb = load_knowledge_base(ROOT / "knowledge")
    assert kb.config.support_entry == "contact-support"
    support = kb.support()
    assert support is not None and support.id == "contact-support"
    assert kb.config.start_topics[0] == "activation-email-missing"
    assert all(kb.entry(topic) is not None for topic in kb.config.start_topics)


def test_a_knowledge_base_without_configuration_has_no_support_entry(tmp_path: Path) -> None:
    kb = load_knowledge_base(_copy(tmp_path, None))
    assert kb.config == KbConfig()
    assert kb.support() is None


def test_another_support_entry_is_used(tmp_path: Path) -> None:
    kb = load_knowledge_base(_copy(tmp_path, "support_entry: after-renewal\n"))
    support = kb.support()
    assert support is not None and support.id == "after-renewal"


def test_unknown_ids_are_reported_with_file_and_line(tmp_path: Path, monkeypatch) -> None:
    root = _copy(tmp_path, "support_entry: nope\nstart_topics:\n  - contact-support\n  - x-y\nextra: 1\n")
    monkeypatch.chdir(tmp_path)
    _, problems = check_knowledge_base(root)
    shown = sorted(str(p) for p in problems)
    assert shown == [
        "kb/config.yaml:1: 'support_entry' names unknown entry 'nope' (expected an entry id, a file in entries/)",
        "kb/config.yaml:4: 'start_topics' names unknown entry 'x-y' (expected an entry id, a file in entries/)",
        "kb/config.yaml:5: unknown field 'extra' in the configuration (expected one of support_entry, start_topics)",
    ]
