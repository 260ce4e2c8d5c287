"""No lost cases: every step of a conversation is on disk before the next one, and
`faqbot --resume` continues where the user was after a crash or a closed terminal.

Also: files the user saves are written atomically and never overwrite a file
(the basic cases are in test_chat_summary.py; here the failure and race cases).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from chat_helpers import KB_DIR, TODAY, kb_and_matcher

from bot.chat.dialogue import Dialogue
from bot.chat.store import ConversationStore, latest, read_events
from bot.chat.summary import save_summary, summary_name

ROOT = Path(__file__).resolve().parent.parent
FAQBOT = Path(sys.executable).with_name("faqbot")


def _args(**kw):
    base = dict(kb=str(KB_DIR), lang=None, resume=False, no_store=False, redact=False)
    base.update(kw)
    return argparse.Namespace(**base)


def _state(d: Dialogue) -> tuple:
    """What a resumed conversation must restore: the flow, its answers, the open question, the result."""
    run = d.run
    result = d.last_result
    return (
        run.flow.id if run is not None else None,
        dict(run.facts) if run is not None else None,
        d.current_fact.id if d.current_fact is not None else None,
        (result.flow_id, result.diagnosis.cause) if result is not None else None,
        d.story,
        d.picked,
        d.lang,
        d.talk_lang,
        run.lang if run is not None else None,
    )


def _replayed(events) -> Dialogue:
    kb, matcher = kb_and_matcher()
    fresh = Dialogue(kb, matcher, TODAY)
    for event in events:  # as launch does: the language, then the rest
        if event.get("type") in ("start", "lang") and event.get("lang") in ("de", "en"):
            fresh.lang = event["lang"]
    fresh.replay(events)  # the switches where they happened
    return fresh


STEPS = [
    ("submit", "Aktivierungsmail nicht erhalten"),
    ("select", 0),  # start the diagnosis
    ("submit", "kein@adresse"),  # rejected: the question stays open, nothing recorded
    ("submit", "it@firma.de"),
    ("submit", "nein"),
    ("back", None),
    ("submit", "ja"),
    ("submit", "gestern"),
    ("restart", None),
    ("submit", "anna@outlook.com"),  # settles the cause
    ("lang", "en"),
    ("submit", "activation link expired"),
]


def test_every_step_is_saved_before_the_next_and_resumes_exactly(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    app = build_app(_args(), clock=lambda: TODAY)
    d = app.dialogue
    path = app.store.path
    seen = len(read_events(path))
    try:
        for kind, arg in STEPS:
            if kind == "submit":
                d.submit(arg)
            elif kind == "select":
                d.select(arg)
            elif kind == "lang":
                d.set_lang(arg)
            else:
                getattr(d, kind)()
            events = read_events(path)  # another reader, while the chat still runs: flushed
            if kind == "submit" and arg == "kein@adresse":
                assert len(events) == seen  # a rejected value is no step
            else:  # the first step brings the start event along: the file begins with it
                assert len(events) == seen + 1 + (seen == 0), (kind, arg, events[seen:])
            seen = len(events)
            assert _state(_replayed(events)) == _state(d), f"resume after {kind} {arg!r} differs"
    finally:
        app.store.close()
    assert _state(d)[3] == ("missing-activation-email", "outlook-com-address")


@pytest.mark.parametrize(("lang", "story", "yes"), [
    ("de", "Hallo, wir haben die Lizenzen vor etwa zwei Monaten gekauft und die Mail kam an. Ist der Link noch gültig?",
     "ja"),
    ("en", "We bought the licenses about two months ago and got the activation email. Is the activation link still valid?",
     "yes"),
])
def test_a_confirmed_rough_date_stays_approximate_when_replayed(lang, story, yes):
    from faq.flows.dates import RoughDate
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    kb = load_knowledge_base(ROOT / "knowledge")  # the bundled base: its flow reads the story's rough date
    matcher = Matcher(kb)
    events: list[dict] = []
    d = Dialogue(kb, matcher, TODAY, lang, on_event=events.append)
    d.submit(story)
    d.start_flow("activation-link-expiry")
    d.submit(yes)  # confirms the purchase date read from the story
    assert d.last_result is not None
    told = d.last_result.diagnosis.facts["purchase_date"]
    assert isinstance(told, RoughDate)
    replayed = Dialogue(kb, matcher, TODAY, lang)
    replayed.replay(events)  # as the web chat and --resume rebuild a conversation
    assert replayed.last_result is not None
    again = replayed.last_result.diagnosis.facts["purchase_date"]
    assert isinstance(again, RoughDate) and again == told and again.words == told.words


def _crash_script(data: Path) -> str:
    """A chat process that answers two questions and is then killed (SIGKILL: no cleanup at all)."""
    return textwrap.dedent(f"""
        import argparse, os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        os.environ["FAQBOT_DATA_DIR"] = {str(data)!r}
        os.environ["FAQBOT_NO_CACHE"] = "1"
        from datetime import date
        from bot.chat.launch import build_app
        args = argparse.Namespace(kb={str(KB_DIR)!r}, lang=None, resume=False, no_store=False, redact=False)
        app = build_app(args, clock=lambda: date(2026, 11, 24))
        d = app.dialogue
        d.submit("Aktivierungsmail nicht erhalten")
        d.select(0)
        d.submit("it@firma.de")
        d.submit("ja")
        os.kill(os.getpid(), signal.SIGKILL)
    """)


def test_killed_process_resumes_where_the_user_was(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    data = tmp_path / "data"
    proc = subprocess.run([sys.executable, "-c", _crash_script(data)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(data))
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    app = build_app(_args(resume=True), clock=lambda: TODAY)
    try:
        app.dialogue.replay(app._resume_events)
        assert app.dialogue.run.facts == {"osm_email": "it@firma.de", "junk_checked": True}
        assert app.dialogue.current_fact.id == "usage_start"
        app.dialogue.submit("gestern")  # and it goes on, in the same file
        assert read_events(app.store.path)[-1]["fact"] == "usage_start"
    finally:
        app.store.close()
    assert len(list((data / "conversations").iterdir())) == 1


def test_a_torn_last_line_loses_only_that_line(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    app = build_app(_args(), clock=lambda: TODAY)
    d = app.dialogue
    d.submit("Aktivierungsmail nicht erhalten")
    d.select(0)
    d.submit("it@firma.de")
    app.store.close()
    with open(app.store.path, "a", encoding="utf-8") as fh:  # power cut in the middle of a write
        fh.write('{"ts": 1, "type": "answer", "fact": "junk_ch')
    app2 = build_app(_args(resume=True), clock=lambda: TODAY)
    try:
        app2.dialogue.replay(app2._resume_events)
        assert app2.dialogue.current_fact.id == "junk_checked"
        app2.dialogue.submit("nein")
    finally:
        app2.store.close()
    lines = app.store.path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["fact"] == "junk_checked"  # on a line of its own
    assert _replayed(read_events(app.store.path)).run.facts == {"osm_email": "it@firma.de", "junk_checked": False}


def test_resume_without_a_saved_conversation_starts_afresh(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    app = build_app(_args(resume=True), clock=lambda: TODAY)
    try:
        assert app._resume_missing and not app._resume_events
        assert app.store is not None and not app.store.path.exists()  # nothing to keep yet
        app.dialogue.submit("Aktivierungsmail nicht erhalten")
        assert [e["type"] for e in read_events(app.store.path)][:2] == ["start", "ask"]
    finally:
        app.store.close()


def test_resume_picks_the_newest_conversation(tmp_path):
    old = ConversationStore.create(tmp_path)
    old.append({"type": "ask", "text": "alt"})
    old.close()
    os.utime(old.path, (1_000, 1_000))
    new = ConversationStore.create(tmp_path)
    new.append({"type": "ask", "text": "neu"})
    new.close()
    (tmp_path / "notes.txt").write_text("not a conversation")
    assert latest(tmp_path) == new.path


def test_conversation_files_are_never_overwritten(tmp_path, monkeypatch):
    """Two chats started in the same second get two files; an existing file is never truncated."""
    import bot.chat.store as store

    monkeypatch.setattr(store.time, "strftime", lambda fmt: "20261124-120000")
    tokens = iter(["aaaaaa", "aaaaaa", "bbbbbb"])
    monkeypatch.setattr(store.secrets, "token_hex", lambda n: next(tokens))
    first = ConversationStore.create(tmp_path)
    first.append({"type": "ask", "text": "erste"})
    second = ConversationStore.create(tmp_path)  # the first name is taken: a new one
    second.append({"type": "ask", "text": "zweite"})
    first.close()
    second.close()
    assert first.path != second.path
    assert [e["text"] for e in read_events(first.path)] == ["erste"]
    assert [e["text"] for e in read_events(second.path)] == ["zweite"]


# -- saved summaries: atomic, never overwriting ------------------------------------------


def test_a_failed_save_leaves_no_partial_file(tmp_path, monkeypatch):
    import bot.chat.summary as summary

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(summary.os, "fsync", disk_full)
    with pytest.raises(OSError):
        save_summary("x" * 100_000, tmp_path, TODAY)
    assert list(tmp_path.iterdir()) == []  # neither the final name nor a temporary file


def test_save_does_not_follow_a_symlink_at_the_name(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / summary_name(TODAY, 1)).symlink_to(victim)
    (tmp_path / summary_name(TODAY, 2)).symlink_to(tmp_path / "dangling")
    path = save_summary("summary", tmp_path, TODAY)
    assert path.name == summary_name(TODAY, 3)
    assert victim.read_text() == "keep me" and not (tmp_path / "dangling").exists()


def test_save_without_hard_links_still_never_overwrites(tmp_path, monkeypatch):
    import bot.chat.summary as summary

    def no_links(src, dst):
        raise PermissionError(1, "Operation not permitted")  # e.g. FAT or some network shares

    monkeypatch.setattr(summary.os, "link", no_links)
    (tmp_path / summary_name(TODAY, 1)).write_text("keep me")
    path = save_summary("neu", tmp_path, TODAY)
    assert path.name == summary_name(TODAY, 2) and path.read_text() == "neu"
    assert (tmp_path / summary_name(TODAY, 1)).read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


# -- the real program: killed, then `faqbot --resume` ------------------------------------


# This module's own tmux server (one per test process): a shared one can exit under it while another
# test or a user's tmux ends its last session.
TMUX_SOCKET = f"faqbot-resume-tests-{os.getpid()}"


def _tmux(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["tmux", "-L", TMUX_SOCKET, *args], capture_output=True, text=True, env={**os.environ, "TMUX": ""})


def _wait_for(session: str, needle: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-J", "-t", session).stdout
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} not on screen:\n{screen}")


def _start(session: str, tmp_path: Path, *flags: str) -> None:
    env = {"FAQBOT_DATA_DIR": str(tmp_path / "data"), "FAQBOT_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    command = " ".join(f"{k}={v}" for k, v in env.items()) + f" exec {FAQBOT} --kb {KB_DIR} " + " ".join(flags)
    subprocess.run(["tmux", "-L", TMUX_SOCKET, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c", str(tmp_path), command],
                   check=True, env={**os.environ, "TMUX": ""})


def _send(session: str, text: str) -> None:
    _tmux("send-keys", "-t", session, "-l", text)
    _tmux("send-keys", "-t", session, "Enter")


@pytest.mark.skipif(shutil.which("tmux") is None or not FAQBOT.exists(), reason="needs tmux and the faqbot script")
def test_real_chat_killed_then_resumed_in_tmux(tmp_path):
    first, second, third, keeper = (f"faqbot-resume-{uuid.uuid4().hex[:8]}" for _ in range(4))
    # A session that outlives the killed ones, so the tmux server stays up between them.
    subprocess.run(["tmux", "-L", TMUX_SOCKET, "new-session", "-d", "-s", keeper, "sleep 600"], check=True, env={**os.environ, "TMUX": ""})
    try:
        _start(first, tmp_path)
        _wait_for(first, "Guten Tag")
        _send(first, "Aktivierungsmail nicht erhalten")
        _wait_for(first, "Diagnose starten")
        _tmux("send-keys", "-t", first, "1", "Enter")
        _wait_for(first, "An welche E-Mail-Adresse")
        _send(first, "it@firma.de")
        _wait_for(first, "Haben Sie den Junk-E-Mail-Ordner")
        pid = int(_tmux("display-message", "-p", "-t", first, "#{pane_pid}").stdout.strip())
        os.kill(pid, signal.SIGKILL)  # a crash: no chance to clean up

        _start(second, tmp_path, "--resume")
        _wait_for(second, "Das letzte Gespräch wird fortgesetzt")
        _wait_for(second, "Haben Sie den Junk-E-Mail-Ordner")  # the open question, asked again
        _send(second, "ja")
        _wait_for(second, "Wann beginnt die Nutzung")
        _tmux("kill-session", "-t", second)  # the terminal is closed (SIGHUP)

        _start(third, tmp_path, "--resume")
        screen = _wait_for(third, "Das letzte Gespräch wird fortgesetzt")
        assert "Wann beginnt die Nutzung" in screen
        files = list((tmp_path / "data" / "conversations").glob("*.jsonl"))
        assert len(files) == 1
        answers = [e for e in read_events(files[0]) if e["type"] == "answer"]
        assert [(e["fact"], e["value"]) for e in answers] == [("osm_email", "it@firma.de"), ("junk_checked", "ja")]
    finally:
        for session in (first, second, third, keeper):
            _tmux("kill-session", "-t", session)


@pytest.mark.parametrize("given", [None, "de"])
def test_resume_restores_the_language_switch_where_it_happened_and_a_given_lang_wins(tmp_path, monkeypatch, given):
    from bot.chat.launch import build_app

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    app = build_app(_args(), clock=lambda: TODAY)
    try:
        app.dialogue.submit("Aktivierungsmail nicht erhalten, was nun?")  # German words...
        app.dialogue.select(0)
        app.dialogue.set_lang("en")  # ...then F2: English from here on, the German words no longer decide
        live = _state(app.dialogue)
    finally:
        app.store.close()
    resumed = build_app(_args(resume=True, lang=given), clock=lambda: TODAY)
    try:
        resumed.dialogue.replay(resumed._resume_events)
        if given is None:
            assert _state(resumed.dialogue) == live and resumed.dialogue.shown_lang == "en"
        else:  # --lang de now: German, whatever the record's last switch
            assert resumed.dialogue.lang == "de" and resumed.dialogue.shown_lang == "de"
    finally:
        resumed.store.close()
