"""Every record of a generated ticket file is a ticket or a reported failure (issue 15).

The files come from `benchmarks/fuzz_corpus.py`, drawn by hypothesis: CSV, JSON Lines,
.eml and mbox with well-formed and broken records mixed. For every file: tickets read +
failures reported == records, no exception, and the memory a file takes stays bounded.
The limits are lowered so over-long fields and lines are cheap to make.
"""

from __future__ import annotations

import io
import random
import re
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not installed

from benchmarks import fuzz_corpus
from faq.tickets import csvfile, readers
from faq.tickets.readers import Ticket, TicketError, read_tickets

LIMIT = 5_000


@pytest.fixture(autouse=True)
def small_limits(monkeypatch):
    monkeypatch.setattr(csvfile, "MAX_RECORD", LIMIT)
    monkeypatch.setattr(readers, "_MAX_LINE", LIMIT)


GENERATORS = {
    "f.csv": lambda rng: fuzz_corpus.make_csv(rng, limit=LIMIT),
    "f.jsonl": lambda rng: fuzz_corpus.make_jsonl(rng, limit=LIMIT),
    "f.eml": fuzz_corpus.make_eml,
    "f.mbox": fuzz_corpus.make_mbox,
}


@pytest.mark.parametrize("name", sorted(GENERATORS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_every_record_is_a_ticket_or_a_reported_failure(name, seed):
    data, records = GENERATORS[name](random.Random(seed))
    tracemalloc.start()
    try:
        items = list(read_tickets(io.BytesIO(data), name))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(isinstance(i, Ticket | TicketError) for i in items)
    assert len(items) == records, [str(i)[:80] for i in items if isinstance(i, TicketError)]
    assert all(i.where.startswith(f"{name}:") for i in items if isinstance(i, TicketError))
    assert peak < 64 * len(data) + 8_000_000


def test_a_corpus_through_the_command_line_has_no_traceback(tmp_path):
    import subprocess

    root = Path(__file__).resolve().parent.parent
    kb = root / "tests" / "fixtures" / "tickets" / "kb"
    for n, (name, make) in enumerate(sorted(GENERATORS.items())):
        data, records = make(random.Random(1500 + n))
        path = tmp_path / name
        path.write_bytes(data)
        proc = subprocess.run([sys.executable, "-m", "bot", "triage", "--json", str(path), "--kb", str(kb)],
                              capture_output=True, cwd=root, env={"FAQBOT_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
        err = proc.stderr.decode("utf-8", "replace")
        failures = [line for line in err.splitlines() if "ticket cut to" not in line]
        assert "Traceback" not in err and "internal error" not in err
        told = sum(int(m[1]) if (m := re.search(r": (\d+) unreadable lines", line)) else 1 for line in failures)
        assert proc.stdout.count(b"\n") + told == records, (name, err)  # a binary run is one message
        assert proc.returncode == (2 if failures else 0)
