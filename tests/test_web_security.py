"""The web server's security rules: Host/Origin, signed ids, CSRF, headers, rate limits, options."""

from __future__ import annotations

import argparse

import pytest

from bot.web.security import (
    RateLimiter,
    check_origin_list,
    check_public_url,
    csrf_ok,
    csrf_token,
    make_policy,
    new_conversation_id,
    security_headers,
    valid_conversation_id,
)

SECRET = b"0123456789abcdef-secret"


def test_loopback_policy_accepts_its_names_only():
    policy = make_policy("127.0.0.1", 8000, None)
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000"):
        assert policy.check(host, None) is None, host
    assert policy.check("evil.example:8000", None) == "unexpected Host header"
    assert policy.check("127.0.0.1:8001", None) == "unexpected Host header"
    assert policy.check(None, None) == "unexpected Host header"
    assert policy.check("127.0.0.1:8000", "http://localhost:8000") is None
    assert policy.check("127.0.0.1:8000", "https://evil.example") == "request from another origin"
    assert policy.check("127.0.0.1:8000", "null") == "request from another origin"


def test_public_url_adds_its_host_and_origin():
    policy = make_policy("127.0.0.1", 8001, "https://help.example.com")
    assert policy.check("help.example.com", "https://help.example.com") is None
    assert policy.check("help.example.com", "http://help.example.com") == "request from another origin"


def test_conversation_ids_are_signed():
    cid = new_conversation_id(SECRET)
    assert valid_conversation_id(SECRET, cid)
    assert not valid_conversation_id(b"another-secret-0123456", cid)
    assert not valid_conversation_id(SECRET, cid[:-1] + ("0" if cid[-1] != "0" else "1"))
    assert not valid_conversation_id(SECRET, "../../etc/passwd")
    assert new_conversation_id(SECRET) != cid


def test_csrf_token_belongs_to_one_conversation():
    a, b = new_conversation_id(SECRET), new_conversation_id(SECRET)
    assert csrf_ok(SECRET, a, csrf_token(SECRET, a))
    assert not csrf_ok(SECRET, b, csrf_token(SECRET, a))
    assert not csrf_ok(SECRET, a, None)
    assert not csrf_ok(SECRET, a, "")


def test_headers_forbid_inline_script_and_framing_by_default():
    headers = security_headers()
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp and headers["X-Frame-Options"] == "DENY"
    listed = security_headers(("https://www.example.com",))
    assert "frame-ancestors 'self' https://www.example.com" in listed["Content-Security-Policy"]
    assert "X-Frame-Options" not in listed


def test_rate_limiter_allows_the_rate_then_refills():
    limiter = RateLimiter(3, per=60)
    assert [limiter.hit("a", 0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.hit("a", 0.0) == pytest.approx(20.0)
    assert limiter.hit("b", 0.0) == 0.0  # another client has its own bucket
    assert limiter.hit("a", 20.0) == 0.0
    assert RateLimiter(0).hit("a", 0.0) == 0.0


def test_rate_limiter_keeps_a_bounded_number_of_keys():
    limiter = RateLimiter(1, max_keys=10)
    for n in range(100):
        limiter.hit(str(n), 0.0)
    assert len(limiter._buckets) == 10


@pytest.mark.parametrize("value", ["ftp://x.example", "https://", "https://x.example/path", "x.example"])
def test_embed_origins_must_be_origins(value):
    with pytest.raises(ValueError, match="--embed-origin"):
        check_origin_list([value])


def test_public_url_must_be_http():
    assert check_public_url("https://help.example.com/") == "https://help.example.com"
    with pytest.raises(ValueError):
        check_public_url("javascript:alert(1)")


def serve_args(**changes):
    from bot.cli.main import build_parser

    args = build_parser().parse_args(["serve"])
    for key, value in changes.items():
        setattr(args, key, value)
    return args


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"port": 0}, "--port 0"),
        ({"host": "0.0.0.0"}, "--public-url"),
        ({"ttl_hours": 0}, "--ttl-hours"),
        ({"embed_origin": ["not-an-origin"]}, "--embed-origin"),
    ],
)
def test_bad_serve_options_exit_2_with_one_line(changes, needle, capsys, tmp_path, monkeypatch):
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    from bot.cli import serve

    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path))
    assert serve.run(serve_args(**changes)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and needle in err[0]


def test_short_api_tokens_are_refused(tmp_path, monkeypatch):
    from bot.web.config import load_tokens

    tokens = tmp_path / "tokens"
    tokens.write_text("# help desk\nshort\n")
    with pytest.raises(ValueError, match=r"tokens:2"):
        load_tokens(str(tokens))
    tokens.write_text("a-long-enough-token-1234 # zendesk\n")
    monkeypatch.setenv("FAQBOT_API_TOKENS", "another-long-token-5678")
    assert load_tokens(str(tokens)) == {"a-long-enough-token-1234", "another-long-token-5678"}


def test_the_signing_key_is_created_once_and_private(tmp_path, monkeypatch):
    from bot.web.config import load_secret

    monkeypatch.delenv("FAQBOT_WEB_SECRET", raising=False)
    key = load_secret(None, tmp_path)
    assert load_secret(None, tmp_path) == key and len(key) >= 32
    assert (tmp_path / "web-secret").stat().st_mode & 0o077 == 0


def test_serve_parser_accepts_the_web_options():
    args = serve_args()
    assert (args.host, args.port, args.ttl_hours) == ("127.0.0.1", 8000, 24.0)
    assert isinstance(args, argparse.Namespace)
