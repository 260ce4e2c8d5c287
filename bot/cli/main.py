"""The `faqbot` command line: parses arguments and hands each command to its module.

Command modules are imported only when their command runs, so `faqbot ask` never
imports the chat UI.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from bot.cli.terminal import columns
from faq.errors import EXIT_FAIL, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK

__all__ = ["build_parser", "main"]

_LANG = "en"  # messages on stderr are in English, like every command's
_PLAIN = frozenset({"ask", "diagnose", "triage", "check"})
"""Commands that write plain text to stdout (the chat and the server own their terminal)."""
_LOADING = frozenset({"ask", "triage"})
"""Commands that load their knowledge base through `bot.cli.collector.loaded` (the collector's policy for a run)."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, its width found without importing shutil (`bot.cli.terminal`)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # one line, exit 2, like every bad input
        self.exit(EXIT_INPUT, f"faqbot: {message} (see 'faqbot --help')\n")


def _kb_arg(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # On a command, SUPPRESS keeps a --kb given before the command ("faqbot --kb X check").
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--kb", metavar="DIR", default=default, help="knowledge base folder (default: the bundled one)")


def _today_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", metavar="JJJJ-MM-TT", help="the date to count from (default: today)")


def _add_ask(sub: Any) -> None:
    ask = sub.add_parser("ask", help="answer one question (or one per line from stdin with '-')")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="machine-readable output (JSON, JSON Lines with '-')")
    ask.add_argument("--lang", choices=("de", "en"), default=argparse.SUPPRESS, help="answer in this language (default: the question's)")
    _kb_arg(ask)


def _add_diagnose(sub: Any) -> None:
    diag = sub.add_parser("diagnose", help="run a diagnostic flow on the facts given")
    diag.add_argument("flow", help="flow id, e.g. missing-activation-email")
    diag.add_argument("--fact", action="append", default=[], metavar="NAME=VALUE", help="a fact already known (repeatable)")
    diag.add_argument("--json", action="store_true", help="machine-readable output (one JSON object)")
    diag.add_argument("--interactive", "-i", action="store_true", help="ask for the missing facts on the terminal")
    diag.add_argument("--lang", choices=("de", "en"), default=argparse.SUPPRESS,
                      help="language of questions, resolution and error messages (default: de; errors: en)")
    _today_arg(diag)
    _kb_arg(diag)


def _add_triage(sub: Any) -> None:
    tri = sub.add_parser("triage", help="triage support tickets (JSON Lines, CSV, .eml, mbox, or '-' for stdin)")
    tri.add_argument("files", nargs="+", metavar="FILE", help="ticket files, folders of them, or '-' for stdin")
    fmt = tri.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON Lines, one object per ticket")
    fmt.add_argument("--csv", action="store_true", help="CSV, one row per ticket")
    tri.add_argument("--column", metavar="NAME", help="CSV column that holds the ticket text (default: text)")
    tri.add_argument("--summary", action="store_true", help="counts per topic and cause, as a bar chart")
    tri.add_argument("--redact", action="store_true", help="mask e-mail addresses and names in the output")
    tri.add_argument("--lang", choices=("de", "en"), default=argparse.SUPPRESS,
                     help="language of the table, the summary chart and the messages (default: en)")
    _today_arg(tri)
    _kb_arg(tri)


def _add_check(sub: Any) -> None:
    check = sub.add_parser("check", help="validate a knowledge base; exit 2 with one line per problem")
    _kb_arg(check)


def _add_agent(sub: Any) -> None:
    agent = sub.add_parser("agent", help="open the agent view: paste a ticket, see its triage")
    agent.add_argument("--lang", choices=("de", "en"), default=argparse.SUPPRESS, help="language of the view (default: de)")
    _today_arg(agent)
    _kb_arg(agent)


def _add_serve(sub: Any) -> None:
    serve = sub.add_parser("serve", help="serve the web chat and the JSON API (needs the 'web' extra)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--public-url", metavar="URL", help="the address browsers use, when behind a reverse proxy")
    serve.add_argument("--store", metavar="FILE", help="sqlite3 file of conversations (default: in the user data dir)")
    serve.add_argument("--no-store", action="store_true", default=argparse.SUPPRESS,
                       help="keep conversations in memory only (lost on restart)")
    serve.add_argument("--redact", action="store_true", default=argparse.SUPPRESS,
                       help="store e-mail addresses and names masked (and mask them in summaries)")
    serve.add_argument("--ttl-hours", type=float, default=24.0, metavar="H",
                       help="delete a conversation H hours after its last message (default: 24)")
    serve.add_argument("--secret-file", metavar="FILE",
                       help="key that signs conversation ids and form tokens (share it between instances; "
                       "default: $FAQBOT_WEB_SECRET, else a key kept beside the store)")
    serve.add_argument("--api-tokens", metavar="FILE",
                       help="bearer tokens for /api/triage, one per line (also: $FAQBOT_API_TOKENS, comma-separated)")
    serve.add_argument("--embed-origin", action="append", metavar="ORIGIN",
                       help="a site allowed to show the chat in an iframe, e.g. https://www.example.com (repeatable)")
    serve.add_argument("--client-rate", type=int, default=120, metavar="N",
                       help="posts and API calls per minute from one client address (default: 120; 0: no limit)")
    serve.add_argument("--conversation-rate", type=int, default=40, metavar="N",
                       help="steps per minute in one conversation (default: 40; 0: no limit)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1", metavar="IPS",
                       help="proxies whose X-Forwarded-For is trusted for the client address (default: 127.0.0.1)")
    serve.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"),
                       help="server log level (default: warning)")
    _today_arg(serve)
    _kb_arg(serve)

_COMMANDS: dict[str, Callable[[Any], None]] = {"ask": _add_ask, "diagnose": _add_diagnose, "triage": _add_triage,
                                               "check": _add_check, "agent": _add_agent, "serve": _add_serve}
"""How each command adds itself to the parser, in the order of `faqbot --help`."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the parser of the whole command line, or with `command` of the options and that
    command only (what parsing its own command line needs: building every command costs a start)."""
    parser = _Parser(
        prog="faqbot",
        description="Support assistant for activating Microsoft online services bought through Volume Licensing (VLSC). "
        "Without a command it opens the chat.",
    )
    _kb_arg(parser, top=True)
    parser.add_argument("--lang", choices=("de", "en"), help="language of the chat (default: de)")
    parser.add_argument("--resume", action="store_true", help="continue the last conversation where it stopped")
    parser.add_argument("--no-store", action="store_true", help="do not save the conversation on this machine")
    parser.add_argument("--redact", action="store_true", help="mask e-mail addresses and names in saved files")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, add in _COMMANDS.items():
        if command is None or name == command:
            add(sub)
    return parser


_TAKES_VALUE = frozenset({"--kb", "--lang"})
"""Top-level options followed by their value."""


def _leading(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """The options before the first word that is none (their values left out), and that word."""
    options: list[str] = []
    words = iter(argv)
    for word in words:
        if word in _TAKES_VALUE:
            next(words, None)
        elif word.startswith("-"):
            options.append(word)
        else:
            return options, word
    return options, None


def _command_of(argv: Sequence[str]) -> str | None:
    """The command `argv` names, when it names one before any help option; else None."""
    options, first = _leading(argv)
    if "-h" in options or "--help" in options:
        return None
    return first if first in _COMMANDS else None


def _unknown_option(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str | None:
    """The first option before any command that the top level does not take, else None.

    Without this, argparse reads the option's value as the command ("faqbot --today 2026-11-27":
    "invalid choice: '2026-11-27'") and never names the option.
    """
    known = parser._option_string_actions
    return next((o for o in _leading(argv)[0] if not any(k.startswith(o.split("=", 1)[0]) for k in known)), None)


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "ask":
        from bot.cli import ask

        return ask.run(args)
    if command == "diagnose":
        from bot.cli import diagnose

        return diagnose.run(args)
    if command == "triage":
        from bot.cli import triage

        return triage.run(args)
    if command == "check":
        from bot.cli import check

        return check.run(args)
    if command == "serve":
        from bot.cli import serve

        return serve.run(args)
    from bot.chat import launch

    return launch.run(args)


def _say(message: str) -> None:
    from faq.language.text import safe

    for line in message.splitlines() or ["error"]:
        print(f"faqbot: {safe(line)}", file=sys.stderr)


class _OutputError(OSError):
    """Writing standard output failed (a full disk, a closed descriptor, a lost device)."""


class _StdoutFile(io.FileIO):
    """Standard output's descriptor, telling its own write errors apart from any other."""

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(exc.errno, exc.strerror) from None


def _watch_stdout() -> None:
    """Replace sys.stdout by the same stream over `_StdoutFile` (for the plain commands)."""
    old = sys.stdout
    try:
        raw = _StdoutFile(old.fileno(), "w", closefd=False)
    except (OSError, ValueError, AttributeError):
        return  # not a real descriptor (a test's capture): leave it
    old.flush()
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(raw), encoding=old.encoding, errors=old.errors,
                                  line_buffering=bool(old.line_buffering), write_through=False)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _tr(key: str, **args: Any) -> str:
    from faq.language.catalogue import tr

    return tr(_LANG, key, **args)


def _output_failed(exc: OSError | None) -> int:
    reason = os.strerror(exc.errno) if exc is not None and exc.errno else _tr("cli_output_closed")
    print(f"faqbot: {_tr('cli_output_failed', reason=reason)}", file=sys.stderr)
    _silence_stdout()
    return EXIT_FAIL


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    A closed or full standard output ends the run with one line and status 1.
    """
    own_process = argv is None  # the process's own command line (faqbot run from a shell), not an embedding program's
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_command_of(argv))
    unknown = _unknown_option(parser, argv)
    if unknown is not None:
        parser.error(f"unrecognized arguments: {unknown}")
    args = parser.parse_args(argv)
    from faq.errors import FaqError

    if sys.stdout is None:
        return _output_failed(None)
    if args.command in _PLAIN:
        _watch_stdout()
        if own_process and args.command in _LOADING:
            from bot.cli.collector import for_the_process

            for_the_process()
    try:
        status = _dispatch(args)
        sys.stdout.flush()
        return status
    except _OutputError as exc:
        return _output_failed(exc)
    except FaqError as exc:
        _say(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(f"faqbot: {_tr('cli_interrupted')}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `faqbot triage x | head`: the reader has all it wants
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # never a traceback for a user
        _say(_tr("cli_internal_error", kind=type(exc).__name__, error=exc))
        return EXIT_FAIL


if __name__ == "__main__":  # python -m bot.cli.main, as python -m bot
    sys.exit(main())
