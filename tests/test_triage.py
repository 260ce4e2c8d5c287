"""`triage_text` and `faqbot triage`: topic, facts, cause or next question, reply; formats and errors."""

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.cli.triage import summary_chart
from faq.kb.loader import load_knowledge_base
from faq.language.catalogue import tr
from faq.search.matcher import Matcher
from faq.tickets.triage import TriageResult, triage_text

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).parent / "fixtures" / "tickets"
KB_DIR = FIX / "kb"
KB = load_knowledge_base(KB_DIR)
MATCHER = Matcher(KB)
TODAY = date(2026, 11, 24)
KEYS = ["ticket", "id", "outcome", "confidence", "flow", "facts", "cause", "next", "reply", "evidence",
        "month_facts", "weak_facts"]  # CONTRACT §3 plus evidence, dates known only to their month, weak facts


def triage(text, **kw):
    return triage_text(text, KB, MATCHER, TODAY, **kw)


def cli(*args, stdin=None, today="2026-11-24"):
    env_args = [sys.executable, "-m", "bot", "triage", *args, "--kb", str(KB_DIR), "--today", today]
    return subprocess.run(env_args, input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env={"FAQBOT_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})


# -- triage_text ------------------------------------------------------------------------


def test_outlook_address_settles_the_cause():
    r = triage("Hallo, unser OSM ist anna.meier@outlook.com. Wir haben E3 bestellt, aber es kam keine Aktivierungs-E-Mail. Viele Grüße",
               ticket_id="T-1")
    assert isinstance(r, TriageResult)
    assert (r.id, r.match.flow, r.cause, r.next) == ("activation-email-missing", "missing-activation-email", "outlook-com-address", None)
    assert r.facts["osm_email"] == "anna.meier@outlook.com"
    assert list(r.to_json()) == KEYS
    assert r.to_json()["ticket"] == "T-1"


def test_purchase_date_settles_expiry():
    r = triage("Guten Tag, wir haben am 05.01.2026 gekauft und wollten jetzt aktivieren, aber der Link geht nicht mehr.")
    assert r.id == "activation-link-expiry" and r.cause == "activation-link-expired"
    assert r.to_json()["facts"] == {"purchase_date": "2026-01-05"}
    assert "05.07.2026" in r.reply


def test_nothing_known_gives_the_next_question_not_unresolved():
    r = triage("Warum habe ich die Aktivierungs-E-Mail nicht erhalten?")
    assert r.cause is None
    assert r.next is not None and set(r.next) == {"fact", "type", "question"}
    assert r.next["question"] in r.reply


def test_english_ticket_english_reply():
    r = triage("Hi, the activation email never arrived. Our OSM is it@outlook.com. Thanks, John")
    assert r.lang == "en" and r.cause == "outlook-com-address"
    assert r.reply.startswith("Hello John,") and "No activation emails are sent to it@outlook.com." in r.reply


def test_topic_without_flow_has_no_facts():
    r = triage("Nach unserer Vertragsverlängerung stehen alle Abos doppelt im Portal. Ist das ein Fehler?")
    assert (r.id, r.match.flow, dict(r.facts), r.cause, r.next) == ("renewal-doubled-licenses", None, {}, None, None)
    assert "Status Aktiv" in r.reply


def test_out_of_scope_is_no_match():
    r = triage("Guten Tag, wie ändere ich die Lieferadresse für unsere Hardwarebestellung?")
    assert r.match.outcome == "no_match" and r.id is None and r.cause is None
    assert "nicht die Aktivierung" in r.reply


def test_short_vague_sentence_does_not_steal_the_topic():
    r = triage("Nach der Verlängerung sind die Lizenzen doppelt. Ist das ein Fehler?")
    assert r.id == "renewal-doubled-licenses"


def test_quoted_reply_does_not_drown_the_question():
    text = ("Hallo,\nder Aktivierungslink geht nicht mehr, gekauft am 05.01.2026.\nGruß Max\n\n"
            "Am 20.11.2026 schrieb Support:\n> Reservierungen kann der OSM nicht abschließen.\n> Reservierung verwalten")
    r = triage(text)
    assert r.id == "activation-link-expiry" and r.cause == "activation-link-expired"


def test_subject_counts():
    r = triage("Bitte um Rückmeldung, gekauft am 05.01.2026.", subject="Aktivierungslink abgelaufen")
    assert r.id == "activation-link-expiry" and r.cause == "activation-link-expired"


def test_role_choice():
    r = triage("Ich bin OSM und kann keine Reservierungen abschließen.")
    assert r.id == "osm-reservations" and r.cause == "needs-reservation-permission"


def test_redacted_json_masks_addresses():
    r = triage("Unser OSM ist anna.meier@outlook.com, keine Aktivierungsmail bekommen.")
    obj = r.to_json(redacted=True)
    assert obj["facts"]["osm_email"] == "a***@outlook.com" and "anna.meier" not in obj["reply"]


def test_summary_chart():
    from collections import Counter
    chart = summary_chart(Counter({"a": 4, "b": 2}), Counter({"x": 1}), 6, 1)
    german = summary_chart(Counter({"a": 4, "b": 2}), Counter({"x": 1}), 6, 1, lang="de")
    assert german.startswith("6 Tickets sortiert, 1 nicht lesbar") and "Themen" in german and "Ursachen" in german
    assert "6 tickets triaged, 1 could not be read" in chart and "█" * 30 in chart and "66.7%" in chart


# -- the command --------------------------------------------------------------------------


def test_cli_json_lines_in_order():
    proc = cli(str(FIX / "sample.jsonl"), "--json")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["ticket"] for r in rows] == ["T-1", "T-2", "T-3"]
    assert [r["cause"] for r in rows] == ["outlook-com-address", "activation-link-expired", None]
    assert all(list(r) == KEYS for r in rows)


def test_cli_run_in_process_leaves_the_garbage_collector_as_it_found_it(capsys):
    import gc

    from bot.cli.main import main

    before = gc.get_threshold()
    assert main(["triage", str(FIX / "sample.jsonl"), "--json"]) == 0
    assert [json.loads(line)["ticket"] for line in capsys.readouterr().out.splitlines()] == ["T-1", "T-2", "T-3"]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0  # a program that embeds the command keeps its settings


def test_cli_bad_lines_exit_2_rest_triaged():
    proc = cli(str(FIX / "broken.jsonl"), "--json")
    assert proc.returncode == 2
    assert [json.loads(line)["ticket"] for line in proc.stdout.splitlines()] == ["T-1", "T-2"]
    errs = proc.stderr.strip().splitlines()
    assert len(errs) == 4 and all(e.startswith("faqbot: ") and "broken.jsonl:" in e for e in errs)
    assert "Traceback" not in proc.stderr


def test_cli_an_oversized_line_is_one_message_naming_its_ticket_and_the_others_are_triaged(tmp_path):
    src = tmp_path / "gross.jsonl"
    huge = json.dumps({"id": "K-77", "text": "Wir warten immer noch auf die Mail. " * 40_000})  # over 1 MB
    src.write_text("\n".join([json.dumps({"id": "K-76", "text": "Der Aktivierungslink ist abgelaufen."}), huge,
                              json.dumps({"id": "K-78", "text": "No activation e-mail arrived."})]) + "\n")
    proc = cli(str(src), "--json")
    assert proc.returncode == 2
    assert [json.loads(line)["ticket"] for line in proc.stdout.splitlines()] == ["K-76", "K-78"]
    assert proc.stderr.splitlines() == [f"faqbot: {src}:2 (K-77): line longer than 1 MB (expected one ticket per line)"]


def test_cli_a_binary_blob_between_tickets_is_one_message_and_the_others_are_triaged(tmp_path):
    src = tmp_path / "mixed.jsonl"
    blob = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3 + b"\n\n\x00\xff\xfe"  # newline bytes split it into lines
    src.write_bytes(json.dumps({"id": "B-1", "text": "Keine Aktivierungsmail erhalten."}).encode() + b"\n" + blob + b"\n"
                    + json.dumps({"id": "B-2", "text": "The licences show up twice after the renewal."}).encode() + b"\n")
    proc = cli(str(src), "--json", "--lang", "de")
    assert proc.returncode == 2
    assert [json.loads(line)["ticket"] for line in proc.stdout.splitlines()] == ["B-1", "B-2"]
    errs = proc.stderr.splitlines()
    assert len(errs) == 1 and errs[0].startswith(f"faqbot: {src}:2–") and "unlesbare Zeilen (eine Binärdatei?)" in errs[0]
    chart = cli(str(src), "--summary").stderr + cli(str(src), "--summary").stdout
    assert "2 tickets triaged, 1 could not be read" in chart  # the blob is one thing, not one per line


def test_cli_nonexistent_file_one_line_exit_2():
    proc = cli("/nonexistent/file.jsonl", "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().count("\n") == 0 and "/nonexistent/file.jsonl" in proc.stderr


def test_cli_csv_output():
    proc = cli(str(FIX / "sample.csv"), "--csv")
    assert proc.returncode == 2  # one empty ticket
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["ticket"] for r in rows] == ["C-1", "C-2", "C-4"]
    assert rows[0]["cause"] == "outlook-com-address" and json.loads(rows[0]["facts"])["osm_email"]


def test_cli_csv_and_table_show_a_short_evidence_quote():
    rows = list(csv.DictReader(io.StringIO(cli(str(FIX / "sample.csv"), "--csv").stdout)))
    address = json.loads(rows[0]["facts"])["osm_email"]
    assert rows[0]["evidence"] == f'osm_email: "{address}"'
    table = cli(str(FIX / "sample.jsonl")).stdout
    assert "↳ osm_email: \"" in table
    german = cli(str(FIX / "sample.jsonl"), "--lang", "de").stdout  # German text quotes „…“
    assert "↳ osm_email: „" in german and "↳ osm_email: \"" not in german
    rows = list(csv.DictReader(io.StringIO(cli(str(FIX / "sample.csv"), "--csv", "--lang", "de").stdout)))
    assert rows[0]["evidence"] == f"osm_email: „{address}“"


def test_cli_csv_and_table_mark_a_fact_read_too_weakly_to_decide(tmp_path):
    tickets = tmp_path / "weak.jsonl"
    tickets.write_text(json.dumps({"id": "W-1", "text": "Hallo, keine Aktivierungsmail an k.berger@outlook.com "
                                   "angekommen."}) + "\n", encoding="utf-8")
    mark = tr("en", "cli_triage_weak")
    row = next(csv.DictReader(io.StringIO(cli(str(tickets), "--csv").stdout)))
    assert row["cause"] == "" and row["evidence"] == f'osm_email: "k.berger@outlook.com" {mark}'
    assert f'↳ osm_email: "k.berger@outlook.com" {mark}' in cli(str(tickets)).stdout


def test_cli_json_evidence_points_into_the_ticket():
    proc = cli(str(FIX / "sample.jsonl"), "--json")
    texts = [json.loads(line)["text"] for line in (FIX / "sample.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert any(r["evidence"] for r in rows)
    for text, row in zip(texts, rows):
        assert set(row["evidence"]) == set(row["facts"])
        for ev in row["evidence"].values():
            assert text[ev["start"]:ev["end"]] == ev["quote"] and ev["own"] is True and ev["source"] == "own"


def test_cli_csv_missing_column():
    proc = cli(str(FIX / "sample.csv"), "--column", "nope", "--json")
    assert proc.returncode == 2 and "no column 'nope'" in proc.stderr and proc.stdout == ""


def test_cli_email_and_mbox_and_stdin():
    proc = cli(str(FIX / "sample.eml"), str(FIX / "html.eml"), "--json")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["cause"] for r in rows] == ["outlook-com-address", "activation-link-expired"]
    proc = cli("-", "--json", stdin=(FIX / "sample.mbox").read_text())
    assert proc.returncode == 2 and len(proc.stdout.splitlines()) == 2 and "<stdin>:20" in proc.stderr


def test_cli_table_and_summary():
    proc = cli(str(FIX / "sample.jsonl"))
    assert proc.returncode == 0 and "TICKET" in proc.stdout and "outlook-com-address" in proc.stdout
    proc = cli(str(FIX / "sample.jsonl"), "--summary")
    assert "3 tickets triaged" in proc.stdout and "Topics" in proc.stdout and "TICKET" not in proc.stdout
    kb = load_knowledge_base(KB_DIR)  # the chart names topics and causes by their titles, not their ids
    assert kb.entry("activation-email-missing").title.en in proc.stdout and "activation-email-missing" not in proc.stdout
    expired = kb.flow("activation-link-expiry").cause("activation-link-expired").resolution.title.en
    assert expired in proc.stdout and "activation-link-expired" not in proc.stdout
    proc = cli(str(FIX / "sample.jsonl"), "--summary", "--json")
    assert len(proc.stdout.splitlines()) == 3 and "Topics" in proc.stderr


def test_cli_summary_chart_in_german():
    proc = cli(str(FIX / "sample.jsonl"), "--summary", "--lang", "de")
    assert proc.returncode == 0
    assert "3 Tickets sortiert" in proc.stdout and "Themen" in proc.stdout and "Ursachen" in proc.stdout
    kb = load_knowledge_base(KB_DIR)
    entry = kb.entry("activation-email-missing")
    assert entry.title.de in proc.stdout and entry.title.en not in proc.stdout
    assert "(keine Antwort)" in proc.stdout and "Topics" not in proc.stdout and "triaged" not in proc.stdout


def test_cli_table_and_open_questions_in_german():
    ticket = {"id": "Q-1", "text": "Die Aktivierungsmail ist nicht angekommen."}
    stdin = json.dumps(ticket) + "\n"
    de = cli("-", "--summary", "--lang", "de", stdin=stdin)
    en = cli("-", "--summary", stdin=stdin)
    assert "(offen: fragen „" in de.stdout and "(open: ask" not in de.stdout
    assert '(open: ask "' in en.stdout
    header = cli("-", "--lang", "de", stdin=stdin).stdout.splitlines()[0]
    assert header.split()[:2] == ["TICKET", "THEMA"] and "FAKTEN" in header


def test_cli_cut_ticket_is_reported_in_the_chosen_language():
    stdin = json.dumps({"id": "L-1", "text": "Aktivierungsmail fehlt. " + "x" * 12_000}) + "\n"
    de = cli("-", "--json", "--lang", "de", stdin=stdin)
    assert de.returncode == 0 and "Ticket auf 10.000 Zeichen gekürzt" in de.stderr and "L-1" in de.stderr
    en = cli("-", "--json", stdin=stdin)
    assert "ticket cut to 10,000 characters" in en.stderr


def test_cli_names_a_broken_ticket_by_its_id_once_in_the_chosen_language_and_triages_the_others():
    stdin = ('{"id": "RQ-1", "text": "Die Aktivierungsmail ist nicht gekommen."}\n'
             '{"id": "RQ-2", "text": "Der Link in der Aktivierungsmail ist abgelaufen."\n'
             '{"id": "RQ-3", "text": "We cannot see any licenses after activation."}\n')
    for lang, told in (("de", "<stdin>:2 (RQ-2): kein JSON-Objekt: die Zeile endet, bevor das Objekt geschlossen ist"),
                       ("en", "<stdin>:2 (RQ-2): not a JSON object: the line ends before the object is closed")):
        run = cli("-", "--json", "--lang", lang, stdin=stdin)
        assert run.returncode == 2
        assert run.stderr.strip().splitlines() == [next(line for line in run.stderr.splitlines() if told in line)]
        assert [json.loads(line)["ticket"] for line in run.stdout.splitlines()] == ["RQ-1", "RQ-3"]


def test_cli_lines_about_unreadable_tickets_and_files_are_in_the_chosen_language(tmp_path):
    stdin = '{"id": "E-1", "text": "  "}\n[1, 2]\n'
    de = cli("-", "--json", "--lang", "de", stdin=stdin)
    assert de.returncode == 2
    assert "<stdin>:1 (E-1): leeres Ticket: der Text ist leer" in de.stderr
    assert "<stdin>:2: kein JSON-Objekt, sondern list" in de.stderr
    assert "empty ticket" not in de.stderr and "not a JSON object" not in de.stderr
    en = cli("-", "--json", stdin=stdin)
    assert "<stdin>:1 (E-1): empty ticket: the text is empty" in en.stderr
    table = tmp_path / "tickets.csv"
    table.write_text("nr,inhalt\n1,Aktivierungsmail fehlt\n", encoding="utf-8")
    de = cli(str(table), "--lang", "de", "--column", "text")
    assert "keine Spalte „text“ in der CSV-Kopfzeile (Spalten: nr, inhalt" in de.stderr
    de = cli(str(tmp_path / "fehlt.jsonl"), "--lang", "de")
    assert "fehlt.jsonl ist nicht lesbar" in de.stderr
    de = cli(str(table), "--lang", "de", today="2026-13-01")
    assert "„2026-13-01“ ist kein gültiges Datum" in de.stderr


def test_cli_redact():
    proc = cli(str(FIX / "sample.jsonl"), "--json", "--redact")
    assert "anna.meier" not in proc.stdout and "a***@outlook.com" in proc.stdout


def test_cli_bad_today():
    proc = cli(str(FIX / "sample.jsonl"), "--json", today="2026-02-30")
    assert proc.returncode == 2 and "--today" in proc.stderr and "Traceback" not in proc.stderr


# -- the bundled knowledge base: the public dev tickets -----------------------------------


def test_dev_tickets_with_the_bundled_knowledge_base():
    yaml = pytest.importorskip("yaml")
    dev = Path("/work/shared/eval/dev.yaml")
    if not dev.exists():
        pytest.skip("no dev set")
    from faq.search.cache import load

    kb, matcher = load()
    data = yaml.safe_load(dev.read_text(encoding="utf-8"))
    today = date.fromisoformat(str(data["today"]))
    for t in data["tickets"]:
        r = triage_text(t["text"], kb, matcher, today)
        assert (r.id if r.match.outcome != "no_match" else None) == t["expect"], t["text"]
        if t.get("cause"):
            assert r.cause == t["cause"], t["text"]


def test_realistic_tickets_with_the_bundled_knowledge_base():
    """German and English tickets in customers' words (fixtures/tickets/realistic.yaml)."""
    yaml = pytest.importorskip("yaml")
    from faq.search.cache import load

    kb, matcher = load()
    data = yaml.safe_load((FIX / "realistic.yaml").read_text(encoding="utf-8"))
    today = date.fromisoformat(str(data["today"]))
    topic_ok = cause_ok = causes = 0
    misses = []
    for t in data["tickets"]:
        r = triage_text(t["text"], kb, matcher, today)
        expect = t["expect"] if isinstance(t["expect"], list) else [t["expect"]]
        got = r.id if r.match.outcome != "no_match" else None
        topic_ok += got in expect
        if "cause" in t:
            causes += 1
            cause_ok += r.cause == t["cause"]
            if r.cause != t["cause"]:
                misses.append((t["text"][:60], t["cause"], r.cause, dict(r.facts)))
    assert topic_ok / len(data["tickets"]) >= 0.9
    assert cause_ok / causes >= 0.85, misses


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal(monkeypatch):
    from bot.cli import triage as mod

    quiet = io.StringIO()
    bar = mod._Progress(quiet)
    bar.update(50, 100, 5000)
    assert quiet.getvalue() == ""
    tty = _Tty()
    bar = mod._Progress(tty)
    bar.started -= 5
    bar.update(50, 100, 5000)
    assert "50.0%" in tty.getvalue() and "5000 tickets" in tty.getvalue()
    bar.close()
    assert tty.getvalue().endswith("\r\x1b[K")


def test_long_json_line_is_reported_and_skipped():
    from faq.tickets.readers import read_tickets

    data = b'{"text": "' + b"x" * 1_100_000 + b'"}\n{"id": "ok", "text": "Link abgelaufen"}\n'
    items = list(read_tickets(io.BytesIO(data), "big.jsonl"))
    assert "big.jsonl:1" in str(items[0]) and items[1].id == "ok"


def test_facts_from_a_forwarded_mail_count_when_the_customer_points_at_it():
    text = ("Hallo,\nder Aktivierungslink geht nicht mehr, Kaufdatum siehe unten.\nGruß Claudia\n\n"
            "> Von: vertrieb@partner.example\n> Datum: 02.06.2026\n>\n> Ihre Bestellung ist raus. Kaufdatum: 05.01.2026.")
    r = triage(text)
    assert r.id == "activation-link-expiry" and r.cause == "activation-link-expired"
    assert r.to_json()["facts"] == {"purchase_date": "2026-01-05"}


def test_facts_from_a_quoted_mail_the_customer_does_not_point_at_state_nothing():
    text = ("Hallo,\nder Aktivierungslink geht nicht mehr.\nGruß Claudia\n\n"
            "> Von: vertrieb@partner.example\n> Datum: 02.06.2026\n>\n> Ihre Bestellung ist raus. Kaufdatum: 05.01.2026.")
    r = triage(text)
    assert r.id == "activation-link-expiry" and r.cause is None and r.to_json()["facts"] == {}


def test_the_customers_own_words_come_before_a_quoted_mail():
    text = ("Guten Tag, wir haben am 05.01.2026 gekauft, aber der Link geht nicht mehr.\n\n"
            "-----Ursprüngliche Nachricht-----\nVon: Partner\nGesendet: Montag\n\nKaufdatum laut Rechnung: 01.10.2026")
    assert triage(text).to_json()["facts"] == {"purchase_date": "2026-01-05"}


def test_an_agent_rejecting_a_fact_changes_the_diagnosis_at_once():
    from faq.search.cache import load
    from faq.tickets.triage import revise

    kb, matcher = load()
    r = triage_text("Hallo, unser OSM ist lea@outlook.com und die Aktivierungsmail fehlt. Gruß Lea", kb, matcher, TODAY)
    assert r.cause == "outlook-com-address" and "osm_email" in r.evidence
    rejected = revise(r, kb, TODAY, reject=["osm_email"])
    assert "osm_email" not in rejected.facts and "osm_email" not in rejected.evidence
    assert rejected.cause is None and rejected.next["fact"] == "osm_email"
    assert "outlook.com" not in rejected.reply and rejected.reply.startswith("Guten Tag Lea,")
    corrected = revise(r, kb, TODAY, correct={"osm_email": "lea@contoso.de", "domain_verified": True})
    assert corrected.cause == "domain-verified" and "osm_email" not in corrected.evidence


def test_revising_an_unknown_fact_is_an_input_error():
    from faq.errors import InputError
    from faq.search.cache import load
    from faq.tickets.triage import revise

    kb, matcher = load()
    r = triage_text("Hallo, unser OSM ist lea@outlook.com und die Aktivierungsmail fehlt.", kb, matcher, TODAY)
    with pytest.raises(InputError, match="purchase_date"):
        revise(r, kb, TODAY, reject=["purchase_date"])


@pytest.mark.parametrize("text,lang", [
    ("Unser OSM ist it-admin@contoso.de, die Domäne ist bereits verifiziert.", "de"),
    ("Our OSM is it-admin@contoso.example and the domain is already verified.", "en"),
])
def test_facts_stated_in_typed_text_come_with_their_words_for_confirmation(text, lang):
    from faq.language.catalogue import tr
    from faq.search.cache import load
    from faq.tickets.triage import facts_stated

    kb, _ = load()
    read = facts_stated(text, kb.flow("missing-activation-email"), kb, TODAY, lang)
    assert read.facts["osm_email"].startswith("it-admin@") and read.facts["domain_verified"] is True
    ev = read.evidence["domain_verified"]
    assert text[ev.start:ev.end] == ev.quote and "verifi" in ev.quote
    assert ev.quote in tr(lang, "confirm_stated", quote=ev.quote)


# -- issue 15: nothing hostile reaches a terminal or a spreadsheet -------------------------

_OSC52 = "\x1b]52;c;aGVsbG8=\x07"
_BAD_CHARS = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\U000e0041")


def _hostile_tickets() -> str:
    rows = [
        {"id": f"T-1{_OSC52}", "text": "Aktivierungsmail nicht bekommen", "subject": "\x1b]0;title\x07Hallo"},
        {"id": "=HYPERLINK(\"http://evil\")", "text": "Aktivierungslink abgelaufen"},
        {"id": "+cmd|' /C calc'!A0", "text": "Lizenzen doppelt"},
        {"id": "@SUM(A1)", "text": "Lizenzen nicht sichtbar\u202e"},
        {"id": "-1\x9b31m\u2066\U000e0041", "text": "keine Mail"},
        {"id": f"E{_OSC52}", "text": ""},  # an error message names this id
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


@pytest.mark.parametrize("mode", [[], ["--json"], ["--csv"], ["--summary"]])
def test_hostile_ids_and_subjects_reach_no_output(mode):
    proc = cli(*mode, "-", stdin=_hostile_tickets())
    assert proc.returncode == 2  # the empty ticket
    for stream in (proc.stdout, proc.stderr):
        assert not any(c in stream for c in _BAD_CHARS), repr(stream)
    assert "E]52;c;aGVsbG8=" not in proc.stderr and "aGVsbG8=" not in proc.stderr


def test_csv_cells_never_start_a_formula():
    proc = cli("--csv", "-", stdin=_hostile_tickets())
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"http://evil\")" in cells and "'@SUM(A1)" in cells


def test_a_hostile_file_name_is_made_safe_in_messages(tmp_path):
    name = tmp_path / "x\x1b]0;pwned\x07.jsonl"
    name.write_text('{"id": "1", "text": ""}\n', encoding="utf-8")
    proc = cli(str(name))
    assert proc.returncode == 2 and "\x1b" not in proc.stderr and "\x07" not in proc.stderr


def test_cli_mails_named_by_their_message_id_are_told_apart_in_the_table(tmp_path):
    mail = ("From kunde@firma-gmbh.de Mon Nov 23 10:00:00 2026\nFrom: Kunde <kunde@firma-gmbh.de>\n"
            "Message-ID: <{}@firma-gmbh.de>\nSubject: Aktivierung\n\n"
            "Unser OSM ist anna.meier@outlook.com. Keine Aktivierungsmail.\n\n")
    box = tmp_path / "support.mbox"
    box.write_text(mail.format("20261123-a1b2c3") + mail.format("20261124-d4e5f6"), encoding="utf-8")
    rows = [line for line in cli(str(box)).stdout.splitlines() if "outlook-com-address" in line]
    assert [row.split()[0] for row in rows] == ["20261123-a1b2…", "20261124-d4e5…"]  # not both "…firma-gmbh.de"


def test_cli_a_folder_stands_for_its_ticket_files_and_a_broken_one_is_named(tmp_path):
    folder = tmp_path / "posteingang-support-november"
    folder.mkdir()
    (folder / "a-kunde.eml").write_text("From: Max <max@firma.de>\nSubject: Aktivierung\n\n"
                                         "Unser OSM ist anna.meier@outlook.com. Keine Aktivierungsmail.\n", encoding="utf-8")
    (folder / "b-kundin.txt").write_text("Unser OSM ist anna.meier@outlook.com. Keine Aktivierungsmail.\n",
                                         encoding="utf-8")
    (folder / "c-kaputt.txt").write_bytes(b"\xff\xfe kaputt \xc3\x28\n")
    (folder / ".hidden").write_text("not a ticket", encoding="utf-8")
    r = cli(str(folder))
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [r.stderr.strip()] and "c-kaputt.txt" in r.stderr and "Traceback" not in r.stderr
    rows = [line for line in r.stdout.splitlines() if "outlook-com-address" in line]
    assert len(rows) == 2
    assert rows[0].startswith("…") and "a-kunde.eml" in rows[0] and "b-kundin.txt" in rows[1]  # told apart by their ends
    empty = tmp_path / "leer"
    empty.mkdir()
    r = cli(str(empty), "--lang", "de")
    assert r.returncode == 2 and "leer: keine Ticketdateien in diesem Ordner" in r.stderr


@pytest.mark.parametrize(("name", "content", "said"), [
    ("leer.jsonl", b"", "leer.jsonl: keine Tickets, die Datei ist leer"),
    ("leer.mbox", b"", "leer.mbox: keine Tickets, die Datei ist leer"),
    ("zeilen.jsonl", b"\n  \n\n", "zeilen.jsonl: keine Tickets in der Datei (nur Leerzeilen"),
    ("kopf.csv", b"\xef\xbb\xbfid;text\r\n", "kopf.csv: keine Tickets in der Datei (nur Leerzeilen oder eine Kopfzeile)"),
])
def test_a_file_without_tickets_is_named_and_the_others_are_triaged(tmp_path, name, content, said):
    """An empty export told as an empty CSV or text file is: one line naming it, exit 2, the other file's tickets read."""
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "gut.jsonl"
    good.write_text('{"id": "G-1", "text": "Unser OSM ist anna.meier@outlook.com, keine Aktivierungsmail."}\n', encoding="utf-8")
    r = cli(str(tmp_path / name), str(good), "--lang", "de")
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [r.stderr.strip()] and said in r.stderr
    assert "G-1" in r.stdout and "outlook-com-address" in r.stdout


@pytest.mark.parametrize("text", [
    "Guten Tag, bestellt haben wir am 3. November, die Nutzung startet am 29. November. Bisher keine Aktivierungsmail.",
    "Hello, the subscription starts on November 29th; we placed the order on November 3rd. No activation email yet.",
])
def test_an_order_date_and_a_later_usage_start_each_keep_their_own_year(text):
    from faq.search.cache import load

    kb, matcher = load()
    r = triage_text(text, kb, matcher, TODAY)
    assert r.facts["usage_start"] == date(2026, 11, 29)
    assert r.cause == "usage-start-pending"


@pytest.mark.parametrize("text,facts", [
    ("Die Reservierung ist seit dem 21.11. wirksam, aber keine Aktivierungsmail.", {"reservation_effective": True}),
    ("The reservation became effective on Nov 21, but no activation email came.", {"reservation_effective": True}),
    ("Unsere Reservierung vom 16.11. ist aktiv, nur eine Aktivierungsmail kam nie.",
     {"reservation_date": date(2026, 11, 16), "reservation_effective": True}),
    ("We reserved 12 seats on 17 Nov; it is still not effective and there is no activation email.",
     {"reservation_date": date(2026, 11, 17), "reservation_effective": False}),
])
def test_the_day_a_reservation_took_effect_is_not_the_day_it_was_placed(text, facts):
    from faq.search.cache import load

    kb, matcher = load()
    r = triage_text(text, kb, matcher, TODAY)
    assert {k: v for k, v in r.facts.items() if k.startswith("reservation")} == facts


@pytest.mark.parametrize("text,same", [
    ("Seit der Erneuerung warten wir. Den Organisationsnamen haben wir dabei nicht geändert, und unter dem EA gibt es "
     "nur eine Registrierung. Brauchen wir eine Aktivierung?", True),
    ("We renewed in October and kept our organisation name; we have only one enrollment under the EA. "
     "Do we need to activate anything?", True),
    ("Bei der Verlängerung haben wir den Organisationsnamen geändert. Müssen wir die neue Registrierung aktivieren?", False),
])
def test_a_renewal_states_its_organisation_name_by_keeping_or_changing_it(text, same):
    from faq.search.cache import load

    kb, matcher = load()
    r = triage_text(text, kb, matcher, TODAY)
    assert r.id == "renewal-activation" and r.facts["same_org_name"] is same
    assert r.cause == ("renewal-auto-assigned" if same else None)


@pytest.mark.parametrize("text", [
    "Die Reservierung haben wir am 19.11.2026 aufgegeben und die Nutzung beginnt am 02.12.2026. Keine Aktivierungsmail.",
    "The reservation was placed on 19 Nov 2026 and usage begins 2 Dec 2026. Still no activation email.",
])
def test_a_date_before_and_belongs_to_its_own_clause_not_to_the_next(text):
    from faq.search.cache import load

    kb, matcher = load()
    r = triage_text(text, kb, matcher, TODAY)
    assert r.facts["reservation_date"] == date(2026, 11, 19) and r.facts["usage_start"] == date(2026, 12, 2)


@pytest.mark.parametrize("text", [
    "Hallo,\n\nunten die Antwort unseres Händlers. Die Aktivierungsmail ist weiter nicht da.\n\nGruß\nPetra Lang\n\n"
    "---------- Weitergeleitete Nachricht ----------\nVon: Vertrieb <vertrieb@it-partner.example>\nDatum: 18.11.2026\n\n"
    "Ihre Bestellung ist übermittelt.\nMit freundlichen Grüßen\nKarl Maier\nvertrieb@it-partner.example",
    "Hi,\n\nour reseller's answer is below. Still no activation email.\n\nThanks\nOwen\n\n"
    "-----Original Message-----\nFrom: Sales <sales@partner.example>\nSent: 18 November 2026\n\n"
    "Your order has been submitted.\nRegards\nKarl Maier\nsales@partner.example",
])
def test_the_only_address_of_a_forwarded_mail_is_not_the_osm(text):
    assert "osm_email" not in triage(text).facts


@pytest.mark.parametrize(("lang", "said"), [("de", "keine solche Datei oder kein solcher Ordner"),
                                            ("en", "no such file or directory")])
def test_cli_a_missing_file_is_named_with_the_reason_in_the_language_asked(tmp_path, lang, said):
    missing = tmp_path / "fehlt.jsonl"
    r = cli(str(missing), "--lang", lang)
    assert r.returncode == 2 and "fehlt.jsonl" in r.stderr and r.stderr.strip().endswith(f": {said}")


@pytest.mark.parametrize("text", [
    "Hallo Petra, übernimmst du das bitte? Danke, Jonas\n\n---------- Weitergeleitete Nachricht ----------\n"
    "Von: Lars Wendt <l.wendt@wendt-bau.de>\nBetreff: Lizenzen\n\n"
    "Wir haben die Dienste aktiviert, aber im Portal sehen wir keine Lizenzen. Was fehlt da noch?\n",
    "Hi Sam, could you take this one? Thanks, Priya\n\n---------- Forwarded message ----------\n"
    "From: Dana Fox <d.fox@foxmedia.example>\nSubject: licences\n\n"
    "We activated the services, but we see no licences in the portal. What is missing?\n",
])
def test_a_forwarded_mail_under_words_naming_no_topic_gives_the_topic(text):
    assert triage(text).id == "licenses-not-visible"


def test_a_forwarded_mail_gives_no_topic_without_a_forwarding_header_or_pointer():
    text = ("Hallo Petra, übernimmst du das bitte? Danke, Jonas\n\n"
            "> Am 02.11.2026 schrieb Lars Wendt:\n> Wir haben die Dienste aktiviert, aber im Portal sehen wir keine Lizenzen.\n")
    assert triage(text).id is None


