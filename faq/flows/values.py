"""Reading the value of a fact from what a user or a ticket gives.

Pure functions: the current date is passed in. Every bad value raises
`InputError` with one line that names the value and what was expected.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from faq.errors import InputError
from faq.flows.dates import format_date, parse_date
from faq.kb.model import Fact
from faq.language.addresses import address_problem, domain_of
from faq.language.text import localized

__all__ = [
    "UNKNOWN",
    "UNKNOWN_WORDS",
    "Unknown",
    "Value",
    "display_value",
    "domain_of",
    "is_unknown_word",
    "json_value",
    "parse_choice",
    "parse_email",
    "parse_value",
    "parse_yesno",
]


class Unknown:
    """The answer "don't know" (a singleton: use `UNKNOWN`)."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __reduce__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = Unknown()

Value = bool | date | str | Unknown
"""A fact's value: bool (yes/no), date, str (e-mail address or choice id), or UNKNOWN."""

UNKNOWN_WORDS: Final = frozenset({
    "unbekannt", "unknown", "weiß nicht", "weiss nicht", "weis nicht", "?", "keine ahnung",
    "nicht bekannt", "k. a.", "k.a.", "don't know", "dont know", "do not know", "not sure",
    "no idea", "n/a",
})
_YES: Final = frozenset({"ja", "yes", "j", "y", "true", "wahr", "1"})
_NO: Final = frozenset({"nein", "no", "n", "false", "falsch", "0"})

_MSG = {
    "yesno": {
        "de": "'{raw}' ist keine Ja/Nein-Antwort (erwartet: ja, nein oder weiß nicht)",
        "en": "'{raw}' is not a yes/no answer (expected yes, no or unknown)",
    },
    "choice": {
        "de": "'{raw}' ist keine der Antworten (erwartet: eine von {choices} oder weiß nicht)",
        "en": "'{raw}' is not one of the answers (expected one of {choices}, or unknown)",
    },
    "email": {
        "de": "'{raw}' ist keine gültige E-Mail-Adresse: {why} (erwartet z. B. name@firma.de)",
        "en": "'{raw}' is not a valid e-mail address: {why} (expected e.g. name@example.com)",
    },
}
_WHY = {
    "empty": ("sie ist leer", "it is empty"),
    "space": ("sie enthält Leerzeichen", "it contains spaces"),
    "at": ("sie braucht genau ein @", "it needs exactly one @"),
    "local": ("vor dem @ fehlt der Name oder er enthält unzulässige Zeichen",
              "the part before the @ is missing or has characters not allowed"),
    "domain": ("nach dem @ fehlt eine Domäne mit Punkt (wie firma.de)",
               "the part after the @ is not a dotted domain (like example.com)"),
}


def _msg(key: str, lang: str, **values: object) -> str:
    return localized(_MSG, key, lang, **values)


def _norm(raw: str) -> str:
    return " ".join(str(raw).strip().lower().split())


def is_unknown_word(raw: str) -> bool:
    """Return whether the text means "don't know" (unbekannt, weiß nicht, ?, unknown, ...)."""
    return _norm(raw) in UNKNOWN_WORDS


def parse_yesno(raw: str, fact_id: str = "value", lang: str = "en") -> bool | Unknown:
    """Read ja/nein/yes/no/j/n/y/true/false, or "don't know", case-insensitively.

    Raises:
        InputError: Any other text.
    """
    text = _norm(raw)
    if text in _YES:
        return True
    if text in _NO:
        return False
    if text in UNKNOWN_WORDS:
        return UNKNOWN
    raise InputError(_msg("yesno", lang, raw=raw, fact=fact_id))


def parse_email(raw: str, fact_id: str = "value", lang: str = "en") -> str:
    """Check an e-mail address: a local part, one @, a dotted domain, no spaces.

    Returns:
        The address, trimmed, as given (domains compare case-insensitively elsewhere).

    Raises:
        InputError: The address is malformed; the message says why.
    """
    text = str(raw).strip()
    why = address_problem(text)
    if why is not None:
        de, en = _WHY[why]
        raise InputError(_msg("email", lang, raw=raw, fact=fact_id, why=de if lang == "de" else en))
    return text


def _choice_key(text: str) -> str:
    return re.sub(r"[\s_\-()\"'„“»«.]+", " ", text.lower()).strip()


def parse_choice(fact: Fact, raw: str, lang: str = "en") -> str | Unknown:
    """Read the answer to a choice fact: its id, label (de or en) or an alias.

    Raises:
        InputError: No choice matches; the message lists the choice ids.
    """
    key = _choice_key(str(raw))
    if _norm(raw) in UNKNOWN_WORDS:
        return UNKNOWN
    for choice in fact.choices:
        names = (choice.id, choice.label.de, choice.label.en, *choice.aliases)
        if key and key in {_choice_key(n) for n in names}:
            return choice.id
    choices = ", ".join(c.id for c in fact.choices)
    raise InputError(_msg("choice", lang, raw=raw, fact=fact.id, choices=choices))


def parse_value(fact: Fact, raw: str, today: date, lang: str = "en") -> Value:
    """Read the value of `fact` from text, by the fact's type.

    Args:
        fact: The fact answered.
        raw: The text given ("ja", "31.08.2026", "it@firma.de", "ola", "weiß nicht").
        today: The date relative dates count from.
        lang: Language of error messages.

    Returns:
        True/False, a date, the address, the choice id, or UNKNOWN for "don't know".

    Raises:
        InputError: The text is not a valid value for this fact.
    """
    try:
        if fact.type == "yesno":
            return parse_yesno(raw, fact.id, lang)
        if is_unknown_word(raw):
            return UNKNOWN
        if fact.type == "date":
            return parse_date(raw, today, lang)
        if fact.type == "email":
            return parse_email(raw, fact.id, lang)
        if fact.type == "choice":
            return parse_choice(fact, raw, lang)
    except InputError as exc:
        # The fact's name leads, so a command line user sees which --fact was wrong;
        # the chat shows only `reason`, since a customer never sees fact names.
        raise exc.within(fact=fact.id, value=str(raw)) from None
    raise InputError(f"fact '{fact.id}' has an unknown type '{fact.type}' (expected yesno, date, email or choice)")


def json_value(value: Value) -> bool | str:
    """Return a value as the JSON output gives it: true/false, "unknown", "JJJJ-MM-TT", text."""
    if isinstance(value, Unknown):
        return "unknown"
    if isinstance(value, bool):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def display_value(fact: Fact | None, value: Value, lang: str = "de") -> str:
    """Return a value as a user reads it: ja/nein, weiß nicht, 28.02.2027, the choice label."""
    de = lang != "en"
    if isinstance(value, Unknown):
        return "weiß nicht" if de else "unknown"
    if isinstance(value, bool):
        return ("ja" if value else "nein") if de else ("yes" if value else "no")
    if isinstance(value, date):
        return format_date(value, lang)
    if fact is not None and fact.type == "choice":
        for choice in fact.choices:
            if choice.id == value:
                return choice.label.get(lang)
    return str(value)
