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
    events: list[dict[str, Any]] = []
    if not os.path.exists(path):  # a conversation with nothing kept yet
        return events
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


def _lock(fd: int) -> bool:
    """Take an exclusive lock on an open conversation file; False when another session holds it."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: unique files still keep sessions apart
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _new_name() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + f"-{secrets.token_hex(3)}{SUFFIX}"


class ConversationStore:
    """Appends the events of one conversation to a JSON Lines file of its own.

    Each event gets a time stamp `ts` (seconds since the epoch) and is flushed at once,
    so a crash loses nothing already shown. The file is created (0600, in a 0700 folder)
    only with the first event worth keeping: a chat that is opened and closed, or a
    browser tab that only connects, leaves no file. The open file is locked, so a second
    session resuming the same conversation continues in a copy of its own instead of
    interleaving its events. When the file cannot be written, `append` raises `OSError`
    whose message says why and how to go on (`--no-store`, or another folder through
    $FAQBOT_DATA_DIR); `problem` holds that message too.
    """

    _PRELUDE = frozenset({"start", "lang"})

    def __init__(self, path: Path, handle: IO[str] | None = None, pending: list[str] | None = None) -> None:
        self.path = path
        self._fh = handle
        self._pending = list(pending or [])
        self.problem = ""

    @classmethod
    def create(cls, folder: str | Path | None = None, pending: list[str] | None = None) -> ConversationStore:
        """Prepare a new conversation in `folder` (the file itself comes with the first event to keep)."""
        folder = Path(folder) if folder is not None else conversations_dir()
        return cls(folder / _new_name(), None, pending)

    @classmethod
    def open(cls, path: str | Path) -> ConversationStore:
        """Continue an existing conversation file.

        When another session has it open, the conversation continues in a new file that
        starts with a copy of its events.

        Raises:
            OSError: The file cannot be opened for appending.
        """
        path = Path(path)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        if not _lock(fd):
            os.close(fd)
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = [line.rstrip("\n") for line in fh if line.strip()]
            copied = [line for line in lines if _is_event(line)]
            return cls.create(path.parent, copied)
        handle = os.fdopen(fd, "a", encoding="utf-8")
        try:  # a torn last line must not swallow the next event
            if path.stat().st_size and not path.read_bytes().endswith(b"\n"):
                handle.write("\n")
                handle.flush()
        except OSError:
            pass
        return cls(path, handle)

    def _start_file(self) -> IO[str]:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            while True:
                try:
                    fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
                    break
                except FileExistsError:
                    self.path = folder / _new_name()
        except OSError as exc:
            self.problem = f"{folder}: {exc.strerror or exc}"
            raise OSError(exc.errno, self.problem) from None
        _lock(fd)
        return os.fdopen(fd, "a", encoding="utf-8")

    def append(self, event: dict[str, Any]) -> None:
        """Write one event as a line and flush it (events before the first worth keeping wait).

        Raises:
            OSError: The conversation cannot be saved; the message says why and what to do.
        """
        line = json.dumps({"ts": round(time.time(), 3), **event}, ensure_ascii=False)
        if self._fh is None:
            if event.get("type") in self._PRELUDE:
                self._pending.append(line)
                return
            self._fh = self._start_file()
        self._fh.write("".join(f"{p}\n" for p in self._pending) + line + "\n")
        self._fh.flush()
        self._pending = []

    def close(self) -> None:
        """Close the file (and release its lock)."""
        try:
            if self._fh is not None:
                self._fh.close()
        except OSError:
            pass


def _is_event(line: str) -> bool:
    try:
        event = json.loads(line)
    except ValueError:
        return False
    return isinstance(event, dict) and isinstance(event.get("type"), str)
