"""`faqbot diagnose FLOW [--fact NAME=VALUE ...] [--today D] [--json] [-i]`.

Runs a diagnostic flow headless on the facts given (CONTRACT §3): one JSON object
with --json, else readable text (the resolution with numbered steps and contact,
or the next question). With --interactive it asks for the missing facts on the
terminal one by one.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Callable, Mapping
from datetime import date
from typing import TextIO

from faq.errors import InputError
from faq.flows.dates import parse_iso_date
from faq.flows.engine import (
    NEEDS_INPUT,
    UNRESOLVED,
    Diagnosis,
    answer,
    back,
    diagnose,
    diagnosis_json,
    fill,
    flow_fact,
)
from faq.flows.values import Value, display_value, json_value, parse_flow_value
from faq.kb.model import Fact, Flow
from faq.language.catalogue import tr

__all__ = ["find_flow", "interact", "parse_fact_args", "render_text", "run"]

_LANG = "en"  # errors on stderr are in English, like every command's, unless --lang names a language
_BACK_WORDS = frozenset({"zurück", "zurueck", "back", "<"})
_HELP_WORDS = frozenset({"hilfe", "help"})
_QUIT_WORDS = frozenset({"abbrechen", "ende", "quit", "exit", "q"})

def find_flow(flows: tuple[Flow, ...] | list[Flow], flow_id: str, lang: str = _LANG) -> Flow:
    """Return the flow named `flow_id` (an error says so in `lang`).

    Raises:
        InputError: No such flow; the message lists the flows.
    """
    for flow in flows:
        if flow.id == flow_id:
            return flow
    known = ", ".join(sorted(f.id for f in flows)) or tr(lang, "cli_none_known")
    raise InputError(tr(lang, "cli_unknown_flow", flow=flow_id, known=known), value=flow_id)


def parse_fact_args(flow: Flow, pairs: list[str], today: date, lang: str = "en") -> dict[str, Value]:
    """Read `--fact NAME=VALUE` arguments into typed values, in the order given.

    Raises:
        InputError: A pair without '=', an unknown fact, a fact given twice, or a bad value.
    """
    facts: dict[str, Value] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(tr(lang, "cli_fact_pair", pair=pair), value=pair)
        fact = flow_fact(flow, name)
        if fact.id in facts:  # two values for one fact: which one the user meant is not ours to guess
            raise InputError(tr(lang, "cli_fact_twice", fact=fact.id), value=pair)
        facts[fact.id] = parse_flow_value(flow, fact, raw, today, lang)
    return facts


def _answers_hint(fact: Fact, lang: str) -> str:
    if fact.type == "choice":
        labels = [f"{c.id} ({c.label.get(lang)})" for c in fact.choices]
        return " / ".join(labels) + " / " + tr(lang, "cli_answers_unknown")
    return tr(lang, f"cli_answers_{fact.type}")


def render_text(diag: Diagnosis, flow: Flow, lang: str = "de") -> str:
    """Return a diagnosis as plain text: the resolution with numbered steps, or the next question."""
    lines = [flow.title.get(lang), ""]
    if diag.facts:
        lines.append(f"{tr(lang, 'cli_facts')}:")
        for key, value in diag.facts.items():
            fact = flow.fact(key)
            question = fact.question.get(lang) if fact is not None else key
            lines.append(f"  - {question} {display_value(fact, value, lang)} [{key}]")
        lines.append("")
    if diag.status == NEEDS_INPUT and diag.next_fact is not None:
        fact = diag.next_fact
        lines.append(f"{tr(lang, 'cli_next')}: {fact.question.get(lang)}")
        lines.append(f"  {tr(lang, 'cli_answers')}: {_answers_hint(fact, lang)}")
        if fact.help is not None:
            lines.append(f"  {tr(lang, 'cli_help')}: {fact.help.get(lang)}")
        args = [f"--fact {shlex.quote(f'{k}={_shell_value(v)}')}" for k, v in diag.facts.items()]
        args.append(f"--fact {fact.id}=...")
        lines.append(f"  {tr(lang, 'cli_continue')}: faqbot diagnose {flow.id} {' '.join(args)}")
        return "\n".join(lines)
    res = diag.resolution
    if res is not None:
        lines.append(f"{tr(lang, 'cli_cause')}: {fill(res.title.get(lang), diag, lang, flow)} [{diag.cause}]")
        lines.append(fill(res.text.get(lang), diag, lang, flow))
        steps = res.steps.get(lang, ())
        if steps:
            lines.append("")
            lines.append(f"{tr(lang, 'cli_steps')}:")
            for i, step in enumerate(steps, 1):
                lines.append(f"  {i}. {fill(step, diag, lang, flow)}")
        lines.append("")
        lines.append(f"{tr(lang, 'cli_resolution_contact')}: {fill(res.contact.get(lang), diag, lang, flow)}")
    if diag.cause == UNRESOLVED and diag.possible:
        lines.append("")
        lines.append(f"{tr(lang, 'cli_possible')}:")
        for cause_id in diag.possible:
            cause = flow.cause(cause_id)
            title = fill(cause.resolution.title.get(lang), diag, lang, flow) if cause else cause_id
            lines.append(f"  - {title} [{cause_id}]")
    return "\n".join(lines)


def _shell_value(value: Value) -> str:
    text = json_value(value)
    if isinstance(text, bool):
        return "ja" if text else "nein"
    return text


def interact(
    flow: Flow,
    facts: Mapping[str, Value],
    today: date,
    lang: str,
    read: Callable[[str], str],
    out: TextIO,
) -> dict[str, Value]:
    """Ask for missing facts one by one until the flow is resolved; return the facts.

    A bad value is reported and asked again; "?" / "weiß nicht" answers unknown;
    "zurück"/"back" drops the last answer; end of input stops asking. An answer is read as the
    chat reads it (`bot.chat.answers.read_answer`): a yes or no opening a longer reply answers.
    """
    from bot.chat.answers import read_answer

    known = dict(facts)
    print(tr(lang, "cli_prompt_hint"), file=out)
    while True:
        diag = diagnose(flow, known, today)
        if diag.status != NEEDS_INPUT or diag.next_fact is None:
            return known
        fact = diag.next_fact
        print(f"\n{fact.question.get(lang)}", file=out)
        print(f"  {tr(lang, 'cli_answers')}: {_answers_hint(fact, lang)}", file=out)
        try:
            raw = read("> ")
        except EOFError:
            return known
        word = raw.strip().lower()
        if word in _QUIT_WORDS:
            return known
        if word in _BACK_WORDS:
            if known:
                known = back(known)
            else:
                print(tr(lang, "cli_nothing_back"), file=out)
            continue
        if word in _HELP_WORDS:
            print(f"  {tr(lang, 'cli_help')}: {fact.help.get(lang) if fact.help else fact.question.get(lang)}", file=out)
            continue
        try:  # read as the chat reads an answer: "Ja, haben wir", "no, not yet", "März 2026" where the month settles it
            value = read_answer(flow, known, fact, raw.strip(), today, lang)
        except InputError as exc:
            print(f"  {tr(lang, 'cli_error')}: {exc.reason}", file=out)  # the question is on screen: no fact id
            continue
        known = answer(known, fact.id, value)


def _reader(out: TextIO) -> Callable[[str], str]:
    """Return an input() that shows its prompt on `out` (stderr with --json, so stdout stays JSON)."""

    def read(prompt: str) -> str:
        out.write(prompt)
        out.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    return read


def run(args: argparse.Namespace) -> int:
    """Run `faqbot diagnose`; return the exit status (bad input raises InputError → exit 2)."""
    from faq.kb.loader import BUNDLED_KB, load_knowledge_base

    lang = getattr(args, "lang", None) or "de"
    if lang not in ("de", "en"):
        lang = "de"
    said = lang if getattr(args, "lang", None) else _LANG  # errors: English unless --lang is given
    today = date.today()
    if getattr(args, "today", None):
        try:
            today = parse_iso_date(args.today, said)
        except InputError as exc:
            raise exc.within(option="--today") from None
    kb = load_knowledge_base(args.kb or BUNDLED_KB)
    flow = find_flow(kb.flows, args.flow, said)
    facts = parse_fact_args(flow, list(args.fact or []), today, said)
    if getattr(args, "interactive", False):
        out = sys.stderr if args.json else sys.stdout
        facts = interact(flow, facts, today, lang, input if out is sys.stdout else _reader(out), out)
    diag = diagnose(flow, facts, today)
    if args.json:
        print(json.dumps(diagnosis_json(diag, flow, lang), ensure_ascii=False))
    else:
        print(render_text(diag, flow, lang))
    return 0
