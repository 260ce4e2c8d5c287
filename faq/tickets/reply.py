"""Suggested replies to a ticket, in the ticket's language, as plain text.

A reply has a greeting, then either the resolution of the cause the ticket's facts
settle (title, text, numbered steps, whom to contact), or the FAQ's short answer
plus the question to ask the customer, then a sign-off. Pure functions.
"""

from __future__ import annotations

from faq.flows.engine import Diagnosis, fill
from faq.kb.model import Block, Entry, Flow, KnowledgeBase

__all__ = ["PHRASES", "answer_summary", "suggest_reply"]

PHRASES = {
    "de": {
        "greeting": "Guten Tag,",
        "thanks": "vielen Dank für Ihre Nachricht.",
        "signoff": "Mit freundlichen Grüßen\nIhr Support-Team",
        "ask": "Damit wir die Ursache eingrenzen können, beantworten Sie uns bitte noch diese Frage:",
        "help": "Hinweis:",
        "contact": "Ansprechpartner:",
        "outside": "Ihre Anfrage betrifft leider nicht die Aktivierung von Onlinediensten, die über "
                   "Volumenlizenzierung erworben wurden; dazu können wir Ihnen hier nicht weiterhelfen.",
        "support": "Bitte wenden Sie sich an den zuständigen Support.",
        "steps": "So gehen Sie vor:",
        "unresolved": "Die Angaben in Ihrer Nachricht lassen keine der bekannten Ursachen erkennen.",
    },
    "en": {
        "greeting": "Hello,",
        "thanks": "thank you for your message.",
        "signoff": "Best regards\nYour support team",
        "ask": "To narrow down the cause, please answer one more question:",
        "help": "Hint:",
        "contact": "Contact:",
        "outside": "Unfortunately your request is not about activating online services bought through "
                   "Volume Licensing, so we cannot help with it here.",
        "support": "Please contact the responsible support team.",
        "steps": "What to do:",
        "unresolved": "The details in your message do not point to any of the known causes.",
    },
}


def _block_lines(blocks: tuple[Block, ...], limit: int | None = None) -> list[str]:
    lines: list[str] = []
    for block in blocks[:limit] if limit else blocks:
        if block.kind in ("text", "important", "note"):
            lines.append(block.text)
        elif block.kind == "steps":
            lines += [f"{n}. {item}" for n, item in enumerate(block.items, 1)]
        else:
            lines += [f"- {item}" for item in block.items]
    return lines


def answer_summary(entry: Entry, lang: str, short: bool = False) -> str:
    """Return an entry's answer as plain text (`short`: its first paragraph only)."""
    blocks = entry.answer.get(lang) or entry.answer.get("de") or ()
    if short:
        first = next((b for b in blocks if b.kind == "text"), None)
        if first is not None:
            return first.text
        return "\n".join(_block_lines(blocks, 1))
    text = "\n".join(_block_lines(blocks))
    if entry.contact is not None:
        text += f"\n{PHRASES.get(lang, PHRASES['de'])['contact']} {entry.contact.get(lang)}"
    return text


def _wrap(lang: str, body: list[str]) -> str:
    p = PHRASES.get(lang, PHRASES["de"])
    parts = [p["greeting"], "", p["thanks"], ""]
    parts += body
    parts += ["", p["signoff"]]
    return "\n".join(parts).strip()


def suggest_reply(
    kb: KnowledgeBase,
    entry_id: str | None,
    lang: str,
    flow: Flow | None = None,
    diagnosis: Diagnosis | None = None,
    cause: str | None = None,
) -> str:
    """Return a suggested reply to a ticket.

    Args:
        kb: The knowledge base.
        entry_id: The ticket's topic, None when it is outside the FAQ.
        lang: The ticket's language, "de" or "en".
        flow: The topic's flow, if it has one.
        diagnosis: The flow's diagnosis on the ticket's facts.
        cause: The cause the triage reports (None when the facts settle none).

    Returns:
        Plain text: greeting, resolution or answer plus question, sign-off.
    """
    lang = lang if lang in PHRASES else "de"
    p = PHRASES[lang]
    entry = kb.entry(entry_id) if entry_id else None
    if entry is None:
        body = [p["outside"]]
        support = kb.support()
        body += ["", answer_summary(support, lang)] if support is not None else ["", p["support"]]
        return _wrap(lang, body)
    if flow is not None and diagnosis is not None and cause is not None and diagnosis.resolution is not None:
        res = diagnosis.resolution
        body = []
        if cause == "unresolved":
            body.append(p["unresolved"])
        body += [fill(res.title.get(lang), diagnosis, lang, flow), "", fill(res.text.get(lang), diagnosis, lang, flow)]
        steps = [fill(s, diagnosis, lang, flow) for s in res.steps.get(lang, ())]
        if steps:
            body += ["", p["steps"]] + [f"{n}. {s}" for n, s in enumerate(steps, 1)]
        contact = fill(res.contact.get(lang), diagnosis, lang, flow).strip()
        if contact and res.contact_kind != "none":
            body += ["", f"{p['contact']} {contact}"]
        return _wrap(lang, body)
    if diagnosis is not None and diagnosis.next_fact is not None:
        fact = diagnosis.next_fact
        body = [answer_summary(entry, lang, short=True), "", p["ask"], fact.question.get(lang)]
        if fact.help is not None:
            body += [f"({fact.help.get(lang)})"]
        if fact.type == "choice" and fact.choices:
            body += [f"- {c.label.get(lang)}" for c in fact.choices]
        return _wrap(lang, body)
    return _wrap(lang, [answer_summary(entry, lang)])
