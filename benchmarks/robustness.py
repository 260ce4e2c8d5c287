#!/usr/bin/env python3
"""Figures for docs/robustness.md: no ticket lost, no cache run, start-up, redaction time.

    .venv/bin/python -m benchmarks.robustness                 # about 6 minutes on 2 shared cores
    .venv/bin/python -m benchmarks.robustness --files 200     # quicker, fewer files per kind

1. Readers, in process: `--files` generated files per kind (`benchmarks/fuzz_corpus.py`,
   seeds 0..n-1) with the readers' limits lowered to 5,000 (so over-long fields and lines
   are cheap to make); for each file, tickets + reported failures must equal its records,
   with no exception. Worst time and peak memory (tracemalloc) per file.
2. The command line: `--cli` files per kind through `faqbot triage --json` at the real
   limits: stdout lines + failure lines on stderr == records, exit 2 exactly when one
   failed, no traceback; worst wall time and peak RSS of a process. Then files at the
   real limits: a CSV field of 17 MB, an mbox with one 200 MB line.
3. The cache: hostile files planted under the cache's name (a pickle that would run code,
   a huge length, garbage, a directory, an empty file, a foreign class by name), then
   `faqbot ask` in a fresh process: it must answer, run no code and rebuild the cache.
4. Start-up: `faqbot ask` against `python -c "import yaml, rapidfuzz.process"`, medians of
   alternating runs, bytecode compiled as after an install, warm cache.
5. Redaction: the slowest of a set of adversarial texts at 20,000 and 160,000 characters.
"""

from __future__ import annotations

import argparse
import compileall
import io
import os
import pickle
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import fuzz_corpus  # noqa: E402

LIMIT = 5_000
KB = ROOT / "tests" / "fixtures" / "tickets" / "kb"


def _faqbot() -> list[str]:
    exe = Path(sys.executable).with_name("faqbot")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "bot"]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run a command under /usr/bin/time; return it (without time's line), its wall time and
    its own peak RSS in bytes (a forked child's own count would include this process)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M", *cmd], capture_output=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    lines = proc.stderr.split(b"\n")
    rss = 0
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and lines[-1].startswith(b"MAXRSS "):
        rss = int(lines.pop().split()[1]) * 1024
    if lines and lines[-1].startswith(b"Command exited with non-zero status"):
        lines.pop()
    proc.stderr = b"".join(line + b"\n" for line in lines)
    return proc, wall, rss


def _env(**extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "FAQBOT_NO_CACHE": "1", **extra}


# -- 1. readers in process ---------------------------------------------------------------------


def readers_in_process(files: int) -> dict[str, dict]:
    from faq.tickets import csvfile, readers
    from faq.tickets.readers import Ticket, TicketError, read_tickets

    csvfile.MAX_RECORD, readers._MAX_LINE = LIMIT, LIMIT
    makers = {"csv": lambda r: fuzz_corpus.make_csv(r, limit=LIMIT), "jsonl": lambda r: fuzz_corpus.make_jsonl(r, limit=LIMIT),
              "eml": fuzz_corpus.make_eml, "mbox": fuzz_corpus.make_mbox}
    out = {}
    for kind, make in makers.items():
        stats = {"files": 0, "records": 0, "tickets": 0, "reported": 0, "lost": 0, "exceptions": 0, "worst_ms": 0.0,
                 "worst_mb": 0.0, "bytes": 0}
        for seed in range(files):
            data, records = make(random.Random(seed))
            tracemalloc.start()
            start = time.perf_counter()
            try:
                items = list(read_tickets(io.BytesIO(data), f"f.{kind}"))
            except Exception:  # counted, never expected
                stats["exceptions"] += 1
                items = []
            elapsed = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            tickets = sum(isinstance(i, Ticket) for i in items)
            reported = sum(isinstance(i, TicketError) for i in items)
            stats["files"] += 1
            stats["records"] += records
            stats["tickets"] += tickets
            stats["reported"] += reported
            stats["lost"] += int(tickets + reported != records)
            stats["bytes"] += len(data)
            stats["worst_ms"] = max(stats["worst_ms"], 1000 * elapsed)
            stats["worst_mb"] = max(stats["worst_mb"], peak / 1e6)
        out[kind] = stats
    csvfile.MAX_RECORD, readers._MAX_LINE = 16_000_000, 1_000_000
    return out


# -- 2. the command line ----------------------------------------------------------------------------


def command_line(files: int) -> dict[str, dict]:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("csv", "jsonl", "eml", "mbox"):
            stats = {"files": 0, "records": 0, "wrong": 0, "tracebacks": 0, "bad_exit": 0, "worst_s": 0.0, "worst_rss_mb": 0.0}
            for seed in range(files):
                data, records = fuzz_corpus.make(kind, random.Random(10_000 + seed))
                path = Path(tmp) / f"f.{kind}"
                path.write_bytes(data)
                proc, wall, rss = _run([*_faqbot(), "triage", "--json", str(path), "--kb", str(KB)], _env())
                err = proc.stderr.decode("utf-8", "replace")
                failures = [line for line in err.splitlines() if line.startswith("faqbot:") and "ticket cut to" not in line]
                stats["files"] += 1
                stats["records"] += records
                stats["wrong"] += int(proc.stdout.count(b"\n") + len(failures) != records)
                stats["tracebacks"] += int("Traceback" in err or "internal error" in err)
                stats["bad_exit"] += int(proc.returncode != (2 if failures else 0))
                stats["worst_s"] = max(stats["worst_s"], wall)
                stats["worst_rss_mb"] = max(stats["worst_rss_mb"], rss / 1e6)
            out[kind] = stats
    return out


def at_the_limits() -> list[dict]:
    """Files at the real limits, one process each: what a user with a huge file sees."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "field.csv"
        with big.open("wb") as fh:
            fh.write(b"id,text\n1,keine Aktivierungsmail\n2,")
            fh.write(b"x" * 17_000_000)
            fh.write(b"\n3,Lizenzen doppelt\n")
        mbox = Path(tmp) / "line.mbox"
        with mbox.open("wb") as fh:
            fh.write(b"From a@b Mon Jan  1 00:00:00 2026\nFrom: a@b.de\nSubject: Lizenz\n\nHallo ")
            for _ in range(200):
                fh.write(b"x" * 1_000_000)
            fh.write(b"\n\nFrom c@d Mon Jan  1 00:00:00 2026\nFrom: c@d.de\nSubject: Mail\n\nkeine Aktivierungsmail\n")
        quote = Path(tmp) / "quote.csv"
        quote.write_text("id,text\n" + "\n".join(f'{i},"keine Mail {i}' if i == 5 else f"{i},Lizenz {i}"
                                                 for i in range(1, 10_001)) + "\n", encoding="utf-8")
        for path, what, records in ((big, "CSV with a 17 MB field in row 2 of 3", 3),
                                    (mbox, "mbox with one 200 MB line, 2 messages", 2),
                                    (quote, "10,000 CSV rows, unclosed quote in row 5", 10_000)):
            proc, wall, rss = _run([*_faqbot(), "triage", "--json", str(path), "--kb", str(KB)], _env())
            err = proc.stderr.decode("utf-8", "replace")
            failures = [line for line in err.splitlines() if line.startswith("faqbot:") and "ticket cut to" not in line]
            rows.append({"file": what, "records": records, "tickets": proc.stdout.count(b"\n"), "reported": len(failures),
                         "exit": proc.returncode, "seconds": wall, "rss_mb": rss / 1e6})
    return rows


# -- 3. the cache ---------------------------------------------------------------------------------


class _Planted:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def hostile_cache() -> list[dict]:
    from faq.search import cache

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cache"
        env = {"PATH": "/usr/bin:/bin", "FAQBOT_CACHE_DIR": str(folder)}
        question = [*_faqbot(), "ask", "Aktivierungsmail nicht bekommen"]
        subprocess.run(question, capture_output=True, env=env, cwd=ROOT, check=True)
        (path,) = folder.glob("kb-*.cache")
        marker = Path(tmp) / "code-ran"
        plants = {
            "a pickle that runs a command": pickle.dumps(_Planted(str(marker))),
            "a pickle with a length of 2**62": b"\x80\x05\x8e" + (2**62).to_bytes(8, "little"),
            "our header with a length of 2**62": cache.MAGIC + (2**62).to_bytes(8, "little"),
            "4 KB of random bytes": os.urandom(4096),
            "an empty file": b"",
            "a class named by the data": cache.MAGIC + (2).to_bytes(8, "little") + b"{}"
            + b'{"kb":{"@":"os.system","command":"true"},"matcher":{}}',
        }
        for what, data in [*plants.items(), ("a directory", None)]:
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
            if data is None:
                path.mkdir()
            else:
                path.write_bytes(data)
            proc = subprocess.run(question, capture_output=True, env=env, cwd=ROOT)
            rebuilt = path.is_file() and path.read_bytes().startswith(cache.MAGIC)
            rows.append({"plant": what, "exit": proc.returncode, "answered": b"Aktivierungs" in proc.stdout,
                         "code_ran": marker.exists(), "rebuilt": rebuilt})
    return rows


# -- 4. start-up -----------------------------------------------------------------------------------


def startup(repeat: int) -> dict:
    for package in ("faq", "bot"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = {"PATH": "/usr/bin:/bin", "FAQBOT_CACHE_DIR": tmp}
        cmds = {"base": [py, "-c", "import yaml, rapidfuzz.process"],
                "ask": [*_faqbot(), "ask", "Wer erhält die Aktivierungs-E-Mail?"]}
        for cmd in cmds.values():
            subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, check=True)
        times: dict[str, list[float]] = {k: [] for k in cmds}
        for _ in range(repeat):
            for name, cmd in cmds.items():
                start = time.perf_counter()
                subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, check=True)
                times[name].append(1000 * (time.perf_counter() - start))
    base, ask = statistics.median(times["base"]), statistics.median(times["ask"])
    return {"base_ms": base, "ask_ms": ask, "ratio": ask / base, "repeat": repeat}


# -- 5. redaction ------------------------------------------------------------------------------------


def redaction() -> list[dict]:
    from faq.tickets.redact import redact

    units = {"blanks after a closing": "Mit freundlichen Grüßen" + " \t" * 500 + "\n",
             "closings and initials": "Gruß\nA. ", "spelled 'at'": " at ", "bracketed (at)": "(at)",
             "spelled dots": "a dot ", "local-part letters": "a", "quotes": '"', "greetings": "Hallo Herr ",
             "addresses": "anna.meier@müller-gmbh.de "}
    rows = []
    redact("warm up")
    for what, unit in units.items():
        times = []
        for n in (20_000, 160_000):
            text = (unit * (n // len(unit) + 1))[:n]
            best = min(_timed(redact, text) for _ in range(5))
            times.append(best)
        rows.append({"text": what, "ms_20k": 1000 * times[0], "ms_160k": 1000 * times[1], "ratio": times[1] / times[0]})
    return rows


def _timed(fn, arg) -> float:
    start = time.process_time()
    fn(arg)
    return time.process_time() - start


# -- report ------------------------------------------------------------------------------------------


def report(args: argparse.Namespace) -> str:
    lines = [f"Run: `.venv/bin/python -m benchmarks.robustness --files {args.files} --cli {args.cli}` "
             f"({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, shared).", ""]
    print("readers ...", file=sys.stderr)
    rd = readers_in_process(args.files)
    lines += ["**Readers, in process** (limits lowered to 5,000 characters):", "",
              "| kind | files | records | tickets | reported | files with a record lost | exceptions | worst time | worst peak memory |",
              "|---|---|---|---|---|---|---|---|---|"]
    for kind, s in rd.items():
        lines.append(f"| {kind} | {s['files']:,} | {s['records']:,} | {s['tickets']:,} | {s['reported']:,} | {s['lost']} | "
                     f"{s['exceptions']} | {s['worst_ms']:.1f} ms | {s['worst_mb']:.1f} MB |")
    print("command line ...", file=sys.stderr)
    cl = command_line(args.cli)
    lines += ["", "**`faqbot triage --json`, one process per file** (real limits):", "",
              "| kind | files | records | files with a count off | tracebacks | wrong exit status | worst time | worst RSS |",
              "|---|---|---|---|---|---|---|---|"]
    for kind, s in cl.items():
        lines.append(f"| {kind} | {s['files']} | {s['records']:,} | {s['wrong']} | {s['tracebacks']} | {s['bad_exit']} | "
                     f"{s['worst_s']:.2f} s | {s['worst_rss_mb']:.0f} MB |")
    print("limits ...", file=sys.stderr)
    lines += ["", "**At the real limits:**", "", "| file | records | tickets | reported | exit | time | peak RSS |",
              "|---|---|---|---|---|---|---|"]
    for r in at_the_limits():
        lines.append(f"| {r['file']} | {r['records']:,} | {r['tickets']:,} | {r['reported']} | {r['exit']} | "
                     f"{r['seconds']:.2f} s | {r['rss_mb']:.0f} MB |")
    print("cache ...", file=sys.stderr)
    lines += ["", "**Hostile cache files** (then `faqbot ask` in a fresh process):", "",
              "| planted under the cache's name | exit | answered | code ran | cache rebuilt |", "|---|---|---|---|---|"]
    for r in hostile_cache():
        lines.append(f"| {r['plant']} | {r['exit']} | {'yes' if r['answered'] else 'NO'} | "
                     f"{'YES' if r['code_ran'] else 'no'} | {'yes' if r['rebuilt'] else 'NO'} |")
    print("start-up ...", file=sys.stderr)
    st = startup(args.repeat)
    lines += ["", f"**Start-up** (medians of {st['repeat']} alternating runs, warm cache): "
              f"`python -c \"import yaml, rapidfuzz.process\"` {st['base_ms']:.0f} ms, `faqbot ask` {st['ask_ms']:.0f} ms: "
              f"**{st['ratio']:.2f}×**.", ""]
    print("redaction ...", file=sys.stderr)
    lines += ["**Redaction time** (CPU time, best of 5):", "", "| text | 20,000 chars | 160,000 chars | ratio (8× the text) |",
              "|---|---|---|---|"]
    for r in redaction():
        lines.append(f"| {r['text']} | {r['ms_20k']:.1f} ms | {r['ms_160k']:.1f} ms | {r['ratio']:.1f} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--files", type=int, default=1000, help="generated files per kind, read in process")
    ap.add_argument("--cli", type=int, default=50, help="generated files per kind, through faqbot triage")
    ap.add_argument("--repeat", type=int, default=15, help="runs of each start-up command")
    print(report(ap.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
