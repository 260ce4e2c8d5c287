"""The case summary and saving it without ever overwriting a file."""

from __future__ import annotations

import os
import threading

from chat_helpers import TODAY, kb_and_matcher

from bot.chat.dialogue import Dialogue
from bot.chat.summary import case_summary, md_escape, save_summary, summary_name


def _result(question="Aktivierungsmail nicht erhalten", email="m.schulz@outlook.com"):
    kb, matcher = kb_and_matcher()
    d = Dialogue(kb, matcher, TODAY)
    d.submit(question)
    d.start_flow("missing-activation-email")
    d.submit(email)
    return kb, d.last_result


def test_summary_has_question_facts_cause_and_next_step_without_internal_ids():
    kb, result = _result()
    flow = kb.flow(result.flow_id)
    text = case_summary(kb, flow, result.diagnosis, result.question, TODAY)
    assert text.startswith("# Fall: Diagnose: Aktivierungs")
    assert "Aktivierungsmail nicht erhalten" in text
    assert "| An welche E-Mail-Adresse" in text and "m.schulz@outlook.com" in text
    assert "## Ursache" in text and f"**{flow.cause('outlook-com-address').resolution.title.de}**" in text
    ids = [flow.id, result.diagnosis.cause, *result.diagnosis.facts]
    assert not [i for i in ids if i in text], "a customer's summary names no internal ids"
    assert "`" not in text
    assert "## Nächster Schritt" in text and "1. Aktualisieren Sie" in text
    assert "**Ansprechpartner:**" in text
    assert "24.11.2026" in text


def test_summary_in_english_and_redacted():
    kb, result = _result()
    text = case_summary(kb, kb.flow(result.flow_id), result.diagnosis, result.question, TODAY, "en", redact=True)
    assert "## Next step" in text
    assert "m.schulz@" not in text and "@outlook.com" in text


def test_user_text_cannot_inject_markdown():
    kb, result = _result(question="[klick](https://evil.example) | # x")
    text = case_summary(kb, kb.flow(result.flow_id), result.diagnosis, result.question, TODAY)
    assert "[klick](https" not in text
    assert md_escape("a|b [c](d)") == r"a\|b \[c\](d)"


def test_save_picks_free_names_and_never_overwrites(tmp_path):
    (tmp_path / summary_name(TODAY, 1)).write_text("keep me")
    first = save_summary("one", tmp_path, TODAY)
    second = save_summary("two", tmp_path, TODAY)
    assert first.name == "faqbot-fall-2026-11-24-2.md" and first.read_text() == "one"
    assert second.name == "faqbot-fall-2026-11-24-3.md"
    assert (tmp_path / summary_name(TODAY, 1)).read_text() == "keep me"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_concurrent_saves_get_distinct_files(tmp_path):
    paths = []
    threads = [threading.Thread(target=lambda i=i: paths.append(save_summary(f"s{i}", tmp_path, TODAY))) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({p.name for p in paths}) == 8


def test_a_step_pointing_to_the_other_reasons_lists_them_in_the_saved_summary():
    from datetime import date

    from faq.flows.engine import diagnose
    from faq.kb.loader import load_knowledge_base

    kb = load_knowledge_base()
    flow = kb.flow("missing-activation-email")
    diag = diagnose(flow, {"usage_start": date(2027, 3, 15), "junk_checked": True}, TODAY)
    text = case_summary(kb, flow, diag, "Keine Aktivierungsmail", TODAY)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "übrigen Gründe" in line)
    listed = [line[5:] for line in lines[at + 1:] if line.startswith("   - ")]
    titles = {c.id: c.resolution.title.get("de") for c in flow.causes}
    assert lines[at].endswith(":") and titles["no-order"] in listed and titles["junk-folder"] not in listed
