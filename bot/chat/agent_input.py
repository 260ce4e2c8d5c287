"""What the agent types in the agent view: the ticket area (pastes lose their control
characters), the view's keys, and the option a typed answer names."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from bot.chat.agent_cards import fact_options
from bot.chat.agent_case import AgentCase
from bot.chat.answers import KEY_MEANINGS, menu_index
from bot.chat.items import Option
from faq.language.catalogue import count, tr
from faq.language.text import clean
from faq.tickets.items import Ticket, TicketError

__all__ = ["PastedExport", "TicketArea", "agent_bindings", "export_status", "lines", "pasted_export", "typed_option"]



def lines(text: str) -> str:
    """Line breaks as newlines: terminals paste CR (or CR LF), which `clean` would drop."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class PastedExport:
    """Lines of a ticket export pasted whole (JSON Lines, as `faqbot triage` reads them).

    Attributes:
        text: The first ticket's text.
        ticket_id: Its id, "" when the line names none.
        count: How many tickets the lines hold.
        broken: The lines that hold no readable ticket, as `faqbot triage` names them ("-:2 (T-7)").
    """

    text: str
    ticket_id: str
    count: int
    broken: tuple[TicketError, ...] = ()

    @property
    def whole(self) -> bool:
        """Whether the paste is one readable ticket and nothing else (its text then replaces it in the field)."""
        return self.count == 1 and not self.broken


_OPENS_OBJECT = re.compile(r'\{\s*"[^"\n]*"\s*:')
"""How a line of a JSON Lines export opens: a brace, then a quoted field name and its colon."""


def _export_line(row: str) -> bool:
    """Whether `row` opens as a JSON object does (`{"id": ...`), read or broken: a line of an export."""
    return _OPENS_OBJECT.match(row) is not None


def pasted_export(text: str) -> PastedExport | None:
    """The tickets of `text` when it is JSON Lines of tickets and nothing else (lines copied out
    of a ticket export, their text as JSON strings: "\\n" for a line break), with the lines among
    them that hold no readable ticket; lines that all open as an export's do (`{"id": ...`) and hold
    no readable ticket (`{"id": "T-7", "text": ""}` or a line cut off, pasted alone) are an export of
    none (`count` 0), each named; None for anything else, a ticket as written, analysed as it stands."""
    from faq.tickets.readers import read_tickets

    stripped = text.strip()
    rows = [row.strip() for row in stripped.splitlines() if row.strip()]
    if not rows or not all(row.startswith("{") for row in rows):
        return None
    if len(rows) == 1 and not stripped.endswith("}") and not _export_line(rows[0]):
        return None  # one line, never closed, not opening as an export's does: a ticket as written
    items = list(read_tickets(io.BytesIO(stripped.encode()), "-", fmt="jsonl"))
    tickets = [item for item in items if isinstance(item, Ticket)]
    if not tickets and all(map(_export_line, rows)):  # lines of an export, none of them a ticket: named, none analysed
        return PastedExport("", "", 0, tuple(item for item in items if isinstance(item, TicketError)))
    if not tickets:  # no line is a ticket: the text is not an export
        return None
    first = tickets[0]
    broken = tuple(item for item in items if isinstance(item, TicketError))
    return PastedExport(first.text, first.id if first.id != first.where else "", len(tickets), broken)


def export_status(export: PastedExport, lang: str) -> str:
    """The line saying how a pasted export was read: which ticket is analysed, and each line that
    could not be read, named as `faqbot triage` names it (line and id) and why."""
    named = f" {export.ticket_id}" if export.ticket_id else ""
    if not export.count:
        key = "agent_export_broken_one" if len(export.broken) == 1 else "agent_export_broken_many"
        return tr(lang, key, n=count(len(export.broken), lang), lines=_unread(export, lang))
    if export.whole:
        return tr(lang, "agent_export_one", id=named)
    if not export.broken:
        return tr(lang, "agent_export_many", n=count(export.count, lang), id=named)
    return tr(lang, "agent_export_skipped", n=count(export.count + len(export.broken), lang), lines=_unread(export, lang),
              id=f" ({export.ticket_id})" if export.ticket_id else "")


def _unread(export: PastedExport, lang: str) -> str:
    """Each line of `export` that holds no readable ticket, named as `faqbot triage` names it, and why."""
    return "; ".join(tr(lang, "agent_export_line", line=error.where.removeprefix("-:"),
                        problem=error.text(lang).removeprefix(error.where + ": ")) for error in export.broken)


class TicketArea(TextArea):
    """The text area the ticket is pasted into: pasted text loses its control characters."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = clean(lines(event.text), limit=None)
        if result := self._replace_via_keyboard(text, *self.selection):
            self.move_cursor(result.end_location)
            self.focus()


def agent_bindings() -> list[BindingType]:
    """The agent view's keys in both languages; the screen shows those of its own."""
    out: list[BindingType] = []
    for lang in ("de", "en"):
        t = lambda key, lang=lang: tr(lang, key)  # noqa: E731
        out += [
            # F5 analyses: Ctrl+R keeps its one meaning (restart the chat's diagnosis).
            Binding("f5", f"analyse('{lang}')", t("agent_k_analyse"), priority=True),
            Binding("ctrl+enter", f"analyse('{lang}')", t("agent_k_analyse"), show=False, priority=True),
            Binding("ctrl+s", f"save('{lang}')", t("k_save"), priority=True),
            # Copy and new ticket have their place on screen (the reply's heading, a button),
            # so the footer fits 80 columns.
            Binding("ctrl+k", f"copy_reply('{lang}')", t("agent_k_copy"), show=False, priority=True),
            Binding("ctrl+b", f"back('{lang}')", t("k_back"), show=False, priority=True),  # "Zurück" is on screen
            Binding("ctrl+n", f"new_ticket('{lang}')", t("agent_k_new"), show=False, priority=True),
            Binding("escape", f"leave('{lang}')", t("agent_k_leave")),
            Binding("f1", f"help('{lang}')", t("k_help")),
            Binding("f2,ctrl+l", f"switch_lang('{lang}')", t("k_lang"), priority=True),
        ]
    return out


def typed_option(case: AgentCase | None, readings: tuple[str, ...], text: str) -> Option | None:
    """The option a whole typed answer names: its number (or its word, "eins"), or on a yes/no question j/y, n,
    w/u/? (as in the customer chat: only with Enter). None: the text is the answer itself."""
    fact = case.question if case is not None else None
    if case is None or fact is None:
        return None
    picks = tuple(Option("value", iso) for iso in readings)
    options = picks + fact_options(case, fact)
    if fact.type not in ("date", "email") or picks:
        index = int(text) - 1 if text.isdigit() else menu_index(text, len(options))  # "1", "eins", "one"
        if text.isdigit() or index is not None:
            return options[index] if index is not None and 0 <= index < len(options) else None
    meaning = KEY_MEANINGS.get(text.lower()) if len(text) == 1 else None
    if fact.type != "yesno" and meaning != "unknown":  # "w" wherever "Weiß nicht" is offered; j/n on yes/no only
        meaning = None
    return next((o for o in options if meaning and o.key == meaning), None)
