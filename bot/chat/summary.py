"""The case summary of a diagnosis: Markdown for support or a ticket, and saving it safely."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from faq.kb.model import Flow, KnowledgeBase
from faq.tickets.redact import redact_emails

__all__ = ["case_summary", "md_escape", "redact_emails", "save_summary", "summary_name"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")

_T = {
    "de": {
        "title": "Fall", "date": "Datum", "question": "Frage", "facts": "Angaben", "answer": "Antwort",
        "path": "Weg", "cause": "Ursache", "next": "Nächster Schritt", "contact": "Ansprechpartner",
        "possible": "Noch mögliche Ursachen", "none": "keine", "flow": "Diagnose",
        "footer": "Erstellt mit faqbot (FAQ zur Dienstaktivierung für Volumenlizenzprogramme).",
    },
    "en": {
        "title": "Case", "date": "Date", "question": "Question", "facts": "Facts", "answer": "Answer",
        "path": "Path", "cause": "Cause", "next": "Next step", "contact": "Contact",
        "possible": "Causes still possible", "none": "none", "flow": "Diagnosis",
        "footer": "Made with faqbot (FAQ on service activation for Volume Licensing).",
    },
}


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
    from faq.flows.engine import fill
    from faq.flows.values import display_value

    t = _T.get(lang, _T["de"])
    res = diagnosis.resolution
    lines = [f"# {t['title']}: {md_escape(flow.title.get(lang))}", ""]
    lines.append(f"- **{t['date']}:** {format_date(today, lang)}")
    lines.append(f"- **{t['flow']}:** `{flow.id}`")
    lines.append(f"- **{t['question']}:** {md_escape(_redact_all(question) if redact else question)}")
    lines += ["", f"## {t['facts']}", "", f"| {t['question']} | {t['answer']} |", "|---|---|"]
    for fact_id, value in diagnosis.facts.items():
        fact = flow.fact(fact_id)
        asked = fact.question.get(lang) if fact is not None else fact_id
        lines.append(f"| {md_escape(asked)} (`{fact_id}`) | {md_escape(display_value(fact, value, lang))} |")
    if not diagnosis.facts:
        lines.append(f"| – | {t['none']} |")
    path = " → ".join(f"`{p}`" for p in diagnosis.path) or t["none"]
    lines += ["", f"## {t['path']}", "", path]
    lines += ["", f"## {t['cause']}", ""]
    if res is not None:
        lines.append(f"**{md_escape(fill(res.title.get(lang), diagnosis, lang, flow))}** (`{diagnosis.cause}`)")
        lines += ["", md_escape(fill(res.text.get(lang), diagnosis, lang, flow))]
    if diagnosis.possible:
        names = []
        for cause_id in diagnosis.possible:
            cause = flow.cause(cause_id)
            title = cause.resolution.title.get(lang) if cause is not None else cause_id
            names.append(f"- {md_escape(title)} (`{cause_id}`)")
        lines += ["", f"{t['possible']}:", "", *names]
    lines += ["", f"## {t['next']}", ""]
    if res is not None:
        steps = res.steps.get(lang, ())
        lines += [f"{n}. {md_escape(fill(s, diagnosis, lang, flow))}" for n, s in enumerate(steps, 1)]
        if steps:
            lines.append("")
        lines.append(f"**{t['contact']}:** {md_escape(fill(res.contact.get(lang), diagnosis, lang, flow))}")
    lines += ["", "---", t["footer"], ""]
    text = "\n".join(lines)
    return redact_emails(text) if redact else text


def summary_name(today: date, number: int) -> str:
    """Return the file name of the `number`th summary of a day: faqbot-fall-2026-11-24-1.md."""
    return f"faqbot-fall-{today.isoformat()}-{number}.md"


def save_summary(text: str, folder: str | Path, today: date, limit: int = 1000) -> Path:
    """Write a summary under the first free name in `folder`; never overwrite a file.

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
            target = folder / summary_name(today, number)
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
