"""Reading CSV ticket files record by record, so that a broken record never takes others along.

The rule: a record is what `csv` reads in strict mode (RFC 4180: a quoted field ends at
a quote followed by the delimiter or the end of a line; a quote inside it is doubled).
A record that breaks this rule (an unclosed quote, a stray quote), that ends on a line
which is rather a record of its own opening a quoted field (`T-9,Betreff,"`), or that
grows longer than `MAX_RECORD` characters is reported at the line where it starts, and reading goes on
with the line after that start: every later line is read again as the start of a
record. So each record of the file is either a ticket or a reported failure, and
memory holds one record at most.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Iterator
from typing import BinaryIO

from faq.errors import InputError
from faq.language.catalogue import tr

__all__ = ["MAX_RECORD", "CsvRow", "read_csv_rows"]

MAX_RECORD = 16_000_000
"""Characters in one record (its lines together); a longer one is reported."""

_BAD_BYTES = re.compile("[\udc80-\udcff]")
_END = "unexpected end of data"
_DIGITS = re.compile(r"\d+")


class CsvRow(dict):
    """One record as {column: value}, with the line it starts on (`line`) and a `problem`: the
    interface catalogue's key of what is wrong with it, filled by `params`."""

    line: int = 0
    problem: str = ""
    params: tuple[tuple[str, str], ...] = ()


class _Lines:
    """The file's physical lines for `csv.reader`: numbered, each at most `limit` characters,
    with the lines of a broken record put back to be read again."""

    def __init__(self, text: io.TextIOBase, limit: int) -> None:
        self.text = text
        self.limit = limit
        self.number = 0
        self.pending: deque[tuple[int, str | None]] = deque()
        self.record: list[tuple[int, str | None]] = []
        self.size = 0
        self.too_long = 0  # line number of an over-long line or record, else 0

    def __iter__(self) -> _Lines:
        return self

    def _read(self) -> tuple[int, str | None]:
        line = self.text.readline(self.limit)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) >= self.limit and not line.endswith(("\n", "\r")):
            while True:  # skip the rest of an over-long line without keeping it
                rest = self.text.readline(self.limit)
                if not rest or rest.endswith(("\n", "\r")):
                    break
            return self.number, None
        return self.number, line

    def __next__(self) -> str:
        item = self.pending.popleft() if self.pending else self._read()
        number, line = item
        if line is None or self.size + len(line) > self.limit:
            if self.record:  # the record in progress is too long: read this line again later
                self.pending.appendleft(item)
            self.too_long = self.record[0][0] if self.record else number
            raise StopIteration
        self.record.append(item)
        self.size += len(line)
        return line

    def start(self) -> None:
        """Begin a new record."""
        self.record = []
        self.size = 0
        self.too_long = 0

    def retry(self) -> None:
        """Put back the lines of the current record after its first, to be read as new records."""
        self.pending.extendleft(reversed(self.record[1:]))


def _shape(value: str) -> str:
    """The form of a record's first field: T-17 and T-9 are alike, 'Danke' is not."""
    return _DIGITS.sub("0", value.strip())


def _opens_record(lines: list[str | None], dialect: type[csv.Dialect], columns: int, shapes: deque[str]) -> bool:
    """Return whether the quote that closes a record's first field over several lines rather
    opens a field of a record of its own (`T-9,Betreff,"` + newline, or `T-9,",Betreff"`):
    then the record's own quote never closed.

    The sign: that quote follows the delimiter, the line up to it holds two fields or more
    (at most one less than the columns), and its first field has the form the first fields
    of the records before it and of this record share (ids like T-17; not 'Danke')."""
    quote, delimiter = dialect.quotechar or '"', dialect.delimiter
    for body in lines:
        body = body or ""
        i = 0
        while True:  # the field is open where the line starts: its first lone quote closes it
            i = body.find(quote, i)
            if i < 0 or not body.startswith(quote * 2, i):
                break
            i += 2
        if i < 0:
            continue
        if columns < 2 or i == 0 or body[i - 1] != delimiter or not shapes or len(set(shapes)) > 3:
            return False
        try:
            row = next(csv.reader([body[:i]], dialect, strict=True))
        except (csv.Error, StopIteration):
            return False
        return 2 <= len(row) <= columns and _shape(row[0]) in shapes
    return False


def _header_error(name: str, key: str, **params: str) -> InputError:
    return InputError(tr("en", key, **params), file=f"{name}:1", key=key, params=params)


def _header(text: io.TextIOBase, name: str) -> tuple[list[str], type[csv.Dialect]]:
    head = text.readline(MAX_RECORD)
    if len(head) >= MAX_RECORD:
        raise _header_error(name, "csv_header_long", chars=f"{MAX_RECORD:,}")
    if not head.strip():
        return [], csv.excel
    try:  # only the delimiter is guessed; quoting is RFC 4180's ("" inside quotes)
        delimiter = csv.Sniffer().sniff(head, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","

    class dialect(csv.excel):  # noqa: N801
        pass

    dialect.delimiter = delimiter
    try:
        fields = [f.strip() for f in next(csv.reader([head], dialect))]
    except (csv.Error, StopIteration):
        raise _header_error(name, "csv_header_unreadable") from None
    return fields, dialect


def _closed_fields(line: str | None, dialect: type[csv.Dialect]) -> list[str]:
    """The fields of a broken record's first line that close before its fault (all but the last,
    the one the fault lies in): a ticket id in the first column still names the record."""
    if not line:
        return []
    try:
        values = next(csv.reader([line.rstrip("\r\n")], dialect))
    except (csv.Error, StopIteration):
        return []
    return values[:-1]


def read_csv_rows(stream: BinaryIO, name: str) -> Iterator[list[str] | CsvRow]:
    """Yield the header's fields first, then one `CsvRow` per record (with `problem` set when
    the record cannot be read).

    Raises:
        InputError: The header itself cannot be read.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    fields, dialect = _header(text, name)
    yield fields
    if not fields:
        return
    if csv.field_size_limit() < MAX_RECORD:
        csv.field_size_limit(MAX_RECORD)
    lines = _Lines(text, MAX_RECORD)
    lines.number = 1
    reader = csv.reader(lines, dialect, strict=True)
    shapes: deque[str] = deque(maxlen=20)
    while True:
        lines.start()
        problem = ""
        params: tuple[tuple[str, str], ...] = ()
        try:
            values = next(reader)
        except StopIteration:
            values = None
        except csv.Error as exc:
            values = None
            problem = str(exc)
        first = lines.record[0][0] if lines.record else lines.too_long
        if values is not None and len(lines.record) > 1 and _opens_record(
            [line for _, line in lines.record[1:]], dialect, len(fields), deque([*shapes, _shape(values[0] if values else "")])
        ):
            problem = _END  # the "closing" quote opens the last field of a record of its own
        if lines.too_long:
            problem, params = "csv_record_long", (("chars", f"{MAX_RECORD:,}"),)
        elif problem == _END or (problem and len(lines.record) > 1):
            problem = "csv_quote_open"
        elif problem:
            problem, params = "csv_record_broken", (("problem", problem),)
        if problem:
            head = lines.record[0][1] if lines.record and not lines.too_long else None
            lines.retry()
            row = CsvRow(zip(fields, _closed_fields(head, dialect), strict=False))  # its id, to name it by
            row.line, row.problem, row.params = first, problem, params
            yield row
            reader = csv.reader(lines, dialect, strict=True)
            continue
        if values is None:
            return
        row = CsvRow(zip(fields, values, strict=False))
        row.line = first
        if values and values[0].strip():
            shapes.append(_shape(values[0]))
        if len(values) > len(fields):
            row[None] = values[len(fields):]
        if any(_BAD_BYTES.search(v) for v in values):
            row.problem = "csv_row_utf8"
        yield row
