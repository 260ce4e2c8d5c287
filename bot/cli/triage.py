"""`faqbot triage`: streams tickets from JSON Lines, CSV, `.eml`, mbox, folders of them or stdin and
writes one result per ticket (CONTRACT §3) as JSON Lines, CSV or a readable table,
plus an optional summary chart."""


from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from bot.cli.collector import loaded, released, streaming
from bot.cli.render import os_reason
from faq.errors import EXIT_INPUT, EXIT_OK, FaqError, InputError
from faq.flows.dates import parse_iso_date
from faq.language.catalogue import tr
from faq.language.text import MAX_INPUT_CHARS, safe
from faq.tickets.readers import Ticket, TicketError, open_source, read_tickets
from faq.tickets.triage import TriageResult, triage_text

__all__ = ["run", "summary_chart"]



# -- output ----------------------------------------------------------------------------

DEFAULT_LANG = "en"
"""Language of the table, the chart and the messages on stderr without --lang (the JSON and CSV
fields are the CONTRACT's; replies are in each ticket's language)."""


def _header(lang: str) -> str:
    return tr(lang, "cli_triage_header", ticket=tr(lang, "cli_triage_col_ticket"), topic=tr(lang, "cli_triage_col_topic"),
              conf=tr(lang, "cli_triage_col_conf"), verdict=tr(lang, "cli_triage_col_verdict"))
CSV_FIELDS = ("ticket", "id", "outcome", "confidence", "flow", "facts", "cause", "next_fact", "next_question", "reply",
              "evidence")
QUOTE_WIDTH = 40  # characters of a fact's evidence shown in the table and the CSV


def _quoted_mark(ev: Mapping[str, Any], lang: str, weak: bool = False) -> str:
    """" (quoted)" when the evidence lies in quoted or forwarded text, " (unsure)" when the fact was
    read too weakly to settle a cause (`weak_facts`), else ""."""
    mark = "" if ev.get("own", True) else " " + tr(lang, "cli_triage_quoted")
    return mark + (" " + tr(lang, "cli_triage_weak") if weak else "")


def _evidence_text(evidence: Mapping[str, Any], width: int = QUOTE_WIDTH, lang: str = DEFAULT_LANG,
                   weak: Iterable[str] = ()) -> str:
    """Return each fact's evidence as a short quote: `fact: "words"`, in German `fact: „words“`
    (quoted and weak facts marked)."""
    parts = []
    weak = frozenset(weak)
    for fact, ev in evidence.items():
        mark = _quoted_mark(ev, lang, fact in weak)
        parts.append(f'{fact}: {tr(lang, "cli_triage_quote", quote=_cut(ev.get("quote", ""), width))}{mark}')
    return "; ".join(parts)


def _facts_text(facts: Mapping[str, Any]) -> str:
    return "; ".join(f"{k}={'ja' if v is True else 'nein' if v is False else v}" for k, v in facts.items())


def _say(message: str) -> None:
    """Print one message about a ticket or file on stderr, made safe for a terminal."""
    print(f"faqbot: {safe(message)}", file=sys.stderr)


def _input_error(exc: InputError, lang: str) -> str:
    """An input error in `lang` when its reason has a catalogue text (else as raised)."""
    params = {**exc.params, **({"reason": os_reason(str(exc.params["reason"]), lang)} if "reason" in exc.params else {})}
    return exc.said(tr(lang, exc.key, **params)) if exc.key else str(exc)


_JSON = json.JSONEncoder(ensure_ascii=False)
"""The encoder of a result's line, built once (`json.dumps(obj, ensure_ascii=False)` builds one per call)."""


@lru_cache(maxsize=4096)
def _safe_key(key: str) -> str:
    """`safe` of a JSON key, remembered: every result repeats the same keys (ids of facts, fields)."""
    return safe(key, "json")


def _safe_json(value: Any) -> Any:
    """Return a JSON value with every string made safe (ids, subjects, texts, keys); printable ASCII, most
    ids, values and one-line quotes, is safe as it is (`safe` keeps it whole) and is not cleaned again."""
    if isinstance(value, str):
        return value if value.isascii() and value.isprintable() else safe(value, "json", lines=True)
    if isinstance(value, dict):
        return {(_safe_key(k) if type(k) is str else safe(k, "json")): _safe_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):  # a tuple, not `list | tuple`: that union is built at every call
        return [_safe_json(v) for v in value]
    return value


def _cut(text: str, width: int) -> str:
    text = " ".join(safe(text).split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _cut_start(text: str, width: int) -> str:
    """Cut from the start: a ticket read from a file is named by its path, told apart by its end;
    a mail named by its Message-ID ("a1b2c3@firma.de", no path) by its start, the domain being
    the same for every mail of one sender."""
    text = " ".join(safe(text).split())
    if len(text) <= width or ("@" in text and not {"/", "\\", "#"} & set(text)):
        return _cut(text, width)
    return "…" + text[len(text) - max(width - 1, 0):]


class _Writer:
    """Writes results in one of the output formats, one at a time."""

    def __init__(self, out: TextIO, mode: str, redacted: bool, lang: str = DEFAULT_LANG) -> None:
        self.out = out
        self.lang = lang
        self.mode = mode
        self.redacted = redacted
        self.rows = 0
        self._csv = csv.writer(out, lineterminator="\n") if mode == "csv" else None

    def write(self, result: TriageResult) -> None:
        obj = _safe_json(result.to_json(self.redacted))
        if self.mode == "json":
            self.out.write(_JSON.encode(obj) + "\n")
        elif self.mode == "csv":
            assert self._csv is not None
            if not self.rows:
                self._csv.writerow(CSV_FIELDS)
            nxt = obj["next"] or {}
            cells = [obj["ticket"], obj["id"] or "", obj["outcome"], obj["confidence"], obj["flow"] or "",
                     json.dumps(obj["facts"], ensure_ascii=False) if obj["facts"] else "",
                     obj["cause"] or "", nxt.get("fact", ""), nxt.get("question", ""), obj["reply"],
                     _evidence_text(obj.get("evidence") or {}, lang=self.lang, weak=obj.get("weak_facts") or ())]
            self._csv.writerow([c if isinstance(c, float | int) else safe(c, "csv", lines=True) for c in cells])
        elif self.mode == "table":
            if not self.rows:
                self.out.write(_header(self.lang) + "\n")
                self.out.write("-" * 110 + "\n")
            topic = obj["id"] or tr(self.lang, "cli_triage_no_match_row")
            if obj["outcome"] == "clarify":
                topic += "?"
            if obj["cause"]:
                verdict = f"= {obj['cause']}"
            elif obj["next"]:
                verdict = f"? {obj['next']['fact']}"
            else:
                verdict = "–"
            self.out.write(f"{_cut_start(obj['ticket'] or '', 14):<14} {_cut(topic, 32):<32} {obj['confidence']:>4.2f}  "
                           f"{_cut(verdict, 30):<30}  {_cut(_facts_text(obj['facts']), 60)}\n")
            for fact, ev in (obj.get("evidence") or {}).items():
                mark = _quoted_mark(ev, self.lang, fact in (obj.get("weak_facts") or ()))
                self.out.write(f"{'':<14} {'':<32} {'':>4}  {'':<30}  ↳ {fact}: {tr(self.lang, 'cli_triage_quote', quote=_cut(ev.get('quote', ''), QUOTE_WIDTH))}{mark}\n")
        self.rows += 1


def summary_chart(topics: Counter, causes: Counter, total: int, failed: int, width: int = 30,
                  lang: str = DEFAULT_LANG) -> str:
    """Render counts per topic and per cause as a bar chart of plain text, its labels in `lang`."""
    lines = [tr(lang, "cli_triage_total", total=total) + (tr(lang, "cli_triage_failed", failed=failed) if failed else "")]
    for title, counts in ((tr(lang, "cli_triage_topics"), topics), (tr(lang, "cli_triage_causes"), causes)):
        if not counts:
            continue
        lines += ["", title]
        top = max(counts.values())
        label_w = min(max(len(k) for k in counts), 34)
        for key, n in counts.most_common():
            bar = "█" * max(1, round(width * n / top)) if n else ""
            share = 100 * n / total if total else 0
            lines.append(f"  {_cut(key, label_w):<{label_w}}  {bar:<{width}} {n:>6}  {share:5.1f}%")
    return "\n".join(lines) + "\n"


class _Progress:
    """A progress bar on stderr, only when stderr is a terminal and the input is large."""

    def __init__(self, stream: TextIO, lang: str = DEFAULT_LANG) -> None:
        self.stream = stream
        self.lang = lang
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, done_bytes: int, total_bytes: int | None, tickets: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.2 or (now - self.started < 1.0 and tickets < 2000):
            return
        self.last = now
        rate = tickets / max(now - self.started, 1e-6)
        if total_bytes:
            frac = min(done_bytes / total_bytes, 1.0)
            bar = "█" * int(30 * frac) + "░" * (30 - int(30 * frac))
            text = f"\r{bar} {100 * frac:5.1f}%  {self._counts(tickets, rate)} "
        else:
            text = f"\r{self._counts(tickets, rate)} "
        self.stream.write(text)
        self.stream.flush()
        self.shown = True

    def _counts(self, tickets: int, rate: float) -> str:
        return tr(self.lang, "cli_triage_progress", tickets=tickets, rate=_number(round(rate), self.lang))

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _number(n: int, lang: str) -> str:
    """`n` with thousands separators as `lang` writes them (10,000 / 10.000)."""
    return f"{n:,}" if lang == "en" else f"{n:,}".replace(",", ".")


def _today(raw: str | None, lang: str = DEFAULT_LANG) -> date:
    if raw:
        try:
            return parse_iso_date(raw, lang)
        except InputError as exc:
            raise exc.within(option="--today") from None
    return date.today()


def _files(paths: Iterable[str], errors: list[str], lang: str) -> Iterable[str]:
    """The paths given, a folder standing for the files in it (sorted, hidden ones left out)."""
    for path in paths:
        folder = Path(path)
        if path == "-" or not folder.is_dir():
            yield path
            continue
        try:
            inside = sorted(str(p) for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        except OSError as exc:
            inside = []
            errors.append(f"{path}: {exc}")
            _say(tr(lang, "cli_triage_cannot_read", name=path, reason=os_reason(exc, lang)))
            continue
        if not inside:
            errors.append(f"{path}: empty folder")
            _say(tr(lang, "cli_triage_empty_folder", name=path))
        yield from inside


_PLACE = re.compile(r"(?P<file>.*):(?P<line>\d+)")
"""A reader's place without a ticket id: "file:line"."""


def _line_of(error: TicketError) -> tuple[str, int] | None:
    """The file and line of a problem that names no ticket (a binary or broken line), else None."""
    match = _PLACE.fullmatch(error.where)
    return (match["file"], int(match["line"])) if match else None


_BINARY_KEY = "ticket_utf8_line"
"""The reader's problem that shows a line is binary data, not text."""


def _runs(items: Iterable[Ticket | TicketError]) -> Iterator[Ticket | list[TicketError]]:
    """The tickets, and the problems in runs: problems with no ticket between them, on lines that name
    no ticket, one of them not UTF-8 (a binary file, or a binary blob in a JSON Lines file split at its
    newline bytes), form one run, told in one message; every other problem is a run of its own."""
    run: list[TicketError] = []

    def flush() -> Iterator[list[TicketError]]:
        if any(e.key == _BINARY_KEY for e in run):
            yield run
        else:
            yield from ([e] for e in run)

    for item in items:
        if isinstance(item, TicketError) and run:
            last, here = _line_of(run[-1]), _line_of(item)
            if last and here and here[0] == last[0]:  # blank lines between them are no ticket either
                run.append(item)
                continue
        yield from flush()
        run = []
        if isinstance(item, TicketError):
            run = [item]
        else:
            yield item
    yield from flush()


def _run_text(run: list[TicketError], lang: str) -> str:
    """One message for a run of problems: the problem itself, or the lines it spans and its first problem."""
    if len(run) == 1:
        return run[0].text(lang)
    first = run[0].text(lang).removeprefix(run[0].where + ": ")
    return tr(lang, "cli_triage_run", where=run[0].where, last=run[-1].where.rsplit(":", 1)[1],
              count=_number(len(run), lang), problem=first)


def _tickets(paths: Iterable[str], column: str | None, errors: list[str], progress: _Progress,
             lang: str = DEFAULT_LANG) -> Iterable[tuple[Ticket, int, int | None]]:
    for path in _files(paths, errors, lang):
        try:
            stream, size, name = open_source(path)
        except InputError as exc:
            errors.append(str(exc))
            _say(_input_error(exc, lang))
            continue
        told = False  # a ticket or a problem of this file was told: an input with neither is said to hold none
        try:
            for item in _runs(read_tickets(cast(BinaryIO, stream), name, column=column)):
                told = True
                if isinstance(item, list):
                    errors.append(_run_text(item, "en"))  # a binary blob is one thing that could not be read
                    _say(_run_text(item, lang))
                    continue
                yield item, stream.count, size
            if not told:  # an empty JSON Lines file or mbox, blank lines, a CSV header alone
                key = "cli_triage_no_tickets_empty" if not stream.count else "cli_triage_no_tickets"
                errors.append(tr("en", key, name=name))
                _say(tr(lang, key, name=name))
        except InputError as exc:
            errors.append(str(exc))
            _say(_input_error(exc, lang))
        except OSError as exc:
            errors.append(f"{name}: {exc}")
            _say(tr(lang, "cli_triage_cannot_read", name=name, reason=os_reason(exc, lang)))
        finally:
            if path != "-":
                stream.close()


def run(args: argparse.Namespace) -> int:
    """Run `faqbot triage`; return the exit status (2 when any ticket could not be read)."""
    from faq.search.cache import load

    lang = getattr(args, "lang", None) or DEFAULT_LANG
    today = _today(getattr(args, "today", None), lang)
    kb, matcher = loaded(lambda: load(getattr(args, "kb", None)))
    mode = "json" if args.json else "csv" if args.csv else "table"
    summary_only = bool(args.summary) and mode == "table"
    out = sys.stdout
    writer = _Writer(out, mode, bool(args.redact), lang)
    progress = _Progress(sys.stderr, lang)
    errors: list[str] = []
    topics: Counter = Counter()
    causes: Counter = Counter()
    total = 0
    try:
        with streaming():
            for ticket, done, size in _tickets(args.files, args.column, errors, progress, lang):
                if ticket.cut_from:
                    _say(tr(lang, "cli_triage_cut", where=ticket.where, id=ticket.id, limit=_number(MAX_INPUT_CHARS, lang),
                            size=_number(ticket.cut_from, lang)))
                try:
                    result = triage_text(ticket.text, kb, matcher, today, ticket.id, ticket.subject)
                except FaqError as exc:
                    errors.append(f"{ticket.where}: {exc}")
                    _say(f"{ticket.where} ({ticket.id}): {exc}")
                    continue
                total += 1
                entry = kb.entry(result.id) if result.id else None  # the chart names titles, not ids
                topics[entry.title.get(lang) if entry is not None else tr(lang, "cli_triage_no_match")] += 1
                flow = kb.flow(entry.flow) if entry is not None and entry.flow else None
                if result.cause:
                    cause = flow.cause(result.cause) if flow is not None else None
                    causes[cause.resolution.title.get(lang) if cause is not None else flow.unresolved.title.get(lang)
                           if flow is not None and result.cause == "unresolved" else result.cause] += 1
                elif result.next:
                    fact = flow.fact(result.next["fact"]) if flow is not None else None
                    question = fact.question.get(lang) if fact is not None else result.next["fact"]
                    causes[tr(lang, "cli_triage_open", question=question)] += 1
                if not summary_only:
                    writer.write(result)
                    if mode != "table" or total % 64 == 0:
                        out.flush()
                progress.update(done, size, total)
    finally:
        released()
        progress.close()
    if args.summary:
        chart = summary_chart(topics, causes, total, len(errors), lang=lang)
        (sys.stderr if mode != "table" else out).write(("\n" if writer.rows else "") + chart)
    out.flush()
    return EXIT_INPUT if errors else EXIT_OK
