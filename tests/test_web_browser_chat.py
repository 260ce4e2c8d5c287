"""The web chat's newer steps in Debian's Chromium at phone size: small talk, an English
answer in the German page, ambiguous and month-only dates, copying the summary; axe-core clean.

Skipped like tests/test_web_browser.py; screenshots go to $FAQBOT_SCREENSHOTS.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
pytest.importorskip("multipart")
pytest.importorskip("uvicorn")
pytest.importorskip("playwright.sync_api")

from tests import test_web_browser as tb  # noqa: E402
from tests.test_web_browser import CHROMIUM, axe_violations, focused, new_page, no_horizontal_scroll, send  # noqa: E402
from tests.web_helpers import config, free_port, running  # noqa: E402

pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Debian's chromium is not installed")

PHONE = (390, 844)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(config(port=free_port(), client_rate=0, conversation_rate=0)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with tb.sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FAQBOT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def phone(browser: Any, **kw: Any) -> Any:
    return new_page(browser, *PHONE, is_mobile=True, has_touch=True, **kw)


def settle(page: Any) -> None:
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")


def last(page: Any) -> Any:
    return page.locator("#log > li:last-child")


def test_a_greeting_is_answered_and_the_topics_stay(browser: Any, base: str, shots: Path) -> None:
    page = phone(browser)
    page.goto(base + "/")
    send(page, "Hallo!")
    reply = last(page)
    assert "smalltalk" in (reply.get_attribute("class") or "")
    assert "Schön, dass Sie da sind" in reply.inner_text()
    topic = page.get_by_role("button", name="Läuft der Aktivierungslink ab?")
    assert topic.is_enabled()
    page.screenshot(path=str(shots / "11-smalltalk-390.png"))
    assert no_horizontal_scroll(page)
    assert axe_violations(page) == []
    topic.click()
    page.wait_for_selector("#log > li.answer")
    settle(page)
    assert "6 Monate" in last(page).inner_text()
    page.context.close()


def test_an_english_question_gets_an_english_card_in_the_german_page(browser: Any, base: str, shots: Path) -> None:
    page = phone(browser)
    page.goto(base + "/")
    send(page, "I did not receive the activation email")
    card = last(page)
    assert card.locator("article").get_attribute("lang") == "en"
    text = card.inner_text()
    assert "Why didn't I receive the activation email?" in text and "Contact:" in text
    assert page.evaluate("document.documentElement.lang") == "de"
    # The page stays German; the field below the conversation follows it, marked as English.
    assert page.locator("label[for=text]").inner_text() == "Your question"
    assert page.locator("#composer").get_attribute("lang") == "en"
    page.screenshot(path=str(shots / "12-english-answer-390.png"))
    assert axe_violations(page) == []
    page.context.close()


def test_an_ambiguous_date_is_settled_by_a_button(browser: Any, base: str, shots: Path) -> None:
    page = phone(browser)
    page.goto(base + "/")
    send(page, "Aktivierungsmail nicht erhalten")
    page.get_by_role("button", name="Diagnose starten").click()
    page.wait_for_selector("#log > li.flow")
    settle(page)
    send(page, "it@firma.de")
    page.locator("#text").focus()
    send(page, "3/12/2026")
    card = last(page)
    assert "ambiguous" in (card.get_attribute("class") or "")
    assert "Welches Datum meinen Sie?" in card.inner_text()
    assert focused(page) == "BUTTON||3. Dezember 2026"  # the first reading, ready for Enter
    page.screenshot(path=str(shots / "13-ambiguous-date-390.png"))
    assert no_horizontal_scroll(page)
    assert axe_violations(page) == []
    card.get_by_role("button", name="12. März 2026").click()
    page.wait_for_function("document.querySelector('#log > li:last-child').classList.contains('flow')")
    settle(page)
    assert page.locator("#log > li.user").last.inner_text().endswith("12. März 2026")
    assert focused(page) == "BUTTON||Ja"  # the next question, a yes/no one
    page.context.close()


def test_a_month_alone_where_it_settles_the_rule(browser: Any, base: str, shots: Path) -> None:
    page = phone(browser)
    page.goto(base + "/")
    send(page, "Läuft der Aktivierungslink ab?")
    page.get_by_role("button", name="Diagnose starten").click()
    page.wait_for_selector("#log > li.flow")
    settle(page)
    page.locator("#text").focus()
    send(page, "Mai 2026")
    assert "Im Mai 2026 hängt das Ergebnis vom Tag ab" in last(page).locator(".error").inner_text()
    page.screenshot(path=str(shots / "14-month-needs-day-390.png"))
    page.locator("#text").focus()
    send(page, "März 2026")
    page.wait_for_selector("#log > li.result")
    assert "Der Aktivierungslink ist abgelaufen" in page.locator("#log > li.result h3").inner_text()
    page.screenshot(path=str(shots / "15-month-result-390.png"))
    assert axe_violations(page) == []
    page.context.close()


def test_the_summary_is_copied_to_the_clipboard(browser: Any, base: str, shots: Path) -> None:
    page = phone(browser, permissions=["clipboard-read", "clipboard-write"])
    page.goto(base + "/")
    send(page, "Aktivierungsmail nicht erhalten")
    page.get_by_role("button", name="Diagnose starten").click()
    page.wait_for_selector("#log > li.flow")
    settle(page)
    send(page, "m.schulz@outlook.com")
    page.wait_for_selector("#log > li.result")
    copy = page.get_by_role("button", name="Kopieren")
    assert copy.is_visible()
    copy.click()
    page.wait_for_function("document.querySelector('.copy-status').textContent.length > 0")
    assert page.locator(".copy-status").inner_text() == "Zusammenfassung in die Zwischenablage kopiert."
    pasted = page.evaluate("navigator.clipboard.readText()")
    assert pasted.startswith("Fall:") and "m.schulz@outlook.com" in pasted and "**" not in pasted
    page.screenshot(path=str(shots / "16-copied-390.png"))
    assert axe_violations(page) == []
    page.context.close()


def test_the_new_cards_in_dark_mode_pass_axe(browser: Any, base: str, shots: Path) -> None:
    page = phone(browser, color_scheme="dark")
    page.goto(base + "/")
    send(page, "thank you")
    assert last(page).locator("article").get_attribute("lang") == "en"
    send(page, "Aktivierungsmail nicht erhalten")
    page.get_by_role("button", name="Diagnose starten").click()
    page.wait_for_selector("#log > li.flow")
    settle(page)
    send(page, "it@firma.de")
    page.locator("#text").focus()
    send(page, "3/12/2026")
    assert "ambiguous" in (last(page).get_attribute("class") or "")
    page.screenshot(path=str(shots / "17-dark-ambiguous-390.png"))
    assert axe_violations(page) == []
    page.context.close()


def test_confirming_a_stated_address_offers_yes_and_no_not_the_address_field(browser: Any, base: str,
                                                                            shots: Path) -> None:
    page = phone(browser)
    page.goto(base + "/")
    send(page, "Unser OSM ist it-admin@contoso.de, die Aktivierungsmail ist nicht angekommen")
    page.get_by_role("button", name="Diagnose starten").click()
    page.wait_for_function("document.querySelectorAll('#log > li.bot').length >= 4")
    settle(page)
    card = last(page)
    assert "Sie schrieben: „it-admin@contoso.de“ – stimmt das?" in card.inner_text()
    label = page.locator("label[for=text]").inner_text()
    assert "E-Mail-Adresse" not in label and label.startswith("Ihre Antwort")
    assert page.locator("#text").get_attribute("inputmode") == "text"
    assert "Ja oder Nein" in page.locator("#text-hint").inner_text()
    assert focused(page) == "BUTTON||Ja"  # the confirm choices, ready for Enter
    page.screenshot(path=str(shots / "18-confirm-stated-390.png"))
    assert no_horizontal_scroll(page)
    assert axe_violations(page) == []
    page.keyboard.press("Enter")  # Ja: the address is taken, the next question asked
    page.wait_for_function("document.querySelector('#log > li:last-child .msg-text, #log > li:last-child')"
                           ".textContent.indexOf('stimmt das') < 0")
    settle(page)
    assert page.locator("#log > li.user").last.inner_text().split() == ["Sie:", "Ja"]  # what was said
    assert "E-Mail-Adresse" not in page.locator("label[for=text]").inner_text()
    page.context.close()


def test_an_address_told_after_the_answer_is_noted_then_confirmed_by_keyboard(browser: Any, base: str,
                                                                             shots: Path) -> None:
    """An address sent on its own after the answer is taken into the case ('Danke, das nehme ich in
    Ihren Fall auf'), not 'keine Antwort'; Tab and Enter start the diagnosis, which shows it for confirmation."""
    from faq.language.catalogue import tr

    page = phone(browser)
    page.goto(base + "/")
    send(page, "Wir warten seit drei Wochen auf die Aktivierungsmail")
    send(page, "Der OSM ist petra.klein@klein-partner.de")
    noted = last(page).inner_text()
    assert tr("de", "web_case_told")[:30] in noted and tr("de", "no_match") not in noted
    page.screenshot(path=str(shots / "19-case-told-390.png"))
    assert no_horizontal_scroll(page)
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON||Diagnose starten"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#log > li.bot').length >= 5")
    settle(page)
    assert "Sie schrieben: „petra.klein@klein-partner.de“ – stimmt das?" in last(page).inner_text()
    page.context.close()


def test_a_german_question_gets_a_german_card_in_the_english_page(browser: Any, base: str, shots: Path) -> None:
    page = phone(browser)
    page.goto(base + "/?lang=en")
    send(page, "Läuft der Aktivierungslink ab?")
    card = last(page)
    assert card.locator("article").get_attribute("lang") == "de"
    assert "6 Monate" in card.inner_text()
    send(page, "VLSC")  # a name alone: the conversation's language stays
    assert last(page).locator("article").get_attribute("lang") == "de"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("label[for=text]").inner_text() == "Ihre Frage"  # as the conversation
    assert page.locator("#composer").get_attribute("lang") == "de"
    page.screenshot(path=str(shots / "19-german-answer-english-page-390.png"), full_page=True)
    assert axe_violations(page) == []
    page.context.close()


def _alerts(page: Any) -> list[str]:
    """The texts of the visible alerts: one clear line is one of them."""
    return [t.strip() for t in page.locator("[role=alert]:visible").all_inner_texts() if t.strip()]


def test_empty_and_overlong_messages_get_one_line_and_the_text_stays(browser: Any, base: str, shots: Path) -> None:
    from faq.language.catalogue import tr

    page = phone(browser)
    page.goto(base + "/")
    items = page.locator("#log > li").count()
    page.keyboard.press("Enter")
    assert _alerts(page) == [tr("de", "web_empty")]
    story = "Unser OSM ist it@firma.de und die Aktivierungsmail fehlt. " * 40 + "Was tun?"
    assert len(story) > 2000  # the terminal chat's limit too
    page.fill("#text", story)  # a pasted story is kept whole, never cut at the limit
    page.keyboard.press("Enter")
    assert _alerts(page) == [tr("de", "input_too_long", size=f"{len(story):,}".replace(",", "."), limit="2.000")]
    assert page.input_value("#text") == story and page.locator("#log > li").count() == items
    assert focused(page).startswith("TEXTAREA|text")
    page.screenshot(path=str(shots / "web-too-long.png"))
    page.keyboard.press("Control+A")
    send(page, "Läuft der Aktivierungslink ab?")  # once shortened it goes, and the line is gone
    assert _alerts(page) == [] and "Aktivierungslink" in page.locator("#log").inner_text()
    page.context.close()


@pytest.mark.parametrize("script", [True, False])
def test_an_overlong_message_on_the_english_page_is_refused_in_english_and_kept(browser: Any, base: str,
                                                                               script: bool) -> None:
    from faq.language.catalogue import count, tr

    page = phone(browser, java_script_enabled=script)  # a German browser on the English page
    page.goto(base + "/?lang=en")
    story = "Our OSM is it@contoso.com and the activation email never came. " * 40 + "What now?"
    page.fill("#text", story)
    if script:  # refused by the page's script before it is sent
        page.keyboard.press("Enter")
    else:  # refused by the server, answering with the page
        with page.expect_navigation():
            page.keyboard.press("Enter")
    line = tr("en", "input_too_long", size=count(len(story), "en"), limit=count(2000, "en"))
    assert line in page.locator("#composer").inner_text()  # 2,565, not 2.565; never the German line
    assert page.input_value("#text") == story and page.locator("#log > li").count() == 1
    assert page.evaluate("document.documentElement.lang") == "en"
    page.context.close()


_DRAWN = """(args) => {
  const [ch, font] = args;
  const c = document.createElement("canvas"); c.width = 48; c.height = 48;
  const g = c.getContext("2d"); g.font = font; g.textBaseline = "top"; g.fillText(ch, 4, 4);
  return Array.from(g.getImageData(0, 0, 48, 48).data).join(",");
}"""


def test_every_symbol_of_a_result_renders_as_a_glyph_not_a_box(browser: Any, base: str, shots: Path) -> None:
    """The marks the page puts before its lines (◆ ✔ ☎, the wait's clock, ✗ ⚠ ℹ) are drawn in
    the page's own font as something else than the box of a character no installed font has."""
    import unicodedata

    page = phone(browser)
    page.goto(base + "/")
    send(page, "Die Aktivierungsmail ist noch nicht da, OSM ist lizenz@zahnarzt-roth.de")
    page.get_by_role("button", name="Diagnose starten").click()
    settle(page)
    page.get_by_role("button", name="Ja").last.click()  # the address it read, confirmed
    settle(page)
    send(page, "20.12.2099")  # the usage starts later: a result that means waiting
    assert "Wie es weitergeht" in page.locator("#log").inner_text()
    page.screenshot(path=str(shots / "web-wait-mark.png"), full_page=True)
    html = page.content()
    symbols = sorted({ch for ch in html if ord(ch) > 0x2000 and unicodedata.category(ch) == "So"})
    assert "◷" in symbols
    font = page.evaluate("getComputedStyle(document.querySelector('.contact')).font")
    missing = page.evaluate(_DRAWN, ["\U0010fffd", font])  # a character no font has: the box
    boxes = [ch for ch in symbols if page.evaluate(_DRAWN, [ch, font]) == missing]
    assert boxes == []
    page.context.close()


def test_a_stopped_server_gives_one_line_and_the_page_and_text_stay(browser: Any, shots: Path) -> None:
    from faq.language.catalogue import tr

    page = phone(browser)
    with running(config(port=free_port(), client_rate=0, conversation_rate=0)) as url:
        page.goto(url + "/")
        send(page, "Läuft der Aktivierungslink ab?")
    shown = page.url
    page.keyboard.type("Und wenn er abgelaufen ist?")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")
    assert _alerts(page) == [tr("de", "web_offline")]
    assert page.url == shown and "Aktivierungslink" in page.locator("#log").inner_text()
    assert page.input_value("#text") == "Und wenn er abgelaufen ist?"
    page.screenshot(path=str(shots / "web-offline.png"))
    page.context.close()


def test_a_refused_step_shows_the_servers_line_in_the_page(browser: Any, shots: Path) -> None:
    from faq.language.catalogue import tr

    page = phone(browser)
    with running(config(port=free_port(), client_rate=3, conversation_rate=0)) as url:
        page.goto(url + "/")
        send(page, "Läuft der Aktivierungslink ab?")
        send(page, "Danke")
        send(page, "Hallo")
        page.keyboard.type("Wie lange gilt der Link?")
        page.keyboard.press("Enter")
        page.wait_for_function("!document.body.hasAttribute('aria-busy')")
        alerts = _alerts(page)
        assert len(alerts) == 1 and tr("de", "web_too_many", seconds="")[:20] in alerts[0]
        assert "Aktivierungslink" in page.locator("#log").inner_text()  # the conversation stays on screen
        assert page.input_value("#text") == "Wie lange gilt der Link?"
    page.context.close()


def test_a_phone_starts_with_the_header_in_view_and_the_input_focused(browser: Any, base: str, shots: Path) -> None:
    page = new_page(browser, 360, 740, is_mobile=True, has_touch=True)
    page.goto(base + "/")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") == 0  # the language switch and "Neues Gespräch" are not scrolled away
    switch = page.locator("header button").bounding_box()
    assert switch is not None and switch["y"] >= 0
    assert focused(page).startswith("TEXTAREA|text")
    page.screenshot(path=str(shots / "web-phone-start.png"))
    send(page, "Läuft der Aktivierungslink ab?")  # a new answer is still brought into view from its top
    heading = page.locator("#log > li:last-child h3").bounding_box()
    assert heading is not None and 0 <= heading["y"] < 740 / 2
    page.context.close()


def _in_view_above_the_input(page: Any, box: Any) -> bool:
    floor = page.locator("#composer").bounding_box()
    return box is not None and floor is not None and box["y"] >= 0 and box["y"] + box["height"] <= floor["y"] + 1


@pytest.mark.parametrize(("question", "lang"), [
    ("Ich habe die Aktivierungs-E-Mail nie bekommen, was kann ich tun?", "de"),
    ("We never got the activation email, what can we do?", "en"),
])
def test_a_long_answer_shows_its_end_and_its_whole_menu(browser: Any, base: str, shots: Path, question: str,
                                                        lang: str) -> None:
    page = phone(browser)
    page.goto(base + "/")
    send(page, question)
    page.wait_for_timeout(200)
    card = last(page)
    assert "answer" in (card.get_attribute("class") or "")
    height = card.bounding_box()["height"]  # type: ignore[index]
    assert height > PHONE[1] / 2  # long: not all of it fits above the input
    buttons = card.locator("form button")
    assert buttons.count() >= 3
    for i in range(buttons.count()):  # every item of the menu in view, none under the input
        assert _in_view_above_the_input(page, buttons.nth(i).bounding_box()), buttons.nth(i).inner_text()
    page.screenshot(path=str(shots / f"web-long-answer-menu-{lang}.png"))
    page.context.close()


OBSCURED = """(() => { const e = document.activeElement; const r = e.getBoundingClientRect();
  const c = document.getElementById('composer').getBoundingClientRect();
  return e.closest('#composer') || e === document.body ? '' : (r.bottom > c.top + 1 || r.top < 0 ? e.textContent.trim() : ''); })()"""


@pytest.mark.parametrize("script", [True, False])
def test_a_control_reached_by_tab_is_never_hidden_under_the_input_at_the_bottom(browser: Any, base: str, shots: Path,
                                                                              script: bool) -> None:
    page = new_page(browser, 360, 700, java_script_enabled=script)
    page.goto(base + "/")
    page.keyboard.type("Unser Aktivierungslink geht nicht mehr, gekauft am 4. Februar 2026")
    page.keyboard.press("Enter")
    page.wait_for_selector("#log > li.answer")
    for label in ("Diagnose starten", "Ja"):  # by keyboard: Tab to the button, Enter
        while focused(page).split("|")[2] != label:
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
    page.wait_for_selector("#log > li.result")
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")
    hidden = []
    for _ in range(8):  # the result's downloads, copy, summary, back, restart, then the input
        page.keyboard.press("Tab")
        if "INPUT" in focused(page):
            break
        hidden.append(page.evaluate(OBSCURED))
    page.screenshot(path=str(shots / f"web-tab-result-{'js' if script else 'nojs'}-360.png"))
    assert len(hidden) >= 4 and not any(hidden), hidden
    page.context.close()


def test_with_smooth_scrolling_a_new_question_shows_all_its_buttons_above_the_input(browser: Any, base: str,
                                                                                   shots: Path) -> None:
    """With the browser's default motion (smooth scrolling), the question a step adds is shown
    whole above the input at 360 px: Ja and Nein, not Ja alone with Nein under the input bar (the
    focus moved to Ja cut the scroll that showed the card short)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE",
                                  reduced_motion="no-preference", is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    page.goto(base + "/")
    send(page, "Wir haben vor drei Wochen E3 bestellt, aber die Aktivierungsmail ist nie angekommen. "
               "Unser OSM ist it-admin@contoso.de und die Domäne ist bereits verifiziert. Was können wir tun?")
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON||Diagnose starten"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#log > li.bot').length >= 4")
    settle(page)
    page.wait_for_timeout(1500)  # the smooth scroll ends
    page.screenshot(path=str(shots / "20-confirm-smooth-360.png"))
    assert focused(page) == "BUTTON||Ja"
    floor = page.evaluate("document.getElementById('composer').getBoundingClientRect().top")
    for name in ("Ja", "Nein"):
        box = last(page).get_by_role("button", name=name, exact=True).bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= floor, name
    context.close()


def test_a_long_story_is_typed_in_a_field_that_grows_and_enter_sends_it(browser: Any, base: str, shots: Path) -> None:
    """At 360 px a story of several sentences can be read over before it is sent: the question's
    field grows with it (Shift+Enter a new line, Enter sends); an answer's field stays one line."""
    page = new_page(browser, 360, 740, is_mobile=True, has_touch=True)
    page.goto(base + "/")
    one_line = page.locator("#text").bounding_box()
    page.keyboard.type("Wir haben im Oktober über unseren Händler E5 für 250 Nutzer bestellt. Die Aktivierungsmail "
                       "ist bis heute nicht angekommen, obwohl unser OSM it-admin@contoso.de ist.")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("Was können wir tun?")
    grown = page.locator("#text").bounding_box()
    page.screenshot(path=str(shots / "20-long-story-360.png"))
    assert one_line is not None and grown is not None and grown["height"] >= 3 * one_line["height"]
    assert grown["y"] + grown["height"] <= 740 and no_horizontal_scroll(page)
    before = page.locator("#log > li").count()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('#log > li').length > {before}")
    settle(page)
    said = page.locator("#log > li.user").last.inner_text()
    assert "it-admin@contoso.de ist." in said and said.rstrip().endswith("Was können wir tun?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the diagnosis: its confirmation, answered in a one-line field
    page.wait_for_function("document.querySelector('#log > li:last-child').textContent.indexOf('stimmt das') >= 0")
    settle(page)
    assert page.evaluate("document.getElementById('text').tagName") == "INPUT"
    assert axe_violations(page) == []
    page.context.close()
