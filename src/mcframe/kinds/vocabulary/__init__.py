"""Vocabularies: the controlled lists other content is tagged with; a site has any number of them."""

from __future__ import annotations

from typing import Any

from ...models import (
    ConceptRef,
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, _paras


class Vocabulary(Sourced):
    """An entry of a controlled vocabulary (career stages, purposes, forms of practice...) that other
    content is tagged with. A site may have any number of vocabularies, each a collection of this kind."""

    kind = "vocabulary"
    belongs_to = "concept"
    title_field = "label"
    id: Id
    label: Text
    description: Markdown
    concept: ConceptRef | None = None  # the core concept this entry belongs to, if any
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    printer.bullets([f"{v.label}: {' '.join(_paras(v.description))}" for v in els])
    printer.notes(els, printer.lib.title_of)
