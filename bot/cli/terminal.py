"""The terminal's width, as `shutil.get_terminal_size()` gives it, without importing shutil.

Importing shutil (with bz2, lzma and zlib) costs every start of a command a few ms; the
help formatter and the readable answers only need the width.
"""

from __future__ import annotations

import os
import sys

__all__ = ["columns"]


def columns(fallback: int = 80) -> int:
    """Return the terminal's columns: $COLUMNS when a positive number, else standard output's
    terminal's, else `fallback`."""
    try:
        width = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        width = 0
    if width > 0:
        return width
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or fallback  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return fallback
