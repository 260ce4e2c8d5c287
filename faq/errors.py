"""Exceptions raised by the knowledge base, the matcher and the value parsers."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "FaqError",
    "InputError",
    "KnowledgeBaseError",
    "Problem",
]


class FaqError(Exception):
    """Base class of every error the assistant reports to a user."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a knowledge base file.

    Attributes:
        file: Path of the file, as given.
        line: 1-based line number, or None when the problem concerns the whole file.
        message: What is wrong and what was expected.
    """

    file: str
    line: int | None
    message: str

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

    The message names the value and what was expected.
    """
