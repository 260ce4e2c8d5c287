"""The web page follows the terminal chat: small talk, answers in the question's language,
ambiguous and month-only dates, back after the result, copying the summary (TestClient)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
pytest.importorskip("multipart")
pytest.importorskip("httpx")

from tests.test_web_app import TestClient, _to_flow, client, pick, say, start, text_of  # noqa: E402
from tests.web_helpers import buttons  # noqa: E402

TOPICS = 6


def labels(html: str) -> list[str]:
    return [b[2] for b in buttons(html)]


def last_bot(html: str) -> str:
    """The HTML of the newest assistant message."""
    tail = html.split('<li class="msg bot')[-1]
    return '<li class="msg bot' + tail.split('<form id="composer"')[0]


# -- small talk ------------------------------------------------------------------------------


def test_a_greeting_gets_a_reply_and_the_start_topics_stay_selectable() -> None:
    c = client()
    cid, html = start(c)
    topics = labels(html)
    assert len(topics) == TOPICS
    html = say(c, cid, html, "Hallo!").text
    reply = last_bot(html)
    assert 'class="msg bot smalltalk"' in reply
    assert "Schön, dass Sie da sind" in text_of(reply)
    assert labels(html) == topics  # the greeting's topics are still the buttons in force
    html = pick(c, cid, html, "Läuft der Aktivierungslink ab?").text
    assert "läuft 6 Monate nach dem ursprünglichen Kaufdatum ab" in text_of(last_bot(html))


def test_english_thanks_in_the_german_page_is_answered_in_english() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "thank you!").text
    reply = last_bot(html)
    assert "You're welcome!" in text_of(reply).replace("&#39;", "'")
    assert re.search(r'<article aria-labelledby="h2" lang="en"[ >]', reply)
    assert '<html lang="de">' in html


def test_goodbye_on_the_web_names_no_terminal_key() -> None:
    c = client()
    cid, html = start(c)
    text = text_of(last_bot(say(c, cid, html, "tschüss").text))
    assert "Auf Wiedersehen" in text and "Strg" not in text


def test_small_talk_during_a_flow_keeps_the_question_open() -> None:
    c = client()
    cid, html = _to_flow(c)
    asked = labels(html)
    html = say(c, cid, html, "danke").text
    assert "Die offene Frage oben wartet noch auf Ihre Antwort." in text_of(last_bot(html))
    assert labels(html) == asked
    html = say(c, cid, html, "m.schulz@outlook.com").text
    assert "Ergebnis:" in text_of(last_bot(html))


# -- the question's language -------------------------------------------------------------------


def test_an_english_question_gets_an_english_answer_card_in_the_german_page() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "I did not receive the activation email").text
    card = last_bot(html)
    assert ' lang="en">' in card
    text = text_of(card)
    assert "Why didn't I receive the activation email?" in text.replace("&#39;", "'")
    assert "Contact:" in text and "Ansprechpartner" not in text
    assert "Start diagnosis" in labels(html)  # its options in English too
    # The page stays German; the field below the conversation follows it, as the answers do.
    assert '<html lang="de">' in html and "Neues Gespräch" in text_of(html) and "Your question" in text_of(html)
    html = say(c, cid, html, "Ich habe die Aktivierungsmail nicht erhalten").text
    card = last_bot(html)
    assert ' lang="en">' not in card and "Ansprechpartner:" in text_of(card)


def test_a_german_question_gets_a_german_answer_card_in_the_english_page() -> None:
    c = client()
    cid, html = start(c, lang="en")
    html = say(c, cid, html, "Ich habe die Aktivierungsmail nicht erhalten").text
    card = last_bot(html)
    assert ' lang="de">' in card and "Ansprechpartner:" in text_of(card)
    assert "Diagnose starten" in labels(html)
    assert '<html lang="en">' in html
    html = say(c, cid, html, "VLSC").text  # a name: the conversation's language (German) stays
    assert ' lang="de">' in last_bot(html) and ' lang="en">' not in last_bot(html)


def test_a_diagnosis_from_an_english_answer_asks_in_english_in_the_german_page() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "I did not receive the activation email").text
    html = pick(c, cid, html, "Start diagnosis").text
    card = last_bot(html)
    assert ' lang="en">' in card and "Question 1" in text_of(card)
    assert "Your answer (an email address)" in text_of(html)  # the field's label too
    assert '<html lang="de">' in html  # the page stays German
    assert "End diagnosis" in labels(html) and "Diagnose beenden" not in labels(html)  # the card's controls too
    html = say(c, cid, html, "it@firma.de").text
    assert ' lang="en">' in last_bot(html) and "Frage 2" not in text_of(last_bot(html))


def test_the_result_of_an_english_diagnosis_offers_its_summary_in_english_in_the_german_page() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "I did not receive the activation email").text
    html = pick(c, cid, html, "Start diagnosis").text
    html = say(c, cid, html, "m.schulz@outlook.com").text
    card = text_of(last_bot(html))
    assert "Case summary" in card and "Download (Markdown)" in card and "Zusammenfassung" not in card
    summary = c.get(f"/c/{cid}/summary.md").text
    assert "outlook.com" in summary and "Ursache" not in summary


def test_an_english_question_without_an_answer_is_told_so_in_english() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "What is the capital city of Peru?").text
    card = last_bot(html)
    assert ' lang="en">' in card and "Kontaktaufnahme" not in text_of(card)


# -- dates -------------------------------------------------------------------------------------


def _at_usage_start(c: TestClient) -> tuple[str, str]:
    cid, html = _to_flow(c)
    html = say(c, cid, html, "it@firma.de").text
    assert "Ihre Antwort (ein Datum)" in text_of(html)  # a date is asked
    return cid, html


def test_an_ambiguous_date_offers_both_readings_as_buttons() -> None:
    c = client()
    cid, html = _at_usage_start(c)
    html = say(c, cid, html, "3/12/2026").text
    card = last_bot(html)
    assert "3. Dezember 2026 oder der 12. März 2026" in text_of(card)
    assert "Welches Datum meinen Sie?" in text_of(card)
    assert labels(html)[:2] == ["3. Dezember 2026", "12. März 2026"]
    assert "Diagnose beenden" in labels(html)
    assert re.search(r'autofocus data-focus>3\. Dezember 2026<', html)  # focus on the first reading
    assert buttons(c.get(f"/c/{cid}").text) == buttons(html)  # a reload offers them again
    html = pick(c, cid, html, "12. März 2026").text
    assert "Sie: 12. März 2026" in text_of(html)
    assert labels(html)[:3] == ["Ja", "Nein", "Weiß nicht"]  # the next question


def test_a_reading_can_also_be_typed_as_its_number() -> None:
    c = client()
    cid, html = _at_usage_start(c)
    html = say(c, cid, html, "3/12/2026").text
    html = say(c, cid, html, "1").text
    assert "Sie: 3. Dezember 2026" in text_of(html)


def _expiry(c: TestClient) -> tuple[str, str]:
    cid, html = start(c)
    html = pick(c, cid, html, "Läuft der Aktivierungslink ab?").text
    return cid, pick(c, cid, html, "Diagnose starten").text


def test_a_month_alone_settles_the_expiry_rule() -> None:
    c = client()
    cid, html = _expiry(c)
    html = say(c, cid, html, "März 2026").text
    card = text_of(last_bot(html))
    assert "Ergebnis: Der Aktivierungslink ist abgelaufen" in card
    assert "März 2026" in card  # the fact as given


def test_a_month_that_does_not_settle_the_rule_shows_the_parsers_message() -> None:
    c = client()
    cid, html = _expiry(c)
    html = say(c, cid, html, "Mai 2026").text
    card = last_bot(html)
    assert 'class="error"' in card
    assert "Im Mai 2026 hängt das Ergebnis vom Tag ab" in text_of(card) and "15.05.2026" in text_of(card)
    html = say(c, cid, html, "20.05.2026").text
    assert "Ergebnis:" in text_of(last_bot(html))


# -- the result: back, copy ----------------------------------------------------------------------


def test_back_after_the_result_asks_the_last_question_again() -> None:
    c = client()
    cid, html = _to_flow(c)
    html = say(c, cid, html, "m.schulz@outlook.com").text
    assert labels(html) == ["Zurück", "Neu starten"]
    assert f"/c/{cid}/summary.md" in html
    html = pick(c, cid, html, "Zurück").text
    assert "Frage 1 von höchstens" in text_of(last_bot(html))
    assert 'inputmode="email"' in html
    assert f"/c/{cid}/summary.md" not in html  # the summary of a result taken back is gone
    html = say(c, cid, html, "it@firma.de").text
    assert "Frage 2 von höchstens" in text_of(last_bot(html))


def test_the_summary_has_a_copy_button_for_the_page_script() -> None:
    c = client()
    cid, html = _to_flow(c)
    html = say(c, cid, html, "m.schulz@outlook.com").text
    button = re.search(r'<button type="button" class="secondary js-copy" data-copy="(\w+)"[^>]*>([^<]*)</button>', html)
    assert button and button.group(2) == "Kopieren"
    assert " hidden>" in button.group(0)  # shown by the script only where the clipboard is writable
    pre = re.search(r'<pre id="' + button.group(1) + r'"[^>]*>(.*?)</pre>', html, re.S)
    assert pre and pre.group(1).startswith("Fall:")
    assert "<script>" not in html  # no inline script
    assert "navigator.clipboard.writeText" in c.get("/static/chat.js").text
    assert f'href="/c/{cid}/summary.txt" download' in html  # the downloads stay


def test_a_stated_fact_shown_for_confirmation_names_the_question_it_answers() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?").text
    html = pick(c, cid, html, "Diagnose starten").text
    card = text_of(last_bot(html))
    assert "Welche E-Mail-Adresse ist für den Online Services Manager (OSM)" in card
    assert "Sie schrieben: „it-admin@contoso.de“ – stimmt das?" in card


def test_a_result_taken_back_offers_no_summary_download() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Ich habe die Aktivierungsmail nicht erhalten").text
    html = pick(c, cid, html, "Diagnose starten").text
    html = say(c, cid, html, "m.schulz@outlook.com").text
    assert c.get(f"/c/{cid}/summary.md").status_code == 200
    html = pick(c, cid, html, "Zurück").text
    r = c.get(f"/c/{cid}/summary.md")
    assert r.status_code == 404 and "outlook.com" not in r.text


def test_an_english_message_in_the_german_page_is_labelled_in_english_and_ok_gets_a_reply() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Does the activation link expire?").text
    assert re.search(r'<p lang="en"><span class="visually-hidden">You: </span>Does the activation', html)
    html = say(c, cid, html, "ok").text
    reply = last_bot(html)
    assert 'class="msg bot smalltalk"' in reply and "Good." in text_of(reply)
    assert re.search(r'<p lang="en"><span class="visually-hidden">You: </span>ok</p>', html)
    html = say(c, cid, html, "Wer bekommt die Aktivierungs-E-Mail?").text
    assert re.search(r'<p><span class="visually-hidden">Sie: </span>Wer bekommt', html)


def test_a_picked_answer_reads_as_its_label_in_the_conversations_language() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Why did I not receive the activation email?").text
    html = pick(c, cid, html, "Start diagnosis").text
    html = say(c, cid, html, "it@firma.de").text
    html = pick(c, cid, html, "Don&#39;t know").text
    assert re.search(r'<p lang="en"><span class="visually-hidden">You: </span>Don(&#39;|\')t know</p>', html)
    assert "</span>unbekannt</p>" not in html


def test_the_composer_follows_the_conversations_language() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Does the activation link expire?").text
    form = html.split('<form id="composer"')[1]
    assert form.startswith(' class="composer js-step" method="post" action="/c/') and 'lang="en"' in form.split(">")[0]
    assert ">Send</button>" in form and "Your question" in form
    html = say(c, cid, html, "Wer bekommt die Aktivierungs-E-Mail?").text
    form = html.split('<form id="composer"')[1]
    assert 'lang="en"' not in form.split(">")[0] and ">Senden</button>" in form


def test_an_answer_says_the_diagnosis_takes_what_was_written() -> None:
    from faq.language.catalogue import tr

    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Die Aktivierungsmail fehlt, unser OSM ist max@firma.de").text
    assert tr("de", "web_answer_stated_hint")[:40] in text_of(last_bot(html)).replace("&#34;", '"')
    cid, html = start(c)
    html = say(c, cid, html, "Aktivierungsmail nicht erhalten").text  # nothing stated: no such line
    assert tr("de", "web_answer_stated_hint")[:40] not in text_of(last_bot(html))


@pytest.mark.parametrize(("page", "text", "shown"), [
    ("de", "Keine Aktivierungsmail bekommen. Spam schon geprüft.", "„Spam schon geprüft“ – ich verstehe: ja"),
    ("en", "Keine Aktivierungsmail, unser OSM ist max@firma.de", "Sie schrieben: „max@firma.de“ – stimmt das?"),
    ("de", "Keine Aktivierungsmail erhalten, der Nutzungsbeginn ist der 01.12.2026.", "ich verstehe: 1. Dezember 2026"),
    ("en", "No activation email yet. Our domain is already verified.", "“Our domain is already verified” – I take that as: yes"),
    ("de", "No activation email. I already checked the spam folder.", "You wrote: “I already checked the spam folder”"),
])
def test_facts_the_customer_wrote_are_shown_for_confirmation_on_the_web(page: str, text: str, shown: str) -> None:
    c = client()
    cid, html = start(c, page)
    html = say(c, cid, html, text).text
    start_label = "Diagnose starten" if "Diagnose starten" in labels(html) else "Start diagnosis"
    html = pick(c, cid, html, start_label).text
    assert shown in text_of(last_bot(html)).replace("&#34;", '"')
    assert "Ja" in labels(html) or "Yes" in labels(html)


@pytest.mark.parametrize(("page", "story", "fact", "shown"), [
    ("de", "Wir warten seit Wochen auf die Aktivierungsmail", "der OSM ist petra.klein@klein-partner.de",
     "Sie schrieben: „petra.klein@klein-partner.de“ – stimmt das?"),
    ("de", "We have been waiting for the activation email for weeks", "our OSM is tom@northwind.com",
     "You wrote: “tom@northwind.com” – is that right?"),
])
def test_a_fact_added_after_the_answer_is_taken_into_the_case_not_answered_as_unknown(
        page: str, story: str, fact: str, shown: str) -> None:
    """A message that asks nothing and states a fact of the case just answered gets 'noted' and
    the way into the diagnosis, which then shows it for confirmation, not 'the FAQ has no answer'."""
    from faq.language.catalogue import tr

    c = client()
    cid, html = start(c, page)
    html = say(c, cid, html, story).text
    html = say(c, cid, html, fact).text
    lang = "en" if "Start diagnosis" in labels(html) else "de"
    reply = text_of(last_bot(html)).replace("&#34;", '"')
    assert tr(lang, "web_case_told")[:30] in reply and tr(lang, "no_match") not in reply
    html = pick(c, cid, html, tr(lang, "start_flow")).text
    assert shown in text_of(last_bot(html)).replace("&#34;", '"')


def test_every_text_of_the_web_catalogue_is_used_by_the_web_face():
    """A text of knowledge/ui/web.yaml no page, message or script shows is dead weight translators maintain."""
    yaml = pytest.importorskip("yaml")

    root = Path(__file__).resolve().parent.parent
    web = root / "bot" / "web"
    sources = "".join(p.read_text(encoding="utf-8") for p in sorted(web.rglob("*"))
                      if p.suffix in (".py", ".html", ".js"))
    keys = yaml.safe_load((root / "knowledge" / "ui" / "web.yaml").read_text(encoding="utf-8"))
    unused = [k for k in keys if f"'{k}'" not in sources and f'"{k}"' not in sources]
    assert unused == []


def test_the_yes_no_hint_names_the_letters_and_a_letter_answers() -> None:
    c = client()
    cid, html = start(c)
    html = say(c, cid, html, "Unser OSM ist it-admin@contoso.de. Warum kommt keine Aktivierungsmail?").text
    html = pick(c, cid, html, "Diagnose starten").text
    hint = text_of(html.split('id="text-hint"')[1].split("</")[0])
    assert "„j“" in hint and "„n“" in hint
    html = say(c, cid, html, "j").text  # the hinted letter confirms the stated address
    card = text_of(last_bot(html))
    assert "stimmt das" not in card and "Nutzungszeitraum" in card


@pytest.mark.parametrize(("lang", "problem", "ended", "offered"), [
    ("de", "Ganz andere Sache: unser Aktivierungslink ist abgelaufen, gekauft haben wir im Februar.",
     "Die Diagnose zu „Aktivierungs-E-Mail nicht erhalten“ ist damit beendet.", "Diagnose starten"),
    ("en", "Another thing: our activation link has expired, we bought in February.",
     "the diagnosis of “Activation email not received” has ended.", "Start diagnosis"),
])
def test_a_new_problem_typed_in_place_of_an_answer_ends_the_diagnosis_and_offers_its_own(lang, problem, ended,
                                                                                     offered) -> None:
    c = client()
    cid, html = start(c, lang)
    html = say(c, cid, html, "Die Aktivierungsmail fehlt" if lang == "de" else "The activation email is missing").text
    html = pick(c, cid, html, offered).text  # the missing mail's diagnosis: its first question, an address
    html = say(c, cid, html, problem).text
    reply = last_bot(html)
    assert ended in text_of(reply) and '<p class="error">' not in html  # no "is not a valid address"
    assert ("Läuft der Aktivierungslink ab?" if lang == "de" else "Does the activation link expire?") in text_of(reply)
    assert labels(html)[0] == offered  # the new problem's own diagnosis, to start


@pytest.mark.parametrize(("lang", "story", "start_label", "too_rough", "confirm", "result"), [
    ("de", "Gekauft haben wir vor etwa fünf Monaten. Kann der Aktivierungslink schon abgelaufen sein?", "Diagnose starten",
     "„vor etwa fünf Monaten“ – das ist zu ungenau, um hier zu entscheiden", "stimmt das?", "Ergebnis:"),
    ("en", "We purchased about five months ago. Could the activation link have expired already?", "Start diagnosis",
     "“about five months ago” – that is too rough to decide here", "is that right?", "Result:"),
])
def test_a_rough_span_whose_days_decide_differently_is_asked_for_exactly(lang, story, start_label, too_rough, confirm,
                                                                         result) -> None:
    c = client()
    cid, html = start(c, lang)
    html = say(c, cid, html, story).text
    html = pick(c, cid, html, start_label).text
    card = text_of(html.split('<form id="composer"')[0])
    assert too_rough in card
    assert confirm not in card and result not in card
