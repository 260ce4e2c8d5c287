"""Helpers of the web tests: a real server on a free loopback port, in a thread."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

from bot.web.config import WebConfig

TOKEN = "test-token-0123456789abcdef"
TODAY = date(2026, 11, 24)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def config(**changes: Any) -> WebConfig:
    """A configuration for tests: memory store, a fixed date, one API token."""
    base = WebConfig(secret=b"test-secret-0123456789", host="127.0.0.1", port=8000, today=TODAY,
                     api_tokens=frozenset({TOKEN}))
    return replace(base, **changes)


@contextmanager
def running(cfg: WebConfig) -> Iterator[str]:
    """Serve the app of `cfg` with uvicorn on its port; yield its base URL."""
    import uvicorn

    from bot.web.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(cfg), host=cfg.host, port=cfg.port, log_level="error",
                                           access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://{cfg.host}:{cfg.port}"
    finally:
        server.should_exit = True
        thread.join(10)


def form_fields(html: str, action_suffix: str) -> dict[str, str]:
    """The hidden fields of the first form posting to an action ending in `action_suffix`."""
    match = re.search(r'<form[^>]*action="[^"]*' + re.escape(action_suffix) + r'"[^>]*>(.*?)</form>', html, re.S)
    assert match, f"no form posting to {action_suffix}"
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', match.group(1)))


def buttons(html: str) -> list[tuple[str, str, str]]:
    """The (name, value, label) of every option button on the page."""
    found = re.findall(r'<button type="submit" name="(option|control)" value="([^"]*)"[^>]*>([^<]*)</button>', html, re.S)
    return [(n, v, " ".join(label.split())) for n, v, label in found]
