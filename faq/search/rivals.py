"""What tells a candidate entry from its closest rival: the log-odds of the question's words.

Sibling entries ("several enrollments on one account" and "one enrollment split over two accounts",
"resend the mail" and "who receives it") share most of the words the index weighs, so their fits
and covers are close. What differs is how often each word is used in their texts: "bestehendes
Konto" in most texts of the one, "aufteilen" in most of the other. An entry's *rates* are, per
token, the share of its texts (question, title, paraphrases) that use it, smoothed by a prior
count (`rival_odds_prior` in model.yaml): (uses + prior) / (texts + 2 prior). A candidate's
*rival odds* are the idf-weighted sum, over the question's tokens that either uses, of the log of
its rate over the rival's rate, divided by the question's whole weight (words neither uses tell
nothing, and dilute it): positive when the question's words are typical of this entry rather than
of the rival. An out-of-scope topic
has rates of its examples the same way and is a candidate and a rival like an entry. The rates come
from the index a matcher is built on, so a training fold's held-out paraphrases never count.

The rival odds are the *sibling stage* of the scoring model (`faq.search.model.RIVAL_ODDS`): added,
times a weight learned after the others, to the scores of a question (`ask`, the chat), not to those
the ticket reader decides its topic by. A question of fewer content words than `focus_min_words`
(model.yaml) names a topic and tells no sibling from another: its rival odds are 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["EntryRates", "entry_rates", "rates_of", "rival_odds"]

EntryRates = tuple[dict[int, float], float]
"""An entry's log rate per token it uses, and the log rate of a token it does not use."""


def entry_rates(doc_start: Sequence[int], doc_toks: Sequence[int], entry_docs: Sequence[int],
                prior: float) -> list[EntryRates]:
    """Return each entry's log rates (see the module's docstring).

    Args:
        doc_start: Where each document's tokens start in `doc_toks` (one more than documents).
        doc_toks: The documents' token ids, one run per document.
        entry_docs: Where each entry's documents start (one more than entries).
        prior: The prior count of uses (and of non-uses) of every token.
    """
    return [rates_of([doc_toks[doc_start[d]: doc_start[d + 1]] for d in range(entry_docs[i], entry_docs[i + 1])], prior)
            for i in range(len(entry_docs) - 1)]


def rates_of(texts: Sequence[Sequence[int]], prior: float) -> EntryRates:
    """Return the log rates of one entry's (or out-of-scope topic's) texts, given as token ids."""
    uses: dict[int, int] = {}
    for text in texts:
        for k in set(text):
            uses[k] = uses.get(k, 0) + 1
    count = len(texts) + 2 * prior
    return {k: math.log((n + prior) / count) for k, n in uses.items()}, math.log(prior / count)


def rival_odds(terms: Sequence[tuple[int, float]], mine: EntryRates, rival: EntryRates, weight: float = 0.0) -> float:
    """The idf-weighted mean log-odds of the question's tokens for an entry against its rival.

    Args:
        terms: The question's (token, idf weight).
        mine: The candidate entry's rates (`entry_rates`).
        rival: The rival entry's rates.
        weight: The question's whole weight to average over (0: the weight of the tokens either entry uses).

    Returns:
        0.0 when neither entry uses any of the question's tokens.
    """
    own, own_absent = mine
    other, other_absent = rival
    total = odds = 0.0
    for k, w in terms:
        a, b = own.get(k), other.get(k)
        if a is None and b is None:
            continue
        total += w
        odds += w * ((own_absent if a is None else a) - (other_absent if b is None else b))
    total = weight or total
    return odds / total if total else 0.0
