"""Property-based tests: hostile input never raises and always gives a valid result.

Arbitrary Unicode, control characters, terminal escape sequences, Rich/Textual markup,
Markdown links and 1 MB inputs go through the normaliser, the matcher, the date and
e-mail parsers, the flow engine (random fact assignments of every bundled flow) and
the ticket fact extraction / triage. Each property states what a valid result is.

The whole module is kept under ~40 s: example counts are set per test, deadline off.
"""

from __future__ import annotations

import json
import string
import time
from datetime import date, timedelta
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from faq.errors import InputError
from faq.flows.dates import add_months, parse_date, parse_iso_date
from faq.flows.engine import (
    NEEDS_INPUT,
    RESOLVED,
    UNRESOLVED,
    cause_state,
    condition_state,
    diagnose,
    diagnosis_json,
    relevant_facts,
)
from faq.flows.values import UNKNOWN, Unknown, parse_email, parse_value
from faq.kb.files import BUNDLED_KB
from faq.kb.loader import load_knowledge_base
from faq.language.normalize import MAX_TOKENS, fold, words
from faq.language.text import MAX_INPUT_CHARS, clean
from faq.search.matcher import Matcher

TODAY = date(2026, 11, 24)
MB = 1_000_000

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def bundled():
    kb = load_knowledge_base(BUNDLED_KB)
    return kb, Matcher(kb)


# -- hostile text ----------------------------------------------------------------------

HOSTILE = [
    "\x1b[2J\x1b[H", "\x1b[31mrot\x1b[0m", "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;https://evil.example\x1b\\klick\x1b]8;;\x1b\\",
    "\x1b]0;title\x07", "\x9b31m", "\x1bP+q\x1b\\", "\x1b", "\x1b[", "\x1b]", "\r", "\b\b\b", "\x00", "\x7f", "\u202e",
    "\u2066", "\ufeff", "\u200b", "[bold red]x[/]", "[/]", "[link=https://evil.example]hier[/link]", "[@click=app.quit]x[/]",
    "[b][i][u]", "[[", "]]", "[", "\\[", "[x](javascript:alert(1))", "![img](http://x/y.png)", "<script>alert(1)</script>",
    "`code`", "**fett**", "| a | b |", "# Titel", "---", "{fact}", "{osm_email}", "%s%s%n", "${HOME}", "$(rm -rf /)",
    "'; DROP TABLE t;--", "\n\n", "\t", " ", "Aktivierungsmail", "nicht erhalten", "OSM", "it@firma.de", "a@b@c.de",
    "31.02.2026", "gestern", "vor 99999 Tagen", "9999-12-31", "0000-00-00", "Junk-Ordner geprüft", "nicht", "kein",
    "Volumenlizenzvertragsaktivierungsmailweiterleitungsproblem", "ẞ", "ß", "Ä", "e\u0301", "\U0001f600", "\ud7ff",
    "ﬁ", "Ⅸ", "٣", "𝟗", "İ", "ǅ", "\u0345", "\U000e0041",
]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.lists(st.sampled_from(HOSTILE), max_size=30).map("".join),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=40).map(" ".join),
    st.lists(st.sampled_from(HOSTILE), max_size=8).map(lambda xs: " ".join(xs) * 50),
)

EXPLICIT_BIG = {
    "1MB letters": "a" * MB,
    "1MB words": ("Aktivierungsmail nicht erhalten " * (MB // 32 + 1))[:MB],
    "1MB escapes": ("\x1b[31m\x1b]52;c;AAAA\x07\x00\u202e" * (MB // 14 + 1))[:MB],
    "1MB markup": ("[bold][link=http://x][@click=app.quit]" * (MB // 39 + 1))[:MB],
    "1MB nested markup": "[b]" * (MB // 6) + "[/]" * (MB // 6),
    "1MB markdown links": ("[x](javascript:alert(1)) " * (MB // 25 + 1))[:MB],
    "1MB one word": ("aktivierungsmail" * (MB // 16 + 1))[:MB],
    "1MB dates": ("31.02.2026 vor 3 Tagen " * (MB // 23 + 1))[:MB],
    "1MB addresses": ("a@b.de x@y " * (MB // 11 + 1))[:MB],
    "1MB unicode": ("ẞ\U0001f600e\u0301ﬁ\u200b" * (MB // 6 + 1))[:MB],
}


def _big_ids():
    return list(EXPLICIT_BIG)


# -- text cleaning and the normaliser --------------------------------------------------


@FAST
@given(hostile_text)
def test_clean_removes_controls_and_is_bounded(text):
    out = clean(text)
    assert isinstance(out, str) and len(out) <= MAX_INPUT_CHARS
    assert "\x1b" not in out and "\x00" not in out and "\u202e" not in out
    assert clean(out) == out  # idempotent


@FAST
@given(hostile_text)
def test_normaliser_tokens_are_non_empty_strings_and_bounded(text):
    _kb, matcher = bundled()
    norm = matcher.normalizer
    folded = fold(text)
    assert isinstance(folded, str)
    assert all(isinstance(w, str) and w for w in words(folded))
    surface = norm.surface(text)
    assert len(surface) <= MAX_TOKENS
    tokens = norm.tokens(text)
    assert isinstance(tokens, list)
    assert all(isinstance(t, str) and t for t in tokens)
    assert len(tokens) <= 6 * MAX_TOKENS  # a compound splits into at most five parts


@pytest.mark.parametrize("name", _big_ids())
def test_normaliser_on_1mb(name):
    _kb, matcher = bundled()
    started = time.perf_counter()
    tokens = matcher.normalizer.tokens(EXPLICIT_BIG[name])
    assert all(isinstance(t, str) and t for t in tokens)
    assert len(tokens) <= 6 * MAX_TOKENS
    assert time.perf_counter() - started < 5


# -- the matcher -----------------------------------------------------------------------


def assert_valid_match(result, kb):
    ids = {e.id for e in kb.entries}
    assert result.outcome in ("answer", "clarify", "no_match")
    assert 0.0 <= result.confidence <= 1.0
    assert (result.id is None) == (result.outcome == "no_match")
    if result.id is not None:
        assert result.id in ids
    assert result.lang in ("de", "en")
    confs = [c.confidence for c in result.candidates]
    assert confs == sorted(confs, reverse=True)
    assert all(0.0 <= c <= 1.0 for c in confs) and all(c.id in ids for c in result.candidates)
    assert len(result.query) <= MAX_INPUT_CHARS
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert set(data) == {"query", "outcome", "id", "flow", "confidence", "lang", "candidates"}


@FAST
@given(hostile_text, st.sampled_from([None, "de", "en"]))
def test_matcher_gives_a_valid_verdict(text, lang):
    kb, matcher = bundled()
    result = matcher.match(text, lang)
    assert_valid_match(result, kb)
    if lang is not None:
        assert result.lang == lang


@SLOW
@given(st.lists(st.sampled_from(["Aktivierungsmail", "Lizenz", "Konto", "OSM", "VLSC", "abgelaufen", "nicht", "erhalten",
                                 "xqzv", "blorf", "Volumenlizenz", "account", "licence", "expired"]), min_size=1, max_size=400),
       st.sampled_from([" ", "", "-", "\n", ", "]))
def test_matcher_on_word_soups(parts, sep):
    kb, matcher = bundled()
    assert_valid_match(matcher.match(sep.join(parts)), kb)


@pytest.mark.parametrize("name", _big_ids())
def test_matcher_on_1mb(name):
    kb, matcher = bundled()
    started = time.perf_counter()
    result = matcher.match(EXPLICIT_BIG[name])
    assert_valid_match(result, kb)
    assert time.perf_counter() - started < 5


def test_matcher_strips_escapes_and_keeps_markup_literal():
    kb, matcher = bundled()
    result = matcher.match("\x1b[2J[bold]Aktivierungsmail[/] nicht \x1b]52;c;AAAA\x07erhalten")
    assert_valid_match(result, kb)
    assert "\x1b" not in result.query and "[bold]" in result.query
    assert result.outcome != "no_match"


# -- dates -----------------------------------------------------------------------------

any_day = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
date_like = st.one_of(
    hostile_text,
    st.builds(lambda d, m, y, sep: f"{d}{sep}{m}{sep}{y}", st.integers(-5, 99999), st.integers(-5, 99999),
              st.integers(-5, 10**12), st.sampled_from([".", "-", "/", ". ", " "])),
    st.builds(lambda y, m, d: f"{y}-{m}-{d}", st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)),
    st.builds(lambda w, n, u: f"{w} {n} {u}", st.sampled_from(["vor", "in"]), st.integers(0, 10**9),
              st.sampled_from(["tagen", "wochen", "monaten", "tag", "jahre"])),
    st.builds(lambda n, u: f"{n} {u} ago", st.integers(0, 10**9), st.sampled_from(["days", "weeks", "months"])),
    st.builds(lambda d, m, y: f"{d}. {m} {y}", st.integers(0, 99), st.sampled_from(["Dezember", "Feb", "märz", "foo"]),
              st.integers(0, 99999)),
    st.sampled_from(["heute", "gestern", "vorgestern", "morgen", "übermorgen", "today", "yesterday", "tomorrow"]),
)


@FAST
@given(date_like, any_day, st.sampled_from(["de", "en", "fr"]))
def test_parse_date_returns_a_date_or_raises_input_error(raw, today, lang):
    try:
        value = parse_date(raw, today, lang)
    except InputError as exc:
        assert str(exc)
        return
    assert isinstance(value, date)


@FAST
@given(date_like)
def test_parse_iso_date_returns_a_date_or_raises_input_error(raw):
    try:
        assert isinstance(parse_iso_date(raw), date)
    except InputError:
        pass


@pytest.mark.parametrize("today", [date.min, date.max])
@pytest.mark.parametrize("raw", ["gestern", "morgen", "yesterday", "tomorrow", "vorgestern", "übermorgen", "vor 3 Tagen", "in 2 Monaten"])
def test_relative_dates_at_the_ends_of_the_calendar(raw, today):
    try:
        assert isinstance(parse_date(raw, today), date)
    except InputError as exc:
        assert "out of range" in str(exc)


month_end = st.builds(
    lambda y, m, d: date(y, m, min(d, [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30,
                                        31, 31, 30, 31, 30, 31][m - 1])),
    st.integers(1, 9999), st.integers(1, 12), st.integers(27, 31),
)


@FAST
@given(st.one_of(month_end, any_day), st.integers(-240, 240))
def test_add_months_at_month_ends_and_leap_years(day, months):
    target = day.year * 12 + (day.month - 1) + months
    result = add_months(day, months)
    if not 12 <= target < 10000 * 12:  # beyond the calendar: clamped to its ends
        assert result == (date.max if months > 0 else date.min)
        return
    assert result.year * 12 + (result.month - 1) == target  # the month advanced exactly
    assert result.day <= day.day
    if result.day < day.day:  # clamped only when the month is shorter
        assert (result + timedelta(days=1)).month != result.month


# -- e-mail addresses ------------------------------------------------------------------

email_like = st.one_of(
    hostile_text,
    st.emails(),
    st.builds(lambda a, b, c: f"{a}@{b}.{c}", st.text(max_size=20), st.text(max_size=20), st.text(max_size=6)),
    st.text(alphabet=string.ascii_letters + "@.-_+ *", max_size=40),
)


@FAST
@given(email_like, st.sampled_from(["de", "en"]))
def test_parse_email_returns_an_address_or_raises_input_error(raw, lang):
    try:
        address = parse_email(raw, "osm_email", lang)
    except InputError as exc:
        assert str(exc)
        return
    assert address == raw.strip()
    assert address.count("@") == 1 and not any(ch.isspace() for ch in address)
    local, domain = address.split("@")
    assert local and "." in domain


@SLOW
@given(st.emails())
def test_parse_email_accepts_ascii_addresses(address):
    assume(all(ord(ch) < 128 for ch in address))
    assume(not address.split("@")[1].startswith("["))
    local = address.split("@")[0]
    assume(not local.startswith('"'))
    assert parse_email(address) == address


@pytest.mark.parametrize("raw", ["a" * MB + "@b.de", "@" * MB, "a@b.de " * (MB // 7), "a@" + "b." * (MB // 2) + "de",
                                 "a@" + "-" * MB + ".de", "\x1b[2J" * (MB // 4)],
                         ids=["long-local", "only-at", "many-addresses", "many-labels", "dash-domain", "escapes"])
def test_parse_email_on_1mb(raw):
    started = time.perf_counter()
    try:
        assert parse_email(raw) == raw.strip()  # syntax only: no length limit
    except InputError:
        pass
    assert time.perf_counter() - started < 2


# -- the flow engine -------------------------------------------------------------------


def _value_strategy(fact, flow):
    if fact.type == "yesno":
        return st.sampled_from([True, False, UNKNOWN])
    if fact.type == "date":
        return st.one_of(any_day, st.just(UNKNOWN), st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 1, 1)))
    if fact.type == "email":
        domains = sorted({d for c in flow.causes for alt in c.when for cond in alt if cond.op == "domain" for d in cond.value})
        return st.one_of(st.just(UNKNOWN), st.emails(),
                         st.builds(lambda u, d: f"{u}@{d}", st.sampled_from(["it", "anna.meier", "x"]),
                                   st.sampled_from(domains + ["firma.de", "OUTLOOK.COM"])))
    if fact.type == "choice":
        return st.sampled_from([c.id for c in fact.choices] + [UNKNOWN])
    raise AssertionError(fact.type)


@st.composite
def flow_and_facts(draw):
    kb, _ = bundled()
    flow = draw(st.sampled_from(kb.flows))
    chosen = draw(st.lists(st.sampled_from(flow.facts), unique_by=lambda f: f.id, max_size=len(flow.facts)))
    facts = {f.id: draw(_value_strategy(f, flow)) for f in chosen}
    today = draw(st.one_of(st.just(TODAY), any_day))
    return flow, facts, today


@settings(max_examples=300, deadline=None)
@given(flow_and_facts(), st.sampled_from(["de", "en"]))
def test_engine_never_raises_and_is_consistent(case, lang):
    flow, facts, today = case
    diag = diagnose(flow, facts, today)
    assert diag.status in (RESOLVED, NEEDS_INPUT)
    assert list(diag.path) == list(facts)
    if diag.status == RESOLVED:
        assert diag.cause is not None and diag.next_fact is None and diag.resolution is not None
        assert diag.cause == UNRESOLVED or flow.cause(diag.cause) is not None
        if diag.cause != UNRESOLVED and flow.cause(diag.cause).when and diag.cause != flow.fallback:
            assert cause_state(flow.cause(diag.cause), facts, today) is True
    else:
        nxt = diag.next_fact
        assert diag.cause is None and nxt is not None
        assert nxt.id not in facts  # missing
        assert nxt == relevant_facts(flow, facts, today)[0]
        # relevant: tested in a not-yet-false alternative of a cause still open
        assert any(
            cause_state(c, facts, today) is None
            and any(any(cond.fact == nxt.id for cond in alt)
                    and all(condition_state(cond, facts, today) is not False for cond in alt)
                    for alt in c.when)
            for c in flow.causes
        )
        assert not any(cause_state(c, facts, today) is True for c in flow.causes)
    data = json.loads(json.dumps(diagnosis_json(diag, flow, lang), ensure_ascii=False))
    assert data["status"] == diag.status


@settings(max_examples=40, deadline=None)
@given(flow_and_facts(), hostile_text)
def test_parse_value_on_hostile_answers(case, raw):
    flow, _facts, today = case
    for fact in flow.facts:
        try:
            value = parse_value(fact, raw, today, "de")
        except InputError:
            continue
        assert isinstance(value, (bool, date, str, Unknown))
        diag = diagnose(flow, {fact.id: value}, today)
        assert diag.status in (RESOLVED, NEEDS_INPUT)


# -- ticket fact extraction and triage -------------------------------------------------


def _assert_valid_facts(facts, flow):
    by_id = {f.id: f for f in flow.facts}
    for fact_id, value in facts.items():
        fact = by_id[fact_id]  # only facts of the flow
        if fact.type == "yesno":
            assert isinstance(value, bool)
        elif fact.type == "date":
            assert isinstance(value, date)
        elif fact.type == "email":
            assert isinstance(value, str) and parse_email(value) == value
        elif fact.type == "choice":
            assert value in {c.id for c in fact.choices}
    assert list(facts) == [f.id for f in flow.facts if f.id in facts]  # the flow's order


ticket_text = st.one_of(
    hostile_text,
    st.lists(st.sampled_from([
        "Hallo Frau Meier,", "unser OSM ist anna.meier@outlook.com.", "Wir haben am 31.02.2026 E3 gekauft.",
        "Die Aktivierungsmail kam nicht an.", "Im Junk-Ordner haben wir nachgesehen, nichts.", "Ob der Spam geprüft wurde?",
        "Ich bin kein Admin.", "The link expired yesterday.", "We bought it 3 months ago.", "licenses are not visible",
        "Viele Grüße\nAnna Meier", "> Am 1.1.2026 schrieb x@y.de:", "-- \nSignatur", "vor 99999 Tagen",
        "am 5.1. bestellt", "\x1b[2J", "[b]fett[/b]", "[x](javascript:alert(1))", "nicht nicht nicht kein kein",
    ]), max_size=25).map(" ".join),
)


@SLOW
@given(ticket_text, st.sampled_from(["de", "en"]), st.one_of(st.just(TODAY), any_day))
def test_extract_facts_gives_only_valid_values(text, lang, today):
    from faq.tickets.facts import extract_facts

    kb, _ = bundled()
    for flow in kb.flows:
        result = extract_facts(text, flow, today, lang, kb.vocabulary)
        _assert_valid_facts(result.facts, flow)
        assert set(result.evidence) <= set(result.facts)
        assert all(isinstance(n, str) for n in result.notes)


def _assert_valid_triage(result, kb):
    assert_valid_match(result.match, kb)
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    json.dumps(result.to_json(redacted=True), ensure_ascii=False)
    assert isinstance(data["reply"], str) and data["reply"]
    flow = kb.flow(result.match.flow) if result.match.flow else None
    if flow is None:
        assert not result.facts and result.cause is None
        return
    _assert_valid_facts(result.facts, flow)
    assert result.cause is None or result.cause == UNRESOLVED or flow.cause(result.cause) is not None
    if result.next is not None:  # a fact read through a weak path is shown and asked again, never settled on
        assert result.next["fact"] in {f.id for f in flow.facts}
        assert result.next["fact"] not in result.facts or result.next["fact"] in result.weak


@SLOW
@given(ticket_text, st.text(max_size=80), st.one_of(st.just(TODAY), any_day))
def test_triage_text_never_raises(text, subject, today):
    from faq.tickets.triage import triage_text

    kb, matcher = bundled()
    _assert_valid_triage(triage_text(text, kb, matcher, today, "t-1", subject), kb)


@pytest.mark.parametrize("name", _big_ids())
def test_triage_text_on_1mb(name):
    from faq.tickets.triage import triage_text

    kb, matcher = bundled()
    started = time.perf_counter()
    result = triage_text(EXPLICIT_BIG[name], kb, matcher, TODAY, "big", EXPLICIT_BIG[name][:1000])
    _assert_valid_triage(result, kb)
    assert time.perf_counter() - started < 10


# -- what fuzzing found (regressions) -----------------------------------------------------


def test_found_a_weak_date_is_asked_again_and_settles_nothing():
    from faq.tickets.triage import triage_text

    kb, matcher = bundled()
    result = triage_text("LINKEPIR1.1.", kb, matcher, TODAY, "t-1", "")
    _assert_valid_triage(result, kb)
    assert result.cause is None and result.match.flow == "activation-link-expiry"
    assert "purchase_date" in result.facts and "purchase_date" in result.weak  # shown with its words ...
    assert result.next is not None and result.next["fact"] == "purchase_date"  # ... and asked again


def test_found_a_date_at_the_end_of_the_calendar_in_a_month_condition():
    kb, _ = bundled()
    flow = kb.flow("activation-link-expiry")
    fact = next(f for f in flow.facts if f.type == "date")
    diag = diagnose(flow, {fact.id: date(9999, 12, 31)}, TODAY)  # was: ValueError: year 10000 is out of range
    assert diag.status == RESOLVED
    assert add_months(date(9999, 12, 31), 6) == date.max and add_months(date(1, 1, 31), -1) == date.min


def test_found_relative_words_at_the_ends_of_the_calendar():
    with pytest.raises(InputError):  # was: OverflowError (faqbot --today 0001-01-01 --fact x=gestern)
        parse_date("gestern", date.min)
    with pytest.raises(InputError):
        parse_date("tomorrow", date.max)


def test_found_an_upper_case_punycode_tld():
    assert parse_email("0@A.XN--11B4C3D") == "0@A.XN--11B4C3D"


def test_found_a_yearless_date_in_a_year_below_100():
    from faq.tickets.facts import extract_facts

    kb, _ = bundled()
    for flow in kb.flows:  # was: ValueError: max() arg is an empty sequence
        _assert_valid_facts(extract_facts("1.1. bestellt", flow, date(98, 1, 1), "de", kb.vocabulary).facts, flow)


@pytest.mark.parametrize("text", ["a" * 40_000, "aktivierungsmail" * 2_500, "\x1b]" + "a" * 40_000],
                         ids=["no-at-sign", "one-known-word", "unterminated-osc"])
def test_found_quadratic_time_on_long_runs_without_spaces(text):
    from faq.tickets.triage import triage_text

    kb, matcher = bundled()
    started = time.perf_counter()
    triage_text(text, kb, matcher, TODAY)  # was: 4.8 s at 40k chars (address regex), 0.35 s at 10k (compound splitter)
    assert time.perf_counter() - started < 1.0
