"""Editions: the changelog, element by element."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ...models import (
    Element,
    Id,
    Model,
    Text,
)
from ...printing import Printer


class Change(Model):
    id: Text  # the element's ID (an element retired in this edition no longer exists)
    change: Literal["added", "reworded", "retired"]
    note: Text | None = None


class EditionEntry(Element):
    """One edition of the library in the changelog: its number, date and what changed, element by element."""

    kind = "edition"
    title_field = "number"
    id: Id
    number: Text
    date: datetime.date
    summary: Text
    changes: list[Change] = []


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for e in els:
        printer.para(f"{printer.label('edition')} {e.number}, {e.date.isoformat()}. {e.summary}")
