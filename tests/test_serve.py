"""`faqbot serve`: the command each session runs, the Host/Origin guard, the missing extra,
and the chat saving summaries only in its data directory when served (FAQBOT_WEB=1)."""

from __future__ import annotations

import argparse
import asyncio
import shlex
import sys
from pathlib import Path

import pytest
from chat_helpers import KB_DIR, TODAY

from bot.cli import serve
from bot.cli.main import main

PORT = 8000


# -- the command of a session --------------------------------------------------------------


def test_chat_command_runs_only_the_chat_with_web_mode(tmp_path):
    argv = shlex.split(serve.chat_command(str(tmp_path / "my kb")))
    assert argv[0] == "exec" and argv[1] == "env" and argv[2] == "FAQBOT_WEB=1"
    assert argv[3] == sys.executable
    assert argv[-2:] == ["--kb", str(tmp_path / "my kb")]
    assert argv[argv.index("-m") + 1] == "bot"
    assert "--resume" not in argv and "serve" not in argv
    assert shlex.split(serve.chat_command(None))[-2:] == ["-m", "bot"]


def test_chat_command_quotes_a_hostile_kb_path(tmp_path):
    kb = str(tmp_path / "x; touch pwned; $(id)")
    argv = shlex.split(serve.chat_command(kb))
    assert argv[-2:] == ["--kb", kb]


# -- which Host and Origin are ours ----------------------------------------------------------


@pytest.fixture
def local():
    return serve.make_policy("127.0.0.1", PORT, f"http://127.0.0.1:{PORT}")


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000"])
def test_loopback_names_are_accepted(local, host):
    assert local.check(host, None, websocket=False) is None


@pytest.mark.parametrize(
    "host",
    [None, "", "evil.example:8000", "evil.example", "127.0.0.1:8001", "127.0.0.1", "localhost.evil.example:8000",
     "127.0.0.1:8000/x", "user@127.0.0.1:8000", "127.0.0.1:99999", "127.0.0.1:abc"],
)
def test_other_hosts_are_refused(local, host):
    assert local.check(host, None, websocket=False) == "unexpected Host header"


@pytest.mark.parametrize("origin", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"])
def test_websocket_from_our_origin_is_accepted(local, origin):
    assert local.check("localhost:8000", origin, websocket=True) is None


@pytest.mark.parametrize(
    "origin",
    [None, "", "null", "http://evil.example", "http://evil.example:8000", "https://127.0.0.1:8000",
     "http://127.0.0.1:8001", "http://127.0.0.1", "file://", "http://127.0.0.1:8000/page", "chrome-extension://abc"],
)
def test_websocket_from_elsewhere_is_refused(local, origin):
    assert local.check("127.0.0.1:8000", origin, websocket=True) == "websocket from another origin"


def test_plain_request_may_omit_origin_but_not_carry_a_foreign_one(local):
    assert local.check("127.0.0.1:8000", None, websocket=False) is None
    assert local.check("127.0.0.1:8000", "http://127.0.0.1:8000", websocket=False) is None
    assert local.check("127.0.0.1:8000", "http://evil.example", websocket=False) == "request from another origin"


def test_public_url_behind_a_proxy():
    policy = serve.make_policy("127.0.0.1", 8001, "https://help.example.com/faqbot")
    for host in ("help.example.com", "help.example.com:443", "Help.Example.COM", "127.0.0.1:8001"):
        assert policy.check(host, None, websocket=False) is None, host
    assert policy.check("help.example.com:80", None, False) == "unexpected Host header"
    assert policy.check("help.example.com", "https://help.example.com", websocket=True) is None
    assert policy.check("help.example.com", "http://help.example.com", websocket=True) is not None
    assert policy.check("help.example.com", "https://evil.example", websocket=True) is not None


def test_wildcard_bind_accepts_only_the_public_url():
    policy = serve.make_policy("0.0.0.0", 8000, "http://chat.intranet:8000")
    assert policy.check("chat.intranet:8000", "http://chat.intranet:8000", True) is None
    assert policy.check("0.0.0.0:8000", None, False) is not None
    assert policy.check("localhost:8000", None, False) is not None


def test_security_headers_follow_the_public_url():
    csp = serve.security_headers("https://help.example.com")["Content-Security-Policy"]
    assert "connect-src 'self' https://help.example.com wss://help.example.com;" in csp
    assert "default-src 'self' https://help.example.com;" in csp


def test_public_url_is_checked():
    assert serve.check_public_url("https://help.example.com/") == "https://help.example.com"
    for bad in ("help.example.com", "ftp://x", "https://", "https://x/?a=1", "https://u:p@x", "http://x:99999"):
        with pytest.raises(ValueError):
            serve.check_public_url(bad)


# -- the middleware in aiohttp ---------------------------------------------------------------

@pytest.fixture
def aiohttp():
    return pytest.importorskip("aiohttp", reason="the web extra is not installed")


async def _client(app):
    from aiohttp.test_utils import TestClient, TestServer

    client = TestClient(TestServer(app))
    await client.start_server()
    return client


def _echo_app(limit=None):
    from aiohttp import web

    async def index(request):
        return web.Response(text="chat")

    async def ws(request):
        sock = web.WebSocketResponse()
        await sock.prepare(request)
        async for msg in sock:
            await sock.send_str(msg.data)
        return sock

    app = web.Application(middlewares=[serve.make_guard(serve.make_policy("127.0.0.1", PORT, None), limit)])
    app.add_routes([web.get("/", index), web.get("/ws", ws)])
    return app


async def test_middleware_refuses_foreign_host_and_origin(aiohttp):
    client = await _client(_echo_app())
    try:
        ok = await client.get("/", headers={"Host": "127.0.0.1:8000"})
        assert ok.status == 200 and await ok.text() == "chat"
        bad = await client.get("/", headers={"Host": "rebind.evil.example:8000"})
        assert bad.status == 403 and "Host" in await bad.text()
        sock = await client.ws_connect("/ws", headers={"Host": "localhost:8000", "Origin": "http://localhost:8000"})
        await sock.send_str("hi")
        assert (await sock.receive()).data == "hi"
        await sock.close()
        for origin in ("http://evil.example", None):
            headers = {"Host": "127.0.0.1:8000"} | ({"Origin": origin} if origin else {})
            with pytest.raises(aiohttp.WSServerHandshakeError) as exc:
                await client.ws_connect("/ws", headers=headers)
            assert exc.value.status == 403
    finally:
        await client.close()


async def test_middleware_limits_sessions(aiohttp):
    client = await _client(_echo_app(limit=1))
    headers = {"Host": "127.0.0.1:8000", "Origin": "http://127.0.0.1:8000"}
    try:
        first = await client.ws_connect("/ws", headers=headers)
        with pytest.raises(aiohttp.WSServerHandshakeError) as exc:
            await client.ws_connect("/ws", headers=headers)
        assert exc.value.status == 503
        await first.close()
        for _ in range(50):  # the handler ends once the close is seen
            second = None
            try:
                second = await client.ws_connect("/ws", headers=headers)
                break
            except aiohttp.WSServerHandshakeError:
                await asyncio.sleep(0.02)
        assert second is not None
        await second.close()
    finally:
        await client.close()


async def test_textual_serve_app_is_guarded_and_lists_no_folders(aiohttp):
    pytest.importorskip("textual_serve", reason="the web extra is not installed")
    policy = serve.make_policy("127.0.0.1", PORT, None)
    server = serve.make_server("true", "127.0.0.1", PORT, f"http://127.0.0.1:{PORT}", policy)
    client = await _client(await server._make_app())
    ours = {"Host": "127.0.0.1:8000"}
    try:
        page = await client.get("/", headers=ours)
        assert page.status == 200
        assert "ws://127.0.0.1:8000/ws" in await page.text()
        assert page.headers["X-Frame-Options"] == "DENY"
        csp = page.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "connect-src 'self' http://127.0.0.1:8000 ws://127.0.0.1:8000;" in csp
        assert "googleapis" not in csp and "*" not in csp
        assert (await client.get("/", headers={"Host": "evil.example"})).status == 403
        assert (await client.get("/static/js/textual.js", headers=ours)).status == 200
        for folder in ("/static/", "/static/js", "/static/js/"):
            listing = await client.get(folder, headers=ours)
            assert listing.status in (403, 404) and "Index of" not in await listing.text(), folder
        with pytest.raises(aiohttp.WSServerHandshakeError) as exc:
            await client.ws_connect("/ws", headers=ours | {"Origin": "http://evil.example"})
        assert exc.value.status == 403
    finally:
        await client.close()


# -- the command line ------------------------------------------------------------------------


class _FakeServer:
    started: list = []

    def __init__(self, command, host, port, public_url, policy, limit=None):
        self.args = (command, host, port, public_url, policy, limit)

    def serve(self):
        _FakeServer.started.append(self.args)


@pytest.fixture
def fake_server(monkeypatch):
    pytest.importorskip("textual_serve", reason="the web extra is not installed")
    _FakeServer.started = []
    monkeypatch.setattr(serve, "make_server", _FakeServer)
    return _FakeServer.started


def test_missing_extra_is_one_line_and_exit_2(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "pip install -e '.[web]'" in err


def test_loopback_has_no_warning_and_defaults(fake_server, capsys):
    assert main(["serve"]) == 0
    command, host, port, public_url, policy, limit = fake_server[0]
    assert (host, port, public_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")
    assert "FAQBOT_WEB=1" in command and limit == serve.DEFAULT_MAX_SESSIONS
    assert "warning" not in capsys.readouterr().err


def test_other_interfaces_warn(fake_server, capsys):
    assert main(["serve", "--host", "0.0.0.0", "--port", "8080", "--public-url", "https://help.example.com/"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("faqbot: warning: listening on 0.0.0.0:8080")
    assert fake_server[0][3] == "https://help.example.com"
    assert fake_server[0][4].check("help.example.com", "https://help.example.com", True) is None


def test_wildcard_without_public_url_and_bad_input_exit_2(fake_server, capsys):
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "--public-url" in capsys.readouterr().err
    assert main(["serve", "--public-url", "help.example.com"]) == 2
    assert main(["serve", "--port", "0"]) == 2
    assert main(["serve", "--kb", str(Path(__file__).parent / "no-such-kb")]) == 2
    assert fake_server == []


def test_kb_is_passed_to_sessions(fake_server, monkeypatch):
    monkeypatch.setenv(serve.MAX_SESSIONS_ENV, "3")
    assert main(["serve", "--kb", str(KB_DIR)]) == 0
    command, *_, limit = fake_server[0]
    assert shlex.split(command)[-2:] == ["--kb", str(KB_DIR)] and limit == 3


# -- the chat, served: summaries only in its data directory ----------------------------------


def _args(**kw):
    base = dict(kb=str(KB_DIR), lang=None, resume=False, no_store=True, redact=False)
    return argparse.Namespace(**(base | kw))


async def _save_a_summary(app):
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Aktivierungsmail nicht erhalten", None, "it@firma.de"):
            if text is None:
                await pilot.press("1")  # Diagnose starten
            else:
                await pilot.press(*text, "enter")
            await pilot.pause()
        await pilot.press("n")  # not in the junk folder: a result
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    return app.saved_paths


async def test_web_mode_saves_summaries_only_in_the_data_dir(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    data, cwd = tmp_path / "data", tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(data))
    monkeypatch.setenv("FAQBOT_WEB", "1")
    app = build_app(_args(), clock=lambda: TODAY)
    assert app.summary_dir == data / "summaries"
    saved = await _save_a_summary(app)
    assert len(saved) == 1 and saved[0].parent == data / "summaries"
    assert saved[0].read_text(encoding="utf-8").startswith("# Fall:")
    assert list(cwd.iterdir()) == []


def test_without_web_mode_summaries_go_to_the_current_directory(tmp_path, monkeypatch):
    from bot.chat.launch import build_app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FAQBOT_WEB", raising=False)
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path / "data"))
    assert build_app(_args(), clock=lambda: TODAY).summary_dir == tmp_path
