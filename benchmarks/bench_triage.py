#!/usr/bin/env python3
"""Throughput and memory of `faqbot triage` on JSON Lines.

    .venv/bin/python benchmarks/bench_triage.py                  # 10k and 100k tickets, 3 runs each
    .venv/bin/python benchmarks/bench_triage.py --sizes 2000 --repeat 1

Each run is a fresh process (`faqbot triage FILE --json`, output to /dev/null) that
reports its own peak RSS via resource.getrusage; figures are medians over the runs.
Tickets are generated from typical German and English templates (addresses, dates,
yes/no statements, out-of-scope questions), each one different. Bars: at least
1,000 tickets a second, and a peak RSS on 100k tickets within 1.25x of 10k
(the file is streamed, never loaded whole).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TEMPLATES = [
    "Hallo, unser OSM ist {name}@outlook.com. Wir haben E3 bestellt, aber es kam keine Aktivierungs-E-Mail. Viele Grüße {first}",
    "Guten Tag, wir haben am {dd}.{mm}.2026 gekauft und wollten jetzt aktivieren, aber der Link geht nicht mehr.",
    "Nach unserer Vertragsverlängerung stehen alle Abos doppelt im Portal. Ist das ein Fehler? Gruß {first}",
    "Guten Tag, wie ändere ich die Lieferadresse für unsere Hardwarebestellung Nr. {n}?",
    "Hi, our OSM address is {name}@{dom} and we never got the activation email. The usage start date is {month} {d}, 2026. Thanks, {first}",
    "Hallo, keine Aktivierungsmail bekommen. Die Domäne ist bereits verifiziert. Im Junk-Ordner haben wir nachgesehen.",
    "Licenses are not showing in the admin portal after activation. It's an add-on. Regards, {first}",
    "Ich bin OSM und kann keine Reservierungen im VLSC anlegen. Warum? Ticket {n}",
    "Hallo,\n\nwir warten seit Tagen auf die Aktivierungsmail für Vertrag {n}. Spam haben wir noch nicht geprüft.\n\nMit freundlichen Grüßen\n{first} {last}\n{name}@{dom}",
    "Wie kann ich unser Abo kündigen? Wir haben es per Kreditkarte bezahlt. Kunde {n}",
]
FIRST = ["Anna", "Jan", "John", "Maria", "Paul", "Eva", "Tom", "Lena"]
LAST = ["Meier", "Schulz", "Smith", "Klein", "Wagner", "Brown"]
DOMAINS = ["firma.de", "contoso.com", "beispiel-ag.de", "outlook.com", "fabrikam.com"]
MONTHS = ["January", "March", "June", "December"]


def make_file(path: Path, count: int, seed: int = 1) -> None:
    """Write `count` typical tickets as JSON Lines."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            text = rnd.choice(TEMPLATES).format(
                name=f"{first.lower()}.{last.lower()}{i % 97}", first=first, last=last, dom=rnd.choice(DOMAINS),
                dd=f"{rnd.randint(1, 28):02d}", mm=f"{rnd.randint(1, 12):02d}", n=100000 + i,
                month=rnd.choice(MONTHS), d=rnd.randint(1, 28))
            fh.write(json.dumps({"id": f"B-{i}", "text": text}, ensure_ascii=False) + "\n")


CHILD = r"""
import resource, sys, time, os
sys.argv = ["faqbot", "triage", sys.argv[1], "--json", "--today", "2026-11-24"] + sys.argv[2:]
out = open(os.devnull, "w")
sys.stdout = out
from bot.cli.main import main
t = time.perf_counter()
rc = main()  # as the faqbot script calls it: the command is the whole process
secs = time.perf_counter() - t
sys.stdout = sys.__stdout__
print(secs, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, rc)
"""


def run_once(path: Path, extra: list[str]) -> tuple[float, int]:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), *extra], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise SystemExit(f"triage run failed: {proc.stderr.strip()[-400:]}")
    secs, rss, rc = proc.stdout.split()
    if rc != "0":
        raise SystemExit(f"triage exited {rc}: {proc.stderr.strip()[-400:]}")
    return float(secs), int(rss)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="ticket counts, comma-separated")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size (median reported)")
    ap.add_argument("--kb", help="knowledge base folder (default: the bundled one)")
    a = ap.parse_args()
    extra = ["--kb", a.kb] if a.kb else []
    sizes = [int(s) for s in a.sizes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        run_once(_warm(Path(tmp)), extra)  # fill the knowledge base cache first
        for n in sizes:
            path = Path(tmp) / f"tickets-{n}.jsonl"
            make_file(path, n)
            runs = [run_once(path, extra) for _ in range(a.repeat)]
            secs = statistics.median(r[0] for r in runs)
            rss = statistics.median(r[1] for r in runs)
            results[n] = (secs, rss)
            print(f"{n:>7} tickets  {secs:7.2f} s  {n / secs:8.0f} tickets/s  peak RSS {rss / 1024:7.1f} MiB "
                  f"(median of {a.repeat}; file {path.stat().st_size / 1e6:.1f} MB)")
    ok = all(n / s >= 1000 for n, (s, _) in results.items())
    if len(sizes) >= 2:
        lo, hi = results[min(sizes)][1], results[max(sizes)][1]
        ratio = hi / lo
        print(f"peak RSS {max(sizes)} vs {min(sizes)}: x{ratio:.2f}")
        ok = ok and ratio <= 1.25
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def _warm(folder: Path) -> Path:
    path = folder / "warm.jsonl"
    make_file(path, 10)
    return path


if __name__ == "__main__":
    sys.exit(main())
