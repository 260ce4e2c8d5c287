#!/usr/bin/env python3
"""Fuzz for time: the worst wall time of the matcher, ticket triage and the date parser.

    .venv/bin/python benchmarks/fuzz_worst_case.py                 # 60 s budget, seed 1
    .venv/bin/python benchmarks/fuzz_worst_case.py --seconds 20 --seed 7 --json

Three phases per function, on the bundled knowledge base:

1. adversarial inputs written by hand: long words, many unknown words, repeated
   compounds, 10k-character strings without spaces, deeply nested markup, escape
   sequences, dates and negations in bulk, near-misses of known words (the fuzzy
   matcher's worst case), 1 MB inputs;
2. random inputs (seeded): arbitrary Unicode, control characters, fragments of
   markup and of the knowledge base's own words, in random lengths up to 1 MB;
3. time-guided mutation (a poor man's atheris without coverage): the slowest inputs
   so far are mutated (segments doubled, words inserted, spaces removed, case
   flipped) and kept when they get slower.

Every candidate that is among the slowest is timed again (median of 3), so one
hiccup of the machine does not count. Prints, per function, the worst case with its
time and a description of the input, and the median over all inputs. Any exception
other than the documented InputError (parse_date) is reported as a failure and
makes the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from faq.errors import InputError  # noqa: E402
from faq.flows.dates import parse_date  # noqa: E402
from faq.kb.files import BUNDLED_KB  # noqa: E402
from faq.kb.loader import load_knowledge_base  # noqa: E402
from faq.language.normalize import fold, words  # noqa: E402
from faq.language.text import clean  # noqa: E402
from faq.search.matcher import Matcher  # noqa: E402
from faq.tickets.triage import triage_text  # noqa: E402

TODAY = date(2026, 11, 24)
MB = 1_000_000

HOSTILE = [
    "\x1b[2J", "\x1b[31m", "\x1b]52;c;QUFBQQ==\x07", "\x1b]8;;https://x\x1b\\", "\x9b1m", "\x00", "\x7f", "\u202e",
    "\u200b", "\ufeff", "[bold]", "[/]", "[link=https://x]", "[@click=app.quit]", "[x](javascript:alert(1))",
    "<script>", "**", "`", "|", "#", "{osm_email}", "\r\n", "\t", "ẞ", "e\u0301", "\U0001f600", "ﬁ",
]


@dataclass
class Worst:
    """The slowest inputs seen for one function."""

    name: str
    times: list[float] = field(default_factory=list)
    top: list[tuple[float, str, str]] = field(default_factory=list)  # (seconds, description, input)
    failures: list[str] = field(default_factory=list)

    def offer(self, seconds: float, what: str, text: str, keep: int = 8) -> None:
        self.times.append(seconds)
        self.top.append((seconds, what, text))
        self.top.sort(key=lambda x: -x[0])
        del self.top[keep:]


def _timed(fn: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    fn(text)
    return time.perf_counter() - started


def adversarial(vocab: list[str]) -> list[tuple[str, str]]:
    """(description, text) of inputs written to be slow."""
    compounds = [w for w in vocab if len(w) >= 8][:40] or ["aktivierungsmail"]
    near = [w[:-2] + w[-1] + w[-2] for w in vocab if len(w) >= 6][:300]  # swapped last letters: fuzzy matching
    cases = [
        ("10k chars, no spaces, one known word repeated", ("aktivierungsmail" * 700)[:10_000]),
        ("10k chars, no spaces, compounds glued", ("".join(compounds) * 50)[:10_000]),
        ("2k chars, no spaces, compounds glued", ("".join(compounds) * 10)[:2_000]),
        ("2k chars, one 2000-letter word", "x" * 2_000),
        ("2k chars of known compounds with hyphens", ("-".join(compounds) + " ") * 5),
        ("200 long unknown words (50 letters)", " ".join(("qxzv" * 13)[: 50 - (i % 7)] + str(i) for i in range(200))[:2_000]),
        ("many unknown words (2k chars)", " ".join(f"wq{i}zr" for i in range(400))[:2_000]),
        ("many unknown words (10k chars)", " ".join(f"wq{i}zr" for i in range(2_000))[:10_000]),
        ("near-misses of known words (fuzzy matcher)", " ".join(near)[:2_000]),
        ("near-misses, 10k chars", (" ".join(near) + " ") * 10),
        ("repeated compounds with links", ("Aktivierungsmail-Lizenzkonto-Dienstkonto-Aktivierungslink " * 40)[:2_000]),
        ("known words, 1,999 chars", (" ".join(vocab) + " ")[:1_999]),
        ("deeply nested markup (1 MB)", "[b]" * (MB // 6) + "x" + "[/]" * (MB // 6)),
        ("deeply nested markup (2k)", "[b]" * 333 + "x" + "[/]" * 333),
        ("escape sequences (1 MB)", ("\x1b[31m\x1b]52;c;AAAA\x07" * (MB // 17 + 1))[:MB]),
        ("unterminated OSC (1 MB)", "\x1b]" + "a" * MB),
        ("unterminated DCS (1 MB)", "\x1bP" + "a" * MB),
        ("markdown links (1 MB)", ("[x](javascript:alert(1)) " * (MB // 25 + 1))[:MB]),
        ("dates and relative dates in bulk (10k)", ("am 31.02.2026 vor 3 Tagen gestern 1. Dezember 2026 5.1. " * 200)[:10_000]),
        ("negations and cues in bulk (10k)", ("nicht kein nie Junk-Ordner geprüft Spam nachgesehen " * 200)[:10_000]),
        ("addresses in bulk (10k)", ("it@firma.de a@b.c x@@y.de mailto:q@r.de " * 300)[:10_000]),
        ("one sentence of 10k chars", ("Aktivierungsmail nicht erhalten und Junk geprüft " * 220)[:10_000]),
        ("10k newlines and bullets", "\n- " * 3_333),
        ("10k dots", "." * 10_000),
        ("10k digits", "1" * 10_000),
        ("10k '@'", "@" * 10_000),
        ("quotes and signature markers", ("> Am 1.1.2026 schrieb x@y.de:\n-- \n" * 300)[:10_000]),
        ("1 MB of letters", "a" * MB),
        ("1 MB of words", ("Aktivierungsmail nicht erhalten " * (MB // 32 + 1))[:MB]),
    ]
    return cases


def date_adversarial() -> list[tuple[str, str]]:
    return [
        ("1 MB of digits", "1" * MB),
        ("1 MB of spaces then a date", " " * MB + "1.1.2026"),
        ("'vor' + 1 MB digits + 'tagen'", "vor " + "9" * MB + " tagen"),
        ("huge year", "1.1." + "9" * 10_000),
        ("ISO with a huge year", "9" * 10_000 + "-01-01"),
        ("month word soup", "dezember " * 100_000),
        ("1 MB escape sequences", "\x1b[31m" * (MB // 5)),
        ("relative with a word number", "vor zehn monaten"),
        ("overflow far back", "vor 9999 monaten"),
    ]


def random_text(rng: random.Random, vocab: list[str]) -> tuple[str, str]:
    kind = rng.choice(["unicode", "bmp", "controls", "fragments", "vocab", "vocab-glued", "mixed"])
    size = rng.choice([10, 100, 1_000, 2_000, 5_000, 10_000, 50_000, MB])
    if kind == "unicode":
        text = "".join(chr(rng.randrange(0x20, 0x110000)) for _ in range(min(size, 20_000)))
        text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    elif kind == "bmp":
        text = "".join(chr(rng.randrange(0x20, 0xD800)) for _ in range(min(size, 20_000)))
    elif kind == "controls":
        text = "".join(chr(rng.randrange(0, 0xA0)) for _ in range(min(size, 20_000)))
    elif kind == "fragments":
        text = "".join(rng.choice(HOSTILE) for _ in range(size // 5 + 1))
    elif kind == "vocab":
        text = " ".join(rng.choice(vocab) for _ in range(size // 8 + 1))
    elif kind == "vocab-glued":
        text = "".join(rng.choice(vocab) for _ in range(size // 8 + 1))
    else:
        text = " ".join(rng.choice([rng.choice(vocab), rng.choice(HOSTILE), str(rng.randrange(10**6))])
                        for _ in range(size // 6 + 1))
    return f"random {kind}, {len(text[:size]):,} chars", text[:size]


def mutate(rng: random.Random, text: str, vocab: list[str]) -> str:
    op = rng.randrange(6)
    if not text:
        return rng.choice(vocab)
    i = rng.randrange(len(text))
    j = min(len(text), i + rng.randrange(1, 200))
    if op == 0:  # double a segment
        text = text[:j] + text[i:j] + text[j:]
    elif op == 1:  # insert a known word
        text = text[:i] + rng.choice(vocab) + text[i:]
    elif op == 2:  # remove spaces: longer words
        text = text[:i] + text[i:j].replace(" ", "") + text[j:]
    elif op == 3:  # flip case
        text = text[:i] + text[i:j].swapcase() + text[j:]
    elif op == 4:  # a typo in a word
        text = text[:i] + rng.choice("aeiouxqz") + text[i + 1:]
    else:  # add hostile fragments
        text = text[:i] + rng.choice(HOSTILE) + text[i:]
    return text[:MB]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget of the random and mutation phases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    kb = load_knowledge_base(BUNDLED_KB)
    matcher = Matcher(kb)
    vocab = sorted({w for e in kb.entries for t in (e.question.de, e.question.en, e.title.de, e.title.en)
                    for w in words(fold(t))} | {w for e in kb.entries for ps in e.paraphrases.values() for p in ps
                                               for w in p.split()})
    rng = random.Random(args.seed)

    def run_date(text: str) -> None:
        try:
            parse_date(text, TODAY)
        except InputError:
            pass

    functions: dict[str, Callable[[str], object]] = {
        "matcher.match": matcher.match,
        # as `faqbot triage` and the agent view call it: the ticket reader cleans and cuts first
        "triage": lambda text: triage_text(clean(text), kb, matcher, TODAY, "F", clean(text[:2_000], 500)),
        # the function itself, on the raw text (no caller passes more than MAX_INPUT_CHARS)
        "triage_text raw": lambda text: triage_text(text, kb, matcher, TODAY, "F", text[:200]),
        "parse_date": run_date,
    }
    worst = {name: Worst(name) for name in functions}

    def trial(name: str, what: str, text: str) -> None:
        try:
            seconds = _timed(functions[name], text)
        except Exception as exc:  # noqa: BLE001 - the point is to find these
            worst[name].failures.append(f"{what}: {type(exc).__name__}: {exc}"[:300])
            return
        worst[name].offer(seconds, what, text)

    for name in functions:  # warm up caches, so the first call does not count as the worst
        functions[name]("Aktivierungsmail nicht erhalten")
    cases = {name: adversarial(vocab) for name in ("matcher.match", "triage", "triage_text raw")}
    cases["parse_date"] = date_adversarial() + adversarial(vocab)[:12]
    for name, items in cases.items():
        for what, text in items:
            trial(name, what, text)

    deadline = time.monotonic() + args.seconds
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for name in functions:
            what, text = random_text(rng, vocab)
            trial(name, what, text)
            seconds, what, parent = rng.choice(worst[name].top[:4])
            trial(name, f"mutated from [{what}]"[:160], mutate(rng, parent, vocab))

    report = {}
    for name, w in worst.items():
        # Time the slowest again: the median of three runs, then keep the worst of those.
        confirmed = []
        for _seconds, what, text in w.top[:5]:
            runs = sorted(_timed(functions[name], text) for _ in range(3))
            confirmed.append((runs[1], what, len(text)))
        confirmed.sort(key=lambda x: -x[0])
        top = confirmed[0]
        report[name] = {
            "worst_ms": round(top[0] * 1000, 2),
            "worst_input": top[1],
            "worst_input_chars": top[2],
            "median_ms": round(statistics.median(w.times) * 1000, 3),
            "inputs": len(w.times),
            "failures": w.failures[:10],
            "runner_up": [{"ms": round(s * 1000, 2), "input": d, "chars": n} for s, d, n in confirmed[1:4]],
        }
    if args.json:
        print(json.dumps({"seed": args.seed, "seconds": args.seconds, "rounds": rounds, "results": report}, indent=2,
                         ensure_ascii=False))
    else:
        print(f"fuzz_worst_case: seed {args.seed}, {args.seconds:.0f} s, {rounds} random rounds\n")
        for name, r in report.items():
            print(f"{name:<16} worst {r['worst_ms']:>9.2f} ms  ({r['worst_input']}, {r['worst_input_chars']:,} chars)")
            print(f"{'':<16} median {r['median_ms']:>8.3f} ms over {r['inputs']} inputs")
            for f in r["failures"]:
                print(f"{'':<16} FAILURE {f}")
    return 1 if any(r["failures"] for r in report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
