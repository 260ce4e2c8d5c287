"""Bounds and refusals, as a user meets them.

* An over-long question or ticket is capped, and the user is told so where they look:
  `faqbot ask` on stderr, `faqbot triage` per ticket on stderr, the chat's input with a
  notice.
* The matcher and triage stay fast on pathological input (benchmarks/fuzz_worst_case.py
  measures the worst case; here a generous ceiling guards against regressions).
* A broken knowledge base: the chat refuses to start, with exactly the lines of
  `faqbot check`, exit 2, and never a half-drawn screen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from chat_helpers import TODAY, make_app

from bot.chat.items import UserMessage
from bot.cli.main import main
from faq.language.text import MAX_INPUT_CHARS

ROOT = Path(__file__).resolve().parent.parent
TICKET_KB = ROOT / "tests" / "fixtures" / "tickets" / "kb"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FAQBOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path / "data"))


# -- faqbot ask ----------------------------------------------------------------------------


def test_ask_says_when_a_question_is_cut(capsys):
    question = "Aktivierungsmail nicht erhalten " * 500  # 16,000 characters
    assert main(["ask", question]) == 0
    out, err = capsys.readouterr()
    assert err.startswith(f"faqbot: question cut to {MAX_INPUT_CHARS:,} characters (it has 16,000)")
    assert len(err.splitlines()) == 1
    assert out.strip()  # the answer is still given (no match, with the support contact)


def test_ask_counts_a_question_as_cleaned_when_it_says_it_is_cut(capsys):
    assert main(["ask", "\x1b[31m" + "b" * MAX_INPUT_CHARS + "\x00"]) == 0  # the limit once the escapes are gone
    assert "cut to" not in capsys.readouterr().err
    assert main(["ask", "\x00\x01" + "b" * (MAX_INPUT_CHARS + 1)]) == 0
    assert f"cut to {MAX_INPUT_CHARS:,} characters (it has {MAX_INPUT_CHARS + 1:,})" in capsys.readouterr().err


def test_ask_says_when_a_question_is_too_long_to_match(capsys):
    assert main(["ask", "Lizenz " * 500]) == 0  # 3,500 characters: kept, but no question
    _out, err = capsys.readouterr()
    assert "question has 3,500 characters" in err and "2,000" in err


def test_ask_is_silent_on_normal_questions(capsys):
    assert main(["ask", "keine Aktivierungsmail erhalten"]) == 0
    assert capsys.readouterr().err == ""


def test_ask_json_keeps_stdout_clean_and_the_query_capped(capsys):
    import json

    assert main(["ask", "--json", "x" * 50_000]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert len(data["query"]) == MAX_INPUT_CHARS and data["outcome"] == "no_match"
    assert "cut to 10,000 characters" in err


def test_ask_from_stdin_names_the_line():
    lines = ["Abo kündigen", "a" * 12_000, "Lizenz " * 400, "Aktivierungslink abgelaufen"]
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "-"], input="\n".join(lines) + "\n", capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env={**os.environ, "FAQBOT_NO_CACHE": "1"})
    assert proc.returncode == 0, proc.stderr
    notes = proc.stderr.splitlines()
    assert len(notes) == 2
    assert notes[0].startswith("faqbot: question on line 2 cut to 10,000 characters")
    assert notes[1].startswith("faqbot: question on line 3 has 2,800 characters")


# -- faqbot triage -----------------------------------------------------------------------



def test_triage_notes_a_cut_ticket_on_stderr(tmp_path, capsys):
    import json

    tickets = tmp_path / "t.jsonl"
    tickets.write_text(json.dumps({"id": "T-1", "text": "Aktivierungsmail fehlt. " + "x" * 20_000}) + "\n"
                       + json.dumps({"id": "T-2", "text": "Aktivierungsmail fehlt."}) + "\n", encoding="utf-8")
    assert main(["triage", str(tickets), "--json", "--kb", str(TICKET_KB), "--today", "2026-11-24"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2
    assert "T-1" in err and "10,000" in err and "T-2" not in err


def test_triage_of_a_huge_ticket_is_bounded(tmp_path, capsys):
    import json

    tickets = tmp_path / "t.jsonl"
    tickets.write_text(json.dumps({"id": "T-1", "text": "Aktivierungsmail fehlt, OSM it@firma.de. " * 25_000}) + "\n",
                       encoding="utf-8")
    started = time.perf_counter()
    code = main(["triage", str(tickets), "--json", "--kb", str(TICKET_KB), "--today", "2026-11-24"])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert code in (0, 2) and "Traceback" not in err and "internal error" not in err
    assert elapsed < 10


# -- the chat -------------------------------------------------------------------------------


async def test_chat_input_cuts_only_an_absurd_paste_with_a_notice():
    from textual import events

    from bot.chat.app import ChatInput
    from bot.chat.chat_input import PASTE_FACTOR

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(ChatInput)
        PASTE_MAX_CHARS = PASTE_FACTOR * app.matcher.thresholds.max_chars
        assert prompt.max_length == PASTE_MAX_CHARS
        prompt.post_message(events.Paste("Aktivierungsmail " * 1000))  # 17,000 characters
        await pilot.pause()
        assert len(prompt.value) == PASTE_MAX_CHARS  # cut, not dropped
        notes = [n.message for n in app._notifications]
        assert any("10.000 Zeichen begrenzt" in m for m in notes), notes
        await pilot.press("x")  # typing at the limit adds nothing
        assert len(prompt.value) == PASTE_MAX_CHARS
        await pilot.press("enter")
        await pilot.pause()
        assert not any(isinstance(i, UserMessage) for i in app.dialogue.items)  # too long to send (see test_chat_app)


def test_dialogue_takes_1mb_without_harm():
    from chat_helpers import kb_and_matcher

    from bot.chat.dialogue import Dialogue

    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY)
    started = time.perf_counter()
    d.submit("\x1b[2J[bold]Aktivierungsmail[/] " * 40_000)
    d.start_flow("missing-activation-email")
    d.submit("x" * 1_000_000)  # not an address: the question stays open
    assert d.current_fact.id == "osm_email"
    assert time.perf_counter() - started < 5
    # what the user typed is kept cut; an error message quotes it (cut) plus one line of reason
    assert all(len(getattr(item, "text", "") or "") <= MAX_INPUT_CHARS + 200 for item in d.items)


# -- time on pathological input ---------------------------------------------------------------

PATHOLOGICAL = {
    "10k no spaces": "aktivierungsmailnichterhalten" * 345,
    "unknown words": " ".join(f"qx{i}zv" for i in range(2_000)),
    "long words": " ".join(["Volumenlizenzvertragsaktivierungsmailweiterleitung" * 4] * 40),
    "repeated compounds": "Aktivierungsmail-Lizenzkonto-Dienstkonto-Aktivierungslink " * 200,
    "nested markup": "[b]" * 3_000 + "x" + "[/]" * 3_000,
    "dates": "am 31.02.2026 vor 3 Tagen gestern 1. Dezember 2026 " * 200,
    "negations": "nicht kein nie Junk-Ordner geprüft " * 300,
    "addresses": "it@firma.de a@b.c x@@y.de mailto:q@r.de " * 250,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_matcher_and_triage_time_is_bounded(name):
    from faq.kb.files import BUNDLED_KB
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher
    from faq.tickets.triage import triage_text

    kb = load_knowledge_base(BUNDLED_KB)
    matcher = Matcher(kb)
    text = PATHOLOGICAL[name]
    started = time.perf_counter()
    matcher.match(text)
    matcher.match(text[:2_000])
    triage_text(text, kb, matcher, date(2026, 11, 24), "T", text[:200])
    assert time.perf_counter() - started < 5, name


# -- a broken knowledge base: the chat refuses to start -----------------------------------------

BROKEN_CASES = ["yaml-syntax-error", "tab-indent", "wrong-type-cost", "duplicate-id-other-file", "dangling-related",
                "dangling-flow", "huge-file", "invalid-utf8", "unknown-fact-in-when"]


@pytest.fixture
def broken_kb(tmp_path, monkeypatch):
    from test_check_cli import KB_MIN

    root = tmp_path / "kb"
    shutil.copytree(KB_MIN, root)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    return root


@pytest.mark.parametrize("case", BROKEN_CASES)
def test_chat_refuses_a_broken_kb_with_the_check_lines(case, broken_kb, capsys, monkeypatch):
    from test_check_cli import MUTATIONS

    import bot.chat.app as chat_app

    monkeypatch.setattr(chat_app.ChatApp, "run", lambda self, *a, **k: pytest.fail("the chat started"))
    file, line, phrase = MUTATIONS[case](broken_kb)
    assert main(["check", "--kb", "kb"]) == 2
    _, checked = capsys.readouterr()
    assert main(["--kb", "kb"]) == 2
    out, err = capsys.readouterr()
    assert err == checked and out == ""
    where = f"kb/{file}:{line}: " if line is not None else f"kb/{file}: "
    assert any(text.startswith(where) and phrase in text for text in err.splitlines()), err
    assert not list((broken_kb.parent / "data").glob("**/*.jsonl"))  # nothing saved, nothing half-loaded


def test_chat_on_a_broken_kb_never_draws_a_screen(broken_kb):
    """The real program: exit 2, the check lines, no escape sequence, Textual never imported."""
    from test_check_cli import MUTATIONS

    MUTATIONS["duplicate-id-other-file"](broken_kb)
    env = {**os.environ, "FAQBOT_NO_CACHE": "1", "FAQBOT_DATA_DIR": str(broken_kb.parent / "data")}
    check = subprocess.run([sys.executable, "-m", "bot", "check", "--kb", "kb"], cwd=broken_kb.parent,
                           capture_output=True, text=True, timeout=60, env=env)
    probe = ("import sys\nfrom bot.cli.main import main\nrc = main(sys.argv[1:])\n"
             "print('textual' in sys.modules, file=sys.stderr)\nsys.exit(rc)\n")
    chat = subprocess.run([sys.executable, "-c", probe, "--kb", "kb", "--resume"], cwd=broken_kb.parent,
                          capture_output=True, text=True, timeout=60, env={**env, "PYTHONPATH": str(ROOT)})
    assert check.returncode == chat.returncode == 2
    assert chat.stderr == check.stderr + "False\n"
    assert chat.stdout == "" and "\x1b" not in chat.stderr
    assert not (broken_kb.parent / "data").exists()
