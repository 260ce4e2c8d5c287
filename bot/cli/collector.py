"""The garbage collector during a command: what lives as long as the run (the knowledge base, its matcher) is
built with the collector paused and then frozen, and a batch collects less often, all undone when the command
ends. A command that is the whole process (`faqbot ask` from a shell, `for_the_process`) also pauses it from its
start to that load, keeps the batch's setting to its end, and leaves the interpreter's exit nothing to collect."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["BATCH_THRESHOLDS", "for_the_process", "loaded", "released", "streaming"]

T = TypeVar("T")

BATCH_THRESHOLDS = (100_000, 50, 50)
"""The collector's thresholds while a batch streams through: an item's work leaves next to no cycles behind (the
passes of a batch free nothing), so the default (every 700 new objects) only has the collector look at live
objects again and again; what a batch keeps (its remembered texts and states) is looked at once per 100,000."""

_process: set[str] = set()
"""The run's state: "owned" once `for_the_process` was called; "paused" from then to the next `loaded`."""


def for_the_process() -> None:
    """Set the collector for a command that is the whole process (called only where the process ends with it).

    The collector is paused until `loaded` has loaded what lives as long as the run (importing the command's
    modules makes no garbage cycles worth a pass); nothing is undone when the command ends (`released` and
    `streaming` leave the collector as it is: no one runs after it); and at exit everything is frozen first, so
    the interpreter's own passes over every object still alive, only to free memory the process's end frees
    anyway, find nothing to walk. Objects are still freed by reference counting as the modules are torn down.
    """
    if "owned" not in _process:
        _process.add("owned")
        if gc.isenabled():
            gc.disable()
            _process.add("paused")
        atexit.register(_exit_frozen)


def _exit_frozen() -> None:
    gc.disable()
    gc.freeze()


def loaded(load: Callable[[], T]) -> T:
    """`load()`, with the collector paused while it builds what lives as long as the run (it makes no garbage
    cycles worth a pass), which is then frozen: the collector never looks at it again, until `released()`."""
    enabled = gc.isenabled() or "paused" in _process
    _process.discard("paused")
    gc.disable()
    try:
        return load()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def released() -> None:
    """Let the collector look at what `loaded` froze again (a command run in a longer process, as in tests)."""
    if "owned" not in _process:
        gc.unfreeze()


@contextmanager
def streaming() -> Iterator[None]:
    """Collect garbage less often while the block streams a batch through (`BATCH_THRESHOLDS`)."""
    before = gc.get_threshold()
    gc.set_threshold(*BATCH_THRESHOLDS)
    try:
        yield
    finally:
        if "owned" not in _process:
            gc.set_threshold(*before)
