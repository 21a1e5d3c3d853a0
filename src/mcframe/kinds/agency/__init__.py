"""Agencies: the bodies behind the programmes of a policy grid."""

from __future__ import annotations

from typing import Any

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, _paras


class Agency(Sourced):
    kind = "agency"
    title_field = "name"
    id: Id
    name: Text
    abbreviation: Text
    description: Markdown
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for a in els:
        printer.para(f"{a.name} ({a.abbreviation}). {' '.join(_paras(a.description))}")
