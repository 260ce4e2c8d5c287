"""`faqbot ask` as a user and a script see it: JSON per CONTRACT §3, exit codes."""

import json
import subprocess
import sys

import pytest

from bot.cli.ask import Asked, json_line
from faq.search.results import Candidate, MatchResult

FAQBOT = [sys.executable, "-m", "bot"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*FAQBOT, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_json_single_question():
    proc = run("ask", "--json", "Aktivierungslink abgelaufen")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["outcome"] == "answer"
    assert data["id"] == "activation-link-expiry"
    assert data["flow"] == "activation-link-expiry"
    assert data["lang"] == "de"
    assert data["candidates"][0] == {"id": data["id"], "confidence": data["confidence"]}


def test_json_lines_from_stdin_keep_order_and_count():
    questions = ["Abo kündigen", "", "Was ist die Hauptstadt von Peru?", "licenses on the wrong account"]
    proc = run("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["query"] for r in rows] == questions
    assert rows[0]["id"] == "cancel-subscription"
    assert rows[1]["outcome"] == rows[2]["outcome"] == "no_match"
    assert rows[3]["id"] == "wrong-account-activated" and rows[3]["lang"] == "en"


def test_invalid_utf8_on_stdin_is_not_a_crash():
    proc = subprocess.run([*FAQBOT, "ask", "--json", "-"], input=b"Abo k\xfcndigen\n", capture_output=True, timeout=60)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["outcome"] in ("answer", "clarify", "no_match")


def test_readable_answer_in_english():
    proc = run("ask", "--lang", "en", "Abo kündigen")
    assert proc.returncode == 0
    assert "cancel" in proc.stdout.lower()
    assert "{" not in proc.stdout


def test_an_english_question_gets_an_english_answer():
    proc = run("ask", "Does the activation link expire?")
    assert proc.returncode == 0
    assert "6 months" in proc.stdout and "Monate" not in proc.stdout


def test_a_german_question_gets_a_german_answer():
    proc = run("ask", "Läuft der Aktivierungslink ab?")
    assert proc.returncode == 0
    assert "6 Monate" in proc.stdout


def test_readable_no_match_points_to_support():
    proc = run("ask", "Wie wird das Wetter morgen?")
    assert proc.returncode == 0
    assert "keine Antwort" in proc.stdout
    assert "Support" in proc.stdout


def test_readable_flow_entry_names_the_diagnosis():
    proc = run("ask", "Aktivierungsmail nicht bekommen")
    assert "faqbot diagnose missing-activation-email" in proc.stdout


@pytest.mark.parametrize("kb", ["/nonexistent/kb", __file__])
def test_bad_kb_path_exits_2_with_one_clear_line(kb):
    proc = run("ask", "--kb", kb, "--json", "Abo")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert kb.rsplit("/", 1)[-1] in proc.stderr
    assert proc.stdout == ""


def test_kb_before_the_command_is_used():
    proc = run("--kb", "/nonexistent/kb", "ask", "--json", "Abo")
    assert proc.returncode == 2


def test_unknown_option_exits_2_without_traceback():
    proc = run("ask", "--frobnicate", "x")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.strip()


def test_control_characters_and_markup_are_not_echoed_raw():
    proc = run("ask", "--json", "\x1b]0;pwned\x07[bold]Abo kündigen[/bold]")
    data = json.loads(proc.stdout)
    assert "\x1b" not in proc.stdout
    assert data["query"] == "[bold]Abo kündigen[/bold]"


@pytest.mark.parametrize(("question", "kind", "lang"), [
    ("Hallo, wie geht es dir?", "greeting", "de"),
    ("How are you?", "greeting", "en"),
    ("Danke!", "thanks", "de"),
    ("thanks, bye", "goodbye", "en"),
    ("Alles klar.", "ack", "de"),
    ("Got it", "ack", "en"),
])
def test_small_talk_is_no_match_never_an_faq_entry(question, kind, lang):
    proc = run("ask", "--json", question)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["outcome"] == "no_match" and data["id"] is None and data["flow"] is None
    assert data["candidates"] == [] and data["smalltalk"] == kind and data["lang"] == lang
    assert {"query", "outcome", "id", "flow", "confidence", "lang", "candidates"} <= set(data)


def test_small_talk_readable_is_a_friendly_reply_without_an_entry():
    proc = run("ask", "Hallo, wie geht es dir?")
    assert proc.returncode == 0
    assert proc.stdout.startswith("Hallo!") and "faqbot ask" in proc.stdout and "====" not in proc.stdout


def test_a_greeting_before_a_question_is_still_answered():
    proc = run("ask", "--json", "Hallo, meine Aktivierungsmail fehlt")
    data = json.loads(proc.stdout)
    assert data["id"] == "activation-email-missing" and data["smalltalk"] is None


def test_small_talk_lines_on_stdin_keep_their_place():
    proc = run("ask", "--json", "-", stdin="Guten Morgen\nAbo kündigen\n")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["smalltalk"] for r in rows] == ["greeting", None]
    assert rows[0]["outcome"] == "no_match" and rows[1]["id"] == "cancel-subscription"


@pytest.mark.parametrize("question", [[""], ["   "], [" ", "\t"]])
def test_an_empty_question_exits_2_with_one_line(question):
    proc = run("ask", *question)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "empty" in lines[0] and "Traceback" not in proc.stderr


def test_an_empty_question_is_refused_in_the_language_asked_for():
    proc = run("ask", "  ", "--lang", "de")
    assert proc.returncode == 2 and "die Frage ist leer" in proc.stderr and "empty" not in proc.stderr


@pytest.mark.parametrize("asked", [
    Asked(MatchResult('Wo ist die "Aktivierungs-Mail"\\?\tÄrger\x01 – 🙂', "clarify", "a-b", None, 0.512, "de",
                      (Candidate("a-b", 0.512), Candidate("c", 0.30100000000000005)))),
    Asked(MatchResult("hallo", "no_match", None, None, 0.0, "en", ()), "greeting"),
    Asked(MatchResult("x", "answer", "x", "flow-1", 1.0, "de", (Candidate("x", 1.0),))),
    Asked(MatchResult("x", "no_match", None, None, float("nan"), "de", ())),
])
def test_a_json_line_is_what_json_writes_of_the_result(asked):
    assert json_line(asked) == json.dumps(asked.to_json(), ensure_ascii=False)
