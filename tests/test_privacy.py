"""Privacy: `--redact` masks e-mail addresses and names in chat summaries, triage output
(every format) and saved conversations; storing can be turned off; nothing opens a
network connection at run time.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import socket
import sys
from pathlib import Path

import pytest
from chat_helpers import KB_DIR, TODAY, kb_and_matcher, make_app

from bot.chat.dialogue import Dialogue
from bot.chat.store import redact_event
from bot.chat.summary import case_summary, md_escape
from bot.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
TICKET_KB = ROOT / "tests" / "fixtures" / "tickets" / "kb"

ADDRESS = "anna.meier@outlook.com"
MASKED = "a***@outlook.com"
QUESTION = "Hallo Frau Schulz, wir haben keine Aktivierungsmail erhalten. Viele Grüße\nAnna Meier"
PERSONAL = ("anna.meier", "Meier", "Schulz")


def assert_no_personal_data(text: str) -> None:
    for needle in PERSONAL:
        assert needle not in text, f"{needle!r} left in:\n{text}"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("FAQBOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path / "data"))


def _args(**kw):
    base = dict(kb=str(KB_DIR), lang=None, resume=False, no_store=False, redact=False)
    base.update(kw)
    return argparse.Namespace(**base)


def _diagnosed(d: Dialogue) -> None:
    d.submit(QUESTION)
    d.start_flow("missing-activation-email")
    d.submit(ADDRESS)
    assert d.last_result is not None and d.last_result.diagnosis.cause == "outlook-com-address"


# -- (a) chat summaries ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_summary_masks_addresses_and_names(lang):
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY)
    _diagnosed(d)
    result = d.last_result
    flow = kb.flow(result.flow_id)
    plain = case_summary(kb, flow, result.diagnosis, result.question, TODAY, lang)
    assert ADDRESS in plain and "Meier" in plain  # not redacted unless asked
    masked = case_summary(kb, flow, result.diagnosis, result.question, TODAY, lang, redact=True)
    assert_no_personal_data(masked)
    assert MASKED in masked and "Hallo Frau S\\*\\*\\*" in masked  # Markdown-escaped mask
    cause = flow.cause(result.diagnosis.cause).resolution.title.get(lang)
    assert md_escape(cause) in masked  # the diagnosis itself is kept


async def test_chat_saves_a_masked_summary_with_redact(tmp_path):
    app = make_app(redact=True, summary_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        _diagnosed(app.dialogue)
        app._render_all()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = list(tmp_path.glob("faqbot-fall-*.md"))
    assert len(saved) == 1 and app.saved_paths == saved
    text = saved[0].read_text(encoding="utf-8")
    assert_no_personal_data(text)
    assert MASKED in text


# -- (b) triage output, every format -----------------------------------------------------------

TICKET = ("Hallo Herr Schulz,\nunser OSM ist anna.meier@outlook.com. Wir haben E3 bestellt, aber es kam keine "
          "Aktivierungs-E-Mail.\nViele Grüße\nAnna Meier")


@pytest.fixture
def tickets(tmp_path) -> Path:
    path = tmp_path / "tickets.jsonl"
    path.write_text(json.dumps({"id": "T-1", "text": TICKET}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _triage(capsys, *args: str) -> str:
    code = main(["triage", *args, "--kb", str(TICKET_KB), "--today", "2026-11-24"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out + err


@pytest.mark.parametrize("fmt", ["--json", "--csv", "table", "--summary"])
def test_triage_redact_masks_every_format(fmt, tickets, capsys):
    flags = [] if fmt == "table" else [fmt]
    plain = _triage(capsys, str(tickets), *flags)
    masked = _triage(capsys, str(tickets), *flags, "--redact")
    assert_no_personal_data(masked)
    if fmt == "--json":
        assert ADDRESS in plain
        row = json.loads(masked)
        assert row["facts"]["osm_email"] == MASKED and row["cause"] == "outlook-com-address"
    if fmt == "--csv":
        row = next(csv.DictReader(io.StringIO(masked)))
        assert MASKED in row["facts"] and ADDRESS not in row["reply"]


def test_triage_redact_from_stdin_and_eml(tmp_path, capsys, monkeypatch):
    eml = tmp_path / "t.eml"
    eml.write_text(f"From: Anna Meier <{ADDRESS}>\nSubject: Aktivierung\n\n{TICKET}\n", encoding="utf-8")
    assert_no_personal_data(_triage(capsys, str(eml), "--json", "--redact"))
    data = (json.dumps({"id": "S-1", "text": TICKET}) + "\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert_no_personal_data(_triage(capsys, "-", "--csv", "--redact"))


# -- (c) saved conversations -----------------------------------------------------------------


def test_saved_conversation_is_masked_with_redact_and_resumes(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    app = build_app(_args(redact=True), clock=lambda: TODAY)
    try:
        _diagnosed(app.dialogue)
    finally:
        app.store.close()
    raw = app.store.path.read_text(encoding="utf-8")
    assert_no_personal_data(raw)
    assert MASKED in raw
    # The masked conversation still resumes to the same diagnosis (the domain is kept).
    again = build_app(_args(resume=True, redact=True), clock=lambda: TODAY)
    try:
        again.dialogue.replay(again._resume_events)
        assert again.dialogue.last_result.diagnosis.cause == "outlook-com-address"
    finally:
        again.store.close()


def test_saved_conversation_is_plain_without_redact():
    from bot.chat.launch import build_app

    app = build_app(_args(), clock=lambda: TODAY)
    try:
        _diagnosed(app.dialogue)
    finally:
        app.store.close()
    assert ADDRESS in app.store.path.read_text(encoding="utf-8")  # documented: --redact masks


def test_redact_event_keeps_ids_and_masks_text():
    event = {"type": "answer", "fact": "osm_email", "value": ADDRESS, "text": f"Hallo Frau Meier, {ADDRESS}", "ts": 1.5}
    out = redact_event(event)
    assert out["type"] == "answer" and out["fact"] == "osm_email" and out["ts"] == 1.5
    assert out["value"] == MASKED
    assert_no_personal_data(json.dumps(out))


def test_no_store_writes_nothing_anywhere(tmp_path):
    from bot.chat.launch import build_app

    app = build_app(_args(no_store=True, redact=True), clock=lambda: TODAY)
    _diagnosed(app.dialogue)
    assert app.store is None
    assert not (tmp_path / "data").exists()


def test_conversation_files_are_private(tmp_path):
    import stat

    from bot.chat.launch import build_app

    app = build_app(_args(), clock=lambda: TODAY)
    app.dialogue.submit("Aktivierungsmail nicht erhalten")  # the file comes with the first event to keep
    app.store.close()
    assert app.store.path.parent == tmp_path / "data" / "conversations"
    assert stat.S_IMODE(app.store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(app.store.path.parent.stat().st_mode) == 0o700


# -- nothing leaves the machine ---------------------------------------------------------------


class _NoNetwork(Exception):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """socket.socket and name lookups raise; an audit hook catches sockets made any other way."""
    opened: list[str] = []

    def refuse(*args, **kwargs):
        opened.append(repr(args))
        raise _NoNetwork(f"network access: {args!r}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    _Guard.active = True
    _Guard.install()
    try:
        yield opened
    finally:
        _Guard.active = False
    assert not opened and not _Guard.seen, (opened, _Guard.seen)


class _Guard:
    active = False
    installed = False
    seen: list[str] = []
    EVENTS = frozenset({"socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
                        "socket.sendto", "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"})

    @classmethod
    def install(cls) -> None:
        if not cls.installed:
            sys.addaudithook(cls.hook)
            cls.installed = True

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.active and event in cls.EVENTS:
            cls.seen.append(event)
            raise _NoNetwork(event)


def test_ask_diagnose_triage_and_chat_open_no_socket(no_network, tickets, tmp_path, capsys):
    assert main(["ask", "keine Aktivierungsmail erhalten"]) == 0
    assert main(["ask", "--json", "licenses on the wrong account"]) == 0
    assert main(["diagnose", "missing-activation-email", "--fact", f"osm_email={ADDRESS}", "--json"]) == 0
    assert main(["triage", str(tickets), "--json", "--redact", "--kb", str(TICKET_KB), "--today", "2026-11-24"]) == 0
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert "outlook-com-address" in out and "internal error" not in err

    from bot.chat.launch import build_app
    from bot.chat.summary import save_summary

    app = build_app(_args(redact=True), clock=lambda: TODAY)
    try:
        _diagnosed(app.dialogue)
        save_summary(app.summary_text(), tmp_path, TODAY)
    finally:
        app.store.close()
