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


def _capture(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def _wait_for(session: str, needle: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} not on screen:\n{screen}")


def _send(session: str, *keys: str, literal: bool = False) -> None:
    cmd = ["tmux", "send-keys", "-t", session]
    if literal:
        cmd.append("-l")
    subprocess.run([*cmd, *keys], check=True)


def test_real_chat_in_tmux(tmp_path):
    session = f"faqbot-{uuid.uuid4().hex[:8]}"
    env = {"FAQBOT_DATA_DIR": str(tmp_path / "data"), "FAQBOT_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    command = " ".join(f"{k}={v}" for k, v in env.items()) + f" {FAQBOT} --no-store; echo EXIT=$?; sleep 30"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", str(tmp_path), command],
        check=True,
        env={**os.environ, "TMUX": ""},
    )
    try:
        _wait_for(session, "Guten Tag")
        _send(session, "Aktivierungsmail nicht erhalten", literal=True)
        _send(session, "Enter")
        _wait_for(session, "Sie: Aktivierungsmail nicht erhalten")
        _wait_for(session, "Diagnose starten")
        _send(session, "[bold]x[/bold] [@click=app.quit]y[/]", literal=True)
        _send(session, "Enter")
        screen = _wait_for(session, "Sie: [bold]x[/bold] [@click=app.quit]y[/]")
        assert "Beenden" in screen
        _send(session, "C-q")
        _wait_for(session, "EXIT=0")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
