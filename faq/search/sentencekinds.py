"""Whether a sentence of a question only thanks, states a problem or is corrected by the next: what the
focus and the features read besides the entries' words (knowledge/language/smalltalk_thanks.yaml,
problem_cues.yaml, open_alternatives.yaml, problem_free.yaml, corrective_contrasts.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from faq.language.normalize import fold, words

__all__ = ["SentenceKinds"]

_SENTENCE_ENDS = (".", "!", "?", "…")
"""What ends a whole sentence; a part of one split before a contrast ends otherwise ("Keine Verlängerung,")."""
_CORRECTED_WORDS = 5
"""Most words of a clause a corrective contrast puts aside: a longer one tells more than what it denies
("Aktiviert wurden die Lizenzen nicht für unser Konto, sondern für ...": the licences were activated)."""


class SentenceKinds:
    """The matcher's reading of a sentence as thanks, as a problem told or as corrected (a mixin of `Matcher`)."""

    thanks: tuple[str, ...]  # the thanks phrases, folded, longest first
    problem_cues: tuple[str, ...]  # the problem cues, folded; one ending in "*" is a word's beginning
    _focus_min: int
    _count_known: Callable[[list[str]], int]  # the words of a sentence the entries use

    def _only_thanks(self, sentence: str, surface: list[str]) -> bool:
        """Whether `sentence` thanks and says little else ("Danke für die Liste."): politeness,
        no context (knowledge/language/smalltalk_thanks.yaml)."""
        said = words(fold(sentence))
        if (said[0] if said else "") not in self._thanks_firsts:
            return False  # no thanks phrase starts with its first word
        folded = " ".join(said)
        lead = next((t for t in self.thanks if folded == t or folded.startswith(t + " ")), None)
        return lead is not None and not self._states_problem(sentence) and self._count_known(surface) < self._focus_min

    def _corrected(self, sentences: tuple[str, ...], i: int) -> bool:
        """Whether sentence `i` is a short clause the next one puts something else in the place of: "Keine
        Verlängerung, sondern frisch aktiviert: ..." (the next part of the split sentence opens with a word of
        corrective_contrasts.yaml; at most `_CORRECTED_WORDS` words). It tells what the writer denies being the
        matter: no context."""
        if i + 1 >= len(sentences) or sentences[i].rstrip().endswith(_SENTENCE_ENDS):
            return False  # the last part, or a whole sentence: the next one starts anew
        nxt = " ".join(words(fold(sentences[i + 1]))) + " "
        return (any(nxt.startswith(c) for c in self._correctives)
                and len(words(fold(sentences[i]))) <= _CORRECTED_WORDS)  # a longer clause tells more

    @cached_property
    def _correctives(self) -> tuple[str, ...]:
        """The corrective contrasts (corrective_contrasts.yaml), folded, each followed by a space."""
        from faq.language.lexicon import words as lexicon_words
        return tuple(sorted({" ".join(words(fold(c))) + " " for c in lexicon_words("corrective_contrasts")}))

    def _states_problem(self, sentence: str) -> bool:
        """Whether `sentence` holds a problem cue (knowledge/language/problem_cues.yaml): a whole word,
        or a word beginning where the cue ends in "*"."""
        folded = " " + " ".join(words(fold(sentence.replace("'", "")))) + " "
        for alternative in self._open_alternatives:  # "vielleicht auch nicht" (open_alternatives.yaml): doubt
            folded = folded.replace(alternative, " ")
        return any(cue in folded for cue in self._spaced_problem_cues)

    @cached_property
    def _thanks_firsts(self) -> frozenset[str]:
        """The first words of the thanks phrases (a sentence starting otherwise thanks for nothing)."""
        return frozenset(t.split(" ")[0] for t in self.thanks)

    @cached_property
    def _open_alternatives(self) -> tuple[str, ...]:
        from faq.language.lexicon import words as lexicon_words
        return tuple(sorted({f" {' '.join(words(fold(a)))} " for n in ("open_alternatives", "problem_free") for a in lexicon_words(n)}, key=len, reverse=True))

    @cached_property
    def _spaced_problem_cues(self) -> tuple[str, ...]:
        """The problem cues as searched in a spaced sentence: a whole word, or a beginning ("*")."""
        return tuple(" " + (c[:-1] if c.endswith("*") else c + " ") for c in self.problem_cues)
