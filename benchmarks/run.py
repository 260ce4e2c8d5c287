"""The benchmark: quality against plain searches, latency and memory by size, start-up times.

    .venv/bin/python -m benchmarks.run                  # everything: docs/benchmarks.md, docs/latency.png, README figures
    .venv/bin/python -m benchmarks.run --sizes 1000     # fewer generated sizes (quicker)

Needs the `bench` extra (rank-bm25, matplotlib). Every figure comes from this one run on
this machine; start-up times are medians over alternating runs and are also given as
ratios to a bare `python -c "import yaml"` measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("FAQBOT_DEV_SET", ROOT.parent / "shared" / "eval" / "dev.yaml"))
QUALITY_SETS = {"dev": DEV, "questions_tune": ROOT / "benchmarks" / "sets" / "questions_tune.yaml",
                "questions_long": ROOT / "benchmarks" / "sets" / "questions_long.yaml"}
"""The labelled question sets quality is measured on (the dev set fits the baselines' thresholds)."""
BASELINE_MAX_SIZE = 10_000
"""Largest generated knowledge base the baselines are timed on (BM25 in rank-bm25 is a
Python loop over every document per word)."""


def _labelled(path: Path) -> list[tuple[str, object]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = data.get("queries") or data.get("questions") or []
    return [(r["q"], r["expect"]) for r in rows]


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


# -- quality ---------------------------------------------------------------------


def _quality(answer, labelled) -> dict[str, float]:
    """top-1 (right entry given), abstention (out-of-scope left unanswered) and wrong
    answers (in-scope questions answered with a wrong entry), as run_eval.py counts them."""
    hit = wrong = inscope = abstain = outscope = 0
    for q, expect in labelled:
        got, answered = answer(q)
        if expect is None:
            outscope += 1
            abstain += got is None
        else:
            inscope += 1
            ok = got in (set(expect) if isinstance(expect, list) else {expect})
            hit += ok
            wrong += (not ok) and answered
    return {"top1": hit / max(inscope, 1), "abstain": abstain / max(outscope, 1), "wrong": wrong / max(inscope, 1)}


def quality() -> dict:
    from faq.kb.loader import load_knowledge_base
    from faq.search.matcher import Matcher

    from .baselines import BM25Search, FuzzySearch, GermanBM25Search, fit_threshold

    kb = load_knowledge_base(ROOT / "knowledge")
    matcher = Matcher(kb)
    sets = {name: _labelled(path) for name, path in QUALITY_SETS.items()}

    def ours(q):
        r = matcher.match(q)
        return r.id, r.outcome == "answer"

    systems = {"faqbot (ours)": (ours, None)}
    for cls in (BM25Search, GermanBM25Search, FuzzySearch):
        search = cls(kb)
        t = fit_threshold(search.best, sets["dev"])

        def answer(q, search=search, t=t):
            got, score = search.best(q)
            return (got, True) if score >= t else (None, False)

        systems[search.name] = (answer, t)
    out = {}
    for name, (answer, t) in systems.items():
        out[name] = {"threshold": t, **{s: _quality(answer, rows) for s, rows in sets.items()}}
    out["_counts"] = {s: len(rows) for s, rows in sets.items()}
    return out


# -- latency and memory by size (one subprocess per size) ---------------------------------


def _queries(kb, n: int = 200, seed: int = 7) -> list[str]:
    """The labelled questions plus questions written like generated entries (new variants
    of a random entry's wording, not copies of its texts)."""
    from .generate import _Rewriter, _variant

    qs = [q for path in QUALITY_SETS.values() for q, _ in _labelled(path)]
    generated = [e for e in kb.entries if "-g" in e.id]
    if generated:
        rng = random.Random(seed)
        rw = _Rewriter(kb)
        for e in rng.sample(generated, min(n, len(generated))):
            lang = rng.choice(("de", "en"))
            product = e.title.get(lang).rsplit("(", 1)[-1].rstrip(")")
            pool = tuple(e.paraphrases[lang])
            qs.append(_variant(rng.choice(pool), pool, product, lang, rw, rng))
    return qs


def _time_each(fn, queries: list[str]) -> list[float]:
    for q in queries[:20]:
        fn(q)  # warm up
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append(1000 * (time.perf_counter() - t))
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(size: int, pickle_to: str | None) -> dict:
    """Build at one size; time ours (and the baselines up to BASELINE_MAX_SIZE)."""
    from faq.kb.loader import load_knowledge_base
    from faq.search.cache import for_serving
    from faq.search.matcher import Matcher

    from .generate import generate_kb

    base = load_knowledge_base(ROOT / "knowledge")
    kb = base if size <= len(base.entries) else generate_kb(size, seed=1, base=base)
    queries = _queries(kb)
    t = time.perf_counter()
    matcher = Matcher(kb)
    res = {"size": len(kb.entries), "build_s": time.perf_counter() - t, "queries": len(queries)}
    ms = _time_each(matcher.match, queries)
    res["ours"] = {"median": statistics.median(ms), "p99": _pct(ms, 0.99)}
    res["build_peak_mb"] = _peak_mb()
    if pickle_to:  # the cache's own data format (never pickle), and the questions beside it
        from faq.search.cache import encode

        Path(pickle_to).write_bytes(encode(for_serving(kb), matcher))
        Path(pickle_to + ".json").write_text(json.dumps(queries), encoding="utf-8")
    if len(kb.entries) <= BASELINE_MAX_SIZE:
        from .baselines import BM25Search, FuzzySearch

        for cls in (BM25Search, FuzzySearch):
            search = cls(kb)
            ms = _time_each(search.best, queries)
            res[cls.name] = {"median": statistics.median(ms), "p99": _pct(ms, 0.99)}
    return res


def serve(path: str) -> dict:
    """A fresh process that loads the knowledge base and matcher from the cache's format (as
    `faq.search.cache` does) and answers: its peak memory is what serving this size costs."""
    from faq.search.cache import decode

    t = time.perf_counter()
    kb, matcher = decode(Path(path).read_bytes())
    queries = json.loads(Path(path + ".json").read_text(encoding="utf-8"))
    load_s = time.perf_counter() - t
    ms = _time_each(matcher.match, queries)
    return {"load_s": load_s, "median": statistics.median(ms), "p99": _pct(ms, 0.99), "peak_mb": _peak_mb()}


def _child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.run", *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def scaling(sizes: list[int]) -> list[dict]:
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "kb.cache")
            row = _child(["--worker", str(size), "--pickle", path])
            row["serve"] = _child(["--serve", path])
        print(f"  size {row['size']}: build {row['build_s']:.1f}s, p99 {row['serve']['p99']:.2f} ms, "
              f"serve peak {row['serve']['peak_mb']:.0f} MB", file=sys.stderr)
        rows.append(row)
    return rows


# -- start-up --------------------------------------------------------------------------

CHAT_PROBE = """
import argparse, asyncio
from bot.chat.launch import build_app
app = build_app(argparse.Namespace(kb=None, lang=None, resume=False, no_store=True, redact=False))
async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        print("READY", flush=True)
asyncio.run(main())
"""


def startup(repeat: int) -> dict:
    """Time the start-up commands with the shared timing of `benchmarks.startup` (one run, alternating)."""
    from . import startup as timing

    batch = timing.batch_questions()
    commands = {
        "python -c 'import yaml'": timing.Command(timing.python("import yaml")),
        **timing.ask_commands(batch),
        "python -c 'import textual.app'": timing.Command(timing.python("import textual.app")),
        "faqbot chat, first screen": timing.Command(timing.python(CHAT_PROBE), until="READY"),
    }
    load_before = os.getloadavg()[0]
    timings = timing.measure(commands, repeat)
    return {"median_ms": timings.wall_ms, "cpu_ms": timings.cpu_ms, "repeat": repeat, "batch_n": len(batch),
            "sentence": timing.bar_sentence(timings, len(batch)), "load": (load_before, os.getloadavg()[0])}


# -- report ----------------------------------------------------------------------------


def _fmt_size(n: int) -> str:
    return f"{n:,}"


def report(q: dict, rows: list[dict], st: dict, plot: Path) -> str:
    lines = ["# Benchmarks", ""]
    lines += [
        f"Measured in one run of `python -m benchmarks.run` on one machine ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}). Regenerate with that command.",
        "",
        "## Quality against plain searches",
        "",
        f"Public dev set ({q['_counts']['dev']} questions, `shared/eval/dev.yaml`) and two fresh sets "
        f"({', '.join(str(q['_counts'][s]) for s in QUALITY_SETS if s != 'dev')} questions, "
        "`benchmarks/sets/`), each written by a separate session from the seed FAQ alone, without seeing the "
        "knowledge base: `questions_tune` drove fixes, `questions_long` is a check set never tuned on. On the bundled "
        "knowledge base. Each cell: top-1 (in-scope questions whose first entry is right, answered or offered to "
        "clarify) / abstention (out-of-scope questions left unanswered) / wrong (in-scope questions answered with a "
        "wrong entry).",
        "The baselines have no notion of \"no match\": each gets the abstention threshold on its score that gets "
        "most dev questions right (shown), which favours them on the dev set.",
        "",
        "| system | threshold | " + " | ".join(f"{name} (top-1 / abst. / wrong)" for name in QUALITY_SETS) + " |",
        "|---|---|" + "---|" * len(QUALITY_SETS),
    ]
    systems = {name: r for name, r in q.items() if not name.startswith("_")}
    for name, r in systems.items():
        t = "—" if r["threshold"] is None else f"{r['threshold']:.2f}"
        cells = [f"{r[s]['top1']:.2f} / {r[s]['abstain']:.2f} / {r[s]['wrong']:.2f}" for s in QUALITY_SETS]
        lines.append(f"| {name} | {t} | " + " | ".join(cells) + " |")
    margins = []
    for s in QUALITY_SETS:
        ours = systems["faqbot (ours)"][s]["top1"]
        best = max(r[s]["top1"] for r in systems.values() if r["threshold"] is not None)
        margins.append(f"{s} {ours:.2f} vs {best:.2f} (+{ours - best:.2f})")
    lines += ["", "Top-1, ours against the best baseline: " + "; ".join(margins) + ".", ""]
    from .quality import section

    lines += [section(st["sentence"]), ""]
    lines += [
        "## Latency and memory by knowledge-base size",
        "",
        "Generated knowledge bases (`benchmarks/generate.py`) keep the 18 real entries and add entries derived from "
        "them: paraphrase fragments recombined, words swapped for synonyms of `knowledge/vocabulary.yaml`, and a "
        "product name, site, department, contract number or user count in every text. Each topic recurs in "
        "thousands of entries, which is the hard case for an index. Questions: the questions of the labelled sets above plus "
        "200 new variants written like the generated entries. Latency is per `Matcher.match()` call in a process "
        "that loaded the knowledge base and matcher from the cache format (as `faqbot ask` does from its cache); peak memory is "
        "that process's maximum resident set. Build: `Matcher(kb)` from the loaded entries.",
        "",
        "| entries | questions | median ms | p99 ms | peak MB (serving) | build s | peak MB (building) | load s | BM25 median / p99 ms | WRatio median / p99 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        s = r["serve"]
        bm = r.get("BM25 (question + answer)")
        fz = r.get("rapidfuzz WRatio (questions)")
        bm_s = f"{bm['median']:.2f} / {bm['p99']:.2f}" if bm else "not run"
        fz_s = f"{fz['median']:.2f} / {fz['p99']:.2f}" if fz else "not run"
        lines.append(f"| {_fmt_size(r['size'])} | {r['queries']} | {s['median']:.2f} | {s['p99']:.2f} | {s['peak_mb']:.0f} | "
                     f"{r['build_s']:.1f} | {r['build_peak_mb']:.0f} | {s['load_s']:.2f} | {bm_s} | {fz_s} |")
    lines += ["", f"![latency against knowledge-base size]({plot.name})", ""]
    lines += startup_section(st)
    return "\n".join(lines)


def startup_section(st: dict, alone: bool = False) -> list[str]:
    """The start-up section of docs/benchmarks.md, from `startup`'s figures (`alone`: re-timed by `--startup-only`)."""
    from .startup import BARE

    med, cpu = st["median_ms"], st["cpu_ms"]
    base = med["python -c 'import yaml'"]
    lines = [
        "## Start-up",
        "",
        f"Fresh processes, medians of {st['repeat']} alternating runs, all timed by one function "
        "(`benchmarks/startup.py`, which `python -m benchmarks.quality` uses too): this tree's code with its "
        "bytecode written, the default cache folder (a temporary `XDG_CACHE_HOME`) filled by one untimed run of "
        "each command, the same folder and environment for every command. Wall time, and the process's CPU time "
        "(user + system), which other work on the machine disturbs less. The chat's first screen is timed until "
        "Textual's `run_test()` has mounted the app with the bundled knowledge base loaded (`build_app`, as "
        "`faqbot` starts it). Until round 17 the two benchmarks timed different things: `benchmarks.run` "
        "`ask --json` (the matcher alone) after writing bytecode, `benchmarks.quality` the readable `ask` (which also "
        "decodes the knowledge base and renders it) with the installed `faqbot`, i.e. the editable install's tree, "
        "in 7 runs; and a tree without `__pycache__` under PYTHONDONTWRITEBYTECODE compiled every module at each "
        "run. Hence 1.58× against 2.07× on 92ecfc6."
        + (" The machine's load average (1 minute) was {:.1f} before and {:.1f} after the timing, on {} cores: "
           "other work slows every command, and the larger processes more.".format(*st["load"], os.cpu_count())
           if "load" in st else ""),
        "",
        f"| command | median ms | × `import yaml` | × `{BARE}` | CPU ms |",
        "|---|---|---|---|---|",
    ]
    for name, v in med.items():
        cpu_ms = f"{cpu[name]:.0f}" if cpu.get(name) else "—"
        lines.append(f"| `{name}` | {v:.0f} | {v / base:.2f} | {v / med[BARE]:.2f} | {cpu_ms} |")
    note = ["", "Re-timed alone (`python -m benchmarks.run --startup-only`), later than the rest of this page."] if alone else []
    return [*lines, "", st["sentence"], *note, ""]


def splice_startup(doc: str, readme: str, st: dict) -> tuple[str, str]:
    """Return docs/benchmarks.md and the README with only the start-up figures replaced by `st`'s
    (`--startup-only`): the start-up section, the quality section's speed line, the README's first figure."""
    section = "\n".join(startup_section(st, alone=True))
    start = doc.find("## Start-up\n")
    end = doc.find("\n## ", start + 1)
    if start >= 0:
        doc = doc[:start] + section + (doc[end:] if end >= 0 else "\n")
    doc = re.sub(r"^Speed[ :].*$", lambda _m: "Speed: " + st["sentence"], doc, count=1, flags=re.M)
    first = readme_ask_line(st)
    readme = re.sub(r"^- `faqbot ask` one question: .*$", lambda _m: first, readme, count=1, flags=re.M)
    return doc, readme


def draw(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    sizes = [r["size"] for r in rows]
    ax.plot(sizes, [r["serve"]["median"] for r in rows], "o-", color="tab:blue", label="faqbot median")
    ax.plot(sizes, [r["serve"]["p99"] for r in rows], "o--", color="tab:blue", label="faqbot p99")
    for name, color in (("BM25 (question + answer)", "tab:orange"), ("rapidfuzz WRatio (questions)", "tab:green")):
        pts = [(r["size"], r[name]) for r in rows if name in r]
        if pts:
            ax.plot([p[0] for p in pts], [p[1]["median"] for p in pts], "s-", color=color, label=f"{name} median")
            ax.plot([p[0] for p in pts], [p[1]["p99"] for p in pts], "s--", color=color, label=f"{name} p99")
    ax.axhline(10, color="grey", lw=0.8, ls=":")
    ax.axhline(50, color="grey", lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("entries in the knowledge base")
    ax.set_ylabel("ms per question")
    ax.set_title("Latency per question against knowledge-base size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path)


README_START = "<!-- figures: written by python -m benchmarks.run; do not edit -->"
README_END = "<!-- end of figures -->"


def readme_ask_line(st: dict) -> str:
    """The README's figure of `faqbot ask` (one question, and the batch), from `startup`'s figures."""
    from .startup import ASK, ASK_JSON, BARE, per_question

    med = st["median_ms"]
    ask, bare, n = med[ASK], med[BARE], st["batch_n"]
    return (f"- `faqbot ask` one question: {ask:.0f} ms, **{ask / bare:.2f}×** `python -c \"import yaml, rapidfuzz.process\"` "
            f"({bare:.0f} ms; target at most 2×; with `--json` {med[ASK_JSON] / bare:.2f}×). The batch (`ask --json -`) of "
            f"{n} distinct questions: {per_question(med, n):.2f} ms a question after the first (target at most 0.5 ms)."
            + (" At a load average of {:.0f} to {:.0f} on {} cores.".format(*st["load"], os.cpu_count()) if "load" in st else ""))


def readme_figures(q: dict, rows: list[dict], st: dict) -> str:
    """The README's headline figures of this run, as a Markdown list."""
    med = st["median_ms"]
    chat, yaml_ms = med["faqbot chat, first screen"], med["python -c 'import yaml'"]
    ours = q["faqbot (ours)"]
    baselines = {name: r for name, r in q.items() if not name.startswith("_") and r["threshold"] is not None}
    best = max(baselines, key=lambda name: sum(baselines[name][s]["top1"] for s in QUALITY_SETS))
    cells = "; ".join(f"{s} {ours[s]['top1']:.2f} / {ours[s]['abstain']:.2f} / {ours[s]['wrong']:.2f}" for s in QUALITY_SETS)
    base_cells = "; ".join(f"{s} {baselines[best][s]['top1']:.2f}" for s in QUALITY_SETS)
    lines = [
        readme_ask_line(st),
        f"- The chat's first screen: {chat:.0f} ms ({chat / yaml_ms:.2f}× `import yaml`).",
        f"- Quality, top-1 / abstention / wrong answers: {cells}. The best plain baseline ({best}) reaches top-1 "
        f"{base_cells}. Every fresh set's figures, calibration and the first scores: docs/benchmarks.md and "
        "`benchmarks/sets/README.md`.",
    ]
    for r in rows:
        s = r["serve"]
        lines.append(f"- {_fmt_size(r['size'])} entries: {s['median']:.2f} / {s['p99']:.2f} ms a question (median / p99), "
                     f"serving peaks at {s['peak_mb']:.0f} MB, building takes {r['build_s']:.1f} s.")
    lines.append("- Triage throughput and the web chat under load: [docs/benchmarks.md](docs/benchmarks.md), same run.")
    return "\n".join(lines)


def splice_readme(readme: str, figures: str) -> str:
    """Return the README with the text between its figure markers replaced (unchanged without markers)."""
    start, end = readme.find(README_START), readme.find(README_END)
    if start < 0 or end < start:
        return readme
    return readme[:start + len(README_START)] + "\n" + figures + "\n" + readme[end:]


def _subprocess_sections(conversations: int) -> str:
    """Run the triage and web benchmarks in their own processes; return their sections."""
    out = ["", "## Triage throughput", "",
           "`python -m benchmarks.bench_triage --sizes 10000,100000 --repeat 3` (medians):", "", "```"]
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_triage", "--sizes", "10000,100000", "--repeat", "3"],
                          cwd=ROOT, capture_output=True, text=True)
    out += [done.stdout.strip() or done.stderr.strip()[-400:], "```", ""]
    if conversations:
        out += ["## Web chat under load", "",
                f"`python -m benchmarks.web_load --conversations {conversations} --markdown` (needs "
                "`pip install -e '.[webtest]'`): one `faqbot serve` process on loopback, conversations started "
                "at once from one asyncio client on the same machine; each opens the page, asks, runs the "
                "missing-mail diagnosis to its result and downloads the summary, then every conversation is "
                "reloaded and must show each of its messages.", ""]
        done = subprocess.run([sys.executable, "-m", "benchmarks.web_load", "--conversations", str(conversations),
                               "--markdown"], cwd=ROOT, capture_output=True, text=True)
        out += [done.stdout.strip() if done.returncode == 0 else f"(not run: {done.stdout.strip()[-300:]})", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000", help="generated sizes, besides the bundled knowledge base")
    ap.add_argument("--repeat", type=int, default=15, help="runs of each start-up command")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    ap.add_argument("--web-conversations", type=int, default=500, help="web load test size (0: skip)")
    ap.add_argument("--plot", default=str(ROOT / "docs" / "latency.png"))
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--pickle", help=argparse.SUPPRESS)
    ap.add_argument("--serve", help=argparse.SUPPRESS)
    ap.add_argument("--startup-only", action="store_true",
                    help="time the start-up only and replace only its figures in docs/benchmarks.md and the README")
    a = ap.parse_args(argv)
    if a.worker is not None:
        print(json.dumps(worker(a.worker, a.pickle)))
        return 0
    if a.serve:
        print(json.dumps(serve(a.serve)))
        return 0
    if a.startup_only:
        st = startup(a.repeat)
        out, readme = Path(a.out), ROOT / "README.md"
        doc, text = splice_startup(out.read_text(encoding="utf-8"), readme.read_text(encoding="utf-8"), st)
        out.write_text(doc, encoding="utf-8")
        readme.write_text(text, encoding="utf-8")
        print("\n".join(startup_section(st, alone=True)))
        return 0
    print("quality ...", file=sys.stderr)
    q = quality()
    print("scaling ...", file=sys.stderr)
    rows = scaling([0] + [int(s) for s in a.sizes.split(",") if s])
    print("start-up ...", file=sys.stderr)
    st = startup(a.repeat)
    print("triage and web chat ...", file=sys.stderr)
    extra = _subprocess_sections(a.web_conversations)
    plot = Path(a.plot)
    draw(rows, plot)
    text = report(q, rows, st, plot) + extra
    Path(a.out).write_text(text, encoding="utf-8")
    readme = ROOT / "README.md"
    readme.write_text(splice_readme(readme.read_text(encoding="utf-8"), readme_figures(q, rows, st)), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
