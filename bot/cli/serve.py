"""`faqbot serve`: the web chat and the JSON API (the optional `web` extra).

Starlette and uvicorn are imported only when the server starts, so the command line
works without them and says which extra to install.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.render import os_reason
from faq.errors import EXIT_FAIL, EXIT_INPUT, EXIT_OK
from faq.language.catalogue import tr

if TYPE_CHECKING:
    from bot.web.config import WebConfig

__all__ = ["MISSING_EXTRA", "build_config", "run"]

_LANG = "en"  # messages on stderr are in English, like every command's
MISSING_EXTRA = "faqbot: " + tr(_LANG, "cli_serve_missing_extra")


def data_dir() -> Path:
    """Where the server keeps its conversation store and key: $FAQBOT_DATA_DIR, else the user data dir."""
    configured = os.environ.get("FAQBOT_DATA_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_data_dir

    return Path(user_data_dir("faqbot", appauthor=False))


def build_config(args: argparse.Namespace) -> WebConfig:
    """Turn the command line into the server's settings.

    Raises:
        ValueError: A bad option, with a message naming it.
    """
    from bot.web.config import WebConfig, load_secret, load_tokens
    from bot.web.security import check_origin_list, check_public_url, is_wildcard

    host = (args.host or "").strip()
    if not 0 < args.port < 65536:
        raise ValueError(tr(_LANG, "cli_serve_bad_port", port=args.port))
    public_url = check_public_url(args.public_url) if args.public_url else None
    if is_wildcard(host) and not public_url:
        raise ValueError(tr(_LANG, "cli_serve_wildcard_host", host=host or repr(host)))
    if args.ttl_hours <= 0:
        raise ValueError(tr(_LANG, "cli_serve_bad_ttl", hours=f"{args.ttl_hours:g}"))
    no_store = bool(getattr(args, "no_store", False))
    store_path = None if no_store else Path(args.store) if args.store else data_dir() / "web-conversations.sqlite3"
    secret = load_secret(args.secret_file, None if no_store else store_path.parent)  # type: ignore[union-attr]
    today = None
    if getattr(args, "today", None):
        from faq.flows.dates import parse_iso_date

        today = parse_iso_date(args.today)
    return WebConfig(
        secret=secret,
        host=host,
        port=args.port,
        public_url=public_url,
        kb_dir=getattr(args, "kb", None),
        store_path=store_path,
        ttl_hours=args.ttl_hours,
        redact=bool(getattr(args, "redact", False)),
        embed_origins=tuple(check_origin_list(args.embed_origin or [])),
        api_tokens=load_tokens(args.api_tokens),
        client_rate=args.client_rate,
        conversation_rate=args.conversation_rate,
        today=today,
    )


def run(args: argparse.Namespace) -> int:
    """Serve the web chat until Ctrl+C; return the exit status."""
    from faq.errors import InputError, KnowledgeBaseError
    from faq.search.cache import load

    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        print(MISSING_EXTRA, file=sys.stderr)
        return EXIT_INPUT
    try:
        config = build_config(args)
    except (ValueError, InputError) as exc:
        print(f"faqbot: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        load(config.kb_dir)  # fail fast on a broken knowledge base (and warm the cache)
    except KnowledgeBaseError as exc:
        from bot.chat.launch import _report_broken

        return _report_broken(args, exc)
    from bot.web.app import create_app
    from bot.web.security import bracket, is_loopback

    if not is_loopback(config.host):
        where = f"{bracket(config.host) or '*'}:{config.port}"
        print(f"faqbot: {tr(_LANG, 'cli_serve_public_warning', where=where)}", file=sys.stderr)
    try:
        app = create_app(config)
    except OSError as exc:
        print(f"faqbot: {tr(_LANG, 'cli_serve_store_failed', path=config.store_path, reason=os_reason(exc, _LANG))}",
              file=sys.stderr)
        return EXIT_FAIL
    try:
        sock = _bind(config.host, config.port)
    except OSError as exc:
        where = f"{bracket(config.host)}:{config.port}"
        print(f"faqbot: {tr(_LANG, 'cli_serve_listen_failed', where=where, reason=os_reason(exc, _LANG))}", file=sys.stderr)
        return EXIT_FAIL
    url = config.public_url or f"http://{bracket(config.host)}:{config.port}"
    store = tr(_LANG, "cli_serve_memory_only") if config.store_path is None else str(config.store_path)
    print(f"faqbot: {tr(_LANG, 'cli_serve_started', url=url, store=store)}", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level=args.log_level, access_log=False, proxy_headers=True,
                                           forwarded_allow_ips=args.forwarded_allow_ips, server_header=False))
    server.run(sockets=[sock])
    return EXIT_OK


def _bind(host: str, port: int) -> socket.socket:
    """Open the listening socket here, so a busy port is one clear line (not the server's log)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]") or "0.0.0.0", port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock
