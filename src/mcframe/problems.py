"""Problems found in content, reported as ``path:line:col: message``."""

from __future__ import annotations

import re
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


def report(
    problems: list[Problem], warn: Callable[[str], object], error: type[ContentError] = ContentError, *, everything: bool = False
) -> None:
    """Pass warnings to ``warn`` (summarised unless ``everything``: see :func:`summarise`); raise
    ``error`` with every problem if any is an error."""
    for line in summarise([p for p in problems if p.severity == "warning"], everything):
        warn(line)
    if errors(problems):
        raise error(problems)


SHOWN_OF_A_KIND = 3  # warnings of one kind shown before the rest are counted


def summarise(problems: list[Problem], everything: bool = False) -> list[str]:
    """Problems as lines; many of one kind (the same message but for the names in quotes) become the
    first few and a count, unless ``everything`` (--all-warnings)."""
    kinds: dict[str, list[Problem]] = {}
    for p in problems:
        kinds.setdefault(_QUOTED.sub("'…'", p.message), []).append(p)
    lines = []
    for group in kinds.values():
        shown = group if everything or len(group) <= SHOWN_OF_A_KIND + 1 else group[:SHOWN_OF_A_KIND]
        lines += [str(p) for p in shown]
        if len(shown) < len(group):
            lines.append(f"... and {len(group) - len(shown)} more like this (--all-warnings lists them all)")
    return lines


_QUOTED = re.compile(r"'[^']*'")
