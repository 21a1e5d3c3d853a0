"""Editions: the changelog, element by element."""

from __future__ import annotations

import datetime
from typing import Literal

from ...models import (
    Element,
    Id,
    Model,
    Text,
)


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
