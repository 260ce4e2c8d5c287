"""The web chat's conversation stores: sqlite3 file and memory."""

from __future__ import annotations

import pytest

from bot.web.store import MemoryStore, SqliteStore

EVENTS = [{"type": "ask", "text": "Aktivierungslink"}, {"type": "flow", "flow": "activation-link-expiry"}]


@pytest.fixture(params=["sqlite", "memory"])
def make(request, tmp_path):
    def build(ttl: float = 3600):
        return SqliteStore(tmp_path / "c.sqlite3", ttl) if request.param == "sqlite" else MemoryStore(ttl)

    return build


def test_append_then_load_keeps_order_and_metadata(make):
    store = make()
    assert store.load("a", 100) is None
    assert store.append("a", "en", "2026-11-24", EVENTS[:1], 100) == 1
    assert store.append("a", "de", "2026-12-01", EVENTS[1:], 110) == 2
    conv = store.load("a", 120)
    assert conv.events == tuple(EVENTS)
    assert (conv.lang, conv.today, conv.created, conv.updated) == ("en", "2026-11-24", 100, 110)
    assert store.count() == 1


def test_conversation_expires_after_its_last_event(make):
    store = make(ttl=60)
    store.append("a", "de", "2026-11-24", EVENTS, 100)
    assert store.load("a", 159) is not None
    assert store.load("a", 161) is None
    store.append("a", "de", "2026-11-25", EVENTS[:1], 200)  # a new conversation under the old id
    assert store.load("a", 201).events == tuple(EVENTS[:1])


def test_purge_deletes_only_expired(make):
    store = make(ttl=60)
    store.append("old", "de", "2026-11-24", EVENTS, 100)
    store.append("new", "de", "2026-11-24", EVENTS, 150)
    assert store.purge(200) == 1
    assert store.count() == 1
    assert store.load("new", 200) is not None


def test_sqlite_store_survives_reopening_and_is_private(tmp_path):
    path = tmp_path / "c.sqlite3"
    first = SqliteStore(path, 3600)
    first.append("a", "de", "2026-11-24", EVENTS, 100)
    first.close()
    assert SqliteStore(path, 3600).load("a", 101).events == tuple(EVENTS)
    assert path.stat().st_mode & 0o077 == 0


def test_two_processes_sharing_a_file_see_each_others_steps(tmp_path):
    path = tmp_path / "c.sqlite3"
    one, two = SqliteStore(path, 3600), SqliteStore(path, 3600)
    one.append("a", "de", "2026-11-24", EVENTS[:1], 100)
    two.append("a", "de", "2026-11-24", EVENTS[1:], 101)
    assert one.load("a", 102).events == tuple(EVENTS)


def test_a_corrupt_row_loads_as_no_events(tmp_path):
    store = SqliteStore(tmp_path / "c.sqlite3", 3600)
    store.append("a", "de", "2026-11-24", EVENTS, 100)
    store._db.execute("UPDATE conversations SET events = 'not json'")
    assert store.load("a", 101).events == ()


def test_append_refuses_events_worked_out_on_an_older_state(make):
    from bot.web.store import Conflict

    store = make()
    store.append("a", "de", "2026-11-24", EVENTS[:1], 100, expected=0)
    with pytest.raises(Conflict):
        store.append("a", "de", "2026-11-24", EVENTS[1:], 101, expected=0)
    assert store.append("a", "de", "2026-11-24", EVENTS[1:], 101, expected=1) == 2
    assert store.load("a", 102).events == tuple(EVENTS)


def test_memory_store_is_bounded_and_makes_room_from_expired_ones():
    from bot.web.store import StoreFull

    store = MemoryStore(ttl=60, limit=2)
    store.append("a", "de", "2026-11-24", EVENTS, 100)
    store.append("b", "de", "2026-11-24", EVENTS, 130)
    with pytest.raises(StoreFull):
        store.append("c", "de", "2026-11-24", EVENTS, 150)
    assert store.append("b", "de", "2026-11-24", EVENTS[:1], 150) == 3  # known ones go on
    assert store.append("c", "de", "2026-11-24", EVENTS, 170) == 2  # "a" has expired meanwhile
    assert store.load("a", 170) is None
