"""Load test of `faqbot serve` on loopback: many concurrent conversations against one process.

    python -m benchmarks.web_load [--conversations 500] [--no-store] [--markdown]

Starts one server (`faqbot serve` on a free 127.0.0.1 port, its own temporary data
directory, rate limits off), then runs N conversations at once from one asyncio client
(aiohttp, in the `webtest` extra). Each goes through the same eight steps a customer takes: open the page,
ask, open the diagnosis, type an e-mail address, type a date, answer yes/no questions
with the buttons until the result, download the summary. Steps are posted as the
page's script posts them (X-Requested-With: faqbot: the page comes back in the same
round trip). Reports p50/p99 per step,
the server's resident memory per idle conversation (RSS after all conversations, less
RSS before, over N), and checks that nothing was lost: every conversation ends in its
result, a reload shows every message, and the server keeps exactly N conversations.
Bounded: N ≤ 2000, loopback only, a time limit per request and for the whole run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

__all__ = ["main"]

MAX_CONVERSATIONS = 2000
RUN_TIMEOUT = 600.0
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _fields(html: str, suffix: str) -> dict[str, str]:
    forms = re.findall(r'<form[^>]*action="[^"]*' + re.escape(suffix) + r'"[^>]*>(.*?)</form>', html, re.S)
    if not forms:
        raise AssertionError(f"no form posting to {suffix}")
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', forms[-1]))


def _button(html: str, label: str) -> str | None:
    found = re.findall(r'name="option" value="(\d+)"[^>]*>\s*' + re.escape(label) + r"\s*</button>", html)
    return found[-1] if found else None


class Run:
    """The timings of every step, and what went wrong."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.failures: list[str] = []

    async def timed(self, step: str, call):  # noqa: ANN001
        start = time.perf_counter()
        response = await call
        self.times[step].append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise AssertionError(f"{step}: HTTP {response.status_code}")
        return response


async def conversation(client, run: Run, n: int) -> tuple[str, int] | None:  # noqa: ANN001
    """One customer's conversation; returns (its URL, messages typed or picked)."""
    try:
        page = await run.timed("open", client.get("/?lang=de"))
        url = page.path
        html = page.text
        typed = 0

        async def post(step: str, suffix: str, **data: str) -> str:
            nonlocal typed
            typed += 1
            r = await run.timed(step, client.post(url + suffix, data={**_fields(html, suffix), **data},
                                                  headers={"X-Requested-With": "faqbot"}))
            return r.text

        html = await post("ask", "/say", text=f"Ich habe die Aktivierungsmail nicht erhalten ({n})")
        typed -= 1  # the answer card is not a message of the user's
        html = await post("start diagnosis", "/pick", option=_button(html, "Diagnose starten") or "")
        typed -= 1
        html = await post("type e-mail", "/say", text=f"admin{n}@firma{n}.de")
        html = await post("type date", "/say", text="01.01.2026")
        for _ in range(12):
            if "Ergebnis:" in html:
                break
            html = await post("answer yes/no", "/pick", option=_button(html, "Ja") or "")
        if "Ergebnis:" not in html:
            raise AssertionError("no result after 12 answers")
        summary = await run.timed("download summary", client.get(url + "/summary.md"))
        if f"admin{n}@firma{n}.de" not in summary.text:
            raise AssertionError("summary lacks the conversation's own address")
        return url, typed + 1
    except Exception as exc:  # noqa: BLE001  (a failed conversation is counted, not fatal)
        run.failures.append(f"conversation {n}: {type(exc).__name__}: {exc}")
        return None


async def verify(client, url: str, n: int, typed: int) -> str | None:  # noqa: ANN001
    """Reload a finished conversation: every typed message and the result must be there."""
    html = (await client.get(url)).text
    messages = len(re.findall(r'<li class="msg user', html))
    if messages != typed or "Ergebnis:" not in html or f"admin{n}@firma{n}.de" not in html:
        return f"conversation {n}: reload shows {messages} of {typed} messages"
    return None


class _Reply:
    """What a step needs of a response."""

    def __init__(self, status_code: int, text: str, path: str) -> None:
        self.status_code = status_code
        self.text = text
        self.path = path


class _Client:
    """A small async HTTP client on aiohttp (its connection pool stays fast with hundreds of
    connections, so the figures are the server's and not the client's)."""

    def __init__(self, base: str, count: int) -> None:
        import aiohttp

        self.base = base
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=count), timeout=aiohttp.ClientTimeout(total=120))

    async def get(self, path: str) -> _Reply:
        async with self.session.get(self.base + path) as r:
            return _Reply(r.status, await r.text(), r.url.path)

    async def post(self, path: str, data: dict[str, str], headers: dict[str, str]) -> _Reply:
        async with self.session.post(self.base + path, data=data, headers=headers) as r:
            return _Reply(r.status, await r.text(), r.url.path)

    async def __aenter__(self) -> _Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()


async def drive(base: str, count: int) -> tuple[Run, list[str], float]:
    run = Run()
    async with _Client(base, count) as client:
        start = time.perf_counter()
        done = await asyncio.gather(*(conversation(client, run, n) for n in range(count)))
        wall = time.perf_counter() - start
        checks = await asyncio.gather(*(verify(client, got[0], n, got[1]) for n, got in enumerate(done) if got))
    return run, [c for c in checks if c], wall


def _health(base: str) -> dict:
    import json
    import urllib.request

    with urllib.request.urlopen(base + "/healthz", timeout=5) as r:  # noqa: S310  (our loopback server)
        return json.loads(r.read())


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def main(argv: list[str] | None = None) -> int:
    """Run the load test; print the figures (as a Markdown table with --markdown)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web_load")
    parser.add_argument("--conversations", type=int, default=500)
    parser.add_argument("--no-store", action="store_true", help="conversations in the server's memory")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    count = max(1, min(args.conversations, MAX_CONVERSATIONS))
    port = _free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "FAQBOT_DATA_DIR": tmp}
        cmd = [sys.executable, "-m", "bot", "serve", "--host", HOST, "--port", str(port), "--client-rate", "0",
               "--conversation-rate", "0", "--today", "2026-11-24"] + (["--no-store"] if args.no_store else [])
        server = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    _health(base)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("web_load: the server did not start") from None
                    time.sleep(0.1)
            asyncio.run(asyncio.wait_for(drive(base, 3), RUN_TIMEOUT))  # warm up: templates, caches
            before = _rss_kb(server.pid)
            cpu = _cpu_s(server.pid)
            run, lost, wall = asyncio.run(asyncio.wait_for(drive(base, count), RUN_TIMEOUT))
            time.sleep(1.0)
            after = _rss_kb(server.pid)
            cpu = _cpu_s(server.pid) - cpu
            kept = _health(base)["conversations"] - 3
        finally:
            server.terminate()
            server.wait(10)
    failures = run.failures + lost
    requests = sum(len(v) for v in run.times.values())
    store = "memory (--no-store)" if args.no_store else "sqlite3 file"
    per_conv_kb = max(0, after - before) / count
    if args.markdown:
        print(f"{count} concurrent conversations, one server process, store: {store}; "
              f"{requests} requests in {wall:.1f} s ({requests / wall:.0f} requests/s); "
              f"server CPU {cpu / requests * 1000:.1f} ms per request.\n")
        print("| step | requests | p50 ms | p99 ms |\n|---|---|---|---|")
        for step, values in run.times.items():  # in the order first seen
            print(f"| {step} | {len(values)} | {statistics.median(values):.0f} | {_pct(values, 0.99):.0f} |")
        print(f"\nServer RSS {before / 1024:.0f} MB before, {after / 1024:.0f} MB after: "
              f"{per_conv_kb:.1f} KB per idle conversation. Conversations kept: {kept} of {count}; "
              f"failed or lost: {len(failures)}.")
    else:
        for step, values in run.times.items():  # in the order first seen
            print(f"{step:18} n={len(values):5}  p50 {statistics.median(values):7.1f} ms  p99 {_pct(values, 0.99):7.1f} ms")
        print(f"server CPU {cpu:.1f} s = {cpu / requests * 1000:.1f} ms per request")
        print(f"wall {wall:.1f} s, {requests} requests; RSS {before} -> {after} KB = {per_conv_kb:.1f} KB/conversation; "
              f"kept {kept}/{count}; failures {len(failures)}")
    for failure in failures[:10]:
        print("  " + failure, file=sys.stderr)
    return 1 if failures or kept != count else 0


if __name__ == "__main__":
    raise SystemExit(main())
