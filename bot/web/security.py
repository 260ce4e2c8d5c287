"""Security of the web server: which Host and Origin headers are ours, the response
headers (CSP without inline script, framing only by listed origins), CSRF tokens, signed
conversation ids and rate limits.

Everything here is pure (the clock is passed in), so it is tested without a server.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections import OrderedDict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = [
    "HostPolicy",
    "RateLimiter",
    "check_origin_list",
    "check_public_url",
    "csrf_token",
    "csrf_ok",
    "bracket",
    "is_loopback",
    "is_wildcard",
    "make_policy",
    "new_conversation_id",
    "security_headers",
    "valid_conversation_id",
]

_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARDS = ("", "0.0.0.0", "::")
_DEFAULT_PORTS = {"http": 80, "https": 443}


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


def bracket(host: str) -> str:
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

    def check(self, host: str | None, origin: str | None) -> str | None:
        """Return why a request is refused, or None to let it through.

        Every request needs one of our Host names (against DNS rebinding). A request may
        omit Origin (navigations and API clients do) but must not carry a foreign one
        (against cross-site posts).
        """
        if not self.host_ok(host):
            return "unexpected Host header"
        if origin is not None and not self.origin_ok(origin):
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


def check_origin_list(values: list[str]) -> list[str]:
    """Validate the origins allowed to embed the chat (--embed-origin) and return them.

    Raises:
        ValueError: Not an http(s) origin (scheme and host, no path).
    """
    out = []
    for value in values:
        parts = urlsplit(value.strip())
        if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/") \
                or parts.query or parts.fragment or parts.username:
            raise ValueError(f"--embed-origin {value!r}: give an origin like https://www.example.com")
        out.append(f"{parts.scheme.lower()}://{parts.netloc.lower()}")
    return out


def security_headers(embed_origins: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """The headers of every response: a content policy that loads scripts and styles only
    from this server (no inline script or style), lets forms post only here, and lets only
    `embed_origins` put the chat in a frame."""
    ancestors = " ".join(["'self'", *embed_origins]) if embed_origins else "'none'"
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
            f"frame-ancestors {ancestors}",
        ]
    )
    headers = {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",  # "no-referrer" makes browsers send "Origin: null" on form posts
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
    if not embed_origins:
        headers["X-Frame-Options"] = "DENY"
    return headers


# -- signed conversation ids and CSRF tokens ------------------------------------------

_ID_BYTES = 16
_SIG_CHARS = 16


def _sign(secret: bytes, purpose: str, value: str) -> str:
    return hmac.new(secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()[:_SIG_CHARS]


def new_conversation_id(secret: bytes) -> str:
    """Return a fresh, unguessable conversation id carrying the server's signature."""
    raw = secrets.token_hex(_ID_BYTES)
    return f"{raw}{_sign(secret, 'id', raw)}"


def valid_conversation_id(secret: bytes, cid: str) -> bool:
    """Whether `cid` is an id this server (or one sharing its secret) made."""
    if len(cid) != 2 * _ID_BYTES + _SIG_CHARS or any(c not in "0123456789abcdef" for c in cid):
        return False
    raw, sig = cid[: 2 * _ID_BYTES], cid[2 * _ID_BYTES :]
    return hmac.compare_digest(sig, _sign(secret, "id", raw))


def csrf_token(secret: bytes, cid: str) -> str:
    """The token every form of conversation `cid` carries."""
    return hmac.new(secret, f"csrf:{cid}".encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, cid: str, token: str | None) -> bool:
    """Whether a posted form carries the token of its conversation."""
    return bool(token) and hmac.compare_digest(str(token), csrf_token(secret, cid))


# -- rate limits ------------------------------------------------------------------------


class RateLimiter:
    """Token buckets per key (a client address, a conversation, an API token).

    Args:
        rate: Requests allowed per `per` seconds (0 turns the limit off).
        per: The window in seconds.
        burst: Bucket size (default: `rate`).
        max_keys: Buckets kept at most; the least recently used are dropped.
    """

    def __init__(self, rate: int, per: float = 60.0, burst: int | None = None, max_keys: int = 50_000) -> None:
        self.rate = rate
        self.per = per
        self.burst = burst if burst is not None else rate
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def hit(self, key: str, now: float) -> float:
        """Take one request for `key` at time `now`; return 0 if allowed, else seconds to wait."""
        if self.rate <= 0:
            return 0.0
        refill = self.rate / self.per
        tokens, last = self._buckets.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * refill)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            wait = 0.0
        else:
            self._buckets[key] = (tokens, now)
            wait = (1.0 - tokens) / refill
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait
