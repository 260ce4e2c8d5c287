"""The case summary of a diagnosis: Markdown a customer hands to support, and saving it safely.

The summary is written for people: questions, answers, the cause and what to do, by their
titles; no internal ids of flows, facts or causes.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from faq.kb.model import Flow, KnowledgeBase
from faq.tickets.redact import redact_emails

__all__ = ["case_summary", "facts_table", "md_escape", "redact_emails", "save_summary", "shown_path", "summary_name"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")



def _labels(lang: str) -> dict[str, str]:
    """The summary's headings and labels in `lang` (knowledge/ui/summary.yaml, keys case_*)."""
    from faq.language.catalogue import catalogue

    lang = lang if lang in ("de", "en") else "de"
    table = catalogue()
    return {k.removeprefix("case_"): v for k, v in table.get(lang, table["de"]).items() if k.startswith("case_")}


def md_escape(text: str) -> str:
    """Escape Markdown syntax and flatten newlines, so user text stays literal text."""
    text = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def _redact_all(text: str) -> str:
    """Mask e-mail addresses and names (after greetings and closings) in the user's own words."""
    from faq.tickets.redact import redact

    return redact(text)


def case_summary(
    kb: KnowledgeBase,
    flow: Flow,
    diagnosis: Any,
    question: str,
    today: date,
    lang: str = "de",
    redact: bool = False,
) -> str:
    """Return the Markdown case summary of a finished diagnosis.

    Args:
        kb: The knowledge base (for the entry's title).
        flow: The flow diagnosed.
        diagnosis: The engine's resolved diagnosis.
        question: The user's question.
        today: The date of the case.
        lang: "de" or "en".
        redact: Mask e-mail addresses, and names in the user's question.
    """
    from faq.flows.dates import format_date
    from faq.flows.engine import UNRESOLVED, fill

    t = _labels(lang)
    res = diagnosis.resolution
    lines = [f"# {t['title']}: {md_escape(flow.title.get(lang))}", ""]
    lines.append(f"- **{t['date']}:** {format_date(today, lang)}")
    lines.append(f"- **{t['question']}:** {md_escape(_redact_all(question) if redact else question)}")
    lines += ["", f"## {t['facts']}", "", *facts_table(flow, diagnosis.facts, lang)]
    lines += ["", f"## {t['cause']}", ""]
    if res is not None:
        title = md_escape(fill(res.title.get(lang), diagnosis, lang, flow))
        lines.append(f"**{t['open']}:** {title}" if diagnosis.cause == UNRESOLVED else f"**{title}**")
        lines += ["", md_escape(fill(res.text.get(lang), diagnosis, lang, flow))]
    if diagnosis.possible:
        names = []
        for cause_id in diagnosis.possible:
            cause = flow.cause(cause_id)
            if cause is not None:
                names.append(f"- {md_escape(cause.resolution.title.get(lang))}")
        lines += ["", f"{t['possible']}:", "", *names]
    lines += ["", f"## {t['next']}", ""]
    if res is not None:
        from faq.tickets.reply import other_reasons

        steps = res.steps.get(lang, ())
        for n, step in enumerate(steps, 1):
            said = fill(step, diagnosis, lang, flow)
            others = other_reasons(flow, diagnosis, said, lang, today)  # "die übrigen Gründe": listed
            lines.append(f"{n}. {md_escape(said.rstrip('.') + ':' if others else said)}")
            lines += [f"   - {md_escape(title)}" for title in others]
        if steps:
            lines.append("")
        label = t["wait"] if res.contact_kind == "wait" else t["contact"]
        lines.append(f"**{label}:** {md_escape(fill(res.contact.get(lang), diagnosis, lang, flow))}")
    lines += ["", "---", t["footer"], ""]
    text = "\n".join(lines)
    return redact_emails(text) if redact else text


def facts_table(flow: Flow, facts: Any, lang: str, redact: bool = False) -> list[str]:
    """The Markdown table of the questions asked and their answers, by their wording."""
    from faq.flows.values import display_value
    from faq.tickets.redact import redact as redact_text

    t = _labels(lang)
    rows = [f"| {t['question']} | {t['answer']} |", "|---|---|"]
    for fact_id, value in facts.items():
        fact = flow.fact(fact_id)
        if fact is None:
            continue
        shown = display_value(fact, value, lang)
        rows.append(f"| {md_escape(fact.question.get(lang))} | {md_escape(redact_text(shown) if redact else shown)} |")
    if len(rows) == 2:
        rows.append(f"| – | {t['none']} |")
    return rows


def shown_path(path: Path) -> str:
    """How a saved file is named to the user: its full path, so it can be found."""
    return str(path.resolve())


def summary_name(today: date, number: int) -> str:
    """Return the file name of the `number`th summary of a day: faqbot-fall-2026-11-24-1.md."""
    return f"faqbot-fall-{today.isoformat()}-{number}.md"


def save_summary(text: str, folder: str | Path, today: date, limit: int = 1000,
                 name: Callable[[date, int], str] = summary_name) -> Path:
    """Write a summary under the first free name in `folder` (`name`: the file name of a day's
    numbered file); never overwrite a file.

    The text goes to a temporary file first, which is then linked to the final name
    (the link fails if the name exists, so a file created meanwhile is never replaced).

    Returns:
        The path written.

    Raises:
        OSError: The folder is not writable, or no free name was found.
    """
    folder = Path(folder)
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".faqbot-fall-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        for number in range(1, limit + 1):
            target = folder / name(today, number)
            if target.exists():
                continue
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError:  # no hard links on this file system: exclusive create instead
                try:
                    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:
                    continue
                with os.fdopen(out, "wb") as fh:
                    fh.write(data)
            return target
        raise FileExistsError(f"no free file name for the summary in {folder}")
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
