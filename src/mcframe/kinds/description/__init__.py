"""Descriptions: the rows of a table that answers one question (why, who...) for each concept."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ...models import (
    ConceptRef,
    Id,
    Markdown,
    Model,
    Sourced,
    Sources,
    Text,
)


class DescriptionCell(Model):
    concept: ConceptRef
    text: Markdown


class DescriptionRow(Sourced):
    """One row of the descriptions table: a question (why, who, ...) answered for each concept."""

    kind = "description"
    id: Id
    question: Text | None = None  # the question the row answers ("why", "who"...), shown after its title
    title: Text  # "Purpose", "Participation", ...
    cells: Annotated[list[DescriptionCell], Field(min_length=1)]
    sources: Sources
