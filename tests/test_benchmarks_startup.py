"""The shared start-up timing: every benchmark times the same commands the same way."""

import os

from benchmarks import startup
from benchmarks.startup import ASK, ASK_JSON, BARE, BATCH, Command, Timings


def test_the_bar_commands_run_this_trees_code_on_one_question():
    commands = startup.ask_commands(["a", "b"])
    assert set(commands) == {BARE, ASK, ASK_JSON, BATCH}
    assert commands[ASK].argv[-2:] == ("ask", startup.QUESTION)
    assert commands[ASK_JSON].argv[-3:] == ("ask", "--json", startup.QUESTION)
    assert commands[BATCH].stdin == "a\nb\n"
    assert commands[ASK].argv[:2] == commands[BARE].argv[:2]  # the same interpreter, started the same way


def test_the_environment_is_the_users_default_cache_in_a_temporary_place(monkeypatch):
    monkeypatch.setenv("FAQBOT_CACHE_DIR", "/somewhere")
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    env = startup._environment("/tmp/x")
    assert "FAQBOT_CACHE_DIR" not in env and "FAQBOT_NO_CACHE" not in env
    assert env["XDG_CACHE_HOME"] == "/tmp/x"
    assert env["PATH"] == os.environ["PATH"]


def test_the_batch_has_no_question_twice():
    batch = startup.batch_questions()
    assert len(batch) == len(set(batch)) > 100


def test_measure_gives_a_median_wall_and_cpu_time_of_each_command():
    timings = startup.measure({"pass": Command(startup.python("pass")),
                               "read": Command(startup.python("import sys; sys.stdin.read()"), "text\n")}, 3)
    assert timings.repeat == 3
    assert set(timings.wall_ms) == set(timings.cpu_ms) == {"pass", "read"}
    assert all(v > 0 for v in timings.wall_ms.values()) and all(v > 0 for v in timings.cpu_ms.values())


def test_the_sentence_states_both_bars_as_ratios_of_this_run():
    wall = {BARE: 50.0, ASK: 90.0, ASK_JSON: 80.0, BATCH: 130.0}
    cpu = {BARE: 40.0, ASK: 80.0, ASK_JSON: 70.0, BATCH: 120.0}
    text = startup.bar_sentence(Timings(wall, cpu, 15), 101)
    assert "**1.80×**" in text and "CPU 2.00×" in text and "1.60×" in text
    assert "0.500 ms a question" in text
    assert startup.per_question(wall, 101) == 0.5
