"""What a ticket reader yields: a `Ticket`, or a `TicketError` naming the ticket it could not read."""

from __future__ import annotations

from dataclasses import dataclass

from faq.language.catalogue import tr
from faq.language.text import MAX_INPUT_CHARS, clean

__all__ = ["Item", "Ticket", "TicketError", "error", "make_ticket"]


@dataclass(frozen=True)
class Ticket:
    """One support ticket as read from a file.

    Attributes:
        id: The ticket's id as the file gives it, else "file:line".
        text: The customer's text (for e-mails: the body, quoted replies still in).
        subject: The subject line, or "".
        where: Where it was read, "file:line", for messages.
        cut_from: The text's length when it was longer than `MAX_INPUT_CHARS` and cut, else 0.
    """

    id: str
    text: str
    subject: str = ""
    where: str = ""
    cut_from: int = 0


def make_ticket(tid: str, text: str, subject: str, where: str) -> Ticket:
    """Make a ticket of cleaned text, remembering when the text had to be cut."""
    cut_from = len(text) if len(text) > MAX_INPUT_CHARS else 0
    return Ticket(tid, clean(text), clean(subject, 500), where, cut_from)


@dataclass(frozen=True)
class TicketError:
    """A ticket that could not be read.

    Attributes:
        where: The ticket: "file:line", or "file:line (id)".
        message: What is wrong, in one line (English).
        key: Its text in the interface catalogue (`knowledge/ui/cli.yaml`), "" when it has none.
        args: The values that text is filled with.
    """

    where: str
    message: str
    key: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def text(self, lang: str) -> str:
        """The error in `lang` ("de" or "en"), its place first."""
        return f"{self.where}: {_render(lang, self.key, self.args)}" if self.key else str(self)


def _render(lang: str, key: str, args: tuple[tuple[str, str], ...]) -> str:
    """The catalogue's text `key` in `lang`; an argument named "problem_key" is itself a catalogue
    key, rendered with the other arguments and filled in as "problem" (a JSON line's fault in words)."""
    values = dict(args)
    if (problem := values.pop("problem_key", "")):
        values["problem"] = tr(lang, problem, **values)
    return tr(lang, key, **values)


def error(where: str, key: str, **args: object) -> TicketError:
    """A `TicketError` whose text is the catalogue's `key` (the English one as its message)."""
    pairs = tuple((k, str(v)) for k, v in args.items())
    return TicketError(where, _render("en", key, pairs), key, pairs)


Item = Ticket | TicketError
