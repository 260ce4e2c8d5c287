"""The JSON API against a running server (httpx): each endpoint, tokens, bad bodies, limits."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("jinja2")
pytest.importorskip("multipart")
httpx = pytest.importorskip("httpx")

from tests.web_helpers import TOKEN, config, free_port, running  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def base():
    with running(config(port=free_port(), client_rate=0)) as url:
        yield url


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def test_ask_returns_the_contract_object(client):
    r = client.post("/api/ask", json={"question": "Ich habe die Aktivierungsmail nicht erhalten"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"query", "outcome", "id", "flow", "confidence", "lang", "candidates"}
    assert body["id"] == "activation-email-missing"
    assert body["flow"] == "missing-activation-email"
    assert body["lang"] == "de"
    assert body["candidates"][0]["id"] == "activation-email-missing"


def test_ask_is_the_same_as_the_command_line(client):
    from faq.search.cache import load

    _, matcher = load(None)
    question = "does the activation link expire"
    assert client.post("/api/ask", json={"question": question}).json() == json.loads(
        json.dumps({**matcher.match(question).to_json(), "smalltalk": None}))


def test_ask_small_talk_is_no_match(client):
    body = client.post("/api/ask", json={"question": "Hallo, wie geht es dir?"}).json()
    assert body["outcome"] == "no_match" and body["id"] is None and body["smalltalk"] == "greeting"


def test_diagnose_resolves_on_facts(client):
    r = client.post("/api/diagnose", json={"flow": "missing-activation-email",
                                           "facts": {"osm_email": "m.schulz@outlook.com"}, "today": "2026-11-24"})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "resolved"
    assert body["cause"] == "outlook-com-address"
    assert body["facts"] == {"osm_email": "m.schulz@outlook.com"}
    assert body["resolution"]["steps"]


def test_diagnose_asks_for_the_next_fact(client):
    body = client.post("/api/diagnose", json={"flow": "activation-link-expiry", "lang": "en"}).json()
    assert body["status"] == "needs_input"
    assert body["cause"] is None
    assert body["next"]["fact"] == "purchase_date"
    assert body["next"]["type"] == "date"


def test_diagnose_link_expiry_from_a_date(client):
    body = client.post("/api/diagnose", json={"flow": "activation-link-expiry", "facts": {"purchase_date": "2026-08-31"},
                                              "today": "2026-11-24"}).json()
    assert body["cause"] == "activation-link-valid"


def test_diagnose_takes_json_booleans_for_yes_no_facts_only(client):
    body = client.post("/api/diagnose", json={"flow": "missing-activation-email",
                                              "facts": {"domain_verified": True}}).json()
    assert body["cause"] == "domain-verified"
    r = client.post("/api/diagnose", json={"flow": "missing-activation-email", "facts": {"osm_email": True}})
    assert r.status_code == 422
    error = r.json()["error"]
    assert "osm_email" in error and "string" in error
    assert "'ja'" not in error  # the client sent true, never the word 'ja'


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ({"flow": "no-such-flow"}, "unknown flow"),
        ({"flow": "missing-activation-email", "facts": {"colour": "blue"}}, "unknown fact"),
        ({"flow": "activation-link-expiry", "facts": {"purchase_date": "31.02.2026"}}, "31.02.2026"),
        ({"flow": "missing-activation-email", "facts": {"osm_email": "no-at-sign"}}, "osm_email"),
        ({"flow": "missing-activation-email", "facts": ["osm_email"]}, "facts"),
        ({"facts": {}}, "'flow' is missing"),
        ({"flow": "activation-link-expiry", "today": "yesterday"}, "today"),
        ({"flow": "activation-link-expiry", "today": "2026-11-24", "facts": {"purchase_date": "2027-01-01"}},
         "2027-01-01"),
    ],
)
def test_diagnose_unusable_input_is_422(client, payload, needle):
    r = client.post("/api/diagnose", json=payload)
    assert r.status_code == 422
    assert r.json()["status"] == 422
    assert needle in r.json()["error"]


def test_triage_one_ticket(client):
    r = client.post("/api/triage", headers=AUTH, json={
        "id": "T-1042", "today": "2026-11-24",
        "text": "Hallo, wir haben keine Aktivierungs-E-Mail erhalten. Der OSM ist m.schulz@outlook.com. Gruß"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"ticket", "id", "outcome", "confidence", "flow", "facts", "cause", "next", "reply"}
    assert body["ticket"] == "T-1042"
    assert body["id"] == "activation-email-missing"
    assert body["facts"]["osm_email"] == "m.schulz@outlook.com"
    assert body["cause"] == "outlook-com-address"
    assert body["reply"]


def test_triage_several_tickets_in_order(client):
    tickets = [{"id": 1, "text": "Does the activation link expire? We bought on 2026-01-10."},
               {"id": "b", "text": "Ich sehe nach der Aktivierung keine Lizenzen."}]
    body = client.post("/api/triage", headers=AUTH, json={"tickets": tickets, "today": "2026-11-24"}).json()
    assert [r["ticket"] for r in body["results"]] == ["1", "b"]
    assert body["results"][0]["id"] == "activation-link-expiry"
    assert body["results"][1]["id"] == "licenses-not-visible"


def test_triage_redacts_on_request(client):
    body = client.post("/api/triage", headers=AUTH, json={
        "redact": True, "text": "Keine Aktivierungsmail bekommen, OSM ist petra.kranz@outlook.com"}).json()
    assert "petra.kranz" not in json.dumps(body)
    assert body["facts"]["osm_email"].endswith("@outlook.com")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token-0123456789"},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": "Bearer"}])
def test_triage_needs_a_valid_bearer_token(client, headers):
    r = client.post("/api/triage", headers=headers, json={"text": "Aktivierungsmail fehlt"})
    assert r.status_code == 401
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert "token" in r.json()["error"]


def test_token_in_the_url_is_not_accepted(client):
    r = client.post(f"/api/triage?token={TOKEN}", json={"text": "Aktivierungsmail fehlt"})
    assert r.status_code == 401


def test_malformed_json_is_400(client):
    r = client.post("/api/ask", content=b"{question: nope", headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert "malformed JSON" in r.json()["error"]


@pytest.mark.parametrize("content", [b"[1, 2]", b'"text"', b"\xff\xfe"])
def test_body_must_be_a_json_object(client, content):
    r = client.post("/api/ask", content=content, headers={"Content-Type": "application/json"})
    assert r.status_code == 400


def test_body_must_be_sent_as_json(client):
    r = client.post("/api/ask", data={"question": "x"})
    assert r.status_code == 400
    assert "application/json" in r.json()["error"]


def test_missing_or_wrong_field_is_422(client):
    assert client.post("/api/ask", json={}).status_code == 422
    assert client.post("/api/ask", json={"question": 3}).status_code == 422
    assert client.post("/api/ask", json={"question": "x", "lang": "fr"}).status_code == 422
    r = client.post("/api/triage", headers=AUTH, json={"tickets": [{"id": 1}]})
    assert r.status_code == 422
    assert "ticket 1" in r.json()["error"]


def test_oversized_body_is_413(client):
    r = client.post("/api/ask", json={"question": "x" * 300_000})
    assert r.status_code == 413
    assert r.json()["status"] == 413


def test_oversized_field_is_413(client):
    r = client.post("/api/ask", json={"question": "x" * 20_000})
    assert r.status_code == 413


def test_streamed_body_without_length_is_cut_at_the_limit(base):
    def chunks():
        for _ in range(100):
            yield b"x" * 10_000

    with httpx.Client(base_url=base) as c:
        r = c.post("/api/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_openapi_describes_the_endpoints(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == {"/api/ask", "/api/diagnose", "/api/triage"}
    assert doc["paths"]["/api/triage"]["post"]["security"] == [{"bearer": []}]
    assert "missing-activation-email" in json.dumps(doc["paths"]["/api/diagnose"])


def test_unknown_endpoint_is_a_json_404(client):
    r = client.post("/api/nothing", json={})
    assert r.status_code == 404
    assert r.json()["status"] == 404


def test_foreign_origin_is_refused(client):
    r = client.post("/api/ask", json={"question": "x"}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert r.json()["error"] == "request from another origin"


def test_foreign_host_is_refused(client):
    r = client.post("/api/ask", json={"question": "x"}, headers={"Host": "evil.example:8000"})
    assert r.status_code == 403


def test_rate_limit_is_429_with_retry_after():
    with running(config(port=free_port(), client_rate=3)) as url, httpx.Client(base_url=url) as c:
        codes = [c.post("/api/ask", json={"question": "Aktivierungslink"}).status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200]
        assert codes[3:] == [429, 429]
        r = c.post("/api/ask", json={"question": "x"})
        assert int(r.headers["retry-after"]) >= 1
        assert r.json()["status"] == 429


def test_wrong_method_is_a_json_405(client):
    r = client.get("/api/triage")
    assert r.status_code == 405
    assert r.headers["allow"] == "POST"
    assert r.json()["status"] == 405


def test_diagnose_and_triage_match_the_command_line(client, tmp_path):
    import subprocess
    import sys

    cli = subprocess.run([sys.executable, "-m", "bot", "diagnose", "licenses-not-visible", "--fact",
                          "usage_start=2026-01-01", "--fact", "is_addon=ja", "--today", "2026-11-24", "--json",
                          "--lang", "en"], capture_output=True, text=True, check=True)
    api = client.post("/api/diagnose", json={"flow": "licenses-not-visible", "lang": "en", "today": "2026-11-24",
                                             "facts": {"usage_start": "2026-01-01", "is_addon": "ja"}}).json()
    assert api == json.loads(cli.stdout)
    tickets = tmp_path / "t.jsonl"
    ticket = {"id": "T-7", "text": "Der Aktivierungslink ist abgelaufen, gekauft am 10.01.2026."}
    tickets.write_text(json.dumps(ticket) + "\n", encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "bot", "triage", str(tickets), "--today", "2026-11-24", "--json"],
                         capture_output=True, text=True, check=True)
    api = client.post("/api/triage", headers=AUTH, json={**ticket, "today": "2026-11-24"}).json()
    assert api == json.loads(cli.stdout)
