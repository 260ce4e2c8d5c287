"""Whether a cue about a domain is told of the case's domain: the domain of the OSM's address."""

from __future__ import annotations

import re

from faq.language.lexicon import folded
from faq.tickets.borders import clause_bounds
from faq.tickets.tokens import Token

__all__ = ["names_another_domain"]

# A mail domain's name written out (one dot before its ending), not an address's part after its "@" and
# not a host's ("www.contoso.de", "admin.microsoft.com": a portal, no mail domain).
_DOMAIN_NAME = re.compile(r"(?<![\w.@+-])[\w-]+\.[a-z]{2,}\b(?![@\w-]|\.\w)", re.I)


def names_another_domain(tokens: list[Token], text: str, span: tuple[int, int], address: object) -> bool:
    """Whether a cue found at tokens `span` of `text` names a domain (a word of `domain_name_nouns`)
    whose clause names another domain than that of `address`, the OSM's address read for the case:
    "Domain fabrikam.com: Verified" says nothing of p.novak@novak-print.cz's domain. A subdomain's
    address is of its domain ("it@mail.contoso.com" and "contoso.com ist verifiziert")."""
    if not isinstance(address, str) or "@" not in address or "." not in text:
        return False
    nouns = folded("domain_name_nouns")
    if not any(tokens[i].word in nouns for i in range(span[0], span[1] + 1)):
        return False
    lo, hi = clause_bounds(tokens, text, span[0], span[1])
    own = address.rsplit("@", 1)[1].rstrip(".").lower()
    return any(own != (named := m.group().lower()) and not own.endswith("." + named)
               for m in _DOMAIN_NAME.finditer(text, tokens[lo].start, tokens[hi].end))
