"""The settings of one web server (`faqbot serve`), gathered once at start."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = ["WebConfig", "load_secret", "load_tokens"]

SECRET_ENV = "FAQBOT_WEB_SECRET"
TOKENS_ENV = "FAQBOT_API_TOKENS"
MIN_TOKEN_CHARS = 16


@dataclass(frozen=True)
class WebConfig:
    """How the web app behaves.

    Attributes:
        secret: Key that signs conversation ids and CSRF tokens (instances behind one
            proxy share it).
        host: The address the server is bound to (with `port` it makes the allowed Host names).
        port: Its port.
        public_url: The address browsers use, behind a reverse proxy.
        kb_dir: Knowledge base folder (None: the bundled one).
        store_path: The sqlite3 file of conversations; None keeps them in memory (--no-store).
        ttl_hours: A conversation is deleted this long after its last message.
        redact: Store e-mail addresses and names masked; summaries masked too.
        embed_origins: Sites allowed to show the chat in a frame.
        api_tokens: Bearer tokens accepted by /api/triage.
        max_form_bytes: Largest form post: far above the longest message a user may send (2,000
            characters are at most 24 KB url-encoded), so a message over that limit is read and
            comes back in its field with the line saying so, never lost to a refused body.
        max_api_bytes: Largest API request body.
        max_events: Steps one conversation may take.
        client_rate: Posts and API calls per minute from one client address (0: no limit).
        conversation_rate: Steps per minute in one conversation (0: no limit).
        today: Fixed date for new conversations (tests); None: the local date.
    """

    secret: bytes
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    kb_dir: str | None = None
    store_path: Path | None = None
    ttl_hours: float = 24.0
    redact: bool = False
    embed_origins: tuple[str, ...] = ()
    api_tokens: frozenset[str] = field(default_factory=frozenset)
    max_form_bytes: int = 1_048_576
    max_api_bytes: int = 262_144
    max_events: int = 300
    client_rate: int = 120
    conversation_rate: int = 40
    today: date | None = None


def load_secret(path: str | None, folder: Path | None) -> bytes:
    """Return the signing key: from `path`, else $FAQBOT_WEB_SECRET, else a key kept in
    `folder/web-secret` (created once, private), else a fresh one for this process.

    Raises:
        ValueError: The file is unreadable or holds fewer than 16 characters.
    """
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ValueError(f"--secret-file {path}: {exc.strerror or exc}") from None
        if len(text) < MIN_TOKEN_CHARS:
            raise ValueError(f"--secret-file {path}: the key needs at least {MIN_TOKEN_CHARS} characters")
        return text.encode()
    env = os.environ.get(SECRET_ENV, "").strip()
    if env:
        if len(env) < MIN_TOKEN_CHARS:
            raise ValueError(f"${SECRET_ENV}: the key needs at least {MIN_TOKEN_CHARS} characters")
        return env.encode()
    if folder is None:
        return secrets.token_hex(32).encode()
    folder.mkdir(parents=True, exist_ok=True)
    key_file = folder / "web-secret"
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text(encoding="utf-8").strip().encode()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secrets.token_hex(32) + "\n")
    return key_file.read_text(encoding="utf-8").strip().encode()


def load_tokens(path: str | None) -> frozenset[str]:
    """Return the API tokens: one per line of `path` (# comments allowed), plus those in
    $FAQBOT_API_TOKENS (comma-separated).

    Raises:
        ValueError: The file is unreadable, or a token is shorter than 16 characters.
    """
    tokens: list[tuple[str, str]] = []
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValueError(f"--api-tokens {path}: {exc.strerror or exc}") from None
        for n, line in enumerate(lines, 1):
            line = line.split("#", 1)[0].strip()
            if line:
                tokens.append((line, f"{path}:{n}"))
    for part in os.environ.get(TOKENS_ENV, "").split(","):
        if part.strip():
            tokens.append((part.strip(), f"${TOKENS_ENV}"))
    for token, where in tokens:
        if len(token) < MIN_TOKEN_CHARS or any(c.isspace() for c in token):
            raise ValueError(f"{where}: an API token needs at least {MIN_TOKEN_CHARS} characters and no spaces")
    return frozenset(t for t, _ in tokens)
