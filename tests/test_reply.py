"""Suggested replies as the support desk: the resolution, or every open question in one mail; in the ticket's language."""

import re
from datetime import date
from pathlib import Path

import pytest

from faq.flows.engine import diagnose, relevant_facts
from faq.kb.loader import load_knowledge_base
from faq.tickets.reply import _desk_steps, answer_summary, suggest_reply

KB = load_knowledge_base(Path(__file__).parent / "fixtures" / "tickets" / "kb")
TODAY = date(2026, 11, 24)
FLOW = KB.flow("missing-activation-email")


def test_resolution_reply_german():
    diag = diagnose(FLOW, {"osm_email": "anna@outlook.com"}, TODAY)
    text = suggest_reply(KB, "activation-email-missing", "de", FLOW, diag, "outlook-com-address")
    assert text.startswith("Guten Tag,")
    assert "An anna@outlook.com werden keine Aktivierungs-E-Mails gesendet." in text
    assert "So gehen Sie vor:\nÄndern Sie den Abonnementkontakt in VLSC." in text  # a single step, unnumbered
    assert text.rstrip().endswith("Ihr Support-Team")


def test_resolution_reply_english_fills_deadline():
    flow = KB.flow("activation-link-expiry")
    diag = diagnose(flow, {"purchase_date": date(2026, 1, 5)}, TODAY)
    text = suggest_reply(KB, "activation-link-expiry", "en", flow, diag, "activation-link-expired")
    assert text.startswith("Hello,") and "5 Jul 2026" in text and "Best regards" in text


@pytest.mark.parametrize(("lang", "opening"), [
    ("en", "Hello,\n\nThank you for your message.\n"),  # an English letter goes on with a capital
    ("de", "Guten Tag,\n\nvielen Dank für Ihre Nachricht.\n"),  # a German one after the comma in lower case
])
def test_the_reply_opens_as_a_letter_of_its_language(lang, opening):
    diag = diagnose(FLOW, {"osm_email": "anna@outlook.com"}, TODAY)
    assert suggest_reply(KB, "activation-email-missing", lang, FLOW, diag, "outlook-com-address").startswith(opening)


def test_question_reply_asks_every_open_question_numbered_cheapest_first():
    diag = diagnose(FLOW, {}, TODAY)
    text = suggest_reply(KB, "activation-email-missing", "de", FLOW, diag, None, today=TODAY)
    open_facts = relevant_facts(FLOW, {}, TODAY)
    assert len(open_facts) > 1
    items = [line for line in text.splitlines() if line[:1].isdigit()]
    assert [item.split(". ", 1)[0] for item in items] == [str(n) for n in range(1, len(items) + 1)]
    places = [next(i for i, item in enumerate(items) if f.question.de in item) for f in open_facts]
    opened = [p for n, p in enumerate(places) if p not in places[:n]]
    assert opened == list(range(len(items)))  # every open question asked; an item stands where its cheapest does
    assert [f.cost for f in open_facts] == sorted(f.cost for f in open_facts)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_questions_that_decide_one_cause_only_together_are_one_item(lang):
    kb, _ = _bundled()
    flow = kb.flow("licenses-not-visible")
    diag = diagnose(flow, {"usage_start": date(2026, 10, 1)}, TODAY)
    text = suggest_reply(kb, "licenses-not-visible", lang, flow, diag, None, today=TODAY)
    addon, base = (flow.fact(f).question.get(lang) for f in ("is_addon", "base_same_enrollment"))
    item = next(line for line in text.splitlines() if addon in line)
    assert base in item
    assert sum(line[:1].isdigit() for line in text.splitlines()) == len(relevant_facts(flow, diag.facts, TODAY)) - 1


def test_a_help_sentence_several_grouped_questions_share_is_said_once():
    kb, _ = _bundled()
    flow = kb.flow("missing-activation-email")
    diag = diagnose(flow, {}, TODAY)
    text = suggest_reply(kb, "activation-email-missing", "de", flow, diag, None, today=TODAY)
    item = next(line for line in text.splitlines() if "Wann wurde die Reservierung aufgegeben?" in line)
    assert "Ist die Reservierung bereits wirksam geworden?" in item
    assert item.count("Betrifft nur Reservierungen.") == 1


def test_question_reply_has_no_introduction_without_its_list():
    diag = diagnose(FLOW, {}, TODAY)
    text = suggest_reply(KB, "activation-email-missing", "de", FLOW, diag, None, today=TODAY)
    assert not any(line.rstrip().endswith(":") and not nxt.strip()
                   for line, nxt in zip(text.splitlines(), text.splitlines()[1:]))
    assert "Einige häufige Gründe" not in text


def test_reply_greets_by_name_in_both_languages():
    diag = diagnose(FLOW, {"osm_email": "anna@outlook.com"}, TODAY)
    de = suggest_reply(KB, "activation-email-missing", "de", FLOW, diag, "outlook-com-address", name="Jana Roth")
    en = suggest_reply(KB, "activation-email-missing", "en", FLOW, diag, "outlook-com-address", name="Dana")
    assert de.startswith("Guten Tag Jana Roth,") and en.startswith("Hello Dana,")


def test_no_match_reply_never_sends_to_support():
    text = suggest_reply(KB, None, "en", None, None, None)
    assert "not about activating online services" in text
    assert "support" not in text.lower().replace("your support team", "")


def test_entry_without_flow_gives_its_answer():
    text = suggest_reply(KB, "renewal-doubled-licenses", "de")
    assert "Status Aktiv" in text


def test_answer_summary_short_skips_an_introduction():
    entry = KB.entry("activation-email-missing")
    assert not answer_summary(entry, "de", short=True).rstrip().endswith(":")
    assert "- Aktivierungs-E-Mails werden nicht an outlook.com gesendet." in answer_summary(entry, "de")


def _bundled():
    from faq.search.cache import load

    return load()


def test_desk_never_sends_the_customer_to_support_in_either_language():
    kb, _ = _bundled()
    flow = kb.flow("activation-link-expiry")
    diag = diagnose(flow, {"purchase_date": date(2026, 1, 5)}, TODAY)
    de = suggest_reply(kb, "activation-link-expiry", "de", flow, diag, "activation-link-expired")
    en = suggest_reply(kb, "activation-link-expiry", "en", flow, diag, "activation-link-expired")
    assert "an den Support" not in de and "ontact support" not in en
    # What the desk does stays: the seed's "um den Aktivierungslink erneut zu aktivieren".
    assert "Wir veranlassen das Nötige, um den Aktivierungslink erneut zu aktivieren, und melden uns" in de
    assert "We will do what is needed to have the activation link re-enabled, and get back" in en
    assert "05.07.2026" in de
    # The desk's own step is no instruction to the customer.
    assert "So geht es weiter:\nWir veranlassen" in de and "So gehen Sie vor" not in de
    assert "Next steps:\nWe will do" in en and "What to do" not in en


def test_open_case_explains_and_asks_without_promising_the_resolution():
    from faq.tickets.triage import triage_text

    kb, matcher = _bundled()
    for text, lang in (("Der Aktivierungslink ist abgelaufen, was tun?", "de"),
                       ("The activation link has expired, what should I do?", "en")):
        result = triage_text(text, kb, matcher, TODAY)
        assert result.cause is None and result.next is not None
        reply = result.reply
        assert kb.flow("activation-link-expiry").fact("purchase_date").question.get(lang) in reply
        assert "6" in reply  # the brief explanation: it expires 6 months after purchase
        for promise in ("kümmern wir", "veranlassen wir", "Wir veranlassen", "Darum kümmern",
                        "take care of", "do what is needed"):
            assert promise not in reply, (lang, promise)


def test_rewritten_support_steps_keep_their_purpose_and_condition():
    kb, _ = _bundled()
    # "..., damit Sie Ihre Lizenzen dem richtigen Konto neu zuordnen können": the purpose stays.
    de = suggest_reply(kb, "wrong-account-activated", "de")
    assert "Wir veranlassen das Nötige, damit Sie Ihre Lizenzen dem richtigen Konto neu zuordnen können" in de
    en = suggest_reply(kb, "wrong-account-activated", "en")
    assert "We will do what is needed so that you can reassign your licenses to the correct account" in en
    # A German condition in verb-first order ("Funktioniert der Link trotzdem nicht, ...") stays.
    flow = kb.flow("activation-link-expiry")
    diag = diagnose(flow, {"purchase_date": date(2026, 10, 1)}, TODAY)
    valid = suggest_reply(kb, "activation-link-expiry", "de", flow, diag, "activation-link-valid")
    assert "Funktioniert der Link trotzdem nicht, kümmern wir uns darum" in valid
    assert flow.unresolved is not None
    step = flow.unresolved.steps["de"][-1]  # "Ist der Link abgelaufen, wenden Sie sich an den Support, um ihn ..."
    assert _desk_steps([step], "de") == [
        "Ist der Link abgelaufen, veranlassen wir das Nötige, um ihn erneut zu aktivieren, "
        "und melden uns bei Ihnen, sobald es erledigt ist."]


def test_support_step_after_a_colon_keeps_what_follows_it():
    kb, _ = _bundled()
    flow = kb.flow("missing-activation-email")
    assert flow.unresolved is not None
    texts = [s for s in flow.unresolved.steps["en"] if "25 hours old" in s]
    assert texts
    for step in texts:
        out = _desk_steps([step], "en")[0]
        assert "if it has not taken effect within 25 hours, we will take care of this" in out
        assert out.endswith("if it is less than 25 hours old, this reason does not apply yet.")


def test_open_case_in_english_asks_every_question_in_one_mail():
    kb, _ = _bundled()
    flow = kb.flow("missing-activation-email")
    diag = diagnose(flow, {"osm_email": "it@contoso.example"}, TODAY)
    text = suggest_reply(kb, "activation-email-missing", "en", flow, diag, None, name="Dana", today=TODAY)
    questions = relevant_facts(flow, {"osm_email": "it@contoso.example"}, TODAY)
    assert text.startswith("Hello Dana,") and len(questions) > 2
    items = [line for line in text.splitlines() if line[:1].isdigit()]
    assert all(any(f.question.en in item for item in items) for f in questions) and len(items) > 2
    assert flow.fact("osm_email").question.en not in text


def _sends_to_support(reply: str) -> bool:
    body = "\n".join(reply.split("\n")[:-2]).lower()  # the sign-off is the desk's own name
    return any(p in body for p in ("an den support", "contact support", "support team", "supportteam"))


def test_answers_without_a_flow_never_send_to_support_but_keep_conditions_and_other_contacts():
    kb, _ = _bundled()
    for entry in kb.entries:
        for lang in ("de", "en"):
            assert not _sends_to_support(suggest_reply(kb, entry.id, lang)), (entry.id, lang)
    # "Wenden Sie sich andernfalls an Ihren Händler oder an den Support": the reseller stays.
    assert "Softwarehändler" in suggest_reply(kb, "after-renewal", "de")
    assert "reseller" in suggest_reply(kb, "after-renewal", "en")
    # "If you bought through MOSP ..., contact support": the condition stays, the desk takes over.
    en = suggest_reply(kb, "cancel-subscription", "en")
    assert "want to cancel it, we will take care of this" in en
    de = suggest_reply(kb, "cancel-subscription", "de")
    assert "kündigen möchten, kümmern wir uns darum" in de


def test_triaged_ticket_reply_greets_the_signer_and_never_sends_to_support():
    from faq.tickets.triage import triage_text

    kb, matcher = _bundled()
    text = ("Guten Tag,\n\nwir haben die Lizenzen versehentlich für den falschen Mandanten aktiviert, unseren alten "
            "Testmandanten. Wie bekommen wir sie in den richtigen?\n\nMit freundlichen Grüßen\ni. A. Greta Wolff\n"
            "Einkauf")
    result = triage_text(text, kb, matcher, TODAY)
    assert result.reply.startswith("Guten Tag Greta Wolff,")
    assert not _sends_to_support(result.reply)


def test_waiting_is_a_step_not_a_contact():
    kb, _ = _bundled()
    flow = kb.flow("missing-activation-email")
    facts = {"usage_start": date(2026, 12, 1)}
    diag = diagnose(flow, facts, TODAY)
    de = suggest_reply(kb, "activation-email-missing", "de", flow, diag, diag.cause, today=TODAY)
    assert "03.12.2026" in de and "Ansprechpartner: Warten" not in de
    en = suggest_reply(kb, "activation-email-missing", "en", flow, diag, diag.cause, today=TODAY)
    assert "3 Dec 2026" in en and "Contact: Wait" not in en


@pytest.mark.parametrize(("lang", "window", "ask"), [
    ("de", "schon ab 03.02.2027", "Schreiben Sie uns den genauen Tag"),
    ("en", "from 3 Feb 2027", "Tell us the exact day"),
])
def test_a_usage_start_known_to_its_month_gives_the_window_and_asks_the_day(lang, window, ask):
    from faq.flows.dates import MonthDate

    kb, _ = _bundled()
    flow = kb.flow("licenses-not-visible")
    diag = diagnose(flow, {"usage_start": MonthDate(2027, 2, 1)}, TODAY)
    reply = suggest_reply(kb, "licenses-not-visible", lang, flow, diag, diag.cause, today=TODAY)
    assert diag.cause == "usage-start-pending"
    assert window in reply and ("02.03.2027" if lang == "de" else "2 Mar 2027") in reply and ask in reply


def test_an_exact_usage_start_asks_for_no_day():
    kb, _ = _bundled()
    flow = kb.flow("licenses-not-visible")
    diag = diagnose(flow, {"usage_start": date(2027, 2, 10)}, TODAY)
    reply = suggest_reply(kb, "licenses-not-visible", "de", flow, diag, diag.cause, today=TODAY)
    assert "12.02.2027" in reply and "genauen Tag" not in reply and "spätestens" not in reply


@pytest.mark.parametrize(("lang", "contact"), [("de", "Ansprechpartner: Ihr globaler Administrator"),
                                               ("en", "Contact: Your global administrator")])
def test_a_contact_that_also_names_support_keeps_the_others(lang, contact):
    kb, _ = _bundled()
    flow = kb.flow("renewal-activation")
    diag = diagnose(flow, {"same_org_name": True, "multiple_enrollments_same_org": False}, TODAY)
    reply = suggest_reply(kb, "renewal-activation", lang, flow, diag, diag.cause, today=TODAY)
    assert contact in reply.splitlines() and not _sends_to_support(reply)


BUNDLED = load_knowledge_base()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_single_step_stands_unnumbered_and_several_are_numbered(lang):
    flow = BUNDLED.flow("licenses-not-visible")
    single = suggest_reply(BUNDLED, "licenses-not-visible", lang, flow,
                           diagnose(flow, {"service_in_country": False}, TODAY), "country-not-launched")
    several = suggest_reply(BUNDLED, "licenses-not-visible", lang, flow,
                            diagnose(flow, {"usage_start": TODAY}, TODAY), "usage-start-pending")
    assert not any(line.startswith("1. ") for line in single.splitlines())
    assert [line[:3] for line in several.splitlines() if line[:1].isdigit()] == ["1. ", "2. "]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_single_open_question_stands_unnumbered(lang):
    flow = BUNDLED.flow("renewal-activation")
    diag = diagnose(flow, {"same_org_name": True}, TODAY)
    text = suggest_reply(BUNDLED, "renewal-activation", lang, flow, diag, None, today=TODAY)
    assert flow.fact("multiple_enrollments_same_org").question.get(lang) in text
    assert not any(line[:1].isdigit() for line in text.splitlines())


@pytest.mark.parametrize(("lang", "instruction", "kept"), [
    ("de", "antworten Sie mit", "trifft dieser Grund nicht zu."),
    ("en", "answer \"", "this reason does not apply."),
])
def test_grouped_reservation_questions_in_a_mail_carry_no_chat_answer_instruction(lang, instruction, kept):
    flow = BUNDLED.flow("missing-activation-email")
    diag = diagnose(flow, {}, TODAY)
    text = suggest_reply(BUNDLED, "activation-email-missing", lang, flow, diag, None, today=TODAY)
    reservation = next(line for line in text.splitlines() if flow.fact("reservation_date").question.get(lang) in line)
    assert instruction.lower() not in reservation.lower()
    assert kept in reservation  # what the help says before the instruction stays


_MAIL = BUNDLED.flow("missing-activation-email")


@pytest.mark.parametrize(("lang", "start", "shown", "not_shown"), [
    ("de", date(2027, 3, 15), "(15.03.2027) liegt in der Zukunft.", "weniger als 48 Stunden"),
    ("de", date(2026, 11, 23), "(23.11.2026) liegt weniger als 48 Stunden zurück.", "Zukunft"),
    ("en", date(2027, 3, 15), "(15 Mar 2027) is in the future.", "less than 48 hours"),
    ("en", TODAY, "(24 Nov 2026) is today.", "future"),
])
def test_a_pending_usage_start_is_said_as_the_date_shows(lang, start, shown, not_shown):
    for flow in (_MAIL, BUNDLED.flow("licenses-not-visible")):
        diag = diagnose(flow, {"usage_start": start}, TODAY)
        text = suggest_reply(BUNDLED, flow.entry, lang, flow, diag, "usage-start-pending", today=TODAY)
        assert shown in text and not_shown not in text


@pytest.mark.parametrize(("lang", "pointer"), [("de", "übrigen Gründe"), ("en", "other reasons")])
def test_a_step_pointing_to_the_other_reasons_lists_those_the_facts_leave_open(lang, pointer):
    facts = {"usage_start": date(2026, 12, 1), "junk_checked": True, "osm_email": "it@firma.de"}
    diag = diagnose(_MAIL, facts, TODAY)
    text = suggest_reply(BUNDLED, "activation-email-missing", lang, _MAIL, diag, "usage-start-pending", today=TODAY)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if pointer in line)
    listed = [line.strip()[2:] for line in lines[at + 1:] if line.startswith("   - ")]
    title = {c.id: c.resolution.title.get(lang) for c in _MAIL.causes}
    assert title["sent-to-other-contact"] in listed and title["no-order"] in listed
    assert title["junk-folder"] not in listed  # the junk folder was checked
    assert title["outlook-com-address"] not in listed  # the address is no outlook.com one
    assert title["usage-start-pending"] not in text  # the text says it: no title repeating it


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_sentence_of_a_resolution_is_said_twice(lang):
    for flow in BUNDLED.flows:
        for cause in flow.causes:
            facts = _proving(flow, cause.id)
            if facts is None:
                continue
            diag = diagnose(flow, facts, TODAY)
            if diag.cause != cause.id:
                continue
            text = suggest_reply(BUNDLED, flow.entry, lang, flow, diag, cause.id, today=TODAY)
            said = [s.strip() for s in re.split(r"(?<=[.:])\s+|\n", text) if len(s.strip()) > 30]
            assert len(said) == len(set(said)), (cause.id, [s for s in said if said.count(s) > 1])


def _proving(flow, cause_id):
    """Facts that prove a cause: the first alternative's conditions, made true."""
    cause = flow.cause(cause_id)
    if not cause.when:
        return None
    facts = {}
    for cond in cause.when[0]:
        if cond.op == "is":
            facts[cond.fact] = cond.value
        elif cond.op == "domain":
            facts[cond.fact] = f"x@{cond.value}"
        elif cond.op == "in":
            facts[cond.fact] = cond.value[0]
        elif cond.op == "less_than_hours_ago":
            facts[cond.fact] = TODAY
        elif cond.op == "more_than_hours_ago":
            facts[cond.fact] = date(2026, 1, 1)
        elif cond.op == "more_than_months_ago":
            facts[cond.fact] = date(2025, 1, 1)
        elif cond.op == "at_most_months_ago":
            facts[cond.fact] = TODAY
        else:
            return None
    return facts


@pytest.mark.parametrize(("text", "lang", "honest", "false"), [
    ("Hallo, die Lizenzen haben wir vor etwa vier Monaten gekauft. Funktioniert der Aktivierungslink noch?", "de",
     ["(etwa 24.07.2026, „vor etwa vier Monaten“)", "bis 25.12.2026 (sicher – je nach genauem Tag auch bis 25.02.2027)",
      "bis spätestens 25.12.2026 (sicher", "Sie nannten uns die Zeit nur ungefähr („vor etwa vier Monaten“)"],
     ["24.01.2027", "(24.07.2026)"]),  # the day in between is no deadline: the link may run out a month before
    ("Hi, we bought the licences roughly four months ago. Does the activation link still work?", "en",
     ["(around 24 Jul 2026, “roughly four months ago”)",
      "until 25 Dec 2026 (for certain – depending on the exact day, up to 25 Feb 2027)", "by 25 Dec 2026 (for certain",
      "You told us the time only roughly (“roughly four months ago”)"],
     ["24 Jan 2027", "(24 Jul 2026)"]),
])
def test_a_date_from_a_rough_span_is_said_as_approximate_with_the_customers_words_and_the_safe_deadline(text, lang, honest, false):
    from faq.tickets.triage import triage_text

    kb, matcher = _bundled()
    result = triage_text(text, kb, matcher, TODAY)
    assert result.cause == "activation-link-valid"
    assert result.to_json()["facts"]["purchase_date"] == "2026-07-24"  # the fact stays a plain date
    for said in honest:
        assert said in result.reply, said
    for claim in false:
        assert claim not in result.reply, claim


def test_an_exact_date_keeps_its_exact_deadline_and_no_rough_note():
    from faq.tickets.triage import triage_text

    kb, matcher = _bundled()
    reply = triage_text("Hallo, gekauft am 24.07.2026. Funktioniert der Aktivierungslink noch?", kb, matcher, TODAY).reply
    assert "bis 24.01.2027 gültig" in reply and "etwa" not in reply and "ungefähr" not in reply
