"""Where the web chat keeps its conversations: a sqlite3 file, or memory with --no-store.

A conversation is kept as the events of its `Dialogue` (small JSON dicts); a page is
rebuilt by replaying them, so a reload and a server restart show the same conversation,
and several server processes can share one file. A conversation expires `ttl` seconds
after its last event; expired ones are deleted.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

__all__ = ["Conflict", "Conversation", "MemoryStore", "SqliteStore", "Store", "StoreFull"]

PURGE_EVERY = 60.0
"""Seconds between two sweeps for expired conversations."""


class Conflict(Exception):
    """Another step was stored first: the events were worked out on an older state."""


class StoreFull(Exception):
    """The memory store holds its most conversations; a new one must wait for others to expire."""


@dataclass(frozen=True)
class Conversation:
    """One stored conversation.

    Attributes:
        cid: Its id.
        lang: The language it started in.
        today: The date (JJJJ-MM-TT) relative dates count from: the day it started.
        created: When it started (seconds since the epoch).
        updated: When its last event was added.
        events: Its events, oldest first.
    """

    cid: str
    lang: str
    today: str
    created: float
    updated: float
    events: tuple[dict[str, Any], ...]


class Store(Protocol):
    """What the web app needs from a conversation store."""

    ttl: float

    def load(self, cid: str, now: float) -> Conversation | None:
        """Return the conversation, or None when unknown or expired."""
        ...

    def append(self, cid: str, lang: str, today: str, events: list[dict[str, Any]], now: float,
               expected: int | None = None) -> int:
        """Add events (creating the conversation if new); return how many it has now.

        Raises:
            Conflict: `expected` is given and the conversation has another number of events.
        """
        ...

    def purge(self, now: float) -> int:
        """Delete expired conversations; return how many."""
        ...

    def count(self) -> int:
        """How many conversations are kept."""
        ...


class MemoryStore:
    """Conversations in this process's memory only (--no-store): lost on restart.

    Args:
        ttl: Seconds a conversation is kept after its last event.
        limit: The most conversations kept at once (memory stays bounded).
    """

    def __init__(self, ttl: float, limit: int = 100_000) -> None:
        self.ttl = ttl
        self.limit = limit
        self._data: dict[str, Conversation] = {}
        self._lock = threading.Lock()
        self._swept = 0.0

    def load(self, cid: str, now: float) -> Conversation | None:
        """Return the conversation, or None when unknown or expired."""
        conv = self._data.get(cid)
        if conv is not None and conv.updated < now - self.ttl:
            self._data.pop(cid, None)
            return None
        return conv

    def append(self, cid: str, lang: str, today: str, events: list[dict[str, Any]], now: float,
               expected: int | None = None) -> int:
        """Add events (creating the conversation if new); return how many it has now.

        Raises:
            Conflict: `expected` is given and the conversation has another number of events.
        """
        with self._lock:
            conv = self.load(cid, now)
            if expected is not None and expected != (len(conv.events) if conv is not None else 0):
                raise Conflict(cid)
            if conv is None:
                if len(self._data) >= self.limit:
                    self._purge(now)
                    if len(self._data) >= self.limit:
                        raise StoreFull(cid)
                conv = Conversation(cid, lang, today, now, now, ())
            conv = Conversation(cid, conv.lang, conv.today, conv.created, now, conv.events + tuple(events))
            self._data[cid] = conv
        if now - self._swept > PURGE_EVERY:
            self.purge(now)
        return len(conv.events)

    def purge(self, now: float) -> int:
        """Delete expired conversations; return how many."""
        with self._lock:
            return self._purge(now)

    def _purge(self, now: float) -> int:
        self._swept = now
        old = [cid for cid, conv in self._data.items() if conv.updated < now - self.ttl]
        for cid in old:
            del self._data[cid]
        return len(old)

    def count(self) -> int:
        """How many conversations are kept."""
        return len(self._data)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    lang TEXT NOT NULL,
    today TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    events TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations(updated);
"""


class SqliteStore:
    """Conversations in a sqlite3 database file (private to the user running the server).

    Several processes may share the file: each change is one short write transaction.
    """

    def __init__(self, path: str | Path, ttl: float) -> None:
        self.ttl = ttl
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            self.path.touch(mode=0o600)
        self._db = sqlite3.connect(str(self.path), timeout=10.0, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self._swept = 0.0

    def load(self, cid: str, now: float) -> Conversation | None:
        """Return the conversation, or None when unknown or expired."""
        with self._lock:
            row = self._db.execute(
                "SELECT lang, today, created, updated, events FROM conversations WHERE id = ? AND updated >= ?",
                (cid, now - self.ttl),
            ).fetchone()
        if row is None:
            return None
        return Conversation(cid, row[0], row[1], row[2], row[3], tuple(_events(row[4])))

    def append(self, cid: str, lang: str, today: str, events: list[dict[str, Any]], now: float,
               expected: int | None = None) -> int:
        """Add events (creating the conversation if new); return how many it has now.

        Raises:
            Conflict: `expected` is given and the conversation has another number of events.
        """
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute(
                    "SELECT events, updated FROM conversations WHERE id = ?", (cid,)
                ).fetchone()
                if row is None or row[1] < now - self.ttl:
                    old: list[dict[str, Any]] = []
                    db.execute("DELETE FROM conversations WHERE id = ?", (cid,))
                    db.execute(
                        "INSERT INTO conversations (id, lang, today, created, updated, events) VALUES (?, ?, ?, ?, ?, ?)",
                        (cid, lang, today, now, now, "[]"),
                    )
                else:
                    old = _events(row[0])
                if expected is not None and expected != len(old):
                    raise Conflict(cid)
                merged = old + list(events)
                db.execute(
                    "UPDATE conversations SET events = ?, updated = ? WHERE id = ?",
                    (json.dumps(merged, ensure_ascii=False), now, cid),
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        if now - self._swept > PURGE_EVERY:
            self.purge(now)
        return len(merged)

    def purge(self, now: float) -> int:
        """Delete expired conversations; return how many."""
        with self._lock:
            self._swept = now
            cur = self._db.execute("DELETE FROM conversations WHERE updated < ?", (now - self.ttl,))
            return cur.rowcount

    def count(self) -> int:
        """How many conversations are kept."""
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()


def _events(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [e for e in data if isinstance(e, dict) and isinstance(e.get("type"), str)] if isinstance(data, list) else []
