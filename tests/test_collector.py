"""The garbage collector during a command: loading paused and frozen, a batch collecting less often, all undone."""

import gc
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.collector import BATCH_THRESHOLDS, loaded, released, streaming
from bot.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


def test_what_a_command_loads_is_frozen_until_released():
    try:
        data = loaded(lambda: [{"id": n} for n in range(1000)])
        assert len(data) == 1000
        assert gc.isenabled() and gc.get_freeze_count() >= 1000
    finally:
        released()
    assert gc.get_freeze_count() == 0


def test_a_failed_load_leaves_the_collector_running():
    def fail() -> None:
        raise OSError("unreadable")

    with pytest.raises(OSError):
        loaded(fail)
    released()
    assert gc.isenabled()


def test_a_batch_collects_less_often_and_then_as_before():
    before = gc.get_threshold()
    with pytest.raises(ValueError), streaming():
        assert gc.get_threshold() == BATCH_THRESHOLDS
        raise ValueError("a bad line")
    assert gc.get_threshold() == before


def test_ask_leaves_the_collector_as_it_found_it(monkeypatch, capsys):
    before = gc.get_threshold()
    monkeypatch.setattr(sys, "stdin", io.StringIO("Aktivierungsmail fehlt\nWer ist der OSM?\n"))
    assert main(["ask", "--json", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["ask", "Lizenzen doppelt nach der Verlängerung"]) == 0
    assert gc.get_threshold() == before and gc.isenabled() and gc.get_freeze_count() == 0


_AS_THE_PROCESS = """
import atexit, gc, sys
from bot.cli.main import main
atexit.register(lambda: print("exit", gc.isenabled(), gc.get_freeze_count() > 0))  # runs after the command's own
sys.argv = ["faqbot", *sys.argv[1:]]
status = main()
print("end", status, gc.isenabled(), gc.get_threshold() == BATCH, gc.get_freeze_count() > 0)
""".replace("BATCH", repr(BATCH_THRESHOLDS))


def _as_the_process(*args: str, stdin: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", _AS_THE_PROCESS, *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_a_batch_that_is_the_whole_process_keeps_its_setting_and_exits_with_nothing_to_collect():
    lines = _as_the_process("ask", "--json", "-", stdin="Die Aktivierungsmail kam nie an\nWie lange gilt der Link?\n")
    assert [json.loads(line)["outcome"] in ("answer", "clarify", "no_match") for line in lines[:2]] == [True, True]
    assert lines[2:] == ["end 0 True True True", "exit False True"]


def test_triage_as_the_whole_process_writes_every_ticket_and_leaves_the_exit_nothing_to_collect():
    tickets = "".join(json.dumps({"id": f"T-{n}", "text": "Wir haben keine Aktivierungsmail erhalten."}) + "\n" for n in range(3))
    lines = _as_the_process("triage", "--json", "-", stdin=tickets)
    assert [json.loads(line)["ticket"] for line in lines[:3]] == ["T-0", "T-1", "T-2"]
    assert lines[3:] == ["end 0 True True True", "exit False True"]


def test_one_question_as_the_whole_process_runs_the_collector_once_loaded():
    lines = _as_the_process("ask", "--json", "Wer bekommt die Mail mit dem Aktivierungslink?", stdin="")
    assert json.loads(lines[0])["query"] == "Wer bekommt die Mail mit dem Aktivierungslink?"
    assert lines[1:] == ["end 0 True False True", "exit False True"]  # no batch: the default thresholds
