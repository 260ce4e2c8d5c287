"""The web chat in Debian's Chromium (Playwright): keyboard only, reload, downloads, mobile, axe-core.

Skipped when Playwright, the web extra or /usr/bin/chromium is missing (never downloads a
browser). Screenshots go to $FAQBOT_SCREENSHOTS (default: the test's temporary folder).
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
pytest.importorskip("multipart")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from tests.web_helpers import config, free_port, running  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "assets" / "axe-core" / "axe.min.js"

pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def base():
    with running(config(port=free_port(), client_rate=0, conversation_rate=0)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("FAQBOT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_page(browser, width=1280, height=800, csp=False, **kw):
    # bypass_csp lets axe-core be injected; the page's own policy allows no inline script.
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE",
                                  reduced_motion="reduce", accept_downloads=True, bypass_csp=not csp, **kw)
    return context.new_page()


def focused(page) -> str:
    return page.evaluate("(() => { const e = document.activeElement; return e.tagName + '|' + (e.id || '') + '|' + "
                         "e.textContent.trim().slice(0, 80); })()")


def wait_items(page, count: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('#log > li').length >= {count}")


def send(page, text: str) -> None:
    before = page.locator("#log > li").count()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    wait_items(page, before + 1)
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")


def press(page, key: str) -> None:
    before = page.locator("#log > li").count()
    page.keyboard.press(key)
    wait_items(page, before + 1)
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_input_has_focus_on_load(browser, base, shots):
    page = new_page(browser)
    page.goto(base + "/")
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.title().startswith("faqbot")
    assert focused(page).startswith("TEXTAREA|text|")  # a question's field: it grows with a long story
    page.screenshot(path=str(shots / "01-start-1280.png"))
    assert axe_violations(page) == []
    page.context.close()


def test_content_policy_blocks_inline_script(browser, base):
    page = new_page(browser, csp=True)
    page.goto(base + "/")
    with pytest.raises(sync_api.Error, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = 1")
    assert page.evaluate("window.injected") is None
    page.context.close()


def test_ask_and_clarify_by_keyboard(browser, base, shots):
    page = new_page(browser)
    page.goto(base + "/")
    send(page, "Aktivierung")
    assert page.get_by_role("button", name="Keine davon").is_visible()
    assert focused(page).startswith("H3|")  # focus moved to what is new
    page.keyboard.press("Tab")
    first = focused(page)
    assert first.startswith("BUTTON|")
    press(page, "Enter")
    assert "answer" in page.locator("#log > li:last-child").get_attribute("class")  # the picked topic's answer
    assert focused(page).startswith("H3|")
    assert page.get_by_role("button", name="Keine davon").count() == 0  # the old options are gone
    page.keyboard.type("Neue Frage")  # typing while a message has focus goes to the input
    assert page.locator("#text").input_value() == "Neue Frage"
    page.screenshot(path=str(shots / "02-clarify-picked.png"), full_page=True)
    page.context.close()


def test_a_whole_flow_by_keyboard_then_reload_and_download(browser, base, shots):
    page = new_page(browser)
    page.goto(base + "/")
    send(page, "Ich habe die Aktivierungsmail nicht erhalten")
    assert "Aktivierungs-E-Mail" in focused(page)
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON||Diagnose starten"
    press(page, "Enter")
    assert focused(page).startswith("INPUT|text|")  # an e-mail question: the field has focus
    assert "E-Mail-Adresse" in page.locator("label[for=text]").inner_text()
    send(page, "kein-at-zeichen")
    error = page.locator("#log > li:last-child .error")
    assert "Das konnte ich nicht übernehmen" in error.inner_text()
    box = error.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 800  # scrolled into view
    assert focused(page).startswith("INPUT|text|")
    # The rejected answer stays in the field, selected: typing replaces it.
    assert page.evaluate("(() => { const f = document.getElementById('text');"
                         " return [f.value, f.selectionStart, f.selectionEnd]; })()") == ["kein-at-zeichen", 0, 15]
    send(page, "it@firma.de")
    send(page, "01.01.2026")
    page.screenshot(path=str(shots / "03-flow-yesno.png"))
    # The live region gets only the new messages: older ones lose their buttons in place.
    page.evaluate("""() => {
        window.added = [];
        window.before = document.querySelectorAll('#log > li').length;
        new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => window.added.push(n.id))))
            .observe(document.getElementById('log'), {childList: true});
    }""")
    steps = 0
    while page.locator("#log > li.result").count() == 0:
        assert focused(page) == "BUTTON||Weiß nicht" or focused(page).startswith("BUTTON||Ja"), focused(page)
        press(page, "Enter")  # "Ja" has focus
        steps += 1
        assert steps < 12
    assert focused(page).startswith("H3|")
    added = page.evaluate("window.added")
    assert added and all(int(i[1:]) >= page.evaluate("window.before") for i in added)
    assert page.locator("#log form.options").count() == 1  # only the newest message has buttons
    result = page.locator("#log > li.result h3").inner_text()
    assert result.startswith("✔ Ergebnis:")
    page.screenshot(path=str(shots / "04-result-1280.png"), full_page=True)
    assert axe_violations(page) == []

    page.reload()
    assert page.locator("#log > li.result h3").inner_text() == result
    assert page.locator("#log > li.user").first.inner_text().strip().endswith("Ich habe die Aktivierungsmail nicht erhalten")

    with page.expect_download() as got:
        page.get_by_role("link", name="Herunterladen (Markdown)").click()
    download = got.value
    assert download.suggested_filename == "faqbot-fall-2026-11-24.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# Fall:") and "it@firma.de" in text
    with page.expect_download() as got:
        page.get_by_role("link", name="Herunterladen (Text)").click()
    assert got.value.suggested_filename.endswith(".txt")
    page.context.close()


def test_a_date_flow_with_back_and_restart_by_keyboard(browser, base):
    page = new_page(browser)
    page.goto(base + "/")
    send(page, "Läuft der Aktivierungslink ab?")
    page.keyboard.press("Tab")
    press(page, "Enter")
    send(page, "31.02.2026")
    assert "31.02.2026" in page.locator("#log > li:last-child .error").inner_text()
    send(page, "31.08.2026")
    assert "Ergebnis" in page.locator("#log > li.result h3").inner_text()
    assert re.search(r"28\.02\.2027", page.locator("#log > li.result").inner_text())
    page.context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_mobile_has_no_horizontal_scroll_and_a_visible_input(browser, base, shots, width):
    page = new_page(browser, width, 844, is_mobile=True, has_touch=True)
    page.goto(base + "/")
    assert no_horizontal_scroll(page)
    send(page, "Aktivierungsmail nicht erhalten")
    page.get_by_role("button", name="Diagnose starten").click()
    page.wait_for_selector("#log > li.flow")
    page.locator("#text").fill("m.schulz@outlook.com")
    page.keyboard.press("Enter")
    page.wait_for_selector("#log > li.result")
    assert no_horizontal_scroll(page)
    box = page.locator("#text").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844 and box["x"] + box["width"] <= width
    page.screenshot(path=str(shots / f"05-result-{width}.png"))
    assert axe_violations(page) == []
    page.context.close()


def test_dark_mode_passes_axe(browser, base, shots):
    page = new_page(browser, 390, 844, color_scheme="dark")
    page.goto(base + "/?lang=en")
    send(page, "I did not get the activation email")
    page.screenshot(path=str(shots / "06-dark-390.png"))
    assert axe_violations(page) == []
    page.context.close()


def test_without_javascript_every_step_is_a_form_post(browser, base):
    page = new_page(browser, java_script_enabled=False)
    page.goto(base + "/")
    page.locator("#text").fill("Aktivierung")
    page.locator("#text").press("Enter")
    page.get_by_role("button", name="Keine davon").click()
    assert "Schade, dass nichts davon passt" in page.locator("#log > li:last-child").inner_text()
    page.context.close()


def test_without_javascript_a_message_over_the_form_limit_comes_back_in_its_field(browser, base, shots):
    page = new_page(browser, width=360, java_script_enabled=False)
    page.goto(base + "/")
    story = "Seit der Bestellung über unseren Händler warten wir auf die Aktivierungsmail für Ö365. " * 250
    page.locator("#text").fill(story)  # over 20,000 characters, far over the old 16 KB form limit
    page.locator("#text").press("Enter")
    page.wait_for_load_state()
    assert page.locator("#text").input_value() == story  # nothing of it lost
    flash = page.locator(".flash").inner_text()
    assert f"{len(story.strip()):,}".replace(",", ".") in flash and "2.000" in flash
    page.screenshot(path=str(shots / "nojs-long-message-360.png"))
    assert page.locator("#log li.user").count() == 0  # not sent
    page.context.close()


@contextmanager
def host_page():
    """A shop's page on another origin (localhost, not 127.0.0.1) that frames whatever URL
    is put in the returned dict's "target"."""
    import http.server
    import threading

    holder = {"target": "about:blank"}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            target = holder["target"]
            html = f'<!doctype html><title>Shop</title><iframe src="{target}" title="faqbot"></iframe>'
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    holder["origin"] = f"http://localhost:{server.server_address[1]}"
    try:
        yield holder
    finally:
        server.shutdown()


def framed_chat_loads(browser, shop) -> bool:
    page = new_page(browser, csp=True)
    page.goto(shop["origin"] + "/")
    frames = [f for f in page.frames if f != page.main_frame]
    loaded = bool(frames) and frames[0].evaluate("document.getElementById('text') !== null")
    page.context.close()
    return loaded


def test_only_listed_sites_may_frame_the_chat(browser):
    with host_page() as shop:
        with running(config(port=free_port(), client_rate=0)) as url:
            shop["target"] = url + "/"
            assert not framed_chat_loads(browser, shop)
        with running(config(port=free_port(), client_rate=0, embed_origins=(shop["origin"],))) as url:
            shop["target"] = url + "/"
            assert framed_chat_loads(browser, shop)
