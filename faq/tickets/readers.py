"""Reading support tickets: JSON Lines, CSV, `.eml` files, mbox mailboxes, stdin.

Every reader streams: it holds one ticket at a time, never the whole file. A ticket
that cannot be read becomes a `TicketError` naming the ticket (file:line or id);
the reader then goes on with the next one. Only a file that cannot be opened at
all raises `InputError`.

`clean_body` removes what is not the customer's question from an e-mail or ticket
text: quoted replies, "Am ... schrieb ...:" and everything after it, signatures,
closings and the greeting line.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, cast

from faq.errors import InputError
from faq.language.catalogue import tr
from faq.language.text import MAX_INPUT_CHARS
from faq.tickets.body import clean_body, quoted_text, strip_html
from faq.tickets.items import Item, Ticket, TicketError, error, make_ticket
from faq.tickets.mailfile import email_text, read_eml, read_mbox

__all__ = [
    "FORMATS",
    "CountingReader",
    "Ticket",
    "TicketError",
    "clean_body",
    "detect_format",
    "email_text",
    "open_source",
    "quoted_text",
    "read_tickets",
    "strip_html",
]

FORMATS = ("jsonl", "csv", "eml", "mbox", "text")
_EXTENSIONS = {
    ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".eml": "eml", ".msg822": "eml",
    ".mbox": "mbox", ".mbx": "mbox",
    ".txt": "text",
}
_ID_FIELDS = ("id", "ticket", "ticket_id", "ticketid", "nr", "number", "ticketnr", "ticketnummer", "ticketnumber",
              "nummer")
_SUBJECT_FIELDS = ("subject", "betreff", "title", "titel")
_TEXT_FIELDS = ("text", "body", "message", "nachricht", "description", "beschreibung", "content")
_MAX_LINE = 1_000_000  # bytes; a longer JSON line is skipped and reported


class CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes read through it (for a progress bar)."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


# -- format detection -----------------------------------------------------------

_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]")


def detect_format(name: str, head: bytes) -> str:
    """Return the format of a ticket file from its name, else from its first bytes.

    Args:
        name: The file name ("-" for stdin).
        head: The first bytes of the content (up to a few KB).

    Returns:
        One of "jsonl", "csv", "eml", "mbox", "text".
    """
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"From ") and head.startswith((b"From ", b"\xef\xbb\xbfFrom ")):
        return "mbox"
    if text.startswith(b"{"):
        return "jsonl"
    first_line = text.split(b"\n", 1)[0]
    if _HEADER_LINE.match(first_line) and re.search(rb"^(from|subject|date|to|message-id):", text[:4096], re.I | re.M):
        return "eml"
    if b"," in first_line or b";" in first_line or b"\t" in first_line:
        names = [c.strip(b' "\'\r').lower() for c in re.split(rb"[,;\t]", first_line)]
        if any(n.decode("ascii", "replace") in _TEXT_FIELDS for n in names):
            return "csv"
    return "text"


# -- JSON Lines -------------------------------------------------------------------


@lru_cache(maxsize=256)
def _field_name(name: str) -> str:
    """A field's name as the field lists hold it: "Ticket-Nr.", "Ticket #", "ticket_id" → "ticketnr",
    "ticket", "ticketid" (help desks export their own spellings of the same header). Remembered: every
    line of an export repeats its field names."""
    return re.sub(r"[\s._#-]+", "", name.lower())


def _field(obj: dict, names: tuple[str, ...]) -> object:
    for key in obj:
        if isinstance(key, str) and (key.lower() in names or _field_name(key) in names):
            return obj[key]
    return None


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Yield (line, whole) per line; a line longer than `limit` bytes is cut and skipped to its end."""
    while True:
        line = stream.readline(limit)
        if not line:
            return
        if len(line) >= limit and not line.endswith(b"\n"):
            while True:  # drop the rest of the over-long line
                rest = stream.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
            yield line, False
        else:
            yield line, True


# The JSON decoder's messages, each by its catalogue key (knowledge/ui/cli.yaml), so the line naming a
# broken ticket reads in the interface's language.
_JSON_PROBLEMS = {
    "Expecting value": "json_value",
    "Expecting ',' delimiter": "json_comma",
    "Expecting ':' delimiter": "json_colon",
    "Expecting property name enclosed in double quotes": "json_name",
    "Unterminated string starting": "json_string_open",
    "Extra data": "json_extra",
    "Invalid \\escape": "json_escape",
    "Invalid \\uXXXX escape": "json_escape_u",
}


def _json_problem(exc: json.JSONDecodeError) -> dict[str, str]:
    """What is wrong with a JSON line and where in it, as a catalogue key ("problem_key") and its
    values: "line break inside a string at column 39 of the line".

    The line itself is named by the error's place (file:line); a character is named by its
    code point, never printed. A fault found where the line has ended is told as such ("the
    line ends before the object is closed"), not at a column past its end.
    """
    what = exc.msg.removesuffix(" at").strip()  # the C decoder's message ends in "at"
    char = exc.doc[exc.pos : exc.pos + 1]
    column = str(exc.colno)
    if what.startswith("Invalid control character") and char:
        if char in "\r\n":
            return {"problem_key": "json_break", "col": column}
        return {"problem_key": "json_control", "col": column, "code": f"{ord(char):04X}"}
    if what != "Extra data" and not exc.doc[exc.pos :].strip():
        return {"problem_key": "json_unclosed"}
    if what in _JSON_PROBLEMS:
        return {"problem_key": _JSON_PROBLEMS[what], "col": column}
    return {"problem_key": "json_other", "col": column, "what": what[:1].lower() + what[1:]}


_BROKEN_ID = re.compile('"(' + "|".join(_ID_FIELDS) + r')"\s*:\s*(?:"([^"\\\n]{1,200})"|(-?\d{1,30})\b)', re.I)


def _broken_line_label(where: str, line: str) -> str:
    """Name a line that is no JSON by its ticket's id when the id's own field is still intact
    ("file:9 (T-1043)"): an agent finds the ticket by its id, not by the file's line number."""
    match = _BROKEN_ID.search(line)
    tid = match and (match.group(2) or match.group(3) or "").strip()
    return f"{where} ({tid})" if tid else where


def _read_jsonl(stream: BinaryIO, name: str) -> Iterator[Item]:
    for lineno, (raw, whole) in enumerate(_lines(stream, _MAX_LINE), 1):
        where = f"{name}:{lineno}"
        if not whole:  # named by its id when the line's start holds it, as a broken line is
            yield error(_broken_line_label(where, raw.decode("utf-8", "replace")), "ticket_line_long",
                         mb=_MAX_LINE // 1_000_000)
            continue
        if not raw.strip():
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            label = _broken_line_label(where, raw.decode("utf-8", "replace"))
            yield error(label, "ticket_utf8_line", byte=exc.start + 1)
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            problem = _json_problem(exc) if isinstance(exc, json.JSONDecodeError) else {"problem_key": "json_nested"}
            yield error(_broken_line_label(where, line), "ticket_not_json", **problem)
            continue
        if not isinstance(obj, dict):
            yield error(where, "ticket_json_kind", kind=type(obj).__name__)
            continue
        tid = _field(obj, _ID_FIELDS)
        tid = str(tid) if tid not in (None, "") else where
        label = where if tid == where else f"{where} ({tid})"
        text = _field(obj, _TEXT_FIELDS)
        subject = _field(obj, _SUBJECT_FIELDS)
        if text is not None and not isinstance(text, str):
            yield error(label, "ticket_text_kind", kind=type(text).__name__)
            continue
        subject = subject if isinstance(subject, str) else ""
        if not (text or "").strip() and not subject.strip():
            yield error(label, "ticket_no_text_field" if text is None else "ticket_text_empty")
            continue
        yield make_ticket(tid, text or "", subject, where)


# -- CSV ----------------------------------------------------------------------------

def _read_csv(stream: BinaryIO, name: str, column: str | None) -> Iterator[Item]:
    from faq.tickets.csvfile import read_csv_rows

    rows = read_csv_rows(stream, name)
    fields = next(rows)
    assert isinstance(fields, list)
    if not fields:
        yield error(f"{name}:1", "ticket_csv_empty")
        return
    lowered = [f.lower() for f in fields]
    wanted = column or "text"
    if wanted.lower() in lowered:
        text_col = fields[lowered.index(wanted.lower())]
    elif column is None and any(f in _TEXT_FIELDS for f in lowered):
        text_col = fields[next(i for i, f in enumerate(lowered) if f in _TEXT_FIELDS)]
    else:
        columns = ", ".join(fields) or "none"
        raise InputError(tr("en", "ticket_no_column", column=wanted, columns=columns), file=name,
                         key="ticket_no_column", params={"column": wanted, "columns": columns})
    id_col = next((fields[i] for i, f in enumerate(lowered) if f in _ID_FIELDS or _field_name(f) in _ID_FIELDS), None)
    subject_col = next((fields[i] for i, f in enumerate(lowered) if f in _SUBJECT_FIELDS), None)
    for row in rows:
        assert not isinstance(row, list)
        where = f"{name}:{row.line}"
        if row.problem and not row:
            yield error(where, row.problem, **dict(row.params))
            continue
        values = [v for v in row.values() if isinstance(v, str)]
        tid = (row.get(id_col) or "").strip() if id_col else ""
        if row.problem and (len(tid) > 200 or "\n" in tid):  # a broken record's id only when it reads as one
            tid = ""
        label = f"{where} ({tid})" if tid else where
        if row.problem:
            yield error(label, row.problem, **dict(row.params))
            continue
        body = row.get(text_col)
        subject = (row.get(subject_col) or "") if subject_col else ""
        if not isinstance(body, str) or not body.strip():
            if not all(not (v or "").strip() for v in values):
                yield error(label, "ticket_column_empty", column=text_col)
            continue
        yield make_ticket(tid or where, body, subject, where)


# -- plain text ---------------------------------------------------------------------


def _read_text(stream: BinaryIO, name: str) -> Iterator[Item]:
    data = stream.read(4 * MAX_INPUT_CHARS * 4)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield error(f"{name}:1", "ticket_utf8_file", byte=exc.start + 1)
        return
    if not text.strip():
        yield error(f"{name}:1", "ticket_file_empty")
        return
    yield make_ticket(name, text, "", f"{name}:1")


# -- entry points -------------------------------------------------------------------


def open_source(path: str) -> tuple[CountingReader, int | None, str]:
    """Open a ticket file (or stdin for "-") for reading bytes.

    Returns:
        The counting stream, the file's size in bytes (None for stdin and pipes), and
        the name to show in messages.

    Raises:
        InputError: The file cannot be opened; the message names it and why.
    """
    if path == "-":
        return CountingReader(sys.stdin.buffer), None, "<stdin>"
    try:
        if os.path.isdir(path):
            raise IsADirectoryError(21, "Is a directory")
        raw = open(path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise InputError(tr("en", "ticket_cannot_open", path=path, reason=reason),
                         key="ticket_cannot_open", params={"path": path, "reason": reason}) from None
    try:
        size = os.fstat(raw.fileno()).st_size
    except OSError:
        size = None
    return CountingReader(raw), size, path


def read_tickets(stream: BinaryIO | io.RawIOBase, name: str, fmt: str | None = None, column: str | None = None) -> Iterator[Item]:
    """Yield the tickets of one source, one at a time.

    Args:
        stream: The file's bytes (a `CountingReader` or any binary stream).
        name: The file name ("-" or "<stdin>" for stdin); used for the format and messages.
        fmt: Force a format ("jsonl", "csv", "eml", "mbox", "text"); None detects it.
        column: The CSV column that holds the ticket text (default: "text").

    Yields:
        `Ticket` for each readable ticket, `TicketError` for each bad one.

    Raises:
        InputError: The whole source is unusable (a CSV without the column).
    """
    buffered: Any = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(cast(Any, stream), 1 << 16)
    if fmt is None:
        head = buffered.peek(4096)[:4096]
        fmt = detect_format(name if name != "<stdin>" else "-", head)
    if fmt == "jsonl":
        yield from _read_jsonl(buffered, name)
    elif fmt == "csv":
        yield from _read_csv(buffered, name, column)
    elif fmt == "eml":
        yield from read_eml(buffered, name)
    elif fmt == "mbox":
        yield from read_mbox(_lines(buffered, _MAX_LINE), name)
    else:
        yield from _read_text(buffered, name)
