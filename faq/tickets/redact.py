"""Masking personal data in texts shown or saved: e-mail addresses and names.

Addresses keep their domain (m***@outlook.com), so a reader can still tell an
outlook.com address apart. Names are masked where a greeting or closing puts them
("Hallo Frau Meier," -> "Hallo Frau M***,"; "Viele Grüße\\nAnna Meier" -> "Viele
Grüße\\nA***"). Pure functions, reusable for any summary.
"""

from __future__ import annotations

import re
from functools import cache

from faq.language.lexicon import words as lexicon_words

__all__ = ["mask_email", "redact", "redact_emails", "redact_names"]

_EMAIL = re.compile(r"([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_NAME = r"[A-ZÄÖÜ][\wäöüß'’-]*(?:[ \t]+[A-ZÄÖÜ][\wäöüß'’.-]*){0,2}"
_GREETING_NAME = re.compile(
    r"(?P<lead>\b(?:hallo|hi|hey|moin|servus|liebe[rs]?|dear|hello|sehr\s+geehrte[rs]?|guten\s+(?:tag|morgen|abend))"
    r"(?:[ \t]+(?:herr|frau|hr\.|fr\.|mr\.?|mrs\.?|ms\.?|dr\.?))*[ \t]+)(?P<name>" + _NAME + r")(?=[ \t]*[,!\n]|$)",
    re.I,
)
_CLOSING_NAME = re.compile(
    r"(?P<lead>\b(?:gr(?:ü|ue)(?:ß|ss)en?|gr(?:ü|ue)(?:ß|ss)e|regards|wishes|sincerely|cheers|thanks|danke|vg|lg|mfg)"
    r"[ \t]*[,!.]?[ \t]*\n?[ \t]*)(?P<name>" + _NAME + r")[ \t]*(?=[,;|(<\n]|$)",
    re.I,
)
@cache
def _not_names() -> frozenset[str]:
    """Words after a greeting or closing that are no name (knowledge/language/not_names.yaml)."""
    return frozenset(w.lower() for w in lexicon_words("not_names"))


def mask_email(address: str) -> str:
    """Return an address with its local part masked: anna.meier@outlook.com -> a***@outlook.com."""
    local, _, domain = address.rpartition("@")
    if not local:
        return address
    return f"{local[0]}***@{domain}"


def redact_emails(text: str) -> str:
    """Mask every e-mail address in a text, keeping its domain."""
    return _EMAIL.sub(lambda m: f"{m.group(1)[0]}***@{m.group(2)}", text)


def _mask_name(match: re.Match[str]) -> str:
    name = match.group("name")
    if name.split()[0].lower().strip(".,") in _not_names():
        return match.group(0)
    return f"{match.group('lead')}{name[0]}***"


def redact_names(text: str) -> str:
    """Mask names after greetings ("Hallo Frau Meier") and closings ("Viele Grüße, Anna")."""
    text = _GREETING_NAME.sub(_mask_name, text)
    return _CLOSING_NAME.sub(_mask_name, text)


def redact(text: str) -> str:
    """Mask e-mail addresses and names in a text."""
    return redact_names(redact_emails(text))
