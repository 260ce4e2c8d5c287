"""`faqbot ask`: answer questions on the command line, readable or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.cli.render import LABELS, render_entry
from faq.kb.model import Entry, KnowledgeBase
from faq.language.text import MAX_INPUT_CHARS, clean
from faq.search.cache import load
from faq.search.matcher import Matcher, MatchResult

__all__ = ["answer_text", "run"]

SUPPORT_ENTRY = "contact-support"


def answer_text(result: MatchResult, kb: KnowledgeBase, lang: str, offer: float = 0.2) -> str:
    """Render a match result as the readable answer shown on a terminal.

    On no_match, entries of at least `offer` probability (the matcher's model's threshold)
    are listed as the closest ones.
    """
    labels = LABELS[lang]
    if result.outcome == "answer":
        return _with_flow_hint(render_entry(_entry(kb, result.id), lang, kb), result, lang)
    if result.outcome == "clarify":
        lines = [labels["did_you_mean"]]
        for n, cand in enumerate(result.candidates, 1):
            lines.append(f"  {n}. {_entry(kb, cand.id).title.get(lang)}")
        lines.append(f"  {len(result.candidates) + 1}. {labels['none']}")
        lines += ["", render_entry(_entry(kb, result.id), lang, kb)]
        return _with_flow_hint("\n".join(lines), result, lang)
    lines = [labels["no_match"]]
    close = [c for c in result.candidates[:3] if c.confidence >= offer]
    if close:
        lines += ["", labels["closest"]] + [f"  • {_entry(kb, c.id).question.get(lang)}" for c in close]
    support = kb.entry(SUPPORT_ENTRY)
    if support is not None:
        lines += ["", labels["support"], render_entry(support, lang).split("\n", 3)[-1]]
    return "\n".join(lines)


def _entry(kb: KnowledgeBase, entry_id: str | None) -> Entry:
    """The entry the matcher named (it names only entries of this knowledge base)."""
    entry = kb.entry(entry_id) if entry_id is not None else None
    if entry is None:
        raise KeyError(entry_id)
    return entry


def _with_flow_hint(text: str, result: MatchResult, lang: str) -> str:
    if result.flow is None:
        return text
    hint = {
        "de": "Ihre Situation klären: faqbot diagnose {flow} -i (oder im Chat: faqbot)",
        "en": "Diagnose your case: faqbot diagnose {flow} -i --lang en (or in the chat: faqbot --lang en)",
    }[lang]
    return text + "\n\n" + hint.format(flow=result.flow)


def _questions(stream: TextIO) -> Iterable[str]:
    for line in stream:
        yield line.rstrip("\r\n")[: 4 * MAX_INPUT_CHARS]


def _emit(result: MatchResult, kb: KnowledgeBase, args: argparse.Namespace, out: TextIO, matcher: Matcher) -> None:
    if args.json:
        out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    else:
        offer = getattr(getattr(matcher, "model", None), "offer", 0.2)
        out.write(answer_text(result, kb, args.lang or result.lang, offer) + "\n")


def run(args: argparse.Namespace) -> int:
    """Run `faqbot ask`; return the exit status."""
    kb, matcher = load(args.kb)
    out = sys.stdout
    if args.question == ["-"]:
        stdin = sys.stdin
        reconfigure = getattr(stdin, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except ValueError:
                pass
        for n, question in enumerate(_questions(stdin)):
            if n and not args.json:
                out.write("\n" + "-" * 40 + "\n")
            _emit(_match(matcher, question, args.lang, f" on line {n + 1}"), kb, args, out, matcher)
            out.flush()
        return 0
    _emit(_match(matcher, " ".join(args.question), args.lang), kb, args, out, matcher)
    return 0


def _match(matcher: Matcher, question: str, lang: str | None, where: str = "") -> MatchResult:
    _note_length(matcher, question, where)
    return matcher.match(question, lang)


def _note_length(matcher: Matcher, question: str, where: str = "") -> None:
    """Tell the user on stderr when a question is cut or too long to be matched."""
    size = len(clean(question, None))
    longest = getattr(getattr(matcher, "thresholds", None), "max_chars", MAX_INPUT_CHARS)
    label = f"question{where}"
    if size > MAX_INPUT_CHARS:
        print(f"faqbot: {label} cut to {MAX_INPUT_CHARS:,} characters (it has {size:,}); "
              f"questions of more than {longest:,} characters are not matched", file=sys.stderr)
    elif size > longest:
        print(f"faqbot: {label} has {size:,} characters; questions of more than {longest:,} characters "
              "are not matched (ask a shorter question)", file=sys.stderr)
