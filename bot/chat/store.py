"""Saving conversations as JSON Lines (one event per line, flushed), and finding the last one."""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path
from typing import IO, Any

__all__ = ["ConversationStore", "conversations_dir", "latest", "read_events", "redact_event"]

SUFFIX = ".jsonl"
_KEEP = frozenset({"type", "fact", "flow", "entry", "lang", "version"})
"""Event fields that hold ids, never user text: not masked."""


def redact_event(event: dict[str, Any]) -> dict[str, Any]:
    """Return the event with e-mail addresses and names masked in every text it holds.

    Addresses keep their domain (it***@firma.de -> i***@firma.de), so a resumed
    diagnosis that tests the domain still comes to the same cause.
    """
    from faq.tickets.redact import redact

    return {k: redact(v) if isinstance(v, str) and k not in _KEEP else v for k, v in event.items()}


def conversations_dir() -> Path:
    """Return where conversations are saved: $FAQBOT_DATA_DIR/conversations, else the user data dir."""
    configured = os.environ.get("FAQBOT_DATA_DIR")
    if configured:
        return Path(configured) / "conversations"
    from platformdirs import user_data_dir

    return Path(user_data_dir("faqbot", appauthor=False)) / "conversations"


def latest(folder: str | Path) -> Path | None:
    """Return the most recently written conversation in `folder`, or None."""
    folder = Path(folder)
    try:
        files = [p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file()]
    except OSError:
        return None
    if not files:
        return None
    return max(files, key=lambda p: (p.stat().st_mtime_ns, p.name))


def read_events(path: str | Path) -> list[dict[str, Any]]:
    """Read the events of a conversation; lines that are not JSON objects (a torn last line) are skipped."""
    events = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if isinstance(event, dict) and isinstance(event.get("type"), str):
                events.append(event)
    return events


class ConversationStore:
    """Appends the events of one conversation to a JSON Lines file.

    Each event gets a time stamp `ts` (seconds since the epoch) and is flushed at once,
    so a crash loses nothing already shown.
    """

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._fh = handle

    @classmethod
    def create(cls, folder: str | Path | None = None) -> ConversationStore:
        """Start a new conversation file (private to the user) in `folder`."""
        folder = Path(folder) if folder is not None else conversations_dir()
        folder.mkdir(parents=True, exist_ok=True)
        while True:
            name = time.strftime("%Y%m%d-%H%M%S") + f"-{secrets.token_hex(3)}{SUFFIX}"
            path = folder / name
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
            except FileExistsError:
                continue
            return cls(path, os.fdopen(fd, "a", encoding="utf-8"))

    @classmethod
    def open(cls, path: str | Path) -> ConversationStore:
        """Continue appending to an existing conversation file."""
        path = Path(path)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        handle = os.fdopen(fd, "a", encoding="utf-8")
        try:  # a torn last line must not swallow the next event
            if path.stat().st_size and not path.read_bytes().endswith(b"\n"):
                handle.write("\n")
                handle.flush()
        except OSError:
            pass
        return cls(path, handle)

    def append(self, event: dict[str, Any]) -> None:
        """Write one event as a line and flush it."""
        record = {"ts": round(time.time(), 3), **event}
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        """Close the file."""
        try:
            self._fh.close()
        except OSError:
            pass
