"""Matching a question to FAQ entries: a paraphrase index scored by a learned model.

A question is reduced to its focus (`faq.language.focus`), weighed word by word (idf),
and the entries whose texts fit it best are retrieved (`faq.search.retrieval`). Each of
them is described by the features of `faq.search.model.FEATURES` and scored by the
learned logistic model; its probability of being right decides between answer, clarify
and no_match, with thresholds stated in `knowledge/search/model.yaml`.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from faq.kb.vocabulary import Vocabulary
from faq.language.focus import Focus, focus
from faq.language.normalize import Normalizer, fold, words
from faq.search.datewords import month_names
from faq.search.features import Features
from faq.search.model import ScoringModel, load_model, load_negative_topics, search_dir
from faq.search.negatives import Negatives
from faq.search.quantities import AHEAD, DONE, MANY, NOT, ONE, aspect_shares, contrasted, quantity_pairs
from faq.search.results import Candidate, MatchResult, Thresholds
from faq.search.retrieval import _SCAN_UP_TO, Retrieval
from faq.search.sentencekinds import SentenceKinds

if TYPE_CHECKING:
    from faq.kb.model import Entry, KnowledgeBase

__all__ = ["Matcher"]

_PHRASE_LISTS = ("contrasts", "generic_asks", "attempts", "asides", "continuations", "priorities",
                 "indirect_asks")  # knowledge/language/ lists the focus reads, lower-case


def _documents(entry: Entry) -> Iterator[tuple[str, str]]:
    """Yield (language, text) of each document of an entry: question, title, paraphrases."""
    from faq.kb.model import LANGS

    for lang in LANGS:
        yield lang, entry.question.get(lang)
        yield lang, entry.title.get(lang)
        for paraphrase in entry.paraphrases.get(lang, ()):
            yield lang, paraphrase


class Matcher(Features, Retrieval, SentenceKinds):
    """Finds the FAQ entry a question is about.

    Build one per knowledge base with `Matcher(kb)`; `to_state()` and `from_state()` turn
    it into plain data and back, so a cache can keep it. `match()` is pure. The index and
    its retrieval are described in `faq.search.retrieval`.
    """

    def __init__(self, kb: KnowledgeBase, thresholds: Thresholds | None = None, model: ScoringModel | None = None,
                 negatives: list[tuple[str, str]] | None = None) -> None:
        """Index `kb`.

        Args:
            kb: The knowledge base.
            thresholds: Input limits.
            model: The scoring model; by default the one in the knowledge base's `search/`
                folder (or the bundled one).
            negatives: (topic, question) examples of out-of-scope questions; by default
                those of `search/out_of_scope.yaml` (each topic's `about` line among them).
        """
        from faq.kb.model import LANGS

        folder = search_dir(kb.root)
        self.thresholds = thresholds or Thresholds()
        self.model = model or load_model(folder)
        if negatives is None:
            negatives = [(topic, text) for topic, _lang, text in load_negative_topics(folder)]
        from faq.language.lexicon import words as lexicon_words

        self.abbreviations = frozenset(lexicon_words("abbreviations"))
        self.month_names = month_names(lexicon_words("months"))
        self.problem_cues = tuple(sorted({" ".join(words(fold(c.replace("'", "")))) + ("*" if c.endswith("*") else "")
                                          for c in lexicon_words("problem_cues")}))
        self.thanks = tuple(sorted({" ".join(words(fold(c))) for c in lexicon_words("smalltalk_thanks")}, key=len, reverse=True))
        (self.contrasts, self.generic_asks, self.attempts, self.asides, self.continuations, self.priorities,
         self.indirect_asks) = (tuple(sorted({c.lower() for c in lexicon_words(name)})) for name in _PHRASE_LISTS)
        self.ids = [e.id for e in kb.entries]
        self.flows = [e.flow for e in kb.entries]
        self.vocabulary = kb.vocabulary
        self.normalizer = Normalizer(kb.vocabulary)
        normalizer = self.normalizer
        parts = normalizer.parts
        intern = sys.intern  # one string object per word, however many structures hold it
        lang_words: dict[str, dict[str, int]] = {lang: defaultdict(int) for lang in LANGS}
        for e in kb.entries:
            for lang, text in _documents(e):
                counts = lang_words[lang]
                for w in words(fold(text)):
                    w = intern(w)
                    if len(w) >= 4:
                        parts.add(w)
                    counts[w] += 1
        de_words, en_words = lang_words["de"], lang_words["en"]
        # The share of a word's uses that are English; 0.0 and 1.0 are shared objects.
        self._english_share = {
            w: 1.0 if not de_words.get(w) else 0.0 if not en_words.get(w) else en_words[w] / (de_words[w] + en_words[w])
            for w in {**de_words, **en_words}
        }
        del lang_words, de_words, en_words
        # `expand` is pure once `parts` is complete: remember it per surface word. The
        # words of the texts are kept (`surface_map`) so that a question's known words
        # skip the compound splitter.
        surface_map: dict[str, tuple[str, ...]] = {}
        expand = normalizer.expand
        tid: dict[str, int] = {}  # token -> id, in the order of first use
        df = array("i")  # token id -> entries that use it

        def ids_of(text: str, keep: bool) -> list[int]:
            out: list[int] = []
            for w in normalizer.surface(text):
                toks = surface_map.get(w)
                if toks is None:
                    toks = tuple(intern(t) for t in expand(w))
                    if keep:
                        surface_map[intern(w)] = toks
                for t in toks:
                    k = tid.get(t)
                    if k is None:
                        k = tid[t] = len(df)
                        df.append(0)
                    out.append(k)
            return out

        doc_start = array("i", [0])
        doc_toks = array("i")
        entry_docs = array("i", [0])
        ent_start = array("i", [0])
        ent_toks = array("i")
        keyword_memo: dict[str, list[int]] = {}
        for e in kb.entries:
            mine: set[int] = set()
            for _lang, text in _documents(e):
                ids = ids_of(text, True)
                if ids:
                    doc_toks.extend(ids)
                    doc_start.append(len(doc_toks))
                    mine.update(ids)
            entry_docs.append(len(doc_start) - 1)
            for lang in LANGS:
                for kw in e.keywords.get(lang, ()):
                    kw_ids = keyword_memo.get(kw)
                    if kw_ids is None:
                        kw_ids = keyword_memo[kw] = ids_of(kw, False)
                    mine.update(kw_ids)
            ordered = sorted(mine)
            ent_toks.extend(ordered)
            ent_start.append(len(ent_toks))
            for k in ordered:
                df[k] += 1
        del keyword_memo
        # The examples' words are parts of compounds too ("Startguthaben": start + guthaben). A new
        # normalizer holds them, with nothing derived from the parts before (as from_state() rebuilds it).
        parts.update(w for _topic, text in negatives for w in words(fold(text)) if len(w) >= 4)
        self.normalizer = normalizer = Normalizer(kb.vocabulary, set(parts))
        expand = normalizer.expand
        self.quantity_classes = {**{fold(w): ONE for w in lexicon_words("quantity_one")},
                                 **{fold(w): MANY for w in lexicon_words("quantity_many")},
                                 **{fold(w): NOT for w in lexicon_words("negations")}}
        def head(word: str) -> str | None:
            toks = expand(word)
            return toks[-1] if toks else None

        self.entry_quantities = [
            sorted(set().union(*(quantity_pairs(text, self.quantity_classes, normalizer.is_stopword, head)
                                 for _lang, text in _documents(e))))
            for e in kb.entries]
        self.aspect_classes = {**{fold(w): DONE for w in lexicon_words("aspect_done")},
                               **{fold(w): AHEAD for w in lexicon_words("aspect_ahead")}}
        self.entry_aspects = [aspect_shares([t for _l, t in _documents(e)], self.aspect_classes) for e in kb.entries]
        topic_ids: dict[str, int] = {}
        negative_docs = [(topic_ids.setdefault(topic, len(topic_ids)), ids_of(text, False)) for topic, text in negatives]
        self._tid = tid
        self._df = df
        self.surface_map = surface_map
        self._doc_start = doc_start
        self._doc_toks = doc_toks
        self._entry_docs = entry_docs
        self._ent_start = ent_start
        self._ent_toks = ent_toks
        # The out-of-scope examples as runs of token ids, like the documents.
        self._neg_start = array("i", [0])
        self._neg_toks = array("i")
        self._neg_topic = array("i")
        for topic, d in negative_docs:
            if d:
                self._neg_toks.extend(d)
                self._neg_start.append(len(self._neg_toks))
                self._neg_topic.append(topic)
        self._index()
        self._derive()

    # -- plain data for a cache ---------------------------------------------------

    _STATE = ("ids", "flows", "_english_share", "_tid", "_df", "surface_map", "_doc_start", "_doc_toks",
              "_entry_docs", "_ent_start", "_ent_toks", "_neg_start", "_neg_toks", "_neg_topic", "_idf", "_doc_norm",
              "_least_norm", "_post_start", "_post", "_doc_post_start", "_doc_post", "_doc_entry")

    def to_state(self) -> dict[str, Any]:
        """Return the matcher as plain data (dict, list, str, int, float, bool, None, array)."""
        state: dict[str, Any] = {name.lstrip("_"): getattr(self, name) for name in self._STATE}
        state["surface_map"] = {w: list(t) for w, t in self.surface_map.items()}
        state["vocabulary"] = {
            "synonyms": [list(g) for g in self.vocabulary.synonyms],
            "compounds": list(self.vocabulary.compounds),
            "stopwords": {lang: list(ws) for lang, ws in self.vocabulary.stopwords.items()},
            "offtopic": list(self.vocabulary.offtopic),
        }
        state["normalizer"] = self.normalizer.to_state()
        state["abbreviations"] = sorted(self.abbreviations)
        state["month_names"] = sorted(self.month_names)
        state["problem_cues"] = list(self.problem_cues)
        state["thanks"] = list(self.thanks)
        state.update((name, list(getattr(self, name))) for name in _PHRASE_LISTS)
        state["quantity_classes"] = dict(self.quantity_classes)
        state["entry_quantities"] = [[list(p) for p in pairs] for pairs in self.entry_quantities]
        state["aspect_classes"], state["entry_aspects"] = dict(self.aspect_classes), [list(a) for a in self.entry_aspects]
        state["max_chars"] = self.thresholds.max_chars
        state["model"] = self.model.to_state()
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Matcher:
        """Rebuild a matcher from `to_state()`.

        Raises:
            KeyError, TypeError, ValueError: the state is not one `to_state()` made.
        """
        self = cls.__new__(cls)
        for name in cls._STATE:
            setattr(self, name, state[name.lstrip("_")])
        self.surface_map = {w: tuple(t) for w, t in state["surface_map"].items()}
        v = state["vocabulary"]
        self.vocabulary = Vocabulary(tuple(tuple(g) for g in v["synonyms"]), tuple(v["compounds"]),
                                     {lang: tuple(ws) for lang, ws in v["stopwords"].items()}, tuple(v["offtopic"]))
        self.normalizer = Normalizer.from_state(self.vocabulary, state["normalizer"])
        self.abbreviations = frozenset(state["abbreviations"])
        self.month_names = frozenset(state["month_names"])
        self.problem_cues = tuple(state["problem_cues"])
        self.thanks = tuple(state["thanks"])
        (self.contrasts, self.generic_asks, self.attempts, self.asides, self.continuations, self.priorities,
         self.indirect_asks) = (tuple(state[name]) for name in _PHRASE_LISTS)
        self.thresholds = Thresholds(int(state["max_chars"]))
        self.model = ScoringModel.from_state(state["model"])
        self.quantity_classes = {str(w): int(c) for w, c in state["quantity_classes"].items()}
        self.entry_quantities = [sorted((int(c), str(t)) for c, t in pairs) for pairs in state["entry_quantities"]]
        self.aspect_classes = {str(w): int(c) for w, c in state["aspect_classes"].items()}
        self.entry_aspects = [(float(d), float(a)) for d, a in state["entry_aspects"]]
        self._derive()
        return self

    def _index(self) -> None:
        """Compute the index's weights and postings from its token runs (kept in the state)."""
        n = max(len(self.ids), 1)
        df = self._df
        # A token no entry uses (a word of the out-of-scope examples) weighs like one of a single entry.
        self._idf = idf = array("d", (math.log(1 + n / max(c, 1)) for c in df))
        doc_start, doc_toks, entry_docs = self._doc_start, self._doc_toks, self._entry_docs
        self._doc_norm = doc_norm = array("d", (sum(idf[k] for k in set(doc_toks[doc_start[d]: doc_start[d + 1]]))
                                                 for d in range(len(doc_start) - 1)))
        self._least_norm = array("d", (min(doc_norm[entry_docs[i]: entry_docs[i + 1]], default=math.inf)
                                       for i in range(len(self.ids))))
        # The entries of token k: `_post[_post_start[k] : _post_start[k + 1]]` (a counting sort).
        post_start = array("i", [0])
        for c in df:
            post_start.append(post_start[-1] + c)
        fill = array("i", post_start)
        ent_start, ent_toks = self._ent_start, self._ent_toks
        post = array("i", bytes(4 * len(ent_toks)))
        for i in range(len(self.ids)):
            for k in ent_toks[ent_start[i]: ent_start[i + 1]]:
                post[fill[k]] = i
                fill[k] += 1
        self._post_start = post_start
        self._post = post
        # The documents of token k, the same way (only for a knowledge base `_scan` serves). A text of the same
        # tokens and weight as an earlier text of its entry is left out: it always fits as that one does, which
        # comes first, so it is never the entry's best (about a tenth of the texts, not scanned).
        doc_entry = array("i", bytes(4 * (len(doc_start) - 1)))
        by_token: list[list[int]] = [[] for _ in df]
        if len(self.ids) <= _SCAN_UP_TO:
            for i in range(len(self.ids)):
                first: dict[frozenset[int], float] = {}  # the weight of the entry's first text of each token set
                for d in range(entry_docs[i], entry_docs[i + 1]):
                    doc_entry[d] = i
                    toks = frozenset(doc_toks[doc_start[d]: doc_start[d + 1]])
                    if toks in first:
                        if first[toks] == doc_norm[d]:
                            continue
                    else:
                        first[toks] = doc_norm[d]
                    for k in toks:
                        by_token[k].append(d)
        doc_post_start = array("i", [0])
        doc_post = array("i")
        for docs in by_token:
            doc_post.extend(docs)
            doc_post_start.append(len(doc_post))
        self._doc_post_start = doc_post_start
        self._doc_post = doc_post
        self._doc_entry = doc_entry

    def _derive(self) -> None:
        """Compute what follows from the stored index and model: out-of-scope topics, typo lists, settings."""
        self.unknown_idf = math.log(1 + max(len(self.ids), 1))
        idf = self._idf
        neg_start, neg_toks = self._neg_start, self._neg_toks
        self._negatives = Negatives([neg_toks[neg_start[i]: neg_start[i + 1]] for i in range(len(neg_start) - 1)],
                                    self._neg_topic, idf)
        offtopic_heads: dict[str, list[str]] = defaultdict(list)
        for w in self.normalizer.offtopic:
            if len(w) >= 6 and " " not in w:
                offtopic_heads[w[:6]].append(w)
        self._offtopic_heads = dict(offtopic_heads)
        self._address_word = "adresse" if "adresse" in self.surface_map else "address"
        self._fuzzy_by_initial: dict[str, tuple[list[str], dict[int, tuple[array, list[str]]]]] | None = None
        self._fuzzy_cutoff = self.model.settings["fuzzy_cutoff"]
        self._memo = {}
        self._fuzzy_memo = {}
        self._readings = {}
        self._said = {}
        self._plain = {}
        self._known = {}
        self._candidates = int(self.model.settings["candidates"])
        self._topic_candidates = int(self.model.settings["out_of_scope_candidates"])
        self._focus_min = int(self.model.settings["focus_min_words"])
        self._entry_quantity_sets = [frozenset(pairs) for pairs in self.entry_quantities]
        self._contrasted = contrasted(self._entry_quantity_sets)

    def _quantity_pairs(self, text: str) -> set[tuple[int, str]]:
        """The quantity pairs of `text` (see faq.search.quantities)."""
        return quantity_pairs(text, self.quantity_classes, self.normalizer.is_stopword, self._head)

    def _head(self, word: str) -> str | None:
        """The token a word stands for: a compound's last part ("volumenlizenzregistrierungen": registrierung),
        typo repaired ("registirungen")."""
        toks = self._expand(word)
        if toks and not self.knows(toks[-1]):
            toks = self._fuzzy(word) or toks
        return toks[-1] if toks else None

    def knows(self, token: str) -> bool:
        """Return whether `token` (a matching token) occurs in the knowledge base's entries."""
        k = self._tid.get(token)
        return k is not None and self._df[k] > 0

    # -- query side ---------------------------------------------------------------

    def focus(self, text: str, content_words: Callable[[str], int] | None = None) -> Focus:
        """Return the focus of `text`: the sentence that asks, with what it needs (see faq.language.focus);
        content words are counted by `content_words`, by default the entries' words (`_known_words`)."""
        return focus(text, content_words or self._known_words, self._focus_min, self.abbreviations,
                     self._states_problem, self.contrasts, self.generic_asks, self.attempts, self.asides,
                     self.continuations, self.priorities, self.indirect_asks)

    def _known_words(self, sentence: str) -> int:
        """The words of `sentence` that the knowledge base's entries use (its content words here)."""
        return self._count_known(self._surface(sentence))

    def _count_known(self, surface: list[str]) -> int:
        return sum(len(self._known_of(w)) for w in surface)

    def detect_language(self, text: str) -> str:
        """Return "de" or "en" by which language's words of the knowledge base the text uses."""
        lowered = text.lower()
        if any(ch in lowered for ch in "äöüß"):
            return "de"
        de = en = 0.0
        for w in words(fold(text)):
            share = self._english_share.get(w)
            if share is not None:
                en += share
                de += 1.0 - share
        return "en" if en > de else "de"

    def scores(self, text: str, siblings: bool = True) -> list[tuple[float, int]]:
        """Return (probability, entry index) of the question's candidate entries, best first
        (the out-of-scope topics' share goes with "none of them"; see `Features.scored`)."""
        return list(self.scored(text, siblings))

    def _names_a_topic(self, text: str) -> bool:
        """Whether `text` is one word the entries use ("Aktivierung"): it names a topic and
        asks nothing, so the entries that fit it best are offered rather than declined."""
        said = self._surface(text)
        if len(said) != 1 or said[0] in self.normalizer.offtopic:
            return False
        return all(self.knows(t) for t in self._expand(said[0]))

    def match(self, text: str, lang: str | None = None, reader: bool = False) -> MatchResult:
        """Match one question.

        Answers when the best entry's probability reaches the model's `answer` threshold (the ticket
        reader's, `reader_answer`, for the `reader`);
        else asks back with the fewest best entries (at most three, each of at least `offer`
        probability) that together reach it, or with the best three when the question is one
        word that names a topic of the entries; else (and for a text without a letter) no_match.

        Args:
            text: The question in the user's words.
            lang: Force the language reported ("de"/"en"); None detects it.
            reader: Whether the ticket reader asks (faq.tickets): its topic rules were set on the scores
                without the sibling stage (`rival_odds`: a question's words typical of one entry rather than
                of its closest rival) and on its own threshold, `reader_answer` (`ScoringModel.answer_for`).
        """
        from faq.language.text import clean

        query = clean(text)
        detected = lang or self.detect_language(query)
        ranked = self.scores(query, siblings=not reader) if len(query) <= self.thresholds.max_chars and any(map(str.isalpha, query)) else []
        cands = tuple(Candidate(self.ids[i], round(p, 3)) for p, i in ranked[:3])
        model = self.model
        bar = model.answer_for(reader)
        if ranked and ranked[0][0] >= bar:
            p, i = ranked[0]
            return MatchResult(query, "answer", self.ids[i], self.flows[i], round(p, 3), detected, cands)
        # The fewest best entries that together are likely enough to hold the right one.
        offered: list[Candidate] = []
        mass = 0.0
        for (p, _i), cand in zip(ranked, cands):
            if mass >= bar or p < model.offer:
                break
            offered.append(cand)
            mass += p
        if len(offered) >= 2 and mass >= bar:
            p, i = ranked[0]
            return MatchResult(query, "clarify", self.ids[i], self.flows[i], round(p, 3), detected, tuple(offered))
        if len(cands) >= 2 and self._names_a_topic(query):
            p, i = ranked[0]
            return MatchResult(query, "clarify", self.ids[i], self.flows[i], round(p, 3), detected, cands)
        return MatchResult(query, "no_match", None, None, cands[0].confidence if cands else 0.0, detected, cands)
