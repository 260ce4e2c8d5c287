"""Generated ticket files that know how many records they hold: CSV, .eml, mbox, JSON Lines.

Each generator takes a `random.Random` and returns `(bytes, records)`: the file and the
number of records a reader must account for, each as a ticket or as a reported failure.
Most records are well-formed (texts with quotes, delimiters, newlines, control and
format characters, formula prefixes, non-Latin scripts, addresses); some are broken on
purpose, one way per record: an unclosed or stray quote, invalid UTF-8, an empty text,
a field or line over the reader's limit, broken JSON, deep nesting, a message without
headers, broken MIME. Blank lines between records are no records.

Used by `tests/test_fuzz_readers.py` (driven by hypothesis) and `benchmarks/robustness.py`.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import random

__all__ = ["KINDS", "make", "make_csv", "make_eml", "make_jsonl", "make_mbox", "text"]

_WORDS = ("Aktivierungsmail", "nicht", "bekommen", "Lizenz", "abgelaufen", "link", "expired", "Hallo", "Gruß",
          "VLSC", "Office 365", "Dienst", "Mandant", "tenant", "Bestellung", "Spam", "it@firma.de", "Łukasz",
          "Ørjan", "日本語", "مرحبا", "👍", "anna.meier@müller-gmbh.de", "=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0",
          "@SUM(A1)", "-1", "\x1b]52;c;aGVsbG8=\x07", "\u202e", "\u061c", "\U000e0041", "\x00", "\x85", "\r",
          '"', '""', "'", ",", ";", "\t", "\n", "\n\n", "From ", ">From ", "--", "> zitiert", "Am 1.1.2026 schrieb x:",
          "<b>html</b>", "&amp;", "{", "}", "[", "]", "\\", "\u2028", "\ufeff")


def text(rng: random.Random, words: int | None = None) -> str:
    """Return a random ticket text of the corpus's words (never only blanks)."""
    n = words if words is not None else rng.choice((1, 3, 8, 20, 60))
    out = " ".join(rng.choice(_WORDS) for _ in range(n))
    return out if out.strip() else "Lizenz"


# -- CSV -------------------------------------------------------------------------------------


def make_csv(rng: random.Random, records: int | None = None, limit: int = 16_000_000) -> tuple[bytes, int]:
    """Return a CSV file (header id,subject,text) and its number of records."""
    n = records if records is not None else rng.randint(1, 40)
    delimiter = rng.choice(",;\t")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=rng.choice(("\n", "\r\n")))
    writer.writerow(["id", "subject", "text"])
    parts: list[bytes] = [out.getvalue().encode()]
    for i in range(1, n + 1):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        kind = rng.choices(("ok", "unclosed", "stray", "utf8", "empty", "huge"), (70, 8, 5, 5, 5, 1))[0]
        if kind == "ok":
            # a bare carriage return inside a field is quoted only with a newline beside it
            writer.writerow([f"T-{i}", text(rng, 2).replace("\r", "\r\n"), text(rng).replace("\r", "\r\n")])
            row = out.getvalue().encode("utf-8", "surrogatepass")
        elif kind == "unclosed":
            # with nothing after it, `"` + newline is also how a field starting with a newline
            # begins: then no reader can tell, so the unclosed field holds some text
            body = text(rng).replace('"', "").replace("\n", " ").replace("\r", " ").strip() or "Lizenz"
            row = f'T-{i}{delimiter}x{delimiter}"{body}\n'.encode()
        elif kind == "stray":
            body = text(rng, 3).replace('"', "").replace("\n", " ").replace("\r", " ").replace(delimiter, " ")
            row = f'T-{i}{delimiter}x{delimiter}"{body}"x{body}\n'.encode()
        elif kind == "utf8":
            row = f"T-{i}{delimiter}x{delimiter}".encode() + b"Lizenz \xff\xfe kaputt\n"
        elif kind == "empty":
            row = f"T-{i}{delimiter}{delimiter}\n".encode()
        else:
            row = f"T-{i}{delimiter}x{delimiter}".encode() + b"y" * (limit + 1) + b"\n"
        parts.append(row)
        if rng.random() < 0.05:
            parts.append(b"\n")  # a blank line: no record
    return b"".join(parts), n


# -- JSON Lines ---------------------------------------------------------------------------------


def make_jsonl(rng: random.Random, records: int | None = None, limit: int = 1_000_000) -> tuple[bytes, int]:
    """Return a JSON Lines file and its number of records (non-blank lines)."""
    n = records if records is not None else rng.randint(1, 40)
    parts: list[bytes] = []
    for i in range(1, n + 1):
        kind = rng.choices(("ok", "broken", "array", "type", "empty", "utf8", "deep", "huge"), (70, 6, 4, 4, 5, 5, 4, 2))[0]
        if kind == "ok":
            line = json.dumps({"id": text(rng, 1), "subject": text(rng, 2), "text": text(rng)},
                              ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        elif kind == "broken":
            line = json.dumps({"id": f"T-{i}", "text": text(rng)}).encode()[: rng.randint(1, 20)]
        elif kind == "array":
            line = b"[1, 2, 3]"
        elif kind == "type":
            line = json.dumps({"id": f"T-{i}", "text": rng.choice([1, None, [1], {"a": 1}])}).encode()
            line = line if b'"text": null' not in line else json.dumps({"id": f"T-{i}", "text": ""}).encode()
        elif kind == "empty":
            line = json.dumps({"id": f"T-{i}", "text": "  "}).encode()
        elif kind == "utf8":
            line = b'{"id": "T-%d", "text": "Lizenz \xff kaputt"}' % i
        elif kind == "deep":
            depth = rng.choice((100, 5_000, 50_000))
            line = b"[" * depth + b"]" * depth
        else:
            line = b'{"id": "T-%d", "text": "' % i + b"x" * (limit + 1) + b'"}'
        parts.append(line.replace(b"\n", b"\\n").replace(b"\r", b"\\r") + b"\n")
        if rng.random() < 0.05:
            parts.append(b"\n")
    return b"".join(parts), n


# -- e-mail ---------------------------------------------------------------------------------------


def _message(rng: random.Random, i: int) -> bytes:
    kind = rng.choices(("plain", "qp", "base64", "html", "multipart", "noheaders", "garbage", "badmime", "empty",
                        "longline"), (40, 8, 8, 8, 8, 6, 6, 6, 5, 5))[0]
    subject = text(rng, 2).replace("\n", " ").replace("\r", " ")
    head = f"From: kunde{i}@firma.de\nTo: support@example.com\nSubject: {subject}\nMessage-ID: <m{i}.{rng.random()}@x>\n"
    body = text(rng)
    if kind == "plain":
        return (head + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n").encode("utf-8", "surrogatepass")
    if kind == "qp":
        return (head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                "Lizenz =C3=BCber VLSC =\nnicht sichtbar=3D=\n").encode()
    if kind == "base64":
        data = base64.b64encode(body.encode("utf-8", "surrogatepass")).decode()
        return (head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + data + "\n").encode()
    if kind == "html":
        return (head + "Content-Type: text/html; charset=utf-8\n\n<html><body><p>" + body + "</p><script>x</script></body></html>\n").encode("utf-8", "surrogatepass")
    if kind == "multipart":
        return (head + 'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
                "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n--b1--\n").encode("utf-8", "surrogatepass")
    if kind == "noheaders":
        return ("Lizenz fehlt " + body.replace(":", " ") + "\n").encode("utf-8", "surrogatepass")
    if kind == "garbage":
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 300))).replace(b"\nFrom ", b"\n>From ")
    if kind == "badmime":
        return (head + "Content-Type: multipart/mixed; boundary=\"zz\"\nContent-Transfer-Encoding: base64\n\n"
                "--zz\nContent-Type: text/plain; charset=x-unknown-99\nContent-Transfer-Encoding: base64\n\n!!!notbase64\n").encode()
    if kind == "empty":
        return f"From: kunde{i}@firma.de\nSubject: \n\n\n".encode()
    return (head + "\n" + "Hallo " + "x" * rng.choice((10_000, 2_000_000)) + "\n").encode()


def make_eml(rng: random.Random) -> tuple[bytes, int]:
    """Return one .eml file (one record)."""
    return _message(rng, 1), 1


def make_mbox(rng: random.Random, records: int | None = None) -> tuple[bytes, int]:
    """Return an mbox mailbox and its number of messages ("From " lines after a blank line)."""
    n = records if records is not None else rng.randint(1, 25)
    parts = []
    for i in range(1, n + 1):
        msg = _message(rng, i).replace(b"\r", b"")
        lines = [b">" + line if line.startswith(b"From ") or line.startswith(b">From ") else line for line in msg.split(b"\n")]
        parts.append(b"From kunde%d@firma.de Mon Jan  1 00:00:00 2026\n" % i + b"\n".join(lines).rstrip(b"\n") + b"\n\n")
    return b"".join(parts), n


KINDS = {"csv": make_csv, "eml": make_eml, "mbox": make_mbox, "jsonl": make_jsonl}


def make(kind: str, rng: random.Random) -> tuple[bytes, int]:
    """Return one generated file of `kind` ("csv", "eml", "mbox", "jsonl") and its records."""
    return KINDS[kind](rng)
