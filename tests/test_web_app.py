"""The web chat's pages and form posts (Starlette's TestClient, no browser)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
pytest.importorskip("multipart")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # Starlette suggests httpx2; httpx is what the extra installs
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from bot.web.app import create_app  # noqa: E402
from bot.web.store import MemoryStore, SqliteStore  # noqa: E402
from tests.web_helpers import buttons, config, form_fields  # noqa: E402

BASE = "http://127.0.0.1:8000"


def client(cfg=None, store=None) -> TestClient:
    return TestClient(create_app(cfg or config(), store), base_url=BASE, follow_redirects=True)


def start(c: TestClient, lang: str = "de") -> tuple[str, str]:
    r = c.get(f"/?lang={lang}")
    assert r.status_code == 200
    cid = re.search(r"/c/([0-9a-f]+)", str(r.url)).group(1)
    return cid, r.text


def say(c: TestClient, cid: str, html: str, text: str):
    return c.post(f"/c/{cid}/say", data={**form_fields(html, "/say"), "text": text})


def pick(c: TestClient, cid: str, html: str, label: str):
    found = [(n, v) for n, v, lab in buttons(html) if lab == label]
    assert found, f"no button {label!r} in {[b[2] for b in buttons(html)]}"
    name, value = found[-1]
    return c.post(f"/c/{cid}/pick", data={**form_fields(html, "/pick"), name: value})


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def question_number(html: str) -> int:
    return int(re.findall(r"Frage (\d+) von höchstens", html)[-1])


def test_page_is_a_complete_accessible_document():
    c = client()
    cid, html = start(c)
    assert '<html lang="de">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<title>faqbot" in html
    assert '<main id="main">' in html and "<header" in html and "<footer" in html
    assert 'aria-live="polite"' in html
    assert '<label for="text">Ihre Frage</label>' in html
    assert re.search(r'<input id="text"[^>]*autofocus', html)
    assert "<script>" not in html and "style=" not in html and "onclick" not in html.lower()
    assert "https://" not in html


def test_each_response_has_a_strict_content_policy():
    r = client().get("/", follow_redirects=False)
    assert r.status_code == 303
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-frame-options"] == "DENY"


def test_embedding_origins_are_listed_in_frame_ancestors():
    r = client(config(embed_origins=("https://www.example.com",))).get("/", follow_redirects=False)
    assert "frame-ancestors 'self' https://www.example.com" in r.headers["content-security-policy"]
    assert "x-frame-options" not in r.headers


def test_a_new_tab_starts_a_new_conversation():
    c = client()
    first, _ = start(c)
    second, _ = start(c)
    assert first != second


def test_ask_shows_the_answer_card_with_contact_and_important():
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Ich habe die Aktivierungsmail nicht erhalten").text
    text = text_of(html)
    assert "Ich habe die Aktivierungsmail nicht erhalten" in text
    assert "Warum habe ich die Aktivierungs-E-Mail nicht erhalten?" in text
    assert "Ansprechpartner:" in text
    assert "Diagnose starten" in [b[2] for b in buttons(html)]
    assert re.search(r'<h3 id="h\d+" tabindex="-1"\s+autofocus data-focus>Warum', html)


@pytest.mark.parametrize(("lang", "typed"), [("de", "Bitte Diagnose starten"), ("en", "Start the diagnosis")])
def test_typing_start_where_no_diagnosis_is_offered_says_so_not_no_answer(lang, typed):
    """Where no answer offers a diagnosis (a new conversation), the typed label gets the page's own line (no key), no
    "no answer" from the FAQ; the topics of the greeting stay to be picked."""
    from faq.language.catalogue import tr

    c = client()
    cid, html = start(c, lang)
    topics = [b[2] for b in buttons(html)]
    html = say(c, cid, html, typed).text
    text = text_of(html)
    assert " ".join(tr(lang, "web_no_flow_offered").split()) in text
    assert tr(lang, "no_match") not in text and tr(lang, "web_no_flow_offered") != tr(lang, "no_flow_offered")
    assert [b[2] for b in buttons(html)] == topics


def test_user_text_is_never_markup():
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "<script>alert(1)</script><b>x</b>\x1b[31mrot\x07").text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\x1b" not in html and "\x07" not in html and "rot" in html


def test_clarify_offers_none_of_these():
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Aktivierung").text
    labels = [b[2] for b in buttons(html)]
    assert "Keine davon" in labels
    html = pick(c, cid, html, "Keine davon").text
    assert "Schade, dass nichts davon passt" in text_of(html)


def _to_flow(c: TestClient, lang: str = "de") -> tuple[str, str]:
    cid, html = start(c, lang)
    html = pick(c, cid, html, "Aktivierungs-E-Mail nicht erhalten" if lang == "de" else "Activation email not received").text
    html = pick(c, cid, html, "Diagnose starten" if lang == "de" else "Start diagnosis").text
    return cid, html


def test_a_flow_runs_to_its_resolution_with_summary_downloads():
    c = client()
    cid, html = _to_flow(c)
    assert "Frage 1 von höchstens" in text_of(html)
    assert 'inputmode="email"' in html
    html = say(c, cid, html, "m.schulz@outlook.com").text
    text = text_of(html)
    assert "Ergebnis:" in text
    assert "outlook.com" in text
    assert f'href="/c/{cid}/summary.md" download' in html
    md = c.get(f"/c/{cid}/summary.md")
    assert md.headers["content-disposition"].startswith('attachment; filename="faqbot-fall-2026-11-24.md"')
    assert md.text.startswith("# Fall:")
    assert "m.schulz@outlook.com" in md.text
    txt = c.get(f"/c/{cid}/summary.txt")
    assert txt.headers["content-type"].startswith("text/plain")
    assert "**" not in txt.text and "\\" not in txt.text
    assert "m.schulz@outlook.com" in txt.text


def test_yes_no_buttons_back_and_restart():
    c = client()
    cid, html = _to_flow(c)
    html = say(c, cid, html, "it@firma.de").text
    html = say(c, cid, html, "01.01.2026").text
    labels = [b[2] for b in buttons(html)]
    assert labels[:3] == ["Ja", "Nein", "Weiß nicht"]
    assert "Zurück" in labels and "Neu starten" in labels and "Diagnose beenden" in labels
    assert re.search(r'value="0" class="primary"\s+autofocus data-focus>Ja<', html)
    html = pick(c, cid, html, "Ja").text
    assert question_number(html) == 4
    html = pick(c, cid, html, "Zurück").text
    assert "Ihre Antwort auf „" in text_of(html) and "ist zurückgenommen" in text_of(html)
    assert question_number(html) == 3
    html = pick(c, cid, html, "Neu starten").text
    assert "Die Diagnose beginnt von vorn." in text_of(html)
    assert "Frage 1 von höchstens" in text_of(html)


def test_a_bad_value_shows_the_parsers_message_and_survives_reload():
    c = client()
    cid, html = _to_flow(c)
    html = say(c, cid, html, "kein-at-zeichen").text
    message = re.search(r'<p class="error">.*?</span>(.*?)</p>', html, re.S).group(1)
    assert message.startswith("Das konnte ich nicht übernehmen:")
    again = c.get(f"/c/{cid}").text
    assert message in again
    assert "Frage 1 von höchstens" in text_of(again)


def test_a_rejected_answer_stays_in_the_field_to_be_corrected():
    c = client()
    cid, html = _to_flow(c)
    html = say(c, cid, html, "it@contoso").text
    field = re.search(r'<input id="text"[^>]*>', html, re.S).group(0)
    assert 'value="it@contoso"' in field
    html = say(c, cid, html, "it@contoso.com").text
    assert "value=" not in re.search(r'<input id="text"[^>]*>', html, re.S).group(0)


def test_a_bad_date_shows_the_date_parsers_message():
    c = client()
    cid, html = start(c)
    html = pick(c, cid, html, "Läuft der Aktivierungslink ab?").text
    html = pick(c, cid, html, "Diagnose starten").text
    html = say(c, cid, html, "31.02.2026").text
    assert "31.02.2026" in text_of(html) and 'class="error"' in html
    html = say(c, cid, html, "2026-08-31").text
    assert "Ergebnis:" in text_of(html)


def test_an_ambiguous_date_offers_its_readings_as_dates_people_read():
    c = client()
    cid, html = start(c)
    html = pick(c, cid, html, "Läuft der Aktivierungslink ab?").text
    html = pick(c, cid, html, "Diagnose starten").text
    html = say(c, cid, html, "3/4/2026").text
    labels = [b[2] for b in buttons(html)]
    assert "3. April 2026" in labels and "4. März 2026" in labels
    assert "2026-04-03" not in labels
    html = pick(c, cid, html, "4. März 2026").text
    assert "Ergebnis:" in text_of(html) and "04.03.2026" in text_of(html)


def test_a_stale_menu_goes_with_its_heading():
    c = client()
    cid, html = start(c)
    assert "oder wählen Sie ein häufiges Thema" in text_of(html)
    html = say(c, cid, html, "Wie backe ich einen Kuchen?").text
    assert "oder wählen Sie ein häufiges Thema" not in text_of(html)  # its topics are gone
    assert "menu-heading" in (Path(__file__).parents[1] / "bot/web/static/chat.js").read_text()  # also in place


def test_no_match_names_support_before_the_closest_topics_heading_their_buttons():
    from datetime import date

    from bot.chat.dialogue import Dialogue, NoMatch, Option
    from bot.web.views import item_views
    from faq.search.cache import load

    kb, matcher = load()
    dialogue = Dialogue(kb, matcher, date(2026, 11, 24))
    dialogue.items.append(NoMatch(("activation-link-expiry",), (Option("entry", "activation-link-expiry"),)))
    body = [b["text"] for b in item_views(dialogue, "de")[-1]["body"]]
    assert body[-1] == "Am nächsten kommen diese Themen:"  # right above its buttons
    assert len(body) == 2


def test_end_diagnosis_returns_to_the_faq():
    c = client()
    cid, html = _to_flow(c)
    html = pick(c, cid, html, "Diagnose beenden").text
    assert "Diagnose beendet." in text_of(html)
    assert "Diagnose beenden" not in [b[2] for b in buttons(html)]


def test_english_conversation_and_switching_language():
    c = client()
    cid, html = _to_flow(c, "en")
    assert '<html lang="en">' in html
    assert "Question 1 of at most" in text_of(html)
    html = c.post(f"/c/{cid}/lang", data={**form_fields(html, "/lang"), "to": "de"}).text
    assert '<html lang="de">' in html
    assert "Frage 1 von höchstens" in text_of(html)


def test_reload_keeps_the_conversation():
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Läuft der Aktivierungslink ab?").text
    assert c.get(f"/c/{cid}").text.count("Läuft der Aktivierungslink ab?") >= 2


def test_conversation_survives_a_server_restart(tmp_path):
    path = tmp_path / "conv.sqlite3"
    cfg = config(store_path=path)
    c = client(cfg)
    cid, html = _to_flow(c)
    say(c, cid, html, "it@firma.de")
    c2 = client(cfg, SqliteStore(path, 3600))
    text = text_of(c2.get(f"/c/{cid}").text)
    assert "it@firma.de" in text
    assert "Frage 2 von höchstens" in text


def test_conversation_expires(tmp_path):
    store = MemoryStore(ttl=3600)
    c = client(store=store)
    cid, html = start(c)
    say(c, cid, html, "Läuft der Aktivierungslink ab?")
    conv = store.load(cid, 0)
    store._data[cid] = conv.__class__(conv.cid, conv.lang, conv.today, conv.created, conv.updated - 7200, conv.events)
    html = c.get(f"/c/{cid}").text
    assert "Läuft der Aktivierungslink ab?" not in [b[2] for b in buttons(html)] or "Sie: " not in html
    assert "Sie: </span>" not in html


def test_redact_stores_addresses_masked(tmp_path):
    path = tmp_path / "conv.sqlite3"
    c = client(config(store_path=path, redact=True))
    cid, html = _to_flow(c)
    say(c, cid, html, "m.schulz@outlook.com")
    raw = path.read_bytes() + (tmp_path / "conv.sqlite3-wal").read_bytes()
    assert b"m.schulz@outlook.com" not in raw
    assert b"@outlook.com" in raw
    assert "m.schulz@outlook.com" not in c.get(f"/c/{cid}/summary.md").text


def test_no_store_writes_nothing_to_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    c = client(config(store_path=None))
    cid, html = _to_flow(c)
    say(c, cid, html, "m.schulz@outlook.com")
    c.get(f"/c/{cid}/summary.md")
    assert list(tmp_path.iterdir()) == []


def test_forms_need_the_csrf_token():
    c = client()
    cid, html = start(c)
    r = c.post(f"/c/{cid}/say", data={"text": "hallo", "csrf": "0" * 64})
    assert r.status_code == 403
    other, _ = start(c)
    r = c.post(f"/c/{other}/say", data={**form_fields(html, "/say"), "text": "hallo"})
    assert r.status_code == 403


def test_forged_conversation_ids_are_refused():
    c = client()
    assert c.get("/c/" + "a" * 48).status_code == 404
    assert c.get("/c/../etc/passwd").status_code == 404


def test_foreign_origin_and_host_are_refused():
    c = client()
    cid, html = start(c)
    r = c.post(f"/c/{cid}/say", data={**form_fields(html, "/say"), "text": "x"}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert client().get("/", headers={"Host": "evil.example"}).status_code == 403


def test_stale_option_is_not_applied_twice():
    c = client()
    cid, html = start(c)
    fields = form_fields(html, "/pick")
    c.post(f"/c/{cid}/pick", data={**fields, "option": "0"})
    html = c.post(f"/c/{cid}/pick", data={**fields, "option": "1"}).text
    assert "nicht mehr aktuell" in html
    assert "Aktivierungs-E-Mail erneut senden" not in re.findall(r"<h3[^>]*>([^<]*)</h3>", html)


def test_per_conversation_step_limit():
    c = client(config(max_events=2))
    cid, html = start(c)
    html = say(c, cid, html, "Aktivierungslink").text
    html = say(c, cid, html, "Support").text
    html = say(c, cid, html, "Lizenzen").text
    assert "Höchstzahl an Schritten" in html
    assert "Lizenzen" not in re.findall(r"Sie: </span>([^<]*)", html)


def test_per_client_rate_limit_is_429():
    c = client(config(client_rate=2, conversation_rate=0))
    cid, html = start(c)
    say(c, cid, html, "a")
    say(c, cid, html, "b")
    r = say(c, cid, html, "c")
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1
    assert "Zu viele Anfragen" in r.text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_oversized_form_is_answered_with_a_page_in_the_pages_language(lang):
    from html import unescape

    from faq.language.catalogue import count, tr

    c = client()
    cid, html = start(c, lang)
    html = say(c, cid, html, "Wer ist der OSM?" if lang == "de" else "Who is the OSM?").text
    r = c.post(f"/c/{cid}/say", data={**form_fields(html, "/say"), "text": "x" * 1_100_000},
               headers={"accept-language": "de" if lang == "en" else "en"})  # the browser's: not the page's
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}">' in r.text
    assert tr(lang, "web_too_large", size="1 MB", limit=count(2000, lang)) in unescape(text_of(r.text))
    assert f'href="/c/{cid}"' in r.text  # back to the conversation, not a new one
    assert c.get(f"/c/{cid}").text.count('class="msg user') == 1  # nothing of it stored, nothing lost


@pytest.mark.parametrize("text", ["Unsere Aktivierungsmail fehlt. " * 700, "🔑 " * 6_000, "ä" * 9_000])
def test_a_message_over_sixteen_kilobytes_comes_back_in_its_field_without_script(text):
    from html import unescape

    from faq.language.catalogue import count, tr

    c = client()
    cid, html = start(c)
    r = c.post(f"/c/{cid}/say", data={**form_fields(html, "/say"), "text": text})  # a plain form post: no script
    assert len(urlencode({"text": text})) > 16_384
    assert r.status_code == 200
    page = unescape(r.text)
    size = len(text.strip())
    assert tr("de", "input_too_long", size=count(size, "de"), limit=count(2000, "de")) in unescape(text_of(r.text))
    assert f'value="{text}"' in page  # the whole text, in the field
    assert 'class="msg user' not in c.get(f"/c/{cid}").text  # nothing sent


def test_public_page_offers_no_agent_view_quit_or_files():
    c = client()
    cid, html = start(c)
    for path in ("/agent", f"/c/{cid}/agent", f"/c/{cid}/quit", "/static/../app.py", f"/c/{cid}/summary.py"):
        assert c.get(path).status_code == 404, path
    assert "agent" not in html.lower() and "quit" not in html.lower()


def test_the_page_script_gets_the_page_in_one_round_trip():
    c = client()
    cid, html = start(c)
    r = c.post(f"/c/{cid}/say", data={**form_fields(html, "/say"), "text": "Läuft der Aktivierungslink ab?"},
               headers={"X-Requested-With": "faqbot"}, follow_redirects=False)
    assert r.status_code == 200
    assert "Läuft der Aktivierungslink ab?" in text_of(r.text)
    plain = c.post(f"/c/{cid}/say", data={**form_fields(html, "/say"), "text": "x"}, follow_redirects=False)
    assert plain.status_code == 303 and plain.headers["location"] == f"/c/{cid}#latest"


def test_plain_summary_reads_without_markdown():
    from bot.web.views import plain_summary

    md = "# Fall: Link\n\n- **Frage:** a\\_b\n\n## Angaben\n\n| Frage | Antwort |\n|---|---|\n| Kaufdatum (`purchase_date`) | 31.08.2026 |\n"
    assert plain_summary(md) == "Fall: Link\n==========\n\n- Frage: a_b\n\nAngaben\n-------\n\n- Kaufdatum (purchase_date): 31.08.2026"


def test_two_instances_sharing_a_store_never_apply_a_step_twice(tmp_path):
    path = tmp_path / "shared.sqlite3"
    cfg = config(store_path=path)
    a, b = client(cfg), client(cfg, SqliteStore(path, 3600))
    cid, html = start(a)
    html = pick(a, cid, html, "Läuft der Aktivierungslink ab?").text
    pick(a, cid, html, "Diagnose starten")
    late = pick(b, cid, html, "Diagnose starten").text  # the same page, answered by the other instance
    assert "nicht mehr aktuell" in late
    assert text_of(late).count("Frage 1 von höchstens") == 1
    b_html = say(b, cid, late, "31.08.2026").text
    assert "Ergebnis:" in text_of(a.get(f"/c/{cid}").text) and "Ergebnis:" in text_of(b_html)


def test_a_step_raced_by_another_instance_is_worked_out_again():
    class Racing(MemoryStore):
        raced = False

        def append(self, cid, lang, today, events, now, expected=None):
            if not self.raced:  # another process stores its step between our load and our append
                self.raced = True
                super().append(cid, lang, today, [{"type": "ask", "text": "Aktivierungslink abgelaufen"}], now)
            return super().append(cid, lang, today, events, now, expected)

    store = Racing(3600)
    c = client(store=store)
    cid, html = start(c)
    html = say(c, cid, html, "Wer erhält die Aktivierungs-E-Mail?").text
    assert [e["text"] for e in store.load(cid, 0).events] == ["Aktivierungslink abgelaufen",
                                                             "Wer erhält die Aktivierungs-E-Mail?"]
    assert re.findall(r"Sie: </span>([^<]*)", html) == ["Aktivierungslink abgelaufen", "Wer erhält die Aktivierungs-E-Mail?"]


def test_a_full_memory_store_answers_503_and_keeps_the_others():
    c = client(store=MemoryStore(3600, limit=1))
    cid, html = start(c)
    say(c, cid, html, "Aktivierungslink")
    other, html2 = start(c)
    r = say(c, other, html2, "Lizenzen")
    assert r.status_code == 503
    assert "sehr viele Gespräche" in r.text
    assert say(c, cid, c.get(f"/c/{cid}").text, "Support").status_code == 200


def test_an_empty_message_gets_one_clear_line():
    from faq.language.catalogue import tr

    c = client()
    cid, html = start(c)
    r = say(c, cid, html, "  \x07 ")
    assert r.status_code == 200
    assert text_of(r.text).count(tr("de", "web_empty")) == 1
    assert 'class="msg user' not in r.text  # nothing was said


def test_an_overlong_message_is_refused_with_one_line_never_cut():
    from faq.language.catalogue import tr

    c = client()
    cid, html = start(c)
    longest = 2000  # the terminal chat's limit, with the same message (the matcher's max_chars)
    story = "Wir haben keine Aktivierungsmail bekommen. " * 50 + "Was tun?"
    assert len(story) > longest
    r = say(c, cid, html, story)
    assert r.status_code == 200
    assert tr("de", "input_too_long", size="2.158", limit="2.000") in text_of(r.text)
    assert 'class="msg user' not in r.text  # not answered from its first 2,000 characters
    r = say(c, cid, r.text, story[:1500])  # a message of 1,500 characters, refused before, is taken
    assert "Warum habe ich die Aktivierungs-E-Mail nicht erhalten?" in r.text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_overlong_message_stays_in_the_field_with_the_reason_in_the_pages_language(lang):
    from html import unescape

    from faq.language.catalogue import count, tr

    c = client()  # a browser that asks for no language (German by default) and runs no script
    cid, html = start(c, lang)
    story = ("Our activation mail never came & we checked the spam folder. " if lang == "en"
             else "Unsere Aktivierungsmail kam nie & der Spam-Ordner ist geprüft. ") * 33 + "?"
    r = say(c, cid, html, story)
    assert r.status_code == 200
    assert f'<html lang="{lang}">' in r.text
    assert tr(lang, "input_too_long", size=count(len(story), lang), limit=count(2000, lang)) in unescape(text_of(r.text))
    value = re.search(r'<input id="text"[^>]*?value="([^"]*)"', r.text, re.S)
    assert value is not None and unescape(value.group(1)) == story  # kept whole, to be shortened
    assert re.search(r'<input id="text"[^>]*autofocus', r.text, re.S)
    assert 'class="msg user' not in r.text
    r = say(c, cid, r.text, story[:300])  # shortened, it is sent from the same page
    assert 'class="msg user' in r.text and f'<html lang="{lang}">' in r.text


def _in_link_diagnosis(c, lang):
    """A new conversation in `lang` at the link-expiry diagnosis's first question: its id and page."""
    cid, html = start(c, lang)
    html = pick(c, cid, html, "Läuft der Aktivierungslink ab?" if lang == "de" else "Does the activation link expire?").text
    return cid, pick(c, cid, html, "Diagnose starten" if lang == "de" else "Start diagnosis").text


@pytest.mark.parametrize(("lang", "question", "answer", "resume"), [
    ("de", "Wer ist der OSM?", "Wer erhält die Aktivierungs-E-Mail von Microsoft?", "Zurück zur Diagnose"),
    ("en", "Who is the OSM?", "Who receives the activation email from Microsoft?", "Back to the diagnosis"),
])
def test_a_question_typed_instead_of_the_date_is_answered_and_the_date_asked_again(lang, question, answer, resume):
    c = client()
    cid, html = _in_link_diagnosis(c, lang)
    asked = re.findall(r"<h3[^>]*>([^<]*)</h3>", html)[-1].strip()  # the date question
    html = say(c, cid, html, question).text
    text = text_of(html)
    assert answer in text and resume in text
    assert '<p class="error">' not in html  # no "ist kein Datum"
    assert re.findall(r"<h3[^>]*>([^<]*)</h3>", html)[-1].strip() == asked  # asked again, last
    assert text.rindex(asked) > text.index(resume) > text.index(answer)
    assert "value=" not in re.search(r'<input id="text"[^>]*>', html, re.S).group(0)  # nothing to correct
    html = say(c, cid, html, "2026-08-31").text
    assert ("Ergebnis:" if lang == "de" else "Result:") in text_of(html)



@pytest.mark.parametrize(("lang", "question", "bridge", "asked"), [
    ("de", "Who is the OSM?", "Back to the diagnosis", "Question 1 of"),
    ("en", "Wer ist der OSM?", "Zurück zur Diagnose", "Frage 1 von"),
])
def test_a_side_question_in_the_other_language_leads_back_in_the_users_language(lang, question, bridge, asked):
    c = client()
    cid, html = _in_link_diagnosis(c, lang)
    html = say(c, cid, html, question).text
    other = "en" if lang == "de" else "de"
    answer, step = re.findall(r'<article[^>]*lang="(\w+)"[^>]*>(.*?)</article>', html, re.S)[-2:]
    assert answer[0] == other and step[0] == other  # the side answer and the diagnosis: the user's latest words
    assert re.search(f'<p class="muted">{bridge}', answer[1]) and asked in step[1]
    assert html.rindex(bridge) < html.rindex('class="progress"') < html.rindex(asked)  # right above the question asked again


@pytest.mark.parametrize(("lang", "thanks", "waiting"), [
    ("de", "thanks a lot", "Die offene Frage oben wartet"),
    ("en", "vielen Dank", "The open question above"),
])
def test_thanks_in_the_other_language_during_a_diagnosis_point_back_in_the_diagnosis_language(lang, thanks, waiting):
    c = client()
    cid, html = _in_link_diagnosis(c, lang)
    html = say(c, cid, html, thanks).text
    other = "en" if lang == "de" else "de"
    reply = re.findall(r'<article[^>]*lang="(\w+)"[^>]*>(.*?)</article>', html, re.S)[-1]
    assert reply[0] == other  # the reply in the thanks' language
    assert re.search(f'<p class="muted" lang="{lang}">{waiting}', reply[1])  # the way back: as the diagnosis


@pytest.mark.parametrize(("lang", "said", "written"), [
    ("de", "Who is the OSM?", "en"), ("de", "Wer ist der OSM?", "de"),
    ("en", "Who is the OSM?", "en"), ("en", "Wer ist der OSM?", "de"),
    ("en", "thanks a lot", "en"), ("de", "vielen Dank", "de"),
])
def test_the_users_own_words_carry_the_language_they_are_written_in(lang, said, written):
    c = client()
    cid, html = start(c, lang)
    # a diagnosis in the other language than the page's: started from an answer in it
    html = say(c, cid, html, "Does the activation link expire?" if lang == "de" else "Läuft der Aktivierungslink ab?").text
    html = pick(c, cid, html, "Start diagnosis" if lang == "de" else "Diagnose starten").text
    html = say(c, cid, html, said).text
    mine = re.findall(r'<li class="msg user[^>]*>\s*<p( lang="\w+")?>', html)[-1]
    assert mine == ("" if written == lang else f' lang="{written}"')  # never the diagnosis's language


def test_a_slash_command_is_no_question_and_back_works_typed():
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "/hilfe").text
    text = text_of(html)
    assert "„/hilfe“ ist hier kein Befehl" in text and "/zurück" in text
    assert "keine Antwort" not in text
    html = say(c, cid, html, "Uns fehlt die Aktivierungsmail, was nun?").text
    html = pick(c, cid, html, "Diagnose starten").text
    first = question_number(html)
    html = say(c, cid, html, "einkauf@moebel-hahn.de").text
    assert question_number(html) > first
    html = say(c, cid, html, "/zurück").text
    assert question_number(html) == first
    assert "ist zurückgenommen" in text_of(html)
    # the question answered, quoted whole: its own parentheses never nest in the sentence's
    assert "Ihre Antwort auf „Welche E-Mail-Adresse ist für den Online Services Manager (OSM)" in text_of(html)


def test_a_result_that_means_waiting_is_not_labelled_as_a_contact():
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Die Aktivierungsmail ist noch nicht da, OSM ist lizenz@zahnarzt-roth.de").text
    html = pick(c, cid, html, "Diagnose starten").text
    html = pick(c, cid, html, "Ja").text  # the address it read, confirmed
    assert "Startdatum der Nutzung" in text_of(html)
    text = text_of(say(c, cid, html, "20.12.2099").text)
    assert "Wie es weitergeht: Warten bis" in text
    assert "Ansprechpartner: Warten" not in text


# -- every text of the page in the page's language ----------------------------------------

_TEXT_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-empty", "data-long", "data-offline",
                    "data-done", "data-failed")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _page_texts(html: str) -> list[tuple[str, str]]:
    """Every text a reader meets on a page (text and the attributes read out or shown), with
    the language it is marked as: its element's `lang`, else the nearest ancestor's."""
    from html.parser import HTMLParser

    class Texts(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.langs: list[str] = [""]
            self.found: list[tuple[str, str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            named = dict(attrs)
            lang = named.get("lang") or self.langs[-1]
            self.found += [(lang, str(named[a])) for a in _TEXT_ATTRIBUTES if named.get(a)]
            if tag not in _VOID:
                self.langs.append(lang)

        def handle_endtag(self, tag: str) -> None:
            if tag not in _VOID and len(self.langs) > 1:
                self.langs.pop()

        def handle_data(self, data: str) -> None:
            if data.strip():
                self.found.append((self.langs[-1], " ".join(data.split())))

    parser = Texts()
    parser.feed(html)
    return parser.found


def _only_in(lang: str) -> set[str]:
    """Phrases (two words or more) of the interface and the FAQ's titles and questions that are
    written in `lang` only: met in a text marked as the other language, that text is in the wrong one."""
    from faq.language.catalogue import catalogue
    from faq.search.cache import load

    other = "en" if lang == "de" else "de"
    kb, _ = load(None)
    texts = [t for t in catalogue()[lang].values()]
    texts += [e.question.get(lang) for e in kb.entries] + [e.title.get(lang) for e in kb.entries]
    texts += [f.title.get(lang) for f in kb.flows] + [fact.question.get(lang) for f in kb.flows for fact in f.facts]
    theirs = " | ".join([*catalogue()[other].values(), *(e.question.get(other) for e in kb.entries)])
    phrases = set()
    for text in texts:
        for part in re.split(r"\{[^}]*\}|[:;(),.?!„“\"]", text):
            part = " ".join(part.split())
            if len(part.split()) >= 2 and part not in theirs:
                phrases.add(part)
    return phrases


_WALK = {
    "de": {"talk": "Hallo", "decline": "Wie wird das Wetter morgen in Berlin?", "clarify": "aktivierungsmail",
           "question": "Aktivierungsmail nicht erhalten", "start": "Diagnose starten", "unknown": "Weiß nicht",
           "bad": "it@firma", "address": "it@firma.de", "date": "3/4/2026", "reading": "3. April 2026",
           "back": "Zurück"},
    "en": {"talk": "Hello", "decline": "What will the weather be like in Berlin tomorrow?", "clarify": "activation email",
           "question": "activation email not received", "start": "Start diagnosis", "unknown": "Don&#39;t know",  # as the page escapes it
           "bad": "it@contoso", "address": "it@contoso.com", "date": "3/4/2026", "reading": "3 April 2026",
           "back": "Back"},
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_text_of_the_page_is_in_the_pages_language(lang):
    """A walk through the page in one language (no script, a browser asking for no language):
    small talk, a declined question, a choice, commands, refused messages, an answer, a
    diagnosis with a refused value, an ambiguous date and "don't know" to its end, the result
    with its summary, a step back, a refused form; only what is marked as the other language
    (the switch to it) may be in the other language."""
    words = _WALK[lang]
    c = client()
    cid, html = start(c, lang)
    pages = [html]

    def step(r) -> str:
        pages.append(r.text)
        return r.text

    for text in (words["talk"], words["decline"], words["clarify"], "/suche", " ", "x" * 2100, words["question"]):
        html = step(say(c, cid, html, text))
    html = step(pick(c, cid, html, words["start"]))
    for text in (words["bad"], words["address"], words["date"]):
        html = step(say(c, cid, html, text))
    html = step(pick(c, cid, html, words["reading"]))
    while any(label == words["unknown"] for _, _, label in buttons(html)):
        html = step(pick(c, cid, html, words["unknown"]))
    assert 'class="summary"' in html  # the result, with its summary
    html = step(pick(c, cid, html, words["back"]))
    step(c.post(f"/c/{cid}/say", data={**form_fields(html, "/say"), "csrf": "forged", "text": "x"}))
    assert pages[-1].count("<h1>") == 1  # the message page of a refused form
    assert [p for p in pages if f'<html lang="{lang}">' not in p] == []
    mine = _only_in("de" if lang == "en" else "en")
    assert {"Neues Gespräch", "New conversation"} & mine  # the other language's words are known
    wrong = sorted({(text, p) for page in pages for marked, text in _page_texts(page) if marked == lang
                    for p in mine if p in text})
    assert wrong == []
