"""Typed problems found in the editors' files.

Problems carry a message key and parameters, not text: `messages.py` turns them into Dutch once,
so that the CLI, the MkDocs build and the editors' schemas say exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticCustomError


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    key: str
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)
    warning: bool = field(default=False, compare=False)
    """Warnings do not stop a build; they point a reviewer at something to look at."""


class DataError(Exception):
    """Raised when the editors' files cannot be published; holds every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(f"{len(self.problems)} problem(s) in the data files")


def invalid(key: str, **context: Any) -> PydanticCustomError:
    """The error a validator raises: its type is the message key, so `messages.py` can word it."""
    return PydanticCustomError(key, key, context)


def _sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line, problem.column, problem.key)
