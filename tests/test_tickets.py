"""Reading tickets: JSON Lines, CSV, .eml, mbox, stdin; bad tickets named, never fatal."""

import base64
import io
from pathlib import Path

import pytest

from faq.errors import InputError
from faq.tickets.readers import (
    Ticket,
    TicketError,
    clean_body,
    detect_format,
    open_source,
    quoted_text,
    read_tickets,
    strip_html,
)

FIX = Path(__file__).parent / "fixtures" / "tickets"


def read(name, **kw):
    stream, _, shown = open_source(str(FIX / name))
    try:
        return list(read_tickets(stream, shown, **kw))
    finally:
        stream.close()


def from_bytes(data: bytes, name="-", **kw):
    return list(read_tickets(io.BytesIO(data), name, **kw))


# -- formats --------------------------------------------------------------------------


@pytest.mark.parametrize("name, head, fmt", [
    ("a.jsonl", b"", "jsonl"), ("a.ndjson", b"", "jsonl"), ("a.csv", b"", "csv"), ("a.eml", b"", "eml"),
    ("a.mbox", b"", "mbox"), ("-", b'{"text": "x"}\n', "jsonl"), ("-", b"From a@b Mon Nov 23\nFrom: a\n", "mbox"),
    ("-", b"From: a@b.de\nSubject: x\n\nbody", "eml"), ("-", b"id,text\n1,x\n", "csv"), ("-", b"just words", "text"),
])
def test_detect_format(name, head, fmt):
    assert detect_format(name, head) == fmt


def test_jsonl_reads_id_subject_text():
    items = read("sample.jsonl")
    assert [t.id for t in items] == ["T-1", "T-2", "T-3"]
    assert items[0].subject == "Aktivierung" and "anna.meier@outlook.com" in items[0].text
    assert items[1].where.endswith("sample.jsonl:2")


def test_jsonl_bad_lines_are_named_and_the_rest_read():
    items = read("broken.jsonl")
    good = [i for i in items if isinstance(i, Ticket)]
    bad = [str(i) for i in items if isinstance(i, TicketError)]
    assert [t.id for t in good] == ["T-1", "T-2"]
    assert len(bad) == 4
    assert "broken.jsonl:2: not a JSON object" in bad[0]
    assert "broken.jsonl:3" in bad[1] and "UTF-8" in bad[1]
    assert "broken.jsonl:4 (T-empty): empty ticket" in bad[2]
    assert "broken.jsonl:6" in bad[3]


def test_jsonl_without_id_uses_file_and_line():
    items = from_bytes(b'{"text": "Aktivierungsmail fehlt"}\n', "x.jsonl")
    assert items[0].id == "x.jsonl:1"


def test_jsonl_text_must_be_a_string():
    items = from_bytes(b'{"id": 7, "text": 42}\n', "x.jsonl")
    assert isinstance(items[0], TicketError) and "(7)" in items[0].where


def test_csv_with_known_text_column():
    items = read("sample.csv")
    assert [i.id if isinstance(i, Ticket) else "ERR" for i in items] == ["C-1", "C-2", "ERR", "C-4"]
    assert items[0].subject == "Aktivierung"
    assert "sample.csv:4 (C-3)" in str(items[2])


@pytest.mark.parametrize("header", ["Ticket-Nr.", "Ticket #", "Ticketnummer", "Ticket Number"])
def test_csv_id_headers_as_help_desks_export_them_name_each_ticket(header):
    data = (f"{header};Betreff;Beschreibung\n"
            "HD-301;Aktivierung;Uns fehlt die Aktivierungsmail, OSM ist einkauf@tischlerei-berg.de\n"
            "HD-302;Aktivierung;\n").encode()
    good, bad = from_bytes(data, "export.csv")
    assert isinstance(good, Ticket) and good.id == "HD-301"
    assert str(bad).startswith("export.csv:3 (HD-302): empty ticket")


def test_csv_semicolons_and_bad_utf8_row():
    items = read("semicolon.csv")
    assert isinstance(items[0], Ticket) and items[0].id == "S-1"
    assert isinstance(items[1], TicketError) and "UTF-8" in items[1].message and "semicolon.csv:3" in items[1].where


def test_csv_row_in_windows_1252_is_named_in_the_users_language_with_the_excel_hint():
    data = 'id;text\nW-1;"OSM ist m\xfcller@firma.de, Spam gepr\xfcft."\nW-2;"Die Aktivierungsmail fehlt"\n'.encode("latin-1")
    bad, good = from_bytes(data, "excel.csv")
    assert isinstance(good, Ticket) and good.id == "W-2"
    assert isinstance(bad, TicketError) and bad.where == "excel.csv:2 (W-1)"
    assert bad.text("de") == "excel.csv:2 (W-1): ungültiges UTF-8 in dieser Zeile (erwartet UTF-8-Text; aus Excel z. B. als „CSV UTF-8“ speichern)"
    assert "save as “CSV UTF-8”" in bad.text("en")


def test_csv_unclosed_quote_is_named_in_german_too_and_by_its_id():
    bad, good = from_bytes(b'id,text\n1,"offenes Zitat\n2,"Die Aktivierungsmail fehlt"\n', "q.csv")
    assert bad.text("de").startswith("q.csv:2 (1): ein in dieser Zeile geöffnetes Anführungszeichen wird nicht geschlossen")
    assert isinstance(good, Ticket) and good.id == "2"


def test_csv_record_broken_before_its_id_is_named_by_its_line_alone():
    bad, good = from_bytes(b'betreff,text,ticketnummer\nLink,"seit gestern tot,SR-4\nMail,fehlt,SR-5\n', "q.csv")
    assert str(bad).startswith("q.csv:2: a quote opened on this line is not closed")  # the id lies past the fault
    assert isinstance(good, Ticket) and good.id == "SR-5"


def test_csv_column_option_and_missing_column():
    items = read("sample.csv", column="Nachricht")
    assert isinstance(items[0], Ticket)
    with pytest.raises(InputError, match="no column 'beschreibung'"):
        read("sample.csv", column="beschreibung")
    with pytest.raises(InputError, match="no column 'text'"):
        read("nocolumn.csv")


def test_csv_multiline_field_keeps_line_numbers():
    data = b'id,text\n1,"Zeile eins\nZeile zwei"\n2,\n'
    items = from_bytes(data, "m.csv")
    assert items[0].text == "Zeile eins\nZeile zwei"
    assert isinstance(items[1], TicketError) and items[1].where.startswith("m.csv:4")


def test_eml_plain_with_quote_and_signature():
    (ticket,) = read("sample.eml")
    assert ticket.id == "abc123@firma-gmbh.de" and ticket.subject == "Keine Aktivierungsmail"
    body = clean_body(ticket.text)
    assert "it@outlook.com" in body and "Junk-Ordner" in body
    assert "Markus" not in body and "6 Monaten" not in body


def test_eml_html_only():
    (ticket,) = read("html.eml")
    assert "activation link does not work" in ticket.text and "<p>" not in ticket.text and "color" not in ticket.text


def test_broken_eml_is_named():
    (err,) = read("broken.eml")
    assert isinstance(err, TicketError) and err.where.endswith("broken.eml:1")


def test_mbox_message_with_broken_base64_is_named_not_read_as_its_raw_text():
    data = (b"From a@b Thu Nov 26 10:00:00 2026\nFrom: a@b.de\nSubject: Aktivierung\n"
            b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n@@@@not base64\n\n"
            b"From c@d Thu Nov 26 10:00:00 2026\nFrom: c@d.de\nSubject: Hallo\n\nDie Aktivierungsmail kommt nicht an.\n")
    bad, good = from_bytes(data, "in.mbox")
    assert isinstance(bad, TicketError) and bad.where == "in.mbox:1"
    assert bad.text("de") == "in.mbox:1: der Text der E-Mail lässt sich nicht dekodieren (fehlerhaftes base64)"
    assert isinstance(good, Ticket) and "Aktivierungsmail" in good.text


def test_email_with_good_base64_is_read():
    body = base64.b64encode(b"Die Aktivierungsmail kommt nicht an.").decode()
    data = f"From: a@b.de\nSubject: x\nContent-Transfer-Encoding: base64\n\n{body}\n".encode()
    (ticket,) = from_bytes(data, "one.eml")
    assert isinstance(ticket, Ticket) and ticket.text.strip().endswith("Die Aktivierungsmail kommt nicht an.")


def test_mbox_streams_messages_and_names_the_empty_one():
    items = read("sample.mbox")
    assert [type(i).__name__ for i in items] == ["Ticket", "Ticket", "TicketError"]
    assert items[0].id == "m1@firma-gmbh.de"
    assert "From the desk" in items[0].text  # ">From" unescaped
    assert "wrote:" not in clean_body(items[1].text)
    assert items[2].where.endswith("sample.mbox:20")


def test_stdin_sniffs_jsonl():
    items = from_bytes(b'{"id": "a", "text": "Link abgelaufen"}\n', "<stdin>")
    assert items[0].id == "a"


def test_plain_text_is_one_ticket():
    (ticket,) = from_bytes(b"Aktivierungslink abgelaufen, gekauft am 05.01.2026", "<stdin>")
    assert ticket.text.startswith("Aktivierungslink")


def test_unreadable_file_is_an_input_error():
    with pytest.raises(InputError, match="cannot read /nonexistent/file.jsonl"):
        open_source("/nonexistent/file.jsonl")


# -- cleaning bodies ------------------------------------------------------------------


def test_clean_body_inline_closing():
    assert clean_body("Hallo, es kam keine Aktivierungs-E-Mail. Viele Grüße") == "es kam keine Aktivierungs-E-Mail."


def test_clean_body_greeting_and_signature():
    text = "Sehr geehrte Damen und Herren,\n\nder Link ist abgelaufen.\n\n-- \nMax Muster\nTel. 123"
    assert clean_body(text) == "der Link ist abgelaufen."


def test_clean_body_outlook_header():
    text = "Bitte um Hilfe, Link abgelaufen.\n\nVon: Support <s@x.de>\nGesendet: Montag\nBetreff: AW\n\nalter Text"
    assert clean_body(text) == "Bitte um Hilfe, Link abgelaufen."


def test_clean_body_english_reply():
    text = "Hi team,\nthe licenses are not showing.\nBest regards,\nJohn\n\nOn Mon, Nov 23, 2026 at 9:00 AM Support wrote:\n> old"
    assert clean_body(text) == "the licenses are not showing."


def test_reply_below_a_quote_is_the_customers_own():
    text = ("Hi,\nsee below.\nBest,\nAnna\n\nOn 18 Nov 2026, at 10:05, partner@x.example wrote:\n"
            "> Your renewal is processed.\n\nDo we need to activate the new enrollments?")
    assert clean_body(text) == "see below.\n\nDo we need to activate the new enrollments?"
    assert quoted_text(text) == "Your renewal is processed."


def test_quoted_text_drops_markers_and_header_fields():
    text = ("Hallo,\nbitte prüfen.\nGrüße\nClaudia\n\n> Von: vertrieb@partner.example\n> Datum: 02.06.2026\n"
            "> Betreff: Bestellung\n>\n> Ihre Bestellung wurde übermittelt. Kaufdatum: 31.05.2026.")
    quoted = quoted_text(text)
    assert "Kaufdatum: 31.05.2026." in quoted
    assert "02.06.2026" not in quoted and "Von:" not in quoted and ">" not in quoted


def test_forwarded_mail_is_quoted_whole():
    text = "Zur Info, siehe unten.\n\n-----Ursprüngliche Nachricht-----\nVon: Max\nGesendet: Freitag\n\nDie Mail ging an Herrn Kowalski."
    assert clean_body(text) == "Zur Info, siehe unten."
    assert quoted_text(text) == "Die Mail ging an Herrn Kowalski."
    assert quoted_text("Nur eigener Text.") == ""


def test_clean_body_keeps_text_when_all_would_go():
    assert clean_body("Viele Grüße") == "Viele Grüße"


def test_strip_html():
    text = strip_html("<p>Hallo&nbsp;Welt</p><script>x()</script><br>Zeile")
    assert [line for line in text.splitlines() if line] == ["Hallo Welt", "Zeile"]


def test_csv_long_field_is_read():
    data = b'id,text\n1,"' + b"x" * 200_000 + b'"\n2,Link abgelaufen\n'
    items = from_bytes(data, "big.csv")
    assert [i.id for i in items] == ["1", "2"] and len(items[0].text) <= 10_000


# -- issue 15: no ticket lost silently -----------------------------------------------------


def _split(items):
    return [i for i in items if isinstance(i, Ticket)], [i for i in items if isinstance(i, TicketError)]


def test_an_unclosed_quote_is_reported_and_the_later_rows_are_read():
    data = b'id,text\n1,"keine Aktivierungsmail bekommen\n2,link abgelaufen\n3,Lizenzen doppelt\n'
    tickets, errors = _split(from_bytes(data, "q.csv"))
    assert [t.id for t in tickets] == ["2", "3"]
    assert len(errors) == 1 and errors[0].where == "q.csv:2 (1)" and "quote" in errors[0].message


def test_ten_thousand_rows_with_one_unclosed_quote_lose_none():
    rows = [f'{i},"keine Mail {i}' if i == 5 else f"{i},Lizenz {i}" for i in range(1, 10_001)]
    tickets, errors = _split(from_bytes(("id,text\n" + "\n".join(rows) + "\n").encode(), "big.csv"))
    assert len(tickets) == 9_999 and [e.where for e in errors] == ["big.csv:6 (5)"]
    assert tickets[4].id == "6" and tickets[-1].id == "10000"


def test_two_unclosed_quotes_do_not_pair_up_and_swallow_the_rows_between():
    rows = ["1,eins", '2,"zwei', "3,drei", "4,vier", '5,"fünf', "6,sechs"]
    tickets, errors = _split(from_bytes(("id,text\n" + "\n".join(rows) + "\n").encode(), "p.csv"))
    assert [t.id for t in tickets] == ["1", "3", "4", "6"]
    assert [e.where for e in errors] == ["p.csv:3 (2)", "p.csv:6 (5)"]


def test_quoted_fields_over_several_lines_are_still_one_ticket():
    data = b'id,text\n1,"Hallo,\nzweite Zeile mit ""Zitat"", Komma\ndritte"\n2,"ok"\n'
    tickets, errors = _split(from_bytes(data, "m.csv"))
    assert not errors and [t.id for t in tickets] == ["1", "2"]
    assert tickets[0].text == 'Hallo,\nzweite Zeile mit "Zitat", Komma\ndritte'


def test_a_field_over_the_limit_is_reported_and_the_next_row_is_read():
    from faq.tickets.csvfile import MAX_RECORD

    data = b"id,text\n1,ok\n2," + b"x" * (MAX_RECORD + 10) + b"\n3,danach\n"
    tickets, errors = _split(from_bytes(data, "huge.csv"))
    assert [t.id for t in tickets] == ["1", "3"]
    assert [e.where for e in errors] == ["huge.csv:3"] and "longer than" in errors[0].message


class _Endless(io.RawIOBase):
    """`size` bytes of one mbox line, made on the fly (never held as a whole)."""

    def __init__(self, head: bytes, size: int, tail: bytes) -> None:
        self.parts = [head]
        self.left = size
        self.tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.parts:
            chunk = self.parts.pop(0)
        elif self.left:
            chunk = b"x" * min(self.left, len(buffer))
            self.left -= len(chunk)
        else:
            chunk, self.tail = self.tail, b""
        chunk = chunk[: len(buffer)]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_an_mbox_with_one_200_mb_line_is_read_in_bounded_memory():
    import tracemalloc

    head = b"From a@b Mon Jan  1 00:00:00 2026\nFrom: a@b.de\nSubject: Lizenz\n\nHallo "
    tail = b"\n\nFrom c@d Mon Jan  1 00:00:00 2026\nFrom: c@d.de\nSubject: Mail\n\nkeine Aktivierungsmail\n"
    tracemalloc.start()
    try:
        items = list(read_tickets(io.BufferedReader(_Endless(head, 200_000_000, tail)), "big.mbox"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    tickets, errors = _split(items)
    assert len(tickets) == 2 and not errors and tickets[1].text.strip() == "keine Aktivierungsmail"
    assert peak < 64_000_000  # it took 2.4 GB


@pytest.mark.parametrize("text,kept", [
    ("hi - still no activation email. I think it went to our old IT contact. thx", "still no activation email"),
    ("hallo - immer noch keine Aktivierungsmail. Ich glaube, sie ging an den alten IT-Kontakt.", "immer noch keine Aktivierungsmail"),
])
def test_a_greeting_never_swallows_the_first_sentence(text, kept):
    assert kept in clean_body(text)


@pytest.mark.parametrize("text,body", [
    ("Hallo Herr Dr. Müller,\nwir haben keine Mail.", "wir haben keine Mail."),
    ("Hi Dana, the mail is missing.", "the mail is missing."),
])
def test_a_greeting_with_a_title_or_name_is_removed(text, body):
    assert clean_body(text) == body


@pytest.mark.parametrize("text,kept", [
    ("Hi,\nour OSM is it@contoso.example.\nThank you for the quick answer, but the mail still has not come.",
     "the mail still has not come"),
    ("Hallo,\nunser OSM ist it@contoso.example.\nBeste Grüße an das Team übrigens, die Mail fehlt aber weiterhin.",
     "die Mail fehlt aber weiterhin"),
])
def test_a_closing_word_opening_a_sentence_is_no_closing(text, kept):
    assert kept in clean_body(text)


def test_jsonl_line_break_inside_a_string_is_named_with_its_column():
    items = from_bytes(b'{"id": "X", "text": "Der Aktivierungslink\nist abgelaufen"}\n{"id": "Y", "text": "ok"}\n', "x.jsonl")
    first, second, third = items
    assert str(first) == ("x.jsonl:1 (X): not a JSON object: line break inside a string at column 42 of the line, "
                          'write it as \\n (expected one object per line, like {"id": "T-1", "text": "..."})')
    assert str(second).startswith("x.jsonl:2: not a JSON object: expecting value at column 1 of the line (")
    assert isinstance(third, Ticket) and third.id == "Y"


def test_a_broken_jsonl_line_is_named_by_its_ticket_id_when_that_field_is_intact():
    items = from_bytes('{"ticket": "SR-88120", "text": "Aktivierungsmail fehlt, "Spam" geprüft"}\n'
                       '{"nr": 5521, "body": "kein Link\\x"}\n'
                       '{"text": "the id is missing", \n'
                       '{"id": "SR-88122", "text": "Die Aktivierungsmail ist nie angekommen."}\n'.encode(), "agent.jsonl")
    first, second, third, good = items
    assert str(first).startswith("agent.jsonl:1 (SR-88120): not a JSON object")
    assert str(second).startswith("agent.jsonl:2 (5521): not a JSON object")
    assert str(third).startswith("agent.jsonl:3: not a JSON object")  # no id to name: the line alone
    assert isinstance(good, Ticket) and good.id == "SR-88122"


def test_jsonl_errors_give_the_column_and_never_print_a_control_character():
    tab, bad = from_bytes(b'{"text": "a\tb"}\n{"text": nope}\n', "x.jsonl")
    assert "control character U+0009 inside a string at column 12 of the line" in str(tab)
    assert "\t" not in str(tab)
    assert "expecting value at column 10 of the line" in str(bad)


@pytest.mark.parametrize("text", [
    "Immer noch nichts.\n\n> Am 12.11.2026 um 09:14 schrieb Lizenz-Support <hilfe@partner.example>:\n> Wann haben Sie gekauft?",
    "Still nothing.\n\n> On Thu, 12 Nov 2026 at 09:14, Licensing Support <help@partner.example> wrote:\n> When did you buy?",
])
def test_quoted_text_drops_the_line_saying_who_wrote_when(text):
    quoted = quoted_text(text)
    assert "2026" not in quoted and "@" not in quoted and quoted.startswith(("Wann", "When"))


@pytest.mark.parametrize("text", [
    "Hallo,\nwir haben keine Aktivierungsmail bekommen.\n\nDiese E-Mail ist vertraulich. Sollten Sie nicht der richtige "
    "Empfänger sein, informieren Sie bitte recht@nord.example und löschen Sie sie.",
    "Hi,\nwe never got the activation email.\n\nThis e-mail and any attachments are confidential. If you are not the "
    "intended recipient, please notify the sender at legal@nord.example.",
])
def test_a_legal_footer_is_no_part_of_the_message(text):
    body = clean_body(text)
    assert "@" not in body and body.endswith(("bekommen.", "email."))


def test_a_jsonl_line_cut_short_is_told_as_such_with_its_id_and_every_fault_reads_in_german():
    items = from_bytes(b'{"id": "HD-3", "text": "Aktivierungsmail kam nie an"\n'
                       b'{"id": "HD-4", "text": "Link tot"} trailing\n'
                       b'{"id": "HD-5", "text": "Lizenzen fehlen"}\n', "export.jsonl")
    cut, extra, good = items
    assert str(cut).startswith("export.jsonl:1 (HD-3): not a JSON object: the line ends before the object is closed")
    assert "column" not in str(cut)  # no column past the line's end
    assert cut.text("de").startswith("export.jsonl:1 (HD-3): kein JSON-Objekt: die Zeile endet, bevor das Objekt")
    assert extra.text("de").startswith("export.jsonl:2 (HD-4): kein JSON-Objekt: weiterer Text nach dem Objekt ab Spalte 36")
    for fault in (cut, extra):
        assert not any(word in fault.text("de") for word in ("expecting", "line ends", "extra data", "column"))
    assert isinstance(good, Ticket) and good.id == "HD-5"
