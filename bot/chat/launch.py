"""Starting the chat: load the knowledge base first (fail fast), then import Textual and run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.chat.app import ChatApp

from faq.errors import EXIT_INPUT

__all__ = ["build_app", "run", "today"]

def today() -> date:
    """Return the local date (the clock the chat uses; tests pass their own)."""
    return date.today()


def _report_broken(args: argparse.Namespace, exc: Exception) -> int:
    """Print the problems exactly as `faqbot check` does, and return exit status 2."""
    try:
        from bot.cli import check

        status = check.run(argparse.Namespace(kb=getattr(args, "kb", None)))
        if status:
            return EXIT_INPUT
    except Exception:  # fall back to the problems carried by the error
        pass
    for problem in getattr(exc, "problems", ()) or [exc]:
        print(" ".join(str(problem).split()), file=sys.stderr)
    return EXIT_INPUT


def build_app(args: argparse.Namespace, clock: Callable[[], date] = today) -> ChatApp:
    """Load the knowledge base and the saved conversation, and return the chat app.

    Raises:
        KnowledgeBaseError: The knowledge base is broken.
    """
    from faq.search.cache import load

    agent = getattr(args, "command", None) == "agent"
    when = clock()
    if agent and getattr(args, "today", None):
        from faq.errors import InputError
        from faq.flows.dates import parse_iso_date

        try:
            when = parse_iso_date(args.today)
        except InputError as exc:
            raise exc.within(option="--today") from None
    kb, matcher = load(getattr(args, "kb", None))
    from bot.chat.app import ChatApp
    from bot.chat.store import ConversationStore, conversations_dir, latest, read_events

    store = None
    events = None
    resume_missing = False
    if getattr(args, "resume", False):
        path = latest(conversations_dir())
        if path is not None:
            events = read_events(path)
            if not getattr(args, "no_store", False):
                try:
                    store = ConversationStore.open(path)
                except OSError:  # read-only: go on in a new file that starts with a copy
                    import json

                    store = ConversationStore.create(None, [json.dumps(e, ensure_ascii=False) for e in events])
        else:
            resume_missing = True
    # The agent view works on other people's tickets: `faqbot agent` records no conversation.
    if store is None and not getattr(args, "no_store", False) and not agent:
        try:
            store = ConversationStore.create()
            store.append({"type": "start", "version": 1, "lang": getattr(args, "lang", None) or "de"})
        except OSError:
            store = None
    lang = getattr(args, "lang", None) or "de"
    if events:
        for event in events:  # the language the user last chose, unless --lang says otherwise
            if event.get("type") in ("start", "lang") and event.get("lang") in ("de", "en") and not getattr(args, "lang", None):
                lang = event["lang"]
    return ChatApp(
        kb,
        matcher,
        when,
        lang=lang,
        store=store,
        # Every switch replayed where it happened (it resets the language the user wrote in); a
        # --lang given now is the last: the chat opens in it whatever the record's last switch was.
        resume_events=[*(events or []), *([{"type": "lang", "lang": lang}] if events and getattr(args, "lang", None) else [])],
        redact=bool(getattr(args, "redact", False)),
        resume_missing=resume_missing,
        agent=agent,
    )


def run(args: argparse.Namespace, clock: Callable[[], date] = today) -> int:
    """Run the chat; return the exit status (2 on a broken knowledge base, before any UI)."""
    from faq.errors import KnowledgeBaseError

    try:
        app = build_app(args, clock)
    except KnowledgeBaseError as exc:
        return _report_broken(args, exc)
    try:
        from bot.chat.paste import install
    except ImportError:  # a Textual without the private parser module: pastes read as Textual reads them
        pass
    else:
        install()  # a paste from a coloured terminal arrives as its words
    try:
        result = app.run()
    finally:
        if app.store is not None:
            app.store.close()
    return int(result or 0)
