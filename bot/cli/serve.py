"""`faqbot serve`: the chat in a web browser, through textual-serve (the optional `web` extra).

textual-serve starts one `faqbot` chat process per browser session and relays its
terminal over a websocket. This module builds that command (the chat and nothing else,
with FAQBOT_WEB=1 so summaries are saved only in the app's data directory), and adds an
aiohttp middleware that refuses requests with an unexpected Host header (DNS rebinding)
and websockets from another origin (cross-site websocket hijacking).

textual-serve and aiohttp are imported only when the server starts, so the policy and
the command can be tested without them.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import shlex
import sys
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from faq.errors import EXIT_FAIL, EXIT_INPUT, EXIT_OK

__all__ = ["HostPolicy", "MISSING_EXTRA", "chat_command", "make_policy", "run"]

WEB_ENV = "FAQBOT_WEB"
MAX_SESSIONS_ENV = "FAQBOT_MAX_SESSIONS"
DEFAULT_MAX_SESSIONS = 32
MISSING_EXTRA = "faqbot: 'faqbot serve' needs the web extra: pip install -e '.[web]' (or pip install 'faqbot[web]')"

_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARDS = ("", "0.0.0.0", "::")
_DEFAULT_PORTS = {"http": 80, "https": 443}

log = logging.getLogger("faqbot.serve")


# -- the command each browser session runs ------------------------------------------


def chat_command(kb: str | None = None) -> str:
    """Return the shell command textual-serve runs for each browser session.

    Only the chat, with the interpreter running this server: `-P` keeps the current
    directory off sys.path (a folder named `bot` there cannot replace the app), and
    FAQBOT_WEB=1 makes Ctrl+S save only inside the app's data directory. `exec` leaves
    one process per session, the chat itself.
    """
    argv = ["env", f"{WEB_ENV}=1", sys.executable]
    if sys.version_info >= (3, 11):
        argv.append("-P")
    argv += ["-m", "bot"]
    if kb:
        argv += ["--kb", os.path.abspath(kb)]
    return "exec " + shlex.join(argv)


# -- which Host and Origin headers are ours -------------------------------------------


def _split_hostport(value: str) -> tuple[str, int | None] | None:
    """Split a Host header ("example.org:8000", "[::1]:8000") into (host, port); None if malformed."""
    value = value.strip()
    if not value or any(c in value for c in "/?#@ \\"):
        return None
    try:
        parts = urlsplit("//" + value)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if not host:
        return None
    return host.lower().rstrip("."), port


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """True for the addresses that mean "every interface"."""
    return host.strip("[]") in _WILDCARDS


@dataclass(frozen=True)
class HostPolicy:
    """The Host names and origins the server answers; everything else gets 403.

    hosts: (hostname, port) pairs a browser may put in the Host header.
    origins: (scheme, hostname, port) triples a page of ours has as its origin.
    """

    hosts: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    origins: frozenset[tuple[str, str, int]] = field(default_factory=frozenset)

    def host_ok(self, header: str | None) -> bool:
        """Is this Host header one of ours? (A missing port means the scheme's default.)"""
        if header is None:
            return False
        split = _split_hostport(header)
        if split is None:
            return False
        host, port = split
        if port is None:
            return any((host, p) in self.hosts for p in _DEFAULT_PORTS.values())
        return (host, port) in self.hosts

    def origin_ok(self, header: str | None) -> bool:
        """Is this Origin header one of ours? ("null" and anything malformed are not.)"""
        if not header:
            return False
        try:
            parts = urlsplit(header.strip())
            scheme = parts.scheme.lower()
            host = (parts.hostname or "").lower().rstrip(".")
            port = parts.port
        except ValueError:
            return False
        if scheme not in _DEFAULT_PORTS or not host or parts.path not in ("", "/"):
            return False
        return (scheme, host, port or _DEFAULT_PORTS[scheme]) in self.origins

    def check(self, host: str | None, origin: str | None, websocket: bool) -> str | None:
        """Return why a request is refused, or None to let it through.

        Every request needs one of our Host names. A websocket upgrade needs one of our
        origins (browsers always send Origin there); any other request may omit Origin
        (plain navigations do) but must not carry a foreign one.
        """
        if not self.host_ok(host):
            return "unexpected Host header"
        if websocket:
            if not self.origin_ok(origin):
                return "websocket from another origin"
        elif origin is not None and not self.origin_ok(origin):
            return "request from another origin"
        return None


def make_policy(host: str, port: int, public_url: str | None) -> HostPolicy:
    """Allow the bound address (with localhost's aliases when it is a loopback one) and
    the host of --public-url."""
    hosts: set[tuple[str, int]] = set()
    origins: set[tuple[str, str, int]] = set()
    if not is_wildcard(host):
        names = _LOOPBACK_NAMES if is_loopback(host) else (host.strip("[]").lower(),)
        for name in names:
            hosts.add((name, port))
            origins.add(("http", name, port))
    if public_url:
        parts = urlsplit(public_url)
        scheme = parts.scheme.lower()
        name = (parts.hostname or "").lower().rstrip(".")
        public_port = parts.port or _DEFAULT_PORTS[scheme]
        hosts.add((name, public_port))
        origins.add((scheme, name, public_port))
    return HostPolicy(frozenset(hosts), frozenset(origins))


def check_public_url(value: str) -> str:
    """Validate --public-url and return it without a trailing slash.

    Raises:
        ValueError: Not an http(s) URL with a host, or it has a query or fragment.
    """
    value = value.strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError as exc:
        raise ValueError(f"--public-url {value!r}: {exc}") from None
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"--public-url {value!r}: give an http:// or https:// URL with a host name")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"--public-url {value!r}: no query, fragment or user name")
    return value.rstrip("/")


def max_sessions() -> int:
    """The most browser sessions (chat processes) at once: $FAQBOT_MAX_SESSIONS, else 32."""
    try:
        value = int(os.environ.get(MAX_SESSIONS_ENV, DEFAULT_MAX_SESSIONS))
    except ValueError:
        return DEFAULT_MAX_SESSIONS
    return max(1, value)


# -- the aiohttp side -------------------------------------------------------------------

def security_headers(public_url: str) -> dict[str, str]:
    """The headers of every response: no framing, no sniffing, no referrer, and a content
    policy that lets the page load and connect only to this server (textual-serve's page
    links a web font from Google; the policy blocks it, so customers' browsers contact no
    one else and the terminal falls back to a local monospace font)."""
    parts = urlsplit(public_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    ws_origin = ("wss" if parts.scheme == "https" else "ws") + f"://{parts.netloc}"
    own = f"'self' {origin}"
    csp = "; ".join(
        [
            f"default-src {own}",
            f"script-src {own} 'unsafe-inline'",  # the page has an inline script and onClick handlers
            f"style-src {own} 'unsafe-inline'",
            f"img-src {own} data: blob:",
            f"font-src {own} data:",
            f"connect-src {own} {ws_origin}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )
    return {
        "Content-Security-Policy": csp,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def make_guard(policy: HostPolicy, limit: int | None = None) -> Any:
    """Return an aiohttp middleware enforcing `policy` and refusing more than `limit`
    websocket sessions (chat processes) at once."""
    from aiohttp import hdrs, web

    live = {"sessions": 0}

    @web.middleware
    async def guard(request: web.Request, handler: Any) -> web.StreamResponse:
        websocket = request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"
        why = policy.check(request.headers.get(hdrs.HOST), request.headers.get(hdrs.ORIGIN), websocket)
        if why is not None:
            log.warning("refused %s %s: %s", request.method, request.path, why)
            return web.Response(status=403, text=f"Forbidden: {why}\n")
        if not websocket:
            return await handler(request)
        if limit is not None and live["sessions"] >= limit:
            log.warning("refused a session: %d already running", live["sessions"])
            return web.Response(status=503, text="Too many sessions, please try again later\n")
        live["sessions"] += 1
        try:
            return await handler(request)
        finally:
            live["sessions"] -= 1

    guard.live = live  # type: ignore[attr-defined]  # for tests
    return guard


def make_server(command: str, host: str, port: int, public_url: str, policy: HostPolicy, limit: int | None = None) -> Any:
    """Return a textual-serve Server whose aiohttp app has our guard and headers."""
    from aiohttp.web_urldispatcher import StaticResource
    from textual_serve.server import Server

    headers = security_headers(public_url)

    async def add_headers(request: Any, response: Any) -> None:
        for name, value in headers.items():
            response.headers.setdefault(name, value)

    class GuardedServer(Server):
        async def _make_app(self):  # textual-serve 1.1: builds the routes here
            app = await super()._make_app()
            app.middlewares.append(make_guard(policy, limit))
            for resource in app.router.resources():
                if isinstance(resource, StaticResource):  # textual-serve lists its folders
                    resource._show_index = False
            app.on_response_prepare.append(add_headers)
            return app

        async def on_startup(self, app) -> None:
            print(f"faqbot: serving the chat on {self.public_url} (Ctrl+C to stop)", flush=True)

    return GuardedServer(command, host=host, port=port, title="faqbot", public_url=public_url)


# -- the command ------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    """Serve the chat until Ctrl+C; return the exit status."""
    host = (args.host or "").strip()
    port = args.port
    if not 0 < port < 65536:
        print(f"faqbot: --port {port}: give a port from 1 to 65535", file=sys.stderr)
        return EXIT_INPUT
    public_url = getattr(args, "public_url", None)
    try:
        if public_url:
            public_url = check_public_url(public_url)
    except ValueError as exc:
        print(f"faqbot: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if is_wildcard(host) and not public_url:
        print(
            f"faqbot: --host {host or repr(host)} listens on every interface: also give --public-url, "
            "the address browsers use (e.g. --public-url https://help.example.com)",
            file=sys.stderr,
        )
        return EXIT_INPUT
    kb = getattr(args, "kb", None)
    from faq.errors import KnowledgeBaseError
    from faq.search.cache import load

    try:
        load(kb)  # fail fast, here rather than in every session (and warm the cache)
    except KnowledgeBaseError as exc:
        from bot.chat.launch import _report_broken

        return _report_broken(args, exc)
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        print(MISSING_EXTRA, file=sys.stderr)
        return EXIT_INPUT
    if not is_loopback(host):
        print(
            f"faqbot: warning: listening on {_bracket(host) or '*'}:{port}, reachable from other machines; "
            "serve customers through a reverse proxy with TLS (see the README)",
            file=sys.stderr,
        )
    if not public_url:
        public_url = f"http://{_bracket(host)}:{port}"
    policy = make_policy(host, port, public_url)
    server = make_server(chat_command(kb), host, port, public_url, policy, max_sessions())
    try:
        server.serve()
    except OSError as exc:
        print(f"faqbot: cannot listen on {_bracket(host)}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK
