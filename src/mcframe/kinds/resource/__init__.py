"""Websites: the entries of an annotated index of websites."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ...models import (
    Id,
    Sourced,
    Sources,
    Text,
    Url,
)
from ...printing import Printer


class Resource(Sourced):
    """An entry of the annotated index of websites."""

    kind = "resource"
    id: Id
    title: Text
    organisation: Text | None = None
    url: Url
    annotation: Text  # one line: what a reader finds there
    checked: datetime.date  # when the link was last checked
    status: Literal["live", "archived", "unverified"] = "unverified"
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    printer.bullets([f"{r.title}{', ' + r.organisation if r.organisation else ''}: {r.annotation} {r.url}" for r in els])
