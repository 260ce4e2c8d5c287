"""End to end: `faqbot serve` in a subprocess, Debian's Chromium (headless, driven by
Playwright with executable_path, never a downloaded browser) opens the page, asks a
question, sees the answer, runs a diagnosis and saves its summary with Ctrl+S, which must
land in the data directory and nowhere else.

xterm.js draws on a canvas, so the test reads the text from xterm's own buffer: an init
script catches the Terminal object when textual-serve's page stores it, and
`buffer.active.getLine(i).translateToString()` gives the rows the user sees.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chat_helpers import KB_DIR

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The test needs all three; without any of them it is skipped before the server starts.
pytestmark = [
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason="Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("textual_serve") is None,
        reason="the web extra is not installed (pip install -e '.[web]')",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="the webtest extra is not installed (pip install -e '.[webtest]')",
    ),
]

# Runs before the page's scripts: the first object stored as `.terminal` that has an
# xterm buffer is kept in window.__faqbotTerminal.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    Object.defineProperty(this, 'terminal', {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && value.buffer.active && !window.__faqbotTerminal) window.__faqbotTerminal = value;
  },
});
"""

SCREEN = """() => {
  const t = window.__faqbotTerminal;
  if (!t) return '';
  const b = t.buffer.active, rows = [];
  for (let i = 0; i < b.length; i++) { const line = b.getLine(i); rows.push(line ? line.translateToString(true) : ''); }
  return rows.join('\\n');
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"faqbot serve exited with {proc.returncode}: {proc.stdout.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("faqbot serve did not listen in time")


def _sessions(server_pid: int) -> list[int]:
    """The chat processes the server started (its direct children)."""
    kids: list[int] = []
    for path in Path(f"/proc/{server_pid}/task").glob("*/children"):
        try:
            kids += [int(pid) for pid in path.read_text().split()]
        except OSError:
            pass
    return kids


def _environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    data, cwd = tmp_path / "data", tmp_path / "cwd"
    cwd.mkdir()
    env = dict(os.environ, FAQBOT_DATA_DIR=str(data), PYTHONUNBUFFERED="1")
    env.pop("FAQBOT_WEB", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port), "--kb", str(KB_DIR)],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for_port(port, proc)
        yield proc, port, data, cwd
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def test_browser_asks_a_question_and_sees_the_answer(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[webtest]'")
    proc, port, data, cwd = server
    base = f"http://127.0.0.1:{port}"
    profile = tmp_path / "chromium-profile"  # a fresh, empty profile

    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport={"width": 1100, "height": 700}
        )
        try:
            # The page must contact only our server (textual-serve's page links a web font
            # from Google, which the content policy blocks): anything else is recorded and refused.
            elsewhere: list[str] = []

            def only_ours(route):
                if route.request.url.startswith(base + "/"):
                    route.continue_()
                else:
                    elsewhere.append(route.request.url)
                    route.abort()

            context.route("**/*", only_ours)
            page = context.new_page()
            page.add_init_script(CATCH_TERMINAL)
            page.goto(base + "/")

            def screen_has(*texts: str, timeout: float = 20_000) -> str:
                try:
                    page.wait_for_function(
                        f"(texts) => {{ const s = ({SCREEN})(); return texts.every(t => s.includes(t)); }}",
                        arg=list(texts),
                        timeout=timeout,
                    )
                except Exception:
                    page.screenshot(path=str(tmp_path / "failure.png"))
                    raise AssertionError(f"not on screen: {texts}\n--- screen ---\n{page.evaluate(SCREEN)}") from None
                return page.evaluate(SCREEN)

            screen_has("Guten Tag!", "Ihre Frage")
            page.focus(".xterm-helper-textarea")  # the keyboard goes to the terminal
            page.keyboard.type("Aktivierungsmail nicht erhalten")
            page.keyboard.press("Enter")
            text = screen_has("Sie: Aktivierungsmail nicht erhalten", "Warum habe ich die Aktivierungs-E-Mail nicht erhalten?")
            assert "Diagnose starten" in text

            # One session, one chat process, in web mode.
            sessions = _sessions(proc.pid)
            assert len(sessions) == 1
            assert _environ(sessions[0]).get("FAQBOT_WEB") == "1"

            # A diagnosis to its result, then Ctrl+S: the summary lands in the data directory only.
            page.keyboard.press("1")
            screen_has("An welche E-Mail-Adresse")
            page.keyboard.type("it@firma.de")
            page.keyboard.press("Enter")
            screen_has("Junk")
            page.keyboard.press("n")
            screen_has("Ergebnis")
            page.keyboard.press("Control+s")
            screen_has("faqbot-fall-")
            saved = list((data / "summaries").glob("faqbot-fall-*.md"))
            assert len(saved) == 1 and "`junk-folder`" in saved[0].read_text(encoding="utf-8")
            assert list(cwd.iterdir()) == []
            assert elsewhere == []
        finally:
            context.close()

    # The browser is gone: its chat process ends too.
    deadline = time.monotonic() + 10
    while _sessions(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _sessions(proc.pid) == []
