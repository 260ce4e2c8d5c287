"""Tickets from e-mail: one `.eml` message, or an mbox mailbox streamed message by message."""

from __future__ import annotations

import email
import email.errors
import email.policy
from collections.abc import Iterator
from email.message import EmailMessage
from typing import BinaryIO

from faq.language.text import MAX_INPUT_CHARS
from faq.tickets.body import strip_html
from faq.tickets.items import Item, error, make_ticket

__all__ = ["UndecodableBody", "email_text", "read_eml", "read_mbox"]


class UndecodableBody(ValueError):
    """The text part's transfer encoding is broken: what it holds is no text of the mail."""


def email_text(msg: EmailMessage) -> str:
    """Return the plain text of an e-mail: the text/plain body, else the HTML body's text.

    Raises:
        UndecodableBody: The text part's base64 cannot be decoded.
        ValueError: The message has no readable text part.
    """
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except (KeyError, TypeError, AttributeError):
        part = None
    if part is None:
        if msg.get_content_maintype() == "text" or not msg.is_multipart():
            part = msg
        else:
            raise ValueError("the e-mail has no text part")
    try:
        content = part.get_content()
        if any(isinstance(d, email.errors.InvalidBase64LengthDefect) for d in part.defects):
            raise UndecodableBody(str(part.get("Content-Transfer-Encoding", "")).strip())
    except UndecodableBody:
        raise
    except (LookupError, UnicodeError, AssertionError, ValueError, TypeError, KeyError) as exc:
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            raise ValueError(f"the e-mail body cannot be decoded ({type(exc).__name__})") from None
        content = payload.decode("utf-8", errors="replace")
    if not isinstance(content, str):
        raise ValueError("the e-mail has no text part")
    if part.get_content_subtype() == "html":
        content = strip_html(content)
    return content


def _message_ticket(msg: EmailMessage, fallback_id: str, where: str) -> Item:
    defects = [d for d in getattr(msg, "defects", ()) if type(d).__name__ in ("MissingHeaderBodySeparatorDefect",)]
    if not any(k in msg for k in ("From", "Subject", "Date", "To", "Message-ID", "Content-Type")):
        return error(where, "ticket_not_email")
    try:
        body = email_text(msg)
        subject = str(msg.get("Subject", "") or "")
        msgid = str(msg.get("Message-ID", "") or "").strip().strip("<>")
    except UndecodableBody as exc:
        return error(where, "ticket_email_undecodable", encoding=exc)
    except ValueError as exc:
        return error(where, "ticket_broken_email", reason=exc)
    except Exception as exc:  # the email package raises many kinds on broken headers
        return error(where, "ticket_broken_email", reason=f"{type(exc).__name__}: {exc}")
    if defects and not body.strip():
        return error(where, "ticket_email_unseparated")
    if not body.strip() and not subject.strip():
        return error(where, "ticket_email_empty")
    return make_ticket(msgid or fallback_id, body, subject, where)


def read_eml(stream: BinaryIO, name: str) -> Iterator[Item]:
    data = stream.read(64 * MAX_INPUT_CHARS)
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:
        yield error(f"{name}:1", "ticket_broken_email", reason=f"{type(exc).__name__}: {exc}")
        return
    yield _message_ticket(msg, name, f"{name}:1")


def read_mbox(physical_lines: Iterator[tuple[bytes, bool]], name: str) -> Iterator[Item]:
    """Split an mbox mailbox, given as its physical lines (each cut at a limit, with whether it
    was whole), at its "From " lines, one message at a time."""
    lines: list[bytes] = []
    start = 0
    number = 0
    prev_blank = True
    size = 0
    for lineno, (line, _whole) in enumerate(physical_lines, 1):  # an over-long line is cut
        if line.startswith(b"From ") and prev_blank:
            if lines:
                number += 1
                yield _mbox_message(lines, name, start, number)
            lines, start, size = [], lineno, 0
            prev_blank = False
            continue
        prev_blank = line.strip() == b""
        if lineno == 1:
            start = 1  # no "From " line: treat the file as one message
        if size < 64 * MAX_INPUT_CHARS:
            if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                line = line[1:]
            lines.append(line)
            size += len(line)
    if lines:
        number += 1
        yield _mbox_message(lines, name, start, number)


def _mbox_message(lines: list[bytes], name: str, start: int, number: int) -> Item:
    where = f"{name}:{start}"
    try:
        msg = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
    except Exception as exc:
        return error(where, "ticket_broken_email", reason=f"{type(exc).__name__}: {exc}")
    return _message_ticket(msg, f"{name}#{number}", where)
