"""The JSON API for help desks: /api/ask, /api/diagnose, /api/triage (CONTRACT §3 objects).

Bodies are JSON objects; errors are JSON objects `{"error": ..., "status": ...}` with
400 (malformed), 401 (missing or wrong token), 413 (too large), 422 (well-formed but
unusable: an unknown flow, an impossible date) and 429 (too many requests, with
Retry-After). /api/triage needs `Authorization: Bearer <token>`.
"""

from __future__ import annotations

import hmac
import json
import time
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.cli.ask import match_question
from bot.web.config import WebConfig
from bot.web.openapi import openapi
from bot.web.security import RateLimiter
from faq.errors import InputError
from faq.flows.dates import parse_iso_date
from faq.kb.model import KnowledgeBase
from faq.search.matcher import Matcher

__all__ = ["Api", "ApiError", "routes"]

MAX_TICKETS = 100
ENDPOINTS = {"/api/ask": "POST", "/api/diagnose": "POST", "/api/triage": "POST", "/api/openapi.json": "GET"}
MAX_QUESTION_CHARS = 10_000


class ApiError(Exception):
    """A request the API refuses: its status and one line saying why."""

    def __init__(self, status: int, message: str, retry: int = 0) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry = retry


def _error(exc: ApiError) -> JSONResponse:
    headers = {"Retry-After": str(exc.retry)} if exc.retry else {}
    if exc.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="faqbot"'
    return JSONResponse({"error": exc.message, "status": exc.status}, status_code=exc.status, headers=headers)


def _string(body: dict[str, Any], name: str, required: bool = True, limit: int = MAX_QUESTION_CHARS) -> str | None:
    value = body.get(name)
    if value is None:
        if required:
            raise ApiError(422, f"field '{name}' is missing")
        return None
    if not isinstance(value, str):
        raise ApiError(422, f"field '{name}' must be a string")
    if len(value) > limit:
        raise ApiError(413, f"field '{name}' has {len(value)} characters; at most {limit}")
    return value


def _lang(body: dict[str, Any]) -> str | None:
    lang = body.get("lang")
    if lang is None:
        return None
    if lang not in ("de", "en"):
        raise ApiError(422, "field 'lang' must be \"de\" or \"en\"")
    return str(lang)


class Api:
    """The API's handlers, sharing the knowledge base and the limits."""

    def __init__(self, config: WebConfig, kb: KnowledgeBase, matcher: Matcher) -> None:
        self.config = config
        self.kb = kb
        self.matcher = matcher
        self.clients = RateLimiter(config.client_rate)

    def _today(self, body: dict[str, Any]) -> date:
        raw = _string(body, "today", required=False, limit=10)
        if raw is None:
            return self.config.today or date.today()
        try:
            return parse_iso_date(raw)
        except InputError as exc:
            raise ApiError(422, f"field 'today': {exc}") from None

    async def _body(self, request: Request, key: str) -> dict[str, Any]:
        wait = self.clients.hit(key, time.monotonic())
        if wait:
            raise ApiError(429, "too many requests; try again later", retry=max(1, round(wait + 0.5)))
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise ApiError(400, "send the body as JSON (Content-Type: application/json)")
        raw = await request.body()
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ApiError(400, f"malformed JSON: {exc}") from None
        if not isinstance(body, dict):
            raise ApiError(400, "the body must be a JSON object")
        return body

    def _client(self, request: Request) -> str:
        return "ip:" + (request.client.host if request.client else "?")

    def _token(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "missing bearer token (Authorization: Bearer <token>)")
        token = token.strip()
        if not any(hmac.compare_digest(token.encode(), t.encode()) for t in self.config.api_tokens):
            raise ApiError(401, "invalid bearer token")
        return token

    async def ask(self, request: Request) -> Response:
        """Match a question: the object of `faqbot ask --json`."""
        try:
            body = await self._body(request, self._client(request))
            question = _string(body, "question") or ""
            asked = match_question(self.matcher, question, _lang(body))  # small talk: no_match
        except ApiError as exc:
            return _error(exc)
        return JSONResponse(asked.to_json())

    async def diagnose(self, request: Request) -> Response:
        """Run a flow on the facts given: the object of `faqbot diagnose --json`."""
        from bot.cli.diagnose import find_flow
        from faq.flows.engine import diagnose, diagnosis_json, flow_fact
        from faq.flows.values import parse_flow_value

        try:
            body = await self._body(request, self._client(request))
            flow_id = _string(body, "flow", limit=100) or ""
            facts_in = body.get("facts", {})
            if not isinstance(facts_in, dict):
                raise ApiError(422, "field 'facts' must be an object of fact names and values")
            lang = _lang(body) or "de"
            today = self._today(body)
            try:
                flow = find_flow(self.kb.flows, flow_id)
                facts = {}
                for name, value in facts_in.items():
                    fact = flow_fact(flow, name)
                    if isinstance(value, bool) and fact.type == "yesno":
                        value = "ja" if value else "nein"
                    if not isinstance(value, str):
                        raise ApiError(422, f"fact '{name}': give the value as a string")
                    facts[name] = parse_flow_value(flow, fact, value, today, "en")
            except InputError as exc:
                raise ApiError(422, str(exc)) from None
            diag = diagnose(flow, facts, today)
        except ApiError as exc:
            return _error(exc)
        return JSONResponse(diagnosis_json(diag, flow, lang))

    async def triage(self, request: Request) -> Response:
        """Triage one ticket ({"text", "id"?, "subject"?}) or several ({"tickets": [...]})."""
        from faq.tickets.triage import triage_text

        try:
            token = self._token(request)
            body = await self._body(request, "token:" + token[:8])
            today = self._today(body)
            redacted = bool(body.get("redact", self.config.redact))
            if "tickets" in body:
                tickets = body["tickets"]
                if not isinstance(tickets, list) or not all(isinstance(t, dict) for t in tickets):
                    raise ApiError(422, "field 'tickets' must be a list of objects with a 'text'")
                if len(tickets) > MAX_TICKETS:
                    raise ApiError(413, f"{len(tickets)} tickets; at most {MAX_TICKETS} per request")
            else:
                tickets = [body]
            results = []
            for n, ticket in enumerate(tickets):
                where = f"ticket {n + 1}: " if "tickets" in body else ""
                try:
                    text = _string(ticket, "text") or ""
                    tid = ticket.get("id")
                    if tid is not None and not isinstance(tid, (str, int)):
                        raise ApiError(422, "field 'id' must be a string or a number")
                    subject = _string(ticket, "subject", required=False, limit=1000) or ""
                except ApiError as exc:
                    raise ApiError(exc.status, where + exc.message) from None
                result = triage_text(text, self.kb, self.matcher, today, None if tid is None else str(tid), subject)
                results.append(result.to_json(redacted))
        except ApiError as exc:
            return _error(exc)
        return JSONResponse({"results": results} if "tickets" in body else results[0])

    async def schema(self, request: Request) -> Response:
        """The OpenAPI description of this API."""
        return JSONResponse(openapi([f.id for f in self.kb.flows]))

    async def not_allowed(self, request: Request) -> Response:
        """Anything else under /api/: a known endpoint with another method is 405, else 404."""
        path = request.url.path
        if path in ENDPOINTS:
            allowed = ENDPOINTS[path]
            response = _error(ApiError(405, f"{request.method} {path}: use {allowed}"))
            response.headers["Allow"] = allowed
            return response
        return _error(ApiError(404, f"no such endpoint: {request.method} {path}"))


def routes(api: Api) -> list[Route]:
    """The API's routes."""
    return [
        Route("/api/ask", api.ask, methods=["POST"]),
        Route("/api/diagnose", api.diagnose, methods=["POST"]),
        Route("/api/triage", api.triage, methods=["POST"]),
        Route("/api/openapi.json", api.schema, methods=["GET"]),
        Route("/api/{rest:path}", api.not_allowed, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
    ]
