"""The OpenAPI 3.1 description of the JSON API (served at /api/openapi.json)."""

from __future__ import annotations

from typing import Any

__all__ = ["openapi"]

_ERROR = {"$ref": "#/components/schemas/Error"}
_NEXT = {
    "type": ["object", "null"],
    "properties": {"fact": {"type": "string"}, "type": {"type": "string"}, "question": {"type": "string"}},
}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "Malformed body (not JSON, not an object)", 401: "Missing or invalid bearer token",
            413: "Body or field too large", 422: "A field is missing or unusable", 429: "Too many requests"}
    return {str(c): {"description": text[c], "content": {"application/json": {"schema": _ERROR}}} for c in codes}


def _post(summary: str, request: dict[str, Any], response: dict[str, Any], codes: tuple[int, ...],
          secured: bool = False) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": summary,
        "requestBody": {"required": True, "content": {"application/json": {"schema": request}}},
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": response}}},
                      **_errors(*codes)},
    }
    if secured:
        op["security"] = [{"bearer": []}]
    return {"post": op}


def openapi(flows: list[str]) -> dict[str, Any]:
    """Return the OpenAPI document; `flows` are the flow ids the knowledge base offers."""
    lang = {"type": "string", "enum": ["de", "en"]}
    today = {"type": "string", "format": "date", "description": "the date relative dates count from (JJJJ-MM-TT)"}
    candidate = {"type": "object", "properties": {"id": {"type": "string"}, "confidence": {"type": "number"}}}
    ask_result = {
        "type": "object",
        "required": ["query", "outcome", "id", "flow", "confidence", "lang", "candidates"],
        "properties": {
            "query": {"type": "string"},
            "outcome": {"type": "string", "enum": ["answer", "clarify", "no_match"]},
            "id": {"type": ["string", "null"]},
            "flow": {"type": ["string", "null"]},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "lang": lang,
            "candidates": {"type": "array", "items": candidate},
            "smalltalk": {"type": ["string", "null"], "enum": ["greeting", "thanks", "goodbye", "ack", "yesno", None],
                          "description": "the whole question is small talk (then no_match), or null"},
        },
    }
    diagnosis = {
        "type": "object",
        "required": ["flow", "status", "cause", "next", "facts", "possible", "resolution"],
        "properties": {
            "flow": {"type": "string"},
            "status": {"type": "string", "enum": ["resolved", "needs_input"]},
            "cause": {"type": ["string", "null"]},
            "next": _NEXT,
            "facts": {"type": "object"},
            "possible": {"type": "array", "items": {"type": "string"}},
            "resolution": {"type": ["object", "null"], "properties": {
                "title": {"type": "string"}, "text": {"type": "string"},
                "steps": {"type": "array", "items": {"type": "string"}}, "contact": {"type": "string"}}},
        },
    }
    ticket_fields: dict[str, Any] = {"text": {"type": "string", "maxLength": 10000},
                                     "id": {"type": ["string", "integer"]}, "subject": {"type": "string"}}
    ticket_in = {"type": "object", "required": ["text"], "properties": ticket_fields}
    ticket_out = {
        "type": "object",
        "required": ["ticket", "id", "outcome", "confidence", "flow", "facts", "cause", "next", "reply"],
        "properties": {
            "ticket": {"type": ["string", "null"]}, "id": {"type": ["string", "null"]},
            "outcome": {"type": "string", "enum": ["answer", "clarify", "no_match"]},
            "confidence": {"type": "number"}, "flow": {"type": ["string", "null"]}, "facts": {"type": "object"},
            "cause": {"type": ["string", "null"]}, "next": _NEXT, "reply": {"type": "string"},
        },
    }
    triage_in = {
        "oneOf": [
            {**ticket_in, "properties": {**ticket_fields, "today": today, "redact": {"type": "boolean"}}},
            {"type": "object", "required": ["tickets"], "properties": {
                "tickets": {"type": "array", "items": ticket_in, "maxItems": 100}, "today": today,
                "redact": {"type": "boolean"}}},
        ]
    }
    triage_out = {"oneOf": [ticket_out, {"type": "object", "properties": {
        "results": {"type": "array", "items": ticket_out}}}]}
    return {
        "openapi": "3.1.0",
        "info": {"title": "faqbot API", "version": "1",
                 "description": "Answers, diagnoses and ticket triage on activating Microsoft online services "
                                "bought through Volume Licensing (VLSC)."},
        "paths": {
            "/api/ask": _post("Match a question to an FAQ entry", {
                "type": "object", "required": ["question"],
                "properties": {"question": {"type": "string", "maxLength": 10000}, "lang": lang}},
                ask_result, (400, 413, 422, 429)),
            "/api/diagnose": _post("Run a diagnostic flow on the facts known", {
                "type": "object", "required": ["flow"],
                "properties": {"flow": {"type": "string", "enum": flows},
                               "facts": {"type": "object", "additionalProperties": {"type": ["string", "boolean"]}},
                               "today": today, "lang": lang}},
                diagnosis, (400, 413, 422, 429)),
            "/api/triage": _post("Triage support tickets (topic, facts, cause, suggested reply)", triage_in,
                                 triage_out, (400, 401, 413, 422, 429), secured=True),
        },
        "components": {
            "schemas": {"Error": {"type": "object", "required": ["error", "status"],
                                  "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
