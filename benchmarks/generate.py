"""Generated knowledge bases of any size, derived from the bundled entries.

Each generated entry takes one real entry as its topic and rewrites it: paraphrases are
recombined from fragments of the topic's paraphrases, words are swapped for synonyms from
knowledge/vocabulary.yaml, and every text names a product, and often a qualifier (a site,
a department, a contract number, a number of users). So no two entries are alike, the
vocabulary grows with the size as a real knowledge base's would, and a question about a
topic finds many entries that are close to it: the hard case for an index.

    from benchmarks.generate import generate_kb
    kb = generate_kb(10_000)        # faq.kb.model.KnowledgeBase, in memory
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

from faq.kb.model import Entry, KnowledgeBase, Text

__all__ = ["generate_kb", "product_names"]

BRANDS = (
    "Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Adatum", "Woodgrove", "Proseware", "Wingtip",
    "Alpine", "Lucerne", "Margie", "Humongous", "Coho", "Fourth", "Trey", "Blue Yonder", "Graphic", "Wide World",
    "Southridge",
)
PRODUCTS = (
    "Cloud", "Suite", "Analytics", "Backup", "Mailbox", "Teams Phone", "CRM", "ERP", "Defender", "Archive",
    "Planner", "Visio", "Project", "Power BI", "Intune", "Sentinel", "Copilot", "Dynamics", "Exchange", "SharePoint",
)
EDITIONS = ("Pro", "Plus", "E1", "E3", "E5", "Business", "Enterprise", "Standard", "Premium", "Basic", "Kiosk", "F3")
SYLLABLES = ("ka", "lo", "mer", "ti", "van", "do", "rex", "su", "bel", "nor", "qui", "zan", "fi", "gor", "hel", "ju")
PLACES = ("Berlin", "Hamburg", "München", "Köln", "Wien", "Zürich", "Graz", "Basel", "Leipzig", "Bremen", "Linz", "Bern")
DEPARTMENTS_DE = ("Vertrieb", "Einkauf", "Buchhaltung", "Personalabteilung", "Entwicklung", "Schulung", "Lager")
DEPARTMENTS_EN = ("sales", "purchasing", "accounting", "HR", "engineering", "training", "warehouse")


def product_names(rng: random.Random) -> str:
    """A product name: brand, product and edition, sometimes an invented word."""
    if rng.random() < 0.35:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        return f"{word} {rng.choice(PRODUCTS)}"
    return f"{rng.choice(BRANDS)} {rng.choice(PRODUCTS)} {rng.choice(EDITIONS)}"


def _qualifier(rng: random.Random, lang: str) -> str:
    n = rng.randint(5, 5000)
    choice = rng.randrange(5)
    if lang == "de":
        return (
            f"am Standort {rng.choice(PLACES)}",
            f"für die Abteilung {rng.choice(DEPARTMENTS_DE)}",
            f"mit Vertragsnummer {rng.randint(10**6, 10**8)}",
            f"für {n} Benutzer",
            f"im Testmandanten {rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{n % 97}",
        )[choice]
    return (
        f"at the {rng.choice(PLACES)} site",
        f"for the {rng.choice(DEPARTMENTS_EN)} team",
        f"with agreement number {rng.randint(10**6, 10**8)}",
        f"for {n} users",
        f"in test tenant {rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{n % 97}",
    )[choice]


_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")


class _Rewriter:
    """Swaps words for synonyms of the vocabulary and recombines fragments."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.groups: dict[str, tuple[str, ...]] = {}
        for group in kb.vocabulary.synonyms:
            single = tuple(w for w in group if " " not in w and "-" not in w)
            if len(single) >= 2:
                for w in single:
                    self.groups.setdefault(w, single)

    def synonyms(self, text: str, rng: random.Random, rate: float = 0.35) -> str:
        out = []
        for piece in _TOKEN.findall(text):
            group = self.groups.get(piece.lower())
            if group and rng.random() < rate:
                new = rng.choice(group)
                piece = new.capitalize() if piece[:1].isupper() else new
            out.append(piece)
        return "".join(out)

    @staticmethod
    def recombine(a: str, b: str, rng: random.Random) -> str:
        """The start of one paraphrase and the end of another of the same topic."""
        wa, wb = a.split(), b.split()
        if len(wa) < 3 or len(wb) < 3:
            return a
        return " ".join(wa[: rng.randint(1, len(wa) - 1)] + wb[rng.randint(1, len(wb) - 1) :])


def _variant(base: str, pool: tuple[str, ...], product: str, lang: str, rw: _Rewriter, rng: random.Random) -> str:
    text = rw.recombine(base, rng.choice(pool), rng) if pool and rng.random() < 0.5 else base
    text = rw.synonyms(text.rstrip("?.! "), rng)
    where = rng.random()
    if where < 0.5:
        text = f"{product}: {text}"
    else:
        text = f"{text} ({product})" if lang == "en" or where < 0.75 else f"{text} bei {product}"
    if rng.random() < 0.6:
        text += " " + _qualifier(rng, lang)
    return text


def generate_kb(size: int, seed: int = 0, base: KnowledgeBase | None = None, paraphrases: int = 3) -> KnowledgeBase:
    """Return a knowledge base of `size` entries: the real entries first, then generated ones.

    Args:
        size: Number of entries (at least the number of real entries).
        seed: Seed of the random choices (the same seed gives the same knowledge base).
        base: The knowledge base to derive from (default: the bundled one).
        paraphrases: Paraphrases per language of each generated entry.
    """
    if base is None:
        from faq.kb.files import BUNDLED_KB
        from faq.kb.loader import load_knowledge_base

        base = load_knowledge_base(BUNDLED_KB)
    rng = random.Random(seed)
    rw = _Rewriter(base)
    real = list(base.entries)
    entries: list[Entry] = real[:size]
    seen_ids = {e.id for e in entries}
    k = 0
    while len(entries) < size:
        k += 1
        topic = real[k % len(real)]
        product = product_names(rng)
        entry_id = f"{topic.id}-g{k:06d}"
        if entry_id in seen_ids:
            continue
        seen_ids.add(entry_id)
        title, question, paras, keywords = {}, {}, {}, {}
        for lang in ("de", "en"):
            pool = tuple(topic.paraphrases.get(lang, ()))
            title[lang] = f"{topic.title.get(lang)} ({product})"
            question[lang] = _variant(topic.question.get(lang), pool, product, lang, rw, rng) + "?"
            paras[lang] = tuple(
                _variant(rng.choice(pool) if pool else topic.question.get(lang), pool, product, lang, rw, rng)
                for _ in range(paraphrases)
            )
            keywords[lang] = (product,) + tuple(rng.sample(topic.keywords.get(lang, ()), min(2, len(topic.keywords.get(lang, ())))))
        entries.append(
            Entry(
                id=entry_id,
                title=Text(title["de"], title["en"]),
                question=Text(question["de"], question["en"]),
                paraphrases=paras,
                keywords=keywords,
                answer=topic.answer,
                contact=topic.contact,
            )
        )
    return replace(base, entries=tuple(entries), flows=base.flows, root=f"generated:{size}:{seed}", fingerprint="")


def _plain(value):
    """Plain str, list and dict (the loader's strings carry their location)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def write_kb(kb: KnowledgeBase, folder: Path) -> None:
    """Write the entries as YAML files in the knowledge base format (to look at them or load them)."""
    import yaml

    (folder / "entries").mkdir(parents=True, exist_ok=True)
    for e in kb.entries:
        data = {
            "id": e.id,
            "title": {"de": e.title.de, "en": e.title.en},
            "question": {"de": e.question.de, "en": e.question.en},
            "paraphrases": {k: list(v) for k, v in e.paraphrases.items()},
            "keywords": {k: list(v) for k, v in e.keywords.items()},
            "answer": {k: [{b.kind: list(b.items) if b.kind in ("list", "steps") else b.text} for b in v] for k, v in e.answer.items()},
        }
        (folder / "entries" / f"{e.id}.yaml").write_text(yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    import sys

    kb = generate_kb(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
    for e in kb.entries[-5:]:
        print(e.id, "|", e.question.de, "|", e.paraphrases["de"], "|", e.paraphrases["en"][0])
