"""The tuned numbers of the ticket reader and triage, loaded once from `knowledge/tickets/weights.yaml`
(through the JSON cache of `faq.language.datafiles`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from faq.language.datafiles import read_folder

__all__ = ["WEIGHTS_FILE", "TicketWeights", "ticket_file", "weights"]

WEIGHTS_FILE = Path(__file__).resolve().parent.parent.parent / "knowledge" / "tickets" / "weights.yaml"
if not WEIGHTS_FILE.parent.is_dir():  # installed: the knowledge folder is packaged as faq.knowledge
    WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "tickets" / "weights.yaml"


@cache
def _ticket_files() -> dict[str, Any]:
    return read_folder(WEIGHTS_FILE.parent)


def ticket_file(name: str) -> Any:
    """The parsed content of `knowledge/tickets/<name>` (the folder is read once), or None."""
    return _ticket_files().get(name)


@dataclass(frozen=True)
class TicketWeights:
    """The tuned numbers; their meaning is written beside each in the YAML file."""

    scan_units: int = 40
    max_units: int = 4
    sure: float = 0.5
    min_known: int = 2
    full_unit: int = 3
    override_unit: int = 4
    context_weight: float = 0.5
    question_chooses: float = 0.9
    clause_leans: float = 0.15
    settled_pull: float = 0.03
    facts_close: float = 0.02
    reply_facts: int = 2
    cue_slack: int = 7
    cue_near: int = 2
    example_reach: int = 1
    span_spread: float = 0.25
    since_reach: int = 366
    quote_chars: int = 160


@cache
def weights() -> TicketWeights:
    """Return the weights, loaded once.

    Raises:
        ValueError: The file names an unknown weight or gives a value of the wrong type.
    """
    if not WEIGHTS_FILE.is_file():
        return TicketWeights()
    data = ticket_file(WEIGHTS_FILE.name) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{WEIGHTS_FILE}: expected a mapping of weight names to numbers")
    known = {f.name: f for f in fields(TicketWeights)}
    values: dict[str, int | float] = {}
    for key, value in data.items():
        if key not in known:
            raise ValueError(f"{WEIGHTS_FILE}: unknown weight '{key}'")
        kind = int if known[key].type in ("int", int) else float
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
            raise ValueError(f"{WEIGHTS_FILE}: '{key}' must be a number ({kind.__name__})")
        values[key] = kind(value)
    return TicketWeights(**values)  # type: ignore[arg-type]  # each value has its field's type, checked above
