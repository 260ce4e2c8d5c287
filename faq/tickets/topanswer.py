"""A yes or no written on top of the mail it answers ("top-posting").

"Ja, m.weber@x.de ist bei uns Global Admin." above a forwarded or quoted mail from support that
asks one question ("Ist die als OSM hinterlegte Adresse Global- oder Abrechnungsadministrator
...?") answers that question, as an answer written under it does (`faq.tickets.quotes.answers`).
The rule: the quoted mail asks exactly one question, without a clause of its own inside ("...
nachgesehen, ob die Mail dort liegt?": a "Nein" may deny either); the customer's own words ask
none and open with a yes or a no (`answer_polarity`). Their first paragraph is then the answer. Its own words
name no topic of their own (a "Nein, angelegt wurde keine Reservierung" is about the order the
question asks for), so the topic is read from the question with the answer, in the thread.
"""

from __future__ import annotations

from faq.language.lexicon import folded
from faq.tickets.body import nearest_quoted, quote_start
from faq.tickets.quotes import Answer, answer_polarity, is_question
from faq.tickets.tokens import sentences, tokenize

__all__ = ["top_answer"]


def _asked(quoted: str) -> str:
    """The quoted mail's one question without the salutation before it on its lines, or "" (none, several,
    or one holding a clause a word of `conditionals` opens after its first word: "..., ob ...")."""
    asked = [part.strip() for _, part in sentences(quoted) if is_question(part)]
    if len(asked) != 1:
        return ""
    lines = [line.strip() for line in asked[0].split("\n") if line.strip()]
    while len(lines) > 1 and lines[0].endswith(","):  # "Sehr geehrter Herr Weber," before the question
        lines.pop(0)
    question = " ".join(lines)
    return "" if any(t.word in folded("conditionals") for t in tokenize(question)[1:]) else question


def top_answer(text: str, body: str) -> Answer | None:
    """The customer's yes or no above the one question of the mail they quote (the module's rule),
    as an answer under that question; `body` is the customer's own words (`clean_body`)."""
    cut = quote_start(text)
    if cut >= len(text) or not body.strip() or any(is_question(part) for _, part in sentences(body)):
        return None
    own = body.strip().split("\n\n")[0].strip()
    start = text.find(own)
    if not own or not 0 <= start < cut or answer_polarity(tokenize(own)) is None:
        return None
    question = _asked(nearest_quoted(text))  # the mail right below, not an earlier one of the thread
    return Answer(question, own, start) if question else None
