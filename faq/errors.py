"""Error types and exit codes, for every layer.

Errors carry their context as fields (file, line, rule, fact, value, option), so a
caller reads what it needs from the fields and never parses a message string. Their
`str()` is the one line a user reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "EXIT_FAIL",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "FaqError",
    "InputError",
    "KnowledgeBaseError",
    "Problem",
]

EXIT_OK = 0
"""Done; for `faqbot check`, the knowledge base is sound."""
EXIT_FAIL = 1
"""An internal error, or the web server could not start."""
EXIT_INPUT = 2
"""Bad input: a value, an option, a ticket, or a broken knowledge base."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl+C."""


class FaqError(Exception):
    """Base class of every error the assistant reports to a user."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a knowledge base file.

    Attributes:
        file: Path of the file, as given.
        line: 1-based line number, or None when the problem concerns the whole file.
        message: What is wrong and what was expected.
        rule: The id of the rule that found it (e.g. "flow-cause-unreachable"), when known.
    """

    file: str
    line: int | None
    message: str
    rule: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class KnowledgeBaseError(FaqError):
    """A knowledge base could not be loaded: it carries every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(FaqError):
    """A value given by a user is not valid (a date, an address, a flow or fact name).

    Attributes:
        reason: What is wrong and what was expected, without the context below
            (the text a customer sees, who never sees fact names or options).
        fact: The fact the value was given for, if any.
        value: The value as given, if any.
        option: The command-line option it came with (e.g. "--today"), if any.
        file: The file it came from, if any.
        key: The reason's text in the interface catalogue, "" when it has none (then
            `reason` is the only wording); `params` fill it.

    `str()` puts the context first: "--today: osm_date: '31.02.2026' is not a valid date ...".
    """

    def __init__(
        self,
        reason: str,
        *,
        fact: str | None = None,
        value: str | None = None,
        option: str | None = None,
        file: str | None = None,
        key: str = "",
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.reason = reason
        self.fact = fact
        self.value = value
        self.option = option
        self.file = file
        self.key = key
        self.params = dict(params or {})
        super().__init__(": ".join([*self._where(), reason]))

    def _where(self) -> list[str]:
        return [part for part in (self.option, self.file, self.fact) if part]

    def said(self, reason: str) -> str:
        """The error with its reason in other words (the catalogue's `key` in another language)."""
        return ": ".join([*self._where(), reason])

    def within(
        self,
        *,
        fact: str | None = None,
        value: str | None = None,
        option: str | None = None,
        file: str | None = None,
    ) -> InputError:
        """Return the same error with more context (fields already set are kept)."""
        return InputError(
            self.reason,
            fact=self.fact or fact,
            value=self.value if self.value is not None else value,
            option=self.option or option,
            file=self.file or file,
            key=self.key,
            params=self.params,
        )
