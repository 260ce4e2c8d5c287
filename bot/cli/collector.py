"""The garbage collector during a command: what lives as long as the run (the knowledge base, its matcher) is
built with the collector paused and then frozen, and a batch collects less often."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["BATCH_THRESHOLDS", "loaded", "released", "streaming"]

T = TypeVar("T")

BATCH_THRESHOLDS = (20_000, 50, 50)
"""The collector's thresholds while a batch streams through: an item's work leaves next to no cycles behind, so
the default (every 700 new objects) only has the collector look at live objects again and again."""


def loaded(load: Callable[[], T]) -> T:
    """`load()`, with the collector paused while it builds what lives as long as the run (it makes no garbage
    cycles worth a pass), which is then frozen: the collector never looks at it again, until `released()`."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return load()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def released() -> None:
    """Let the collector look at what `loaded` froze again (a command run in a longer process, as in tests)."""
    gc.unfreeze()


@contextmanager
def streaming() -> Iterator[None]:
    """Collect garbage less often while the block streams a batch through (`BATCH_THRESHOLDS`)."""
    before = gc.get_threshold()
    gc.set_threshold(*BATCH_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
