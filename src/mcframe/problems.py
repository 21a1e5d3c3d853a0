"""Problems found in content, reported as ``path:line:col: message``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised when content has errors; carries every problem found in the one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} content error(s)\n" + "\n".join(map(str, self.problems)))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def report(problems: list[Problem], warn: Callable[[str], object], error: type[ContentError] = ContentError) -> None:
    """Pass warnings to ``warn``; raise ``error`` with every problem if any is an error."""
    for p in problems:
        if p.severity == "warning":
            warn(str(p))
    if errors(problems):
        raise error(problems)
