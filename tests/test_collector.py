"""The garbage collector during a command: loading paused and frozen, a batch collecting less often, all undone."""

import gc
import io
import sys

import pytest

from bot.cli.collector import BATCH_THRESHOLDS, loaded, released, streaming
from bot.cli.main import main


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
