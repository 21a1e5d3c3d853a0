"""Vocabularies: the controlled lists other content is tagged with; a site has any number of them."""

from __future__ import annotations

from ...models import (
    ConceptRef,
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)


class Vocabulary(Sourced):
    """An entry of a controlled vocabulary (career stages, purposes, forms of practice...) that other
    content is tagged with. A site may have any number of vocabularies, each a collection of this kind."""

    kind = "vocabulary"
    title_field = "label"
    id: Id
    label: Text
    description: Markdown
    concept: ConceptRef | None = None  # the core concept this entry belongs to, if any
    sources: Sources
