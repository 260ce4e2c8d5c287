"""The web chat: a Starlette app that drives the UI-free `Dialogue`.

Every page is rendered on the server and works without JavaScript (each button is a
form post, answered with a redirect to the conversation); `static/chat.js` only makes
the steps smoother (no reload, focus moved to what is new). A conversation's id is in
its URL, so a reload keeps it and a new tab starts afresh; its events live in the store
and are replayed to rebuild the page.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.chat.dialogue import Dialogue, FlowResult
from bot.web import api
from bot.web.config import WebConfig
from bot.web.security import (
    HostPolicy,
    RateLimiter,
    csrf_ok,
    csrf_token,
    make_policy,
    new_conversation_id,
    security_headers,
    valid_conversation_id,
)
from bot.web.store import Conflict, Conversation, MemoryStore, SqliteStore, Store, StoreFull
from bot.web.views import composer, focus_target, item_views, plain_summary
from faq.language.catalogue import count, tr
from faq.language.text import clean
from faq.search.cache import load

__all__ = ["create_app"]

HERE = Path(__file__).resolve().parent
STEP_ATTEMPTS = 3
PAGE_RATE_FACTOR = 2
"""Page views and downloads per minute allowed per client, as a multiple of its posts."""
WEB_INPUT = "web_input"
"""Event of a typed answer the flow refused: replayed so its error shows again."""

log = logging.getLogger("faqbot.web")


class Guard:
    """ASGI middleware: our Host and Origin only, bodies within their limit, security headers."""

    def __init__(self, app: ASGIApp, policy: HostPolicy, headers: dict[str, str], form_limit: int, api_limit: int) -> None:
        self.app = app
        self.policy = policy
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
        self.form_limit = form_limit
        self.api_limit = api_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        is_api = scope["path"].startswith("/api/")

        started = False

        async def send_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in self.headers if h[0] not in names]
            await send(message)

        why = self.policy.check(raw.get("host"), raw.get("origin"))
        if why is not None:
            log.warning("refused %s %s: %s", scope["method"], scope["path"], why)
            await _error(scope, receive, send_headers, 403, why, is_api)
            return
        limit = self.api_limit if is_api else self.form_limit
        try:
            declared = int(raw.get("content-length", "0") or 0)
        except ValueError:
            await _error(scope, receive, send_headers, 400, "malformed Content-Length", is_api)
            return
        if declared > limit and is_api:
            await _error(scope, receive, send_headers, 413, f"request body over {limit} bytes", is_api)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            if declared > limit:  # not read at all: the chat answers with its page's message, in its language
                raise _TooLarge()
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited, send_headers)
        except _TooLarge:
            if started:
                return
            await _error(scope, receive, send_headers, 413, f"request body over {limit} bytes", is_api)


def _bytes(n: int) -> str:
    """A size limit as people name it: 1 MB, 16 KB."""
    return f"{n / 1_048_576:g} MB" if n >= 1_048_576 else f"{n // 1024} KB"


class _TooLarge(Exception):
    """A body grew past its limit while it was read."""


async def _error(scope: Scope, receive: Receive, send: Send, status: int, why: str, is_api: bool) -> None:
    if is_api:
        response: Response = JSONResponse({"error": why, "status": status}, status_code=status)
    else:
        response = PlainTextResponse(f"{status}: {why}\n", status_code=status)
    await response(scope, receive, send)


class WebChat:
    """The routes of the chat pages, sharing the knowledge base, the store and the limits."""

    def __init__(self, config: WebConfig, store: Store) -> None:
        self.config = config
        self.kb, self.matcher = load(config.kb_dir)
        self.store = store
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.globals["tr"] = tr
        self.templates.env.trim_blocks = True
        self.templates.env.lstrip_blocks = True
        self.clients = RateLimiter(config.client_rate)
        self.conversations = RateLimiter(config.conversation_rate)
        self.readers = RateLimiter(config.client_rate * PAGE_RATE_FACTOR)

    # -- helpers ---------------------------------------------------------------------

    def _lang(self, request: Request) -> str:
        """The language of the page a request comes from: named in its address, else the
        conversation's (a form post, a message about one), else the browser's first choice.
        Reads the stored conversation: for a message page only, the page itself has it loaded."""
        lang = request.query_params.get("lang", "")
        if lang in ("de", "en"):
            return lang
        cid = str(request.path_params.get("cid", ""))
        conv = self.store.load(cid, time.time()) if cid and valid_conversation_id(self.config.secret, cid) else None
        if conv is not None:
            chosen = [e.get("lang") for e in conv.events if e.get("type") == "lang"]  # switched since it started
            return str(chosen[-1]) if chosen and chosen[-1] in ("de", "en") else conv.lang
        return self._browser_lang(request)

    @staticmethod
    def _browser_lang(request: Request) -> str:
        """The language named in the request's address, else the browser's first choice (a page not stored yet)."""
        lang = request.query_params.get("lang", "")
        if lang in ("de", "en"):
            return lang
        accept = request.headers.get("accept-language", "").lower()
        for part in accept.split(","):
            code = part.split(";")[0].strip()[:2]
            if code in ("de", "en"):
                return code
        return "de"

    def _today(self) -> date:
        return self.config.today or date.today()

    def _dialogue(self, conv: Conversation | None, lang: str) -> Dialogue:
        today = date.fromisoformat(conv.today) if conv is not None else self._today()
        dialogue = Dialogue(self.kb, self.matcher, today, conv.lang if conv is not None else lang)
        dialogue.greet()
        for event in conv.events if conv is not None else ():
            if event.get("type") == WEB_INPUT:
                dialogue.submit(str(event.get("text", "")))
            else:
                dialogue.apply(event)
        return dialogue

    def _limited(self, request: Request, cid: str) -> float:
        client = request.client.host if request.client else "?"
        now = time.monotonic()
        return max(self.clients.hit(f"ip:{client}", now), self.conversations.hit(f"c:{cid}", now))

    def _message(self, request: Request, status: int, key: str, lang: str, back: str = "/", **args: Any) -> Response:
        return self.templates.TemplateResponse(
            request, "message.html", {"lang": lang, "text": tr(lang, key, **args), "back": back}, status_code=status,
            headers={"Cache-Control": "no-store"},
        )

    async def _form(self, request: Request) -> tuple[str, dict[str, str]] | Response:
        cid = request.path_params["cid"]
        if not valid_conversation_id(self.config.secret, cid):
            return self._message(request, 404, "web_not_found", self._browser_lang(request))
        form = await request.form()
        fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
        page_lang = fields.get("lang", "")  # the page the form is on

        def lang() -> str:
            return page_lang if page_lang in ("de", "en") else self._lang(request)

        if not csrf_ok(self.config.secret, cid, fields.get("csrf")):
            return self._message(request, 403, "web_forbidden", lang(), back=f"/c/{cid}")
        wait = self._limited(request, cid)
        if wait:
            return self._too_many(request, cid, lang(), wait)
        return cid, fields

    def _too_many(self, request: Request, cid: str, lang: str, wait: float) -> Response:
        seconds = max(1, round(wait + 0.5))
        response = self._message(request, 429, "web_too_many", lang, back=f"/c/{cid}", seconds=seconds)
        response.headers["Retry-After"] = str(seconds)
        return response

    def _read_limited(self, request: Request) -> float:
        client = request.client.host if request.client else "?"
        return self.readers.hit(f"ip:{client}", time.monotonic())

    def _done(self, request: Request, cid: str, notice: str = "", lang: str = "", kept: str = "") -> Response:
        """After a step: the page itself for the page's script (one round trip), else a redirect to it.

        The redirect names the page's language `lang`, so a conversation not stored yet (its first
        message refused) is shown in it again. A message refused with its text `kept` is answered
        with the page itself, the text still in the field: a redirect would lose it.
        """
        if request.headers.get("x-requested-with") == "faqbot" or kept:
            return self._render(request, cid, notice, lang, kept)
        query = "&".join(part for part in (f"lang={lang}" if lang in ("de", "en") else "",
                                            f"notice={notice}" if notice else "") if part)
        return RedirectResponse(f"/c/{cid}" + (f"?{query}" if query else "") + "#latest", status_code=303)

    # -- routes ------------------------------------------------------------------------

    async def start(self, request: Request) -> Response:
        """A new conversation: a fresh id, shown at its own address."""
        cid = new_conversation_id(self.config.secret)
        return RedirectResponse(f"/c/{cid}?lang={self._lang(request)}", status_code=303,
                                headers={"Cache-Control": "no-store"})

    async def page(self, request: Request) -> Response:
        """The conversation page."""
        cid = request.path_params["cid"]
        if not valid_conversation_id(self.config.secret, cid):
            return self._message(request, 404, "web_not_found", self._browser_lang(request))
        wait = self._read_limited(request)
        if wait:
            return self._too_many(request, cid, self._lang(request), wait)
        return self._render(request, cid, request.query_params.get("notice", ""))

    def _render(self, request: Request, cid: str, notice_key: str, lang: str = "", kept: str = "") -> Response:
        """The conversation page (in `lang` while nothing is stored yet); `kept`: a refused message, left in the field."""
        conv = self.store.load(cid, time.time())
        dialogue = self._dialogue(conv, lang if lang in ("de", "en") else self._browser_lang(request))  # a stored one has its own
        lang = dialogue.lang
        views = item_views(dialogue, lang)
        typed = composer(dialogue, lang)  # the input speaks the conversation's language
        if kept:
            typed["value"] = kept
        summary = self._summary(dialogue)
        longest = self.matcher.thresholds.max_chars  # the chat's limit too: one setting
        size = notice_key.removeprefix("long-") if notice_key.startswith("long-") else ""
        notice = {"limit": "web_limit_conversation", "stale": "web_stale", "empty": "web_empty"}.get(notice_key)
        if size.isdigit():
            notice = "input_too_long"
        hours = f"{self.config.ttl_hours:g}"
        privacy = tr(lang, "web_privacy_store" if self.config.store_path else "web_privacy_memory", hours=hours)
        if self.config.redact:
            privacy += " " + tr(lang, "web_privacy_redact")
        context = {
            "lang": lang,
            "other": "en" if lang == "de" else "de",
            "cid": cid,
            "csrf": csrf_token(self.config.secret, cid),
            "at": len(conv.events) if conv else 0,
            "views": views,
            "composer": typed,
            "focus": "input" if kept else focus_target(dialogue, views),
            "focus_item": max((v["i"] for v in views if v["role"] == "bot"), default=-1),
            "flow_active": dialogue.flow_active,
            "summary": plain_summary(summary) if summary else "",
            "notice": tr(lang, notice, limit=count(longest, lang), size=count(int(size or 0), lang)) if notice else "",
            "privacy": privacy,
            "max_text": longest,
            # the page's script puts the message's size in ("{size}" stays for it)
            "too_long": tr(typed["lang"] or lang, "input_too_long", limit=count(longest, typed["lang"] or lang),
                           size="{size}"),
        }
        return self.templates.TemplateResponse(request, "page.html", context, headers={"Cache-Control": "no-store"})

    def _step(self, request: Request, cid: str, fields: dict[str, str],
              act: Callable[[Dialogue, Conversation | None], str | None], typed: str = "") -> Response:
        """Apply one step to the stored conversation and answer with the page.

        `act` changes the rebuilt dialogue (recording events) and returns a notice key to
        show instead, if any; then the message the user `typed` stays in the field. The events
        are appended only if no other step (in another server process) came first; else the
        step is worked out again on the newer state.
        """
        page_lang = fields.get("lang", "")
        kept = typed if clean(typed).strip() else ""
        for _ in range(STEP_ATTEMPTS):
            conv = self.store.load(cid, time.time())
            dialogue = self._dialogue(conv, fields.get("lang", "de"))
            events: list[dict[str, Any]] = []
            dialogue.on_event = events.append
            notice = act(dialogue, conv)
            if notice is not None:
                return self._done(request, cid, notice, page_lang, kept)
            if not events:
                return self._done(request, cid)
            if self.config.redact:
                from bot.chat.store import redact_event

                events = [redact_event(e) for e in events]
            lang = conv.lang if conv is not None else dialogue.lang
            try:
                self.store.append(cid, lang, dialogue.today.isoformat(), events, time.time(),
                                  expected=len(conv.events) if conv is not None else 0)
            except Conflict:
                continue
            except StoreFull:
                return self._message(request, 503, "web_busy", dialogue.lang, back=f"/c/{cid}")
            return self._done(request, cid)
        return self._done(request, cid, "stale", page_lang, kept)

    def _full(self, conv: Conversation | None) -> bool:
        return conv is not None and len(conv.events) >= self.config.max_events

    async def say(self, request: Request) -> Response:
        """The user typed a question or an answer."""
        got = await self._form(request)
        if isinstance(got, Response):
            return got
        cid, fields = got
        text = fields.get("text", "")

        def act(dialogue: Dialogue, conv: Conversation | None) -> str | None:
            if not clean(text).strip():  # one clear line instead of a page that does nothing
                return "empty"
            if len(text.strip()) > self.matcher.thresholds.max_chars:  # never cut silently: the end of a story is often its question
                return f"long-{len(text.strip())}"
            if self._full(conv):
                return "limit"
            recorded: list[dict[str, Any]] = []
            record = dialogue.on_event
            dialogue.on_event = recorded.append
            shown = dialogue.submit(text)
            if shown and not recorded:  # a value the question refused: keep it, so its message shows
                recorded.append({"type": WEB_INPUT, "text": text})
            for event in recorded:
                if record is not None:
                    record(event)
            return None

        return self._step(request, cid, fields, act, typed=text)

    async def pick(self, request: Request) -> Response:
        """The user pressed an option's button (or ended the diagnosis)."""
        got = await self._form(request)
        if isinstance(got, Response):
            return got
        cid, fields = got

        def act(dialogue: Dialogue, conv: Conversation | None) -> str | None:
            if fields.get("at", "") != str(len(conv.events) if conv else 0):
                return "stale"
            if self._full(conv):
                return "limit"
            if fields.get("control") == "cancel":
                dialogue.cancel()
            elif fields.get("option", "").isdigit():
                dialogue.select(int(fields["option"]))
            return None

        return self._step(request, cid, fields, act)

    async def switch_lang(self, request: Request) -> Response:
        """Show the conversation in the other language."""
        got = await self._form(request)
        if isinstance(got, Response):
            return got
        cid, fields = got
        lang = fields.get("to", "de")
        if lang not in ("de", "en"):
            lang = "de"
        if self.store.load(cid, time.time()) is None:  # nothing said yet: a fresh page in that language
            return RedirectResponse(f"/c/{cid}?lang={lang}", status_code=303)
        return self._step(request, cid, fields, lambda dialogue, conv: dialogue.set_lang(lang))

    def _summary(self, dialogue: Dialogue) -> str | None:
        from bot.chat.summary import case_summary

        result: FlowResult | None = dialogue.summary_result
        if result is None:
            return None
        flow = self.kb.flow(result.flow_id)
        if flow is None:
            return None
        return case_summary(self.kb, flow, result.diagnosis, result.question, dialogue.today, result.lang or dialogue.lang,
                            redact=self.config.redact)

    async def summary(self, request: Request) -> Response:
        """The case summary as a download (Markdown or plain text); never written on the server."""
        cid = request.path_params["cid"]
        fmt = request.path_params["fmt"]
        if not valid_conversation_id(self.config.secret, cid) or fmt not in ("md", "txt"):
            return self._message(request, 404, "web_not_found", self._lang(request))
        wait = self._read_limited(request)
        if wait:
            return self._too_many(request, cid, self._lang(request), wait)
        conv = self.store.load(cid, time.time())
        dialogue = self._dialogue(conv, self._browser_lang(request))  # a stored one has its own
        text = self._summary(dialogue)
        if text is None:
            return self._message(request, 404, "no_summary", dialogue.lang, back=f"/c/{cid}")
        if fmt == "txt":
            text = plain_summary(text)
        name = f"faqbot-fall-{dialogue.today.isoformat()}.{fmt}"
        media = "text/markdown" if fmt == "md" else "text/plain"
        return Response(text, media_type=f"{media}; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})

    async def health(self, request: Request) -> Response:
        """For load balancers: the process answers and knows how many conversations it keeps."""
        return Response(json.dumps({"ok": True, "conversations": self.store.count()}), media_type="application/json")


def create_app(config: WebConfig, store: Store | None = None) -> ASGIApp:
    """Return the ASGI app of the web chat and the JSON API.

    Args:
        config: The settings.
        store: The conversation store (default: from `config`: sqlite3 file or memory).
    """
    ttl = config.ttl_hours * 3600
    if store is None:
        store = SqliteStore(config.store_path, ttl) if config.store_path else MemoryStore(ttl)
    chat = WebChat(config, store)
    api_routes = api.routes(api.Api(config, chat.kb, chat.matcher))
    routes = [
        Route("/", chat.start, methods=["GET"]),
        Route("/c/{cid}", chat.page, methods=["GET"]),
        Route("/c/{cid}/say", chat.say, methods=["POST"]),
        Route("/c/{cid}/pick", chat.pick, methods=["POST"]),
        Route("/c/{cid}/lang", chat.switch_lang, methods=["POST"]),
        Route("/c/{cid}/summary.{fmt}", chat.summary, methods=["GET"]),
        Route("/healthz", chat.health, methods=["GET"]),
        *api_routes,
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    async def failed(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": f"internal error: {type(exc).__name__}", "status": 500}, status_code=500)
        return chat._message(request, 500, "internal_error", chat._lang(request), text=type(exc).__name__)

    async def too_large(request: Request, exc: Exception) -> Response:
        limit = config.max_api_bytes if request.url.path.startswith("/api/") else config.max_form_bytes
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": f"request body over {limit} bytes", "status": 413}, status_code=413)
        cid = str(request.path_params.get("cid", ""))
        back = f"/c/{cid}" if cid and valid_conversation_id(config.secret, cid) else "/"
        lang = chat._lang(request)
        return chat._message(request, 413, "web_too_large", lang, back=back, size=_bytes(limit),
                             limit=count(chat.matcher.thresholds.max_chars, lang))

    app = Starlette(routes=routes, exception_handlers={_TooLarge: too_large, Exception: failed})
    app.state.chat = chat
    policy = make_policy(config.host, config.port, config.public_url)
    return Guard(app, policy, security_headers(config.embed_origins), config.max_form_bytes, config.max_api_bytes)
