"""End to end: the real `faqbot` program in tmux at 80x24: start, type, read the screen, quit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

FAQBOT = Path(sys.executable).with_name("faqbot")
# Each test runs its own tmux server (socket named by its session, `-L`): a shared server can exit
# under one test while another connects ("server exited unexpectedly"), with parallel workers or a user's tmux.


def _capture(session: str) -> str:
    return subprocess.run(["tmux", "-L", session, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def _wait_for(session: str, needle: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} not on screen:\n{screen}")


def _scroll_to(session: str, key: str, needle: str) -> str:
    """Press a scrolling key until `needle` shows: on a loaded machine the view's own scroll to
    a new answer's top can land after the first press."""
    for _ in range(3):
        _send(session, key)
        try:
            return _wait_for(session, needle, timeout=5.0)
        except AssertionError:
            continue
    return _wait_for(session, needle, timeout=1.0)


def _send(session: str, *keys: str, literal: bool = False) -> None:
    cmd = ["tmux", "-L", session, "send-keys", "-t", session]
    if literal:
        cmd.append("-l")
    subprocess.run([*cmd, *keys], check=True)


def test_real_chat_in_tmux(tmp_path):
    session = f"faqbot-{uuid.uuid4().hex[:8]}"
    env = {"FAQBOT_DATA_DIR": str(tmp_path / "data"), "FAQBOT_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    command = " ".join(f"{k}={v}" for k, v in env.items()) + f" {FAQBOT} --no-store; echo EXIT=$?; sleep 30"
    subprocess.run(
        ["tmux", "-L", session, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", str(tmp_path), command],
        check=True,
        env={**os.environ, "TMUX": ""},
    )
    try:
        _wait_for(session, "Guten Tag")
        _send(session, "Aktivierungsmail nicht erhalten", literal=True)
        _send(session, "Enter")
        _wait_for(session, "Weiter mit:")  # the answer's end and what follows it
        _scroll_to(session, "C-End", "Diagnose starten")
        _send(session, "[bold]x[/bold] [@click=app.quit]y[/]", literal=True)
        _send(session, "Enter")
        screen = _wait_for(session, "Sie: [bold]x[/bold] [@click=app.quit]y[/]")
        assert "Beenden" in screen
        _send(session, "C-q")
        _wait_for(session, "EXIT=0")
    finally:
        subprocess.run(["tmux", "-L", session, "kill-session", "-t", session], capture_output=True)


def _start(tmp_path) -> str:
    session = f"faqbot-{uuid.uuid4().hex[:8]}"
    env = {"FAQBOT_DATA_DIR": str(tmp_path / "data"), "FAQBOT_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    command = " ".join(f"{k}={v}" for k, v in env.items()) + f" {FAQBOT} --no-store; echo EXIT=$?; sleep 30"
    subprocess.run(
        ["tmux", "-L", session, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", str(tmp_path), command],
        check=True,
        env={**os.environ, "TMUX": ""},
    )
    _wait_for(session, "Guten Tag")
    return session


def _type(session: str, text: str) -> None:
    _send(session, text, literal=True)
    _send(session, "Enter")


def _wait_for_lines(session: str, test, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if test(screen):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"not on screen:\n{screen}")


def test_greeting_long_answer_scrolled_and_ambiguous_date_in_tmux(tmp_path):
    session = _start(tmp_path)
    try:
        _type(session, "hallo")
        screen = _wait_for(session, "Schön, dass Sie da sind")
        assert "leider keine Antwort" not in screen
        # The nine-reason answer does not fit 80x24: its end and its whole menu show at once;
        # scroll it from the input, then type on.
        _type(session, "Aktivierungsmail nicht erhalten")
        end = _wait_for_lines(session, lambda s: "Weiter mit:" in s and "5 Kontaktaufnahme mit dem Support" in s)
        assert "1 Diagnose starten" in end  # the menu's first item too: all five in view
        _send(session, "PageUp")
        up = _wait_for_lines(session, lambda s: "Weiter mit:" not in s)
        assert "•" in up  # still inside the answer, scrolled up a page
        _send(session, "PageDown")
        _wait_for(session, "Weiter mit:")
        _send(session, "C-Home")
        _wait_for(session, "Guten Tag")
        # Typed keys still reach the input: start the diagnosis, answer, give an ambiguous date.
        _send(session, "C-End")
        _wait_for(session, "Weiter mit:")
        _send(session, "1")
        _send(session, "Enter")
        _wait_for(session, "Online Services Manager")
        _type(session, "it@firma.de")
        _wait_for(session, "Startdatum der")
        _type(session, "3/12/2026")
        screen = _wait_for(session, "Welches Datum meinen Sie?")
        assert "1 3. Dezember 2026" in screen and "2 12. März 2026" in screen
        footer = screen.rstrip().splitlines()[-1]
        assert footer.rstrip().endswith("Befehle") and len(footer.rstrip()) <= 80
        _send(session, "C-q")
        _wait_for(session, "EXIT=0")
    finally:
        subprocess.run(["tmux", "-L", session, "kill-session", "-t", session], capture_output=True)
