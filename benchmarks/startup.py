"""Start-up timing shared by every benchmark: one way to time a fresh `faqbot` process.

Every start-up figure in docs/benchmarks.md and the README comes from `measure`, which
times each command the same way:

- the code of this tree (`python -c` from the project root, so an editable install of
  another tree never answers), its bytecode written first (`compile_tree`), as an install
  leaves it: with PYTHONDONTWRITEBYTECODE and no `__pycache__`, every run would compile
  each module again, and a tree's figures would depend on where it lives;
- the user's default cache folder (no FAQBOT_CACHE_DIR; XDG_CACHE_HOME a temporary folder),
  filled by one untimed run of each command first, as a user has it from the second run on;
- the same working folder and environment for every command, the bare interpreter included;
- the commands alternated `repeat` times, so drift on the machine hits each alike; per run
  the wall time around the child and the child's CPU time (user + system); medians.

The bar of issue 13 is `ASK` (the readable answer of one question, what a user types;
it reads the knowledge base's texts besides the matcher) against `BARE`; `ASK_JSON` needs
the matcher only.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["ASK", "ASK_JSON", "BARE", "BATCH", "QUESTION", "Command", "Timings", "ask_commands", "batch_questions",
           "bar_sentence", "compile_tree", "faqbot", "measure", "per_question", "python"]

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Wer erhält die Aktivierungs-E-Mail?"
"""The one question the start-up commands ask (answered: the knowledge base's answer is read)."""
BARE = "python -c 'import yaml, rapidfuzz.process'"
ASK = "faqbot ask (one question)"
ASK_JSON = "faqbot ask --json (one question)"
BATCH = "faqbot ask --json - (batch)"
BATCH_SETS = ("questions_tune.yaml", "questions_long.yaml")
"""The sets whose distinct questions make the batch (none repeated, so no per-text memo helps)."""
_LAUNCH = "import sys; sys.argv[0] = 'faqbot'; from bot.cli import main; sys.exit(main())"


@dataclass(frozen=True)
class Command:
    """One command to time.

    Attributes:
        argv: The command line.
        stdin: Text sent to its standard input, or None.
        until: A line prefix on its standard output that ends the timing (the process is then
            waited for, untimed), or None to time the whole process.
    """

    argv: tuple[str, ...]
    stdin: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class Timings:
    """Medians of one `measure` run, by command name.

    Attributes:
        wall_ms: Median wall time of a run.
        cpu_ms: Median CPU time (user + system) of a run's process; 0.0 for a command timed `until`.
        repeat: Runs of each command.
    """

    wall_ms: dict[str, float]
    cpu_ms: dict[str, float]
    repeat: int


def python(code: str) -> tuple[str, ...]:
    """The command line running `code` in this interpreter."""
    return (sys.executable, "-c", code)


def faqbot(*args: str) -> tuple[str, ...]:
    """The command line of `faqbot ARGS` on this tree's code."""
    return (*python(_LAUNCH), *args)


def batch_questions() -> list[str]:
    """The distinct questions of `BATCH_SETS`, in file order."""
    seen: dict[str, None] = {}
    for name in BATCH_SETS:
        data = yaml.safe_load((ROOT / "benchmarks" / "sets" / name).read_text(encoding="utf-8"))
        for row in data.get("queries") or data.get("questions") or []:
            seen.setdefault(" ".join(str(row["q"]).split()), None)
    return list(seen)


def ask_commands(batch: list[str]) -> dict[str, Command]:
    """The commands of the bars of issue 13: the bare import, one question (readable and JSON), the batch."""
    return {
        BARE: Command(python("import yaml, rapidfuzz.process")),
        ASK: Command(faqbot("ask", QUESTION)),
        ASK_JSON: Command(faqbot("ask", "--json", QUESTION)),
        BATCH: Command(faqbot("ask", "--json", "-"), "\n".join(batch) + "\n"),
    }


def compile_tree() -> None:
    """Write the bytecode of `faq/` and `bot/`, as an install does."""
    for package in ("faq", "bot"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def _environment(cache_home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FAQBOT_CACHE_DIR", "FAQBOT_NO_CACHE")}
    env["XDG_CACHE_HOME"] = cache_home  # the default cache folder, as a user has it, in a temporary place
    return env


def _run(command: Command, env: dict[str, str]) -> tuple[float, float]:
    """Run `command` once; return (wall ms, CPU ms; 0.0 CPU when timed `until`)."""
    started = time.perf_counter()
    if command.until is None:
        child = subprocess.Popen(command.argv, stdin=subprocess.DEVNULL if command.stdin is None else subprocess.PIPE,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env, text=True)
        if child.stdin is not None:
            child.stdin.write(command.stdin or "")
            child.stdin.close()
        _, status, usage = os.wait4(child.pid, 0)  # reaps the child and reads its CPU time
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise RuntimeError(f"{command.argv} exited {child.returncode}")
        return 1000 * wall, 1000 * (usage.ru_utime + usage.ru_stime)
    child = subprocess.Popen(command.argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=env,
                             text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(command.until):
            wall = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command.argv} ended before {command.until}")
    child.wait()
    return 1000 * wall, 0.0


def measure(commands: dict[str, Command], repeat: int) -> Timings:
    """Time each command `repeat` times, alternating, in fresh processes (see the module's text)."""
    compile_tree()
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as cache_home:
        env = _environment(cache_home)
        for command in commands.values():
            _run(command, env)  # fills the cache and the OS file cache
        for _ in range(repeat):
            for name, command in commands.items():
                wall, cpu = _run(command, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
    return Timings({n: statistics.median(v) for n, v in walls.items()},
                   {n: statistics.median(v) for n, v in cpus.items()}, repeat)


def per_question(wall_ms: dict[str, float], batch_size: int) -> float:
    """Milliseconds a question of the batch takes beyond one question's start-up (both JSON), from median wall times."""
    return max(wall_ms[BATCH] - wall_ms[ASK_JSON], 0.0) / max(batch_size - 1, 1)


def bar_sentence(timings: Timings, batch_size: int) -> str:
    """The bars of issue 13 in one sentence, as docs/benchmarks.md states them."""
    wall, cpu = timings.wall_ms, timings.cpu_ms
    bare = wall[BARE]
    return (f"`faqbot ask` one question {wall[ASK]:.0f} ms, **{wall[ASK] / bare:.2f}×** a bare "
            f"`{BARE}` ({bare:.0f} ms; bar: at most 2×; CPU {cpu[ASK] / cpu[BARE]:.2f}×); with `--json` "
            f"{wall[ASK_JSON]:.0f} ms, {wall[ASK_JSON] / bare:.2f}×. `ask --json -` on {batch_size} distinct questions: "
            f"{per_question(wall, batch_size):.3f} ms a question after start-up (bar: 0.5 ms). Medians of "
            f"{timings.repeat} alternating fresh runs (`benchmarks/startup.py`).")
