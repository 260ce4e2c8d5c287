"""The terminal's width, read as shutil reads it."""

import shutil

import pytest

from bot.cli.terminal import columns


@pytest.mark.parametrize("value", [None, "60", "0", "wide", "-3", "132"])
def test_the_width_is_the_one_shutil_gives(value, monkeypatch):
    if value is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", value)
    assert columns() == shutil.get_terminal_size().columns


def test_without_a_terminal_the_fallback_is_taken(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr("sys.__stdout__", None)
    assert columns(72) == 72
