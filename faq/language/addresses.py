"""E-mail addresses: the one definition of what an address looks like.

An address is a local part, one `@` and a dotted domain of letters, digits and
hyphens whose last label is a top-level domain. Readers find candidates with
`ADDRESS_RUN` (a run of text around an `@`, linear in the text's length) and keep
those `address_problem` accepts (`find_addresses`). The value parser, the ticket
reader and the matcher use this definition. Redaction (`faq.tickets.redact`) masks more
on purpose: any spelling of an address ("anna [at] firma dot de", full-width `＠`),
since there hiding a person matters more than whether the address is well-formed.
"""

from __future__ import annotations

import re

__all__ = ["ADDRESS_RUN", "LABEL_RE", "LOCAL_RE", "TLD_RE", "address_problem", "domain_of", "find_addresses"]

LOCAL_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
"""The characters of a local part (before the @)."""
LABEL_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", re.ASCII)
"""One label of a domain (between dots)."""
TLD_RE = re.compile(r"^[A-Za-z]{2,}$|^xn--[A-Za-z0-9-]+$", re.ASCII | re.IGNORECASE)
"""The last label of a domain: letters, or an internationalised (xn--) name."""
ADDRESS_RUN = re.compile(r"(?<![^\s<>()\[\]{},;:\"'`|])[^\s<>()\[\]{},;:\"'`|]+@[^\s<>()\[\]{},;:\"'`|]+")
"""A run of text around an @ that may be an address; starts only where a run starts: linear, not quadratic."""


def address_problem(text: str) -> str | None:
    """Return why `text` is no e-mail address, or None when it is one.

    The reasons: "empty", "space", "at" (not exactly one @), "local" (the part before
    the @ is missing or malformed), "domain" (the part after it is no dotted domain).
    """
    if not text:
        return "empty"
    if any(ch.isspace() for ch in text):
        return "space"
    if text.count("@") != 1:
        return "at"
    local, domain = text.split("@")
    labels = domain.split(".")
    if not local or not LOCAL_RE.match(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        return "local"
    if len(labels) < 2 or not all(LABEL_RE.match(label) for label in labels) or not TLD_RE.match(labels[-1]):
        return "domain"
    return None


def domain_of(address: str) -> str:
    """Return the lower-cased domain of an e-mail address."""
    return address.rsplit("@", 1)[-1].strip().lower()


def find_addresses(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, address) for each well-formed e-mail address in `text`.

    Trailing punctuation is not part of an address; "mailto:" is dropped; malformed
    addresses ("max@", "max@@firma.de") are left out.
    """
    out: list[tuple[int, int, str]] = []
    if "@" not in text:
        return out
    for match in ADDRESS_RUN.finditer(text):
        raw = match.group()
        if raw.lower().startswith("mailto"):
            continue
        trimmed = raw.rstrip(".!?-_")
        if address_problem(trimmed) is None:
            out.append((match.start(), match.start() + len(trimmed), trimmed))
    return out
