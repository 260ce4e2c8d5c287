"""`faqbot ask`: answer questions on the command line, readable or as JSON."""

from __future__ import annotations

import argparse
import io
import json
import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, TextIO

from bot.chat.smalltalk import smalltalk
from bot.cli.collector import loaded, released, streaming
from faq.errors import InputError
from faq.language.catalogue import tr
from faq.language.text import MAX_INPUT_CHARS, clean
from faq.search.cache import load, load_matcher
from faq.search.matcher import Matcher
from faq.search.results import MatchResult

if TYPE_CHECKING:
    from faq.kb.model import Entry, KnowledgeBase

__all__ = ["Asked", "answer_text", "json_line", "match_question", "run"]

_LANG = "en"  # messages on stderr are in English, like every command's


@dataclass(frozen=True)
class Asked:
    """A question's match, and the small talk it is instead of a question.

    Attributes:
        result: The matcher's verdict; no_match (nothing offered) for small talk.
        smalltalk: "greeting", "thanks", "goodbye", "ack" or "yesno" when the whole question is small
            talk ("Hallo, wie geht es dir?"), else None. The FAQ has no answer to it.
    """

    result: MatchResult
    smalltalk: str | None = None

    def to_json(self) -> dict:
        """The object of CONTRACT §3, with the field `smalltalk` added."""
        return {**self.result.to_json(), "smalltalk": self.smalltalk}


def match_question(matcher: Matcher, question: str, lang: str | None = None) -> Asked:
    """Match `question`; small talk is no_match with its kind, never an FAQ entry.

    Args:
        matcher: The matcher.
        question: The question as the user wrote it.
        lang: Force the language reported ("de"/"en"); None detects it.
    """
    query = clean(question)
    detected = lang or matcher.detect_language(query)
    talk = smalltalk(query, detected)
    if talk is None:
        return Asked(matcher.match(question, detected))  # the language it would detect again
    kind, talk_lang = talk
    return Asked(MatchResult(query, "no_match", None, None, 0.0, lang or talk_lang, ()), kind)


def _entry(kb: KnowledgeBase, entry_id: str | None) -> Entry:
    """Return the entry a match result names (the matcher names only the knowledge base's own)."""
    entry = kb.entry(entry_id) if entry_id else None
    if entry is None:
        raise LookupError(f"no entry '{entry_id}' in the knowledge base")
    return entry


def answer_text(result: MatchResult, kb: KnowledgeBase, lang: str, offer: float = 0.2, talk: str | None = None) -> str:
    """Render a match result as the readable answer shown on a terminal.

    On no_match, entries of at least `offer` probability (the matcher's model's threshold)
    are listed as the closest ones; small talk (`talk`: its kind) gets a friendly reply
    that says what to ask.
    """
    from bot.cli.render import render_entry  # only for readable output

    if talk is not None:
        return tr(lang, f"cli_smalltalk_{talk}")
    if result.outcome == "answer":
        return _with_flow_hint(render_entry(_entry(kb, result.id), lang, kb), result, lang)
    if result.outcome == "clarify":
        lines = [tr(lang, "cli_did_you_mean")]
        for n, cand in enumerate(result.candidates, 1):
            lines.append(f"  {n}. {_entry(kb, cand.id).title.get(lang)}")
        lines.append(f"  {len(result.candidates) + 1}. {tr(lang, 'cli_none')}")
        lines += ["", render_entry(_entry(kb, result.id), lang, kb)]
        return _with_flow_hint("\n".join(lines), result, lang)
    lines = [tr(lang, "cli_no_match")]
    close = [c for c in result.candidates[:3] if c.confidence >= offer]
    if close:
        lines += ["", tr(lang, "cli_closest")] + [f"  • {_entry(kb, c.id).question.get(lang)}" for c in close]
    support = kb.support()
    if support is not None:
        lines += ["", tr(lang, "cli_support"), render_entry(support, lang).split("\n\n", 1)[-1]]  # without its heading
    return "\n".join(lines)


def _with_flow_hint(text: str, result: MatchResult, lang: str) -> str:
    if result.flow is None:
        return text
    return text + "\n\n" + tr(lang, "cli_flow_hint", flow=result.flow)


def _questions(stream: TextIO) -> Iterable[str]:
    for line in stream:
        yield line.rstrip("\r\n")[: 4 * MAX_INPUT_CHARS]


def json_line(asked: Asked) -> str:
    """`json.dumps(asked.to_json(), ensure_ascii=False)`, written field by field (a batch writes one a question)."""
    result = asked.result
    if not all(map(math.isfinite, (result.confidence, *(c.confidence for c in result.candidates)))):
        return json.dumps(asked.to_json(), ensure_ascii=False)
    text = _json_text
    candidates = ", ".join(f'{{"id": {text(c.id)}, "confidence": {c.confidence!r}}}' for c in result.candidates)
    return (f'{{"query": {text(result.query)}, "outcome": {text(result.outcome)}, "id": {text(result.id)}, '
            f'"flow": {text(result.flow)}, "confidence": {result.confidence!r}, "lang": {text(result.lang)}, '
            f'"candidates": [{candidates}], "smalltalk": {text(asked.smalltalk)}}}')


def _json_text(value: str | None) -> str:
    """A string (or None) as JSON, as `json.dumps(..., ensure_ascii=False)` writes it."""
    return "null" if value is None else encode_basestring(value)


def _emit(asked: Asked, kb: KnowledgeBase | None, args: argparse.Namespace, out: TextIO, matcher: Matcher) -> None:
    if args.json or kb is None:
        out.write(json_line(asked) + "\n")
    else:
        result = asked.result
        out.write(answer_text(result, kb, args.lang or result.lang, matcher.model.offer, asked.smalltalk) + "\n")


def run(args: argparse.Namespace) -> int:
    """Run `faqbot ask`; return the exit status.

    Raises:
        InputError: The question is empty (only blanks).
    """
    if args.question != ["-"] and not clean(" ".join(args.question)).strip():
        raise InputError(tr(getattr(args, "lang", None) or _LANG, "cli_empty_question"))  # English unless --lang
    # JSON shows no answer's text: the knowledge base itself is not needed, only its matcher; an
    # answer's text needs the entries, never the flows (only the id of a flow the result names).
    kb, matcher = loaded(lambda: (None, load_matcher(args.kb)) if args.json else load(args.kb, flows=False))
    try:
        out = sys.stdout
        if args.question == ["-"]:
            stdin = sys.stdin
            if isinstance(stdin, io.TextIOWrapper):
                try:
                    stdin.reconfigure(errors="replace")
                except ValueError:
                    pass
            with streaming():
                for n, question in enumerate(_questions(stdin)):
                    if n and not args.json:
                        out.write("\n" + "-" * 40 + "\n")
                    _emit(_match(matcher, question, args.lang, n + 1), kb, args, out, matcher)
                    out.flush()
            return 0
        _emit(_match(matcher, " ".join(args.question), args.lang), kb, args, out, matcher)
        return 0
    finally:
        released()


def _match(matcher: Matcher, question: str, lang: str | None, line: int = 0) -> Asked:
    _note_length(matcher, question, line)
    return match_question(matcher, question, lang)


def _note_length(matcher: Matcher, question: str, line: int = 0) -> None:
    """Tell the user on stderr when a question is cut or too long to be matched."""
    cleaned = clean(question)  # what the matcher reads (remembered for it)
    uncut = len(cleaned) < MAX_INPUT_CHARS and len(question) <= 4 * MAX_INPUT_CHARS  # then no cut shortened it
    size = len(cleaned) if uncut else len(clean(question, None))
    longest = getattr(getattr(matcher, "thresholds", None), "max_chars", MAX_INPUT_CHARS)
    if size > MAX_INPUT_CHARS:
        where = tr(_LANG, "cli_on_line", line=line) if line else ""
        message = tr(_LANG, "cli_question_cut", where=where, limit=MAX_INPUT_CHARS, size=size, longest=longest)
        print(f"faqbot: {message}", file=sys.stderr)
    elif size > longest:
        where = tr(_LANG, "cli_on_line", line=line) if line else ""
        print(f"faqbot: {tr(_LANG, 'cli_question_long', where=where, size=size, longest=longest)}", file=sys.stderr)
