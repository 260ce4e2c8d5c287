"""Saving conversations as JSON Lines and resuming the last one."""

from __future__ import annotations

import argparse
import json
import os
import stat

from chat_helpers import KB_DIR, TODAY

from bot.chat.store import ConversationStore, conversations_dir, latest, read_events


def test_append_writes_one_flushed_line_per_event(tmp_path):
    store = ConversationStore.create(tmp_path)
    store.append({"type": "ask", "text": "hallo"})
    store.append({"type": "answer", "fact": "osm_email", "value": "a@b.de"})
    lines = store.path.read_text(encoding="utf-8").splitlines()  # readable before close: flushed
    assert [json.loads(line)["type"] for line in lines] == ["ask", "answer"]
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    store.close()


def test_read_events_skips_a_torn_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"type": "ask", "text": "a"}\n{"type": "fl', encoding="utf-8")
    assert read_events(path) == [{"type": "ask", "text": "a"}]
    store = ConversationStore.open(path)
    store.append({"type": "back"})
    store.close()
    assert [e["type"] for e in read_events(path)] == ["ask", "back"]


def test_latest_and_data_dir(tmp_path, monkeypatch):
    assert latest(tmp_path) is None
    a = ConversationStore.create(tmp_path)
    a.append({"type": "ask", "text": "1"})
    b = ConversationStore.create(tmp_path)
    b.append({"type": "ask", "text": "2"})
    os.utime(a.path, (1, 1))
    assert latest(tmp_path) == b.path
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    assert conversations_dir() == tmp_path / "conversations"


def _args(**kw):
    base = dict(kb=str(KB_DIR), lang=None, resume=False, no_store=False, redact=False)
    base.update(kw)
    return argparse.Namespace(**base)


def test_launch_records_and_resume_continues_the_flow(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    app = build_app(_args(), clock=lambda: TODAY)
    d = app.dialogue
    d.submit("Aktivierungsmail nicht erhalten")
    d.select(0)
    d.submit("it@firma.de")
    app.store.close()
    app2 = build_app(_args(resume=True), clock=lambda: TODAY)
    app2.dialogue.replay(app2._resume_events)
    assert app2.dialogue.current_fact.id == "junk_checked"
    assert app2.dialogue.run.facts == {"osm_email": "it@firma.de"}
    assert app2.store.path == app.store.path  # continues the same file
    app2.store.close()


def test_no_store_writes_nothing(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    app = build_app(_args(no_store=True), clock=lambda: TODAY)
    app.dialogue.submit("Aktivierungsmail nicht erhalten")
    assert app.store is None
    assert not (tmp_path / "conversations").exists()


def test_broken_kb_exits_2_before_any_ui(tmp_path, capsys):
    from bot.chat.launch import run

    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "x.yaml").write_text("id: [\n", encoding="utf-8")
    assert run(_args(kb=str(tmp_path), no_store=True)) == 2
    err = capsys.readouterr().err
    assert "x.yaml:" in err and "problem" in err


# -- issue 15: never lose a conversation silently ------------------------------------------

import pytest  # noqa: E402


def test_opening_and_closing_the_chat_leaves_no_file(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    app = build_app(_args(), clock=lambda: TODAY)
    app.store.close()
    assert not (tmp_path / "conversations").exists() or not list((tmp_path / "conversations").iterdir())


def test_a_folder_that_cannot_be_written_is_reported_with_the_way_out(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    store = ConversationStore.create(blocked / "conversations")
    store.append({"type": "start", "version": 1, "lang": "de"})  # nothing to keep yet: no error
    with pytest.raises(OSError) as caught:
        store.append({"type": "ask", "text": "Aktivierungsmail fehlt"})
    assert str(blocked) in str(caught.value) and store.problem
    from faq.language.catalogue import tr

    for lang in ("de", "en"):
        shown = tr(lang, "store_failed", error=str(caught.value))
        assert "--no-store" in shown and "FAQBOT_DATA_DIR" in shown and str(blocked) in shown


async def test_the_chat_says_so_when_it_cannot_save(tmp_path, monkeypatch):
    from bot.chat.dialogue import Notice
    from bot.chat.launch import build_app

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(blocked))
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    app = build_app(_args(), clock=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"Aktivierungsmail nicht erhalten")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        notices = [i for i in app.dialogue.items if isinstance(i, Notice) and i.key == "store_failed"]
        assert len(notices) == 1 and str(blocked) in notices[0].args["error"]
        assert app.store is None


def test_two_sessions_resuming_one_conversation_never_share_its_file(tmp_path):
    first = ConversationStore.create(tmp_path)
    first.append({"type": "start", "version": 1, "lang": "de"})
    first.append({"type": "ask", "text": "eins"})
    first.close()
    a = ConversationStore.open(first.path)
    b = ConversationStore.open(first.path)  # while a still has it open
    assert a.path == first.path and b.path != first.path
    for n in range(3):
        a.append({"type": "ask", "text": f"a{n}"})
        b.append({"type": "ask", "text": f"b{n}"})
    a.close()
    b.close()
    assert [e["text"] for e in read_events(a.path) if e["type"] == "ask"] == ["eins", "a0", "a1", "a2"]
    assert [e["text"] for e in read_events(b.path) if e["type"] == "ask"] == ["eins", "b0", "b1", "b2"]
    assert stat.S_IMODE(os.stat(b.path).st_mode) == 0o600


def test_saved_summaries_are_private(tmp_path):
    from datetime import date

    from bot.chat.summary import save_summary

    path = save_summary("# Fall", tmp_path, date(2026, 11, 25))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_the_conversation_folder_is_private(tmp_path):
    store = ConversationStore.create(tmp_path / "data" / "conversations")
    store.append({"type": "ask", "text": "x"})
    store.close()
    assert stat.S_IMODE(os.stat(tmp_path / "data" / "conversations").st_mode) == 0o700
