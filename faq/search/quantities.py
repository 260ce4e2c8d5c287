"""Quantities bound to what they count, and negations to what they deny.

"Zwei Registrierungen auf ein Konto" and "eine Registrierung auf zwei Konten" share every
word the index weighs; what tells them apart is which noun is counted as one and which as
more than one. A text's *quantity pairs* are (ONE or MANY, token) for the next content words
after a counting word (`knowledge/language/quantity_one.yaml`, `quantity_many.yaml`), up to
the next counting word. The matcher compares a question's pairs with those of an entry's
texts (`faq.search.model.FEATURES`: `quantity_agree`, `quantity_clash`). A negation
(`knowledge/language/negations.yaml`) binds the same way, as (NOT, token): "keine einzige neue
Lizenz" denies the licence, "die neuen Lizenzen sehe ich" does not (`negation_agree`).

A question's *aspects* are whether it tells what already happened ("wurden ... aktiviert", "jetzt")
or asks ahead ("bevor", "nächste Woche"), by the words of `knowledge/language/aspect_done.yaml` and
`aspect_ahead.yaml`; most of them are function words the index drops. An entry's aspect shares are
the shares of its texts that hold each (`done_agree`, `ahead_agree`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from faq.language.normalize import fold, words

__all__ = ["AHEAD", "DONE", "MANY", "NOT", "ONE", "agreement", "aspect_shares", "aspects", "contrasted",
           "negation_agreement", "quantity_pairs"]

ONE, MANY, NOT = 1, 2, 3
DONE, AHEAD = 0, 1
"""Aspects of a question, as indices: it tells what already happened, or it asks ahead."""
_REACH = 4
"""Words after a counting word that may hold what it counts ("zwei getrennte Konten")."""
_NOUNS = 2
"""Content words after a counting word that are taken as counted."""


def quantity_pairs(text: str, classes: Mapping[str, int], is_stop: Callable[[str], bool],
                   head: Callable[[str], str | None]) -> set[tuple[int, str]]:
    """Return the quantity pairs of `text`.

    Args:
        text: Any text.
        classes: Folded counting or negating word -> ONE, MANY or NOT.
        is_stop: Whether a folded word is a function word (skipped).
        head: The token a content word stands for (a compound's last part), or None.
    """
    said = words(fold(text))
    out: set[tuple[int, str]] = set()
    if classes.keys().isdisjoint(said):
        return out  # no counting or negating word
    for i, word in enumerate(said):
        kind = classes.get(word)
        if kind is None:
            continue
        taken = 0
        for after in said[i + 1: i + 1 + _REACH]:
            other = classes.get(after)
            if other is not None and (kind != NOT or other == NOT):
                break  # the next counting word counts what follows it; a negation looks past one
            if other is not None or is_stop(after):
                continue
            token = head(after)
            if token is not None:
                out.add((kind, token))
                taken += 1
                if taken == _NOUNS:
                    break
    return out


def agreement(question: set[tuple[int, str]], entry: Collection[tuple[int, str]],
              contrasted: Collection[str]) -> tuple[float, float]:
    """Return (agree, clash): the shares of the question's counted tokens the entry's texts bind
    the same way, and of those the entry binds only to the other quantity. Only tokens the
    knowledge base counts both ways (`contrasted`: one enrollment, several enrollments) count:
    a token always counted one way ("eine Mail": the article) tells no entry from another."""
    counted = [pair for pair in question if pair[0] != NOT and pair[1] in contrasted]
    if not counted:
        return 0.0, 0.0
    agree = clash = 0
    for kind, token in counted:
        if (kind, token) in entry:
            agree += 1
        elif (ONE + MANY - kind, token) in entry:
            clash += 1
    return agree / len(counted), clash / len(counted)


def negation_agreement(question: set[tuple[int, str]], entry: Collection[tuple[int, str]]) -> float:
    """The share of what the question denies that the entry's texts deny too (0 when it denies nothing)."""
    denied = [pair for pair in question if pair[0] == NOT]
    return sum(1 for pair in denied if pair in entry) / len(denied) if denied else 0.0


def contrasted(entries: Collection[Collection[tuple[int, str]]]) -> frozenset[str]:
    """The tokens some entry's texts count as one and some as more than one."""
    one = {token for pairs in entries for kind, token in pairs if kind == ONE}
    many = {token for pairs in entries for kind, token in pairs if kind == MANY}
    return frozenset(one & many)


def aspects(text: str, classes: Mapping[str, int]) -> tuple[bool, bool]:
    """Return whether `text` tells what already happened (DONE) and whether it asks ahead (AHEAD).

    Args:
        text: Any text.
        classes: Folded aspect word -> DONE or AHEAD.
    """
    found = {classes[w] for w in classes.keys() & words(fold(text))}
    return DONE in found, AHEAD in found


def aspect_shares(texts: Collection[str], classes: Mapping[str, int]) -> tuple[float, float]:
    """Return the shares of `texts` that tell what already happened and that ask ahead (`aspects`)."""
    if not texts:
        return 0.0, 0.0
    told = [aspects(text, classes) for text in texts]
    return sum(done for done, _ahead in told) / len(texts), sum(ahead for _done, ahead in told) / len(texts)
