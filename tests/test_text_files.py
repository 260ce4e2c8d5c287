"""faqbot check: word lists and interface texts are checked with file and line like the knowledge base."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli.main import main
from faq.kb.text_files import check_text_files

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(ROOT / "knowledge", root)
    (root / "language").mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return root


def test_the_bundled_language_and_interface_files_are_sound() -> None:
    assert check_text_files(ROOT / "knowledge") == []


def test_a_broken_word_list_is_reported_at_its_lines(kb: Path) -> None:
    (kb / "language" / "bad.yaml").write_text("de: [eins, zwei, eins, no]\nfr: [un]\n", encoding="utf-8")
    shown = sorted(str(p) for p in check_text_files(kb))
    assert shown == [
        "kb/language/bad.yaml:1: 'eins' is listed twice in 'de' (first on line 1; expected each word once)",
        'kb/language/bad.yaml:1: item 4 of \'de\' must be a text, not yes/no (quote it, e.g. "yes", to make it a text)',
        "kb/language/bad.yaml:2: unknown field 'fr' in a word list (expected one of de, en)",
    ]


def test_interface_texts_need_both_languages_the_same_placeholders_and_unique_keys(kb: Path) -> None:
    (kb / "ui" / "zz.yaml").write_text(
        'greeting:\n  de: "Hallo {name}"\n  en: "Hello {nom}"\nonly_de:\n  de: x\nbrace:\n  de: "a {"\n  en: b\n',
        encoding="utf-8",
    )
    chat_line = (kb / "ui" / "chat.yaml").read_text(encoding="utf-8").splitlines().index("greeting:") + 1
    shown = [str(p) for p in check_text_files(kb)]
    assert shown == [
        f"kb/ui/zz.yaml:1: text key 'greeting' is also in kb/ui/chat.yaml:{chat_line} (expected each key in one file)",
        "kb/ui/zz.yaml:1: 'greeting' uses ['name'] in German but ['nom'] in English (expected the same placeholders)",
        "kb/ui/zz.yaml:5: 'only_de' has no 'en' text (expected both de and en)",
        "kb/ui/zz.yaml:7: 'brace.de' has an unmatched '{' or '}' (expected {name} placeholders; write '{{' for a brace)",
    ]


def test_faqbot_check_reports_them_and_exits_2(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (kb / "language" / "bad.yaml").write_text("de: [eins, eins]\n", encoding="utf-8")
    assert main(["check", "--kb", str(kb)]) == 2
    err = capsys.readouterr().err
    assert "kb/language/bad.yaml:1: 'eins' is listed twice in 'de'" in err
    assert err.strip().endswith("faqbot: 1 problem in kb/")


def test_problems_carry_the_rule_they_break(kb: Path) -> None:
    (kb / "language" / "bad.yaml").write_text("de: [eins, eins]\nfr: [un]\n", encoding="utf-8")
    rules = sorted((p.line, p.rule) for p in check_text_files(kb))
    assert rules == [(1, "duplicate-word"), (2, "unknown-field")]


def test_a_month_list_needs_twelve_months_of_letters_each_spelling_once(kb: Path) -> None:
    months = ["januar jan", "februar feb", "märz mrz.", "april apr", "mai", "juni jun", "juli jul", "august aug",
              "september sep", "oktober okt", "november nov jan"]
    (kb / "language" / "months.yaml").write_text("de:\n" + "".join(f"  - {m}\n" for m in months), encoding="utf-8")
    shown = [str(p) for p in check_text_files(kb)]
    assert shown == [
        "kb/language/months.yaml:1: 'de' lists 11 months (expected 12, January to December)",
        "kb/language/months.yaml:4: 'mrz.' in 'de' is no month's spelling (expected letters only)",
        "kb/language/months.yaml:12: 'jan' in 'de' names two months (expected each spelling once)",
    ]


CUSTOMER_FACES = ("chat", "web", "values", "reply", "summary")
"""The interface files whose texts a customer or an agent reads in a sentence (the command line's own
texts, cli.yaml, quote file names, fields and options as code)."""


@pytest.mark.parametrize("face", CUSTOMER_FACES)
def test_english_texts_quote_as_the_german_ones_do_typographically(face: str) -> None:
    texts = yaml.safe_load((ROOT / "knowledge" / "ui" / f"{face}.yaml").read_text(encoding="utf-8"))
    typewriter = re.compile(r"""(?:^|[\s(])(?:'[^']+'|"[^"]+")""")
    straight = [key for key, text in texts.items()
                if isinstance(text, dict) and "„" in text.get("de", "") and typewriter.search(text.get("en", ""))]
    assert straight == [], "the German quotes with „…“: the English with “…”, not with typewriter quotes"
