"""What the agent types in the agent view (bot.chat.agent_input): a pasted ticket, a typed answer."""

from __future__ import annotations

import pytest

from bot.chat.agent import TicketArea
from tests.test_chat_agent import SIZE, _triage, agent_app


async def test_pasted_ticket_keeps_its_lines_and_loses_control_characters():
    from textual import events

    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.screen.query_one(TicketArea)
        area.post_message(events.Paste("Zeile 1\r\nZeile\x1b[2J 2\rZeile 3"))
        await pilot.pause()
        assert area.text == "Zeile 1\nZeile 2\nZeile 3"


@pytest.mark.parametrize("word", ["zwei", "two", "2"])
async def test_a_number_written_as_a_word_picks_in_the_answer_field(word):
    app = agent_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _triage(pilot, "Hallo, die Aktivierungsmail ist nie angekommen. OSM ist it@firma.de, "
                                      "die Nutzung begann am 01.10.2026, bestellt haben wir.")
        case = screen.case
        assert case.question is not None and case.question.type == "yesno"
        asked = case.question.id
        await pilot.press(*word, "enter")  # the second option: "Nein"
        await pilot.pause()
        assert case.answers.get(asked) is False


def test_lines_of_a_ticket_export_are_read_as_tickets_and_anything_else_is_not():
    import json

    from bot.chat.agent_input import pasted_export

    one = json.dumps({"ticket_id": "HD-77", "body": "Servus,\nder Link in der Aktivierungsmail geht nicht mehr."})
    read = pasted_export(f"  {one}\n")
    assert read is not None and read.count == 1 and read.ticket_id == "HD-77"
    assert read.text == "Servus,\nder Link in der Aktivierungsmail geht nicht mehr."
    two = pasted_export(one + "\n" + json.dumps({"text": "No activation mail yet."}))
    assert two is not None and two.count == 2 and two.text.startswith("Servus")
    assert pasted_export(json.dumps({"text": "Hi, where is the mail?"})).ticket_id == ""  # no id: none named
    for written in ("{Platzhalter} im Betreff, sonst keine Mail", "{ halb", "Hallo {name}", "{Gruß}\n{Name}",
                    one + "\nDanke vorab!"):
        assert pasted_export(written) is None  # not an export: analysed as written
    mixed = pasted_export('{"id": "HD-76", "text": "kaputt\n' + one + "\n")
    assert mixed is not None and mixed.count == 1 and mixed.ticket_id == "HD-77" and not mixed.whole
    assert [error.where for error in mixed.broken] == ["-:1 (HD-76)"]


@pytest.mark.parametrize(("pasted", "where"), [
    ('{"id": "RQ-5", "text": ""}', ["-:1 (RQ-5)"]),
    ('  {"ticket_id": "RQ-6", "status": "open"}  \n', ["-:1 (RQ-6)"]),
    ('{"id": "RQ-7", "text": 42}\n{"id": "RQ-8"}', ["-:1 (RQ-7)", "-:2 (RQ-8)"]),
    ('{"id": "RQ-9", "text": "Der Aktivierungslink ist abgelaufen, gekauft am 02.03.2026.",', ["-:1 (RQ-9)"]),
    ('{"text": "halb\n{"id": 3}', ["-:1", "-:2 (3)"]),
])
def test_export_lines_that_hold_no_ticket_are_an_export_of_none_each_named(pasted, where):
    from bot.chat.agent_input import export_status, pasted_export

    read = pasted_export(pasted)
    assert read is not None and read.count == 0 and not read.whole
    assert [error.where for error in read.broken] == where
    for lang in ("de", "en"):
        status = export_status(read, lang)
        assert all(w.removeprefix("-:") in status for w in where)
        assert "{lines}" not in status and "{n}" not in status and "None" not in status
